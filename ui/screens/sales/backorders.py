"""The backorder list (``domain.sales.backorders``): what confirmed orders still wait for, customer by customer
(code · name), the oldest promised date first, with the date an open purchase order brings it; a customer's
backorder notice (到货通知) prints from here. After a receipt it lists what the receipt lets ship instead (the
quantity each can ship now), from which a double-click opens the order to ship it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from domain.sales.backorders import backorders
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowRole
from ui.models.table import RowTableModel
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.refusals import refusal_text
from ui.screens.sales.words import CTX
from ui.screens.sales.words import translate
from ui.widgets.busy import alive
from ui.widgets.table_view import DataTable


def arrival_text(value) -> str:
    return value.isoformat() if value else translate("SalesOrders", "no purchase order yet")


def day_text(value) -> str:
    return value.isoformat() if value else ""


class BackorderModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Customer"), lambda r: r.customer_label),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Sales order"), lambda r: r.so),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Promised"), lambda r: r.promised, day_text),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Quantity"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Since"), lambda r: r.since, when_text),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Arrival"), lambda r: r.arrival, arrival_text),
    )


class BackordersDialog(QDialog):
    """Read in the background when opened; double-click opens the order on the screen behind.

    Opened from an order, it starts on that order's customer (``customer``), who is the one on the telephone; the
    first choice of the list, or Show all customers (Alt+A), lists everyone's. The columns fit their contents once
    the rows are in (unless the user has sized them), and the dialog widens to show them, up to the screen's width.
    """

    PROMISED = 2

    ARRIVAL = 8

    def __init__(self, services, parent=None, customer: str | None = None, freed=None) -> None:
        """``freed``: list these (``domain.sales.backorders.Freed``, from a receipt) instead of reading the
        backorders: what each can ship now, under the title Can now ship."""
        super().__init__(parent)
        self.services = services
        self.start_customer = customer or None
        self.freed = list(freed) if freed is not None else None
        self.resize(900, 480)
        self.model = BackorderModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.customer = QComboBox(self)
        self.customer.currentIndexChanged.connect(self._filter)
        self.table = DataTable("sales-backorders", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({0: 160, 1: 130, 2: 90, 3: 90, 4: 200, 5: 70, 6: 70, 7: 130})
        self.table.default_sort(self.PROMISED, Qt.SortOrder.AscendingOrder)  # the oldest promise first
        self.table.doubleClicked.connect(self._open)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_notice)
        self.all_button = QPushButton(self)
        self.all_button.clicked.connect(self.show_all)
        self.summary = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        self.customer_label = QLabel(self)
        self.customer_label.setBuddy(self.customer)  # Alt+U, as on the order; Alt+P prints the notice
        top.addWidget(self.customer_label)
        top.addWidget(self.customer, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.loaded = False
        self.retranslate()
        if self.freed is not None:  # what the receipt lets ship: no arrival to wait for
            self.table.setColumnHidden(self.ARRIVAL, True)
            self._loaded([replace(f.backorder, qty=f.qty) for f in self.freed])
            return
        uow = services.reader
        services.tasks.submit(lambda: backorders(uow()), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, rows) -> None:
        if not alive(self):
            return
        self.model.set_rows(rows)
        self._fit_columns()  # to every customer's rows, before the filter narrows them
        # the order's customer is listed even when nothing of theirs waits: "0 backordered lines" answers them
        names = {r.customer: r.customer_label for r in rows}
        if self.start_customer:
            names.setdefault(self.start_customer, self.start_customer)
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(translate("SalesOrders", "All customers"), None)
        for code in sorted(names):
            self.customer.addItem(names[code], code)
        self.customer.setCurrentIndex(max(0, self.customer.findData(self.start_customer)))
        self.customer.blockSignals(False)
        self.loaded = True
        self._filter()

    def _fit_columns(self) -> None:
        """Each column as wide as its contents (an arrival date, 尚无采购订单), unless the user sized them; the
        dialog widens to show them all, up to the screen's width (beyond it the table scrolls)."""
        if self.table._restored:
            return
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        need = header.length() + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        spare = self.width() - self.table.viewport().width()
        screen = self.screen().availableGeometry().width() if self.screen() is not None else need + spare
        wanted = min(need + spare, screen - 40)
        if wanted > self.width():
            self.resize(wanted, self.height())

    def show_all(self) -> None:
        self.customer.setCurrentIndex(0)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.message.setText(refusal_text(exc))

    def _filter(self, *_) -> None:
        code = self.customer.currentData()
        self.proxy.set_filter("customer", (lambda i, r: r.customer == code) if code else None)
        self.print_button.setEnabled(bool(code))
        self.all_button.setEnabled(bool(code))
        count = self.proxy.rowCount()  # lupdate reads a plural's count only as a plain name
        if self.freed is not None:
            self.summary.setText(translate("SalesOrders", "%n line(s) can now ship", None, count))
        else:
            self.summary.setText(translate("SalesOrders", "%n backordered line(s)", None, count))

    def _open(self, index) -> None:
        row = index.data(RowRole)
        parent = self.parent()
        if row is not None and hasattr(parent, "select"):
            parent.select(row.so)

    def print_notice(self) -> None:
        code = self.customer.currentData()
        if not code:
            return
        from ui.screens.sales.printing import print_backorder_notice

        print_backorder_notice(self, self.services, code)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #9b1c1c;" if error else "color: #1a7f37;")
        self.message.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SalesOrders", "Backorders") if self.freed is None
                            else translate("SalesOrders", "Backorders that can now ship"))
        self.customer_label.setText(translate("SalesOrders", "C&ustomer:"))
        self.print_button.setText(translate("SalesOrders", "&Print backorder notice…"))
        self.all_button.setText(translate("SalesOrders", "Show &all customers"))
        if self.customer.count():
            self.customer.setItemText(0, translate("SalesOrders", "All customers"))
        self.model.retranslate()
        if self.loaded:
            self._filter()
        self.summary.setText(fill(self.summary.text()))
