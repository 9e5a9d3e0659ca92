"""The credit limit at sales-order confirmation, on in-memory fakes: the exposure (balance + open orders + this
order, with tax), the refusal and its figures, the manager's override recorded on the order, the clerk refused,
sign-in off, and the warning of items more than 90 days overdue. Every figure is worked out by hand."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.access import users
from domain.access.roles import Role
from domain.accounts.items import add_item
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales.credit import OverCreditLimit
from domain.sales.model import SoState
from domain.sales.prices import CustomerTerms
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

D = Decimal
JUNE = datetime(2026, 6, 30, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse 1"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_customer(uow, cc.AddCustomer("ACME", "Acme Trading"))
    ledger.receive(uow, c.ReceiveStock("A-1", "100", "W1", "2.00", occurred_at=JUNE))
    return uow


def customer_id(uow) -> str:
    with uow:
        return uow.customers.by_code("ACME").id


def set_limit(uow, limit) -> None:
    cid = customer_id(uow)
    uow.state.customer_terms = {cid: CustomerTerms(cid, credit_limit=None if limit is None else D(limit))}


def item(uow, amount, day, due, number) -> None:
    """An AR item of ACME (a sale owed, or with a negative amount a receipt), due ``due``."""
    cid = customer_id(uow)
    with uow:
        made = add_item(uow, Side.AR, cid, ItemKind.SALE if D(amount) > 0 else ItemKind.RECEIPT, D(amount), day,
                        number=number)
        uow.commit()
    if due is not None:  # the fake's terms are net 0: put the due date the test wants
        uow.state.account_items = [x if x.id != made.id else type(x)(**{**x.__dict__, "due_on": due})
                                   for x in uow.state.account_items]


def order(uow, qty, price="10.00") -> str:
    number = orders.create_order(uow, sc.CreateSalesOrder("ACME", "W1", created_at=JUNE)).number
    orders.add_line(uow, sc.AddSalesOrderLine(number, "A-1", qty, price))
    return number


def confirm(uow, number, **kw):
    return orders.confirm_order(uow, sc.ConfirmSalesOrder(number, confirmed_at=JUNE, **kw))


def test_without_a_limit_confirming_checks_nothing(uow):
    set_limit(uow, None)
    item(uow, "5000", date(2026, 6, 1), None, "SD-1")
    done = confirm(uow, order(uow, "50"))
    assert done.order.state == SoState.CONFIRMED and done.warnings == ()


def test_exposure_is_balance_plus_open_orders_plus_this_order_with_tax(uow):
    set_limit(uow, "1000")
    item(uow, "300", date(2026, 6, 1), date(2026, 7, 1), "SD-1")
    item(uow, "-50", date(2026, 6, 2), None, "RC-1")  # a receipt kept as credit: balance 250
    first = confirm(uow, order(uow, "20"))  # 20 × 10 = 200 + 13 % = 226: 250 + 226 = 476 within 1000
    assert (first.check.balance, first.check.open_orders, first.check.this_order) == (D(250), D(0), D(226))
    # the next: 30 × 10 = 300 + 39 = 339; 250 + 226 + 339 = 815 ≤ 1000
    second = confirm(uow, order(uow, "30"))
    assert (second.check.open_orders, second.check.exposure, second.check.over) == (D(226), D(815), D(0))
    # a third of 20 (226): 1041, 41 over
    third = order(uow, "20")
    before = uow.snapshot()
    with pytest.raises(OverCreditLimit) as over:
        confirm(uow, third)
    refused = over.value
    assert refused.code == "credit_limit_exceeded"
    assert refused.params == {"so": third, "customer": "ACME", "limit": "1,000.00", "balance": "250.00",
                              "open_orders": "565.00", "this_order": "226.00", "exposure": "1,041.00", "over": "41.00"}
    assert "over its credit limit of 1,000.00 by 41.00" in str(refused) and "a manager can confirm it" in str(refused)
    assert uow.snapshot().balances == before.balances  # nothing reserved
    with uow:
        assert orders.find_order(uow, third).state == SoState.DRAFT


def test_shipped_quantities_no_longer_count_as_open_orders(uow):
    set_limit(uow, "500")
    first = order(uow, "30")  # 339
    confirm(uow, first)
    with uow:
        o = orders.find_order(uow, first)
        o.lines[0].shipped = D(20)  # 10 open: 100 + 13 = 113
        uow.sales.save(o)
        uow.commit()
    done = confirm(uow, order(uow, "30"))  # 113 + 339 = 452 ≤ 500
    assert (done.check.open_orders, done.check.exposure) == (D(113), D(452))


def test_a_manager_confirms_past_the_limit_with_the_override_recorded_on_the_order(uow):
    set_limit(uow, "100")
    users.add_user(uow, users.AddUser("admin", PASSWORD, "admin"))
    admin = FakeUnitOfWork(user="admin", role=Role.ADMIN)
    admin.state = uow.state
    for role in ("clerk", "manager"):
        users.add_user(admin, users.AddUser(role, PASSWORD, role))
    number = order(admin, "20")  # 226: 126 over
    clerk = FakeUnitOfWork(user="clerk", role=Role.CLERK)
    clerk.state = admin.state
    with pytest.raises(OverCreditLimit) as refused:
        confirm(clerk, number, credit_override=True)
    assert refused.value.code == "credit_limit_needs_manager"
    assert "only a manager may confirm it past the limit" in str(refused.value)
    manager = FakeUnitOfWork(user="manager", role=Role.MANAGER)
    manager.state = clerk.state
    done = confirm(manager, number, credit_override=True)
    assert done.order.state == SoState.CONFIRMED
    assert done.order.notes == ("Credit limit 100 overridden by manager on 2026-06-30: exposure 226 (balance 0, "
                                "open orders 0, this order 226), 126 over")


def test_with_sign_in_off_anyone_confirms_with_the_override(uow):
    set_limit(uow, "0")
    done = confirm(uow, order(uow, "1"), credit_override=True)
    assert done.order.state == SoState.CONFIRMED and "overridden by tester" in done.order.notes


def test_items_more_than_90_days_overdue_warn_but_do_not_refuse(uow):
    set_limit(uow, None)
    item(uow, "80", date(2026, 1, 5), date(2026, 3, 1), "SD-1")  # 121 days overdue on 30 June
    item(uow, "40", date(2026, 3, 5), date(2026, 4, 1), "SD-2")  # 90 days: not beyond 90
    item(uow, "20", date(2026, 2, 5), date(2026, 3, 31), "SD-3")  # 91 days
    done = confirm(uow, order(uow, "1"))
    assert done.order.state == SoState.CONFIRMED
    assert [(w.code, w.params) for w in done.warnings] == [
        ("credit_overdue_90", {"customer": "ACME", "amount": "100.00", "due": "2026-03-01"})]
    assert str(done.warnings[0]) == "customer ACME has 100.00 more than 90 days overdue (the oldest due 2026-03-01)"



def test_a_counter_sale_on_account_counts_the_balance_the_open_orders_and_itself(uow):
    """``check_sale``, which a counter sale on account is held to (the sale itself, on SQLite:
    tests/integration/sales/test_credit_cli.py): the same figures confirming counts, the sale as this order."""
    from domain.sales import credit

    set_limit(uow, "1000")
    item(uow, "752", date(2026, 6, 1), date(2026, 7, 1), "SD-1")
    confirm(uow, order(uow, "20"))  # open orders 226
    cid = customer_id(uow)
    with uow:
        within = credit.check_sale(uow, cid, D("22.00"), JUNE.date())
        over = credit.check_sale(uow, cid, D("22.60"), JUNE.date())
    assert (within.balance, within.open_orders, within.this_order, within.is_over) == (D(752), D(226), D(22), False)
    assert (over.exposure, over.over) == (D("1000.60"), D("0.60"))
    refused = credit.sale_over_limit("ACME", over, may_override=True)
    assert refused.code == "sale_credit_limit_exceeded" and refused.check is over
    assert str(refused) == ("a sale on account would take customer ACME to 1,000.60, over its credit limit of 1,000.00 "
                            "by 0.60 (balance 752.00, open orders 226.00, this sale 22.60); a manager can post it with "
                            "override, or it is paid at once")
    assert credit.sale_over_limit("ACME", over, may_override=False).code == "sale_credit_limit_needs_manager"
