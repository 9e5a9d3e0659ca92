"""The bulk paths of a first sync: a desk that pulls everything ends with exactly the pushing desk's values,
and a batch pushed again (the hub kept it, the desk did not hear back) is neither doubled nor lost."""

from __future__ import annotations

import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock import valuation
from persistence import sync
from persistence import tables as t
from persistence.db import open_database
from persistence.schema import DEFERRED_INDEXES
from persistence.schema import defer_indexes
from persistence.schema import restore_indexes
from persistence.stock import queries
from persistence.sync import engine as sync_engine
from persistence.sync import local as loc
from persistence.sync import recompute
from tests.integration.sync.helpers import snapshot

pytestmark = [pytest.mark.postgres]
T0 = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
SKUS = [f"V-{i:02d}" for i in range(12)]


def a_ledger_of_every_kind(db, n: int, seed: int) -> None:
    """Receipts at changing costs, shipments (into negative stock where allowed), transfers, adjustments,
    counts and reversals, many of them back-dated among the others."""
    rng = random.Random(seed)
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("SHOP", "Shop", allow_negative=True))
    catalog.add_many(db.uow(), [cc.AddProduct(s, s, unit="kg") for s in SKUS])  # shipped in halves: measured
    ledger.post_many(db.uow(), [c.ReceiveStock(s, "1000", "MAIN", "3.17", occurred_at=T0) for s in SKUS])
    commands = []
    for _ in range(n):
        at = T0 + timedelta(minutes=rng.randint(1, 20 * n))  # out of order: back-dated postings
        sku = rng.choice(SKUS)
        roll = rng.random()
        if roll < 0.35:
            commands.append(c.ReceiveStock(sku, str(rng.randint(1, 40)), rng.choice(["MAIN", "SHOP"]),
                                           f"{rng.randint(100, 999) / 100}", occurred_at=at))
        elif roll < 0.7:
            commands.append(c.ShipStock(sku, f"{rng.randint(1, 7)}.5", "SHOP", occurred_at=at))
        elif roll < 0.85:
            commands.append(c.TransferStock(sku, str(rng.randint(1, 5)), "MAIN", "SHOP", occurred_at=at))
        elif roll < 0.95:
            commands.append(c.AdjustStock(sku, str(rng.choice([-2, -1, 1, 3])), "SHOP", "found", occurred_at=at))
        else:
            commands.append(c.CountStock(sku, str(rng.randint(0, 30)), "SHOP", occurred_at=at))
    ledger.post_many(db.uow(), commands)
    with db.engine.connect() as conn:
        ids = conn.execute(select(t.movements.c.id).where(t.movements.c.kind.in_(["receipt", "shipment"]))
                           .order_by(t.movements.c.id)).scalars().all()
    for mid in rng.sample(ids, 15):
        ledger.reverse(db.uow(), c.ReverseMovement(mid))


def derived(db) -> dict:
    """Every derived value, to the last stored digit: each movement's value and position after it, and each
    balance's quantity, value, average cost and last movement."""
    V, B = t.movement_values, t.balances
    with db.engine.connect() as conn:
        values = sorted(tuple(row) for row in conn.execute(select(V)))
        balances = sorted((row.product_id, row.warehouse_id, row.on_hand, row.value, row.avg_cost, row.last_at,
                           row.last_id) for row in conn.execute(select(B))
                          if row.on_hand != 0 or row.value != 0 or row.last_id is not None)
    return {"values": values, "balances": balances}


def movement_indexes(db) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                    "AND tbl_name = 'movements' ORDER BY name").all()


def deferred_setting(db) -> str | None:
    with db.engine.connect() as conn:
        return loc.get_setting(conn, DEFERRED_INDEXES) or None


# (batch size, log entries from which a pull into a desk without movements builds their indexes after it)
@pytest.mark.parametrize(("pull_batch", "defer_at"), [(100_000, 10_000), (500, 10_000), (500, 1), (100_000, 1)])
def test_a_desk_after_its_first_pull_holds_every_value_and_balance_of_the_pushing_desk(hub, devices, monkeypatch,
                                                                                         pull_batch, defer_at):
    monkeypatch.setattr(sync_engine, "PULL_BATCH", pull_batch)
    monkeypatch.setattr(sync_engine, "DEFER_INDEXES_AT", defer_at)
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 1200, seed=pull_batch)
    sync.sync(a, hub)
    report = sync.sync(b, hub)
    assert report.refused == 0
    assert derived(b) == derived(a)
    assert snapshot(b) == snapshot(a)
    assert queries.check(b.engine) == []
    negative = {(p, w) for p, w, q in report.negative}
    assert negative == {(row.sku, row.warehouse) for row in sync.negative_stock(a)}
    assert movement_indexes(b) == movement_indexes(a)  # set aside during the pull or not, all of them are back
    assert deferred_setting(b) is None


def test_a_first_pull_cut_short_gives_the_indexes_back_and_the_next_sync_finishes(hub, devices, monkeypatch):
    monkeypatch.setattr(sync_engine, "PULL_BATCH", 300)
    monkeypatch.setattr(sync_engine, "DEFER_INDEXES_AT", 1)
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 900, seed=6)
    sync.sync(a, hub)
    pulled = []
    with pytest.raises(sync.SyncCancelled):
        sync.sync(b, hub, progress=lambda stage, done, total: pulled.append(done) if stage == "pull" else None,
                  cancel=lambda: len(pulled) >= 3)
    with b.engine.connect() as conn:
        assert 0 < conn.exec_driver_sql("SELECT count(*) FROM movements").scalar_one() < 900
    assert movement_indexes(b) == movement_indexes(a)
    assert deferred_setting(b) is None
    sync.sync(b, hub)
    assert derived(b) == derived(a)
    assert snapshot(b) == snapshot(a)
    assert queries.check(b.engine) == []


def test_indexes_set_aside_by_a_pull_that_died_are_made_again_when_the_file_is_opened(devices, tmp_path):
    b = devices("b")
    before = movement_indexes(b)
    with b.engine.begin() as conn:
        assert defer_indexes(conn, "movements")
        assert not defer_indexes(conn, "movements")  # once only: the statements kept are the first ones
    assert movement_indexes(b) == [(name, None) for name, sql in before if sql is None]  # the primary key stays
    assert deferred_setting(b)
    b.close()  # as if the process had died in the middle of the pull
    again = open_database(tmp_path / "b.sqlite3")
    try:
        assert movement_indexes(again) == before
        assert deferred_setting(again) is None
    finally:
        again.close()


def test_indexes_are_set_aside_only_while_the_movements_table_is_empty(devices):
    a = devices("a")
    a_ledger_of_every_kind(a, 300, seed=5)
    before = movement_indexes(a)
    with a.engine.begin() as conn:
        assert not defer_indexes(conn, "movements")
        assert not restore_indexes(conn)
    assert movement_indexes(a) == before
    assert deferred_setting(a) is None


def test_a_desk_that_pulls_in_steps_holds_the_same_values_as_one_that_pulls_once(hub, devices):
    a, b, later = devices("a"), devices("b"), devices("later")
    a_ledger_of_every_kind(a, 600, seed=3)
    sync.sync(a, hub)
    sync.sync(b, hub)
    rng = random.Random(4)
    ledger.post_many(a.uow(), [c.ShipStock(rng.choice(SKUS), "1", "SHOP",
                                           occurred_at=T0 + timedelta(minutes=rng.randint(1, 12_000)))
                               for _ in range(200)])
    sync.sync(a, hub)
    sync.sync(b, hub)  # back-dated postings replayed into pairs already valued here
    sync.sync(later, hub)  # everything at once
    assert derived(b) == derived(a) == derived(later)


def test_a_replay_that_leaves_the_integers_midway_is_done_again_by_the_decimal_rules(hub, devices, monkeypatch):
    # numbers beyond the integers' reach cannot be posted (they do not fit the columns): a replay that meets one
    # is simulated, after two batches of values are written
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 600, seed=8)
    sync.sync(a, hub)
    real, stopped = valuation.replay_scaled, []

    def stops_midway(*args, **kwargs):
        for i, replayed in enumerate(real(*args, **kwargs)):
            if i == 250:
                stopped.append(i)
                raise valuation.NotScaled
            yield replayed

    monkeypatch.setattr(recompute, "_BATCH", 100)
    monkeypatch.setattr(valuation, "replay_scaled", stops_midway)
    report = sync.sync(b, hub)
    assert stopped
    assert derived(b) == derived(a)
    assert queries.check(b.engine) == []
    assert {(p, w) for p, w, _ in report.negative} == {(row.sku, row.warehouse) for row in sync.negative_stock(a)}


def hub_counts(hub: str) -> tuple[int, int, int]:
    with psycopg.connect(hub) as conn:
        moved = conn.execute("SELECT count(*) FROM movements").fetchone()[0]
        logged, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT row_id) FROM sync_log WHERE tbl = 'movements'").fetchone()
    return moved, logged, distinct


def test_a_batch_pushed_again_with_new_rows_in_it_logs_only_the_new_ones(hub, devices):
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 300, seed=5)
    sync.sync(a, hub)
    with a.engine.connect() as conn:
        total = conn.execute(select(t.movements).with_only_columns(t.movements.c.id)).all()
        middle = conn.exec_driver_sql("SELECT rowid FROM movements ORDER BY rowid LIMIT 1 OFFSET 150").scalar_one()
    ledger.post_many(a.uow(), [c.ShipStock("V-01", "1", "SHOP", occurred_at=T0 + timedelta(days=30, minutes=i))
                               for i in range(20)])
    with a.engine.begin() as conn:  # as if the hub had kept the rows after 150 and the answer never came back
        loc.set_setting(conn, loc.PUSHED + "movements", str(middle))
    report = sync.sync(a, hub)
    assert report.pushed == 20
    assert hub_counts(hub) == (len(total) + 20,) * 3
    sync.sync(b, hub)
    assert derived(b) == derived(a)
    assert snapshot(b) == snapshot(a)
