"""Typing numbers into the document grid: a comma is a thousands separator or it is refused, never a decimal point."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLineEdit

from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import scan
from ui.models import document_lines as lm
from ui.screens.documents import ReceiveScreen


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def open_editor(screen, row: int, key: str) -> QLineEdit:
    """The cell's editor opened as a double click would, its text selected."""
    index = screen.model.index(row, screen.model.column(key))
    screen.grid.setCurrentIndex(index)
    screen.grid.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    return editor


def press_enter(qtbot, screen, editor: QLineEdit) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop (a queued call), then closes the editor.
    qtbot.waitUntil(lambda: screen.grid.state() != QAbstractItemView.State.EditingState)


def type_into(qtbot, screen, row: int, key: str, text: str) -> None:
    """Open the cell's editor, type ``text`` and press Enter."""
    editor = open_editor(screen, row, key)
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, screen, editor)


def test_a_decimal_comma_typed_in_the_grid_is_refused_with_its_reason_and_changes_nothing(qtbot, services):
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    type_into(qtbot, screen, 0, lm.QTY, "2,5")
    assert screen.model.lines[0].qty == Decimal(1)  # not 25
    assert "'2,5' is ambiguous" in screen.line_error.text() and "Type 2.5" in screen.line_error.text()
    type_into(qtbot, screen, 0, lm.COST, "1,5")
    assert screen.model.lines[0].unit_cost is None and "'1,5' is ambiguous" in screen.line_error.text()


def commit_from_input_method(qtbot, screen, row: int, key: str, text: str) -> None:
    """Open the cell's editor, send ``text`` as a Chinese input method commits it (one event with the whole string,
    no key presses: QTest cannot type characters outside Latin-1) and press Enter."""
    editor = open_editor(screen, row, key)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)
    press_enter(qtbot, screen, editor)


def test_thousands_commas_and_a_decimal_point_are_read_in_the_grid(qtbot, services):
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog

    # glue sold by any quantity: a fraction of a product counted in whole units is refused (test_held_whole_units)
    catalog.update_product(services.uow(), cc.UpdateProduct("C-3", "Glue", category="chemicals", whole_units=False))
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "C-3")
    type_into(qtbot, screen, 0, lm.QTY, "1,250.5")
    type_into(qtbot, screen, 0, lm.COST, "2.25")
    line = screen.model.lines[0]
    assert (line.qty, line.unit_cost) == (Decimal("1250.5"), Decimal("2.25"))
    type_into(qtbot, screen, 0, lm.QTY, "12.5")
    assert screen.model.lines[0].qty == Decimal("12.5")


def test_the_grid_refusal_is_in_chinese_for_a_chinese_clerk(qtbot, services):
    from ui import i18n

    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    try:
        assert i18n.set_language(i18n.CHINESE, persist=False)
        type_into(qtbot, screen, 0, lm.QTY, "2,5")
        assert "“2,5”有歧义" in screen.line_error.text()
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)


def test_full_width_digits_from_a_chinese_input_method_reach_the_grid_and_are_read(qtbot, services):
    """A clerk whose input method is in full-width mode types １２ and １，２５０．５: the editor takes them (it used to
    drop every one of those keys, leaving the cell empty) and the line reads them as 12 and 1250.5."""
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog

    catalog.update_product(services.uow(), cc.UpdateProduct("C-3", "Glue", category="chemicals", whole_units=False))
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "C-3")
    commit_from_input_method(qtbot, screen, 0, lm.QTY, "１２")
    commit_from_input_method(qtbot, screen, 1, lm.QTY, "１，２５０．５")
    commit_from_input_method(qtbot, screen, 1, lm.COST, "２．２５")
    lines = screen.model.lines
    assert (lines[0].qty, lines[1].qty, lines[1].unit_cost) == (Decimal(12), Decimal("1250.5"), Decimal("2.25"))


def test_a_full_width_minus_sign_removes_on_an_adjustment(qtbot, services):
    from ui.screens.documents import AdjustScreen

    screen = open_screen(qtbot, services, AdjustScreen)
    scan(qtbot, screen, "A-1")
    commit_from_input_method(qtbot, screen, 0, lm.QTY, "－３")
    assert screen.model.lines[0].qty == Decimal(-3)


def test_what_an_input_method_commits_on_a_cell_not_being_typed_in_reaches_its_editor(qtbot, services):
    """Tab from the scan field puts the cursor on the quantity, not in an editor: the input method's １２ opens the
    editor with １２ in it (Qt opened it and dropped the text; Enter then kept the old 1), and so does 损坏 in 原因."""
    from ui.screens.documents import AdjustScreen

    screen = open_screen(qtbot, services, AdjustScreen)
    scan(qtbot, screen, "A-1")
    for key, text in ((lm.QTY, "－１２"), (lm.REASON, "损坏")):
        screen.grid.setCurrentIndex(screen.model.index(0, screen.model.column(key)))
        screen.grid.setFocus()
        assert screen.grid.state() != QAbstractItemView.State.EditingState
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(screen.grid, event)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == text
        press_enter(qtbot, screen, editor)
    assert (screen.model.lines[0].qty, screen.model.lines[0].reason) == (Decimal(-12), "损坏")
