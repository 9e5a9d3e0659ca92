"""A day field of a form typed from the keyboard (``DayEdit``): Tab leaves it.

Qt's date edit moves Tab from section to section (year, month, day). In a form that a clerk Tabs through, two Tabs
from the field before it stayed inside the date, and what was typed next for the following field went into the
date instead: a receipt's bank reference ``0042`` moved its date from 2026-12-07 to 2026-04-02 without a word. Here
Tab goes to the next field at once. A date is still typed whole (``20261205``: each section is complete after its
digits and the next one takes the rest, or as it is shown, ``2026-12-05``: a dash, slash or dot typed where a section
has just begun is the separator already there), changed a section at a time with ↑/↓ and ←/→, or picked from the
calendar.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QWidget

from domain.kernel import clock


def today_q() -> QDate:
    """Today as a QDate, from the application's clock (``domain.kernel.clock``, which tests pin), not Qt's."""
    day = clock.today()
    return QDate(day.year, day.month, day.day)


class DayEdit(QDateEdit):
    """A ``yyyy-MM-dd`` date with its calendar, today unless told; Tab and Shift+Tab leave it."""

    def __init__(self, day: QDate | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(day or today_q())

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A separator typed right after a section filled itself (``2026`` moved on to the month) is passed over.
        Qt took it as leaving the month it had just chosen: 2026-11-30 typed as shown read 30-12-07, the year gone
        and the day unchanged, the way a bookkeeper types the month's end into the statement's period."""
        edit = self.lineEdit()
        at = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
        if event.text() in ("-", "/", ".") and at > 0 and edit.text()[at - 1:at] in ("-", "/", "."):
            event.accept()
            return
        super().keyPressEvent(event)
