"""采购汇总表 and 采购明细表: what was bought over a period, by supplier, by product or by supplier × product, and
the receipt lines each row is made of.

The read (``persistence.reports.purchases.purchase_lines``) hands one ``PurchaseLine`` per movement of the period
that the stock summary counts as a purchase receipt (``Flow.RECEIPT``: a receipt against a purchase order or a free
one, not a customer's return nor imported opening stock) or as goods back to the supplier (``Flow.SUPPLIER_RETURN``),
a reversal under the flow of what it reverses and with the opposite sign. So the received value here is the stock
summary's receipts column for the same period and warehouse to the cent, and the returns its supplier-returns
column: both are the ledger's values, in the company currency, before tax.

Tax is the rate of what the goods came in on, on the value: a receipt against an order, or a return against an
order or against a receipt of one, the order's; a free receipt (no order), or a return against one, the rate the
receipt kept when it was posted (``documents.tax_rate``, migration 0018), at which its invoice is matched. A free
receipt that kept none (one migration 0018 could not fill) has its tax not known (``tax_known`` False): its row
counts it in ``untaxed`` and has no tax nor amount with tax (None) rather than a 0 that reads as a fact. A return
against nothing carries no tax (its payable had none).
A receipt in a foreign currency keeps the order's price in that currency and the rate it was valued at; a row shows
what it received in that currency when all of its receipts were in one foreign currency. Returns leave at the
ledger's cost, which is in the company currency only.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from domain.reports.model import HUNDRED
from domain.reports.model import percent

AVERAGE_PLACES = 4  # an average unit cost: to a hundredth of a fen, enough for the cheapest item


class PurchaseBy(enum.StrEnum):
    SUPPLIER = "supplier"
    PRODUCT = "product"
    SUPPLIER_PRODUCT = "supplier-product"


class PurchaseLine(NamedTuple):
    """One line of goods bought (a receipt's movement) or sent back (a return's), as the report counts it: ``qty``
    and ``value`` positive for what came in (``returned`` False) or went back (``returned`` True), negative for the
    reversal of either. ``value`` is in the company currency before tax; ``tax_rate`` the order's percent (None: no
    order, no tax); ``currency`` the foreign currency of a receipt against a foreign-currency order ("" otherwise),
    with its unit ``price`` in that currency and the ``rate`` used."""

    occurred_at: datetime
    document: str  # the goods receipt's number (GR-…) or the return's; "" when none is found
    order: str  # the purchase order's number, "" for a free receipt
    supplier: str  # the supplier's code, "" when none is known (an import)
    supplier_name: str
    sku: str
    name: str
    unit: str
    returned: bool
    qty: Decimal
    value: Decimal
    tax_rate: Decimal | None = None
    currency: str = ""
    price: Decimal | None = None
    rate: Decimal | None = None
    reversal: bool = False  # the reversal of a receipt or return (its figures negative)
    tax_known: bool = True  # False: a free receipt (or a return against one) that kept no tax rate

    @property
    def tax(self) -> Decimal:
        """The tax on ``value`` at ``tax_rate``, to the cent (half up); nothing without a rate (or one not known:
        see ``tax_known``)."""
        return ZERO if self.tax_rate is None else round_money(self.value * self.tax_rate / HUNDRED)

    @property
    def with_tax(self) -> Decimal:
        return self.value + self.tax

    @property
    def known_tax(self) -> Decimal | None:
        """``tax``, None when the rate is not known (what a screen or sheet shows)."""
        return self.tax if self.tax_known else None

    @property
    def known_with_tax(self) -> Decimal | None:
        return self.with_tax if self.tax_known else None

    @property
    def unit_cost(self) -> Decimal | None:
        return None if self.qty == ZERO else round_money(self.value / self.qty, AVERAGE_PLACES)

    @property
    def foreign(self) -> Decimal | None:
        """What the line is in its foreign currency (quantity × the order's price), None in the company's."""
        return None if not self.currency or self.price is None else round_money(self.qty * self.price)


class PurchaseRow(NamedTuple):
    """A line of the summary. The key's fields that the grouping does not use are ""."""

    supplier: str
    supplier_name: str
    sku: str
    name: str
    unit: str
    received_qty: Decimal
    received_value: Decimal
    returned_qty: Decimal
    returned_value: Decimal
    tax: Decimal  # on what was received, less that on what went back
    currency: str  # the one foreign currency of all its receipts, else ""
    foreign: Decimal | None  # what was received in ``currency``
    share_pct: Decimal | None = None  # of the report's total net value
    untaxed: int = 0  # its lines whose tax is not known (a free receipt that kept no rate): ``tax`` leaves them out

    @property
    def net_qty(self) -> Decimal:
        return self.received_qty - self.returned_qty

    @property
    def net_value(self) -> Decimal:
        """Received less returned, before tax (采购净额)."""
        return self.received_value - self.returned_value

    @property
    def with_tax(self) -> Decimal:
        """价税合计: the net value and its tax."""
        return self.net_value + self.tax

    @property
    def known_tax(self) -> Decimal | None:
        """``tax``, None when a line's is not known (``untaxed``): a sum without it would read as the tax."""
        return None if self.untaxed else self.tax

    @property
    def known_with_tax(self) -> Decimal | None:
        return None if self.untaxed else self.with_tax

    @property
    def average_cost(self) -> Decimal | None:
        """What a unit received cost on average (before tax), None when nothing (net) was received."""
        return None if self.received_qty == ZERO else round_money(self.received_value / self.received_qty,
                                                                  AVERAGE_PLACES)


def key_of(line: PurchaseLine, by: PurchaseBy) -> tuple[str, str, str, str, str]:
    """The row ``line`` counts in: (supplier, supplier name, SKU, name, unit), "" where ``by`` does not group."""
    if by == PurchaseBy.SUPPLIER:
        return line.supplier, line.supplier_name, "", "", ""
    if by == PurchaseBy.PRODUCT:
        return "", "", line.sku, line.name, line.unit
    return line.supplier, line.supplier_name, line.sku, line.name, line.unit


def _row(key: tuple[str, str, str, str, str], lines: list[PurchaseLine]) -> PurchaseRow:
    rq = rv = tq = tv = tax = ZERO
    currencies: set[str] = set()
    foreign = ZERO
    untaxed = sum(1 for line in lines if not line.tax_known)
    for line in lines:
        if line.returned:
            tq += line.qty
            tv += line.value
            tax -= line.tax
        else:
            rq += line.qty
            rv += line.value
            tax += line.tax
            currencies.add(line.currency)
            foreign += line.foreign or ZERO
    one = next(iter(currencies)) if len(currencies) == 1 else ""
    return PurchaseRow(*key, rq, rv, tq, tv, tax, one, foreign if one else None, untaxed=untaxed)


def purchase_rows(lines: Iterable[PurchaseLine], by: PurchaseBy) -> list[PurchaseRow]:
    """The summary's rows by ``by`` in key order (supplier code, then SKU), each with its share of the total net
    value; a row whose receipts and returns all net to nothing is left out.

    Args:
        lines: the period's purchase lines (``PurchaseLine``).
        by: supplier, product, or supplier × product.
    """
    groups: dict[tuple[str, str, str, str, str], list[PurchaseLine]] = {}
    for line in lines:
        groups.setdefault(key_of(line, by), []).append(line)
    rows = [_row(key, group) for key, group in groups.items()]
    rows = [r for r in rows if (r.received_qty, r.received_value, r.returned_qty, r.returned_value, r.tax)
            != (ZERO, ZERO, ZERO, ZERO, ZERO)]
    whole = sum((r.net_value for r in rows), ZERO)
    return sorted((r._replace(share_pct=percent(r.net_value, whole)) for r in rows),
                  key=lambda r: (r.supplier, r.sku, r.supplier_name, r.name))


def purchase_total(rows: Iterable[PurchaseRow]) -> PurchaseRow:
    """The rows added up (the report's last line); its share is 100 % when there is a net value."""
    rows = list(rows)

    def added(field: str) -> Decimal:
        return sum((getattr(r, field) for r in rows), ZERO)

    currencies = {r.currency for r in rows if r.received_qty or r.received_value}
    one = next(iter(currencies)) if len(currencies) == 1 else ""
    foreign = sum((r.foreign or ZERO for r in rows), ZERO) if one else None
    total = PurchaseRow("", "", "", "", "", added("received_qty"), added("received_value"), added("returned_qty"),
                        added("returned_value"), added("tax"), one, foreign, untaxed=int(added("untaxed")))
    return total._replace(share_pct=percent(total.net_value, total.net_value))


def lines_of(lines: Iterable[PurchaseLine], by: PurchaseBy, supplier: str = "", sku: str = "") -> list[PurchaseLine]:
    """The lines of the summary by ``by``'s row of ``supplier`` (its code) and or ``sku``, as the grouping has them
    (采购明细), oldest first: their sums are the row's."""
    def ours(line: PurchaseLine) -> bool:
        if by != PurchaseBy.PRODUCT and line.supplier != supplier:
            return False
        return by == PurchaseBy.SUPPLIER or line.sku == sku

    return sorted((line for line in lines if ours(line)),
                  key=lambda line: (line.occurred_at, line.document, line.sku, line.returned))
