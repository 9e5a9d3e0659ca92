"""The writers of this process waiting for SQLite's write lock, so that a long job writing in steps lets them in.

SQLite does not queue writers: one that finds the lock taken sleeps in its busy handler (up to 100 ms at a time) and
tries again. A job that commits a step and begins the next at once (the sync's pull batches and recompute steps)
takes the lock back before the sleeper wakes, so a clerk's save could wait through several steps. Every write
transaction of the engine that begins ``BEGIN IMMEDIATE`` is counted here while it waits for the lock
(``persistence.db``); the job calls ``let_in`` between its steps, which returns once no writer of this process waits
any more (each has the lock, or gave up). Writers of another process (a command in a terminal) are not seen: they
queue as SQLite lets them.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

LET_IN_AT_MOST_S = 30.0  # a writer stuck longer than this (a busy timeout is 10 s) no longer holds the job back


class Writers:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting = 0

    @property
    def waiting(self) -> int:
        with self._changed:
            return self._waiting

    @contextmanager
    def waiting_for_the_lock(self):
        """Around a writer's ``BEGIN IMMEDIATE``: counted while it waits."""
        with self._changed:
            self._waiting += 1
        try:
            yield
        finally:
            with self._changed:
                self._waiting -= 1
                self._changed.notify_all()

    def let_in(self, timeout: float = LET_IN_AT_MOST_S) -> None:
        """Return once no writer of this process waits for the lock (at most ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self._waiting == 0, timeout)


def writers_of(engine) -> Writers | None:
    """The waiting writers of ``engine`` (an engine ``persistence.db`` made), None for any other."""
    return getattr(engine, "stockroom_writers", None)


def let_writers_in(conn) -> None:
    """Between two steps of a long job on ``conn`` (in no transaction): let this process's waiting writers in first."""
    writers = writers_of(conn.engine)
    if writers is not None:
        writers.let_in()
