"""The products screen: pinyin search, the editor's field-level errors, the product page."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from ui.search import pinyin
from ui.search import search_key


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀", barcodes=("6901234567892",), category="工具"))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer", category="tools"))
    catalog.add_product(uow(), cc.AddProduct("GL-1", "胶水", category="chemicals"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.products import ProductsScreen

    widget = ProductsScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.model.rowCount() == 3)
    return widget


def found(screen, typed: str) -> list[str]:
    screen.search.setText(typed)
    return sorted(r.sku for r in screen.proxy.visible_rows())


def test_pinyin_initials_and_full_pinyin_find_a_chinese_name(screen):
    assert found(screen, "lsd") == ["SD-1"]
    assert found(screen, "luosidao") == ["SD-1"]
    assert found(screen, "LuoSi") == ["SD-1"]
    assert found(screen, "螺丝") == ["SD-1"]


def test_search_covers_sku_name_and_barcode_and_clearing_shows_all(screen):
    assert found(screen, "hm-") == ["HM-1"]
    assert found(screen, "hamm") == ["HM-1"]
    assert found(screen, "69012345") == ["SD-1"]
    assert found(screen, "zzz") == []
    assert found(screen, "") == ["GL-1", "HM-1", "SD-1"]


def test_typing_letter_by_letter_narrows_and_deleting_widens(qtbot, screen):
    qtbot.keyClicks(screen.search, "js")
    assert sorted(r.sku for r in screen.proxy.visible_rows()) == ["GL-1"]
    screen.search.backspace()
    assert sorted(r.sku for r in screen.proxy.visible_rows()) == ["GL-1"]  # "j": only 胶水 (jiaoshui)
    screen.search.backspace()
    assert screen.proxy.rowCount() == 3


def test_search_keys_hold_full_pinyin_and_initials():
    assert pinyin("螺丝刀 M6") == ("luosidaom6", "lsdm6")
    key = search_key("SD-1", "螺丝刀", chinese="螺丝刀")
    assert "lsd" in key and "luosidao" in key and "sd-1" in key
    assert search_key("HM-1", "Hammer", chinese="Hammer") == "hm-1\x1fhammer"


def test_the_editor_shows_a_refused_field_next_to_it_and_saves_nothing(qtbot, screen, services):
    editor = screen.add_product()
    qtbot.addWidget(editor)
    editor.edits["SKU"].setText("NEW 1")
    editor.edits["name"].setText("Wrench")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["SKU"].isHidden())
    assert "spaces" in editor.errors["SKU"].text()
    assert editor.errors["name"].isHidden()
    assert [p.sku for p in services.catalog.products()] == ["GL-1", "HM-1", "SD-1"]

    editor.edits["SKU"].setText("NEW-1")
    editor.edits["pack size"].setText("0")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["pack size"].isHidden())
    assert editor.errors["SKU"].isHidden()
    assert editor.errors["pack size"].text() == "must not be 0"


def test_the_editor_adds_a_product_and_the_list_shows_it(qtbot, screen):
    editor = screen.add_product()
    editor.edits["SKU"].setText("WR-1")
    editor.edits["name"].setText("扳手")
    editor.edits["barcode"].setText("111, 222")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.submit()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 4)
    assert found(screen, "bs") == ["WR-1"]
    assert found(screen, "222") == ["WR-1"]


def test_a_duplicate_sku_is_shown_in_the_editor(qtbot, screen):
    editor = screen.add_product()
    editor.edits["SKU"].setText("HM-1")
    editor.edits["name"].setText("Another hammer")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.general_error.isHidden())
    assert "HM-1" in editor.general_error.text()


def test_the_product_page_charts_the_stock_level_and_lists_movements(qtbot, screen, services):
    ledger.receive(services.uow(), c.ReceiveStock("SD-1", "10", "W1", "2"))
    ledger.ship(services.uow(), c.ShipStock("SD-1", "4", "W1"))
    screen.search.setText("lsd")
    screen.table.setCurrentIndex(screen.proxy.index(0, 0))
    screen.open_current()
    page = screen.page
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    curve = page.chart._curves["W1"]
    xs, ys = curve.getData()
    assert list(ys) == [10.0, 6.0, 6.0]  # after the receipt, after the shipment, until now
    assert xs[0] <= xs[1] <= xs[2]
    assert "螺丝刀" in page.title.text()


def test_down_and_enter_in_the_search_box_go_to_the_first_product_found_and_enter_opens_the_only_one(qtbot, screen):
    """↓ and Enter did nothing in the search box: the list was reached only with the mouse or Tab."""
    from PySide6.QtCore import Qt

    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus)
    qtbot.keyClicks(screen.search, "-1")  # all three
    first = screen.proxy.visible_rows()[0].sku
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert screen.table.hasFocus() and screen.current_row().sku == first
    qtbot.keyClick(screen.table, Qt.Key.Key_Up)  # ↑ on the first product: back to the search box
    assert screen.search.hasFocus()
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)  # several found: Enter selects the first, opens nothing
    assert screen.table.hasFocus() and screen.current_row().sku == first and screen.editor is None
    screen.search.setFocus()
    screen.search.setText("hamm")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)  # the only one found: Enter opens it, as Enter in the list does
    assert screen.current_row().sku == "HM-1"
    assert screen.editor is not None and screen.editor.sku == "HM-1"
    qtbot.addWidget(screen.editor)
    screen.editor.reject()
    screen.search.setFocus()
    screen.search.setText("zzz")
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)  # nothing found: the cursor stays to type on
    assert screen.search.hasFocus()
