"""Screenshots of the Reports screen on the demo database, in English and Chinese.

    xvfb-run -a .venv/bin/python scripts/screenshots_reports.py [--db /tmp/reports-shots.sqlite3] [--out docs]
        [--more DIR]

Makes the demo database when the file is missing (``main.py --db FILE init`` then ``demo``, about 30 s), opens the
main window at 1280 × 800 on Reports with the sales margin by category this month and the stock ageing by category
(the bands stacked in the chart) and saves docs/screenshot-reports-margin-<en|zh>.png and
docs/screenshot-reports-<en|zh>.png, and the purchase summary by supplier since the first of last month and one
supplier's receipt and return lines (docs/screenshot-reports-purchases-<en|zh>.png,
docs/screenshot-reports-purchase-lines-<en|zh>.png). ``--more DIR`` also saves every other report on screen and the
ageing's and purchase summary's PDFs (for looking at; render them with pdftoppm). The demo's sales documents are in
its last 60 days, so the margin and ranking show them for periods within those. Window settings go to a scratch
folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402

from ui import report_build as rb  # noqa: E402


def settle(window, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pause(50)
        if window.services.tasks.busy == 0:
            break
    pause(400)


def shoot(window, lang: str, out: Path, more: Path | None) -> list[Path]:
    screen = window.show_screen("reports")
    settle(window)
    saved = []
    if more is not None:
        for kind, by in ((rb.STOCK_SUMMARY, "category"), (rb.RANKING, None), (rb.SLOW, None), (rb.STATUS, None),
                         (rb.AGEING, "product"), (rb.AGEING, "warehouse")):
            screen.set_report(kind, by)
            settle(window)
            shot = more / f"reports-{kind}-{by or ''}-{lang}.png"
            window.grab().save(str(shot))
            saved.append(shot)
    saved += shoot_purchases(window, screen, lang, out, more)
    screen.set_report(rb.MARGIN, "category")
    settle(window)
    path = out / f"screenshot-reports-margin-{lang}.png"
    window.grab().save(str(path))
    saved.append(path)
    screen.set_report(rb.AGEING, "category")
    settle(window)
    path = out / f"screenshot-reports-{lang}.png"
    window.grab().save(str(path))
    saved.append(path)
    if more is not None:
        pdf = more / f"ageing-{lang}.pdf"
        screen.export_to(pdf)
        settle(window)
        saved.append(pdf)
    return saved


def shoot_purchases(window, screen, lang: str, out: Path, more: Path | None) -> list[Path]:
    """The purchase summary by supplier since the first of last month and the lines of the supplier with the most
    returned (else the largest) into ``out``; its PDF into ``more``."""
    from datetime import date
    from datetime import timedelta

    today = date.today()
    screen.set_report(rb.PURCHASES, "supplier")
    screen.set_period((today.replace(day=1) - timedelta(days=1)).replace(day=1), today)
    settle(window)
    shot = out / f"screenshot-reports-purchases-{lang}.png"
    window.grab().save(str(shot))
    model = screen.model
    returned, supplier = model.column_of("returned_value"), model.column_of("supplier")
    rows = [r for r in range(len(model.rows)) if model.row_values(r)[supplier]]
    row = max(rows, key=lambda r: (model.row_values(r)[returned], model.row_values(r)[model.column_of("net_value")]))
    lines = screen.open_purchase_lines(model.index(row, 0))
    settle(window)
    lines_shot = out / f"screenshot-reports-purchase-lines-{lang}.png"
    lines.grab().save(str(lines_shot))
    lines.close()
    if more is None:
        return [shot, lines_shot]
    pdf = more / f"purchases-{lang}.pdf"
    screen.export_to(pdf)
    settle(window)
    return [shot, lines_shot, pdf]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/reports-shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--more", type=Path, default=None)
    args = parser.parse_args()
    if not args.db.exists():
        for step in ("init", "demo"):
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(args.db), step], check=True,
                           stdout=subprocess.DEVNULL)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.more is not None:
        args.more.mkdir(parents=True, exist_ok=True)
    in_both_languages(args.db, lambda window, services, lang: shoot(window, lang, args.out, args.more))
    return 0


if __name__ == "__main__":
    sys.exit(main())
