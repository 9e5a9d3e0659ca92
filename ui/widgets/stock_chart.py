"""A pyqtgraph step chart of stock on hand over time, one curve per warehouse.

pyqtgraph is imported when the first chart is made (about 0.8 s), not at start-up. Values
become floats only here, for drawing; the ledger stays Decimal.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

_COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7ea4"]


class StockChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from ui.widgets.date_axis import LocalDateAxis

        self._pg = pg
        self.plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(orientation="bottom")}, background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setClipToView(True)
        self.plot.setDownsampling(mode="peak")
        self.legend = self.plot.addLegend(offset=(-10, 10))  # top right, where a level curve rarely is
        self._curves: dict[str, object] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def set_movements(self, movements) -> None:
        """``movements``: MovementRow objects of one product, oldest first."""
        series: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        for m in movements:
            xs, ys = series[m.warehouse]
            xs.append(m.occurred_at.timestamp())
            ys.append(float(m.on_hand_after))
        now = time.time()
        for name in list(self._curves):
            if name not in series:
                self.plot.removeItem(self._curves.pop(name))
                self.legend.removeItem(name)
        low, high = 0.0, 1.0
        for n, (name, (xs, ys)) in enumerate(sorted(series.items())):
            low, high = min(low, *ys), max(high, *ys)
            xs.append(max(now, xs[-1]))
            ys.append(ys[-1])
            curve = self._curves.get(name)
            if curve is None:
                pen = self._pg.mkPen(_COLOURS[n % len(_COLOURS)], width=2)
                curve = self._curves[name] = self.plot.plot(stepMode="left", pen=pen, name=name)
            curve.setData(np.array(xs), np.array(ys))
        self.plot.enableAutoRange(x=True)
        self.plot.setYRange(low, high * 1.1, padding=0)  # from zero: a level reads true against it

    def retranslate(self) -> None:
        self.plot.setLabel("left", QCoreApplication.translate("StockChart", "On hand"))
        self.plot.getAxis("bottom").picture = None  # month names in the new language on the next paint
        self.plot.getAxis("bottom").update()
        self.plot.setTitle(QCoreApplication.translate("StockChart", "Stock level over time"), color="#333")
