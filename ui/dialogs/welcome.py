"""The welcome dialog of the first run: create a new company database, open an existing file, or
explore the demo.

Creating runs ``domain.catalog.company.set_up_company`` on a new file in one transaction (company name,
address, currency, first warehouse); if it is refused the new file is removed again, so nothing
half-made is left behind. The demo is built in the background (``domain.demo.build_demo``, about
40 seconds) into a file of its own beside the default database; it is built under a temporary
name and renamed when complete, so a demo interrupted half-way is never opened. The language
chosen at the top applies at once, to this dialog and to the window that follows.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import date
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCommandLinkButton
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from bootstrap import os_user
from domain.catalog.company import SetUpCompany
from domain.catalog.company import set_up_company
from domain.kernel import clock
from domain.kernel.currencies import COMMON as CURRENCIES
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.purchasing.model import PurchasingPolicy
from ui import first_run
from ui import i18n
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.tasks import TaskRunner
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

CHOICES, CREATE, DEMO = range(3)
# Which input shows the error of a domain field (BadInput.field).
_FIELDS = {"company name": "company", "company address": "address", "currency": "currency", "tax rate": "tax_rate",
           "warehouse code": "warehouse_code", "name": "warehouse_name", "file": "file"}


_TITLES = {
    "company": QT_TRANSLATE_NOOP("Welcome", "Company &name:"),
    "address": QT_TRANSLATE_NOOP("Welcome", "&Address:"),
    "currency": QT_TRANSLATE_NOOP("Welcome", "C&urrency:"),
    "tax_rate": QT_TRANSLATE_NOOP("Welcome", "&Tax rate (%):"),
    "warehouse_code": QT_TRANSLATE_NOOP("Welcome", "First &warehouse code:"),
    "warehouse_name": QT_TRANSLATE_NOOP("Welcome", "Warehouse nam&e:"),
    "file": QT_TRANSLATE_NOOP("Welcome", "Database &file:"),
}


def demo_steps(today: date | None = None) -> int:
    """Progress lines the demo sends: one for the master data, one per month of its two years, one for the
    receivables and payables, and one for the ABC/XYZ classes kept afterwards."""
    from domain.demo import DAYS

    end = today or clock.today()
    start = end - timedelta(days=DAYS - 1)
    return 1 + (end.year - start.year) * 12 + end.month - start.month + 1 + 1 + 1


def _remove_database(path: Path) -> None:
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        file.unlink(missing_ok=True)



class DemoCancelled(Exception):
    """The user cancelled building the demo; its half-built file is removed."""

class WelcomeDialog(QDialog):
    """``path`` is the database to open once the dialog is accepted."""

    def __init__(self, open_db: Callable[[Path], object], parent=None, *, demo_scale: float = 1.0,
                 explain: Callable[[BaseException], BaseException | None] | None = None,
                 new_file: Path | None = None) -> None:
        """``new_file``: a file named to open (``--db``) where there is none yet: the dialog opens on creating
        the company in it."""
        super().__init__(parent)
        self.open_db = open_db  # persistence.db.open_database, handed in so ui/ does not import persistence
        self.demo_scale = demo_scale
        self.tasks = TaskRunner(self, explain=explain)  # a full disk while creating: said as what to do
        self.path: Path | None = None
        self.joining = False  # the file was made to join the office's shared database: it has no company yet
        self.building = False
        self._demo_cancel = threading.Event()

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.language = QComboBox(self)
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(lambda i: i18n.set_language(self.language.itemData(i)))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._choices_page())
        self.stack.addWidget(self._create_page())
        self.stack.addWidget(self._demo_page())
        self.quit_button = QPushButton(self)
        self.quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.resize(640, 460)
        # Tab in the order the choices are shown (they were made in another); the language after them, chosen once
        chain = (self.create_choice, self.join_choice, self.open_choice, self.demo_choice, self.language,
                 self.quit_button)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.retranslate()
        if new_file is not None:
            self.file.setText(str(new_file))
            self._show_page(CREATE)
        else:
            self.create_choice.setFocus()  # Enter creates the company, the first-day choice (it was the language)

    # -- pages ---------------------------------------------------------------------------
    def _choices_page(self) -> QWidget:
        page = QWidget(self)
        self.create_choice = QCommandLinkButton(page)
        self.create_choice.clicked.connect(lambda: self._show_page(CREATE))
        self.open_choice = QCommandLinkButton(page)
        self.open_choice.clicked.connect(self.open_existing)
        self.demo_choice = QCommandLinkButton(page)
        self.demo_choice.clicked.connect(self.explore_demo)
        self.join_choice = QCommandLinkButton(page)
        self.join_choice.clicked.connect(self.join_office)
        self.choice_error = QLabel(page)
        self.choice_error.setStyleSheet("color: #b00020;")
        self.choice_error.setWordWrap(True)
        self.choice_error.hide()
        layout = QVBoxLayout(page)
        for button in (self.create_choice, self.join_choice, self.open_choice, self.demo_choice):
            layout.addWidget(button)
        layout.addWidget(self.choice_error)
        layout.addStretch(1)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget(self)
        self.company = QLineEdit(page)
        self.address = QPlainTextEdit(page)
        self.address.setFixedHeight(64)
        self.address.setTabChangesFocus(True)
        self.currency = QComboBox(page)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.currency))
        self.currency.setMaximumWidth(110)
        # asked here: it is added to every purchase order, and a small-scale taxpayer's is not the default 13
        self.tax_rate = QLineEdit(fmt(PurchasingPolicy().tax_rate), page)
        self.tax_rate.setMaximumWidth(110)
        self.warehouse_code = QLineEdit(page)
        self.warehouse_code.setMaximumWidth(140)
        self.warehouse_name = QLineEdit(page)
        self.file = QLineEdit(str(first_run.default_db_path()), page)
        self.browse = QPushButton(page)
        self.browse.clicked.connect(self._choose_new_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.labels = {key: QLabel(page) for key in _FIELDS.values()}
        self.errors = {key: QLabel(page) for key in _FIELDS.values()}
        for label in self.errors.values():
            label.setStyleSheet("color: #b00020;")
            label.setWordWrap(True)
            label.hide()
        form = QFormLayout()
        fields = {"company": self.company, "address": self.address, "currency": self.currency,
                  "tax_rate": self.tax_rate, "warehouse_code": self.warehouse_code,
                  "warehouse_name": self.warehouse_name, "file": file_row}
        for key, field in fields.items():
            form.addRow(self.labels[key], field)
            self.labels[key].setBuddy(self.file if key == "file" else field)  # its Alt letter goes to the field
            form.addRow("", self.errors[key])
        self.back_button = QPushButton(page)
        self.back_button.clicked.connect(lambda: self._show_page(CHOICES))
        self.create_button = QPushButton(page)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_company)
        self.create_status = QLabel(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_status, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _demo_page(self) -> QWidget:
        page = QWidget(self)
        self.demo_label = QLabel(page)
        self.demo_label.setWordWrap(True)
        self.demo_progress = QProgressBar(page)
        self.demo_progress.setRange(0, demo_steps())
        self.demo_status = QLabel(page)
        self.demo_status.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.demo_progress)
        layout.addWidget(self.demo_status)
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.choice_error.hide()
        if index == CREATE:
            self.company.setFocus()
        elif index == CHOICES:
            self.create_choice.setFocus()

    # -- create --------------------------------------------------------------------------
    def _choose_new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Welcome", "New database file"), self.file.text(),
            translate("Welcome", "Stockroom databases (*.sqlite3)"))
        if path:
            self.file.setText(path)

    def create_company(self) -> None:
        for label in self.errors.values():
            label.hide()
        text = self.file.text().strip()
        path = Path(text).expanduser() if text else None
        if path is None or path.exists():
            self._field_error("file", translate("Welcome", "A file is already there; open it from the first page, "
                                                           "or choose the name of a new file.") if path else
                              translate("Welcome", "Enter the file the new database is kept in."))
            return
        command = SetUpCompany(self.company.text(), self.address.toPlainText(), self.currency.currentText(),
                               self.warehouse_code.text(), self.warehouse_name.text(), self.tax_rate.text())
        open_db, user = self.open_db, os_user()

        def work() -> Path:
            db = open_db(path)
            try:
                set_up_company(db.uow(user, None), command)
            except BaseException:
                db.close()
                _remove_database(path)
                raise
            db.close()
            return path

        self._working(True, translate("Welcome", "Creating the database…"))
        self.tasks.submit(work, self._created, self._create_failed)

    def _created(self, path: Path) -> None:
        if alive(self):
            self._working(False, "")
            self.path = path
            self.accept()

    def _create_failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self._working(False, "")
        if isinstance(exc, BadInput) and exc.field in _FIELDS:
            self._field_error(_FIELDS[exc.field], self._hint(exc.field))
        else:
            self._field_error("file", fill(translate("Welcome", "Could not create the database: %1"), str(exc)))

    def _hint(self, field: str) -> str:
        """What each field accepts, in the reader's language."""
        hints = {
            "company name": translate("Welcome", "Enter the company name; it is printed on purchase orders."),
            "company address": translate("Welcome", "At most 500 characters."),
            "currency": translate("Welcome", "Enter a three-letter ISO 4217 currency code, such as CNY, USD or EUR."),
            "tax rate": translate("Welcome", "Enter the percentage added to purchase orders, from 0 to 100, such as "
                                             "13, or 3 for a small-scale taxpayer."),
            "warehouse code": translate("Welcome", "Enter a short code without spaces, such as SH or MAIN."),
            "name": translate("Welcome", "Enter the warehouse's name."),
        }
        return hints.get(field, "")

    def _field_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()

    def _working(self, busy: bool, status: str) -> None:
        self.create_status.setText(status)
        for widget in (self.create_button, self.back_button, self.quit_button):
            widget.setEnabled(not busy)

    # -- join ----------------------------------------------------------------------------
    def join_office(self) -> None:
        """A second computer of the office: an empty database (no company, no warehouse of its own, which would
        only meet the office's as conflicts on the first sync); the window opens on Settings › Shared database,
        where the first sync brings the company, its records and its stock."""
        path = first_run.default_db_path()
        if path.exists():
            self.choice_error.setText(fill(translate("Welcome", "A database is already there (%1): open it with "
                                                                "\"Open an existing file…\" and join from Settings › "
                                                                "Shared database."), str(path)))
            self.choice_error.show()
            return
        open_db = self.open_db

        def work() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            open_db(path).close()
            return path

        def made(made_path: Path) -> None:
            if alive(self):
                self.path, self.joining = made_path, True
                self.accept()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.choice_error.setText(fill(translate("Welcome", "Could not create the database: %1"), str(exc)))
                self.choice_error.show()

        self.tasks.submit(work, made, failed)

    # -- open, demo ----------------------------------------------------------------------
    def open_existing(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Welcome", "Open a database"), str(first_run.default_db_path().parent),
            translate("Welcome", "Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if path:
            self.path = Path(path)
            self.accept()

    def explore_demo(self) -> None:
        target = first_run.demo_db_path()
        if target.is_file():  # built on an earlier run
            self.path = target
            self.accept()
            return
        building = target.with_name(target.name + ".building")
        _remove_database(building)  # what an interrupted build left
        open_db, user, scale = self.open_db, os_user(), self.demo_scale
        cancel = self._demo_cancel = threading.Event()

        def work(progress) -> Path:
            from domain.demo import build_demo

            def step(line: str) -> None:  # between months: the place a Cancel takes effect
                if cancel.is_set():
                    raise DemoCancelled()
                progress(line)

            db = open_db(building)
            try:
                build_demo(lambda: db.uow(user, None), progress=step, scale=scale)
                step("classes")
                from persistence.planning.queries import classify_and_keep

                classify_and_keep(db.engine, today=clock.today(), utc_offset_seconds=time.localtime().tm_gmtoff)
            except DemoCancelled:
                db.close()
                _remove_database(building)
                raise
            finally:
                db.close()
            os.replace(building, target)
            return target

        self.building = True
        self.demo_progress.setValue(0)
        self._show_page(DEMO)
        self.quit_button.setText(translate("Welcome", "Cancel"))
        self.demo_status.setText(translate("Welcome", "Starting…"))
        self.tasks.submit(work, self._demo_built, self._demo_failed, self._demo_step)

    def _demo_step(self, _line: str) -> None:
        if alive(self):
            bar = self.demo_progress
            bar.setValue(min(bar.maximum(), bar.value() + 1))
            self.demo_status.setText(fill(translate("Welcome", "Building the demo database: step %1 of %2"),
                                          str(bar.value()), str(bar.maximum())))

    def _demo_built(self, path: Path) -> None:
        if alive(self):
            self.building = False
            self.demo_progress.setValue(self.demo_progress.maximum())
            self.path = path
            self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        if alive(self):
            self.building = False
            self.quit_button.setEnabled(True)
            self.quit_button.setText(translate("Welcome", "&Quit"))
            self._show_page(CHOICES)
            if isinstance(exc, DemoCancelled):
                self.choice_error.setText(translate("Welcome", "The demo was not built: you cancelled it."))
            else:
                why = refusal_text(exc)  # a refusal from its code, in the reader's language
                self.choice_error.setText(fill(translate("Welcome", "The demo could not be built: %1"), why))
            self.choice_error.show()

    def reject(self) -> None:
        """Quit; while the demo is being built, Cancel (or Esc) stops it after the month in progress."""
        if not self.building:
            super().reject()
        elif not self._demo_cancel.is_set():
            self._demo_cancel.set()
            self.quit_button.setEnabled(False)
            self.demo_status.setText(translate("Welcome", "Stopping after the month in progress…"))

    def show_error(self, text: str) -> None:
        """Say on the first page why the file chosen could not be opened."""
        self._show_page(CHOICES)
        self.choice_error.setText(text)
        self.choice_error.show()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        current = self.language.findData(i18n.current_language())
        if current >= 0 and current != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(current)
            self.language.blockSignals(False)
        self.setWindowTitle(translate("Welcome", "Welcome to Stockroom"))
        self.title.setText(translate("Welcome", "Welcome to Stockroom"))
        self.subtitle.setText(translate("Welcome", "Purchasing, sales and inventory for small businesses. "
                                                   "How would you like to start?"))
        self.language_label.setText(translate("Welcome", "&Language:"))
        self.create_choice.setText(translate("Welcome", "&Create a new company database"))
        self.create_choice.setDescription(translate(
            "Welcome", "Your company's name, address and currency, and your first warehouse."))
        self.join_choice.setText(translate("Welcome", "&Join your office's shared database"))
        self.join_choice.setDescription(translate(
            "Welcome", "For another computer of an office that already works with Stockroom: the company, its "
                       "products and its stock come from the shared database. You enter its address next."))
        self.open_choice.setText(translate("Welcome", "&Open an existing file…"))
        self.open_choice.setDescription(translate(
            "Welcome", "A Stockroom database from a colleague or a backup; it opens next time too."))
        self.demo_choice.setText(translate("Welcome", "Explore the &demo database"))
        self.demo_choice.setDescription(translate(
            "Welcome", "A trading business with two years of history and what its customers and suppliers owe, "
                       "kept in a file of its own. The first time it takes about a minute to build."))
        for key, title in _TITLES.items():
            self.labels[key].setText(translate("Welcome", title))
        self.company.setPlaceholderText(translate("Welcome", "printed on purchase orders"))
        self.warehouse_code.setPlaceholderText(translate("Welcome", "e.g. SH"))
        self.warehouse_name.setPlaceholderText(translate("Welcome", "e.g. Shanghai main warehouse"))
        self.browse.setText(translate("Welcome", "C&hoose…"))
        self.back_button.setText(translate("Welcome", "&Back"))
        self.create_button.setText(translate("Welcome", "&Create"))
        self.demo_label.setText(translate("Welcome", "Building the demo database in the background. "
                                                     "It opens as soon as it is ready."))
        self.quit_button.setText(translate("Welcome", "&Quit"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
