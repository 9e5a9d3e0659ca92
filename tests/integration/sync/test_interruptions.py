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

from domain import catalog
from domain import commands as c
from domain import ledger
from persistence import queries
from persistence import sync
from persistence.sync import engine as sync_engine
from tests.integration.sync.helpers import snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[3]
T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def busy_device(db, n: int = 3000, seed: int = 7) -> None:
    rng = random.Random(seed)
    for code in ("MAIN", "BACK"):
        catalog.add_warehouse(db.uow(), c.AddWarehouse(code, code, allow_negative=True))
    skus = [f"P-{i:03d}" for i in range(25)]
    catalog.add_many(db.uow(), [c.AddProduct(s, s) for s in skus])
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
    """Terminates the sync's hub connections from another session, at random moments of a stage."""

    def __init__(self, hub: str, stage: str, seed: int) -> None:
        self.hub, self.stage, self.rng = hub, stage, random.Random(seed)
        self.armed = threading.Event()
        self.kills = 0

    def progress(self, stage: str, done: int, total: int) -> None:
        if stage == self.stage and 0 < done < total:
            self.armed.set()

    def run_once(self) -> threading.Thread:
        def kill() -> None:
            if not self.armed.wait(30):
                return
            time.sleep(self.rng.uniform(0.0, 0.05))
            # An idle pooled connection that is killed is silently replaced (pre-ping), so keep
            # killing for a moment until one dies in the middle of a statement or transaction.
            with psycopg.connect(self.hub, autocommit=True) as conn:
                until = time.monotonic() + 0.5
                while time.monotonic() < until:
                    self.kills += conn.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                               "WHERE application_name = 'stockroom-sync'").fetchone()[0]
                    time.sleep(0.003)
        self.armed.clear()
        thread = threading.Thread(target=kill, daemon=True)
        thread.start()
        return thread


@pytest.mark.parametrize("seed", [1, 2])
def test_killing_the_hub_connection_mid_push_and_mid_pull_loses_and_doubles_nothing(hub, devices, monkeypatch, seed):
    monkeypatch.setattr(sync_engine, "PUSH_BATCH", 300)
    monkeypatch.setattr(sync_engine, "PULL_BATCH", 300)
    a, b = devices("a"), devices("b")
    busy_device(a, seed=seed)
    for db, stage in ((a, "push"), (b, "pull")):
        killer = Killer(hub, stage, seed)
        failures = 0
        for _attempt in range(3):
            thread = killer.run_once()
            try:
                sync.sync(db, hub, progress=killer.progress)
                thread.join(1)
                break
            except sync.HubUnavailable as exc:
                assert "connection" in str(exc)
                failures += 1
            thread.join(5)
        else:
            sync.sync(db, hub)
        assert failures >= 1 and killer.kills >= 1, f"the {stage} was never cut"
        if failures < 3:
            sync.sync(db, hub)  # the job is finished either way
    moved, logged, distinct = hub_counts(hub)
    assert moved == logged == distinct == local_count(a) == local_count(b)
    assert snapshot(a) == snapshot(b)
    assert queries.check(b.engine) == []


SYNC_SCRIPT = """
import sys
from persistence.db import open_database
from persistence import sync
from persistence.sync import engine
engine.PUSH_BATCH = engine.PULL_BATCH = 200
db = open_database(sys.argv[1])
print("started", flush=True)
sync.sync(db, sys.argv[2], progress=lambda stage, done, total: print(stage, done, total, flush=True))
"""


def sync_in_a_process_killed_at_random(path: Path, hub: str, rng: random.Random, kills: int = 3) -> int:
    """Run the sync in a child process and SIGKILL it at a random moment after it started, ``kills``
    times, then let a last run finish. Returns how many runs were killed before they ended."""
    killed = 0
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", SYNC_SCRIPT, str(path), hub], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "started", child.stderr.read()
        time.sleep(rng.uniform(0.0, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed += child.returncode == -signal.SIGKILL
    child = subprocess.run([sys.executable, "-c", SYNC_SCRIPT, str(path), hub], cwd=ROOT, capture_output=True,
                           text=True, timeout=600)
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
    assert kills >= 1
    a, b = devices("a"), devices("b")
    sync.sync(a, hub)
    sync.sync(b, hub)
    moved, logged, distinct = hub_counts(hub)
    assert moved == logged == distinct == local_count(a) == local_count(b) > 4000
    assert snapshot(a) == snapshot(b)
    assert queries.check(a.engine) == [] and queries.check(b.engine) == []
