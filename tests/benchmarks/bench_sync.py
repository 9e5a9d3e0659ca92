"""Sync with a PostgreSQL hub: first sync of a demo database and a steady-state day, next to a bulk COPY.

    python tests/benchmarks/bench_sync.py [--quick] [--movements N]

A throwaway PostgreSQL cluster is started (tests/pg.py). Device A is the demo database
(``main.py demo``, built once into the cache) or, with ``--movements N``, a generated ledger of
N receipts and shipments. Timed, each on a fresh hub database of the same server:

* the first sync of A (push of every record and movement, and the pull of its own records back), into a
  hub whose tables are made just before the clock starts (by the first connection, as ``sync hub-setup``
  or a first sync would), as the baseline's table is: making them (about 0.3 s of CPU, the same for any
  number of rows) is timed on its own line;
* the first sync of an empty device B (pull of everything and the recompute of every value);
* a steady-state day: one day's worth of A's postings (its movements ÷ days of history), then
  ``sync`` on A (push) and on B (pull);
* the baseline: a plain ``COPY`` of the same movement rows into an empty copy of the movements
  table (same indexes) in the same server, in the same run: the median of three COPYs, each into a
  fresh table, since one COPY on a shared machine moves by half its time from run to run.

``--runs N`` repeats the first push, the first pull and the baseline N times (each with a fresh copy of
A, a fresh B and a fresh hub) and prints each run's figures and ratios with the load average at its
end, then the medians. ``--profile DIR`` writes cProfile files of the first run's push and pull.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

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


def copy_baseline(cluster: Cluster, rows: list[tuple], repeat: int = 1) -> tuple[float, float]:
    """Seconds to COPY ``rows`` into an empty table shaped like movements (same indexes) on the same server,
    wall and CPU (this process and the server): the medians of ``repeat`` COPYs, each into a table of its own."""
    import psycopg

    url = cluster.new_database()
    columns = ", ".join(f'"{col.name}"' for col in t.movements.columns)
    connect_hub(url, None).dispose()  # the schema a hub has, from the same migrations
    times, cpus = [], []
    with psycopg.connect(url) as conn:
        for i in range(repeat):
            conn.execute(f"CREATE TABLE plain_movements_{i} (LIKE movements INCLUDING ALL)")
            conn.commit()
            clock = Clock(cluster)
            with conn.cursor() as cur, cur.copy(f"COPY plain_movements_{i} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            wall, cpu = clock.read()
            times.append(wall)
            cpus.append(cpu)
    return statistics.median(times), statistics.median(cpus)


def server_cpu(cluster: Cluster) -> float:
    """CPU seconds (user + system) the PostgreSQL server has used so far: the postmaster with the children it
    has reaped, and its live children (backends, writers). Linux only; 0 elsewhere."""
    try:
        postmaster = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(entry.name), int(fields[1])
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
            elif ppid == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / tick
    except (OSError, ValueError):
        return 0.0


class Clock:
    """Wall time, and CPU time of this process (all its threads) plus the PostgreSQL server's: on a machine
    shared with other work, CPU time moves far less than wall time."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.wall, self.cpu = time.perf_counter(), time.process_time() + server_cpu(cluster)

    def read(self) -> tuple[float, float]:
        return (time.perf_counter() - self.wall,
                time.process_time() + server_cpu(self.cluster) - self.cpu)


def timed_sync(cluster: Cluster, db, hub: str, profile: Path | None):
    profiler = cProfile.Profile() if profile else None
    clock = Clock(cluster)
    if profiler:
        profiler.enable()
    report = sync.sync(db, hub)
    if profiler:
        profiler.disable()
    seconds, cpu = clock.read()
    if profiler:
        profiler.dump_stats(profile)
    return seconds, cpu, report


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


def first_sync(cluster: Cluster, movements: int | None, profile: Path | None) -> dict:
    """One measured first push of A, first pull of B and COPY baseline, on a fresh hub."""
    a_path = source_database(movements)
    a = open_database(a_path)
    b_path = CACHE / "work-sync-b.sqlite3"
    remove_db(b_path)
    b = open_database(b_path)
    rows = movement_rows(a)
    with a.engine.connect() as conn:
        records = len(pending_records(conn))
    hub = cluster.new_database()
    clock = Clock(cluster)
    connect_hub(hub, None).dispose()  # the hub's tables, made before the clock as for the COPY (see the docstring)
    schema_s, schema_cpu = clock.read()
    push_s, push_cpu, pushed = timed_sync(cluster, a, hub, profile / "push.prof" if profile else None)
    pull_s, pull_cpu, pulled = timed_sync(cluster, b, hub, profile / "pull.prof" if profile else None)
    copy_s, copy_cpu = copy_baseline(cluster, rows, repeat=3)
    return {"a": a, "b": b, "hub": hub, "rows": rows, "records": records, "push": push_s, "pull": pull_s,
            "copy": copy_s, "schema": schema_s,
            "schema_cpu": schema_cpu, "push_cpu": push_cpu, "pull_cpu": pull_cpu, "copy_cpu": copy_cpu,
            "pushed": pushed.pushed, "pulled": pulled.pulled, "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a generated ledger of 20,000 movements")
    parser.add_argument("--movements", type=int, help="generate a ledger of N movements instead of the demo")
    parser.add_argument("--runs", type=int, default=1, help="repeat the first sync and its baseline N times")
    parser.add_argument("--profile", type=Path, help="write cProfile files of the first run's push and pull here")
    args = parser.parse_args()
    movements = args.movements or (20_000 if QUICK or args.quick else None)
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    cluster = Cluster()
    cluster.start()
    runs = []
    try:
        for i in range(args.runs):
            run = first_sync(cluster, movements, args.profile if i == 0 else None)
            if i < args.runs - 1:
                run["a"].close()
                run["b"].close()
            runs.append(run)
            print(f"run {i + 1}: push {run['push']:.2f} s, pull {run['pull']:.2f} s, COPY {run['copy']:.2f} s "
                  f"(median of 3): push {run['push'] / run['copy']:.2f}x, pull {run['pull'] / run['copy']:.2f}x "
                  f"COPY; CPU push {run['push_cpu']:.2f} s, pull {run['pull_cpu']:.2f} s, "
                  f"COPY {run['copy_cpu']:.2f} s: "
                  f"push {run['push_cpu'] / run['copy_cpu']:.2f}x, pull {run['pull_cpu'] / run['copy_cpu']:.2f}x; "
                  f"load average {run['load']:.1f}", flush=True)
        last = runs[-1]
        a, b, hub, rows = last["a"], last["b"], last["hub"], last["rows"]
        with a.engine.connect() as conn:
            first, end = conn.exec_driver_sql("SELECT min(occurred_at), max(occurred_at) FROM movements").one()
        days = max(1, (end - first) // 86_400_000_000)
        per_day = max(1, len(rows) // days)
        a_day_of_postings(a, per_day)
        day_rows = movement_rows(a)[len(rows):]
        start = time.perf_counter()
        day_push = sync.sync(a, hub)
        day_push_s = time.perf_counter() - start
        start = time.perf_counter()
        day_pull = sync.sync(b, hub)
        day_pull_s = time.perf_counter() - start
        day_copy_s, _ = copy_baseline(cluster, day_rows)
        a.close()
        b.close()
    finally:
        cluster.stop()

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    def spread(values: list[float], unit: str) -> str:
        if len(values) == 1:
            return f"{values[0]:,.2f}{unit}"
        return f"{statistics.median(values):,.2f}{unit} (median; {min(values):,.2f}–{max(values):,.2f})"

    push_ratio = [run["push"] / run["copy"] for run in runs]
    pull_ratio = [run["pull"] / run["copy"] for run in runs]
    what = "demo database" if movements is None else f"generated ledger of {movements:,} movements"
    loads = ", ".join(f"{run['load']:.1f}" for run in runs)
    table(f"sync ({what}; {len(runs)} run{'s' if len(runs) > 1 else ''}; load average {loads} on "
          f"{os.cpu_count()} cores; {load()} at the end)", [
        ("movements / records", f"{len(rows):,} / {last['records']:,}"),
        ("first sync of A: push everything",
         f"{spread([r['push'] for r in runs], ' s')} ({rate(last['pushed'], median('push'))} rows pushed)"),
        ("first sync of B: pull and recompute everything",
         f"{spread([r['pull'] for r in runs], ' s')} ({rate(last['pulled'], median('pull'))} rows pulled)"),
        ("plain COPY of the same movements, same server (median of 3)",
         f"{spread([r['copy'] for r in runs], ' s')} ({rate(len(rows), median('copy'))})"),
        ("first push ÷ COPY of the same run", spread(push_ratio, "×")),
        ("first pull ÷ COPY of the same run", spread(pull_ratio, "×")),
        ("CPU time (this process and the server): first push ÷ COPY",
         spread([r["push_cpu"] / r["copy_cpu"] for r in runs], "×")),
        ("CPU time: first pull ÷ COPY", spread([r["pull_cpu"] / r["copy_cpu"] for r in runs], "×")),
        ("making the hub's tables (before the first push; not in its figure)",
         f"{spread([r['schema'] for r in runs], ' s')}, CPU {spread([r['schema_cpu'] for r in runs], ' s')}"),
        (f"a day's postings ({per_day:,} movements): sync A", f"{day_push_s:,.2f} s (pushed {day_push.pushed:,})"),
        ("a day's postings: sync B", f"{day_pull_s:,.2f} s (pulled {day_pull.pulled:,})"),
        ("plain COPY of the day's movements", f"{day_copy_s:,.2f} s"),
    ])


if __name__ == "__main__":
    sys.exit(main())
