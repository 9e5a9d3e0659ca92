"""Where the cursor is between scans: a clerk scans, Tabs to the quantity of what was just scanned, types it, presses
Enter and scans on, hands never leaving the keyboard and the scanner; a screen's shortcut brings back the scan field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget

from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import scan
from tests.ui.test_shell import window  # noqa: F401 - the fixture: the main window on these services


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def type_here(qtbot, text: str) -> None:
    """Keys go where the focus is, as a keyboard's and a scanner's do (a cell's editor once typing opened it)."""
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)


def press(qtbot, key) -> None:
    focused = QApplication.focusWidget()
    editing = isinstance(focused.parentWidget(), QWidget) and isinstance(focused.parentWidget().parentWidget(),
                                                                          QAbstractItemView)
    qtbot.keyClick(focused, key)
    if editing:  # a cell's editor: the delegate commits and closes it on the next turn of the event loop
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not focused)


def screen_class(name: str):
    from ui.screens import documents

    return getattr(documents, name)


@pytest.mark.parametrize(("name", "field"), [("ReceiveScreen", "qty"), ("ShipScreen", "qty"),
                                             ("CountScreen", "counted"), ("AdjustScreen", "qty")])
def test_tab_from_the_scan_field_lands_on_the_quantity_of_the_line_just_scanned(qtbot, services, name, field):
    screen = open_screen(qtbot, services, screen_class(name))
    for code in ("A-1", "B-2", "C-3", "6901234567892"):  # A-1 again, by its barcode: line 1
        scan(qtbot, screen, code)
    press(qtbot, Qt.Key.Key_Tab)
    assert screen.grid.hasFocus()
    current = screen.grid.currentIndex()
    assert (current.row(), current.column()) == (0, screen.model.column(field))
    type_here(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)
    assert getattr(screen.model.lines[0], field) == Decimal(5)
    assert [getattr(line, field) for line in screen.model.lines[1:]] != [Decimal(5), Decimal(5)]


def test_after_a_quantity_typed_and_confirmed_with_enter_the_next_scan_adds_a_line(qtbot, services):
    """The cursor went back to the grid, and the next scan's digits were typed into the quantity cell."""
    screen = open_screen(qtbot, services, screen_class("ReceiveScreen"))
    scan(qtbot, screen, "A-1")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.scan.hasFocus()
    type_here(qtbot, "B-2")
    press(qtbot, Qt.Key.Key_Return)
    assert [(line.sku, line.qty) for line in screen.model.lines] == [("A-1", Decimal(12)), ("B-2", Decimal(1))]


def test_tab_in_a_cell_moves_on_to_the_next_cell_and_esc_goes_back_to_the_scan_field(qtbot, services):
    screen = open_screen(qtbot, services, screen_class("ReceiveScreen"))
    scan(qtbot, screen, "A-1")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "3")
    press(qtbot, Qt.Key.Key_Tab)  # quantity → unit cost
    type_here(qtbot, "2.5")
    press(qtbot, Qt.Key.Key_Return)
    line = screen.model.lines[0]
    assert (line.qty, line.unit_cost) == (Decimal(3), Decimal("2.5"))
    press(qtbot, Qt.Key.Key_Tab)
    assert screen.grid.hasFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert screen.scan.hasFocus()


def test_a_refused_line_is_the_current_line_so_tab_goes_to_it(qtbot, services):
    from tests.ui.test_documents import post

    screen = open_screen(qtbot, services, screen_class("ShipScreen"))
    for code in ("A-1", "B-2"):  # nothing on hand: line 1 is refused
        scan(qtbot, screen, code)
    post(qtbot, screen)
    assert screen.line_error.text()
    press(qtbot, Qt.Key.Key_Tab)
    assert screen.grid.currentIndex().row() == 0
    assert screen.grid.currentIndex().column() == screen.model.column("qty")


def test_a_document_screen_s_shortcut_pressed_on_it_brings_the_cursor_back_to_its_scan_field(
        qtbot, window):  # noqa: F811 - the fixture
    """Ctrl+2 on the Receive screen, from its posted list or a header field, left the cursor where it was."""
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    receive = window.stack.currentWidget()
    qtbot.waitUntil(lambda: receive.codes_ready)
    receive.tabs.setCurrentIndex(1)
    receive.posted.setFocus()
    qtbot.waitUntil(receive.posted.hasFocus)
    QTest.keySequence(QApplication.focusWidget(), QKeySequence("Ctrl+2"))
    assert receive.tabs.currentIndex() == 0
    assert receive.scan.hasFocus()
    receive.reference.setFocus()
    qtbot.waitUntil(receive.reference.hasFocus)
    QTest.keySequence(QApplication.focusWidget(), QKeySequence("Ctrl+2"))
    assert receive.scan.hasFocus()


def test_an_adjustment_line_without_a_reason_asks_for_one_in_plain_chinese(qtbot, services, chinese, monkeypatch):
    """It said 第 1 行：原因 为必填项。 (a stray space, and a form's wording rather than a request)."""
    from tests.ui.test_documents import post

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    screen = open_screen(qtbot, services, screen_class("AdjustScreen"))
    scan(qtbot, screen, "A-1")
    post(qtbot, screen)
    assert screen.line_error.text() == "第 1 行：请填写原因。"


def test_tab_into_lines_that_were_loaded_not_scanned_lands_on_the_first_quantity(qtbot, services, db):
    """A count sheet filled with its expected quantities (as a purchase order's lines or a held document resumed):
    Tab went to line 1's number, where typing did nothing."""
    from domain.stock import commands as sc
    from domain.stock import ledger

    ledger.receive(db.uow(), sc.ReceiveStock("A-1", "5", "W1", "1"))
    screen = open_screen(qtbot, services, screen_class("CountScreen"))
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    screen.load_expected()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.scan.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.model.lines[0].counted == Decimal(4)
    assert screen.scan.hasFocus()


def test_the_down_arrow_in_the_scan_field_goes_to_the_quantity_of_the_line_just_scanned(qtbot, services):
    screen = open_screen(qtbot, services, screen_class("ShipScreen"))
    for code in ("A-1", "B-2"):
        scan(qtbot, screen, code)
    press(qtbot, Qt.Key.Key_Down)
    assert screen.grid.hasFocus()
    assert (screen.grid.currentIndex().row(), screen.grid.currentIndex().column()) == (1, screen.model.column("qty"))


def settled_top(screen) -> int:
    """Where the lines grid starts once the screen's layouts have done their work."""
    from PySide6.QtCore import QEvent
    from PySide6.QtCore import QPoint

    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    return screen.grid.mapTo(screen, QPoint(0, 0)).y()


@pytest.mark.parametrize("name", ["ReceiveScreen", "CountScreen"])
def test_a_long_scan_message_leaves_the_grid_where_it_was_and_says_the_rest_in_its_tooltip(qtbot, services, name):
    """A message that wrapped made the scan row taller by a line and moved the grid down under the clerk's eyes."""
    screen = open_screen(qtbot, services, screen_class(name))
    screen.resize(900, 600)
    scan(qtbot, screen, "A-1")
    top = settled_top(screen)
    code = "NO-SUCH-CODE-" + "0123456789-" * 12
    scan(qtbot, screen, code)
    message = screen.scan_message.text()
    assert code in message
    assert settled_top(screen) == top
    assert screen.scan_message.toolTip() == message
    shown = screen.scan_message.shown_lines()
    assert len(shown) == 2 and shown[-1].endswith("…")  # cut where the label ends, never taller
    scan(qtbot, screen, "A-1")
    assert (screen.scan_message.text(), settled_top(screen)) == ("", top)
