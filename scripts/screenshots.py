"""Screenshots of the main screens in English and Chinese, for README.md and docs/.

    .venv/bin/python scripts/screenshots.py [--db /tmp/shots.sqlite3]

Builds the demo database first if the file is missing (``main.py demo --seed 1``), then opens
the main window at 1280 × 800 and saves docs/screenshot-<screen>-<en|zh>.png for Stock,
Products (with a product page open over it), Movements and Purchase orders (the newest order selected, its PDF
previewed). It runs under Qt's offscreen
platform unless QT_QPA_PLATFORM says otherwise (``xvfb-run -a -s "-screen 0 1280x800x24"
env QT_QPA_PLATFORM=xcb …`` gives the same pictures); window settings go to a scratch folder
so the user's own layout is neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import i18n  # noqa: E402
from ui.app import build_services  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.app import create_main_window  # noqa: E402

SIZE = (1280, 800)
SEARCH = {"en": "screwdriver", "zh": "lsd"}  # the Products shot shows search as you type


def ensure_demo(db: Path) -> None:
    if db.exists() and db.stat().st_size > 0:
        return
    print(f"building the demo database {db} …", file=sys.stderr)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "init"], check=True)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "demo", "--seed", "1"], check=True)


def pause(ms: int) -> None:
    """Let the event loop run for ``ms`` milliseconds, as the application's own loop does.

    ``QTest.qWait`` keeps Python's GIL while it waits: a background task's thread then ran at a fraction of a percent
    of its speed, and the Replenishment screen's planning run, 10 s with the event loop, did not finish in five
    minutes. A ``QEventLoop`` releases it, as ``app.exec()`` does."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(widget, timeout: float = 30.0) -> None:
    """Let background loads finish and the window repaint."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pause(50)
        if not getattr(widget, "loading", False) and widget.window().services.tasks.busy == 0:
            break
    pause(300)


def busiest_product(services):
    counts = Counter(m.sku for m in services.stock.latest_movements(limit=20_000) if m.kind == "shipment")
    sku = counts.most_common(1)[0][0]
    return next(p for p in services.catalog.products() if p.sku == sku)


def shoot(window, services, lang: str, out: Path) -> list[Path]:
    saved = []
    for key in ("stock", "products", "movements", "purchasing"):
        screen = window.show_screen(key)
        settle(screen)
        if key == "purchasing" and screen.proxy.rowCount():
            screen.table.setCurrentIndex(screen.proxy.index(0, 0))  # the newest order, its lines and its PDF preview
            settle(screen)
            pause(500)
        image = window.grab().toImage()
        if key == "products":
            product = busiest_product(services)
            screen.search.setText(SEARCH[lang])
            rows = screen.proxy.visible_rows()
            if rows and product not in rows:
                product = rows[0]
            settle(screen)
            image = window.grab().toImage()
            page = screen.open_product(product)
            page.resize(940, 600)
            settle(screen)
            pause(500)
            painter = QPainter(image)
            x, y = (SIZE[0] - 940) // 2 + 80, (SIZE[1] - 600) // 2 + 40
            painter.fillRect(x - 1, y - 1, 942, 602, window.palette().dark())
            painter.drawImage(x, y, page.grab().toImage())
            painter.end()
            page.close()
            screen.search.clear()
        path = out / f"screenshot-{key}-{lang}.png"
        image.save(str(path))
        saved.append(path)
    return saved


def in_both_languages(db: Path, shoot, settings_dir: str | None = None) -> None:
    """The frame every screenshot script shares: settings kept in a scratch folder, the application and its
    services on ``db``, then for English and Chinese a fresh window (``SIZE``) handed to ``shoot(window, services,
    lang)``, which returns the files it saved (printed here); the window is closed after each."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      settings_dir or tempfile.mkdtemp(prefix="stockroom-shots-"))
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    services = build_services(db)
    for lang, code in (("en", i18n.ENGLISH), ("zh", i18n.CHINESE)):
        i18n.set_language(code, persist=False)
        QCoreApplication.processEvents()
        window = create_main_window(services)
        window.resize(*SIZE)
        window.show()
        for path in shoot(window, services, lang):
            print(path)
        window.close()
        window.deleteLater()
    services.tasks.wait()
    services.database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    ensure_demo(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    in_both_languages(args.db, lambda window, services, lang: shoot(window, services, lang, args.out))
    return 0

if __name__ == "__main__":
    sys.exit(main())
