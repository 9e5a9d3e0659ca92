"""A held receipt comes back as it was shown: a suggested unit cost stays a suggestion (grey, italic, its source in
the tooltip), the one that was suggested then, and a line's refusal stays marked on it. Resumed, the cost read as typed
by the clerk, and choosing another supplier no longer suggested a price for it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.stock.cost_hint import CostSource
from domain.stock.cost_hint import CostSuggestion
from domain.stock.cost_hint import PriceSeen
from domain.stock.held import HeldLine
from domain.stock.held import lines_from_json
from domain.stock.held import lines_json
from tests.ui.test_documents import document_services
from tests.ui.test_documents import scan
from tests.ui.test_held_documents import held
from tests.ui.test_held_documents import saved
from tests.ui.test_receive_cost_hint import bought
from tests.ui.test_receive_cost_hint import cost_cell
from tests.ui.test_receive_cost_hint import receive_screen

FONT, TIP, BACK = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def services(db, qapp, tmp_path):
    yield from document_services(db, tmp_path)


def test_a_held_lines_suggested_cost_and_refusal_travel_as_exact_json():
    seen = PriceSeen(Decimal("12.3456"), date(2026, 11, 20), "SUP", "GR-2026-00001")
    lines = (HeldLine("p1", "A-1", "螺丝刀", "pcs", Decimal(2), Decimal("12.3456"),
                      cost_hint=CostSuggestion(Decimal("12.3456"), CostSource.SUPPLIER, seen)),
             HeldLine("p2", "B-2", "Hammer", "pcs", Decimal(1), Decimal("3.5"),
                      cost_hint=CostSuggestion(Decimal("3.5"), CostSource.AVERAGE), error="line 2: not enough stock"))
    assert lines_from_json(lines_json(lines)) == lines
    damaged = lines_json(lines).replace('"supplier","seen"', '"guessed","seen"', 1)
    assert [x.sku for x in lines_from_json(damaged)] == ["B-2"]  # a hint not understood drops its line


def shown(screen, row: int = 0) -> tuple:
    line, cell = screen.model.lines[row], cost_cell(screen, row)
    return line.unit_cost, line.cost_hint, cell.data(), cell.data(FONT), cell.data(TIP)


def test_a_resumed_receipt_shows_the_suggested_cost_it_was_held_with(qtbot, services):
    bought(services, "A-1", "12.50", "SUP", date(2026, 11, 20))
    screen = receive_screen(qtbot, services)
    qtbot.waitUntil(lambda: screen.partner.count() == 2)
    screen.partner.setEditText("SUP — Supplier")
    scan(qtbot, screen, "A-1")
    scan(qtbot, screen, "B-2")
    qtbot.waitUntil(lambda: screen.model.lines[0].cost_hint is not None)
    before = shown(screen)
    assert before[0] == Decimal("12.50") and before[3].italic() and before[4].startswith("Filled in: SUP's")
    assert screen.model.lines[1].unit_cost is None  # never bought: nothing to suggest
    screen.model.set_error(2, "line 2: enter the unit cost")
    qtbot.keyClick(screen.scan, Qt.Key.Key_F8)
    services.tasks.wait()
    assert screen.model.rowCount() == 0

    bought(services, "A-1", "14", "SUP", date(2026, 11, 25))  # a newer price meanwhile: the held one stands
    screen.pick_held = lambda labels: labels[0]
    qtbot.keyClick(screen.scan, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    qtbot.waitUntil(lambda: not screen._resuggest.isActive())  # what choosing a supplier would suggest came
    saved(qtbot, screen)
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    after = shown(screen)
    assert after[:3] == before[:3] and after[3].italic() and after[4] == before[4]
    assert screen.model.lines[1].error == "line 2: enter the unit cost"
    assert screen.model.index(1, 0).data(BACK) is not None
    [doc] = held(services, "receipt")
    assert doc.active and doc.lines[0].cost_hint == before[1]

    screen.partner.setEditText("")  # still a suggestion: another supplier suggests again
    qtbot.waitUntil(lambda: screen.model.lines[0].unit_cost == Decimal(14))
    assert cost_cell(screen).data(FONT).italic()
