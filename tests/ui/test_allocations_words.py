"""The partner page's allocations list: an item allocated to its own reversal reads as reversed with the document
that was reversed (a delivery's goods receipt), not as settled by the reversal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from domain.accounts.rows import AllocationRow
from ui.screens.accounts.words import AllocationsModel


def test_an_item_allocated_to_its_own_reversal_says_reversed_by_its_goods_receipt(qapp):
    model = AllocationsModel()
    model.set_rows([
        AllocationRow("PO-2026-00002", "reversal", "PO-2026-00002", "goods_receipt", Decimal("26.22"),
                      date(2026, 12, 7), reversed_by="GR-2026-00168"),
        AllocationRow("PM-2026-00008", "payment", "PO-2026-00002", "goods_receipt", Decimal("262.16"),
                      date(2026, 12, 5)),
    ])
    texts = [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(2)]
    assert texts == ["Reversed by GR-2026-00168", "PM-2026-00008"]
