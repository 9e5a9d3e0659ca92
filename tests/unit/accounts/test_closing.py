"""Closing and reopening months on fakes: only ended months, closed months a prefix, reopening only the latest by
an admin with a reason, every close and reopen recorded; and the ledger refusing what is dated in a closed month."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.access import users
from domain.access.roles import Role
from domain.accounts.closing import CloseMonth
from domain.accounts.closing import ReopenMonth
from domain.accounts.closing import close_month
from domain.accounts.closing import list_months
from domain.accounts.closing import reopen_month
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import Forbidden
from domain.kernel.errors import RuleViolation
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
PASSWORD = "correct horse"


def local(y: int, m: int, d: int, h: int = 12) -> datetime:
    """A moment of a local day (the business date a movement has is its local date)."""
    return datetime(y, m, d, h).astimezone(UTC)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    ledger.receive(uow, c.ReceiveStock("A-1", 10, "W1", "2", occurred_at=local(2026, 8, 20)))
    ledger.ship(uow, c.ShipStock("A-1", 4, "W1", occurred_at=local(2026, 9, 30, 23)))
    ledger.receive(uow, c.ReceiveStock("A-1", 5, "W1", "4", occurred_at=local(2026, 10, 3)))
    return uow


def close(uow, month: str) -> list[str]:
    return close_month(uow, CloseMonth(month), now=NOW)


def test_closing_a_month_closes_every_earlier_month_since_the_first_movement_each_with_its_event(uow):
    assert close(uow, "2026-09") == ["2026-08", "2026-09"]
    assert close(uow, "2026-10") == ["2026-10"]
    assert [(e.month, e.action, e.user) for e in uow.state.period_events] == [
        ("2026-08", "close", "tester"), ("2026-09", "close", "tester"), ("2026-10", "close", "tester")]
    assert uow.state.closed_through == date(2026, 10, 31)
    months = {m.month: m for m in list_months(uow, now=NOW)}
    assert [m for m in months] == ["2026-12", "2026-11", "2026-10", "2026-09", "2026-08"]
    assert months["2026-09"].closed and months["2026-09"].closed_by == "tester"
    assert not months["2026-11"].closed and months["2026-11"].closable
    assert not months["2026-12"].closable  # it has not ended


def test_a_month_that_has_not_ended_or_is_already_closed_is_refused(uow):
    with pytest.raises(RuleViolation) as refused:
        close(uow, "2026-12")
    assert refused.value.code == "period_not_ended" and refused.value.params["first"] == "2027-01-01"
    close(uow, "2026-10")
    with pytest.raises(RuleViolation) as refused:
        close(uow, "2026-09")
    assert refused.value.code == "period_already_closed"
    assert refused.value.params == {"month": "2026-09", "through": "2026-10"}


@pytest.mark.parametrize("typed", ["2026-13", "26-10", "", "oct"])
def test_a_month_not_written_yyyy_mm_is_bad_input(uow, typed):
    with pytest.raises(BadInput) as bad:
        close(uow, typed)
    assert bad.value.field == "month"


def test_only_the_latest_closed_month_is_reopened_with_a_reason_and_the_event_says_who_and_why(uow):
    close(uow, "2026-10")
    with pytest.raises(RuleViolation) as refused:
        reopen_month(uow, ReopenMonth("2026-09", "wrong price"), now=NOW)
    assert refused.value.code == "period_not_latest" and refused.value.params["latest"] == "2026-10"
    with pytest.raises(RuleViolation) as refused:
        reopen_month(uow, ReopenMonth("2026-11", "x"), now=NOW)
    assert refused.value.code == "period_not_closed"
    with pytest.raises(BadInput) as bad:
        reopen_month(uow, ReopenMonth("2026-10", "  "), now=NOW)
    assert bad.value.field == "reason"
    reopen_month(uow, ReopenMonth("2026-10", "a receipt was entered twice"), now=NOW)
    assert uow.state.closed_through == date(2026, 9, 30)  # still a prefix
    last = uow.state.period_events[-1]
    assert (last.month, last.action, last.user, last.reason) == ("2026-10", "reopen", "tester",
                                                                 "a receipt was entered twice")
    reopen_month(uow, ReopenMonth("2026-09", "and this one"), now=NOW)
    assert uow.state.closed_through == date(2026, 8, 31)


def test_closing_freezes_each_months_stock_at_its_end(uow):
    close(uow, "2026-10")
    p = next(iter(uow.state.products))
    w = next(iter(uow.state.warehouses))
    assert uow.state.period_stock[("2026-08", p, w)] == (Decimal(10), Decimal(20))
    assert uow.state.period_stock[("2026-09", p, w)] == (Decimal(6), Decimal(12))
    assert uow.state.period_stock[("2026-10", p, w)] == (Decimal(11), Decimal(32))


def test_the_ledger_refuses_a_posting_back_dated_into_a_closed_month_and_takes_the_day_after(uow):
    close(uow, "2026-09")
    for post in (lambda at: ledger.receive(uow, c.ReceiveStock("A-1", 1, "W1", "2", occurred_at=at)),
                 lambda at: ledger.ship(uow, c.ShipStock("A-1", 1, "W1", occurred_at=at)),
                 lambda at: ledger.adjust(uow, c.AdjustStock("A-1", -1, "W1", "broken", occurred_at=at)),
                 lambda at: ledger.count(uow, c.CountStock("A-1", 0, "W1", occurred_at=at)),
                 lambda at: ledger.post_many(uow, [c.ReceiveStock("A-1", 1, "W1", "2", occurred_at=at)])):
        with pytest.raises(RuleViolation) as refused:
            post(local(2026, 9, 30, 23))
        assert refused.value.code == "period_closed" and refused.value.params["month"] == "2026-09"
        post(local(2026, 10, 1, 0))


def test_a_movement_dated_in_a_closed_month_cannot_be_reversed_but_a_later_one_can(uow):
    shipped = next(m for m in uow.state.movements.values() if m.kind == "shipment")
    later = next(m for m in uow.state.movements.values() if m.occurred_at.month == 10)
    close(uow, "2026-09")
    with pytest.raises(RuleViolation) as refused:
        ledger.reverse(uow, c.ReverseMovement(shipped.id))
    assert refused.value.code == "period_closed_reversal" and refused.value.params["month"] == "2026-09"
    assert ledger.reverse(uow, c.ReverseMovement(later.id))


@pytest.fixture
def world() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    users.add_user(uow, users.AddUser("boss", PASSWORD, "admin"))
    admin = FakeUnitOfWork(user="boss", role=Role.ADMIN)
    admin.state = uow.state
    for role in (Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT, Role.MANAGER):
        users.add_user(admin, users.AddUser(role.value, PASSWORD, role.value))
    return admin


def acting(world: FakeUnitOfWork, role: Role) -> FakeUnitOfWork:
    uow = FakeUnitOfWork(user="boss" if role == Role.ADMIN else role.value, role=role)
    uow.state = world.state
    return uow


@pytest.mark.parametrize("role", [Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT])
def test_below_a_manager_nobody_closes_a_month(world, role):
    with pytest.raises(Forbidden):
        close(acting(world, role), "2026-10")


def test_a_manager_closes_but_only_an_admin_reopens(world):
    manager = acting(world, Role.MANAGER)
    close(manager, "2026-10")
    with pytest.raises(Forbidden):
        reopen_month(acting(world, Role.MANAGER), ReopenMonth("2026-10", "typo"), now=NOW)
    admin = acting(world, Role.ADMIN)
    admin.state = manager.state
    reopen_month(admin, ReopenMonth("2026-10", "typo"), now=NOW)
    assert [(e.action, e.user) for e in admin.state.period_events] == [("close", "manager"), ("reopen", "boss")]
