"""The sync state in the status bar, and the small dialog that asks for the hub's password.

States, most pressing first: syncing (stage and counts, with a bar), password needed (click to
enter it), offline since … (a normal state: the next sync catches up), failed, synced at …,
never synced. Beside it, when there are any, "N conflicts to review" and a red "N below zero"
alert; both open the Conflicts screen. The widget hides itself while no hub is set.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock as wall
from ui.i18n import fill
from ui.sync_reasons import reason_text
from ui.sync_reasons import table_text
from ui.sync_stages import stage_words
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls



def progress_text(state) -> str:
    """A running sync's stage and counts as the reader reads numbers: sending 100,000/251,608."""
    if not state.stage:
        return ""
    text = stage_text(state.stage)
    return f"{text} {state.done:,}/{state.total:,}" if state.total else text


def stage_text(stage: str) -> str:
    return stage_words(stage, lambda caption: translate("SyncStage", caption))


def clock(moment: datetime | None) -> str:
    """14:02 today, else 2026-11-24 14:02 (local time)."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return local.strftime("%H:%M") if local.date() == wall.today() else local.strftime("%Y-%m-%d %H:%M")


def _link(text: str) -> str:
    from html import escape

    return f"<a href='#'>{escape(text)}</a>"


def kept_aside_text(state) -> str:
    """Why the last sync was partial: records refused from the hub, records of this computer held back."""
    lines = []
    n, k = state.refused, state.held_back
    if n:
        lines.append(translate("SyncStatus", "%n record(s) from the shared database refused, not applied.", None, n))
    if k:
        lines.append(translate("SyncStatus", "%n record(s) here cannot go to the shared database yet.", None, k))
    kept = getattr(state, "kept", ())  # the first few records kept aside, each with its reason
    for table, key, code, params, english in kept:
        kind = table_text(table.removeprefix("outgoing:").removeprefix("alias:"))
        lines.append(fill(translate("SyncStatus", "• %1 %2: %3"), kind, key, reason_text(code, params, english)))
    if kept and len(kept) < n + k:
        lines.append("…")
    if lines:
        lines.append(translate("SyncStatus", "See Sync conflicts for the reasons."))
    return "\n".join(lines)


class SyncStatusWidget(QWidget):
    """Shows a ``ui.sync_service.SyncState``; ``bind`` follows a ``SyncService``. ``shown`` passes each state on
    (the band a first sync shows above the screens follows it: ``ui.widgets.first_sync``)."""

    shown = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.service = None
        self.state = None
        self.label = QLabel(self)
        self.label.linkActivated.connect(lambda _href: self.ask_password())
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.conflicts = QLabel(self)
        self.conflicts.linkActivated.connect(lambda _href: self.open_screen("conflicts"))
        self.negative = QLabel(self)
        self.negative.linkActivated.connect(lambda _href: self.open_screen("conflicts"))
        self.kept = QLabel(self)
        self.kept.linkActivated.connect(lambda _href: self.open_screen("conflicts"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        for widget in (self.label, self.bar, self.conflicts, self.negative, self.kept):
            layout.addWidget(widget)
        self.hide()

    def bind(self, service) -> None:
        """Follow ``service`` (the scheduler of the open database), leaving the previous one stopped."""
        if self.service is service:
            return
        if self.service is not None and alive(self.service):
            self.service.state_changed.disconnect(self.show_state)
            self.service.password_needed.disconnect(self._password_needed)
            self.service.stop()
        self.service = service
        service.state_changed.connect(self.show_state)
        service.password_needed.connect(self._password_needed)
        self.show_state(service.state)
        service.start()

    def stop(self) -> None:
        """The window closes: no more scheduled syncs, and a running one is asked to stop."""
        if self.service is not None and alive(self.service):
            self.service.stop()

    def sync_now(self) -> bool:
        """F9: sync now, or open the Shared database page when no hub is set yet."""
        if self.service is None:
            return False
        if not self.service.state.configured:
            self.open_screen("settings", "sync")
            return False
        return self.service.sync_now()

    def open_screen(self, key: str, page: str = "") -> None:
        window = self.window()
        if hasattr(window, "show_screen"):
            screen = window.show_screen(key)
            if page and hasattr(screen, "page"):
                screen.page(page)

    # -- the password ----------------------------------------------------------------------
    def _password_needed(self, url: str) -> None:
        if self.isVisible() or self.window().isVisible():
            self.ask_password(url)

    def ask_password(self, url: str | None = None) -> None:
        service = self.service
        if service is None or not service.state.password_needed:
            return
        dialog = PasswordDialog(url or service.state.url, self.window(), service.passwords.uses_keyring)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.password():
            service.sync_now(password=dialog.password())

    # -- showing ---------------------------------------------------------------------------
    def show_state(self, state) -> None:
        self.state = state
        self.setVisible(bool(state.configured))
        self.bar.setVisible(state.running)
        if state.running:
            self.bar.setRange(0, max(state.total, 0))
            self.bar.setValue(min(state.done, state.total) if state.total else 0)
        self.label.setText(self.state_text(state))
        self.label.setToolTip(self.tooltip(state))
        n = state.open_conflicts
        self.conflicts.setText(_link(translate("SyncStatus", "%n conflict(s) to review", None, n)) if n else "")
        self.conflicts.setVisible(bool(n))
        k = len(state.negative)
        self.negative.setText("<span style='color:#b00020'>⚠ </span>"
                              + _link(translate("SyncStatus", "%n stock balance(s) below zero", None, k)) if k else "")
        self.negative.setToolTip(translate("SyncStatus", "After merging the desktops' postings these balances are "
                                                         "negative. Count the product or post a correction.")
                                 if k else "")
        self.negative.setVisible(bool(k))
        kept = state.refused + state.held_back
        self.kept.setText("<span style='color:#b00020'>⚠ </span>"
                          + _link(translate("SyncStatus", "%n record(s) kept aside", None, kept)) if kept else "")
        self.kept.setToolTip(kept_aside_text(state))
        self.kept.setVisible(bool(kept))
        self.shown.emit(state)

    @staticmethod
    def state_text(state) -> str:
        if state.running:
            if not state.stage:
                return translate("SyncStatus", "Syncing…")
            return fill(translate("SyncStatus", "Syncing… %1"), progress_text(state))
        if state.password_needed:
            return _link(translate("SyncStatus", "Hub password needed"))
        if state.offline_since is not None:
            return fill(translate("SyncStatus", "Offline since %1"), clock(state.offline_since))
        if state.stopped and state.last_attempt_at is not None:
            return fill(translate("SyncStatus", "Sync stopped %1"), clock(state.last_attempt_at))
        if state.last_error and state.last_attempt_at is not None and (
                state.last_success_at is None or state.last_attempt_at > state.last_success_at):
            return fill(translate("SyncStatus", "Sync failed %1"), clock(state.last_attempt_at))
        if state.last_success_at is not None:
            return fill(translate("SyncStatus", "Synced %1"), clock(state.last_success_at))
        return translate("SyncStatus", "Not synced yet")

    @staticmethod
    def tooltip(state) -> str:
        lines = [fill(translate("SyncStatus", "Shared database: %1"), state.url)]
        if state.last_success_at is not None:
            last = translate("SyncStatus", "Last successful sync: %1")
            lines.append(fill(last, clock(state.last_success_at)))
        if state.last_error and not state.running:
            lines.append(fill(translate("SyncStatus", "Last attempt: %1"), state.error_text()))
        if state.offline_since is not None:
            lines.append(translate("SyncStatus", "Work goes on offline; the next sync catches up."))
        lines.append(translate("SyncStatus", "F9 syncs now."))
        return "\n".join(lines)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.state is not None:
            self.show_state(self.state)
        super().changeEvent(event)


class PasswordDialog(QDialog):
    """Asks for the hub password; where it is kept (keyring or this session) is said under the field."""

    def __init__(self, url: str, parent=None, keeps_in_keyring: bool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PasswordDialog", "Shared database password"))
        prompt = QLabel(fill(translate("PasswordDialog", "Password for %1:"), url), self)
        prompt.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        if keeps_in_keyring is None:
            from ui.sync_service import passwords

            keeps_in_keyring = passwords.uses_keyring
        note = QLabel(translate("PasswordDialog", "It is kept in the system keyring.") if keeps_in_keyring else
                      translate("PasswordDialog", "No system keyring is available: it is kept in memory until "
                                                  "Stockroom closes, never in a file."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(420, 160)

    def password(self) -> str:
        return self.edit.text()
