"""Add or edit how a supplier sells one product: prices, breaks, MOQ, multiple, pack, lead time, preference.

The dialog saves through ``domain.purchasing.terms.save_terms`` on the task runner (one
transaction); a refusal names the field and stays in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCompleter
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def breaks_text(breaks) -> str:
    return "\n".join(f"{fmt(q)} @ {fmt(p)}" for q, p in breaks)


def parse_breaks(text: str) -> tuple[tuple[str, str], ...]:
    """Lines such as ``100 @ 9.50`` (from 100 units on, 9.50); the domain checks the numbers."""
    result = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        qty, sep, price = line.partition("@")
        if not sep or not qty.strip() or not price.strip():
            raise BadInput("price breaks", f"line {n} {line!r} is not accepted; write quantity @ price, "
                                           f"such as 100 @ 9.50")
        result.append((qty.strip(), price.strip()))
    return tuple(result)


class TermsDialog(QDialog):
    """``terms``: a ``TermsRow`` to edit, or None to add; ``products``: (SKU, name) pairs to choose from."""

    def __init__(self, services, supplier: str, terms=None, products=(), parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.supplier = supplier
        self.sku = QLineEdit(self)
        completer = QCompleter([f"{sku}  {name}" for sku, name in products], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda text: self.sku.setText(text.split()[0]))
        self.sku.setCompleter(completer)
        self.supplier_sku = QLineEdit(self)
        self.item_name = QLineEdit(self)
        self.price = QLineEdit(self)
        self.price_per = QComboBox(self)
        self.price_per.addItem("", "unit")
        self.price_per.addItem("", "pack")
        self.pack_size = QLineEdit("1", self)
        self.moq = QLineEdit("0", self)
        self.multiple = QLineEdit("1", self)
        self.lead_time = QLineEdit(self)
        self.breaks = QPlainTextEdit(self)
        self.breaks.setMaximumHeight(80)
        self.preferred = QCheckBox(self)
        if terms is not None:
            self.sku.setText(terms.sku)
            self.sku.setReadOnly(True)
            self.supplier_sku.setText(terms.supplier_sku)
            self.item_name.setText(terms.item_name)
            self.price.setText(fmt(terms.price))
            self.price_per.setCurrentIndex(max(0, self.price_per.findData(terms.price_per)))
            self.pack_size.setText(fmt(terms.pack_size))
            self.moq.setText(fmt(terms.moq))
            self.multiple.setText(fmt(terms.order_multiple))
            self.lead_time.setText("" if terms.lead_time_days is None else str(terms.lead_time_days))
            self.breaks.setPlainText(breaks_text(terms.breaks))
            self.preferred.setChecked(terms.preferred)
        self.form = QFormLayout()
        self.labels = []
        for widget in (self.sku, self.supplier_sku, self.item_name, self.price, self.price_per, self.pack_size,
                       self.moq, self.multiple, self.lead_time, self.breaks, self.preferred):
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels.append(label)
            self.form.addRow(label, widget)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #9b1c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy_bar = BusyBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.buttons)
        self.resize(460, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(fill(translate("TermsDialog", "Terms of %1"), self.supplier))
        texts = (translate("TermsDialog", "Our &SKU:"), translate("TermsDialog", "Supplier S&KU:"),
                 translate("TermsDialog", "Supplier's &name:"), translate("TermsDialog", "Unit &price:"),
                 translate("TermsDialog", "Price p&er:"), translate("TermsDialog", "Pac&k size (units):"),
                 translate("TermsDialog", "&Minimum order (units):"), translate("TermsDialog", "Order m&ultiple:"),
                 translate("TermsDialog", "&Lead time (days):"), translate("TermsDialog", "Price &breaks:"),
                 translate("TermsDialog", "Pre&ferred:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.price_per.setItemText(0, translate("TermsDialog", "stock unit"))
        self.price_per.setItemText(1, translate("TermsDialog", "pack"))
        self.lead_time.setPlaceholderText(translate("TermsDialog", "the supplier's default"))
        self.breaks.setPlaceholderText(translate("TermsDialog", "One per line: quantity @ price, e.g. 100 @ 9.50"))
        self.preferred.setText(translate("TermsDialog", "Preferred supplier of this product"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def command(self) -> pc.SaveTerms:
        return pc.SaveTerms(
            supplier=self.supplier, sku=self.sku.text().split()[0] if self.sku.text().strip() else "",
            unit_price=self.price.text(), supplier_sku=self.supplier_sku.text(), item_name=self.item_name.text(),
            moq=self.moq.text(), order_multiple=self.multiple.text(), pack_size=self.pack_size.text(),
            price_per=self.price_per.currentData(), lead_time_days=self.lead_time.text().strip() or None,
            breaks=parse_breaks(self.breaks.toPlainText()), preferred=self.preferred.isChecked(),
        )

    def save(self) -> None:
        try:
            command = self.command()
        except BadInput as exc:
            self._refused(exc)
            return
        self.buttons.setEnabled(False)
        self.busy_bar.busy(True)
        uow = self.services.uow
        self.services.tasks.submit(lambda: purchasing_terms.save_terms(uow(), command), on_done=self._saved,
                                   on_error=self._refused)

    def _saved(self, _) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.accept()

    def _refused(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.buttons.setEnabled(True)
            self.error.setText(fill(translate("TermsDialog", "Not saved: %1"), refusal_text(exc)))
            self.error.show()
