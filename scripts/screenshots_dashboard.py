"""Screenshots of the dashboard on the demo database, in English and Chinese.

    python main.py --db /tmp/demo.sqlite3 init && python main.py --db /tmp/demo.sqlite3 demo
    .venv/bin/python scripts/screenshots_dashboard.py --db /tmp/demo.sqlite3 [--out docs] [--more DIR]

Opens the main window at 1280 × 800 (the dashboard is the first screen), waits for every figure group (the reorder
alerts run planning over the demo's 3,600 products × warehouses) and saves docs/screenshot-dashboard-<en|zh>.png.
``--more DIR`` also saves each figure's list dialog, for looking at. Runs under Qt's offscreen platform unless
QT_QPA_PLATFORM says otherwise; window settings go to a scratch folder. The database is only read (and its forecast
cache filled).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import i18n  # noqa: E402
from ui.app import build_services  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.app import create_main_window  # noqa: E402

SIZE = (1280, 800)


def settle(window, screen, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not screen.complete:
        QTest.qWait(100)
    QTest.qWait(500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--more", type=Path, default=None)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="stockroom-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    services = build_services(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang, code in (("en", i18n.ENGLISH), ("zh", i18n.CHINESE)):
        i18n.set_language(code, persist=False)
        QCoreApplication.processEvents()
        window = create_main_window(services)
        window.resize(*SIZE)
        window.show()
        screen = window.show_screen("dashboard")
        settle(window, screen)
        path = args.out / f"screenshot-dashboard-{lang}.png"
        window.grab().save(str(path))
        print(path)
        if args.more is not None:
            args.more.mkdir(parents=True, exist_ok=True)
            for key in ("fill", "stockouts", "lost", "turnover", "dead", "excess"):
                screen.open_list(key)
                QTest.qWait(300)
                shot = args.more / f"dashboard-{key}-{lang}.png"
                screen.dialog.grab().save(str(shot))
                screen.dialog.close()
                print(shot)
        window.close()
        window.deleteLater()
    services.tasks.wait()
    services.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
