"""The order screen's actions (``OrderActions``, mixed into ``SalesOrdersScreen``): new, save, add, change and remove
lines (Delete; Ctrl+Z puts the last removed lines of the draft back), confirm and the stockout offers, ship, cancel,
cut a line, the backorder list and printing.

Each runs a use case (``domain.sales.orders``, ``domain.sales.drafts``) on the task runner and then reads the
order again. A refusal is said in the reader's language (``ui.refusals``); a ``Shortage`` on confirming opens the
stockout panel (``shortage.ShortagePanel``) instead, and ``OverCreditLimit`` a message box (the override offered to
a manager, the refusal to others).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QTableWidgetItem

from domain.kernel.numbers import fmt
from domain.sales import commands as sc
from domain.sales import drafts
from domain.sales import lookup
from domain.sales import orders
from domain.sales.credit import OverCreditLimit
from domain.sales.orders import Shortage
from ui.dialogs.reason import ReasonDialog
from ui.i18n import fill
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.refusals import say as say_refusal
from ui.screens.sales.credit_line import ask_past_limit
from ui.screens.sales.words import L_DISCOUNT
from ui.screens.sales.words import L_NO
from ui.screens.sales.words import L_PRICE
from ui.screens.sales.words import L_QTY
from ui.screens.sales.words import price_text
from ui.screens.sales.words import translate
from ui.widgets.busy import alive

# Refusals of putting a removed line back that nothing can settle: a sales order never returns to draft, and an order
# or a product once gone stays gone. Any other refusal keeps the line for Ctrl+Z to try again.
FINAL_UNDO_REFUSALS = frozenset({"so_add_not_draft", "unknown_so", "ledger_unknown_product"})


class OrderActions:
    """What the buttons and shortcuts of the order screen do."""

    def make_shortcuts(self) -> None:
        self._shortcuts = []
        for keys, slot in (
            ("Ctrl+N", self.new_order),
            ("Ctrl+S", self.save),
            ("Ctrl+Return", self.confirm_order),
            ("Ctrl+Enter", self.confirm_order),
            ("Ctrl+Shift+S", self.ship),
            ("Ctrl+B", self.show_backorders),
            ("Ctrl+P", lambda: self.print_document("confirmation")),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(shortcut)
        # Ctrl+Z puts back the last removed line, from the lines grid or from an empty add field (a field with text
        # undoes its own typing, as any text field does), as on the stock document screens.
        self.lines.installEventFilter(self)
        self.sku.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo) and (
                watched is self.lines or (watched is self.sku and not self.sku.text())):
            self.undo_remove()
            return True
        return super().eventFilter(watched, event)

    # -- running a use case --------------------------------------------------------------
    def _run(self, fn, on_done, on_error=None) -> None:
        self.busy_bar.busy(True)

        def done(result) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                on_done(result)

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                on_error(exc)

        self.services.tasks.submit(fn, on_done=done, on_error=self._failed if on_error is None else failed)

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.busy_bar.busy(False)
        if isinstance(exc, Shortage) and self.current is not None:
            self._short(exc)
            return
        if isinstance(exc, OverCreditLimit) and self.current is not None:
            self._over_credit(exc)
            return
        self.say(fill(translate("SalesOrders", "Refused: %1"), refusal_text(exc)), error=True)
        QApplication.beep()
        self._enable()

    def _changed(self, select: str | None = None) -> None:
        """After a use case: read the list and the order again (the domain's numbers, not ours)."""
        if select is not None:
            self._pending_select = select
        elif self.current is not None:
            self._pending_select = self.current.id
        self.refresh_orders()

    # -- header --------------------------------------------------------------------------
    def new_order(self) -> None:
        """Start a new order: the header keeps the customer and warehouse, the lines are empty (Ctrl+N)."""
        self.current = None
        self.atp, self.quotes, self.waiting = {}, {}, {}
        self.forget_removed()
        self.shortage.withdraw(silent=True)
        self.table.clearSelection()
        self.lines.setRowCount(0)
        self.reference.clear()
        self.requested.setDate(self.requested.minimumDate())
        self.totals.clear()
        self.say("")
        self.credit.show_customer(self.customer_code())  # the kept customer's credit, with no order against it yet
        self._show_state()
        self._enable()
        self.customer.setFocus()
        self.customer.lineEdit().selectAll()

    def _create_command(self) -> sc.CreateSalesOrder | None:
        customer, warehouse = self.customer_code(), self.warehouse.currentData()
        several = self.several_customers_text()
        if several:
            self.say(several, error=True)
            self.customer.setFocus()
            return None
        if not customer:
            self.say(translate("SalesOrders", "Choose the customer first (type its code or name)."), error=True)
            self.customer.setFocus()
            return None
        if not warehouse:
            self.say(translate("SalesOrders", "Choose the warehouse first."), error=True)
            return None
        return sc.CreateSalesOrder(customer, warehouse, self.requested_on(), self.reference.text())

    def save(self) -> None:
        """Save the header: a new order is created as a draft; a draft's header is changed (Ctrl+S)."""
        uow = self.services.uow
        if self.current is None:
            command = self._create_command()
            if command is None:
                return

            def created(order) -> None:
                self.say(
                    fill(translate("SalesOrders", "Saved %1 as a draft. Add lines: scan or type a SKU."), order.number)
                )
                self._changed(order.id)
                self.sku.setFocus()

            self._run(lambda: orders.create_order(uow(), command), created)
            return
        if self.current.state != "draft":
            return
        several = self.several_customers_text()
        if several:
            self.say(several, error=True)
            self.customer.setFocus()
            return
        day = self.requested_on()
        command = drafts.ChangeDraft(
            self.current.number,
            customer=self.customer_code(),
            warehouse=self.warehouse.currentData(),
            requested_on=day or date.min,
            reference=self.reference.text(),
        )
        self._run(
            lambda: drafts.change_draft(uow(), command),
            lambda order: (self.say(fill(translate("SalesOrders", "Saved %1."), order.number)), self._changed()),
        )

    # -- lines ---------------------------------------------------------------------------
    def _add_from_bar(self) -> None:
        text = self.sku.text().strip()
        if not text:
            return
        self.add_line(
            text.split()[0],
            self.qty.text().strip() or "1",
            self.price.text().strip() or None,
            self.discount.text().strip() or None,
        )

    def add_line(self, sku: str, qty: str, price: str | None = None, discount: str | None = None) -> None:
        """Add a line (a new order is created first, from the header)."""
        uow = self.services.uow
        if self.current is not None and self.current.state != "draft":
            return
        ref = self.current.number if self.current is not None else None
        create = self._create_command() if ref is None else None
        if ref is None and create is None:
            return

        def add():
            if ref is None:  # the order and its first line in one transaction: a refused line leaves no empty order
                order, line = orders.create_order_with_line(uow(), create, sc.AddSalesOrderLine("", sku, qty, price,
                                                                                                discount))
                return order.number, line
            return ref, orders.add_line(uow(), sc.AddSalesOrderLine(ref, sku, qty, price, discount))

        def added(result) -> None:
            so, line = result
            self.sku.clear()
            self.qty.setText("1")
            self.price.clear()
            self.discount.clear()
            self.last_preview = None
            self.preview.clear()
            self.say(
                fill(
                    translate("SalesOrders", "Added %1: %2 %3 at %4"),
                    line.sku,
                    fmt(line.qty),
                    line.unit,
                    price_text(line.unit_price),
                )
            )
            self._changed(so)
            self.sku.setFocus()

        self._run(add, added)

    def _line_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.current is None or self.current.state != "draft":
            return
        if item.column() not in (L_QTY, L_PRICE, L_DISCOUNT):
            return
        line_no = int(self.lines.item(item.row(), L_NO).text())
        value = item.text().strip()
        field = {L_QTY: "qty", L_PRICE: "price", L_DISCOUNT: "discount"}[item.column()]
        self.change_line(line_no, **{field: value})

    def change_line(self, line_no: int, **changes) -> None:
        command = drafts.ChangeDraftLine(self.current.number, line_no, **changes)
        uow = self.services.uow
        self._run(
            lambda: drafts.change_line(uow(), command),
            lambda line: (
                self.say(
                    fill(
                        translate("SalesOrders", "Line %1: %2 %3 at %4, %5% off"),
                        line.line_no,
                        fmt(line.qty),
                        line.unit,
                        price_text(line.unit_price),
                        fmt(line.discount),
                    )
                ),
                self._changed(),
            ),
        )

    def remove_line(self) -> None:
        """Delete: remove the current line of the draft; it is kept (newest last) for Ctrl+Z to put back."""
        row = self.lines.currentRow()
        if row < 0 or self.current is None or self.current.state != "draft":
            return
        line_no, so, uow = int(self.lines.item(row, L_NO).text()), self.current.number, self.services.uow
        order_id = self.current.id

        def removed(line) -> None:
            if self.current is not None and self.current.id == order_id:
                self._removed.append(line)
            self.say(fill(translate("SalesOrders", "Removed %1 (line %2); Ctrl+Z puts it back."), line.sku,
                          line.line_no))
            self._changed()

        self._run(lambda: drafts.remove_line(uow(), so, line_no), removed)

    def can_undo_remove(self) -> bool:
        return bool(self._removed) and not self._undoing and self.current is not None and \
            self.current.state == "draft"

    def forget_removed(self) -> None:
        """Another order opened, a new one started or the draft left draft: nothing of it to put back."""
        self._removed.clear()
        self.undo_button.setEnabled(False)

    def undo_remove(self) -> None:
        """Ctrl+Z: put the last removed line of this draft back (``drafts.restore_line``, one transaction) with its
        quantity, price and discount, in its place when its number is still free, else at the end.

        The line stays on the undo list until it is back: a refusal that can change (the product added to the
        draft again since, a fraction of a product now counted in whole units, the database out of reach) keeps it,
        and Ctrl+Z tries again once that is settled; one that cannot (``FINAL_UNDO_REFUSALS``: the order left draft,
        the order or the product is gone) drops it and says so. One undo runs at a time."""
        if self._undoing:
            return
        if not self.can_undo_remove():
            self.say(translate("SalesOrders", "No removed line of this draft to put back."), error=True)
            QApplication.beep()
            return
        line, so, uow = self._removed[-1], self.current.number, self.services.uow
        self._undoing = True
        self.undo_button.setEnabled(False)

        def settled(back: bool) -> None:
            self._undoing = False
            if back and self._removed and self._removed[-1] is line:
                self._removed.pop()
            self.undo_button.setEnabled(self.can_undo_remove())

        def restored(back) -> None:
            settled(True)
            self.say(fill(translate("SalesOrders", "Put back %1 as line %2."), back.sku, back.line_no))
            self._changed()

        def refused(exc: BaseException) -> None:
            final = getattr(exc, "code", "") in FINAL_UNDO_REFUSALS
            settled(final)
            if final:
                self.say(fill(translate("SalesOrders", "Refused: %1 — %2 can no longer be put back."),
                              refusal_text(exc), line.sku), error=True)
                self._changed()  # the order as it is now (confirmed or cancelled meanwhile)
            else:
                self.say(fill(translate("SalesOrders", "Refused: %1 — %2 is kept: Ctrl+Z tries again once that is "
                                                       "settled."), refusal_text(exc), line.sku), error=True)
            QApplication.beep()

        self._run(lambda: drafts.restore_line(uow(), so, line), restored, refused)

    # -- confirming and the stockout offers ----------------------------------------------
    def confirm_order(self, override: bool = False, credit_override: bool = False) -> None:
        """Confirm the draft: its lines are reserved; a shortfall opens the stockout panel, the customer's credit
        limit passed asks a manager whether to override it and tells anyone else why not (Ctrl+Enter)."""
        if self.current is None or self.current.state != "draft":
            return
        so, uow = self.current.number, self.services.uow
        self._stock_override = override

        def confirmed(done) -> None:
            order = done.order
            self.shortage.withdraw(silent=True)
            if override:
                text = fill(
                    translate(
                        "SalesOrders",
                        "Confirmed %1: what is there is reserved, the rest is backordered (promised by "
                        "you beyond the stock).",
                    ),
                    order.number,
                )
            else:
                text = fill(translate("SalesOrders", "Confirmed %1: its quantities are reserved."), order.number)
            check = done.check
            if credit_override and check is not None and check.is_over:
                text += " " + fill(translate("SalesOrders", "Past the credit limit of %1 by %2, allowed by you."),
                                   money_text(check.limit), money_text(check.over))
            for warning in done.warnings:
                said = say_refusal(warning.code, warning.params) or str(warning)
                text += " " + fill(translate("SalesOrders", "Warning: %1."), said)
            self.say(text, error=bool(done.warnings))
            self._changed()

        command = sc.ConfirmSalesOrder(so, override=override, credit_override=credit_override)
        self._run(lambda: orders.confirm_order(uow(), command), confirmed)

    def _over_credit(self, exc: OverCreditLimit) -> None:
        """The credit limit passed: a manager (anyone while sign-in is off) is asked whether to confirm anyway; anyone
        else is told why not."""
        question = translate("SalesOrders", "Confirm it past the credit limit? You are recorded on the order as the "
                                            "one who allowed it.")
        if ask_past_limit(self, self.services, exc, question):
            self.confirm_order(override=getattr(self, "_stock_override", False), credit_override=True)
            return
        self.say(fill(translate("SalesOrders", "Refused: %1"), refusal_text(exc)), error=True)
        self._enable()

    def _short(self, exc: Shortage) -> None:
        self.offer_shortage(exc.lines, focus=True)
        count = len(exc.lines)  # lupdate reads a plural's count only as a plain name
        self.say(
            fill(
                translate(
                    "SalesOrders", "%1 was not confirmed: not enough stock for %n line(s).", None, count
                ),
                self.current.number,
            ),
            error=True,
        )
        self._enable()

    def offer_shortage(self, lines, focus: bool = False) -> None:
        """Show the stockout panel for ``lines`` (``ShortLine``), priced substitutes read in the background; the
        same shortage already shown is left as it is."""
        lines = tuple(lines)
        if self.shortage.isVisible() and self.shortage.so == self.current.number and self.shortage.lines == lines:
            if focus and self.shortage.boxes:
                self.shortage.backorder_button.setFocus()
            return
        self.shortage.offer(self.current.number, lines, focus)
        skus = [o.sku for s in lines for o in s.substitutes]
        if skus:
            uow, customer = self.services.uow, self.current.customer

            def priced(quotes) -> None:
                if alive(self):
                    self.shortage.set_quotes(quotes)

            self.services.tasks.submit(lambda: lookup.quotes(uow(), customer, skus), on_done=priced,
                                       on_error=lambda exc: None)

    def connect_offers(self) -> None:
        panel = self.shortage
        panel.ship_from.connect(self.ship_line_from)
        panel.transfer.connect(self.open_transfer)
        panel.replenish.connect(self.open_replenishment)
        panel.replace.connect(self.replace_line)
        panel.add_substitute.connect(self.add_substitute)
        panel.backorder.connect(lambda: self.confirm_order(override=True))
        panel.left.connect(self.focus_after_offers)

    def focus_after_offers(self) -> None:
        """The stockout panel went while it held the keyboard: a draft's add field takes it (the next line), an order
        confirmed by an offer its lines (Ctrl+Shift+S ships it from there)."""
        (self.sku if self.sku.isEnabled() else self.lines).setFocus(Qt.FocusReason.OtherFocusReason)

    def ship_line_from(self, line_no: int, warehouse: str) -> None:
        """Offer 1: the line ships from another warehouse; then confirming is tried again."""
        command = drafts.ChangeDraftLine(self.current.number, line_no, warehouse=warehouse)
        uow = self.services.uow

        def done(line) -> None:
            self.say(fill(translate("SalesOrders", "Line %1 now ships from %2."), line.line_no, warehouse))
            self.confirm_order()

        self._run(lambda: drafts.change_line(uow(), command), done)

    def open_transfer(self, sku: str, source: str, target: str, qty) -> None:
        """Offer 1: the Transfer screen, filled in with the move of what is short."""
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("transfer").prefill(source, target, sku, qty)

    def open_replenishment(self, sku: str, warehouse: str | None = None) -> None:
        """Offer 2, when no purchase order covers it: the replenishment suggestion of the product in the line's
        warehouse (planned first when there is no plan yet, or an old one)."""
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("replenishment").show_product(sku, warehouse)

    def replace_line(self, line_no: int, sku: str) -> None:
        """Offer 3: the substitute takes the line's place; then confirming is tried again."""
        command = drafts.ReplaceDraftLine(self.current.number, line_no, sku)
        uow = self.services.uow

        def done(line) -> None:
            self.say(
                fill(translate("SalesOrders", "Line %1 is now %2 at %3."), line.line_no, line.sku,
                     price_text(line.unit_price))
            )
            self.confirm_order()

        self._run(lambda: drafts.replace_line(uow(), command), done)

    def add_substitute(self, sku: str, qty) -> None:
        """Offer 3: the substitute as a line of its own (the short line stays as it is until changed)."""
        so, uow = self.current.number, self.services.uow

        def done(line) -> None:
            self.say(
                fill(
                    translate(
                        "SalesOrders",
                        "Added %1: %2 %3 at %4. Lower the short line's quantity, or choose another offer.",
                    ),
                    line.sku,
                    fmt(line.qty),
                    line.unit,
                    price_text(line.unit_price),
                )
            )
            self._changed()

        self._run(lambda: orders.add_line(uow(), sc.AddSalesOrderLine(so, sku, fmt(qty))), done)

    # -- open orders ---------------------------------------------------------------------
    def ship(self) -> None:
        """Ship against the order on the Ship screen (Ctrl+Shift+S)."""
        if self.current is None or self.current.state not in ("confirmed", "partly_shipped"):
            return
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("ship").load_so(self.current.number)

    def _reason_dialog(self, title: str, prompt: str) -> ReasonDialog:
        dialog = ReasonDialog(title, prompt, required=True, parent=self)
        dialog.text.setPlaceholderText(translate("SalesOrders", "Reason (required)"))
        self.dialog = dialog
        return dialog

    def cancel_order(self) -> ReasonDialog | None:
        """Cancel the order after the clerk confirms it and gives a reason."""
        row = self.current
        if row is None or row.state not in ("draft", "confirmed", "partly_shipped"):
            return None
        dialog = self._reason_dialog(
            translate("SalesOrders", "Cancel sales order"),
            fill(
                translate(
                    "SalesOrders",
                    "Cancel %1 for %2? Its reservation is released and what is still open is recorded as demand the "
                    "customer did not get. This cannot be undone.",
                ),
                row.number,
                row.customer_name,
            ),
        )
        so, uow = row.number, self.services.uow

        def accepted() -> None:
            command = sc.CancelSalesOrder(so, dialog.reason())
            self._run(
                lambda: orders.cancel(uow(), command),
                lambda order: (
                    self.say(fill(translate("SalesOrders", "Cancelled %1."), order.number)),
                    self._changed(),
                ),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def cut_line(self) -> ReasonDialog | None:
        """Cut the selected line's open quantity (a backorder the customer no longer waits for)."""
        row = self.current
        index = self.lines.currentRow()
        if row is None or row.state not in ("confirmed", "partly_shipped") or index < 0:
            return None
        line_no = int(self.lines.item(index, L_NO).text())
        line = next(x for x in row.lines if x.line_no == line_no)
        dialog = self._reason_dialog(
            translate("SalesOrders", "Cut line"),
            fill(
                translate(
                    "SalesOrders",
                    "Cut the open %1 %2 of %3 on %4? The reservation is released and the quantity is recorded as "
                    "demand the customer did not get.",
                ),
                fmt(line.open),
                line.unit,
                line.sku,
                row.number,
            ),
        )
        so, uow = row.number, self.services.uow

        def accepted() -> None:
            command = sc.CutSalesOrderLine(so, line.sku, dialog.reason())
            self._run(
                lambda: orders.cut_line(uow(), command),
                lambda cut: (self.say(fill(translate("SalesOrders", "Cut %1 on %2."), cut.sku, so)), self._changed()),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def show_backorders(self, everyone: bool = False, freed=None):
        """The backorder list: on the open order's customer, the one asking (it lists everyone's with one click), or
        everyone's (``everyone``, as the dashboard opens it); or what a receipt lets ship (``freed``)."""
        from ui.screens.sales.backorders import BackordersDialog

        everyone = everyone or freed is not None
        customer = self.current.customer if self.current is not None and not everyone else None
        dialog = BackordersDialog(self.services, self, customer, freed)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- printing ------------------------------------------------------------------------
    def build_print_menu(self) -> None:
        self.print_menu = QMenu(self)
        self.print_actions = {}
        for kind in ("confirmation", "delivery", "invoice", "backorder"):
            action = self.print_menu.addAction("")
            action.triggered.connect(lambda _=False, k=kind: self.print_document(k))
            self.print_actions[kind] = action
        self.print_button.setMenu(self.print_menu)

    def retranslate_print_menu(self) -> None:
        texts = {
            "confirmation": translate("SalesOrders", "Order confirmation"),
            "delivery": translate("SalesOrders", "Delivery note (last shipment)"),
            "invoice": translate("SalesOrders", "Sales invoice (last shipment)"),
            "backorder": translate("SalesOrders", "Backorder notice (customer)"),
        }
        for kind, action in self.print_actions.items():
            # the shortcut column of the menu (Ctrl+P prints the confirmation: make_shortcuts)
            action.setText(texts[kind] + ("\tCtrl+P" if kind == "confirmation" else ""))

    def print_document(self, kind: str) -> None:
        """Write the PDF in the background and open it (see ``ui.screens.sales.printing``)."""
        if self.current is None:
            return
        from ui.screens.sales.printing import print_order

        print_order(self, kind)
