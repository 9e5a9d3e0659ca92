"""Available to promise (ATP) per product × warehouse, now and by a date.

    available now        = on hand − reserved
    available by a date  = on hand − reserved + what open purchase orders still expect by that date

"Open" is the purchasing rule (``domain.purchasing.model``): lines of issued or partly received POs, ordered −
received, never negative, expected on the PO's ``expected_on`` (a PO without a date counts by no date, only in
``incoming_total``). Confirming an order promises from what is available now; the dates say when more comes.

``availability`` answers for many products at once: two queries per chunk of product ids (balances, open PO
lines), never one query per product.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from domain.kernel.numbers import ZERO
from domain.purchasing.model import open_quantity
from domain.sales.ports import IncomingRow
from domain.sales.ports import StockRow


@dataclass(frozen=True)
class Availability:
    """What one product × warehouse can promise."""

    product_id: str
    warehouse_id: str
    on_hand: Decimal = ZERO
    reserved: Decimal = ZERO
    incoming: tuple[tuple[date | None, Decimal], ...] = field(default=())  # (expected on, open qty), by date

    @property
    def available(self) -> Decimal:
        """On hand − reserved: what can be promised now."""
        return self.on_hand - self.reserved

    @property
    def incoming_total(self) -> Decimal:
        return sum((qty for _, qty in self.incoming), ZERO)

    def by(self, day: date) -> Decimal:
        """ATP on ``day``: available now + what open POs expect on or before ``day``."""
        return self.available + sum((qty for on, qty in self.incoming if on is not None and on <= day), ZERO)

    def dates(self) -> list[date]:
        """The dates on which open POs expect some of the product, in order."""
        return sorted({on for on, _ in self.incoming if on is not None})

    def arrival_for(self, shortfall: Decimal) -> date | None:
        """The earliest expected date by which open POs bring at least ``shortfall``; None if they never do."""
        if shortfall <= 0:
            return None
        running = ZERO
        for on, qty in sorted((x for x in self.incoming if x[0] is not None), key=lambda x: x[0]):
            running += qty
            if running >= shortfall:
                return on
        return None


def combine(stock: Iterable[StockRow], incoming: Iterable[IncomingRow]) -> dict[tuple[str, str], Availability]:
    """Availability per (product id, warehouse id) from balances and open PO lines (pure)."""
    base: dict[tuple[str, str], tuple[Decimal, Decimal]] = {}
    for row in stock:
        base[(row.product_id, row.warehouse_id)] = (row.on_hand, row.reserved)
    expected: dict[tuple[str, str], dict[date | None, Decimal]] = {}
    for row in incoming:
        qty = open_quantity(row.ordered, row.received)
        if qty > 0:
            days = expected.setdefault((row.product_id, row.warehouse_id), {})
            days[row.expected_on] = days.get(row.expected_on, ZERO) + qty
    out = {}
    for key in base.keys() | expected.keys():
        on_hand, reserved = base.get(key, (ZERO, ZERO))
        days = expected.get(key, {})
        ordered = tuple(sorted(days.items(), key=lambda x: (x[0] is None, x[0] or date.min)))
        out[key] = Availability(key[0], key[1], on_hand, reserved, ordered)
    return out


def availability(uow, product_ids: Iterable[str]) -> dict[tuple[str, str], Availability]:
    """ATP of every product of ``product_ids`` in every warehouse where it has a balance or an open PO line
    (inside an open ``with uow``). A product × warehouse absent from the answer has nothing: ``Availability(p, w)``."""
    ids = list(dict.fromkeys(product_ids))
    return combine(uow.sales.stock(ids), uow.sales.incoming(ids))


def of(found: dict[tuple[str, str], Availability], product_id: str, warehouse_id: str) -> Availability:
    return found.get((product_id, warehouse_id)) or Availability(product_id, warehouse_id)
