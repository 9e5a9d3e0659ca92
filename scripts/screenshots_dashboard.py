"""Screenshots of the dashboard on the demo database, in English and Chinese.

    python main.py --db /tmp/demo.sqlite3 init && python main.py --db /tmp/demo.sqlite3 demo
    .venv/bin/python scripts/screenshots_dashboard.py --db /tmp/demo.sqlite3 [--out docs] [--more DIR]

Opens the main window at 1280 × 800 (the dashboard is the first screen), waits for every figure group (the reorder
alerts run planning over the demo's 3,600 products × warehouses) and saves docs/screenshot-dashboard-<en|zh>.png
(``--size 1024x768``: docs/screenshot-dashboard-<en|zh>-1024x768.png).
``--more DIR`` also saves each figure's list dialog, for looking at. Runs under Qt's offscreen platform unless
QT_QPA_PLATFORM says otherwise; window settings go to a scratch folder. The database is only read (and its forecast
cache filled).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshots  # noqa: E402
from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402


def settle(window, screen, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not screen.complete:
        pause(100)
    pause(500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--more", type=Path, default=None)
    parser.add_argument("--size", default="1280x800", help="the window's width x height (also 1024x768)")
    args = parser.parse_args()
    screenshots.SIZE = tuple(int(n) for n in args.size.split("x"))
    suffix = "" if args.size == "1280x800" else f"-{args.size}"
    args.out.mkdir(parents=True, exist_ok=True)
    if args.more is not None:
        args.more.mkdir(parents=True, exist_ok=True)

    def shoot(window, services, lang: str) -> list[Path]:
        screen = window.show_screen("dashboard")
        settle(window, screen)
        path = args.out / f"screenshot-dashboard-{lang}{suffix}.png"
        window.grab().save(str(path))
        saved = [path]
        if args.more is not None:
            for key in ("fill", "stockouts", "lost", "turnover", "dead", "excess"):
                screen.open_list(key)
                pause(300)
                shot = args.more / f"dashboard-{key}-{lang}.png"
                screen.dialog.grab().save(str(shot))
                screen.dialog.close()
                saved.append(shot)
        return saved

    in_both_languages(args.db, shoot)
    return 0

if __name__ == "__main__":
    sys.exit(main())
