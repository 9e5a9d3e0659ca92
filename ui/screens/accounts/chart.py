"""The ageing bars above the receivables and payables list: one bar per band of the ageing shown (by due date or by
the document's date, in the bands chosen), green (the youngest) to red (the oldest), each the total of the partners
the list shows.

Built once (pyqtgraph is imported when the first chart is made); ``set_totals`` only changes the bars' heights, and
``set_scheme`` their number, colours and captions. Amounts become floats here, for drawing only.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.accounts.ageing import Basis
from domain.accounts.ageing import Scheme
from ui.models.table import money_text
from ui.screens.accounts.words import BAND_COLOURS
from ui.screens.accounts.words import band_title
from ui.screens.accounts.words import translate


def colours(count: int) -> list[str]:
    """``count`` colours from green to red: the five of the standard bands, spread over as many as there are."""
    if count <= 1:
        return list(BAND_COLOURS[:count])
    last = len(BAND_COLOURS) - 1
    return [BAND_COLOURS[round(i * last / (count - 1))] for i in range(count)]


class AgeingChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.scheme = Scheme()
        count = len(self.scheme.ranges())
        self.values: list[Decimal] = [Decimal(0)] * count
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
        self.bars = pg.BarGraphItem(x=np.arange(count, dtype=float), height=np.zeros(count), width=0.62)
        self.plot.addItem(self.bars)
        self.labels: list = []
        self._shape(count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.retranslate()

    def _shape(self, count: int) -> None:
        """``count`` bars in their colours, with a label above each."""
        pg = self._pg
        paint = colours(count)
        self.bars.setOpts(x=np.arange(count, dtype=float), height=np.zeros(count),
                          brushes=[pg.mkBrush(c) for c in paint], pens=[pg.mkPen(c) for c in paint])
        while len(self.labels) < count:
            label = pg.TextItem("", color="#222222", anchor=(0.5, 1.0))
            self.plot.addItem(label)
            self.labels.append(label)
        while len(self.labels) > count:
            self.plot.removeItem(self.labels.pop())
        for x, label in enumerate(self.labels):
            label.setText("")
            label.setPos(x, 0)
        self.values = [Decimal(0)] * count
        self.plot.setXRange(-0.6, count - 0.4, padding=0)

    def set_scheme(self, scheme: Scheme) -> None:
        """A bar a band of ``scheme``."""
        if scheme != self.scheme:
            self.scheme = scheme
            self._shape(len(scheme.ranges()))
            self.retranslate()

    def set_totals(self, totals) -> None:
        """The bars' heights: ``totals`` (a ``BalanceRow`` of sums) band by band."""
        count = len(self.scheme.ranges())
        self.values = list(totals.bands) if len(totals.bands) == count else [Decimal(0)] * count
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
        ticks = [(i, band_title(*r)) for i, r in enumerate(self.scheme.ranges())]
        if self.scheme.basis == Basis.DUE:
            ticks[0] = (0, translate("Accounts", "Not yet due"))
            title = translate("Accounts", "Ageing (days overdue)")
        else:
            title = translate("Accounts", "Ageing (days since the document's date)")
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setTitle(title, color="#333333", size="10pt")
