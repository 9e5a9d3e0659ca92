"""Settings › Backups: the backups of the open database, backing up and restoring, the integrity check,
and how many backups to keep.

All file and database work runs on the task runner (``services.backups`` reads, ``services.admin`` writes:
``persistence.boundary`` over ``persistence.backup``). A restore first backs up the current file; afterwards the
main window reopens the database, so every screen shows the restored data.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.access import roles as access
from domain.access.backups import restore_backup
from domain.sales.recost import repair_costs
from ui.check_text import CONTEXT as PROBLEMS
from ui.check_text import NOTHING_TO_REPAIR
from ui.check_text import UNLINKED_DELIVERY
from ui.check_text import describe
from ui.check_text import repair_report
from ui.check_text import signed
from ui.i18n import fill
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.sizes import size_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

WHEN, KIND, SIZE = range(3)
NOTES_SHOWN = 10  # the integrity check's notes listed here; the command line lists them all


def _problem_text(text: str) -> str:
    """A sentence of ``ui.check_text`` in the reader's language."""
    return translate(PROBLEMS, text)

PATH_ROLE = Qt.ItemDataRole.UserRole


def reason_text(reason: str) -> str:
    """A backup's reason (from its file name) in the reader's language."""
    if reason == "daily":
        return translate("BackupsPage", "Daily (automatic)")
    if reason == "manual":
        return translate("BackupsPage", "Made by hand")
    if reason == "before-restore":
        return translate("BackupsPage", "Before a restore")
    if reason == "before-repair":
        return translate("BackupsPage", "Before a repair")
    if reason.startswith("before-"):
        return fill(translate("BackupsPage", "Before schema upgrade %1"), reason.removeprefix("before-"))
    return reason


class BackupsPage(QWidget):
    restored = Signal(object)  # persistence.backup.RestoreResult, before the window reopens the database

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self._running = 0
        self._backups: list = []  # as last listed
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.selectionModel().currentRowChanged.connect(self._current_moved)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.back_up_button = QPushButton(self)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check_integrity)
        self.repair_button = QPushButton(self)
        self.repair_button.clicked.connect(self.repair_costs)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 1000)
        self.keep.setValue(10)
        self.keep_label = QLabel(self)
        self.keep_label.setBuddy(self.keep)
        self.keep_after = QLabel(self)
        self.save_keep_button = QPushButton(self)
        self.save_keep_button.clicked.connect(self.save_keep)
        self.busy_bar = BusyBar(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.repair_button)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(self.keep_after)
        keep_row.addWidget(self.save_keep_button)
        keep_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(keep_row)
        layout.addWidget(self.result)
        self.retranslate()
        self.refresh()

    # -- background work ---------------------------------------------------------------------
    def _run(self, fn, on_done, failure: str) -> None:
        """Run ``fn`` on the task runner with the buttons disabled; ``failure`` says what could not be done."""
        self._running += 1
        self.busy_bar.busy(True)
        self._update_buttons()

        def finish() -> bool:
            if not alive(self):
                return False
            self._running -= 1
            self.busy_bar.busy(self._running > 0)
            self._update_buttons()
            return True

        def done(value) -> None:
            if finish():
                on_done(value)

        def failed(exc: BaseException) -> None:
            if finish():
                self._say(fill(failure, refusal_text(exc)), error=True)

        self.services.tasks.submit(fn, done, failed)

    def refresh(self) -> None:
        backups = self.services.backups
        self._run(lambda: (backups.backups(), backups.backup_keep()), self._show,
                  translate("BackupsPage", "Could not list the backups: %1"))

    def _show(self, loaded) -> None:
        backups, keep = loaded
        self.keep.setValue(keep)
        self._fill(backups)

    def _fill(self, backups) -> None:
        chosen = self.selected_backup()
        self._backups = backups
        locale = QLocale()
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            when = QTableWidgetItem(locale.toString(QDateTime(info.taken_at), QLocale.FormatType.ShortFormat))
            when.setData(PATH_ROLE, str(info.path))
            when.setToolTip(str(info.path))
            size = QTableWidgetItem(size_text(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, WHEN, when)
            self.table.setItem(row, KIND, QTableWidgetItem(reason_text(info.reason)))
            self.table.setItem(row, SIZE, size)
        # the choice kept over a reload (a backup made, the language changed); else none
        paths = [str(info.path) for info in backups]
        if chosen is not None and str(chosen) in paths:
            self.table.selectRow(paths.index(str(chosen)))
        else:
            self.table.selectionModel().clear()
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        admin = self.services.admin

        def done(path: Path) -> None:
            self._say(fill(translate("BackupsPage", "Backed up to %1."), str(path)))
            self.refresh()

        self._run(lambda: admin.back_up_now(), done, translate("BackupsPage", "Could not back up: %1"))

    def _current_moved(self, current, _previous) -> None:
        """Tab into the list makes its first row current, unselected: the one backup of a first day could then not be
        chosen by keyboard (↓ and ↑ do nothing on one row). The current row is the one chosen, as in a list box."""
        if current.isValid() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(current.row())

    def selected_backup(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows(WHEN)
        return Path(rows[0].data(PATH_ROLE)) if rows else None

    def restore_selected(self) -> None:
        path = self.selected_backup()
        if path is not None:
            self.restore(path)

    def restore_from_file(self) -> None:
        start = str(Path(self.services.db_path).parent / "backups")
        path, _ = QFileDialog.getOpenFileName(
            self, translate("BackupsPage", "Restore from a file"), start,
            translate("BackupsPage", "Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if path:
            self.restore(Path(path))

    def restore(self, source: Path) -> None:
        """Ask, then replace the open database with ``source`` (backing up the current file first)."""
        question = fill(translate(
                 "BackupsPage",
                 "Replace the open database with the backup %1?\n\nA backup of the current database is made first, "
                 "so you can return to it by restoring that backup. Work not yet saved in other windows on this "
                 "database is lost."), source.name)
        if not self._confirm(question):
            return
        admin, services = self.services.admin, self.services

        def restore():  # domain.access.backups decides who may, as for the command line
            return restore_backup(services.uow(), source, admin.restore_into)

        self._run(restore, self._restored,
                  translate("BackupsPage", "Could not restore: %1"))

    def _confirm(self, question: str) -> bool:
        return self._ask(translate("BackupsPage", "Restore a backup"), question)

    def _confirm_delete(self, question: str) -> bool:
        return self._ask(translate("BackupsPage", "Delete older backups"), question)

    def _ask(self, title: str, question: str) -> bool:
        """Yes or No (the default) to ``question``."""
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _restored(self, result) -> None:
        text = fill(translate("BackupsPage", "Restored from %1."), str(result.restored_from))
        if result.previous_saved_to is not None:
            text += " " + fill(translate("BackupsPage", "The previous database was saved as %1."),
                               str(result.previous_saved_to))
        self._say(text)
        self.restored.emit(result)
        window = self.window()
        if getattr(window, "open_services", None) is not None and hasattr(window, "open_database"):
            window.open_database(result.database)  # replaces every screen, this page included
            window.statusBar().showMessage(text, 30_000)
        else:
            self.refresh()

    def check_integrity(self) -> None:
        backups = self.services.backups
        self.result.clear()
        self._run(lambda: backups.integrity(), self._show_integrity,
                  translate("BackupsPage", "Could not check the database: %1"))

    def _show_integrity(self, report) -> None:
        lines = []
        if report.sqlite == ("ok",):
            lines.append(translate("BackupsPage", "File: ok (SQLite integrity check)."))
        else:
            lines.append(translate("BackupsPage", "File: SQLite reports damage:"))
            lines.extend(f"  {message}" for message in report.sqlite[:10])
        if report.ledger:
            count = len(report.ledger)  # lupdate records a plural only when its count is a plain name
            lines.append(translate("BackupsPage", "Ledger: %n difference(s) from the ledger:", None, count))
            lines.extend(f"  {describe(p, _problem_text)}" for p in report.ledger[:10])
            if any(p.field.startswith("sales line ") for p in report.ledger):
                lines.append(translate("BackupsPage", "Repair sales costs sets the sales lines' costs to their "
                                                      "movements' values."))
        else:
            lines.append(translate("BackupsPage", "Ledger: ok (every balance equals the ledger)."))
        if not report.ok and not all(p.field.startswith("sales line ") for p in report.ledger):
            lines.append(translate("BackupsPage", "Restore a backup that passes the check."))
        # notes, not failures: the ledger agrees, but these deliveries are reversed by matching, not by their links
        lines.extend(fill(_problem_text(UNLINKED_DELIVERY), number, po) for number, po in report.unlinked[:NOTES_SHOWN])
        more = len(report.unlinked) - NOTES_SHOWN
        if more > 0:
            lines.append(translate("BackupsPage", "…and %n more such note(s); stockroom check lists them all.", None,
                                   more))
        self._say("\n".join(lines), error=not report.ok)

    def repair_costs(self) -> None:
        """Read the stale sales-line costs, ask, then bring them in line (``domain.sales.recost``)."""
        backups = self.services.backups
        self.result.clear()
        self._run(lambda: backups.stale_costs(), self._ask_repair,
                  translate("BackupsPage", "Could not check the sales costs: %1"))

    def _ask_repair(self, found) -> None:
        stale, returns = found
        if not stale and not returns:
            self._say(_problem_text(NOTHING_TO_REPAIR))
            return
        parts = []
        if stale:
            count = len(stale)  # lupdate records a plural only when its count is a plain name
            change = sum((x.margin_change for x in stale), Decimal(0))
            parts.append(fill(translate(
                "BackupsPage", "%n sales line(s) carry a cost that is not their stock movement's cost in the ledger; "
                               "their margin changes by %1 in all.", None, count), signed(change, money_text)))
        if returns:
            count = len(returns)
            parts.append(translate(
                "BackupsPage", "%n customer return(s) bring back a cost that is not their share of their sale's cost; "
                               "they are revalued first, and the sales after them follow.", None, count))
        parts.append(translate(
            "BackupsPage", "Set them to the ledger's?\n\nThe database is backed up first. No stock movement is "
                           "changed, only the values and costs derived from them. What is in a closed month is left "
                           "as it is."))
        question = "\n\n".join(parts[:-1]) + " " + parts[-1]
        if not self._ask(translate("BackupsPage", "Repair sales costs"), question):
            self._say(translate("BackupsPage", "Nothing was changed."))
            return
        services, admin = self.services, self.services.admin
        self._run(lambda: repair_costs(services.uow(), admin.before_repair), self._repaired,
                  translate("BackupsPage", "Could not repair the sales costs: %1"))

    def _repaired(self, done) -> None:
        self._say("\n".join(repair_report(done, _problem_text, money_text, most=20)))
        self.refresh()  # the new backup

    def save_keep(self) -> None:
        admin = self.services.admin
        value = self.keep.value()
        doomed = len(getattr(self, "_backups", ())) - value
        if doomed > 0:
            question = fill(translate(
                     "BackupsPage", "Keep only the newest %1 backup(s)? The %n older one(s) are deleted now and cannot "
                                    "be brought back.", None, doomed), str(value))
            if not self._confirm_delete(question):
                self._say(translate("BackupsPage", "Nothing was deleted; the setting was not changed."))
                return

        def done(keep: int) -> None:
            self._say(translate("BackupsPage", "The newest %n backup(s) are kept.", None, keep))
            self.refresh()

        services = self.services

        def save():
            access.authorize(services.uow(), access.Permission.SETTINGS)
            return admin.set_backup_keep(value)

        self._run(save, done,
                  translate("BackupsPage", "Could not save the setting: %1"))

    # -- text --------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.result.setStyleSheet("color: #9b1c1c;" if error else "")
        self.result.setText(text)

    def _update_buttons(self) -> None:
        idle = self._running == 0
        for button in (self.back_up_button, self.restore_file_button, self.check_button, self.repair_button,
                       self.save_keep_button):
            button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.selected_backup() is not None)

    def retranslate(self) -> None:
        folder = Path(self.services.db_path).parent / "backups"
        self.intro.setText(fill(translate(
                 "BackupsPage",
                 "Stockroom copies this database once a day when it starts and before every schema upgrade, into %1. "
                 "A copy is consistent even while the database is in use."), str(folder)))
        self.table.setHorizontalHeaderLabels([translate("BackupsPage", "Made"), translate("BackupsPage", "Kind"),
                                              translate("BackupsPage", "Size")])
        self.back_up_button.setText(translate("BackupsPage", "&Back up now"))
        self.restore_button.setText(translate("BackupsPage", "&Restore…"))
        self.restore_file_button.setText(translate("BackupsPage", "Restore from a fi&le…"))
        self.check_button.setText(translate("BackupsPage", "Check &integrity"))
        self.repair_button.setText(translate("BackupsPage", "Repair sales &costs…"))
        self.repair_button.setToolTip(translate(
            "BackupsPage", "Set the cost of each sales line that differs from its stock movement's cost in the ledger "
                           "to the ledger's (after a backup)"))
        self.keep_label.setText(translate("BackupsPage", "&Keep the newest"))
        self.keep_after.setText(translate("BackupsPage", "backups"))
        self.save_keep_button.setText(translate("BackupsPage", "Save"))
        self._fill(self._backups)  # dates, sizes and kinds in the new language's form
