"""``python main.py demo``: wall time and database size (skipped while domain/demo/ does not exist).

    python tests/benchmarks/bench_demo.py [--quick] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import time

from _common import PYTHON
from _common import ROOT
from _common import cli_env
from _common import db_size
from _common import fresh_path
from _common import load
from _common import mib
from _common import table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="accepted for symmetry; the demo has one size")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if not (ROOT / "domain" / "demo" / "__init__.py").exists():
        print("\n## demo\n\nskipped: domain/demo/ does not exist yet, so `main.py demo` cannot run.")
        return
    path = fresh_path("demo.sqlite3")
    subprocess.run([PYTHON, str(ROOT / "main.py"), "--db", str(path), "init"], cwd=ROOT, env=cli_env(), check=True,
                   stdout=subprocess.DEVNULL)  # only init creates a database
    start = time.perf_counter()
    process = subprocess.Popen([PYTHON, str(ROOT / "main.py"), "--db", str(path), "demo", "--seed", str(args.seed)],
                               cwd=ROOT, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds, cpu = time.perf_counter() - start, usage.ru_utime + usage.ru_stime
    if status != 0:
        print(f"\n## demo\n\nfailed with exit status {status}:\n{stderr[-2000:]}")
        raise SystemExit(1)
    with sqlite3.connect(path) as conn:
        counts = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                  for name in ("products", "warehouses", "suppliers", "customers", "movements")}
    size_open = db_size(path)
    table(f"demo --seed {args.seed} ({load()})", [
        ("main.py --db X demo (wall time, one run)", f"{seconds:.1f} s"),
        ("CPU time of that run (user + system)", f"{cpu:.1f} s"),
        ("database size (file + WAL)", mib(size_open)),
        *((f"{name}", f"{n:,}") for name, n in counts.items()),
    ])


if __name__ == "__main__":
    main()
