"""The Ship screen's sales tab: shipping against a sales order (scan its number, partial, refused) and the counter
sale with quoted prices."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.stock import commands as stc
from domain.stock import ledger
from tests.sales_shop import open_shop
from ui.screens.documents.sales_ship import C_PRICE
from ui.screens.documents.sales_ship import C_PROBLEM
from ui.screens.documents.sales_ship import C_QTY


@pytest.fixture
def services(db, make_services):
    open_shop(db.uow, products=[("SD-1", "Screwdriver", "6901234567892"), ("HM-1", "Hammer")],
              stock=[("SD-1", "W1", "3"), ("HM-1", "W1", "5")], prices={"SD-1": "12.50", "HM-1": "30"})
    return make_services(user="clerk")


@pytest.fixture
def ship(qtbot, services):
    from ui.screens.documents import ShipScreen

    widget = ShipScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.codes_ready and widget.sales.warehouse.count() == 1)
    return widget


def confirmed(services, lines) -> str:
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for sku, qty in lines:
        orders.add_line(uow(), sc.AddSalesOrderLine(so, sku, qty))
    orders.confirm(uow(), sc.ConfirmSalesOrder(so, override=True))
    return so


def test_scanning_the_order_number_fills_what_can_leave_and_a_partial_shipment_leaves_a_backorder(
        qtbot, services, ship):
    so = confirmed(services, (("SD-1", "5"), ("HM-1", "2")))
    ship.scan.setText(so)
    qtbot.keyClick(ship.scan, Qt.Key.Key_Return)
    panel = ship.sales
    qtbot.waitUntil(lambda: panel.so is not None and len(panel.lines) == 2)
    assert ship.tabs.currentWidget() is panel
    assert [(x.sku, x.open_qty, x.qty) for x in panel.lines] == [("SD-1", D(5), D(3)), ("HM-1", D(2), D(2))]
    panel.grid.item(1, C_QTY).setText("1")
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter posts
    qtbot.waitUntil(lambda: panel.so is None and "Posted SD-" in panel.result_label.text())
    assert so in panel.result_label.text()
    row = services.sales.sales_orders(ref=so)[0]
    assert row.state == "partly_shipped"
    assert [(x.sku, x.shipped, x.open) for x in row.lines] == [("SD-1", D(3), D(2)), ("HM-1", D(1), D(1))]


def test_shipping_more_than_is_open_is_refused_next_to_the_line(qtbot, services, ship):
    so = confirmed(services, (("HM-1", "2"),))
    ship.load_so(so)
    panel = ship.sales
    qtbot.waitUntil(lambda: len(panel.lines) == 1)
    panel.grid.item(0, C_QTY).setText("4")
    panel.post()
    qtbot.waitUntil(lambda: panel.lines[0].problem != "")
    assert "2 open" in panel.grid.item(0, C_PROBLEM).text()
    assert services.sales.sales_orders(ref=so)[0].state == "confirmed"


def test_a_counter_sale_prices_each_line_and_posts_one_sale(qtbot, services, ship):
    ship.counter_sale()
    panel = ship.sales
    panel.customer.setEditText("ACME")
    for code in ("6901234567892", "6901234567892", "HM-1"):
        count = sum(x.qty for x in panel.lines)
        panel.scan.setText(code)
        qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=count: sum(x.qty for x in panel.lines) == n + 1)
    assert [(x.sku, x.qty, x.price) for x in panel.lines] == [("SD-1", D(2), D("12.5")), ("HM-1", D(1), D(30))]
    panel.post()
    qtbot.waitUntil(lambda: "Posted SD-" in panel.result_label.text())
    assert not panel.lines
    stock = {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}
    assert stock == {"SD-1": D(1), "HM-1": D(4)}


def test_a_counter_sale_beyond_the_stock_is_refused_next_to_its_line(qtbot, services, ship):
    panel = counter_sale_of(qtbot, ship, "SD-1")
    panel.grid.item(0, C_QTY).setText("9")
    panel.post()
    qtbot.waitUntil(lambda: panel.lines[0].problem != "")
    assert "3 available" in panel.lines[0].problem


def return_dialog(qtbot, services, ship, *lines: tuple[str, str]):
    """A counter sale of ``lines`` (SKU, quantity) posted, and the return dialog opened on it from the posted list."""
    from domain.sales import shipping

    shipping.sell(services.uow(), sc.CounterSale("ACME", "W1", tuple(sc.SaleLineInput(*x) for x in lines)))
    posted = ship.sales.posted
    posted.reload()
    qtbot.waitUntil(lambda: posted.model.rowCount() == 1)
    posted.table.setCurrentIndex(posted.model.index(0, 0))
    dialog = posted.return_selected()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == len(lines))
    return posted, dialog


def test_a_posted_sale_is_returned_with_a_reason_from_the_posted_list(qtbot, services, ship):
    posted, dialog = return_dialog(qtbot, services, ship, ("HM-1", "3"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.typed() == [""] and not ok.isEnabled()  # nothing typed, no reason yet
    dialog.set_quantity(0, "2")
    assert not ok.isEnabled()
    dialog.reason.setText("damaged in transport")
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: "Posted return SR-" in posted.message.text())
    stock = {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}
    assert stock["HM-1"] == D(4)  # 5 − 3 + 2


def test_the_customer_return_starts_empty_and_refuses_more_than_a_line_can_return_as_it_is_typed(
        qtbot, services, ship):
    """The dialog preset the chosen line's whole quantity below the table, one product a return, so an Enter too many
    took back all the customer bought of it; like the return to the supplier it now starts empty beside each line,
    Return all fills them, and a quantity over what a line can return is refused as it is typed."""
    posted, dialog = return_dialog(qtbot, services, ship, ("SD-1", "1"), ("HM-1", "3"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.typed() == ["", ""] and dialog.all_button is not None
    assert dialog.table.columnCount() == 7  # SKU, name, shipped, returned, returnable, price paid, Return
    dialog.reason.setText("wrong order")
    dialog.set_quantity(1, "4")
    assert "4 of HM-1 is more than can go back; enter at most 3" in dialog.message.text() and not ok.isEnabled()
    dialog.return_all()
    assert dialog.typed() == ["1", "3"] and dialog.message.text() == "" and ok.isEnabled()
    dialog.set_quantity(1, "2")
    ok.click()
    qtbot.waitUntil(lambda: "Posted return SR-" in posted.message.text())
    assert len(dialog.documents) == 1  # one return of both products
    assert [x.qty for x in dialog.documents[0].lines] == [D(1), D(2)]
    stock = {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}
    assert stock == {"SD-1": D(3), "HM-1": D(4)}  # 3 − 1 + 1 and 5 − 3 + 2


def test_returning_more_than_is_returnable_is_refused_in_the_dialog(qtbot, services, ship):
    """What another desk returned since the dialog opened is refused by the use case, in the dialog."""
    from domain.sales import returns as sales_returns

    _posted, dialog = return_dialog(qtbot, services, ship, ("HM-1", "1"))
    dialog.set_quantity(0, "1")
    dialog.reason.setText("wrong size")
    sales_returns.return_goods(services.uow(), sc.ReturnFromCustomer("HM-1", "1", "at the other desk",
                                                                      shipment=dialog.sale.number))
    dialog.post()
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert "at most 0 more can be returned" in dialog.message.text() and dialog.buttons.isEnabled()


def test_a_posted_counter_sale_prints_its_invoice(qtbot, services, ship, tmp_path, monkeypatch):
    from domain.sales import shipping
    from ui.screens.sales import printing

    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    shown = []
    monkeypatch.setattr(printing, "open_pdf", shown.append)
    sale = shipping.sell(services.uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("HM-1", "2"),)))
    posted = ship.sales.posted
    posted.reload()
    qtbot.waitUntil(lambda: posted.model.rowCount() == 1)
    posted.table.setCurrentIndex(posted.model.index(0, 0))
    posted.invoice_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [tmp_path / f"{sale.number} invoice.pdf"] and shown[0].read_bytes().startswith(b"%PDF")


def test_a_customer_return_is_listed_and_prints_its_return_note(qtbot, services, ship, tmp_path, monkeypatch):
    from domain.sales import returns as sales_returns
    from domain.sales import shipping
    from ui.screens.sales import printing

    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    shown = []
    monkeypatch.setattr(printing, "open_pdf", shown.append)
    sale = shipping.sell(services.uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("HM-1", "2"),)))
    [ret] = sales_returns.return_goods(services.uow(), sc.ReturnFromCustomer("HM-1", "1", "damaged",
                                                                             shipment=sale.number))
    posted = ship.sales.posted
    posted.reload()
    qtbot.waitUntil(lambda: posted.model.rowCount() == 2)
    posted.table.setCurrentIndex(posted.model.index(1, 0))  # the sale: not a return
    posted.return_note_button.click()
    assert "Select a posted customer return" in posted.message.text() and not shown
    posted.table.setCurrentIndex(posted.model.index(0, 0))  # the newest: the return
    assert posted.selected().number == ret.number
    assert posted.return_selected() is None and "is a customer return" in posted.message.text()
    posted.return_note_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [tmp_path / f"{ret.number} customer return.pdf"] and shown[0].read_bytes().startswith(b"%PDF")



def test_a_comma_typed_as_a_decimal_point_is_refused_not_taken_for_thousands(qtbot, services, ship):
    panel = counter_sale_of(qtbot, ship, "SD-1")
    panel.grid.item(0, C_QTY).setText("2,5")
    assert panel.lines[0].qty != D(25)
    assert "ambiguous" in panel.lines[0].problem and "2,5" in panel.lines[0].problem


def test_the_posted_sales_show_their_numbers_whole(qtbot, services, ship):
    """The posted sales list cut its numbers to SD-2026-00…, the one thing a clerk looks for in it."""
    from ui.models.document_lines import PostedDocumentsModel

    panel = counter_sale_of(qtbot, ship, "HM-1")
    panel.post()
    qtbot.waitUntil(lambda: panel.posted.model.rowCount() == 1, timeout=10_000)
    table = panel.posted.table
    number = panel.posted.model.index(0, PostedDocumentsModel.NUMBER).data()
    assert number.startswith("SD-")
    assert table.columnWidth(PostedDocumentsModel.NUMBER) > table.fontMetrics().horizontalAdvance(number) + 12


def test_a_line_that_cannot_ship_says_why_and_which_warehouses_have_stock_for_a_transfer(qtbot, services, ship):
    """The line showed Ship 0 and an empty Problem column: the clerk could not tell why, nor where to ask for a
    transfer from."""
    uow = services.uow
    catalog.add_product(uow(), c.AddProduct("GL-1", "Glue"))
    for code in ("W2", "W3"):
        catalog.add_warehouse(uow(), c.AddWarehouse(code, code))
    ledger.receive(uow(), stc.ReceiveStock("GL-1", "1", "W2", "2"))
    ledger.receive(uow(), stc.ReceiveStock("GL-1", "2", "W3", "2"))
    with uow() as u:
        u.prices.set_list_price(u.products.by_sku("GL-1").id, "retail", D("8"))
        u.commit()
    so = confirmed(services, (("GL-1", "4"), ("HM-1", "2")))
    ship.load_so(so)
    panel = ship.sales
    qtbot.waitUntil(lambda: len(panel.lines) == 2)
    assert [x.qty for x in panel.lines] == [D(0), D(2)]
    item = panel.grid.item(0, C_PROBLEM)
    assert item.text() == "None on hand in W1 · W3 2, W2 1"
    assert item.toolTip() == ("Nothing is on hand in W1, so none of this line can ship now. Free stock in other "
                              "warehouses: W3 2, W2 1. Ask for a transfer to W1, then ship the rest; until then it "
                              "stays open as a backorder.")
    assert panel.grid.item(1, C_PROBLEM).text() == ""  # it ships in full: nothing to say


def test_a_line_short_because_its_stock_is_promised_says_so(qtbot, services, ship):
    confirmed(services, (("SD-1", "3"),))  # takes the 3 on hand
    so = confirmed(services, (("SD-1", "2"),))
    ship.load_so(so)
    panel = ship.sales
    qtbot.waitUntil(lambda: panel.so is not None and panel.so.number == so and len(panel.lines) == 1)
    assert panel.grid.item(0, C_PROBLEM).text() == "3 in W1, all promised to other orders · none elsewhere"
    assert "No other warehouse has free stock" in panel.grid.item(0, C_PROBLEM).toolTip()


def test_the_posted_sales_list_shows_a_sales_value_as_positive_as_the_shipments_list_does(qtbot, services, ship):
    """A sale's movements have a negative value in the ledger (goods out); the list showed -6.00."""
    from domain.sales import shipping
    from ui.models.document_lines import PostedSalesModel

    shipping.sell(services.uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("HM-1", "3"),)))
    panel = ship.sales
    panel.reload()
    qtbot.waitUntil(lambda: panel.posted.model.rowCount() == 1)
    assert panel.posted.model.index(0, PostedSalesModel.COST).data() == "6.00"  # 3 at a cost of 2
    assert panel.posted.model.index(0, PostedSalesModel.QTY).data() == "3"


def tab_to_the_first_quantity(qtbot, services, ship):
    """A sales order of 2 SD-1 and 4 HM-1 loaded by its scanned number; Tab from the scan field (on the grid)."""
    from PySide6.QtWidgets import QApplication

    so = confirmed(services, (("SD-1", "2"), ("HM-1", "4")))
    ship.activateWindow()
    ship.scan.setText(so)
    qtbot.keyClick(ship.scan, Qt.Key.Key_Return)
    panel = ship.sales
    qtbot.waitUntil(lambda: panel.so is not None and len(panel.lines) == 2)
    panel.scan.setFocus()
    qtbot.waitUntil(lambda: panel.scan.hasFocus())
    qtbot.keyClick(panel.scan, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.grid
    return panel


def test_tab_from_the_scan_field_lands_on_the_ship_quantity_and_typing_replaces_it(qtbot, services, ship):
    """Tab from the scan field went to line 1's SKU, where typing did nothing: four arrows to the right first, unlike
    every other document screen."""
    from PySide6.QtWidgets import QApplication

    panel = tab_to_the_first_quantity(qtbot, services, ship)
    assert (panel.grid.currentRow(), panel.grid.currentColumn()) == (0, C_QTY)
    qtbot.keyClicks(panel.grid, "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the cell's editor commits on the next turn
    qtbot.waitUntil(lambda: [x.qty for x in panel.lines] == [D(1), D(4)], timeout=5000)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Down)  # the next line's quantity, typed over in its turn
    assert (panel.grid.currentRow(), panel.grid.currentColumn()) == (1, C_QTY)
    qtbot.keyClick(panel.grid, Qt.Key.Key_Escape)  # back to scanning
    assert QApplication.focusWidget() is panel.scan


def test_a_customer_return_is_entered_from_the_keyboard_alone(qtbot, services, ship):
    """The dialog opens on its lines, and Tab went from cell to cell there for ever: the quantity and the reason
    were reached only with the mouse."""
    from PySide6.QtWidgets import QApplication

    posted, dialog = return_dialog(qtbot, services, ship, ("SD-1", "1"), ("HM-1", "3"))
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.waitUntil(lambda: dialog.table.hasFocus())
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (0, dialog.quantity_column)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the second line's quantity: the hammers
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)  # the cell's editor (typing opens it too)
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.typed() == ["", "2"])
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "damaged")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Posted return SR-" in posted.message.text())
    stock = {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}
    assert stock["HM-1"] == D(4)  # 5 − 3 + 2


def test_the_return_dialog_names_the_customer_and_shows_every_column(qtbot, services, ship):
    """The heading named the customer by its code alone (C0121 退回…), and the price was off the dialog's right edge."""
    _posted, dialog = return_dialog(qtbot, services, ship, ("HM-1", "1"))
    dialog.show()
    qtbot.waitExposed(dialog)
    services.tasks.wait()  # the lines and the name read; their answers come with the events
    qtbot.waitUntil(lambda: "Acme Trading" in dialog.head.text(), timeout=10_000)
    assert dialog.head.text().startswith("Goods ACME Acme Trading brings back from sale SD-")
    assert dialog.table.horizontalScrollBar().maximum() == 0


def test_the_posted_sales_show_the_customers_name_and_what_each_sale_was_sold_for(qtbot, services, ship):
    """The list showed the cost (成本金额) and the customer's code only; a clerk looks for the customer by name and
    for what the sale came to, without tax and with it (价税合计)."""
    from domain.sales import shipping
    from ui.models.document_lines import PostedSalesModel as M

    shipping.sell(services.uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("HM-1", "2"),)))
    posted = ship.sales.posted
    posted.reload()
    qtbot.waitUntil(lambda: posted.model.rowCount() == 1)
    row = posted.model.row(0)
    cell = lambda column: posted.model.index(0, column).data()  # noqa: E731
    assert (cell(M.CUSTOMER), cell(M.CUSTOMER_NAME)) == ("ACME", "Acme Trading")
    assert row.amount == D(60) and row.tax > 0
    assert cell(M.AMOUNT) == "60.00" and cell(M.WITH_TAX) == f"{D(60) + row.tax:.2f}"
    assert cell(M.COST) == "4.00"  # two hammers received at 2
    assert posted.model.headerData(M.WITH_TAX, Qt.Orientation.Horizontal) == "Amount with tax"


def test_the_return_dialog_shows_the_price_the_customer_paid_after_the_lines_discount(qtbot, services, ship):
    """单价 showed 7.23, the price before the line's 3 % discount, while the return credits 7.01 a unit."""
    from ui.screens.documents.sales_returns import R_PRICE

    _posted, dialog = return_dialog(qtbot, services, ship, ("HM-1", "1", "7.23", "3"))
    assert dialog.lines[0].paid_price == D("7.0131")
    assert dialog.table.item(0, R_PRICE).text() == "7.0131"
    assert dialog.table.horizontalHeaderItem(R_PRICE).text() == "Price paid"


def counter_sale_of(qtbot, ship, sku: str):
    """A counter sale to ACME with one ``sku`` scanned: the sales tab."""
    ship.counter_sale()
    panel = ship.sales
    panel.customer.setEditText("ACME")
    panel.scan.setText(sku)
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.lines) == 1)
    return panel


def test_a_counter_sale_line_below_its_cost_is_warned_of_and_still_posts(qtbot, services, ship):
    """档案盒 went out at a loss and nothing said so: the price under the unit cost is said on the line and under the
    lines, naming the SKU, the price and the cost; posting stays allowed."""
    panel = counter_sale_of(qtbot, ship, "HM-1")
    assert "below cost" not in panel.totals.text()  # 30 against a cost of 2
    panel.grid.item(0, C_PRICE).setText("1.50")
    said = panel.totals.text()
    assert "HM-1 sells below cost" in said and "1.50" in said and "2.00" in said
    assert "below cost" in panel.grid.item(0, C_PRICE).toolTip()
    panel.post()
    qtbot.waitUntil(lambda: "Posted SD-" in panel.result_label.text())


def test_a_counter_sale_below_cost_is_warned_of_in_chinese(qtbot, chinese, services, ship):
    panel = counter_sale_of(qtbot, ship, "HM-1")
    panel.grid.item(0, C_PRICE).setText("1.50")
    assert "货号 HM-1 低于成本销售" in panel.totals.text()


def _commit_from_input_method(widget, text: str) -> None:
    """``text`` as a Chinese input method commits it: one event with the whole string, no key presses."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_full_width_digits_from_an_input_method_reach_the_ship_quantity(qtbot, services, ship):
    """With the input method in full-width mode, １ typed on the quantity Tab lands on opened the cell's editor
    without it (Qt dropped what the input method sent): Enter shipped the 2 ordered."""
    from PySide6.QtWidgets import QApplication

    panel = tab_to_the_first_quantity(qtbot, services, ship)
    _commit_from_input_method(panel.grid, "１")  # Tab put the cursor on the quantity, no editor open yet
    assert QApplication.focusWidget().text() == "１"  # the editor opened with it (it opened with the old 2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [x.qty for x in panel.lines] == [D(1), D(4)], timeout=5000)
