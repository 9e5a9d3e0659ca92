"""The Receive screen (``ReceiveScreen``), with its purchase-order mode (``PurchaseOrderMode``) and, on a free receipt,
the last purchase prices filled in (``suggested_costs.SuggestedCosts``).

The Receive screen can also receive against a purchase order: pick an open PO of the warehouse
in the "Purchase order" field, or scan (type) its number, e.g. PO-2026-00042, in the scan
field. The lines become the PO's open lines with what is still expected; the received
quantity is prefilled with it and editable, and a scan counts only a product on the PO.
Once a line is scanned, posting first asks about the lines neither scanned nor edited
(``ui.dialogs.unscanned``: leave them open, the default, or receive them as expected; Esc goes
back to the entry), so a partial delivery scanned line by line never receives what did not arrive.
Posting (Ctrl+Enter) runs ``domain.purchasing.orders.receive_delivery`` (one transaction, on the task runner):
the PO's received quantities and on-order change with the stock, the movements carry the PO
number and the PO's unit cost, and what is not received stays open. The delivery is a receipt of its
own (GR-…, the PO its reference): the screen says its number and offers to print its note (as after a free
receipt: ``receipt_note``), and it is listed among the posted receipts, where reversing it also takes its quantities
back off the PO, and Print receipt note… prints the one selected. Clearing the PO field returns the screen
to a free receipt.
"""

from __future__ import annotations

import re
from datetime import date
from datetime import datetime
from datetime import time as clock
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QPushButton

from domain.kernel import clock as wall
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import fmt
from domain.purchasing import orders as purchasing
from domain.purchasing.model import over_receipt_limit
from domain.sales.backorders import freed_by
from domain.stock.documents import DocumentKind
from ui.dialogs.unscanned import leave_unscanned_open
from ui.i18n import fill
from ui.models import document_lines as lm
from ui.screens.documents.entry import OPEN_PO_STATES
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.screens.documents.messages import say
from ui.screens.documents.receipt_note import ReceiptNoteOffer
from ui.screens.documents.suggested_costs import SuggestedCosts
from ui.screens.sales.freed import FreedBackorders

# lupdate reads translate("Context", "text"); it would read self.tr here as this class's context, not DocumentEntry's
translate = QCoreApplication.translate

PO_NUMBER = re.compile(r"PO-\d{4}-\d+", re.IGNORECASE)  # what a scanned PO number looks like


class PurchaseOrderMode:
    """Receiving against a purchase order: the open POs of the warehouse, a scanned PO number, its open lines,
    and the receipt posted with ``domain.purchasing.orders.receive_delivery``."""

    # --- receiving against a purchase order -------------------------------------------------------
    def _is_po_number(self, code: str) -> bool:
        upper = code.upper()
        return bool(PO_NUMBER.fullmatch(code)) or any(po.number == upper for po in self._open_pos)

    def _scan_po_line(self, product) -> bool:
        row = self.model.scan_po(product.sku, product.per, product.pack)
        if row is None:
            say(self.scan_message, fill(translate("DocumentEntry", "%1 (%2) is not on purchase order %3: only its "
                                                  "products can be received against it. Clear the order for a free "
                                                  "receipt."),
                                        product.sku, product.name, self.po.number))
            QApplication.beep()
            self.scan.setFocus()
            return False
        say(self.scan_message, "")
        say(self.result_label, self.pack_scanned_text(product, row))
        self.show_line(row)
        self.scan.setFocus()
        self._warn_over_receipt(row)
        return True

    def _warn_over_receipt(self, row: int) -> None:
        """A scan that takes a line beyond what the PO still accepts beeps and says so at once (Ctrl+Z takes it
        back); the line counted on in silence and only the posting refused it, after the whole delivery was scanned."""
        entered = self.model.lines[row]
        line = next((x for x in self.po.lines if x.sku == entered.sku), None)
        if line is None or entered.qty is None:
            return
        room = max(Decimal(0), over_receipt_limit(line.qty, self._po_tolerance) - line.received)
        if entered.qty > room:
            say(self.scan_message, fill(translate("DocumentEntry", "%1: this scan makes %2, but %3 accepts at most %4 "
                                                  "more. Ctrl+Z takes the scan back."),
                                        entered.sku, fmt(entered.qty), self.po.number, fmt(room)))
            QApplication.beep()

    def _fill_po_combo(self) -> None:
        """The open POs of the chosen warehouse, after "none" (a free receipt)."""
        if self.kind != DocumentKind.RECEIPT:
            return
        warehouse = self.warehouse.currentData()
        numbers = [(po.number, po.supplier_name) for po in self._open_pos if po.number and po.warehouse == warehouse]
        if self.po is not None and all(number != self.po.number for number, _ in numbers):
            numbers.insert(0, (self.po.number, self.po.supplier_name))
        self.po_combo.blockSignals(True)
        self.po_combo.clear()
        self.po_combo.addItem(translate("DocumentEntry", "None: a free receipt"), "")
        for number, supplier in numbers:
            self.po_combo.addItem(f"{number} — {supplier}", number)
        self.po_combo.setCurrentIndex(max(0, self.po_combo.findData(self.po.number)) if self.po is not None else 0)
        self.po_combo.blockSignals(False)

    def _po_chosen(self, index: int) -> None:
        number = self.po_combo.itemData(index)
        if not number:
            self.clear_po()
        elif self.po is None or number != self.po.number:
            self.load_po(number)
        self.scan.setFocus()

    def load_po(self, ref: str) -> None:
        """Load the PO numbered ``ref`` (in the background) and enter a receipt against it."""
        if self._posting or self._po_loading:
            self._pending.append(ref)
            return
        self._po_loading = True
        self.po_combo.setEnabled(False)
        services = self.services
        orders = services.purchasing

        def load():
            rows = orders.purchase_orders(ref=ref)
            uow = services.uow()
            with uow:
                tolerance = uow.purchasing.policy().over_receipt_tolerance
            return rows, tolerance

        def failed(exc: BaseException) -> None:
            self._po_loading = False
            self.po_combo.setEnabled(True)
            self._fill_po_combo()
            self.show_error(exc)
            self._apply_pending()

        self._submit(load, lambda result: self._po_loaded(ref, *result), failed)

    def _po_loaded(self, ref: str, rows, tolerance: Decimal) -> None:
        self._po_loading = False
        self.po_combo.setEnabled(True)
        po = rows[0] if rows else None
        if po is None or po.state not in OPEN_PO_STATES or not any(x.open_qty > 0 for x in po.lines):
            if po is None:
                text = fill(translate("DocumentEntry", "No purchase order has the number %1."), ref)
            else:
                text = fill(translate("DocumentEntry", "Purchase order %1 has nothing open to receive."),
                            po.number or ref)
            self._fill_po_combo()
            self._apply_pending()  # (clears the scan message when nothing was waiting)
            say(self.scan_message, text)
            QApplication.beep()
            self.scan.setFocus()
            return
        self.po, self._po_tolerance = po, tolerance
        self._last_error = None
        for label in (self.header_error, self.line_error, self.scan_message, self.result_label):
            say(label, "")
        if self.warehouse.findData(po.warehouse) >= 0:
            self.warehouse.setCurrentIndex(self.warehouse.findData(po.warehouse))
        self.warehouse.setEnabled(False)  # the PO says where the goods go
        self.partner.setEditText(f"{po.supplier} — {po.supplier_name}")
        self.partner.setEnabled(False)
        self.model.load_open_lines(po)
        resumed, self._resume_po_lines = self._resume_po_lines, None
        if resumed is not None:
            self.model.restore_po_quantities(resumed)
        self.mark_fractions()  # an open line of a product counted in whole units since, or a held quantity
        self.grid.setColumnHidden(self.model.column(lm.EXPECTED), False)
        self._fill_po_combo()
        self._show_po_info()
        self._apply_pending()
        self.scan.setFocus()

    def _show_po_info(self) -> None:
        if self.po is None:
            say(self.po_info, "")
        else:
            say(self.po_info, fill(translate("DocumentEntry", "From %1: what is still expected is filled in; change it "
                                             "or scan (the first scan of a line counts from 1). Once you scan, lines "
                                             "neither scanned nor changed are asked about. What is not received "
                                             "stays open."), self.po.supplier_name))

    def clear_po(self) -> None:
        """Back to a free receipt: no PO, no lines."""
        self.model.clear()
        self._leave_po()
        self.partner.setEditText("")
        for label in (self.header_error, self.line_error, self.scan_message):
            say(label, "")
        self._last_error = None

    def _leave_po(self) -> None:
        if self.po is None:
            return
        self.po = None
        self.warehouse.setEnabled(True)
        self.partner.setEnabled(True)
        self.grid.setColumnHidden(self.model.column(lm.EXPECTED), True)
        self._fill_po_combo()
        self._show_po_info()

    def _post_po(self) -> None:
        """Receive the entered quantities against the PO as a receipt (``domain.purchasing.orders.receive_delivery``,
        one transaction)."""
        self._commit_open_editor()
        for label in (self.header_error, self.line_error, self.result_label):
            say(label, "")
        self.model.clear_errors()
        self._last_error = None
        # scanned some lines, not others: those hold only the prefilled quantity, so ask first
        leave = leave_unscanned_open(self, self.model, self.scan)
        if leave is None:  # Esc: back to the scan field, nothing posted
            return
        day = self.date.date().toPython()
        past = isinstance(day, date) and day < wall.today()
        command = self.model.po_receipt(self.po.number, note=self.reference.text(),
                                        occurred_at=datetime.combine(day, clock(12)) if past else None,
                                        leave_unconfirmed=leave)
        if command is None:  # nothing entered: refused here, as no lines would receive everything still open
            say(self.header_error, fill(translate("DocumentEntry",
                                                  "Enter a received quantity on at least one line of %1."),
                                        self.po.number))
            QApplication.beep()
            return
        self._set_posting(True)
        services, done_with_held = self.services, self.held.removal()

        def receive():
            delivery = purchasing.receive_delivery(services.uow(), command)
            done_with_held()  # posted: the held copy goes (a crash in between leaves it, never the reverse)
            return delivery

        self._submit(lambda: freed_by(services.reader, receive), self._po_received, self._post_failed)

    def _po_received(self, result) -> None:
        delivery, freed = result
        self.freed_backorders.show_freed(freed)
        self.held.posted()
        self._set_posting(False)
        QSettings().setValue(f"documents/{self.kind.value}/warehouse", self.warehouse.currentData() or "")
        self.clear_form()
        self._last_posted, self._last_po_receipt = delivery.document.number, delivery.document.reference
        self._show_result()
        self.refresh_posted()  # the delivery's receipt is listed with the others
        self.reload_choices()  # the PO is now partly or fully received
        self._apply_pending()
        self.scan.setFocus()

    def _po_refusal(self, exc: BaseException) -> tuple[int, str] | None:
        """An over-receipt refusal as (row, translated message), when ``exc`` is one for a line of the PO."""
        if self.po is None or not isinstance(exc, RuleViolation):
            return None
        if exc.code != "over_receipt":
            return None
        for row, entered in enumerate(self.model.lines):
            if entered.sku != exc.params["sku"]:
                continue
            line = next((x for x in self.po.lines if x.sku == entered.sku), None)
            if line is None:
                return None
            room = max(Decimal(0), over_receipt_limit(line.qty, self._po_tolerance) - line.received)
            return row, fill(translate("DocumentEntry", "%1: %2 ordered, %3 received so far; receiving %4 would exceed "
                                       "the over-receipt tolerance of %5% (at most %6 more accepted)."),
                             line.sku, fmt(line.qty), fmt(line.received), fmt(entered.qty or Decimal(0)),
                             fmt(self._po_tolerance), fmt(room))
        return None


class ReceiveScreen(SuggestedCosts, PurchaseOrderMode, DocumentEntry):
    KIND = DocumentKind.RECEIPT

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.return_dialog = None
        self.supplier_return_button = QPushButton(self)
        self.supplier_return_button.clicked.connect(self.return_selected_to_supplier)
        self.posted_buttons.insertWidget(2, self.supplier_return_button)
        self.supplier_return_button.setText(translate("ReceiveScreen", "Return to &supplier…"))
        self.invoice_dialog = None
        self.supplier_invoice_button = QPushButton(self)
        self.supplier_invoice_button.clicked.connect(self.invoice_selected)
        self.posted_buttons.insertWidget(3, self.supplier_invoice_button)
        self.supplier_invoice_button.setText(translate("ReceiveScreen", "Enter supplier &invoice…"))
        # after a receipt, the backorders it lets ship, under the document's footer
        self.freed_backorders = FreedBackorders(self.services, self)
        self.entry_layout.addWidget(self.freed_backorders)
        # after a receipt, its goods receipt note to print; the posted list prints the selected receipt's
        self.receipt_note = ReceiptNoteOffer(self.services, self)
        self.entry_layout.addWidget(self.receipt_note)
        self.print_note_button = QPushButton(self)
        self.print_note_button.clicked.connect(self.print_selected_note)
        self.posted_buttons.insertWidget(4, self.print_note_button)
        self.print_note_button.setText(translate("ReceiveScreen", "Print receipt &note…"))
        self.labels_dialog = None
        self.labels_button = QPushButton(self)
        self.labels_button.clicked.connect(self.labels_for_selected)
        self.posted_buttons.insertWidget(5, self.labels_button)
        self.labels_button.setText(translate("ReceiveScreen", "La&bels…"))

    def labels_for_selected(self):
        """Barcode labels (条码标签) for what the selected posted receipt brought in: one per unit or per line."""
        from ui.dialogs.labels import LabelsDialog

        doc = self.selected_document()
        if doc is None:
            self.say(translate("ReceiveScreen", "Select a posted receipt first."), error=True)
            return None
        self.posted_message.clear()
        self.labels_dialog = LabelsDialog(self.services, receipt=doc.number, parent=self)
        self.labels_dialog.open()
        return self.labels_dialog

    def _posting_work(self, post):
        """A receipt also reads the backorders it lets ship (``domain.sales.backorders.freed_by``)."""
        reader = self.services.reader
        return lambda: freed_by(reader, post)

    def _posted(self, result) -> None:
        document, freed = result
        super()._posted(document)
        self.freed_backorders.show_freed(freed)
        self.receipt_note.offer(document.number)

    def _po_received(self, result) -> None:
        super()._po_received(result)
        self.receipt_note.offer(result[0].document.number)

    def _set_posting(self, on: bool) -> None:
        super()._set_posting(on)
        if on:  # the next receipt says its own
            self.freed_backorders.show_freed([])
            self.receipt_note.offer("")

    def print_selected_note(self) -> None:
        """Write the selected posted receipt's note as PDF in the background and open it."""
        from ui.screens.sales.printing import print_goods_receipt

        doc = self.selected_document()
        if doc is None:
            self.say(translate("ReceiveScreen", "Select a posted receipt first."), error=True)
            return
        self.posted_message.clear()
        print_goods_receipt(self, self.services, doc.number)

    def say(self, text: str, error: bool = False) -> None:
        """What printing from the posted list came to, under its buttons."""
        self.posted_message.setStyleSheet(RED if error else GREEN)
        self.posted_message.setText(text)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "supplier_return_button"):
            self.supplier_return_button.setText(translate("ReceiveScreen", "Return to &supplier…"))
        if hasattr(self, "supplier_invoice_button"):
            self.supplier_invoice_button.setText(translate("ReceiveScreen", "Enter supplier &invoice…"))
        if hasattr(self, "print_note_button"):
            self.print_note_button.setText(translate("ReceiveScreen", "Print receipt &note…"))
        if hasattr(self, "labels_button"):
            self.labels_button.setText(translate("ReceiveScreen", "La&bels…"))

    def invoice_selected(self):
        """Open the supplier invoice dialog for the selected posted receipt, or else for the purchase order received
        against last on this screen (None when there is neither)."""
        from ui.screens.documents.supplier_invoices import SupplierInvoiceDialog

        doc = self.selected_document()
        if doc is None and not self._last_po_receipt:
            self.posted_message.setStyleSheet(RED)
            self.posted_message.setText(translate("ReceiveScreen", "Select a posted receipt first."))
            return None
        if doc is not None and doc.reversed:
            self.posted_message.setStyleSheet(RED)
            self.posted_message.setText(fill(
                translate("ReceiveScreen", "Receipt %1 was reversed; there is nothing on it to invoice."), doc.number))
            return None
        self.posted_message.clear()
        if doc is not None and doc.po:  # a delivery against a PO is invoiced against the PO, as its payable is
            dialog = SupplierInvoiceDialog(self.services, supplier=doc.partner, po=doc.po, parent=self)
        elif doc is not None:
            dialog = SupplierInvoiceDialog(self.services, supplier=doc.partner, receipt=doc.number, parent=self)
        else:
            dialog = SupplierInvoiceDialog(self.services, po=self._last_po_receipt, parent=self)
        self.invoice_dialog = dialog
        dialog.open()
        return dialog

    def return_selected_to_supplier(self):
        """Open the return-to-supplier dialog for the selected posted receipt (None when none can be)."""
        from ui.screens.documents.supplier_returns import SupplierReturnDialog

        doc = self.selected_document()
        if doc is None:
            self.posted_message.setStyleSheet(RED)
            self.posted_message.setText(translate("ReceiveScreen", "Select a posted receipt first."))
            return None
        if doc.reversed:
            self.posted_message.setStyleSheet(RED)
            self.posted_message.setText(fill(
                translate("ReceiveScreen", "Receipt %1 was reversed; nothing on it can go back."), doc.number))
            return None
        dialog = SupplierReturnDialog(self.services, doc, self)
        dialog.returned.connect(lambda *_: self.refresh_posted())
        self.return_dialog = dialog
        dialog.open()
        return dialog
