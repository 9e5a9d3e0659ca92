"""Settings → Shared database: where the PostgreSQL hub is, its password, and syncing by hand.

The fields make a standard PostgreSQL URL (``ui.sync_service.HubAddress``), kept in the
database's settings without the password. The password goes to the OS keyring where one is
usable, otherwise it stays in memory for this session (the note under the field says which).
"Test connection" and "Sync now" run in the background; the page shows the server's version
or why it could not be reached, a sync's progress with Cancel, and what the last successful
sync moved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.errors import BadInput
from ui import sync_service as ss
from ui.i18n import fill
from ui.widgets.busy import alive
from ui.widgets.sync_status import SyncStatusWidget
from ui.widgets.sync_status import clock
from ui.widgets.sync_status import kept_aside_text
from ui.widgets.sync_status import progress_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

_FIELDS = ("host", "port", "database", "user", "TLS mode")
_RED, _GREEN = "color: #b00020;", "color: #1b5e20;"


class SyncPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.service = ss.service_for(services)
        self.host = QLineEdit(self)
        self.port = QLineEdit(str(ss.DEFAULT_PORT), self)
        self.port.setMaximumWidth(90)
        self.database = QLineEdit("stockroom", self)
        self.user = QLineEdit(self)
        self.tls = QComboBox(self)
        for mode in ss.TLS_MODES:
            self.tls.addItem("", mode)
        self.tls.setCurrentIndex(ss.TLS_MODES.index("prefer"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel(self)
        self.password_note.setWordWrap(True)
        self.password_note.setStyleSheet("color: #555;")
        self.interval = QSpinBox(self)
        self.interval.setRange(0, ss.MAX_INTERVAL)
        self.interval.setValue(ss.DEFAULT_INTERVAL)
        self.url_label = QLabel(self)
        self.url_label.setStyleSheet("color: #555;")
        self.errors = {name: QLabel(self) for name in _FIELDS}
        for label in self.errors.values():
            label.setStyleSheet(_RED)
            label.setWordWrap(True)
            label.hide()
        self.labels = {key: QLabel(self) for key in ("host", "port", "database", "user", "tls", "password",
                                                     "interval")}
        for key, field in (("host", self.host), ("port", self.port), ("database", self.database),
                           ("user", self.user), ("tls", self.tls), ("password", self.password),
                           ("interval", self.interval)):
            self.labels[key].setBuddy(field)
        for edit in (self.host, self.port, self.database, self.user):
            edit.textChanged.connect(self._show_url)
        self.tls.currentIndexChanged.connect(self._show_url)

        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.test_connection)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.service.cancel)
        self.cancel_button.hide()
        self.start_over_button = QPushButton(self)  # shown when the hub is another one than this file's
        self.start_over_button.clicked.connect(self.start_over)
        self.start_over_button.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.last_sync = QLabel(self)
        self.last_sync.setWordWrap(True)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        form = QFormLayout()
        rows = (("host", self.host, "host"), ("port", self.port, "port"), ("database", self.database, "database"),
                ("user", self.user, "user"), ("tls", self.tls, "TLS mode"))
        for key, field, error in rows:
            form.addRow(self.labels[key], field)
            form.addRow("", self.errors[error])
        form.addRow("", self.url_label)
        form.addRow(self.labels["password"], self.password)
        form.addRow("", self.password_note)
        form.addRow(self.labels["interval"], self.interval)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.sync_button, self.cancel_button,
                       self.start_over_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QWidget(self)  # a readable width, not the whole window's
        column.setMaximumWidth(720)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.progress)
        inner.addWidget(self.result)
        inner.addWidget(self.last_sync)
        layout = QVBoxLayout(self)
        layout.addWidget(column)
        layout.addStretch(1)

        self._filled = False
        self._keyring: bool | None = None
        self._was_running = False
        self.service.state_changed.connect(self._state_changed)
        self.service.finished.connect(self._sync_finished)
        self.service.failed.connect(self._sync_failed)
        self.retranslate()
        self._state_changed(self.service.state)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fill the fields from the stored URL (once), and check whether a keyring is there."""
        database, store = self.services.database, self.service.passwords

        def read():
            return ss.load_settings(database), store.uses_keyring

        def done(result) -> None:
            if alive(self):
                (url, interval), keyring = result
                self._keyring = keyring
                if not self._filled:
                    self._fill(url, interval)
                self._show_password_note()

        self.services.tasks.submit(read, done)
        self.service.refresh()

    def _fill(self, url: str, interval: int) -> None:
        self._filled = True
        self.interval.setValue(interval)
        if not url:
            return
        try:
            address = ss.HubAddress.from_url(url)
        except BadInput:
            return
        self.host.setText(address.host)
        self.port.setText(str(address.port))
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.tls.setCurrentIndex(ss.TLS_MODES.index(address.tls))

    # -- the fields ------------------------------------------------------------------------
    def address(self) -> ss.HubAddress | None:
        """The address typed, or None with the message under the first wrong field."""
        for label in self.errors.values():
            label.hide()
        try:
            return ss.HubAddress.parse_fields(self.host.text(), self.port.text(), self.database.text(),
                                              self.user.text(), self.tls.currentData())
        except BadInput as exc:
            label = self.errors[exc.field]
            label.setText(self.hint(exc.field))
            label.show()
            return None

    @staticmethod
    def hint(field: str) -> str:
        """What each field accepts, in the clerk's language."""
        return {
            "host": translate("SyncPage", "Host: enter the server's name or IP address, such as hub.local or "
                                          "192.168.1.10."),
            "port": translate("SyncPage", "Port: enter a whole number from 1 to 65535 (PostgreSQL's default is "
                                          "5432)."),
            "database": translate("SyncPage", "Database: enter the database's name, 1 to 63 characters, such as "
                                              "stockroom."),
            "user": translate("SyncPage", "User: enter the PostgreSQL user name, 1 to 63 characters."),
            "TLS mode": translate("SyncPage", "TLS mode: choose disable, prefer, require or verify-full."),
        }[field]

    def _show_url(self) -> None:
        try:
            url = ss.HubAddress.parse_fields(self.host.text(), self.port.text(), self.database.text(),
                                             self.user.text(), self.tls.currentData()).url
        except BadInput:
            url = ""
        self.url_label.setText(url)

    def _say(self, text: str, style: str = "") -> None:
        self.result.setStyleSheet(style)
        self.result.setText(text)
        self.result.setToolTip("")

    def _keep_password(self, url: str) -> None:
        """A typed password goes to the keyring (or this session's memory), then the field is emptied."""
        password = self.password.text()
        if password:
            store = self.service.passwords
            self.services.tasks.submit(lambda: store.put(url, password))
            self.password.clear()

    # -- actions ---------------------------------------------------------------------------
    def save(self, then=None) -> bool:
        address = self.address()
        if address is None:
            return False
        self._keep_password(address.url)

        def saved() -> None:
            if alive(self):
                self._say(translate("SyncPage", "Saved."), _GREEN)
                if then:
                    then()

        self.service.configure(address.url, self.interval.value(), saved,
                               lambda exc: alive(self) and self._say(_reason(exc), _RED))
        return True

    def test_connection(self) -> None:
        address = self.address()
        if address is None:
            return
        self.test_button.setEnabled(False)
        self._say(fill(translate("SyncPage", "Connecting to %1…"), address.url))

        def done(version: str) -> None:
            if alive(self):
                self.test_button.setEnabled(True)
                self._say(fill(translate("SyncPage", "Connected: %1"), str(version)), _GREEN)

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.test_button.setEnabled(True)
                self._say(fill(translate("SyncPage", "Could not connect: %1"), _reason(exc)), _RED)

        self.service.test_connection(address.url, self.password.text() or None, done, failed)

    def sync_now(self) -> None:
        """Save the fields first (a sync uses the stored address), then sync in the background."""
        password = self.password.text() or None

        def start() -> None:
            if not self.service.sync_now(password=password):
                self._say(translate("SyncPage", "A sync is already running."))
            else:
                self._say("")

        self.save(then=start)

    def start_over(self) -> None:
        """An admin syncs with this hub from scratch: everything here is sent, everything there fetched."""
        from PySide6.QtWidgets import QMessageBox

        question = fill(
            translate("SyncPage", "Start over with %1? Everything on this computer is sent to it and "
                                  "everything it holds is fetched; the shared database this computer synced "
                                  "with before is left as it is."), self.service.state.url)
        answer = QMessageBox.question(self, translate("SyncPage", "Start over with this hub"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self.service.sync_now(password=self.password.text() or None, start_over=True):
            self._say(translate("SyncPage", "A sync is already running."))
        else:
            self.start_over_button.hide()
            self._say("")

    # -- following the scheduler -----------------------------------------------------------
    def _state_changed(self, state) -> None:
        running = state.running
        if running and not self._was_running:  # a new sync (F9, the timer, the password dialog): the last outcome
            self._say("")                       # shown here, such as a refused password, is over
        self._was_running = running
        self.sync_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, max(state.total, 0))
            self.progress.setValue(min(state.done, state.total) if state.total else 0)
            self.progress.setFormat(progress_text(state).replace("%", "%%"))  # 100,000/251,608, not 100000/251608
        self.last_sync.setText(self.describe(state))

    @staticmethod
    def describe(state) -> str:
        """The last successful sync and what it moved, and the state after it."""
        lines = []
        report = state.last_report
        if state.last_success_at is not None:
            text = fill(translate("SyncPage", "Last successful sync: %1"), clock(state.last_success_at))
            if report is not None:
                text += " — " + fill(
                    translate("SyncPage", "pushed %1, pulled %2, %3 conflict(s), %4 merged"),
                    f"{report.pushed:,}", f"{report.pulled:,}", f"{report.conflicts:,}", f"{report.merged:,}")
            lines.append(text)
        elif state.configured:
            lines.append(translate("SyncPage", "Not synced yet."))
        if state.pending_push and state.configured:
            waiting = translate("SyncPage", "%1 change(s) wait to be pushed.")
            lines.append(fill(waiting, f"{state.pending_push:,}"))
        elif state.pending_push:  # no hub yet: nothing is late; the desk's records go with its first sync
            kept = translate("SyncPage", "This desk works alone: its %1 change(s) are kept here and go to the shared "
                                         "database the first time it syncs with one.")
            lines.append(fill(kept, f"{state.pending_push:,}"))
        if state.configured and not state.running:
            lines.append(SyncStatusWidget.state_text(state).replace("<a href='#'>", "").replace("</a>", ""))
        if state.last_error and not state.running:
            error = state.error_text()  # offline: the reason only; the driver's words are the tooltip's
            lines.append(fill(translate("SyncPage", "Last attempt: %1"),
                              _sentence(error) if state.offline_since is not None else error))
        if state.refused or state.held_back:
            lines.append(kept_aside_text(state))
        return "\n".join(lines)

    def _sync_finished(self, report) -> None:
        if alive(self):
            text = fill(translate("SyncPage", "Synced: pushed %1, pulled %2, %3 conflict(s), %4 merged."),
                        f"{report.pushed:,}", f"{report.pulled:,}", f"{report.conflicts:,}", f"{report.merged:,}")
            if report.negative:
                text += " " + fill(translate("SyncPage", "%1 stock balance(s) went below zero: see Conflicts."),
                                   str(len(report.negative)))
            self._say(text, _GREEN)

    def _sync_failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        if ss.is_cancelled(exc):
            self._say(translate("SyncPage", "Sync cancelled; what was sent so far is kept and the next sync goes "
                                            "on from there."))
        elif ss.is_password_problem(exc):
            self._say(translate("SyncPage", "The hub refused the password: type it above and press Sync now."),
                      _RED)
        elif ss.is_other_hub(exc):
            text = translate("SyncPage", "Not synced: this computer syncs with another shared database. Syncing "
                                         "with this one means starting over, which an admin may do.")
            self.start_over_button.setVisible(True)
            self.start_over_button.setEnabled(False)  # until the user's role is read, on the task runner
            self._say(text, _RED)
            services = self.services
            self.services.tasks.submit(lambda: ss.may_change_hub(services), on_done=self._may_start_over)
        elif ss.is_offline(exc):  # a state, not an error: said calmly, the driver's own words in the tooltip
            said = ss.sync_error_text(exc)
            self._say(fill(translate("SyncPage", "Offline: %1 Work goes on on this computer; the next sync catches "
                                                 "up."), _sentence(said)))
            self.result.setToolTip(said)
        else:
            self._say(fill(translate("SyncPage", "Not synced: %1"), ss.sync_error_text(exc)), _RED)

    def _may_start_over(self, admin: bool) -> None:
        if alive(self) and not self.start_over_button.isHidden():
            self.start_over_button.setEnabled(admin)

    def _show_password_note(self) -> None:
        if self._keyring is None:
            self.password_note.setText("")
        elif self._keyring:
            self.password_note.setText(translate("SyncPage", "Kept in the system keyring, never in a file. Leave "
                                                             "empty to keep the stored one."))
        else:
            self.password_note.setText(translate("SyncPage", "No system keyring here: the password is kept in "
                                                             "memory until Stockroom closes, never in a file, and "
                                                             "asked for once per session."))

    def retranslate(self) -> None:
        self.heading.setText(translate("SyncPage", "Shared PostgreSQL database (hub)"))
        self.intro.setText(translate("SyncPage", "Each desktop keeps working on its own file, also offline, and "
                                                 "exchanges its postings with the shared database when it syncs."))
        texts = {"host": translate("SyncPage", "&Host:"), "port": translate("SyncPage", "&Port:"),
                 "database": translate("SyncPage", "&Database:"), "user": translate("SyncPage", "&User:"),
                 "tls": translate("SyncPage", "&TLS mode:"), "password": translate("SyncPage", "Pass&word:"),
                 "interval": translate("SyncPage", "Sync &every:")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        captions = {"disable": translate("SyncPage", "disable — no encryption"),
                    "prefer": translate("SyncPage", "prefer — encrypt when the server offers it"),
                    "require": translate("SyncPage", "require — always encrypt"),
                    "verify-full": translate("SyncPage", "verify-full — encrypt and check the certificate")}
        for i, mode in enumerate(ss.TLS_MODES):
            self.tls.setItemText(i, captions[mode])
        self.host.setPlaceholderText(translate("SyncPage", "hub.local or 192.168.1.10"))
        self.interval.setSuffix(translate("SyncPage", " min"))
        self.interval.setSpecialValueText(translate("SyncPage", "only when asked (0)"))
        self.save_button.setText(translate("SyncPage", "&Save"))
        self.test_button.setText(translate("SyncPage", "Test &connection"))
        self.sync_button.setText(translate("SyncPage", "Sync &now (F9)"))
        self.start_over_button.setText(translate("SyncPage", "Start &over with this hub…"))
        self.cancel_button.setText(translate("SyncPage", "Cancel"))
        self._show_password_note()
        self._state_changed(self.service.state)
        for field, label in self.errors.items():
            if label.isVisible():
                label.setText(self.hint(field))


def _sentence(text: str) -> str:
    """The reason a sync failed without the driver's own lines under it (English server words in a Chinese
    window), ended as a sentence."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if first.endswith((".", "。")) else first + translate("SyncPage", ".")


def _reason(exc: BaseException) -> str:
    from ui.refusals import refusal_text  # a refusal by role in the reader's language

    text = refusal_text(exc).strip() or type(exc).__name__
    return text.splitlines()[0] if len(text) > 300 else text
