"""A receipt tells the clerk which backorders it lets ship, with a button that lists them (Receive dialog of the
Purchasing screen, Receive screen against a PO or plain); the backorder list names customers and promises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.sales import commands as sc
from domain.sales import orders
from domain.stock import commands as stc
from domain.stock import ledger
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import post
from tests.ui.test_documents import scan
from tests.ui.test_documents import set_cell


@pytest.fixture
def services(db, make_services, tmp_path):
    QCoreApplication.setOrganizationName("StockroomTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("SD-1", "Screwdriver"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), c.AddSupplier("ACME", "Acme Tools"))
    catalog.add_customer(uow(), c.AddCustomer("ZS", "Zhang San"))
    catalog.add_customer(uow(), c.AddCustomer("LS", "Li Si"))
    ledger.receive(uow(), stc.ReceiveStock("SD-1", "1", "W1", "2"))
    return make_services(user="clerk")


def waiting(services, customer: str, qty: str, promised: date) -> str:
    """A confirmed order promised beyond the stock (all but what the stock covers is backordered)."""
    uow = services.uow
    so = orders.create_order(uow(), sc.CreateSalesOrder(customer, "W1", promised)).number
    orders.add_line(uow(), sc.AddSalesOrderLine(so, "SD-1", qty, "5"))
    orders.confirm(uow(), sc.ConfirmSalesOrder(so, override=True))
    return so


def issued_po(services, qty: str = "20") -> str:
    uow = services.uow
    draft = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("ACME", "W1"))
    purchasing.add_lines(uow(), draft.id, [pc.AddPurchaseOrderLine(draft.id, "SD-1", qty, "2.50")])
    return purchasing.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number


def test_the_receive_dialog_says_which_backorders_can_now_ship_and_lists_them(qtbot, services):
    from ui.screens.purchasing import PurchasingScreen

    late = waiting(services, "LS", "4", date(2027, 3, 1))  # confirmed first: the 1 on hand is its; 3 wait
    early = waiting(services, "ZS", "5", date(2027, 1, 5))
    number = issued_po(services)
    screen = PurchasingScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.list_model.rowCount() == 1)
    screen.select(number)
    qtbot.waitUntil(lambda: screen.current is not None and not screen.loading)
    dialog = screen.receive()
    dialog.set_quantity("SD-1", "6")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10_000)
    bar = screen.freed_backorders
    assert bar.isVisibleTo(screen)
    # Li Si confirmed first gets all 3; Zhang San 3 of 5; said the oldest promise first, nothing reserved by it
    assert bar.label.text() == f"2 backorders can now ship: {early} (Zhang San, 3 of 5), {late} (Li Si, 3 of 3)"
    listed = bar.open_them()
    qtbot.addWidget(listed)
    qtbot.waitUntil(lambda: listed.loaded)
    assert listed.windowTitle() == "Backorders that can now ship" and listed.summary.text() == "2 line(s) can now ship"
    assert [[listed.proxy.index(r, col).data() for col in (0, 1, 6)] for r in range(listed.proxy.rowCount())] == [
        ["ZS · Zhang San", early, "3"], ["LS · Li Si", late, "3"]]  # what each can ship now
    with services.uow() as u:
        assert u.balances.get(u.products.by_sku("SD-1").id, u.warehouses.by_code("W1").id).reserved == Decimal(9)
    screen.say("something else")
    assert not bar.isVisibleTo(screen)


def test_the_receive_screen_says_it_against_a_po_and_for_a_plain_receipt(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    so = waiting(services, "ZS", "3", date(2027, 1, 5))  # 1 on hand: 2 wait
    number = issued_po(services)
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.po is not None and not screen._po_loading, timeout=10_000)
    set_cell(screen, 0, "qty", "1")
    post(qtbot, screen)
    assert screen.freed_backorders.isVisibleTo(screen)
    assert screen.freed_backorders.label.text() == f"1 backorder can now ship: {so} (Zhang San, 1 of 2)"

    scan(qtbot, screen, "SD-1")  # a plain receipt of 1 more
    set_cell(screen, 0, "unit_cost", "2")
    assert not screen.freed_backorders.isHidden()  # until the next posting
    post(qtbot, screen)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 2)
    assert screen.freed_backorders.label.text() == f"1 backorder can now ship: {so} (Zhang San, 1 of 1)"

    scan(qtbot, screen, "SD-1")
    set_cell(screen, 0, "unit_cost", "2")
    post(qtbot, screen)  # nobody waits any more: nothing said
    assert screen.freed_backorders.isHidden()


def test_the_backorder_list_names_customers_lists_the_oldest_promise_first_and_filters(qtbot, services):
    from ui.screens.sales.backorders import BackordersDialog

    late = waiting(services, "LS", "4", date(2027, 3, 1))
    early = waiting(services, "ZS", "5", date(2027, 1, 5))
    dialog = BackordersDialog(services)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    rows = [[dialog.proxy.index(r, col).data() for col in range(3)] for r in range(dialog.proxy.rowCount())]
    assert rows == [["ZS · Zhang San", early, "2027-01-05"], ["LS · Li Si", late, "2027-03-01"]]
    assert [dialog.customer.itemText(i) for i in range(dialog.customer.count())] == [
        "All customers", "LS · Li Si", "ZS · Zhang San"]
    dialog.customer.setCurrentIndex(dialog.customer.findData("LS"))
    assert dialog.proxy.rowCount() == 1 and dialog.proxy.index(0, 1).data() == late
