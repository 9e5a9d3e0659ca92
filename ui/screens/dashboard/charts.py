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
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate
_LINE = "#1f6feb"
_BAR = "#1a7f37"


def _money_axis(pg, orientation: str):
    """An axis that prints amounts in full with thousands separators (1,400,000), not 1.4e+06, and with the decimals
    its tick spacing needs (``ui.widgets.money_axis``): written without decimals, the axis of a new company's flat
    zero line (ticks 0.2 apart) read 1, 1, 1, 1, 0, 0 … -0, -1."""
    from ui.widgets.money_axis import MoneyAxis

    return MoneyAxis(orientation)


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


class _Chart(QWidget):
    """A chart that asks for no more height than its minimum: the dashboard's scroll area sizes its page by the height
    its parts prefer at its width, and a plot's preferred 480 px pushed the page past a 1280 × 800 window once the tiles
    took three rows. It still takes whatever room is left (its stretch in the page's layout)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), max(self.minimumHeight(), 1))


class ValueChart(_Chart):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from ui.widgets.date_axis import LocalDateAxis

        self.plot = _plot(pg, axisItems={"bottom": LocalDateAxis(orientation="bottom"),
                                         "left": _money_axis(pg, "left")})
        self.plot.getAxis("left").setWidth(80)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(mode="peak")
        self.curve = self.plot.plot(pen=pg.mkPen(_LINE, width=2), symbol="o", symbolSize=4,
                                    symbolBrush=pg.mkBrush(_LINE), symbolPen=None)
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
        if len(ys):  # the range of the values, not from zero: the trend is what matters here
            low, high = float(ys.min()), float(ys.max())
            margin = max((high - low) * 0.15, abs(high) * 0.01, 1.0)
            self.plot.setYRange(low - margin, high + margin, padding=0)
            self.plot.setXRange(xs[0], xs[-1], padding=0.02)

    def values(self) -> list[float]:
        """What the line shows now (for tests)."""
        _, ys = self.curve.getData()
        return [] if ys is None else [float(y) for y in ys]

    def retranslate(self) -> None:
        self.plot.setTitle(translate("Dashboard", "Inventory value"), color="#333333", size="10pt")


class CoverChart(_Chart):
    """Horizontal bars, one per category (the most cost at the top), so that Chinese category names read in full."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.plot = _plot(pg)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.getAxis("left").setWidth(90)
        self.bars = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), width=np.zeros(0), height=0.62,
                                    brush=pg.mkBrush(_BAR), pen=pg.mkPen(_BAR))
        self.plot.addItem(self.bars)
        self.labels: list = []
        self.rows: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def set_categories(self, rows) -> None:
        """``rows``: ``domain.reports.dashboard.Turnover``, the first drawn at the top (the most cost first)."""
        self.rows = list(rows)[:15]
        n = len(self.rows)
        ys = np.arange(n, dtype=float)[::-1].copy()
        widths = np.array([float(r.cover_days or 0) for r in self.rows])
        self.bars.setOpts(x0=np.zeros(n), y=ys, width=widths, height=0.62)
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        top = max(1.0, float(widths.max()) if n else 1.0)
        for y, r, w in zip(ys, self.rows, widths, strict=True):
            days = "–" if r.cover_days is None else f"{r.cover_days}"
            turns = "" if r.turns is None else f" · {r.turns}×"
            label = self._pg.TextItem(days + turns, color="#222222", anchor=(0.0, 0.5))
            label.setPos(w + top * 0.01, y)
            self.plot.addItem(label)
            self.labels.append(label)
        ticks = [(y, r.category or translate("Dashboard", "(none)")) for y, r in zip(ys, self.rows, strict=True)]
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setYRange(-0.6, max(1, n) - 0.4, padding=0)
        self.plot.setXRange(0, top * 1.4, padding=0)

    def heights(self) -> list[float]:
        """The bars' lengths (days of cover), top to bottom."""
        return [float(w) for w in self.bars.opts["width"]]

    def retranslate(self) -> None:
        self.plot.setTitle(translate("Dashboard", "Days of cover · turns, by category"), color="#333333",
                           size="10pt")
