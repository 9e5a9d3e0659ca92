"""Tab from the navigation list into a document screen: header → lines → buttons. The arrow keys in the list showed a
document screen and moved the keyboard into its scan field, so the next Tab went to the lines grid and the header
(partner, date, warehouse) was never reached; on Sales orders and Purchase orders Tab went to the list and stayed in
its cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.test_shell import services  # noqa: F401 - the fixture: a warehouse and a product
from tests.ui.test_shell import window  # noqa: F401 - the fixture: the main window on these services
from ui.screens import SCREENS


@pytest.fixture
def shell(window):  # noqa: F811 - the fixture
    return window


KEYS = [e.key for e in SCREENS]
AFTER_HEADER = ["scan", "grid", "remove_button", "clear_button", "hold_button", "held_button", "post_button"]


def arrow_to(qtbot, shell, key: str):
    """The clerk goes down the navigation list with ↓ onto the screen ``key``."""
    # a button held down means a click, which does hand the keyboard to the scan field (an earlier test's double
    # click left one down for the whole process once)
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton, "a mouse button is down"
    shell.nav.setCurrentRow(KEYS.index(key) - 1)
    shell.nav.setFocus()
    qtbot.waitUntil(shell.nav.hasFocus)
    qtbot.keyClick(shell.nav, Qt.Key.Key_Down)
    screen = shell.stack.currentWidget()
    assert shell.current_key() == key
    turns_taken(qtbot)  # the screen's queued turns (a scan field taking the keyboard, were it to)
    assert shell.nav.hasFocus()  # going through the list, the keyboard stays in it
    return screen


def turns_taken(qtbot) -> None:
    """Every turn queued so far for the event loop (``QTimer.singleShot(0, …)``) has been taken: a turn queued now
    comes after them, and is waited for, however slow the machine (a 20 ms wait assumed they had run by then)."""
    taken: list[bool] = []
    QTimer.singleShot(0, lambda: taken.append(True))
    qtbot.waitUntil(lambda: bool(taken))


def names(screen, widget) -> str | None:
    """The screen's attribute holding ``widget`` (or the compound widget it is part of: a combo's line edit)."""
    owners = [screen, *(v for v in vars(screen).values() if type(v).__name__ == "SalesShipPanel")]
    while widget is not None:
        for owner in owners:
            for name, value in vars(owner).items():
                if value is widget:
                    return name
        widget = widget.parentWidget()
        if widget is screen:
            return None
    return None


def tab_through(qtbot, shell, screen, count: int) -> list[str]:
    """What Tab visits from where the keyboard is, ``count`` times (a field visited over several Tabs, as a date's
    year, month and day, once)."""
    seen: list[str] = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        name = "nav" if focused is shell.nav else names(screen, focused) or type(focused).__name__
        if not seen or seen[-1] != name:
            seen.append(name)
    return seen


@pytest.mark.parametrize(("key", "header"), [
    ("receive", ["warehouse", "partner", "reference", "date", "po_combo"]),
    ("ship", ["warehouse", "partner", "reference", "date"]),
    ("transfer", ["warehouse", "to_warehouse", "reference", "date"]),
    ("count", ["warehouse", "reference", "date", "category", "load_expected_button"]),
    ("adjust", ["warehouse", "reference", "date"]),
])
def test_tab_from_the_navigation_list_goes_through_the_header_then_the_lines_then_the_buttons(qtbot, shell, key,
                                                                                                header):
    screen = arrow_to(qtbot, shell, key)
    visited = tab_through(qtbot, shell, screen, 20)
    expected = header + AFTER_HEADER
    assert visited[:len(expected)] == expected


def test_a_click_in_the_navigation_list_still_puts_the_keyboard_in_the_scan_field(qtbot, shell):
    """A scanner's codes go to the scan field of a screen chosen with the mouse, as before."""
    item = shell.nav.item(KEYS.index("receive"))
    qtbot.mouseClick(shell.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=shell.nav.visualItemRect(item).center())
    screen = shell.stack.currentWidget()
    assert shell.current_key() == "receive"
    qtbot.waitUntil(screen.scan.hasFocus)


def test_the_ship_screens_sales_tab_is_tabbed_through_header_first(qtbot, shell):
    screen = arrow_to(qtbot, shell, "ship")
    screen.tabs.setCurrentWidget(screen.sales)
    screen.tabs.tabBar().setFocus()
    qtbot.waitUntil(screen.tabs.tabBar().hasFocus)
    visited = tab_through(qtbot, shell, screen, 8)
    assert visited[:5] == ["order_mode", "so_combo", "scan", "grid", "clear_button"]  # an order: no customer to type


def test_sales_orders_are_tabbed_through_the_orders_header_its_lines_its_buttons_then_the_list(qtbot, shell):
    screen = arrow_to(qtbot, shell, "sales")
    qtbot.waitUntil(lambda: shell.services.tasks.busy == 0)
    visited = tab_through(qtbot, shell, screen, 40)
    assert visited[:7] == ["customer", "warehouse", "requested", "reference", "lines", "sku", "qty"]
    after = visited[visited.index("qty"):]
    assert after.index("new_button") < after.index("search") < after.index("table") < after.index("nav")
    assert visited[:visited.index("nav")].count("table") == 1  # Tab leaves the list, not going from cell to cell


def test_purchase_orders_are_tabbed_through_the_draft_header_its_lines_its_buttons_then_the_list(qtbot, shell):
    screen = arrow_to(qtbot, shell, "purchasing")
    qtbot.waitUntil(lambda: shell.services.tasks.busy == 0)
    visited = tab_through(qtbot, shell, screen, 30)
    assert visited[:5] == ["supplier", "warehouse", "expected", "new_button", "lines"]
    after = visited[visited.index("lines"):]
    assert after.index("search") < after.index("table") < after.index("nav")
    assert visited[:visited.index("nav")].count("table") == 1


def test_tab_leaves_a_grid_with_lines_for_the_buttons_and_in_a_cell_moves_to_the_next_cell(qtbot, db, tmp_path):
    """With lines, Tab went from cell to cell of the grid and round again: the buttons were never reached."""
    from tests.ui.test_documents import document_services
    from tests.ui.test_documents import open_screen
    from tests.ui.test_documents import scan
    from ui.screens.documents import ReceiveScreen

    desk = next(document_services(db, tmp_path))
    screen = open_screen(qtbot, desk, ReceiveScreen)
    for code in ("A-1", "B-2"):
        scan(qtbot, screen, code)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Tab)
    assert screen.grid.hasFocus()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Tab)
    assert screen.remove_button.hasFocus()
    desk.tasks.wait()
