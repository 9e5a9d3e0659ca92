"""``stock_months`` (persistence/stock/months.py) against the ledger: after random postings in any order (so many
are back-dated into months already filled), reversals and reports in between, the rows equal the same rows made
again from the ledger (``months.check``), and every stock summary read from them equals the one read from the
ledger alone, line by line, for whole months, days around them, each grouping, a warehouse and another zone."""

from __future__ import annotations

import tempfile
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from persistence.db import open_database
from persistence.reports import queries
from persistence.stock import months
from persistence.stock import queries as stock_queries
from tests import clock
from tests.integration.reports.test_period_chaining import SKUS
from tests.integration.reports.test_period_chaining import WAREHOUSES
from tests.integration.reports.test_period_chaining import step

TODAY = clock.TODAY  # the clock the tests here run on (tests/integration/reports/conftest.py)
FIRST = (TODAY.replace(day=1) - timedelta(days=95)).replace(day=1)  # the first of the month three or so back
DAYS = (TODAY - FIRST).days
THIS_MONTH = Period(FIRST, (TODAY.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))


def post(db, day: int, action: tuple, posted: list[str]) -> None:
    from domain.kernel.errors import DomainError

    at = datetime.combine(FIRST + timedelta(days=day), time(10), tzinfo=UTC)
    u = db.uow
    kind = action[0]
    try:
        if kind == "receive":
            posted.append(ledger.receive(u(), c.ReceiveStock(action[1], action[3], action[2], action[4],
                                                             occurred_at=at)).id)
        elif kind == "ship":
            posted.append(ledger.ship(u(), c.ShipStock(action[1], action[3], action[2], occurred_at=at)).id)
        elif kind == "transfer":
            other = WAREHOUSES[1 - WAREHOUSES.index(action[2])]
            posted.append(ledger.transfer(u(), c.TransferStock(action[1], action[3], action[2], other,
                                                               occurred_at=at))[0].id)
        elif kind == "adjust":
            posted.append(ledger.adjust(u(), c.AdjustStock(action[1], action[3], action[2], "found",
                                                           occurred_at=at)).id)
        elif kind == "count":
            moved = ledger.count(u(), c.CountStock(action[1], action[3], action[2], occurred_at=at))
            if moved is not None:
                posted.append(moved.id)
        elif posted:  # a reversal is dated now: in the current month, which the reports fill too
            ledger.reverse(u(), c.ReverseMovement(posted[action[1] % len(posted)]))
    except DomainError:
        pass


def rows(db, period: Period, by: SummaryBy, warehouse: str | None = None, offset: int = 0):
    pairs, labels, codes = queries.stock_summary(db.engine, period, by, warehouse=warehouse,
                                                 utc_offset_seconds=offset)
    return [(r.key, r.opening, r.closing, r.flows) for r in summarize(pairs, by, labels, codes)]


def from_ledger(monkeypatch, db, period: Period, by: SummaryBy, warehouse: str | None = None, offset: int = 0):
    with monkeypatch.context() as patched:
        patched.setattr(months, "usable", lambda conn: False)
        return rows(db, period, by, warehouse, offset)


def month_start(n: int) -> date:
    """The first day of the ``n``-th month after FIRST's."""
    year, month = divmod(FIRST.month - 1 + n, 12)
    return date(FIRST.year + year, month + 1, 1)


def periods() -> list[Period]:
    return [THIS_MONTH,  # whole months up to this one's end: a reversal (dated now) lands in a filled month
            Period(FIRST, TODAY),  # whole months and today's
            Period(month_start(1), month_start(3) - timedelta(days=1)),  # two whole months, both ends exact
            Period(FIRST + timedelta(days=10), TODAY - timedelta(days=3)),  # days before and after the months
            Period(month_start(1) + timedelta(days=2), month_start(1) + timedelta(days=20)),  # no whole month
            Period(FIRST - timedelta(days=40), month_start(2) - timedelta(days=1))]  # from before the ledger


def assert_agree(monkeypatch, db) -> None:
    for offset in (0, 8 * 3600):  # another zone: the months are filled again in it
        for period in periods():
            for by in SummaryBy:
                for warehouse in (None, WAREHOUSES[1]):
                    got = rows(db, period, by, warehouse, offset)
                    assert got == from_ledger(monkeypatch, db, period, by, warehouse, offset), (period, by, offset)
        with db.engine.connect() as conn:
            assert months.check(conn) == []


@pytest.fixture
def shop(tmp_path):
    db = open_database(tmp_path / "months.sqlite3")
    u = db.uow
    for w in WAREHOUSES:
        catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
    for s in SKUS:
        catalog.add_product(u(), cc.AddProduct(s, s, category=f"cat-{s}"))
    yield db
    db.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, DAYS), step, st.booleans()), min_size=1, max_size=30))
def test_the_monthly_rows_equal_the_ledger_after_postings_in_any_order_reversals_and_reports_between(steps):
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as monkeypatch:
        db = open_database(Path(folder) / "months.sqlite3")
        try:
            u = db.uow
            for w in WAREHOUSES:
                catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
            for s in SKUS:
                catalog.add_product(u(), cc.AddProduct(s, s, category=f"cat-{s}"))
            posted: list[str] = []
            whole = THIS_MONTH
            for day, action, report in steps:  # in the order drawn: a later step is often earlier in business time
                post(db, day, action, posted)
                if report:  # fills the months; what comes next marks them stale
                    assert rows(db, whole, SummaryBy.PRODUCT) == from_ledger(monkeypatch, db, whole,
                                                                             SummaryBy.PRODUCT)
                    with db.engine.connect() as conn:
                        assert months.check(conn) == []
            assert_agree(monkeypatch, db)
        finally:
            db.close()


def test_a_back_dated_posting_marks_the_filled_months_from_its_own_and_the_next_report_walks_them_again(shop):
    u = shop.uow
    ledger.receive(u(), c.ReceiveStock("A", "10", "W1", "2.00", occurred_at=datetime.combine(FIRST, time(9),
                                                                                           tzinfo=UTC)))
    ledger.ship(u(), c.ShipStock("A", "3", "W1", occurred_at=datetime.combine(month_start(2), time(9), tzinfo=UTC)))
    whole = Period(FIRST, TODAY)
    rows(shop, whole, SummaryBy.PRODUCT)
    with shop.engine.connect() as conn:
        state = conn.execute(select(t.stock_months_state)).one()
    last_whole = (TODAY + timedelta(days=1)).replace(day=1) - timedelta(days=1)  # today's month on its last day
    assert state.dirty_from is None and state.filled_through == f"{last_whole:%Y-%m}"
    back = datetime.combine(month_start(1) + timedelta(days=3), time(9), tzinfo=UTC)
    ledger.receive(u(), c.ReceiveStock("A", "5", "W1", "4.00", occurred_at=back))  # the later shipment is revalued
    with shop.engine.connect() as conn:
        state = conn.execute(select(t.stock_months_state)).one()
    assert state.dirty_from == (back - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    [line] = rows(shop, whole, SummaryBy.PRODUCT)
    assert line[2].qty == Decimal(12)
    with shop.engine.connect() as conn:
        assert conn.execute(select(t.stock_months_state.c.dirty_from)).scalar() is None
        assert months.check(conn) == []


def test_a_posting_after_the_filled_months_leaves_them_as_they_are(shop):
    u = shop.uow
    ledger.receive(u(), c.ReceiveStock("A", "10", "W1", "2.00", occurred_at=datetime.combine(FIRST, time(9),
                                                                                           tzinfo=UTC)))
    rows(shop, Period(FIRST, month_start(1) - timedelta(days=1)), SummaryBy.PRODUCT)  # fills the first month only
    ledger.ship(u(), c.ShipStock("A", "1", "W1", occurred_at=datetime.combine(month_start(1), time(9), tzinfo=UTC)))
    with shop.engine.connect() as conn:
        state = conn.execute(select(t.stock_months_state)).one()
    assert state.filled_through == f"{FIRST:%Y-%m}" and state.dirty_from is None


def test_check_names_a_monthly_row_that_differs_from_the_ledger(shop):
    u = shop.uow
    ledger.receive(u(), c.ReceiveStock("A", "10", "W1", "2.00", occurred_at=datetime.combine(FIRST, time(9),
                                                                                           tzinfo=UTC)))
    rows(shop, Period(FIRST, TODAY), SummaryBy.PRODUCT)
    assert stock_queries.check(shop.engine) == []
    with shop.engine.begin() as conn:
        conn.execute(t.stock_months.update().where(t.stock_months.c.kind == months.PAIR).values(value=1))
    [problem] = stock_queries.check(shop.engine)
    assert (problem.sku, problem.warehouse) == ("A", "W1")
    assert problem.field == f"stock_months {FIRST:%Y-%m} pair value"
    assert (problem.ledger, problem.balance) == (Decimal(20_0000), Decimal(1))


def test_the_table_holds_a_count_quantity_and_value_for_every_flow_the_reports_know():
    from domain.reports.model import LEDGER_FLOWS as FLOWS

    assert t.FLOW_NAMES == tuple(f.value for f in FLOWS)
    assert [c.name for c in t.stock_months.columns][5:] == list(months.COLUMNS)
