"""Changing a supplier's currency: convert its term prices at a rate or keep the numbers, with the old → new
prices shown before anything is written (``domain.catalog.supplier_currency``).

The preview reads the supplier's terms, open orders and exchange rates, so it is worked out on the task runner
through a read-only unit of work, never on the GUI thread: the dialog says it is working, the choice and the rate stay
editable meanwhile, and OK waits for the preview of what is chosen. At most one preview is read at a time; an answer
for a choice the clerk has changed since is dropped and the choice as it is now asked for instead, and an answer that
arrives after the dialog closed is dropped too.
"""

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
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

Choice = tuple[str, str | None]


class SupplierCurrencyDialog(QDialog):
    """Asks what a new currency does to the supplier's prices and shows the result; ``choice()`` gives it.

    ``services`` gives ``reader`` (the read-only unit of work) and ``tasks`` (the task runner)."""

    def __init__(self, services, code: str, old: str, new: str, parent=None) -> None:
        super().__init__(parent)
        self.reader, self.tasks = services.reader, services.tasks
        self.code, self.old, self.new = code, old, new
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
        self.working = QLabel(self.tr("Working out the prices…"), self)
        self.busy_bar = BusyBar(self)
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
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.working)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.change: sc.CurrencyChange | None = None  # the preview shown, of ``shown``
        self.shown: Choice | None = None
        self.asking: Choice | None = None  # the choice whose preview is being read
        self.closed = False
        self.suggest_rate = True  # the first answer fills in the exchange rates' current rate, when they have one
        self.convert.setChecked(True)
        for signal in (self.convert.toggled, self.keep.toggled):
            signal.connect(self.update_preview)
        self.rate.textChanged.connect(self.update_preview)
        self.confirm_keep.toggled.connect(self._enable)
        self.resize(640, 420)
        self.update_preview()

    def choice(self) -> Choice:
        """(``convert`` or ``keep``, the rate typed for ``convert``)."""
        return ("convert", self.rate.text()) if self.convert.isChecked() else ("keep", None)

    @property
    def loading(self) -> bool:
        """A preview is being read (of the choice shown or of one chosen before)."""
        return self.asking is not None

    def update_preview(self, *_args) -> None:
        """The choice changed: read its preview, once the one being read (if any) has come back."""
        self.rate.setEnabled(self.convert.isChecked())
        self.confirm_keep.setEnabled(self.keep.isChecked())
        if not self.loading:
            self._ask(self.choice())
        self._enable()

    def _ask(self, wanted: Choice) -> None:
        self.asking = wanted
        self._show_working(True)
        reader, code, new = self.reader, self.code, self.new
        prices, rate = wanted

        def plan() -> sc.CurrencyChange | None:  # on the task runner
            return catalog.preview_supplier_currency(reader(), cc.UpdateSupplier(
                code, "-", currency=new, prices=prices, rate=rate or ""))

        self.tasks.submit(plan, on_done=lambda change: self._answered(wanted, change, None),
                          on_error=lambda exc: self._answered(wanted, None, exc))

    def _answered(self, asked: Choice, change: sc.CurrencyChange | None, exc: BaseException | None) -> None:
        if not alive(self) or self.closed:
            return  # closed meanwhile: nobody is asking any more
        self.asking = None
        if asked != self.choice():  # the clerk changed the choice while this was read: ask again, as it is now
            self._ask(self.choice())
            self._enable()
            return
        self._show_working(False)
        if self.suggest_rate and change is not None and asked == ("convert", "") and change.rate is not None:
            self.rate.blockSignals(True)  # the preview shown is exactly the one of the rate filled in
            self.rate.setText(fmt(change.rate))
            self.rate.blockSignals(False)
            asked = self.choice()
        self.suggest_rate = False
        self.shown, self.change = asked, change
        self.problem.setText("" if exc is None else refusal_text(exc))
        lines = change.lines if change is not None else ()
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            cells = (line.sku, "" if line.min_qty is None else fmt(line.min_qty), fmt(line.old), fmt(line.new))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._enable()

    def _show_working(self, on: bool) -> None:
        self.busy_bar.busy(on)
        self.working.setVisible(on)
        if on:
            self.problem.clear()  # it was said of the choice before; the answer for this one says its own
        self.table.setEnabled(not on)  # greyed: the prices shown are not yet those of the choice

    def _enable(self, *_args) -> None:
        current = not self.loading and self.shown == self.choice()
        ok = current and self.change is not None and (self.convert.isChecked() or self.confirm_keep.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def done(self, result: int) -> None:
        self.closed = True  # a preview still being read is dropped when it comes
        super().done(result)
