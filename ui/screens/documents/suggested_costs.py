"""A free receipt's unit costs filled in (``SuggestedCosts``, the Receive screen's): the last purchase price.

A product scanned onto a free receipt (no purchase order) gets the unit cost ``domain.stock.cost_hint`` suggests: the
chosen supplier's last price for it, else its last purchase price, else its average cost. It is read in the background
(the scan itself never waits) and shown grey and in italics, with where it comes from in the tooltip, until the clerk
types a cost. Choosing another supplier or warehouse suggests again for the lines whose cost was not typed. The
receipt had no cost at all, and posting refused it line by line ("line 1: enter the unit cost").
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView

from ui.models import document_lines as lm

RESUGGEST_MS = 400  # a supplier typed into the combo: suggest again once the typing pauses


class SuggestedCosts:
    """Mixed into the Receive screen (a ``DocumentEntry``) before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._resuggest = QTimer(self)
        self._resuggest.setSingleShot(True)
        self._resuggest.setInterval(RESUGGEST_MS)
        self._resuggest.timeout.connect(lambda: self.suggest_costs(self.model.suggested_skus()))
        self.partner.editTextChanged.connect(lambda *_: self._resuggest.start())
        self.warehouse.currentIndexChanged.connect(lambda *_: self._resuggest.start())

    def apply_scan(self, code: str) -> bool:
        known = self.model.rowCount()
        scanned = super().apply_scan(code)
        if scanned and self.po is None and self.model.rowCount() > known:
            self.suggest_costs([self.model.lines[-1].sku])
        return scanned

    def _supplier_code(self) -> str:
        return self.partner.currentText().split(" — ")[0].strip()

    def suggest_costs(self, skus: list[str]) -> None:
        """Read the suggested unit costs of ``skus`` in the background and fill them in when they come."""
        if not skus or self.po is not None:
            return
        supplier, warehouse = self._supplier_code(), self.warehouse.currentData() or ""
        documents = self.services.documents
        # A suggestion is a convenience: when it cannot be read, the clerk types the cost as before.
        self._submit(lambda: documents.cost_suggestions(skus, supplier, warehouse),
                     lambda found: self._costs_loaded(supplier, warehouse, found), lambda _exc: None)

    def _costs_loaded(self, supplier: str, warehouse: str, found) -> None:
        if self.po is not None or (supplier, warehouse) != (self._supplier_code(), self.warehouse.currentData() or ""):
            return  # against a PO now, or asked for another supplier or warehouse (that answer is on its way)
        current = self.grid.currentIndex()
        typing = self.grid.state() == QAbstractItemView.State.EditingState and current.isValid() and \
            self.model.columns[current.column()] == lm.COST
        self.model.suggest_costs(found, busy_row=current.row() if typing else None)

    def fill_from_held(self, doc) -> None:
        """A held receipt resumed: its lines keep the suggestions they showed when held (the header was put back, not
        changed, so nothing is suggested again over them); a line that had none yet asks for one now."""
        super().fill_from_held(doc)
        self._resuggest.stop()
        self.suggest_costs([x.sku for x in self.model.lines if x.unit_cost is None])
