"""The dashboard screen on the hand-computed ledger of ``tests/integration/reports/dashboard_ledger.py``: it fills
(the first figures, then the rest in the background), the period selector changes the figures, a tile opens its
list, and it is the first screen of a role that sees money."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from tests import clock
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    clock.machine_zone(monkeypatch)


@pytest.fixture
def screen(db, make_services, qtbot, utc):
    from ui.screens.dashboard import DashboardScreen

    build(db)
    widget = DashboardScreen(make_services(), today=TODAY)
    qtbot.addWidget(widget)
    widget.set_custom(FIRST, TODAY)
    qtbot.waitUntil(lambda: widget.complete, timeout=60_000)
    return widget


def test_the_dashboard_fills_every_tile_and_chart(screen):
    t = screen.tiles
    assert t["fill"].value.text() == "80.95%"
    assert "33.33% (1 of 3)" in t["fill"].detail.text()
    assert t["lost"].value.text() == "35.00"
    assert t["stockouts"].value.text() == "3"
    assert t["value"].value.text() == "72.00" and "-8.00 since" in t["value"].detail.text()
    assert t["dead"].value.text() == "20.00" and t["excess"].value.text() == "20.00"
    assert t["turnover"].value.text() == "0.63×"  # 48.00 ÷ 76.00
    assert t["alerts"].value.text().isdigit()
    assert screen.value_chart.values()[:3] == [80.0, 72.0, 52.0] and len(screen.value_chart.values()) == 21
    assert screen.cover_chart.heights() == [39.0, 21.0]  # 杯具 (the most cost) first, then 茶叶
    assert not screen.progress.isVisible() and screen.status.text() == ""
    assert [screen.warehouse.itemData(i) for i in range(screen.warehouse.count())] == ["", "MAIN", "SHOP"]


def test_the_period_selector_and_the_warehouse_change_the_figures(screen, qtbot):
    screen.set_custom(FIRST + timedelta(days=3), TODAY)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.tiles["stockouts"].value.text() == "2"  # days 3 and 4
    assert len(screen.value_chart.values()) == 18
    screen.set_span("week")
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.period().first == TODAY - timedelta(days=6)
    assert screen.tiles["stockouts"].value.text() == "0"
    assert screen.tiles["fill"].value.text() == "0.00%"  # only the 2 TEA cut today were asked for
    screen.set_span("custom")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("SHOP"))
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.tiles["value"].value.text() == "0.00"


def test_a_tile_opens_the_list_it_counts(screen, qtbot):
    from PySide6.QtCore import Qt

    qtbot.mouseClick(screen.tiles["fill"], Qt.MouseButton.LeftButton)
    assert screen.dialog is not None and screen.dialog.model.rowCount() == 3
    qtbot.mouseClick(screen.tiles["lost"], Qt.MouseButton.LeftButton)
    assert [r.sku for r in screen.dialog.model.rows] == ["CUP", "TEA"]
    qtbot.mouseClick(screen.tiles["stockouts"], Qt.MouseButton.LeftButton)
    assert screen.dialog.model.rows[0].days == 3
    qtbot.mouseClick(screen.tiles["dead"], Qt.MouseButton.LeftButton)
    assert [r.sku for r in screen.dialog.model.rows] == ["OLD"]
    qtbot.mouseClick(screen.tiles["excess"], Qt.MouseButton.LeftButton)
    assert screen.dialog.model.rowCount() == 2
    qtbot.mouseClick(screen.tiles["turnover"], Qt.MouseButton.LeftButton)
    assert screen.dialog.windowTitle() == "Turnover by category" and screen.dialog.model.rowCount() == 2


def test_the_dashboard_is_the_first_screen_for_money_and_a_tile_opens_another_screen(db, make_services, qtbot, utc):
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow

    build(db)
    window = MainWindow(make_services())
    qtbot.addWidget(window)
    window.show()
    assert window.current_key() == "dashboard"
    screen = window.screens["dashboard"]
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    screen.tiles["alerts"].setFocus()
    qtbot.keyClick(screen.tiles["alerts"], Qt.Key.Key_Return)
    assert window.current_key() == "replenishment"
    # the alerts the tile counted are planned, not an empty list waiting for F5
    replenishment = window.screens["replenishment"]
    assert replenishment.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: replenishment.run_button.isEnabled(), timeout=60_000)
    assert f": {screen.tiles['alerts'].value.text()} alert(s)" in replenishment.status.text()  # "Planned for …: 0"
    window.show_screen("dashboard")
    qtbot.mouseClick(screen.tiles["receivables"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "receivables" and window.screens["receivables"].overdue_only.isChecked()
    window.show_screen("dashboard")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("MAIN"))
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    qtbot.mouseClick(screen.tiles["value"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "stock" and window.screens["stock"].warehouse.currentData() == "MAIN"
    window.screen_actions["dashboard"].trigger()
    assert window.current_key() == "dashboard"


def test_the_backorders_tile_counts_the_customers_waiting_and_opens_everyone_s_backorder_list(db, make_services,
                                                                                               qtbot, utc):
    from PySide6.QtCore import Qt

    from tests.integration.reports.dashboard_ledger import add_backorders
    from ui import i18n
    from ui.main_window import MainWindow

    add_backorders(build(db))
    window = MainWindow(make_services())
    qtbot.addWidget(window)
    window.show()
    screen = window.screens["dashboard"]
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    tile = screen.tiles["backorders"]
    assert tile.title.text() == "Backordered lines" and tile.value.text() == "2"
    assert tile.detail.text() == "Customers waiting: 2; lines with no PO yet: 2"
    assert i18n.set_language(i18n.CHINESE, persist=False)
    try:  # the screens retranslate on the language-change event
        qtbot.waitUntil(lambda: tile.title.text() == "欠货订单行")
        assert tile.detail.text() == "等货客户 2 家；尚无采购订单 2 行"
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)  # the sales screen's list, every customer's
    assert window.current_key() == "sales"
    dialog = screen.dialog
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.customer.currentData() is None and dialog.proxy.rowCount() == 2
    dialog.close()
    window.show_screen("dashboard")
    screen.warehouse.setCurrentIndex(screen.warehouse.findData("SHOP"))
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert tile.value.text() == "0"  # both wait in MAIN


def test_a_clerk_keeps_the_stock_screen_first(make_services, qtbot):
    from ui.main_window import MainWindow

    services = make_services()
    services.role = "clerk"
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.current_key() == "stock"
    assert window.nav.item(0).isHidden()


def test_the_dashboard_plans_only_when_no_run_stored_its_alerts_and_then_reads_the_stored_summary(db, make_services,
                                                                                                    qtbot, utc):
    from ui.screens.dashboard import DashboardScreen

    build(db)
    services = make_services()
    runs = []
    plan = services.dashboard.plan_alerts

    def counted(*args, **kwargs):
        runs.append(args)
        return plan(*args, **kwargs)

    services.dashboard.plan_alerts = counted
    screen = DashboardScreen(services, today=TODAY)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    shown = screen.tiles["alerts"].value.text()
    assert runs == [(TODAY,)] and screen.figures["alert_state"] == "current"
    assert "Planned " in screen.tiles["alerts"].detail.text() and not screen.tiles["alerts"].property("out_of_date")
    screen.set_span("quarter")
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert runs == [(TODAY,)] and screen.tiles["alerts"].value.text() == shown  # read, not planned again


def test_the_alerts_of_a_replenishment_run_show_and_say_when_the_data_changed_since(db, make_services, qtbot, utc):
    from domain.stock import commands as c
    from domain.stock import ledger
    from ui.screens.dashboard import DashboardScreen
    from ui.screens.replenishment.run import run_plan

    build(db)
    services = make_services()
    result = run_plan(services.planning, services.purchasing, TODAY, 104)
    alerts = [r for r in result.rows if getattr(r, "alert", None) is not None]
    services.dashboard.plan_alerts = lambda *a, **k: pytest.fail("a summary is stored: the dashboard must not plan")
    screen = DashboardScreen(services, today=TODAY)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.tiles["alerts"].value.text() == str(len(alerts))
    assert screen.figures["alert_state"] == "current"
    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    assert screen.figures["alert_state"] == "data changed" and screen.tiles["alerts"].property("out_of_date")
    assert "Out of date: the data changed" in screen.tiles["alerts"].detail.text()
    later = DashboardScreen(services, today=TODAY + timedelta(days=1))
    qtbot.addWidget(later)
    qtbot.waitUntil(lambda: later.complete, timeout=60_000)
    assert later.figures["alert_state"] == "new day" and "Replenishment" in later.tiles["alerts"].detail.text()


def test_counts_on_the_tiles_are_grouped_by_thousands_as_the_amounts_beside_them(screen):
    from types import SimpleNamespace

    screen.figures["stockout_rows"] = [SimpleNamespace(days=2_400, out_now=True)] * 2
    screen._show("stockouts")
    assert screen.tiles["stockouts"].value.text() == "4,800"  # was 4800, beside 1,361,808.91


def test_a_tile_reached_with_tab_shows_that_it_has_the_focus_and_enter_opens_it(qtbot):
    """Tab went from tile to tile with nothing to see, so a clerk at the keyboard could not tell which figure Enter
    would open: the tile with the focus has a thicker blue frame."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout
    from PySide6.QtWidgets import QWidget

    from ui.screens.dashboard.screen import Tile

    holder = QWidget()
    qtbot.addWidget(holder)
    first, second = Tile("sales", holder), Tile("alerts", holder)
    row = QHBoxLayout(holder)
    row.addWidget(first)
    row.addWidget(second)
    for tile in (first, second):
        tile.title.setText("Open reorder alerts")
        tile.show_figure("2,137")
    holder.show()
    holder.activateWindow()
    qtbot.waitExposed(holder)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    plain = second.grab().toImage()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(second.hasFocus)
    focused = second.grab().toImage()
    assert focused != plain
    assert focused.pixelColor(1, focused.height() // 2).name() == "#1f6feb"  # the frame's second pixel: blue
    with qtbot.waitSignal(second.clicked):
        qtbot.keyClick(second, Qt.Key.Key_Return)
