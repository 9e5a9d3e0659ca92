"""Master data from a file: products, suppliers, supplier terms and customers, upserted by their code.

A row whose code is new becomes an add command; a row whose code exists and whose values differ
becomes an update command (the record's version goes up by one, through the same rules as an edit
on screen); a row identical to the stored record is skipped, so importing a file twice changes
nothing the second time. For an existing record, the fields the mapping leaves out keep their
stored values; of a mapped column, a blank cell means "none" (no barcode, no category, no min level),
except for unit and pack size, which then keep their stored value (or take the default for a new one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from domain.catalog import commands as cmd
from domain.catalog import master as catalog
from domain.catalog.model import Product
from domain.catalog.units import refuse_fraction_held
from domain.catalog.units import whole_by_default
from domain.catalog.units import whole_quantity
from domain.imports.cells import Row
from domain.imports.cells import shortened
from domain.imports.problems import Said
from domain.imports.problems import said_of
from domain.imports.report import ImportResult
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.ports import UnitOfWork
from domain.sales.price_master import SetCustomerTerms
from domain.sales.price_master import set_customer_terms_within
from domain.stock.ledger import find_product

_SPLIT = re.compile(r"[,;，；、|\s]+")


def split_barcodes(text: str) -> list[str]:
    """The barcodes of a cell: several may be given, separated by commas, semicolons, bars or spaces."""
    return [b for b in _SPLIT.split(text) if b]


def _barcodes(field: str, text: str) -> tuple[str, ...]:
    codes = split_barcodes(text)
    for code in codes:
        if shortened(code):  # one of several (the cell as a whole is checked by Row.take)
            raise BadInput(field, f"{code!r} is a long number in scientific notation", code="scientific_code",
                           values=(repr(code),))
    return tuple(v.code(field, b) for b in codes)


def _text(max_len: int):
    return lambda field, text: v.text(field, text, max_len=max_len)


def _optional_text(max_len: int):
    return lambda field, text: v.text(field, text, required=False, max_len=max_len)


def _address(field: str, text: str) -> str:
    """An address in several lines, as in a cell typed with Alt+Enter, and as the supplier's form takes it."""
    return v.text(field, text, required=False, max_len=500, multiline=True)


def _code(max_len: int = 64):
    return lambda field, text: v.code(field, text, max_len=max_len)


def _changed(result: ImportResult, commands: list, wanted: object, same: bool) -> None:
    """Count an existing record as unchanged, or queue its update."""
    if same:
        result.unchanged += 1
    else:
        commands.append(wanted)
        result.updated += 1


def _level(field: str, text: str) -> Decimal:
    return v.quantity(field, text, allow_zero=True)


_YES = frozenset({"yes", "y", "true", "1", "是", "对", "√", "✓"})
_NO = frozenset({"no", "n", "false", "0", "否", "不是", "×", "✗"})


def yes_no(field: str, text: str) -> bool:
    """A yes or no cell (English or Chinese, as the Products screen exports it)."""
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise BadInput(field, f"{text!r} is neither yes nor no", code="not_yes_no", values=(repr(text),))


def _whole_levels(row: Row, sku: str, unit: str, whole: bool, values: dict[str, Decimal | None]) -> None:
    """A product counted in whole units has a whole pack size and whole levels (domain.catalog.units)."""
    counted = Product(id="", sku=sku, name="", unit=unit, whole_units=whole)
    for key, value in values.items():
        try:
            whole_quantity(key, counted, value)
        except BadInput as exc:
            row.problem(key, said_of(exc), Said("accept_whole_qty", (sku,)))


def _duplicate(row: Row, key: str, value: str, seen: dict[str, int], what: str) -> None:
    """``what``: sku, barcode, supplier, customer or terms (codes ``duplicate_<what>``, ``accept_each_<what>_once``).

    Codes are compared as the stored ones are: in their normal form, without regard to ASCII case.
    """
    first = seen.setdefault(v.code_key(value), row.number)
    if first != row.number:
        row.problem(key, Said(f"duplicate_{what}", (repr(value), str(first))), Said(f"accept_each_{what}_once"))


def _crossed(row: Row, key: str, value: str, seen: dict[str, int], what: str) -> None:
    """A SKU that is a barcode on another row, or the reverse: one code would name two products."""
    first = seen.get(v.code_key(value))
    if first is not None and first != row.number:
        row.problem(key, Said(f"crossed_{what}", (repr(value), str(first))), Said("accept_unused_code"))


def plan_products(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult) -> list:
    """Check product rows against each other and the stored products; returns the commands to run."""
    commands: list = []
    skus: dict[str, int] = {}
    codes: dict[str, int] = {}
    for row in rows:
        result.rows += 1
        sku = row.take("sku", _code())
        name = row.take("name", _text(200))
        unit = row.take("unit", _text(16))
        barcodes = row.take("barcode", _barcodes, default=())
        category = row.take("category", _optional_text(64), default="")
        pack = row.take("pack_size", v.quantity)
        low = row.take("min_level", _level)
        high = row.take("max_level", _level)
        whole = row.take("whole_units", yes_no)  # None: blank (or refused), as the unit says
        if low is not None and high is not None and low > high:
            row.problem("max_level", Said("below_min", (str(high), str(low))), Said("accept_at_least", (str(low),)))
        if sku:
            _duplicate(row, "sku", sku, skus, "sku")
            _crossed(row, "sku", sku, codes, "barcode")
        for code in barcodes or ():
            _duplicate(row, "barcode", code, codes, "barcode")
            _crossed(row, "barcode", code, skus, "sku")
        if not row.ok:
            continue
        existing = uow.products.by_sku(sku)
        kept_unit = unit or (existing.unit if existing is not None else "pcs")
        counted = whole if whole is not None else (existing.whole_units if existing is not None
                                                   else whole_by_default(kept_unit))
        _whole_levels(row, sku, kept_unit, counted, {
            "pack_size": pack if pack is not None else (existing.pack_size if existing is not None else None),
            "min_level": low if row.mapped("min_level") or existing is None else existing.min_level,
            "max_level": high if row.mapped("max_level") or existing is None else existing.max_level})
        if existing is not None and whole and not existing.whole_units:  # turned on: as update_product refuses
            try:
                refuse_fraction_held(existing, uow.products.fraction_held(existing.id))
            except BadInput as exc:
                row.problem("whole_units", said_of(exc), Said("accept_no_while_fraction", (existing.sku,)))
        other = uow.products.by_barcode(sku)
        if other is not None and (existing is None or other.id != existing.id):
            row.problem("sku", Said("sku_is_barcode", (repr(sku), other.sku)), Said("accept_sku_not_a_barcode"))
        for code in barcodes:
            other = uow.products.by_barcode(code) or uow.products.by_sku(code)
            if other is not None and (existing is None or other.id != existing.id):
                row.problem("barcode", Said("barcode_taken", (repr(code), other.sku)), Said("accept_free_barcode"))
        if not row.ok:
            continue
        if existing is None:
            commands.append(cmd.AddProduct(sku, name, barcodes, unit or "pcs", category, pack or Decimal(1), low, high,
                                           whole))
            result.added += 1
            continue
        e = existing
        wanted = cmd.UpdateProduct(
            sku, name,
            barcodes if row.mapped("barcode") else tuple(e.barcodes),
            unit or e.unit,
            category if row.mapped("category") else e.category,
            pack if pack is not None else e.pack_size,
            low if row.mapped("min_level") else e.min_level,
            high if row.mapped("max_level") else e.max_level,
            e.active, e.version, whole,
        )
        _changed(result, commands, wanted, (
            wanted.name == e.name and set(wanted.barcodes) == set(e.barcodes) and wanted.unit == e.unit
            and wanted.category == e.category and wanted.pack_size == e.pack_size
            and wanted.min_level == e.min_level and wanted.max_level == e.max_level
            and (whole is None or whole == e.whole_units)))
    return commands


def plan_suppliers(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult) -> list:
    commands: list = []
    seen: dict[str, int] = {}
    for row in rows:
        result.rows += 1
        code = row.take("code", _code(32))
        name = row.take("name", _text(200))
        contact = row.take("contact", _optional_text(200), default="")
        currency = row.take("currency", lambda f, t: catalog.parse_currency(t))
        lead = row.take("lead_time", lambda f, t: catalog.parse_lead_time(f, t))
        address = row.take("address", _address, default="")
        if code:
            _duplicate(row, "code", code, seen, "supplier")
        if not row.ok:
            continue
        e = uow.suppliers.by_code(code)
        if e is None:
            commands.append(cmd.AddSupplier(code, name, contact, currency or "CNY", 7 if lead is None else lead,
                                            address))
            result.added += 1
            continue
        wanted = cmd.UpdateSupplier(
            code, name, contact if row.mapped("contact") else e.contact, currency or e.currency,
            e.lead_time_days if lead is None else lead, address if row.mapped("address") else e.address,
        )
        _changed(result, commands, wanted, (wanted.name, wanted.contact, wanted.currency, wanted.lead_time_days,
                                            wanted.address) == (e.name, e.contact, e.currency, e.lead_time_days,
                                                                e.address))
    return commands


def plan_terms(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult) -> list:
    commands: list = []
    seen: dict[str, int] = {}
    for row in rows:
        result.rows += 1
        supplier_code = row.take("supplier", _code(32))
        sku = row.take("sku", _code())
        price = row.take("unit_price", lambda f, t: v.money(f, t))
        supplier_sku = row.take("supplier_sku", _optional_text(64), default="")
        moq = row.take("moq", _level)
        multiple = row.take("order_multiple", v.quantity)
        lead = row.take("lead_time", lambda f, t: catalog.parse_lead_time(f, t))
        supplier = product = None
        if supplier_code:
            supplier = uow.suppliers.by_code(supplier_code)
            if supplier is None:
                row.problem("supplier", Said("unknown_supplier", (repr(supplier_code),)),
                            Said("accept_import_suppliers_first"))
        if sku:
            try:
                product = find_product(uow, sku)
            except (NotFound, BadInput):
                row.problem("sku", Said("unknown_product", (repr(sku),)), Said("accept_import_products_first"))
        if supplier is not None and product is not None:
            _duplicate(row, "sku", f"{supplier.code} / {product.sku}", seen, "terms")
        if not row.ok:
            continue
        wanted = cmd.SetSupplierTerms(supplier.code, product.sku, price, supplier_sku,
                                      Decimal(0) if moq is None else moq, multiple or Decimal(1), lead)
        e = uow.suppliers.terms_for(supplier.id, product.id)
        if e is not None:
            wanted = cmd.SetSupplierTerms(
                supplier.code, product.sku, price, supplier_sku if row.mapped("supplier_sku") else e.supplier_sku,
                e.moq if moq is None else moq, e.order_multiple if multiple is None else multiple,
                lead if row.mapped("lead_time") else e.lead_time_days)
            if (price, wanted.supplier_sku, wanted.moq, wanted.order_multiple, wanted.lead_time_days) == (
                    e.unit_price, e.supplier_sku, e.moq, e.order_multiple, e.lead_time_days):
                result.unchanged += 1
                continue
            result.updated += 1
        else:
            result.added += 1
        commands.append(wanted)
    return commands


def plan_customers(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult) -> list:
    """Customers by code; an address column (地址) goes to the customer's terms, where the customer's page keeps it."""
    commands: list = []
    seen: dict[str, int] = {}
    for row in rows:
        result.rows += 1
        code = row.take("code", _code(32))
        name = row.take("name", _text(200))
        contact = row.take("contact", _optional_text(200), default="")
        address = row.take("address", _address, default="")
        if code:
            _duplicate(row, "code", code, seen, "customer")
        if not row.ok:
            continue
        e = uow.customers.by_code(code)
        if e is None:
            commands.append(cmd.AddCustomer(code, name, contact))
            if address:
                commands.append(SetCustomerTerms(code, address=address))
            result.added += 1
            continue
        contact = contact if row.mapped("contact") else e.contact
        terms = uow.prices.terms(e.id) if row.mapped("address") else None
        new_address = row.mapped("address") and address != (terms.address if terms else "")
        if (name, contact) == (e.name, e.contact) and not new_address:
            result.unchanged += 1
            continue
        if (name, contact) != (e.name, e.contact):
            commands.append(cmd.UpdateCustomer(code, name, contact))
        if new_address:
            commands.append(SetCustomerTerms(code, address=address))
        result.updated += 1
    return commands


HANDLERS = {
    cmd.AddProduct: catalog.add_product_within,
    cmd.UpdateProduct: catalog.update_product_within,
    cmd.AddSupplier: catalog.add_supplier_within,
    cmd.UpdateSupplier: catalog.update_supplier_within,
    cmd.SetSupplierTerms: catalog.set_supplier_terms_within,
    cmd.AddCustomer: catalog.add_customer_within,
    cmd.UpdateCustomer: catalog.update_customer_within,
    SetCustomerTerms: set_customer_terms_within,
}
