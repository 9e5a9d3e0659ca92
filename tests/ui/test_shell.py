"""The main window: every screen through its shortcut, status bar, remembered layout."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from domain import catalog
from domain import commands as c
from ui.app import create_main_window
from ui.screens import SCREENS
from ui.screens import available
from ui.screens import load_class


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), c.AddProduct("SD-1", "螺丝刀"))
    return make_services()


@pytest.fixture
def window(qtbot, services):
    win = create_main_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    services.tasks.wait()


def test_every_registered_screen_is_shown_by_its_shortcut(qtbot, window):
    assert [e.key for e in SCREENS][:1] == ["stock"]
    assert {"stock", "movements", "products", "partners", "settings"} <= {e.key for e in SCREENS}
    for entry in reversed(SCREENS):
        QTest.keySequence(window, QKeySequence(entry.shortcut))
        widget = window.stack.currentWidget()
        assert isinstance(widget, load_class(entry)), entry.key
        assert window.nav.currentItem().text() == entry.title
        assert entry.title in window.windowTitle()
    assert len(window.screens) == len(SCREENS)


def test_screens_are_made_on_their_first_visit_only(qtbot, window):
    assert set(window.screens) == {"stock"}
    window.nav.setCurrentRow([e.key for e in SCREENS].index("products"))
    products = window.stack.currentWidget()
    window.show_screen("stock")
    window.show_screen("products")
    assert window.stack.currentWidget() is products
    assert set(window.screens) == {"stock", "products"}


def test_a_missing_document_module_is_left_out_of_the_navigation():
    from ui.screens import ScreenEntry

    entries = [ScreenEntry("stock", "Stock", "Ctrl+1", "ui.screens.stock:StockScreen"),
               ScreenEntry("ghost", "Ghost", "Ctrl+2", "ui.screens.no_such_module:GhostScreen")]
    assert [e.key for e in available(entries)] == ["stock"]


def test_the_status_bar_shows_the_database_and_background_work(qtbot, window, services):
    assert services.db_path in window.db_label.text()
    qtbot.waitUntil(lambda: services.tasks.busy == 0)
    assert window.work_label.text() == "Ready"
    assert window.work_bar.isHidden()
    services.tasks.submit(lambda: time.sleep(0.3))
    assert "Working" in window.work_label.text()
    assert not window.work_bar.isHidden()
    qtbot.waitUntil(lambda: window.work_label.text() == "Ready", timeout=5000)


def test_the_window_remembers_its_size_screen_and_column_widths(qtbot, services):
    first = create_main_window(services)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 520)  # the offscreen screen is 800 × 600
    size = (first.width(), first.height())
    assert size != (1280, 800)
    stock = first.show_screen("stock")
    stock.table.setColumnWidth(1, 333)
    first.show_screen("products")
    first.close()
    second = create_main_window(services)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.current_key() == "products"
    assert second.screen("stock").table.columnWidth(1) == 333


def test_the_company_name_is_saved_in_the_database_settings(qtbot, window, services):
    settings = window.show_screen("settings")
    qtbot.waitUntil(lambda: not settings.loading)
    settings.company.setText("  Acme 五金  ")
    settings.save_company()
    qtbot.waitUntil(lambda: settings.saved_label.text() == "Saved.")
    assert services.queries.setting("company_name") == "Acme 五金"
    settings.company.setText("")
    settings.save_company()
    assert settings.saved_label.text() == "is required"
    assert services.queries.setting("company_name") == "Acme 五金"
