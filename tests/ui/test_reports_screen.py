"""The Reports screen on the hand-computed shop (``tests/integration/reports/conftest.py``) in a real SQLite file:
it fills in the background, another report, period or grouping gives other rows, the total is the sum of the rows
and stays last when sorted, the ageing's bands, the exports write their files."""

from __future__ import annotations

import time
from contextlib import contextmanager
from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests import clock
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.conftest import shop  # noqa: F401 - the fixture
from ui import report_build as rb

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@contextmanager
def reports_screen(qtbot, services, monkeypatch):
    """The Reports screen on ``services``, its first report read, on UTC days until the block ends."""
    from ui.screens.reports import ReportsScreen

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    widget = ReportsScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.sheet is not None and not widget.working)
    try:
        yield widget
    finally:
        clock.machine_zone(monkeypatch)


@pytest.fixture
def screen(qtbot, shop, make_services, monkeypatch):  # noqa: F811 - the fixture
    with reports_screen(qtbot, make_services(), monkeypatch) as widget:
        yield widget


def _show(qtbot, screen, kind, by=None, first=FIRST, last=TODAY):
    screen.set_report(kind, by)
    screen.set_period(first, last)
    qtbot.waitUntil(lambda: not screen.working and screen.request is not None
                    and screen.request.kind == kind and screen.request.last == last
                    and (by is None or screen.request.grouping == by))
    qtbot.waitUntil(lambda: screen.sheet is not None and screen.model.sheet is screen.sheet)


def open_row_lines(qtbot, screen, row: int):
    """Double-click ``row`` of the shown report, as a clerk does; the lines window it opens, loaded."""
    from PySide6.QtTest import QTest

    screen.show()
    qtbot.waitExposed(screen)
    index = screen.model.index(row, 1)
    screen.table.scrollTo(index)
    at = screen.table.visualRect(index).center()
    QTest.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double click's first press
    QTest.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    from PySide6.QtWidgets import QApplication

    if QApplication.mouseButtons() != Qt.MouseButton.NoButton:  # the window the double click opened took its release:
        QTest.mouseRelease(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # the button is up again
    lines = screen.lines_window
    assert lines is not None and lines.isVisible()
    qtbot.waitUntil(lambda: lines.loaded)
    return lines


def _keys(screen) -> list[str]:
    return [screen.model.row_values(r)[0] for r in range(len(screen.model.rows))]


def test_the_stock_summary_fills_and_its_total_is_the_sum(qtbot, screen):
    _show(qtbot, screen, rb.STOCK_SUMMARY, "product")
    assert sorted(_keys(screen)) == ["CUP", "TEA"]
    model = screen.model
    assert model.rowCount() == 3 and model.is_total(2)
    closing = model.column_of("closing_value")
    assert model.row_values(2)[closing] == Decimal("78.5") == model.column_sum("closing_value")
    assert model.index(2, closing).data() == "78.50"  # money with two places
    assert model.index(0, closing).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_grouping_and_the_report_change_the_rows(qtbot, screen):
    _show(qtbot, screen, rb.STOCK_SUMMARY, "warehouse")
    assert sorted(_keys(screen)) == ["MAIN", "SHOP"]
    _show(qtbot, screen, rb.STOCK_SUMMARY, "category")
    assert sorted(_keys(screen)) == ["杯具", "茶叶"]
    _show(qtbot, screen, rb.MARGIN, "customer")
    assert sorted(_keys(screen)) == ["ACME", "WALK"]
    assert [screen.by.itemData(i) for i in range(screen.by.count())] == list(rb.GROUPINGS[rb.MARGIN])
    assert screen.chart.isVisibleTo(screen) and len(screen.chart.labels) == 2


def test_a_period_before_any_sale_has_no_margin_rows(qtbot, screen):
    _show(qtbot, screen, rb.MARGIN, "product", first=FIRST - timedelta(days=60), last=FIRST - timedelta(days=30))
    assert screen.model.rows == [] and screen.model.row_values(0)[screen.model.column_of("revenue")] == 0


def test_sorting_keeps_the_total_last(qtbot, screen):
    _show(qtbot, screen, rb.STOCK_SUMMARY, "product")
    model, closing = screen.model, screen.model.column_of("closing_value")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        screen.table.sortByColumn(closing, order)
        values = [model.row_values(r)[closing] for r in range(2)]
        assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
        assert model.index(2, 0).data() == "Total"


def test_the_ageing_bands_on_screen(qtbot, screen):
    screen.bands.setText("10,16,20")
    _show(qtbot, screen, rb.AGEING, "product")
    model = screen.model
    tea = next(model.row_values(r) for r in range(len(model.rows)) if model.row_values(r)[0] == "TEA")
    at = {c.key: i for i, c in enumerate(model.columns)}
    assert [tea[at[f"band_{i}_qty"]] for i in range(4)] == [0, 10, 1, 12]
    assert tea[at["band_3_value"]] == Decimal("34.70")
    total = model.row_values(len(model.rows))
    assert sum(total[at[f"band_{i}_value"]] for i in range(4)) == total[at["value"]] == Decimal("78.5")
    assert len(screen.chart.series) == 4  # the bands stacked
    assert not screen.first.isEnabled()  # a report on a day


def test_bad_bands_are_refused_naming_the_field(qtbot, screen):
    screen.set_report(rb.AGEING, "product")
    screen.bands.setText("60,30")
    screen.refresh()
    qtbot.waitUntil(lambda: "--bands" in screen.message.text())
    assert "60,30" in screen.message.text()


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_export_writes_the_shown_report(qtbot, screen, tmp_path, suffix):
    _show(qtbot, screen, rb.AGEING, "category")
    target = tmp_path / f"ageing{suffix}"
    written = []
    screen.export_to(target, written.append)
    qtbot.waitUntil(lambda: written == [target])
    assert target.stat().st_size > 1000


def test_quick_periods():
    from ui.screens.reports.screen import LAST_MONTH
    from ui.screens.reports.screen import THIS_MONTH
    from ui.screens.reports.screen import THIS_QUARTER
    from ui.screens.reports.screen import THIS_YEAR
    from ui.screens.reports.screen import quick_period

    day = date(2026, 3, 15)
    assert quick_period(THIS_MONTH, day) == (date(2026, 3, 1), date(2026, 3, 31))
    assert quick_period(LAST_MONTH, day) == (date(2026, 2, 1), date(2026, 2, 28))
    assert quick_period(LAST_MONTH, date(2026, 1, 5)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert quick_period(THIS_QUARTER, date(2026, 11, 2)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quick_period(THIS_YEAR, day) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_screen_is_for_roles_that_see_money():
    from ui.screens import SCREENS
    from ui.screens import may_see

    entry = next(e for e in SCREENS if e.key == "reports")
    assert not may_see(entry, "clerk") and may_see(entry, "purchaser") and may_see(entry, "manager")
    shortcuts = [e.shortcut for e in SCREENS]
    assert shortcuts.count(entry.shortcut) == 1


def test_double_clicking_a_product_opens_its_movements(qtbot, shop, make_services, monkeypatch):  # noqa: F811
    from ui.app import create_main_window

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    services = make_services()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_screen("reports")
    qtbot.waitUntil(lambda: screen.sheet is not None and not screen.loading)
    _show(qtbot, screen, rb.STOCK_SUMMARY, "product")
    row = next(r for r in range(len(screen.model.rows)) if screen.model.row_values(r)[0] == "TEA")
    screen.open_movements(screen.model.index(row, 1))
    movements = window.screens["movements"]
    assert window.current_key() == "movements" and movements.product.text() == "TEA"
    qtbot.waitUntil(lambda: not movements.loading and movements.model.rowCount() > 0)
    assert {r.sku for r in movements.model.rows} == {"TEA"}
    screen.open_movements(screen.model.index(len(screen.model.rows), 1))  # the total: nothing happens
    services.tasks.wait()
    clock.machine_zone(monkeypatch)


def test_a_product_of_a_report_for_one_warehouse_opens_its_movements_there_of_every_kind(
        qtbot, shop, make_services, monkeypatch):  # noqa: F811
    """The 出入库明细 behind a row add up to it: a summary for SHOP opens TEA's movements in SHOP (they were of every
    warehouse), of every kind whatever Movements was filtered to before; a stock status row opens its own
    warehouse's."""
    from ui.app import create_main_window

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    services = make_services()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    movements = window.show_screen("movements")
    qtbot.waitUntil(lambda: movements.warehouse.count() == 3)
    movements.kind.setCurrentIndex(1)  # left filtered to one kind
    movements.warehouse.setCurrentIndex(movements.warehouse.findData("MAIN"))
    screen = window.show_screen("reports")
    qtbot.waitUntil(lambda: screen.sheet is not None and not screen.loading)
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("SHOP"))
    _show(qtbot, screen, rb.STOCK_SUMMARY, "product")
    assert screen.request.warehouse == "SHOP"
    row = next(r for r in range(len(screen.model.rows)) if screen.model.row_values(r)[0] == "TEA")
    screen.open_movements(screen.model.index(row, 1))
    assert movements.warehouse.currentData() == "SHOP" and movements.kind.currentData() is None
    qtbot.waitUntil(lambda: not movements.loading and movements.model.rowCount() > 0)
    assert {(r.sku, r.warehouse) for r in movements.model.rows} == {("TEA", "SHOP")}
    moved = sum(r.qty for r in movements.model.rows)
    total = screen.model.row_values(row)
    closing, opening = total[screen.model.column_of("closing_qty")], total[screen.model.column_of("opening_qty")]
    assert moved == closing - opening

    screen.warehouse.setCurrentIndex(0)
    _show(qtbot, screen, rb.STATUS)
    row = next(r for r in range(len(screen.model.rows)) if screen.model.row_values(r)[:3:2] == ["TEA", "MAIN"])
    screen.open_movements(screen.model.index(row, 0))
    assert movements.warehouse.currentData() == "MAIN"
    services.tasks.wait()
    clock.machine_zone(monkeypatch)


def test_a_slow_mover_opens_its_movements_back_to_its_last_issue(qtbot, shop, make_services, monkeypatch):  # noqa: F811
    """A slow mover is idle for longer than the days Movements shows by itself: its row opens them from its last
    issue up to the report's day, so the issue that made it slow is in the list (it opened on the last 90 days,
    which hold none by the report's own definition)."""
    from ui.app import create_main_window

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    services = make_services()
    window = create_main_window(services)
    qtbot.addWidget(window)
    window.show()
    movements = window.show_screen("movements")
    movements.since.setDate(movements.until.date().addDays(-5))  # Movements left on its last days
    screen = window.show_screen("reports")
    qtbot.waitUntil(lambda: screen.sheet is not None and not screen.loading)
    screen.slow_days.setValue(15)
    _show(qtbot, screen, rb.SLOW)
    row = next(r for r in range(len(screen.model.rows)) if screen.model.row_values(r)[0] == "TEA")
    last_issue = screen.model.row_values(row)[screen.model.column_of("last_issue")]
    screen.open_movements(screen.model.index(row, 0))
    assert movements.since.date().toPython() <= last_issue
    assert movements.until.date().toPython() == screen.request.last
    qtbot.waitUntil(lambda: not movements.loading and movements.model.rowCount() > 0)
    issued = {r.occurred_at.astimezone().date() for r in movements.model.rows if r.qty < 0}
    assert last_issue in issued
    services.tasks.wait()
    clock.machine_zone(monkeypatch)


def test_opening_stock_imported_in_the_period_shows_as_opening_not_as_receipts(qtbot, shop, make_services,  # noqa: F811
                                                                               monkeypatch, tmp_path):
    """A sheet of opening stock (date left blank: today) for CUP in SHOP: the screen's 进销存汇总表 opens CUP with it
    (5 + 10 at 4.00) and its receipts stay what was received from suppliers (TEA's 10, CUP none)."""
    from domain.imports import guess_mapping
    from domain.imports import run_import
    from ui.screens.reports import ReportsScreen
    from ui.spreadsheets import read_table

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        sheet = tmp_path / "期初库存.csv"
        sheet.write_text("货号,仓库,数量,成本\nCUP,SHOP,10,4.00\n", encoding="utf-8")
        table = read_table(sheet)
        assert run_import(shop.uow(), "stock", table, guess_mapping("stock", table.headers)).added == 1
        widget = ReportsScreen(make_services())
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: widget.sheet is not None and not widget.working)
        _show(qtbot, widget, rb.STOCK_SUMMARY, "product")
        model = widget.model
        rows = {model.row_values(r)[0]: model.row_values(r) for r in range(len(model.rows))}
        cup, tea = rows["CUP"], rows["TEA"]
        assert (cup[model.column_of("opening_qty")], cup[model.column_of("opening_value")]) == (15, 60)
        assert cup[model.column_of("receipt_qty")] == 0 and tea[model.column_of("receipt_qty")] == 10
        assert (cup[model.column_of("closing_qty")], cup[model.column_of("closing_value")]) == (13, 52)
    finally:
        clock.machine_zone(monkeypatch)


def test_double_clicking_a_customer_in_the_margin_report_shows_its_sales_lines_for_the_period(qtbot, screen):
    """ACME bought 4 TEA at 5.00 and brought one back: its two lines, whose sums are its row of the report; the
    other customer's lines, and the lines before the period, are not among them."""
    _show(qtbot, screen, rb.MARGIN, "customer")
    model = screen.model
    row = next(r for r in range(len(model.rows)) if model.row_values(r)[0] == "ACME")
    lines = open_row_lines(qtbot, screen, row)
    assert [(r.sku, r.qty, r.revenue) for r in lines.model.rows] == [("TEA", Decimal(4), Decimal(20)),
                                                                      ("TEA", Decimal(-1), Decimal(-5))]
    values = model.row_values(row)
    assert lines.sums() == tuple(values[model.column_of(key)] for key in ("qty", "revenue", "cost", "margin"))
    assert "2 line(s)" in lines.totals.text() and "revenue 15.00" in lines.totals.text()
    assert "ACME Acme Trading" in lines.heading.text() and FIRST.isoformat() in lines.heading.text()
    lines.close()
    assert screen.open_customer_lines(model.index(len(model.rows), 1)) is None  # the total: nothing to open


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_every_field_of_the_reports_screen_has_its_alt_key(qtbot, screen, language, request):
    """Report, Period, From, to, By, Warehouse and each report's option had no key and no buddy: a bookkeeper turning
    from the stock summary to the margin of last month by warehouse went by Tab from the top each time."""
    from PySide6.QtWidgets import QApplication

    request.getfixturevalue(language)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen and not screen.working)
    alt = Qt.KeyboardModifier.AltModifier
    for key, field in ((Qt.Key.Key_R, screen.kind), (Qt.Key.Key_D, screen.quick), (Qt.Key.Key_M, screen.first),
                       (Qt.Key.Key_T, screen.last), (Qt.Key.Key_B, screen.by), (Qt.Key.Key_W, screen.warehouse)):
        qtbot.keyClick(QApplication.focusWidget() or screen, key, alt)
        assert QApplication.focusWidget() is field, key
    for kind, key, field in ((rb.RANKING, Qt.Key.Key_O, screen.top), (rb.SLOW, Qt.Key.Key_I, screen.slow_days),
                             (rb.AGEING, Qt.Key.Key_N, screen.bands), (rb.STATUS, Qt.Key.Key_A, screen.last)):
        screen.set_report(kind, None)
        qtbot.waitUntil(lambda: not screen.working)
        qtbot.keyClick(QApplication.focusWidget() or screen, key, alt)
        assert QApplication.focusWidget() is field, kind
