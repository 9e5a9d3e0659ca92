"""Enter supplier invoice… from the Receive screen's posted receipts (``SupplierInvoiceDialog``).

The dialog starts from a posted receipt (``GR-…``) or a purchase order: ``domain.accounts.invoices.invoice_draft``
reads, per product, what was ordered and received, what earlier invoices billed and the order's price (a receipt's
cost without an order). The lines are prefilled with what is outstanding at those prices; the clerk types the
supplier's number, date, and either the quantities and unit prices the invoice bills or its one amount with tax.
The match (``domain.accounts.matching``, a pure computation) is redone on every keystroke, its differences
highlighted; Post invoice runs ``enter_supplier_invoice`` on the task runner and shows the match as stored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.accounts import invoices as inv
from domain.accounts.matching import Match
from domain.accounts.matching import match
from domain.kernel.errors import DomainError
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.kernel.numbers import round_money
from ui.i18n import fill
from ui.models.table import price_text
from ui.refusals import refusal_text
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.widgets.busy import alive
from ui.widgets.day_edit import today_q

translate = QCoreApplication.translate
(C_SOURCE, C_SKU, C_NAME, C_ORDERED, C_RECEIVED, C_BEFORE, C_INVOICED, C_PRICE, C_INVOICE_PRICE, C_QTY_DIFF,
 C_PRICE_DIFF, C_DIFF) = range(12)
EDITABLE = (C_INVOICED, C_INVOICE_PRICE)
DIFFERS = QColor(255, 220, 200)  # a difference: light orange, readable in both themes' text colours


def _number(text: str) -> Decimal | None:
    """A number typed into a cell (0 or more), read as every number is read; None when it is not one."""
    try:
        value = D(text.strip())
    except (TypeError, ValueError, ArithmeticError):
        return None
    return value if value >= 0 else None


def _signed(value: Decimal, places: int | None = None, price: bool = False) -> str:
    """A difference with its sign: money to ``places``, a unit price's as prices show (``+0.10``), else as typed."""
    if price:
        text = fmt_price(value, 2 if places is None else places)
    else:
        text = fmt(value) if places is None else _money(value, places)
    return f"+{text}" if value > 0 else text


def _money(value: Decimal, places: int) -> str:
    """Money as the rest of the window writes it: half up to the currency's places, thousands grouped (21,889.59)."""
    return f"{round_money(value, places):,.{places}f}"


class SupplierInvoiceDialog(QDialog):
    """A supplier's invoice for a posted receipt and/or a purchase order, matched as it is typed."""

    entered = Signal(object)  # the InvoiceView entered

    def __init__(self, services, *, supplier: str = "", receipt: str = "", po: str = "", parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.receipt = receipt
        self.draft: inv.InvoiceDraft | None = None
        self.view: inv.InvoiceView | None = None
        self.current: Match | None = None
        self._filling = False
        self.setWindowTitle(fill(translate("SupplierInvoice", "Supplier invoice for %1"),
                                 " + ".join(x for x in (po, receipt) if x)))
        self.head = QLabel(translate("SupplierInvoice", "Type the invoice as the supplier wrote it. The lines are "
                                                        "filled with what was received and not yet invoiced, at the "
                                                        "order's prices without tax; differences are highlighted."),
                           self)
        self.head.setWordWrap(True)
        self.supplier = QLineEdit(supplier, self)
        self.supplier.setPlaceholderText(translate("SupplierInvoice", "the supplier's code (required)"))
        self.po = QLineEdit(po, self)
        self.po.setPlaceholderText(translate("SupplierInvoice", "PO-… (optional when a receipt is named)"))
        self.load_button = QPushButton(translate("SupplierInvoice", "Lo&ad"), self)
        self.load_button.clicked.connect(self.load)
        po_row = QHBoxLayout()
        po_row.addWidget(self.po, 1)
        po_row.addWidget(self.load_button)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(translate("SupplierInvoice", "the supplier's invoice number (required)"))
        self.date = QDateEdit(today_q(), self)
        self.date.setCalendarPopup(True)
        self.due_given = QCheckBox(translate("SupplierInvoice", "D&ue on"), self)
        self.due = QDateEdit(today_q().addDays(30), self)
        self.due.setCalendarPopup(True)
        self.due.setEnabled(False)
        for edit in (self.date, self.due):  # as the receipt, the PO and the statement write dates (it was 2026/12/7)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.due_given.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_given)
        due_row.addWidget(self.due, 1)
        due_row.addWidget(QLabel(translate("SupplierInvoice", "(unticked: by the supplier's payment terms)"), self))
        self.by_lines = QRadioButton(translate("SupplierInvoice", "Per &line"), self)
        self.by_amount = QRadioButton(translate("SupplierInvoice", "One amount with &tax:"), self)
        self.by_lines.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_lines)
        group.addButton(self.by_amount)
        self.amount = QLineEdit(self)
        self.amount.setEnabled(False)
        self.by_amount.toggled.connect(self._mode_changed)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.by_lines)
        mode_row.addWidget(self.by_amount)
        mode_row.addWidget(self.amount, 1)
        form = QFormLayout()
        # Each field has its Alt letter (a bookkeeper entering the invoice from a supplier's page went back to its
        # number or date by Shift+Tab through the others); a text label's buddy is its field
        po_label = QLabel(translate("SupplierInvoice", "Purchase &order:"), self)
        po_label.setBuddy(self.po)
        form.addRow(translate("SupplierInvoice", "&Supplier:"), self.supplier)
        form.addRow(po_label, po_row)
        form.addRow(translate("SupplierInvoice", "Invoice &number:"), self.number)
        form.addRow(translate("SupplierInvoice", "Invoice &date:"), self.date)
        form.addRow(translate("SupplierInvoice", "Due date:"), due_row)
        form.addRow(translate("SupplierInvoice", "Invoice:"), mode_row)
        self.table = QTableWidget(0, 12, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setHorizontalHeaderLabels([
            translate("SupplierInvoice", "Source"), translate("SupplierInvoice", "SKU"),
            translate("SupplierInvoice", "Name"), translate("SupplierInvoice", "Ordered"),
            translate("SupplierInvoice", "Received"), translate("SupplierInvoice", "Invoiced before"),
            translate("SupplierInvoice", "Invoiced"), translate("SupplierInvoice", "Order price"),
            translate("SupplierInvoice", "Invoice price"), translate("SupplierInvoice", "Qty difference"),
            translate("SupplierInvoice", "Price difference"), translate("SupplierInvoice", "Difference")])
        self.table.setColumnWidth(C_NAME, 160)
        self.table.itemChanged.connect(self._cell_changed)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("SupplierInvoice", "&Post invoice"))
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.supplier, self.number, self.amount):
            edit.textChanged.connect(self._check)
        self.amount.textChanged.connect(self.rematch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1060, 520)
        self._check()
        if self.supplier.text().strip() or self.po.text().strip():
            self.load()
        if self.supplier.text().strip() and (self.po.text().strip() or receipt):
            # the supplier and the order or receipt came with the dialog: the cursor waits where typing starts, in
            # the supplier's invoice number (it sat in the supplier's code, two Tabs away)
            self.number.setFocus()

    # --- loading the draft ------------------------------------------------------------------------
    def load(self) -> None:
        """Read what the PO and the receipt brought in (in the background) and prefill the lines."""
        supplier, po, receipts = self.supplier.text().strip(), self.po.text().strip(), \
            (self.receipt,) if self.receipt else ()
        uow = self.services.uow
        self.load_button.setEnabled(False)
        self.say("")
        self.services.tasks.submit(lambda: inv.invoice_draft(uow(), supplier, po, receipts), on_done=self._loaded,
                                   on_error=self._failed)

    def _loaded(self, draft: inv.InvoiceDraft) -> None:
        if not alive(self):
            return
        self.load_button.setEnabled(True)
        self.draft = draft
        self.supplier.setText(draft.supplier)
        self.po.setText(draft.po)
        self._filling = True
        self.table.setRowCount(len(draft.sources))
        for r, s in enumerate(draft.sources):
            texts = {C_SOURCE: s.source, C_SKU: s.sku, C_NAME: s.name,
                     C_ORDERED: fmt(s.ordered) if s.ordered is not None else "", C_RECEIVED: fmt(s.received),
                     C_BEFORE: fmt(s.invoiced_before), C_INVOICED: fmt(s.outstanding), C_PRICE: price_text(s.price),
                     C_INVOICE_PRICE: price_text(s.price), C_QTY_DIFF: "", C_PRICE_DIFF: "", C_DIFF: ""}
            for column, text in texts.items():
                item = QTableWidgetItem(text)
                if column >= C_ORDERED:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, column, item)
        self._filling = False
        self._mode_changed()
        self.table.resizeColumnsToContents()
        self.rematch()

    # --- the match as typed ----------------------------------------------------------------------------
    def _mode_changed(self, *_) -> None:
        by_amount = self.by_amount.isChecked()
        self.amount.setEnabled(by_amount)
        self._filling = True
        for r in range(self.table.rowCount()):
            for column in EDITABLE:
                item = self.table.item(r, column)
                if item is not None:
                    flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags if by_amount else flags | Qt.ItemFlag.ItemIsEditable)
        self._filling = False
        self.rematch()

    def _cell_changed(self, _item) -> None:
        if not self._filling:
            self.rematch()

    def typed_lines(self) -> list[tuple[str, str, Decimal, Decimal]] | None:
        """(source, SKU, qty, unit price) of each row billed; None while a cell holds no number."""
        if self.draft is None:
            return None
        out = []
        for r, s in enumerate(self.draft.sources):
            qty = _number(self.table.item(r, C_INVOICED).text())
            price = _number(self.table.item(r, C_INVOICE_PRICE).text())
            if qty is None or price is None:
                return None
            if qty > 0:
                out.append((s.source, s.sku, qty, price))
        return out

    def _amount(self) -> Decimal | None:
        value = _number(self.amount.text())
        return value if value is not None and value > 0 else None

    def rematch(self, *_) -> None:
        """Match what is typed (``domain.accounts.matching.match``) and show the differences."""
        self.current = None
        if self.draft is None:
            self._check()
            return
        d = self.draft
        if self.by_amount.isChecked():
            amount = self._amount()
            if amount is not None:
                self.current = match(list(d.sources), {}, d.tax_rate, d.places, amount)
        else:
            lines = self.typed_lines()
            if lines is not None:
                ids = {s.sku: s.product_id for s in d.sources}
                billed = {(src, ids[sku]): (qty, price) for src, sku, qty, price in lines}
                self.current = match(list(d.sources), billed, d.tax_rate, d.places)
        self._show(self.current)
        self._check()

    def _show(self, m: Match | None) -> None:
        self._filling = True
        places = self.draft.places if self.draft is not None else 2
        for r in range(self.table.rowCount()):
            row = m.rows[r] if m is not None and r < len(m.rows) else None
            for column, value in ((C_QTY_DIFF, row.qty_difference if row else None),
                                  (C_PRICE_DIFF, row.price_difference if row else None),
                                  (C_DIFF, row.difference if row else None)):
                item = self.table.item(r, column)
                item.setText("" if value is None else _signed(value, places if column != C_QTY_DIFF else None,
                                                              price=column == C_PRICE_DIFF))
                item.setBackground(QBrush(DIFFERS) if value else QBrush())
        self._filling = False
        if m is None:
            self.totals.setText(translate("SupplierInvoice", "Enter a number in every invoiced quantity and price, or "
                                                             "the amount."))
            self.totals.setStyleSheet(RED)
            return
        d = self.draft
        text = fill(translate("SupplierInvoice", "Amount %1 %2 (tax %3 at %4%); expected %5 at the order's prices; "
                                                 "difference %6."),
                    _money(m.amount, places), d.currency, _money(m.tax, places), fmt(m.tax_rate),
                    _money(m.expected, places), _signed(m.difference, places))
        self.totals.setText(text)
        self.totals.setStyleSheet(RED if m.difference else GREEN)

    # --- posting ---------------------------------------------------------------------------------------
    def _ready(self) -> bool:
        return (self.view is None and self.current is not None and bool(self.number.text().strip())
                and bool(self.supplier.text().strip()) and (self.by_amount.isChecked() or bool(self.current.rows)))

    def _check(self, *_) -> None:
        self.ok.setEnabled(self._ready())

    def command(self) -> inv.EnterSupplierInvoice:
        d = self.draft
        lines = () if self.by_amount.isChecked() else tuple(
            inv.LineInput(sku, qty, price) for _, sku, qty, price in self.typed_lines() or [])
        due = self.due.date().toPython() if self.due_given.isChecked() else None
        return inv.EnterSupplierInvoice(
            d.supplier, self.number.text().strip(), po=d.po, receipts=d.receipts,
            amount=self._amount() if self.by_amount.isChecked() else None, lines=lines,
            day=self.date.date().toPython(), due_on=due if isinstance(due, date) else None)

    def post(self, accept_differences: bool = False) -> None:
        if not self._ready():
            return
        command = replace(self.command(), accept_differences=accept_differences)
        uow = self.services.uow
        self.buttons.setEnabled(False)
        self.say("")
        self.services.tasks.submit(lambda: inv.enter_supplier_invoice(uow(), command), on_done=self._posted,
                                   on_error=self._failed)

    def _posted(self, view: inv.InvoiceView) -> None:
        if not alive(self):
            return
        self.view = view
        self.buttons.setEnabled(True)
        self.ok.setVisible(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("SupplierInvoice", "Close"))
        for widget in (self.supplier, self.po, self.load_button, self.number, self.date, self.due_given, self.due,
                       self.by_lines, self.by_amount, self.amount):
            widget.setEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._show(view.match)
        places = view.places
        self.say(fill(translate("SupplierInvoice", "Entered invoice %1 of %2, due %3: the payable is %4 and replaces "
                                                   "the receipts' accrual of %5 (it moves by %6)."),
                      view.number, view.supplier, view.due_on.isoformat(), _money(view.payable, places),
                      _money(view.settles, places), _signed(view.payable_change, places)))
        self.entered.emit(view)

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.buttons.setEnabled(True)
        self.load_button.setEnabled(True)
        self._check()
        if isinstance(exc, inv.InvoiceDiffers):
            self.ask_differences(exc)
            return
        self.say(refusal_text(exc) if isinstance(exc, DomainError) else str(exc), error=True)

    def ask_differences(self, exc: inv.InvoiceDiffers) -> QMessageBox:
        """The invoice differs from the order and receipts (three-way match): the lines that differ, then ask."""
        view, signed = exc.view, lambda x: ("+" if x > 0 else "") + fmt(x)
        lines = [fill(translate("SupplierInvoice", "%1: billed %2 × %3, received %4 × %5, difference %6"), r.sku,
                      fmt(r.invoiced), fmt(r.invoice_price), fmt(r.received), fmt(r.price), signed(r.difference))
                 for r in inv.differing(view.match)]
        text = "\n".join([
            fill(translate("SupplierInvoice", "Invoice %1 differs from what was ordered and received:"), view.number),
            *lines, "", fill(translate("SupplierInvoice", "It comes to %1 %2 with tax against %3 expected (%4). Check "
                                                          "it with the supplier, or post it as it is."),
                             fmt_price(view.match.amount, view.places), view.currency,
                             fmt_price(view.match.expected, view.places),
                             ("+" if view.match.difference > 0 else "")
                             + fmt_price(view.match.difference, view.places))])
        box = QMessageBox(QMessageBox.Icon.Question, translate("SupplierInvoice", "The invoice differs"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(translate("SupplierInvoice", "&Post with the differences"))
        box.button(QMessageBox.StandardButton.No).setText(translate("SupplierInvoice", "&Not now"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self.post(accept_differences=True) if box.clickedButton() is yes else None)
        self.differences_box = box
        box.open()
        return box

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(RED if error else GREEN)
        self.message.setText(text)
