"""The first fill of ``stock_months`` (persistence/stock/months.py) on a migrated benchmark database: its CPU and
wall time, how many write transactions it took and the longest of them (the time a clerk's posting could wait).

    python tests/benchmarks/bench_months_fill.py [DATABASE [THROUGH]] [--module PATH] [--stale MONTH]

DATABASE is changed (its ``stock_months`` emptied and filled again): give a copy. Without it (as
``scripts/bench.sh`` runs it) a copy of bench_reports.py's cached database is used, and the bench is skipped with a
line saying so when that database has not been built yet. ``--module``: fill with another
version of ``months.py`` (e.g. one taken from an earlier commit with ``git show``) to compare; see
RESULTS-reports.md. ``--stale``: fill first (not timed), then mark the months from MONTH on stale, as a posting
back-dated into it does, and time the refill (the latest rows before MONTH are looked up in the table).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

import _common  # (also puts the project on the path)
from sqlalchemy import event

from persistence import tables as t
from persistence.db import open_database
from persistence.stock import months


def main() -> None:
    args = sys.argv[1:]
    module = months
    if "--module" in args:
        i = args.index("--module")
        spec = importlib.util.spec_from_file_location("months_other", args[i + 1])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        del args[i:i + 2]
    stale = None
    if "--stale" in args:
        i = args.index("--stale")
        stale = args[i + 1]
        del args[i:i + 2]
    args = [a for a in args if a != "--quick"]
    scratch = None
    if args:
        path, through = args[0], (args[1] if len(args) > 1 else "2025-12")
    else:
        through = "2025-12"
        sizes = "2000-20000" if _common.QUICK else "100000-600000"
        cached = _common.CACHE / f"reports-{sizes}.sqlite3"
        if not cached.exists():
            print(f"\n## stock_months fill\n\nskipped: {cached} is not built yet (bench_reports.py builds it)")
            return
        scratch = Path(tempfile.mkdtemp(prefix="months-fill-"))
        path = scratch / cached.name
        shutil.copy(cached, path)
        print(f"\n## stock_months fill (a copy of {cached.name})\n")
    db = open_database(path)
    engine = db.engine
    with engine.begin() as conn:
        conn.execute(t.stock_months.delete())
        conn.execute(t.stock_months_state.delete())
    if stale is not None:
        module.refresh(engine, through, 0)
        with engine.begin() as conn:
            conn.execute(t.stock_months_state.update().values(dirty_from=months.month_start(stale, 0)))
    writes: list[float] = []
    began: dict[int, float] = {}

    def begin(conn) -> None:
        if conn.info.get("immediate"):
            began[id(conn)] = time.perf_counter()

    def end(conn) -> None:
        start = began.pop(id(conn), None)
        if start is not None:
            writes.append(time.perf_counter() - start)

    event.listen(engine, "begin", begin)
    event.listen(engine, "commit", end)
    event.listen(engine, "rollback", end)
    start, used = time.perf_counter(), time.process_time()
    module.refresh(engine, through, 0)
    seconds, cpu = time.perf_counter() - start, time.process_time() - used
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM stock_months").scalar()
    what = f"refill from {stale}" if stale else "fill"
    print(f"{what} through {through}: {seconds * 1000:,.0f} ms (CPU {cpu * 1000:,.0f} ms), {rows:,} rows, "
          f"{len(writes)} write transactions, longest {max(writes) * 1000:,.0f} ms, "
          f"sum {sum(writes) * 1000:,.0f} ms ({', '.join(f'{w * 1000:.0f}' for w in writes)})")
    db.close()
    if scratch is not None:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
