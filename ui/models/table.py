"""A table model over a list of immutable rows, described by a list of columns.

Subclasses list their ``COLUMNS`` and get column-index constants, a ``SortRole`` with the raw
value (``Decimal``, ``datetime``, ``str``), a ``RowRole`` with the row object and ``set_rows``
bracketed by ``beginResetModel``/``endResetModel``. Headers are marked with
``QT_TRANSLATE_NOOP`` and translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt

from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price

_ROOT = QModelIndex()  # the invalid index: the default parent of a flat table
SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_BACK = Qt.ItemDataRole.BackgroundRole
_FORE = Qt.ItemDataRole.ForegroundRole
_ROLES = frozenset({SortRole, RowRole, _ALIGN, _BACK, _FORE})


def count_text(n: int) -> str:
    """A count as the amounts beside it are written, in groups of three (4,741, not 4741), in either language."""
    return f"{n:,}"


def qty_text(value: Decimal | None) -> str:
    return "" if value is None else fmt(value)


def total_qty_text(value: Decimal | None) -> str:
    """A quantity summed over many lines, as a dashboard tile or a total says it: thousands grouped like the amounts
    beside it (9,776, 1,250.5), no trailing zeros. A table's own quantity cells stay as ``qty_text`` writes them, the
    text a clerk types back."""
    if value is None:
        return ""
    text = f"{value.normalize():,f}"
    return "0" if text in ("-0", "") else text


def money_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def price_text(value: Decimal | None) -> str:
    """A unit price: at least two decimals, as money (12.50), more only where it carries more (0.125)."""
    return "" if value is None else fmt_price(value)


def when_text(value: datetime | None) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Column:
    title: str  # marked with QT_TRANSLATE_NOOP in the model's CONTEXT
    value: Callable[[Any], Any]
    text: Callable[[Any], str] = str
    numeric: bool = False


class RowTableModel(QAbstractTableModel):
    CONTEXT = "Columns"
    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self.keys: list[str] = []

    def set_rows(self, rows: Sequence[Any], keys: list[str] | None = None) -> None:
        """Replace every row; ``keys`` (search keys, see ``make_keys``) may come from a worker thread."""
        self.beginResetModel()
        self._rows = list(rows)
        self.keys = keys if keys is not None and len(keys) == len(self._rows) else self.make_keys(self._rows)
        self.endResetModel()

    @classmethod
    def make_keys(cls, rows: Sequence[Any]) -> list[str]:
        """One search key per row (``ui.search.search_key``); models without search return none."""
        return []

    @property
    def rows(self) -> list[Any]:
        return self._rows

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def sort_value(self, row: Any, column: int) -> Any:
        return self.COLUMNS[column].value(row)

    def background(self, row: Any) -> Any:
        return None

    def foreground(self, row: Any) -> Any:
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role) -> Any:
        """``data()`` without a QModelIndex; the proxy calls it directly (a view asks ~8 roles per cell)."""
        if role == _DISPLAY:
            c = self.COLUMNS[column]
            return c.text(c.value(self._rows[row]))
        if role not in _ROLES:
            return None
        if role == SortRole:
            return self.COLUMNS[column].value(self._rows[row])
        if role == RowRole:
            return self._rows[row]
        if role == _ALIGN:
            return _RIGHT if self.COLUMNS[column].numeric else None
        if role == _BACK:
            return self.background(self._rows[row])
        return self.foreground(self._rows[row])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[section].numeric:
                return _RIGHT
        return super().headerData(section, orientation, role)

    def retranslate(self) -> None:
        """Headers and translated captions (such as movement kinds) follow the language."""
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
