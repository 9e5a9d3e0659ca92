"""Suppliers and customers: the lists, a customer's terms and own prices (``CustomerTermsDialog``, opened with
the button under the customers or by double-clicking one), and the customers slipping away (the "Customers at risk"
tab, ``ui.screens.customers_at_risk``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog import commands as cc
from domain.catalog import master
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.sales import price_master as pm
from domain.sales.prices import LEVELS
from domain.sales.prices import NAMED_LEVELS
from ui.i18n import fill
from ui.import_problems import problem_text as field_problem_text
from ui.models.partners import CustomerTableModel
from ui.models.partners import SupplierTableModel
from ui.models.proxy import RowFilterProxy
from ui.models.table import qty_text
from ui.refusals import refusal_text
from ui.screens.customers_at_risk import AtRiskPanel
from ui.screens.product_selling import level_name
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import CatalogQueries


# What a refused field of a new customer accepts (translated where shown).
_CUSTOMER_HINTS = {
    "customer code": QT_TRANSLATE_NOOP("PartnersScreen", "Code: enter a short code without spaces, such as C003 "
                                                         "(letters, digits and signs such as - _ . /, not starting "
                                                         "with =, + or @; at most 32)."),
    "name": QT_TRANSLATE_NOOP("PartnersScreen", "Name: enter the customer's name, at most 200 characters."),
    "contact": QT_TRANSLATE_NOOP("PartnersScreen", "Contact: at most 200 characters, on one line."),
}


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
            self.tables.append(table)
        self.terms_button = QPushButton(self)
        self.terms_button.clicked.connect(self.edit_current_terms)
        self.tables[1].doubleClicked.connect(lambda _index: self.edit_current_terms())
        self.tabs.addTab(self.tables[0], "")
        customers = QWidget(self)
        box = QVBoxLayout(customers)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tables[1], 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.terms_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        # a new customer (the first sale's, a walk-in's): before, only an import or the command line added one
        self.customer_code, self.customer_name = QLineEdit(self), QLineEdit(self)
        self.customer_contact = QLineEdit(self)
        self.customer_code.setMaximumWidth(120)
        self.add_customer_button = QPushButton(self)
        self.add_customer_button.clicked.connect(self.add_customer)
        self.customer_labels = [QLabel(self) for _ in range(3)]
        adding = QHBoxLayout()
        for label, edit, stretch in zip(self.customer_labels,
                                        (self.customer_code, self.customer_name, self.customer_contact),
                                        (0, 2, 1), strict=True):
            label.setBuddy(edit)
            edit.returnPressed.connect(self.add_customer)
            adding.addWidget(label)
            adding.addWidget(edit, stretch)
        adding.addWidget(self.add_customer_button)
        box.addLayout(adding)
        self.customer_message = QLabel(self)
        self.customer_message.setWordWrap(True)
        box.addWidget(self.customer_message)
        self.tabs.addTab(customers, "")
        self.at_risk = AtRiskPanel(services, self)
        self.at_risk.changed.connect(self.retranslate)
        self.tabs.addTab(self.at_risk, "")
        self.editor: CustomerTermsDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.refresh()

    def current_customer(self):
        table = self.tables[1]
        index = table.currentIndex()
        if not index.isValid():
            return None
        return self.customers.row(table.model().mapToSource(index).row())

    def edit_current_terms(self) -> CustomerTermsDialog | None:
        """Open the terms and own prices of the selected customer."""
        customer = self.current_customer()
        if customer is None:
            return None
        return self.edit_terms(customer.code)

    def edit_terms(self, code: str) -> CustomerTermsDialog:
        self.editor = CustomerTermsDialog(self.services, code, self)
        self.editor.open()
        return self.editor

    def add_customer(self) -> None:
        """Add the customer typed in the row under the list (in the background); a refusal is said there."""
        command = cc.AddCustomer(self.customer_code.text(), self.customer_name.text(), self.customer_contact.text())
        uow = self.services.uow
        self.add_customer_button.setEnabled(False)
        self.customer_message.clear()

        def added(customer) -> None:
            if not alive(self):
                return
            self.add_customer_button.setEnabled(True)
            self._say_customer(fill(QCoreApplication.translate("PartnersScreen", "Added customer %1 (%2)."),
                                    customer.code, customer.name))
            for edit in (self.customer_code, self.customer_name, self.customer_contact):
                edit.clear()
            self.customer_code.setFocus()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self.add_customer_button.setEnabled(True)
            hint = _CUSTOMER_HINTS.get(exc.field) if isinstance(exc, BadInput) else None
            self._say_customer(QCoreApplication.translate("PartnersScreen", hint) if hint else fill(
                QCoreApplication.translate("PartnersScreen", "Not added: %1"), refusal_text(exc)), error=True)

        self.services.tasks.submit(lambda: master.add_customer(uow(), command), added, failed)

    def _say_customer(self, text: str, error: bool = False) -> None:
        self.customer_message.setStyleSheet("color: #b00020;" if error else "color: #1a7f37;")
        self.customer_message.setText(text)

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
        at_risk = QCoreApplication.translate("PartnersScreen", "Customers at risk")
        if self.at_risk.loaded_once and not self.at_risk.busy_bar.isVisible():
            at_risk = fill(QCoreApplication.translate("PartnersScreen", "Customers at risk (%1)"),
                           str(self.at_risk.model.rowCount()))
        self.tabs.setTabText(2, at_risk)
        self.at_risk.retranslate()
        self.suppliers.retranslate()
        self.customers.retranslate()
        self.terms_button.setText(QCoreApplication.translate("PartnersScreen", "Terms and prices…"))
        for label, text in zip(self.customer_labels, (QT_TRANSLATE_NOOP("PartnersScreen", "New customer: code"),
                                                      QT_TRANSLATE_NOOP("PartnersScreen", "Name"),
                                                      QT_TRANSLATE_NOOP("PartnersScreen", "Contact")), strict=True):
            label.setText(QCoreApplication.translate("PartnersScreen", text))
        self.customer_code.setPlaceholderText(QCoreApplication.translate("PartnersScreen", "e.g. C003"))
        self.customer_contact.setPlaceholderText(QCoreApplication.translate("PartnersScreen", "optional"))
        self.add_customer_button.setText(QCoreApplication.translate("PartnersScreen", "Add customer"))
        self.terms_button.setToolTip(QCoreApplication.translate(
            "PartnersScreen", "The selected customer's price level, discount, payment terms and own prices "
                              "(or double-click the customer)"))


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

# the domain's field names (``BadInput.field``) of the terms, in the order shown
_TERMS = ("price level", "discount", "payment terms", "payment basis", "payment days", "credit limit", "phone",
          "email", "address")
_COMBOS = ("price level", "payment basis")
_TERM_LABELS = {
    "price level": QT_TRANSLATE_NOOP("CustomerTerms", "Price level"),
    "discount": QT_TRANSLATE_NOOP("CustomerTerms", "Discount (%)"),
    "payment terms": QT_TRANSLATE_NOOP("CustomerTerms", "Payment terms"),
    "payment basis": QT_TRANSLATE_NOOP("CustomerTerms", "Due dates count"),
    "payment days": QT_TRANSLATE_NOOP("CustomerTerms", "Payment days"),
    "credit limit": QT_TRANSLATE_NOOP("CustomerTerms", "Credit limit"),
    "phone": QT_TRANSLATE_NOOP("CustomerTerms", "Phone"),
    "email": QT_TRANSLATE_NOOP("CustomerTerms", "E-mail"),
    "address": QT_TRANSLATE_NOOP("CustomerTerms", "Address"),
}


# how payment days count (domain.accounts.terms), as the basis box offers them
BASIS_TITLES = {
    "net": QT_TRANSLATE_NOOP("CustomerTerms", "Net: days after the document"),
    "month_end": QT_TRANSLATE_NOOP("CustomerTerms", "Month-end (月结): days after the end of its month"),
    "cod": QT_TRANSLATE_NOOP("CustomerTerms", "Cash on delivery: due on the day"),
}


def _load_terms(uows, code: str):
    terms_uow, prices_uow, names_uow = uows
    return pm.customer_terms(terms_uow, code), pm.customer_prices(prices_uow, code), pm.level_names(names_uow)


class CustomerTermsDialog(QDialog):
    """A customer's terms and the prices agreed with it, saved together in one transaction
    (``domain.sales.price_master.set_customer_sheet``); each refusal of a field is shown under it."""

    saved = Signal(object)
    ready = Signal()

    def __init__(self, services, code: str, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.code = code
        self.loaded = False
        self.names: dict[str, str] = {}
        self.edits: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for field in _TERMS:
            edit = QComboBox(self) if field in _COMBOS else QLineEdit(self)
            error, label = QLabel(self), QLabel(self)
            error.setStyleSheet("color: #9b1c1c;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            self.edits[field], self.errors[field], self.labels[field] = edit, error, label
        self.level = self.edits["price level"]
        for level in LEVELS:
            self.level.addItem(level, level)
        self.basis = self.edits["payment basis"]
        for basis in BASIS_TITLES:
            self.basis.addItem(basis, basis)
        self.prices_label = QLabel(self)
        self.prices = QTableWidget(0, 2, self)
        self.prices.verticalHeader().hide()
        self.prices.horizontalHeader().setStretchLastSection(True)
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_price_row())
        self.remove_button.clicked.connect(self.remove_price_row)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #9b1c1c;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.busy = BusyBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.prices_label)
        layout.addWidget(self.prices, 1)
        layout.addLayout(row)
        layout.addWidget(self.general_error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.busy.busy(True)
        uows = (services.reader(), services.reader(), services.reader())
        services.tasks.submit(lambda: _load_terms(uows, code), self._prefill, self._failed)

    def _prefill(self, result) -> None:
        if not alive(self):
            return
        (customer, terms), prices, names = result
        self.names, self.customer_name = names, customer.name
        for level in NAMED_LEVELS:  # offered while the office names it; the customer's own level stays offered
            if not names.get(level) and level != terms.price_level and self.level.findData(level) >= 0:
                self.level.removeItem(self.level.findData(level))
        self.level.setCurrentIndex(max(0, self.level.findData(terms.price_level)))
        self.basis.setCurrentIndex(max(0, self.basis.findData(terms.payment_basis)))
        values = {"discount": qty_text(terms.discount), "payment terms": terms.payment_terms,
                  "payment days": str(terms.payment_days),
                  "credit limit": qty_text(terms.credit_limit) if terms.credit_limit is not None else "",
                  "phone": terms.phone, "email": terms.email, "address": terms.address}
        for field, value in values.items():
            self.edits[field].setText(value)
        for product, price in prices:
            self.add_price_row(product.sku, qty_text(price))
        self.busy.busy(False)
        self.buttons.setEnabled(True)
        self.loaded = True
        self.retranslate()
        self.ready.emit()

    def add_price_row(self, sku: str = "", price: str = "") -> None:
        row = self.prices.rowCount()
        self.prices.insertRow(row)
        self.prices.setItem(row, 0, QTableWidgetItem(sku))
        self.prices.setItem(row, 1, QTableWidgetItem(price))
        if not sku:
            self.prices.setCurrentCell(row, 0)
            self.prices.editItem(self.prices.item(row, 0))

    def remove_price_row(self) -> None:
        row = self.prices.currentRow()
        if row >= 0:
            self.prices.removeRow(row)

    def command(self) -> pm.SetCustomerSheet:
        text = {field: self.edits[field].text() for field in _TERMS if field not in _COMBOS}
        terms = pm.SetCustomerTerms(
            self.code, price_level=self.level.currentData(), discount=text["discount"] or "0",
            payment_terms=text["payment terms"], payment_days=text["payment days"] or "0",
            credit_limit=text["credit limit"] or "none", phone=text["phone"], email=text["email"],
            address=text["address"], payment_basis=self.basis.currentData())
        rows = []
        for row in range(self.prices.rowCount()):
            sku, price = (self.prices.item(row, col).text().strip() if self.prices.item(row, col) else ""
                          for col in (0, 1))
            if sku or price:
                rows.append((sku, price))
        return pm.SetCustomerSheet(terms, tuple(rows))

    def submit(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        command, uow = self.command(), self.services.uow()
        self.buttons.setEnabled(False)
        self.busy.busy(True)
        self.services.tasks.submit(lambda: pm.set_customer_sheet(uow, command), self._done, self._failed)

    def _done(self, terms) -> None:
        if alive(self):
            self.busy.busy(False)
            self.buttons.setEnabled(True)
            self.saved.emit(terms)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.busy.busy(False)
        self.buttons.setEnabled(self.loaded)
        if isinstance(exc, BadInput) and exc.field in self.errors:
            self.errors[exc.field].setText(field_problem_text(exc) or exc.problem)
            self.errors[exc.field].show()
            self.edits[exc.field].setFocus()
        elif isinstance(exc, BadInput):
            said = field_problem_text(exc) or exc.problem
            self.general_error.setText(f"{exc.field}: {said}" if exc.field != "SKU" else
                                       fill(translate("CustomerTerms", "Own prices: %1"), said))
            self.general_error.show()
        elif isinstance(exc, DomainError):
            self.general_error.setText(refusal_text(exc))
            self.general_error.show()
        else:
            self.general_error.setText(fill(translate("CustomerTerms", "Could not save: %1"), exc))
            self.general_error.show()

    def retranslate(self) -> None:
        name = getattr(self, "customer_name", "")
        self.setWindowTitle(fill(translate("CustomerTerms", "Terms and prices of %1"),
                                 f"{self.code} {name}".strip()))
        for field, label in self.labels.items():
            label.setText(translate("CustomerTerms", _TERM_LABELS[field]) + ":")
        for i in range(self.level.count()):
            self.level.setItemText(i, level_name(self.level.itemData(i), self.names))
        for i, title in enumerate(BASIS_TITLES.values()):
            self.basis.setItemText(i, translate("CustomerTerms", title))
        self.edits["credit limit"].setPlaceholderText(translate("CustomerTerms", "blank: no limit"))
        self.edits["payment terms"].setPlaceholderText(translate("CustomerTerms", "such as 30 days net"))
        self.prices_label.setText(translate("CustomerTerms", "Own prices (without tax; they win over the price "
                                                             "level and the discount):"))
        self.prices.setHorizontalHeaderLabels([translate("CustomerTerms", "SKU"),
                                               translate("CustomerTerms", "Price")])
        self.add_button.setText(translate("CustomerTerms", "Add price"))
        self.remove_button.setText(translate("CustomerTerms", "Remove price"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
