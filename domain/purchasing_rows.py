"""Immutable purchase-order rows that screens and the CLI read (``persistence.purchasing.purchase_orders``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class PoLineRow:
    line_no: int
    sku: str
    description: str
    unit: str
    qty: Decimal
    received: Decimal
    open_qty: Decimal
    pack_size: Decimal
    price: Decimal
    price_per: str


@dataclass(frozen=True)
class PoRow:
    id: str
    number: str | None
    supplier: str
    supplier_name: str
    warehouse: str
    state: str
    revision: int
    created_at: datetime
    issued_at: datetime | None
    expected_on: date | None
    currency: str
    lines: tuple[PoLineRow, ...]
