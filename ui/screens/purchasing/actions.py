"""The purchase-order actions (``PoActions``, mixed into ``PurchasingScreen``): new draft, issue, and the dialogs to
revise, cancel, close short and receive; and, for what the order brought in, Return to supplier… (Ctrl+R) and
Supplier invoice… (Ctrl+Shift+I), the Receive screen's dialogs against the order, from the action bar and the list's
context menu, enabled while the order has something to return or to invoice (``follow_ups``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMessageBox

from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from ui.dialogs.reason import ReasonDialog
from ui.dialogs.receive_po import ReceivePoDialog
from ui.i18n import fill
from ui.screens.purchasing.editor import OPEN
from ui.screens.purchasing.editor import po_label
from ui.screens.purchasing.editor import translate
from ui.screens.purchasing.follow_ups import PoFollowUpActions
from ui.widgets.busy import alive


class PoActions:
    """The action bar's use cases of ``PurchasingScreen`` (a mixin): a new draft, issue, and the dialogs that revise,
    cancel, close short or receive the PO shown in the editor."""

    def new_draft(self) -> None:
        supplier, warehouse = self.supplier.currentData(), self.warehouse.currentData()
        if not supplier or not warehouse:
            self.say(translate("PurchasingScreen", "Choose a supplier and a warehouse first."), error=True)
            return
        expected = self.expected.date()
        expected_on = None if expected == self.expected.minimumDate() else expected.toPython()
        command, uow = pc.CreatePurchaseOrder(supplier, warehouse, expected_on), self.services.uow
        self._run(lambda: purchasing.create_draft(uow(), command), self._draft_created)

    def _draft_created(self, po) -> None:
        self.revising = False
        text = translate("PurchasingScreen", "New draft for %1. Add lines: scan or type a SKU.")
        self.say(fill(text, self.supplier.currentText()))
        self._pending_select = po.id
        self.refresh()
        self.sku.setFocus()

    def issue(self) -> None:
        if self.current is None or self.current.state != "draft":
            return
        ref, uow = self.current.id, self.services.uow
        self._run(lambda: purchasing.issue(uow(), pc.IssuePurchaseOrder(ref)), self._issued)

    def _issued(self, po) -> None:
        self.say(fill(translate("PurchasingScreen", "Issued %1"), po.number))
        self._changed()

    def revise(self, confirm: bool = True) -> bool:
        """Unlock an issued PO for changes after the purchaser agrees that each change makes a revision."""
        row = self.current
        if row is None or row.state not in OPEN:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, translate("PurchasingScreen", "Revise purchase order"),
                fill(translate("PurchasingScreen", "%1 has been issued. Each change makes revision %2 (then the next) "
                                                   "and freezes a new copy for the supplier; send them the new PDF. "
                                                   "Revise it?"), po_label(row), str(row.revision + 1)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.revising = True
        self._show_po()
        self.say(fill(
            translate("PurchasingScreen", "Revising %1: change quantities or prices in the grid, or add lines."),
            po_label(row)))
        return True

    def cancel_po(self) -> ReasonDialog | None:
        row = self.current
        if row is None:
            return None
        dialog = ReasonDialog(translate("PurchasingScreen", "Cancel purchase order"),
                              fill(translate("PurchasingScreen", "Cancel %1? Nothing more will be expected from it."),
                                   po_label(row)), required=True, parent=self)
        ref, uow = row.id, self.services.uow

        def accepted() -> None:
            command = pc.CancelPurchaseOrder(ref, dialog.reason())
            self._run(lambda: purchasing.cancel(uow(), command),
                      lambda po: (self.say(fill(translate("PurchasingScreen", "Cancelled %1"), po.label)),
                                  self._changed()))

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def close_short(self) -> ReasonDialog | None:
        row = self.current
        if row is None:
            return None
        dialog = ReasonDialog(translate("PurchasingScreen", "Close short"),
                              fill(translate("PurchasingScreen", "Close %1 short? What is still open is no longer "
                                                                 "expected; what was received stays received."),
                                   po_label(row)),
                              required=False, parent=self)
        ref, uow = row.id, self.services.uow

        def accepted() -> None:
            command = pc.ClosePurchaseOrderShort(ref, dialog.reason())
            self._run(lambda: purchasing.close_short(uow(), command),
                      lambda po: (self.say(fill(translate("PurchasingScreen", "Closed %1 short"), po.label)),
                                  self._changed()))

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def receive(self) -> ReceivePoDialog | None:
        row = self.current
        if row is None or row.state not in OPEN:
            return None
        dialog = ReceivePoDialog(self.services, row, self.codes, self)

        def accepted() -> None:
            lines = len(dialog.movements)
            self.say(fill(translate("PurchasingScreen", "Received %n line(s) against %1", None, lines), po_label(row)))
            self.freed_backorders.show_freed(dialog.freed)
            self.receipt_note.offer(dialog.receipt)
            self._changed()

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- what the order brought in: return some, or enter the supplier's invoice (follow_ups) --------------------
    def build_follow_ups(self) -> None:
        """The buttons and shortcuts of Return to supplier… and Supplier invoice…, and the list's context menu."""
        self.follow = PoFollowUpActions(self.services, self)
        self.return_action, self.invoice_action = self.follow.return_action, self.follow.invoice_action
        self.return_button, self.invoice_button = self.follow.return_button, self.follow.invoice_button
        self.follow.returned.connect(lambda document: self._followed_up(fill(
            translate("PurchasingScreen", "Posted return %1 against %2"), document.number, po_label(self.current))))
        self.follow.entered.connect(lambda view: self._followed_up(fill(
            translate("PurchasingScreen", "Entered invoice %1 for %2"), view.number, po_label(self.current))))
        self.follow.failed.connect(self._failed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_list_menu)

    def _followed_up(self, text: str) -> None:
        self.say(text)
        self._changed()

    def list_menu(self) -> QMenu:
        """The PO list's context menu: receive, return to supplier, enter the supplier's invoice."""
        menu = QMenu(self)
        receive = menu.addAction(self.receive_button.text(), self.receive)  # its mnemonic serves the menu too
        receive.setEnabled(self.receive_button.isEnabled())
        menu.addSeparator()
        menu.addAction(self.return_action)
        menu.addAction(self.invoice_action)
        return menu

    def show_list_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.setCurrentIndex(index)  # the menu acts on the order under the pointer
        self.menu = self.list_menu()
        self.menu.popup(self.table.viewport().mapToGlobal(pos))

    def _po_loaded(self, result) -> None:
        super()._po_loaded(result)
        if alive(self) and self.current is not None:
            self.follow.show_for(self.current)  # (again after a change: what was received may have changed)

    def return_to_supplier(self):
        """Return goods the shown order brought in (None when it has nothing to return)."""
        dialog = self.follow.return_to_supplier()
        self.dialog = dialog or self.dialog
        return dialog

    def enter_invoice(self):
        """Enter the supplier's invoice for the shown order (None when nothing received is left to invoice)."""
        dialog = self.follow.enter_invoice()
        self.dialog = dialog or self.dialog
        return dialog
