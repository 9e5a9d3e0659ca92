# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""Incremental planning on the demo database: a full run, then a run after a day's shipments.

``domain.planning.run.plan`` with the forecast cache (``domain.planning.cache``) on a copy of the demo
database whose cache is emptied first:

1. a full run: every product × warehouse is forecast and stored;
2. a day's shipments for ``--changed`` products are posted on the last day of the history's last complete
   week (as a clerk entering the day's delivery notes before the week is planned), then planning runs
   again: only those products' rows are forecast, the rest comes from the cache;
3. the same day's shipments posted in the running week (today's): the weekly history leaves the running
   week out, so nothing is forecast again.

Both modes are timed: the default (vectorised numpy methods) and ``--thorough`` (plus statsmodels ETS
and Theta on smooth and erratic rows, in two processes, under a time budget). Wall time, the wall time
after reading the history from the ledger (which the cache cannot save: it is what tells which rows
changed), and CPU time of this process and of the worker processes.

    python tests/benchmarks/bench_incremental.py [--db DEMO.sqlite3] [--changed 36] [--budget 20]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import resource
import shutil
import subprocess
import time
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from _common import CACHE
from _common import PYTHON
from _common import ROOT
from _common import load
from _common import table
from _common import timed_cpu

from domain.planning import run as planning
from domain.stock import commands as c
from domain.stock import ledger


def demo_copy(source: Path) -> Path:
    """A copy of the demo database with an empty forecast cache (the demo is built once if missing)."""
    if not source.exists():
        print(f"building the demo database {source} …", flush=True)
        subprocess.run([PYTHON, str(ROOT / "main.py"), "--db", str(source), "init"], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([PYTHON, str(ROOT / "main.py"), "--db", str(source), "demo", "--seed", "42"], check=True,
                       stdout=subprocess.DEVNULL)
    copy = CACHE / "incremental-demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    return copy


def last_day(engine) -> date:
    from sqlalchemy import func
    from sqlalchemy import select

    from persistence import tables as t

    with engine.connect() as conn:
        return conn.execute(select(func.max(t.movements.c.occurred_at))).scalar().astimezone(UTC).date()


def pick(history, n: int) -> list[tuple[str, str]]:
    """(SKU, warehouse code) of ``n`` items with stock that shipped in the window, spread over the list."""
    shipped = [x for x in history.items if x.key in history.shipped and x.on_hand >= 5]
    step = max(1, len(shipped) // n)
    return [(x.sku, x.warehouse) for x in shipped[::step][:n]]


def post_day(db, items, day: date) -> float:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    start = time.perf_counter()
    ledger.post_many(db.uow(), [c.ShipStock(sku, "1", wh, occurred_at=at) for sku, wh in items])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="accepted for symmetry; the demo has one size")
    parser.add_argument("--db", type=Path, default=CACHE / "demo.sqlite3", help="the demo database (copied)")
    parser.add_argument("--changed", type=int, default=36, help="products with a day's shipments")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds of statsmodels in thorough mode")
    args = parser.parse_args()

    from persistence import tables as t
    from persistence.db import open_database
    from persistence.planning.queries import forecast_cache
    from persistence.planning.queries import read_history
    from persistence.planning.queries import reader

    db = open_database(demo_copy(args.db))
    end = last_day(db.engine)
    today = end - timedelta(days=end.weekday()) + timedelta(days=7)  # the Monday after: end's week is complete
    history = read_history(db.engine, *planning.window(today))
    items = pick(history, args.changed)
    read_s, read_cpu, _ = timed_cpu(lambda: read_history(db.engine, *planning.window(today)))

    rows = []
    for thorough in (False, True):
        mode = "thorough" if thorough else "fast"

        def planned(thorough=thorough):
            control = planning.RunControl(cache=forecast_cache(db.engine))
            read = reader(db.engine)
            spent = []

            def timed_read(first, end):
                start = time.perf_counter()
                history = read(first, end)
                spent.append(time.perf_counter() - start)
                return history

            plans = planning.plan(timed_read, today=today, thorough=thorough, budget_seconds=args.budget,
                                  workers=2, run=control)
            return control.computed, len(plans), spent[0]

        def measure(thorough=thorough):
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, cpu, (computed, total, read_s) = timed_cpu(planned)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
            return (f"{wall:.2f} s", f"{wall - read_s:.2f} s", f"{cpu:.2f} s + {workers:.2f} s",
                    f"{computed:,} of {total:,}")

        with db.engine.begin() as conn:
            conn.execute(t.forecast_cache.delete())
        rows.append((mode, "full run (empty cache)", *measure()))
        rows.append((mode, "again, nothing posted", *measure()))
        post_s = post_day(db, items, end)
        rows.append((mode, f"after {len(items)} products' shipments on {end} (posted in {post_s:.2f} s)", *measure()))
        post_day(db, items, today)
        rows.append((mode, f"after the same shipments on {today} (the running week)", *measure()))
    db.close()
    table(f"incremental planning, demo database, planning day {today} ({load()}); reading the history alone: "
          f"{read_s:.2f} s wall, {read_cpu:.2f} s CPU", rows,
          ("mode", "run", "wall", "wall after the history read", "CPU: this process + workers", "rows forecast"))


if __name__ == "__main__":
    main()
