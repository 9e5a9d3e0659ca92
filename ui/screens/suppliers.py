"""Suppliers: the list (search), a details editor and the per-product terms of the selected supplier, and a
Scorecard tab (``ui.screens.supplier_scorecard``: on time, lead time, fill rate, prices paid and returns per supplier).

Adding and saving go through ``domain.purchasing.terms.save_supplier`` (supplier and payment
profile in one transaction); terms through ``TermsDialog`` (``save_terms``). Every load and
save runs on the task runner.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog import commands as cc
from domain.catalog import master as catalog_master
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from ui.dialogs.supplier_currency import SupplierCurrencyDialog
from ui.dialogs.terms import TermsDialog
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowRole
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.refusals import field_problem_text
from ui.refusals import refusal_text
from ui.screens.supplier_scorecard import ScorecardPanel
from ui.search import needle
from ui.search import search_keys
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "SuppliersScreen"


# how payment days count (domain.accounts.terms), as the basis box offers them
BASIS_TITLES = {
    "net": QT_TRANSLATE_NOOP("SuppliersScreen", "Net: days after the receipt"),
    "month_end": QT_TRANSLATE_NOOP("SuppliersScreen", "Month-end (月结): days after the end of its month"),
    "cod": QT_TRANSLATE_NOOP("SuppliersScreen", "Cash on delivery: due on the day"),
}


class SupplierListModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Code"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Currency"), lambda r: r.currency),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Lead time"), lambda r: r.lead_time_days, str, True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Contact"), lambda r: r.contact),
    )

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.code, r.name, r.contact), lambda r: r.name)


def _price(value) -> str:
    return money_text(value) if value == round(value, 2) else fmt(value)


def _breaks(row) -> str:
    return "; ".join(f"≥{fmt(q)}: {fmt(p)}" for q, p in row.breaks)


class TermsModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Product"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Supplier SKU"), lambda r: r.supplier_sku),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Supplier's name"), lambda r: r.item_name),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Price"), lambda r: r.price, _price, True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Per"),
               lambda r: translate("SuppliersScreen", "pack") if r.price_per == "pack"
               else translate("SuppliersScreen", "unit")),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Pack"), lambda r: r.pack_size, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "MOQ"), lambda r: r.moq, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Multiple"), lambda r: r.order_multiple, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Lead time"), lambda r: r.lead_time_days,
               lambda v: "" if v is None else str(v), True),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Price breaks"), _breaks),
        Column(QT_TRANSLATE_NOOP("SuppliersScreen", "Preferred"),
               lambda r: translate("SuppliersScreen", "yes") if r.preferred else ""),
    )


LIST_WIDTH = 560  # of the supplier list at first, beside the details (the screen is about 1090 wide at 1280 px)


class SuppliersScreen(Screen):
    marks_stale = True  # says when the database changed after the shown data was read (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.products: list[tuple[str, str]] = []
        self.current_code: str | None = None
        self.stored_currency = ""  # the selected supplier's currency as stored
        self.currency_dialog: SupplierCurrencyDialog | None = None  # the last one ``ask_currency`` opened
        self.list_model = SupplierListModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(needle(text)))
        self.table = DataTable("suppliers-purchasing", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({0: 60, 1: 200, 2: 60, 3: 60, 4: 100})
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_supplier)

        # details editor
        self.details = QGroupBox(self)
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.currency = QLineEdit("CNY", self)
        self.lead_time = QLineEdit("7", self)
        self.address = QPlainTextEdit(self)
        self.address.setMaximumHeight(70)
        self.payment_terms = QLineEdit(self)
        self.payment_basis = QComboBox(self)
        for basis in BASIS_TITLES:
            self.payment_basis.addItem(basis, basis)
        self.payment_days = QLineEdit("0", self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        form = QFormLayout()
        self.detail_labels = []
        # the domain's name of each field (``save_supplier``), so that a refusal names the field as its label does
        self.fields = {"supplier code": self.code, "name": self.name, "contact": self.contact,
                       "currency": self.currency, "lead time": self.lead_time, "address": self.address,
                       "payment terms": self.payment_terms, "payment basis": self.payment_basis,
                       "payment days": self.payment_days, "email": self.email, "phone": self.phone}
        for widget in self.fields.values():
            label = QLabel(self)
            label.setBuddy(widget)
            self.detail_labels.append(label)
            form.addRow(label, widget)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        details_layout = QVBoxLayout(self.details)
        details_layout.addLayout(form)
        save_bar = QHBoxLayout()
        save_bar.addWidget(self.message, 1)
        save_bar.addWidget(self.save_button)
        details_layout.addLayout(save_bar)

        # terms
        self.terms_box = QGroupBox(self)
        self.terms_model = TermsModel(self)
        self.terms_proxy = RowFilterProxy(self)
        self.terms_proxy.setSourceModel(self.terms_model)
        self.terms_table = DataTable("supplier-terms", self)
        self.terms_table.setModel(self.terms_proxy)
        self.terms_table.set_widths({0: 80, 1: 140, 2: 90, 3: 110, 4: 60, 5: 45, 6: 45, 7: 45, 8: 60, 9: 60, 10: 90})
        self.terms_table.doubleClicked.connect(lambda _: self.edit_terms())
        self.add_terms_button = QPushButton(self)
        self.add_terms_button.clicked.connect(self.add_terms)
        self.edit_terms_button = QPushButton(self)
        self.edit_terms_button.clicked.connect(self.edit_terms)
        terms_bar = QHBoxLayout()
        terms_bar.addStretch(1)
        terms_bar.addWidget(self.add_terms_button)
        terms_bar.addWidget(self.edit_terms_button)
        terms_layout = QVBoxLayout(self.terms_box)
        terms_layout.addWidget(self.terms_table, 1)
        terms_layout.addLayout(terms_bar)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        # The list beside the details, the terms under both, as wide as the screen: beside the list their twelve
        # columns were cut off on the right at 1280 px. The scorecard lists every supplier itself, so its page is the
        # screen's whole width too.
        upper = QSplitter(self)
        upper.addWidget(left)
        upper.addWidget(self.details)
        upper.setStretchFactor(0, 1)
        upper.setSizes([LIST_WIDTH, 1090 - LIST_WIDTH])
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.addWidget(upper)
        page.addWidget(self.terms_box)
        page.setSizes([430, 300])
        self.scorecard = ScorecardPanel(self.services, self)
        self.scorecard.supplier_chosen.connect(self.select)
        self.pages = QTabWidget(self)
        self.pages.addTab(page, "")
        self.pages.addTab(self.scorecard, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.pages, 1)
        self.retranslate()
        self._enable()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        orders, catalog = self.services.purchasing, self.services.catalog
        self.load(lambda: (orders.suppliers(), [(p.sku, p.name) for p in catalog.products()]), self._loaded)

    def _loaded(self, result) -> None:
        rows, self.products = result
        self.list_model.set_rows(rows)
        if self.current_code:
            self.select(self.current_code)

    def select(self, code: str) -> bool:
        for i in range(self.proxy.rowCount()):
            if self.proxy.index(i, 0).data(RowRole).code == code:
                self.table.selectRow(i)
                self.table.setCurrentIndex(self.proxy.index(i, 0))
                return True
        return False

    def _selected(self, current, _previous=None) -> None:
        row = current.data(RowRole) if current.isValid() else None
        if row is None:
            return
        if row.code != self.current_code:
            self.message.clear()
        self.current_code = row.code
        self.code.setText(row.code)
        self.code.setReadOnly(True)
        self.name.setText(row.name)
        self.contact.setText(row.contact)
        self.currency.setText(row.currency)
        self.stored_currency = row.currency
        self.lead_time.setText(str(row.lead_time_days))
        self.address.setPlainText(row.address)
        self.payment_terms.setText(row.payment_terms)
        self.payment_basis.setCurrentIndex(max(0, self.payment_basis.findData(row.payment_basis)))
        self.payment_days.setText(str(row.payment_days))
        self.email.setText(row.email)
        self.phone.setText(row.phone)
        self._enable()
        self.load_terms()
        self.scorecard.set_supplier(row.code)

    def load_terms(self) -> None:
        code, orders = self.current_code, self.services.purchasing
        if not code:
            self.terms_model.set_rows([])
            return
        self.services.tasks.submit(lambda: (code, orders.supplier_terms(supplier=code)), on_done=self._terms_loaded)

    def _terms_loaded(self, result) -> None:
        code, rows = result
        if alive(self) and code == self.current_code:
            self.terms_model.set_rows(rows)
            self.retranslate()

    # -- editing -------------------------------------------------------------------------
    def new_supplier(self) -> None:
        self.current_code = None
        self.table.clearSelection()
        for widget in (self.code, self.name, self.contact, self.payment_terms, self.email, self.phone):
            widget.clear()
        self.address.clear()
        self.currency.setText("CNY")
        self.lead_time.setText("7")
        self.payment_basis.setCurrentIndex(0)
        self.payment_days.setText("0")
        self.code.setReadOnly(False)
        self.code.setFocus()
        self.terms_model.set_rows([])
        self.message.clear()
        self._enable()

    def command(self, prices: str | None = None, rate: str | None = None) -> pc.SaveSupplier:
        return pc.SaveSupplier(
            code=self.code.text(), name=self.name.text(), contact=self.contact.text(), currency=self.currency.text(),
            lead_time_days=self.lead_time.text(), address=self.address.toPlainText(),
            payment_terms=self.payment_terms.text(), email=self.email.text(), phone=self.phone.text(),
            new=self.current_code is None, payment_basis=self.payment_basis.currentData(),
            payment_days=self.payment_days.text() or "0", prices=prices, rate=rate,
        )

    def save(self) -> None:
        new = self.currency.text().strip().upper()
        if self.current_code is not None and new and new != self.stored_currency:
            self.ask_currency(new)
            return
        self.save_with(self.command())

    def ask_currency(self, new: str) -> None:
        """A new currency: refused at once while POs or payables are open, else the choice and its preview
        (``currency_dialog``, opened when the check has come back).

        The check reads on the task runner through a read-only unit of work, as the dialog's preview does: a WAL read
        that never waits for a writer such as a sync's pull, and never on the GUI thread. Its answer is dropped when
        the clerk has chosen another supplier or typed another currency meanwhile."""
        reader, code, old = self.services.reader, self.current_code, self.stored_currency
        self.currency_dialog = None
        self.save_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(translate("SuppliersScreen", "Checking what the new currency changes…"))

        def check() -> None:  # on the task runner
            catalog_master.preview_supplier_currency(reader(), cc.UpdateSupplier(code, "-", currency=new,
                                                                                 prices="keep"))

        self.services.tasks.submit(check, on_done=lambda _: self._currency_checked(code, old, new),
                                   on_error=lambda exc: self._currency_refused(code, new, exc))

    def _asked_still(self, code: str | None, new: str) -> bool:
        return alive(self) and code == self.current_code and self.currency.text().strip().upper() == new

    def _currency_checked(self, code: str, old: str, new: str) -> None:
        if not alive(self):
            return
        self.message.clear()
        self._enable()
        if not self._asked_still(code, new):
            return
        dialog = SupplierCurrencyDialog(self.services, code, old, new, self)
        dialog.accepted.connect(lambda: self.save_with(self.command(*dialog.choice())))
        dialog.open()
        self.currency_dialog = dialog

    def _currency_refused(self, code: str | None, new: str, exc: BaseException) -> None:
        if not self._asked_still(code, new):
            if alive(self):
                self.message.clear()
                self._enable()
            return
        self._refused(exc)

    def save_with(self, command: pc.SaveSupplier) -> None:
        uow = self.services.uow
        self.save_button.setEnabled(False)
        self.services.tasks.submit(lambda: purchasing_terms.save_supplier(uow(), command),
                                   on_done=self._saved, on_error=self._refused)

    def _saved(self, supplier) -> None:
        if not alive(self):
            return
        self.current_code = supplier.code
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(fill(translate("SuppliersScreen", "Saved %1"), supplier.code))
        self._enable()
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        if alive(self):
            self.message.setStyleSheet("color: #9b1c1c;")
            self.message.setText(fill(translate("SuppliersScreen", "Not saved: %1"), self.refusal(exc)))
            self._enable()
            widget = self.fields.get(exc.field) if isinstance(exc, BadInput) else None
            if widget is not None:  # the clerk corrects the field at once
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()

    def refusal(self, exc: BaseException) -> str:
        """A refusal in the reader's language; a field's problem after the field's label as the form shows it
        (the domain's English names the field its own way, and only English readers read it)."""
        widget = self.fields.get(exc.field) if isinstance(exc, BadInput) else None
        if widget is None:
            return refusal_text(exc)
        label = next(lb for lb in self.detail_labels if lb.buddy() is widget).text()
        label = re.sub(r"\(&\w\)|&", "", label).rstrip(":：").strip()  # 交货期（天）(&L)： → 交货期（天）
        return fill(translate("SuppliersScreen", "%1: %2"), label, field_problem_text(exc))

    def selected_terms(self):
        index = self.terms_table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def add_terms(self) -> None:
        self.open_terms(None)

    def edit_terms(self) -> None:
        terms = self.selected_terms()
        if terms is not None:
            self.open_terms(terms)

    def open_terms(self, terms) -> TermsDialog | None:
        if not self.current_code:
            return None
        dialog = TermsDialog(self.services, self.current_code, terms, self.products, self)
        # its own change: reload the screen (as after saving the supplier), not only the terms, so that the
        # watcher's count of changes is taken again and the screen does not call itself out of date
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(self.load_terms)
        dialog.open()
        return dialog

    def _enable(self) -> None:
        self.save_button.setEnabled(True)
        has = self.current_code is not None
        self.add_terms_button.setEnabled(has)
        self.edit_terms_button.setEnabled(has)

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("SuppliersScreen", "Search code, name or contact…"))
        self.new_button.setText(translate("SuppliersScreen", "Ne&w supplier"))
        self.details.setTitle(translate("SuppliersScreen", "Supplier details"))
        texts = (translate("SuppliersScreen", "&Code:"), translate("SuppliersScreen", "&Name:"),
                 translate("SuppliersScreen", "C&ontact:"), translate("SuppliersScreen", "C&urrency:"),
                 translate("SuppliersScreen", "&Lead time (days):"), translate("SuppliersScreen", "&Address:"),
                 translate("SuppliersScreen", "&Payment terms:"), translate("SuppliersScreen", "Due dates count:"),
                 translate("SuppliersScreen", "Payment &days:"), translate("SuppliersScreen", "E&mail:"),
                 translate("SuppliersScreen", "Phon&e:"))
        for label, text in zip(self.detail_labels, texts, strict=True):
            label.setText(text)
        for i, title in enumerate(BASIS_TITLES.values()):
            self.payment_basis.setItemText(i, translate("SuppliersScreen", title))
        self.save_button.setText(translate("SuppliersScreen", "&Save supplier"))
        title = fill(translate("SuppliersScreen", "Terms per product (%1)"), str(self.terms_model.rowCount()))
        self.terms_box.setTitle(title)
        self.add_terms_button.setText(translate("SuppliersScreen", "Add &terms…"))
        self.edit_terms_button.setText(translate("SuppliersScreen", "Ed&it terms…"))
        self.pages.setTabText(0, translate("SuppliersScreen", "Details and terms"))
        self.pages.setTabText(1, translate("SuppliersScreen", "Scorecard"))
        self.list_model.retranslate()
        self.terms_model.retranslate()
        self.scorecard.retranslate()
