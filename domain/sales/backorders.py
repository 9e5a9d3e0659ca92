"""Backorders: what confirmed orders still ask for that the stock on hand in their warehouse does not cover.

Per product × warehouse the stock on hand serves the open lines in the order they were confirmed (the earliest
first, then by order number and line); what a line's share does not cover is its backorder. Open purchase orders
then serve the backorders in the same order, by their expected dates: a backorder's arrival date is the earliest
date by which the POs have brought enough for it and every backorder before it (None: they never do).

Worked example: 5 on hand, lines of 4 (confirmed first) and 6, a PO of 3 expected on 3 May and one of 10 on
20 May. The first line is covered (4 of the 5); the second gets 1, so 5 are backordered; the POs bring 3 by
3 May (not enough) and 13 by 20 May: its arrival date is 20 May.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal

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
                             a.arrival_for(waiting[key]), row.product_id, row.warehouse_id, row.line_id, row.line_no))
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


def backorders(uow) -> list[Backorder]:
    """Every backorder, by confirmation time (read-only: opens and leaves ``uow``)."""
    with uow:
        lines = uow.sales.open_lines()
        found = atp.availability(uow, {row.product_id for row in lines})
    return allocate(lines, found)


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
