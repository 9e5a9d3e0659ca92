"""Entities and value objects of the stock ledger.

Master data (products, warehouses, partners) are mutable records with a global id, the
device that created them and a version. Movements are immutable facts; their valuation
(value, running balance) is derived and kept apart, in ``Valuation``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal

from domain.numbers import ZERO


class MovementKind(enum.StrEnum):
    RECEIPT = "receipt"
    SHIPMENT = "shipment"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    ADJUSTMENT = "adjustment"
    COUNT = "count_adjustment"
    REVERSAL = "reversal"


@dataclass
class Product:
    id: str
    sku: str
    name: str
    unit: str = "pcs"
    category: str = ""
    pack_size: Decimal = Decimal(1)
    active: bool = True
    min_level: Decimal | None = None
    max_level: Decimal | None = None
    barcodes: list[str] = field(default_factory=list)
    device_id: str = ""
    version: int = 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Product) and other.sku == self.sku

    def __hash__(self) -> int:
        return hash(self.sku)


@dataclass
class Warehouse:
    id: str
    code: str
    name: str
    allow_negative: bool = False
    address: str = ""
    device_id: str = ""
    version: int = 1


@dataclass
class Supplier:
    id: str
    code: str
    name: str
    contact: str = ""
    currency: str = "CNY"
    lead_time_days: int = 7
    address: str = ""
    device_id: str = ""
    version: int = 1


@dataclass
class SupplierTerms:
    id: str
    supplier_id: str
    product_id: str
    supplier_sku: str = ""
    unit_price: Decimal = ZERO
    moq: Decimal = ZERO
    order_multiple: Decimal = Decimal(1)
    lead_time_days: int | None = None
    device_id: str = ""
    version: int = 1


@dataclass
class Customer:
    id: str
    code: str
    name: str
    contact: str = ""
    device_id: str = ""
    version: int = 1


@dataclass(frozen=True, init=False)
class Movement:
    """One immutable change of stock of a product in a warehouse.

    ``qty`` is signed (in > 0, out < 0). ``unit_cost`` is set on receipts (and on inbound
    adjustments that name a cost); ``transfer_id`` links the two legs of a transfer;
    ``reverses_id`` points a reversal at the movement it undoes. A receipt against a PO in a
    foreign currency keeps that currency, the PO's unit price in it and the exchange rate used
    (``fx_*``), while ``unit_cost`` is in the company currency (``domain.exchange``).
    """

    id: str
    kind: MovementKind
    product_id: str
    warehouse_id: str
    qty: Decimal
    occurred_at: datetime
    recorded_at: datetime
    unit_cost: Decimal | None = None
    transfer_id: str | None = None
    reverses_id: str | None = None
    source_type: str = ""
    source_ref: str = ""
    note: str = ""
    user: str = ""
    device_id: str = ""
    fx_currency: str | None = None
    fx_unit_price: Decimal | None = None
    fx_rate: Decimal | None = None

    # Written out rather than generated: the generated __init__ of a frozen dataclass sets each of the 18
    # fields through object.__setattr__, a tenth of what posting a movement costs in a bulk load. The
    # parameters are the fields in order with their defaults (tests/unit/test_model_init.py checks it).
    def __init__(self, id, kind, product_id, warehouse_id, qty, occurred_at, recorded_at, unit_cost=None,
                 transfer_id=None, reverses_id=None, source_type="", source_ref="", note="", user="", device_id="",
                 fx_currency=None, fx_unit_price=None, fx_rate=None):
        self.__dict__.update(id=id, kind=kind, product_id=product_id, warehouse_id=warehouse_id, qty=qty,
                             occurred_at=occurred_at, recorded_at=recorded_at, unit_cost=unit_cost,
                             transfer_id=transfer_id, reverses_id=reverses_id, source_type=source_type,
                             source_ref=source_ref, note=note, user=user, device_id=device_id,
                             fx_currency=fx_currency, fx_unit_price=fx_unit_price, fx_rate=fx_rate)

    @property
    def key(self) -> tuple[datetime, str]:
        """Business-time order: occurred_at, then id."""
        return (self.occurred_at, self.id)


@dataclass(frozen=True)
class Position:
    """The valuation state of a product × warehouse after some movements.

    ``avg_cost`` is kept when ``on_hand`` is zero or negative, so that units issued while
    short leave at the last known cost.
    """

    on_hand: Decimal = ZERO
    value: Decimal = ZERO
    avg_cost: Decimal = ZERO


@dataclass(frozen=True)
class Valuation:
    """The derived part of a movement: the value it moved and the position after it."""

    value: Decimal
    after: Position


@dataclass(frozen=True)
class Balance:
    """The cached position of a product × warehouse and the key of its latest movement."""

    product_id: str
    warehouse_id: str
    position: Position = Position()
    last_key: tuple[datetime, str] | None = None
    reserved: Decimal = ZERO
    on_order: Decimal = ZERO
