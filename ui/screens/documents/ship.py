"""The Ship screen: a shipment to a customer; a line refused for want of stock can be kept as unfilled demand.

Its "Sales" tab (``sales_ship.SalesShipPanel``) ships against a sales order or makes a counter sale (销售单);
a sales order number scanned in the shipment's scan field opens that tab with the order loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.stock.documents import DocumentKind
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.sales_ship import SO_NUMBER
from ui.screens.documents.sales_ship import SalesShipPanel
from ui.widgets.tab_order import browsing_screens

# lupdate reads translate("Context", "text"); self.tr here would be read as this class's context
translate = QCoreApplication.translate


class ShipScreen(DocumentEntry):
    KIND = DocumentKind.SHIPMENT

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.sales = SalesShipPanel(services, self)
        self.sales_tab = self.tabs.addTab(self.sales, "")
        self.retranslate()

    def load_so(self, ref: str) -> None:
        """Ship against the sales order numbered ``ref`` (the Sales orders screen's Ship…)."""
        self.tabs.setCurrentWidget(self.sales)
        self.sales.load_so(ref)
        self.sales.scan.setFocus()

    def counter_sale(self) -> None:
        self.tabs.setCurrentWidget(self.sales)
        self.sales.counter_mode.setChecked(True)

    def start_scanning(self) -> None:
        if self.tabs.currentWidget() is self.sales:  # shipping against an order: its scan field
            self.sales.scan.setFocus()
            return
        super().start_scanning()

    def apply_scan(self, code: str) -> bool:
        if SO_NUMBER.fullmatch(code) and code not in self.codes:
            self.load_so(code.upper())
            return True
        return super().apply_scan(code)

    def post(self) -> None:
        if getattr(self, "sales", None) is not None and self.tabs.currentWidget() is self.sales:
            self.sales.post()
            return
        super().post()

    def showEvent(self, event) -> None:
        keep = getattr(self, "sales", None) is not None and self.tabs.currentWidget() is self.sales
        super().showEvent(event)
        if keep:
            self.tabs.setCurrentWidget(self.sales)
            if not browsing_screens(self):
                self.sales.scan.setFocus()

    def refresh(self) -> None:
        super().refresh()
        if getattr(self, "sales", None) is not None:
            self.sales.reload()

    def retranslate(self) -> None:
        super().retranslate()
        if getattr(self, "sales", None) is not None:
            self.tabs.setTabText(self.sales_tab, translate("DocumentEntry", "Sales: against an order, counter sale"))
            self.sales.retranslate()
