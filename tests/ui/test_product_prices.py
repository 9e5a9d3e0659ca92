"""The product editor's selling part: list prices per level, the tax rate and substitutes, saved with the product."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.sales import price_master as pm

D = Decimal


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀"))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer"))
    catalog.add_product(uow(), cc.AddProduct("GL-1", "胶水"))
    pm.set_list_price(uow(), pm.SetListPrice("SD-1", "retail", "12.5"))
    pm.name_levels(uow(), pm.NameLevels({"level3": "VIP"}))
    return make_services()


def open_editor(qtbot, services, sku: str | None):
    from ui.screens.products import ProductEditor

    editor = ProductEditor(services, sku=sku)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.selling_ready and (sku is None or editor.version is not None))
    return editor


def test_the_editor_shows_the_prices_and_the_named_level(qtbot, services):
    editor = open_editor(qtbot, services, "SD-1")
    s = editor.selling
    assert s.edits["retail price"].text() == "12.5"
    assert s.edits["wholesale price"].text() == ""
    assert s.labels["level3 price"].text() == "VIP price:"
    assert s.labels["level4 price"].text() == "Level 4 price:"


def test_prices_tax_rate_and_substitutes_are_saved_with_the_product(qtbot, services):
    editor = open_editor(qtbot, services, "SD-1")
    s = editor.selling
    s.edits["retail price"].setText("13")
    s.edits["wholesale price"].setText("10.80")
    s.edits["tax rate"].setText("9")
    s.edits["substitute"].setText("GL-1，HM-1")
    with qtbot.waitSignal(editor.saved):
        editor.submit()
    sales = pm.product_sales(services.uow(), "SD-1")
    assert sales == pm.ProductSales({"retail": D(13), "wholesale": D("10.8")}, D(9), ("GL-1", "HM-1"))


def test_a_new_product_with_prices(qtbot, services):
    editor = open_editor(qtbot, services, None)
    editor.edits["SKU"].setText("NEW-1")
    editor.edits["name"].setText("新商品")
    editor.selling.edits["retail price"].setText("5")
    with qtbot.waitSignal(editor.saved):
        editor.submit()
    assert pm.product_sales(services.uow(), "NEW-1").prices == {"retail": D(5)}


def test_a_bad_price_is_shown_under_its_field_and_nothing_is_saved(qtbot, services):
    editor = open_editor(qtbot, services, "SD-1")
    editor.edits["name"].setText("改名")
    editor.selling.edits["wholesale price"].setText("-2")
    editor.submit()
    error = editor.selling.errors["wholesale price"]
    assert not error.isHidden() and "-2" in error.text()
    assert catalog.get_product(services.uow(), "SD-1").name == "螺丝刀"


def test_a_refused_substitute_keeps_the_editor_open_on_the_saved_product(qtbot, services):
    editor = open_editor(qtbot, services, None)
    editor.edits["SKU"].setText("NEW-2")
    editor.edits["name"].setText("新")
    editor.selling.edits["substitute"].setText("NEW-2")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.selling.errors["substitute"].isHidden())
    assert editor.editing and editor.sku == "NEW-2"
    editor.selling.edits["substitute"].setText("HM-1")
    with qtbot.waitSignal(editor.saved):
        editor.submit()
    assert pm.product_sales(services.uow(), "NEW-2").substitutes == ("HM-1",)
