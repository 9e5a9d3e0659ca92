"""The Sales orders screen and the credit limit: a manager (anyone while sign-in is off) is offered the override in a
message box and confirms; a clerk is told why not and the order stays a draft."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QMessageBox

from domain.access import users
from domain.sales import commands as sc
from domain.sales import orders
from tests.sales_shop import open_shop

PASSWORD = "correct horse 1"


@pytest.fixture
def services(db, make_services):
    open_shop(db.uow, products=[("SD-1", "Screwdriver")], stock=[("SD-1", "W1", "10")], credit={"ACME": "10"})
    return make_services(user="boss")


def screen_on(qtbot, services, so):
    from ui.screens.sales import SalesOrdersScreen

    widget = SalesOrdersScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.warehouse.count() == 1 and not widget.loading)
    widget.select(so)
    qtbot.waitUntil(lambda: widget.current is not None and widget.current.number == so)
    return widget


def draft(services) -> str:
    so = orders.create_order(services.uow(), sc.CreateSalesOrder("ACME", "W1")).number
    orders.add_line(services.uow(), sc.AddSalesOrderLine(so, "SD-1", "2", "12.50"))  # 25 + 13 % = 28.25
    return so


def test_the_override_is_offered_while_sign_in_is_off_and_confirms_past_the_limit(qtbot, services, monkeypatch):
    so = draft(services)
    screen = screen_on(qtbot, services, so)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    screen.confirm_order()
    qtbot.waitUntil(lambda: screen.current.state == "confirmed")
    assert "over its credit limit of 10.00 by 18.25" in asked[0]
    assert "Past the credit limit of 10.00 by 18.25, allowed by you." in screen.message.text()
    assert "overridden by boss" in orders.load_order(services.uow(), so).notes


def test_declining_the_override_leaves_the_draft(qtbot, services, monkeypatch):
    so = draft(services)
    screen = screen_on(qtbot, services, so)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    screen.confirm_order()
    qtbot.waitUntil(lambda: "Refused" in screen.message.text())
    assert screen.current.state == "draft" and screen.confirm_button.isEnabled()


def test_a_clerk_is_shown_the_refusal_and_offered_no_override(qtbot, db, services, monkeypatch):
    users.add_user(db.uow(), users.AddUser("admin", PASSWORD, "admin"))
    users.add_user(db.uow("admin", "admin"), users.AddUser("clerk", PASSWORD, "clerk"))
    clerk = dataclasses.replace(services, user="clerk", role="clerk")
    so = draft(dataclasses.replace(services, user="admin", role="admin"))
    screen = screen_on(qtbot, clerk, so)
    shown, asked = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    screen.confirm_order()
    qtbot.waitUntil(lambda: bool(shown))
    assert not asked
    assert "over its credit limit of 10.00 by 18.25" in shown[0] and "a manager can confirm it" in shown[0]
    assert orders.load_order(services.uow(), so).state == "draft"
    assert services.stock.stock(sku="SD-1", warehouse="W1")[0].reserved == D(0)
