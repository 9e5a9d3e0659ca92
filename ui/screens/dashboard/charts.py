"""The dashboard's charts: the stock value day by day over the period (a line on a date axis) and the days of cover
by category (bars, each labelled with its turns).

Built once (pyqtgraph is imported when the first chart is made); ``set_series`` and ``set_categories`` only feed
new arrays. Amounts become floats here, for drawing only.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import time

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate
_LINE = "#1f6feb"
_BAR = "#1a7f37"


def _plot(pg, **kwargs):
    plot = pg.PlotWidget(background="w", **kwargs)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.getAxis("left").setWidth(70)
    for name in ("bottom", "left"):
        plot.getAxis(name).setPen("#555555")
        plot.getAxis(name).setTextPen("#333333")
    return plot


class ValueChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from ui.widgets.date_axis import LocalDateAxis

        self.plot = _plot(pg, axisItems={"bottom": LocalDateAxis(orientation="bottom")})
        self.plot.setClipToView(True)
        self.plot.setDownsampling(mode="peak")
        self.curve = self.plot.plot(pen=pg.mkPen(_LINE, width=2), fillLevel=0, brush=pg.mkBrush(31, 111, 235, 40))
        self.points: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def set_series(self, series) -> None:
        """``series``: (day, value) pairs, oldest first."""
        self.points = list(series)
        xs = np.array([datetime.combine(d, time(12), tzinfo=UTC).timestamp() for d, _ in self.points])
        ys = np.array([float(v) for _, v in self.points])
        self.curve.setData(xs, ys)
        if len(ys):
            top = max(1.0, float(ys.max()))
            self.plot.setYRange(0, top * 1.1, padding=0)
            self.plot.setXRange(xs[0], xs[-1], padding=0.02)

    def values(self) -> list[float]:
        """What the line shows now (for tests)."""
        _, ys = self.curve.getData()
        return [] if ys is None else [float(y) for y in ys]

    def retranslate(self) -> None:
        self.plot.setTitle(translate("Dashboard", "Inventory value"), color="#333333", size="10pt")


class CoverChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.plot = _plot(pg)
        self.bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.62, brush=pg.mkBrush(_BAR),
                                    pen=pg.mkPen(_BAR))
        self.plot.addItem(self.bars)
        self.labels: list = []
        self.rows: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def set_categories(self, rows) -> None:
        """``rows``: ``domain.reports.dashboard.Turnover``, drawn in the order given (the most cost first)."""
        self.rows = list(rows)[:12]
        xs = np.arange(len(self.rows), dtype=float)
        heights = np.array([float(r.cover_days or 0) for r in self.rows])
        self.bars.setOpts(x=xs, height=heights)
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        top = max(1.0, float(heights.max()) if len(heights) else 1.0)
        for x, r, h in zip(xs, self.rows, heights, strict=True):
            text = "" if r.turns is None else f"{r.turns}×"
            label = self._pg.TextItem(text, color="#222222", anchor=(0.5, 1.0))
            label.setPos(x, h + top * 0.02)
            self.plot.addItem(label)
            self.labels.append(label)
        ticks = [(i, r.category or translate("Dashboard", "(none)")) for i, r in enumerate(self.rows)]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.6, max(1, len(self.rows)) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.18, padding=0)

    def heights(self) -> list[float]:
        return [float(h) for h in self.bars.opts["height"]]

    def retranslate(self) -> None:
        self.plot.setTitle(translate("Dashboard", "Days of cover by category (label: turns)"), color="#333333",
                           size="10pt")

