"""Consistent copies of a SQLite file with the online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_file(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` to ``target`` while others may be writing to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def timestamped_backup(db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_file(db_path, backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite3")
