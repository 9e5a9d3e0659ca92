"""A settings form that follows the database while it is open, without throwing away what the user typed.

Office settings sync (``persistence/office.py``): a pull may bring values another desk saved while this desk shows
the form. ``FollowedForm`` keeps the values the form last showed from the database (its base) and, given the values
read again after a change (``merge``), compares three ways per field:

- a field the user has not touched (it still reads as the base) takes the new value at once;
- a field the user edited keeps the user's text; if the other desk changed it too, to something else, it is a
  conflict: ``ChangedBanner`` says so, naming the fields, and offers to reload them or to keep editing;
- the new values become the base, so the same change is not announced twice and a later Save writes the user's
  edits over what is stored now, not over what was there when the form opened.

The form's own Save comes back the same way (the window hears of its commit): its values equal the fields, so
nothing is announced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton

from ui.i18n import fill
from ui.widgets.screen import STALE_STYLE

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


@dataclass(frozen=True)
class Field:
    read: Callable[[], str]  # the field's text as shown now
    show: Callable[[str], None]  # put a stored value in the field
    name: Callable[[], str]  # what the form calls it, in the current language


@dataclass(frozen=True)
class Merged:
    updated: list[str]  # fields that took the other desk's value (the user had not touched them)
    conflicts: dict[str, str]  # field → the other desk's value, where the user has typed something else


class FollowedForm:
    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields
        self.base: dict[str, str] | None = None  # the stored values the form last showed

    def shown(self, values: dict[str, str]) -> None:
        """The form now shows ``values`` as stored (loaded, or saved)."""
        for key, value in values.items():
            self.fields[key].show(value)
        self.base = {**(self.base or {}), **values}

    def edited(self) -> list[str]:
        """The fields whose text differs from what is stored (unsaved edits)."""
        base = self.base or {}
        return [key for key, field in self.fields.items() if key in base and field.read() != base[key]]

    def merge(self, values: dict[str, str]) -> Merged:
        """Take the stored ``values`` read after a change: untouched fields follow, edited ones are kept."""
        if self.base is None or self.base.keys() != self.fields.keys():  # not shown yet: nothing typed to keep
            self.shown(values)
            return Merged([], {})
        updated, conflicts = [], {}
        for key, field in self.fields.items():
            old, new, mine = self.base[key], values[key], field.read()
            if new == old or new == mine:
                continue
            if mine == old:
                field.show(new)
                updated.append(key)
            else:
                conflicts[key] = new
        self.base = dict(values)
        return Merged(updated, conflicts)

    def names(self, keys) -> str:
        return translate("ChangedBanner", ", ").join(self.fields[key].name() for key in keys)


class ChangedBanner(QFrame):
    """Says that fields the user is editing were changed on another desk; Reload puts the other desk's values in
    them, Keep editing leaves the user's (a Save then stores them)."""

    answered = Signal()

    def __init__(self, form: FollowedForm, parent=None) -> None:
        super().__init__(parent)
        self.form = form
        self.conflicts: dict[str, str] = {}
        self.setStyleSheet(f"QFrame {{ {STALE_STYLE} }}")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.reload = QPushButton(self)
        self.keep = QPushButton(self)
        self.reload.clicked.connect(self.take_theirs)
        self.keep.clicked.connect(self.keep_mine)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload)
        layout.addWidget(self.keep)
        self.hide()
        self.retranslate()

    def ask(self, conflicts: dict[str, str]) -> None:
        self.conflicts = {**self.conflicts, **conflicts}
        self.retranslate()
        self.show()

    def take_theirs(self) -> None:
        for key, value in self.conflicts.items():
            self.form.fields[key].show(value)
        self.close_banner()

    def keep_mine(self) -> None:
        self.close_banner()

    def close_banner(self) -> None:
        self.conflicts = {}
        self.hide()
        self.answered.emit()

    def retranslate(self) -> None:
        self.reload.setText(translate("ChangedBanner", "Reload"))
        self.keep.setText(translate("ChangedBanner", "Keep editing"))
        if self.conflicts:
            self.text.setText(fill(translate(
                "ChangedBanner", "Changed on another desk while you were editing: %1. Reload shows the values saved "
                                 "there; Keep editing leaves yours, and Save stores them over theirs."),
                self.form.names(self.conflicts)))


def updated_text(form: FollowedForm, keys) -> str:
    """Said beside the Save button after fields took another desk's values."""
    return fill(translate("ChangedBanner", "Changed on another desk, shown as saved there: %1."), form.names(keys))
