"""Settings: the language (takes effect at once, kept in QSettings) and, in the database, the company block
and purchasing settings that purchase orders print and use (name, address, logo, currency, tax rate,
over-receipt tolerance). A new company currency while exchange rates or foreign-currency purchase orders
exist is saved only after the user confirms it, being told that the rates are read in the new currency.

These settings are the office's (``persistence/office.py``): a sync may bring values another desk saved while the
page is open. The page reads them again when the window hears of a change (``data_changed``) and follows them
without losing what the user typed (``ui.widgets.changed_elsewhere``); its pages that follow too (Planning) are
told as well."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.currencies import COMMON as CURRENCIES
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from ui import i18n
from ui.access import guard_screen
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.screens import ScreenEntry
from ui.screens import available
from ui.screens import load_class
from ui.widgets.busy import alive
from ui.widgets.changed_elsewhere import ChangedBanner
from ui.widgets.changed_elsewhere import Field
from ui.widgets.changed_elsewhere import FollowedForm
from ui.widgets.changed_elsewhere import updated_text
from ui.widgets.screen import Screen

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

# Which input shows the error of a domain field (BadInput.field).
_FIELDS = ("company name", "company address", "company logo", "currency", "tax rate", "over-receipt tolerance")

# Further pages of the settings, each a QWidget taking ``(services, parent=None)`` with optional
# ``refresh()`` and ``retranslate()``; made when its tab is first shown, listed only when its module
# exists. The shortcut is unused here (pages are reached by tab).
PAGES = available([
    ScreenEntry("warehouses", QT_TRANSLATE_NOOP("SettingsPages", "Warehouses"), "",
                "ui.screens.settings_warehouses:WarehousesPage"),
    ScreenEntry("sync", QT_TRANSLATE_NOOP("SettingsPages", "Shared database"), "",
                "ui.screens.settings_sync:SyncPage"),
    ScreenEntry("backups", QT_TRANSLATE_NOOP("SettingsPages", "Backups"), "",
                "ui.screens.settings_backups:BackupsPage"),
    ScreenEntry("users", QT_TRANSLATE_NOOP("SettingsPages", "Users"), "",
                "ui.screens.settings_users:UsersPage"),
    ScreenEntry("rates", QT_TRANSLATE_NOOP("SettingsPages", "Exchange rates"), "",
                "ui.screens.settings_rates:RatesPage"),
    ScreenEntry("levels", QT_TRANSLATE_NOOP("SettingsPages", "Price levels"), "",
                "ui.screens.settings_levels:PriceLevelsPage"),
    ScreenEntry("periods", QT_TRANSLATE_NOOP("SettingsPages", "Month close"), "",
                "ui.screens.settings_periods:PeriodsPage"),
    ScreenEntry("planning", QT_TRANSLATE_NOOP("SettingsPages", "Planning"), "",
                "ui.screens.settings_planning:PlanningPage"),
])


class SettingsScreen(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.language = QComboBox(self)
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.company = QLineEdit(self)
        self.address = QPlainTextEdit(self)
        self.address.setFixedHeight(72)
        self.address.setTabChangesFocus(True)
        self.logo = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._choose_logo)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.currency))
        self.currency.setMaximumWidth(120)
        self.tax_rate = QLineEdit(self)
        self.tolerance = QLineEdit(self)
        for edit in (self.tax_rate, self.tolerance):
            edit.setMaximumWidth(120)
        self.save = QPushButton(self)  # Alt+S from its text; Ctrl+S below (a button's own shortcut is its text's)
        self.save.clicked.connect(self.save_company)
        self.saved_label = QLabel(self)
        self.errors = {name: QLabel(self) for name in _FIELDS}
        for label in self.errors.values():
            label.setStyleSheet("color: #b00020;")
            label.hide()
        self.labels = {key: QLabel(self) for key in ("language", "company", "address", "logo", "currency", "tax",
                                                     "tolerance")}
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.company_heading = QLabel(self)
        self.company_heading.setStyleSheet("font-weight: 600; margin-top: 12px;")
        self.followed = FollowedForm(self._fields())
        self.changed_banner = ChangedBanner(self.followed, self)
        self._reads = 0  # a read after a change shows nothing once a newer read or a save has started
        self._saving = 0  # saves under way: a read that ends meanwhile may hold the values being replaced

        form = QFormLayout()
        form.addRow(self.labels["language"], self.language)
        self.labels["language"].setBuddy(self.language)
        company_form = QFormLayout()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.browse)
        rows = (
            ("company", self.company, "company name"),
            ("address", self.address, "company address"),
            ("logo", logo_row, "company logo"),
            ("currency", self.currency, "currency"),
            ("tax", self.tax_rate, "tax rate"),
            ("tolerance", self.tolerance, "over-receipt tolerance"),
        )
        for key, field, error in rows:
            company_form.addRow(self.labels[key], field)
            self.labels[key].setBuddy(self.logo if key == "logo" else field)  # the label's Alt letter goes there
            company_form.addRow("", self.errors[error])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.saved_label, 1)
        general = QWidget(self)
        # on the General tab only; set on the button, Ctrl+S was undone by setText, which gives it the text's Alt letter
        QShortcut(QKeySequence("Ctrl+S"), general, activated=self.save.animateClick)
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(self.company_heading)
        general_layout.addWidget(self.changed_banner)
        general_layout.addLayout(company_form)
        general_layout.addLayout(buttons)
        general_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, "")
        self.pages: dict[str, QWidget] = {}
        for _entry in PAGES:
            self.tabs.addTab(QWidget(self.tabs), "")  # a placeholder until the tab is first shown
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.refresh()

    def page(self, key: str) -> QWidget:
        """The settings page ``key`` (made now if it was not yet), shown."""
        index = 1 + [e.key for e in PAGES].index(key)
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)
        return self.pages[key]

    def _tab_shown(self, index: int) -> None:
        if index < 1 or PAGES[index - 1].key in self.pages:
            return
        entry = PAGES[index - 1]
        widget = load_class(entry)(self.services, self.tabs)
        self.pages[entry.key] = widget
        guard_screen(f"settings.{entry.key}", widget, self.services.role)  # buttons the role may not use
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, translate("SettingsPages", entry.title))
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def _fields(self) -> dict[str, Field]:
        """The company block's inputs, by the key of their label."""
        def label(key: str):
            return lambda: self.labels[key].text().rstrip(":：")

        return {
            "company": Field(self.company.text, self.company.setText, label("company")),
            "address": Field(self.address.toPlainText, self.address.setPlainText, label("address")),
            "logo": Field(self.logo.text, self.logo.setText, label("logo")),
            "currency": Field(self.currency.currentText, self.currency.setCurrentText, label("currency")),
            "tax": Field(self.tax_rate.text, self.tax_rate.setText, label("tax")),
            "tolerance": Field(self.tolerance.text, self.tolerance.setText, label("tolerance")),
        }

    @staticmethod
    def _values(policy) -> dict[str, str]:
        return {"company": policy.company_name, "address": policy.company_address, "logo": policy.company_logo,
                "currency": policy.currency, "tax": fmt(policy.tax_rate),
                "tolerance": fmt(policy.over_receipt_tolerance)}

    def refresh(self) -> None:
        services = self.services
        self._reads += 1
        self.load(lambda: purchasing_terms.current_policy(services.reader()), self._show_policy)

    def _show_policy(self, policy) -> None:
        self.followed.shown(self._values(policy))
        self.changed_banner.close_banner()

    def data_changed(self, generation: int) -> None:
        """The database changed (a sync's pull, another program): read the settings again and follow them, keeping
        what the user typed; a field changed both here and there is asked about (``ui.widgets.changed_elsewhere``)."""
        if generation <= self._loaded_generation:
            return
        for page in self.pages.values():
            if hasattr(page, "data_changed"):
                page.data_changed(generation)
        self._loaded_generation = self.services.data_generation()
        self._reads += 1
        ticket, uow = self._reads, self.services.reader

        def done(policy) -> None:
            if alive(self) and ticket == self._reads and not self._saving:  # a save's commit is heard of after it
                self._follow(self._values(policy))

        def failed(exc: BaseException) -> None:
            if alive(self) and ticket == self._reads:
                self.show_error(exc)

        self.services.tasks.submit(lambda: purchasing_terms.current_policy(uow()), done, failed)

    def _follow(self, values: dict[str, str]) -> None:
        merged = self.followed.merge(values)
        if merged.updated:
            self.saved_label.setText(updated_text(self.followed, merged.updated))
        if merged.conflicts:
            self.changed_banner.ask(merged.conflicts)

    def _language_chosen(self, index: int) -> None:
        i18n.set_language(self.language.itemData(index))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("SettingsScreen", "Company logo"), self.logo.text(),
            translate("SettingsScreen", "Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def save_company(self, confirmed: bool = False) -> None:
        """Kept in the database's settings, where purchase orders read them when they are issued."""
        for label in self.errors.values():
            label.hide()
        self.saved_label.clear()
        self._reads += 1  # a read begun before this save would show the values it replaces
        self._saving += 1
        command = pc.SetPurchasingPolicy(
            tax_rate=self.tax_rate.text(), over_receipt_tolerance=self.tolerance.text(),
            company_name=self.company.text(), company_address=self.address.toPlainText(),
            company_logo=self.logo.text(), currency=self.currency.currentText(), confirm_currency_change=confirmed)
        services = self.services

        def done(policy) -> None:
            self._saving -= 1
            if alive(self):
                self._show_policy(policy)
                self.saved_label.setText(translate("SettingsScreen", "Saved."))

        def failed(exc: BaseException) -> None:
            self._saving -= 1
            if not alive(self):
                return
            if isinstance(exc, purchasing_terms.CurrencyChangeNeedsConfirmation):
                if self._confirm_currency(self._currency_question(exc)):
                    self.save_company(confirmed=True)
                else:
                    self.currency.setCurrentText(exc.old)
                    self.saved_label.setText(fill(translate("SettingsScreen", "Nothing was saved; the company currency "
                                                                              "stays %1."), exc.old))
                return
            if isinstance(exc, BadInput) and exc.field in self.errors:
                label = self.errors[exc.field]
                label.setText(self._hint(exc.field))
                label.show()
            else:
                self.show_error(exc)

        self.services.tasks.submit(lambda: purchasing_terms.set_policy(services.uow(), command), done, failed)

    @staticmethod
    def _currency_question(exc) -> str:
        return refusal_text(exc)  # ui.refusals: the change and what it does to the rates, as a question

    def _confirm_currency(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("SettingsScreen", "Change the company currency"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _hint(field: str) -> str:
        """What each field accepts, in the clerk's language."""
        hints = {
            "company name": translate("SettingsScreen", "Enter the company name; it is printed on purchase orders."),
            "company address": translate("SettingsScreen", "At most 500 characters."),
            "company logo": translate("SettingsScreen", "At most 500 characters."),
            "currency": translate("SettingsScreen", "Enter a three-letter ISO 4217 code in use, such as CNY, USD or "
                                  "EUR."),
            "tax rate": translate("SettingsScreen", "Enter a percentage from 0 to 100, such as 13 or 2.5."),
            "over-receipt tolerance": translate("SettingsScreen", "Enter a percentage from 0 to 1000, such as 0 or 5."),
        }
        return hints[field]

    def retranslate(self) -> None:
        current = self.language.findData(i18n.current_language())
        if current >= 0 and current != self.language.currentIndex():
            self.language.blockSignals(True)  # follow a switch made elsewhere without switching again
            self.language.setCurrentIndex(current)
            self.language.blockSignals(False)
        self.heading.setText(translate("SettingsScreen", "Settings"))
        self.labels["language"].setText(translate("SettingsScreen", "&Language:"))
        self.company_heading.setText(translate("SettingsScreen", "Company and purchase orders"))
        self.labels["company"].setText(translate("SettingsScreen", "Company &name:"))
        self.labels["address"].setText(translate("SettingsScreen", "&Address:"))
        self.labels["logo"].setText(translate("SettingsScreen", "L&ogo:"))
        self.labels["currency"].setText(translate("SettingsScreen", "C&urrency:"))
        self.labels["tax"].setText(translate("SettingsScreen", "&Tax rate (%):"))
        self.labels["tolerance"].setText(translate("SettingsScreen", "Over-&receipt tolerance (%):"))
        self.company.setPlaceholderText(translate("SettingsScreen", "printed on documents"))
        self.logo.setPlaceholderText(translate("SettingsScreen", "PNG or JPEG printed on purchase orders (optional)"))
        self.browse.setText(translate("SettingsScreen", "&Choose…"))
        self.save.setText(translate("SettingsScreen", "&Save"))
        self.save.setToolTip(translate("SettingsScreen", "Save the company's settings (Ctrl+S)"))
        self.saved_label.clear()
        self.changed_banner.retranslate()
        self.tabs.setTabText(0, translate("SettingsScreen", "General"))
        for index, entry in enumerate(PAGES, start=1):
            self.tabs.setTabText(index, translate("SettingsPages", entry.title))
            page = self.pages.get(entry.key)
            if page is not None and hasattr(page, "retranslate"):
                page.retranslate()
