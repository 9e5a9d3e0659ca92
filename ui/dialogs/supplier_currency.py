"""Changing a supplier's currency: convert its term prices at a rate or keep the numbers, with the old → new
prices shown before anything is written (``domain.catalog.supplier_currency``)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog import supplier_currency as sc
from domain.kernel.errors import DomainError
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.refusals import refusal_text


class SupplierCurrencyDialog(QDialog):
    """Asks what a new currency does to the supplier's prices and shows the result; ``choice()`` gives it."""

    def __init__(self, uow, code: str, old: str, new: str, parent=None) -> None:
        super().__init__(parent)
        self.uow, self.code, self.old, self.new = uow, code, old, new
        self.setWindowTitle(self.tr("Change the supplier's currency"))
        self.intro = QLabel(fill(self.tr(
            "Supplier %1's term prices are in %2. After the change to %3 they are read in %3: convert them, or "
                 "keep the numbers only if they already are %3 prices."), code, old, new), self)
        self.intro.setWordWrap(True)
        self.convert = QRadioButton(self.tr("&Convert the prices at the rate"), self)
        self.rate = QLineEdit(self)
        self.rate.setPlaceholderText(fill(self.tr("how many %1 make 1 %2, such as 7.2"), old, new))
        self.rate_label = QLabel(fill(self.tr("(1 %1 = this many %2)"), new, old), self)
        self.keep = QRadioButton(self.tr("&Keep the numbers as they are"), self)
        self.confirm_keep = QCheckBox(fill(self.tr("I confirm these numbers are %1 prices"), new), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("From quantity"),
                                              fill(self.tr("Old price (%1)"), old),
                                              fill(self.tr("New price (%1)"), new)])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9b1c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change &currency"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.convert)
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(rate_row)
        layout.addWidget(self.keep)
        layout.addWidget(self.confirm_keep)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.change: sc.CurrencyChange | None = None
        try:  # the current rate as a start, when the exchange rates have one
            self.rate.setText(fmt(self._plan("convert", "current").rate))
        except DomainError:
            pass
        self.convert.setChecked(True)
        for signal in (self.convert.toggled, self.keep.toggled, self.confirm_keep.toggled):
            signal.connect(self.update_preview)
        self.rate.textChanged.connect(self.update_preview)
        self.resize(640, 420)
        self.update_preview()

    def _plan(self, prices: str, rate: object) -> sc.CurrencyChange | None:
        return catalog.preview_supplier_currency(self.uow(), cc.UpdateSupplier(
            self.code, "-", currency=self.new, prices=prices, rate=rate))

    def choice(self) -> tuple[str, str | None]:
        """(``convert`` or ``keep``, the rate typed for ``convert``)."""
        return ("convert", self.rate.text()) if self.convert.isChecked() else ("keep", None)

    def update_preview(self, *_args) -> None:
        self.rate.setEnabled(self.convert.isChecked())
        self.confirm_keep.setEnabled(self.keep.isChecked())
        prices, rate = self.choice()
        try:
            self.change = self._plan(prices, rate or "")
            self.problem.clear()
        except DomainError as exc:
            self.change = None
            self.problem.setText(refusal_text(exc))
        lines = self.change.lines if self.change is not None else ()
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            cells = (line.sku, "" if line.min_qty is None else fmt(line.min_qty), fmt(line.old), fmt(line.new))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        ok = self.change is not None and (self.convert.isChecked() or self.confirm_keep.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
