"""A desk joining the office's shared database: what its clerk waits for while the first pull runs.

    .venv/bin/python tests/benchmarks/bench_first_pull_ui.py [--quick] [--movements N]

A first desk sends N movements (and 2,000 products) to a throwaway PostgreSQL hub (``tests/pg.py``). A second,
empty desk then syncs from the window's scheduler (``ui.sync_service.SyncService``), on the task runner, while the
GUI thread runs its event loop with a 10 ms timer (a stall is the gap between two ticks) and, every 50 ms
(``--probe-ms``), asks the database what the clerk's screens ask it, each on the task runner as the screens do, one
at a time:

- a read through a unit of work, as the Settings page loads its purchasing policy (the page a joining desk opens on)
  and as the Users, Exchange rates and Price levels pages, a product's or an order's detail load theirs;
- a read through a query, as the Products screen loads its list;
- a save, as every use case writes: it takes the write lock first, so it waits for the step the pull is writing.

For each, the time from asking to the answer on the GUI thread: the longest is what a clerk waited.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import QUICK  # noqa: E402
from _common import add_master_data  # noqa: E402
from _common import fresh_path  # noqa: E402
from _common import load  # noqa: E402
from _common import movement_commands  # noqa: E402
from _common import table  # noqa: E402


def first_desk(movements: int, hub: str) -> None:
    from domain.stock import ledger
    from persistence import sync
    from persistence.db import open_database

    db = open_database(fresh_path("first-pull-sender.sqlite3"))
    try:
        add_master_data(db, products=2_000)
        ledger.post_many(db.uow(), movement_commands(movements, products=2_000))
        sync.sync(db, hub)
    finally:
        db.close()


def measured_first_pull(app, services, service, probe_ms: int = 50) -> dict[str, list[float]]:
    """Sync through the scheduler while the event loop runs and the probes ask; the waits seen, in seconds."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtCore import QTimer

    from domain.purchasing import terms

    waits: dict[str, list[float]] = {"GUI thread stall": [], "unit-of-work read": [], "query read": [],
                                     "save (write lock)": [], "failed reads": []}
    ticks: list[float] = []
    asking: dict[str, float] = {}
    outcome: list[object] = []
    loop = QEventLoop()
    # as the Settings page reads it: through its read-only unit of work where there is one (before there was, the
    # screens read through the writing one, which takes the write lock up front)
    reader = getattr(services, "reader", services.uow)
    probes = {
        "unit-of-work read": lambda: terms.current_policy(reader()),
        "query read": lambda: services.catalog.product_table(limit=1_000),
        "save (write lock)": lambda: save(services),
    }

    def ask() -> None:
        for name, probe in probes.items():
            if name in asking:
                continue
            asking[name] = time.perf_counter()

            def answered(_=None, name=name) -> None:
                waits[name].append(time.perf_counter() - asking.pop(name))

            def failed(exc, name=name) -> None:
                waits["failed reads"].append(time.perf_counter() - asking.pop(name))
                print(f"{name} failed: {exc}")

            services.tasks.submit(probe, answered, failed)

    tick = QTimer()
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    prober = QTimer()
    prober.timeout.connect(ask)
    finish = lambda result: (outcome.append(result), loop.quit())  # noqa: E731
    service.finished.connect(finish)
    service.failed.connect(finish)
    tick.start(10)
    if probe_ms:
        prober.start(probe_ms)
    started = time.perf_counter()
    assert service.sync_now()
    loop.exec()
    waits["wall"] = [time.perf_counter() - started]
    tick.stop()
    prober.stop()
    while asking:
        app.processEvents()
    assert not isinstance(outcome[0], BaseException), outcome[0]
    waits["GUI thread stall"] = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    waits["pulled"] = [outcome[0].pulled]
    return waits


def save(services) -> None:
    """A save as every use case makes one: a unit of work that takes the write lock first, one row, committed (a
    setting of this desk's own, which sync leaves alone)."""
    from sqlalchemy import text

    with services.uow() as uow:
        uow.connection.execute(text("INSERT OR REPLACE INTO settings (key, value) VALUES ('bench.save', :v)"),
                               {"v": str(time.time())})
        uow.commit()


def describe(name: str, values: list[float]) -> tuple[str, ...]:
    if not values:
        return name, "0", "-", "-"
    ordered = sorted(values)
    return (name, str(len(ordered)), f"{ordered[-1] * 1000:,.0f} ms", f"{statistics.median(ordered) * 1000:,.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--movements", type=int, default=20_000 if QUICK else 100_000)
    parser.add_argument("--probe-ms", type=int, default=50, help="how often the screens' reads are asked (0: never; "
                        "1000 is a screen that reloads each second, as one following the data does at most)")
    args = parser.parse_args()
    import keyring.backends.fail
    from PySide6.QtWidgets import QApplication

    from bootstrap import bind
    from persistence.db import open_database
    from tests.pg import Cluster
    from ui.services import Services
    from ui.sync_service import URL_SETTING
    from ui.sync_service import PasswordStore
    from ui.sync_service import SyncService
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    cluster = Cluster()
    cluster.start()
    try:
        hub = cluster.new_database()
        first_desk(args.movements, hub)
        db = open_database(fresh_path("first-pull-joiner.sqlite3"))
        db.set_setting(URL_SETTING, hub)
        services = Services.over(bind(db), TaskRunner())
        service = SyncService(services, services.tasks, store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
        service.refresh()
        while not service.state.configured:
            app.processEvents()
        waits = measured_first_pull(app, services, service, args.probe_ms)
        services.tasks.wait()
        db.close()
    finally:
        cluster.stop()
    rows = [describe(name, waits[name]) for name in ("GUI thread stall", "unit-of-work read", "query read",
                                                      "save (write lock)", "failed reads")]
    table(f"first pull of {waits['pulled'][0]:,} records in {waits['wall'][0]:.1f} s, what the clerk waits for, "
          f"reads asked every {args.probe_ms} ms ({load()})", rows, header=("wait", "count", "longest", "median"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
