"""Receiving against a purchase order on the Receive screen: scan the PO number, receive part, the rest, refusals.

Also: the PO PDF's labels reach the translation file under the context the window translates them in.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing.model import PurchasingPolicy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("SD-1", "螺丝刀 Screwdriver", barcodes=("6901234567892",)))
    catalog.add_product(uow(), c.AddProduct("HM-1", "Hammer"))
    catalog.add_product(uow(), c.AddProduct("GL-1", "Glue"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), c.AddSupplier("ACME", "Acme Tools"))
    return make_services(user="clerk")


def issued_po(services, lines=(("SD-1", "10", "2.50"), ("HM-1", "4", "12"))) -> str:
    uow = services.uow
    draft = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("ACME", "W1"))
    purchasing.add_lines(uow(), draft.id, [pc.AddPurchaseOrderLine(draft.id, sku, qty, price)
                                           for sku, qty, price in lines])
    return purchasing.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number


def open_receive(qtbot, services):
    from ui.screens.documents import ReceiveScreen

    screen = ReceiveScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.codes_ready and screen.warehouse.count() > 0 and services.tasks.busy == 0)
    screen.scan.setFocus()
    qtbot.waitUntil(screen.scan.hasFocus)
    return screen


def scan(qtbot, screen, code: str) -> None:
    qtbot.keyClicks(screen.scan, code)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)


def post(qtbot, screen) -> None:
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not screen._posting, timeout=10_000)


def load(qtbot, screen, number: str) -> None:
    scan(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.po is not None and not screen._po_loading, timeout=10_000)


def set_received(screen, row: int, text: str) -> bool:
    from ui.models import document_lines as lm

    return screen.model.setData(screen.model.index(row, screen.model.column(lm.QTY)), text)


def balance(services, sku: str):
    return services.stock.stock(sku=sku, warehouse="W1")[0]


def the_po(services, number: str):
    return services.purchasing.purchase_orders(ref=number)[0]


def test_scanning_a_po_number_fills_the_lines_with_what_is_still_expected_and_the_supplier(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    qtbot.waitUntil(lambda: screen.po_combo.findData(number) >= 0)  # the open PO is offered for W1 too

    load(qtbot, screen, number.lower())  # typed in lower case still finds it

    lines = screen.model.lines
    assert [(x.sku, x.expected, x.qty, x.unit_cost) for x in lines] == [
        ("SD-1", Decimal(10), Decimal(10), Decimal("2.50")), ("HM-1", Decimal(4), Decimal(4), Decimal(12))]
    assert screen.partner.currentText().startswith("ACME")
    assert screen.po_combo.currentData() == number
    assert not screen.grid.isColumnHidden(screen.model.column("expected"))
    assert screen.scan.hasFocus()


def test_receiving_part_leaves_the_rest_open_and_receiving_the_rest_completes_the_po(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    assert balance(services, "SD-1").on_order == 10

    load(qtbot, screen, number)
    for _ in range(6):  # the first scan counts from 1, each further one adds 1
        scan(qtbot, screen, "6901234567892")
    assert screen.model.lines[0].qty == 6
    assert set_received(screen, 1, "0")  # no hammers today
    post(qtbot, screen)

    assert re.fullmatch(rf"Posted GR-\d{{4}}-00001 against {number}", screen.result_label.text())
    po = the_po(services, number)
    assert po.state == "partly_received"
    assert [(x.sku, x.received, x.open_qty) for x in po.lines] == [("SD-1", 6, 4), ("HM-1", 0, 4)]
    row = balance(services, "SD-1")
    assert (row.on_hand, row.on_order) == (6, 4)
    moves = services.stock.movements(sku="SD-1")
    assert [(m.qty, m.unit_cost, m.source_ref) for m in moves] == [(6, Decimal("2.50"), number)]
    assert screen.po is None and screen.model.rowCount() == 0  # back to a free receipt

    load(qtbot, screen, number)
    assert [(x.sku, x.expected) for x in screen.model.lines] == [("SD-1", 4), ("HM-1", 4)]
    post(qtbot, screen)

    po = the_po(services, number)
    assert po.state == "received"
    assert (balance(services, "SD-1").on_hand, balance(services, "SD-1").on_order) == (10, 0)
    assert (balance(services, "HM-1").on_hand, balance(services, "HM-1").on_order) == (4, 0)
    qtbot.waitUntil(lambda: screen.po_combo.findData(number) < 0)  # no longer open


def test_a_delivery_is_listed_with_the_posted_receipts_and_reversed_from_there_reopening_the_po(
        qtbot, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    post(qtbot, screen)  # everything expected: the PO is received
    assert the_po(services, number).state == "received"
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    [doc] = screen.posted_model.rows
    assert screen.result_label.text() == f"Posted {doc.number} against {number}"
    assert (doc.reference, doc.po, doc.partner, doc.line_count) == (number, number, "ACME", 2)
    assert doc.total_value == Decimal(73)  # 10 × 2.50 + 4 × 12
    model = screen.posted_model
    assert model.index(0, model.REFERENCE).data() == number  # the PO shows in the list

    screen.tabs.setCurrentIndex(1)
    screen.posted.selectRow(0)
    screen.open_selected()
    qtbot.waitUntil(lambda: screen.posted_lines_model.rowCount() == 2)
    assert [(x.sku, x.qty) for x in screen.posted_lines_model.rows] == [("SD-1", 10), ("HM-1", 4)]

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    screen.reverse_selected()
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1 and screen.posted_model.rows[0].reversed)
    assert asked == [f"Reverse {doc.number}? Every movement it posted is undone by a reversing movement, and what "
                     f"it received comes off {number}, which expects it again."]
    assert screen.posted_message.text() == f"Reversed {doc.number}"
    po = the_po(services, number)
    assert po.state == "issued" and [x.received for x in po.lines] == [0, 0]
    row = balance(services, "SD-1")
    assert (row.on_hand, row.on_order) == (0, 10)
    qtbot.waitUntil(lambda: screen.po_combo.findData(number) >= 0)  # open again: it can be received anew


def test_a_delivery_whose_goods_have_left_says_why_it_cannot_be_reversed(qtbot, services, monkeypatch):
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWidgets import QMessageBox

    from domain.stock.documents import LineInput
    from domain.stock.documents import PostDocument
    from domain.stock.documents import post_document

    number = issued_po(services)
    delivery = purchasing.receive_delivery(services.uow(), pc.ReceivePurchaseOrder(number))
    post_document(services.uow(), PostDocument("shipment", "W1", (LineInput("SD-1", "3"),)))
    screen = open_receive(qtbot, services)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    screen.tabs.setCurrentIndex(1)
    screen.posted.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen.reverse_selected()
    qtbot.waitUntil(lambda: screen.reverse_button.isEnabled() and screen.posted_message.text() != "")
    text = screen.posted_message.text()
    assert text.startswith(f"Document {delivery.document.number} cannot be reversed:") and "SD-1" in text
    assert the_po(services, number).state == "received" and balance(services, "SD-1").on_hand == 7


def answer_unscanned(monkeypatch, button) -> list[str]:
    """Make the question about lines not scanned answer ``button``; returns the texts asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or button)
    return asked


def test_scanning_part_of_a_delivery_asks_first_and_can_leave_the_rest_open(qtbot, services, monkeypatch):
    """The Receive screen against a PO asks as the Purchasing screen's dialog does: HM-1 was not scanned."""
    from PySide6.QtWidgets import QMessageBox

    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    for _ in range(3):
        scan(qtbot, screen, "6901234567892")
    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.Cancel)  # Esc: back to the entry
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "HM-1" in asked[0] and "SD-1" not in asked[0]
    services.tasks.wait()
    assert not screen._posting and screen.po is not None and screen.model.lines[0].qty == 3
    assert the_po(services, number).state == "issued" and services.stock.movements() == []
    assert screen.scan.hasFocus()

    asked = answer_unscanned(monkeypatch, QMessageBox.StandardButton.No)  # leave them open
    post(qtbot, screen)
    assert len(asked) == 1
    po = the_po(services, number)
    assert [(x.sku, x.received, x.open_qty) for x in po.lines] == [("SD-1", 3, 7), ("HM-1", 0, 4)]
    assert balance(services, "HM-1").on_hand == 0


def test_an_over_receipt_is_refused_on_its_line_and_nothing_is_posted(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    assert set_received(screen, 1, "5")  # 4 ordered, tolerance 0 %
    post(qtbot, screen)

    assert screen.model.lines[1].error.startswith("HM-1: 4 ordered, 0 received so far; receiving 5")
    assert "at most 4 more accepted" in screen.model.lines[1].error
    assert screen.line_error.text().startswith("Line 2: HM-1")
    assert screen.po is not None  # the clerk corrects the line
    assert balance(services, "HM-1").on_hand == 0 and balance(services, "SD-1").on_hand == 0
    assert the_po(services, number).state == "issued"
    assert services.stock.movements() == []


def test_a_receipt_within_the_tolerance_is_accepted(qtbot, services):
    uow = services.uow()
    with uow:
        uow.purchasing.set_policy(PurchasingPolicy(over_receipt_tolerance=Decimal(25)))
        uow.commit()
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    assert set_received(screen, 1, "5")  # 4 ordered + 25 %
    post(qtbot, screen)

    assert screen.line_error.text() == ""
    assert balance(services, "HM-1").on_hand == 5


def test_scanning_a_product_not_on_the_po_is_refused_and_keeps_the_focus(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    before = [(x.sku, x.qty) for x in screen.model.lines]

    scan(qtbot, screen, "GL-1")

    assert "GL-1 (Glue) is not on purchase order " + number in screen.scan_message.text()
    assert [(x.sku, x.qty) for x in screen.model.lines] == before
    assert screen.scan.hasFocus()


def test_an_unknown_po_number_is_refused_and_the_receipt_stays_free(qtbot, services):
    screen = open_receive(qtbot, services)
    scan(qtbot, screen, "PO-2026-09999")
    qtbot.waitUntil(lambda: "PO-2026-09999" in screen.scan_message.text())
    assert screen.po is None
    scan(qtbot, screen, "GL-1")  # a free receipt takes any product
    assert [x.sku for x in screen.model.lines] == ["GL-1"]


def test_clearing_the_po_field_returns_to_a_free_receipt(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    assert not screen.warehouse.isEnabled()

    screen.po_combo.setCurrentIndex(0)
    screen.po_combo.activated.emit(0)

    assert screen.po is None and screen.model.rowCount() == 0
    assert screen.warehouse.isEnabled() and screen.partner.currentText() == ""
    assert screen.grid.isColumnHidden(screen.model.column("expected"))
    scan(qtbot, screen, "GL-1")  # any product again
    assert [x.sku for x in screen.model.lines] == ["GL-1"]


def test_choosing_a_po_in_the_field_loads_it(qtbot, services):
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    qtbot.waitUntil(lambda: screen.po_combo.findData(number) >= 0)
    index = screen.po_combo.findData(number)
    screen.po_combo.setCurrentIndex(index)
    screen.po_combo.activated.emit(index)
    qtbot.waitUntil(lambda: screen.po is not None, timeout=10_000)
    assert [x.sku for x in screen.model.lines] == ["SD-1", "HM-1"]


def test_the_po_pdf_labels_are_in_the_translation_file_with_finished_chinese(qtbot):
    from ui.pdf.purchase_order import LABELS

    root = ET.parse(ROOT / "resources/i18n/stockroom_zh_CN.ts").getroot()
    context = next((x for x in root.iter("context") if x.findtext("name") == "PurchaseOrderPdf"), None)
    assert context is not None
    found = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    assert set(LABELS) <= set(found)
    for label in LABELS:
        translation = found[label]
        assert translation.get("type") is None and translation.text, label  # finished, not empty

    from ui.screens.purchasing.editor import _pdf_tr  # what the window hands the renderer

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/stockroom_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert [_pdf_tr(x) for x in ("PO number", "Page %1 of %2")] == ["采购订单号", "第 %1 页，共 %2 页"]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_stock_screen_item_count_is_in_the_translation_file_as_a_plural(qapp):
    root = ET.parse(ROOT / "resources/i18n/stockroom_zh_CN.ts").getroot()
    context = next(x for x in root.iter("context") if x.findtext("name") == "StockScreen")
    message = next((m for m in context.iter("message") if m.findtext("source") == "%n item(s)"), None)
    assert message is not None and message.get("numerus") == "yes"
    assert message.find("translation").findtext("numerusform") == "%n 项"

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/stockroom_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("StockScreen", "%n item(s)", None, 12) == "12 项"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_scan_beyond_what_the_po_still_accepts_beeps_and_says_so_at_once(qtbot, services, monkeypatch):
    """Scanning a product twice where one was still expected counted on in silence; only the posting, after the whole
    delivery was scanned, refused it."""
    from PySide6.QtWidgets import QApplication

    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    number = issued_po(services, lines=(("SD-1", "1", "2.50"), ("HM-1", "4", "12")))
    screen = open_receive(qtbot, services)
    load(qtbot, screen, number)
    scan(qtbot, screen, "6901234567892")
    assert (screen.scan_message.text(), beeps) == ("", [])
    scan(qtbot, screen, "6901234567892")
    assert screen.scan_message.text() == (f"SD-1: this scan makes 2, but {number} accepts at most 1 more. "
                                          "Ctrl+Z takes the scan back.")
    assert beeps == [1]
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # takes the scan back, and the word
    assert (screen.model.lines[0].qty, screen.scan_message.text()) == (Decimal(1), "")
    scan(qtbot, screen, "HM-1")
    assert screen.scan_message.text() == ""


def _printed_here(monkeypatch, tmp_path) -> list:
    from ui.screens.sales import printing

    opened: list = []
    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path)
    monkeypatch.setattr(printing, "open_pdf", opened.append)
    return opened


def _pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_delivery_posted_offers_its_receipt_note_printed_off_the_gui_thread(qtbot, services, monkeypatch,
                                                                              tmp_path):
    """The Receive screen had no Print for a goods receipt: once a delivery against a PO is posted, Print receipt
    note… writes the note (the lines its movements name, with the PO) on the task runner and opens it; the next
    posting takes the offer away."""
    opened = _printed_here(monkeypatch, tmp_path)
    number = issued_po(services)
    screen = open_receive(qtbot, services)
    assert not screen.receipt_note.isVisibleTo(screen)
    load(qtbot, screen, number)
    assert set_received(screen, 1, "0")
    post(qtbot, screen)
    receipt = screen.receipt_note.number
    assert re.fullmatch(r"GR-\d{4}-00001", receipt) and screen.receipt_note.isVisibleTo(screen)
    assert screen.receipt_note.label.text() == f"Goods receipt {receipt} posted."
    # its own key, Ctrl+P, as a sales order's print: its button took Alt+P, which Post (Ctrl+Enter) had already
    assert screen.receipt_note.button.text() == "Print receipt note… (Ctrl+P)"
    assert "&P" in screen.post_button.text()
    screen.scan.setFocus()
    qtbot.waitUntil(screen.scan.hasFocus)
    QTest.keySequence(screen.scan, QKeySequence("Ctrl+P"))
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [tmp_path / f"{receipt} receipt.pdf"]
    assert screen.receipt_note.label.text() == f"Wrote {opened[0]}"
    text = _pdf_text(opened[0])
    assert receipt in text and number in text and "SD-1" in text and "HM-1" not in text  # what was received
    screen._set_posting(True)  # the next receipt says its own
    assert not screen.receipt_note.isVisibleTo(screen)


def test_the_posted_receipts_print_the_selected_ones_note(qtbot, services, monkeypatch, tmp_path):
    opened = _printed_here(monkeypatch, tmp_path)
    number = issued_po(services)
    purchasing.receive(services.uow(), pc.ReceivePurchaseOrder(number, (("HM-1", "4"),)))
    screen = open_receive(qtbot, services)
    screen.print_selected_note()
    assert screen.posted_message.text() == "Select a posted receipt first."
    screen.refresh_posted()
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1)
    screen.posted.selectRow(0)
    receipt = screen.selected_document().number
    screen.print_selected_note()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == [tmp_path / f"{receipt} receipt.pdf"] and screen.posted_message.text() == f"Wrote {opened[0]}"
    assert "HM-1" in _pdf_text(opened[0])
