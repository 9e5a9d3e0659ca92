"""The product editor's selling part: a list price per level (named as the office named the extra levels), the
product's own tax rate (blank: the company's) and its substitutes, in order. ``ui.screens.products.ProductEditor``
shows it and saves it after the product itself (``domain.sales.price_master.set_product_sales``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from domain.sales import price_master as pm
from domain.sales.prices import LEVELS
from domain.sales.prices import NAMED_LEVELS
from ui.i18n import fill
from ui.models.table import qty_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

LEVEL_LABELS = {
    "retail": QT_TRANSLATE_NOOP("ProductSelling", "Retail price"),
    "wholesale": QT_TRANSLATE_NOOP("ProductSelling", "Wholesale price"),
    "level3": QT_TRANSLATE_NOOP("ProductSelling", "Level 3 price"),
    "level4": QT_TRANSLATE_NOOP("ProductSelling", "Level 4 price"),
    "level5": QT_TRANSLATE_NOOP("ProductSelling", "Level 5 price"),
}
# the domain's field names (``BadInput.field``) of this part, in the order shown
FIELDS = [*(f"{level} price" for level in LEVELS), "tax rate", "substitute"]


def level_label(level: str, names: dict[str, str]) -> str:
    """What a price level is called: the office's name for an extra level, else its own words."""
    name = names.get(level)
    if name:
        return fill(translate("ProductSelling", "%1 price"), name)
    return translate("ProductSelling", LEVEL_LABELS[level])


def level_name(level: str, names: dict[str, str]) -> str:
    """A price level's name on its own (the customer editor's level list)."""
    if names.get(level):
        return names[level]
    return {"retail": translate("ProductSelling", "Retail"), "wholesale": translate("ProductSelling", "Wholesale"),
            "level3": translate("ProductSelling", "Level 3"), "level4": translate("ProductSelling", "Level 4"),
            "level5": translate("ProductSelling", "Level 5")}[level]


class SellingSection(QGroupBox):
    """The fields, their error labels and what they hold as a ``SetProductSales`` command."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for field in FIELDS:
            edit, error, label = QLineEdit(self), QLabel(self), QLabel(self)
            error.setStyleSheet("color: #9b1c1c;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            self.edits[field], self.errors[field], self.labels[field] = edit, error, label
        self.form = form
        self.retranslate()
        self._show_levels()

    def set_names(self, names: dict[str, str]) -> None:
        self.names = dict(names)
        self.retranslate()
        self._show_levels()

    def prefill(self, sales: pm.ProductSales) -> None:
        for level in LEVELS:
            self.edits[f"{level} price"].setText(qty_text(sales.prices.get(level)))
        self.edits["tax rate"].setText(qty_text(sales.tax_rate))
        self.edits["substitute"].setText(", ".join(sales.substitutes))
        self._show_levels()

    def _show_levels(self) -> None:
        """An extra level is offered while the office names it (Settings › Price levels); one retired still shows
        where this product has a price at it, so that nothing stored is hidden."""
        for level in NAMED_LEVELS:
            field = f"{level} price"
            error, on = self.errors[field], bool(self.names.get(level) or self.edits[field].text())
            said = not error.isHidden()
            self.form.setRowVisible(self.labels[field], on)  # which shows every widget of the row, the error too
            error.setVisible(on and said)

    def command(self, sku: str) -> pm.SetProductSales:
        subs = self.edits["substitute"].text().replace("，", ",").split(",")
        return pm.SetProductSales(sku, {level: self.edits[f"{level} price"].text() for level in LEVELS},
                                  self.edits["tax rate"].text(), tuple(s.strip() for s in subs if s.strip()))

    def hide_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def show_error(self, field: str, text: str) -> bool:
        """Show ``text`` under ``field``; False when the field is not one of this part's."""
        if field not in self.errors:
            return False
        self.errors[field].setText(text)
        self.errors[field].show()
        self.edits[field].setFocus()
        return True

    def retranslate(self) -> None:
        self.setTitle(translate("ProductSelling", "Selling"))
        for level in LEVELS:
            self.labels[f"{level} price"].setText(level_label(level, self.names) + ":")
        self.labels["tax rate"].setText(translate("ProductSelling", "Tax rate (%)") + ":")
        self.labels["substitute"].setText(translate("ProductSelling", "Substitutes") + ":")
        for level in LEVELS:
            self.edits[f"{level} price"].setPlaceholderText(translate("ProductSelling", "without tax; blank: none"))
        self.edits["tax rate"].setPlaceholderText(translate("ProductSelling", "blank: the company's rate"))
        self.edits["substitute"].setPlaceholderText(
            translate("ProductSelling", "SKUs in order, separated by commas"))
