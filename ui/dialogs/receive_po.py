"""Receive against a purchase order: the open lines with what is still expected, editable, scan to count.

A scan of a SKU or barcode counts one unit on its line; the first scan of a line replaces the
prefilled expected quantity (the clerk is counting that line now), later scans add one each.
Posting runs ``domain.purchasing.receive`` on the task runner; a refusal (over-receipt beyond
the tolerance) is shown in the dialog, which stays open so the clerk can correct the line.
"""

from __future__ import annotations

from decimal import Decimal
from decimal import InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain import purchasing
from domain import purchasing_commands as pc
from domain.numbers import fmt
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
ERROR_STYLE = "color: #9b1c1c;"
SKU, DESCRIPTION, ORDERED, RECEIVED, OPEN, NOW = range(6)


class ReceivePoDialog(QDialog):
    """``po``: a ``PoRow``; ``codes``: barcode/SKU → SKU for scans (optional)."""

    def __init__(self, services, po, codes: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.po = po
        self.codes = codes or {}
        self.lines = [line for line in po.lines if line.open_qty > 0]
        self.counted: set[int] = set()
        self.movements: list = []
        self.setWindowTitle(fill(translate("ReceivePoDialog", "Receive %1"), po.number or po.id))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.scan_label = QLabel(self)
        self.scan = QLineEdit(self)
        self.scan.setPlaceholderText(translate("ReceivePoDialog", "Scan a barcode or type a SKU, then Enter"))
        self.scan.returnPressed.connect(self._scanned)
        self.scan_label.setBuddy(self.scan)
        self.table = QTableWidget(len(self.lines), 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, line in enumerate(self.lines):
            for column, text in ((SKU, line.sku), (DESCRIPTION, line.description), (ORDERED, fmt(line.qty)),
                                 (RECEIVED, fmt(line.received)), (OPEN, fmt(line.open_qty)),
                                 (NOW, fmt(line.open_qty))):
                item = QTableWidgetItem(text)
                if column != NOW:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column >= ORDERED:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setColumnWidth(SKU, 90)
        self.table.setColumnWidth(DESCRIPTION, 220)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy_bar = BusyBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
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
                               "a line counts from 1, each further scan adds 1. What is not received stays open."))
        self.scan_label.setText(translate("ReceivePoDialog", "S&can:"))
        headers = (translate("ReceivePoDialog", "SKU"), translate("ReceivePoDialog", "Description"),
                   translate("ReceivePoDialog", "Ordered"), translate("ReceivePoDialog", "Received"),
                   translate("ReceivePoDialog", "Open"), translate("ReceivePoDialog", "Receive now"))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ReceivePoDialog", "&Receive"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ReceivePoDialog", "Cancel"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- entry ---------------------------------------------------------------------------
    def set_quantity(self, sku: str, qty: str) -> None:
        row = self._row_of(sku)
        if row is not None:
            self.table.item(row, NOW).setText(qty)

    def quantity(self, sku: str) -> str:
        row = self._row_of(sku)
        return self.table.item(row, NOW).text() if row is not None else ""

    def _row_of(self, code: str) -> int | None:
        sku = self.codes.get(code, code)
        return next((i for i, line in enumerate(self.lines) if line.sku.upper() == sku.upper()), None)

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        row = self._row_of(code)
        if row is None:
            self._show_error(fill(translate("ReceivePoDialog", "%1 is not open on this purchase order."), code))
            return
        self.error.hide()
        item = self.table.item(row, NOW)
        if row not in self.counted:
            self.counted.add(row)
            item.setText("1")
        else:
            try:
                item.setText(fmt(Decimal(item.text().strip() or "0") + 1))
            except InvalidOperation:
                item.setText("1")
        self.table.selectRow(row)

    def wanted(self) -> list[tuple[str, str]]:
        result = []
        for row, line in enumerate(self.lines):
            text = self.table.item(row, NOW).text().strip()
            if text and text not in ("0", "0.0"):
                result.append((line.sku, text))
        return result

    # -- posting -------------------------------------------------------------------------
    def post(self) -> None:
        lines = self.wanted()
        if not lines:  # an empty list would receive everything still open
            self._show_error(translate("ReceivePoDialog", "Enter a quantity on at least one line."))
            return
        self.buttons.setEnabled(False)
        self.busy_bar.busy(True)
        uow, ref = self.services.uow, self.po.number or self.po.id
        command = pc.ReceivePurchaseOrder(ref, tuple(lines))
        self.services.tasks.submit(lambda: purchasing.receive(uow(), command), on_done=self._posted,
                                   on_error=self._refused)

    def _posted(self, movements) -> None:
        if alive(self):
            self.movements = movements
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
