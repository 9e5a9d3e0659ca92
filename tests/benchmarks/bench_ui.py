"""Desktop screens on a 100,000-product database: opening Products and Stock, filtering as you type.

    .venv/bin/python tests/benchmarks/bench_ui.py [--products 100000]

Targets (issue 3): a screen shows its rows in < 1 s; a keystroke in the search box gives the
filtered view in < 100 ms. "Shown" means the model has its rows and the table has painted
them (a synchronous repaint). Runs under Qt's offscreen platform. The database is built once
(about 11 minutes on 2 cores) and cached in $STOCKROOM_BENCH_CACHE.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import CACHE  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402

from domain.catalog.model import Product  # noqa: E402
from domain.catalog.model import Warehouse  # noqa: E402
from domain.kernel.ids import new_id  # noqa: E402
from domain.stock import commands as c  # noqa: E402
from domain.stock import ledger  # noqa: E402

WORDS = ["十字螺丝刀", "一字螺丝刀", "活动扳手", "羊角锤", "卷尺", "美工刀", "电工胶布", "不锈钢螺丝", "膨胀螺栓",
         "中性笔", "笔记本", "订书机", "文件夹", "洗洁精", "垃圾袋", "纸巾", "矿泉水", "饼干", "方便面", "手套"]
SPECS = ["3寸", "4寸", "6寸", "加厚", "经济型", "专业级", "500ml", "大号", "小号", "红色", "蓝色", "M6", "M8"]


def build(path, products: int) -> None:
    from persistence.db import open_database

    db = open_database(path)
    rng = random.Random(3)
    with db.uow() as uow:
        for code in ("W1", "W2", "W3"):
            uow.warehouses.add(Warehouse(id=new_id(), code=code, name=code, device_id=uow.device_id))
        for i in range(products):
            name = f"{rng.choice(WORDS)} {rng.choice(SPECS)} {i}"
            uow.products.add(Product(id=new_id(), sku=f"SKU-{i:06d}", name=name, category=f"C{i % 12}",
                                     barcodes=[f"69{i:011d}"], min_level=None if i % 7 else 50,
                                     device_id=uow.device_id))
        uow.commit()
    receipts = [c.ReceiveStock(f"SKU-{i:06d}", str(rng.randrange(1, 500)), "W1", "3.50") for i in range(products)]
    receipts += [c.ReceiveStock(f"SKU-{i:06d}", "20", "W2", "3.60") for i in range(0, products, 4)]
    ledger.post_many(db.uow(), receipts)
    db.close()


def open_screen(cls, services, app):
    """Seconds from creating the screen until its table has painted the first rows, and until all are loaded."""
    start = time.perf_counter()
    screen = cls(services)
    screen.resize(1280, 760)
    screen.show()
    while screen.model.rowCount() == 0:
        app.processEvents()
        time.sleep(0.001)
    screen.table.viewport().repaint()
    shown = time.perf_counter() - start
    while screen.loading:
        app.processEvents()
        time.sleep(0.001)
    screen.table.viewport().repaint()
    return shown, time.perf_counter() - start, screen


def keystrokes(screen, text: str, app) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per keystroke (typing ``text``, then deleting it) until the view has repainted.

    The GUI thread does all of this work, so on an idle machine wall time equals CPU time; CPU
    time is also given because a loaded machine (other processes on the same cores) inflates
    wall time without saying anything about the code.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    walls, cpus = [], []

    def step(action) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        screen.table.viewport().repaint()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)

    for ch in text:
        if ch.isascii():
            step(lambda ch=ch: QTest.keyClicks(screen.search, ch))
        else:  # an input method commits a Chinese character as text, not as a key press
            step(lambda ch=ch: screen.search.insert(ch))
    for _ in text:
        step(lambda: QTest.keyClick(screen.search, Qt.Key.Key_Backspace))
    return walls, cpus


def main() -> int:
    products = int(sys.argv[sys.argv.index("--products") + 1]) if "--products" in sys.argv else 100_000
    path = CACHE / f"ui-{products}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build(path, products)
        print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import build_services
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(CACHE / "ui-settings"))
    app = QApplication([])
    services = build_services(path)
    from ui.screens.products import ProductsScreen
    from ui.screens.stock import StockScreen

    rows = []
    for name, cls in (("Products", ProductsScreen), ("Stock", StockScreen)):
        opens, fulls = [], []
        for _ in range(3):
            shown, full, screen = open_screen(cls, services, app)
            opens.append(shown)
            fulls.append(full)
            count = screen.model.rowCount()
            screen.close()
            screen.deleteLater()
            app.processEvents()
        rows.append((f"open {name}: first rows shown, first / median of 3", f"{ms(opens[0])} / "
                     f"{ms(statistics.median(opens))}", "< 1 s"))
        rows.append((f"open {name}: all {count:,} rows loaded and searchable (background), first / median of 3",
                     f"{ms(fulls[0])} / {ms(statistics.median(fulls))}", ""))
        _, _, screen = open_screen(cls, services, app)
        for label, text in (("pinyin initials 'lsd'", "lsd"), ("SKU 'sku-0123'", "sku-0123"),
                            ("full pinyin 'luosi'", "luosi"), ("name '扳手'", "扳手")):
            walls, cpus = keystrokes(screen, text, app)
            rows.append((f"{name}: keystroke → filtered view, {label} (type + delete)",
                         f"wall median {ms(statistics.median(walls))}, max {ms(max(walls))}; "
                         f"CPU median {ms(statistics.median(cpus))}, max {ms(max(cpus))}", "< 100 ms"))
        screen.close()
        screen.deleteLater()
        app.processEvents()
    services.tasks.wait()
    load = os.getloadavg()[0]
    table(f"Desktop screens, {products:,} products ({os.cpu_count()} cores, load average {load:.1f}, offscreen)", rows,
          ("what", "figure", "target"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
