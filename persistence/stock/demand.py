"""Unfilled demand (``domain.stock.demand``): the repository of recorded lost sales and the daily sums planning
reads."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import Connection
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy.types import BigInteger

from domain.stock.demand import UnfilledDemand
from persistence import tables as t

_U = t.unfilled_demand
_DAY = 86_400_000_000


class UnfilledDemandRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, record: UnfilledDemand) -> None:
        self.conn.execute(insert(_U), [asdict(record)])


def daily_unfilled(conn: Connection, first_micros: int, end_micros: int, offset_micros: int, base_day: int):
    """{(product id, warehouse id): {day index: scaled quantity}} of the demand recorded in [first, end).

    Day indexes count from ``base_day`` (days since 1970-01-01) after shifting instants by ``offset_micros``
    into the business day's zone; quantities stay the column's scaled integers.
    """
    at = type_coerce(_U.c.occurred_at, BigInteger)
    day = (at + offset_micros) // _DAY - base_day
    rows = conn.execute(
        select(_U.c.product_id, _U.c.warehouse_id, day.label("day"), type_coerce(_U.c.qty, BigInteger))
        .where(at >= first_micros, at < end_micros)
    )
    out: dict[tuple[str, str], dict[int, int]] = {}
    for product_id, warehouse_id, d, qty in rows:
        days = out.setdefault((product_id, warehouse_id), {})
        days[d] = days.get(d, 0) + qty
    return out
