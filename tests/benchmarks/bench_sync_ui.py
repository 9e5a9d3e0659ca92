"""A sync started from the window: wall time, and how long the GUI thread ever waits meanwhile.

    .venv/bin/python tests/benchmarks/bench_sync_ui.py [--quick] [--movements N]

The window's scheduler (``ui.sync_service.SyncService``) runs the real engine on the task
runner against a throwaway PostgreSQL hub (``tests/pg.py``) while the GUI thread runs its event
loop with a 10 ms timer. A stall is the gap between two ticks; the target is that the window
never freezes noticeably (no stall near a second). Two syncs: the first of a database with N
movements, then a steady-state one after a day's postings (200 movements). The sync engine's
own throughput against a plain bulk copy is sync-core's benchmark; this one is about the window.
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


def make_device(movements: int):
    from domain.stock import ledger
    from persistence.db import open_database

    db = open_database(fresh_path("sync-ui-device.sqlite3"))
    add_master_data(db, products=2_000)
    ledger.post_many(db.uow(), movement_commands(movements, products=2_000))
    return db


def measured_sync(app, service) -> tuple[float, list[float], int, object]:
    """Sync through the scheduler while the event loop runs; (wall s, tick gaps s, progress updates, outcome)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    updates = [0]
    outcome: list[object] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    on_state = lambda state: updates.__setitem__(0, updates[0] + (1 if state.running else 0))  # noqa: E731
    service.state_changed.connect(on_state)
    finish = lambda result: (outcome.append(result), loop.quit())  # noqa: E731
    service.finished.connect(finish)
    service.failed.connect(finish)
    timer.start(10)
    started = time.perf_counter()
    assert service.sync_now()
    loop.exec()
    wall = time.perf_counter() - started
    timer.stop()
    for signal, slot in ((service.state_changed, on_state), (service.finished, finish), (service.failed, finish)):
        signal.disconnect(slot)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return wall, gaps, updates[0], outcome[0]


def describe(gaps: list[float]) -> tuple[str, str, str]:
    ordered = sorted(gaps)
    return (f"{max(ordered) * 1000:.0f} ms", f"{ordered[int(len(ordered) * 0.99)] * 1000:.0f} ms",
            f"{statistics.median(ordered) * 1000:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--movements", type=int, default=10_000 if QUICK else 100_000)
    args = parser.parse_args()
    import keyring.backends.fail
    from PySide6.QtWidgets import QApplication

    from bootstrap import bind
    from domain.stock import ledger
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
        db = make_device(args.movements)
        db.set_setting(URL_SETTING, cluster.new_database())
        services = Services.over(bind(db), TaskRunner())
        service = SyncService(services, services.tasks, store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
        service.refresh()
        while not service.state.configured:
            app.processEvents()
        rows = []
        wall, gaps, updates, report = measured_sync(app, service)
        assert not isinstance(report, BaseException), report
        rows.append((f"first sync, {report.pushed:,} pushed", f"{wall:.1f} s", *describe(gaps), str(updates)))
        ledger.post_many(db.uow(), movement_commands(200, products=2_000, seed=11))
        wall, gaps, updates, report = measured_sync(app, service)
        assert not isinstance(report, BaseException), report
        rows.append((f"steady state, {report.pushed:,} pushed", f"{wall:.2f} s", *describe(gaps), str(updates)))
        services.tasks.wait()
        db.close()
    finally:
        cluster.stop()
    table(f"sync from the window, GUI thread stalls during it ({load()})", rows,
          header=("sync", "wall time", "longest stall", "p99 stall", "median tick", "progress updates"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
