"""The replenishment table: one row per product × warehouse with an alert, its severity colour, and the tick and
quantity of the lines that become draft purchase orders.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import qty_text
from ui.screens.replenishment.detail import DEMAND_CLASSES
from ui.screens.replenishment.detail import SEVERITIES
from ui.screens.replenishment.detail import SEVERITY_COLOURS
from ui.screens.replenishment.detail import SEVERITY_RANK
from ui.screens.replenishment.detail import translated
from ui.screens.replenishment.transfers import is_transfer
from ui.screens.replenishment.transfers import kind_text
from ui.screens.replenishment.transfers import reason_text
from ui.screens.replenishment.transfers import route_text
from ui.search import search_key

translate = QCoreApplication.translate


def severity_of(row) -> str:
    return row.alert.severity if row.alert else ""


def ordered(row) -> bool:
    """A line whose alert draft purchase orders already answer (shown as ordered, not orderable again)."""
    return row.alert is None and getattr(row, "draft_alert", None) is not None


ORDERED_COLOUR = "#e3efe3"


def level_text(value: Decimal | None) -> str:
    """A reorder point or safety stock to one decimal, written as the quantities beside it (``61.9``, ``2``)."""
    return "" if value is None else fmt(Decimal(value).quantize(Decimal("0.1")))


class ReplenishmentModel(RowTableModel):
    CONTEXT = "Replenishment"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Replenishment", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Class"), lambda r: (r.abc, r.forecast.demand_class),
               lambda v: f"{v[0]} · {translated(DEMAND_CLASSES.get(v[1], v[1]))}"),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Severity"), lambda r: SEVERITY_RANK.get(severity_of(r), 9),
               lambda v: translated(SEVERITIES.get({0: "critical", 1: "high", 2: "normal"}.get(v, ""), ""))),
        Column(QT_TRANSLATE_NOOP("Replenishment", "On hand"), lambda r: r.explanation["on_hand"], qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "On order"), lambda r: r.explanation["on_order"], qty_text, True),
        # a computed level: to one decimal, as the forecast is shown (2.2619 next to 333.6071 read as exact);
        # the explanation below the table keeps every digit
        Column(QT_TRANSLATE_NOOP("Replenishment", "Reorder point"), lambda r: r.explanation["reorder_point"],
               level_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Stockout"), lambda r: r.alert.stockout_date if r.alert else None,
               lambda v: "" if v is None else v.isoformat()),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Suggested qty"),
               lambda r: r.suggestion.qty if r.suggestion else None, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Supplier"),
               lambda r: "" if is_transfer(r) else r.explanation.get("supplier") or ""),
        # transfers before purchases (ui.screens.replenishment.transfers)
        Column(QT_TRANSLATE_NOOP("Replenishment", "Kind"), kind_text),
        Column(QT_TRANSLATE_NOOP("Replenishment", "From → to"), route_text),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Reason"), reason_text),
        # the product's ABC and XYZ class (domain.planning.classification), e.g. "AX"
        Column(QT_TRANSLATE_NOOP("Replenishment", "ABC/XYZ"), lambda r: r.abc + getattr(r, "xyz", "")),
    )
    SKU, NAME, WAREHOUSE, CLASS, SEVERITY, ON_HAND, ON_ORDER, REORDER, STOCKOUT, QTY, SUPPLIER = range(11)
    KIND, ROUTE, REASON = range(11, 14)
    ABC_XYZ = 14

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.checked: set[tuple[str, str]] = set()
        self.qty: dict[tuple[str, str], Decimal] = {}
        self.drafts: dict[tuple[str, str], list[str]] = {}  # (SKU, warehouse) → tags of its draft POs
        self.edit_error = ""

    def set_rows(self, rows, keys=None, *, tick_critical: bool = False, drafts=None) -> None:
        """New plan lines, none ticked (or only the critical ones when ``tick_critical``)."""
        self.checked = {_key(r) for r in rows if tickable(r) and tick_critical and severity_of(r) == "critical"}
        self.qty = {}
        self.drafts = dict(drafts or {})
        super().set_rows(rows, keys)

    def ordered_text(self, row) -> str:
        labels = self.drafts.get((row.sku, row.warehouse)) or []
        return fill(translate("Replenishment", "ordered (draft PO %1)"), ", ".join(labels) or "—")

    def set_ticks(self, rows: list[int], on: bool) -> None:
        """Tick or untick the orderable lines among these source rows."""
        for i in rows:
            r = self._rows[i]
            if tickable(r):
                (self.checked.add if on else self.checked.discard)(_key(r))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return [search_key(r.sku, r.name, r.warehouse, r.explanation.get("supplier") or "", chinese=r.name)
                for r in rows]

    def qty_of(self, row) -> Decimal | None:
        if is_transfer(row):
            return self.qty.get(_key(row), row.transfer.qty)
        if row.suggestion is None:
            return None
        return self.qty.get(_key(row), row.suggestion.qty)

    def sort_value(self, row, column: int):
        if column == self.QTY:
            return self.qty_of(row)
        return super().sort_value(row, column)

    def background(self, row):
        colour = ORDERED_COLOUR if ordered(row) else SEVERITY_COLOURS.get(severity_of(row))
        return QBrush(QColor(colour)) if colour else None

    def cell(self, row: int, column: int, role):
        r = self._rows[row]
        if column == self.SEVERITY and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and ordered(r):
            return self.ordered_text(r)
        if column == self.SKU and role == Qt.ItemDataRole.CheckStateRole and tickable(r):
            return Qt.CheckState.Checked if _key(r) in self.checked else Qt.CheckState.Unchecked
        if column == self.QTY and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return qty_text(self.qty_of(r))
        if column == self.QTY and role == Qt.ItemDataRole.UserRole + 1:
            return self.qty_of(r)
        if column == self.REASON and role == Qt.ItemDataRole.ToolTipRole:
            return reason_text(r) or None
        return super().cell(row, column, role)

    def flags(self, index):
        flags = super().flags(index)
        if not index.isValid():
            return flags
        r = self._rows[index.row()]
        if tickable(r) and index.column() == self.SKU:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if tickable(r) and index.column() == self.QTY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        if not tickable(r):
            return False
        if index.column() == self.SKU and role == Qt.ItemDataRole.CheckStateRole:
            state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
            (self.checked.add if state == Qt.CheckState.Checked else self.checked.discard)(_key(r))
        elif index.column() == self.QTY and role == Qt.ItemDataRole.EditRole:
            try:
                qty = D(str(value))
            except ValueError:  # not a number, or an ambiguous comma (domain.kernel.numbers)
                qty = None
            if qty is None or not qty.is_finite() or qty <= 0:
                self.edit_error = translate("Replenishment",
                                            "Suggested qty: enter a number greater than 0, such as 24.")
                return False
            self.edit_error = ""
            self.qty[_key(r)] = qty
            self.checked.add(_key(r))
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        return True

    def chosen(self, rows: list[int] | None = None) -> list:
        """The ticked suggestions, with edited quantities, among ``rows`` (source row numbers; None: all)."""
        picked = self._rows if rows is None else [self._rows[i] for i in rows]
        return [dataclasses.replace(r.suggestion, qty=self.qty_of(r)) for r in picked
                if orderable(r) and _key(r) in self.checked]

    def chosen_transfers(self, rows: list[int] | None = None) -> list:
        """The ticked transfer suggestions, with edited quantities, among ``rows`` (source row numbers; None: all)."""
        picked = self._rows if rows is None else [self._rows[i] for i in rows]
        return [dataclasses.replace(r.transfer, qty=self.qty_of(r)) for r in picked
                if transferable(r) and _key(r) in self.checked]


def _key(row) -> tuple[str, ...]:
    return row.key if is_transfer(row) else (row.product_id, row.warehouse)


def transferable(row) -> bool:
    return is_transfer(row) and row.transfer.qty > 0


def tickable(row) -> bool:
    """A line that can be ticked and its quantity edited: a purchase to order or a transfer to post."""
    return orderable(row) or transferable(row)


def orderable(row) -> bool:
    return row.suggestion is not None and row.suggestion.supplier is not None and row.suggestion.qty > 0
