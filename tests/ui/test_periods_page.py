"""Settings › Month close: the months with their state and events, closing after a confirmation that says what it
means, reopening with a reason, and the buttons a role may not use."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QMessageBox

from domain.access import users
from domain.accounts import closing
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from ui.access import guard_screen
from ui.models.periods import PeriodTableModel
from ui.screens.settings_periods import PeriodsPage


@pytest.fixture
def shop(db):
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple"))
    september = datetime(2026, 9, 10, 12).astimezone(UTC)
    ledger.receive(db.uow(), c.ReceiveStock("A-1", "5", "W1", "2", occurred_at=september))
    return db


def idle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.services.tasks.busy == 0, timeout=15_000)


@pytest.fixture
def page(qtbot, shop, make_services):
    widget = PeriodsPage(make_services())
    qtbot.addWidget(widget)
    widget.resize(820, 520)
    widget.show()
    idle(qtbot, widget)
    return widget


def row_of(page, month: str) -> int:
    return next(i for i, m in enumerate(page.model.rows) if m.month == month)


def state(page, month: str) -> str:
    return page.model.data(page.model.index(row_of(page, month), PeriodTableModel.STATE))


def test_the_months_since_the_first_movement_are_listed_open_and_the_last_ended_is_selected(page):
    months = [m.month for m in page.model.rows]
    assert months[-1] == "2026-09" and months == sorted(months, reverse=True)
    assert state(page, "2026-09") == "open"
    assert page.current().month == months[1] and page.close_button.isEnabled()  # months[0] is this month
    assert not page.reopen_button.isEnabled()


def test_closing_asks_first_saying_what_it_means_then_closes_and_lists_the_event(qtbot, page, monkeypatch, shop):
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.table.selectRow(row_of(page, "2026-10"))
    page.close_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=15_000)  # after reading what is still held in the month
    assert "Close 2026-10?" in asked[0] and "nothing can be posted, reversed or back-dated" in asked[0]
    assert "The earlier months still open are closed with it: 2026-09." in asked[0]
    idle(qtbot, page)
    assert state(page, "2026-10") == "open"  # answered No
    page.table.selectRow(row_of(page, "2026-10"))
    page.close_button.click()
    qtbot.waitUntil(lambda: state(page, "2026-10") == "closed", timeout=15_000)
    idle(qtbot, page)
    assert state(page, "2026-09") == "closed" and page.message.text() == "Closed: 2026-09, 2026-10."
    page.table.selectRow(row_of(page, "2026-10"))
    assert page.events.rowCount() == 1 and page.events.data(page.events.index(0, 1)) == "close"
    assert page.reopen_button.isEnabled() and not page.close_button.isEnabled()
    page.table.selectRow(row_of(page, "2026-09"))
    assert not page.reopen_button.isEnabled()  # only the latest closed month


def test_reopening_asks_the_reason_and_keeps_it_with_the_month(qtbot, page, monkeypatch, shop):
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    page.refresh()
    idle(qtbot, page)
    page.table.selectRow(row_of(page, "2026-10"))
    replies = iter([("", True), ("送货单漏录 a delivery note was missed", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: next(replies))
    page.reopen_button.click()
    idle(qtbot, page)
    assert "Give the reason for reopening" in page.message.text()
    page.reopen_button.click()
    qtbot.waitUntil(lambda: state(page, "2026-10") == "open", timeout=15_000)
    idle(qtbot, page)
    page.table.selectRow(row_of(page, "2026-10"))
    rows = [(page.events.data(page.events.index(r, 1)), page.events.data(page.events.index(r, 3)))
            for r in range(page.events.rowCount())]
    assert rows == [("close", ""), ("reopen", "送货单漏录 a delivery note was missed")]


def test_a_manager_may_close_but_the_reopen_button_needs_an_admin(qtbot, shop, make_services):
    users.add_user(shop.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(shop.uow("boss", "admin"), users.AddUser("li", "li-pass-12", "manager"))
    closing.close_month(shop.uow("li", "manager"), closing.CloseMonth("2026-10"))
    services = make_services("li")
    services.role = "manager"
    page = PeriodsPage(services)
    qtbot.addWidget(page)
    guard_screen("settings.periods", page, services.role)
    idle(qtbot, page)
    page.table.selectRow(row_of(page, "2026-10"))
    assert not page.reopen_button.isEnabled() and page.reopen_button.toolTip() == "Needs the Admin role or higher."
    page.table.selectRow(row_of(page, "2026-11"))
    assert page.close_button.isEnabled()


def test_a_screenshot_of_the_page(qtbot, page, shop, tmp_path):
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    closing.reopen_month(shop.uow(), closing.ReopenMonth("2026-10", "a delivery note was missed"))
    closing.close_month(shop.uow(), closing.CloseMonth("2026-10"))
    page.refresh()
    idle(qtbot, page)
    page.table.selectRow(row_of(page, "2026-10"))
    assert page.grab().save(str(tmp_path / "periods.png"))
