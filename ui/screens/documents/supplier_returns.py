"""A return to the supplier from the Receive screen's posted receipts (``SupplierReturnDialog``).

Return to supplier… opens the dialog for the selected receipt (GR-…): the products it brought in, with what earlier
returns against it took back and what can still go back; the clerk picks the product, the quantity and the reason
(required), and ``domain.purchasing.returns.return_to_supplier`` posts the return (PR-…) against the receipt on the
task runner: the goods leave at the moving average. One product per return from here (the command line takes
the same). Once posted, the dialog offers to print the return note (``ui.screens.sales.printing.print_return``).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.errors import DomainError
from domain.kernel.numbers import fmt
from domain.purchasing import returns
from ui.i18n import fill
from ui.models.document_lines import typed_positive
from ui.refusals import refusal_text
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.widgets.busy import alive

translate = QCoreApplication.translate
R_SKU, R_NAME, R_RECEIVED, R_RETURNED, R_RETURNABLE = range(5)


class SupplierReturnDialog(QDialog):
    """A return to the supplier against one posted goods receipt."""

    returned = Signal(object)  # the return document posted

    def __init__(self, services, receipt, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.receipt = receipt  # DocumentRow of kind receipt
        self.lines: list[returns.ReturnableReceiptLine] = []
        self.document = None
        self.setWindowTitle(fill(translate("SupplierReturn", "Return to supplier against %1"), receipt.number))
        self.head = QLabel(fill(translate("SupplierReturn", "Goods going back from %1 that receipt %2 of %3 brought "
                                                            "in. They leave at the moving average."),
                                receipt.warehouse, receipt.number, receipt.business_date.isoformat()), self)
        self.head.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels([
            translate("SupplierReturn", "SKU"), translate("SupplierReturn", "Name"),
            translate("SupplierReturn", "Received"), translate("SupplierReturn", "Returned"),
            translate("SupplierReturn", "Returnable")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(R_NAME, 220)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.supplier = QLineEdit(receipt.partner, self)
        self.supplier.setPlaceholderText(translate("SupplierReturn", "the supplier's code (required)"))
        self.qty = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(returns.REASON_MAX)
        self.reason.setPlaceholderText(translate("SupplierReturn", "why the goods go back (required)"))
        for edit in (self.supplier, self.qty, self.reason):
            edit.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(translate("SupplierReturn", "Supplier:"), self.supplier)
        form.addRow(translate("SupplierReturn", "Quantity:"), self.qty)
        form.addRow(translate("SupplierReturn", "Reason:"), self.reason)
        self.message = QLabel(self)
        self.message.setStyleSheet(RED)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SupplierReturn", "Post return"))
        self.print_button = QPushButton(translate("SupplierReturn", "Print return note"), self)
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_note)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 400)
        self._check()
        uow = services.uow
        services.tasks.submit(lambda: returns.returnable_from_receipt(uow(), receipt.number), on_done=self._loaded,
                              on_error=self._failed)

    def _loaded(self, lines) -> None:
        if not alive(self):
            return
        self.lines = lines
        self.table.setRowCount(len(lines))
        for r, x in enumerate(lines):
            for column, text in ((R_SKU, x.sku), (R_NAME, x.name), (R_RECEIVED, fmt(x.received)),
                                 (R_RETURNED, fmt(x.returned)), (R_RETURNABLE, fmt(x.returnable))):
                item = QTableWidgetItem(text)
                if column not in (R_SKU, R_NAME):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)
        if lines:
            self.table.selectRow(0)
            self._chosen(0)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.qty.setText(fmt(self.lines[row].returnable))
        self._check()

    def chosen(self) -> returns.ReturnableReceiptLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _quantity(self) -> Decimal | None:
        return typed_positive(self.qty.text())

    def _ready(self) -> bool:
        return (self.document is None and self.chosen() is not None and self._quantity() is not None
                and bool(self.reason.text().strip()) and bool(self.supplier.text().strip()))

    def _check(self, *_) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())

    def post(self) -> None:
        if not self._ready():
            return
        line, qty = self.chosen(), self._quantity()
        command = returns.ReturnToSupplier(self.supplier.text().strip(), self.receipt.warehouse,
                                           (returns.ReturnLine(line.sku, qty),), self.reason.text().strip(),
                                           receipt=self.receipt.number)
        uow = self.services.uow
        self.buttons.setEnabled(False)
        self.message.clear()
        self.services.tasks.submit(lambda: returns.return_to_supplier(uow(), command), on_done=self._posted,
                                   on_error=self._failed)

    def _posted(self, document) -> None:
        if not alive(self):
            return
        self.document = document
        self.buttons.setEnabled(True)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("SupplierReturn", "Close"))
        self.print_button.setVisible(True)
        for edit in (self.supplier, self.qty, self.reason):
            edit.setEnabled(False)
        self.say(fill(translate("SupplierReturn", "Posted return %1 to %2. Print its return note?"),
                      document.number, document.partner))
        self.returned.emit(document)

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.buttons.setEnabled(True)
        self._check()
        self.say(refusal_text(exc) if isinstance(exc, DomainError) else str(exc), error=True)

    def print_note(self) -> None:
        """Write the posted return's note as PDF in the background and open it."""
        from ui.screens.sales.printing import print_return

        if self.document is not None:
            print_return(self, self.services, self.document.number)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(RED if error else GREEN)
        self.message.setText(text)
