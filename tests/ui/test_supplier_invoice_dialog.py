"""Enter supplier invoice… on the Receive screen's posted receipts: the dialog prefilled from the receipt or the
order, the match redone as prices are typed with its differences highlighted, posting in the background, refusals."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from domain.accounts.model import Side
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from ui.models.table import RowRole
from ui.widgets.day_edit import today_q

D = Decimal


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


@pytest.fixture
def receive(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "10", "2.00"),
                                                                 LineInput("B-2", "4", "5.00")), partner="SUP"))
    screen = open_screen(qtbot, services, ReceiveScreen)
    screen.refresh_posted()
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    return screen


def payable(services, supplier: str = "SUP") -> Decimal:
    uow = services.uow()
    with uow:
        s = uow.suppliers.by_code(supplier)
        return sum((x.item.amount for x in uow.accounts.open_items(Side.AP, s.id)), D(0))


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.draft is not None)
    return dialog


def shown(qtbot, receive):
    """The invoice for the first posted receipt, shown and active, its draft read; the supplier and the receipt came
    with it, so the cursor waits in the invoice number, not in the supplier's code."""
    receive.posted.selectRow(0)
    dialog = opened(qtbot, receive.invoice_selected())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.number.hasFocus)
    return dialog


def test_a_receipt_is_invoiced_with_a_price_difference_shown_and_the_payable_follows(qtbot, services, receive):
    from ui.screens.documents.supplier_invoices import C_DIFF
    from ui.screens.documents.supplier_invoices import C_INVOICE_PRICE
    from ui.screens.documents.supplier_invoices import C_INVOICED
    from ui.screens.documents.supplier_invoices import C_PRICE_DIFF

    dialog = shown(qtbot, receive)
    t = dialog.table
    assert t.rowCount() == 2 and dialog.supplier.text() == "SUP"
    assert [(t.item(r, 1).text(), t.item(r, C_INVOICED).text(), t.item(r, C_INVOICE_PRICE).text())
            for r in range(2)] == [("A-1", "10", "2.00"), ("B-2", "4", "5.00")]
    assert "difference 0.00" in dialog.totals.text() and not dialog.ok.isEnabled()  # no number yet
    t.item(1, C_INVOICE_PRICE).setText("5.10")
    assert t.item(1, C_PRICE_DIFF).text() == "+0.10" and t.item(1, C_DIFF).text() == "+0.40"
    assert t.item(1, C_DIFF).background().color() != t.item(0, C_DIFF).background().color()  # highlighted
    # expected 40.00 + 13 % = 45.20; invoiced 40.40 + 5.25 (5.252) = 45.65
    assert "Amount 45.65" in dialog.totals.text() and "difference +0.45" in dialog.totals.text()
    dialog.number.setText("FP-88")
    dialog.date.setDate(today_q())
    assert dialog.ok.isEnabled()
    dialog.ok.click()  # the price differs from the receipt's: the lines that differ, and a question before posting
    qtbot.waitUntil(lambda: getattr(dialog, "differences_box", None) is not None)
    box = dialog.differences_box
    assert "B-2: billed 4 × 5.1, received 4 × 5, difference +0.4" in box.text() and dialog.view is None
    assert payable(services) != D("45.65")  # nothing posted while asking
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.view is not None)
    assert "FP-88" in dialog.message.text() and "45.65" in dialog.message.text()
    assert not dialog.ok.isVisible()
    assert payable(services) == D("45.65")


def test_an_order_is_invoiced_by_one_amount_and_a_number_twice_is_refused(qtbot, services, receive):
    from ui.screens.documents.supplier_invoices import SupplierInvoiceDialog

    draft = po_uc.create_draft(services.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    po_uc.add_line(services.uow(), pc.AddPurchaseOrderLine(draft.id, "C-3", "20", "1.50"))
    number = po_uc.issue(services.uow(), pc.IssuePurchaseOrder(draft.id, datetime(2026, 3, 2, tzinfo=UTC))).number
    po_uc.receive(services.uow(), pc.ReceivePurchaseOrder(number))
    assert payable(services) == D("33.90")  # 20 × 1.50 × 1.13: the receipt's accrual
    dialog = opened(qtbot, SupplierInvoiceDialog(services, po=number))
    assert dialog.supplier.text() == "SUP" and dialog.table.rowCount() == 1
    dialog.by_amount.setChecked(True)
    dialog.amount.setText("33.90")
    dialog.number.setText("A-1001")
    assert "difference 0.00" in dialog.totals.text()
    dialog.post()
    qtbot.waitUntil(lambda: dialog.view is not None)
    assert payable(services) == D("33.90")  # the invoice replaced the receipt's accrual

    again = opened(qtbot, SupplierInvoiceDialog(services, po=number))
    assert again.table.item(0, 5).text() == "20"  # invoiced before
    again.by_amount.setChecked(True)
    again.amount.setText("5")
    again.number.setText("A-1001")
    again.post()
    qtbot.waitUntil(lambda: again.message.text() != "")
    assert "A-1001" in again.message.text() and "entered before" in again.message.text()
    assert again.view is None and again.buttons.isEnabled()


def test_nothing_selected_says_so_and_a_reversed_receipt_cannot_be_invoiced(qtbot, services, receive):
    from domain.stock import documents as docs

    receive.posted.clearSelection()
    receive.posted.setCurrentIndex(receive.posted_model.index(-1, -1))
    assert receive.invoice_selected() is None
    assert "Select a posted receipt first" in receive.posted_message.text()
    number = services.documents.document_list(kind="receipt")[0].number
    docs.reverse_document(services.uow(), docs.ReverseDocument(number))
    receive.refresh_posted()
    qtbot.waitUntil(lambda: receive.posted_model.rowCount() == 1 and receive.posted_model.index(0, 0).data(
        RowRole).reversed)
    receive.posted.selectRow(0)
    assert receive.invoice_selected() is None
    assert "reversed" in receive.posted_message.text() and number in receive.posted_message.text()


def test_the_invoice_and_due_dates_are_written_as_everywhere_else_in_either_language(qtbot, services, receive,
                                                                                      chinese):
    receive.posted.selectRow(0)
    dialog = opened(qtbot, receive.invoice_selected())
    dialog.date.setDate(QDate(2026, 12, 7))
    assert dialog.date.text() == "2026-12-07" and dialog.due.text().count("-") == 2  # not 2026/12/7


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_amounts_under_the_table_are_grouped_in_thousands_as_elsewhere_in_the_window(qtbot, services, receive,
                                                                                           language, request):
    """The line under the table wrote 金额 21889.59 beside the 21,889.59 of every list: its amounts, tax, expected
    total and difference are money as the window shows it, in groups of three with the currency's decimals."""
    request.getfixturevalue(language)
    receive.posted.selectRow(0)
    dialog = opened(qtbot, receive.invoice_selected())
    dialog.by_amount.setChecked(True)
    dialog.amount.setText("21889.59")  # typed as the supplier wrote it; expected 40.00 + 13 % = 45.20
    text = dialog.totals.text()
    assert "21,889.59" in text and "2,518.27" in text and "45.20" in text and "+21,844.39" in text
    assert "21889.59" not in text


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_every_field_of_the_invoice_has_its_own_alt_key(qtbot, services, receive, language, request):
    """Supplier, Purchase order, Invoice number, Invoice date, Due on, Per line / One amount with tax, Load and Post
    invoice had no key: a bookkeeper back from the lines to the number or the date went by Shift+Tab."""
    import re

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QLabel

    request.getfixturevalue(language)
    QApplication.processEvents()  # the language's change reaches the widgets before the dialog is made
    dialog = shown(qtbot, receive)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisibleTo(dialog) and w.text()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    keys = [re.search(r"&(\w)", t) for t in texts]
    closing = dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text()  # Esc closes it
    assert [t for t, k in zip(texts, keys, strict=True) if k is None] == [closing]
    letters = [k.group(1).lower() for k in keys if k is not None]
    assert len(letters) == len(set(letters)) == 9, texts
    alt = Qt.KeyboardModifier.AltModifier
    for key, field in ((Qt.Key.Key_S, dialog.supplier), (Qt.Key.Key_O, dialog.po), (Qt.Key.Key_D, dialog.date),
                       (Qt.Key.Key_N, dialog.number)):
        qtbot.keyClick(QApplication.focusWidget(), key, alt)
        assert QApplication.focusWidget() is field, key
    qtbot.keyClick(dialog.number, Qt.Key.Key_U, alt)
    qtbot.waitUntil(dialog.due_given.isChecked)
