"""Backorders: what confirmed orders still ask for that the stock on hand in their warehouse does not cover.

Per product × warehouse the stock on hand serves the open lines in the order they were confirmed (the earliest
first, then by order number and line); what a line's share does not cover is its backorder. Open purchase orders
then serve the backorders in the same order, by their expected dates: a backorder's arrival date is the earliest
date by which the POs have brought enough for it and every backorder before it (None: they never do).

Worked example: 5 on hand, lines of 4 (confirmed first) and 6, a PO of 3 expected on 3 May and one of 10 on
20 May. The first line is covered (4 of the 5); the second gets 1, so 5 are backordered; the POs bring 3 by
3 May (not enough) and 13 by 20 May: its arrival date is 20 May.

Lists show the backorders by their **promised** date, the oldest promise first: the day the order promised the
customer (its requested date) or, when it names none, the day it was confirmed. Which lines are backordered stays
decided by confirmation time, as above: a line confirmed while there was stock reserved it, and a later order
promised beyond the stock (an override) does not take it away, whatever date it promised.

After a receipt, ``freed`` compares the backorders before and after it: what the new stock covers can now ship.
Nothing is reserved by it: the lines were reserved when their orders were confirmed, and shipping takes them.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from domain.kernel.numbers import ZERO
from domain.sales import atp
from domain.sales.ports import OpenLineRow


@dataclass(frozen=True)
class Backorder:
    customer: str
    so: str
    sku: str
    name: str
    warehouse: str
    qty: Decimal  # open and not covered by stock on hand
    since: datetime | None  # when the order was confirmed
    arrival: date | None  # the earliest open PO date that covers it; None: no purchase order covers it
    product_id: str = ""
    warehouse_id: str = ""
    line_id: str = ""
    line_no: int = 0
    customer_name: str = ""
    promised: date | None = None  # the day promised: the order's requested date, else the day it was confirmed

    @property
    def customer_label(self) -> str:
        """The customer as lists name them: ``code · name`` (the code alone when it has no name)."""
        return f"{self.customer} · {self.customer_name}" if self.customer_name else self.customer


def promise_key(b: Backorder) -> tuple:
    """Oldest promise first; an undated one last; then by confirmation, order number and line."""
    return (b.promised is None, b.promised or date.min, b.since is None, b.since.timestamp() if b.since else 0.0,
            b.so, b.line_no)


def promised_on(requested_on: date | None, confirmed_at: datetime | None) -> date | None:
    """The day an order promised its customer: its requested date, else its confirmation's (local) day."""
    if requested_on is not None:
        return requested_on
    return confirmed_at.astimezone().date() if confirmed_at is not None else None


def allocate(lines: Iterable[OpenLineRow], found: dict[tuple[str, str], atp.Availability]) -> list[Backorder]:
    """The backorders of ``lines`` (in confirmation order) against the availability of their products (pure)."""
    stock: dict[tuple[str, str], Decimal] = {}
    waiting: dict[tuple[str, str], Decimal] = {}  # backordered so far per product × warehouse
    out = []
    for row in lines:
        key = (row.product_id, row.warehouse_id)
        a = atp.of(found, *key)
        left = stock.get(key, max(ZERO, a.on_hand))
        covered = min(left, row.open_qty)
        stock[key] = left - covered
        missing = row.open_qty - covered
        if missing <= 0:
            continue
        waiting[key] = waiting.get(key, ZERO) + missing
        out.append(Backorder(row.customer, row.so, row.sku, row.name, row.warehouse, missing, row.confirmed_at,
                             a.arrival_for(waiting[key]), row.product_id, row.warehouse_id, row.line_id, row.line_no,
                             row.customer_name, promised_on(row.requested_on, row.confirmed_at)))
    return out


@dataclass(frozen=True)
class Waiting:
    """The customers waiting, as the dashboard counts them (``waiting``)."""

    lines: int  # backordered order lines
    customers: int  # customers with at least one
    without_po: int  # of the lines, those no open purchase order covers yet (no arrival date to tell them)


def waiting(rows: Iterable[Backorder], warehouse: str | None = None) -> Waiting:
    """How many backordered lines and customers ``rows`` hold, of ``warehouse`` (its code) or of all.

    Args:
        rows: backorders, as ``backorders`` returns them.
        warehouse: count only the lines shipping from this warehouse; None for every warehouse.

    Returns:
        The lines, the distinct customers and the lines without an arrival date.
    """
    chosen = [r for r in rows if warehouse is None or r.warehouse == warehouse]
    return Waiting(len(chosen), len({r.customer for r in chosen}), sum(1 for r in chosen if r.arrival is None))


def backorders(uow, customer: str | None = None) -> list[Backorder]:
    """Every backorder (of ``customer``, a customer code, when given), the oldest promise first (read-only: opens
    and leaves ``uow``). The allocation reads every customer's lines: a customer's share depends on the others'.

    Raises:
        NotFound ``unknown_customer_code``: no customer has the code ``customer``.
    """
    from domain.sales.orders import find_customer

    with uow:
        code = find_customer(uow, customer).code if customer is not None else None
        lines = uow.sales.open_lines()
        found = atp.availability(uow, {row.product_id for row in lines})
    rows = allocate(lines, found)
    if code is not None:
        rows = [r for r in rows if r.customer == code]
    return sorted(rows, key=promise_key)


@dataclass(frozen=True)
class Freed:
    """A backorder that stock received since lets ship: ``qty`` of its ``backorder.qty``."""

    backorder: Backorder  # as it stood before the receipt
    qty: Decimal  # what can ship now (all of ``backorder.qty`` when the receipt covers it)

    @property
    def whole(self) -> bool:
        return self.qty >= self.backorder.qty


def freed(before: Iterable[Backorder], after: Iterable[Backorder]) -> list[Freed]:
    """The backorders of ``before`` that are smaller or gone in ``after`` (pure), the oldest promise first.

    Args:
        before: the backorders before stock came in.
        after: the backorders after it.

    Returns:
        One ``Freed`` per order line whose backorder the new stock covers, wholly or in part.
    """
    left = {(b.so, b.line_id): b.qty for b in after}
    out = [Freed(b, b.qty - left.get((b.so, b.line_id), ZERO)) for b in before]
    return sorted((f for f in out if f.qty > 0), key=lambda f: promise_key(f.backorder))


T = TypeVar("T")


def freed_by(reader: Callable[[], object], post: Callable[[], T]) -> tuple[T, list[Freed]]:
    """Run ``post`` (a receipt, in its own unit of work) and say which backorders it lets ship.

    The backorders are read before and after, each in a unit of work of its own, ``reader()``: a read-only one,
    which never waits for the write lock, so the receipt is the only write and waits for the lock once (a long
    job writing in steps lets it in at its next step, ``persistence.writers``). Nothing is reserved or changed
    beyond what ``post`` does. When ``post`` raises, so does this, and nothing is read after.

    Returns:
        What ``post`` returned, and ``freed(before, after)``.
    """
    before = backorders(reader())
    result = post()
    if not before:
        return result, []
    return result, freed(before, backorders(reader()))


def backorders_of(uow, so: str) -> dict[int, Backorder]:
    """The backorders of one order by line number (read-only: opens and leaves ``uow``).

    Stock serves open lines by confirmation time, so an order's share depends on every open line of its products:
    those are read (and only those products' availability), then allocated as ``backorders`` does.

    Args:
        uow: a unit of work with ``sales`` and the stock reads ``atp.availability`` needs.
        so: the order's number.

    Returns:
        Line number → its backorder; lines that stock on hand covers are absent."""
    with uow:
        lines = uow.sales.open_lines()
        products = {row.product_id for row in lines if row.so == so}
        lines = [row for row in lines if row.product_id in products]
        found = atp.availability(uow, products) if products else {}
    return {b.line_no: b for b in allocate(lines, found) if b.so == so}
