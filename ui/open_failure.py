"""Why a database file did not open, in the reader's language, with what to do: said by the welcome dialog at start
and by the window's File › Open alike."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.i18n import fill


def open_failure(path: Path | str, exc: BaseException) -> str:
    """Why ``path`` did not open, in the reader's language, with what to do."""
    from persistence.db import NotStockroomDatabase
    from persistence.db import SchemaTooNew

    if isinstance(exc, SchemaTooNew):
        return fill(QCoreApplication.translate(
            "App", "%1 was made by a newer version of Stockroom than this one. Open it with that version, or "
                   "install it here."), str(path))
    if isinstance(exc, NotStockroomDatabase):
        return fill(QCoreApplication.translate(
            "App", "%1 is not a Stockroom database; it was left as it was. Choose a file Stockroom made "
                   "(.sqlite3)."), str(path))
    return fill(QCoreApplication.translate("App", "Could not open %1:\n%2"), str(path), str(exc))
