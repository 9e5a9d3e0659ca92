"""A date field that may be left without a date (``OptionalDateEdit``)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QWidget


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum date stands for "no date", shown as ``blank`` (a sales order's requested date, a
    purchase order's expected date).

    Qt's date edit moves Tab from section to section; while it shows its special text there is no section to go
    to and Tab never left the field: the keyboard was stuck on "no date". Here Tab leaves a field without a date
    at once, and a typed date's sections as before."""

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
        if self.is_blank():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
