"""The stock ledger, newest first, filtered by product, warehouse, kind and date range in the database."""

from __future__ import annotations

from datetime import datetime
from datetime import time
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from ui.models.movements import KIND_CAPTIONS
from ui.models.movements import MovementTableModel
from ui.models.proxy import RowFilterProxy
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

LIMIT = 5000



class MovementsScreen(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = MovementTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.product = QLineEdit(self)
        self.product.setClearButtonEnabled(True)
        self.product.returnPressed.connect(self.refresh)
        self.warehouse = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItem("", None)
        for kind in KIND_CAPTIONS:
            self.kind.addItem("", kind)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-90), self)
        self.until = QDateEdit(today, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.apply = QPushButton(self)
        self.apply.clicked.connect(self.refresh)
        for combo in (self.warehouse, self.kind):
            combo.currentIndexChanged.connect(self.refresh)
        self.labels = {name: QLabel(self) for name in ("product", "warehouse", "kind", "from", "to")}
        self.table = DataTable("movements", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({MovementTableModel.WHEN: 130, MovementTableModel.KIND: 110,
                               MovementTableModel.SKU: 100, MovementTableModel.NAME: 200})
        self.status = QLabel(self)

        bar = QHBoxLayout()
        for name, widget in (("product", self.product), ("warehouse", self.warehouse), ("kind", self.kind),
                             ("from", self.since), ("to", self.until)):
            bar.addWidget(self.labels[name])
            bar.addWidget(widget, 2 if name == "product" else 0)
        bar.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._load_warehouses()
        self.refresh()

    def _load_warehouses(self) -> None:
        queries = self.services.queries
        self.services.tasks.submit(queries.warehouses, self._warehouses_loaded)

    def _warehouses_loaded(self, warehouses) -> None:
        from ui.widgets.busy import alive

        if not alive(self):
            return
        self.warehouse.blockSignals(True)
        current = self.warehouse.currentData()
        self.warehouse.clear()
        self.warehouse.addItem(translate("MovementsScreen", "All"), None)
        for w in warehouses:
            self.warehouse.addItem(w.code, w.code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(current)) if current else 0)
        self.warehouse.blockSignals(False)

    def filters(self) -> dict:
        since = datetime.combine(self.since.date().toPython(), time.min).astimezone()
        until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time.min).astimezone()
        return {"product": self.product.text().strip() or None, "warehouse": self.warehouse.currentData(),
                "kind": self.kind.currentData(), "since": since, "until": until, "limit": LIMIT}

    def refresh(self, *_) -> None:
        queries, filters = self.services.queries, self.filters()
        self.load(lambda: queries.latest_movements(**filters), self._loaded)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self._update_status()

    def _update_status(self) -> None:
        n = self.model.rowCount()
        text = translate("MovementsScreen", "%n movement(s)", None, n)
        if n >= LIMIT:
            more = translate("MovementsScreen", "(the newest %1; narrow the filters to see older ones)")
            text += "  " + more.replace("%1", str(LIMIT))
        self.status.setText(text)

    def retranslate(self) -> None:
        texts = {"product": translate("MovementsScreen", "Product:"),
                 "warehouse": translate("MovementsScreen", "Warehouse:"),
                 "kind": translate("MovementsScreen", "Kind:"),
                 "from": translate("MovementsScreen", "From:"),
                 "to": translate("MovementsScreen", "To:")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.product.setPlaceholderText(translate("MovementsScreen", "SKU, barcode or part of the name"))
        self.apply.setText(translate("MovementsScreen", "Apply"))
        self.kind.setItemText(0, translate("MovementsScreen", "All"))
        for i, caption in enumerate(KIND_CAPTIONS.values(), 1):
            self.kind.setItemText(i, translate("MovementKind", caption))
        if self.warehouse.count():
            self.warehouse.setItemText(0, translate("MovementsScreen", "All"))
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model.retranslate()
        self._update_status()
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
