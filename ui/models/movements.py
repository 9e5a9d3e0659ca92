"""The stock ledger (``domain.stock.readmodels.MovementRow``), newest first as loaded.

A receipt of imported opening stock reads "Opening stock", not "Receipt" (``domain.reports.model.shown_kind``), in
the list and in what is exported from it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.reports.model import OPENING_STOCK
from domain.reports.model import shown_kind
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
# The kinds a list shows, in the order its Kind filter offers them: imported opening stock is not a kind of movement
# (it is a receipt) but what a list calls it, and filtering by it lists it while filtering by Receipt lists the other
# receipts (``persistence.stock.queries.shown_kind_is``), so each row is found under the kind it shows.
SHOWN_CAPTIONS = {"receipt": KIND_CAPTIONS["receipt"],
                  OPENING_STOCK: QT_TRANSLATE_NOOP("MovementKind", "Opening stock"),
                  **{kind: caption for kind, caption in KIND_CAPTIONS.items() if kind != "receipt"}}


def kind_text(kind: str) -> str:
    caption = SHOWN_CAPTIONS.get(kind)
    return QCoreApplication.translate("MovementKind", caption) if caption else kind


def movement_kind(row) -> str:
    """The kind a list shows for a movement row: ``OPENING_STOCK`` for imported opening stock, else its kind."""
    return shown_kind(row.kind, row.source_type, row.source_ref)


class MovementTableModel(RowTableModel):
    CONTEXT = "MovementTableModel"
    WHEN, KIND, SKU, NAME, WAREHOUSE, QTY, UNIT_COST, VALUE, ON_HAND_AFTER, REFERENCE, NOTE, USER = range(12)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Date"), lambda r: r.occurred_at, when_text),
        Column(QT_TRANSLATE_NOOP("MovementTableModel", "Kind"), movement_kind, kind_text),
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
