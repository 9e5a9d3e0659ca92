"""The product form's "counted in whole units" box: a new product follows its unit until the box is clicked, an
edit shows and saves the stored setting, and a fraction of a whole-unit product is refused under its field, in
English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as cc
from domain.catalog import master as catalog


@pytest.fixture
def services(db, make_services):
    catalog.add_product(db.uow(), cc.AddProduct("GL-1", "胶水", unit="瓶"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.products import ProductsScreen

    widget = ProductsScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.model.rowCount() == 1)
    return widget


def type_unit(qtbot, editor, unit: str) -> None:
    """Type ``unit`` over the unit field (Chinese comes from an input method, not keys: set and announced as typed)."""
    edit = editor.edits["unit"]
    edit.clear()
    if unit.isascii():
        qtbot.keyClicks(edit, unit)
    else:
        edit.setText(unit)
        edit.textEdited.emit(unit)


def new_product(qtbot, screen):
    editor = screen.add_product()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.buttons.button(editor.buttons.StandardButton.Save).isEnabled())
    return editor


def save(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.submit()


def test_a_new_product_counts_in_whole_units_unless_its_unit_is_a_measure(qtbot, screen, services):
    editor = new_product(qtbot, screen)
    assert editor.whole_units.isChecked() and editor.whole_units.isEnabled()
    type_unit(qtbot, editor, "千克")
    assert not editor.whole_units.isChecked()
    type_unit(qtbot, editor, "箱")
    assert editor.whole_units.isChecked()
    type_unit(qtbot, editor, "kg")
    editor.edits["SKU"].setText("RICE")
    editor.edits["name"].setText("大米")
    save(qtbot, editor)
    assert catalog.get_product(services.uow(), "RICE").whole_units is False


def test_a_clicked_box_is_kept_whatever_unit_is_typed_after(qtbot, screen, services):
    editor = new_product(qtbot, screen)
    qtbot.mouseClick(editor.whole_units, Qt.MouseButton.LeftButton)
    assert not editor.whole_units.isChecked()
    type_unit(qtbot, editor, "pcs")
    assert not editor.whole_units.isChecked()
    editor.edits["SKU"].setText("NAIL")
    editor.edits["name"].setText("Nails, loose")
    save(qtbot, editor)
    assert catalog.get_product(services.uow(), "NAIL").whole_units is False


def test_editing_shows_the_stored_setting_and_saves_a_change(qtbot, screen, services):
    assert screen.select_sku("GL-1")
    editor = screen.edit_current()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version is not None)
    assert editor.whole_units.isChecked()
    type_unit(qtbot, editor, "kg")  # editing a unit does not change the stored setting
    assert editor.whole_units.isChecked()
    type_unit(qtbot, editor, "瓶")
    qtbot.mouseClick(editor.whole_units, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    product = catalog.get_product(services.uow(), "GL-1")
    assert (product.whole_units, product.version) == (False, 2)


def test_a_fractional_pack_size_of_a_whole_unit_product_is_refused_under_its_field(qtbot, screen):
    editor = new_product(qtbot, screen)
    editor.edits["SKU"].setText("BOX-1")
    editor.edits["name"].setText("Box")
    editor.edits["pack size"].setText("2.5")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["pack size"].isHidden())
    assert editor.errors["pack size"].text() == ("2.5 is not a whole number: BOX-1 is counted in whole pcs; enter 2 "
                                                 "or 3")


def test_the_box_and_the_refusal_read_in_chinese(qtbot, chinese, screen):
    editor = new_product(qtbot, screen)
    assert editor.whole_units.text() == "按整数计量（数量不带小数）"
    editor.edits["SKU"].setText("BOX-1")
    editor.edits["name"].setText("箱子")
    type_unit(qtbot, editor, "箱")
    editor.edits["pack size"].setText("0.5")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["pack size"].isHidden())
    assert editor.errors["pack size"].text() == "0.5 不是整数：BOX-1 按整箱计数；请输入 1"


def test_any_coded_refusal_under_a_field_reads_in_chinese(qtbot, chinese, screen):
    """Under its field the form said only a few problems in Chinese (required, zero, a listed barcode, a fraction of
    a whole-unit product); a max level below the min level stood there in English."""
    editor = new_product(qtbot, screen)
    editor.edits["SKU"].setText("BOX-2")
    editor.edits["name"].setText("箱子")
    editor.edits["min level"].setText("10")
    editor.edits["max level"].setText("5")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["max level"].isHidden())
    said = editor.errors["max level"].text()
    assert said == "5 低于最低库存 10"


def test_turning_whole_units_on_while_the_product_holds_a_fraction_is_refused_under_the_box(qtbot, services, screen):
    """The box could be ticked for a product with 2.5 bottles on hand: every later shipment of the half bottle was
    refused. It says what holds the fraction under the box, in English and (below) in Chinese."""
    from domain.stock import commands as sc
    from domain.stock import ledger

    catalog.add_warehouse(services.uow(), cc.AddWarehouse("WH01", "Main"))
    catalog.update_product(services.uow(), cc.UpdateProduct("GL-1", "胶水", unit="瓶", whole_units=False))
    ledger.receive(services.uow(), sc.ReceiveStock("GL-1", "2.5", "WH01", "3"))
    assert screen.select_sku("GL-1")
    editor = screen.edit_current()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version is not None)
    assert not editor.whole_units.isChecked()
    qtbot.mouseClick(editor.whole_units, Qt.MouseButton.LeftButton)
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["whole units"].isHidden())
    assert editor.errors["whole units"].text() == "GL-1 holds 2.5 瓶 in WH01; count it to a whole number first"
    assert editor.isVisible() and editor.general_error.isHidden()
    assert catalog.get_product(services.uow(), "GL-1").whole_units is False


def test_the_refusal_of_whole_units_reads_in_chinese(qtbot, chinese, services, screen):
    from ui.refusals import refusal_text

    catalog.add_supplier(services.uow(), cc.AddSupplier("ACME", "Acme"))
    catalog.update_product(services.uow(), cc.UpdateProduct("GL-1", "胶水", unit="瓶", whole_units=False))
    catalog.set_supplier_terms(services.uow(), cc.SetSupplierTerms("ACME", "GL-1", "3", moq="1.5"))
    assert screen.select_sku("GL-1")
    editor = screen.edit_current()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version is not None)
    qtbot.mouseClick(editor.whole_units, Qt.MouseButton.LeftButton)
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["whole units"].isHidden())
    assert editor.errors["whole units"].text() == ("GL-1 向供应商 ACME 采购的包装数量、最小订购量或订购倍数为 1.5 瓶；"
                                                   "请先把这些采购条款改为整数")
    with pytest.raises(Exception) as caught:
        catalog.update_product(services.uow(), cc.UpdateProduct("GL-1", "胶水", unit="瓶", whole_units=True))
    assert refusal_text(caught.value).startswith("整数计量：GL-1 向供应商 ACME")
