"""Immutable rows that screens and the CLI read; query functions in persistence fill them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class StockRow:
    product_id: str
    sku: str
    name: str
    category: str
    unit: str
    warehouse: str
    on_hand: Decimal
    avg_cost: Decimal
    value: Decimal
    reserved: Decimal
    on_order: Decimal
    min_level: Decimal | None


@dataclass(frozen=True)
class MovementRow:
    id: str
    kind: str
    sku: str
    name: str
    warehouse: str
    qty: Decimal
    unit_cost: Decimal | None
    value: Decimal
    on_hand_after: Decimal
    occurred_at: datetime
    recorded_at: datetime
    source_type: str
    source_ref: str
    note: str
    user: str
    reverses_id: str | None
    transfer_id: str | None
    fx_currency: str | None = None  # a receipt valued from a foreign-currency PO: the currency,
    fx_unit_price: Decimal | None = None  # the PO's unit price in it
    fx_rate: Decimal | None = None  # and the rate used (unit_cost = price × rate, in the company currency)


@dataclass(frozen=True)
class ProductRow:
    id: str
    sku: str
    name: str
    unit: str
    category: str
    pack_size: Decimal
    active: bool
    barcodes: tuple[str, ...]
    min_level: Decimal | None
    max_level: Decimal | None
    whole_units: bool = False


@dataclass(frozen=True)
class CheckProblem:
    """One difference between the balance table and the ledger."""

    sku: str
    warehouse: str
    field: str
    ledger: Decimal
    balance: Decimal
