"""Posted sales on the Ship screen's sales tab, and a customer return against one (``CustomerReturnDialog``).

The list shows the sale documents (SD-…) and the customer returns (SR-…), newest first; Print return note writes
the selected return's note as PDF. Return… opens the dialog for the selected sale: its lines with what was
shipped and what came back already, and a Return column beside each line that starts empty, as a return to the
supplier's does: the clerk types what comes back on each line, or Return all fills every line with what it can still
return; a quantity above that is refused as it is typed, naming the line and the most it takes
(``domain.sales.returns.chosen_lines``). With the reason (required), ``domain.sales.returns.return_sale`` posts one
return (SR-…) of every line typed on the task runner: the goods come back at the cost at which they left, and
revenue and margin are reversed. (The dialog preset the whole of the chosen line, one product a return, so an Enter
too many took back everything the customer had bought of it.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import fmt
from domain.sales import commands as sc
from domain.sales import lookup
from domain.sales import returns
from ui.i18n import fill
from ui.models.document_lines import PostedSalesModel
from ui.models.table import RowRole
from ui.models.table import price_text
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.screens.documents.return_dialog import ReturnDialog
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate
R_SKU, R_NAME, R_SHIPPED, R_RETURNED, R_RETURNABLE, R_PRICE = range(6)


class CustomerReturnDialog(ReturnDialog):
    """A customer return against one posted sale."""

    returned = Signal(list)  # the return documents posted

    def __init__(self, services, sale, parent=None) -> None:
        super().__init__(
            services, parent=parent, reason_max=200,
            title=fill(translate("SalesShip", "Customer return against %1"), sale.number),
            head="",
            headers=[translate("SalesShip", "SKU"), translate("SalesShip", "Name"), translate("SalesShip", "Shipped"),
                     translate("SalesShip", "Returned"), translate("SalesShip", "Returnable"),
                     translate("SalesShip", "Price paid")],
            quantity_title=translate("SalesShip", "Return"),
            all_text=translate("SalesShip", "Return &all"),
            reason_hint=translate("SalesShip", "why the goods come back (required)"),
            ok_text=translate("SalesShip", "&Post return"))
        self.sale = sale  # DocumentRow of kind sale
        self.head.setText(self.head_text(sale.partner))
        self.setMinimumWidth(780)  # at 640 the price column was off the right edge
        self.lines: list[lookup.ReturnableLine] = []
        self.documents: list = []
        self.form.addRow(translate("SalesShip", "&Reason:"), self.reason)  # Alt+R: from a line to the reason
        self.resize(780, 380)
        uow = services.reader
        self.load(lambda: lookup.returnable(uow(), sale.number))
        # the sale names its customer by code; the heading says who it is (C0121 徐汇区第二实验小学), read alongside
        catalog = services.catalog
        services.tasks.submit(lambda: next((c.name for c in catalog.customers() if c.code == sale.partner), ""),
                              on_done=self._named, on_error=lambda exc: None)

    def _named(self, name: str) -> None:
        if alive(self) and name:
            self.head.setText(self.head_text(f"{self.sale.partner} {name}"))

    def head_text(self, customer: str) -> str:
        sale = self.sale
        return fill(translate("SalesShip", "Goods %1 brings back from sale %2 of %3. They come back at the cost at "
                                           "which they left."), customer, sale.number, sale.business_date.isoformat())

    def cells(self, line: lookup.ReturnableLine) -> list[str]:
        return [line.sku, line.name, fmt(line.shipped), fmt(line.returned), fmt(line.returnable),
                price_text(line.paid_price)]  # after the line's discount, as the credit is

    def chosen_lines(self) -> tuple[sc.ReturnSaleLine, ...]:
        return returns.chosen_lines(self.lines, self.typed())

    def post(self) -> None:
        self._quantity_changed()  # says what is refused (a quantity above what its line can return)
        if not self._ready():
            return
        command = sc.ReturnSaleLines(self.sale.number, self.chosen_lines(), self.reason.text().strip())
        uow = self.services.uow
        self.buttons.setEnabled(False)
        self.message.clear()
        self.services.tasks.submit(lambda: returns.return_sale(uow(), command), on_done=self._posted,
                                   on_error=self._failed)

    def _posted(self, documents) -> None:
        if not alive(self):
            return
        self.documents = documents
        self.returned.emit(documents)
        self.accept()


class PostedSales(QWidget):
    """The posted sale documents, newest first, with Return… for the selected one."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialog: CustomerReturnDialog | None = None
        self.pending: str | None = None  # the number to make current once the list is read: the sale just posted
        self.model = PostedSalesModel(self)
        self.table = DataTable("documents/sales", self)  # its columns are not the generic list's any more
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.set_widths(PostedSalesModel.WIDTHS)  # the numbers were cut to SD-2026-00…
        self.table.doubleClicked.connect(lambda *_: self.return_selected())
        self.title = QLabel(self)
        self.return_button = QPushButton(self)
        self.return_button.clicked.connect(self.return_selected)
        self.invoice_button = QPushButton(self)
        self.invoice_button.clicked.connect(lambda: self.print_selected("invoice"))
        self.delivery_button = QPushButton(self)
        self.delivery_button.clicked.connect(lambda: self.print_selected("delivery"))
        self.return_note_button = QPushButton(self)
        self.return_note_button.clicked.connect(self.print_return_selected)
        self.busy_bar = BusyBar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.delivery_button)
        bar.addWidget(self.invoice_button)
        bar.addWidget(self.return_button)
        bar.addWidget(self.return_note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        sales = self.services.sales

        def done(rows) -> None:
            if alive(self):
                self.model.set_rows(rows)
                self._select_pending()

        self.services.tasks.submit(sales.posted_sales, on_done=done)

    def _select_pending(self) -> None:
        """The sale just posted becomes the list's current row, so Alt+D prints its delivery note (Alt+I its invoice)
        at once: nothing was selected, and the print buttons said to select a posted sale first."""
        number, self.pending = self.pending, None
        for r, row in enumerate(self.model.rows if number else ()):
            if row.number == number:
                index = self.model.index(r, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return

    def selected(self):
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def return_selected(self) -> CustomerReturnDialog | None:
        sale = self.selected()
        if sale is None:
            self.message.setStyleSheet(RED)
            self.message.setText(translate("SalesShip", "Select a posted sale first."))
            return None
        if sale.kind != "sale":
            self.message.setStyleSheet(RED)
            self.message.setText(fill(translate("SalesShip", "%1 is a customer return; select a sale to return goods "
                                                             "against."), sale.number))
            return None
        if sale.reversed:
            self.message.setStyleSheet(RED)
            self.message.setText(fill(translate("SalesShip", "Sale %1 was reversed; nothing on it can be returned."),
                                      sale.number))
            return None
        dialog = CustomerReturnDialog(self.services, sale, self)
        dialog.returned.connect(self._returned)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_selected(self, kind: str) -> None:
        """Write the selected sale's delivery note or invoice as PDF in the background and open it."""
        from ui.screens.sales.printing import print_sale

        sale = self.selected()
        if sale is None:
            self.say(translate("SalesShip", "Select a posted sale first."), error=True)
            return
        print_sale(self, self.services, sale.number, kind)

    def print_return_selected(self) -> None:
        """Write the selected customer return's note as PDF in the background and open it."""
        from ui.screens.sales.printing import print_return

        doc = self.selected()
        if doc is None or doc.kind != "customer_return":
            self.say(translate("SalesShip", "Select a posted customer return (SR-…) first."), error=True)
            return
        print_return(self, self.services, doc.number)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(RED if error else GREEN)
        self.message.setText(text)

    def _returned(self, documents) -> None:
        self.message.setStyleSheet(GREEN)
        self.message.setText(fill(translate("SalesShip", "Posted return %1."), ", ".join(d.number for d in documents)))
        self.reload()

    def retranslate(self) -> None:
        self.title.setText(translate("SalesShip", "Posted sales and returns"))
        self.return_button.setText(translate("SalesShip", "&Return…"))
        self.invoice_button.setText(translate("SalesShip", "Print &invoice"))
        self.delivery_button.setText(translate("SalesShip", "Print &delivery note"))
        self.return_note_button.setText(translate("SalesShip", "Print return &note"))
        self.model.retranslate()
