"""Settings › Warehouses: a new company adds its second warehouse in the window (before it, only the command line
could, and an opening-stock file naming it was refused "add it first" with nowhere in the window to do so)."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master
from ui.screens.settings_warehouses import NEGATIVE
from ui.screens.settings_warehouses import WarehousesPage


@pytest.fixture
def page(qtbot, db, make_services):
    master.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "主仓库"))
    widget = WarehousesPage(make_services())
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1, timeout=15_000)
    idle(qtbot, widget)
    return widget


def idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.services.tasks.busy == 0, timeout=15_000)


def stored(db) -> list[tuple[str, str, str, bool]]:
    from persistence.catalog.queries import warehouses

    return sorted((w.code, w.name, w.address, w.allow_negative) for w in warehouses(db.engine))


def test_a_warehouse_added_in_the_settings_is_stored_and_listed(qtbot, page, db):
    page.code.setText("BJ")
    page.name.setText("北京仓")
    page.address.setText("北京市朝阳区")
    page.add_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=15_000)
    idle(qtbot, page)
    assert stored(db) == [("BJ", "北京仓", "北京市朝阳区", False), ("MAIN", "主仓库", "", False)]
    assert [page.table.item(0, c).text() for c in range(3)] == ["BJ", "北京仓", "北京市朝阳区"]
    assert page.table.item(0, NEGATIVE).text() == "no"
    assert "Added warehouse BJ" in page.message.text()
    assert page.code.text() == page.name.text() == ""  # ready for the next one


@pytest.mark.parametrize(("code", "name", "said"), [
    ("", "北京仓", "Code: enter a short code without spaces"),
    ("B J", "北京仓", "Code: enter a short code without spaces"),
    ("BJ", "", "Name: enter the warehouse's name"),
    ("main", "又一个主仓库", "warehouse code 'main' is already used"),
])
def test_a_refused_warehouse_says_which_field_and_what_it_accepts_and_stores_nothing(qtbot, page, db, code, name,
                                                                                      said):
    page.code.setText(code)
    page.name.setText(name)
    page.add_button.click()
    qtbot.waitUntil(lambda: said in page.message.text(), timeout=15_000)
    idle(qtbot, page)
    assert stored(db) == [("MAIN", "主仓库", "", False)]
    assert page.code.text() == code  # what was typed stays, to be corrected
    assert page.add_button.isEnabled()


def test_the_settings_screen_offers_the_page_in_chinese(qtbot, db, make_services, chinese):
    from ui.screens.settings import SettingsScreen

    screen = SettingsScreen(make_services())
    qtbot.addWidget(screen)
    widget = screen.page("warehouses")
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "仓库"
    assert widget.add_button.text() == "添加仓库(&W)"
    idle(qtbot, widget)
