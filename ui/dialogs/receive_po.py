"""Receive against a purchase order from the Purchasing screen: its open lines, editable, scan to count.

The lines are the Receive screen's own (``ui.models.document_lines.DocumentLinesModel`` against a PO),
so both enter and post a receipt the same way: what is still expected is filled in; the first scan of a
line replaces it (the clerk is counting that line now), later scans add one each; a quantity is checked
as posting checks it. Once a line is scanned, the lines neither scanned nor edited are only prefilled: posting
asks first (``ui.dialogs.unscanned``: leave them open, the default, or receive them as expected; Esc goes back to
the dialog), so a partial delivery scanned line by line never receives what did not arrive. With nothing scanned
(quantities typed or taken as prefilled) it posts at once. ``DocumentLinesModel.po_receipt`` makes the command, which
``domain.purchasing.orders.receive_delivery`` posts on the task runner. A refusal (over-receipt beyond the tolerance)
is shown in the dialog, which stays open so the clerk can correct the line. Posted, the dialog closes with the
goods receipt's number in ``receipt``, whose note the Purchasing screen offers to print
(``ui.screens.documents.receipt_note``), and the backorders the receipt lets ship in ``freed``, which it says
(``ui.screens.sales.freed``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.numbers import fmt
from domain.purchasing import orders as purchasing
from domain.sales.backorders import freed_by
from domain.stock.documents import DocumentKind
from ui.dialogs.unscanned import leave_unscanned_open
from ui.i18n import fill
from ui.models import document_lines as lm
from ui.models.document_lines import DocumentLinesModel
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
ERROR_STYLE = "color: #9b1c1c;"


class LinesView(QTableView):
    """The lines' table; ``rowCount()`` as the table widget it replaces had it."""

    def rowCount(self) -> int:
        return self.model().rowCount()


class ReceivePoDialog(QDialog):
    """``po``: a ``PoRow``; ``codes``: barcode/SKU → SKU, or the ``ScanTarget`` of a pack's barcode, for scans
    (optional)."""

    def __init__(self, services, po, codes: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.po = po
        self.codes = codes or {}
        self.model = DocumentLinesModel(DocumentKind.RECEIPT, self)
        self.model.load_open_lines(po)
        self.model.edit_refused.connect(lambda row, message: self._show_error(
            fill(translate("ReceivePoDialog", "Line %1: %2"), row + 1, message)))
        self.movements: list = []
        self.receipt = ""  # the goods receipt posted (GR-…), whose note the Purchasing screen then offers to print
        self.freed: list = []  # the backorders the receipt lets ship (domain.sales.backorders.freed_by)
        self.setWindowTitle(fill(translate("ReceivePoDialog", "Receive %1"), po.number or po.id))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.scan_label = QLabel(self)
        self.scan = QLineEdit(self)
        self.scan.setPlaceholderText(translate("ReceivePoDialog", "Scan a barcode or type a SKU, then Enter"))
        self.scan.returnPressed.connect(self._scanned)
        self.scan_label.setBuddy(self.scan)
        self.table = LinesView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(self.model.column(lm.SKU), 90)
        self.table.setColumnWidth(self.model.column(lm.NAME), 220)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy_bar = BusyBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
        # A scanner ends each code with Enter, which the dialog's default button took too (keyPressEvent): a click,
        # Alt+R or Ctrl+Enter receives, as on the Receive screen.
        scan_bar = QHBoxLayout()
        scan_bar.addWidget(self.scan_label)
        scan_bar.addWidget(self.scan, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(scan_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.retranslate()
        self.scan.setFocus()

    def retranslate(self) -> None:
        self.hint.setText(translate(
            "ReceivePoDialog", "What is still expected is filled in. Change a quantity, or scan: the first scan of "
                               "a line counts from 1, each further scan adds 1. Once you scan, lines you neither "
                               "scan nor change are asked about before receiving. What is not received stays open."))
        self.scan_label.setText(translate("ReceivePoDialog", "S&can:"))
        self.model.retranslate()  # the column titles are the Receive screen's
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ReceivePoDialog", "&Receive"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ReceivePoDialog", "Cancel"))

    def keyPressEvent(self, event) -> None:
        """Enter in the scan field ends a scan (``_scanned`` has counted it); it does not press Receive.
        Ctrl+Enter receives from anywhere in the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.accept()
                if self.buttons.isEnabled():
                    self.post()
                return
            if self.focusWidget() is self.scan:
                event.accept()
                return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- entry ---------------------------------------------------------------------------
    def set_quantity(self, sku: str, qty: str) -> None:
        row = self.model.row_of_sku(sku)
        if row is not None:
            self.model.setData(self.model.index(row, self.model.column(lm.QTY)), qty)

    def quantity(self, sku: str) -> str:
        row = self.model.row_of_sku(sku)
        if row is None:
            return ""
        qty = self.model.lines[row].qty
        return fmt(qty) if qty is not None else ""

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        target = self.codes.get(code, code)  # a carton's barcode counts what it holds (domain.catalog.packaging)
        row = (self.model.scan_po(target) if isinstance(target, str)
               else self.model.scan_po(target.sku, target.per, target.pack))
        if row is None:
            self._show_error(fill(translate("ReceivePoDialog", "%1 is not open on this purchase order."), code))
            return
        self.error.hide()
        self.table.selectRow(row)

    # -- posting -------------------------------------------------------------------------
    def post(self) -> None:
        # scanned some lines, not others: those hold only the prefilled quantity, so ask first
        leave = leave_unscanned_open(self, self.model, self.scan)
        if leave is None:  # Esc: back to the scan field, nothing posted
            return
        command = self.model.po_receipt(self.po.number or self.po.id, leave_unconfirmed=leave)
        if command is None:  # nothing entered: refused here, as no lines would receive everything still open
            self._show_error(translate("ReceivePoDialog", "Enter a quantity on at least one line."))
            return
        self.buttons.setEnabled(False)
        self.busy_bar.busy(True)
        uow, reader = self.services.uow, self.services.reader
        self.services.tasks.submit(lambda: freed_by(reader, lambda: purchasing.receive_delivery(uow(), command)),
                                   on_done=self._posted, on_error=self._refused)

    def _posted(self, result) -> None:
        if alive(self):
            delivery, self.freed = result
            self.movements, self.receipt = delivery.movements, delivery.document.number
            self.busy_bar.busy(False)
            self.accept()

    def _refused(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.buttons.setEnabled(True)
            self._show_error(fill(translate("ReceivePoDialog", "Not received: %1"), refusal_text(exc)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
