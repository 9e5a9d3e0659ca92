"""The Reports screen: the 进销存 reports (stock summary, purchase summary, sales margin, sales ranking, slow movers,
stock status, stock ageing) for a period, grouped as each allows, for one warehouse or all; the table (sortable, the
total pinned last), a chart where a picture helps, and Excel and PDF made by the command line's writers
(``ui.spreadsheets.write_xlsx``, ``ui.pdf.reports.render_sheet``) in the window's language.

A report is read and made into a sheet (``ui.report_build.build`` over ``services.reports``) in one background
task after ``domain.reports.access.authorize_reports``; a newer request supersedes one still running. Reading
needs ``Permission.ACCOUNTS``, as on the command line (the screen is listed only for roles that hold it).
Double-clicking a row shows what it is made of: a product's row opens the Movements screen on that product, a
customer's row (the sales margin by customer) the customer's sales lines over the period (``lines.CustomerSalesLines``),
a purchase summary's row its receipt and return lines (``purchase_lines.PurchaseLines``).
"""

from __future__ import annotations

import time
from datetime import date
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from domain.reports.ageing import DEFAULT_BANDS
from ui import report_build as rb
from ui.i18n import CHINESE
from ui.i18n import ENGLISH
from ui.i18n import current_language
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.screens.reports.chart import ReportChart
from ui.screens.reports.chart import bars_of
from ui.screens.reports.model import SheetModel
from ui.screens.reports.total_row import TotalRow
from ui.watch import quiet_fill
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.screen import Screen

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "ReportsScreen"

REPORT_NAMES = {  # translate("ReportsScreen", …) when shown
    rb.STOCK_SUMMARY: QT_TRANSLATE_NOOP("ReportsScreen", "Stock summary (进销存汇总)"),
    rb.PURCHASES: QT_TRANSLATE_NOOP("ReportsScreen", "Purchase summary"),
    rb.UNINVOICED: QT_TRANSLATE_NOOP("ReportsScreen", "Received, not invoiced"),
    rb.MARGIN: QT_TRANSLATE_NOOP("ReportsScreen", "Sales margin"),
    rb.RANKING: QT_TRANSLATE_NOOP("ReportsScreen", "Sales ranking"),
    rb.SLOW: QT_TRANSLATE_NOOP("ReportsScreen", "Slow movers"),
    rb.STATUS: QT_TRANSLATE_NOOP("ReportsScreen", "Stock status"),
    rb.AGEING: QT_TRANSLATE_NOOP("ReportsScreen", "Stock ageing"),
}
GROUP_NAMES = {
    "product": QT_TRANSLATE_NOOP("ReportsScreen", "Product"),
    "category": QT_TRANSLATE_NOOP("ReportsScreen", "Category"),
    "warehouse": QT_TRANSLATE_NOOP("ReportsScreen", "Warehouse"),
    "customer": QT_TRANSLATE_NOOP("ReportsScreen", "Customer"),
    "supplier": QT_TRANSLATE_NOOP("ReportsScreen", "Supplier"),
    "supplier-product": QT_TRANSLATE_NOOP("ReportsScreen", "Supplier and product"),
    "salesperson": QT_TRANSLATE_NOOP("ReportsScreen", "Salesperson"),
    "revenue": QT_TRANSLATE_NOOP("ReportsScreen", "Revenue"),
    "quantity": QT_TRANSLATE_NOOP("ReportsScreen", "Quantity"),
}
THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, CUSTOM = "this_month", "last_month", "this_quarter", "this_year", ""
QUICK = (THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR, CUSTOM)
QUICK_NAMES = {
    THIS_MONTH: QT_TRANSLATE_NOOP("ReportsScreen", "This month"),
    LAST_MONTH: QT_TRANSLATE_NOOP("ReportsScreen", "Last month"),
    THIS_QUARTER: QT_TRANSLATE_NOOP("ReportsScreen", "This quarter"),
    THIS_YEAR: QT_TRANSLATE_NOOP("ReportsScreen", "This year"),
    CUSTOM: QT_TRANSLATE_NOOP("ReportsScreen", "Custom"),
}


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def quick_period(choice: str, today: date) -> tuple[date, date]:
    """The first and last day of ``choice``: this month, last month, this quarter or this year (to its end)."""
    if choice == LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if choice == THIS_QUARTER:
        first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return first, _month_end(first.replace(month=first.month + 2))
    if choice == THIS_YEAR:
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    return today.replace(day=1), _month_end(today)


def file_language() -> str:
    return CHINESE if current_language() == CHINESE else ENGLISH


def _days_behind(request: rb.ReportRequest, values: list, model) -> date:
    """From when a row of a report read on one day shows its movements: a slow mover's last issue (a year back
    when it never had one), an ageing row's oldest stock, or the 90 days the stock status averages its issues
    over, whichever is earliest; a slow mover's last issue lies before the 90 days Movements shows by itself."""
    days = [request.last - timedelta(days=89)]
    for key in ("last_issue", "oldest", "received_on"):
        at = model.column_of(key)
        if at >= 0 and isinstance(values[at], date):
            days.append(values[at])
    if request.kind == rb.SLOW and model.column_of("last_issue") >= 0 and values[model.column_of("last_issue")] is None:
        days.append(request.last - timedelta(days=365))
    return min(days)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsScreen(Screen):
    marks_stale = True  # a report is a snapshot: say it is out of date, reload on F5

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.sheet = None
        self.request: rb.ReportRequest | None = None  # the request of the sheet shown
        self._refresh_due = False
        self.kind_label, self.period_label, self.by_label, self.warehouse_label = (QLabel(self) for _ in range(4))
        self.from_label, self.to_label, self.option_label = QLabel(self), QLabel(self), QLabel(self)
        self.kind = QComboBox(self)
        for kind in rb.KINDS:
            self.kind.addItem("", kind)
        self.quick = QComboBox(self)
        for choice in QUICK:
            self.quick.addItem("", choice)
        self.first, self.last = DayEdit(parent=self), DayEdit(parent=self)
        self.by = QComboBox(self)
        self.by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # its items change with the report
        self.warehouse = QComboBox(self)
        self.warehouse.addItem("", None)
        self.top = QSpinBox(self)
        self.top.setRange(1, 10_000)
        self.top.setValue(20)
        self.slow_days = QSpinBox(self)
        self.slow_days.setRange(1, 3650)
        self.slow_days.setValue(90)
        self.bands = QLineEdit(",".join(map(str, DEFAULT_BANDS)), self)
        self.bands.setMaximumWidth(140)
        self.run_button = QPushButton(self)
        self.excel_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.model = SheetModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self.drill_down)
        self.lines_window = None  # the customer's sales lines (or a purchase row's lines) last opened
        self.chart = ReportChart(self)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        tables = QWidget(self)
        stacked = QVBoxLayout(tables)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.setSpacing(0)
        stacked.addWidget(self.table, 1)
        self.total_row = TotalRow(self.table, tables)  # the 合计 stays in sight under the rows
        stacked.addWidget(self.total_row)
        self.split.addWidget(tables)
        self.split.addWidget(self.chart)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([840, 560])
        self.chart.setMinimumWidth(320)

        for label, field in ((self.kind_label, self.kind), (self.period_label, self.quick),
                             (self.from_label, self.first), (self.to_label, self.last), (self.by_label, self.by),
                             (self.warehouse_label, self.warehouse)):
            label.setBuddy(field)
        top = QHBoxLayout()
        for widget in (self.kind_label, self.kind, self.period_label, self.quick, self.from_label, self.first,
                       self.to_label, self.last):
            top.addWidget(widget)
        top.addStretch(1)
        second = QHBoxLayout()
        for widget in (self.by_label, self.by, self.warehouse_label, self.warehouse, self.option_label, self.top,
                       self.slow_days, self.bands):
            second.addWidget(widget)
        second.addStretch(1)
        for widget in (self.run_button, self.excel_button, self.pdf_button):
            second.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message)
        layout.addWidget(self.split, 1)

        self.set_quick(THIS_MONTH)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.quick.currentIndexChanged.connect(lambda _i: self.set_quick(self.quick.currentData()))
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._dates_edited)
        for combo in (self.by, self.warehouse):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for spin in (self.top, self.slow_days):
            spin.editingFinished.connect(self.refresh)
        self.bands.editingFinished.connect(self.refresh)
        self.run_button.clicked.connect(self.refresh)
        self.excel_button.clicked.connect(lambda: self.export(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        self.retranslate()
        self._kind_changed()
        self._load_warehouses()

    # -- the request -----------------------------------------------------------------------
    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_report(self, kind: str, by: str | None = None) -> None:
        """Choose the report (and its grouping) as the combo boxes would; it loads."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if by is not None:
            self.by.setCurrentIndex(max(0, self.by.findData(by)))

    def set_period(self, first: date, last: date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.quick.blockSignals(True)
        self.quick.setCurrentIndex(self.quick.findData(CUSTOM))
        self.quick.blockSignals(False)
        self.refresh()

    def set_quick(self, choice: str) -> None:
        self.quick.blockSignals(True)
        self.quick.setCurrentIndex(self.quick.findData(choice))
        self.quick.blockSignals(False)
        if choice == CUSTOM:
            return
        first, last = quick_period(choice, clock.today())
        last = min(last, clock.today())  # a report to a day not yet come is today's
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self, *_) -> None:
        self.quick.blockSignals(True)
        self.quick.setCurrentIndex(self.quick.findData(CUSTOM))
        self.quick.blockSignals(False)
        self.refresh()

    def _kind_changed(self, *_) -> None:
        kind = self.current_kind()
        self.by.blockSignals(True)
        self.by.clear()
        for by in rb.GROUPINGS[kind]:
            self.by.addItem(translate("ReportsScreen", GROUP_NAMES[by]), by)
        self.by.blockSignals(False)
        self.by.setEnabled(bool(rb.GROUPINGS[kind]))
        on_a_day = kind in rb.ON_A_DAY
        self.first.setEnabled(not on_a_day)
        self.warehouse.setEnabled(kind != rb.UNINVOICED)  # invoices bill orders and receipts, of every warehouse
        self.top.setVisible(kind == rb.RANKING)
        self.slow_days.setVisible(kind == rb.SLOW)
        self.bands.setVisible(kind == rb.AGEING)
        self.option_label.setVisible(kind in (rb.RANKING, rb.SLOW, rb.AGEING))
        self.option_label.setBuddy({rb.RANKING: self.top, rb.SLOW: self.slow_days}.get(kind, self.bands))
        self._retranslate_labels()
        self.chart.setVisible(kind in (rb.PURCHASES, rb.MARGIN, rb.RANKING, rb.AGEING))
        self.refresh()

    def build_request(self) -> rb.ReportRequest:
        """What the controls ask for (``BadInput`` for bands that are not rising days)."""
        from domain.reports.ageing import parse_bands

        kind = self.current_kind()
        return rb.ReportRequest(kind, self.first.date().toPython(), self.last.date().toPython(),
                                by=self.by.currentData() or "", warehouse=self.warehouse.currentData(),
                                top=self.top.value(), slow_days=self.slow_days.value(),
                                bands=parse_bands(self.bands.text()) if kind == rb.AGEING else DEFAULT_BANDS)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self, *_) -> None:
        """Read the report the controls ask for, once the current event is handled: choosing a report sets its
        grouping and period too, and all of that makes one read, not three."""
        if not self._refresh_due:
            self._refresh_due = True
            QTimer.singleShot(0, self._start)

    @property
    def working(self) -> bool:
        """A read is waiting to start or running."""
        return self._refresh_due or self.loading

    def _start(self) -> None:
        if not alive(self):
            return
        self._refresh_due = False
        try:
            request = self.build_request()
            if request.kind not in rb.ON_A_DAY:
                request.period  # noqa: B018 - refuses a last day before the first
        except Exception as exc:  # noqa: BLE001 - shown as the refusal it is
            self.message.setText(refusal_text(exc))
            self.message.setStyleSheet("color: #9b1c1c;")
            return
        self.message.clear()
        self._set_exports(False)
        services, language, offset = self.services, file_language(), time.localtime().tm_gmtoff
        around_fill = quiet_fill(services.watcher)  # the stock months a summary fills are no change of the data

        def job():
            from domain.reports.access import authorize_reports

            authorize_reports(services.reader())
            return request, rb.build(services.reports, request, language, offset, around_fill=around_fill)[0]

        self.load(job, self._loaded)

    def _loaded(self, result) -> None:
        request, sheet = result
        self.request, self.sheet = request, sheet  # what is shown
        self.model.set_sheet(sheet)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self._set_exports(True)
        self.message.setStyleSheet("")
        # the sheet's footnotes (the purchase summary's: opening stock left out), as its PDF and workbook print them
        self.message.setText(" ".join([fill(translate("ReportsScreen", "%1 rows."), f"{len(sheet.rows):,}"),
                                       *sheet.notes]))
        found = bars_of(sheet, request.kind, request.grouping)
        if found is not None:
            labels, series = found
            self.chart.show_bars(self._chart_title(request), labels, series)

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setText(refusal_text(exc))
        self.error_label.show()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        rows = [*self.model.rows[:200], *([self.sheet.total] if self.sheet.total is not None else [])]
        from ui.report_sheets import text

        for i, column in enumerate(self.model.columns):
            widest = max([metrics.horizontalAdvance(text(r[i], column.kind)) for r in rows] or [0])
            head = metrics.horizontalAdvance(column.label)
            header.resizeSection(i, min(260, max(widest, head) + 18))

    def _chart_title(self, request: rb.ReportRequest) -> str:
        if request.kind == rb.MARGIN:
            return fill(translate("ReportsScreen", "Margin by %1"),
                        translate("ReportsScreen", GROUP_NAMES[request.grouping]).lower())
        if request.kind == rb.PURCHASES:
            return fill(translate("ReportsScreen", "Net purchases by %1"),
                        translate("ReportsScreen", GROUP_NAMES[request.grouping]).lower())
        if request.kind == rb.RANKING:
            return fill(translate("ReportsScreen", "Top %1 by %2"), str(min(request.top, 20)),
                        translate("ReportsScreen", GROUP_NAMES[request.grouping]).lower())
        return translate("ReportsScreen", "Stock value by age band (days)")

    def _load_warehouses(self) -> None:
        catalog = self.services.catalog
        self.services.tasks.submit(catalog.warehouses, self._warehouses_loaded)

    def _warehouses_loaded(self, warehouses) -> None:
        if not alive(self):
            return
        self.warehouse.blockSignals(True)
        current = self.warehouse.currentData()
        while self.warehouse.count() > 1:
            self.warehouse.removeItem(1)
        for w in warehouses:
            self.warehouse.addItem(w.code, w.code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(current)) if current else 0)
        self.warehouse.blockSignals(False)

    # -- export ----------------------------------------------------------------------------
    def _set_exports(self, on: bool) -> None:
        self.excel_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    def export(self, suffix: str) -> None:
        """Ask where, then write the shown report to Excel or PDF."""
        if self.sheet is None:
            return
        folder = QSettings().value("export/folder", str(Path.home()), type=str)
        name = f"{self.current_kind()}-{self.last.date().toPython().isoformat()}{suffix}"
        excel = suffix == ".xlsx"
        title = translate("ReportsScreen", "Export to Excel") if excel else translate("ReportsScreen", "Print PDF")
        pattern = (translate("ReportsScreen", "Excel workbook (*.xlsx)") if excel
                   else translate("ReportsScreen", "PDF (*.pdf)"))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        QSettings().setValue("export/folder", str(target.parent))
        self.export_to(target)

    def export_to(self, target: Path, then=None) -> None:
        """Write the shown sheet to ``target`` (.xlsx or .pdf) on the task runner; ``then(path)`` after."""
        sheet, services = self.sheet, self.services
        if sheet is None:
            return

        def job() -> Path:
            if target.suffix.lower() == ".pdf":
                from domain.sales.print_data import company_block
                from ui.pdf.reports import render_sheet

                with services.uow() as uow:
                    company = company_block(uow).name
                target.write_bytes(render_sheet(sheet, company))
            else:
                from ui.report_sheets import write_excel

                write_excel(sheet, target)
            return target

        def done(path: Path) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.message.setStyleSheet("color: #1a7f37;")
                self.message.setText(fill(translate("ReportsScreen", "Wrote %1"), str(path)))
                if then is not None:
                    then(path)

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.message.setStyleSheet("color: #9b1c1c;")
                self.message.setText(refusal_text(exc))

        self.busy_bar.busy(True)
        self.services.tasks.submit(job, on_done=done, on_error=failed)

    # -- what a row is made of ---------------------------------------------------------------
    def drill_down(self, index) -> None:
        """A purchase summary's row: its receipt and return lines; a product's row: its movements; a customer's row:
        its sales lines. Other rows (a category, a warehouse, a salesperson, the total) have nothing of their own to
        open."""
        if self.request is not None and self.request.kind == rb.PURCHASES:
            self.open_purchase_lines(index)
        elif self.model.column_of("sku") >= 0:
            self.open_movements(index)
        elif self.model.column_of("customer") >= 0:
            self.open_customer_lines(index)

    def open_customer_lines(self, index):
        """The customer's sales lines over the report's period and warehouse, beside the window; the lines' sums are
        the row's figures."""
        from ui.screens.reports.lines import CustomerSalesLines

        at = self.model.column_of("customer")
        if at < 0 or not index.isValid() or self.model.is_total(index.row()) or self.request is None:
            return None
        values = self.model.row_values(index.row())
        name_at = self.model.column_of("name")
        if not values[at]:
            return None
        if self.lines_window is not None and alive(self.lines_window):
            self.lines_window.close()
        self.lines_window = CustomerSalesLines(self.services, self.request, str(values[at]),
                                               str(values[name_at]) if name_at >= 0 else "", self)
        self.lines_window.show()
        return self.lines_window

    def open_purchase_lines(self, index):
        """The receipt and return lines a purchase summary's row is made of (its supplier, product or both) over the
        report's period and warehouse, beside the window; the lines' sums are the row's."""
        from domain.reports.purchases import PurchaseBy
        from ui.screens.reports.purchase_lines import PurchaseLines

        if not index.isValid() or self.model.is_total(index.row()) or self.request is None:
            return None
        values = self.model.row_values(index.row())

        def cell(key: str) -> str:
            at = self.model.column_of(key)
            return str(values[at] or "") if at >= 0 else ""

        by = PurchaseBy(self.request.grouping)
        # the name's cell of a row of receipts with no supplier says so: not a name to show again
        name = cell("supplier_name") if cell("supplier") else ""
        if self.lines_window is not None and alive(self.lines_window):
            self.lines_window.close()
        self.lines_window = PurchaseLines(self.services, self.request, by, cell("supplier"), name, cell("sku"),
                                          cell("name"), self)
        self.lines_window.show()
        return self.lines_window

    def open_movements(self, index) -> None:
        """A product's row (it has a SKU): the Movements screen on that product over the report's period, in the
        row's warehouse (a report by product and warehouse) or the report's (all of them when it has none)."""
        sku_at = self.model.column_of("sku")
        if sku_at < 0 or not index.isValid() or self.model.is_total(index.row()):
            return
        values = self.model.row_values(index.row())
        sku = values[sku_at]
        window = self.window()
        if not sku or not hasattr(window, "show_screen"):
            return
        warehouse_at = self.model.column_of("warehouse")
        request = self.request
        warehouse = (values[warehouse_at] if warehouse_at >= 0 else None) or (request.warehouse if request else None)
        screen = window.show_screen("movements")
        if hasattr(screen, "show_product") and request is not None:
            first, last = request.first, request.last
            if request.kind in rb.ON_A_DAY:  # the days that made the row, up to the report's day
                first = _days_behind(request, values, self.model)
            screen.show_product(str(sku), warehouse, first, last)

    # -- language --------------------------------------------------------------------------
    def _retranslate_labels(self) -> None:
        kind = self.current_kind()
        self.to_label.setText(translate("ReportsScreen", "&As of") if kind in rb.ON_A_DAY
                              else translate("ReportsScreen", "&to"))
        self.option_label.setText({rb.RANKING: translate("ReportsScreen", "T&op"),
                                   rb.SLOW: translate("ReportsScreen", "Days &idle ≥"),
                                   rb.AGEING: translate("ReportsScreen", "Ba&nds (days)")}.get(kind, ""))

    def retranslate(self) -> None:
        for i in range(self.kind.count()):
            self.kind.setItemText(i, translate("ReportsScreen", REPORT_NAMES[self.kind.itemData(i)]))
        for i in range(self.quick.count()):
            self.quick.setItemText(i, translate("ReportsScreen", QUICK_NAMES[self.quick.itemData(i)]))
        for i in range(self.by.count()):
            self.by.setItemText(i, translate("ReportsScreen", GROUP_NAMES[self.by.itemData(i)]))
        self.warehouse.setItemText(0, translate("ReportsScreen", "All"))
        # Every field has its Alt letter (F, V and H are the menu bar's): a bookkeeper turning from the stock summary
        # to the margin, last month, by warehouse, reached each by Tab from the top
        self.kind_label.setText(translate("ReportsScreen", "&Report"))
        self.period_label.setText(translate("ReportsScreen", "Perio&d"))
        self.from_label.setText(translate("ReportsScreen", "Fro&m"))
        self.by_label.setText(translate("ReportsScreen", "&By"))
        self.warehouse_label.setText(translate("ReportsScreen", "&Warehouse"))
        self.run_button.setText(translate("ReportsScreen", "Refre&sh (F5)"))
        self.excel_button.setText(translate("ReportsScreen", "Export to &Excel…"))
        self.pdf_button.setText(translate("ReportsScreen", "Print &PDF…"))
        self._retranslate_labels()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)  # retranslates
        if event.type() == QEvent.Type.LanguageChange:
            if self.sheet is not None:
                self.refresh()  # the sheet's labels are in the language it was made in
