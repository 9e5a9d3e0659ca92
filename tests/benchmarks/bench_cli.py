"""The command line's wall time: start-up of a trivial command, and ``stock --json`` for 10,000 products.

Each figure is the median of several runs of ``python main.py …`` in a subprocess, after one
warm-up run, with Python's bytecode cache on (as in a user's shell or a frozen build). The
start-up table also proves that a command imports neither Qt, pandas nor statsmodels.

    python tests/benchmarks/bench_cli.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
from decimal import Decimal

from _common import PYTHON
from _common import QUICK
from _common import ROOT
from _common import add_master_data
from _common import cli_env
from _common import fresh_path
from _common import load
from _common import median_cli
from _common import ms
from _common import run_cli
from _common import sku
from _common import table

from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database

FORBIDDEN = ("PySide6", "pandas", "statsmodels", "pyqtgraph", "reportlab", "alembic", "sqlalchemy.orm")


def small_database():
    path = fresh_path("cli-small.sqlite3")
    run_cli("--db", str(path), "warehouse", "add", "W1", "--name", "Main")
    run_cli("--db", str(path), "product", "add", "A-1", "--name", "Apple 苹果", "--barcode", "6900000000017")
    run_cli("--db", str(path), "receive", "A-1", "10", "--warehouse", "W1", "--unit-cost", "2.50")
    return path


def stock_database(products: int):
    """``products`` products, each stocked in 1 to 3 warehouses by one receipt per warehouse."""
    path = fresh_path(f"cli-stock-{products}.sqlite3")
    db = open_database(path)
    add_master_data(db, products, 3)
    rng = random.Random(5)
    receipts = []
    for i in range(products):
        for w in rng.sample(("W1", "W2", "W3"), rng.randint(1, 3)):
            receipts.append(c.ReceiveStock(sku(i), str(rng.randrange(1, 500)), w,
                                           str(Decimal(rng.randrange(100, 99_999)) / 100)))
    ledger.post_many(db.uow(), receipts)
    db.close()
    return path, len(receipts)


def imported_modules(args: list[str]) -> set[str]:
    result = subprocess.run([PYTHON, "-X", "importtime", str(ROOT / "main.py"), *args], cwd=ROOT, env=cli_env(),
                            capture_output=True, text=True, check=True)
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def python_floor(code: str, runs: int) -> tuple[float, float]:
    """Median wall and CPU time of ``python -c CODE``."""
    import statistics
    import time

    times, cpu = [], []
    for k in range(runs + 1):
        start = time.perf_counter()
        process = subprocess.Popen([PYTHON, "-c", code], cwd=ROOT, env=cli_env())
        _, _, usage = os.wait4(process.pid, 0)
        if k:
            times.append(time.perf_counter() - start)
            cpu.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5 if QUICK else 11)
    parser.add_argument("--products", type=int, default=10_000)
    args = parser.parse_args()

    small = small_database()
    rows = []
    for label, cli_args in (("main.py --db X check", ["--db", str(small), "check"]),
                            ("main.py --db X stock --json", ["--db", str(small), "stock", "--json"]),
                            ("main.py --help (no database)", ["--help"])):
        wall, _, cpu = median_cli(cli_args, args.runs)
        rows.append((label, ms(wall), ms(cpu)))
    floors = (("floor: python -c pass", "pass"), ("floor: python -c 'import sqlalchemy'", "import sqlalchemy"))
    for label, code in floors:
        wall, cpu = python_floor(code, args.runs)
        rows.append((label, ms(wall), ms(cpu)))
    modules = imported_modules(["--db", str(small), "check"])
    bad = sorted(m for m in modules if m.split(".")[0] in FORBIDDEN or m in FORBIDDEN)
    rows.append(("modules imported by check", f"{len(modules)}", ""))
    rows.append(("of which Qt, pandas, statsmodels, pyqtgraph, reportlab, alembic, sqlalchemy.orm",
                 ", ".join(bad) or "none", ""))
    table(f"Start-up: a trivial command on a one-product database, median of {args.runs} runs ({load()})",
          rows, ("what", "wall", "CPU (user+sys)"))

    big, stocked = stock_database(args.products)
    wall, times, cpu = median_cli(["--db", str(big), "stock", "--json"], args.runs)
    printed = json.loads(run_cli("--db", str(big), "stock", "--json").stdout)
    assert len(printed) == stocked, (len(printed), stocked)
    table(f"stock --json: {args.products:,} products, {stocked:,} product × warehouse balances "
          f"(1-3 warehouses each), median of {args.runs} runs ({load()})", [
              ("main.py --db X stock --json", ms(wall), ms(cpu)),
              ("fastest / slowest run (wall)", f"{ms(min(times))} / {ms(max(times))}", ""),
              ("rows printed", f"{len(printed):,}", ""),
          ], ("what", "wall", "CPU (user+sys)"))


if __name__ == "__main__":
    main()
