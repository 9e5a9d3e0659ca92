"""Changing a supplier's currency: the rule every path follows (supplier editor, command line, imports).

A supplier's term prices (its unit price per product and its price breaks) are numbers in the
supplier's currency. Changing the currency alone would make every one of them be read in the new
currency (147 CNY prices read as USD turn a 6,000 CNY order into one of 43,000 CNY). So:

* while the supplier has open purchase orders (draft, issued, partly received) or unsettled
  payables, the change is refused, naming them: they were priced or are owed in the old currency;
* otherwise the caller chooses what the prices do: ``convert`` them at a rate (given, or the
  current one from the exchange rates) or ``keep`` the numbers as they are; without a choice the
  change is refused (``CurrencyChangeNeedsChoice``), with the choices named;
* ``plan_currency_change`` computes the old → new prices without writing anything (the preview a
  screen or the command line shows before asking), and ``apply_currency_change`` writes exactly
  that plan inside the supplier update's own transaction.

The rate is stated as 1 unit of the new currency in the old one (changing CNY to USD at
1 USD = 7.2 CNY: 7.2); a converted price is old price / rate, rounded to 4 decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal

from domain.accounts.model import Side
from domain.catalog.model import Supplier
from domain.catalog.packs import PriceBreak
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import ENGLISH

CONVERT = "convert"
KEEP = "keep"
CHOICES = (CONVERT, KEEP)
PRICE_EXP = Decimal("0.0001")


@dataclass(frozen=True)
class Repriced:
    """One price of the supplier's terms: its product, the break quantity (None: the unit price), old and new."""

    sku: str
    min_qty: Decimal | None
    old: Decimal
    new: Decimal


@dataclass(frozen=True)
class CurrencyChange:
    """What changing ``supplier``'s currency from ``old`` to ``new`` does to its prices (nothing written yet)."""

    supplier: str
    old: str
    new: str
    prices: str  # CONVERT or KEEP
    rate: Decimal | None  # 1 new = rate old; None when the prices are kept
    lines: tuple[Repriced, ...]

    def text(self) -> str:
        """The preview in English, one price a line (the command line prints it)."""
        how = (f"prices converted at 1 {self.new} = {fmt(self.rate)} {self.old}" if self.prices == CONVERT and
               self.rate is not None else f"prices kept as numbers, now read in {self.new}")
        head = f"supplier {self.supplier}: currency {self.old} → {self.new}, {how}"
        rows = [f"  {r.sku}{'' if r.min_qty is None else f' from {fmt(r.min_qty)}'}: {fmt(r.old)} {self.old} → "
                f"{fmt(r.new)} {self.new}" for r in self.lines]
        return "\n".join([head, *rows] if rows else [head, "  (no term prices)"])


class CurrencyChangeBlocked(RuleViolation):
    """The supplier has open POs or unsettled payables made in its current currency; nothing was changed.

    Attributes:
        supplier, old, new: the supplier's code and the two currencies.
        orders: the open POs' numbers (a draft's id) with their state.
        payables: the numbers of the supplier's open payable items.
    """

    def __init__(self, supplier: str, old: str, new: str, orders: list[tuple[str, str]], payables: list[str]):
        self.supplier, self.old, self.new, self.orders, self.payables = supplier, old, new, orders, payables
        named = some_names([n for n, _ in orders])  # numbers only: a state word stays English in Chinese
        params = {"supplier": supplier, "old": old, "new": new, "orders": named, "payables": some_names(payables)}
        super().__init__(ENGLISH["supplier_currency_blocked"].format(**params), code="supplier_currency_blocked",
                         params=params)


def some_names(names: list[str], most: int = 8) -> str:
    """The distinct names in order, at most ``most`` of them and how many in all beyond; ``none`` for none."""
    distinct = list(dict.fromkeys(names))
    if not distinct:
        return "none"
    shown = ", ".join(distinct[:most])
    return shown if len(distinct) <= most else f"{shown} … ({len(distinct)})"


class CurrencyChangeNeedsChoice(RuleViolation):
    """A new currency for a supplier with term prices, without saying what the prices do; nothing was changed."""

    def __init__(self, supplier: str, old: str, new: str, prices: int) -> None:
        self.supplier, self.old, self.new, self.prices = supplier, old, new, prices
        params = {"supplier": supplier, "old": old, "new": new, "prices": prices}
        super().__init__(ENGLISH["supplier_currency_needs_choice"].format(**params),
                         code="supplier_currency_needs_choice", params=params)


def parse_choice(value: object) -> str | None:
    """``convert``, ``keep`` or None (no choice made)."""
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    if text not in CHOICES:
        raise BadInput("prices", f"{value!r} is not accepted; enter convert or keep", code="not_a_price_choice",
                       values=(repr(value),))
    return text


def current_rate(uow: UnitOfWork, old: str, new: str, day: date) -> Decimal:
    """1 ``new`` in ``old`` from the exchange rates of ``day`` (each stated in the company currency).

    Raises:
        BadInput: on the field ``rate``, when a currency other than the company's has no rate on that day.
    """
    company = uow.purchasing.policy().currency

    def in_company(code: str) -> Decimal:
        if code == company:
            return Decimal(1)
        found = uow.rates.on(code, day)
        if found is None:
            raise BadInput("rate", f"there is no exchange rate for {code} on {day.isoformat()}; enter the rate "
                                   f"(1 {new} = how many {old}) or add a rate for {code}",
                           code="no_rate_for_change", values=(code, day.isoformat(), new, old))
        return found.rate
    return in_company(new) / in_company(old)


def plan_currency_change(uow: UnitOfWork, supplier: Supplier, new: str, prices: object, rate: object,
                         day: date) -> CurrencyChange:
    """What changing ``supplier``'s currency to ``new`` would do to its prices, checked; nothing is written.

    Args:
        uow: an entered unit of work.
        supplier: the stored supplier (its currency is the old one).
        new: the checked new currency code, other than the supplier's.
        prices: ``convert`` or ``keep`` (None: not chosen).
        rate: for ``convert``, 1 new in old (text or Decimal); None or ``current``: from the exchange rates.
        day: the day whose exchange rates ``current`` uses.

    Raises:
        CurrencyChangeBlocked: open POs or unsettled payables.
        CurrencyChangeNeedsChoice: term prices and no choice.
        BadInput: a choice or rate that is not accepted.
    """
    old = supplier.currency
    orders = [(number, state) for number, state, _ in uow.purchasing.open_orders(supplier.id)]
    payables = [o.item.number for o in uow.accounts.open_items(Side.AP, supplier.id)]
    if orders or payables:
        raise CurrencyChangeBlocked(supplier.code, old, new, orders, payables)
    choice = parse_choice(prices)
    terms = sorted(((uow.products.get(x.product_id), x) for x in uow.suppliers.terms_of(supplier.id)),
                   key=lambda pt: pt[0].sku if pt[0] else "")
    found = [(p.sku, None, x.unit_price) for p, x in terms if p is not None]
    for p, _ in terms:
        if p is not None:
            found += [(p.sku, b.min_qty, b.price) for b in uow.purchasing.price_breaks(supplier.id, p.id)]
    found.sort(key=lambda f: (f[0], f[1] is not None, f[1] or 0))  # each product's unit price, then its breaks
    if choice is None:
        if found:
            raise CurrencyChangeNeedsChoice(supplier.code, old, new, len(found))
        choice = KEEP
    factor = None
    if choice == CONVERT:
        if rate in (None, "") or str(rate).strip().lower() == "current":
            factor = current_rate(uow, old, new, day)
        else:
            factor = v.number("rate", rate, max_places=8)
            if factor <= 0:
                raise BadInput("rate", f"{rate} is not above 0; enter how many {old} make 1 {new}, such as 7.2",
                               code="change_rate_not_positive", values=(rate, old, new))
    lines = tuple(Repriced(sku, q, price, price if factor is None else
                           (price / factor).quantize(PRICE_EXP, ROUND_HALF_UP)) for sku, q, price in found)
    return CurrencyChange(supplier.code, old, new, choice, factor, lines)


def apply_currency_change(uow: UnitOfWork, supplier: Supplier, change: CurrencyChange) -> None:
    """Write the converted prices of ``change`` (kept prices need no write) in the caller's transaction."""
    if change.prices != CONVERT:
        return
    new_price = {(r.sku, r.min_qty): r.new for r in change.lines}
    for terms in uow.suppliers.terms_of(supplier.id):
        product = uow.products.get(terms.product_id)
        if product is None:
            continue
        uow.suppliers.add_terms(replace(terms, unit_price=new_price.get((product.sku, None), terms.unit_price),
                                        version=terms.version + 1))
        breaks = uow.purchasing.price_breaks(supplier.id, product.id)
        if breaks:
            uow.purchasing.set_price_breaks(supplier.id, product.id, [
                PriceBreak(b.min_qty, new_price.get((product.sku, b.min_qty), b.price)) for b in breaks])
