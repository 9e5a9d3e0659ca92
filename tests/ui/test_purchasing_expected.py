"""Moving a purchase order's expected day on the Purchase orders screen: a draft's, then an issued one's."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from tests.ui.test_purchasing import issue
from tests.ui.test_purchasing import open_draft
from tests.ui.test_purchasing import screen  # noqa: F401 - a fixture
from tests.ui.test_purchasing import services  # noqa: F401 - a fixture
from tests.ui.test_purchasing import wait_idle


def test_the_expected_day_of_a_draft_and_of_an_issued_order_is_moved_on_the_screen(qtbot, services, screen):  # noqa: F811
    open_draft(qtbot, services, screen)
    assert screen.expected_on.is_blank() and screen.expected_button.isEnabled()  # a draft: set on issue
    screen.expected_on.setDate(QDate(2027, 1, 15))
    screen.expected_button.click()
    qtbot.waitUntil(lambda: screen.current.expected_on == date(2027, 1, 15))
    assert "2027-01-15" in screen.message.text() and "2027-01-15" in screen.header_label.text()

    issue(qtbot, screen)
    assert not screen.expected_button.isEnabled()  # an issued order changes while revising
    assert screen.revise(confirm=False)
    screen.expected_on.setDate(QDate(2027, 2, 1))
    screen.expected_button.click()
    qtbot.waitUntil(lambda: screen.current.expected_on == date(2027, 2, 1))
    wait_idle(qtbot, screen)
    assert screen.current.revision == 1 and screen.snapshot.expected_on == "2027-02-01"
