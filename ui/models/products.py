"""The product catalogue (``domain.stock.readmodels.ProductRow``) with a search key per product and its ABC/XYZ class
(``ui.models.classes``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from ui.models.classes import class_column
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import qty_text
from ui.search import search_keys


def _active(value: bool) -> str:
    return QCoreApplication.translate("ProductTableModel", "yes") if value else \
        QCoreApplication.translate("ProductTableModel", "no")


class ProductTableModel(RowTableModel):
    CONTEXT = "ProductTableModel"
    SKU, NAME, BARCODES, CATEGORY, UNIT, PACK_SIZE, MIN_LEVEL, MAX_LEVEL, ACTIVE, WHOLE_UNITS, CLASS = range(11)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Barcodes"), lambda r: ", ".join(r.barcodes)),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Category"), lambda r: r.category),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Unit"), lambda r: r.unit),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Pack size"), lambda r: r.pack_size, qty_text, True),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Min level"), lambda r: r.min_level, qty_text, True),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Max level"), lambda r: r.max_level, qty_text, True),
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Active"), lambda r: r.active, _active),
        # the import reads this column back (domain.imports.fields: "Whole units")
        Column(QT_TRANSLATE_NOOP("ProductTableModel", "Whole units"), lambda r: r.whole_units, _active),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.classes: dict[str, str] = {}  # product id → its cell of the last planning run, e.g. "AX"
        self.COLUMNS = (*ProductTableModel.COLUMNS, class_column(
            QT_TRANSLATE_NOOP("ProductTableModel", "ABC/XYZ"), self.classes, lambda r: r.id))

    def set_classes(self, classes: dict[str, str]) -> None:
        """The classes shown; call before ``set_rows`` (whose reset shows and sorts them)."""
        self.classes.clear()
        self.classes.update(classes)

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.sku, r.name, *r.barcodes), lambda r: r.name)
