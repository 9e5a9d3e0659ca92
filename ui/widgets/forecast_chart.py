"""A pyqtgraph chart of one product's weekly demand, its forecast and the stock levels planning set.

``chart_data`` turns a ``domain.planning.run.ItemPlan`` into plain float arrays (numpy, no Qt): call it on
the task runner; ``ForecastChart.set_data`` only hands the arrays to items that were built once.

* history: demand per week (the bar of the week's Monday), a gap where the week was censored;
* fitted: the chosen method's one-step-ahead forecast of each history week (``ForecastResult.fitted``,
  when the forecast carries it), so a reader sees how well the method followed the past;
* censored weeks: shaded grey bars over the whole height (the shelf was empty, demand not observed);
* forecast: the mean per future week and a band between a low and a high quantile of the forecast
  (the lowest quantile below the median if the forecast has one, else the median, up to the 90 %);
* reorder point and safety stock: horizontal lines;
* projected stock: on hand − reserved less the cumulative mean forecast, from today over the lead time
  plus the review period (what the reorder decision covers; at least two weeks), with what is on order
  (issued and draft purchase orders) arriving after the lead time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time as dtime
from datetime import timedelta

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from ui.i18n import fill

translate = QCoreApplication.translate

WEEK = 7 * 86400.0
VISIBLE_WEEKS = 60
LEGEND_COLUMNS = (4, 3, 2, 1)  # the eight entries in two rows or more: as many columns as the width holds
LEGEND_ROW = 4  # of the plot item's grid: title, top axis, the plot, bottom axis, then the legend
LEGEND_SPACING = 4
BELOW_ZERO_MARGIN = 0.08  # of the quantity range: room under the lowest projected stock when it falls below zero


def _ts(day: date) -> float:
    return datetime.combine(day, dtime(0)).timestamp()


@dataclass(frozen=True)
class ChartData:
    history_x: np.ndarray
    history_y: np.ndarray  # NaN where censored
    fitted_y: np.ndarray  # one per history week (NaN where none), or empty
    censored_x: np.ndarray  # week starts of the censored weeks
    forecast_x: np.ndarray
    forecast_mean: np.ndarray
    band_low: np.ndarray
    band_high: np.ndarray
    band_quantiles: tuple[float, float]
    projected_x: np.ndarray
    projected_y: np.ndarray
    reorder_point: float | None
    safety_stock: float | None
    title: str


def _band(quantiles: dict, mean: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    if not quantiles:
        return mean, mean, (0.5, 0.5)
    qs = sorted(float(q) for q in quantiles)
    low = qs[0] if qs[0] < 0.5 else min(qs, key=lambda q: abs(q - 0.5))
    high = min(qs, key=lambda q: abs(q - 0.9))
    get = {float(q): np.asarray(v, dtype=float) for q, v in quantiles.items()}
    return np.minimum(get[low], mean), np.maximum(get[high], mean), (low, high)


def chart_data(item, today: date | None = None) -> ChartData:
    """The arrays to draw for one ``ItemPlan`` (call off the GUI thread)."""
    history = np.asarray(item.history, dtype=float)
    starts = list(item.week_starts)
    history_x = np.array([_ts(d) for d in starts], dtype=float)
    censored_x = history_x[np.isnan(history)] if len(history) else np.array([], dtype=float)
    forecast = item.forecast
    mean = np.asarray(getattr(forecast, "mean", []), dtype=float)
    first_future = (starts[-1] + timedelta(days=7)) if starts else (today or clock.today())
    forecast_x = np.array([_ts(first_future + timedelta(days=7 * i)) for i in range(len(mean))], dtype=float)
    low, high, qs = _band(getattr(forecast, "quantiles", {}) or {}, mean)
    fitted = np.asarray(getattr(forecast, "fitted", None) if getattr(forecast, "fitted", None) is not None else [],
                        dtype=float)
    if len(fitted) != len(history):
        fitted = np.array([], dtype=float)

    e = item.explanation or {}
    today = e.get("today") or today or first_future
    projected_x = np.array([], dtype=float)
    projected_y = np.array([], dtype=float)
    if e and len(mean):
        available = float(e.get("on_hand", 0)) - float(e.get("reserved", 0))
        on_order = float(e.get("on_order", 0))
        lead = float(e.get("lead_time_days") or 0)
        cover = max(14, int(lead + float(e.get("review_days") or 7)))
        days = np.arange(0, min(7 * len(mean), cover) + 1, dtype=float)
        daily = np.repeat(mean / 7.0, 7)[: len(days) - 1]
        used = np.concatenate([[0.0], np.cumsum(daily)])
        projected_y = available - used + np.where(days >= lead, on_order, 0.0)
        projected_x = _ts(today) + days * 86400.0
    rop = e.get("reorder_point")
    ss = e.get("safety_stock")
    warehouse = "" if item.warehouse == "*" else f" · {item.warehouse}"
    return ChartData(
        history_x=history_x, history_y=history, fitted_y=fitted, censored_x=censored_x, forecast_x=forecast_x,
        forecast_mean=mean, band_low=np.asarray(low, dtype=float), band_high=np.asarray(high, dtype=float),
        band_quantiles=qs, projected_x=projected_x, projected_y=projected_y,
        reorder_point=None if rop is None else float(rop), safety_stock=None if ss is None else float(ss),
        title=f"{item.sku} {item.name}{warehouse}",
    )


class ForecastChart(QWidget):
    """History, censored weeks, forecast with its band, reorder point, safety stock and projected stock."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from ui.widgets.date_axis import LocalDateAxis

        self._pg = pg
        self.data: ChartData | None = None
        self.plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(orientation="bottom")}, background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        # quantities as they are: never "Quantity (x0.001)" or "(x1e+03)" over the axis
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        # under the plot, outside the data: in the plot's top left it covered the history, and no corner stays clear
        # (the history spans the width, the forecast and the levels reach the top right) at any size
        self.legend = pg.LegendItem(colCount=LEGEND_COLUMNS[0], frame=False, labelTextColor="#333333",
                                    horSpacing=LEGEND_SPACING, verSpacing=-4)
        self.plot.getPlotItem().layout.addItem(self.legend, LEGEND_ROW, 1)
        self.censored = pg.BarGraphItem(x0=[], height=[], width=WEEK, brush=pg.mkBrush(150, 150, 150, 70),
                                        pen=pg.mkPen(None))
        self.plot.addItem(self.censored)
        self.band_low = pg.PlotDataItem(pen=pg.mkPen(None))
        self.band_high = pg.PlotDataItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.band_low, self.band_high, brush=pg.mkBrush(31, 111, 235, 60))
        self.plot.addItem(self.band)
        self.history = self.plot.plot(pen=pg.mkPen("#333333", width=2), symbol="o", symbolSize=4,
                                      symbolBrush="#333333", connect="finite")
        self.fitted = self.plot.plot(pen=pg.mkPen("#8250df", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine),
                                     connect="finite")
        self.forecast = self.plot.plot(pen=pg.mkPen("#1f6feb", width=2), symbol="o", symbolSize=4,
                                       symbolBrush="#1f6feb")
        self.projected = self.plot.plot(pen=pg.mkPen("#1a7f37", width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.reorder_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen("#d1242f", width=1.5))
        self.safety_line = pg.InfiniteLine(angle=0, movable=False,
                                           pen=pg.mkPen("#9a6700", width=1.5, style=pg.QtCore.Qt.PenStyle.DotLine))
        self.plot.addItem(self.reorder_line)
        self.plot.addItem(self.safety_line)
        # legend rows for the items that are not plot curves
        self._legend_items = [self.history, self.fitted, self.forecast, self.band, self.projected, self.censored,
                              self.reorder_line, self.safety_line]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.clear()
        self.retranslate()

    def clear(self) -> None:
        self.data = None
        empty = np.array([], dtype=float)
        for item in (self.history, self.fitted, self.forecast, self.projected, self.band_low, self.band_high):
            item.setData(empty, empty)
        self.censored.setOpts(x0=empty, height=empty, width=WEEK)
        self.reorder_line.hide()
        self.safety_line.hide()
        self.plot.setTitle("")
        # no product yet: dated weeks up to today and a quantity scale from 0, not pyqtgraph's -0.5…0.5 around
        # 1970-01-01 (which read as seconds, "59.600 … 00:00:00", over "-400 … 400")
        today = _ts(clock.today())
        self.plot.setXRange(today - VISIBLE_WEEKS * WEEK, today + 13 * WEEK, padding=0)
        self.plot.setYRange(0.0, 10.0, padding=0)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.history.setData(data.history_x, data.history_y, connect="finite")
        if len(data.fitted_y):
            self.fitted.setData(data.history_x, data.fitted_y, connect="finite")
        else:
            self.fitted.setData(np.array([], dtype=float), np.array([], dtype=float))
        self.forecast.setData(data.forecast_x, data.forecast_mean)
        self.band_low.setData(data.forecast_x, data.band_low)
        self.band_high.setData(data.forecast_x, data.band_high)
        self.projected.setData(data.projected_x, data.projected_y)
        values = [data.history_y, data.fitted_y, data.forecast_mean, data.band_high, data.projected_y]
        finite = [v[np.isfinite(v)] for v in values if len(v)]
        top = max([float(v.max()) for v in finite if len(v)] + [data.reorder_point or 0.0, 1.0])
        bottom = min([float(v.min()) for v in finite if len(v)] + [0.0])
        self.censored.setOpts(x0=data.censored_x, height=np.full(len(data.censored_x), top * 1.05), width=WEEK)
        for line, value in ((self.reorder_line, data.reorder_point), (self.safety_line, data.safety_stock)):
            line.setVisible(value is not None and math.isfinite(value))
            if value is not None and math.isfinite(value):
                line.setValue(value)
        if bottom < 0:  # a projected stock below zero (demand not met): its end in view, clear of the bottom edge,
            # where it read as running off the chart
            bottom -= BELOW_ZERO_MARGIN * (top * 1.1 - bottom)
        self.plot.setYRange(bottom, top * 1.1, padding=0)
        xs = [x for x in (data.history_x, data.forecast_x, data.projected_x) if len(x)]
        if xs:  # the last year and the forecast; older history is a pan or zoom away
            right = max(float(x.max()) for x in xs) + WEEK
            left = max(min(float(x.min()) for x in xs), right - VISIBLE_WEEKS * WEEK)
            self.plot.setXRange(left, right, padding=0.01)
        self._set_legend()
        self.plot.setTitle(data.title, color="#333")

    def _set_legend(self) -> None:
        low, high = self.data.band_quantiles if self.data else (0.5, 0.9)
        names = [
            translate("ForecastChart", "Demand per week"),
            translate("ForecastChart", "Fitted (one week ahead)"),
            translate("ForecastChart", "Forecast (mean)"),
            fill(translate("ForecastChart", "Forecast %1–%2 %"), f"{low * 100:g}", f"{high * 100:g}"),
            translate("ForecastChart", "Projected stock"),
            translate("ForecastChart", "Out of stock (censored)"),
            translate("ForecastChart", "Reorder point"),
            translate("ForecastChart", "Safety stock"),
        ]
        self.legend.clear()
        for item, name in zip(self._legend_items, names, strict=True):
            if isinstance(item, self._pg.InfiniteLine):
                self.legend.addItem(self._pg.PlotDataItem(pen=item.pen), name)
            elif item is self.band:  # a FillBetweenItem as its own legend sample crashes the paint
                self.legend.addItem(self._pg.PlotDataItem(pen=None, fillLevel=0, fillBrush=item.brush()), name)
            else:
                self.legend.addItem(item, name)
        self._fit_legend()  # the names' widths differ between languages

    def _fit_legend(self) -> None:
        """As many legend columns as the chart's width holds: wider than the chart, the legend pushed the plot past
        the widget's right edge (the newest weeks and the forecast cut off)."""
        if not self.legend.items:
            return
        widths = [sample.width() + label.item.boundingRect().width() + 3 * LEGEND_SPACING
                  for sample, label in self.legend.items]
        room = self.plot.width() - self.plot.getAxis("left").width() - 8
        columns = next((n for n in LEGEND_COLUMNS if sum(max(widths[c::n]) for c in range(n)) <= room),
                       LEGEND_COLUMNS[-1])
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)
            self.legend.updateGeometry()  # the plot's grid asks the legend's size again
            self.plot.getPlotItem().setGeometry(self.plot.range)  # and lays out anew, held no wider than the widget

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_legend()

    def retranslate(self) -> None:
        self.plot.setLabel("left", translate("ForecastChart", "Quantity"))
        self.plot.getAxis("bottom").picture = None  # month names in the new language on the next paint
        self.plot.getAxis("bottom").update()
        self._set_legend()
