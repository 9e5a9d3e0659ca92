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
