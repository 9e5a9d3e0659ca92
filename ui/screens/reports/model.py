"""A report sheet (``ui.report_sheets.Sheet``) as a Qt table: the cells as the PDF prints them, numbers right-aligned,
sorted by their raw values, and the total pinned as the last row, bold, whatever the order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont

from ui.report_sheets import TEXT
from ui.report_sheets import Sheet
from ui.report_sheets import text

_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
SortRole = Qt.ItemDataRole.UserRole + 1
TOTAL_BACK = QColor("#eef1f5")


def _sort_key(value: object) -> tuple:
    if value is None or value == "":
        return (1, 0)
    if isinstance(value, str):
        return (0, value.casefold())
    if isinstance(value, date):
        return (0, value.toordinal())
    return (0, value)


class SheetModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet: Sheet | None = None
        self.rows: list[list[object]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._subtotals: set[int] = set()

    def set_sheet(self, sheet: Sheet | None) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.rows = list(sheet.rows) if sheet is not None else []
        # a supplier's subtotal (暂估入库) is bold like the total, wherever a sort takes it
        self._subtotals = {id(sheet.rows[i]) for i in sheet.subtotals} if sheet is not None else set()
        self.endResetModel()

    def is_subtotal(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and id(self.rows[row]) in self._subtotals

    @property
    def columns(self):
        return self.sheet.columns if self.sheet is not None else []

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    def has_total(self) -> bool:
        return self.sheet is not None and self.sheet.total is not None

    def is_total(self, row: int) -> bool:
        return self.has_total() and row == len(self.rows)

    def row_values(self, row: int) -> list[object]:
        return self.sheet.total if self.is_total(row) else self.rows[row]  # type: ignore[union-attr,return-value]

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows) + (1 if self.has_total() else 0)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.row_values(index.row())[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(value, column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column.kind == TEXT else _RIGHT
        if role == SortRole:
            return value
        if self.is_total(index.row()) or self.is_subtotal(index.row()):
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(TOTAL_BACK)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].label
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT if self.columns[section].kind == TEXT else _RIGHT
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column``'s raw values (empty cells last); the total stays the last row."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        filled = [r for r in self.rows if r[column] is not None and r[column] != ""]
        empty = [r for r in self.rows if r[column] is None or r[column] == ""]
        filled.sort(key=lambda r: _sort_key(r[column]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = filled + empty
        self.layoutChanged.emit()

    def column_sum(self, key: str) -> Decimal:
        i = self.column_of(key)
        return sum((r[i] for r in self.rows if isinstance(r[i], Decimal)), Decimal(0))
