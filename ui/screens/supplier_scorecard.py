"""The Suppliers screen's Scorecard tab: every supplier's scorecard for a period (``domain.purchasing.scorecard``),
and for the selected one a chart of its on-time rate and lead time per month and the prices it was paid.

The scorecards are read in one background task per period (``services.purchasing.scorecards``); choosing another
supplier only shows what was read. The tab reads nothing until it is first shown.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from domain.purchasing.scorecard import DEFAULT_DAYS
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowRole
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "SupplierScorecard"


def percent(rate) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"


def lead_text(lead) -> str:
    if lead.source == "terms":
        return fill(translate("SupplierScorecard", "%1 (stated)"), f"{lead.days:.0f}")
    return f"{lead.days:.1f} ± {lead.sigma_days:.1f}"


LEAD = 5  # the lead-time column


class ScorecardModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Code"), lambda s: s.code),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Name"), lambda s: s.name),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "On time"), lambda s: s.on_time_rate, percent, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Receipts"), lambda s: s.receipts, str, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Days late"), lambda s: s.days_late,
               lambda v: "" if v is None else f"{v:.1f}", True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Lead time (days)"), lambda s: s.lead_time.days,
               lambda _v: "", True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Fill rate"), lambda s: s.fill_rate, percent, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Short lines"), lambda s: s.short_lines, str, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Returns"), lambda s: s.returns, str, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Returned value"), lambda s: s.returned_value, money_text,
               True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Of received"), lambda s: s.returns_share, percent, True),
    )

    def cell(self, row: int, column: int, role):
        if column == LEAD and role == Qt.ItemDataRole.DisplayRole:
            return lead_text(self.row(row).lead_time)  # the text needs the whole LeadTime; sorted by its days
        return super().cell(row, column, role)


class PriceModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "SKU"), lambda p: p.sku),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Currency"), lambda p: p.currency),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "First price"), lambda p: p.first, price_text, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Last price"), lambda p: p.last, price_text, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Change"), lambda p: p.change, percent, True),
        Column(QT_TRANSLATE_NOOP("SupplierScorecard", "Prices paid"),
               lambda p: "  ".join(f"{x.on.strftime('%m-%d')} {price_text(x.unit_price)}" for x in p.points)),
    )


class MonthChart(QWidget):
    """Two small plots over the months of receipt: on-time rate (bars, %) and mean lead time (line, days)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.pg = pg
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.on_time = self.view.addPlot(row=0, col=0)
        self.lead = self.view.addPlot(row=1, col=0)
        self.lead.setXLink(self.on_time)
        for plot in (self.on_time, self.lead):
            plot.showGrid(y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
        self.on_time.setYRange(0, 100, padding=0.05)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=pg.mkBrush("#1f6feb"), pen=pg.mkPen(None))
        self.on_time.addItem(self.bars)
        self.line = self.lead.plot(pen=pg.mkPen("#9a6700", width=2), symbol="o", symbolSize=6,
                                   symbolBrush="#9a6700")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.months: list = []
        self.retranslate()

    def set_months(self, months) -> None:
        self.months = list(months)
        xs = list(range(len(self.months)))
        rates = [float(m.on_time_rate * 100) if m.on_time_rate is not None else 0.0 for m in self.months]
        self.bars.setOpts(x=xs, height=rates)
        lead = [(i, m.lead_days) for i, m in enumerate(self.months) if m.lead_days is not None]
        self.line.setData([i for i, _ in lead], [d for _, d in lead])
        ticks = [[(i, m.month) for i, m in enumerate(self.months)]]
        for plot in (self.on_time, self.lead):
            plot.getAxis("bottom").setTicks(ticks)
        if xs:
            self.on_time.setXRange(-0.6, len(xs) - 0.4, padding=0)

    def retranslate(self) -> None:
        self.on_time.setTitle(translate("SupplierScorecard", "On time per month (%)"), size="9pt", color="#333")
        self.lead.setTitle(translate("SupplierScorecard", "Lead time per month (days)"), size="9pt", color="#333")


class ScorecardPanel(QWidget):
    # a supplier chosen on the scorecard's own list (its code): the screen's list and details follow, on their page
    supplier_chosen = Signal(str)

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.code: str | None = None
        self.cards: dict[str, object] = {}
        self.loaded_once = False
        self.busy_bar = BusyBar(self)
        today = clock.today()
        self.start = DayEdit(parent=self)
        self.end = DayEdit(parent=self)
        for edit, day in ((self.start, today - timedelta(days=DEFAULT_DAYS - 1)), (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.start_label, self.end_label = QLabel(self), QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.model = ScorecardModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = DataTable("supplier-scorecards", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({0: 50, 1: 160, 2: 65, 3: 65, 4: 75, 5: 110, 6: 65, 7: 80, 8: 60, 9: 100, 10: 85})
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.detail = QGroupBox(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.chart = MonthChart(self)
        self.chart.setMinimumHeight(220)
        self.prices = PriceModel(self)
        self.price_table = DataTable("supplier-prices", self)
        self.price_table.setModel(self.prices)
        self.price_table.set_widths({0: 90, 1: 60})
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.chart)
        bottom.addWidget(self.price_table)
        bottom.setSizes([420, 640])  # the prices' six columns whole at 1280 px
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.summary)
        detail_layout.addWidget(bottom, 1)
        bar = QHBoxLayout()
        for widget in (self.start_label, self.start, self.end_label, self.end):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([220, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.busy_bar)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.retranslate()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self.loaded_once:
            self.refresh()

    def refresh(self) -> None:
        start, end = self.period()
        if start > end:
            self.message.setText(translate("SupplierScorecard", "The period's first day is after its last day."))
            return
        self.loaded_once = True
        self.message.clear()
        self.busy_bar.busy(True)
        purchasing = self.services.purchasing
        self.services.tasks.submit(lambda: ((start, end), purchasing.scorecards(start, end)),
                                   on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        period, cards = result
        if not alive(self) or period != self.period():
            return
        self.busy_bar.busy(False)
        self.model.set_rows(cards)
        self.cards = {s.code: s for s in cards}
        self.show_supplier(self.code)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.message.setText(refusal_text(exc))

    def _row_chosen(self, current, _previous=None) -> None:
        card = current.data(RowRole) if current.isValid() else None
        if card is not None and card.code != self.code:
            self.show_supplier(card.code)
            self.supplier_chosen.emit(card.code)

    def set_supplier(self, code: str | None) -> None:
        """The supplier chosen on the screen's list."""
        if code != self.code:
            self.show_supplier(code)

    def show_supplier(self, code: str | None) -> None:
        self.code = code
        card = self.cards.get(code) if code else None
        for i in range(self.proxy.rowCount()):
            if self.proxy.index(i, 0).data(RowRole).code == code:
                if self.table.currentIndex().row() != i:
                    self.table.selectRow(i)
                break
        self.chart.set_months(card.months if card else [])
        self.prices.set_rows(card.prices if card else [])
        self.summary.setText(self.summary_text(card) if card else
                             translate("SupplierScorecard", "Choose a supplier to see its months and prices."))
        self.detail.setTitle(fill(translate("SupplierScorecard", "Scorecard of %1"), f"{card.name} ({card.code})")
                             if card else translate("SupplierScorecard", "Scorecard"))

    def summary_text(self, s) -> str:
        if s.receipts:
            on_time = fill(translate("SupplierScorecard", "On time: %1 of %2 receipts (%3)"), str(s.on_time),
                           str(s.receipts), percent(s.on_time_rate))
        else:
            on_time = translate("SupplierScorecard", "No receipt against a promised date in the period.")
        parts = [on_time, fill(translate("SupplierScorecard", "lead time %1 days"), lead_text(s.lead_time)),
                 fill(translate("SupplierScorecard", "fill rate %1 (%2 short lines)"), percent(s.fill_rate) or "–",
                      str(s.short_lines)),
                 fill(translate("SupplierScorecard", "%1 return(s) worth %2 (%3 of received)"), str(s.returns),
                      money_text(s.returned_value), percent(s.returns_share) or "–")]
        return translate("SupplierScorecard", "; ").join(parts)

    def retranslate(self) -> None:
        self.start_label.setText(translate("SupplierScorecard", "From"))
        self.end_label.setText(translate("SupplierScorecard", "to"))
        self.model.retranslate()
        self.prices.retranslate()
        self.chart.retranslate()
        self.show_supplier(self.code)
