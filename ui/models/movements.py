"""The stock ledger (``domain.stock.readmodels.MovementRow``), newest first as loaded."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text
from ui.models.table import when_text

KIND_CAPTIONS = {
    "receipt": QT_TRANSLATE_NOOP("MovementKind", "Receipt"),
    "shipment": QT_TRANSLATE_NOOP("MovementKind", "Shipment"),
    "transfer_out": QT_TRANSLATE_NOOP("MovementKind", "Transfer out"),
    "transfer_in": QT_TRANSLATE_NOOP("MovementKind", "Transfer in"),
    "adjustment": QT_TRANSLATE_NOOP("MovementKind", "Adjustment"),
    "count_adjustment": QT_TRANSLATE_NOOP("MovementKind", "Count adjustment"),
    "reversal": QT_TRANSLATE_NOOP("MovementKind", "Reversal"),
}


def kind_text(kind: str) -> str:
    caption = KIND_CAPTIONS.get(kind)
    return QCoreApplication.translate("MovementKind", caption) if caption else kind


class MovementTableModel(RowTableModel):
    CONTEXT = "MovementTableModel"
    WHEN, KIND, SKU, NAME, WAREHOUSE, QTY, UNIT_COST, VALUE, ON_HAND_AFTER, REFERENCE, NOTE, USER = range(12)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Date"), lambda r: r.occurred_at, when_text),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Kind"), lambda r: r.kind, kind_text),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Quantity"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Unit cost"), lambda r: r.unit_cost, price_text, True),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Value"), lambda r: r.value, money_text, True),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "On hand after"), lambda r: r.on_hand_after, qty_text, True),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Reference"), lambda r: r.source_ref),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Note"), lambda r: r.note),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "User"), lambda r: r.user),
    )
