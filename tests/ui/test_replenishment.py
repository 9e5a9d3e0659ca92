"""The Replenishment screen on a small ledger built with the use cases.

Planning day Wednesday 2026-06-03 over 20 weeks of history (as tests/integration/planning/test_planning.py):

* LOW ships 10 a day from MAIN and has 50 left: 5 days, less than NB's 14-day lead time → critical,
  reorder point 70 × 2 weeks = 140 (no forecast error: no safety stock), order up to s + 2·d·R = 280,
  280 − 50 = 230 raised to multiples of 12 = 240;
* LOW2 ships 5 a day from WEST and has 60 left: 12 days, more than SH's 7-day lead time → normal;
* STEADY ships 10 a day from MAIN with 600 left: no alert.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from domain.catalog.packs import round_order_qty
from domain.planning import run as planning
from persistence.planning.queries import reader
from tests import clock
from tests.planning_data import DAYS
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship
from ui.screens.purchasing import draft_tag
from ui.screens.replenishment import ReplenishmentModel
from ui.screens.replenishment import ReplenishmentScreen
from ui.screens.replenishment import model_text
from ui.screens.replenishment import rounding_text

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    def daily(day):
        yield ship("LOW", 10, "MAIN", day)
        yield ship("LOW2", 5, "WEST", day)
        yield ship("STEADY", 10, "MAIN", day)

    return business(
        tmp_path_factory.mktemp("replenishment") / "template.sqlite3", suppliers={"NB": 14, "SH": 7},
        products={"LOW": "NB", "LOW2": "SH", "STEADY": "NB"},
        opening={("LOW", "MAIN"): 10 * DAYS + 50, ("LOW2", "WEST"): 5 * DAYS + 60, ("STEADY", "MAIN"): 10 * DAYS + 600},
        daily=daily)


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path, "replenishment.sqlite3")
    yield database
    database.close()


@pytest.fixture
def screen(qtbot, make_services):
    widget = ReplenishmentScreen(make_services())
    widget.today, widget.weeks = TODAY, WEEKS
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def _run(qtbot, screen) -> None:
    screen.refresh()
    assert not screen.run_button.isEnabled() and screen.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)


def _rows(screen) -> dict[tuple[str, str], object]:
    return {(r.sku, r.warehouse): r for r in screen.proxy.visible_rows()}


def _text(screen, sku: str, column: int) -> str:
    row = next(i for i in range(screen.proxy.rowCount())
               if screen.proxy.index(i, ReplenishmentModel.SKU).data() == sku)
    return screen.proxy.index(row, column).data()


def test_running_planning_shows_a_critical_alert_for_the_item_that_runs_out_with_its_reorder_point(qtbot, screen):
    _run(qtbot, screen)
    rows = _rows(screen)
    assert set(rows) == {("LOW", "MAIN"), ("LOW2", "WEST")}  # STEADY has 60 days of stock: no alert
    m = ReplenishmentModel
    assert _text(screen, "LOW", m.SEVERITY) == "critical" and _text(screen, "LOW2", m.SEVERITY) == "normal"
    assert _text(screen, "LOW", m.REORDER) == "140" and _text(screen, "LOW", m.QTY) == "240"
    assert _text(screen, "LOW", m.STOCKOUT) == "2026-06-08" and _text(screen, "LOW", m.SUPPLIER) == "NB"
    low_row = next(i for i in range(screen.proxy.rowCount()) if screen.proxy.index(i, 0).data() == "LOW")
    colours = {screen.proxy.index(i, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
               for i in range(screen.proxy.rowCount())}
    assert len(colours) == 2  # critical and normal are coloured differently

    screen.table.selectRow(low_row)
    text = screen.explanation.toPlainText()
    assert "Reorder point s" in text and "140" in text
    assert "Safety stock" in text and "Lead time (days)" in text and "14" in text
    assert "230 raised to 240 (order multiple 12)" in text
    assert "Lead time from\nsupplier terms" in text

    qtbot.waitUntil(lambda: screen.chart.data is not None and screen.chart.data.title.startswith("LOW "))
    chart = screen.chart
    xs, ys = chart.history.getData()
    assert len(xs) == WEEKS and ys[0] == pytest.approx(70.0)
    fx, fy = chart.forecast.getData()
    assert len(fx) > 0 and fy[0] == pytest.approx(70.0) and fx[0] > xs[-1]
    tx, ty = chart.fitted.getData()  # the chosen method's one-week-ahead values over the history
    assert list(tx) == list(xs) and ty[-1] == pytest.approx(70.0)
    assert screen.chart.data.band_quantiles == (0.1, 0.9)
    lx, ly = chart.band_low.getData()
    hx, hy = chart.band_high.getData()
    assert len(lx) == len(fx) and len(hx) == len(fx) and all(h >= lo for lo, h in zip(ly, hy, strict=True))
    assert chart.band.curves is not None
    assert chart.reorder_line.value() == pytest.approx(140.0) and chart.reorder_line.isVisible()
    px, py = chart.projected.getData()
    assert py[0] == pytest.approx(50.0)  # available stock today, then falling by the forecast
    screen.show()
    qtbot.waitExposed(screen)
    assert not screen.grab().isNull()  # the chart and its legend paint


def test_the_chart_marks_censored_weeks_and_draws_the_forecast_band_between_two_quantiles(qtbot):
    from ui.widgets.forecast_chart import ForecastChart
    from ui.widgets.forecast_chart import chart_data

    forecast = SimpleNamespace(mean=[4.0, 4.0], quantiles={0.1: [2.0, 1.5], 0.5: [4.0, 4.0], 0.9: [6.0, 7.0]},
                               fitted=[2.5, float("nan"), 4.5])
    item = SimpleNamespace(sku="X", name="Thing", warehouse="MAIN", history=[3.0, float("nan"), 5.0],
                           week_starts=[date(2026, 5, 11), date(2026, 5, 18), date(2026, 5, 25)], forecast=forecast,
                           explanation={"on_hand": Decimal(10), "reserved": Decimal(2), "on_order": Decimal(12),
                                        "lead_time_days": 7, "reorder_point": Decimal(8), "safety_stock": Decimal(3),
                                        "today": date(2026, 6, 3)})
    data = chart_data(item)
    assert len(data.censored_x) == 1 and data.censored_x[0] == data.history_x[1]
    assert list(data.band_low) == [2.0, 1.5] and list(data.band_high) == [6.0, 7.0]
    assert data.band_quantiles == (0.1, 0.9)  # the 10–90 % interval
    assert data.fitted_y[0] == 2.5 and math.isnan(data.fitted_y[1]) and data.fitted_y[2] == 4.5
    assert data.projected_y[0] == 8.0 and data.projected_y[7] == pytest.approx(8.0 - 4.0 + 12.0)
    chart = ForecastChart()
    qtbot.addWidget(chart)
    chart.set_data(data)
    assert len(chart.censored.opts["x0"]) == 1
    assert (chart.reorder_line.value(), chart.safety_line.value()) == (8.0, 3.0)
    fx, fy = chart.fitted.getData()
    assert list(fx) == list(data.history_x) and fy[2] == 4.5
    labels = [label.text for _, label in chart.legend.items]
    assert "Fitted (one week ahead)" in labels and "Forecast 10–90 %" in labels
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart.grab().isNull()


def test_a_projected_stock_below_zero_ends_inside_the_chart_not_on_its_bottom_edge(qtbot):
    """A product short of stock before its order can come: the projected stock falls below zero over the lead time.
    The quantity axis reached exactly its lowest point, so the line ran into the bottom edge and read as cut off."""
    from ui.widgets.forecast_chart import ForecastChart
    from ui.widgets.forecast_chart import chart_data

    forecast = SimpleNamespace(mean=[45.0, 45.0, 45.0], quantiles={0.1: [30.0] * 3, 0.9: [60.0] * 3}, fitted=None)
    item = SimpleNamespace(sku="X", name="Thing", warehouse="MAIN", history=[50.0, 40.0, 45.0],
                           week_starts=[date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)], forecast=forecast,
                           explanation={"on_hand": Decimal(40), "reserved": Decimal(0), "on_order": Decimal(0),
                                        "lead_time_days": 7, "reorder_point": Decimal(136), "safety_stock": Decimal(99),
                                        "today": date(2026, 12, 7)})
    data = chart_data(item)
    lowest = float(data.projected_y.min())
    assert lowest == pytest.approx(40 - 90)  # two weeks of 45 from 40 on hand
    chart = ForecastChart()
    qtbot.addWidget(chart)
    chart.set_data(data)
    (_, _), (bottom, top) = chart.plot.getViewBox().viewRange()
    assert bottom < lowest - 0.05 * (top - bottom) and top >= 136


def test_the_chart_legend_sits_under_the_plot_clear_of_the_data_at_any_width(qtbot):
    """In the plot's top left the legend covered the history; under the plot it covers nothing, and it takes fewer
    columns when the chart is narrow instead of pushing the newest weeks past the right edge."""
    from ui.widgets.forecast_chart import ForecastChart
    from ui.widgets.forecast_chart import chart_data

    starts = [date(2025, 6, 2) + (date(2025, 6, 9) - date(2025, 6, 2)) * i for i in range(60)]
    forecast = SimpleNamespace(mean=[30.0] * 13, quantiles={0.1: [20.0] * 13, 0.9: [40.0] * 13}, fitted=None)
    item = SimpleNamespace(sku="X", name="Thing", warehouse="MAIN", history=[30.0 + i % 7 for i in range(60)],
                           week_starts=starts, forecast=forecast,
                           explanation={"on_hand": Decimal(60), "reserved": Decimal(0), "on_order": Decimal(0),
                                        "lead_time_days": 7, "reorder_point": Decimal(45), "safety_stock": Decimal(9),
                                        "today": date(2026, 7, 27)})
    chart = ForecastChart()
    qtbot.addWidget(chart)
    chart.set_data(chart_data(item))
    chart.show()
    qtbot.waitExposed(chart)
    plot = chart.plot.getPlotItem()

    def laid_out(width: int) -> bool:
        view, legend = plot.vb.sceneBoundingRect(), chart.legend.sceneBoundingRect()
        return (chart.width() == width and legend.top() >= view.bottom() and not legend.intersects(view)
                and legend.right() <= chart.plot.width() + 1 and view.right() <= chart.plot.width() + 1)

    columns = {}
    for width in (1000, 650, 420):
        chart.resize(width, 380)
        qtbot.waitUntil(lambda w=width: laid_out(w))
        columns[width] = chart.legend.columnCount
    assert columns[1000] == 4 and columns[420] < 4


def test_the_filters_and_search_narrow_the_alerts(qtbot, screen):
    _run(qtbot, screen)

    def pick(name: str, data) -> set:
        combo = screen.filters[name]
        combo.setCurrentIndex(combo.findData(data))
        return {sku for sku, _ in _rows(screen)}

    assert pick("severity", "normal") == {"LOW2"}
    assert pick("severity", "critical") == {"LOW"}
    assert pick("severity", None) == {"LOW", "LOW2"}
    assert pick("supplier", "SH") == {"LOW2"}
    assert pick("supplier", None) == {"LOW", "LOW2"}
    assert pick("warehouse", "MAIN") == {"LOW"}
    assert pick("warehouse", None) == {"LOW", "LOW2"}
    assert pick("class", "smooth") == {"LOW", "LOW2"}
    assert pick("class", "lumpy") == set()
    screen.filters["class"].setCurrentIndex(0)
    screen.search.setText("low2")
    assert {sku for sku, _ in _rows(screen)} == {"LOW2"}


def test_ticked_suggestions_become_drafts_with_the_edited_quantity_and_stay_listed_as_ordered(qtbot, screen, db):
    _run(qtbot, screen)
    model, proxy = screen.model, screen.proxy
    assert model.chosen() == [] and not screen.create_button.isEnabled()  # nothing is ticked by itself
    by_sku = {proxy.index(i, 0).data(): i for i in range(proxy.rowCount())}
    assert proxy.setData(proxy.index(by_sku["LOW"], 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not proxy.setData(proxy.index(by_sku["LOW"], model.QTY), "-3")
    assert "Suggested qty" in model.edit_error
    assert proxy.setData(proxy.index(by_sku["LOW"], model.QTY), "180")
    assert [(s.sku, s.qty) for s in model.chosen()] == [("LOW", Decimal(180))]
    assert screen.create_button.isEnabled()

    asked, told = [], []
    screen.confirm = lambda text: asked.append(text) or True
    screen.notify = told.append
    screen.create_orders()
    qtbot.waitUntil(lambda: bool(asked))
    assert "NB Trading NB MAIN 1" in words(asked[0])
    qtbot.waitUntil(lambda: bool(told) and screen.run_button.isEnabled(), timeout=60_000)
    [draft] = screen.last_drafts
    # the question named the draft's amount before it was made: the one the draft came to
    assert f"NB Trading NB MAIN 1 {draft.amount:,.2f} CNY LOW Low × 180" in words(asked[0])
    assert draft.lines == [("LOW", Decimal(180))] and draft.supplier == "NB" and draft.amount > 0
    # the report names each draft with its supplier, warehouse and amount, and links to it
    assert f"href='{draft.po_id}'" in told[0] and "supplier NB, to MAIN, 1 line(s)" in told[0]
    assert f"Draft {draft_tag(draft.po_id)}" in told[0] and f"{draft.amount:,.2f} CNY" in told[0]
    assert screen.created_label.isVisible() or not screen.isVisible()
    assert f"href='{draft.po_id}'" in screen.created_label.text()

    plans = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    assert plans["LOW"].explanation["on_order_drafts"] == 180 and plans["LOW"].suggestion is None
    assert plans["LOW"].alert is None and plans["LOW"].draft_alert.severity == "critical"
    assert plans["LOW2"].suggestion is not None and plans["LOW2"].draft_alert is None
    rows = _rows(screen)  # the screen planned again after creating the drafts
    assert rows["LOW", "MAIN"].alert is None  # answered by the draft: still listed, as ordered
    # "draft" once: the draft's tag after the words, not its label ("Draft 4600ab12") after "draft PO"
    assert _text(screen, "LOW", model.SEVERITY) == f"ordered (draft PO {draft_tag(draft.po_id)})"
    assert _text(screen, "LOW", model.QTY) == ""  # nothing more to order on it
    low = next(i for i in range(proxy.rowCount()) if proxy.index(i, 0).data() == "LOW")
    assert proxy.index(low, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # cannot be ticked again
    assert rows["LOW2", "WEST"].suggestion is not None
    screen.tick_shown(True)
    assert [s.sku for s in screen.chosen()] == ["LOW2"]
    assert "2 alert(s)" not in screen.status.text() and "1 alert(s)" in screen.status.text()


def test_only_ticked_lines_that_are_shown_are_ordered_and_tick_all_acts_on_the_shown_lines(qtbot, screen):
    _run(qtbot, screen)
    screen.tick_shown(True)
    assert sorted(s.sku for s in screen.chosen()) == ["LOW", "LOW2"]
    supplier = screen.filters["supplier"]
    supplier.setCurrentIndex(supplier.findData("SH"))  # shows LOW2 only; LOW stays ticked but hidden
    assert [s.sku for s in screen.chosen()] == ["LOW2"]
    assert "1 of 2 line(s) shown, 1 ticked to order" in screen.summary.text()
    assert "(1 ticked line(s) hidden by the filters will not be ordered)" in screen.summary.text()

    asked = []
    screen.confirm = lambda text: asked.append(text) or False  # look at the question, create nothing
    screen.create_orders()
    qtbot.waitUntil(lambda: bool(asked))
    assert "SH Trading SH WEST 1" in words(asked[0]) and "NB" not in asked[0]
    qtbot.waitUntil(lambda: screen.create_button.isEnabled())  # nothing was created: it can be asked again

    screen.tick_shown(False)  # unticks LOW2 only: the hidden LOW keeps its tick
    assert screen.chosen() == [] and not screen.create_button.isEnabled()
    assert [s.sku for s in screen.model.chosen()] == ["LOW"]
    supplier.setCurrentIndex(0)
    assert [s.sku for s in screen.chosen()] == ["LOW"] and screen.create_button.isEnabled()


def test_critical_lines_start_ticked_when_the_setting_says_so_and_the_setting_is_kept(qtbot, screen, make_services):
    from PySide6.QtCore import QSettings

    screen.tick_critical.setChecked(True)
    _run(qtbot, screen)
    assert [s.sku for s in screen.chosen()] == ["LOW"]  # LOW is critical, LOW2 normal
    assert QSettings().value("replenishment/tick_critical", type=bool) is True
    again = ReplenishmentScreen(make_services())
    qtbot.addWidget(again)
    assert again.tick_critical.isChecked()
    screen.tick_critical.setChecked(False)
    _run(qtbot, screen)
    assert screen.chosen() == []


def _planned_in_a_window(qtbot, services):
    """The window on ``services`` and its Replenishment screen, planned, every line ticked, its questions answered
    Yes and its messages taken as read."""
    from ui.app import create_main_window

    window = create_main_window(services)
    qtbot.addWidget(window)
    widget = window.show_screen("replenishment")
    widget.today, widget.weeks = TODAY, WEEKS
    _run(qtbot, widget)
    widget.tick_shown(True)
    widget.confirm = lambda text: True
    widget.notify = lambda text: None
    return window, widget


def test_a_created_draft_s_link_opens_it_on_the_purchasing_screen(qtbot, make_services):
    window, widget = _planned_in_a_window(qtbot, make_services())
    widget.create_orders()
    qtbot.waitUntil(lambda: bool(getattr(widget, "last_drafts", None)) and widget.run_button.isEnabled(),
                    timeout=60_000)
    first = widget.last_drafts[0]
    # from the keyboard: Tab reaches the first link, Enter opens it (the links answered the mouse only)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    widget.created_label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.created_label.hasFocus)
    qtbot.keyClick(widget.created_label, Qt.Key.Key_Tab)
    qtbot.keyClick(widget.created_label, Qt.Key.Key_Return)
    assert window.current_key() == "purchasing"
    purchasing = window.screens["purchasing"]
    qtbot.waitUntil(lambda: purchasing.current is not None and purchasing.current.id == first.po_id, timeout=60_000)


def _cached_rows(db) -> int:
    from sqlalchemy import func
    from sqlalchemy import select

    from persistence import tables as t
    from persistence.planning.classes import CLASS_SCOPE

    with db.engine.connect() as conn:  # the forecasts, not the ABC/XYZ classes kept beside them
        return conn.execute(select(func.count()).select_from(t.forecast_cache)
                            .where(t.forecast_cache.c.scope != CLASS_SCOPE)).scalar()


def test_cancel_stops_planning_between_batches_keeps_nothing_and_the_next_run_works(qtbot, screen, db):
    screen.refresh()
    assert screen.progress.isVisible() or not screen.isVisible()
    screen.cancel()
    assert not screen.cancel_button.isEnabled() and not screen.run_button.isEnabled()  # stopping
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    assert screen.status.text() == "Planning cancelled; nothing was changed."
    assert screen.model.rows == [] and screen.progress.isHidden() and not screen.error_label.isVisible()
    assert _cached_rows(db) == 0  # the cancelled run stored no forecast

    _run(qtbot, screen)
    assert {r.sku for r in screen.model.rows} == {"LOW", "LOW2"}
    assert "3 of 3 rows forecast anew" in screen.status.text() and screen.progress.isHidden()
    assert _cached_rows(db) == 3


def test_a_second_run_reads_unchanged_forecasts_from_the_cache_and_thorough_mode_forecasts_again(qtbot, screen):
    _run(qtbot, screen)
    _run(qtbot, screen)
    assert "0 of 3 rows forecast anew" in screen.status.text()
    screen.thorough.setChecked(True)  # another mode, other forecasts (20 weeks: too short for statsmodels here)
    _run(qtbot, screen)
    assert "3 of 3 rows forecast anew" in screen.status.text()
    assert {r.sku for r in screen.model.rows} == {"LOW", "LOW2"}


def test_the_screen_opens_with_its_shortcut_and_follows_the_language(qtbot, make_services):
    from ui import i18n
    from ui.app import create_main_window

    window = create_main_window(make_services())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+R"))
    assert window.current_key() == "replenishment"
    widget = window.screens["replenishment"]
    assert widget.status.text().startswith("Run planning (F5) to forecast")  # nothing runs before it is asked
    assert widget.model.rows == [] and widget.run_button.isEnabled()
    try:
        assert i18n.set_language("zh_CN", persist=False)
        qtbot.waitUntil(lambda: widget.run_button.text() == "运行计划 (F5)")
        assert widget.status.text().startswith("运行计划 (F5)：预测")
        assert widget.filters["severity"].itemText(1) == "紧急"
        assert widget.model.headerData(ReplenishmentModel.REORDER, Qt.Orientation.Horizontal) == "再订货点"
        rounded = round_order_qty(Decimal(160), multiple=Decimal(12)).reason
        assert rounding_text(rounded) == "160 上调至 168（订购倍数 12）"
        assert model_text("ses(0.3)") == "简单指数平滑 (0.3)"
        combination = model_text("combination(damped,theta,seasonal)")
        assert combination == "组合预测：阻尼趋势、Theta 法（基于季节调整后的历史）"
        assert model_text("combination(damped,theta,holt)") == "组合预测：阻尼趋势、Theta 法、Holt 线性趋势法"
    finally:
        i18n.set_language("en", persist=False)
    qtbot.waitUntil(lambda: widget.run_button.text() == "Run planning (F5)")


def test_method_names_read_as_words_with_their_parameters_and_specification():
    assert model_text("holt_damped(0.2,0.1,0.9)") == "Holt's damped trend (0.2,0.1,0.9)"
    assert model_text("seasonal_level(13)") == "last year's weekly shape at this year's level (13)"
    assert model_text("ets: ETS(A,Ad,N)") == "exponential smoothing (ETS): ETS(A,Ad,N)"
    assert model_text("category_profile") == "its category's weekly profile (new product)"
    assert model_text("mystery(1)") == "mystery(1)"


def test_a_combination_names_its_members_and_what_thorough_added():
    assert model_text("combination(sba,tsb,ses)") == (
        "combination of Syntetos–Boylan (SBA), Teunter–Syntetos–Babai (TSB), simple exponential smoothing")
    assert model_text("combination(damped,theta,seasonal)+ets") == (
        "combination of damped trend, Theta, exponential smoothing (ETS) (statsmodels), on the seasonally adjusted "
        "history")
    assert model_text("combination(damped,theta,holt)") == "combination of damped trend, Theta, Holt's linear trend"


def test_escape_cancels_a_running_plan(qtbot, screen, db):
    from PySide6.QtCore import Qt

    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.refresh()
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.cancel_button.isEnabled()  # stopping, as with a click
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    assert screen.status.text() == "Planning cancelled; nothing was changed."
    assert _cached_rows(db) == 0


def test_a_product_s_own_service_target_is_saved_from_its_dialog_and_the_plan_says_so(qtbot, screen, db):
    from ui.screens.product_target import ServiceTargetDialog

    _run(qtbot, screen)
    screen.table.selectRow(next(i for i in range(screen.proxy.rowCount())
                                if screen.proxy.index(i, ReplenishmentModel.SKU).data() == "LOW"))
    before = screen.selected_row().explanation
    # by the office's default rule, unit cost, and the panel says why in words
    assert before["service_source"] == "cost" and "Why this target" in screen.explanation.toPlainText()
    assert "of the items planned" in screen.explanation.toPlainText()
    assert screen.target_button.isEnabled()
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    QTest.keyClick(screen.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.target_dialog
    assert isinstance(dialog, ServiceTargetDialog) and dialog.isVisible()
    assert dialog.service.placeholderText() == f"{before['service_target'] * 100:g} % (by its unit cost)"
    assert dialog.service.text() == ""
    dialog.service.setText("100")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "99.99" in dialog.error.text()  # refused next to the field, nothing saved
    dialog.service.setText("99.5")
    dialog.review.setText("14")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: screen.selected_row() is not None
                    and screen.selected_row().explanation.get("service_source") == "product", timeout=60_000)
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    row = screen.selected_row()
    assert row.sku == "LOW" and row.explanation["service_target"] == 0.995 and row.explanation["review_days"] == 14
    assert row.explanation["order_up_to"] > before["order_up_to"]
    assert "set for this product" in screen.explanation.toPlainText()
    with db.uow() as uow:
        saved = uow.product_planning.get(uow.products.by_sku("LOW").id)
    assert (saved.service_target, saved.review_days) == (Decimal("0.995"), 14)

    screen.edit_target()  # it opens with the product's values, and blanks go back to the defaults
    dialog = screen.target_dialog
    assert (dialog.service.text(), dialog.review.text()) == ("99.5", "14")
    assert dialog.service.placeholderText() == f"{before['service_target'] * 100:g} % (by its unit cost)"
    dialog.service.clear()
    dialog.review.clear()
    dialog.accept()
    qtbot.waitUntil(lambda: screen.selected_row() is not None
                    and screen.selected_row().explanation.get("service_source") == "cost", timeout=60_000)
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)


def test_a_clerk_cannot_open_the_service_target_dialog(qtbot, screen):
    from domain.access.roles import Permission
    from ui.access import guard_screen

    guards = guard_screen("replenishment", screen, "clerk")
    _run(qtbot, screen)
    assert screen.selected_row() is not None and not screen.target_button.isEnabled()
    assert [g.permission for g in guards if g.button is screen.target_button] == [Permission.PURCHASE]
    screen.edit_target()  # the shortcut's path is guarded by the same button
    assert screen.target_dialog is None


def test_the_explanation_and_its_formula_line_speak_chinese(qtbot, screen, tmp_path):
    import os
    from pathlib import Path

    from domain.planning.replenishment import FORMULA
    from domain.planning.replenishment import FORMULA_QUANTILE
    from ui import i18n
    from ui.app import install_cjk_font
    from ui.screens.replenishment import FORMULAS

    assert FORMULA in FORMULAS and FORMULA_QUANTILE in FORMULAS  # the texts the domain freezes are translated
    install_cjk_font(QApplication.instance())
    _run(qtbot, screen)
    try:
        assert i18n.set_language(i18n.CHINESE, persist=False)
        qtbot.waitUntil(lambda: screen.run_button.text() == "运行计划 (F5)")
        low_row = next(i for i in range(screen.proxy.rowCount()) if screen.proxy.index(i, 0).data() == "LOW")
        screen.table.selectRow(low_row)
        text = screen.explanation.toPlainText()
        assert "公式\nSS = Q_α(L+R) − d(L+R)；s = d·L + SS；S = s + 2d·R；当 库存状况 − d·R ≤ s 时，订购 S − 库存状况" \
            in text
        assert "230 上调至 240（订购倍数 12）" in text and "再订货点 s\n140" in text
        assert "order" not in text and "position" not in text and "raised" not in text
        screen.show()
        qtbot.waitExposed(screen)
        qtbot.waitUntil(lambda: screen.chart.data is not None and screen.chart.data.title.startswith("LOW "))
        bar = screen.explanation.verticalScrollBar()
        bar.setValue(bar.maximum())  # the formula line is the last one
        path = tmp_path / "replenishment-zh.png"
        assert screen.grab().save(str(path)) and path.stat().st_size > 10_000
        if os.environ.get("STOCKROOM_SCREENSHOTS"):
            Path(os.environ["STOCKROOM_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
            assert screen.grab().save(str(Path(os.environ["STOCKROOM_SCREENSHOTS"]) / "replenishment-zh.png"))
    finally:
        i18n.set_language(i18n.ENGLISH, persist=False)
    qtbot.waitUntil(lambda: "order S − position" in screen.explanation.toPlainText())


def test_before_the_first_run_the_filters_say_all_and_the_empty_chart_shows_dated_weeks_from_zero(qtbot, screen):
    """The warehouse and supplier boxes were blank until a run, and the empty chart read pyqtgraph's default
    range: seconds around 1970-01-01 along the bottom and "Quantity (x0.001)" from -400 to 400."""
    assert [screen.filters[name].currentText() for name in ("warehouse", "supplier", "severity", "class")] == [
        "All"] * 4
    from datetime import datetime

    chart = screen.chart
    (left, right), (bottom, top) = chart.plot.getViewBox().viewRange()
    today = datetime.combine(clock.today(), datetime.min.time()).timestamp()
    assert left < today - 50 * 7 * 86400 and today < right and bottom >= 0 and top > 1
    assert chart.plot.getAxis("left").autoSIPrefix is False and chart.plot.getAxis("left").labelText == "Quantity"


def test_the_reorder_point_column_shows_one_decimal_and_the_explanation_every_digit():
    """The column read 2.2619, 1.009 and 333.6071 one under another, as if exact."""
    from ui.screens.replenishment.model import level_text

    assert [level_text(Decimal(v)) for v in ("2.2619", "1.009", "333.6071", "140", "0.04")] == [
        "2.3", "1", "333.6", "140", "0"]
    assert level_text(None) == ""


def test_the_explanation_says_the_safety_stock_and_the_order_in_weeks_of_demand(qtbot, screen):
    """A purchaser weighs a safety stock and an order by how many weeks of sales they are: both are shown as
    weeks of the demand d planned with, next to the units."""
    from ui.screens.replenishment.detail import in_weeks

    _run(qtbot, screen)
    low_row = next(i for i in range(screen.proxy.rowCount()) if screen.proxy.index(i, 0).data() == "LOW")
    screen.table.selectRow(low_row)
    row = screen.selected_row()
    e = row.explanation
    d = float(e["demand_per_period"])
    text = screen.explanation.toPlainText()
    safety = f"{float(e['safety_stock']) / d:,.1f} weeks"
    order = f"{float(e['order_qty']) / d:,.1f} weeks"
    assert f"Safety stock in weeks of demand d\n{safety}" in text
    assert f"Order quantity in weeks of demand d\n{order}" in text
    assert in_weeks({"demand_per_period": 20.44, "safety_stock": "1292.2311", "order_qty": 1596}) == {
        "safety_weeks": pytest.approx(63.22, abs=0.01), "order_weeks": pytest.approx(78.08, abs=0.01)}
    assert in_weeks({"demand_per_period": 0.0, "safety_stock": 5}) == {}
    assert in_weeks({"demand_per_period": 2.0, "order_qty": 0, "safety_stock": 0}) == {"safety_weeks": 0.0}


def test_the_question_names_each_supplier_its_lines_products_and_amount_in_the_company_currency(qtbot, screen, db,
                                                                                               chinese):
    """Before the drafts are made the purchaser reads which supplier gets which draft: its name, the lines and
    products, the amount before tax — a USD supplier's also in CNY at today's rate — and the total in CNY."""
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from domain.purchasing import commands as pc
    from domain.purchasing import rates

    catalog.update_supplier(db.uow(), cc.UpdateSupplier("SH", "上海五金", currency="USD", lead_time_days=7,
                                                      prices="keep"))
    rates.set_rate(db.uow(), pc.SetExchangeRate("USD", "7.1"))
    _run(qtbot, screen)
    screen.tick_shown(True)
    qty = {s.sku: s.qty for s in screen.chosen()}
    asked = []
    screen.confirm = lambda text: asked.append(text) or False
    screen.create_orders()
    qtbot.waitUntil(lambda: bool(asked))
    usd = qty["LOW2"] * Decimal("2.50")
    cny = (usd * Decimal("7.1")).quantize(Decimal("0.01"))
    text = words(asked[0])
    assert text.startswith("创建 2 张采购订单草稿？ 供应商 收货仓库 行数 不含税金额")
    assert f"NB Trading NB MAIN 1 {Decimal(600):,.2f} CNY LOW Low × {qty['LOW']:,}" in text
    assert f"上海五金 SH WEST 1 {usd:,.2f} USD 按今日汇率约 {cny:,.2f} CNY LOW2 Low2 × {qty['LOW2']:,}" in text
    assert text.endswith(f"合计 {Decimal(600) + cny:,.2f} CNY")  # in the company currency, USD converted
    qtbot.waitUntil(lambda: screen.create_button.isEnabled())
    assert not getattr(screen, "last_drafts", None)  # asked only: nothing was made, nothing is left written
    assert screen.services.purchasing.purchase_orders() == []


def words(html: str) -> str:
    """The question's text as read, cell after cell."""
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").split())


def test_a_long_draft_names_its_first_products_and_how_many_more():
    from domain.planning.drafts import DraftLine
    from domain.planning.drafts import DraftPreview
    from ui.screens.replenishment import confirmation_html

    lines = [DraftLine(f"P-{i}", f"产品{i}", Decimal(i), "pcs") for i in range(1, 9)]
    text = confirmation_html([DraftPreview("NB", "宁波工具", "MAIN", lines, Decimal("1234.5"), "EUR", "CNY", None)])
    assert "宁波工具 NB MAIN 8 1,234.50 EUR no EUR exchange rate yet" in words(text)
    assert "P-1 产品1 × 1 pcs; P-2 产品2 × 2 pcs; P-3 产品3 × 3 pcs and 5 more" in text and "P-4" not in text
    assert words(text).endswith("Together 1,234.50 EUR")  # never a sum in a currency it was not converted to


def test_the_question_of_many_drafts_fits_the_screen_and_scrolls(qtbot):
    """Twelve suppliers' drafts made a message box taller than the screen, its table wrapped into a narrow column."""
    from domain.planning.drafts import DraftLine
    from domain.planning.drafts import DraftPreview
    from ui.screens.replenishment import confirmation_html
    from ui.widgets.question import RichQuestion

    previews = [DraftPreview(f"S{i:02d}", f"温州市宏光电器有限公司 {i}", "MAIN",
                             [DraftLine(f"EL-{j}", "开关面板 三开单控 工程款", Decimal(j), "pcs") for j in range(1, 5)],
                             Decimal("1234.5"), "CNY", "CNY", Decimal("1234.5")) for i in range(30)]
    dialog = RichQuestion("Create purchase orders", confirmation_html(previews))
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() * 3 // 4
    assert dialog.text.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert dialog.text.width() >= 500  # a supplier's name and its amount on one line


def test_a_product_asked_for_from_a_sales_order_is_planned_and_shown_in_its_warehouse(qtbot, screen):
    """The sales order's Replenishment… button only typed the SKU into the search: with no plan yet the list stayed
    empty until F5, and it showed the product's other warehouses."""
    screen.show_product("LOW", "MAIN")
    assert not screen.run_button.isEnabled()  # planning started by itself
    qtbot.waitUntil(lambda: screen.run_button.isEnabled(), timeout=60_000)
    assert list(_rows(screen)) == [("LOW", "MAIN")]
    assert screen.filters["warehouse"].currentData() == "MAIN"
    assert "planning suggests no order" not in screen.status.text()


def test_a_product_asked_for_with_no_alert_says_why_it_is_not_listed(qtbot, screen):
    """STEADY has 60 days of stock: an empty list alone read as if planning had not run or had failed."""
    _run(qtbot, screen)
    screen.show_product("STEADY", "MAIN")  # the plan is current: no second run
    assert screen.run_button.isEnabled()
    assert not _rows(screen)
    assert "STEADY in MAIN: planning suggests no order" in screen.status.text()
    assert "confirm it with the rest on backorder" in screen.status.text()


def test_every_button_and_filter_has_an_alt_key_and_ctrl_f_searches_in_both_languages(qtbot, screen, chinese):
    """A purchaser at the keyboard Tabbed through a dozen widgets to reach Create purchase orders…, and nothing on
    the screen said a key: each button and filter now has its Alt letter (创建采购订单(&O)…, 供应商(&P)：), and Ctrl+F
    goes to the search box as on Products."""
    from PySide6.QtWidgets import QPushButton

    from tests.ui.test_shell import _mnemonic

    screen.show()
    qtbot.waitExposed(screen)
    buttons = [b for b in screen.findChildren(QPushButton) if b.isVisibleTo(screen)]
    assert screen.create_button.text() == "创建采购订单(&O)…"
    shown = ("(F5)", "(Esc)")  # Run planning (F5) and Cancel (Esc) say their key
    assert [b.text() for b in buttons if _mnemonic(b.text()) is None and not b.text().endswith(shown)] == []
    assert {name: label.buddy() is screen.filters[name] and _mnemonic(label.text())
            for name, label in screen.filter_labels.items()} == {"warehouse": "w", "supplier": "p",
                                                                 "severity": "y", "class": "c"}
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    QTest.keySequence(screen.table, QKeySequence("Ctrl+F"))
    assert QApplication.focusWidget() is screen.search


@pytest.mark.parametrize("language", ["english", "chinese"])
def test_the_status_and_summary_write_counts_in_groups_of_three_as_the_dashboard_does(qtbot, screen, language,
                                                                                        request):
    """The dashboard's tile said 2,137 alerts and the screen it opened said 2137 alert(s): every count the status
    line and the summary under the table write is grouped as the amounts are (``count_text``)."""
    from dataclasses import replace

    from ui.screens.replenishment.run import PlanResult

    request.getfixturevalue(language)
    _run(qtbot, screen)
    low = _rows(screen)["LOW", "MAIN"]
    many = [replace(low, sku=f"LOW-{i:04d}") for i in range(1_234)]
    screen._planned(PlanResult(many, planned=2_137, computed=1_500))
    status, summary = screen.status.text(), screen.summary.text()
    assert "1,234" in status and "2,137" in status and "1,500" in status
    assert "1234" not in status and "2137" not in status
    assert "1,234 " in summary and "1234" not in summary  # 1,234 of 1,234 line(s) shown


def test_a_draft_just_created_opens_at_once_while_the_plan_it_started_runs_behind(qtbot, make_services, monkeypatch):
    """The run after creating drafts goes on the runner's background pool: a purchaser opening the draft just made
    waited for that run and the dashboard's reload to free one of the pool's two threads. The test holds both (the
    reload stands in as a job of its own) and the editor still reads the order."""
    import threading

    from ui.screens.replenishment import screen as replenishment

    services = make_services()
    window, widget = _planned_in_a_window(qtbot, services)
    services.tasks.pool.setMaxThreadCount(2)  # the two threads of a two-core machine
    planned, reloaded = threading.Event(), threading.Event()
    plans: list[str] = []
    real = replenishment.run_plan

    def held(*args, **kwargs):
        plans.append("started")
        assert planned.wait(600), "the test never let the plan go"
        return real(*args, **kwargs)

    monkeypatch.setattr(replenishment, "run_plan", held)
    services.tasks.submit(lambda: reloaded.wait(600))  # the dashboard's reload, on one of the two threads
    try:
        widget.create_orders()
        qtbot.waitUntil(lambda: bool(getattr(widget, "last_drafts", None)) and plans == ["started"],
                        timeout=60_000)
        first = widget.last_drafts[0]
        widget.open_draft(first.po_id)
        purchasing = window.screens["purchasing"]
        qtbot.waitUntil(lambda: purchasing.current is not None and purchasing.current.id == first.po_id,
                        timeout=60_000)
        assert not widget.run_button.isEnabled()  # the plan still runs, behind the editor
    finally:
        planned.set()
        reloaded.set()
    qtbot.waitUntil(lambda: widget.run_button.isEnabled(), timeout=60_000)
    assert _rows(widget)["LOW", "MAIN"].alert is None  # the plan after the drafts came in
