"""A return to the supplier from the Receive screen's posted receipts (``SupplierReturnDialog``).

Return to supplier… opens the dialog for the selected receipt (GR-…): the products it brought in, with what earlier
returns against it took back and what can still go back; the clerk picks the product, the quantity and the reason
(required), and ``domain.purchasing.returns.return_to_supplier`` posts the return (PR-…) against the receipt on the
task runner: the goods leave at the moving average. One product per return from here (the command line takes
the same). Once posted, the dialog offers to print the return note (``ui.screens.sales.printing.print_return``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton

from domain.kernel.numbers import fmt
from domain.purchasing import returns
from ui.i18n import fill
from ui.screens.documents.return_dialog import ReturnDialog
from ui.widgets.busy import alive

translate = QCoreApplication.translate
R_SKU, R_NAME, R_RECEIVED, R_RETURNED, R_RETURNABLE = range(5)


class SupplierReturnDialog(ReturnDialog):
    """A return to the supplier against one posted goods receipt."""

    returned = Signal(object)  # the return document posted

    def __init__(self, services, receipt, parent=None) -> None:
        super().__init__(
            services, parent=parent, reason_max=returns.REASON_MAX,
            title=fill(translate("SupplierReturn", "Return to supplier against %1"), receipt.number),
            head=fill(translate("SupplierReturn", "Goods going back from %1 that receipt %2 of %3 brought in. They "
                                                  "leave at the moving average."),
                      receipt.warehouse, receipt.number, receipt.business_date.isoformat()),
            headers=[translate("SupplierReturn", "SKU"), translate("SupplierReturn", "Name"),
                     translate("SupplierReturn", "Received"), translate("SupplierReturn", "Returned"),
                     translate("SupplierReturn", "Returnable")],
            reason_hint=translate("SupplierReturn", "why the goods go back (required)"),
            ok_text=translate("SupplierReturn", "Post return"))
        self.receipt = receipt  # DocumentRow of kind receipt
        self.lines: list[returns.ReturnableReceiptLine] = []
        self.document = None
        self.supplier = QLineEdit(receipt.partner, self)
        self.supplier.setPlaceholderText(translate("SupplierReturn", "the supplier's code (required)"))
        self.supplier.textChanged.connect(self._check)
        self.form.addRow(translate("SupplierReturn", "Supplier:"), self.supplier)
        self.form.addRow(translate("SupplierReturn", "Quantity:"), self.qty)
        self.form.addRow(translate("SupplierReturn", "Reason:"), self.reason)
        self.print_button = QPushButton(translate("SupplierReturn", "Print return note"), self)
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_note)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.resize(640, 400)
        uow = services.reader
        self.load(lambda: returns.returnable_from_receipt(uow(), receipt.number))

    def cells(self, line: returns.ReturnableReceiptLine) -> list[str]:
        return [line.sku, line.name, fmt(line.received), fmt(line.returned), fmt(line.returnable)]

    def _ready(self) -> bool:
        return self.document is None and super()._ready() and bool(self.supplier.text().strip())

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

    def print_note(self) -> None:
        """Write the posted return's note as PDF in the background and open it."""
        from ui.screens.sales.printing import print_return

        if self.document is not None:
            print_return(self, self.services, self.document.number)

