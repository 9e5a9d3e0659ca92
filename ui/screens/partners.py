"""Suppliers and customers, read-only lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout

from ui.i18n import fill
from ui.models.partners import CustomerTableModel
from ui.models.partners import SupplierTableModel
from ui.models.proxy import RowFilterProxy
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import CatalogQueries


def _load(catalog: CatalogQueries):
    return catalog.suppliers(), catalog.customers()


class PartnersScreen(Screen):
    follows_data = True  # reloads by itself when the database changes (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.suppliers = SupplierTableModel(self)
        self.customers = CustomerTableModel(self)
        self.tabs = QTabWidget(self)
        self.tables = []
        for key, model in (("suppliers", self.suppliers), ("customers", self.customers)):
            proxy = RowFilterProxy(self)
            proxy.setSourceModel(model)
            table = DataTable(key, self)
            table.setModel(proxy)
            table.set_widths({0: 100, 1: 240, 2: 160})
            self.tabs.addTab(table, "")
            self.tables.append(table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        catalog = self.services.catalog
        self.load(lambda: _load(catalog), self._loaded)

    def _loaded(self, result) -> None:
        suppliers, customers = result
        self.suppliers.set_rows(suppliers)
        self.customers.set_rows(customers)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, fill(QCoreApplication.translate("PartnersScreen", "Suppliers (%1)"),
                                     str(self.suppliers.rowCount())))
        self.tabs.setTabText(1, fill(QCoreApplication.translate("PartnersScreen", "Customers (%1)"),
                                     str(self.customers.rowCount())))
        self.suppliers.retranslate()
        self.customers.retranslate()
