"""The customer editor: terms and own prices, prefilled, saved together, refusals under their field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.sales import price_master as pm

D = Decimal


@pytest.fixture
def services(db, make_services):
    uow = db.uow
    catalog.add_product(uow(), cc.AddProduct("SD-1", "螺丝刀"))
    catalog.add_product(uow(), cc.AddProduct("HM-1", "Hammer"))
    catalog.add_customer(uow(), cc.AddCustomer("ACME", "顶好商贸"))
    catalog.add_customer(uow(), cc.AddCustomer("BETA", "贝塔"))
    pm.set_customer_terms(uow(), pm.SetCustomerTerms("ACME", price_level="wholesale", discount="5",
                                                     credit_limit="5000", phone="0755-1234"))
    pm.set_customer_price(uow(), pm.SetCustomerPrice("ACME", "SD-1", "9.9"))
    pm.name_levels(uow(), pm.NameLevels({"level3": "VIP"}))
    return make_services()


@pytest.fixture
def screen(qtbot, services):
    from ui.screens.partners import PartnersScreen

    widget = PartnersScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.customers.rowCount() == 2)
    return widget


def open_terms(qtbot, screen, code: str):
    table = screen.tables[1]
    row = next(i for i in range(table.model().rowCount())
               if table.model().index(i, 0).data() == code)
    table.setCurrentIndex(table.model().index(row, 0))
    dialog = screen.edit_current_terms()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def test_the_terms_and_own_prices_are_prefilled(qtbot, screen):
    dialog = open_terms(qtbot, screen, "ACME")
    assert dialog.level.currentData() == "wholesale"
    # the extra levels the office has not named are not offered (Settings › Price levels adds them)
    assert [dialog.level.itemText(i) for i in range(dialog.level.count())] == ["Retail", "Wholesale", "VIP"]
    assert (dialog.edits["discount"].text(), dialog.edits["credit limit"].text()) == ("5", "5000")
    assert dialog.edits["phone"].text() == "0755-1234"
    assert [(dialog.prices.item(0, 0).text(), dialog.prices.item(0, 1).text())] == [("SD-1", "9.9")]
    assert "ACME" in dialog.windowTitle()


def test_changed_terms_and_prices_are_saved_together(qtbot, screen, services):
    dialog = open_terms(qtbot, screen, "ACME")
    dialog.level.setCurrentIndex(dialog.level.findData("level3"))
    dialog.edits["discount"].setText("2.5")
    dialog.edits["credit limit"].setText("")
    dialog.edits["payment days"].setText("30")
    dialog.prices.removeRow(0)
    dialog.add_price_row("HM-1", "20")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    _, terms = pm.customer_terms(services.uow(), "ACME")
    assert (terms.price_level, terms.discount, terms.credit_limit, terms.payment_days) == ("level3", D("2.5"),
                                                                                             None, 30)
    assert [(p.sku, price) for p, price in pm.customer_prices(services.uow(), "ACME")] == [("HM-1", D(20))]


def test_a_bad_discount_is_shown_under_it_and_nothing_is_saved(qtbot, screen, services):
    dialog = open_terms(qtbot, screen, "ACME")
    dialog.edits["discount"].setText("120")
    dialog.add_price_row("HM-1", "20")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.errors["discount"].isHidden())
    assert "120" in dialog.errors["discount"].text()
    assert [p.sku for p, _ in pm.customer_prices(services.uow(), "ACME")] == ["SD-1"]


def test_an_unknown_sku_among_the_prices_is_refused(qtbot, screen, services):
    dialog = open_terms(qtbot, screen, "BETA")
    assert dialog.level.currentData() == "retail" and dialog.prices.rowCount() == 0
    dialog.add_price_row("NOPE", "1")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.general_error.isHidden())
    assert "NOPE" in dialog.general_error.text()
    assert pm.customer_prices(services.uow(), "BETA") == []


def test_the_payment_basis_is_chosen_beside_the_days_and_saved(qtbot, screen, services):
    dialog = open_terms(qtbot, screen, "ACME")
    assert dialog.basis.currentData() == "net"
    assert [dialog.basis.itemData(i) for i in range(dialog.basis.count())] == ["net", "month_end", "cod"]
    dialog.basis.setCurrentIndex(dialog.basis.findData("month_end"))
    dialog.edits["payment days"].setText("30")
    dialog.edits["payment terms"].setText("月结30天")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    _, terms = pm.customer_terms(services.uow(), "ACME")
    assert (terms.payment_basis, terms.payment_days, terms.payment_terms) == ("month_end", 30, "月结30天")
    again = open_terms(qtbot, screen, "ACME")
    assert again.basis.currentData() == "month_end"
    again.edits["payment days"].setText("4000")
    again.submit()
    qtbot.waitUntil(lambda: not again.errors["payment days"].isHidden())
    assert "4000" in again.errors["payment days"].text()
