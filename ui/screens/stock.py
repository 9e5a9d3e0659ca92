"""Stock at a glance: on hand, value, reserved, available (on hand − reserved), on order and min level per
product × warehouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from ui.i18n import fill
from ui.models.classes import class_texts
from ui.models.classes import class_tooltip
from ui.models.classes import fill_class_combo
from ui.models.classes import matches
from ui.models.proxy import RowFilterProxy
from ui.models.stock import StockTableModel
from ui.models.stock import is_low
from ui.models.table import money_text
from ui.search import needle
from ui.widgets.combo import refill
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import PlanningQueries
    from ui.services import StockQueries

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


FIRST_ROWS = 200  # shown at once while the rest of a big table loads


def _load(stock: StockQueries, planning: PlanningQueries, progress):
    progress(stock.stock_table(limit=FIRST_ROWS))
    rows = stock.stock_table()
    return rows, StockTableModel.make_keys(rows), class_texts(planning.classes())


class StockScreen(Screen):
    follows_data = True  # reloads by itself when the database changes (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = StockTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.modelReset.connect(self._update_totals)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.warehouse_label = QLabel(self)
        self.warehouse = QComboBox(self)
        self.warehouse.currentIndexChanged.connect(self._combo_changed)
        self.category_label = QLabel(self)
        self.category = QComboBox(self)
        self.category.currentIndexChanged.connect(self._combo_changed)
        self.category.setMinimumContentsLength(12)
        # Alt+W and Alt+C reach the filters from the keyboard, as the document screens' fields do
        self.warehouse_label.setBuddy(self.warehouse)
        self.category_label.setBuddy(self.category)
        self.class_label = QLabel(self)
        self.class_filter = QComboBox(self)
        self.class_label.setBuddy(self.class_filter)  # Alt+L, and Alt+B ticks "below min level only"
        self.class_filter.currentIndexChanged.connect(self._combo_changed)
        self.low_only = QCheckBox(self)
        self.low_only.toggled.connect(self._combo_changed)

        self.table = DataTable("stock", self)
        self.table.setModel(self.proxy)
        m = StockTableModel
        self.table.set_widths({m.SKU: 95, m.NAME: 230, m.CATEGORY: 90, m.WAREHOUSE: 70, m.ON_HAND: 75, m.UNIT: 50,
                               m.AVG_COST: 75, m.VALUE: 90, m.RESERVED: 70, m.AVAILABLE: 70,
                               m.ON_ORDER: 70, m.MIN_LEVEL: 75, m.CLASS: 70})
        self.totals = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.warehouse_label)
        bar.addWidget(self.warehouse, 1)
        bar.addWidget(self.category_label)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.low_only)
        # the class filter beside the totals it changes: in the bar above it would widen the window's minimum
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.class_label)
        bottom.addWidget(self.class_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        stock, planning = self.services.stock, self.services.planning
        self.load(lambda progress: _load(stock, planning, progress), self._loaded, self._first_rows)

    def _first_rows(self, rows) -> None:
        if not self.model.rows:
            self.model.set_rows(rows)

    def _loaded(self, result) -> None:
        rows, keys, classes = result
        self.model.set_classes(classes)
        self._fill_combo(self.warehouse, sorted({r.warehouse for r in rows}))
        self._fill_combo(self.category, sorted({r.category for r in rows if r.category}))
        self.model.set_rows(rows, keys)

    def _fill_combo(self, combo: QComboBox, values: list[str]) -> None:
        refill(combo, ((value, value) for value in values), translate("StockScreen", "All"))
        self._apply_combos()

    def _combo_changed(self, *_) -> None:
        self._apply_combos()

    def _apply_combos(self) -> None:
        warehouse, category = self.warehouse.currentData(), self.category.currentData()
        self.proxy.set_filter("warehouse", (lambda i, r: r.warehouse == warehouse) if warehouse else None)
        self.proxy.set_filter("category", (lambda i, r: r.category == category) if category else None)
        self.proxy.set_filter("low", (lambda i, r: is_low(r)) if self.low_only.isChecked() else None)
        choice, classes = self.class_filter.currentData(), self.model.classes
        self.proxy.set_filter("class", (lambda i, r: matches(choice, classes.get(r.product_id))) if choice else None)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(needle(text))

    def _update_totals(self) -> None:
        shown = self.proxy.source_rows()
        value, low = self.model.totals(shown)
        # lupdate takes a plural only from tr(text, None, variable): translate() with a count is read
        # as the old (…, encoding, n) form, and a count that is an expression is not read at all.
        count = len(shown)
        text = self.tr("%n item(s)", None, count)  # context: this class's name, StockScreen
        text += "    " + fill(translate("StockScreen", "Value: %1"), money_text(value))
        text += "    " + fill(translate("StockScreen", "Below min level: %1"), str(low))
        self.totals.setText(text + self.loading_note())

    def loaded(self) -> None:
        self._update_totals()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("StockScreen", "Search SKU, name or pinyin…"))
        self.warehouse_label.setText(translate("StockScreen", "&Warehouse:"))
        self.category_label.setText(translate("StockScreen", "&Category:"))
        self.low_only.setText(translate("StockScreen", "&Below min level only"))
        self.class_label.setText(translate("StockScreen", "C&lass:"))
        fill_class_combo(self.class_filter, translate("StockScreen", "All"))
        self.class_filter.setToolTip(class_tooltip())
        for combo in (self.warehouse, self.category):
            if combo.count():
                combo.setItemText(0, translate("StockScreen", "All"))
        self.model.retranslate()
        self._update_totals()
