"""Which database the window opens: ``--db``, else the last one opened, else the default file; with none
of them there, the welcome dialog asks (``ui.dialogs.welcome``).

The last database opened is kept in QSettings (``database/last``). The demo database lives in its
own file beside the default one, so exploring it never touches the company's data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_DATABASE = "database/last"
DEMO_FILE = "stockroom-demo.sqlite3"


def default_db_path() -> Path:
    from bootstrap import default_db_path as default

    return default()


def demo_db_path() -> Path:
    return default_db_path().with_name(DEMO_FILE)


def is_demo(path: Path | str) -> bool:
    return bool(str(path)) and Path(path).name == DEMO_FILE


def remember(path: Path | str) -> None:
    QSettings().setValue(LAST_DATABASE, str(Path(path).resolve()))


def remembered() -> Path | None:
    """The last database opened, if it is still there."""
    value = QSettings().value(LAST_DATABASE, "", type=str)
    return Path(value) if value and Path(value).is_file() else None


def database_to_open(given: Path | str | None) -> Path | None:
    """The file to open without asking, or None when the welcome dialog should ask."""
    if given:
        return Path(given)
    last = remembered()
    if last is not None:
        return last
    default = default_db_path()
    return default if default.is_file() else None
