"""The dashboard: the business at a glance for a period and a warehouse (the first screen of those who see money).

Figures come in five groups, each one read on the task runner (``services.dashboard``, ``domain.reports.dashboard``
computes): the first figures (fill rate, lost sales, the stock value now, overdue receivables and payables) arrive
at once; the value's trend, the stockout days, the stock figures (turnover by category, dead and excess stock) and
the reorder alerts follow, a progress bar counting them. Changing the period or the warehouse loads again; results
of an older load are dropped.

The reorder alerts are the summary the last planning run stored (the Replenishment screen's, ``reorder`` or
``suggest``: ``domain.planning.alerts``), with when it ran; the tile turns amber and says it is out of date when the
day moved on or the data changed since, and a click opens Replenishment to plan again. Only when no run stored one
does the dashboard plan itself, once (over the stored forecasts, storing only its summary).

Every tile opens its list: a dialog of the rows it was computed from, or the screen that lists them (the stock, in
the warehouse chosen; the reorder alerts on Replenishment; receivables and payables, overdue only; the backordered lines
on the Sales orders screen's backorder list, every customer's). The backorders are counted as they stand now, as the
stock value is, whatever the period.
"""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QDateTime
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QSizePolicy
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from domain.planning.alerts import CURRENT
from domain.planning.alerts import NEW_DAY
from domain.reports import dashboard as d
from domain.reports.model import Period
from ui.i18n import fill
from ui.models.table import count_text
from ui.models.table import money_text
from ui.models.table import total_qty_text
from ui.screens.dashboard import lists
from ui.watch import quiet
from ui.watch import quiet_fill
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.screen import Screen

translate = QCoreApplication.translate
GROUPS = 6  # first figures, value trend, stockouts, stock figures, alerts, sales this month
_SPANS = ("week", "month", "quarter", "year", "custom")
# A tile reached with Tab shows it (a blue frame twice as thick): Tab went from tile to tile unseen, so a clerk could
# not tell which figure Enter would open
_FOCUS = "QFrame#tile:focus { border: 2px solid #1f6feb; }"
_TILE_STYLE = ("QFrame#tile { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
               "QFrame#tile:hover { border-color: #1f6feb; background: #f6f8fa; }" + _FOCUS)
_OLD_TILE_STYLE = ("QFrame#tile { background: #fff8e5; border: 1px solid #d4a72c; border-radius: 6px; }"
                   "QFrame#tile:hover { border-color: #1f6feb; background: #fff4d6; }" + _FOCUS)  # shows old figures


def _pct(value: Decimal | None) -> str:
    return "–" if value is None else f"{value}%"


def _change(value: Decimal | None) -> str:
    """A change in percent with its sign; a dash when there was nothing to compare with."""
    return "–" if value is None else f"{value:+}%"


def month_sales(reports, today: date, warehouse: str | None, offset: int):
    """This month to ``today`` and the same days of last month: each period and its sales margin total, summed over
    the sales lines as the margin report (``main.py report margin``) sums them (run on the pool thread)."""
    from domain.reports.sales import MarginBy
    from domain.reports.sales import margin_rows
    from domain.reports.sales import margin_total

    def total(period: Period):
        figures = reports.sales_figures(period, MarginBy.SALESPERSON, warehouse=warehouse, utc_offset_seconds=offset)
        return margin_total(margin_rows(figures))

    now, before = d.month_to_date(today)
    return now, total(now), before, total(before)


class Tile(QFrame):
    """A figure: its title, its value in large type and a line of detail; a click opens its list."""

    clicked = Signal()

    def __init__(self, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setStyleSheet(_TILE_STYLE)
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setStyleSheet("color: #57606a; font-size: 9pt;")
        self.title.setWordWrap(True)
        self.value = QLabel("…", self)
        self.value.setStyleSheet("color: #1f2328; font-size: 17pt; font-weight: 600;")
        self.detail = QLabel("", self)
        self.detail.setStyleSheet("color: #57606a; font-size: 8pt;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)

    def set_warning(self, on: bool) -> None:
        """Mark the figure as out of date (an amber tile) or not."""
        self.setStyleSheet(_OLD_TILE_STYLE if on else _TILE_STYLE)
        self.setProperty("out_of_date", on)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardScreen(Screen):
    follows_data = True
    # the reorder alerts last: the last row's free places go to them (``_reflow``), as their detail is the longest (the
    # counts by severity and when planning ran, or that it is out of date and what to do)
    TILES = ("sales", "margin", "fill", "stockouts", "lost", "backorders", "value", "turnover", "dead", "excess",
             "receivables", "payables", "alerts")
    # Tiles a row: as many as fit at TILE_WIDTH, at most MAX_COLUMNS (two rows on a wide screen). Seven a row
    # at 1280 × 800 left each tile 150 px, its detail wrapped to three lines and the last column cut off; five give
    # each about 210 px (two lines at most), four at 1024 × 768. Laid out again when the width changes (``_reflow``).
    TILE_WIDTH = 200
    MAX_COLUMNS = 7
    SPACING = 8

    def __init__(self, services, parent=None, today: date | None = None) -> None:
        super().__init__(services, parent)
        self.today = today
        self.figures: dict[str, object] = {}
        self.dialog: lists.RowsDialog | None = None
        self._ticket = 0
        self._done = 0
        # The alerts are the last planning run's (its stored summary, read with each load and again each time a run of
        # this window stores one); the dashboard plans itself only when no run stored one, once: a load that finds none
        # waits for that run. Each read (and the dashboard's own run) is numbered when it is asked for, and a result is
        # shown only if no later-asked one is shown already: reads run side by side on the pool and may finish in any
        # order, and one asked before a run's write must not put the older summary back over the newer one.
        self._alerts_running = False
        self._alerts_asked = 0  # reads of the stored alerts asked for so far (the dashboard's own run counts as one)
        self._alerts_shown = 0  # the number of the read shown for this load; 0: none yet
        self._alerts_counted = False  # this load's alerts group is counted in its progress
        self.period_label = QLabel(self)
        self.span = QComboBox(self)
        self.span.setObjectName("span")
        self.first_edit = DayEdit(parent=self)
        self.last_edit = DayEdit(parent=self)
        self.warehouse_label = QLabel(self)
        self.warehouse = QComboBox(self)
        self.warehouse.setObjectName("warehouse")
        self.warehouse.setMinimumContentsLength(8)
        self.refresh_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, GROUPS)
        self.progress.setMaximumWidth(180)
        self.progress.setFormat("%v / %m")
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #57606a;")
        # what is left of the bar, no more: at 1024 px its "Loading figures: 1 of 6 ready…" made the bar, and every
        # tile under it, wider than the window while the figures came in
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A new company's first screen: where its data comes from (shown while the catalogue has no product).
        self.getting_started = QLabel(self)
        self.getting_started.setWordWrap(True)
        self.getting_started.setStyleSheet("background: #ddf4ff; border: 1px solid #54aeff; border-radius: 4px; "
                                           "padding: 8px;")
        self.getting_started.hide()
        bar = QHBoxLayout()
        for w in (self.period_label, self.span, self.first_edit, self.last_edit, self.warehouse_label,
                  self.warehouse, self.refresh_button):
            bar.addWidget(w)
        bar.addWidget(self.status, 1)  # the free room, its text on the right
        bar.addWidget(self.progress)
        self.tiles = {key: Tile(key, self) for key in self.TILES}
        self.grid = grid = QGridLayout()
        grid.setSpacing(self.SPACING)
        self.columns = 0
        for key in self.TILES:
            self.tiles[key].setMinimumWidth(self.TILE_WIDTH * 4 // 5)  # the value in large type: a narrower one scrolls
            self.tiles[key].clicked.connect(lambda k=key: self.open_list(k))
        self._reflow(5)
        from ui.screens.dashboard.charts import CoverChart
        from ui.screens.dashboard.charts import ValueChart

        self.value_chart = ValueChart(self)
        self.cover_chart = CoverChart(self)
        charts = QHBoxLayout()
        charts.addWidget(self.value_chart, 3)
        charts.addWidget(self.cover_chart, 2)
        # inside a scroll area: a narrow window scrolls the dashboard rather than growing to fit it
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.busy_bar)
        inner.addWidget(self.error_label)
        inner.addWidget(self.getting_started)
        inner.addLayout(grid)
        inner.addLayout(charts, 1)
        self.value_chart.setMinimumHeight(220)
        self.cover_chart.setMinimumHeight(220)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        for key in _SPANS:
            self.span.addItem("", key)
        self.span.setCurrentIndex(_SPANS.index("month"))
        self.warehouse.addItem("", "")
        today_q = QDate(self._today().year, self._today().month, self._today().day)
        self.last_edit.setDate(today_q)
        self.first_edit.setDate(today_q.addMonths(-1).addDays(1))
        self.span.currentIndexChanged.connect(self._span_changed)
        self.first_edit.dateChanged.connect(self._custom_changed)
        self.last_edit.dateChanged.connect(self._custom_changed)
        self.warehouse.currentIndexChanged.connect(lambda _: self.reload())
        self.refresh_button.clicked.connect(self.refresh)
        self._span_changed()
        self.retranslate()

    # -- the tiles' layout -------------------------------------------------------------------------------------
    def columns_for(self, width: int) -> int:
        """How many tiles a row fit in ``width`` pixels at ``TILE_WIDTH`` each (one at least)."""
        return max(1, min(self.MAX_COLUMNS, (width + self.SPACING) // (self.TILE_WIDTH + self.SPACING)))

    def _reflow(self, columns: int) -> None:
        """Lay the tiles out ``columns`` a row, each column as wide as the others; the last tile spans what its row
        leaves free."""
        if columns == self.columns:
            return
        for n in range(max(self.columns, columns, 1)):
            self.grid.setColumnStretch(n, 1 if n < columns else 0)
        last = len(self.TILES) - 1
        for n, key in enumerate(self.TILES):
            self.grid.removeWidget(self.tiles[key])
            span = columns - n % columns if n == last else 1
            self.grid.addWidget(self.tiles[key], n // columns, n % columns, 1, span)
        self.columns = columns

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the screen's new width less a vertical scroll bar, shown or not: the scroll area has not been laid out
        # again yet, and a count that changed as the bar came and went could flip back and forth
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._reflow(self.columns_for(event.size().width() - bar))

    # -- the period --------------------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.today or clock.today()

    def period(self) -> Period:
        span = self.span.currentData()
        if span == "custom":
            first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
            return Period(min(first, last), max(first, last))
        return d.period_of(span, self._today())

    def set_span(self, span: str) -> None:
        self.span.setCurrentIndex(_SPANS.index(span))

    def set_custom(self, first: date, last: date) -> None:
        for edit in (self.first_edit, self.last_edit):
            edit.blockSignals(True)
        self.first_edit.setDate(QDate(first.year, first.month, first.day))
        self.last_edit.setDate(QDate(last.year, last.month, last.day))
        for edit in (self.first_edit, self.last_edit):
            edit.blockSignals(False)
        if self.span.currentData() == "custom":
            self.reload()
        else:
            self.set_span("custom")

    def _span_changed(self, *_) -> None:
        custom = self.span.currentData() == "custom"
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            p = self.period()
            for edit, day in ((self.first_edit, p.first), (self.last_edit, p.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.reload()

    def _custom_changed(self, *_) -> None:
        if self.span.currentData() == "custom":
            self.reload()

    # -- loading -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load every figure again (F5, a change to the data): the reorder alerts as last stored too."""
        self.reload()

    def reload(self) -> None:
        """Load the figures for the period and warehouse chosen: the first group at once, the rest in the
        background; the reorder alerts are the last planning run's, planned here only when none was stored."""
        self._ticket += 1
        ticket = self._ticket
        self._done = 0
        self.figures = {}
        self._alerts_shown, self._alerts_counted = 0, False
        self._loaded_generation = self.services.data_generation()
        self.progress.setValue(0)
        self.progress.show()
        self.error_label.hide()
        self._say_progress()
        for tile in self.tiles.values():
            tile.show_figure("…", "")
        self.tiles["alerts"].set_warning(False)
        period, today, warehouse = self.period(), self._today(), self.warehouse.currentData() or None
        offset = time.localtime().tm_gmtoff
        q, catalog, uow = self.services.dashboard, self.services.catalog, self.services.reader
        kw = {"warehouse": warehouse, "utc_offset_seconds": offset}
        around_fill = quiet_fill(self.services.watcher)  # the stock months its summary fills: no change of the data

        # each job reads and computes on the pool thread: the GUI thread only shows (a year of 100,000 products
        # makes a quarter of a million rows to weigh for excess stock)
        def first():
            from domain.sales.backorders import backorders

            f = q.first_figures(period, today, **kw)
            waiting = [r for r in backorders(uow()) if warehouse is None or r.warehouse == warehouse]
            return {"first": (f, q.warehouses()), "fill_rate": d.fill_rate(f.fill), "lost_rows": d.lost_sales(f.lost),
                    "no_products": not catalog.product_table(limit=1), "backorder_rows": waiting}

        def stockouts():
            return {"stockout_rows": d.stockout_days(q.zero_spells(period, **kw), period, today)}

        def stock():
            from domain.reports.sales import slow_movers

            stored = q.settings()
            days = (d.setting_days(stored, d.DEAD_DAYS_KEY, d.DEAD_DAYS),
                    d.setting_days(stored, d.COVER_TARGET_KEY, d.COVER_TARGET_DAYS))
            s = q.stock_figures(period, today, **kw, around_fill=around_fill)
            return {"stock_days": days, "turnover_rows": d.turnover(s.by_category, period),
                    "dead_rows": slow_movers(s.stocked, days[0], min(period.last, today)),
                    "excess_rows": d.excess_stock(s.held, days[1])}

        self._submit(ticket, "first", first)
        self._submit(ticket, "trend", lambda: {"trend": q.value_changes(period.first, **kw)})
        self._submit(ticket, "stockouts", stockouts)
        self._submit(ticket, "stock", stock)
        self._submit(ticket, "sales", lambda: {"sales": month_sales(self.services.reports, today, warehouse, offset)})
        self._load_alerts(ticket, today, offset)

    def _load_alerts(self, ticket: int, today: date, offset: int) -> None:
        q = self.services.dashboard
        asked = self._ask_alerts()

        def done(result) -> None:
            if not alive(self) or ticket != self._ticket:
                return
            if result[0] is not None:
                self._take_alerts(ticket, asked, result)
            elif not self._alerts_counted:  # none stored (and no run's stored alerts arrived meanwhile): plan once
                self._plan_alerts(today, offset)

        def failed(exc: BaseException) -> None:
            if alive(self) and ticket == self._ticket:
                self.show_error(exc)
                self._count_alerts()

        self.services.tasks.submit(q.stored_alerts, on_done=done, on_error=failed)

    def _ask_alerts(self) -> int:
        """The number of a read of the stored alerts asked for now: later reads have higher numbers."""
        self._alerts_asked += 1
        return self._alerts_asked

    def _take_alerts(self, ticket: int, asked: int, result) -> None:
        """Show ``result`` (a summary, the data version it is judged by) for load ``ticket``, unless a read asked for
        later is shown already (it saw this summary or a newer one); the load's alerts group is counted once."""
        if not alive(self) or ticket != self._ticket:
            return
        if asked > self._alerts_shown:
            self._alerts_shown = asked
            self.figures["alerts"] = result
            self._show("alerts")
        self._count_alerts()

    def _count_alerts(self) -> None:
        if not self._alerts_counted:
            self._alerts_counted = True
            self._step()

    def _plan_alerts(self, today: date, offset: int) -> None:
        """No run stored its alerts: plan once here (the run stores its summary); the load waiting shows it."""
        if self._alerts_running:
            return  # the run under way answers this load too (``done``)
        self._alerts_running = True
        # numbered as a read asked for now: it stores (and returns) what it planned after every read asked before it,
        # and a run that stores after it has started is read again (``planning_stored``) with a higher number
        asked = self._ask_alerts()

        def done(result) -> None:
            if not alive(self):
                return
            self._alerts_running = False
            self._take_alerts(self._ticket, asked, result)  # (the summary, the data version after the run)

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self._alerts_running = False
            if not self._alerts_counted:
                self.show_error(exc)
                self._count_alerts()

        q, around = self.services.dashboard, quiet(self.services.watcher)
        # stored quietly (ui.watch): the other screens are not told the data changed
        self.services.tasks.submit(lambda: (q.plan_alerts(today, utc_offset_seconds=offset, around_store=around),
                                            q.stored_alerts()[1]), on_done=done, on_error=failed,
                                   background=True)

    def planning_stored(self) -> None:
        """A planning run of this window stored its alerts (``ui.watch.DataWatcher.planned``): read and show them.

        Also while a load is under way: its own read may have been made before the run's write (the slower groups
        were still running), and then nothing else would ever show the new summary. The read is numbered like the
        load's (``_take_alerts``), so whichever of them arrives last, the one asked for last is what stays shown."""
        ticket, asked = self._ticket, self._ask_alerts()

        def done(result) -> None:
            if result[0] is not None:
                self._take_alerts(ticket, asked, result)

        self.services.tasks.submit(self.services.dashboard.stored_alerts, on_done=done,
                                   on_error=lambda exc: self.show_error(exc) if alive(self) else None)

    def _submit(self, ticket: int, group: str, fn) -> None:
        def done(result) -> None:
            if alive(self) and ticket == self._ticket:
                self.figures.update(result)
                self._show(group)
                self._step()

        def failed(exc: BaseException) -> None:
            if alive(self) and ticket == self._ticket:
                self.show_error(exc)
                self._step()

        # the first figures are what the owner is looking at; the slower ones never hold up another screen
        self.services.tasks.submit(fn, on_done=done, on_error=failed, background=group != "first")

    def _step(self) -> None:
        self._done += 1
        self.progress.setValue(self._done)
        self._say_progress()
        if self._done >= GROUPS:
            self.progress.hide()
            self.loaded()

    def _say_progress(self) -> None:
        self.status.setText("" if self._done >= GROUPS else
                            fill(translate("Dashboard", "Loading figures: %1 of %2 ready…"), self._done, GROUPS))

    @property
    def complete(self) -> bool:
        """Every group of the current load has arrived (or failed)."""
        return self._done >= GROUPS

    # -- showing -----------------------------------------------------------------------------------------------
    def _settings(self) -> tuple[int, int]:
        """The dead-stock days and the cover target the stock figures were computed with."""
        return self.figures.get("stock_days", (d.DEAD_DAYS, d.COVER_TARGET_DAYS))

    def _show(self, group: str) -> None:
        period = self.period()
        t = self.tiles
        if group == "first":
            first, codes = self.figures["first"]
            self._fill_warehouses(codes)
            self.getting_started.setVisible(bool(self.figures.get("no_products")))
            rate = self.figures["fill_rate"]
            t["fill"].show_figure(_pct(rate.qty_percent), fill(
                translate("Dashboard", "Order lines complete and on time: %1 (%2 of %3)"),
                _pct(rate.lines_percent), count_text(rate.lines_on_time), count_text(rate.lines_due)))
            lost = self.figures["lost_rows"]
            t["lost"].show_figure(money_text(sum((r.value for r in lost), Decimal(0))), fill(
                translate("Dashboard", "%1 units asked for and not served"),
                total_qty_text(sum((r.qty for r in lost), Decimal(0)))))
            from domain.sales.backorders import waiting

            counts = waiting(self.figures["backorder_rows"])
            t["backorders"].show_figure(count_text(counts.lines), fill(
                translate("Dashboard", "Customers waiting: %1; lines with no PO yet: %2"),
                count_text(counts.customers), count_text(counts.without_po)))
            t["value"].show_figure(money_text(first.value_now), translate("Dashboard", "Stock at cost now"))
            for key, side in (("receivables", first.receivables), ("payables", first.payables)):
                detail = fill(translate("Dashboard", "of %1 open; over 90 days: %2"), money_text(side.balance),
                              money_text(side.over_90))
                t[key].show_figure(money_text(side.overdue), detail)
            if "trend" in self.figures:
                self._show("trend")
        elif group == "trend":
            if "first" not in self.figures:
                return
            series = d.value_series(self.figures["first"][0].value_now, self.figures["trend"], period)
            self.figures["series"] = series
            self.value_chart.set_series(series)
            start, end = series[0][1], series[-1][1]
            change = end - start
            t["value"].show_figure(money_text(end), fill(translate("Dashboard", "%1 since %2"),
                                                         ("+" if change >= 0 else "") + money_text(change),
                                                         series[0][0].isoformat()))
        elif group == "sales":
            _now, this, _before, last = self.figures["sales"]
            t["sales"].show_figure(money_text(this.revenue), fill(
                translate("Dashboard", "Before tax; same days last month %1 (%2)"), money_text(last.revenue),
                _change(d.change_pct(this.revenue, last.revenue))))
            t["margin"].show_figure(money_text(this.margin), fill(
                translate("Dashboard", "%1 of sales; same days last month %2 (%3)"), _pct(this.margin_pct),
                money_text(last.margin), _change(d.change_pct(this.margin, last.margin))))
        elif group == "stockouts":
            rows = self.figures["stockout_rows"]
            t["stockouts"].show_figure(count_text(sum(r.days for r in rows)), fill(
                translate("Dashboard", "%1 products × warehouses; %2 out of stock now"), count_text(len(rows)),
                count_text(sum(1 for r in rows if r.out_now))))
        elif group == "stock":
            dead_days, target_days = self._settings()
            f = self.figures
            turns, dead, excess = f["turnover_rows"], f["dead_rows"], f["excess_rows"]
            self.cover_chart.set_categories(turns)
            cost = sum((r.cost_of_issues for r in turns), Decimal(0))
            average = sum((r.average_value for r in turns), Decimal(0))
            closing = sum((r.closing_value for r in turns), Decimal(0))
            overall = None if average <= 0 else (cost / average).quantize(Decimal("0.01"))
            cover = None if cost <= 0 else (closing * period.days / cost).quantize(Decimal("0.1"))
            t["turnover"].show_figure("–" if overall is None else f"{overall}×", fill(
                translate("Dashboard", "Days of cover: %1"), "–" if cover is None else cover))
            t["dead"].show_figure(money_text(sum((r.value for r in dead), Decimal(0))), fill(
                translate("Dashboard", "%1 products with no issue in %2 days"), count_text(len(dead)), dead_days))
            t["excess"].show_figure(money_text(sum((r.value for r in excess), Decimal(0))), fill(
                translate("Dashboard", "%1 products × warehouses above %2 days of cover"), count_text(len(excess)),
                target_days))
        elif group == "alerts":
            summary, version = self.figures["alerts"]
            counts = summary.by_severity(self.warehouse.currentData() or None)
            self.figures["alert_counts"] = counts
            state = summary.state(self._today(), version)
            self.figures["alert_state"] = state
            when = QDateTime(summary.computed_at).toLocalTime().toString("yyyy-MM-dd HH:mm")
            if state == CURRENT:
                note = fill(translate("Dashboard", "Planned %1"), when)
            elif state == NEW_DAY:
                note = fill(translate("Dashboard", "Out of date: planned for %1. Click to open Replenishment and "
                                                   "run planning."), summary.day.isoformat())
            else:
                note = fill(translate("Dashboard", "Out of date: the data changed since planning at %1. Click to "
                                                   "open Replenishment and run planning."), when)
            t["alerts"].show_figure(count_text(sum(counts.values())), fill(
                translate("Dashboard", "critical %1 · high %2 · normal %3"), count_text(counts["critical"]),
                count_text(counts["high"]), count_text(counts["normal"])) + "\n" + note)
            t["alerts"].set_warning(state != CURRENT)

    def _fill_warehouses(self, codes: list[str]) -> None:
        have = [self.warehouse.itemData(i) for i in range(1, self.warehouse.count())]
        if have == codes:
            return
        self.warehouse.blockSignals(True)
        chosen = self.warehouse.currentData()
        while self.warehouse.count() > 1:
            self.warehouse.removeItem(1)
        for code in codes:
            self.warehouse.addItem(code, code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(chosen)))
        self.warehouse.blockSignals(False)

    # -- each figure's list ------------------------------------------------------------------------------------
    SCREENS = {"value": "stock", "alerts": "replenishment", "receivables": "receivables", "payables": "payables",
               "sales": "reports", "margin": "reports"}

    def open_list(self, key: str) -> None:
        """Open what ``key``'s figure counts: another screen, or a dialog of its rows (once they have arrived)."""
        window = self.window()
        if key == "backorders":
            self._open_backorders(window)
            return
        if key in self.SCREENS and hasattr(window, "show_screen"):
            self._filter(key, window.show_screen(self.SCREENS[key]))
            return
        made = self._list(key)
        if made is None:
            return
        title, note, model, rows = made
        model.set_rows(rows)
        self.dialog = lists.RowsDialog(title, note, model, self)
        self.dialog.show()

    def _open_backorders(self, window) -> None:
        """The backorder list of the Sales orders screen, every customer's (a double-click opens the order there);
        without the main window around it (a test), the list alone."""
        sales = window.show_screen("sales") if hasattr(window, "show_screen") else None
        if sales is not None and hasattr(sales, "show_backorders"):
            self.dialog = sales.show_backorders(everyone=True)
            return
        from ui.screens.sales.backorders import BackordersDialog

        self.dialog = BackordersDialog(self.services, self)
        self.dialog.open()

    def _filter(self, key: str, widget) -> None:
        """Narrow the screen opened to what the figure counts: the warehouse chosen, the overdue items; the reorder
        alerts planned when the screen has none to show."""
        if key == "alerts" and hasattr(widget, "show_alerts"):
            widget.show_alerts()
        if key in ("receivables", "payables") and hasattr(widget, "overdue_only"):
            widget.overdue_only.setChecked(True)
        if key in ("sales", "margin") and "sales" in self.figures and hasattr(widget, "set_report"):
            from ui import report_build as rb

            now = self.figures["sales"][0]
            widget.set_report(rb.MARGIN, "category")  # what the month's sales and margin are made of
            widget.set_period(now.first, now.last)
        warehouse = self.warehouse.currentData()
        combo = getattr(widget, "warehouse", None)
        if key == "value" and warehouse and isinstance(combo, QComboBox):
            if combo.findData(warehouse) < 0:
                combo.addItem(warehouse, warehouse)  # the stock screen's list keeps it when its rows arrive
            combo.setCurrentIndex(combo.findData(warehouse))

    def _list(self, key: str):
        p = self.period()
        span = f"{p.first.isoformat()} – {p.last.isoformat()}"
        f = self.figures
        if key == "fill" and "first" in f:
            return (translate("Dashboard", "Order lines due"), fill(translate(
                "Dashboard", "Confirmed order lines due %1 and what was shipped by the end of their due day."), span),
                lists.LinesModel(), f["first"][0].lines)
        if key == "lost" and "lost_rows" in f:
            return (translate("Dashboard", "Lost sales"), fill(translate(
                "Dashboard", "Unfilled demand %1, valued at the list price, else the last sale price."), span),
                lists.LostModel(), f["lost_rows"])
        if key == "stockouts" and "stockout_rows" in f:
            return (translate("Dashboard", "Stockout days"), fill(translate(
                "Dashboard", "Products × warehouses with demand and days ending at zero on hand, %1."), span),
                lists.StockoutModel(), f["stockout_rows"])
        if key == "turnover" and "turnover_rows" in f:
            return (translate("Dashboard", "Turnover by category"), fill(translate(
                "Dashboard", "Cost of what was sold or shipped %1 ÷ the average stock value; days of cover = closing "
                             "value ÷ cost of issues a day."), span), lists.TurnoverModel(), f["turnover_rows"])
        if key == "dead" and "dead_rows" in f:
            return (translate("Dashboard", "Dead stock"), fill(translate(
                "Dashboard", "Products with stock and no issue in %1 days."), self._settings()[0]),
                lists.DeadModel(), f["dead_rows"])
        if key == "excess" and "excess_rows" in f:
            return (translate("Dashboard", "Excess stock"), fill(translate(
                "Dashboard", "Stock above %1 days of the average daily issues of the last 90 days (or the maximum "
                             "level)."), self._settings()[1]), lists.ExcessModel(), f["excess_rows"])
        return None

    # -- language ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.getting_started.setText(translate(
            "Dashboard", "Getting started: import your products, suppliers, customers and opening stock from Excel or "
                         "CSV with File › Import from Excel or CSV… (Ctrl+I), or add products one by one on the "
                         "Products screen. Add a second warehouse in Settings › Warehouses; the company name, address "
                         "and tax rate printed on documents are in Settings › General."))
        names = {"week": translate("Dashboard", "Last 7 days"), "month": translate("Dashboard", "Last month"),
                 "quarter": translate("Dashboard", "Last quarter"), "year": translate("Dashboard", "Last year"),
                 "custom": translate("Dashboard", "Custom")}
        for i, key in enumerate(_SPANS):
            self.span.setItemText(i, names[key])
        self.warehouse.setItemText(0, translate("Dashboard", "All warehouses"))
        self.period_label.setText(translate("Dashboard", "Period:"))
        self.warehouse_label.setText(translate("Dashboard", "Warehouse:"))
        self.refresh_button.setText(translate("Dashboard", "Refresh (F5)"))
        titles = {
            "sales": translate("Dashboard", "Sales this month"),
            "margin": translate("Dashboard", "Gross margin this month"),
            "fill": translate("Dashboard", "Fill rate (quantity)"),
            "stockouts": translate("Dashboard", "Stockout days"),
            "lost": translate("Dashboard", "Lost sales"),
            "backorders": translate("Dashboard", "Backordered lines"),
            "value": translate("Dashboard", "Inventory value"),
            "turnover": translate("Dashboard", "Stock turnover"),
            "dead": translate("Dashboard", "Dead stock"),
            "excess": translate("Dashboard", "Excess stock"),
            "alerts": translate("Dashboard", "Open reorder alerts"),
            "receivables": translate("Dashboard", "Overdue receivables"),
            "payables": translate("Dashboard", "Overdue payables"),
        }
        for key, tile in self.tiles.items():
            tile.title.setText(titles[key])
            tile.setToolTip(translate("Dashboard", "Click to see the list"))
        self.value_chart.retranslate()
        self.cover_chart.retranslate()
        self._say_progress()
        for group, key in (("first", "first"), ("trend", "trend"), ("stockouts", "stockout_rows"),
                           ("stock", "turnover_rows"), ("alerts", "alerts"), ("sales", "sales")):
            if key in self.figures:
                self._show(group)
