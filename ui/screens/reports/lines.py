"""What a row of a report is made of (``ReportLines``); here, a row of the margin report by customer: the customer's
sales lines over the report's period (and warehouse), each sale and, negative, each return with its document,
product, revenue, cost and margin, and under them the sums, which are the row's. Double-clicking the customer's row
opens it, as a product's row opens its movements; read on the task runner after
``domain.reports.access.authorize_reports``, as the report was."""

from __future__ import annotations

import time
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.numbers import ZERO
from domain.reports.model import percent
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.screen import ERROR_STYLE
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value} %"


class SalesLinesModel(RowTableModel):
    CONTEXT = "SalesLines"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SalesLines", "Date"), lambda r: r.occurred_at, when_text),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Document"), lambda r: r.document),
        Column(QT_TRANSLATE_NOOP("SalesLines", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Quantity"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Unit price"), lambda r: r.unit_price, price_text, True),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Revenue"), lambda r: r.revenue, money_text, True),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Cost"), lambda r: r.cost, money_text, True),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Margin"), lambda r: r.margin, money_text, True),
        Column(QT_TRANSLATE_NOOP("SalesLines", "Margin %"), lambda r: r.margin_pct, _pct, True),
    )


class ReportLines(QDialog):
    """What a report's row is made of, read on the task runner after ``authorize_reports`` as the report was: a
    heading, the lines (sortable), and under them what they add up to. A subclass names its ``MODEL`` and
    ``WIDTHS``, reads the lines (``read``) and says the heading and the sums (``retranslate``)."""

    MODEL: type[RowTableModel] = RowTableModel
    WIDTHS: dict[int, int] = {}
    SETTINGS = ""  # the table's key for its column widths

    def __init__(self, services, request, parent=None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.request = request
        self.loaded = False
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: 600;")
        self.busy_bar = BusyBar(self)
        self.model = self.MODEL(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = DataTable(self.SETTINGS, self)
        self.table.setModel(self.proxy)
        self.table.set_widths(self.WIDTHS)
        self.totals = QLabel(self)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self.resize(1000, 520)

    def read(self, services, offset: int) -> list:
        """The lines (on the task runner)."""
        raise NotImplementedError

    def titles(self) -> tuple[str, str]:
        """The window's title and the heading over the lines."""
        raise NotImplementedError

    def loading(self) -> str:
        raise NotImplementedError

    def summary(self) -> str:
        """What the lines (loaded) add up to."""
        raise NotImplementedError

    def retranslate(self) -> None:
        title, heading = self.titles()
        self.setWindowTitle(title)
        self.heading.setText(heading)
        self.model.retranslate()
        self.totals.setText(self.summary() if self.loaded else self.loading())

    def _load(self, services) -> None:
        offset = time.localtime().tm_gmtoff

        def job():
            from domain.reports.access import authorize_reports

            authorize_reports(services.reader())
            return self.read(services, offset)

        def done(rows) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.model.set_rows(rows)
                self.loaded = True
                self.retranslate()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.totals.setStyleSheet(ERROR_STYLE)
                self.totals.setText(refusal_text(exc))

        self.busy_bar.busy(True)
        services.tasks.submit(job, on_done=done, on_error=failed)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CustomerSalesLines(ReportLines):
    """The sales lines of ``code`` (named ``name``) the margin report ``request`` summed into its row."""

    MODEL = SalesLinesModel
    WIDTHS = {0: 115, 1: 120, 2: 80, 3: 190, 4: 65, 5: 75, 6: 85, 7: 85, 8: 80, 9: 65}
    SETTINGS = "report-sales-lines"

    def __init__(self, services, request, code: str, name: str, parent=None) -> None:
        super().__init__(services, request, parent)
        self.code, self.name = code, name
        self.retranslate()
        self._load(services)

    def read(self, services, offset: int) -> list:
        request = self.request
        return services.reports.customer_sales_lines(request.period, self.code, warehouse=request.warehouse,
                                                     utc_offset_seconds=offset)

    def sums(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """Quantity, revenue, cost and margin of the lines: the report's row."""
        rows = self.model.rows
        return (sum((r.qty for r in rows), ZERO), sum((r.revenue for r in rows), ZERO),
                sum((r.cost for r in rows), ZERO), sum((r.margin for r in rows), ZERO))

    def titles(self) -> tuple[str, str]:
        request = self.request
        where = request.warehouse or translate("SalesLines", "all warehouses")
        return (fill(translate("SalesLines", "Sales to %1"), self.name or self.code),
                fill(translate("SalesLines", "Sales lines of %1 %2, %3 to %4, %5"), self.code, self.name,
                     request.first.isoformat(), request.last.isoformat(), where))

    def loading(self) -> str:
        return translate("SalesLines", "Loading…")

    def summary(self) -> str:
        qty, revenue, cost, margin = self.sums()
        count = len(self.model.rows)  # lupdate records a plural only when its count is a plain name
        return fill(translate("SalesLines", "%n line(s): quantity %1, revenue %2, cost %3, margin %4 (%5)", None,
                              count),
                    qty_text(qty), money_text(revenue), money_text(cost), money_text(margin),
                    _pct(percent(margin, revenue)) or "—")
