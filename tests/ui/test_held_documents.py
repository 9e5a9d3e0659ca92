"""Nothing a clerk typed is lost: held documents (挂单) survive a quit or crash, can be parked and resumed,
quitting asks, Del asks for several lines, Ctrl+Z undoes line changes, scans always find the scan field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt

from domain.stock.documents import DocumentKind
from domain.stock.held import HeldDocument
from domain.stock.held import HeldLine
from domain.stock.held import lines_from_json
from domain.stock.held import lines_json
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import post
from tests.ui.test_documents import scan
from tests.ui.test_documents import set_cell
from ui.screens.documents import ReceiveScreen
from ui.screens.documents import ShipScreen


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def held(services, kind: str = "shipment") -> list[HeldDocument]:
    return services.database.held_documents().list(kind)


def saved(qtbot, screen) -> None:
    """Let the held copy's timer fire and its background write finish."""
    if screen.held.timer.isActive():
        screen.held.save()
    screen.services.tasks.wait()
    QCoreApplication.processEvents()  # the finished jobs' callbacks


def receive_stock(services) -> None:
    from domain.stock.documents import LineInput
    from domain.stock.documents import PostDocument
    from domain.stock.documents import post_document

    post_document(services.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "50", "2"),
                                                                 LineInput("B-2", "50", "3"))))


def test_held_lines_travel_as_exact_json_and_a_damaged_line_is_dropped():
    lines = (HeldLine("p1", "A-1", "螺丝刀", "pcs", Decimal("2.5000"), Decimal("1.23456789")),
             HeldLine("p2", "B-2", "Hammer", "pcs", counted=Decimal(3), expected=Decimal(4), reason="broken",
                      scanned=True),
             HeldLine("", "C-3", "Glue", "pcs", Decimal(2), expected=Decimal(5), scanned=True, by_scan=True))
    assert lines_from_json(lines_json(lines)) == lines
    assert lines_from_json('[{"product_id": "p", "sku": "Y", "qty": "1"}]')[0].by_scan is False  # held before
    assert lines_from_json('[{"sku": "X"}, {"product_id": "p", "sku": "Y", "qty": "1x"}]') == ()
    assert lines_from_json("not json") == ()


def test_a_slow_earlier_save_never_overwrites_a_newer_one(services):
    store = services.database.held_documents()
    newer = HeldDocument("h1", "shipment", warehouse="W1", lines=(HeldLine("p", "A-1", "n", "pcs", Decimal(2)),))
    older = HeldDocument("h1", "shipment", warehouse="W1", lines=(HeldLine("p", "A-1", "n", "pcs", Decimal(1)),))
    store.save(newer, seq=2)
    store.save(older, seq=1)  # arrives late
    assert store.get("h1").lines[0].qty == Decimal(2)
    store.remove("h1", seq=3)
    store.save(newer, seq=2)  # a save from before the removal
    assert store.get("h1") is None


def test_scanned_lines_survive_closing_the_screen_and_come_back_with_a_word(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    for code in ("A-1", "A-1", "B-2"):
        scan(qtbot, screen, code)
    screen.reference.setText("order 17")
    saved(qtbot, screen)
    [doc] = held(services)
    assert doc.active and [(x.sku, x.qty) for x in doc.lines] == [("A-1", 2), ("B-2", 1)]
    assert doc.reference == "order 17" and doc.warehouse == "W1" and doc.user == "clerk"
    screen.close()  # as after a quit or a crash: the next screen starts from the database

    again = open_screen(qtbot, services, ShipScreen)
    qtbot.waitUntil(lambda: again.model.rowCount() == 2, timeout=30_000)
    assert [(x.sku, x.qty) for x in again.model.lines] == [("A-1", Decimal(2)), ("B-2", Decimal(1))]
    assert again.reference.text() == "order 17"
    assert "Resumed an unposted document of 2 line(s)" in again.result_label.text()
    assert held(services)[0].id == doc.id  # the same held document goes on


def test_posting_removes_the_held_copy(qtbot, services):
    receive_stock(services)
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    saved(qtbot, screen)
    assert len(held(services)) == 1
    post(qtbot, screen)
    saved(qtbot, screen)
    assert held(services) == [] and screen.model.rowCount() == 0
    scan(qtbot, screen, "B-2")  # the next document is held under a new id
    saved(qtbot, screen)
    [doc] = held(services)
    assert [x.sku for x in doc.lines] == ["B-2"]


def test_hold_parks_the_document_and_held_resumes_it_parking_the_one_in_use(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_F8)
    services.tasks.wait()
    assert screen.model.rowCount() == 0 and "Held" in screen.result_label.text()
    [parked] = held(services)
    assert not parked.active and [x.sku for x in parked.lines] == ["A-1"]

    scan(qtbot, screen, "C-3")
    scan(qtbot, screen, "C-3")
    saved(qtbot, screen)
    offered = []
    screen.pick_held = lambda labels: offered.append(labels) or labels[0]
    qtbot.keyClick(screen.scan, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bool(offered) and screen.model.rowCount() == 1 and
                    screen.model.lines[0].sku == "A-1", timeout=30_000)
    assert len(offered[0]) == 1 and "1 line(s)" in offered[0][0] and "W1" in offered[0][0]
    services.tasks.wait()
    docs = {tuple(x.sku for x in d.lines): d for d in held(services)}
    assert docs[("A-1",)].active and not docs[("C-3",)].active  # the C-3 document waits now
    assert docs[("C-3",)].lines[0].qty == 2


def test_quitting_with_an_unposted_document_asks_and_keeps_it(qtbot, services):
    from ui.app import create_main_window

    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("ship")
    qtbot.waitUntil(lambda: screen.codes_ready and screen.warehouse.count() > 0, timeout=30_000)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "B-2")
    asked = []
    window.confirm_quit = lambda unposted: asked.append(unposted) or False
    window.close()
    assert window.isVisible() and asked == [[("Ship", 2)]]  # said no: the window stays
    window.confirm_quit = lambda unposted: asked.append(unposted) or True
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)  # once its background work has finished
    assert len(asked) == 2
    [doc] = held(services)  # the last scans were written at once, not after the timer
    assert [x.sku for x in doc.lines] == ["A-1", "B-2"]


def test_delete_asks_before_removing_several_lines_and_ctrl_z_puts_them_back(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    for code in ("A-1", "B-2", "C-3"):
        scan(qtbot, screen, code)
    asked = []
    screen.confirm = lambda title, text: asked.append(text) or False
    screen.grid.selectAll()
    screen.grid.setFocus()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Delete)
    assert "Remove the 3 selected line(s)?" in asked[0] and screen.model.rowCount() == 3
    screen.confirm = lambda title, text: True
    qtbot.keyClick(screen.grid, Qt.Key.Key_Delete)
    assert screen.model.rowCount() == 0
    qtbot.keyClick(screen.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [x.sku for x in screen.model.lines] == ["A-1", "B-2", "C-3"]
    screen.grid.selectRow(1)
    asked.clear()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Delete)  # one line: no question
    assert asked == [] and [x.sku for x in screen.model.lines] == ["A-1", "C-3"]


def test_ctrl_z_in_the_empty_scan_field_undoes_scans_and_edits_one_at_a_time(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "B-2")
    assert set_cell(screen, 0, "qty", "7")
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.scan, *undo)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 2), ("B-2", 1)]
    qtbot.keyClick(screen.scan, *undo)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 2)]
    qtbot.keyClick(screen.scan, *undo)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 1)]
    qtbot.keyClicks(screen.scan, "B-")  # with text in it, Ctrl+Z is the field's own undo
    qtbot.keyClick(screen.scan, *undo)
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("A-1", 1)]
    screen.scan.clear()
    qtbot.keyClick(screen.scan, *undo)
    assert screen.model.rowCount() == 0
    assert not screen.undo()  # nothing left


def test_clear_asks_before_throwing_away_lines(qtbot, services):
    screen = open_screen(qtbot, services, ShipScreen)
    scan(qtbot, screen, "A-1")
    saved(qtbot, screen)
    screen.confirm = lambda title, text: False
    screen.clear_button.click()
    assert screen.model.rowCount() == 1
    screen.confirm = lambda title, text: True
    screen.clear_button.click()
    assert screen.model.rowCount() == 0
    saved(qtbot, screen)
    assert held(services) == []


def test_the_scan_field_has_the_focus_whenever_a_document_screen_is_shown(qtbot, services):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from ui.app import create_main_window

    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    receive = window.show_screen("receive")
    receive.tabs.setCurrentIndex(1)  # the clerk looked at the posted receipts
    window.show_screen("stock")
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    assert window.current_key() == "receive"
    qtbot.waitUntil(receive.scan.hasFocus, timeout=30_000)
    assert receive.tabs.currentIndex() == 0


def test_a_held_receipt_against_a_purchase_order_comes_back_with_its_quantities(qtbot, services, db):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "A-1", "10", "2.00"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "B-2", "5", "3.00"))
    number = purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id)).number
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.po is not None and screen.model.rowCount() == 2, timeout=30_000)
    assert set_cell(screen, 0, "qty", "4")
    saved(qtbot, screen)
    [doc] = held(services, DocumentKind.RECEIPT.value)
    assert doc.po_number == number
    screen.close()  # as after a quit or a crash: the next screen starts from the database

    again = open_screen(qtbot, services, ReceiveScreen)
    qtbot.waitUntil(lambda: again.po is not None and again.model.rowCount() == 2, timeout=30_000)
    assert [(x.sku, x.qty) for x in again.model.lines] == [("A-1", Decimal(4)), ("B-2", Decimal(5))]



def test_a_held_receipt_against_a_purchase_order_still_asks_about_the_lines_not_scanned(qtbot, services, db,
                                                                                       monkeypatch):
    """Resumed after a quit, a partial delivery scanned line by line must not receive the unscanned line in full."""
    from PySide6.QtWidgets import QMessageBox

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "A-1", "10", "2.00"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "B-2", "5", "3.00"))
    number = purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id)).number
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.po is not None and screen.model.rowCount() == 2, timeout=30_000)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "A-1")
    saved(qtbot, screen)
    screen.close()

    again = open_screen(qtbot, services, ReceiveScreen)
    qtbot.waitUntil(lambda: again.po is not None and again.model.rowCount() == 2, timeout=30_000)
    assert [(x.sku, x.qty) for x in again.model.lines] == [("A-1", Decimal(2)), ("B-2", Decimal(5))]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.No)
    again.scan.setFocus()
    qtbot.waitUntil(again.scan.hasFocus)
    post(qtbot, again)
    assert len(asked) == 1 and "B-2" in asked[0]
    order = services.purchasing.purchase_orders(ref=number)[0]
    assert [(x.sku, x.received, x.open_qty) for x in order.lines] == [("A-1", 2, 8), ("B-2", 0, 5)]
