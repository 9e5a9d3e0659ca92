"""A posted stock document: its kind, header and numbered lines (``domain.stock.documents`` posts and reverses
them; ``ports.DocumentRepository`` keeps them)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from decimal import Decimal


class DocumentKind(enum.StrEnum):
    RECEIPT = "receipt"
    SHIPMENT = "shipment"
    TRANSFER = "transfer"
    COUNT = "count"
    ADJUSTMENT = "adjustment"
    SALE = "sale"  # posted by domain.sales (a shipment against an order, a counter sale)
    CUSTOMER_RETURN = "customer_return"  # posted by domain.sales.returns
    SUPPLIER_RETURN = "supplier_return"  # goods back to the supplier (domain.purchasing.returns)


# The kinds whose goods leave the warehouse: their movements' value is negative in the ledger, while a clerk reads
# the value a shipment or a sale moved as a positive amount (a list shows it so, as it shows a receipt's).
OUTGOING = frozenset({DocumentKind.SHIPMENT, DocumentKind.TRANSFER, DocumentKind.SALE, DocumentKind.SUPPLIER_RETURN})


PREFIXES = {
    DocumentKind.RECEIPT: "GR",
    DocumentKind.SHIPMENT: "GI",
    DocumentKind.TRANSFER: "TR",
    DocumentKind.COUNT: "SC",
    DocumentKind.ADJUSTMENT: "ADJ",
    DocumentKind.SALE: "SD",
    DocumentKind.CUSTOMER_RETURN: "SR",
    DocumentKind.SUPPLIER_RETURN: "PR",
}


def number_for(kind: DocumentKind, year: int, seq: int) -> str:
    """The document number: ``GR-2026-00001``."""
    return f"{PREFIXES[kind]}-{year}-{seq:05d}"


@dataclass(frozen=True)
class DocumentLine:
    line_no: int
    product_id: str
    qty: Decimal | None
    unit_cost: Decimal | None = None
    counted: Decimal | None = None
    expected: Decimal | None = None
    reason: str = ""
    movement_id: str | None = None  # a delivery's receipt against a PO: the receipt movement the line posted


@dataclass(frozen=True)
class Document:
    id: str
    kind: DocumentKind
    number: str
    year: int
    seq: int
    warehouse_id: str
    business_date: date
    occurred_at: datetime
    posted_at: datetime
    to_warehouse_id: str | None = None
    partner: str = ""
    reference: str = ""
    note: str = ""
    user: str = ""
    device_id: str = ""
    reversed: bool = False
    reversed_at: datetime | None = None
    version: int = 1
    lines: tuple[DocumentLine, ...] = field(default=(), compare=False)
    tax_rate: Decimal | None = None  # a free receipt: the purchasing tax rate in percent when it was posted
