"""Master-data use cases: products, warehouses, suppliers, supplier terms, customers.

Each public ``add_*`` function is one transaction. ``add_many`` runs many add commands in one
transaction (bulk imports, demo data) through exactly the same checks: the ``*_within``
functions hold the rules and expect an open unit of work whose permission the caller has checked
(``add_many``, the spreadsheet imports, the company setup and supplier terms compose them inside
their own transaction); ``parse_currency`` and ``parse_lead_time`` check those two fields.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import replace
from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog import commands as cmd
from domain.catalog import supplier_currency
from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.catalog.model import Supplier
from domain.catalog.model import SupplierTerms
from domain.catalog.model import Warehouse
from domain.catalog.packaging import refuse_fraction_packs
from domain.catalog.packaging import set_pack_units_within
from domain.catalog.packaging import taken_by_pack
from domain.catalog.units import refuse_fraction_held
from domain.catalog.units import whole_by_default
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import ENGLISH
from domain.kernel.refusals import refusal
from domain.stock.ledger import find_product


def add_product(uow: UnitOfWork, c: cmd.AddProduct) -> Product:
    return _one(uow, add_product_within, c, Permission.MASTER_DATA)


class ChangedSinceOpened(RuleViolation):
    """The record was saved by someone else after the user opened it (its version moved on)."""

    def __init__(self, sku: str, opened: int, stored: int) -> None:
        params = {"sku": sku, "opened": opened, "stored": stored}
        super().__init__(ENGLISH["changed_since_opened"].format(**params), code="changed_since_opened", params=params)
        self.sku, self.opened, self.stored = sku, opened, stored


def update_product(uow: UnitOfWork, c: cmd.UpdateProduct) -> Product:
    """Change a product's name, barcodes, unit, category, pack size, levels or active flag.

    The SKU picks the product and stays. The version goes up by one; a stale
    ``expected_version`` is refused with ``ChangedSinceOpened``. Deactivating is allowed
    even with stock on hand (the screen warns first). Turning whole units on is refused, on the field
    ``whole units``, while the product still holds a fraction (``domain.catalog.units.HeldFraction``).
    """
    return _one(uow, update_product_within, c, Permission.MASTER_DATA)


def save_product(uow: UnitOfWork, c: cmd.AddProduct | cmd.UpdateProduct,
                 units: tuple[cmd.PackUnitInput, ...] | None = None) -> Product:
    """Add or change a product and, when ``units`` is given, make its packaging units exactly those
    (``domain.catalog.packaging``), in one transaction: the product editor's save."""
    with uow:
        require(uow, Permission.MASTER_DATA)
        product = (update_product_within if isinstance(c, cmd.UpdateProduct) else add_product_within)(uow, c)
        if units is not None:
            set_pack_units_within(uow, product, units, own_codes=(product.sku, *product.barcodes))
        uow.commit()
    return product


def get_product(uow: UnitOfWork, sku: str) -> Product:
    """The stored product with this SKU (with its version), read in its own unit of work."""
    with uow:
        return find_product(uow, sku)


def add_warehouse(uow: UnitOfWork, c: cmd.AddWarehouse) -> Warehouse:
    return _one(uow, add_warehouse_within, c, Permission.MASTER_DATA)


def add_supplier(uow: UnitOfWork, c: cmd.AddSupplier) -> Supplier:
    return _one(uow, add_supplier_within, c, Permission.MASTER_DATA)


def update_supplier(uow: UnitOfWork, c: cmd.UpdateSupplier) -> Supplier:
    return _one(uow, update_supplier_within, c, Permission.MASTER_DATA)


def add_customer(uow: UnitOfWork, c: cmd.AddCustomer) -> Customer:
    return _one(uow, add_customer_within, c, Permission.MASTER_DATA)


def update_customer(uow: UnitOfWork, c: cmd.UpdateCustomer) -> Customer:
    return _one(uow, update_customer_within, c, Permission.MASTER_DATA)


def set_supplier_terms(uow: UnitOfWork, c: cmd.SetSupplierTerms) -> SupplierTerms:
    return _one(uow, set_supplier_terms_within, c, Permission.SUPPLIER_TERMS)


def add_many(uow: UnitOfWork, commands: Iterable[object], progress: Callable[[int], None] | None = None) -> list:
    """Run many master-data commands in one transaction: all of them or, on the first refusal, none.

    Args:
        uow: the unit of work (not yet entered).
        commands: AddProduct, AddWarehouse, AddSupplier, AddCustomer or SetSupplierTerms, in
            an order where each command finds what it refers to (a supplier before its terms).
        progress: called with the number of commands done, every 1,000 commands.

    Returns:
        The records created, in command order.
    """
    handlers: dict[type, Callable] = {
        cmd.AddProduct: add_product_within,
        cmd.AddWarehouse: add_warehouse_within,
        cmd.AddSupplier: add_supplier_within,
        cmd.AddCustomer: add_customer_within,
        cmd.SetSupplierTerms: set_supplier_terms_within,
    }
    results = []
    allowed: set[type] = set()
    with uow:
        for n, c in enumerate(commands, 1):
            if type(c) not in allowed:  # each kind of command is checked once, when it first comes
                require(uow, Permission.SUPPLIER_TERMS if type(c) is cmd.SetSupplierTerms else Permission.MASTER_DATA)
                allowed.add(type(c))
            results.append(handlers[type(c)](uow, c))
            if progress is not None and n % 1_000 == 0:
                progress(n)
        uow.commit()
    return results


def _one(uow: UnitOfWork, handler: Callable, c: object, permission: Permission):
    with uow:
        require(uow, permission)
        result = handler(uow, c)
        uow.commit()
    return result


@dataclass(frozen=True)
class _ProductFields:
    """The checked fields that adding and editing a product share."""

    name: str
    barcodes: list[str]
    unit: str
    category: str
    pack_size: Decimal
    min_level: Decimal | None
    max_level: Decimal | None
    whole_units: bool


def _product_fields(c: cmd.AddProduct | cmd.UpdateProduct, whole_units: bool | None = None) -> _ProductFields:
    """The checked fields; ``whole_units`` is the product's setting when the command leaves it (None), else as
    its unit says (``domain.catalog.units.whole_by_default``). A product counted in whole units has a whole pack
    size and whole levels."""
    name = v.text("name", c.name)
    barcodes = [v.code("barcode", b) for b in c.barcodes if v.normal_code(b)]
    if len({v.code_key(b) for b in barcodes}) != len(barcodes):
        raise BadInput("barcode", "the same barcode is listed twice", code="barcode_listed_twice")
    pack = v.quantity("pack size", c.pack_size)
    low = None if c.min_level in (None, "") else v.quantity("min level", c.min_level, allow_zero=True)
    high = None if c.max_level in (None, "") else v.quantity("max level", c.max_level, allow_zero=True)
    if low is not None and high is not None and low > high:
        raise BadInput("max level", f"{high} is below the min level {low}; enter {low} or more",
                       code="below_min", values=(high, low))
    unit = v.text("unit", c.unit or "pcs", max_len=16)
    if c.whole_units is not None:
        whole_units = bool(c.whole_units)
    elif whole_units is None:
        whole_units = whole_by_default(unit)
    sku = v.code("SKU", c.sku)
    counted = Product(id="", sku=sku, name=name, unit=unit, whole_units=whole_units)
    for field, value in (("pack size", pack), ("min level", low), ("max level", high)):
        whole_quantity(field, counted, value)
    return _ProductFields(name, barcodes, unit, v.text("category", c.category, required=False, max_len=64), pack,
                          low, high, whole_units)


def _refuse_taken_barcodes(uow: UnitOfWork, barcodes: list[str], own_id: str | None) -> None:
    """A barcode may not be another product's barcode or SKU."""
    for barcode in barcodes:
        for other in (uow.products.by_barcode(barcode), uow.products.by_sku(barcode)):
            if other is not None and other.id != own_id:
                raise refusal(Duplicate, "duplicate_barcode", barcode=barcode, sku=other.sku)
    taken_by_pack(uow, barcodes)


def add_product_within(uow: UnitOfWork, c: cmd.AddProduct) -> Product:
    """Codes are one namespace: a SKU may not be another product's SKU or barcode, in any ASCII case."""
    sku = v.code("SKU", c.sku)
    f = _product_fields(c)
    taken = uow.products.by_sku(sku)
    if taken is not None:
        if taken.sku == sku:
            raise refusal(Duplicate, "sku_taken", sku=sku)
        raise refusal(Duplicate, "sku_taken_as", sku=sku, taken=taken.sku)
    taken = uow.products.by_barcode(sku)
    if taken is not None:
        raise refusal(Duplicate, "sku_is_a_barcode", sku=sku, product=taken.sku)
    taken_by_pack(uow, [sku])
    if any(v.code_key(b) == v.code_key(sku) for b in f.barcodes):
        raise BadInput("barcode", f"{sku!r} is the product's own SKU; a barcode must differ from it",
                       code="barcode_is_own_sku", values=(repr(sku),))
    _refuse_taken_barcodes(uow, f.barcodes, None)
    product = Product(
        id=new_id(), sku=sku, name=f.name, unit=f.unit, category=f.category, pack_size=f.pack_size,
        min_level=f.min_level, max_level=f.max_level, barcodes=f.barcodes, whole_units=f.whole_units,
        device_id=uow.device_id,
    )
    uow.products.add(product)
    return product


def update_product_within(uow: UnitOfWork, c: cmd.UpdateProduct) -> Product:
    sku = v.code("SKU", c.sku)
    product = uow.products.by_sku(sku)
    if product is None:
        _product_fields(c)  # a field's own problem comes before the product's absence, as it always did
        raise refusal(NotFound, "unknown_sku", sku=sku)
    f = _product_fields(c, product.whole_units)
    if c.expected_version is not None and int(c.expected_version) != product.version:
        raise ChangedSinceOpened(sku, int(c.expected_version), product.version)
    _refuse_taken_barcodes(uow, f.barcodes, product.id)
    if f.whole_units and not product.whole_units:  # counting it in whole units from now on
        refuse_fraction_held(product, uow.products.fraction_held(product.id))
        refuse_fraction_packs(uow, product)
    changed = replace(product, name=f.name, barcodes=f.barcodes, unit=f.unit, category=f.category,
                      pack_size=f.pack_size, min_level=f.min_level, max_level=f.max_level, active=bool(c.active),
                      whole_units=f.whole_units, version=product.version + 1)
    uow.products.update(changed)
    return changed


def add_warehouse_within(uow: UnitOfWork, c: cmd.AddWarehouse) -> Warehouse:
    code = v.code("warehouse code", c.code, max_len=32)
    warehouse = Warehouse(id=new_id(), code=code, name=v.text("name", c.name), allow_negative=bool(c.allow_negative),
                          address=v.text("address", c.address, required=False, max_len=500), device_id=uow.device_id)
    if uow.warehouses.by_code(code) is not None:
        raise refusal(Duplicate, "warehouse_taken", code=code)
    uow.warehouses.add(warehouse)
    return warehouse


def parse_lead_time(field: str, value: object) -> int:
    """Whole days from 0 to 3650; a refusal asks for whole days (not for "digits such as 2.50", as a number's)."""
    try:
        days = v.number(field, value, max_places=0)
    except BadInput as exc:
        if exc.code == "required":
            raise BadInput(field, "is required; enter whole days such as 7 or 21", code="required") from None
        if exc.code in ("not_a_number", "too_many_places"):
            raise BadInput(field, f"{value!r} is not a number of whole days; enter whole days such as 7 or 21",
                           code="lead_time_not_days", values=(repr(value),)) from None
        raise
    if days < 0 or days > 3650:
        raise BadInput(field, f"{value} is out of range; enter whole days from 0 to 3650", code="lead_time_range",
                       values=(value,))
    return int(days)


def parse_currency(value: object) -> str:
    code = v.code("currency", value or "CNY", max_len=3)
    # Letters A-Z, as the hub takes them: not 人民币, nor aß (which str.upper() would make ASS)
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise BadInput("currency", f"{value!r} is not a three-letter currency code such as CNY or USD",
                       code="not_a_currency", values=(repr(value),))
    return code.upper()


def add_supplier_within(uow: UnitOfWork, c: cmd.AddSupplier) -> Supplier:
    code = v.code("supplier code", c.code, max_len=32)
    supplier = Supplier(id=new_id(), code=code, name=v.text("name", c.name),
                        contact=v.text("contact", c.contact, required=False),
                        currency=parse_currency(c.currency),
                        lead_time_days=parse_lead_time("lead time", c.lead_time_days),
                        address=v.text("address", c.address, required=False, max_len=500), device_id=uow.device_id)
    if uow.suppliers.by_code(code) is not None:
        raise refusal(Duplicate, "supplier_taken", code=code)
    uow.suppliers.add(supplier)
    return supplier


def update_supplier_within(uow: UnitOfWork, c: cmd.UpdateSupplier) -> Supplier:
    code = v.code("supplier code", c.code, max_len=32)
    supplier = uow.suppliers.by_code(code)
    if supplier is None:
        raise refusal(NotFound, "unknown_supplier_code", code=code)
    currency = parse_currency(c.currency)
    change = None
    if currency != supplier.currency:
        change = supplier_currency.plan_currency_change(uow, supplier, currency, c.prices, c.rate, clock.today())
    changed = Supplier(id=supplier.id, code=code, name=v.text("name", c.name),
                       contact=v.text("contact", c.contact, required=False), currency=currency,
                       lead_time_days=parse_lead_time("lead time", c.lead_time_days),
                       address=v.text("address", c.address, required=False, max_len=500),
                       device_id=supplier.device_id, version=supplier.version + 1)
    if change is not None:
        supplier_currency.apply_currency_change(uow, supplier, change)
    uow.suppliers.update(changed)
    return changed


def preview_supplier_currency(uow: UnitOfWork, c: cmd.UpdateSupplier) -> supplier_currency.CurrencyChange | None:
    """Read-only: what ``update_supplier`` would do to the supplier's prices (None: its currency stays).

    Raises what ``update_supplier`` would for the currency (``domain.catalog.supplier_currency``).
    """
    with uow:
        supplier = uow.suppliers.by_code(v.code("supplier code", c.code, max_len=32))
        if supplier is None:
            raise refusal(NotFound, "unknown_supplier_code", code=c.code)
        currency = parse_currency(c.currency)
        if currency == supplier.currency:
            return None
        return supplier_currency.plan_currency_change(uow, supplier, currency, c.prices, c.rate, clock.today())


def add_customer_within(uow: UnitOfWork, c: cmd.AddCustomer) -> Customer:
    code = v.code("customer code", c.code, max_len=32)
    customer = Customer(id=new_id(), code=code, name=v.text("name", c.name),
                        contact=v.text("contact", c.contact, required=False), device_id=uow.device_id)
    if uow.customers.by_code(code) is not None:
        raise refusal(Duplicate, "customer_taken", code=code)
    uow.customers.add(customer)
    return customer


def update_customer_within(uow: UnitOfWork, c: cmd.UpdateCustomer) -> Customer:
    code = v.code("customer code", c.code, max_len=32)
    customer = uow.customers.by_code(code)
    if customer is None:
        raise refusal(NotFound, "unknown_customer_code", code=code)
    changed = Customer(id=customer.id, code=code, name=v.text("name", c.name),
                       contact=v.text("contact", c.contact, required=False),
                       device_id=customer.device_id, version=customer.version + 1)
    uow.customers.update(changed)
    return changed


def set_supplier_terms_within(uow: UnitOfWork, c: cmd.SetSupplierTerms) -> SupplierTerms:
    price = v.money("unit price", c.unit_price)
    moq = v.quantity("minimum order quantity", c.moq or "0", allow_zero=True)
    multiple = v.quantity("order multiple", c.order_multiple or "1")
    lead = None if c.lead_time_days in (None, "") else parse_lead_time("lead time", c.lead_time_days)
    supplier = uow.suppliers.by_code(v.code("supplier code", c.supplier))
    if supplier is None:
        raise refusal(NotFound, "unknown_supplier_code", code=c.supplier)
    product = find_product(uow, c.sku)
    whole_quantity("minimum order quantity", product, moq)
    whole_quantity("order multiple", product, multiple)
    terms = SupplierTerms(id=new_id(), supplier_id=supplier.id, product_id=product.id,
                          supplier_sku=v.text("supplier SKU", c.supplier_sku, required=False, max_len=64),
                          unit_price=price, moq=moq, order_multiple=multiple, lead_time_days=lead,
                          device_id=uow.device_id)
    existing = uow.suppliers.terms_for(supplier.id, product.id)
    if existing is not None:
        terms.id, terms.version = existing.id, existing.version + 1
    uow.suppliers.add_terms(terms)
    return terms
