"""What a foreign supplier's payables come to in its own currency, at the documents' own rates.

Payables are kept in the company currency (``docs/ACCOUNTS.md``): each item was converted when its document was
posted, so each open item is turned back at the rate its document used:

* goods received against an order (``goods_receipt``): the rate its receipt movement carries (``Movement.fx_rate``);
* a reversal: the rate of the item it reverses;
* any other item (a supplier invoice and its match, a return, a payment, a refund, a write-off, an opening
  balance): the fixed rate of the purchase order it names, if it names one that has a fixed rate, else the rate of
  its date (``exchange``: the latest rate dated on or before it), the rule by which an invoice or a return against
  an order was converted.

What is still owed on a document in the supplier's currency is exact: the document's amount in that currency less
each allocation that settled it, turned back at the rate of the item that settled it (a payment at the rate of its
day). So an invoice of USD 100.00 booked at 7.00 (CNY 700.00) that a payment of CNY 360.00 made at 7.20 (USD 50.00)
half settled still owes USD 50.00, though its CNY 340.00 open ÷ 7.00 would say 48.57: the CNY 10.00 between USD
50.00 at 7.00 and what is open (USD 50.00 × 0.20) is the exchange difference, which stays in the company currency's
figures. A credit (an item that settles) has what is left of it at its own rate. Allocations dated after the day
the items are read at are not counted, as they are not in the open amount.

A document recorded in the supplier's currency is taken at the amount it was recorded in, never worked back from
its company-currency amount (rounded to the cent, which divided by a rate far below 1 is off by many units: 1 VND
= 0.000071 CNY puts 70 dong in half a fen): a ``goods_receipt`` at its movement's quantity × the order's price in that
currency (``fx_unit_price``) with the order's tax, a ``supplier_invoice`` for a foreign order at its own amount, a
reversal at the opposite of what it reverses. An allocation settles such an item's amount in the item's own
proportion (its amount in the currency per unit of the company's), so one that settles it whole settles all of it.
Only the last figure is rounded, once. The other items (money, returns, matches, openings) are made in the company
currency and are worked back at their rate.

A supplier in the company currency has no foreign amount. One item whose rate is not known (no rate of its date,
its own or a settling item's) leaves the supplier's amount unknown (None) rather than a sum that silently leaves it
out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.accounts.rows import OpenItemRow
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.purchasing.exchange import needs_rate

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ForeignBalance:
    """A supplier's balance in its own ``currency``; ``amount`` None when a rate was not known."""

    currency: str
    amount: Decimal | None


def foreign_balances(uow, rows: Iterable[OpenItemRow], as_of: date | None = None) -> dict[str, ForeignBalance]:
    """Each foreign-currency supplier of ``rows`` (payables' open items, as ``open_items`` reads them at a day) with
    its balance in its own currency: Σ what is open of each item in it (+ owed, − credit; ``foreign_items``).

    Args:
        uow: a unit of work (opened and left here; read only).
        rows: the open items of the payables side.
        as_of: the day ``rows`` were read at (None: today, every allocation counted).

    Returns:
        partner id → ``ForeignBalance``, only for suppliers whose currency is not the company's.
    """
    rows = list(rows)
    each = foreign_items(uow, rows, as_of)
    out: dict[str, ForeignBalance] = {}
    for row in rows:
        item = each.get(row.id)
        if item is None:
            continue
        before = out.get(row.partner_id, ForeignBalance(item.currency, ZERO))
        total = None if before.amount is None or item.amount is None else before.amount + item.amount
        out[row.partner_id] = ForeignBalance(item.currency, total)
    return out


def foreign_items(uow, rows: Iterable[OpenItemRow], as_of: date | None = None) -> dict[str, ForeignBalance]:
    """Each open item of a foreign-currency supplier among ``rows`` with what is open of it in that currency (+ owed,
    − credit; None when a rate is not known), rounded to the money places: for an item owed, its amount in that
    currency less what its allocations (dated on or before ``as_of``, all when None) settled in it (see the module).

    Returns:
        item id → ``ForeignBalance``; the items of suppliers in the company currency are left out.
    """
    out = {}
    with uow:
        company = uow.purchasing.policy().currency
        currencies: dict[str, str] = {}
        rates: dict[str, tuple[Decimal, Decimal] | None] = {}  # item id → its proportion, each looked up once
        for row in rows:
            if row.partner_id not in currencies:
                supplier = uow.suppliers.get(row.partner_id)
                currencies[row.partner_id] = supplier.currency if supplier is not None else company
            currency = currencies[row.partner_id]
            if not needs_rate(currency, company):
                continue
            left = _open_in(uow, currency, row, as_of, rates)
            out[row.id] = ForeignBalance(currency, None if left is None else round_money(left, uow.money_places))
    return out


def _open_in(uow, currency: str, row: OpenItemRow, as_of: date | None,
             rates: dict[str, tuple[Decimal, Decimal] | None]) -> Decimal | None:
    """What is open of ``row`` in ``currency``, unrounded (+ owed, − credit); None when a rate is not known."""
    own = _rate(uow, currency, row.id, rates)
    if own is None:
        return None
    if row.amount < 0:  # credit: what is left of it, at its own rate
        return -row.open * own[1] / own[0]
    settled = Decimal(0)
    for allocation in uow.accounts.allocations_of(row.id):  # undo rows (negative) take back what they undo
        if allocation.debit_item_id != row.id or (as_of is not None and allocation.business_date > as_of):
            continue
        by = _rate(uow, currency, allocation.credit_item_id, rates)
        if by is None:
            return None
        settled += allocation.amount * by[1] / by[0]
    return row.amount * own[1] / own[0] - settled


def _rate(uow, currency: str, item_id: str, rates: dict[str, tuple[Decimal, Decimal] | None]
          ) -> tuple[Decimal, Decimal] | None:
    """(company amount, amount in ``currency``) of the item: its proportion, each looked up once."""
    if item_id not in rates:
        rates[item_id] = _item_rate(uow, currency, item_id)
    return rates[item_id]


def _item_rate(uow, currency: str, item_id: str, depth: int = 0) -> tuple[Decimal, Decimal] | None:
    """The item ``item_id`` as (its amount in the company currency, the same in ``currency``): as recorded in the
    currency where its document was, else its amount and that over the rate it was converted at (see the module)."""
    item = uow.accounts.get(item_id)
    if item is None:
        return None
    if item.reverses_id and depth < 4:
        original = _item_rate(uow, currency, item.reverses_id, depth + 1)
        return None if original is None else (-original[0], -original[1])
    recorded = _recorded(uow, currency, item)
    if recorded is not None and item.amount:
        return item.amount, recorded
    rate = _converted_at(uow, currency, item)
    return None if rate is None else (rate, Decimal(1))


def _recorded(uow, currency: str, item) -> Decimal | None:
    """The item's amount as its document recorded it in ``currency``, None when it was made in the company's."""
    if item.fx_currency == currency and item.fx_amount is not None:  # money typed in the currency
        return item.fx_amount
    if item.kind.value == "exchange_difference":  # a difference of the company currency alone: nothing in this one
        return Decimal(0)
    if item.kind.value == "goods_receipt" and item.source_id:
        movement = uow.movements.get(item.source_id)
        po = uow.purchasing.by_number(item.number.upper()) if item.number else None
        if (movement is not None and po is not None and movement.fx_currency == currency
                and movement.fx_unit_price is not None):
            return movement.qty * movement.fx_unit_price * (HUNDRED + po.tax_rate) / HUNDRED
    if item.kind.value == "supplier_invoice":
        invoice = uow.supplier_invoices.by_number(item.partner_id, item.number)
        po = uow.purchasing.get(invoice.po_id) if invoice is not None and invoice.po_id else None
        if po is not None and po.currency == currency and invoice.id == item.source_id:
            return invoice.amount
    return None


def _converted_at(uow, currency: str, item) -> Decimal | None:
    """Company currency per 1 ``currency`` at which ``item`` was converted."""
    if item.kind.value == "goods_receipt" and item.source_id:
        movement = uow.movements.get(item.source_id)
        if movement is not None and movement.fx_rate:
            return movement.fx_rate
    for ref in (item.reference, item.number):
        po = uow.purchasing.by_number(ref.upper()) if ref else None
        if po is not None and po.currency == currency and po.fixed_rate:
            return po.fixed_rate
    found = uow.rates.on(currency, item.business_date)
    return found.rate if found is not None else None


@dataclass(frozen=True)
class _Open:
    id: str
    amount: Decimal
    open: Decimal


def open_in_currency(uow, currency: str, item, open_: Decimal,
                     rates: dict[str, tuple[Decimal, Decimal] | None]) -> Decimal | None:
    """What is open of ``item`` (``open_`` of it in the company currency) in ``currency``, unrounded, counting every
    allocation (+ owed, − credit); None when a rate is not known. ``rates`` caches each item's proportion."""
    return _open_in(uow, currency, _Open(item.id, item.amount, open_), None, rates)


def proportion(uow, currency: str, item_id: str, rates: dict[str, tuple[Decimal, Decimal] | None]
               ) -> tuple[Decimal, Decimal] | None:
    """(company amount, amount in ``currency``) of the item ``item_id``: its rate as a proportion."""
    return _rate(uow, currency, item_id, rates)


@dataclass(frozen=True)
class PaymentRate:
    """What a payment to a supplier in a foreign currency comes to in it: the supplier's ``currency``, what it owes in
    it (``owed``, None when a rate is not known), and the rate of the payment's day (company currency per 1 unit,
    ``rate``, with the day it was entered from, ``rate_from``; None when there is none on or before the day).

    Money is recorded in the company currency (``docs/ACCOUNTS.md``); the entry shows these so that a payment of
    USD 5,220.60 is not typed as CNY 5,220.60."""

    currency: str
    company: str
    owed: Decimal | None
    rate: Decimal | None
    rate_from: date | None
    places: int

    def paid(self, amount: Decimal) -> Decimal | None:
        """``amount`` in the company currency as the supplier's currency at the day's rate; None without a rate."""
        return None if not self.rate else round_money(amount / self.rate, self.places)


def payment_rate(uow, partner_id: str, owed: ForeignBalance | None, day: date) -> PaymentRate | None:
    """The ``PaymentRate`` of a payment to supplier ``partner_id`` on ``day``; None for a supplier in the company
    currency (or one not found).

    Args:
        uow: a unit of work (opened and left here; read only).
        partner_id: the supplier's id.
        owed: its balance in its currency (``foreign_balances``' entry for it; None when it has no open items).
        day: the payment's day, whose rate (the latest dated on or before it) is given.
    """
    with uow:
        company = uow.purchasing.policy().currency
        supplier = uow.suppliers.get(partner_id)
        if supplier is None or not needs_rate(supplier.currency, company):
            return None
        found = uow.rates.on(supplier.currency, day)
        places = uow.money_places
    return PaymentRate(supplier.currency, company, ZERO if owed is None else owed.amount,
                       found.rate if found is not None else None, found.valid_from if found is not None else None,
                       places)
