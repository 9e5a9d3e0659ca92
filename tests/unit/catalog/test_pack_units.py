"""Packaging units on in-memory fakes: a carton of 12 with its own barcode, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog import packaging
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from tests.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("XJJ", "洗洁精", unit="瓶", barcodes=("6901",), whole_units=True))
    catalog.add_product(uow, cc.AddProduct("RICE", "Rice", unit="kg", barcodes=("6902",)))
    return uow


def carton(name="箱", per="12", *barcodes) -> cc.AddPackUnit:
    return cc.AddPackUnit("XJJ", cc.PackUnitInput(name, per, barcodes or ("16901",)))


def test_a_product_gets_a_carton_of_twelve_with_its_own_barcode(uow):
    unit = packaging.add_pack_unit(uow, carton())
    with uow:
        [stored] = uow.pack_units.of_product(uow.products.by_sku("XJJ").id)
        assert (stored.name, stored.per, stored.barcodes) == ("箱", Decimal(12), ["16901"])
        assert uow.pack_units.by_barcode("16901").id == unit.id


def test_a_pack_barcode_that_is_a_products_barcode_or_sku_is_refused_naming_the_product(uow):
    for code, holder in (("6902", "RICE"), ("rice", "RICE"), ("6901", "XJJ")):
        with pytest.raises(Duplicate) as refused:
            packaging.add_pack_unit(uow, carton("箱", "12", code))
        assert refused.value.code == "duplicate_barcode" and refused.value.params["sku"] == holder
    assert uow.state.pack_units == {}


def test_a_barcode_of_a_pack_is_refused_to_another_pack_and_to_a_products_sku_or_barcode(uow):
    packaging.add_pack_unit(uow, carton())
    with pytest.raises(Duplicate) as refused:
        packaging.add_pack_unit(uow, cc.AddPackUnit("RICE", cc.PackUnitInput("bag", "25", ("16901",))))
    assert refused.value.code == "pack_barcode_taken"
    assert refused.value.params == {"barcode": "16901", "sku": "XJJ", "unit": "箱"}
    with pytest.raises(Duplicate) as refused:
        catalog.update_product(uow, cc.UpdateProduct("RICE", "Rice", barcodes=("16901",), unit="kg"))
    assert refused.value.code == "pack_barcode_taken"
    with pytest.raises(Duplicate):
        catalog.add_product(uow, cc.AddProduct("16901", "Soap"))


@pytest.mark.parametrize(("name", "per", "code"), [
    ("箱", "12.5", "not_whole"), ("箱", "1", "pack_not_above_one"), ("瓶", "12", "pack_name_is_base"),
    ("箱", "-3", "negative"), ("", "12", "required"),
])
def test_a_pack_of_a_product_counted_in_pieces_holds_a_whole_number_above_one(uow, name, per, code):
    with pytest.raises(BadInput) as refused:
        packaging.add_pack_unit(uow, carton(name, per))
    assert refused.value.code == code
    assert uow.state.pack_units == {}


def test_a_bag_of_goods_measured_by_weight_may_hold_a_fraction(uow):
    unit = packaging.add_pack_unit(uow, cc.AddPackUnit("RICE", cc.PackUnitInput("bag", "2.5", ())))
    assert unit.per == Decimal("2.5")
    with pytest.raises(BadInput) as refused:  # and so the product cannot be counted in whole units while it has it
        catalog.update_product(uow, cc.UpdateProduct("RICE", "Rice", barcodes=("6902",), unit="kg", whole_units=True))
    assert refused.value.code == "not_whole"


def test_a_second_unit_of_the_same_name_is_refused_and_removing_an_unknown_one_too(uow):
    packaging.add_pack_unit(uow, carton())
    with pytest.raises(Duplicate):
        packaging.add_pack_unit(uow, carton("箱", "24", "16902"))
    with pytest.raises(NotFound):
        packaging.remove_pack_unit(uow, cc.RemovePackUnit("XJJ", "盒"))
    packaging.remove_pack_unit(uow, cc.RemovePackUnit("XJJ", "箱"))
    assert uow.state.pack_units == {}


def test_setting_the_units_keeps_a_unit_by_name_and_checks_all_before_writing(uow):
    [box] = packaging.set_pack_units(uow, cc.SetPackUnits("XJJ", (cc.PackUnitInput("箱", "12", ("16901",)),)))
    units = packaging.set_pack_units(uow, cc.SetPackUnits("XJJ", (
        cc.PackUnitInput("箱", "24", ("16901",)), cc.PackUnitInput("盒", "6", ("26901",)))))
    assert [(u.name, u.per) for u in units] == [("箱", Decimal(24)), ("盒", Decimal(6))]
    assert units[0].id == box.id and units[0].version == 2
    before = dict(uow.state.pack_units)
    with pytest.raises(BadInput) as refused:
        packaging.set_pack_units(uow, cc.SetPackUnits("XJJ", (
            cc.PackUnitInput("箱", "24", ("9",)), cc.PackUnitInput("箱", "6", ("8",)))))
    assert refused.value.code == "pack_listed_twice"
    assert uow.state.pack_units == before


def test_a_quantity_is_said_in_the_largest_pack_that_divides_it(uow):
    units = packaging.set_pack_units(uow, cc.SetPackUnits("XJJ", (
        cc.PackUnitInput("箱", "12", ()), cc.PackUnitInput("盒", "6", ()))))
    count, unit = packaging.in_packs(Decimal(120), units)
    assert (count, unit.name) == (Decimal(10), "箱")
    assert packaging.in_packs(Decimal(18), units)[1].name == "盒"
    assert packaging.in_packs(Decimal(7), units) is None
