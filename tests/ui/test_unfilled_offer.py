"""The Ship screen offers to record a refused line's shortfall as unfilled demand, from the keyboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from ui.widgets.unfilled_offer import shortfall


@pytest.fixture
def screen(qtbot, db, make_services, monkeypatch):
    from ui.screens.documents import ShipScreen

    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    u = db.uow
    catalog.add_product(u(), cc.AddProduct("A-1", "Screwdriver"))
    catalog.add_warehouse(u(), cc.AddWarehouse("W1", "Main"))
    catalog.add_customer(u(), cc.AddCustomer("CUS", "Customer"))
    ledger.receive(u(), c.ReceiveStock("A-1", "2", "W1", "1.5"))
    widget = ShipScreen(make_services())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.codes_ready and widget.warehouse.count() > 0)
    return widget


def _recorded(db) -> list:
    with db.engine.connect() as conn:
        return conn.execute(select(t.unfilled_demand)).all()


def test_a_line_refused_for_stock_can_be_recorded_as_a_lost_sale_with_alt_n(qtbot, screen, db):
    qtbot.keyClicks(screen.scan, "A-1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    assert screen.model.setData(screen.model.index(0, screen.model.column("qty")), "5")
    screen.partner.setEditText("CUS")
    screen.reference.setText("SO-17")
    screen.scan.setFocus()
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.isVisible(), timeout=10_000)
    assert screen.unfilled_offer.label.text() == "3 more of A-1 than W1 holds: a lost sale?"
    assert _recorded(db) == []

    qtbot.keyClick(screen.scan, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.label.text().startswith("Recorded"), timeout=10_000)
    assert "Recorded 3 of A-1 as unfilled demand. Change line 1" in screen.unfilled_offer.label.text()
    [row] = _recorded(db)
    assert (row.qty, row.customer, row.source_ref, row.user) == (Decimal(3), "CUS", "SO-17", "")
    assert not screen.unfilled_offer.button.isEnabled()  # once

    assert screen.model.setData(screen.model.index(0, screen.model.column("qty")), "2")
    screen.scan.setFocus()
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1, timeout=10_000)
    assert screen.unfilled_offer.isHidden()  # the rest was shipped: the offer is gone


def test_other_refusals_offer_nothing():
    assert shortfall({"asked": "5", "on_hand": "2"}) == 3
    assert shortfall({"asked": "5", "on_hand": "-1"}) == 5  # a negative balance is no stock
    assert shortfall({"asked": "2", "on_hand": "2"}) is None
    assert shortfall({}) is None


def test_the_offer_also_changes_the_refused_line_to_what_is_on_hand_then_the_rest_posts(qtbot, screen, db):
    """Asked 5 with 2 on hand: Alt+I makes the line 2 (the clerk does not hunt for the cell), the refusal goes, and
    Ctrl+Enter ships the 2; the shortfall can still be recorded as a lost sale."""
    qtbot.keyClicks(screen.scan, "A-1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    assert screen.model.setData(screen.model.index(0, screen.model.column("qty")), "5")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.isVisible(), timeout=10_000)
    assert screen.unfilled_offer.fit_button.text() == "Sh&ip the 2 on hand"

    qtbot.keyClick(screen.scan, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.model.lines[0].qty == Decimal(2), timeout=10_000)  # a button's Alt key: animated
    assert not screen.model.lines[0].error
    assert "Line 1 now ships the 2 on hand" in screen.result_label.text()
    assert screen.scan.hasFocus() and not screen.unfilled_offer.fit_button.isEnabled()
    qtbot.keyClick(screen.scan, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the 3 short: a lost sale
    qtbot.waitUntil(lambda: len(_recorded(db)) == 1, timeout=10_000)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.posted_model.rowCount() == 1, timeout=10_000)
    assert screen.services.stock.on_hand("A-1", "W1") == 0


def test_with_nothing_on_hand_the_offer_removes_the_line(qtbot, screen):
    from domain.catalog import commands as cc2

    catalog.add_product(screen.services.uow(), cc2.AddProduct("B-2", "Hammer"))
    screen.reload_codes()
    qtbot.waitUntil(lambda: "B-2" in screen.codes, timeout=10_000)
    for code in ("A-1", "B-2"):
        qtbot.keyClicks(screen.scan, code)
        qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.isVisible(), timeout=10_000)
    assert screen.unfilled_offer.fit_button.text() == "Remove the l&ine: none on hand"
    screen.unfilled_offer.fit_button.click()
    assert [x.sku for x in screen.model.lines] == ["A-1"]


def test_the_offer_reads_naturally_in_chinese(qtbot, screen, chinese):
    """It said "A-1 比 W1 的库存多要了 3" (A-1 asked 3 more than W1's stock)."""
    qtbot.keyClicks(screen.scan, "A-1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    assert screen.model.setData(screen.model.index(0, screen.model.column("qty")), "5")
    screen.scan.setFocus()
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.isVisible(), timeout=10_000)
    assert screen.unfilled_offer.label.text() == "A-1 在 W1 还差 3：记为未满足需求？"
    assert screen.line_error.text() == "第 1 行：A-1（Screwdriver）在 W1 库存不足：现有 2，需要 5。"


def test_posting_before_the_lost_sale_is_recorded_does_not_fail(qtbot, screen, db):
    """Alt+N then at once Ctrl+Enter: the posting withdrew the offer before its record came back, and saying what was
    recorded failed ('NoneType' object has no attribute 'sku')."""
    qtbot.keyClicks(screen.scan, "A-1")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    assert screen.model.setData(screen.model.index(0, screen.model.column("qty")), "5")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.unfilled_offer.isVisible(), timeout=10_000)
    with qtbot.waitSignal(screen.unfilled_offer.recorded, timeout=10_000):
        screen.unfilled_offer.record()
        screen.unfilled_offer.withdraw()  # what posting does first
    assert len(_recorded(db)) == 1
