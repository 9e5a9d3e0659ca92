"""Master data of the catalog: products, warehouses, suppliers and their terms, customers.

Mutable records with a global id, the device that created them and a version (sync merges them by it).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

from domain.kernel.numbers import ZERO


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
    # counted in whole units (pcs, 个, 箱): a fractional quantity of it is refused (domain.catalog.units). False
    # here, the safe default of a record that does not say; a new product takes it from its unit (add_product).
    whole_units: bool = False
    device_id: str = ""
    version: int = 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Product) and other.sku == self.sku

    def __hash__(self) -> int:
        return hash(self.sku)


@dataclass
class PackUnit:
    """A packaging unit of a product (箱, 盒, carton): ``per`` base units, with barcodes of its own.

    Scanning one of its barcodes counts ``per`` of the product; the ledger stays in the product's base unit.
    ``name`` is unique per product (compared without regard to ASCII case).
    """

    id: str
    product_id: str
    name: str
    per: Decimal
    barcodes: list[str] = field(default_factory=list)
    device_id: str = ""
    version: int = 1


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
