"""A date field that may be left without a date (``OptionalDateEdit``)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QWidget


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum date stands for "no date", shown as ``blank`` (a sales order's requested date, a
    purchase order's expected date).

    Qt's date edit moves Tab from section to section; while it shows its special text there is no section to go
    to and Tab never left the field: the keyboard was stuck on "no date". With a date, two Tabs stayed in its year
    and month, and what was typed for the next field went into the date. Here Tab leaves the field at once, as
    ``ui.widgets.day_edit.DayEdit`` does; a date is typed whole or changed a section at a time with the arrows."""

    def __init__(self, blank: str, parent=None, minimum: QDate | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(minimum or QDate(2000, 1, 1))
        self.setSpecialValueText(blank)
        self.setDate(self.minimumDate())

    def is_blank(self) -> bool:
        return self.date() == self.minimumDate()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)
