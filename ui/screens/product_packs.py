"""The product editor's packaging units (多单位): a row per pack (箱, 盒, carton) with how many of the product's unit
it holds and its barcodes. ``ui.screens.products.ProductEditor`` reads them in edit mode and saves them with the
product, in its transaction (``domain.catalog.master.save_product``)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog import commands as cmd
from domain.catalog.model import PackUnit
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.refusals import field_problem_text
from ui.refusals import input_field_text
from ui.refusals import refusal_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

NAME, PER, BARCODES = range(3)
# the fields of this part (``BadInput.field`` starts with one of them), and the refusals of a pack's barcode
FIELDS = ("unit name", "units per pack", "unit barcode")
CODES = ("pack_barcode_taken", "pack_unit_exists")


class PackUnitsDialog(QDialog):
    """The packs as a small table, with Add unit (Alt+A) and Remove unit (Alt+M); Alt+K goes to the table."""

    def __init__(self, base_unit: str, units: tuple[cmd.PackUnitInput, ...], parent=None) -> None:
        super().__init__(parent)
        self.base_unit = base_unit
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(BARCODES, QHeaderView.ResizeMode.Stretch)
        self.label.setBuddy(self.table)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        for unit in units:
            self._append(unit.name, fmt(unit.per) if isinstance(unit.per, Decimal) else str(unit.per),
                         ", ".join(unit.barcodes))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ProductPacks", "Packaging units"))
        self.label.setText(fill(translate("ProductPacks", "Pac&ks of the product: scanning a pack's barcode on the "
                                                          "Receive, Ship, Transfer, Count and Adjust screens counts "
                                                          "what it holds, in %1."), self.base_unit))
        self.table.setHorizontalHeaderLabels([
            translate("ProductPacks", "Unit (箱, 盒…)"), fill(translate("ProductPacks", "Holds (%1)"), self.base_unit),
            translate("ProductPacks", "Barcodes (separate with commas)")])
        self.add_button.setText(translate("ProductPacks", "&Add unit"))
        self.remove_button.setText(translate("ProductPacks", "Re&move unit"))

    def add_row(self) -> None:
        self._append("", "", "")
        self.table.setFocus()
        self.table.setCurrentCell(self.table.rowCount() - 1, NAME)  # typing there starts the unit's name

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _append(self, name: str, per: str, barcodes: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((NAME, name), (PER, per), (BARCODES, barcodes)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def inputs(self) -> tuple[cmd.PackUnitInput, ...]:
        """The packs as typed; a row left wholly blank is no pack."""
        out = []
        for row in range(self.table.rowCount()):
            name, per, codes = (self._text(row, c) for c in (NAME, PER, BARCODES))
            if name or per or codes:
                out.append(cmd.PackUnitInput(name, per, tuple(
                    b.strip() for b in codes.replace("，", ",").split(",") if b.strip())))
        return tuple(out)


class PackUnitsSection(QWidget):
    """One row of the product editor: what the packs are (``1 箱 = 12 瓶 · 16901``) and Packaging units… (Alt+U),
    which edits them in ``PackUnitsDialog``; a refusal of them is said under the row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.base_unit = "pcs"
        self.units: tuple[cmd.PackUnitInput, ...] = ()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #444;")
        self.button = QPushButton(self)
        self.button.clicked.connect(self.edit)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #9b1c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(translate("ProductPacks", "Packaging &units…"))
        self._show_summary()

    def _show_summary(self) -> None:
        if not self.units:
            self.summary.setText(translate("ProductPacks", "none: the product is scanned one by one"))
            return
        parts = []
        for unit in self.units:
            text = fill(translate("ProductPacks", "1 %1 = %2 %3"), unit.name, str(unit.per), self.base_unit)
            parts.append(text + (" · " + ", ".join(unit.barcodes) if unit.barcodes else ""))
        self.summary.setText("; ".join(parts))

    def set_base_unit(self, unit: str) -> None:
        self.base_unit = unit.strip() or "pcs"
        self._show_summary()

    def prefill(self, units: list[PackUnit]) -> None:
        self.units = tuple(cmd.PackUnitInput(u.name, fmt(u.per), tuple(u.barcodes)) for u in units)
        self._show_summary()

    def edit(self) -> bool:
        dialog = PackUnitsDialog(self.base_unit, self.units, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.set_units(dialog.inputs())
        return True

    def set_units(self, units: tuple[cmd.PackUnitInput, ...]) -> None:
        self.units = units
        self.hide_error()
        self._show_summary()

    def inputs(self) -> tuple[cmd.PackUnitInput, ...]:
        return self.units

    def hide_error(self) -> None:
        self.error.hide()

    def show_error(self, exc: BaseException) -> bool:
        """Show a refusal of the packs under the row; False when it is not about them."""
        if isinstance(exc, BadInput) and exc.field.startswith(FIELDS):
            text = fill(translate("ProductPacks", "%1: %2"), input_field_text(exc.field),
                        field_problem_text(exc) or exc.problem)
        elif isinstance(exc, DomainError) and (exc.code in CODES or (
                exc.code == "duplicate_barcode" and any(exc.params.get("barcode") in u.barcodes
                                                         for u in self.units))):
            text = refusal_text(exc)
        else:
            return False
        self.error.setText(text)
        self.error.show()
        self.button.setFocus()
        return True
