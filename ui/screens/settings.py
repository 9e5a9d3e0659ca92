"""Settings: the language (takes effect at once, kept in QSettings) and the company name (in the database)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from domain import validate
from domain.errors import BadInput
from ui import i18n
from ui.widgets.busy import alive
from ui.widgets.screen import Screen

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

COMPANY_KEY = "company_name"



class SettingsScreen(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.language = QComboBox(self)
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.company = QLineEdit(self)
        self.save = QPushButton(self)
        self.save.clicked.connect(self.save_company)
        self.saved_label = QLabel(self)
        self.language_label, self.company_label = QLabel(self), QLabel(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        row = QHBoxLayout()
        row.addWidget(self.company, 1)
        row.addWidget(self.save)
        form.addRow(self.company_label, row)
        form.addRow("", self.saved_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        queries = self.services.queries
        self.load(lambda: queries.setting(COMPANY_KEY) or "", self.company.setText)

    def _language_chosen(self, index: int) -> None:
        i18n.set_language(self.language.itemData(index))

    def save_company(self) -> None:
        """Kept in the database's settings under the key the purchase-order PDF reads."""
        try:
            name = validate.text("company name", self.company.text())
        except BadInput as exc:
            self.saved_label.setText(exc.problem)
            return
        database = self.services.database

        def done(_):
            if alive(self):
                self.saved_label.setText(translate("SettingsScreen", "Saved."))

        self.services.tasks.submit(lambda: database.set_setting(COMPANY_KEY, name), done, self.show_error)

    def retranslate(self) -> None:
        self.heading.setText(translate("SettingsScreen", "Settings"))
        self.language_label.setText(translate("SettingsScreen", "Language:"))
        self.company_label.setText(translate("SettingsScreen", "Company name:"))
        self.company.setPlaceholderText(translate("SettingsScreen", "printed on documents"))
        self.save.setText(translate("SettingsScreen", "Save"))
        self.saved_label.clear()
