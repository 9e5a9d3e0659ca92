"""The backorder list names the customer and the promised date, oldest promise first, and filters by customer;
a receipt says which backorders it lets ship (``domain.sales.backorders``)."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales.backorders import backorders
from domain.sales.backorders import freed_by
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_customer(uow, cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(uow, cc.AddCustomer("ZS", "Zhang San"))
    ledger.receive(uow, c.ReceiveStock("A-1", "2", "W1", "2.00", occurred_at=MARCH))
    return uow


def confirmed(uow, customer: str, qty: str, requested_on: date | None = None) -> str:
    number = orders.create_order(uow, sc.CreateSalesOrder(customer, "W1", requested_on, created_at=MARCH)).number
    orders.add_line(uow, sc.AddSalesOrderLine(number, "A-1", qty, "5.00"))
    orders.confirm(uow, sc.ConfirmSalesOrder(number, override=True))
    return number


def test_backorders_name_the_customer_and_list_the_oldest_promise_first(uow):
    first = confirmed(uow, "ACME", "5", date(2026, 4, 20))  # 2 of it covered by the stock, 3 wait
    second = confirmed(uow, "ZS", "4", date(2026, 4, 1))  # confirmed later, promised earlier
    rows = backorders(uow)
    assert [(b.so, b.customer_label, b.promised, b.qty) for b in rows] == [
        (second, "ZS · Zhang San", date(2026, 4, 1), D(4)), (first, "ACME · Acme Trading", date(2026, 4, 20), D(3))]


def test_an_order_without_a_requested_date_promised_on_the_day_it_was_confirmed(uow):
    number = confirmed(uow, "ZS", "5")
    [b] = backorders(uow)
    assert (b.so, b.promised) == (number, b.since.astimezone().date())


def test_backorders_of_one_customer_by_its_code_in_any_case(uow):
    confirmed(uow, "ACME", "5", date(2026, 4, 20))
    mine = confirmed(uow, "ZS", "4", date(2026, 4, 1))
    assert [b.so for b in backorders(uow, customer="zs")] == [mine]


def test_a_receipt_says_which_backorders_it_lets_ship_oldest_promise_first(uow):
    later = confirmed(uow, "ACME", "5", date(2026, 4, 20))  # 3 waiting
    sooner = confirmed(uow, "ZS", "4", date(2026, 4, 1))  # 4 waiting
    reserved = uow.state.balances[next(iter(uow.state.balances))].reserved
    receipt = c.ReceiveStock("A-1", "5", "W1", "2.00", occurred_at=MARCH)
    movement, freed = freed_by(lambda: uow, lambda: ledger.receive(uow, receipt))
    assert movement.qty == D(5)
    # confirmation time decides who is served (ACME's 3, then 2 of Zhang San's 4); listed by promise
    assert [(f.backorder.so, f.backorder.customer_name, f.qty, f.backorder.qty, f.whole) for f in freed] == [
        (sooner, "Zhang San", D(2), D(4), False), (later, "Acme Trading", D(3), D(3), True)]
    # nothing reserved by the telling: the orders reserved their lines when confirmed
    assert uow.state.balances[next(iter(uow.state.balances))].reserved == reserved


def test_a_receipt_when_nobody_waits_frees_nothing(uow):
    receipt = c.ReceiveStock("A-1", "5", "W1", "2.00", occurred_at=MARCH)
    assert freed_by(lambda: uow, lambda: ledger.receive(uow, receipt))[1] == []
