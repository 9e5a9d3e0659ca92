"""Return to supplier… and Supplier invoice… on the Purchasing screen: the Receive screen's dialogs against the
selected order, from the action bar, the list's context menu and their shortcuts, enabled only while the order has
something to return or to invoice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from tests.ui.test_documents import document_services

D = Decimal


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def order(services, received: str | None) -> str:
    """An order of SUP for W1: 40 A-1 at 2.50 and 10 B-2 at 5; ``received`` of A-1 received (None: none)."""
    draft = po_uc.create_draft(services.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    po_uc.add_line(services.uow(), pc.AddPurchaseOrderLine(draft.id, "A-1", "40", "2.50"))
    po_uc.add_line(services.uow(), pc.AddPurchaseOrderLine(draft.id, "B-2", "10", "5"))
    number = po_uc.issue(services.uow(), pc.IssuePurchaseOrder(draft.id)).number
    if received is not None:
        po_uc.receive_delivery(services.uow(), pc.ReceivePurchaseOrder(number, (("A-1", received),)))
    return number


def shown(qtbot, services, number: str):
    from ui.screens.purchasing import PurchasingScreen

    screen = PurchasingScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: not screen.loading)
    assert screen.select(number)
    qtbot.waitUntil(lambda: screen.current is not None and screen.follow.ready)
    return screen


def enabled(screen) -> tuple[bool, bool]:
    assert screen.return_button.isEnabled() == screen.return_action.isEnabled()
    assert screen.invoice_button.isEnabled() == screen.invoice_action.isEnabled()
    return screen.return_button.isEnabled(), screen.invoice_button.isEnabled()


def test_an_order_that_received_nothing_offers_neither(qtbot, services):
    screen = shown(qtbot, services, order(services, None))
    assert enabled(screen) == (False, False)
    assert screen.return_to_supplier() is None and screen.enter_invoice() is None
    menu = screen.list_menu()
    assert [a.isEnabled() for a in menu.actions() if a in (screen.return_action, screen.invoice_action)] == [
        False, False]


def test_goods_go_back_against_the_selected_order_and_its_received_quantity_follows(qtbot, services):
    number = order(services, "40")
    screen = shown(qtbot, services, number)
    assert enabled(screen) == (True, True)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Ctrl+R
    qtbot.waitUntil(lambda: screen.follow.dialog is not None and len(getattr(screen.follow.dialog, "lines", [])) == 1)
    dialog = screen.follow.dialog
    assert dialog.po is not None and dialog.typed() == [""]
    assert [dialog.table.item(0, c).text() for c in range(5)] == ["A-1", "螺丝刀 Screwdriver", "40", "40", "40"]
    dialog.set_quantity(0, "2")
    dialog.reason.setText("damaged")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.document is not None)
    assert dialog.document.reference == number
    qtbot.waitUntil(lambda: {x.sku: x.received for x in screen.current.lines}.get("A-1") == D(38))
    assert f"Posted return {dialog.document.number} against {number}" in screen.message.text()


def test_the_supplier_invoice_for_the_selected_order_then_nothing_is_left_to_invoice(qtbot, services):
    number = order(services, "40")
    screen = shown(qtbot, services, number)
    menu = screen.list_menu()
    assert screen.invoice_action in menu.actions() and screen.return_action in menu.actions()
    screen.invoice_action.trigger()
    dialog = screen.follow.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.draft is not None)
    assert (dialog.draft.po, dialog.supplier.text()) == (number, "SUP")
    dialog.number.setText("INV-77")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.view is not None)
    qtbot.waitUntil(lambda: enabled(screen) == (True, False))  # all 40 received are invoiced; still returnable
    assert f"Entered invoice INV-77 for {number}" in screen.message.text()


def test_a_suppliers_page_offers_both_for_the_order_of_the_goods_received_selected(qtbot, services):
    """A purchaser working from the payables: the open item of goods received against an order names the order."""
    from ui.screens.accounts.partner import PartnerPage

    number = order(services, "40")
    uow = services.uow()
    with uow:
        supplier_id = uow.suppliers.by_code("SUP").id
    page = PartnerPage(services, "AP", supplier_id, "SUP", "Supplier")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded and page.items_model.rowCount() == 1)
    assert (page.follow.return_button.isEnabled(), page.follow.invoice_button.isEnabled()) == (False, False)
    page.items_view.setCurrentIndex(page.items_proxy.index(0, 0))
    qtbot.waitUntil(lambda: page.follow.ready)
    assert page.follow.po.number == number
    assert (page.follow.return_button.isEnabled(), page.follow.invoice_button.isEnabled()) == (True, True)
    assert page.follow.return_action in page.items_menu().actions()
    page.follow.return_button.click()
    dialog = page.follow.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 1)
    dialog.set_quantity(0, "4")
    dialog.reason.setText("damaged")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.document is not None)
    qtbot.waitUntil(lambda: page.loaded and f"Posted return {dialog.document.number} against {number}"
                    in page.message.text())
    # 40 × 2.50 with 13 % owed, less the 4 returned at the order's price with tax: 113.00 − 11.30
    assert sum((r.open if r.amount > 0 else -r.open for r in page.items_model.rows), D(0)) == D("101.70")


def test_a_customers_page_has_neither(qtbot, services):
    from ui.screens.accounts.partner import PartnerPage

    uow = services.uow()
    with uow:
        customer_id = uow.customers.by_code("CUS").id
    page = PartnerPage(services, "AR", customer_id, "CUS", "Customer")
    qtbot.addWidget(page)
    assert page.follow is None


def test_tab_goes_down_the_return_dialog_as_it_reads_lines_supplier_reason(qtbot, services):
    """Tab went from the lines to the reason and on to the buttons, past the supplier above it: a clerk who Tabbed
    twice to type the reason typed into the button row, where its letter a pressed Return all."""
    from PySide6.QtWidgets import QApplication

    screen = shown(qtbot, services, order(services, "40"))
    dialog = screen.return_to_supplier()
    qtbot.waitUntil(lambda: len(dialog.lines) == 1)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.supplier
    qtbot.keyClick(dialog.supplier, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
