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


def test_quantities_are_grouped_in_thousands_like_the_amounts_beside_them(qtbot):
    """The stock summary's 合计 read 70780 under 1,529,050.02, and a warehouse's 期初数量 12122: quantities were written
    without separators while every amount beside them had them. They are grouped now, on screen as in the PDF and the
    command line, with only the decimals they have."""
    from decimal import Decimal as D

    from ui.report_sheets import MONEY
    from ui.report_sheets import QTY
    from ui.report_sheets import Column
    from ui.report_sheets import Sheet
    from ui.report_sheets import text
    from ui.screens.reports.model import SheetModel

    sheet = Sheet("Stock summary", [], [Column("Warehouse", "warehouse"), Column("Opening qty", "opening_qty", QTY),
                                        Column("Opening value", "opening_value", MONEY)],
                  rows=[["BJ", D(12122), D("287903.67")], ["GZ", D("1250.50"), D("0.5")], ["SH", D("0.0111"), D(0)]],
                  total=["Total", D("13372.5111"), D("287904.17")])
    model = SheetModel()
    model.set_sheet(sheet)
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [["BJ", "12,122", "287,903.67"], ["GZ", "1,250.5", "0.50"], ["SH", "0.0111", "0.00"],
                     ["Total", "13,372.5111", "287,904.17"]]
    assert [text(v, QTY) for v in (D(0), D("-1200"), D("-0"), D("1E+3"))] == ["0", "-1,200", "0", "1,000"]
