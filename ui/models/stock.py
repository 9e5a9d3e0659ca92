"""Stock per product × warehouse (``domain.stock.readmodels.StockRow``) with the product's ABC/XYZ class
(``ui.models.classes``)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from ui.models.classes import class_column
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.search import search_keys

_LOW_BACK = QBrush(QColor("#fde4e1"))
_LOW_TEXT = QBrush(QColor("#9b1c1c"))


def is_low(row) -> bool:
    return row.min_level is not None and row.on_hand < row.min_level


class StockTableModel(RowTableModel):
    CONTEXT = "StockTableModel"
    values: list[Decimal] = []
    low: list[bool] = []
    total_value, total_low = Decimal(0), 0
    SKU, NAME, CATEGORY, WAREHOUSE, ON_HAND, UNIT, AVG_COST, VALUE, RESERVED, AVAILABLE, ON_ORDER, MIN_LEVEL, CLASS = \
        range(13)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("StockTableModel", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Category"), lambda r: r.category),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "On hand"), lambda r: r.on_hand, qty_text, True),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Unit"), lambda r: r.unit),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Avg cost"), lambda r: r.avg_cost, money_text, True),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Value"), lambda r: r.value, money_text, True),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Reserved"), lambda r: r.reserved, qty_text, True),
        # what can still be promised: on hand less what confirmed sales orders reserved (domain.sales.atp)
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Available"), lambda r: r.on_hand - r.reserved, qty_text, True),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "On order"), lambda r: r.on_order, qty_text, True),
        Column(QT_TRANSLATE_NOOP("StockTableModel", "Min level"), lambda r: r.min_level, qty_text, True),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.classes: dict[str, str] = {}  # product id → its cell of the last planning run, e.g. "AX"
        self.COLUMNS = (*StockTableModel.COLUMNS, class_column(
            QT_TRANSLATE_NOOP("StockTableModel", "ABC/XYZ"), self.classes, lambda r: r.product_id))

    def set_classes(self, classes: dict[str, str]) -> None:
        """The classes shown; call before ``set_rows`` (whose reset shows and sorts them)."""
        self.classes.clear()
        self.classes.update(classes)

    def set_rows(self, rows, keys=None) -> None:
        """Also keep each row's value and low-stock flag in flat lists: totals follow every keystroke."""
        self.values = [r.value for r in rows]
        self.low = [is_low(r) for r in rows]
        self.total_value = sum(self.values, Decimal(0))
        self.total_low = sum(self.low)
        super().set_rows(rows, keys)

    def totals(self, shown: list[int]) -> tuple[Decimal, int]:
        """Value and number of low rows among the source rows ``shown``."""
        if len(shown) == len(self.values):
            return self.total_value, self.total_low
        return sum(map(self.values.__getitem__, shown), Decimal(0)), sum(map(self.low.__getitem__, shown))

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.sku, r.name), lambda r: r.name)

    def background(self, row):
        return _LOW_BACK if is_low(row) else None

    def foreground(self, row):
        return _LOW_TEXT if is_low(row) else None
