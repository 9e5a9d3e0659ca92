"""The Reports screen's totals row (合计) stays in sight under the rows: the margin report's total scrolled away
with the rows, and a clerk matching it against a customer statement scrolled to the end and back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.integration.reports.conftest import shop  # noqa: F401 - the fixture
from tests.ui.test_reports_screen import _show
from tests.ui.test_reports_screen import screen  # noqa: F401 - the fixture: the Reports screen on the shop
from ui import report_build as rb


def test_the_total_is_pinned_under_the_rows_and_follows_the_sort_and_the_columns(qtbot, screen):  # noqa: F811
    screen.resize(1200, 300)
    screen.show()
    qtbot.waitExposed(screen)
    _show(qtbot, screen, rb.MARGIN, "product")
    model, pinned = screen.model, screen.total_row
    assert model.has_total() and pinned.isVisible()
    assert pinned.model().rowCount() == 1
    shown = [pinned.model().index(0, c).data() for c in range(model.columnCount())]
    assert shown[0] == "Total" and shown[model.column_of("with_tax")] == model.index(model.rowCount() - 1,
                                                                                      model.column_of("with_tax")).data()
    assert screen.table.isRowHidden(model.rowCount() - 1)  # not twice
    assert not any(screen.table.isRowHidden(r) for r in range(model.rowCount() - 1))
    assert pinned.geometry().top() >= screen.table.geometry().bottom()  # under the table, not inside it
    screen.table.scrollToTop()
    assert pinned.isVisible()
    screen.table.sortByColumn(model.column_of("revenue"), Qt.SortOrder.DescendingOrder)
    assert pinned.model().index(0, 0).data() == "Total" and screen.table.isRowHidden(model.rowCount() - 1)
    screen.table.horizontalHeader().resizeSection(2, 150)
    assert [pinned.columnWidth(c) for c in range(model.columnCount())] == [
        screen.table.columnWidth(c) for c in range(model.columnCount())]
    _show(qtbot, screen, rb.MARGIN, "customer")
    assert pinned.model().rowCount() == 1 and screen.table.isRowHidden(model.rowCount() - 1)
    assert [pinned.columnWidth(c) for c in range(model.columnCount())] == [
        screen.table.columnWidth(c) for c in range(model.columnCount())]
