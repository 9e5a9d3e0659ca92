"""Return to supplier… (Ctrl+R) and Supplier invoice… (Ctrl+Shift+I) for one purchase order (``PoFollowUpActions``):
the Receive screen's dialogs (``SupplierReturnDialog`` against the order, ``SupplierInvoiceDialog`` for it), as
actions, buttons and context-menu entries of a screen that shows orders: the Purchasing screen's list and the
payables partner page's goods received against an order. Both are enabled only while the order has goods to return or
received goods not yet invoiced (``domain.accounts.invoices.po_follow_ups``, read in the background for each order
shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from domain.accounts import invoices
from ui.i18n import fill
from ui.widgets.busy import alive

translate = QCoreApplication.translate


class PoFollowUpActions(QObject):
    """The two actions for the order ``show_for`` was last given, on ``widget`` (its shortcuts work within it)."""

    returned = Signal(object)  # the return document posted
    entered = Signal(object)  # the invoice entered (InvoiceView)
    failed = Signal(object)  # reading what the order allows failed (the exception)

    def __init__(self, services, widget) -> None:
        super().__init__(widget)
        self.services, self.widget = services, widget
        self.po = None  # the PoRow shown
        self.found = invoices.PoFollowUps(False, False)
        self.found_for: str | None = None  # the PO id ``found`` was read for
        self.dialog = None
        self.return_action = QAction(widget)
        self.return_action.setShortcut(QKeySequence("Ctrl+R"))
        self.return_action.triggered.connect(self.return_to_supplier)
        self.invoice_action = QAction(widget)
        self.invoice_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.invoice_action.triggered.connect(self.enter_invoice)
        for action in (self.return_action, self.invoice_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        self.return_button = QPushButton(widget)
        self.return_button.clicked.connect(self.return_action.trigger)
        self.invoice_button = QPushButton(widget)
        self.invoice_button.clicked.connect(self.invoice_action.trigger)
        self._enable()

    def show_for(self, po) -> None:
        """Act on the order ``po`` (a ``PoRow``; None: none): disabled until what it allows is read."""
        self.po = po
        self._enable()
        if po is None:
            return
        po_id, uow = po.id, self.services.uow
        self.services.tasks.submit(lambda: invoices.po_follow_ups(uow(), po_id),
                                   on_done=lambda found: self._read(po_id, found), on_error=self._failed)

    def _read(self, po_id: str, found: invoices.PoFollowUps) -> None:
        if alive(self.widget):
            self.found, self.found_for = found, po_id
            self._enable()

    def _failed(self, exc: BaseException) -> None:
        if alive(self.widget):
            self.failed.emit(exc)

    @property
    def ready(self) -> bool:
        """Whether what the order shown allows has been read."""
        return self.po is not None and self.found_for == self.po.id

    def _enable(self) -> None:
        for widgets, on in (((self.return_action, self.return_button), self.ready and self.found.returnable),
                            ((self.invoice_action, self.invoice_button), self.ready and self.found.invoiceable)):
            for widget in widgets:
                widget.setEnabled(on)

    def return_to_supplier(self):
        """Return goods the order brought in; None when it has nothing to return."""
        from ui.screens.documents.supplier_returns import SupplierReturnDialog

        if self.po is None or not self.return_action.isEnabled():
            return None
        self.dialog = SupplierReturnDialog(self.services, parent=self.widget, po=self.po)
        self.dialog.returned.connect(self._returned)
        self.dialog.open()
        return self.dialog

    def _returned(self, document) -> None:
        self.returned.emit(document)
        self.show_for(self.po)

    def enter_invoice(self):
        """Enter the supplier's invoice for the order; None when it has nothing received that is not invoiced."""
        from ui.screens.documents.supplier_invoices import SupplierInvoiceDialog

        if self.po is None or not self.invoice_action.isEnabled():
            return None
        po = self.po
        self.dialog = SupplierInvoiceDialog(self.services, supplier=po.supplier, po=po.number or po.id,
                                            parent=self.widget)
        self.dialog.entered.connect(self._entered)
        self.dialog.open()
        return self.dialog

    def _entered(self, view) -> None:
        self.entered.emit(view)
        self.show_for(self.po)

    def retranslate(self) -> None:
        self.return_action.setText(translate("PurchasingScreen", "Re&turn to supplier…"))
        self.invoice_action.setText(translate("PurchasingScreen", "Supplier inv&oice…"))
        for button, action in ((self.return_button, self.return_action), (self.invoice_button, self.invoice_action)):
            button.setText(action.text())
            button.setToolTip(fill(translate("PurchasingScreen", "%1 (%2)"), action.text().replace("&", ""),
                                   action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
