"""What the sales clerk's walk (docs/WALKTHROUGH-SALES.md) left on the order screens: the customer's credit beside the
customer field (its receivable, limit and what is left as soon as it is chosen, the order's value against it as lines
are added, past the limit in words), and an earlier message cleared when an order is opened."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import price_master as pm
from domain.sales import shipping
from domain.stock import commands as stc
from domain.stock import ledger

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("SD-1", "Screwdriver"))
    catalog.add_product(uow(), c.AddProduct("HM-1", "Hammer"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_customer(uow(), c.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(uow(), c.AddCustomer("BOLT", "Bolt Supplies"))
    for sku in ("SD-1", "HM-1"):
        ledger.receive(uow(), stc.ReceiveStock(sku, "50", "W1", "2"))
    with uow() as u:
        u.prices.set_list_price(u.products.by_sku("SD-1").id, "retail", D("12.50"))
        u.commit()
    pm.set_customer_terms(uow(), pm.SetCustomerTerms("ACME", credit_limit="100"))
    # a sale already made: ACME owes 2 × 12.50 + 13 % = 28.25
    shipping.sell(uow(), sc.CounterSale("ACME", "W1", (sc.SaleLineInput("SD-1", "2", "12.50"),)))
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
