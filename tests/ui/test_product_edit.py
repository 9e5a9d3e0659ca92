"""Editing a product from the Products screen: prefilled editor, field errors, (de)activation with confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀", barcodes=("6901234567892",), category="工具",
                                            pack_size="10", min_level="5"))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer", barcodes=("555",), category="tools"))
    catalog.add_product(uow(), cc.AddProduct("GL-1", "胶水", category="chemicals"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.products import ProductsScreen

    widget = ProductsScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.model.rowCount() == 3)
    return widget


def select(screen, sku: str) -> None:
    assert screen.select_sku(sku)
    assert screen.current_row().sku == sku


def open_editor(qtbot, screen, sku: str):
    select(screen, sku)
    editor = screen.edit_current()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version is not None)
    return editor


def stored(services, sku: str):
    return catalog.get_product(services.uow(), sku)


def test_enter_opens_the_selected_product_prefilled_with_the_sku_read_only(qtbot, screen):
    select(screen, "SD-1")
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    editor = screen.editor
    assert editor is not None and editor.sku == "SD-1"
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version == 1)
    assert editor.edits["SKU"].text() == "SD-1" and editor.edits["SKU"].isReadOnly()
    assert editor.edits["name"].text() == "螺丝刀"
    assert editor.edits["barcode"].text() == "6901234567892"
    assert (editor.edits["pack size"].text(), editor.edits["min level"].text()) == ("10", "5")
    assert editor.edits["max level"].text() == ""
    assert not editor.sku_note.isHidden()
    assert "SD-1" in editor.windowTitle()


def test_a_changed_name_and_barcode_are_saved_the_list_keeps_the_selection_and_pinyin_finds_it(qtbot, screen,
                                                                                              services):
    editor = open_editor(qtbot, screen, "GL-1")
    editor.edits["name"].setText("扳手")
    editor.edits["barcode"].setText("777, 778")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.submit()
    qtbot.waitUntil(lambda: not screen.loading and any(r.name == "扳手" for r in screen.model.rows))
    assert screen.current_row().sku == "GL-1"
    product = stored(services, "GL-1")
    assert (product.name, product.barcodes, product.version) == ("扳手", ["777", "778"], 2)
    screen.search.setText("bs")
    assert [r.sku for r in screen.proxy.visible_rows()] == ["GL-1"]
    screen.search.setText("banshou")
    assert [r.sku for r in screen.proxy.visible_rows()] == ["GL-1"]
    screen.search.setText("778")
    assert [r.sku for r in screen.proxy.visible_rows()] == ["GL-1"]
    screen.search.setText("jiaoshui")
    assert screen.proxy.visible_rows() == []


def test_a_bad_pack_size_shows_under_its_field_and_nothing_is_saved(qtbot, screen, services):
    editor = open_editor(qtbot, screen, "HM-1")
    editor.edits["name"].setText("Claw hammer")
    editor.edits["pack size"].setText("0")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["pack size"].isHidden())
    assert editor.errors["pack size"].text() == "must not be 0"
    assert editor.errors["name"].isHidden() and editor.general_error.isHidden()
    assert editor.isVisible()
    product = stored(services, "HM-1")
    assert (product.name, product.pack_size, product.version) == ("Hammer", 1, 1)


def test_a_barcode_of_another_product_shows_under_the_barcode_field(qtbot, screen, services):
    editor = open_editor(qtbot, screen, "GL-1")
    editor.edits["barcode"].setText("555")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["barcode"].isHidden())
    assert "555" in editor.errors["barcode"].text() and "HM-1" in editor.errors["barcode"].text()
    assert stored(services, "GL-1").barcodes == []


def test_a_save_after_someone_else_changed_the_product_is_refused(qtbot, screen, services):
    editor = open_editor(qtbot, screen, "HM-1")
    catalog.update_product(services.uow(), cc.UpdateProduct("HM-1", "Their hammer", barcodes=("555",)))
    editor.edits["name"].setText("My hammer")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.general_error.isHidden())
    assert "someone else" in editor.general_error.text()
    assert stored(services, "HM-1").name == "Their hammer"


def answer(monkeypatch, button) -> list[str]:
    """Make every confirmation box answer ``button``; returns the texts it was asked."""
    asked: list[str] = []

    def exec_(box) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_deactivating_a_product_with_stock_warns_and_asks_first(qtbot, monkeypatch, screen, services):
    ledger.receive(services.uow(), c.ReceiveStock("SD-1", "7", "W1", "2"))
    select(screen, "SD-1")
    assert screen.active_button.text() == "Deactivate"
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    screen.toggle_active()
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "stock on hand" in asked[0] and "W1: 7" in asked[0]
    services.tasks.wait()
    assert stored(services, "SD-1").active is True  # said no: nothing changed

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    screen.toggle_active()
    qtbot.waitUntil(lambda: stored(services, "SD-1").active is False)
    qtbot.waitUntil(lambda: not screen.loading and not next(r for r in screen.model.rows if r.sku == "SD-1").active)
    assert screen.current_row().sku == "SD-1"
    assert screen.active_button.text() == "Activate"
    assert stored(services, "SD-1").version == 2


def test_deactivating_a_product_without_stock_asks_without_the_stock_warning(qtbot, monkeypatch, screen, services):
    select(screen, "HM-1")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    screen.toggle_active()
    qtbot.waitUntil(lambda: stored(services, "HM-1").active is False)
    assert len(asked) == 1 and "stock on hand" not in asked[0]
    qtbot.waitUntil(lambda: not screen.loading and screen.active_button.text() == "Activate")
    screen.toggle_active()
    qtbot.waitUntil(lambda: stored(services, "HM-1").active is True)
    assert "again" in asked[1]


def test_ctrl_e_and_the_edit_button_open_the_editor_on_the_selected_product(qtbot, screen):
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    select(screen, "HM-1")
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    qtbot.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.editor is not None)
    assert screen.editor.sku == "HM-1"
    qtbot.addWidget(screen.editor)
    select(screen, "GL-1")
    screen.edit_button.click()
    assert screen.editor.sku == "GL-1"
    qtbot.addWidget(screen.editor)
    qtbot.waitUntil(lambda: screen.editor.version == 1)
