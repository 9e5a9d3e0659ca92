"""Packaging units (多单位 / 辅助单位): a carton of 12 bottles with a barcode of its own.

A product keeps one base unit, the unit of the ledger, of every document and every report. A packaging unit
names a pack of it (箱, 盒, 包, carton) and how many base units the pack holds (``per``): a whole number above 1
for a product counted in whole units (``domain.catalog.units``), any quantity above 1 for goods measured by
weight or length. Its barcodes are scanned like the product's own, and one scan counts ``per`` base units.

Codes are one namespace: a pack's barcode may be no product's SKU or barcode and no other pack's barcode, in any
ASCII case (``validate.code_key``), and a product's new SKU or barcode may not be a pack's barcode
(``domain.catalog.master`` asks ``taken_by_pack``).
"""

from __future__ import annotations

from decimal import Decimal

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog import commands as cmd
from domain.catalog.model import PackUnit
from domain.catalog.model import Product
from domain.catalog.units import whole_quantity
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.ids import new_id
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal

ONE = Decimal(1)


def add_pack_unit(uow: UnitOfWork, c: cmd.AddPackUnit) -> PackUnit:
    """Give a product one more packaging unit; refused when it has one of that name already."""
    with uow:
        require(uow, Permission.MASTER_DATA)
        product = _product(uow, c.sku)
        existing = uow.pack_units.of_product(product.id)
        unit = checked_unit(product, c.unit, "")
        if any(_same_name(unit.name, other.name) for other in existing):
            raise refusal(Duplicate, "pack_unit_exists", sku=product.sku, name=unit.name)
        unit = PackUnit(new_id(), product.id, unit.name, unit.per, unit.barcodes, device_id=uow.device_id)
        refuse_taken(uow, product, unit.barcodes, (), ())
        uow.pack_units.put(unit)
        uow.commit()
    return unit


def remove_pack_unit(uow: UnitOfWork, c: cmd.RemovePackUnit) -> PackUnit:
    """Take a packaging unit off a product, with its barcodes (what was posted with it stays in base units)."""
    with uow:
        require(uow, Permission.MASTER_DATA)
        product = _product(uow, c.sku)
        name = v.text("unit name", c.name, max_len=limits.UNIT)
        unit = next((u for u in uow.pack_units.of_product(product.id) if _same_name(u.name, name)), None)
        if unit is None:
            raise refusal(NotFound, "pack_unit_unknown", sku=product.sku, name=name)
        uow.pack_units.remove(unit.id)
        uow.commit()
    return unit


def pack_units_of(uow: UnitOfWork, sku: str) -> tuple[Product, list[PackUnit]]:
    """The product with this SKU and its packaging units, smallest pack first."""
    with uow:
        product = _product(uow, sku)
        return product, uow.pack_units.of_product(product.id)


def set_pack_units(uow: UnitOfWork, c: cmd.SetPackUnits) -> list[PackUnit]:
    with uow:
        require(uow, Permission.MASTER_DATA)
        units = set_pack_units_within(uow, _product(uow, c.sku), c.units)
        uow.commit()
    return units


def set_pack_units_within(uow: UnitOfWork, product: Product, inputs: tuple[cmd.PackUnitInput, ...],
                          own_codes: tuple[str, ...] = ()) -> list[PackUnit]:
    """Make ``product``'s packaging units exactly ``inputs`` (a unit whose name stays keeps its id, its version one
    up when it changed); ``own_codes``: the product's own SKU and barcodes as they are about to be saved, which
    the packs' barcodes may not repeat. Checks everything before writing anything."""
    old = {v.code_key(u.name): u for u in uow.pack_units.of_product(product.id)}
    wanted = [checked_unit(product, given, f" of line {n}" if len(inputs) > 1 else "")
              for n, given in enumerate(inputs, 1)]
    names = [v.code_key(u.name) for u in wanted]
    for n, name in enumerate(names):
        if name in names[:n]:
            raise BadInput("unit name", f"{wanted[n].name} is listed twice; each unit of a product has its own name",
                           code="pack_listed_twice", values=(wanted[n].name,))
    codes = [v.code_key(b) for u in wanted for b in u.barcodes]
    for n, code in enumerate(codes):
        if code in codes[:n]:
            raise BadInput("unit barcode", "the same barcode is listed twice", code="barcode_listed_twice")
    mine = {u.id for u in old.values()}
    refuse_taken(uow, product, [b for u in wanted for b in u.barcodes], mine, own_codes)
    result = []
    for unit in wanted:
        before = old.pop(v.code_key(unit.name), None)
        if before is None:
            unit = PackUnit(new_id(), product.id, unit.name, unit.per, unit.barcodes, device_id=uow.device_id)
        elif (before.name, before.per, before.barcodes) == (unit.name, unit.per, unit.barcodes):
            result.append(before)
            continue
        else:
            unit = PackUnit(before.id, product.id, unit.name, unit.per, unit.barcodes, device_id=before.device_id,
                            version=before.version + 1)
        uow.pack_units.put(unit)
        result.append(unit)
    for gone in old.values():
        uow.pack_units.remove(gone.id)
    return result


def checked_unit(product: Product, given: cmd.PackUnitInput, where: str) -> PackUnit:
    """``given`` checked against ``product`` (no id yet); ``where`` follows the field names (" of unit 2")."""
    name = v.text(f"unit name{where}", given.name, max_len=limits.UNIT)
    if _same_name(name, product.unit):
        raise BadInput(f"unit name{where}", f"{name} is the product's own unit; name the pack that holds several "
                       "(箱, 盒, carton…)", code="pack_name_is_base", values=(name,))
    field = f"units per pack{where}"
    per = v.quantity(field, given.per)
    whole_quantity(field, product, per)
    if per <= ONE:
        raise BadInput(field, f"{fmt(per)} is not above 1; a pack holds more than one {product.unit}",
                       code="pack_not_above_one", values=(fmt(per), product.unit))
    barcodes = [v.code(f"unit barcode{where}", b, max_len=limits.BARCODE) for b in given.barcodes
                if v.normal_code(b)]
    if len({v.code_key(b) for b in barcodes}) != len(barcodes):
        raise BadInput(f"unit barcode{where}", "the same barcode is listed twice", code="barcode_listed_twice")
    return PackUnit("", product.id, name, per, barcodes)


def refuse_taken(uow: UnitOfWork, product: Product, barcodes: list[str], own_units, own_codes) -> None:
    """A pack's barcode may be no product's SKU or barcode (its own product's neither: a scan must say which it
    counts) and no barcode of a pack other than ``own_units`` (ids) of this product."""
    own = {v.code_key(c) for c in own_codes}
    for barcode in barcodes:
        if v.code_key(barcode) in own:
            raise refusal(Duplicate, "duplicate_barcode", barcode=barcode, sku=product.sku)
        for other in (uow.products.by_sku(barcode), uow.products.by_barcode(barcode)):
            if other is not None and (other.id != product.id or not own_codes):
                raise refusal(Duplicate, "duplicate_barcode", barcode=barcode, sku=other.sku)
        pack = uow.pack_units.by_barcode(barcode)
        if pack is not None and pack.id not in own_units:
            holder = uow.products.get(pack.product_id)
            raise refusal(Duplicate, "pack_barcode_taken", barcode=barcode,
                          sku=holder.sku if holder else pack.product_id, unit=pack.name)


def taken_by_pack(uow: UnitOfWork, codes: list[str]) -> None:
    """Refuse a product's SKU or barcode that is already a packaging unit's barcode (another product's, or its own
    unit's: one scan would then name two things)."""
    for code in codes:
        pack = uow.pack_units.by_barcode(code)
        if pack is not None:
            holder = uow.products.get(pack.product_id)
            raise refusal(Duplicate, "pack_barcode_taken", barcode=code,
                          sku=holder.sku if holder else pack.product_id, unit=pack.name)


def refuse_fraction_packs(uow: UnitOfWork, product: Product) -> None:
    """Turning whole units on: refused while a packaging unit holds a fraction of the product (a bag of 2.5 kg)."""
    counted = Product(id=product.id, sku=product.sku, name=product.name, unit=product.unit, whole_units=True)
    for unit in uow.pack_units.of_product(product.id):
        whole_quantity("units per pack", counted, unit.per)


def in_packs(qty: Decimal, units: list[PackUnit]) -> tuple[Decimal, PackUnit] | None:
    """``qty`` as a whole number of one of ``units`` (the largest that divides it), e.g. 120 → (10, 箱 of 12); None
    when no unit divides it (a purchase order's print says the quantity in packs only where it is whole)."""
    for unit in sorted(units, key=lambda u: u.per, reverse=True):
        count = qty / unit.per
        if qty > 0 and count == count.to_integral_value():
            return count.to_integral_value(), unit
    return None


def _product(uow: UnitOfWork, sku: str) -> Product:
    code = v.code("SKU", sku)
    product = uow.products.by_sku(code)
    if product is None:
        raise refusal(NotFound, "unknown_sku", sku=code)
    return product


def _same_name(a: str, b: str) -> bool:
    return v.code_key(a) == v.code_key(b)
