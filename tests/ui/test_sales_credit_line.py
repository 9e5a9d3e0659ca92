"""What the sales clerk's walk (docs/WALKTHROUGH-SALES.md) left on the order screens: the customer's credit beside the
customer field (its receivable, limit and what is left as soon as it is chosen, the order's value against it as lines
are added, past the limit in words), and an earlier message cleared when an order is opened."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import shipping
from tests.sales_shop import ACME
from tests.sales_shop import open_shop

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    open_shop(db.uow, products=[("SD-1", "Screwdriver"), ("HM-1", "Hammer")],
              stock=[("SD-1", "W1", "50"), ("HM-1", "W1", "50")], prices={"SD-1": "12.50"},
              customers=[ACME, ("BOLT", "Bolt Supplies")], credit={"ACME": "100"})
    # a sale already made: ACME owes 2 × 12.50 + 13 % = 28.25
    shipping.sell(db.uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("SD-1", "2", "12.50"),)))
    return make_services(user="boss")


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.sales import SalesOrdersScreen

    widget = SalesOrdersScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.customer.count() == 2 and not widget.loading)
    return widget


def choose(qtbot, combo, code: str) -> None:
    combo.setFocus()
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), code)


def test_choosing_the_customer_shows_its_receivable_limit_and_what_is_left(qtbot, screen):
    assert screen.credit.text() == ""
    choose(qtbot, screen.customer, "ACME")
    qtbot.waitUntil(lambda: "Receivable" in screen.credit.text())
    assert screen.credit.text() == "Receivable 28.25 · credit limit 100.00 · available 71.75"
    screen.customer.setCurrentIndex(screen.customer.findData("BOLT"))
    qtbot.waitUntil(lambda: "no credit limit" in screen.credit.text())
    assert screen.credit.text() == "Receivable 0.00 · no credit limit"


def test_lines_added_are_put_against_what_is_left_and_past_it_said_in_words(qtbot, screen):
    choose(qtbot, screen.customer, "ACME")
    screen.add_line("SD-1", "2", "12.50")  # 28.25: within the 71.75 left
    qtbot.waitUntil(lambda: "this order 28.25" in screen.credit.text())
    assert "OVER" not in screen.credit.text()
    qtbot.waitUntil(lambda: screen.current is not None and len(screen.current.lines) == 1 and not screen.loading)
    screen.add_line("HM-1", "1", "40")  # + 45.20 = 73.45 against 71.75 left
    qtbot.waitUntil(lambda: "this order 73.45" in screen.credit.text())
    assert screen.credit.text().endswith("available 71.75 · this order 73.45 — OVER the credit limit by 1.70")
    assert "#9b1c1c" in screen.credit.styleSheet()


def test_the_counter_sale_shows_its_customers_credit_with_its_lines(qtbot, services):
    from ui.screens.documents.ship import ShipScreen

    widget = ShipScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    panel = widget.sales
    panel.counter_mode.setChecked(True)
    qtbot.waitUntil(lambda: panel.customer.count() == 2)
    choose(qtbot, panel.customer, "ACME")
    qtbot.waitUntil(lambda: "Receivable" in panel.credit.text())
    assert panel.credit.text() == "Receivable 28.25 · credit limit 100.00 · available 71.75"
    panel.apply_scan("SD-1")
    qtbot.waitUntil(lambda: "this order" in panel.credit.text())
    assert panel.credit.text() == "Receivable 28.25 · credit limit 100.00 · available 71.75 · this order 14.13"


def test_opening_an_order_again_or_another_clears_the_message_a_change_keeps_it(qtbot, services):
    """The confirm or credit text of an earlier order stayed on the message line when an order was opened."""
    from ui.screens.sales import SalesOrdersScreen

    first = orders.create_order(services.uow(), sc.CreateSalesOrder("ACME", "W1")).number
    orders.add_line(services.uow(), sc.AddSalesOrderLine(first, "SD-1", "1"))
    second = orders.create_order(services.uow(), sc.CreateSalesOrder("BOLT", "W1")).number
    screen = SalesOrdersScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.warehouse.count() == 1 and not screen.loading)
    screen.select(first)
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.number == first)
    screen.confirm_order()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed" and not screen.loading)
    assert screen.message.text().startswith(f"Confirmed {first}")  # read again after the change: kept
    shown = screen.current
    screen.select(first)  # the same order opened again
    qtbot.waitUntil(lambda: screen.current is not shown)
    assert screen.message.text() == ""
    screen.say(f"Confirmed {first}: its quantities are reserved.")
    screen.select(second)
    qtbot.waitUntil(lambda: screen.current.number == second)
    assert screen.message.text() == ""


def counter_sale(qtbot, services, qty: str):
    """The Ship screen's counter sale to ACME of ``qty`` × SD-1 at 12.50 (14.125 a unit with tax), typed."""
    from PySide6.QtWidgets import QApplication

    from ui.screens.documents.ship import ShipScreen

    widget = ShipScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    widget.counter_sale()
    panel = widget.sales
    qtbot.waitUntil(lambda: panel.customer.count() == 2 and QApplication.activeWindow() is widget)
    choose(qtbot, panel.customer, "ACME")
    qtbot.waitUntil(lambda: "Receivable" in panel.credit.text())
    panel.apply_scan("SD-1")
    qtbot.waitUntil(lambda: len(panel.lines) == 1 and "this order" in panel.credit.text())
    panel.grid.item(0, 4).setText(qty)  # C_QTY
    return panel


def owed(services) -> D:
    """What the customers owe, their credit netted."""
    return sum((x.open if x.amount > 0 else -x.open for x in services.accounts.open_items("AR")), D(0))


def sales_posted(db) -> dict[str, str]:
    """Each posted sale's number → its note."""
    from sqlalchemy import select

    from persistence import tables as t

    with db.engine.connect() as conn:
        rows = conn.execute(select(t.documents.c.number, t.documents.c.note).where(t.documents.c.kind == "sale"))
        return {number: note for number, note in rows}


def test_a_counter_sale_on_account_past_the_limit_is_red_and_asks_before_posting(qtbot, db, services, monkeypatch):
    """A counter sale made no credit check where a sales order did: 6 × 14.125 = 84.75 on top of 28.25 owed passes
    the limit of 100 by 13.00; the line says so in red and the manager is asked, No the answer: nothing posts."""
    from PySide6.QtWidgets import QMessageBox

    panel = counter_sale(qtbot, services, "6")
    qtbot.waitUntil(lambda: "this order 84.75" in panel.credit.text())
    assert panel.credit.text().endswith("— OVER the credit limit by 13.00") and "#9b1c1c" in panel.credit.styleSheet()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    panel.post()
    qtbot.waitUntil(lambda: bool(asked) and not panel._busy)
    assert ("a sale on account would take customer ACME to 113.00, over its credit limit of 100.00 by 13.00 (balance "
            "28.25, open orders 0.00, this sale 84.75)") in asked[0]
    assert asked[0].endswith("Post it on account past the credit limit? You are recorded on the sale as the one who "
                             "allowed it. (Paid at once, it needs no override.)")
    assert "over its credit limit" in panel.header_error.text() and len(panel.lines) == 1
    assert len(sales_posted(db)) == 1  # only the fixture's


def test_the_managers_yes_posts_the_counter_sale_with_the_override_on_its_note(qtbot, db, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    panel = counter_sale(qtbot, services, "6")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.post()
    qtbot.waitUntil(lambda: "Posted SD-" in panel.result_label.text())
    assert owed(services) == D("113.00")
    note = next(note for number, note in sales_posted(db).items() if number in panel.result_label.text())
    assert note.startswith("Credit limit 100 overridden by boss on ") and note.endswith(
        ": exposure 113 (balance 28.25, open orders 0, this sale 84.75), 13 over")


def test_a_counter_sale_paid_at_once_is_not_checked_and_leaves_nothing_owed(qtbot, services, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    panel = counter_sale(qtbot, services, "6")
    qtbot.waitUntil(lambda: "OVER" in panel.credit.text())
    panel.scan.setFocus()
    qtbot.keyClick(panel.scan, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Paid a&t once (cash)
    qtbot.waitUntil(panel.paid.isChecked)  # a button's Alt key clicks it a moment later
    assert panel.credit.text() == "Receivable 28.25 · credit limit 100.00 · available 71.75"  # nothing added
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("a cash sale asks nothing"))
    panel.post()
    qtbot.waitUntil(lambda: "Posted SD-" in panel.result_label.text())
    assert owed(services) == D("28.25")  # the receipt settled the sale: the customer owes what it owed before
    assert not panel.paid.isChecked()  # the next sale says anew whether it is paid
