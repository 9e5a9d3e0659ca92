"""The ageing bars above the receivables and payables list: one bar per band, green (not yet due) to red (over 90
days overdue), each the total of the partners the list shows.

Built once (pyqtgraph is imported when the first chart is made); ``set_totals`` only changes the bars' heights.
Amounts become floats here, for drawing only.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.models.table import money_text
from ui.screens.accounts.words import BAND_COLOURS
from ui.screens.accounts.words import BAND_TITLES
from ui.screens.accounts.words import BANDS
from ui.screens.accounts.words import t
from ui.screens.accounts.words import translate


class AgeingChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.values: list[Decimal] = [Decimal(0)] * len(BANDS)
        from ui.widgets.money_axis import MoneyAxis

        self.plot = pg.PlotWidget(background="w", axisItems={"left": MoneyAxis("left")})
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getAxis("left").setWidth(70)
        self.plot.getAxis("bottom").setPen("#555555")
        self.plot.getAxis("left").setPen("#555555")
        self.plot.getAxis("bottom").setTextPen("#222222")
        self.plot.getAxis("left").setTextPen("#555555")
        xs = np.arange(len(BANDS), dtype=float)
        self.bars = pg.BarGraphItem(x=xs, height=np.zeros(len(BANDS)), width=0.62,
                                    brushes=[pg.mkBrush(c) for c in BAND_COLOURS],
                                    pens=[pg.mkPen(c) for c in BAND_COLOURS])
        self.plot.addItem(self.bars)
        self.labels = []
        for x in xs:
            label = pg.TextItem("", color="#222222", anchor=(0.5, 1.0))
            label.setPos(x, 0)
            self.plot.addItem(label)
            self.labels.append(label)
        self.plot.setXRange(-0.6, len(BANDS) - 0.4, padding=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def set_totals(self, totals) -> None:
        """The bars' heights: ``totals`` (a ``BalanceRow`` of sums) band by band."""
        self.values = [getattr(totals, band) for band in BANDS]
        heights = np.array([float(v) for v in self.values])
        self.bars.setOpts(height=heights)
        top = max(1.0, float(heights.max()) if len(heights) else 1.0)
        for label, value, height in zip(self.labels, self.values, heights, strict=True):
            label.setText(money_text(value) if value else "")
            label.setPos(label.pos().x(), height + top * 0.02)
        self.plot.setYRange(0, top * 1.18, padding=0)

    def heights(self) -> list[float]:
        """What the bars show now (for tests)."""
        return [float(h) for h in self.bars.opts["height"]]

    def retranslate(self) -> None:
        ticks = [(i, t(title)) for i, title in enumerate(BAND_TITLES)]
        ticks[0] = (0, translate("Accounts", "Not yet due"))
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setTitle(translate("Accounts", "Ageing (days overdue)"), color="#333333", size="10pt")
