"""The sales order aggregate, the money of a sales line, and the one definition of what is reserved.

A sales order (销售订单) is numbered ``SO-YYYY-NNNNN`` when it is created and moves

    draft → confirmed → partly_shipped → shipped (closed)        or → cancelled

Confirming reserves each line's open quantity in the line's warehouse (the order's unless the line names
another): ``balances.reserved`` of that product × warehouse goes up in the same transaction. A line's open
quantity is ordered − shipped − cut (``cancelled``); shipping and cutting lower it and the reservation with it.

Money: a line's revenue is qty × unit price × (1 − discount/100) rounded to the company's money places, its tax
the revenue × tax rate/100 rounded likewise; prices are without tax, tax rates and discounts percents (13 = 13 %).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money

HUNDRED = Decimal(100)
NUMBER_PREFIX = "SO"


class SoState(enum.StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    PARTLY_SHIPPED = "partly_shipped"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


# The states whose open quantities are reserved (the rule: ``reserved`` below).
OPEN_STATES = (SoState.CONFIRMED, SoState.PARTLY_SHIPPED)


def open_quantity(ordered: Decimal, shipped: Decimal, cancelled: Decimal) -> Decimal:
    """A sales order line's open quantity: ordered − shipped − cut, never negative."""
    return max(ZERO, ordered - shipped - cancelled)


def reserved(lines: Iterable[tuple[str, str, Decimal, Decimal, Decimal]]) -> dict[tuple[str, str], Decimal]:
    """The reserved quantity per (product id, warehouse id): the sum of the open quantities of the given lines of
    orders in ``OPEN_STATES``, each line as (product id, line's warehouse id, ordered, shipped, cut).

    The one definition of reserved: ``persistence.sales.orders.check_reserved`` compares the balances with it, and
    the use cases keep each balance's ``reserved`` equal to it by adding each change of a line's open quantity.
    """
    total: dict[tuple[str, str], Decimal] = {}
    for product_id, warehouse_id, ordered, shipped, cancelled in lines:
        key = (product_id, warehouse_id)
        total[key] = total.get(key, ZERO) + open_quantity(ordered, shipped, cancelled)
    return total


def net_price(unit_price: Decimal, discount: Decimal) -> Decimal:
    """The price after the discount (exact)."""
    return unit_price * (HUNDRED - discount) / HUNDRED


def revenue(qty: Decimal, unit_price: Decimal, discount: Decimal, places: int) -> Decimal:
    """qty × price × (1 − discount/100), rounded to ``places`` (signed as ``qty``)."""
    return round_money(qty * unit_price * (HUNDRED - discount) / HUNDRED, places)


def tax_of(amount: Decimal, tax_rate: Decimal, places: int) -> Decimal:
    return round_money(amount * tax_rate / HUNDRED, places)


@dataclass
class SoLine:
    id: str
    line_no: int
    product_id: str
    sku: str
    name: str
    unit: str
    qty: Decimal
    unit_price: Decimal
    discount: Decimal = ZERO
    tax_rate: Decimal = Decimal(13)
    warehouse_id: str | None = None  # None: the order's warehouse
    shipped: Decimal = ZERO
    cancelled: Decimal = ZERO  # cut, or left open when the order was cancelled
    returned: Decimal = ZERO
    price_source: str = ""  # "" typed; else the quote's source ("customer", "level", "retail")
    override_user: str = ""  # who confirmed it beyond what was available

    @property
    def open_qty(self) -> Decimal:
        return open_quantity(self.qty, self.shipped, self.cancelled)

    def amount(self, places: int = 2) -> Decimal:
        return revenue(self.qty, self.unit_price, self.discount, places)

    def tax(self, places: int = 2) -> Decimal:
        return tax_of(self.amount(places), self.tax_rate, places)


@dataclass
class SalesOrder:
    id: str
    number: str
    customer_id: str
    customer_code: str
    warehouse_id: str
    created_at: datetime
    currency: str = "CNY"
    state: SoState = SoState.DRAFT
    confirmed_at: datetime | None = None
    closed_at: datetime | None = None
    requested_on: date | None = None
    reference: str = ""
    notes: str = ""
    reason: str = ""
    user: str = ""
    lines: list[SoLine] = field(default_factory=list)
    device_id: str = ""
    version: int = 1

    @property
    def label(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def warehouse_of(self, line: SoLine) -> str:
        return line.warehouse_id or self.warehouse_id

    def line_for(self, product_id: str) -> SoLine | None:
        return next((line for line in self.lines if line.product_id == product_id), None)

    def line_by_id(self, line_id: str) -> SoLine | None:
        return next((line for line in self.lines if line.id == line_id), None)

    def subtotal(self, places: int = 2) -> Decimal:
        """The total without tax."""
        return sum((line.amount(places) for line in self.lines), ZERO)

    def tax(self, places: int = 2) -> Decimal:
        """The tax: the sum of each line's (lines may carry different rates)."""
        return sum((line.tax(places) for line in self.lines), ZERO)

    def total(self, places: int = 2) -> Decimal:
        return self.subtotal(places) + self.tax(places)

    def settle_state(self, at: datetime) -> None:
        """After a shipment, a cut or a reversal of an open (or shipped) order: shipped when nothing is open and
        something was shipped, cancelled when everything was cut, else partly shipped or confirmed."""
        if all(line.open_qty == 0 for line in self.lines):
            self.state = SoState.SHIPPED if any(line.shipped > 0 for line in self.lines) else SoState.CANCELLED
            self.closed_at = self.closed_at or at
        else:
            self.state = SoState.PARTLY_SHIPPED if any(line.shipped > 0 for line in self.lines) else SoState.CONFIRMED
            self.closed_at = None


@dataclass(frozen=True)
class SalesLine:
    """The money side of one line of a posted sales document (a sale or a customer return), signed: a return's
    quantity, revenue, tax, cost and margin are negative. ``cost`` is the ledger value of the line's movement."""

    document_id: str
    line_no: int
    customer_id: str
    product_id: str
    qty: Decimal
    unit_price: Decimal
    discount: Decimal
    tax_rate: Decimal
    revenue: Decimal
    tax: Decimal
    cost: Decimal
    occurred_at: datetime
    order_line_id: str | None = None
    origin_document_id: str | None = None
    origin_line_no: int | None = None

    @property
    def margin(self) -> Decimal:
        return self.revenue - self.cost


@dataclass(frozen=True)
class ShippedLine:
    """A line of a sale that goods can be returned against: what left, at what price and cost, and how much of it
    came back already (by returns not reversed)."""

    document_id: str
    number: str
    line_no: int
    customer_id: str
    product_id: str
    warehouse_id: str
    qty: Decimal  # shipped (positive)
    unit_price: Decimal
    discount: Decimal
    tax_rate: Decimal
    cost: Decimal  # the ledger value that left (positive)
    occurred_at: datetime
    order_line_id: str | None
    returned: Decimal = ZERO
    returned_cost: Decimal = ZERO  # the cost that came back already (positive)

    @property
    def returnable(self) -> Decimal:
        return max(ZERO, self.qty - self.returned)
