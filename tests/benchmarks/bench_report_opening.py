"""What counting imported opening stock in the stock summary's opening costs (``queries._opening_stock``).

    .venv/bin/python tests/benchmarks/bench_report_opening.py

Copies the database ``bench_reports.py`` builds and caches (100,000 products, 631,038 movements; run that first),
times the opening-stock read and the whole stock-summary read (``queries.stock_summary`` by product) for the year
2025 and for this month, CPU time, median of 3; then imports 100,000 opening-stock rows (one per product, date left
blank: today) and times them again. The copy is deleted at the end.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from datetime import date
from datetime import timedelta
from pathlib import Path

from _common import CACHE  # noqa: E402

from domain.imports import guess_mapping
from domain.imports import run_import
from domain.reports.model import Period
from domain.reports.stock_summary import SummaryBy
from persistence.db import open_database
from persistence.reports import queries as q
from ui.spreadsheets import read_table

SOURCE = CACHE / "reports-100000-600000.sqlite3"


def median_cpu(run) -> tuple[float, object]:
    times, got = [], None
    for _ in range(3):
        start = time.process_time()
        got = run()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000, got


def timed(db, label: str) -> None:
    today = date.today()
    for period in (Period(date(2025, 1, 1), date(2025, 12, 31)), Period(today.replace(day=1), today)):
        start, end = q.midnight(period.first), q.midnight(period.last + timedelta(days=1))

        def opening(start=start, end=end):
            with db.engine.connect() as conn:
                return q._opening_stock(conn, start, end, None, False, False)

        read, got = median_cpu(opening)
        whole, _ = median_cpu(lambda p=period: q.stock_summary(db.engine, p, SummaryBy.PRODUCT))
        print(f"{label}, {period.first} – {period.last}: opening-stock read {read:,.0f} ms CPU ({len(got):,} products "
              f"opened in the period); whole stock-summary read {whole:,.0f} ms CPU", flush=True)


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: run tests/benchmarks/bench_reports.py first (it builds and caches it)")
        return 0
    work = CACHE / "report-opening-copy.sqlite3"
    shutil.copyfile(SOURCE, work)
    db = open_database(work)
    try:
        timed(db, "no opening stock imported")
        with db.engine.connect() as conn:
            skus = [r[0] for r in conn.exec_driver_sql("SELECT sku FROM products ORDER BY sku")]
            warehouse = conn.exec_driver_sql("SELECT code FROM warehouses ORDER BY code LIMIT 1").scalar()
        sheet = Path(str(work) + ".csv")
        sheet.write_text("货号,仓库,数量,成本\n" + "".join(f"{s},{warehouse},5,2.50\n" for s in skus), encoding="utf-8")
        table = read_table(sheet)
        added = run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers)).added
        sheet.unlink()
        timed(db, f"{added:,} opening-stock rows imported today")
    finally:
        db.close()
        work.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
