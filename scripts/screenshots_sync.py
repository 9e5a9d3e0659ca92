"""Screenshots of Settings → Shared database and the Conflicts screen, in English and Chinese.

    .venv/bin/python scripts/screenshots_sync.py [--out docs]

Starts a throwaway PostgreSQL server (as the sync tests do, ``tests/pg.py``), makes two
desktops' files that work offline and then sync through it — the same product renamed on both,
the same new SKU created on both, the last unit shipped on both — and opens the window on the
first desktop. Saves docs/screenshot-sync-<en|zh>.png, docs/screenshot-conflicts-<en|zh>.png and
docs/screenshot-first-sync-<en|zh>.png (the band a first sync shows above the screens).
Runs under Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise; window settings go
to a scratch folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import pause  # noqa: E402

from ui import i18n  # noqa: E402
from ui.app import build_services  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.app import create_main_window  # noqa: E402
from ui.sync_service import SyncState  # noqa: E402

SIZE = (1280, 800)
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def offline_work_then_sync(shop: Path, depot: Path, hub: str) -> None:
    """Two desktops share master data, work offline, then sync: conflicts and a negative balance result."""
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from domain.stock import commands as c
    from domain.stock import ledger
    from persistence import sync
    from persistence.db import open_database

    a, b = open_database(shop), open_database(depot)
    try:
        catalog.add_warehouse(a.uow(), cc.AddWarehouse("SH", "上海总仓"))
        catalog.add_product(a.uow(), cc.AddProduct("SD-6", "十字螺丝刀 6寸", barcodes=("6901234567892",), unit="pcs"))
        catalog.add_product(a.uow(), cc.AddProduct("HM-1", "Claw hammer 16 oz", unit="pcs"))
        ledger.receive(a.uow(), c.ReceiveStock("SD-6", "1", "SH", "4.20", occurred_at=T0))
        ledger.receive(a.uow(), c.ReceiveStock("HM-1", "20", "SH", "18.50", occurred_at=T0))
        sync.sync(a, hub)
        sync.sync(b, hub)
        # offline on both desktops
        catalog.update_product(b.uow(), cc.UpdateProduct("HM-1", "Claw hammer 16 oz (steel)"))
        catalog.update_product(a.uow(), cc.UpdateProduct("HM-1", "Claw hammer, 16 oz"))
        catalog.update_product(a.uow(), cc.UpdateProduct("HM-1", "Claw hammer, 16 oz", category="hand tools"))
        catalog.add_product(b.uow(), cc.AddProduct("TP-50", "Masking tape 50 mm", barcodes=("6907654321098",)))
        catalog.add_product(a.uow(), cc.AddProduct("TP-50", "美纹纸胶带 50mm", unit="roll"))
        ledger.ship(b.uow(), c.ShipStock("SD-6", "1", "SH", ref="SO-1001", occurred_at=T0.replace(hour=10)))
        ledger.ship(a.uow(), c.ShipStock("SD-6", "1", "SH", ref="SO-1002", occurred_at=T0.replace(hour=11)))
        sync.sync(b, hub)
        sync.sync(a, hub)
    finally:
        a.close()
        b.close()


def settle(window, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pause(50)
        if window.services.tasks.busy == 0:
            break
    pause(300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from tests.pg import start_cluster

    work = Path(tempfile.mkdtemp(prefix="stockroom-sync-shots-"))
    cluster = start_cluster()
    try:
        hub = cluster.new_database()
        shop = work / "shop.sqlite3"
        offline_work_then_sync(shop, work / "depot.sqlite3", hub)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
        app = QApplication.instance() or QApplication(sys.argv)
        configure_application(app)
        services = build_services(shop)
        args.out.mkdir(parents=True, exist_ok=True)
        for lang, code in (("en", i18n.ENGLISH), ("zh", i18n.CHINESE)):
            i18n.set_language(code, persist=False)
            QCoreApplication.processEvents()
            window = create_main_window(services)
            window.resize(*SIZE)
            window.show()
            settle(window)
            page = window.show_screen("settings").page("sync")
            settle(window)
            page.password.setText("********")  # what a clerk sees while typing; never stored here
            pause(200)
            path = args.out / f"screenshot-sync-{lang}.png"
            window.grab().save(str(path))
            print(path)
            page.password.clear()
            screen = window.show_screen("conflicts")
            settle(window)
            screen.table.selectRow(next((i for i, r in enumerate(screen.model.rows) if r.table == "products"
                                         and "version" in r.rule), 0))
            pause(300)
            path = args.out / f"screenshot-conflicts-{lang}.png"
            window.grab().save(str(path))
            print(path)
            # the band a desk's first sync shows above the screens (its state as the scheduler publishes it)
            screen = window.show_screen("products")
            settle(window)
            window.first_sync.show_state(SyncState(configured=True, running=True, stage="pull", done=40_000,
                                                   total=102_003))
            pause(300)
            path = args.out / f"screenshot-first-sync-{lang}.png"
            window.grab().save(str(path))
            print(path)
            window.close()
            window.deleteLater()
        services.tasks.wait()
        services.database.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
