"""Return to supplier… on the Receive screen's posted receipts: the dialog, its refusals and the return note."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document
from tests import clock
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

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
    screen.posted.selectRow(0)
    return screen


def test_a_receipt_goes_back_to_its_supplier_and_the_note_prints(qtbot, services, receive, tmp_path, monkeypatch):
    from ui.screens.sales import printing

    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    shown = []
    monkeypatch.setattr(printing, "open_pdf", shown.append)
    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.supplier.text() == "SUP" and dialog.qty.text() == "10" and not ok.isEnabled()  # no reason
    dialog.qty.setText("3")
    dialog.reason.setText("damaged")
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: dialog.document is not None)
    number = dialog.document.number
    assert number == f"PR-{clock.today().year}-00001" and number in dialog.message.text()
    assert dialog.print_button.isVisible() and not ok.isVisible()
    assert {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}["A-1"] == D(7)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [tmp_path / f"{number} return.pdf"] and shown[0].read_bytes().startswith(b"%PDF")

    again = receive.return_selected_to_supplier()
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: len(again.lines) == 2)
    line = next(x for x in again.lines if x.sku == "A-1")
    assert (line.received, line.returned, line.returnable) == (D(10), D(3), D(7))


def test_returning_more_than_the_receipt_brought_is_refused_in_the_dialog(qtbot, receive):
    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    dialog.qty.setText("11")
    dialog.reason.setText("wrong item")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.message.text() != "")
    assert "10 left" in dialog.message.text() or "at most" in dialog.message.text()
    assert dialog.buttons.isEnabled() and dialog.document is None


def test_nothing_selected_says_so(qtbot, receive):
    receive.posted.clearSelection()
    receive.posted.setCurrentIndex(receive.posted_model.index(-1, -1))
    assert receive.return_selected_to_supplier() is None
    assert "Select a posted receipt" in receive.posted_message.text()
