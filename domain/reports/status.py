"""库存状况: on hand and its value at the current average cost, reserved, available, on order, the min/max levels and
the days the stock covers; the total of the values (``status_total``).

Days of cover = available ÷ the average daily issues of the ``COVER_DAYS`` days up to the report's day
(what left for customers and by plain shipments, net of their reversals; returns to the supplier and
transfers are not demand), to one decimal; None when nothing was issued in that window.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

from domain.kernel.numbers import ZERO

COVER_DAYS = 90
_TENTH = Decimal("0.1")
_DAILY = Decimal("0.0001")
_ORDER = itemgetter(0, 2)  # SKU, warehouse


class StockFigures(NamedTuple):
    """A product × warehouse as the read hands it (issued: the quantity issued in the last ``COVER_DAYS``)."""

    sku: str
    name: str
    warehouse: str
    on_hand: Decimal
    reserved: Decimal
    on_order: Decimal
    min_level: Decimal | None
    max_level: Decimal | None
    issued: Decimal
    value: Decimal = ZERO  # the stock on hand at the current average cost, as the ledger keeps it


class StatusRow(NamedTuple):
    sku: str
    name: str
    warehouse: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal
    on_order: Decimal
    min_level: Decimal | None
    max_level: Decimal | None
    daily_issues: Decimal
    cover_days: Decimal | None
    value: Decimal = ZERO

    @property
    def below_min(self) -> bool:
        return self.min_level is not None and self.available + self.on_order < self.min_level


def cover(available: Decimal, issued: Decimal, days: int = COVER_DAYS) -> Decimal | None:
    """The days ``available`` lasts at ``issued`` over ``days`` a day; None without issues."""
    if issued <= ZERO:
        return None
    return max(ZERO, available * days / issued).quantize(_TENTH, ROUND_HALF_UP)


def status_rows(figures: Iterable[StockFigures]) -> list[StatusRow]:
    """One row per product × warehouse, in SKU then warehouse order."""
    rows = []
    append = rows.append
    for f in figures:  # 260,000 product × warehouse rows on a large file: kept lean
        available = f.on_hand - f.reserved
        issued = f.issued
        if issued:
            daily, days = (issued / COVER_DAYS).quantize(_DAILY, ROUND_HALF_UP), cover(available, issued)
        else:
            daily, days = ZERO, None
        append(StatusRow(f.sku, f.name, f.warehouse, f.on_hand, f.reserved, available, f.on_order, f.min_level,
                         f.max_level, daily, days, f.value))
    rows.sort(key=_ORDER)
    return rows


def status_total(rows: Iterable[StatusRow]) -> Decimal:
    """The value of the stock listed: the quantities of different products do not add up, their values do."""
    return sum((r.value for r in rows), ZERO)
