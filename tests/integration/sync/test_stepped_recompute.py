"""The recompute after a pull replays a few whole products at a time, each step its own transaction: a clerk's save
between two steps takes the write lock at once, and the values after the pull are still those of a full recompute;
a recompute stopped between steps is finished by the next sync."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.stock import queries
from persistence.sync import recompute
from persistence.sync.common import local_connection
from persistence.writers import writers_of
from tests.integration.sync.test_bulk_sync import T0
from tests.integration.sync.test_bulk_sync import a_ledger_of_every_kind
from tests.integration.sync.test_bulk_sync import derived

pytestmark = [pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[3]  # where main.py is


def skus(db, sql: str) -> list[str]:
    with db.engine.connect() as conn:
        return [sku for (sku,) in conn.exec_driver_sql(
            f"SELECT sku FROM products WHERE id IN ({sql}) ORDER BY sku")]


def write_lock_free(db) -> bool:
    """Whether a writer could begin now without waiting (a connection of its own that does not wait at all)."""
    conn = sqlite3.connect(db.path, timeout=0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def fully_recomputed(db) -> dict:
    """Every pair replayed from its first movement in one step, and the derived values it leaves."""
    with local_connection(db) as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO sync_dirty (product_id, warehouse_id, at, movement_id) "
                             "SELECT DISTINCT product_id, warehouse_id, ?, '' FROM movements", (-(2**62),))
        conn.commit()
    with db.engine.connect() as conn:
        conn.info["immediate"] = True
        recompute.recompute(conn, db.money_places)
    return derived(db)


def test_a_save_between_two_steps_of_the_recompute_takes_the_lock_at_once_and_the_values_end_exact(
        hub, devices, monkeypatch):
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 400, seed=11)
    sync.sync(a, hub)
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 60)  # 12 products of about 35 movements: a product or two a step
    real_step, steps, saved = recompute._step, [], {}

    def a_save_after_the_second(conn, places, products):
        negative = real_step(conn, places, products)
        steps.append(products)
        if len(steps) == 2:
            saved["lock free"] = write_lock_free(b)
            pending = skus(b, "SELECT product_id FROM sync_dirty")
            done = skus(b, "SELECT id FROM products WHERE id NOT IN (SELECT product_id FROM sync_dirty)")
            saved["pending"], saved["done"] = pending, done
            # the clerk ships and receives a product not replayed yet (its balance here is stale), receives one
            # replayed already, and posts a shipment back-dated among the pulled movements of another pending one
            ledger.post_many(b.uow(), [
                c.ShipStock(pending[0], "2.5", "SHOP"),
                c.ReceiveStock(pending[0], "4", "MAIN", "5.55"),
                c.ReceiveStock(done[0], "3", "MAIN", "7.25"),
                c.ShipStock(pending[-1], "1.5", "SHOP", occurred_at=T0 + timedelta(minutes=900)),
            ])
        return negative

    monkeypatch.setattr(recompute, "_step", a_save_after_the_second)
    sync.sync(b, hub)
    assert len(steps) > 3 and saved["lock free"]
    assert saved["pending"] and saved["done"]
    assert sorted(p for products in steps for p in products) == sorted(set(p for ps in steps for p in ps))
    assert queries.check(b.engine) == []
    after_pull = derived(b)
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 10**9)
    assert fully_recomputed(b) == after_pull
    sync.sync(b, hub)  # the save goes to the hub, and to the first desk
    sync.sync(a, hub)
    assert derived(a) == derived(b)


def test_a_recompute_stopped_between_steps_is_finished_by_the_next_sync(hub, devices, monkeypatch):
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 300, seed=12)
    sync.sync(a, hub)
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 60)
    real_step, steps = recompute._step, []

    def stops_at_the_third(conn, places, products):
        steps.append(products)
        if len(steps) == 3:
            raise RuntimeError("the desk was switched off")
        return real_step(conn, places, products)

    monkeypatch.setattr(recompute, "_step", stops_at_the_third)
    with pytest.raises(RuntimeError):
        sync.sync(b, hub)
    assert skus(b, "SELECT product_id FROM sync_dirty")  # the rest waits
    monkeypatch.setattr(recompute, "_step", real_step)
    sync.sync(b, hub)
    assert skus(b, "SELECT product_id FROM sync_dirty") == []
    assert derived(b) == derived(a)
    assert queries.check(b.engine) == []


def test_a_save_that_waits_for_a_step_goes_before_the_next_one(hub, devices, monkeypatch):
    # SQLite queues no writer: a save that found the lock taken sleeps and tries again, and a recompute that began
    # its next step at once took the lock back first. The save here asks while the first step holds the lock (the
    # test waits until the save is counted as waiting, persistence.writers), and must be in before the second step.
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 200, seed=13)
    sync.sync(a, hub)
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 60)
    real_replay, order, saver = recompute._recompute, [], []
    writers = writers_of(b.engine)

    def save() -> None:
        with b.uow() as uow:
            uow.connection.exec_driver_sql("INSERT OR REPLACE INTO settings (key, value) VALUES ('test.save', '1')")
            uow.commit()
        order.append("saved")

    def replay_with_a_save_waiting(conn, places):
        order.append("step")
        if not saver:
            saver.append(threading.Thread(target=save))
            saver[0].start()
            while writers.waiting == 0:  # the save has asked for the lock, which this step holds
                saver[0].join(0.01)
        return real_replay(conn, places)

    monkeypatch.setattr(recompute, "_recompute", replay_with_a_save_waiting)
    sync.sync(b, hub)
    saver[0].join()
    assert order[:3] == ["step", "saved", "step"] and order.count("step") > 3
    assert derived(b) == derived(a)


def said(clerk: subprocess.Popen, word: str) -> list[str]:
    """The lines the clerk's process printed up to and with the first that starts with ``word``."""
    lines = []
    while not lines or not lines[-1].startswith(word):
        line = clerk.stdout.readline()
        assert line, f"the clerk's command ended before saying {word!r}: {lines} {clerk.stderr.read()}"
        lines.append(line.rstrip("\n"))
    return lines


def test_a_command_in_a_terminal_that_waits_for_a_step_goes_before_the_next_one(hub, devices, monkeypatch):
    # the same as above with the clerk in another process: `stockroom receive` typed in a terminal against the file
    # the window is syncing. Its wait is seen through the file beside the database (persistence.writers), and the
    # recompute lets it in before its next step instead of keeping it waiting for the whole recompute
    a, b = devices("a"), devices("b")
    a_ledger_of_every_kind(a, 200, seed=14)
    sync.sync(a, hub)
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 60)
    clerk = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.sync.clerk_in_a_terminal", "--db", str(b.path), "receive",
         "V-03", "7", "--warehouse", "MAIN", "--unit-cost", "4.25", "--ref", "TYPED-IN-A-TERMINAL"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert said(clerk, "ready")[-1] == "ready"  # the command's process is up, at its gate
        real_replay, seen = recompute._recompute, []

        def replay_with_the_clerk_waiting(conn, places):
            if not seen:  # the first step holds the lock: the clerk types the command now and finds it taken
                clerk.stdin.write("go\n")
                clerk.stdin.flush()
                said(clerk, "waiting")
            seen.append(conn.exec_driver_sql(
                "SELECT count(*) FROM movements WHERE source_ref = 'TYPED-IN-A-TERMINAL'").scalar_one())
            return real_replay(conn, places)

        monkeypatch.setattr(recompute, "_recompute", replay_with_the_clerk_waiting)
        sync.sync(b, hub)
        out = said(clerk, "done")
        assert clerk.wait() == 0 and out[-1] == "done 0"
    finally:
        if clerk.poll() is None:
            clerk.kill()
            clerk.wait()
    assert seen[:2] == [0, 1] and len(seen) > 3  # in between the first step and the second
    assert queries.check(b.engine) == []
    monkeypatch.setattr(recompute, "STEP_MOVEMENTS", 10**9)
    after = derived(b)
    assert fully_recomputed(b) == after  # the recompute replayed the pair the command received into exactly
