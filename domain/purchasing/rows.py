"""Immutable purchase-order rows that screens and the CLI read (``persistence.purchasing.orders.purchase_orders``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.kernel.numbers import round_money


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

    def amount(self, places: int = 2) -> Decimal:
        """The line's amount before tax, in the PO's currency (as ``PoLine.amount``)."""
        billed = self.qty if self.price_per == "unit" else self.qty / self.pack_size
        return round_money(self.price * billed, places)


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
    fixed_rate: Decimal | None = None  # an exchange rate fixed on the PO (company currency per 1 ``currency``)

    def subtotal(self, places: int = 2) -> Decimal:
        """The lines' amount before tax, in ``currency``: never add it to another PO's without grouping by it."""
        return sum((x.amount(places) for x in self.lines), Decimal(0))


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
    payment_basis: str = "net"
    payment_days: int = 0


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
