"""Tab leaves every day field a clerk Tabs through: the screens' period and as-of dates, a document's date and the
partner page's statement period. Qt's date edit took Tab from year to month to day, and what was typed for the
next field went into the date instead (a walk-through in Chinese met it on the partner page and the reports)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDateEdit

from tests.ui.test_shell import services  # noqa: F401 - the fixture: a warehouse and a product
from tests.ui.test_shell import window  # noqa: F401 - the fixture: the main window on these services
from ui.screens import SCREENS
from ui.widgets.optional_date import OptionalDateEdit


def day_fields(widget) -> list[QDateEdit]:
    """The dates shown in ``widget`` that take the keyboard (a date left blank has its own test)."""
    return [e for e in widget.findChildren(QDateEdit)
            if e.isVisible() and e.isEnabled() and e.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(e, OptionalDateEdit)]


def assert_tab_leaves(qtbot, edit: QDateEdit) -> None:
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    day = edit.date()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not edit, f"Tab stayed in {edit.objectName() or edit}"
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not edit
    assert edit.date() == day


@pytest.mark.parametrize("key", [e.key for e in SCREENS])
def test_tab_leaves_each_screens_day_fields(qtbot, window, key):  # noqa: F811 - the fixture
    screen = window.show_screen(key)
    qtbot.waitExposed(screen)
    for edit in day_fields(screen):
        assert_tab_leaves(qtbot, edit)


def test_the_screens_with_periods_have_day_fields_that_tab_leaves(qtbot, window):  # noqa: F811 - the fixture
    counted = {}
    for key in ("reports", "movements", "receivables", "receive"):
        screen = window.show_screen(key)
        qtbot.waitExposed(screen)
        counted[key] = len(day_fields(screen))
    assert all(counted.values()), counted


def test_tab_leaves_a_date_that_may_be_blank_also_when_it_has_a_date(qtbot):
    """A sales order's requested date, a purchase order's expected date: with a date typed, Tab went on to its
    month and day."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QLineEdit
    from PySide6.QtWidgets import QVBoxLayout
    from PySide6.QtWidgets import QWidget

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    before, edit, after = QLineEdit(form), OptionalDateEdit(" ", form), QLineEdit(form)
    for w in (before, edit, after):
        layout.addWidget(w)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    for day in (edit.minimumDate(), QDate(2026, 12, 24)):
        edit.setDate(day)
        assert_tab_leaves(qtbot, edit)
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after


@pytest.mark.parametrize("typed", ["2026-11-30", "2026/11/30", "2026.11.30", "20261130"])
def test_a_date_is_typed_as_it_is_shown_with_its_dashes(qtbot, typed):
    """Typed as the field shows it, 2026-11-30 read 30-12-07 and kept 2026-12-07: the dash after the year, which had
    moved on to the month by itself, left the month, and the rest went into the year. A bookkeeper typing the
    month's end into the statement's period or the list's As of saw the wrong day, or a broken one."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QHBoxLayout
    from PySide6.QtWidgets import QLabel
    from PySide6.QtWidgets import QLineEdit
    from PySide6.QtWidgets import QWidget

    from ui.widgets.day_edit import DayEdit

    form = QWidget()
    qtbot.addWidget(form)
    row = QHBoxLayout(form)
    before, label, day = QLineEdit(form), QLabel("&As of", form), DayEdit(QDate(2026, 12, 7), form)
    label.setBuddy(day)
    for widget in (before, label, day):
        row.addWidget(widget)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is day
    qtbot.keyClicks(day, typed)
    assert (day.date(), day.text()) == (QDate(2026, 11, 30), "2026-11-30")
