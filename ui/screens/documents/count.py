"""The Count screen: a count sheet, which can be filled with the expected quantities of a warehouse (and category)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.stock.count_check import far_from_book
from domain.stock.documents import DocumentKind
from ui.i18n import fill
from ui.models.table import qty_text
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.messages import say

# lupdate reads translate("Context", "text"); it would read self.tr here as this class's context, not DocumentEntry's
translate = QCoreApplication.translate


# the lines named in the question before posting a count far from the book; the others are counted ("and 3 more")
NAMED = 8


class CountScreen(DocumentEntry):
    KIND = DocumentKind.COUNT

    # --- posting --------------------------------------------------------------------------------
    def post(self) -> None:
        """Post the count (Ctrl+Enter), after asking when a counted quantity is far from the book: a count typed 50
        for 5 (or 5 for 50) adjusted the stock by the whole difference without a question. The question goes
        through ``confirm``, as the screen's other questions do; No (the default) leaves the sheet as it is."""
        if self._posting or self._po_loading:
            return
        self._commit_open_editor()
        far = [(row, line) for row, line in enumerate(self.model.lines) if far_from_book(line.expected, line.counted)]
        if far and not self.confirm(translate("CountScreen", "Counted far from the book"),
                                    self.far_off_question([line for _row, line in far])):
            row = far[0][0]
            self.grid.setCurrentIndex(self.model.index(row, self.model.column("counted")))
            self.grid.setFocus()
            return
        super().post()

    @staticmethod
    def far_off_question(lines) -> str:
        named = [fill(translate("CountScreen", "%1 %2: book %3, counted %4"), line.sku, line.name,
                      qty_text(line.expected), qty_text(line.counted)) for line in lines[:NAMED]]
        more = len(lines) - NAMED
        if more > 0:
            named.append(translate("CountScreen", "and %n more line(s)", "", more))
        return "\n".join((
            translate("CountScreen", "These counted quantities are far from the book:"), "",
            *named, "",
            translate("CountScreen", "The stock is set to what was counted. Post the count anyway? (No goes back to "
                                     "the first of them.)")))

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
