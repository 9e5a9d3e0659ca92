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
    assert dialog.supplier.text() == "SUP" and dialog.typed() == ["", ""] and not ok.isEnabled()
    dialog.set_quantity(0, "3")
    assert not ok.isEnabled()  # no reason yet
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
    assert shown == [tmp_path / f"{number} supplier return.pdf"] and shown[0].read_bytes().startswith(b"%PDF")

    again = receive.return_selected_to_supplier()
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: len(again.lines) == 2)
    line = next(x for x in again.lines if x.sku == "A-1")
    assert (line.received, line.returned, line.returnable) == (D(10), D(3), D(7))


def test_returning_more_than_the_receipt_brought_is_refused_in_the_dialog_naming_the_line_and_the_most(
        qtbot, receive):
    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    dialog.reason.setText("wrong item")
    dialog.set_quantity(0, "11")  # A-1 brought 10
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.message.text() == "quantity of line 1: 11 of A-1 is more than can go back; enter at most 10"
    assert not ok.isEnabled()
    dialog.post()
    assert dialog.document is None and "at most 10" in dialog.message.text()
    dialog.set_quantity(0, "10")
    assert dialog.message.text() == "" and ok.isEnabled()


def test_the_quantities_start_empty_so_enter_returns_nothing(qtbot, receive):
    """The dialog preset the whole returnable quantity: a clerk returning 2 of 10 had to clear 10 first, and a slip
    of Enter returned everything."""
    from PySide6.QtCore import Qt

    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    dialog.reason.setText("damaged")
    assert dialog.typed() == ["", ""]
    assert [dialog.table.item(r, 4).text() for r in range(2)] == ["10", "4"]  # Returnable beside each line
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.document is None and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_return_all_fills_every_line_and_posts_one_return_of_them_all(qtbot, services, receive):
    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    dialog.all_button.click()
    assert dialog.typed() == ["10", "4"]
    dialog.reason.setText("damaged")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.document is not None)
    assert [x.qty for x in dialog.document.lines] == [D(10), D(4)]
    on_hand = {r.sku: r.on_hand for r in services.stock.stock(warehouse="W1")}
    assert (on_hand["A-1"], on_hand["B-2"]) == (D(0), D(0))
    assert not dialog.all_button.isVisible() and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isVisible()


def test_print_return_note_is_offered_only_once_the_return_is_posted(qtbot, receive):
    """The button showed beside Post return before anything was posted (the button box showed it when added)."""
    dialog = receive.return_selected_to_supplier()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.lines) == 2)
    assert dialog.isVisible() and not dialog.print_button.isVisible()
