"""The stock summary's invariant on random ledgers (Hypothesis): the closing of one period is the opening of the
next to the cent, every row adds up (opening + flows = closing, no difference), and a period ending today closes
at the balances. Each example is a fresh SQLite file posted through the ledger's use cases."""

from __future__ import annotations

import tempfile
from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import DomainError
from domain.reports.model import Amount
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database
from persistence.reports import queries
from persistence.stock import queries as stock_queries
from tests import clock

TODAY = clock.TODAY  # the clock the tests here run on (tests/integration/reports/conftest.py)
START = TODAY - timedelta(days=30)
SKUS, WAREHOUSES = ("A", "B"), ("W1", "W2")

qty = st.sampled_from(["1", "2", "3", "5", "0.25", "1.5", "7"])
cost = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99.99"), places=2).map(str)
step = st.one_of(
    st.tuples(st.just("receive"), st.sampled_from(SKUS), st.sampled_from(WAREHOUSES), qty, cost),
    st.tuples(st.just("ship"), st.sampled_from(SKUS), st.sampled_from(WAREHOUSES), qty),
    st.tuples(st.just("transfer"), st.sampled_from(SKUS), st.sampled_from(WAREHOUSES), qty),
    st.tuples(st.just("adjust"), st.sampled_from(SKUS), st.sampled_from(WAREHOUSES), st.sampled_from(["-1", "2"])),
    st.tuples(st.just("count"), st.sampled_from(SKUS), st.sampled_from(WAREHOUSES), st.sampled_from(["0", "4"])),
    st.tuples(st.just("reverse"), st.integers(0, 50)),
)


def post(db, day: int, action: tuple, posted: list[str]) -> None:
    at = datetime.combine(START + timedelta(days=day), time(10), tzinfo=UTC)
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
        elif posted:
            ledger.reverse(u(), c.ReverseMovement(posted[action[1] % len(posted)]))
    except DomainError:
        pass  # refused (not enough stock, reversed before): the ledger is unchanged, the next step goes on


def summary(db, first, last, by=SummaryBy.PRODUCT):
    pairs, products, warehouses = queries.stock_summary(db.engine, Period(first, last), by)
    return {r.key: r for r in summarize(pairs, by, products, warehouses)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, 29), step), min_size=1, max_size=25), split=st.integers(0, 29),
       by=st.sampled_from(list(SummaryBy)))
def test_a_period_closes_where_the_next_opens_to_the_cent_and_today_closes_at_the_balances(steps, split, by):
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "chain.sqlite3")
        try:
            u = db.uow
            for w in WAREHOUSES:
                catalog.add_warehouse(u(), cc.AddWarehouse(w, w))
            for s in SKUS:
                catalog.add_product(u(), cc.AddProduct(s, s, category=f"cat-{s}"))
            posted: list[str] = []
            for day, action in sorted(steps, key=lambda x: x[0]):
                post(db, day, action, posted)
            middle = START + timedelta(days=split)
            before = summary(db, START - timedelta(days=3), middle, by)
            after = summary(db, middle + timedelta(days=1), TODAY, by)
            for key in before.keys() | after.keys():
                closed = before[key].closing if key in before else Amount()
                opened = after[key].opening if key in after else Amount()
                assert closed == opened, key
            for row in (*before.values(), *after.values()):
                assert (row.difference, row.qty_difference) == (0, 0), row
            held: dict[str, Amount] = {}
            for b in stock_queries.stock(db.engine):
                key = {SummaryBy.PRODUCT: b.sku, SummaryBy.CATEGORY: f"cat-{b.sku}",
                       SummaryBy.WAREHOUSE: b.warehouse}[by]
                held[key] = held.get(key, Amount()) + Amount(b.on_hand, b.value)
            closing = {k: r.closing for k, r in after.items()}
            assert {k: v for k, v in closing.items() if v != Amount()} == {k: v for k, v in held.items()
                                                                          if v != Amount()}
        finally:
            db.close()
