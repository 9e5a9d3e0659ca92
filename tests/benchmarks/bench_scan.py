"""Scan to updated line on the Receive screen with a 100,000-product database.

    .venv/bin/python tests/benchmarks/bench_scan.py [--products 100000] [--scans 400]

Target (issue 3): < 50 ms from Enter in the scan field to the updated line. The code itself
is typed beforehand and not timed (a scanner types it, not the app); from Enter on, three
figures are taken, for scans that add a new line and scans that add one to a line:

* the model updated (lookup in the code map, one model change), before any painting;
* the changed part painted, as Qt does it (the pending update requests delivered);
* the whole lines grid repainted synchronously: the worst case, as after a scroll.

Also timed: how long the code map (every SKU and barcode) takes to load in the background
after the screen opens, a wedge burst of 10 scans of one code, and an unknown code. Runs
under Qt's offscreen platform (software painting); the load average is printed because the
figures depend on it. The database is built once and cached in $STOCKROOM_BENCH_CACHE.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import CACHE  # noqa: E402
from _common import add_master_data  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402


def main() -> int:
    products = int(sys.argv[sys.argv.index("--products") + 1]) if "--products" in sys.argv else 100_000
    scans = int(sys.argv[sys.argv.index("--scans") + 1]) if "--scans" in sys.argv else 400
    path = CACHE / f"scan-{products}.sqlite3"
    if not path.exists():
        from persistence.db import open_database

        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        db = open_database(path)
        add_master_data(db, products)  # SKU-000000… with barcodes 6900000000000…
        db.close()
        print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)

    from PySide6.QtCore import QSettings
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.app import build_services
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(CACHE / "scan-settings"))
    app = QApplication([])
    services = build_services(path)
    from ui.screens.documents import ReceiveScreen

    start = time.perf_counter()
    screen = ReceiveScreen(services)
    screen.resize(1280, 760)
    screen.show()
    shown = time.perf_counter() - start
    while not screen.codes_ready:
        app.processEvents()
        time.sleep(0.001)
    loaded = time.perf_counter() - start
    codes = len(screen.codes)

    cpu: dict[str, list[float]] = {"none": [], "qt": [], "full": []}

    def enter(code: str, paint: str) -> float:
        """Seconds from Enter to the updated line; ``paint``: none, qt (what Qt repaints) or full.

        Also records the GUI thread's CPU seconds: on a busy machine the wall time includes
        waiting for a core, the CPU time does not.
        """
        QTest.keyClicks(screen.scan, code)
        c0 = time.thread_time()
        t0 = time.perf_counter()
        QTest.keyClick(screen.scan, Qt.Key.Key_Return)
        if paint == "qt":
            app.processEvents()  # deliver the pending update requests: Qt paints what changed
        elif paint == "full":
            screen.grid.viewport().repaint()
        wall = time.perf_counter() - t0
        cpu[paint].append(time.thread_time() - c0)
        return wall

    rng = random.Random(5)
    scanned = 0
    figures = {}
    for paint in ("none", "qt", "full"):
        new_lines, repeats = [], []
        for k in range(scans):
            if k % 2:
                n = rng.randrange(products)
                code = f"69{n:011d}" if rng.random() < 0.7 else f"SKU-{n:06d}"
                new_lines.append(enter(code, paint))
            else:
                repeats.append(enter(screen.model.lines[-1].sku if screen.model.lines else "SKU-000001", paint))
            scanned += 1
        figures[paint] = (sorted(new_lines), sorted(repeats))
    lines = screen.model.rowCount()
    assert sum(x.qty for x in screen.model.lines) == scanned, "every scan must count"

    screen.clear_form()
    burst = "6900000000042\r" * 10
    t0 = time.perf_counter()
    QTest.keyClicks(screen.scan, burst)
    screen.grid.viewport().repaint()
    burst_time = time.perf_counter() - t0
    assert [(x.sku, x.qty) for x in screen.model.lines] == [("SKU-000042", 10)], screen.model.lines

    unknown = []
    QApplication.beep = staticmethod(lambda: None)  # no sound in a benchmark
    for k in range(50):
        QTest.keyClicks(screen.scan, f"X-{k}")
        t0 = time.perf_counter()
        QTest.keyClick(screen.scan, Qt.Key.Key_Return)
        screen.repaint()
        unknown.append(time.perf_counter() - t0)

    def stats(times: list[float]) -> str:
        return f"median {ms(statistics.median(times))}, p95 {ms(times[int(len(times) * 0.95)])}, max {ms(times[-1])}"

    captions = {"none": "model updated, before painting", "qt": "line painted as Qt does (changed region)",
                "full": "and the whole grid repainted (worst case)"}
    rows = [
        ("screen constructed and shown", ms(shown), ""),
        (f"code map loaded in the background ({codes:,} SKUs and barcodes)", ms(loaded), "scans queue meanwhile"),
    ]
    for paint, (new_lines, repeats) in figures.items():
        rows.append((f"Enter → {captions[paint]}: scan of a new product (adds a line)", stats(new_lines), "< 50 ms"))
        rows.append((f"Enter → {captions[paint]}: scan of the last product again (+1)", stats(repeats), "< 50 ms"))
        rows.append((f"  (GUI-thread CPU time of those scans, both kinds, {captions[paint]})",
                     stats(sorted(cpu[paint])), ""))
    rows += [
        ("wedge burst: 10 × (13 digits + Enter) typed and applied, total", ms(burst_time), "qty 10"),
        ("unknown code → inline message + repaint, median of 50", ms(statistics.median(unknown)), "< 50 ms"),
        ("document size at the end / load average during the run", f"{lines:,} lines / "
         f"{os.getloadavg()[0]:.1f}", ""),
    ]
    screen.close()
    services.tasks.wait()
    table(f"Scanning on the Receive screen, {products:,} products ({os.cpu_count()} cores, offscreen)", rows,
          ("what", "figure", "target"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
