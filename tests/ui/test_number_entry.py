"""Typing numbers into the document grid: a comma is a thousands separator or it is refused, never a decimal point."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
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


def type_into(qtbot, screen, row: int, key: str, text: str) -> None:
    """Open the cell's editor as a double click would, type ``text`` and press Enter."""
    index = screen.model.index(row, screen.model.column(key))
    screen.grid.setCurrentIndex(index)
    screen.grid.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop (a queued call), then closes the editor.
    qtbot.waitUntil(lambda: screen.grid.state() != QAbstractItemView.State.EditingState)


def test_a_decimal_comma_typed_in_the_grid_is_refused_with_its_reason_and_changes_nothing(qtbot, services):
    screen = open_screen(qtbot, services, ReceiveScreen)
    scan(qtbot, screen, "A-1")
    type_into(qtbot, screen, 0, lm.QTY, "2,5")
    assert screen.model.lines[0].qty == Decimal(1)  # not 25
    assert "'2,5' is ambiguous" in screen.line_error.text() and "Type 2.5" in screen.line_error.text()
    type_into(qtbot, screen, 0, lm.COST, "1,5")
    assert screen.model.lines[0].unit_cost is None and "'1,5' is ambiguous" in screen.line_error.text()


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
