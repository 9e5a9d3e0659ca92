"""The picture beside a report, drawn from its sheet (``ui.report_sheets.Sheet``) by the columns' keys: the margin
per row (by category, all of them; else the 20 largest), the ranking's top 20, the ageing bands stacked per row (the
20 largest by value), the 20 largest net purchases. Horizontal bars, so the names read on the left axis. The other
reports have none."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

TOP = 20
COLOURS = ("#1f6feb", "#2da44e", "#bf8700", "#d1242f", "#8250df", "#57606a", "#0a7ea4", "#cf222e")
_SHORT = 14  # the characters of a label on the axis


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def bars_of(sheet, kind: str, by: str) -> tuple[list[str], list[tuple[str, list[float]]]] | None:
    """The chart's labels (top to bottom) and its series (name, one value per label), or None for no chart."""
    if sheet is None or not sheet.rows:
        return None
    keys = [c.key for c in sheet.columns]
    label_at = 0 if kind != "ranking" else keys.index("sku")
    name_at = keys.index("name") if "name" in keys else None

    def label(row) -> str:
        text = str(row[label_at] or "—")
        if name_at is not None and kind == "ranking" and row[name_at]:
            return _short(str(row[name_at]))
        return _short(text)

    def number(value) -> float:
        return float(value) if isinstance(value, Decimal) else 0.0

    if kind == "margin":
        at = keys.index("margin")
        rows = sorted(sheet.rows, key=lambda r: number(r[at]), reverse=True)[:TOP]
        column = next(c for c in sheet.columns if c.key == "margin")
        return [label(r) for r in rows], [(column.label, [number(r[at]) for r in rows])]
    if kind == "purchases":  # the 20 largest net purchases, named by supplier code and or SKU ("—": no supplier)
        at = keys.index("net_value")
        rows = sorted(sheet.rows, key=lambda r: number(r[at]), reverse=True)[:TOP]
        named = [keys.index(k) for k in ("supplier", "sku") if k in keys]
        return ([_short(" ".join(str(r[i] or "—") for i in named)) for r in rows],
                [(sheet.columns[at].label, [number(r[at]) for r in rows])])
    if kind == "ranking":
        at = keys.index("revenue" if by != "quantity" else "qty")
        rows = sheet.rows[:TOP]
        column = sheet.columns[at]
        return [label(r) for r in rows], [(column.label, [number(r[at]) for r in rows])]
    if kind == "ageing":
        value_at = keys.index("value")
        bands = [i for i, k in enumerate(keys) if k.startswith("band_") and k.endswith("_value")]
        rows = sorted(sheet.rows, key=lambda r: number(r[value_at]), reverse=True)[:TOP]
        names = [sheet.columns[i].label.removesuffix(" value").removesuffix(" 金额") for i in bands]  # the band
        return [label(r) for r in rows], [(n, [number(r[i]) for r in rows]) for n, i in zip(names, bands, strict=True)]
    return None


class ReportChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        from ui.widgets.money_axis import MoneyAxis

        self.pg = pg
        self.plot = pg.PlotWidget(self, axisItems={"bottom": MoneyAxis("bottom")})
        self.plot.setBackground("w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, alpha=0.25)
        self.plot.hideButtons()
        self.plot.getAxis("left").setWidth(120)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.items: list = []
        self.series: list[tuple[str, list[float]]] = []
        self.labels: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

    def show_bars(self, title: str, labels: list[str], series: list[tuple[str, list[float]]]) -> None:
        """Horizontal bars, one per label from the top; more than one series stacks (with a legend)."""
        pg = self.pg
        for item in self.items:
            self.plot.removeItem(item)
        self.items = []
        self.labels, self.series = labels, series
        self.plot.setTitle(title, size="9pt", color="#333")
        n = len(labels)
        ys = [n - 1 - i for i in range(n)]  # the first label on top
        self.legend.setVisible(len(series) > 1)
        self.legend.setText("&nbsp;&nbsp; ".join(
            f'<span style="color:{COLOURS[k % len(COLOURS)]}">■</span>&nbsp;{escape(name)}'
            for k, (name, _values) in enumerate(series)))
        start = [0.0] * n
        for k, (_name, values) in enumerate(series):
            colour = COLOURS[k % len(COLOURS)]
            bars = pg.BarGraphItem(x0=list(start), y=ys, height=0.7, width=values, brush=pg.mkBrush(colour),
                                   pen=pg.mkPen(None))
            self.plot.addItem(bars)
            self.items.append(bars)
            start = [s + max(0.0, v) for s, v in zip(start, values, strict=True)]
        self.plot.getAxis("left").setTicks([[(y, text) for y, text in zip(ys, labels, strict=True)]])
        if n:
            self.plot.setYRange(-0.6, n - 0.4, padding=0)
            low = min([0.0, *(v for _, values in series for v in values)])
            high = max([1.0, *start])
            self.plot.setXRange(low, high * 1.02, padding=0)
