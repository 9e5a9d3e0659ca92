"""Screenshots of Settings › Backups after Check integrity, in English and Chinese.

    .venv/bin/python scripts/screenshots_backups.py [--out docs]

Makes a small company database in a scratch folder (``main.py init`` and a few receipts), takes its daily backup
(as the window does when it starts), opens the main window at 1280 × 800 on Settings › Backups, presses Check
integrity and saves docs/screenshot-backups-<en|zh>.png. Runs under Qt's offscreen platform unless QT_QPA_PLATFORM
says otherwise; window settings go to the scratch folder too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402

SETUP = (
    ("init",),
    ("warehouse", "add", "SH", "--name", "上海总仓"),
    ("product", "add", "SD-6", "--name", "十字螺丝刀 6寸", "--unit", "pcs"),
    ("product", "add", "HM-1", "--name", "羊角锤 0.5kg", "--unit", "pcs"),
    ("receive", "SD-6", "100", "--warehouse", "SH", "--unit-cost", "4.20"),
    ("receive", "HM-1", "40", "--warehouse", "SH", "--unit-cost", "18.50"),
    ("ship", "SD-6", "12", "--warehouse", "SH"),
)


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        pause(100)
    pause(400)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="stockroom-backup-shots-")
    db = Path(scratch) / "shop.sqlite3"
    for command in SETUP:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *command], check=True,
                       capture_output=True)
    from persistence.backup import daily_backup

    daily_backup(db)
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(window, services, lang: str) -> list[Path]:
        settings = window.show_screen("settings")
        page = settings.page("backups")
        wait_until(lambda: page.table.rowCount() > 0 and services.tasks.busy == 0)
        page.check_integrity()
        wait_until(lambda: services.tasks.busy == 0 and "\n" in page.result.text())
        path = args.out / f"screenshot-backups-{lang}.png"
        window.grab().toImage().save(str(path))
        return [path]

    in_both_languages(db, shoot, settings_dir=scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
