"""Immutable rows of sales orders that screens and the command line read (``persistence.sales.queries`` fills them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class SoLineRow:
    line_no: int
    sku: str
    name: str
    unit: str
    warehouse: str  # the line's warehouse (the order's unless the line names another)
    ordered: Decimal
    shipped: Decimal
    cancelled: Decimal
    open: Decimal
    returned: Decimal
    unit_price: Decimal  # without tax, before the discount
    discount: Decimal
    tax_rate: Decimal
    amount: Decimal  # ordered × price after the discount, rounded: what the order is worth without tax
    revenue: Decimal  # of the sales and returns not reversed (returns negative)
    cost: Decimal
    margin: Decimal
    override_user: str
    price_source: str


@dataclass(frozen=True)
class SoRow:
    id: str
    number: str
    customer: str
    customer_name: str
    warehouse: str
    state: str
    created_at: datetime
    confirmed_at: datetime | None
    requested_on: date | None
    reference: str
    reason: str
    currency: str
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    lines: tuple[SoLineRow, ...]


@dataclass(frozen=True)
class StaleCost:
    """A posted sales line (a sale's or a customer return's) whose stored cost is not its stock movement's value
    (``domain.sales.recost``): what the line says and what the ledger says."""

    document_id: str
    number: str
    line_no: int
    sku: str
    occurred_at: datetime
    revenue: Decimal  # signed as stored: a return's is negative
    cost: Decimal  # the line's, as stored
    ledger_cost: Decimal  # minus its movement's value

    @property
    def margin_change(self) -> Decimal:
        """What bringing the cost in line does to the line's margin (revenue − cost): positive raises it."""
        return self.cost - self.ledger_cost


@dataclass(frozen=True)
class StaleReturn:
    """A customer return whose movement's value is not its share of its sale's value as the ledger now has it
    (``domain.stock.valuation.returned_unit_cost``): posted before the returns followed their sales, it kept the
    cost it was posted with after the sale was revalued. A replay of its product × warehouse from it brings it in
    line (``domain.sales.recost``)."""

    movement_id: str
    number: str
    sku: str
    product_id: str
    warehouse_id: str
    warehouse: str
    occurred_at: datetime
    value: Decimal  # what it brings back, as stored
    ledger_value: Decimal  # its share of the sale's value

