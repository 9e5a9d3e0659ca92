"""How long each write transaction of a desk's first pull holds the write lock: what a save on the desk may wait for.

    .venv/bin/python tests/benchmarks/bench_first_pull_steps.py [--movements N] [--runs R]

A first desk sends N movements (and 2,000 products) to a throwaway PostgreSQL hub, as ``bench_first_pull_ui.py``
does; R empty desks then pull them with ``sync.sync`` (no window), and each of the pull's long transactions is timed:
the pull batches (``engine._apply_pulled``), the build of the movements' indexes at the pull's end
(``restore_indexes``, in the transaction that ends the pull), the recompute's plan and steps
(``recompute._plan``, ``recompute._step``; a version without steps shows its one transaction only) and the whole
recompute.
"""

from __future__ import annotations

import argparse
import time

from _common import fresh_path
from _common import load
from _common import table
from bench_first_pull_ui import first_desk


def timed(times: list[tuple[str, float]], name: str, fn):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times.append((name, time.perf_counter() - started))

    return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    from persistence import sync
    from persistence.db import open_database
    from persistence.sync import engine
    from persistence.sync import recompute
    from tests.pg import Cluster

    times: list[tuple[str, float]] = []
    engine._apply_pulled = timed(times, "pull batch", engine._apply_pulled)
    engine.restore_indexes = timed(times, "index build", engine.restore_indexes)
    engine.recompute = timed(times, "recompute, whole", engine.recompute)
    for name in ("_plan", "_step"):
        if hasattr(recompute, name):
            setattr(recompute, name, timed(times, f"recompute {name[1:]}", getattr(recompute, name)))
    cluster = Cluster()
    cluster.start()
    try:
        hub = cluster.new_database()
        first_desk(args.movements, hub)
        for run in range(args.runs):
            times.clear()
            db = open_database(fresh_path(f"first-pull-steps-{run}.sqlite3"))
            started = time.perf_counter()
            sync.sync(db, hub)
            wall = time.perf_counter() - started
            db.close()
            by: dict[str, list[float]] = {}
            for name, seconds in times:
                by.setdefault(name, []).append(seconds)
            rows = [(name, str(len(xs)), f"{max(xs) * 1000:,.0f} ms", f"{sum(xs):.2f} s") for name, xs in by.items()]
            table(f"run {run + 1}: first pull of {args.movements:,} movements in {wall:.1f} s ({load()})", rows,
                  header=("transaction", "count", "longest", "total"))
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
