"""Commands: what a user asks the ledger to do. Fields hold raw input; use cases validate it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ReceiveStock:
    sku: str
    qty: object
    warehouse: str
    unit_cost: object
    ref: str = ""
    occurred_at: datetime | None = None
    note: str = ""
    source_type: str = ""


@dataclass(frozen=True)
class ShipStock:
    sku: str
    qty: object
    warehouse: str
    ref: str = ""
    occurred_at: datetime | None = None
    note: str = ""
    source_type: str = ""


@dataclass(frozen=True)
class TransferStock:
    sku: str
    qty: object
    from_warehouse: str
    to_warehouse: str
    ref: str = ""
    occurred_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class AdjustStock:
    sku: str
    delta: object
    warehouse: str
    reason: str
    occurred_at: datetime | None = None
    ref: str = ""


@dataclass(frozen=True)
class CountStock:
    sku: str
    counted: object
    warehouse: str
    occurred_at: datetime | None = None
    ref: str = ""


@dataclass(frozen=True)
class ReverseMovement:
    movement_id: str
    note: str = ""


