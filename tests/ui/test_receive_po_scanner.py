"""The Receive dialog of a purchase order driven as a scanner drives it: each code is typed, then Enter."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from tests.ui.test_purchasing import issue
from tests.ui.test_purchasing import on_hand
from tests.ui.test_purchasing import open_draft
from tests.ui.test_purchasing import screen  # noqa: F401 - a fixture
from tests.ui.test_purchasing import services  # noqa: F401 - a fixture


def test_a_scanners_enter_counts_the_scan_and_does_not_post_the_receipt(qtbot, services, screen):  # noqa: F811
    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(3):
        qtbot.keyClicks(dialog.scan, "6901234567892")
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0  # still counting: Enter is the scanner's, not "Receive"
    assert dialog.quantity("SD-1") == "3"
    assert on_hand(services, "SD-1") == Decimal("0")


def test_ctrl_enter_receives_what_was_scanned(qtbot, services, screen, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    open_draft(qtbot, services, screen)
    issue(qtbot, screen)
    dialog = screen.receive()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.scan, "6901234567892")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.No)  # leave HM-1 open
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.current.state == "partly_received")
    assert on_hand(services, "SD-1") == Decimal("1")
