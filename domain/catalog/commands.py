"""Commands on the catalog: what a user asks to add or change. Fields hold raw input; use cases validate it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AddProduct:
    sku: str
    name: str
    barcodes: tuple[str, ...] = ()
    unit: str = "pcs"
    category: str = ""
    pack_size: object = "1"
    min_level: object = None
    max_level: object = None
    # counted in whole units; None: as the unit says (whole unless a measure such as kg or 米, domain.catalog.units)
    whole_units: bool | None = None


@dataclass(frozen=True)
class AddWarehouse:
    code: str
    name: str
    allow_negative: bool = False
    address: str = ""


@dataclass(frozen=True)
class AddSupplier:
    code: str
    name: str
    contact: str = ""
    currency: str = "CNY"
    lead_time_days: object = 7
    address: str = ""


@dataclass(frozen=True)
class UpdateCustomer:
    """Change a customer's name and contact; ``code`` picks the customer and is not changed."""

    code: str
    name: str
    contact: str = ""


@dataclass(frozen=True)
class UpdateSupplier:
    """Change a supplier's details; ``code`` picks the supplier and is not changed."""

    code: str
    name: str
    contact: str = ""
    currency: str = "CNY"
    lead_time_days: object = 7
    address: str = ""
    # a new currency: what its term prices do (domain.catalog.supplier_currency): "convert" (at ``rate``, 1 new
    # in old; None or "current": the exchange rates of today) or "keep"; None: not chosen
    prices: str | None = None
    rate: object = None


@dataclass(frozen=True)
class AddCustomer:
    code: str
    name: str
    contact: str = ""


@dataclass(frozen=True)
class SetSupplierTerms:
    supplier: str
    sku: str
    unit_price: object
    supplier_sku: str = ""
    moq: object = "0"
    order_multiple: object = "1"
    lead_time_days: object = None


@dataclass(frozen=True)
class UpdateProduct:
    """Change a product's details; ``sku`` picks the product and is not changed (it is the business key).

    ``expected_version`` is the version the user opened; when given and the product has moved on
    since, the change is refused instead of overwriting someone else's edit.
    """

    sku: str
    name: str
    barcodes: tuple[str, ...] = ()
    unit: str = "pcs"
    category: str = ""
    pack_size: object = "1"
    min_level: object = None
    max_level: object = None
    active: bool = True
    expected_version: int | None = None
    # counted in whole units; None: keep the product's setting
    whole_units: bool | None = None


@dataclass(frozen=True)
class PackUnitInput:
    """One packaging unit as typed: its name (箱, 盒, carton…), how many base units it holds, its barcodes."""

    name: str
    per: object
    barcodes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddPackUnit:
    sku: str
    unit: PackUnitInput


@dataclass(frozen=True)
class RemovePackUnit:
    sku: str
    name: str


@dataclass(frozen=True)
class SetPackUnits:
    """A product's packaging units, all of them: those named here are kept or added, the others removed."""

    sku: str
    units: tuple[PackUnitInput, ...] = ()
