"""Sync with a PostgreSQL hub: first sync of a demo database and a steady-state day, next to a bulk COPY.

    python tests/benchmarks/bench_sync.py [--quick] [--movements N]

A throwaway PostgreSQL cluster is started (tests/pg.py). Device A is the demo database
(``main.py demo``, built once into the cache) or, with ``--movements N``, a generated ledger of
N receipts and shipments. Timed, each on a fresh hub database of the same server:

* the first sync of A (push of every record and movement, and the pull of its own records back);
* the first sync of an empty device B (pull of everything and the recompute of every value);
* a steady-state day: one day's worth of A's postings (its movements ÷ days of history), then
  ``sync`` on A (push) and on B (pull);
* the baseline: a plain ``COPY`` of the same movement rows into an empty copy of the movements
  table (same indexes) in the same server, in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from datetime import timedelta

from _common import CACHE
from _common import PYTHON
from _common import QUICK
from _common import ROOT
from _common import add_master_data
from _common import cli_env
from _common import load
from _common import movement_commands
from _common import rate
from _common import remove_db
from _common import table

from domain.stock import commands as c  # noqa: E402
from domain.stock import ledger  # noqa: E402
from persistence import sync  # noqa: E402
from persistence import tables as t  # noqa: E402
from persistence.db import open_database  # noqa: E402
from persistence.sync.engine import connect_hub  # noqa: E402
from persistence.sync.local import pending_records  # noqa: E402
from tests.pg import Cluster  # noqa: E402


def source_database(movements: int | None):
    """A cached device database: the demo, or ``movements`` generated ones."""
    name = "sync-demo.sqlite3" if movements is None else f"sync-{movements}.sqlite3"
    cached = CACHE / name
    if not cached.exists():
        building = CACHE / f"building-{name}"
        remove_db(building)
        if movements is None:
            subprocess.run([PYTHON, str(ROOT / "main.py"), "--db", str(building), "init"], cwd=ROOT, env=cli_env(),
                           check=True, stdout=subprocess.DEVNULL)
            subprocess.run([PYTHON, str(ROOT / "main.py"), "--db", str(building), "demo"], cwd=ROOT, env=cli_env(),
                           check=True, stdout=subprocess.DEVNULL)
        else:
            db = open_database(building)
            add_master_data(db, 2000)
            ledger.post_many(db.uow(), movement_commands(movements, 2000))
            db.close()
        building.rename(cached)
    work = CACHE / f"work-{name}"
    remove_db(work)
    shutil.copy(cached, work)
    return work


def movement_rows(db) -> list[tuple]:
    columns = ", ".join(f'"{col.name}"' for col in t.movements.columns)
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {columns} FROM movements ORDER BY rowid")]


def copy_baseline(cluster: Cluster, rows: list[tuple]) -> float:
    """Seconds to COPY ``rows`` into an empty table shaped like movements (same indexes) on the same server."""
    import psycopg

    url = cluster.new_database()
    columns = ", ".join(f'"{col.name}"' for col in t.movements.columns)
    connect_hub(url, None).dispose()  # the schema a hub has, from the same migrations
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE plain_movements (LIKE movements INCLUDING ALL)")
        conn.commit()
        start = time.perf_counter()
        with conn.cursor() as cur, cur.copy(f"COPY plain_movements ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        return time.perf_counter() - start


def a_day_of_postings(db, per_day: int) -> int:
    """``per_day`` receipts and shipments after the last movement of ``db``, posted in one unit of work."""
    from persistence.stock import queries

    with db.engine.connect() as conn:
        last = conn.exec_driver_sql("SELECT max(occurred_at) FROM movements").scalar()
    from persistence.types import from_micros

    start = from_micros(last) + timedelta(hours=1)
    stock = [(r.sku, r.warehouse) for r in queries.stock(db.engine) if r.on_hand > 10][:500]
    commands = []
    for i in range(per_day):
        s, w = stock[i % len(stock)]
        at = start + timedelta(seconds=20 * i)
        if i % 3 == 0:
            commands.append(c.ReceiveStock(s, "5", w, "1.00", occurred_at=at))
        else:
            commands.append(c.ShipStock(s, "1", w, occurred_at=at))
    ledger.post_many(db.uow(), commands)
    return per_day


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a generated ledger of 20,000 movements")
    parser.add_argument("--movements", type=int, help="generate a ledger of N movements instead of the demo")
    args = parser.parse_args()
    movements = args.movements or (20_000 if QUICK or args.quick else None)
    cluster = Cluster()
    cluster.start()
    try:
        a_path = source_database(movements)
        a = open_database(a_path)
        b_path = CACHE / "work-sync-b.sqlite3"
        remove_db(b_path)
        b = open_database(b_path)
        rows = movement_rows(a)
        with a.engine.connect() as conn:
            first, last = conn.exec_driver_sql("SELECT min(occurred_at), max(occurred_at) FROM movements").one()
            records = len(pending_records(conn))
        days = max(1, (last - first) // 86_400_000_000)
        hub = cluster.new_database()
        start = time.perf_counter()
        pushed = sync.sync(a, hub)
        push_s = time.perf_counter() - start
        start = time.perf_counter()
        pulled = sync.sync(b, hub)
        pull_s = time.perf_counter() - start
        copy_s = copy_baseline(cluster, rows)
        per_day = max(1, len(rows) // days)
        a_day_of_postings(a, per_day)
        day_rows = movement_rows(a)[len(rows):]
        start = time.perf_counter()
        day_push = sync.sync(a, hub)
        day_push_s = time.perf_counter() - start
        start = time.perf_counter()
        day_pull = sync.sync(b, hub)
        day_pull_s = time.perf_counter() - start
        day_copy_s = copy_baseline(cluster, day_rows)
        a.close()
        b.close()
    finally:
        cluster.stop()
    what = "demo database" if movements is None else f"generated ledger of {movements:,} movements"
    table(f"sync ({what}; {load()})", [
        ("movements / records", f"{len(rows):,} / {records:,}"),
        ("first sync of A: push everything", f"{push_s:,.1f} s ({rate(pushed.pushed, push_s)} rows pushed)"),
        ("first sync of B: pull and recompute everything",
         f"{pull_s:,.1f} s ({rate(pulled.pulled, pull_s)} rows pulled)"),
        ("plain COPY of the same movements, same server", f"{copy_s:,.1f} s ({rate(len(rows), copy_s)})"),
        (f"a day's postings ({per_day:,} movements): sync A", f"{day_push_s:,.2f} s (pushed {day_push.pushed:,})"),
        ("a day's postings: sync B", f"{day_pull_s:,.2f} s (pulled {day_pull.pulled:,})"),
        ("plain COPY of the day's movements", f"{day_copy_s:,.2f} s"),
    ])


if __name__ == "__main__":
    sys.exit(main())
