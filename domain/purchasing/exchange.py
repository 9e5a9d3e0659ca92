"""Exchange rates and the rule that turns a foreign-currency purchase price into stock value.

A rate says how many units of the company's own currency (``PurchasingPolicy.currency``) one
unit of a foreign currency is worth, from a date on: ``USD 7.1234 from 2026-12-01`` means
1 USD = 7.1234 CNY. Rates are exact Decimals above 0 with at most 8 decimals (stored like
unit costs). **The rate of a date is the latest rate dated on or before it**; a rate dated
later does not reach back, and before the first rate of a currency there is none.

The valuation rule for a purchase order in a foreign currency (``rate_for_po``):

1. A PO in the company's own currency needs no rate: its prices are stock value as they are.
2. A PO with a *fixed rate* entered on it (a rate agreed with the supplier or hedged) uses that
   rate for every receipt, whatever the date.
3. Otherwise each receipt uses the rate of the *receipt's* date (its business date, in local
   time), so goods are valued at what they cost on the day they came in.
4. With neither, the receipt is refused (``NoExchangeRate``) and nothing is written.

Stock value per unit is ``round_cost(PO unit price × rate)``; the receipt movement keeps the
foreign unit price, the currency and the rate next to it, so every valuation can be traced
back. Each PO revision freezes the rate in force when it was made (the fixed rate, or the
rate of the revision's date) into its snapshot, and the PDF prints it; that printed rate is a
reference for the reader, the receipt still follows rule 2 or 3.

Sums of money never mix currencies: ``totals_by_currency`` groups amounts by their currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.kernel import validate as v
from domain.kernel.currencies import iso_currency
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_cost

RATE_PLACES = 8
FIXED = "fixed"  # AppliedRate.source: the rate entered on the PO
DATED = "dated"  # AppliedRate.source: the rate of a date from the rates table

RATE_COMMAND = "stockroom rate set {currency} RATE --date {day}"
RATE_WINDOW_PLACE = "Settings › Exchange rates"
PO_RATE_COMMAND = "stockroom po rate {po} RATE"


@dataclass(frozen=True)
class ExchangeRate:
    """1 ``currency`` = ``rate`` units of the company currency, from ``valid_from`` on."""

    currency: str
    valid_from: date
    rate: Decimal
    id: str = ""
    device_id: str = ""
    version: int = 1


@dataclass(frozen=True)
class AppliedRate:
    """The rate a valuation used and where it came from.

    Attributes:
        currency: the foreign currency (the PO's).
        company_currency: the currency stock is valued in.
        rate: units of ``company_currency`` per 1 ``currency``.
        source: ``FIXED`` (entered on the PO) or ``DATED`` (the rates table).
        valid_from: for ``DATED``, the date of the rate that was found.
    """

    currency: str
    company_currency: str
    rate: Decimal
    source: str
    valid_from: date | None = None

    def text(self) -> str:
        """E.g. ``1 USD = 7.1234 CNY, rate of 2026-12-01`` or ``1 USD = 7.1 CNY, fixed on this PO``."""
        head = f"1 {self.currency} = {fmt(self.rate)} {self.company_currency}"
        if self.source == FIXED:
            return f"{head}, fixed on this PO"
        return f"{head}, rate of {self.valid_from.isoformat() if self.valid_from else ''}"

    def convert(self, foreign_unit_price: Decimal) -> Decimal:
        """The unit cost in the company currency: ``round_cost(price × rate)``."""
        return round_cost(foreign_unit_price * self.rate)


class NoExchangeRate(RuleViolation):
    """A receipt against a foreign-currency PO on a date before the currency's first rate.

    The message says where to enter one; the attributes let a screen say it in its own language.
    """

    def __init__(self, currency: str, day: date, po_label: str) -> None:
        super().__init__(
            f"no exchange rate for {currency} on or before {day.isoformat()}, so {po_label} cannot be valued in "
            f"the company currency; nothing was posted. Enter the rate with "
            f"`{RATE_COMMAND.format(currency=currency, day=day.isoformat())}` or in {RATE_WINDOW_PLACE}, "
            f"or fix a rate on the PO with `{PO_RATE_COMMAND.format(po=po_label)}` (Purchasing › Fixed rate)",
            code="no_exchange_rate", params={"currency": currency, "day": day.isoformat(), "po": po_label})
        self.currency = currency
        self.day = day
        self.po_label = po_label


def rate_value(value: object, field: str = "rate") -> Decimal:
    """An exchange rate from input: a number above 0 with at most 8 decimals, or BadInput."""
    result = v.number(field, value, max_places=RATE_PLACES)
    if result <= 0:
        raise BadInput(field, f"{value} is not above 0; enter how many units of the company currency one unit of "
                              f"the foreign currency is worth, such as 7.1234",
                       code="rate_not_above_zero", values=(value,))
    if result >= Decimal(10) ** 10:
        raise BadInput(field, f"{value} is too large; at most 9,999,999,999.99999999 is accepted",
                       code="rate_too_large", values=(value,))
    return result


def foreign_currency(value: object, company_currency: str, field: str = "currency") -> str:
    """An ISO 4217 code that is not the company's own (which needs no rate)."""
    code = iso_currency(value, field)
    if code == company_currency:
        raise BadInput(field, f"{code} is the company currency; rates are entered for other currencies, "
                              f"such as USD or EUR", code="rate_for_company_currency", values=(code,))
    return code


def rate_on(rates: Iterable[ExchangeRate], currency: str, day: date) -> ExchangeRate | None:
    """The latest rate of ``currency`` dated on or before ``day``; None when there is none.

    Args:
        rates: any rates (of any currencies, in any order).
        currency: the ISO code wanted.
        day: the business date.
    """
    best = None
    for r in rates:
        if r.currency == currency and r.valid_from <= day and (best is None or r.valid_from > best.valid_from):
            best = r
    return best


def rate_for_po(
    po_currency: str, company_currency: str, fixed_rate: Decimal | None, found: ExchangeRate | None,
) -> AppliedRate | None:
    """The rate that values a PO's prices on a day (see the module docstring for the rule).

    Args:
        po_currency: the PO's currency.
        company_currency: the currency stock is valued in.
        fixed_rate: the rate entered on the PO, or None.
        found: the rates table's rate of the day (``rate_on``), or None.

    Returns:
        None for a PO in the company currency (no conversion) and also when a foreign PO has no
        rate at all; use ``needs_rate`` to tell the two apart.
    """
    if po_currency == company_currency:
        return None
    if fixed_rate is not None:
        return AppliedRate(po_currency, company_currency, fixed_rate, FIXED)
    if found is not None:
        return AppliedRate(po_currency, company_currency, found.rate, DATED, found.valid_from)
    return None


def needs_rate(po_currency: str, company_currency: str) -> bool:
    return po_currency != company_currency


def totals_by_currency(amounts: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Sum (currency, amount) pairs per currency, in the order currencies first appear; never across them."""
    totals: dict[str, Decimal] = {}
    for currency, amount in amounts:
        totals[currency] = totals.get(currency, ZERO) + amount
    return totals


def totals_text(totals: dict[str, Decimal], money_text=lambda x: fmt(x)) -> str:
    """``1,200.00 CNY + 35.50 USD``: one amount per currency, never one bare sum."""
    return " + ".join(f"{money_text(amount)} {currency}" for currency, amount in totals.items())
