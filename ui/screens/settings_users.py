"""Settings → Users: who may sign in and with which role (an admin's page).

While the database has no users, sign-in is off and anyone at this computer may do everything;
the page then offers to add the first user, an admin, which turns sign-in on and signs the
person at the keyboard in as that admin. The domain refuses every change to users from anyone
but an admin (``domain.access.users``); the page disables its controls for other roles and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from domain.access import users
from domain.access.roles import ROLES
from domain.access.roles import Permission
from domain.access.roles import allows
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import Forbidden
from domain.kernel.errors import RuleViolation
from ui.access import role_title
from ui.i18n import fill
from ui.models.table import RowRole
from ui.models.users import UserTableModel
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _password_edit(parent) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NewPasswordDialog(QDialog):
    """A new password, typed twice."""

    def __init__(self, username: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(translate("UsersPage", "Reset password of %1"), username))
        self.first, self.second = _password_edit(self), _password_edit(self)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("UsersPage", "New password:"), self.first)
        form.addRow(translate("UsersPage", "The same again:"), self.second)
        form.addRow(self.message)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.first.text() != self.second.text():
            self.message.setText(translate("UsersPage", "The two passwords differ; type the same password twice."))
            return
        self.accept()


class UsersPage(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = UserTableModel(self)
        self.table = DataTable("settings/users", self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.table.set_widths({UserTableModel.NAME: 120, UserTableModel.DISPLAY_NAME: 180, UserTableModel.ROLE: 100,
                               UserTableModel.ACTIVE: 120})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.selected_role = self._role_box()
        self.role_button = QPushButton(self)
        self.role_button.clicked.connect(self.change_role)
        self.password_button = QPushButton(self)
        self.password_button.clicked.connect(self.reset_password)
        self.deactivate_button = QPushButton(self)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button = QPushButton(self)
        self.reactivate_button.clicked.connect(self.reactivate)
        row_actions = QHBoxLayout()
        for widget in (self.selected_role, self.role_button, self.password_button, self.deactivate_button,
                       self.reactivate_button):
            row_actions.addWidget(widget)
        row_actions.addStretch(1)

        self.add_group = QGroupBox(self)
        self.new_name = QLineEdit(self.add_group)
        self.new_display = QLineEdit(self.add_group)
        self.new_role = self._role_box()
        self.new_password, self.new_again = _password_edit(self.add_group), _password_edit(self.add_group)
        self.add_button = QPushButton(self.add_group)
        self.add_button.clicked.connect(self.add_user)
        self._first_shown = False
        self.form_labels = [QLabel(self.add_group) for _ in range(5)]
        form = QFormLayout(self.add_group)
        for label, field in zip(self.form_labels, (self.new_name, self.new_display, self.new_role, self.new_password,
                                                   self.new_again), strict=True):
            form.addRow(label, field)
            label.setBuddy(field)  # its Alt letter goes to the field
        form.addRow("", self.add_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_actions)
        layout.addWidget(self.message)
        layout.addWidget(self.add_group)
        self.retranslate()
        self.refresh()

    def _role_box(self) -> QComboBox:
        box = QComboBox(self)
        for role in ROLES:
            box.addItem(role_title(role), role.value)
        return box

    # -- state ---------------------------------------------------------------------------
    @property
    def may_manage(self) -> bool:
        role = self.services.role
        return role is None or allows(role, Permission.USERS)

    @property
    def first_user(self) -> bool:
        return not any(u.active for u in self.model.rows)

    def current(self):
        index = self.table.currentIndex()
        return self.model.data(self.model.index(index.row(), 0), RowRole) if index.isValid() else None

    def refresh(self) -> None:
        services = self.services
        if self.may_manage:
            self.load(lambda: users.list_users(services.reader()), self._loaded)
        else:
            self._update()

    def _loaded(self, rows) -> None:
        name = getattr(self.current(), "username", None)
        self.model.set_rows(rows)
        for row, user in enumerate(rows):
            if user.username == name:
                self.table.selectRow(row)
        self._update()

    def _selection_changed(self) -> None:
        user = self.current()
        if user is not None:
            self.selected_role.setCurrentIndex(max(0, self.selected_role.findData(user.role)))
        self._update()

    def _update(self) -> None:
        manage = self.may_manage
        user = self.current()
        self.table.setEnabled(manage)
        self.add_group.setEnabled(manage)
        for widget in (self.selected_role, self.role_button, self.password_button):
            widget.setEnabled(manage and user is not None)
        self.deactivate_button.setEnabled(manage and user is not None and user.active)
        self.reactivate_button.setEnabled(manage and user is not None and not user.active)
        first = manage and self.first_user
        if first != self._first_shown:  # the first user must be an admin (domain.access.users.add_user); later, a clerk
            self.new_role.setCurrentIndex(self.new_role.findData("admin" if first else "clerk"))
            self._first_shown = first
        self.new_role.setEnabled(manage and not first)
        self.note.setText(self._note(manage, first))

    def _note(self, manage: bool, first: bool) -> str:
        if not manage:
            return fill(translate("UsersPage", "Only an admin can manage users. You are signed in as %1 (%2)."),
                        self.services.user, role_title(self.services.role))
        if first:
            return translate("UsersPage", "Sign-in is off: anyone using Stockroom on this database may do "
                                          "everything. Add the first user, an admin, to turn sign-in on; from then "
                                          "on everyone signs in and may do what their role allows.")
        return translate("UsersPage", "Roles: a clerk receives, ships, transfers and counts; a purchaser also "
                                      "works on purchase orders and supplier terms; a manager also adjusts, "
                                      "reverses and changes products and settings; an admin also manages users.")

    # -- actions -------------------------------------------------------------------------
    def add_user(self) -> None:
        if self.new_password.text() != self.new_again.text():
            self._say(translate("UsersPage", "The two passwords differ; type the same password twice."), error=True)
            return
        command = users.AddUser(self.new_name.text(), self.new_password.text(), self.new_role.currentData(),
                                self.new_display.text())
        first = self.services.role is None
        services = self.services

        def done(user) -> None:
            if not alive(self):
                return
            for edit in (self.new_name, self.new_display, self.new_password, self.new_again):
                edit.clear()
            if first and user.role == "admin":
                # Sign-in is on now; whoever added the admin is at the keyboard and continues as that admin.
                services.user, services.role = user.username, user.role
                session_changed = getattr(self.window(), "session_changed", None)
                if callable(session_changed):
                    session_changed()
                self._say(fill(translate("UsersPage", "Sign-in is now on. You are signed in as %1 (%2)."),
                               user.username, role_title(user.role)))
            else:
                self._say(fill(translate("UsersPage", "Added %1 (%2)."), user.username, role_title(user.role)))
            self.refresh()

        self._run(lambda: users.add_user(services.uow(), command), done)

    def change_role(self) -> None:
        user, role = self.current(), self.selected_role.currentData()
        if user is None or role == user.role:
            return
        services = self.services
        self._run(lambda: users.set_role(services.uow(), users.SetRole(user.username, role)), self._changed(
            fill(translate("UsersPage", "%1 is now %2."), user.username, role_title(role))),
            last_admin=user.username)

    def reset_password(self) -> None:
        user = self.current()
        if user is None:
            return
        password = self._ask_new_password(user.username)
        if password is None:
            return
        services = self.services
        self._run(lambda: users.set_password(services.uow(), users.SetPassword(user.username, password)),
                  self._changed(fill(translate("UsersPage", "New password set for %1."), user.username)))

    def deactivate(self) -> None:
        user = self.current()
        if user is None or not self._confirm(
                fill(translate("UsersPage", "Deactivate %1? They can no longer sign in; what they recorded keeps "
                                            "their name."), user.username)):
            return
        services = self.services
        self._run(lambda: users.deactivate(services.uow(), users.DeactivateUser(user.username)), self._changed(
            fill(translate("UsersPage", "%1 can no longer sign in."), user.username)),
            last_admin=user.username)

    def reactivate(self) -> None:
        user = self.current()
        if user is None:
            return
        services = self.services
        self._run(lambda: users.reactivate(services.uow(), users.ReactivateUser(user.username)), self._changed(
            fill(translate("UsersPage", "%1 can sign in again."), user.username)))

    def _ask_new_password(self, username: str) -> str | None:
        dialog = NewPasswordDialog(username, self)
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, translate("UsersPage", "Users"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _changed(self, text: str):
        def done(_user) -> None:
            if alive(self):
                self._say(text)
                self.refresh()
        return done

    def _run(self, fn, done, last_admin: str = "") -> None:
        self.message.clear()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self._say(self._explain(exc, last_admin), error=True)

        self.services.tasks.submit(fn, done, failed)

    def _explain(self, exc: BaseException, name: str) -> str:
        """A refusal in the reader's language."""
        if isinstance(exc, BadInput):
            hints = {
                "user name": translate("UsersPage", "Enter a user name without spaces, at most 64 characters."),
                "password": translate("UsersPage", "Use a password of at least 8 characters."),
                "display name": translate("UsersPage", "The full name may have at most 200 characters."),
            }
            return hints.get(exc.field, str(exc))
        if isinstance(exc, Duplicate):
            return translate("UsersPage", "This user name is taken; choose another.")
        if isinstance(exc, Forbidden):
            return translate("UsersPage", "Only an admin can manage users.")
        if isinstance(exc, RuleViolation) and name:
            return fill(translate("UsersPage", "%1 is the last active admin; make another user admin first."), name)
        return str(exc)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def retranslate(self) -> None:
        for box in (self.selected_role, self.new_role):
            for i in range(box.count()):
                box.setItemText(i, role_title(box.itemData(i)))
        self.role_button.setText(translate("UsersPage", "Change r&ole"))
        self.password_button.setText(translate("UsersPage", "Reset pass&word…"))
        self.deactivate_button.setText(translate("UsersPage", "&Deactivate…"))
        self.reactivate_button.setText(translate("UsersPage", "Reac&tivate"))
        self.add_group.setTitle(translate("UsersPage", "Add a user"))
        titles = (translate("UsersPage", "&User name:"), translate("UsersPage", "Full &name:"),
                  translate("UsersPage", "&Role:"), translate("UsersPage", "&Password:"),
                  translate("UsersPage", "The sa&me again:"))
        for label, title in zip(self.form_labels, titles, strict=True):
            label.setText(title)
        self.new_password.setPlaceholderText(translate("UsersPage", "at least 8 characters"))
        self.add_button.setText(translate("UsersPage", "&Add user"))
        self.model.retranslate()
        self._update()
