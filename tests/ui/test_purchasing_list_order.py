"""The purchase-order list's default order: newest on top, the drafts (no number yet) above the issued orders."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from ui.models.proxy import RowFilterProxy
from ui.models.table import RowRole
from ui.screens.purchasing.screen import PoListModel


def po(number, po_id):
    return SimpleNamespace(number=number, id=po_id, supplier="S07", supplier_name="佳美", warehouse="SH",
                           state="draft" if number is None else "issued", revision=0, expected_on=None, lines=[],
                           currency="CNY", subtotal=lambda: 0)


def test_drafts_come_first_newest_first_when_the_newest_orders_are_on_top(qapp):
    model = PoListModel()
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows([po("PO-2026-00001", "01a"), po(None, "01c"), po("PO-2026-00002", "01b"), po(None, "01d")])
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    shown = [proxy.index(i, 0).data(RowRole).id for i in range(proxy.rowCount())]
    assert shown == ["01d", "01c", "01b", "01a"]
