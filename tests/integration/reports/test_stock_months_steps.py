"""``stock_months`` fills in steps (persistence/stock/months.py ``refresh``): a clerk's posting made from another
connection between two steps, or while a step reads the ledger, is written at once (the fill holds no write lock
then: the busy timeout is 0 here, so any wait would fail it), and the table still equals the one made again from the
ledger once the fill is over."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.stock import commands as c
from domain.stock import ledger
from persistence import errors
from persistence import tables as t
from persistence.db import open_database
from persistence.stock import months
from tests.integration.reports.test_stock_months import FIRST
from tests.integration.reports.test_stock_months import TODAY
from tests.integration.reports.test_stock_months import from_ledger
from tests.integration.reports.test_stock_months import month_start
from tests.integration.reports.test_stock_months import rows

THROUGH = f"{TODAY.replace(day=1) - timedelta(days=1):%Y-%m}"  # the last whole month: what a summary to today fills


def at(day) -> datetime:
    return datetime.combine(day, time(9), tzinfo=UTC)


@pytest.fixture
def shop(tmp_path, monkeypatch):
    monkeypatch.setattr(errors, "BUSY_TIMEOUT_MS", 0)  # a posting that meets a held write lock fails at once
    monkeypatch.setattr(months, "STEP_MONTHS", 1)
    db = open_database(tmp_path / "steps.sqlite3")
    u = db.uow
    for w in ("W1", "W2"):
        catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
    for s in ("A", "B"):
        catalog.add_product(u(), cc.AddProduct(s, s))
    for n in range(3):
        ledger.receive(u(), c.ReceiveStock("A", "10", "W1", "2.00", occurred_at=at(month_start(n) + timedelta(days=2))))
        ledger.ship(u(), c.ShipStock("A", "3", "W1", occurred_at=at(month_start(n) + timedelta(days=9))))
        ledger.receive(u(), c.ReceiveStock("B", "4", "W2", "5.00", occurred_at=at(month_start(n) + timedelta(days=5))))
    yield db
    db.close()


def filled(db) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(select(t.stock_months_state.c.filled_through)).scalar()


def assert_equals_a_rebuild(db, monkeypatch) -> None:
    with db.engine.connect() as conn:
        assert months.check(conn) == []
        assert conn.execute(select(t.stock_months_state.c.dirty_from)).scalar() is None
    whole = Period(FIRST, TODAY)
    for by in SummaryBy:
        assert rows(db, whole, by) == from_ledger(monkeypatch, db, whole, by)


def test_a_posting_between_two_steps_of_a_fill_is_written_at_once_and_the_fill_walks_its_month_again(shop, monkeypatch):
    seen: list[tuple[str, str | None]] = []

    def between(month: str) -> None:
        seen.append((month, filled(shop)))
        if len(seen) == 1:  # the first month is filled, the next are not: back-dated into the filled one
            ledger.receive(
                shop.uow(), c.ReceiveStock("B", "7", "W1", "3.00", occurred_at=at(FIRST + timedelta(days=1)))
            )
        elif len(seen) == 3:  # into a month not filled yet
            ledger.ship(shop.uow(), c.ShipStock("A", "1", "W1", occurred_at=at(month_start(2) + timedelta(days=20))))

    monkeypatch.setattr(months, "after_step", between)
    months.refresh(shop.engine, THROUGH, 0)
    assert seen[0] == (f"{FIRST:%Y-%m}", f"{FIRST:%Y-%m}")  # the posting came while the fill was one month in
    assert seen[-1][0] == THROUGH and len(seen) > 3  # the first month was walked again after the posting
    assert filled(shop) == THROUGH
    assert_equals_a_rebuild(shop, monkeypatch)


def test_a_posting_while_a_step_reads_the_ledger_makes_the_step_start_again(shop, monkeypatch):
    read = months._moves
    calls: list[int] = []

    def moves(conn, start, end, maps):
        calls.append(start)
        if len(calls) == 2:  # the second month is claimed and being read: post into it and into the first
            ledger.ship(shop.uow(), c.ShipStock("A", "2", "W1", occurred_at=at(month_start(1) + timedelta(days=12))))
            ledger.receive(
                shop.uow(), c.ReceiveStock("A", "1", "W2", "1.00", occurred_at=at(FIRST + timedelta(days=3)))
            )
        return read(conn, start, end, maps)

    monkeypatch.setattr(months, "_moves", moves)
    months.refresh(shop.engine, THROUGH, 0)
    assert len(calls) > len(set(calls))  # a month was read twice: the step that saw the state move wrote nothing
    assert filled(shop) == THROUGH
    assert_equals_a_rebuild(shop, monkeypatch)


def test_a_fill_stopped_between_steps_goes_on_from_the_last_month_it_wrote(shop, monkeypatch):
    class Stop(Exception):
        pass

    def stop(month: str) -> None:
        raise Stop(month)

    monkeypatch.setattr(months, "after_step", stop)
    with pytest.raises(Stop):
        months.refresh(shop.engine, THROUGH, 0)
    assert filled(shop) == f"{FIRST:%Y-%m}"
    read = months._moves
    starts: list[int] = []
    monkeypatch.setattr(
        months, "_moves", lambda conn, start, end, maps: starts.append(start) or read(conn, start, end, maps)
    )
    monkeypatch.setattr(months, "after_step", None)
    months.refresh(shop.engine, THROUGH, 0)
    assert min(starts) == months.month_start(f"{month_start(1):%Y-%m}", 0)  # the first month was not walked again
    assert_equals_a_rebuild(shop, monkeypatch)


def _month(n: int) -> str:
    return f"{month_start(n):%Y-%m}"


def test_the_stale_months_are_dropped_a_month_at_a_time_the_latest_first_and_postings_meanwhile_go_through(
    shop, monkeypatch
):
    months.refresh(shop.engine, THROUGH, 0)
    ledger.receive(
        shop.uow(), c.ReceiveStock("B", "2", "W2", "5.00", occurred_at=at(month_start(1) + timedelta(days=1)))
    )
    dropped: list[tuple[str, str | None]] = []

    def between(month: str) -> None:
        dropped.append((month, filled(shop)))
        if len(dropped) == 1:  # into a month still filled, earlier than the stale one: the drop goes down to it
            ledger.ship(shop.uow(), c.ShipStock("A", "1", "W1", occurred_at=at(FIRST + timedelta(days=15))))
            # and into the month just dropped: no longer filled, nothing to mark
            just_dropped = datetime.strptime(f"{month}-02", "%Y-%m-%d").date()
            ledger.receive(shop.uow(), c.ReceiveStock("A", "5", "W2", "1.50", occurred_at=at(just_dropped)))
        with shop.engine.connect() as conn:  # what stays is a fill through the month before, with its marks
            assert months.check(conn) == []

    monkeypatch.setattr(months, "after_drop", between)
    months.refresh(shop.engine, THROUGH, 0)
    # one month per write transaction, the latest first, down to the month after the earliest stale one (that one
    # goes with the claim of the fill that follows)
    expected = []
    month = THROUGH
    while month > _month(0):
        expected.append((month, months.previous_month(month)))
        month = months.previous_month(month)
    assert dropped == expected
    assert filled(shop) == THROUGH
    assert_equals_a_rebuild(shop, monkeypatch)


def test_a_drop_stopped_between_months_goes_on_from_where_it_stopped(shop, monkeypatch):
    months.refresh(shop.engine, THROUGH, 0)
    ledger.ship(shop.uow(), c.ShipStock("B", "1", "W2", occurred_at=at(FIRST + timedelta(days=7))))

    class Stop(Exception):
        pass

    def stop(month: str) -> None:
        raise Stop(month)

    monkeypatch.setattr(months, "after_drop", stop)
    with pytest.raises(Stop):
        months.refresh(shop.engine, THROUGH, 0)
    assert filled(shop) == months.previous_month(THROUGH)  # one month dropped and committed
    with shop.engine.connect() as conn:
        assert months.check(conn) == []
        assert conn.execute(select(t.stock_months_state.c.dirty_from)).scalar() is not None  # still stale
    monkeypatch.setattr(months, "after_drop", None)
    months.refresh(shop.engine, THROUGH, 0)
    assert filled(shop) == THROUGH
    assert_equals_a_rebuild(shop, monkeypatch)


def test_a_posting_after_the_last_month_dropped_alone_is_dropped_down_to_with_the_claim(shop, monkeypatch):
    months.refresh(shop.engine, THROUGH, 0)
    ledger.ship(shop.uow(), c.ShipStock("A", "1", "W1", occurred_at=at(month_start(2) + timedelta(days=3))))
    dropped: list[str] = []

    def between(month: str) -> None:  # the drop is done but for the stale month: now one much earlier
        dropped.append(month)
        ledger.receive(shop.uow(), c.ReceiveStock("B", "1", "W1", "4.00", occurred_at=at(FIRST + timedelta(days=4))))

    monkeypatch.setattr(months, "after_drop", between)
    months.refresh(shop.engine, THROUGH, 0)
    assert dropped == [THROUGH] == [months.next_month(_month(2))]  # the one month after the stale one, alone
    assert filled(shop) == THROUGH
    assert_equals_a_rebuild(shop, monkeypatch)
