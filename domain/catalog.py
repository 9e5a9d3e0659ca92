"""Master-data use cases: products, warehouses, suppliers, supplier terms, customers."""

from __future__ import annotations

from domain import commands as cmd
from domain import validate as v
from domain.errors import BadInput
from domain.errors import Duplicate
from domain.errors import NotFound
from domain.ids import new_id
from domain.ledger import find_product
from domain.model import Customer
from domain.model import Product
from domain.model import Supplier
from domain.model import SupplierTerms
from domain.model import Warehouse
from domain.ports import UnitOfWork


def add_product(uow: UnitOfWork, c: cmd.AddProduct) -> Product:
    sku = v.code("SKU", c.sku)
    name = v.text("name", c.name)
    barcodes = [v.code("barcode", b) for b in c.barcodes if str(b).strip()]
    if len(set(barcodes)) != len(barcodes):
        raise BadInput("barcode", "the same barcode is listed twice")
    pack = v.quantity("pack size", c.pack_size)
    low = None if c.min_level in (None, "") else v.quantity("min level", c.min_level, allow_zero=True)
    high = None if c.max_level in (None, "") else v.quantity("max level", c.max_level, allow_zero=True)
    if low is not None and high is not None and low > high:
        raise BadInput("max level", f"{high} is below the min level {low}; enter {low} or more")
    with uow:
        if uow.products.by_sku(sku) is not None:
            raise Duplicate(f"SKU {sku!r} is already used by another product")
        for barcode in barcodes:
            other = uow.products.by_barcode(barcode) or uow.products.by_sku(barcode)
            if other is not None:
                raise Duplicate(f"barcode {barcode!r} is already used by product {other.sku}")
        product = Product(
            id=new_id(), sku=sku, name=name, unit=v.text("unit", c.unit or "pcs", max_len=16),
            category=v.text("category", c.category, required=False, max_len=64), pack_size=pack,
            min_level=low, max_level=high, barcodes=barcodes, device_id=uow.device_id,
        )
        uow.products.add(product)
        uow.commit()
    return product


def add_warehouse(uow: UnitOfWork, c: cmd.AddWarehouse) -> Warehouse:
    code = v.code("warehouse code", c.code, max_len=32)
    warehouse = Warehouse(id=new_id(), code=code, name=v.text("name", c.name), allow_negative=bool(c.allow_negative),
                          address=v.text("address", c.address, required=False, max_len=500), device_id=uow.device_id)
    with uow:
        if uow.warehouses.by_code(code) is not None:
            raise Duplicate(f"warehouse code {code!r} is already used")
        uow.warehouses.add(warehouse)
        uow.commit()
    return warehouse


def _lead_time(field: str, value: object) -> int:
    days = v.number(field, value, max_places=0)
    if days < 0 or days > 3650:
        raise BadInput(field, f"{value} is out of range; enter whole days from 0 to 3650")
    return int(days)


def _currency(value: object) -> str:
    code = v.code("currency", value or "CNY", max_len=3).upper()
    if len(code) != 3 or not code.isalpha():
        raise BadInput("currency", f"{value!r} is not a three-letter currency code such as CNY or USD")
    return code


def add_supplier(uow: UnitOfWork, c: cmd.AddSupplier) -> Supplier:
    code = v.code("supplier code", c.code, max_len=32)
    supplier = Supplier(id=new_id(), code=code, name=v.text("name", c.name),
                        contact=v.text("contact", c.contact, required=False),
                        currency=_currency(c.currency), lead_time_days=_lead_time("lead time", c.lead_time_days),
                        address=v.text("address", c.address, required=False, max_len=500), device_id=uow.device_id)
    with uow:
        if uow.suppliers.by_code(code) is not None:
            raise Duplicate(f"supplier code {code!r} is already used")
        uow.suppliers.add(supplier)
        uow.commit()
    return supplier


def add_customer(uow: UnitOfWork, c: cmd.AddCustomer) -> Customer:
    code = v.code("customer code", c.code, max_len=32)
    customer = Customer(id=new_id(), code=code, name=v.text("name", c.name),
                        contact=v.text("contact", c.contact, required=False), device_id=uow.device_id)
    with uow:
        if uow.customers.by_code(code) is not None:
            raise Duplicate(f"customer code {code!r} is already used")
        uow.customers.add(customer)
        uow.commit()
    return customer


def set_supplier_terms(uow: UnitOfWork, c: cmd.SetSupplierTerms) -> SupplierTerms:
    price = v.money("unit price", c.unit_price)
    moq = v.quantity("minimum order quantity", c.moq or "0", allow_zero=True)
    multiple = v.quantity("order multiple", c.order_multiple or "1")
    lead = None if c.lead_time_days in (None, "") else _lead_time("lead time", c.lead_time_days)
    with uow:
        supplier = uow.suppliers.by_code(v.code("supplier code", c.supplier))
        if supplier is None:
            raise NotFound(f"supplier code {c.supplier!r}: no supplier has this code")
        product = find_product(uow, c.sku)
        terms = SupplierTerms(id=new_id(), supplier_id=supplier.id, product_id=product.id,
                              supplier_sku=v.text("supplier SKU", c.supplier_sku, required=False, max_len=64),
                              unit_price=price, moq=moq, order_multiple=multiple, lead_time_days=lead,
                              device_id=uow.device_id)
        existing = uow.suppliers.terms_for(supplier.id, product.id)
        if existing is not None:
            terms.id, terms.version = existing.id, existing.version + 1
        uow.suppliers.add_terms(terms)
        uow.commit()
    return terms
