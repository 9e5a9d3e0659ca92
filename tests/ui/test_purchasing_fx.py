"""A purchase order in a foreign currency on the purchasing screen: the rate shown, a fixed rate entered on
the PO, totals per currency in the list, and a receipt refused for want of a rate saying where to enter it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import rates


def fx_shop(uow) -> None:
    """BOLT, warehouse W1, supplier US1 in USD and CN1 in the company currency."""
    catalog.add_product(uow(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), c.AddSupplier("US1", "Acme Inc.", currency="USD"))
    catalog.add_supplier(uow(), c.AddSupplier("CN1", "宁波紧固件"))


@pytest.fixture
def services(db, make_services):
    fx_shop(db.uow)
    return make_services()


def po(services, supplier: str, price: str, issue: bool = True) -> str:
    uow = services.uow
    draft = purchasing.create_draft(uow(), pc.CreatePurchaseOrder(supplier, "W1"))
    purchasing.add_line(uow(), pc.AddPurchaseOrderLine(draft.id, "BOLT", "10", price))
    return purchasing.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number if issue else draft.id


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.purchasing import PurchasingScreen

    widget = PurchasingScreen(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def idle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: screen.services.tasks.busy == 0 and not screen.loading, timeout=10_000)


def test_the_list_totals_each_currency_apart(qtbot, services, screen):
    po(services, "US1", "10.00")
    po(services, "CN1", "2.50")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 2)
    assert screen.list_totals.text() == "Total before tax: 25.00 CNY + 100.00 USD"
    amounts = {screen.list_model.index(r, 8).data() for r in range(2)}
    assert amounts == {"100.00 USD", "25.00 CNY"}


def test_a_usd_po_shows_its_rate_and_takes_a_fixed_rate_in_the_editor(qtbot, services, screen):
    rates.set_rate(services.uow(), pc.SetExchangeRate("USD", "7.1234", date(2026, 1, 1)))
    draft = po(services, "US1", "10.00", issue=False)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 1)
    screen.select(draft)
    qtbot.waitUntil(lambda: screen.snapshot is not None)
    idle(qtbot, screen)
    assert screen.rate_info.isVisible() and screen.fixed_rate.isEnabled()
    assert screen.rate_info.text().startswith("1 USD = 7.1234 CNY, rate of 2026-01-01")
    assert "(total ≈ 804.94 CNY)" in screen.rate_info.text()  # 113.00 × 7.1234

    screen.fixed_rate.setText("6.95")
    screen.rate_button.click()
    qtbot.waitUntil(lambda: "fixed on this PO" in screen.rate_info.text(), timeout=10_000)
    idle(qtbot, screen)
    assert screen.rate_info.text().startswith("1 USD = 6.95 CNY, fixed on this PO")
    assert services.purchasing.purchase_orders(ref=draft)[0].fixed_rate == Decimal("6.95")


def test_a_company_currency_po_shows_no_rate_controls(qtbot, services, screen):
    assert screen.isVisible() and not any(w.isVisible() for w in (  # nothing selected yet: no empty rate box
        screen.rate_info, screen.rate_label, screen.fixed_rate, screen.rate_button))
    number = po(services, "CN1", "2.50")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 1)
    screen.select(number)
    qtbot.waitUntil(lambda: screen.snapshot is not None)
    idle(qtbot, screen)
    assert not screen.rate_info.isVisible() and not screen.rate_button.isVisible()


def test_a_receipt_without_a_rate_is_refused_in_the_dialog_saying_where_to_enter_one(qtbot, services, screen):
    number = po(services, "US1", "10.00")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.list_model.rowCount() == 1)
    screen.select(number)
    qtbot.waitUntil(lambda: screen.current is not None and screen.snapshot is not None)
    idle(qtbot, screen)
    assert "No exchange rate for USD yet" in screen.rate_info.text()
    dialog = screen.receive()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.set_quantity("BOLT", "4")
    dialog.post()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    text = dialog.error.text()
    assert "There is no exchange rate for USD" in text and "Settings › Exchange rates" in text
    assert "stockroom rate set USD RATE" in text
    assert services.stock.movements() == []
    assert services.purchasing.purchase_orders(ref=number)[0].lines[0].received == 0


def test_replenishment_drafts_in_two_currencies_are_totalled_per_currency():
    from domain.planning.run import DraftCreated
    from ui.screens.replenishment import created_html

    drafts = [DraftCreated("a" * 36, "US1", "MAIN", [("BOLT", Decimal(10))], Decimal("100.00"), "USD"),
              DraftCreated("b" * 36, "CN1", "MAIN", [("NUT", Decimal(3))], Decimal("7.50"), "CNY"),
              DraftCreated("c" * 36, "US2", "MAIN", [("NUT", Decimal(3))], Decimal("5.00"), "USD")]
    html = created_html(drafts)
    assert "Together 105.00 USD + 7.50 CNY before tax" in html
