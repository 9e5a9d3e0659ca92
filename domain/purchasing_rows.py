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


@dataclass(frozen=True)
class SupplierRow:
    id: str
    code: str
    name: str
    contact: str
    currency: str
    lead_time_days: int
    address: str
    payment_terms: str
    email: str
    phone: str


@dataclass(frozen=True)
class TermsRow:
    """How one supplier sells one product, with its price breaks and whether it is the preferred supplier."""

    supplier: str
    sku: str
    name: str
    unit: str
    supplier_sku: str
    item_name: str
    price: Decimal
    price_per: str
    pack_size: Decimal
    moq: Decimal
    order_multiple: Decimal
    lead_time_days: int | None
    breaks: tuple[tuple[Decimal, Decimal], ...]
    preferred: bool
