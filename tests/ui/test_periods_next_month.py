"""Settings › Month close selects the month a bookkeeper closes next, in sight, and its button names it; the page's
buttons answer their Alt keys and Tab; the question warns of documents still held on the desk dated in the month.

The page used to select the oldest open month (two years back on the demo), below the visible rows, behind a
button saying only "Close month…"."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QMessageBox

from domain.accounts import closing
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.held import HeldDocument
from tests import clock
from ui.screens.settings_periods import PeriodsPage

pytestmark = pytest.mark.usefixtures("pinned_today")


def month(back: int) -> str:
    """The month ``back`` months before the run's."""
    total = clock.TODAY.year * 12 + clock.TODAY.month - 1 - back
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


@pytest.fixture
def shop(db):
    """Thirty months of history: a receipt in the first of them."""
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple"))
    first = datetime.fromisoformat(month(30) + "-10T12:00:00").replace(tzinfo=UTC)
    ledger.receive(db.uow(), c.ReceiveStock("A-1", "5", "W1", "2", occurred_at=first))
    return db


def open_page(qtbot, make_services) -> PeriodsPage:
    page = PeriodsPage(make_services())
    qtbot.addWidget(page)
    page.resize(820, 520)
    page.show()
    qtbot.waitUntil(lambda: page.services.tasks.busy == 0 and bool(page.model.rows), timeout=15_000)
    return page


def in_sight(page) -> bool:
    rect = page.table.visualRect(page.table.currentIndex())
    return rect.isValid() and page.table.viewport().rect().contains(rect)


def words(m: str) -> str:
    return date.fromisoformat(m + "-01").strftime("%B %Y")


def test_with_none_closed_the_last_ended_month_is_selected_and_named(qtbot, shop, make_services):
    page = open_page(qtbot, make_services)
    assert page.current().month == month(1) and in_sight(page)
    assert page.close_button.text() == f"&Close {words(month(1))}…" and page.close_button.isEnabled()


def test_after_a_close_the_next_month_is_selected_and_scrolled_into_sight(qtbot, shop, make_services):
    closing.close_month(shop.uow(), closing.CloseMonth(month(28)))
    page = open_page(qtbot, make_services)
    assert page.current().month == month(27)
    assert in_sight(page) and page.table.verticalScrollBar().value() > 0  # far below the first rows
    assert page.close_button.text() == f"&Close {words(month(27))}…"


def test_the_button_names_the_month_in_chinese(qtbot, shop, make_services, chinese):
    page = open_page(qtbot, make_services)
    assert page.close_button.text() == f"结账 {month(1)}(&C)…"
    assert page.reopen_button.text() == "反结账(&R)…"


def test_alt_c_asks_to_close_and_alt_r_asks_why_reopen(qtbot, shop, make_services, monkeypatch):
    closing.close_month(shop.uow(), closing.CloseMonth(month(3)))
    page = open_page(qtbot, make_services)
    asked, why = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **kw: why.append(a[2]) or ("", False))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=15_000)
    assert asked[0].startswith(f"Close {month(2)}?")
    page.table.selectRow(next(i for i, m in enumerate(page.model.rows) if m.month == month(3)))
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(why), timeout=5_000)  # a mnemonic clicks the button a moment after the key
    assert month(3) in why[0]


def test_tab_leaves_the_lists_for_the_buttons(qtbot, shop, make_services):
    page = open_page(qtbot, make_services)
    page.activateWindow()
    page.table.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget() or page.table, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert page.close_button in seen


def test_the_question_says_how_to_reopen_and_warns_of_held_documents(qtbot, shop, make_services, monkeypatch):
    page = open_page(qtbot, make_services)
    store = page.services.database.held_documents()
    dated = date.fromisoformat(month(1) + "-20")
    store.save(HeldDocument("h1", "receipt", warehouse="W1", partner="SUP-9", business_date=dated,
                            saved_at=clock.MIDDAY))
    store.save(HeldDocument("h2", "shipment", warehouse="W1", business_date=clock.TODAY, saved_at=clock.MIDDAY))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    page.close_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=15_000)
    assert "with Reopen… on this page and giving a reason" in asked[0]
    assert (f"Still held on this desk, not posted, dated in {month(1)} or before: Receipt {dated.isoformat()} SUP-9."
            in asked[0])
    assert "Shipment" not in asked[0]  # dated this month: the close does not touch it
