"""The dashboard (issue 17): every figure group on the 100,000-product year of ``bench_reports.py``.

    .venv/bin/python tests/benchmarks/bench_dashboard.py [--products 100000] [--movements 600000] [--alerts]

(``--quick`` or STOCKROOM_BENCH_QUICK=1: the 2,000-product database.)

Target: the first figures (what the screen shows at once: fill rate, lost sales, the stock value now, overdue
receivables and payables) < 1 s; the other groups load in the background. Each group is timed as the screen runs
it: its read (``persistence/reports/dashboard.py``) and its figures (``domain/reports/dashboard.py``), median of 3,
for the last month and for the whole year, as of 2025-12-31. The database is ``bench_reports.py``'s, built once and
cached (and built here if missing); it is only read. ``--alerts`` also times the reorder alerts (a planning run
over every product × warehouse, which stores nothing) on a copy, twice: with an empty forecast cache, then after a
planning run as the Replenishment screen makes it has filled the cache (what the dashboard meets after one).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from datetime import date

from _common import CACHE  # noqa: E402
from _common import QUICK  # noqa: E402
from _common import load  # noqa: E402
from _common import median_cli  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402

TODAY = date(2025, 12, 31)


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def _median(fn, repeat: int = 3):
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def groups(engine, period):
    """The screen's five groups less the alerts, each a callable answering (figure, rows)."""
    from domain.reports import dashboard as d
    from domain.reports.sales import slow_movers
    from persistence.reports import dashboard as reads

    def first():
        f = reads.first_figures(engine, period, TODAY)
        rate, lost = d.fill_rate(f.fill), d.lost_sales(f.lost)
        return f"fill {rate.qty_percent}%, lost {sum(r.value for r in lost)}, value {f.value_now}", len(lost)

    def trend():
        f = reads.first_figures(engine, period, TODAY)
        series = d.value_series(f.value_now, reads.value_changes(engine, period.first), period)
        return f"{series[0][1]} → {series[-1][1]}", len(series)

    def stockouts():
        rows = d.stockout_days(reads.zero_spells(engine, period), period, TODAY)
        return f"{sum(r.days for r in rows):,} days", len(rows)

    def stock():
        s = reads.stock_figures(engine, period, TODAY)
        turns = d.turnover(s.by_category, period)
        dead = slow_movers(s.stocked, d.DEAD_DAYS, TODAY)
        excess = d.excess_stock(s.held, d.COVER_TARGET_DAYS)
        return f"{len(turns)} categories, {len(dead):,} dead, {len(excess):,} excess", len(s.held)

    return {"first figures (shown at once)": first, "inventory value trend (includes the first read)": trend,
            "stockout days": stockouts, "turnover, dead and excess stock": stock}


def main() -> int:
    products = _arg("--products", 2_000 if QUICK else 100_000)
    movements = _arg("--movements", 20_000 if QUICK else 600_000)
    path = CACHE / f"reports-{products}-{movements}.sqlite3"
    if not path.exists():
        from bench_reports import build

        build(path, products, movements, _arg("--sales", 1_000 if QUICK else 20_000))

    from sqlalchemy import text

    from domain.reports.dashboard import Span
    from domain.reports.dashboard import period_of
    from persistence.db import open_database

    db = open_database(path)
    with db.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM movements")).scalar()
        pairs = conn.execute(text("SELECT count(*) FROM balances")).scalar()
    rows = []
    for span in (Span.MONTH, Span.YEAR):
        period = period_of(span, TODAY)
        for name, fn in groups(db.engine, period).items():
            wall, cpu, (figure, n) = _median(fn)
            target = ("yes" if wall < 1 else "NO") if name.startswith("first") else ""
            rows.append((f"{span.value}: {name}", figure, f"{n:,}", f"{ms(wall)} (CPU {ms(cpu)})", target))
    db.close()
    cli_wall, _, cli_cpu = median_cli(["--db", str(path), "dashboard", "--from", "2025-12-01", "--to",
                                       TODAY.isoformat(), "--no-alerts", "--json"], 1)
    rows.append(("the command line, end to end: dashboard --from 2025-12-01 --to 2025-12-31 --no-alerts --json",
                 "", "", f"{ms(cli_wall)} (CPU {ms(cli_cpu)})", ""))
    if "--alerts" in sys.argv:
        from persistence.reports import dashboard as reads

        copy = CACHE.parent / "dashboard-bench" / path.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        db = open_database(copy)
        try:
            for label in ("reorder alerts, empty forecast cache", "reorder alerts, forecast cache filled"):
                wall, cpu, found = _median(lambda: reads.plan_alerts(db.engine, TODAY), 1)
                total = sum(found.by_severity().values())
                rows.append((label + " (the dashboard's own run)", f"{total:,} alerts", "",
                             f"{ms(wall)} (CPU {ms(cpu)})", ""))
                if "empty" in label:  # the dashboard stores no forecasts: a Replenishment run fills the cache
                    from domain.planning import run as planning
                    from persistence.planning import queries as planning_queries

                    planning.plan(planning_queries.reader(db.engine), today=TODAY,
                                  run=planning.RunControl(cache=planning_queries.forecast_cache(db.engine)))
            wall, cpu, (summary, _) = _median(lambda: reads.stored_alerts(db.engine), 3)
            rows.append(("reorder alerts, the stored summary read", f"{sum(summary.by_severity().values()):,} "
                         "alerts", "", f"{ms(wall)} (CPU {ms(cpu)})", ""))
        finally:
            db.close()
            copy.unlink()
    table(f"Dashboard as of {TODAY} on {products:,} products, {count:,} movements, {pairs:,} balances ({load()})",
          rows, ("group (median of 3)", "figure", "rows", "wall time (CPU)", "< 1 s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
