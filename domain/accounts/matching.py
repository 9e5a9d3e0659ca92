"""The match of a supplier invoice (采购发票) against what was ordered and received: a pure computation.

Per product of each source (a purchase order, or a goods receipt ``GR-…`` that came without one), the match sets
side by side:

* ``ordered``: the PO line's quantity (none for a receipt without a PO);
* ``received``: what came in (the PO line's received quantity, net of returns against the PO; a receipt's line
  less what returns against it took back);
* ``invoiced_before``: what earlier invoices of the supplier (not reversed) billed of it;
* ``invoiced`` and ``invoice_price``: what this invoice bills (per stock unit, without tax);
* ``price``: the PO's unit price (a receipt's unit cost without a PO), without tax.

From them: the quantity difference ``invoiced - (received - invoiced_before)`` (what it bills beyond what is still
to be billed; negative: less), the price difference ``invoice_price - price`` per unit, and the money difference
``invoiced x invoice_price - outstanding x price`` without tax. The invoice's total difference is its amount with tax
less what the outstanding quantities are worth at the order's prices with the same tax rate; it is what the
payable moves by against the receipts' accruals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class MatchSource:
    """What one source brought in of one product (a row of the match before the invoice's own figures)."""

    source: str  # the PO's number or the receipt's (GR-…)
    product_id: str
    sku: str
    name: str
    ordered: Decimal | None  # None: a receipt without a purchase order
    received: Decimal
    invoiced_before: Decimal
    price: Decimal  # per stock unit, without tax

    @property
    def outstanding(self) -> Decimal:
        """Received and not yet billed (never below 0)."""
        return max(self.received - self.invoiced_before, ZERO)


@dataclass(frozen=True)
class MatchRow:
    """One product of one source, matched: the quantities, the two prices and the differences."""

    source: str
    sku: str
    name: str
    ordered: Decimal | None
    received: Decimal
    invoiced_before: Decimal
    invoiced: Decimal
    price: Decimal
    invoice_price: Decimal
    qty_difference: Decimal
    price_difference: Decimal
    difference: Decimal  # money, without tax

    @property
    def differs(self) -> bool:
        return self.qty_difference != 0 or self.price_difference != 0 or self.difference != 0


@dataclass(frozen=True)
class Match:
    """The whole match: its rows, the invoice's amount and tax, what was expected and the difference.

    ``by_amount``: the invoice was entered as one amount; its rows then take what they cover at the order's
    prices (``invoiced`` = outstanding, ``invoice_price`` = ``price``) and only the total can differ.
    """

    rows: tuple[MatchRow, ...]
    tax_rate: Decimal
    amount: Decimal  # with tax
    tax: Decimal
    expected: Decimal  # the outstanding quantities at the order's prices, with tax
    by_amount: bool = False

    @property
    def difference(self) -> Decimal:
        return self.amount - self.expected

    @property
    def net(self) -> Decimal:
        return self.amount - self.tax


def with_tax(net: Decimal, rate: Decimal, places: int) -> tuple[Decimal, Decimal]:
    """(amount with tax, tax) of ``net``, each rounded to the money places."""
    net = round_money(net, places)
    tax = round_money(net * rate / HUNDRED, places)
    return net + tax, tax


def tax_in(amount: Decimal, rate: Decimal, places: int) -> Decimal:
    """The tax included in ``amount`` at ``rate`` percent."""
    return round_money(amount * rate / (HUNDRED + rate), places)


def match(sources: list[MatchSource], billed: dict[tuple[str, str], tuple[Decimal, Decimal]], rate: Decimal,
          places: int, amount: Decimal | None = None) -> Match:
    """Match an invoice against its sources.

    Args:
        sources: what each source brought in, per product (in the order to show).
        billed: (source, product_id) → (qty, unit price without tax) of the invoice's lines; ignored when
            ``amount`` is given.
        rate: the tax rate in percent (the PO's).
        places: the company currency's money places.
        amount: the invoice's amount with tax when it was entered as one amount (None: from its lines).

    Returns:
        The match with its rows, the invoice's amount and tax and what was expected.
    """
    rows = []
    expected_net = ZERO
    net = ZERO
    for s in sources:
        expected_net += s.outstanding * s.price
        if amount is not None:
            qty, price = s.outstanding, s.price
        else:
            qty, price = billed.get((s.source, s.product_id), (ZERO, s.price))
        net += qty * price
        rows.append(MatchRow(
            source=s.source, sku=s.sku, name=s.name, ordered=s.ordered, received=s.received,
            invoiced_before=s.invoiced_before, invoiced=qty, price=s.price, invoice_price=price,
            qty_difference=qty - s.outstanding, price_difference=price - s.price if qty else ZERO,
            difference=round_money(qty * price - s.outstanding * s.price, places)))
    expected, _ = with_tax(expected_net, rate, places)
    if amount is not None:
        total, tax = round_money(amount, places), tax_in(amount, rate, places)
    else:
        total, tax = with_tax(net, rate, places)
    return Match(tuple(rows), rate, total, tax, expected, by_amount=amount is not None)
