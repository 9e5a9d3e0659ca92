"""Change my password (File menu): any signed-in user, proving the current password first.

The check and the new hash run off the GUI thread (scrypt is slow on purpose). A refused field is
named beside its input: the current password, or the new one (too short, or the same as before).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from domain.access import users
from domain.kernel.errors import BadInput
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class ChangePasswordDialog(QDialog):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.changed = False
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(3)]
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(buttons, Qt.Orientation.Horizontal, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        for label, edit in zip(self.labels, (self.current, self.new, self.again), strict=True):
            form.addRow(label, edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.retranslate()
        self.current.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ChangePassword", "Change my password — Stockroom"))
        self.heading.setText(fill(translate("ChangePassword", "Change the password of %1"), self.services.user))
        for label, text in zip(self.labels, (translate("ChangePassword", "Current password:"),
                                             translate("ChangePassword", "New password:"),
                                             translate("ChangePassword", "The same again:")), strict=True):
            label.setText(text)
        shortest = users.MIN_PASSWORD  # lupdate records a plural only when its count is a plain name
        self.new.setPlaceholderText(translate("ChangePassword", "at least %n characters", None, shortest))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ChangePassword", "Change"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ChangePassword", "Cancel"))

    def _busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.again, self.buttons):
            widget.setEnabled(not busy)

    def _show(self, text: str, focus: QLineEdit) -> None:
        self.message.setText(text)
        self.message.show()
        focus.selectAll()
        focus.setFocus()

    def submit(self) -> None:
        self.message.hide()
        current, new = self.current.text(), self.new.text()
        if new != self.again.text():
            self._show(translate("ChangePassword", "The two new passwords differ; type the same one twice."),
                       self.again)
            return
        self._busy(True)
        services = self.services

        def done(_user) -> None:
            if alive(self):
                self.changed = True
                self.accept()

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self._busy(False)
            if isinstance(exc, BadInput) and exc.field == "current password":
                self._show(translate("ChangePassword", "The current password is wrong; enter the one you signed "
                                     "in with."), self.current)
            elif isinstance(exc, BadInput) and exc.code == "password_unchanged":
                self._show(translate("ChangePassword", "The new password is the current one; choose a different "
                                     "one."), self.new)
            elif isinstance(exc, BadInput) and len(new) < users.MIN_PASSWORD:
                shortest = users.MIN_PASSWORD
                self._show(translate("ChangePassword", "The new password needs at least %n characters.", None,
                                     shortest), self.new)
            elif isinstance(exc, BadInput):
                longest = users.MAX_PASSWORD
                self._show(translate("ChangePassword", "The new password is too long: at most %n characters.", None,
                                     longest), self.new)
            else:
                self._show(fill(translate("ChangePassword", "Not changed: %1"), refusal_text(exc)),
                           self.current)

        services.tasks.submit(
            lambda: users.change_own_password(services.uow(), users.ChangeOwnPassword(current, new)), done, failed)
