"""On a supplier's page (payables), Return to supplier… and Supplier invoice… for the purchase order of the open item
selected (``PartnerOrders``, mixed into ``PartnerPage``): goods received against an order are a ``goods_receipt`` item
numbered with the order's number, so a purchaser who sees what is owed for an order can send goods of it back or enter
its invoice from here (``ui.screens.purchasing.follow_ups``: the same dialogs, buttons, shortcuts and rules as on the
Purchasing screen), also from the open items' context menu. The page reads itself again after either."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ui.i18n import fill
from ui.screens.accounts.words import translate
from ui.screens.purchasing.follow_ups import PoFollowUpActions
from ui.widgets.busy import alive


class PartnerOrders:
    """The order follow-ups of a supplier's page (a mixin of ``PartnerPage``; payables only)."""

    def build_orders(self, row_layout) -> None:
        """Add the two buttons to ``row_layout`` (under the open items) and the open items' context menu."""
        self.follow = PoFollowUpActions(self.services, self)
        for button in (self.follow.return_button, self.follow.invoice_button):
            button.setAutoDefault(False)
            row_layout.addWidget(button)
        self.follow.returned.connect(lambda document: self._followed_up(fill(
            translate("Accounts", "Posted return %1 against %2"), document.number, document.reference)))
        self.follow.entered.connect(lambda view: self._followed_up(fill(
            translate("Accounts", "Entered invoice %1 for %2"), view.number, view.po)))
        self.follow.failed.connect(self._failed)
        self.items_view.selectionModel().currentRowChanged.connect(lambda *_: self.item_chosen())
        self.items_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.items_view.customContextMenuRequested.connect(self.show_items_menu)

    def order_of(self, row) -> str:
        """The purchase order an open item is for: goods received against one carry its number; "" for others."""
        return row.number if row is not None and row.kind == "goods_receipt" else ""

    def item_chosen(self) -> None:
        """Read the order of the item selected (in the background) and act on it; none for another item."""
        number = self.order_of(self.selected(self.items_view, self.items_proxy))
        if not number:
            self.follow.show_for(None)
            return
        orders = self.services.purchasing
        self.services.tasks.submit(lambda: orders.purchase_orders(ref=number),
                                   on_done=lambda rows: self._order_read(number, rows), on_error=self._failed)

    def _order_read(self, number: str, rows) -> None:
        if not alive(self):
            return
        if self.order_of(self.selected(self.items_view, self.items_proxy)) == number:  # still the one selected
            self.follow.show_for(rows[0] if rows else None)

    def items_menu(self) -> QMenu:
        """The open items' context menu: open the document, return goods of its order, enter its invoice."""
        menu = QMenu(self)
        menu.addAction(self.open_button.text(), self.open_selected_item)
        menu.addSeparator()
        menu.addAction(self.follow.return_action)
        menu.addAction(self.follow.invoice_action)
        return menu

    def show_items_menu(self, pos) -> None:
        index = self.items_view.indexAt(pos)
        if index.isValid():
            self.items_view.setCurrentIndex(index)
        self.menu = self.items_menu()
        self.menu.popup(self.items_view.viewport().mapToGlobal(pos))

    def _followed_up(self, text: str) -> None:
        self.say(text)
        self.refresh()
        self.changed.emit()
