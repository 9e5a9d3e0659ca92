"""Received, not invoiced (暂估入库) on the Reports screen, over the buying shop of
``tests/integration/reports/purchase_shop.py``: chosen from the report box by its Alt key, read on one day (no
first day, no warehouse), each supplier's subtotal bold under its receipts, the PDF exported."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture
from tests.ui.test_reports_screen import reports_screen
from ui import report_build as rb

pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal


@pytest.fixture
def screen(qtbot, buying, make_services, monkeypatch):  # noqa: F811 - the fixture
    with reports_screen(qtbot, make_services(), monkeypatch) as widget:
        yield widget


def test_the_report_lists_the_receipts_not_invoiced_with_each_suppliers_subtotal(qtbot, screen, tmp_path):
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.keyClick(screen, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 报表(&R): the report box
    assert QApplication.focusWidget() is screen.kind
    screen.kind.setCurrentIndex(screen.kind.findData(rb.UNINVOICED))
    assert screen.kind.currentText() == "Received, not invoiced"
    screen.set_period(TODAY, TODAY)
    qtbot.waitUntil(lambda: not screen.working and screen.request is not None
                    and screen.request.kind == rb.UNINVOICED and screen.model.sheet is screen.sheet)
    assert not screen.first.isEnabled() and not screen.warehouse.isEnabled()
    model = screen.model
    subtotals = [r for r in range(len(model.rows)) if model.is_subtotal(r)]
    assert [model.row_values(r)[0] for r in subtotals] == ["NB", "US1"]
    nb = model.row_values(subtotals[0])
    assert (nb[model.column_of("qty")], nb[model.column_of("value")], nb[model.column_of("amount")]) == (
        D(165), D("197.40"), D("223.06"))
    assert model.index(subtotals[0], 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    total = model.row_values(len(model.rows))
    assert total[model.column_of("amount")] == D("1025.36")
    target = tmp_path / "uninvoiced.pdf"
    screen.export_to(target)
    qtbot.waitUntil(lambda: "Wrote" in screen.message.text())
    assert target.read_bytes().startswith(b"%PDF")
