"""The sales repository the use cases need; ``persistence.sales.orders`` implements it (``uow.sales``).

Prices, customer terms and substitutes are ``uow.prices`` (``domain.sales.prices``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple
from typing import Protocol

from domain.sales.model import SalesLine
from domain.sales.model import SalesOrder
from domain.sales.model import ShippedLine
from domain.sales.rows import StaleCost
from domain.sales.rows import StaleReturn


class StockRow(NamedTuple):
    """A balance as availability reads it."""

    product_id: str
    warehouse_id: str
    on_hand: Decimal
    reserved: Decimal


class IncomingRow(NamedTuple):
    """A line of an open purchase order: what is still expected, and when."""

    product_id: str
    warehouse_id: str
    expected_on: date | None
    ordered: Decimal
    received: Decimal


class OpenLineRow(NamedTuple):
    """An open line of a confirmed order, for the backorder list."""

    so: str
    customer: str
    confirmed_at: object  # datetime
    line_id: str
    line_no: int
    product_id: str
    sku: str
    name: str
    warehouse_id: str
    warehouse: str
    open_qty: Decimal
    customer_name: str = ""
    requested_on: object = None  # date: the day promised to the customer; None when the order names none


class SalesRepository(Protocol):
    def add(self, order: SalesOrder) -> None: ...
    def get(self, order_id: str) -> SalesOrder | None: ...
    def by_number(self, number: str) -> SalesOrder | None: ...
    def by_line(self, line_id: str) -> SalesOrder | None:
        """The order that holds the line ``line_id``."""
        ...
    def save(self, order: SalesOrder) -> None:
        """Write the header and the lines of an existing order."""
        ...
    def next_number(self, year: int) -> int:
        """The next consecutive number of ``year`` (1, 2, ...), taken inside the transaction."""
        ...
    def stock(self, product_ids: Iterable[str]) -> list[StockRow]:
        """The balances of the products, in every warehouse (one query per chunk of ids, not per product)."""
        ...
    def incoming(self, product_ids: Iterable[str]) -> list[IncomingRow]:
        """The lines of open purchase orders (issued, partly received) of the products."""
        ...
    def add_lines(self, lines: list[SalesLine]) -> None: ...
    def lines_of(self, document_id: str) -> list[SalesLine]: ...
    def shipped_lines(self, *, document_id: str | None = None,
                      order_line_ids: Iterable[str] = ()) -> list[ShippedLine]:
        """The lines of sales (documents of kind sale, not reversed) of one document or of some order lines, with
        what returns not reversed brought back of each."""
        ...
    def open_orders(self, customer_id: str) -> list[SalesOrder]:
        """The customer's confirmed and partly shipped orders (what its credit limit counts as promised)."""
        ...
    def open_lines(self) -> list[OpenLineRow]:
        """Every line with an open quantity of a confirmed or partly shipped order."""
        ...
    def stale_costs(self) -> list[StaleCost]:
        """Every posted sales line whose cost is not its stock movement's value (``domain.sales.recost``)."""
        ...
    def set_costs(self, lines: Iterable[StaleCost]) -> None:
        """Set each line's cost to its ``ledger_cost`` and its margin to revenue − that (no movement changes)."""
        ...
    def stale_returns(self, places: int) -> list[StaleReturn]:
        """Every customer return whose value is not its share of its sale's value, oldest first."""
        ...
    def line_costs(self) -> dict[tuple[str, int], tuple]:
        """Every posted sales line's (number, SKU, the document's time, revenue, cost), by (document id, line)."""
        ...
