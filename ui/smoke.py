"""``stockroom --smoke``: prove that this installation (a checkout or the PyInstaller bundle) works.

Without a screen and without touching the user's database or settings it: starts the main window
offscreen in a temporary folder, creates a database there (running the Alembic migration scripts),
opens every screen and settings page (each is imported on first use, which a frozen build must
carry), posts a receipt and issues and renders a purchase order in Chinese and English to PDF on
the task runner, fits a statsmodels forecast, reads the holiday calendar, loads the Chinese
translation, runs the ledger check and exits 0. Any failure prints what failed and exits 1.

It prints the time from process start to the window being shown, the figure README.md quotes for
the bundle's start-up.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

_T_IMPORT = time.perf_counter()
# How long a wait of the smoke run lasts before it calls the run hung. Only that: a wait ends as soon as its work is
# done, and a busy machine (a build server, the test suite's CI on two cores) is slow, not broken: a whole run took
# 40 s for 7 s of CPU on a shared two-core machine, so the minute every screen's first load had was within reach.
PATIENCE_S = 600


def seconds_since_start() -> float:
    """Seconds since this process started (Linux: from /proc, so the bundle's own start is counted)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _T_IMPORT


def run_smoke(args=None) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="stockroom-smoke-") as folder:
        try:
            _run(Path(folder))
        except Exception:  # noqa: BLE001 - the smoke run reports any failure as its result
            traceback.print_exc()
            print("smoke: FAILED", file=sys.stderr)
            return 1
    print("smoke: ok")
    return 0


def _say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


def _run(folder: Path) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import app as gui

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    gui.configure_application(qapp)
    gui.collect_cycles_on_the_gui_thread()
    services = gui.build_services(folder / "smoke.sqlite3")
    window = gui.create_main_window(services)
    window.show()
    QCoreApplication.processEvents()
    if not window.isVisible() or window.nav.count() == 0:
        raise RuntimeError("the main window did not show its navigation")
    cpu = sum(os.times()[:2])  # user + system: what the start cost, whatever else the machine was doing
    _say(f"window shown {seconds_since_start():.2f} s after the process started, {cpu:.2f} s of CPU "
         f"({QApplication.platformName()} platform, {len(window.entries)} screens)")
    try:
        gui.start_daily_backup(window)
        _visit_screens(window)
        daily = [b for b in _wait(services, lambda: services.backups.backups()) if b.reason == "daily"]
        if not daily:
            raise RuntimeError("the automatic daily backup was not made")
        _say(f"daily backup made: {daily[0].path.name} ({daily[0].size:,} bytes)")
        receipt, pdfs, forecast = _wait(services, lambda: (*_business_in(services.uow), _forecast()))
        _say(f"receipt posted: {receipt}")
        for name, size in pdfs:
            _say(f"purchase order rendered: {name} ({size:,} bytes)")
        _say(f"forecast fitted with statsmodels: {forecast}")
        _check_translation()
        problems = _wait(services, lambda: services.stock.check())
        if problems:
            raise RuntimeError(f"the ledger check found {len(problems)} difference(s)")
        _say("ledger check ok")
    finally:
        window.close()
        services.tasks.wait(PATIENCE_S * 1000)
        services.database.close()


def _visit_screens(window) -> None:
    """Show every screen and settings page, so each module is imported and loads its data."""
    for entry in window.entries:
        widget = window.show_screen(entry.key)
        for key in [e.key for e in getattr(sys.modules.get(type(widget).__module__), "PAGES", [])]:
            widget.page(key)
    _wait_idle(window.services)
    _say(f"every screen opened: {', '.join(e.key for e in window.entries)}")


def _wait(services, fn, timeout_ms: int = PATIENCE_S * 1000):
    """Run ``fn`` on the task runner and wait for it (the GUI keeps processing events)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtCore import QTimer

    outcome: dict = {}
    loop = QEventLoop()

    def finish(key):
        def record(value):
            outcome[key] = value
            loop.quit()
        return record

    services.tasks.submit(fn, finish("done"), finish("error"))
    QTimer.singleShot(timeout_ms, loop.quit)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    if "done" not in outcome:
        raise TimeoutError(f"the background task did not finish within {timeout_ms / 1000:.0f} s")
    return outcome["done"]


def _wait_idle(services, timeout_s: float = PATIENCE_S) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while services.tasks.busy and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if services.tasks.busy:
        raise TimeoutError(f"screens were still loading after {timeout_s / 60:.0f} minutes")


def _business_in(uow):
    """Warehouse, supplier, product and a receipt; then a purchase order issued and printed twice."""
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as po
    from domain.stock import commands as c
    from domain.stock import ledger
    from ui.pdf.fonts import CJK_FONT
    from ui.pdf.purchase_order import render_purchase_order

    catalog.add_warehouse(uow(), cc.AddWarehouse("MAIN", "主仓库 Main", address="深圳市宝安区仓库路 5 号"))
    catalog.add_supplier(uow(), cc.AddSupplier("NB", "宁波紧固件有限公司", address="浙江省宁波市", lead_time_days=10))
    catalog.add_product(uow(), cc.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.set_supplier_terms(uow(), cc.SetSupplierTerms("NB", "SCREW", "0.30", "NB-S3", order_multiple="100"))
    movement = ledger.receive(uow(), c.ReceiveStock("SCREW", "250", "MAIN", "0.28", "smoke"))
    draft = po.create_draft(uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po.add_line(uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", "500"))
    number = po.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number
    snapshot = po.load_snapshot(uow(), number)
    pdfs = []
    for locale_name in ("zh_CN", "en_US"):
        data = render_purchase_order(snapshot, locale_name)
        if not data.startswith(b"%PDF") or CJK_FONT.encode() not in data:
            raise RuntimeError(f"the {locale_name} purchase order is not a PDF with the bundled Chinese font embedded")
        pdfs.append((f"{number} ({locale_name})", len(data)))
    return f"250 SCREW into MAIN ({movement.id})", pdfs


def _forecast() -> str:
    import math

    import holidays

    from domain.planning.forecasting.models import fit_ets

    weekly = [20 + 5 * math.sin(week / 4) + week * 0.2 for week in range(60)]
    result = fit_ets(weekly, 4, season=52)
    spring = [name for _, name in holidays.China(years=2026, language="en_US").items() if "Spring Festival" in name]
    if not spring:
        raise RuntimeError("the Chinese holiday calendar has no Spring Festival in English")
    return f"{result.spec}, next week {result.mean[0]:.1f}; {len(spring)} Spring Festival days in 2026"


def _check_translation() -> None:
    from ui import i18n

    if not i18n.set_language(i18n.CHINESE, persist=False):
        raise RuntimeError(f"the Chinese translation is missing from {i18n.resource_path('i18n')}")
    i18n.set_language(i18n.ENGLISH, persist=False)
    _say("Chinese translation loaded")
