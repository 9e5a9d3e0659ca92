"""The lists behind the dashboard's figures: one table model per figure and the dialog that shows one, sortable.

A figure that another screen already lists (the stock, the reorder alerts, receivables and payables) opens that
screen instead (``ui.screens.dashboard.screen``); the others open a ``RowsDialog`` on the rows the figure was
computed from.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout

from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text

translate = QCoreApplication.translate


def _day(value) -> str:
    return "" if value is None else value.isoformat()


def _opt(value) -> str:
    return "" if value is None else qty_text(value)


def _yes(value: bool) -> str:
    return translate("Dashboard", "yes") if value else translate("Dashboard", "no")


class _Model(RowTableModel):
    CONTEXT = "Dashboard"


class LinesModel(_Model):
    """The order lines due in the period (``domain.reports.dashboard.LineDue``)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "Due"), lambda r: r.due, _day),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Order"), lambda r: r.order),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("Dashboard", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Ordered"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Shipped by the due day"), lambda r: r.shipped_on_time, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Complete and on time"), lambda r: r.on_time, _yes),
    )


class StockoutModel(_Model):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Days at zero"), lambda r: r.days, str, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Out now"), lambda r: r.out_now, _yes),
    )


def _source(value: str) -> str:
    if value == "list":
        return translate("Dashboard", "list price")
    if value == "last sale":
        return translate("Dashboard", "last sale")
    return translate("Dashboard", "no price")


class LostModel(_Model):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Unfilled"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Price"), lambda r: r.price, price_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Price from"), lambda r: r.source, _source),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Lost value"), lambda r: r.value, money_text, True),
    )


class TurnoverModel(_Model):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "Category"), lambda r: r.category),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Cost of issues"), lambda r: r.cost_of_issues, money_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Average value"), lambda r: r.average_value, money_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Closing value"), lambda r: r.closing_value, money_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Turns"), lambda r: r.turns, _opt, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Days of cover"), lambda r: r.cover_days, _opt, True),
    )


class DeadModel(_Model):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Dashboard", "On hand"), lambda r: r.on_hand, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Value"), lambda r: r.value, money_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Last issue"), lambda r: r.last_issue, _day),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Days idle"), lambda r: r.idle_days,
               lambda v: "" if v is None else str(v), True),
    )


class ExcessModel(_Model):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Dashboard", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("Dashboard", "On hand"), lambda r: r.on_hand, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Cover target"), lambda r: r.target, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Excess"), lambda r: r.excess, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Dashboard", "Excess value"), lambda r: r.value, money_text, True),
    )


class RowsDialog(QDialog):
    """A figure's rows in a sortable table."""

    def __init__(self, title: str, note: str, model: RowTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = model
        model.setParent(self)
        proxy = RowFilterProxy(self)
        proxy.setSourceModel(model)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        # no sort indicator: the rows come in the figure's own order (the most first) until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(note, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
