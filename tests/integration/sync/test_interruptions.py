"""A sync cut at any point — the hub connection killed, the process SIGKILLed — loses and doubles nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.stock import queries
from persistence.sync import engine as sync_engine
from tests.integration.sync.helpers import snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[3]
T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def busy_device(db, n: int = 3000, seed: int = 7) -> None:
    rng = random.Random(seed)
    for code in ("MAIN", "BACK"):
        catalog.add_warehouse(db.uow(), cc.AddWarehouse(code, code, allow_negative=True))
    skus = [f"P-{i:03d}" for i in range(25)]
    catalog.add_many(db.uow(), [cc.AddProduct(s, s) for s in skus])
    commands = []
    for i in range(n):
        at = T0 + timedelta(minutes=i)
        roll = rng.random()
        if roll < 0.5:
            commands.append(c.ReceiveStock(rng.choice(skus), str(rng.randint(1, 9)), rng.choice(["MAIN", "BACK"]),
                                           f"{rng.randint(100, 999) / 100}", occurred_at=at))
        elif roll < 0.85:
            commands.append(c.ShipStock(rng.choice(skus), str(rng.randint(1, 5)), rng.choice(["MAIN", "BACK"]),
                                        occurred_at=at))
        else:
            commands.append(c.TransferStock(rng.choice(skus), "1", "MAIN", "BACK", occurred_at=at))
    ledger.post_many(db.uow(), commands)


def hub_counts(hub: str) -> tuple[int, int, int]:
    with psycopg.connect(hub) as conn:
        moved = conn.execute("SELECT count(*) FROM movements").fetchone()[0]
        logged, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT row_id) FROM sync_log WHERE tbl = 'movements'").fetchone()
    return moved, logged, distinct


def local_count(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM movements").scalar_one()


class Killer:
    """Kills the sync's hub connection in the middle of a statement, after a chosen number of batches.

    At the chosen progress report (called between two batches, on the sync's own thread) it takes an
    exclusive lock on the hub's ``sync_log`` from a session of its own and lets the sync go on; a helper
    thread waits until the sync's next statement is queued behind that lock, terminates that backend and
    lets go of the lock. So every armed run is cut mid-statement, at a point the test chose, however fast
    or slow the machine is (a connection killed while idle would be replaced by the pool's pre-ping).
    """

    def __init__(self, hub: str, stage: str, after_batches: int) -> None:
        self.hub, self.stage, self.after = hub, stage, after_batches
        self.kills = 0
        self.thread: threading.Thread | None = None
        self.armed = False

    def arm(self) -> None:
        self.armed, self.thread = True, None

    def progress(self, stage: str, done: int, total: int) -> None:
        if not self.armed or stage != self.stage or self.thread is not None:
            return
        self.batches = getattr(self, "batches", -1) + 1
        if done >= total or self.batches < self.after:
            return
        self.armed = False
        locked, ready = threading.Event(), threading.Event()

        def cut() -> None:
            with psycopg.connect(self.hub, autocommit=True) as conn:
                conn.execute("BEGIN")
                conn.execute("LOCK TABLE sync_log IN ACCESS EXCLUSIVE MODE")
                locked.set()
                ready.wait()  # until the sync goes on past this report
                with psycopg.connect(self.hub, autocommit=True) as killer:
                    for _ in range(600_000):  # a safety net; the loop ends as soon as the sync waits
                        pids = [r[0] for r in killer.execute(
                            "SELECT pid FROM pg_stat_activity WHERE application_name = 'stockroom-sync' "
                            "AND wait_event_type = 'Lock'").fetchall()]
                        if pids:
                            for pid in pids:
                                self.kills += killer.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
                            break
                        time.sleep(0.001)
                conn.execute("ROLLBACK")

        self.thread = threading.Thread(target=cut, daemon=True)
        self.thread.start()
        assert locked.wait(60)
        ready.set()


@pytest.mark.parametrize("seed", [1, 2])
def test_killing_the_hub_connection_mid_push_and_mid_pull_loses_and_doubles_nothing(hub, devices, monkeypatch, seed):
    monkeypatch.setattr(sync_engine, "PUSH_BATCH", 300)
    monkeypatch.setattr(sync_engine, "PULL_BATCH", 300)
    rng = random.Random(seed)
    a, b = devices("a"), devices("b")
    busy_device(a, seed=seed)
    for db, stage in ((a, "push"), (b, "pull")):
        killer = Killer(hub, stage, after_batches=rng.randint(0, 5))
        killer.arm()
        with pytest.raises(sync.HubUnavailable, match="connection"):
            sync.sync(db, hub, progress=killer.progress)
        killer.thread.join(60)
        assert killer.kills == 1, f"the {stage} was not cut"
        sync.sync(db, hub)  # the next run finishes the job
    moved, logged, distinct = hub_counts(hub)
    assert moved == logged == distinct == local_count(a) == local_count(b)
    assert snapshot(a) == snapshot(b)
    assert queries.check(b.engine) == []


# The child syncs, printing a line at every progress report, and after each line waits for the test to say
# "go" on its standard input: the test SIGKILLs it while it waits, at exactly the report it chose.
SYNC_SCRIPT = """
import sys
from persistence.db import open_database
from persistence import sync
from persistence.sync import engine
engine.PUSH_BATCH = engine.PULL_BATCH = 200
db = open_database(sys.argv[1])

def report(stage, done, total):
    print(stage, done, total, flush=True)
    sys.stdin.readline()

report("started", 0, 0)
sync.sync(db, sys.argv[2], progress=report)
print("finished", flush=True)
"""

LAST = -1  # kill at the last report of the run (after the last batch, before the sync returns)


def sync_killed_at(path: Path, hub: str, kill_at: int) -> bool:
    """Run the sync in a child process and SIGKILL it at report number ``kill_at`` (0 is before the first
    batch) or at its final report if it has fewer (``LAST`` is always the final one: after the last batch,
    before the sync returns). True when the child was killed before it finished."""
    child = subprocess.Popen([sys.executable, "-c", SYNC_SCRIPT, str(path), hub], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        reports = 0
        while True:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            if reports == kill_at or line.startswith("recompute 1 1"):  # the last report: at the latest here
                child.send_signal(signal.SIGKILL)
                break
            assert not line.startswith("finished"), "the run ended before its kill point"
            reports += 1
            child.stdin.write("go\n")
            child.stdin.flush()
    finally:
        child.wait(600)
    return child.returncode == -signal.SIGKILL


def sync_in_a_process_killed_at_random(path: Path, hub: str, rng: random.Random) -> int:
    """Three killed runs (before the first batch, after a random number of batches, after the last), then a
    run that finishes. Returns how many runs were killed."""
    killed = sum(sync_killed_at(path, hub, at) for at in (0, rng.randint(2, 12), LAST))
    child = subprocess.run([sys.executable, "-c", SYNC_SCRIPT, str(path), hub], cwd=ROOT, capture_output=True,
                           text=True, timeout=600, input="go\n" * 10_000)
    assert child.returncode == 0, child.stderr
    return killed


def test_a_sync_process_killed_at_random_points_finishes_on_the_next_run(hub, devices, tmp_path):
    rng = random.Random(int(os.environ.get("SYNC_KILL_SEED", "5")))
    a = devices("a")
    busy_device(a, n=4000)
    a.close()
    b_path = tmp_path / "b.sqlite3"
    kills = sync_in_a_process_killed_at_random(tmp_path / "a.sqlite3", hub, rng)
    kills += sync_in_a_process_killed_at_random(b_path, hub, rng)
    assert kills == 6  # every run meant to be cut was cut
    a, b = devices("a"), devices("b")
    sync.sync(a, hub)
    sync.sync(b, hub)
    moved, logged, distinct = hub_counts(hub)
    assert moved == logged == distinct == local_count(a) == local_count(b) > 4000
    assert snapshot(a) == snapshot(b)
    assert queries.check(a.engine) == [] and queries.check(b.engine) == []
