"""The sales order's lines grid at 1280 × 800: the everyday columns fit without the scroll bar in English and
Chinese; the clerk chooses the others from the header's menu, kept in the settings when the screen is made again;
Tab through the typed cells passes over the columns hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication

from domain.sales import commands as sc
from domain.sales import orders
from tests.sales_shop import open_shop
from tests.ui.test_sales_orders import sales_in_a_window
from ui.screens.sales.words import L_AMOUNT
from ui.screens.sales.words import L_ATP
from ui.screens.sales.words import L_DISCOUNT
from ui.screens.sales.words import L_LAST
from ui.screens.sales.words import L_NAME
from ui.screens.sales.words import L_PRICE
from ui.screens.sales.words import L_QTY
from ui.screens.sales.words import L_SKU
from ui.screens.sales.words import L_TAX
from ui.screens.sales.words import L_UNIT
from ui.screens.sales.words import L_WAREHOUSE

EVERYDAY = (L_SKU, L_NAME, L_QTY, L_UNIT, L_PRICE, L_DISCOUNT, L_AMOUNT, L_ATP)


@pytest.fixture
def services(db, make_services):
    open_shop(db.uow, products=[("SD-1", "Screwdriver"), ("HM-1", "Hammer")],
              stock=[("SD-1", "W1", "10"), ("HM-1", "W1", "5"), ("HM-1", "W2", "5")],
              prices={"SD-1": "12.50", "HM-1": "30"}, warehouses=[("W1", "Main"), ("W2", "Depot")])
    return make_services(user="clerk")


def draft(services) -> str:
    so = orders.create_order(services.uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for sku in ("SD-1", "HM-1"):
        orders.add_line(services.uow(), sc.AddSalesOrderLine(so, sku, "2"))
    return so


def opened(qtbot, services, so: str):
    from ui.screens.sales import SalesOrdersScreen

    screen = SalesOrdersScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.warehouse.count() == 2 and not screen.loading)
    screen.select(so)
    qtbot.waitUntil(lambda: screen.current is not None and screen.lines.rowCount() == 2 and not screen.loading)
    return screen


def menu_action(screen, column: int):
    """The header menu's entry of ``column`` (the menu a right click on the header opens)."""
    menu = screen.columns.build_menu()
    title = screen.lines.model().headerData(column, Qt.Orientation.Horizontal)
    return menu, next(a for a in menu.actions() if a.text() == title)


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_everyday_columns_fit_at_1280_by_800_without_the_scroll_bar(qtbot, services, request, language):
    request.getfixturevalue(language)
    so = draft(services)
    screen = sales_in_a_window(qtbot, services)
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 1 and not screen.loading)
    screen.select(so)
    qtbot.waitUntil(lambda: screen.current is not None and screen.lines.rowCount() == 2 and not screen.loading)
    lines = screen.lines
    assert lines.horizontalScrollBar().maximum() == 0 and not lines.horizontalScrollBar().isVisible()
    header = lines.horizontalHeader()
    for column in EVERYDAY:
        assert not lines.isColumnHidden(column), column
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= lines.viewport().width(), (column, right, lines.viewport().width())
        title = lines.model().headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= lines.fontMetrics().horizontalAdvance(title), title  # readable


def test_a_column_hidden_from_the_header_menu_stays_hidden_when_the_screen_is_made_again(qtbot, services):
    so = draft(services)
    screen = opened(qtbot, services, so)
    assert not screen.lines.isColumnHidden(L_LAST) and screen.lines.isColumnHidden(L_TAX)
    menu, last = menu_action(screen, L_LAST)
    assert last.isCheckable() and last.isChecked()
    last.trigger()  # unticked: hidden
    _, tax = menu_action(screen, L_TAX)
    tax.trigger()  # ticked: shown
    assert screen.lines.isColumnHidden(L_LAST) and not screen.lines.isColumnHidden(L_TAX)
    _, sku = menu_action(screen, L_SKU)
    assert not sku.isEnabled()  # what names a line always shows
    screen.close()

    again = opened(qtbot, services, so)
    assert again.lines.isColumnHidden(L_LAST) and not again.lines.isColumnHidden(L_TAX)
    menu = again.columns.build_menu()
    reset = menu.actions()[-1]
    assert reset.text() == "&Reset columns"
    reset.trigger()
    assert not again.lines.isColumnHidden(L_LAST) and again.lines.isColumnHidden(L_TAX)
    third = opened(qtbot, services, so)  # the reset is kept too: the defaults
    assert not third.lines.isColumnHidden(L_LAST) and third.lines.isColumnHidden(L_TAX)


def test_the_choice_is_the_users_of_the_desk(qtbot, services, make_services):
    so = draft(services)
    screen = opened(qtbot, services, so)
    menu_action(screen, L_LAST)[1].trigger()
    assert screen.lines.isColumnHidden(L_LAST)
    other = opened(qtbot, make_services(user="boss"), so)
    assert not other.lines.isColumnHidden(L_LAST)


def test_tab_through_the_typed_cells_passes_over_the_hidden_ones(qtbot, services):
    """Quantity, price, discount: with the price hidden, Tab from the quantity goes to the discount, then to the next
    line's quantity; the columns that cannot be typed in (unit, amount) are passed over as before."""
    so = draft(services)
    screen = opened(qtbot, services, so)
    menu_action(screen, L_PRICE)[1].trigger()
    lines = screen.lines
    lines.setFocus()
    lines.setCurrentCell(0, L_QTY)
    lines.edit(lines.currentIndex())
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert (lines.currentRow(), lines.currentColumn()) == (0, L_DISCOUNT)
    assert lines.state() == QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: screen.current.lines[0].ordered == 3 and not screen.loading)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert (lines.currentRow(), lines.currentColumn()) == (1, L_QTY)
    assert lines.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert (lines.currentRow(), lines.currentColumn()) == (0, L_DISCOUNT)


def test_a_line_sent_from_another_warehouse_shows_the_warehouse_column_without_changing_the_choice(qtbot, services):
    from domain.sales import drafts

    so = draft(services)
    screen = opened(qtbot, services, so)
    assert screen.lines.isColumnHidden(L_WAREHOUSE)
    drafts.change_line(services.uow(), drafts.ChangeDraftLine(so, 2, warehouse="W2"))  # the stockout panel's offer
    screen.refresh()
    qtbot.waitUntil(lambda: screen.current.lines[1].warehouse == "W2" and not screen.loading)
    assert not screen.lines.isColumnHidden(L_WAREHOUSE)
    assert screen.lines.item(1, L_WAREHOUSE).text() == "W2"
    menu_action(screen, L_LAST)[1].trigger()  # a choice kept meanwhile keeps the warehouse hidden
    again = opened(qtbot, services, draft(services))  # an order from one warehouse
    assert again.lines.isColumnHidden(L_WAREHOUSE) and again.lines.isColumnHidden(L_LAST)
