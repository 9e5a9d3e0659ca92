"""Signing in: shown when the window opens a database that has users, and after "Sign out".

The password is checked off the GUI thread (scrypt takes a noticeable moment on purpose). A
wrong name and a wrong password get the same message, so the dialog never hints which part was
wrong. The last user name is remembered (QSettings) and filled in; the password never is.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from domain.access import users
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
LAST_USER = "signin/last_user"


class SignInDialog(QDialog):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = None  # domain.access.model.User once signed in
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.where = QLabel(self)
        self.where.setStyleSheet("color: #555;")
        self.where.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setText(QSettings().value(LAST_USER, "", type=str))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.name_label, self.password_label = QLabel(self), QLabel(self)
        buttons = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(buttons, Qt.Orientation.Horizontal, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.retranslate()
        (self.password if self.username.text() else self.username).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SignIn", "Sign in — Stockroom"))
        self.heading.setText(translate("SignIn", "Sign in"))
        self.where.setText(fill(translate("SignIn", "Database: %1"), self.services.db_path))
        self.name_label.setText(translate("SignIn", "User name:"))
        self.password_label.setText(translate("SignIn", "Password:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("SignIn", "Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("SignIn", "Cancel"))

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.buttons):
            widget.setEnabled(not busy)

    def submit(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        self.message.hide()
        if not name or not password:
            self._show(translate("SignIn", "Enter your user name and your password."))
            (self.password if name else self.username).setFocus()
            return
        self._busy(True)
        services = self.services

        def done(user) -> None:
            if alive(self):
                self.user = user
                QSettings().setValue(LAST_USER, user.username)
                self.accept()

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self._busy(False)
            if isinstance(exc, (users.SignInFailed, users.SignInThrottled)):
                self._show(refusal_text(exc))
            else:
                self._show(fill(translate("SignIn", "Could not sign in: %1"), exc))
            self.password.clear()
            self.password.setFocus()

        services.tasks.submit(lambda: users.authenticate(services.uow(), name, password), done, failed)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def sign_in_required(services) -> bool:
    """Whether the open database has users (a quick read; sign-in is off until the first user exists)."""
    return users.sign_in_required(services.uow())


def ask_sign_in(services, parent=None):
    """``services`` acting as whoever signs in; unchanged while sign-in is off; None when the user cancels."""
    if not sign_in_required(services):
        return services
    return signed_in(services, parent)


def signed_in(services, parent=None):
    """``services`` acting as whoever signs in through the dialog (the database has users); None on cancel."""
    dialog = SignInDialog(services, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        return None
    return replace(services, user=dialog.user.username, role=dialog.user.role)
