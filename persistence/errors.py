"""Failures of the storage itself, said as domain errors: a clerk gets what happened and what to do, never
a driver's traceback with its SQL and bound parameters.

SQLite reports them as ``OperationalError`` (raw ``sqlite3`` or wrapped by SQLAlchemy) with a fixed text:
"database is locked" (another connection held the write lock past the busy timeout), "database or disk
is full", "disk I/O error", "attempt to write a readonly database". A Python int beyond 64 bits ends
in ``OverflowError`` when bound. Every use case runs in one transaction, so by the time these reach
the user the transaction is rolled back: nothing was written.
"""

from __future__ import annotations

import decimal
import sqlite3

from domain.kernel.errors import DomainError
from domain.kernel.errors import StorageProblem
from domain.kernel.errors import TooLarge

# How long a connection waits for another one's write lock before SQLite says "database is locked". Read
# when a connection is made, so a test can make it short.
BUSY_TIMEOUT_MS = 10_000

LOCKED = ("the database is busy: another program or window (a long import, a sync or a backup) is writing to "
          "it; nothing was written; try again when it has finished")
FULL = ("the disk that holds the database is full; nothing was written; free some space on it (or move the "
        "database to a larger disk) and try again")
IO = ("the disk could not be read or written (disk I/O error); nothing was written; check the disk or the "
      "network drive, then try again")
READ_ONLY = ("the database file cannot be written (it or its folder is read-only); nothing was written; "
             "make it writable or open a copy")
TOO_LARGE = ("a number is too large to be kept exactly; nothing was written; enter a smaller quantity, cost "
             "or amount")


def _driver_error(exc: BaseException) -> BaseException:
    orig = getattr(exc, "orig", None)  # sqlalchemy.exc.DBAPIError and StatementError keep the driver's own
    return orig if isinstance(orig, BaseException) else exc


def explain(exc: BaseException) -> DomainError | None:
    """The domain error that says ``exc`` to a user, or None when it is not a storage failure."""
    if isinstance(exc, DomainError):
        return None
    cause = _driver_error(exc)
    if isinstance(cause, OverflowError | decimal.Overflow):
        return TooLarge(TOO_LARGE)
    if isinstance(cause, sqlite3.OperationalError) or type(cause).__name__ == "OperationalError":
        text = str(cause).lower()
        if "locked" in text or "busy" in text:
            return StorageProblem("locked", LOCKED)
        if "full" in text:
            return StorageProblem("full", FULL)
        if "disk i/o" in text:
            return StorageProblem("io", IO)
        if "readonly" in text or "read-only" in text:
            return StorageProblem("read-only", READ_ONLY)
    if isinstance(cause, OSError) and getattr(cause, "errno", None) == 28:  # ENOSPC, writing a backup or export
        return StorageProblem("full", FULL)
    return None
