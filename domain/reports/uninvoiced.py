"""Goods received, not yet invoiced (暂估入库): what suppliers delivered that their invoices have not billed, on a day.

A source is what a supplier invoice is matched against (``domain.accounts.matching``): a purchase order, or a goods
receipt that came without one (``GR-…``, a free receipt). Per source and product, what invoices billed (not
reversed, dated on or before the day) and what went back to the supplier (returns not reversed, on or before the
day) are *consumed*: a returned quantity is not to be invoiced. They are taken from the source's receipts oldest
first, as the match takes the outstanding quantity ``received − billed`` per product; what is left of each receipt
is received and not invoiced. A reversed receipt is not owed and is not read at all.

A row is valued at the order's price: in the order's currency (``fx_price``, for a foreign order) and in the company
currency at the rate the receipt used (``unit_cost``, the cost the movement carries, which is what its payable was
opened at), without tax, rounded to the cent; its tax at the source's rate is rounded as an invoice rounds it (the
value to the cent, then the tax), so a row's amount with tax is what an invoice for exactly that quantity at the
order's price would come to. A free receipt that kept no tax rate leaves its tax blank (None), never 0.

Pure: the read (``persistence.reports.uninvoiced``) hands in the receipts and what consumed them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money

HUNDRED = Decimal(100)


class Received(NamedTuple):
    """One product received by one receipt, as the read finds it.

    ``source`` is the order's number (or the free receipt's own number): what invoices and returns name.
    ``currency`` is a foreign order's currency ("" for the company's), ``fx_price`` its unit price in it.
    """

    supplier: str  # code
    supplier_name: str
    source: str
    po: str  # the order's number, "" for a free receipt
    receipt: str  # the goods receipt's number (GR-…)
    received_on: date
    at: datetime  # orders the receipts of one source, oldest first
    product_id: str
    sku: str
    name: str
    qty: Decimal
    unit_cost: Decimal  # in the company currency, without tax
    currency: str
    fx_price: Decimal | None
    tax_rate: Decimal | None  # percent; None: a free receipt that kept none


@dataclass(frozen=True)
class UninvoicedRow:
    supplier: str
    supplier_name: str
    po: str
    receipt: str
    received_on: date
    sku: str
    name: str
    qty: Decimal  # received and not invoiced
    currency: str  # "" in the company currency
    value_in_currency: Decimal | None  # a foreign order's: qty × its price in its currency
    value: Decimal  # company currency, without tax
    tax: Decimal | None
    days: int

    @property
    def amount(self) -> Decimal | None:
        """With tax (None when the tax is not known)."""
        return None if self.tax is None else self.value + self.tax


@dataclass(frozen=True)
class SupplierTotal:
    supplier: str
    supplier_name: str
    receipts: int  # distinct receipts with something not invoiced
    qty: Decimal
    currency: str  # the one foreign currency of all its rows, else ""
    value_in_currency: Decimal | None
    value: Decimal
    tax: Decimal | None  # None when a row's tax is not known
    amount: Decimal | None


def uninvoiced_rows(received: list[Received], consumed: dict[tuple[str, str], Decimal], as_of: date,
                    places: int = 2) -> list[UninvoicedRow]:
    """What of each receipt is not yet invoiced on ``as_of``.

    Args:
        received: every receipt line of the sources, dated on or before the day and not reversed.
        consumed: (source, product_id) → what invoices billed plus what returns took back by the day.
        as_of: the day (the days since a receipt count to it).
        places: the company currency's money places.

    Returns:
        The rows by supplier, then source, then receipt (oldest first) and SKU; nothing for a receipt wholly billed.
    """
    left = defaultdict(lambda: ZERO, consumed)
    rows = []
    for r in sorted(received, key=lambda x: (x.source, x.product_id, x.at, x.receipt)):
        key = (r.source, r.product_id)
        taken = min(left[key], r.qty)
        left[key] -= taken
        qty = r.qty - taken
        if qty <= 0:
            continue
        value = round_money(qty * r.unit_cost, places)
        tax = None if r.tax_rate is None else round_money(value * r.tax_rate / HUNDRED, places)
        foreign = round_money(qty * r.fx_price, places) if r.currency and r.fx_price is not None else None
        rows.append(UninvoicedRow(r.supplier, r.supplier_name, r.po, r.receipt, r.received_on, r.sku, r.name, qty,
                                  r.currency if foreign is not None else "", foreign, value, tax,
                                  (as_of - r.received_on).days))
    rows.sort(key=lambda x: (x.supplier, x.received_on, x.receipt, x.po, x.sku))
    return rows


def supplier_totals(rows: list[UninvoicedRow]) -> list[SupplierTotal]:
    """Per supplier (in the rows' order): how many receipts, the quantity, the values and the tax."""
    groups: dict[str, list[UninvoicedRow]] = {}
    for r in rows:
        groups.setdefault(r.supplier, []).append(r)
    return [_total(code, group[0].supplier_name, group) for code, group in groups.items()]


def grand_total(rows: list[UninvoicedRow]) -> SupplierTotal:
    return _total("", "", rows)


def _total(code: str, name: str, rows: list[UninvoicedRow]) -> SupplierTotal:
    currencies = {r.currency for r in rows}
    currency = next(iter(currencies)) if len(currencies) == 1 else ""
    foreign = sum((r.value_in_currency or ZERO for r in rows), ZERO) if currency else None
    value = sum((r.value for r in rows), ZERO)
    known = all(r.tax is not None for r in rows)
    tax = sum((r.tax or ZERO for r in rows), ZERO) if known else None
    return SupplierTotal(code, name, len({(r.po, r.receipt) for r in rows}), sum((r.qty for r in rows), ZERO),
                         currency, foreign, value, tax, None if tax is None else value + tax)
