"""A return to the supplier against a posted receipt or a purchase order (``SupplierReturnDialog``).

Return to supplier… opens it from the Receive screen for the selected posted receipt (GR-…), and from the Purchasing
screen for the selected purchase order: the products it brought in, with what can still go back (a receipt's less
what earlier returns against it took back; an order's received quantity, which returns already took down), and a
Return column beside each line that starts empty, so a slip of Enter returns nothing. The clerk types what goes back
on each line, or Return all fills every line with what it can still return; a quantity above that is refused as it is
typed, naming the line and the most it takes (``domain.purchasing.returns.chosen_lines``). With the reason (required),
``domain.purchasing.returns.return_to_supplier`` posts one return (PR-…) of every line typed on the task runner: the
goods leave at the moving average. Once posted, the dialog offers to print the return note
(``ui.screens.sales.printing.print_return``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import fmt
from domain.purchasing import returns
from ui.i18n import fill
from ui.screens.documents.return_dialog import ReturnDialog
from ui.widgets.busy import alive

translate = QCoreApplication.translate


class SupplierReturnDialog(ReturnDialog):
    """A return to the supplier against one posted goods receipt (a ``DocumentRow``) or one purchase order (a
    ``PoRow``, given as ``po``)."""

    returned = Signal(object)  # the return document posted

    def __init__(self, services, receipt=None, parent=None, *, po=None) -> None:
        if po is not None:
            against, warehouse, partner = po.number or po.id, po.warehouse, po.supplier
            title = fill(translate("SupplierReturn", "Return to supplier against %1"), against)
            head = fill(translate("SupplierReturn", "Goods going back from %1 that purchase order %2 of %3 brought "
                                                    "in. They leave at the moving average."),
                        warehouse, against, po.supplier_name)
            columns = [translate("SupplierReturn", "Ordered"), translate("SupplierReturn", "Received")]
        else:
            against, warehouse, partner = receipt.number, receipt.warehouse, receipt.partner
            title = fill(translate("SupplierReturn", "Return to supplier against %1"), against)
            head = fill(translate("SupplierReturn", "Goods going back from %1 that receipt %2 of %3 brought in. They "
                                                    "leave at the moving average."),
                        warehouse, against, receipt.business_date.isoformat())
            columns = [translate("SupplierReturn", "Received"), translate("SupplierReturn", "Returned")]
        super().__init__(
            services, parent=parent, reason_max=returns.REASON_MAX, title=title, head=head,
            headers=[translate("SupplierReturn", "SKU"), translate("SupplierReturn", "Name"), *columns,
                     translate("SupplierReturn", "Returnable")],
            quantity_title=translate("SupplierReturn", "Return"),
            all_text=translate("SupplierReturn", "Return &all"),
            reason_hint=translate("SupplierReturn", "why the goods go back (required)"),
            ok_text=translate("SupplierReturn", "Post return"))
        self.receipt = receipt  # DocumentRow of kind receipt, or None
        self.po = po  # PoRow, or None
        self.warehouse = warehouse
        self.lines: list[returns.ReturnableReceiptLine] = []
        self.document = None
        self.supplier = QLineEdit(partner, self)
        self.supplier.setPlaceholderText(translate("SupplierReturn", "the supplier's code (required)"))
        self.supplier.textChanged.connect(self._check)
        self.form.addRow(translate("SupplierReturn", "Supplier:"), self.supplier)
        self.form.addRow(translate("SupplierReturn", "Reason:"), self.reason)
        # Tab goes down the form as it reads: the lines, the supplier, the reason. It went from the lines to the
        # reason, then to the buttons, where the reason's first letter typed pressed Return all (全部退货(&A))
        QWidget.setTabOrder(self.table, self.supplier)
        QWidget.setTabOrder(self.supplier, self.reason)
        self.print_button = QPushButton(translate("SupplierReturn", "Print return &note"), self)
        self.print_button.clicked.connect(self.print_note)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setVisible(False)  # (after addButton, which shows it) once the return is posted
        self.resize(720, 420)
        uow = services.reader
        if po is not None:
            self.load(lambda: returns.returnable_from_po(uow(), against))
        else:
            self.load(lambda: returns.returnable_from_receipt(uow(), against))

    def cells(self, line: returns.ReturnableReceiptLine) -> list[str]:
        if self.po is not None:
            return [line.sku, line.name, fmt(line.ordered or 0), fmt(line.received), fmt(line.returnable)]
        return [line.sku, line.name, fmt(line.received), fmt(line.returned), fmt(line.returnable)]

    def chosen_lines(self) -> tuple[returns.ReturnLine, ...]:
        return returns.chosen_lines(self.lines, self.typed())

    def _ready(self) -> bool:
        return self.document is None and super()._ready() and bool(self.supplier.text().strip())

    def post(self) -> None:
        self._quantity_changed()  # says what is refused (a quantity above what its line can return)
        if not self._ready():
            return
        lines = self.chosen_lines()
        if self.po is not None:
            command = returns.ReturnToSupplier(self.supplier.text().strip(), self.warehouse, lines,
                                               self.reason.text().strip(), po=self.po.number or self.po.id)
        else:
            command = returns.ReturnToSupplier(self.supplier.text().strip(), self.warehouse, lines,
                                               self.reason.text().strip(), receipt=self.receipt.number)
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
        self.all_button.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("SupplierReturn", "Close"))
        self.print_button.setVisible(True)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        for edit in (self.supplier, self.reason):
            edit.setEnabled(False)
        self.say(fill(translate("SupplierReturn", "Posted return %1 to %2. Print its return note?"),
                      document.number, document.partner))
        self.returned.emit(document)

    def print_note(self) -> None:
        """Write the posted return's note as PDF in the background and open it."""
        from ui.screens.sales.printing import print_return

        if self.document is not None:
            print_return(self, self.services, self.document.number)
