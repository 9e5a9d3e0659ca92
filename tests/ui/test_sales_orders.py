"""The Sales orders screen: entering an order with quoted prices and ATP, confirming it, and each stockout offer."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.sales import commands as sc
from domain.sales import orders
from domain.stock import commands as stc
from domain.stock import ledger
from tests import clock
from tests.sales_shop import open_shop
from ui.screens.sales.words import L_ATP
from ui.screens.sales.words import L_LAST
from ui.screens.sales.words import L_PRICE
from ui.screens.sales.words import L_QTY
from ui.screens.sales.words import L_SOURCE
from ui.screens.sales.words import L_WAREHOUSE
from ui.screens.sales.words import L_WITH_TAX

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    open_shop(uow, products=[("SD-1", "Screwdriver", "6901234567892"), ("SD-2", "Screwdriver, long"),
                             ("HM-1", "Hammer")],
              warehouses=[("W1", "Main"), ("W2", "Depot")],
              stock=[("SD-1", "W1", "3"), ("SD-1", "W2", "10"), ("SD-2", "W1", "8"), ("HM-1", "W1", "5")],
              prices={"SD-1": "12.50", "SD-2": "14", "HM-1": "30"})
    catalog.add_supplier(uow(), c.AddSupplier("TOOLS", "Tool Works"))
    with uow() as u:
        u.prices.set_substitutes(u.products.by_sku("SD-1").id, [u.products.by_sku("SD-2").id])
        u.commit()
    return make_services(user="clerk")


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.sales import SalesOrdersScreen

    widget = SalesOrdersScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.warehouse.count() == 2 and not widget.loading)
    return widget


def draft(services, lines=(("SD-1", "7"),)) -> str:
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for sku, qty in lines:
        orders.add_line(uow(), sc.AddSalesOrderLine(so, sku, qty))
    return so


def open_order(qtbot, screen, so: str) -> None:
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    shown = screen.current
    screen.select(so)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current is not shown and screen.current.number == so)


def test_a_scanned_barcode_adds_a_line_at_the_quoted_price_with_its_atp(qtbot, screen):
    screen.customer.setEditText("acme")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    screen.sku.setText("6901234567892")
    qtbot.waitUntil(lambda: screen.last_preview is not None)
    assert "price 12.50 (14.13 with tax, Retail price)" in screen.preview.text()  # a price shows two places at least
    assert screen.last_preview.available == D(3)
    screen.qty.setText("2")
    qtbot.keyClick(screen.sku, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.current is not None and screen.lines.rowCount() == 1)
    assert screen.current.number.startswith("SO-") and screen.current.state == "draft"
    assert screen.lines.item(0, L_QTY).text() == "2"
    assert screen.lines.item(0, L_PRICE).text() == "12.50"
    assert screen.lines.item(0, L_SOURCE).text() == "Retail price"
    assert screen.lines.item(0, L_WITH_TAX).text() == "28.25"  # 25.00 + 13 %
    assert screen.lines.item(0, L_ATP).text() == "3"
    assert screen.lines.item(0, L_LAST).text() == ""  # never sold to ACME
    assert "28.25" in screen.totals.text()
    assert screen.list_model.rowCount() == 1


def test_a_refused_first_line_leaves_no_empty_order_behind(qtbot, services, screen):
    """The order was created in one transaction and its first line added in another: each refused first line (a price
    typed wrong) left an empty draft behind and used up its number."""
    screen.customer.setEditText("acme")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    for price, discount in (("abc", ""), ("", "150")):
        screen.sku.setText("SD-1")
        screen.price.setText(price)
        screen.discount.setText(discount)
        qtbot.keyClick(screen.sku, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Refused" in screen.message.text())
        screen.message.clear()
    assert screen.current is None
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    assert screen.list_model.rowCount() == 0
    screen.price.setText("")
    screen.discount.setText("")
    qtbot.keyClick(screen.sku, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.current is not None and screen.lines.rowCount() == 1)
    assert screen.current.number.endswith("-00001")
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    assert screen.list_model.rowCount() == 1


def test_editing_the_quantity_of_a_draft_line_changes_it_in_the_order_and_the_stockout_goes(qtbot, services,
                                                                                            screen):
    so = draft(services)
    open_order(qtbot, screen, so)
    screen.show()
    qtbot.waitUntil(lambda: screen.shortage.isVisible())  # 7 asked, 3 available in W1
    screen.lines.item(0, L_QTY).setText("2")
    qtbot.waitUntil(lambda: screen.current.lines[0].ordered == D(2))
    qtbot.waitUntil(lambda: not screen.shortage.isVisible())


def test_confirming_within_stock_reserves(qtbot, services, screen):
    so = draft(services, (("SD-1", "2"),))
    open_order(qtbot, screen, so)
    assert not screen.shortage.isVisible()
    screen.confirm_order()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    assert not screen.shortage.isVisible()
    assert services.stock.stock(sku="SD-1", warehouse="W1")[0].reserved == D(2)


def short_panel(qtbot, services, screen, lines=(("SD-1", "7"),)):
    so = draft(services, lines)
    open_order(qtbot, screen, so)
    screen.show()
    qtbot.waitUntil(lambda: screen.shortage.isVisible())  # said at once, while the order is a draft
    screen.confirm_order()
    qtbot.waitUntil(lambda: "was not confirmed" in screen.message.text())
    assert screen.shortage.isVisible()
    return so, screen.shortage.box(1)


def test_a_shortfall_opens_the_panel_with_every_offer_in_order(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    assert screen.current.state == "draft"
    assert "4 short" in box.title.text()
    assert list(box.ship_buttons) == ["W2"]
    assert box.stock_labels["W2"].text() == "10 available in W2"
    assert "No purchase order yet" in box.arrival_label.text() and box.replenish_button is not None
    assert list(box.replace_buttons) == ["SD-2"]
    qtbot.waitUntil(lambda: "14.00 (15.82 with tax)" in box.price_labels["SD-2"].text())
    assert "8 available in W1" in box.price_labels["SD-2"].text()


def test_offer_ship_from_another_warehouse_sets_the_line_warehouse_and_confirms(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    box.ship_buttons["W2"].click()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    assert screen.lines.item(0, L_WAREHOUSE).text() == "W2"
    assert not screen.shortage.isVisible()
    assert services.stock.stock(sku="SD-1", warehouse="W2")[0].reserved == D(7)


def test_offer_transfer_opens_the_transfer_screen_filled_in(qtbot, services, screen):
    opened = []

    class Window:
        def show_screen(self, key):
            from ui.screens.documents import TransferScreen

            widget = TransferScreen(services)
            qtbot.addWidget(widget)
            opened.append((key, widget))
            return widget

    screen.window = lambda: Window()
    so, box = short_panel(qtbot, services, screen)
    box.transfer_buttons["W2"].click()
    key, transfer = opened[0]
    assert key == "transfer"
    qtbot.waitUntil(lambda: transfer.model.rowCount() == 1)
    assert transfer.warehouse.currentData() == "W2" and transfer.to_warehouse.currentData() == "W1"
    assert transfer.model.lines[0].sku == "SD-1" and transfer.model.lines[0].qty == D(4)


def test_offer_arrival_date_of_an_open_po(qtbot, services, screen):
    from datetime import timedelta

    uow = services.uow
    day = clock.today() + timedelta(days=9)
    po = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("TOOLS", "W1", day))
    purchasing.add_lines(uow(), po.id, [pc.AddPurchaseOrderLine(po.id, "SD-1", "20", "2")])
    purchasing.issue(uow(), pc.IssuePurchaseOrder(po.id))
    so, box = short_panel(qtbot, services, screen)
    assert day.isoformat() in box.arrival_label.text() and box.replenish_button is None


def test_offer_no_po_opens_replenishment_for_the_product(qtbot, services, screen):
    asked = []

    class Replenishment:
        @staticmethod
        def show_product(sku, warehouse):
            asked.append((sku, warehouse))

    class Window:
        def show_screen(self, key):
            asked.append(key)
            return Replenishment

    screen.window = lambda: Window()
    so, box = short_panel(qtbot, services, screen)
    box.replenish_button.click()
    assert asked == ["replenishment", ("SD-1", "W1")]  # the short line's warehouse, not every warehouse


def test_offer_substitute_replaces_the_line_and_confirms(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    box.replace_buttons["SD-2"].click()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    line = screen.current.lines[0]
    assert (line.sku, line.ordered, line.unit_price) == ("SD-2", D(7), D(14))


def test_offer_substitute_added_as_a_line_of_its_own(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    box.add_buttons["SD-2"].click()
    qtbot.waitUntil(lambda: len(screen.current.lines) == 2)
    assert [(x.sku, x.ordered) for x in screen.current.lines] == [("SD-1", D(7)), ("SD-2", D(4))]
    assert screen.current.state == "draft"


def test_offer_ship_what_is_there_confirms_with_the_override(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    screen.shortage.backorder_button.click()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    assert screen.current.lines[0].override_user == "clerk"
    assert services.stock.stock(sku="SD-1", warehouse="W1")[0].reserved == D(7)


def test_cancel_asks_for_a_reason_and_releases_the_reservation(qtbot, services, screen):
    so = draft(services, (("SD-1", "2"),))
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(so))
    open_order(qtbot, screen, so)
    dialog = screen.cancel_order()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.text.setPlainText("customer changed their mind")
    dialog.accept()
    qtbot.waitUntil(lambda: screen.current.state == "cancelled")
    assert services.stock.stock(sku="SD-1", warehouse="W1")[0].reserved == D(0)


def test_the_list_filters_by_state(qtbot, services, screen):
    first = draft(services, (("SD-1", "1"),))
    second = draft(services, (("HM-1", "1"),))
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(second))
    open_order(qtbot, screen, first)
    screen.state_filter.setCurrentIndex(screen.state_filter.findData("confirmed"))
    assert screen.proxy.rowCount() == 1
    assert screen.proxy.index(0, 0).data() == second


def test_the_backorder_list_shows_what_confirmed_orders_wait_for(qtbot, services, screen):
    so, box = short_panel(qtbot, services, screen)
    screen.shortage.backorder_button.click()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    dialog = screen.show_backorders()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.proxy.rowCount() == 1
    row = [dialog.proxy.index(0, column).data() for column in range(9)]
    since = dialog.model.rows[0].since
    promised = since.astimezone().date().isoformat()  # no requested date: promised on the day it was confirmed
    assert row[:4] == ["ACME · Acme Trading", so, promised, "SD-1"] and row[6] == "4"
    assert row[8] == "no purchase order yet"
    # it starts on the open order's customer; one click lists everyone's
    assert dialog.customer.currentData() == "ACME" and dialog.print_button.isEnabled()
    dialog.all_button.click()
    assert dialog.customer.currentData() is None and not dialog.all_button.isEnabled()
    # every column as wide as its contents, and the last one (Arrival) whole inside the table, not cut off
    table, header = dialog.table, dialog.table.horizontalHeader()
    assert all(table.columnWidth(c) >= table.sizeHintForColumn(c) for c in range(8))
    # the dialog widens to show them, up to the screen's width (the test screen is 800 wide: the table scrolls)
    whole = header.sectionViewportPosition(8) + table.sizeHintForColumn(8) <= table.viewport().width()
    assert whole or dialog.width() >= dialog.screen().availableGeometry().width() - 40
    dialog.table.doubleClicked.emit(dialog.proxy.index(0, 0))
    assert screen.current.number == so


def test_a_receipt_made_elsewhere_reloads_the_open_order_and_unsaved_edits_keep_the_note_instead(qtbot, services,
                                                                                                  screen):
    so = draft(services, (("SD-1", "5"),))  # 3 on hand in W1: 2 backordered
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(so, override=True))
    open_order(qtbot, screen, so)
    assert screen.lines.item(0, L_ATP).text() == "3" and 1 in screen.waiting
    # the clerk receives 2 more at another desk (or with the command line): the screen reads it by itself
    ledger.receive(services.uow(), stc.ReceiveStock("SD-1", "2", "W1", "2"))
    screen.data_changed(screen._loaded_generation + 1)  # as the window passes on a change it saw
    qtbot.waitUntil(lambda: screen.lines.item(0, L_ATP).text() == "5")
    assert screen.waiting == {} and screen.current.number == so and not screen.error_label.isVisible()

    # a draft whose header is being edited is not read again under the user's hands: the note says F5
    other = draft(services, (("HM-1", "1"),))
    open_order(qtbot, screen, other)
    screen.reference.setText("PO 4471")  # typed, not saved
    generation = screen._loaded_generation
    ledger.receive(services.uow(), stc.ReceiveStock("HM-1", "1", "W1", "2"))
    screen.data_changed(generation + 1)
    assert not screen.loading and screen._loaded_generation == generation  # no load started
    assert "press F5" in screen.error_label.text() and not screen.error_label.isHidden()
    assert screen.reference.text() == "PO 4471" and screen.current.number == other


def test_the_stock_table_shows_reserved_and_available(qtbot, services):
    from ui.models.stock import StockTableModel

    so = draft(services, (("SD-1", "2"),))
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(so))
    model = StockTableModel()
    model.set_rows([r for r in services.stock.stock_table() if r.sku == "SD-1" and r.warehouse == "W1"])
    assert model.index(0, StockTableModel.RESERVED).data() == "2"
    assert model.index(0, StockTableModel.AVAILABLE).data() == "1"
    assert model.headerData(StockTableModel.AVAILABLE, Qt.Orientation.Horizontal) == "Available"


def test_print_writes_the_confirmation_pdf_in_the_background_and_opens_it(qtbot, services, screen, tmp_path,
                                                                          monkeypatch):
    from ui.screens.sales import printing

    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    shown = []
    monkeypatch.setattr(printing, "open_pdf", shown.append)
    so = draft(services, (("SD-1", "2"),))
    open_order(qtbot, screen, so)
    screen.print_actions["confirmation"].trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == tmp_path / f"{so} confirmation.pdf"
    assert shown[0].read_bytes().startswith(b"%PDF")
    screen.print_actions["invoice"].trigger()  # nothing shipped yet: said, not printed
    assert "Nothing was shipped" in screen.message.text()
    assert len(shown) == 1


def test_the_customer_is_found_by_part_of_its_name(qtbot, screen):
    screen.customer.setEditText("acme trad")
    assert screen.customer_code() == "ACME"
    screen.customer.setEditText("ACME")
    assert screen.customer_code() == "ACME"


def test_ship_opens_the_ship_screen_on_the_order(qtbot, services, screen):
    asked = []

    class Ship:
        load_so = staticmethod(asked.append)

    class Window:
        def show_screen(self, key):
            asked.append(key)
            return Ship

    so = draft(services, (("SD-1", "2"),))
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(so))
    open_order(qtbot, screen, so)
    screen.window = lambda: Window()
    assert screen.ship_button.isEnabled() and not screen.confirm_button.isEnabled()
    screen.ship_button.click()
    assert asked == ["ship", so]


def test_save_creates_a_draft_from_the_header_then_saves_its_changes(qtbot, services, screen):
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen.sku, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New
    assert screen.customer.lineEdit().hasFocus()
    screen.customer.setEditText("ACME")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W2"))
    screen.reference.setText("PO-7781")
    qtbot.keyClick(screen.reference, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save
    qtbot.waitUntil(lambda: screen.current is not None, timeout=10_000)
    assert (screen.current.customer, screen.current.warehouse, screen.current.reference) == ("ACME", "W2", "PO-7781")
    screen.reference.setText("PO-7782")
    screen.save()
    qtbot.waitUntil(lambda: screen.current.reference == "PO-7782")
    assert services.sales.sales_orders(ref=screen.current.number)[0].reference == "PO-7782"


def sales_in_a_window(qtbot, services):
    """The Sales orders screen in the main window at 1280 × 800, loaded."""
    from ui.app import create_main_window

    win = create_main_window(services)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    screen = win.show_screen("sales")
    qtbot.waitUntil(lambda: not screen.loading)
    return screen


def test_the_order_list_keeps_room_for_several_orders_in_a_1280_by_800_window(qtbot, services):
    """The editor's size hint alone left the list three rows high at 1280 × 800."""
    screen = sales_in_a_window(qtbot, services)
    row = screen.table.verticalHeader().defaultSectionSize()
    assert screen.table.viewport().height() >= 8 * row
    assert screen.lines.viewport().height() >= 8 * row
    services.tasks.wait()


def test_the_newest_orders_come_first_until_the_user_sorts_otherwise(qtbot, services):
    from ui.screens.sales import SalesOrdersScreen

    numbers = [draft(services) for _ in range(3)]

    def shown(widget) -> list[str]:
        qtbot.waitUntil(lambda: widget.proxy.rowCount() == 3 and not widget.loading)
        return [widget.proxy.index(i, 0).data() for i in range(3)]

    first = SalesOrdersScreen(services)
    qtbot.addWidget(first)
    assert shown(first) == numbers[::-1]
    first.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the user clicks the Number title
    assert shown(first) == numbers
    first.table.save_state()  # as the window does when it closes

    again = SalesOrdersScreen(services)
    qtbot.addWidget(again)
    assert shown(again) == numbers  # the user's order is kept


def test_a_shipped_order_shows_its_margin_net_of_returns_beside_its_totals(qtbot, services, screen):
    """The margin of what an order shipped, as `so show` and the margin report have it; nothing before it ships."""
    from domain.sales import returns
    from domain.sales import shipping

    so = draft(services, (("SD-1", "2"), ("HM-1", "1")))
    open_order(qtbot, screen, so)
    assert "Margin" not in screen.totals.text()
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(so))
    shipping.ship(services.uow(), sc.ShipSalesOrder(so))
    open_order(qtbot, screen, so)  # 2 × 12.50 + 30.00 = 55.00 earned on 3 × 2.00 of cost: 49.00, 89.1 %
    qtbot.waitUntil(lambda: "Margin on what shipped 49.00 (89.1 %)" in screen.totals.text())
    assert "Total CNY" in screen.totals.text()
    returns.return_goods(services.uow(), sc.ReturnFromCustomer("HM-1", "1", "damaged", order=so))
    open_order(qtbot, screen, so)  # the hammer back: 25.00 less 4.00
    qtbot.waitUntil(lambda: "Margin on what shipped 21.00 (84.0 %)" in screen.totals.text())


def _lines(services, so: str) -> list[tuple]:
    """The order's lines as the database has them, in their order: (number, SKU, quantity, price, discount)."""
    order = services.sales.sales_orders(ref=so)[0]
    return [(x.line_no, x.sku, x.ordered, x.unit_price, x.discount) for x in order.lines]


def _delete_line(qtbot, screen, row: int) -> None:
    count = screen.lines.rowCount()
    screen.lines.setFocus()
    screen.lines.setCurrentCell(row, 1)
    qtbot.keyClick(screen.lines, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: screen.lines.rowCount() == count - 1 and not screen.busy_bar.isVisible())


def _undo(qtbot, screen) -> None:
    count = screen.lines.rowCount()
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.lines.rowCount() == count + 1)


@pytest.fixture
def typed(services):
    """A draft whose lines have typed prices and discounts: what a slip of the Delete key used to lose."""
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for sku, qty, price, discount in (("SD-1", "2", "11.20", "5"), ("SD-2", "3", "13.75", "2.5"),
                                      ("HM-1", "1", "28", "10")):
        orders.add_line(uow(), sc.AddSalesOrderLine(so, sku, qty, price, discount))
    return so


def _shown(qtbot, screen, so) -> None:
    open_order(qtbot, screen, so)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)


def test_delete_removes_a_draft_line_and_ctrl_z_puts_it_back_with_its_price_discount_and_place(qtbot, services,
                                                                                                screen, typed):
    before = _lines(services, typed)
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 0)
    assert [x[1] for x in _lines(services, typed)] == ["SD-2", "HM-1"]
    assert "Ctrl+Z puts it back" in screen.message.text() and "SD-1" in screen.message.text()
    assert screen.undo_button.isEnabled()
    _undo(qtbot, screen)
    assert _lines(services, typed) == before  # line 1 again: 2 at 11.20 less 5 %
    assert _lines(services, typed)[0] == (1, "SD-1", D(2), D("11.20"), D(5))
    assert screen.lines.item(0, L_PRICE).text() == "11.20"
    assert not screen.undo_button.isEnabled()


def test_two_deleted_lines_come_back_with_two_undos(qtbot, services, screen, typed):
    before = _lines(services, typed)
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 2)  # HM-1
    _delete_line(qtbot, screen, 0)  # SD-1
    assert [x[1] for x in _lines(services, typed)] == ["SD-2"]
    _undo(qtbot, screen)
    assert [x[1] for x in _lines(services, typed)] == ["SD-1", "SD-2"]
    screen.undo_button.click()  # the button does what Ctrl+Z does
    qtbot.waitUntil(lambda: screen.lines.rowCount() == 3)
    assert _lines(services, typed) == before


def test_switching_orders_forgets_the_removed_line(qtbot, services, screen, typed):
    other = draft(services, (("SD-2", "1"),))
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 1)
    open_order(qtbot, screen, other)
    assert not screen.undo_button.isEnabled()
    open_order(qtbot, screen, typed)
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "No removed line" in screen.message.text()
    services.tasks.wait()
    assert [x[1] for x in _lines(services, typed)] == ["SD-1", "HM-1"]
    assert [x[1] for x in _lines(services, other)] == ["SD-2"]


def test_undo_on_an_order_confirmed_meanwhile_at_another_desk_is_refused_and_writes_nothing(qtbot, services, screen,
                                                                                           typed):
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 0)
    orders.confirm(services.uow(), sc.ConfirmSalesOrder(typed, override=True))
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Refused" in screen.message.text())
    assert [x[1] for x in _lines(services, typed)] == ["SD-2", "HM-1"]
    assert services.sales.sales_orders(ref=typed)[0].state == "confirmed"
    # an order never returns to draft: the line is dropped from the undo list, and the screen says so
    assert "SD-1 can no longer be put back" in screen.message.text()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed" and not screen.busy_bar.isVisible())
    assert screen._removed == [] and not screen.undo_button.isEnabled()


def test_a_refused_undo_that_can_change_keeps_the_line_and_ctrl_z_tries_again(qtbot, services, screen, typed):
    """restore_line refused (the product added again at another desk, then a fraction of a product now counted in
    whole units) took the removed line off the undo list: it could never be put back. It stays until it is back."""
    from domain.sales import drafts

    uow = services.uow
    catalog.update_product(uow(), c.UpdateProduct("SD-1", "Screwdriver", barcodes=("6901234567892",),
                                                  whole_units=False))
    drafts.change_line(uow(), drafts.ChangeDraftLine(typed, 1, qty="2.5"))
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 0)  # SD-1, 2.5 at 11.20 less 5 %
    orders.add_line(uow(), sc.AddSalesOrderLine(typed, "SD-1", "1", "12"))  # at another desk
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Refused" in screen.message.text() and screen.undo_button.isEnabled())
    assert "SD-1 is kept: Ctrl+Z tries again" in screen.message.text()
    assert len(screen._removed) == 1
    drafts.remove_line(uow(), typed, 4)  # the other desk takes its line away again
    catalog.update_product(uow(), c.UpdateProduct("SD-1", "Screwdriver", barcodes=("6901234567892",),
                                                  whole_units=True))
    screen.say("")
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Refused" in screen.message.text() and screen.undo_button.isEnabled())
    assert "2.5 is not a whole number" in screen.message.text() and "SD-1 is kept" in screen.message.text()
    catalog.update_product(uow(), c.UpdateProduct("SD-1", "Screwdriver", barcodes=("6901234567892",),
                                                  whole_units=False))
    _undo(qtbot, screen)
    assert _lines(services, typed)[0] == (1, "SD-1", D("2.5"), D("11.20"), D(5))
    qtbot.waitUntil(lambda: not screen.busy_bar.isVisible())
    assert screen._removed == [] and not screen.undo_button.isEnabled()


def test_a_refused_undo_says_so_in_chinese(qtbot, chinese, services, screen, typed):
    _shown(qtbot, screen, typed)
    _delete_line(qtbot, screen, 0)
    orders.add_line(services.uow(), sc.AddSalesOrderLine(typed, "SD-1", "1", "12"))
    qtbot.keyClick(screen.lines, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "被拒绝" in screen.message.text())
    assert screen.message.text().endswith("SD-1 仍保留待恢复：处理好后按 Ctrl+Z 再试。"), screen.message.text()


def test_a_confirmed_line_on_backorder_shows_what_it_can_ship_now_and_when_the_rest_arrives(qtbot, services,
                                                                                              screen):
    """Its ATP now was on hand less reserved, its own reservation included: 3 − 7 = −4 for a line that could ship 3,
    black, and nothing on the order said that 4 waited for the purchase order of the 9th."""
    from datetime import timedelta

    uow = services.uow
    day = clock.today() + timedelta(days=9)
    so, box = short_panel(qtbot, services, screen)
    screen.shortage.backorder_button.click()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    item = screen.lines.item(0, L_ATP)
    assert item.text() == "3"
    assert item.foreground().color() == QColor(Qt.GlobalColor.red)
    assert "Line 1 · SD-1: 4 on backorder; no purchase order covers it yet." in screen.state_label.text()
    po = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("TOOLS", "W1", day))
    purchasing.add_lines(uow(), po.id, [pc.AddPurchaseOrderLine(po.id, "SD-1", "20", "2")])
    number = purchasing.issue(uow(), pc.IssuePurchaseOrder(po.id)).number
    open_order(qtbot, screen, so)
    qtbot.waitUntil(lambda: day.isoformat() in screen.state_label.text())
    assert f"4 on backorder; an open purchase order brings it by {day.isoformat()}" in screen.state_label.text()
    assert day.isoformat() in screen.lines.item(0, L_ATP).toolTip()
    purchasing.receive(uow(), pc.ReceivePurchaseOrder(number, (("SD-1", "5"),)))
    screen.select(so)
    open_order(qtbot, screen, so)
    qtbot.waitUntil(lambda: "backorder" not in screen.state_label.text())
    assert screen.lines.item(0, L_ATP).text() == "7"  # all of it can leave now
    assert screen.lines.item(0, L_ATP).foreground().color() != QColor(Qt.GlobalColor.red)


def test_the_offers_of_a_short_line_show_without_scrolling_in_a_1280_by_800_window(qtbot, services):
    """The panel's scroll area kept its few pixels of minimum: with the window's own font (taller than the tests')
    one short line showed its first offer, and the purchase-order date and the substitutes were behind a scroll
    bar. The list made taller by the splitter squeezes the editor here the same way."""
    so = draft(services)
    screen = sales_in_a_window(qtbot, services)
    screen.select(so)
    qtbot.waitUntil(lambda: screen.shortage.isVisible() and bool(screen.shortage.boxes))
    screen.splitter.setSizes([340, 360])
    screen.editor.layout().activate()  # lay the editor out in its new height now
    assert screen.shortage.scroll.verticalScrollBar().maximum() == 0
    box = screen.shortage.box(1)
    assert box.replace_buttons["SD-2"].visibleRegion().boundingRect().height() == box.replace_buttons["SD-2"].height()
    assert screen.shortage.scroll.viewport().height() >= screen.shortage.body.sizeHint().height()
    assert screen.lines.viewport().height() >= screen.lines.verticalHeader().defaultSectionSize()
    services.tasks.wait()


def test_tab_leaves_the_requested_date_while_it_has_none(qtbot, services):
    """Qt's date field moves Tab between its sections; showing "no date" it has none, and Tab stayed in it for good:
    from the customer the keyboard never reached the reference or the add bar."""
    from PySide6.QtWidgets import QApplication

    screen = sales_in_a_window(qtbot, services)
    screen.window().activateWindow()
    screen.requested.setFocus()
    qtbot.waitUntil(lambda: screen.requested.hasFocus())
    qtbot.keyClick(screen.requested, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not screen.requested
    assert screen.requested.text() == "no date"
    services.tasks.wait()


def _short_in_a_window(qtbot, services):
    """The stockout panel of a draft 4 short, in the main window with the keyboard on its backorder button."""
    from PySide6.QtWidgets import QApplication

    screen = sales_in_a_window(qtbot, services)
    screen.window().activateWindow()
    so = draft(services)
    open_order(qtbot, screen, so)
    qtbot.waitUntil(lambda: screen.shortage.isVisible())
    screen.shortage.backorder_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.shortage.backorder_button)
    return screen


def test_ship_what_is_there_chosen_by_key_leaves_the_keyboard_on_the_order_lines(qtbot, services):
    """The panel hid with the keyboard in it and Qt gave it to the window's navigation list: Ctrl+Shift+S (Ship) and
    the order's other shortcuts were dead until the clerk clicked back into the order."""
    from PySide6.QtWidgets import QApplication

    screen = _short_in_a_window(qtbot, services)
    qtbot.keyClick(screen.shortage.backorder_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.current.state == "confirmed" and not screen.loading)
    services.tasks.wait()
    qtbot.waitUntil(lambda: not screen.sku.isEnabled())
    assert QApplication.focusWidget() is screen.lines
    services.tasks.wait()


def test_closing_the_stockout_panel_by_key_puts_the_keyboard_in_the_add_field(qtbot, services):
    from PySide6.QtWidgets import QApplication

    screen = _short_in_a_window(qtbot, services)
    screen.shortage.close_button.setFocus()
    qtbot.keyClick(screen.shortage.close_button, Qt.Key.Key_Space)
    assert not screen.shortage.isVisible()
    assert QApplication.focusWidget() is screen.sku
    services.tasks.wait()


def _two_schools(qtbot, services, screen) -> str:
    """Two customers whose names both hold 徐汇; '徐汇' typed as the customer and a line added: what the screen says."""
    uow = services.uow
    catalog.add_customer(uow(), c.AddCustomer("C0079", "徐汇区第三实验小学"))
    catalog.add_customer(uow(), c.AddCustomer("C0121", "徐汇区第二实验小学"))
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading and screen.customer.count() == 3)
    screen.customer.setEditText("徐汇")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    screen.sku.setText("SD-1")
    qtbot.keyClick(screen.sku, Qt.Key.Key_Return)
    return screen.message.text()


def test_part_of_two_customers_names_is_said_as_such_and_creates_nothing(qtbot, services, screen):
    """'徐汇' is in two schools' names: the order was refused with "customer code '徐汇': no customer has this code",
    which sent the clerk looking for a wrong code instead of choosing between the two."""
    text = _two_schools(qtbot, services, screen)
    assert "'徐汇' is in the names of 2 customers: C0079 徐汇区第三实验小学, C0121 徐汇区第二实验小学" in text
    assert "no customer has this code" not in text
    services.tasks.wait()
    assert screen.current is None and services.sales.sales_orders() == []
    screen.customer.setEditText("徐汇区第二")  # one of them: the order is created for it
    qtbot.keyClick(screen.sku, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.current is not None and screen.lines.rowCount() == 1)
    assert screen.current.customer == "C0121"


def test_part_of_two_customers_names_is_said_in_chinese(qtbot, chinese, services, screen):
    text = _two_schools(qtbot, services, screen)
    assert text == ("有 2 个客户的名称含“徐汇”：C0079 徐汇区第三实验小学、C0121 徐汇区第二实验小学。"
                    "请从列表中选一个，或输入客户编号。")
    services.tasks.wait()


def test_the_order_list_shows_each_orders_date_warehouse_and_reference_beside_its_number(qtbot, services, screen):
    """The list had no date at all (nor the warehouse, nor the customer's reference it searched by): which order was
    last week's was found only by opening them one by one."""

    from ui.screens.sales.words import SoListModel

    so = orders.create_order(services.uow(), sc.CreateSalesOrder("ACME", "W2", reference="PO-7782")).number
    open_order(qtbot, screen, so)
    header = screen.table.horizontalHeader()
    shown = [screen.proxy.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) for v in range(4)]
    assert shown == ["Number", "Date", "Customer", "Warehouse"]
    row = next(i for i in range(screen.proxy.rowCount()) if screen.proxy.index(i, 0).data() == so)
    cells = {c: screen.proxy.index(row, c).data() for c in (SoListModel.DATE, SoListModel.WAREHOUSE,
                                                             SoListModel.REFERENCE)}
    assert cells == {SoListModel.DATE: clock.today().isoformat(), SoListModel.WAREHOUSE: "W2",
                     SoListModel.REFERENCE: "PO-7782"}
    services.tasks.wait()


def test_a_price_from_the_customers_price_level_names_the_level(qtbot, chinese, services, screen):
    """The source said 价格等级 but not which one: a clerk reads 批发价 (wholesale): a trade customer's price."""
    from domain.sales import price_master as pm

    uow = services.uow
    with uow() as u:
        u.prices.set_list_price(u.products.by_sku("HM-1").id, "wholesale", D("24"))
        u.commit()
    pm.set_customer_terms(uow(), pm.SetCustomerTerms("ACME", price_level="wholesale"))
    so = draft(services, (("HM-1", "1"),))
    open_order(qtbot, screen, so)
    assert screen.lines.item(0, L_SOURCE).text() == "批发价"
    assert screen.lines.item(0, L_PRICE).text() == "24.00"
    screen.sku.setText("HM-1")
    qtbot.waitUntil(lambda: screen.last_preview is not None)
    assert "批发价" in screen.preview.text()


def test_opening_another_order_clears_what_was_said_of_the_one_before(qtbot, services, screen):
    """The message line kept "Refused: …" of the order shown before while another order was open below it."""
    first, second = draft(services), draft(services, (("HM-1", "1"),))
    open_order(qtbot, screen, first)
    screen.say("Refused: something about the first order", error=True)
    open_order(qtbot, screen, second)
    assert screen.message.text() == ""
    screen.say("Saved it.")
    shown = screen.current
    screen.refresh_orders()  # the same order read again after a change keeps what was said of it
    qtbot.waitUntil(lambda: screen.current is not shown)
    assert screen.message.text() == "Saved it."


def test_a_line_priced_below_its_cost_is_warned_of_on_the_line_and_the_message_line_and_still_confirms(
        qtbot, services, screen):
    """档案盒 went out at a loss and nothing said so: the line's price under its unit cost is said, without refusing."""
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    orders.add_line(uow(), sc.AddSalesOrderLine(so, "HM-1", "1", price="2.20", discount="10"))  # 1.98 after it
    orders.add_line(uow(), sc.AddSalesOrderLine(so, "SD-2", "1"))  # 14 against a cost of 2: no warning
    open_order(qtbot, screen, so)
    said = screen.message.text()
    assert "HM-1" in said and "1.98" in said and "2.00" in said and "SD-2" not in said
    price = screen.lines.item(0, L_PRICE)
    assert "below cost" in price.toolTip() and price.foreground().color() != screen.lines.item(1, L_PRICE).foreground(
        ).color()
    assert screen.lines.item(1, L_PRICE).toolTip() == ""
    orders.confirm(uow(), sc.ConfirmSalesOrder(so))  # a warning, not a refusal
    open_order(qtbot, screen, so)
    assert "HM-1" in screen.message.text()


def test_a_line_below_cost_is_warned_of_in_chinese(qtbot, chinese, services, screen):
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    orders.add_line(uow(), sc.AddSalesOrderLine(so, "HM-1", "1", price="1.50"))
    open_order(qtbot, screen, so)
    assert "低于成本" in screen.message.text() and "货号 HM-1" in screen.message.text()
