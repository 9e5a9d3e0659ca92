"""Shared helpers for the benchmark scripts: paths, fresh databases, workloads, timing, tables.

The benchmarks are plain scripts, not pytest tests: each prints a small table of figures.
Run them all with ``./scripts/bench.sh`` (``./scripts/bench.sh quick`` for a short run).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from domain.catalog.model import Product  # noqa: E402
from domain.catalog.model import Warehouse  # noqa: E402
from domain.kernel.ids import new_id  # noqa: E402
from domain.stock import commands as c  # noqa: E402

CACHE = Path(os.environ.get("STOCKROOM_BENCH_CACHE", "/tmp/stockroom-bench"))
PYTHON = sys.executable
QUICK = os.environ.get("STOCKROOM_BENCH_QUICK") == "1" or "--quick" in sys.argv
BASE_TIME = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


def fresh_path(name: str) -> Path:
    """A database path under the cache folder with no file (nor WAL/SHM) left from an earlier run."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / name
    remove_db(path)
    return path


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def db_size(path: Path) -> int:
    """Bytes on disk: the file plus any WAL and shared-memory file beside it."""
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal", "-shm") if Path(f"{path}{s}").exists())


def sku(i: int) -> str:
    return f"SKU-{i:06d}"


def add_master_data(db, products: int, warehouses: int = 3) -> None:
    """Products and warehouses written in one unit of work through the repositories (set-up, not timed)."""
    with db.uow() as uow:
        for w in range(1, warehouses + 1):
            uow.warehouses.add(Warehouse(id=new_id(), code=f"W{w}", name=f"Warehouse {w}", device_id=uow.device_id))
        for i in range(products):
            uow.products.add(Product(id=new_id(), sku=sku(i), name=f"Product {i} 商品{i}", category=f"C{i % 12}",
                                     barcodes=[f"69{i:011d}"], device_id=uow.device_id))
        uow.commit()


def movement_commands(n: int, products: int, warehouses: int = 3, seed: int = 7) -> list[object]:
    """``n`` receipts and shipments in business-time order that never drive stock negative.

    Stock is simulated beside the generator: a product × warehouse that runs low is restocked,
    otherwise about 60% of movements are shipments of what is there.
    """
    rng = random.Random(seed)
    on_hand: dict[tuple[int, int], int] = {}
    cost = {i: Decimal(rng.randrange(100, 20_000)) / 100 for i in range(products)}
    result: list[object] = []
    for k in range(n):
        p, w = rng.randrange(products), rng.randrange(1, warehouses + 1)
        at = BASE_TIME + timedelta(seconds=30 * k)
        have = on_hand.get((p, w), 0)
        if have < 5 or rng.random() < 0.4:
            qty = rng.randrange(10, 100)
            unit_cost = cost[p] + Decimal(rng.randrange(-50, 51)) / 100
            result.append(c.ReceiveStock(sku(p), str(qty), f"W{w}", str(unit_cost), f"PO-{k}", at))
            on_hand[(p, w)] = have + qty
        else:
            qty = rng.randrange(1, min(have, 20) + 1)
            result.append(c.ShipStock(sku(p), str(qty), f"W{w}", f"SO-{k}", at))
            on_hand[(p, w)] = have - qty
    return result


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float, object]:
    """Wall time, this process's CPU time (user + system; a busy machine disturbs it much less) and result."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_env() -> dict[str, str]:
    """The environment of a user's shell: bytecode cached (in a folder outside the repository), stdout buffered."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONUNBUFFERED", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    return env


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(ROOT / "main.py"), *args], cwd=ROOT, env=cli_env(), capture_output=True,
                          text=True, check=check)


def median_cli(args: list[str], repeat: int) -> tuple[float, list[float], float]:
    """Median wall time of ``main.py ARGS`` over ``repeat`` runs after one warm-up run, the wall times, and
    the median CPU time (user + system) of those runs, which a busy machine disturbs much less than wall time."""
    run_cli(*args)
    times, cpu = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen([PYTHON, str(ROOT / "main.py"), *args], cwd=ROOT, env=cli_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        if status != 0:
            raise RuntimeError(f"main.py {' '.join(args)} exited with status {status}")
        cpu.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times), times, statistics.median(cpu)


def load() -> str:
    """The 1-minute load average: figures taken while other work runs are slower, so print it with them."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms" if seconds < 0.01 else f"{seconds * 1000:,.0f} ms"


def mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


def table(title: str, rows: list[tuple[str, ...]], header: tuple[str, ...] = ("what", "figure")) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}\n")
    for k, row in enumerate([header, *rows]):
        print("| " + " | ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    sys.stdout.flush()
