"""Writes of what the app derives itself — a planning run's forecasts, classes and alerts summary, the stock months
the reports read (``persistence/stock/months.py``) — in a transaction that a window's change watcher can tell from a
change to the business data (``ui.watch.DataWatcher.own_write``, handed down as ``around``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextlib import nullcontext

from sqlalchemy import Connection
from sqlalchemy import Engine


@contextmanager
def derived_write(engine: Engine, around=None, *, immediate: bool = False) -> Iterator[Connection]:
    """A transaction that writes derived data, committed at the end (rolled back on an error).

    With ``around`` (a context manager factory: the window's ``ui.watch.DataWatcher.own_write``), the write lock is
    taken first (``BEGIN IMMEDIATE``, ``persistence.db``) and ``around()`` is entered once the writes are done, just
    before the commit, and left after it: as the lock is held from the start, no other commit can land between what
    it looks at before the commit and the commit, and the watcher waits only for the commit, not through the writes
    (a month of the stock months on 100,000 products writes for about a second: its GUI thread would skip a tick
    after a wait at each look). ``immediate`` takes the write lock up front without ``around`` too (a unit of work's
    way: the stock months' short steps).
    """
    if around is None and not immediate:
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        conn.info["immediate"] = True
        try:
            tx = conn.begin()
            try:
                yield conn
                with around() if around is not None else nullcontext():
                    tx.commit()
            finally:
                if tx.is_active:
                    tx.rollback()
        finally:
            conn.info.pop("immediate", None)
