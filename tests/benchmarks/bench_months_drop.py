"""Dropping the stale months of ``stock_months`` after a back-dated posting (persistence/stock/months.py): the old
single write transaction against the month steps, each write transaction's wall and CPU time, and whether both
leave the same rows.

    python tests/benchmarks/bench_months_drop.py FILLED.sqlite3 [STALE]

FILLED.sqlite3 is a migrated benchmark database whose ``stock_months`` is filled and up to date (for example the copy
``bench_months_fill.py`` leaves); it is not changed: two copies of it are made beside it and removed at the end.
STALE (default 2025-07) is the month a back-dated posting reached. Without arguments it says so and stops.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import _common  # noqa: F401  (puts the project on the path)

from persistence.db import open_database
from persistence.stock import months


def _mark(engine, stale: str) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE stock_months_state SET dirty_from = ? WHERE id = 1",
                             (months.month_start(stale, 0),))


class _Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> str:
        wall, cpu = time.perf_counter(), time.process_time()
        said = f"{(wall - self.wall) * 1000:,.0f} ms wall, {(cpu - self.cpu) * 1000:,.0f} ms CPU"
        self.wall, self.cpu = wall, cpu
        return said


def _old(engine, stale: str) -> None:
    """What ``_prepare`` did before: every stale month in one write transaction."""
    with months._write(engine) as conn:
        conn.exec_driver_sql("DELETE FROM stock_months WHERE month >= ?", (stale,))
        conn.exec_driver_sql(f"UPDATE stock_months SET next_month = '{months.LATEST}' WHERE next_month >= ?",
                             (stale,))


def _last(engine, stale: str) -> None:
    """The earliest stale month, as ``_prepare`` drops it with its claim."""
    with months._write(engine) as conn:
        filled = conn.exec_driver_sql("SELECT filled_through FROM stock_months_state").scalar()
        months._drop_months(conn, stale, filled, stale)


def main() -> None:
    if len(sys.argv) < 2:
        print("\n## stock_months drop\n\nskipped: give a migrated database with stock_months filled (the docstring)")
        return
    source, stale = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else "2025-07")
    copies = {name: source.with_name(f"{source.stem}-drop-{name}.sqlite3") for name in ("old", "steps")}
    for copy in copies.values():
        shutil.copy(source, copy)
    try:
        print(f"\n## stock_months: dropping the months from {stale} on (load average {os.getloadavg()[0]:.1f})\n")
        db = open_database(copies["old"])
        _mark(db.engine, stale)
        clock = _Clock()
        _old(db.engine, stale)
        print(f"- before, one write transaction: {clock.lap()}")
        db.close()
        db = open_database(copies["steps"])
        _mark(db.engine, stale)
        whole, clock = _Clock(), _Clock()
        months.after_drop = lambda month: print(f"- month {month}, its own write transaction: {clock.lap()}")
        months._drop_stale(db.engine, 0)
        _last(db.engine, stale)
        print(f"- month {stale}, with the claim that follows: {clock.lap()}")
        print(f"- in steps, all of it: {whole.lap()}")
        with db.engine.connect() as conn:
            conn.exec_driver_sql(f"ATTACH '{copies['old']}' AS o")
            differ = [conn.exec_driver_sql(f"SELECT count(*) FROM (SELECT * FROM {a}.stock_months "
                                           f"EXCEPT SELECT * FROM {b}.stock_months)").scalar()
                      for a, b in (("main", "o"), ("o", "main"))]
            left = conn.exec_driver_sql("SELECT count(*) FROM stock_months").scalar()
        db.close()
        print(f"- rows left: {left:,}; rows in one and not the other: {differ[0]} and {differ[1]}")
    finally:
        months.after_drop = None
        for copy in copies.values():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
