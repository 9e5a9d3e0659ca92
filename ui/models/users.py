"""Users on the Users settings page (``domain.access.model.User`` rows)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from ui.access import role_title
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import when_text


def _active(value: bool) -> str:
    return QCoreApplication.translate("UserTableModel", "yes" if value else "no (deactivated)")


QT_TRANSLATE_NOOP("UserTableModel", "yes")
QT_TRANSLATE_NOOP("UserTableModel", "no (deactivated)")


class UserTableModel(RowTableModel):
    CONTEXT = "UserTableModel"
    NAME, DISPLAY_NAME, ROLE, ACTIVE, CREATED = range(5)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("UserTableModel", "User name"), lambda r: r.username),
        Column(QT_TRANSLATE_NOOP("UserTableModel", "Full name"), lambda r: r.display_name),
        Column(QT_TRANSLATE_NOOP("UserTableModel", "Role"), lambda r: r.role, role_title),
        Column(QT_TRANSLATE_NOOP("UserTableModel", "Active"), lambda r: r.active, _active),
        Column(QT_TRANSLATE_NOOP("UserTableModel", "Created"), lambda r: r.created_at, when_text),
    )
