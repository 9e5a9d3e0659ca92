"""The Count screen: a count sheet, which can be filled with the expected quantities of a warehouse (and category)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.stock.documents import DocumentKind
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.messages import say

# lupdate reads translate("Context", "text"); it would read self.tr here as this class's context, not DocumentEntry's
translate = QCoreApplication.translate


class CountScreen(DocumentEntry):
    KIND = DocumentKind.COUNT

    # --- a product scanned onto the sheet -------------------------------------------------------
    def apply_scan(self, code: str) -> bool:
        """A product scanned onto a sheet not loaded with it gets its expected quantity (the warehouse's on hand) in
        the background, so its difference shows before posting; the sheet showed none and counted it as no
        difference, and the posting then adjusted by the whole on-hand quantity without a word."""
        known = self.model.rowCount()
        scanned = super().apply_scan(code)
        warehouse, stock = self.warehouse.currentData(), self.services.stock
        if scanned and self.model.rowCount() > known and warehouse:
            line = self.model.lines[-1]
            self._submit(lambda: stock.on_hand(line.sku, warehouse),
                         lambda on_hand: self._expected_loaded(line.product_id, warehouse, on_hand))
        return scanned

    def _expected_loaded(self, product_id: str, warehouse: str, on_hand) -> None:
        if warehouse == self.warehouse.currentData():
            self.model.set_expected(product_id, on_hand)

    # --- count sheet --------------------------------------------------------------------------
    def load_expected(self) -> None:
        """Fill the sheet with the expected quantities of the warehouse (and category)."""
        warehouse, category = self.warehouse.currentData(), self.category.currentData()
        if not warehouse:
            say(self.header_error, translate("DocumentEntry", "Choose a warehouse first."))
            return
        stock = self.services.stock

        def load():
            rows = stock.stock(warehouse=warehouse)
            return [(r.product_id, r.sku, r.name, r.unit, r.on_hand) for r in rows
                    if category is None or r.category == category]

        self.load_expected_button.setEnabled(False)

        def loaded(items) -> None:
            self.load_expected_button.setEnabled(True)
            self.model.load_expected(items)
            say(self.header_error, "")

        def failed(exc) -> None:
            self.load_expected_button.setEnabled(True)
            self.show_error(exc)

        self._submit(load, loaded, failed)
