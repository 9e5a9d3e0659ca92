"""Restoring a backup over the database: who may, decided here for the window and the command line alike.

Restoring replaces the whole database, so it needs ``Permission.RESTORE`` (an admin, once sign-in is on;
anyone while it is off), asked of the database being replaced. A file that no longer opens as a Stockroom
database cannot say who may touch it; restoring a backup over it is the way back, so it is allowed: the
caller says so by giving no unit of work. The file work itself is storage's (``persistence.backup``),
handed in as the ``restore`` port.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from typing import TypeVar

from domain.access.roles import Permission
from domain.access.roles import authorize

R = TypeVar("R")

# The port: replace the database with the backup at the given path (saving the current one first) and say
# what was done. ``persistence.backup.restore_file`` bound to a path, or ``restore_into`` bound to an engine.
Restore = Callable[[Path], R]


def restore_backup(uow: Any | None, source: Path, restore: Callable[[Path], R]) -> R:
    """Replace the database with the backup ``source`` if the acting user may restore.

    Args:
        uow: a unit of work on the database to be replaced, acting as the signed-in user; None when there
            is no database there or it no longer opens as one.
        source: the backup file.
        restore: the port that does it (see ``Restore``).

    Raises:
        Forbidden: the acting user may not restore; nothing was changed.
    """
    if uow is not None:
        authorize(uow, Permission.RESTORE)
    return restore(Path(source))
