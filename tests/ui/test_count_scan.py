"""A count sheet filled by scanning alone: each product scanned shows what the warehouse holds and the difference."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.stock import commands as sc
from domain.stock import ledger
from tests.ui.test_documents import document_services
from tests.ui.test_documents import open_screen
from tests.ui.test_documents import scan


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def test_a_product_scanned_onto_the_sheet_shows_its_expected_quantity_and_difference(qtbot, services, db):
    """The sheet left Expected blank and said "with a difference: 0" for a shelf counted 2 against 5 on hand; the
    posting then took 3 off without the clerk having seen it."""
    from ui.screens.documents import CountScreen

    ledger.receive(db.uow(), sc.ReceiveStock("A-1", "5", "W1", "1"))
    screen = open_screen(qtbot, services, CountScreen)
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    for code in ("A-1", "A-1", "B-2"):
        scan(qtbot, screen, code)
    qtbot.waitUntil(lambda: all(line.expected is not None for line in screen.model.lines))
    assert [(line.sku, line.expected, line.counted, line.difference) for line in screen.model.lines] == [
        ("A-1", Decimal(5), Decimal(2), Decimal(-3)), ("B-2", Decimal(0), Decimal(1), Decimal(1))]
    assert "with a difference: 2" in screen.totals.text()


def test_undoing_a_second_scan_made_before_the_expected_quantity_came_keeps_the_expected_quantity(
        qtbot, services, db):
    """Two quick scans of a product: the second kept a copy of the line for Ctrl+Z before the expected quantity
    arrived, and the undo put that copy back with Expected blank."""
    from PySide6.QtCore import Qt

    from ui.screens.documents import CountScreen

    ledger.receive(db.uow(), sc.ReceiveStock("A-1", "5", "W1", "1"))
    screen = open_screen(qtbot, services, CountScreen)
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "A-1")  # no event delivered in between: the expected quantity is still on its way
    assert screen.model.lines[0].expected is None
    qtbot.waitUntil(lambda: screen.model.lines[0].expected is not None)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    line = screen.model.lines[0]
    assert (line.counted, line.expected, line.difference) == (Decimal(1), Decimal(5), Decimal(-4))


def test_a_line_removed_before_its_expected_quantity_came_has_it_when_ctrl_z_puts_it_back(qtbot, services, db):
    from ui.screens.documents import CountScreen

    ledger.receive(db.uow(), sc.ReceiveStock("A-1", "5", "W1", "1"))
    screen = open_screen(qtbot, services, CountScreen)
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("W1"))
    scan(qtbot, screen, "A-1")
    screen.model.remove_rows([0])
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    assert screen.undo()
    assert [(x.sku, x.expected) for x in screen.model.lines] == [("A-1", Decimal(5))]
