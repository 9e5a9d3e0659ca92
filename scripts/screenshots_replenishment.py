"""Screenshots of the Replenishment screen after planning the demo business, in English and Chinese.

    .venv/bin/python scripts/screenshots_replenishment.py [--db /tmp/shots.sqlite3] [--out docs]

Copies the demo database (built first with ``main.py demo --seed 1`` if the file is missing), opens
the main window at 1280 × 800 on the copy, runs planning on the Replenishment screen and selects the
critical alert with the most demand and at least one censored (out-of-stock) week, so that the chart
shows history, censored weeks, fitted values, the forecast band, the reorder point, the safety stock
and the projected stock. Saves docs/screenshot-replenishment-<en|zh>.png. Runs under Qt's offscreen
platform unless QT_QPA_PLATFORM says otherwise; window settings go to a scratch folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import ensure_demo  # noqa: E402
from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402


def wait_until(condition, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish in time")
        pause(50)


def pick_row(screen) -> int:
    """The proxy row of the critical alert with the most demand that has a censored week (else the first)."""
    best, best_demand = 0, -1.0
    for i in range(screen.proxy.rowCount()):
        row = screen.proxy.data(screen.proxy.index(i, 0), 0x0100 + 2)
        demand = sum(x for x in row.history[-52:] if x == x)
        if row.alert and row.alert.severity == "critical" and row.censored_weeks and demand > best_demand:
            best, best_demand = i, demand
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    ensure_demo(args.db)
    scratch = tempfile.mkdtemp(prefix="stockroom-shots-")
    copy = Path(scratch) / "replenishment.sqlite3"
    shutil.copyfile(args.db, copy)
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(window, services, lang: str) -> list[Path]:
        screen = window.show_screen("replenishment")
        screen.refresh()
        wait_until(lambda: screen.run_button.isEnabled())
        screen.table.selectRow(pick_row(screen))
        wait_until(lambda: screen.chart.data is not None and services.tasks.busy == 0)
        pause(500)
        path = args.out / f"screenshot-replenishment-{lang}.png"
        window.grab().toImage().save(str(path))
        return [path]

    in_both_languages(copy, shoot, settings_dir=scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
