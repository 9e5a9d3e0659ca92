"""Screenshots of the Receivables screen with a customer's page open over it, in English and Chinese.

    .venv/bin/python scripts/screenshots_accounts.py [--db /tmp/accounts-shots.sqlite3] [--out docs] [--more DIR]

Builds a fresh database with customers, counter sales dated over the last five months, receipts (one allocated by
hand, one a prepayment) through the use cases (``tests/ui/accounts_data.py`` plus a few more customers here), opens
the main window at 1280 × 800 on Receivables, opens a customer with money received and an item over 90 days on its
statement tab and saves docs/screenshot-receivables-<en|zh>.png. ``--more DIR`` also saves the receipt entry, the
partner page and Payables on their own, for looking at. Runs under Qt's offscreen platform unless QT_QPA_PLATFORM
says otherwise; window settings go to a scratch folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402

SIZE = (1280, 800)
MORE = (("CD06", "成都天府五金批发部"), ("GZ07", "Guangzhou Pearl Hardware"), ("XM08", "厦门嘉禾建材有限公司"),
        ("TJ09", "天津北洋机电设备公司"), ("QD10", "青岛海岸工具行"), ("WH11", "武汉江城五金店"))


def build(path: Path) -> None:
    from bootstrap import open_database
    from tests.ui import accounts_data as data

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    today = date.today()
    data.build(db, today, data.CUSTOMERS + MORE)
    d = lambda n: today - timedelta(days=n)  # noqa: E731
    uow = db.uow
    for n, (code, _name) in enumerate(MORE):
        data.sale(uow, code, d(20 + 23 * n), str(40 + 15 * n), "12")
        data.sale(uow, code, d(4 + 9 * n), str(25 + 10 * n), "12", sku="SD-1")
        if n % 2 == 0:
            data.receipt(uow, code, str(300 + 100 * n), d(2 + n), method=("cash", "alipay", "wechat")[n % 3])
    db.close()


def settle(window, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pause(50)
        if window.services.tasks.busy == 0:
            break
    pause(400)


def overlay(window, dialog, size=(960, 560)):
    image = window.grab().toImage()
    dialog.resize(*size)
    settle(window)
    painter = QPainter(image)
    x, y = SIZE[0] - size[0] - 24, SIZE[1] - size[1] - 52
    painter.fillRect(x - 1, y - 1, size[0] + 2, size[1] + 2, window.palette().dark())
    painter.drawImage(x, y, dialog.grab().toImage())
    painter.end()
    return image


def shoot(window, lang: str, out: Path, more: Path | None) -> list[Path]:
    screen = window.show_screen("receivables")
    settle(window)
    screen.splitter.setSizes([210, 520])
    settle(window)
    rows = screen.shown_rows()
    # The customer with money received and something over 90 days: its statement has every kind of line.
    worst = next((r for r in rows if r.code == "HZ01"), None) or max(rows, key=lambda r: r.overdue)
    index = next(i for i in range(screen.proxy.rowCount()) if screen.proxy.visible_rows()[i] is worst)
    screen.table.selectRow(index)
    saved = []
    if more is not None:
        plain = more / f"receivables-{lang}.png"
        window.grab().save(str(plain))
        saved.append(plain)
    screen.open_partner(worst)
    page = screen.page
    page.start.setDate(QDate.currentDate().addMonths(-5))
    page.load_statement()
    page.tabs.setCurrentIndex(3)
    settle(window)
    image = overlay(window, page, (840, 440))
    path = out / f"screenshot-receivables-{lang}.png"
    image.save(str(path))
    saved.append(path)
    if more is not None:
        page.resize(980, 640)
        for tab in range(4):
            page.tabs.setCurrentIndex(tab)
            settle(window)
            shot = more / f"partner-{tab}-{lang}.png"
            page.grab().save(str(shot))
            saved.append(shot)
        item = page.open_item(page.items_model.rows[0])
        settle(window)
        shot = more / f"item-{lang}.png"
        item.grab().save(str(shot))
        saved.append(shot)
        item.close()
        page.close()
        dialog = screen.new_money(worst.code)
        settle(window)
        dialog.amount.setText("1500")
        dialog.reference.setText("BOC 20261201")
        settle(window)
        shot = more / f"entry-{lang}.png"
        dialog.grab().save(str(shot))
        saved.append(shot)
        dialog.close()
        window.show_screen("payables")
        settle(window)
        shot = more / f"payables-{lang}.png"
        window.grab().save(str(shot))
        saved.append(shot)
        screen = window.show_screen("receivables")  # aged by the documents' dates in bands of the office's
        screen.bands.setText("30/60/90/180")
        screen.basis.setCurrentIndex(screen.basis.findData("date"))
        settle(window)
        shot = more / f"receivables-by-date-{lang}.png"
        window.grab().save(str(shot))
        saved.append(shot)
        screen.bands.setText("30/60/90")
        screen.basis.setCurrentIndex(screen.basis.findData("due"))
        settle(window)
    else:
        page.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/accounts-shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--more", type=Path, default=None)
    args = parser.parse_args()
    build(args.db)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.more is not None:
        args.more.mkdir(parents=True, exist_ok=True)
    in_both_languages(args.db, lambda window, services, lang: shoot(window, lang, args.out, args.more))
    return 0


if __name__ == "__main__":
    sys.exit(main())
