"""The Transfer screen: stock moved from one warehouse to another.

The order screen's stockout offer "transfer it" opens this screen filled in (``prefill``): the warehouse that has
the stock, the order's warehouse and a line of the product with the quantity short. The clerk checks it and posts.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from domain.stock.documents import DocumentKind
from ui.models import document_lines as lm
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.messages import say

# lupdate reads translate("Context", "text"); self.tr here would be read as this class's context
translate = QCoreApplication.translate


class TransferScreen(DocumentEntry):
    KIND = DocumentKind.TRANSFER

    def __init__(self, services, parent=None) -> None:
        self._prefill: tuple[str, str, str, Decimal] | None = None
        super().__init__(services, parent)

    def prefill(self, source: str, target: str, sku: str, qty) -> None:
        """Fill in a transfer of ``qty`` of ``sku`` from ``source`` to ``target`` (warehouse codes), once the
        warehouses and the products are loaded."""
        self._prefill = (source, target, sku, Decimal(str(qty)))
        self._apply_prefill()

    def _choices_loaded(self, result) -> None:
        super()._choices_loaded(result)
        self._apply_prefill()

    def _codes_loaded(self, codes) -> None:
        super()._codes_loaded(codes)
        self._apply_prefill()

    def _apply_prefill(self) -> None:
        if self._prefill is None or not self._choices_seen or not self.codes_ready:
            return
        source, target, sku, qty = self._prefill
        self._prefill = None
        for combo, code in ((self.warehouse, source), (self.to_warehouse, target)):
            if combo.findData(code) >= 0:
                combo.setCurrentIndex(combo.findData(code))
        product = self.codes.get(sku)
        if product is None:
            return
        row = self.model.scan(*product)
        self.model.setData(self.model.index(row, self.model.column(lm.QTY)), str(qty))
        self.tabs.setCurrentIndex(0)
        say(self.result_label,
            translate("DocumentEntry", "Filled in from the sales order: check the quantity, then post."))
