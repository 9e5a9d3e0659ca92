"""Settings › Warehouses: the warehouses of the company, and adding one.

A new company has the one warehouse the welcome dialog made; a second warehouse (a branch, a shop's back
room) is needed before anything can be received into it, transferred to it or imported as its opening stock
(the import refuses an unknown warehouse code, "add it first"). The table lists them; the entry row below
adds one through ``domain.catalog.master.add_warehouse`` on the task runner, refused inputs said under the
row with what each field accepts. The other screens' warehouse lists follow on the window's data watch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog import commands as cc
from domain.catalog import master
from domain.kernel.errors import BadInput
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

CODE, NAME, ADDRESS, NEGATIVE = range(4)


def warehouse_hint(field: str) -> str | None:
    """What a refused field of a new warehouse accepts, in the reader's language (None: not one of them)."""
    hints = {
        "warehouse code": translate("WarehousesPage", "Code: enter a short code without spaces, such as BJ or "
                                                      "MAIN (letters, digits and signs such as - _ . /, not starting "
                                                      "with =, + or @; at most 32)."),
        "name": translate("WarehousesPage", "Name: enter the warehouse's name, at most 200 characters."),
        "address": translate("WarehousesPage", "Address: at most 500 characters."),
    }
    return hints.get(field)


class WarehousesPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.warehouses: list = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in (CODE, NAME, NEGATIVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.code_label, self.name_label, self.address_label = QLabel(self), QLabel(self), QLabel(self)
        self.code = QLineEdit(self)
        self.code.setMaximumWidth(120)
        self.name = QLineEdit(self)
        self.address = QLineEdit(self)
        for label, widget in ((self.code_label, self.code), (self.name_label, self.name),
                              (self.address_label, self.address)):
            label.setBuddy(widget)
            widget.returnPressed.connect(self.add_warehouse)
        self.allow_negative = QCheckBox(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_warehouse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.busy_bar = BusyBar(self)

        entry = QHBoxLayout()
        for widget, stretch in ((self.code_label, 0), (self.code, 0), (self.name_label, 0), (self.name, 1),
                                (self.address_label, 0), (self.address, 2), (self.allow_negative, 0),
                                (self.add_button, 0)):
            entry.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._run(self.services.catalog.warehouses, self._loaded)

    def _loaded(self, warehouses) -> None:
        self.warehouses = sorted(warehouses, key=lambda w: w.code.casefold())
        self.table.setRowCount(len(self.warehouses))
        for row, w in enumerate(self.warehouses):
            for column, text in ((CODE, w.code), (NAME, w.name), (ADDRESS, w.address.replace("\n", " "))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            negative = QTableWidgetItem()
            negative.setData(Qt.ItemDataRole.UserRole, w.allow_negative)
            negative.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, NEGATIVE, negative)
        self._retranslate_rows()

    # -- adding --------------------------------------------------------------------------
    def add_warehouse(self) -> None:
        command = cc.AddWarehouse(self.code.text(), self.name.text(), self.allow_negative.isChecked(),
                                  self.address.text())
        uow = self.services.uow
        self.message.clear()
        self._run(lambda: master.add_warehouse(uow(), command), self._added)

    def _added(self, warehouse) -> None:
        self._say(fill(translate("WarehousesPage", "Added warehouse %1 (%2)."), warehouse.code, warehouse.name))
        for edit in (self.code, self.name, self.address):
            edit.clear()
        self.allow_negative.setChecked(False)
        self.code.setFocus()
        self.refresh()

    # -- plumbing ------------------------------------------------------------------------
    def _run(self, fn, on_done) -> None:
        self.busy_bar.busy(True)
        self.add_button.setEnabled(False)

        def done(result) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.add_button.setEnabled(True)
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self.busy_bar.busy(False)
            self.add_button.setEnabled(True)
            hint = warehouse_hint(exc.field) if isinstance(exc, BadInput) else None
            self._say(hint or fill(translate("WarehousesPage", "Refused: %1"), refusal_text(exc)), error=True)
        self.services.tasks.submit(fn, done, failed)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1a7f37;")
        self.message.setText(text)

    def _retranslate_rows(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NEGATIVE)
            allowed = bool(item.data(Qt.ItemDataRole.UserRole))
            item.setText(translate("WarehousesPage", "allowed") if allowed else translate("WarehousesPage", "no"))

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "WarehousesPage", "The company's warehouses. Add one here before receiving goods into it, moving stock "
                              "to it or importing its opening stock; its code is what spreadsheets and the "
                              "command line name it by."))
        self.table.setHorizontalHeaderLabels([
            translate("WarehousesPage", "Code"), translate("WarehousesPage", "Name"),
            translate("WarehousesPage", "Address"), translate("WarehousesPage", "Negative stock")])
        self.code_label.setText(translate("WarehousesPage", "&Code:"))
        self.name_label.setText(translate("WarehousesPage", "&Name:"))
        self.address_label.setText(translate("WarehousesPage", "&Address:"))
        self.code.setPlaceholderText(translate("WarehousesPage", "e.g. BJ"))
        self.name.setPlaceholderText(translate("WarehousesPage", "e.g. Beijing warehouse"))
        self.address.setPlaceholderText(translate("WarehousesPage", "optional"))
        self.allow_negative.setText(translate("WarehousesPage", "Allow ne&gative stock"))
        self.allow_negative.setToolTip(translate(
            "WarehousesPage", "Let shipments take this warehouse below zero (goods sold before their receipt is "
                              "entered); leave it off unless you work that way."))
        self.add_button.setText(translate("WarehousesPage", "Add &warehouse"))
        self._retranslate_rows()
