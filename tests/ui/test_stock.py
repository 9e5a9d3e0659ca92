"""The stock screen: posted stock, filters, search, low-stock highlight, totals, the table model's roles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.readmodels import StockRow
from ui.models.proxy import RowFilterProxy
from ui.models.stock import StockTableModel
from ui.models.table import RowRole
from ui.models.table import SortRole


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_warehouse(uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), cc.AddWarehouse("W2", "Shop"))
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀", category="tools", min_level="5"))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer", category="tools"))
    catalog.add_product(uow(), cc.AddProduct("GL-1", "Glue", category="chemicals"))
    ledger.receive(uow(), c.ReceiveStock("SD-1", "3", "W1", "2.50"))
    ledger.receive(uow(), c.ReceiveStock("HM-1", "10", "W1", "12"))
    ledger.receive(uow(), c.ReceiveStock("HM-1", "9", "W2", "12"))
    ledger.receive(uow(), c.ReceiveStock("GL-1", "100", "W2", "0.40"))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.stock import StockScreen

    widget = StockScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.model.rowCount() == 4)
    return widget


def shown(screen) -> list[tuple[str, str]]:
    return [(r.sku, r.warehouse) for r in screen.proxy.visible_rows()]


def test_stock_screen_shows_posted_stock_value_and_totals(screen):
    rows = {(r.sku, r.warehouse): r for r in screen.model.rows}
    assert rows[("HM-1", "W1")].on_hand == Decimal("10")
    assert rows[("SD-1", "W1")].value == Decimal("7.50")
    assert "4 item(s)" in screen.totals.text()
    assert "275.50" in screen.totals.text()  # 7.50 + 120 + 108 + 40


def test_stock_screen_filters_by_warehouse_and_category(screen):
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W2"))
    assert sorted(shown(screen)) == [("GL-1", "W2"), ("HM-1", "W2")]
    screen.category.setCurrentIndex(screen.category.findData("tools"))
    assert shown(screen) == [("HM-1", "W2")]
    assert "1 item(s)" in screen.totals.text()
    screen.warehouse.setCurrentIndex(0)
    assert sorted(shown(screen)) == [("HM-1", "W1"), ("HM-1", "W2"), ("SD-1", "W1")]


def test_stock_search_matches_as_you_type_including_pinyin(qtbot, screen):
    qtbot.keyClicks(screen.search, "ham")
    assert sorted(shown(screen)) == [("HM-1", "W1"), ("HM-1", "W2")]
    screen.search.clear()
    qtbot.keyClicks(screen.search, "lsd")
    assert shown(screen) == [("SD-1", "W1")]
    screen.search.clear()
    assert len(shown(screen)) == 4


def test_rows_below_min_level_are_highlighted_and_can_be_shown_alone(screen):
    low = screen.proxy.index(next(i for i, r in enumerate(screen.proxy.visible_rows()) if r.sku == "SD-1"), 0)
    fine = screen.proxy.index(next(i for i, r in enumerate(screen.proxy.visible_rows()) if r.sku == "GL-1"), 0)
    assert low.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert fine.data(Qt.ItemDataRole.BackgroundRole) is None
    screen.low_only.setChecked(True)
    assert shown(screen) == [("SD-1", "W1")]


def test_new_stock_appears_after_a_refresh(qtbot, screen, services):
    ledger.receive(services.uow(), c.ReceiveStock("GL-1", "5", "W1", "0.50"))
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 5)
    assert ("GL-1", "W1") in shown(screen)


def _row(sku: str, on_hand: str) -> StockRow:
    d = Decimal(on_hand)
    return StockRow("id-" + sku, sku, sku, "", "pcs", "W1", d, Decimal(1), d, Decimal(0), Decimal(0), None)


def test_the_sort_role_gives_raw_decimals_and_sorting_is_numeric(qapp):
    model = StockTableModel()
    model.set_rows([_row("A", "10"), _row("B", "9"), _row("C", "100.5")])
    index = model.index(0, StockTableModel.ON_HAND)
    assert index.data(SortRole) == Decimal("10")
    assert index.data(Qt.ItemDataRole.DisplayRole) == "10"
    assert index.data(RowRole).sku == "A"
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(StockTableModel.ON_HAND, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, 0).data() for i in range(3)] == ["B", "A", "C"]  # as text "10" < "9"
    proxy.sort(StockTableModel.ON_HAND, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(i, 0).data(RowRole).sku for i in range(3)] == ["C", "A", "B"]
    assert proxy.mapToSource(proxy.index(0, 0)).row() == 2
    assert proxy.mapFromSource(model.index(1, 0)).row() == 2


def test_the_fast_table_queries_return_what_the_plain_ones_do(services):
    stock, catalog = services.stock, services.catalog
    assert stock.stock_table() == stock.stock()
    assert stock.stock_table(limit=2) == stock.stock()[:2]
    assert catalog.product_table() == catalog.products()
    assert catalog.product_table(limit=1) == catalog.products()[:1]


def test_a_big_table_shows_its_first_rows_before_the_rest(qtbot, services, monkeypatch):
    from ui.screens import stock as stock_module

    monkeypatch.setattr(stock_module, "FIRST_ROWS", 2)
    seen = []
    widget = stock_module.StockScreen(services)
    qtbot.addWidget(widget)
    widget.model.modelReset.connect(lambda: seen.append((widget.model.rowCount(), widget.totals.text())))
    qtbot.waitUntil(lambda: not widget.loading)
    assert [n for n, _ in seen] == [2, 4]
    assert "loading all rows" in seen[0][1]
    assert "loading" not in widget.totals.text() and "4 item(s)" in widget.totals.text()


def _shown_with_the_focus_in_search(qtbot, screen) -> None:
    """The screen shown and active, the search field focused: where a clerk starts before pressing an Alt key."""
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus)


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_alt_w_and_alt_c_go_to_the_warehouse_and_category_filters_in_both_languages(qtbot, screen, language,
                                                                                      request):
    """A clerk looking an item up by keyboard reached 仓库 and 类别 only by Tab: the labels name their filters with
    an Alt letter, as the document screens' fields do (the menus keep F, V and H)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_shell import _mnemonic

    request.getfixturevalue(language)
    screen.retranslate()
    assert (screen.warehouse_label.buddy(), screen.category_label.buddy()) == (screen.warehouse, screen.category)
    assert (_mnemonic(screen.warehouse_label.text()), _mnemonic(screen.category_label.text())) == ("w", "c")
    if language == "chinese":
        assert (screen.warehouse_label.text(), screen.category_label.text()) == ("仓库(&W)：", "类别(&C)：")
    _shown_with_the_focus_in_search(qtbot, screen)
    for key, combo in ((Qt.Key.Key_W, screen.warehouse), (Qt.Key.Key_C, screen.category)):
        QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda combo=combo: QApplication.focusWidget() is combo)


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_alt_l_goes_to_the_class_filter_and_alt_b_ticks_below_min_level_only_in_both_languages(qtbot, screen,
                                                                                               language, request):
    """分类 and 仅显示低于最低库存 were the Stock screen's last filters without an Alt letter, reached only by Tab:
    L and B clash with nothing there (W, C) nor the menus' F, V and H."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_shell import _mnemonic

    request.getfixturevalue(language)
    screen.retranslate()
    assert screen.class_label.buddy() is screen.class_filter
    assert (_mnemonic(screen.class_label.text()), _mnemonic(screen.low_only.text())) == ("l", "b")
    if language == "chinese":
        assert (screen.class_label.text(), screen.low_only.text()) == ("分类(&L)：", "仅显示低于最低库存(&B)")
    _shown_with_the_focus_in_search(qtbot, screen)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.class_filter)
    assert not screen.low_only.isChecked()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(screen.low_only.isChecked)  # a checkbox's Alt letter ticks it, as a click would
