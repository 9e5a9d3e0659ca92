"""Import speed: rows per second for a 100,000-row products file and a 100,000-row opening stock file.

Each file is generated here (Chinese headers and names, a barcode on every product) as CSV and as
XLSX; each import runs end to end as the CLI runs it: read the file (``ui.spreadsheets``), check
every row, write all rows in one transaction (``domain.imports.run_import``). The CSV imports go
into one fresh database and the XLSX imports into another, products first, then the opening stock
of those products. Reading is also timed alone, and so is importing the stock file a second time
(every row is found already imported; nothing is written). Wall time and this process's CPU time
are both given: on a shared machine the CPU time is the steadier figure.

    python tests/benchmarks/bench_import.py [--quick] [--rows N]
"""

from __future__ import annotations

import argparse

from _common import CACHE
from _common import QUICK
from _common import fresh_path
from _common import rate
from _common import table
from _common import timed_cpu

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import guess_mapping
from domain.imports import run_import
from persistence.db import open_database
from ui.spreadsheets import read_table
from ui.spreadsheets import write_xlsx

PRODUCT_HEADERS = ["货号", "品名", "单位", "条码", "类别", "最低库存"]
STOCK_HEADERS = ["货号", "仓库", "数量", "单价", "日期"]


def product_rows(n: int):
    return ([f"SKU-{i:06d}", f"商品 {i} 号 不锈钢螺丝", "个", str(6_900_000_000_000 + i), f"类别{i % 50}", str(i % 20)]
            for i in range(n))


def stock_rows(n: int):
    return ([f"SKU-{i:06d}", ("SH", "GZ")[i % 2], str(i % 500 + 1), f"{i % 97 + 0.5:.2f}", "2026-01-01"]
            for i in range(n))


def write_files(n: int) -> dict[str, object]:
    folder = CACHE / "import"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, headers, rows in (("products", PRODUCT_HEADERS, product_rows), ("stock", STOCK_HEADERS, stock_rows)):
        csv_path = folder / f"{name}-{n}.csv"
        with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
            f.write(",".join(headers) + "\r\n")
            f.writelines(",".join(r) + "\r\n" for r in rows(n))
        xlsx_path = folder / f"{name}-{n}.xlsx"
        write_xlsx(xlsx_path, headers, rows(n))
        files[name, "csv"], files[name, "xlsx"] = csv_path, xlsx_path
    return files


def import_file(db, kind: str, path) -> tuple[float, float, float, float, object]:
    read_wall, read_cpu, t = timed_cpu(lambda: read_table(path))
    wall, cpu, result = timed_cpu(lambda: run_import(db.uow(), kind, t, guess_mapping(kind, t.headers)))
    return read_wall, read_cpu, wall, cpu, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int, default=10_000 if QUICK else 100_000)
    n = parser.parse_args().rows
    files = write_files(n)
    rows = []
    for fmt in ("csv", "xlsx"):
        db = open_database(fresh_path(f"import-{fmt}.sqlite3"))
        catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
        catalog.add_warehouse(db.uow(), c.AddWarehouse("GZ", "广州仓"))
        for kind in ("products", "stock"):
            read_wall, read_cpu, wall, cpu, result = import_file(db, kind, files[kind, fmt])
            assert result.added == n and not result.problems, result.summary()
            total, total_cpu = read_wall + wall, read_cpu + cpu
            rows.append((f"{kind}, {n:,} rows, {fmt.upper()}: read + check + write",
                         f"{rate(n, total)} ({total:.1f} s; CPU {rate(n, total_cpu)})",
                         f"read {read_wall:.1f} s, check + write {wall:.1f} s"))
        if fmt == "csv":
            read_wall, _, wall, cpu, result = import_file(db, "stock", files["stock", fmt])
            assert result.added == 0 and result.unchanged == n and not result.written
            total = read_wall + wall
            rows.append((f"stock again (all {n:,} rows found already imported)",
                         f"{rate(n, total)} ({total:.1f} s; CPU {rate(n, cpu)})", "nothing written"))
        db.close()
    table(f"Import from a file, {n:,} rows (bench_import.py)", rows, ("what", "rows per second", "split"))


if __name__ == "__main__":
    main()
