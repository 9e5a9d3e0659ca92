"""domain.catalog.units on its own and on fakes: which units are measures, the one check and its sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog.model import Product
from domain.catalog.units import ENGLISH
from domain.catalog.units import FRACTION_ENGLISH
from domain.catalog.units import whole_by_default
from domain.catalog.units import whole_quantity
from domain.imports import problems
from domain.kernel.errors import BadInput
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

BOLT = Product(id="p", sku="BOLT", name="Bolt", unit="个", whole_units=True)


@pytest.mark.parametrize("unit", ["pcs", "个", "件", "台", "箱", "box", "Pair", "套", ""])
def test_counted_units_are_whole_by_default(unit):
    assert whole_by_default(unit)


@pytest.mark.parametrize("unit", ["kg", "KG", " Kg ", "g", "t", "m", "cm", "l", "ml", "千克", "公斤", "克", "吨", "米",
                                  "升", "斤", "m²", "平方米"])
def test_measure_units_are_not(unit):
    assert not whole_by_default(unit)


def test_the_sentences_are_those_of_the_import_report():
    assert {code: problems.ENGLISH[code] for code in ENGLISH} == ENGLISH
    assert {code: problems.ENGLISH[code] for code in FRACTION_ENGLISH} == FRACTION_ENGLISH


@pytest.mark.parametrize(("qty", "code", "values", "advice"), [
    ("2.5", "not_whole", ("2.5", "BOLT", "个", "2", "3"), "enter 2 or 3"),
    ("0.3", "not_whole_one", ("0.3", "BOLT", "个", "1"), "enter 1"),
    ("-0.25", "not_whole_one", ("-0.25", "BOLT", "个", "-1"), "enter -1"),
    ("-7.5", "not_whole", ("-7.5", "BOLT", "个", "-8", "-7"), "enter -8 or -7"),
])
def test_a_fraction_is_refused_with_the_whole_numbers_either_side(qty, code, values, advice):
    with pytest.raises(BadInput) as info:
        whole_quantity("quantity of line 2", BOLT, Decimal(qty))
    exc = info.value
    assert (exc.field, exc.code, exc.values) == ("quantity of line 2", code, values)
    assert str(exc) == f"quantity of line 2: {qty} is not a whole number: BOLT is counted in whole 个; {advice}"
    assert problems.said_of(exc).english() == exc.problem


def test_whole_numbers_blanks_and_measured_products_pass():
    assert whole_quantity("quantity", BOLT, Decimal("3.000")) == Decimal(3)
    assert whole_quantity("quantity", BOLT, None) is None
    rice = Product(id="r", sku="RICE", name="Rice", unit="kg", whole_units=False)
    assert whole_quantity("quantity", rice, Decimal("2.5")) == Decimal("2.5")


def test_on_fakes_a_refused_receipt_writes_nothing_and_a_measured_one_posts():
    uow = FakeUnitOfWork()
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_product(uow, cc.AddProduct("BOLT", "Bolt", unit="个"))
    catalog.add_product(uow, cc.AddProduct("RICE", "Rice", unit="公斤"))
    before = uow.snapshot()
    with pytest.raises(BadInput, match="enter 2 or 3"):
        ledger.receive(uow, c.ReceiveStock("BOLT", "2.5", "W1", "1"))
    assert uow.state.movements == before.movements
    moved = ledger.receive(uow, c.ReceiveStock("RICE", "2.5", "W1", "1"))
    assert moved.qty == Decimal("2.5")
