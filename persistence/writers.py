"""The writers waiting for SQLite's write lock, so that a long job writing in steps lets them in.

SQLite does not queue writers: one that finds the lock taken sleeps in its busy handler (up to 100 ms at a time) and
tries again. A job that commits a step and begins the next at once (the sync's pull batches and recompute steps)
takes the lock back before the sleeper wakes, so a clerk's save could wait through several steps. Every write
transaction of the engine that begins ``BEGIN IMMEDIATE`` is counted here while it waits for the lock
(``persistence.db``); the job calls ``let_in`` between its steps, which returns once no writer waits any more (each
has the lock, or gave up).

Writers of this process are counted in memory. A writer of another process (a ``main.py`` command in a terminal
while the window syncs) is seen through the file beside the database, ``<file>-writers``: a writer that found the
lock taken holds an exclusive lock on one byte of it (a slot) for as long as it waits, and the job tries the slots
of the other processes. The operating system drops a process's byte locks when it ends, however it ends, so a
writer that crashed leaves no mark behind (the file itself means nothing: an empty file with no lock on it is
nobody waiting). Byte-range locks are ``fcntl`` locks on Linux and macOS and ``msvcrt`` locks on Windows; both
are advisory and apart from SQLite's own locks on the database. The file is made by the first writer that waits;
a folder that cannot hold it leaves the other processes' writers unseen, as before.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

LET_IN_AT_MOST_S = 30.0  # a writer stuck longer than this (a busy timeout is 10 s) no longer holds the job back
SLOTS = 32  # writers of all processes waiting at once that can be seen; one more waits unseen, as before
OTHERS_EVERY_S = 0.005  # how often ``let_in`` looks again at a writer of another process still waiting
SUFFIX = "-writers"

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int, slot: int) -> bool:
        os.lseek(fd, slot, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int, slot: int) -> None:
        os.lseek(fd, slot, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int, slot: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, slot, os.SEEK_SET)
        except OSError:
            return False
        return True

    def _unlock(fd: int, slot: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, slot, os.SEEK_SET)


class Marks:
    """This process's side of ``<file>-writers``: the slots its waiting writers hold, and a look at the others'.

    One per database file in a process (``marks_for``): POSIX byte locks belong to the process, not to a file
    handle, so two handles of one process would neither see each other's locks nor keep them when one is closed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._unusable = False
        self._mine: set[int] = set()  # slots this process holds (a look at the others skips them)

    def _file(self, create: bool) -> int | None:
        """The open file (under ``_lock``); None when it cannot be had, or is not there and ``create`` is False."""
        if self._fd is None and not self._unusable:
            try:
                flags = os.O_RDWR | getattr(os, "O_BINARY", 0) | (os.O_CREAT if create else 0)
                self._fd = os.open(self.path, flags, 0o666)
            except FileNotFoundError:
                return None
            except OSError:
                self._unusable = True  # a read-only folder: the other processes' writers go unseen
        return self._fd

    def take(self) -> int | None:
        """Mark one more writer of this process waiting: the slot it holds (None: no free slot, or no file)."""
        with self._lock:
            fd = self._file(create=True)
            if fd is None:
                return None
            for slot in range(SLOTS):
                if slot not in self._mine and _try_lock(fd, slot):
                    self._mine.add(slot)
                    return slot
        return None

    def give_back(self, slot: int | None) -> None:
        if slot is None:
            return
        with self._lock:
            self._mine.discard(slot)
            if self._fd is not None:
                _unlock(self._fd, slot)

    def others_waiting(self) -> bool:
        """Whether a writer of another process waits for the lock now (holds a slot)."""
        with self._lock:
            fd = self._file(create=False)
            if fd is None:
                return False
            for slot in range(SLOTS):
                if slot in self._mine:
                    continue
                if not _try_lock(fd, slot):
                    return True
                _unlock(fd, slot)
        return False


_MARKS: dict[str, Marks] = {}
_MARKS_LOCK = threading.Lock()


def marks_for(database: Path) -> Marks:
    """The one ``Marks`` of this process for the SQLite file ``database``."""
    path = Path(f"{Path(database).resolve()}{SUFFIX}")
    with _MARKS_LOCK:
        return _MARKS.setdefault(str(path), Marks(path))


class Writers:
    def __init__(self, marks: Marks | None = None) -> None:
        self._changed = threading.Condition()
        self._waiting = 0
        self.marks = marks

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

    @contextmanager
    def seen_by_other_processes(self):
        """Around a writer's ``BEGIN IMMEDIATE`` once it found the lock taken: a slot of ``<file>-writers`` held
        while it waits, so that a long job of another process lets it in too."""
        slot = self.marks.take() if self.marks is not None else None
        try:
            yield
        finally:
            if self.marks is not None:
                self.marks.give_back(slot)

    def others_waiting(self) -> bool:
        """Whether a writer of another process waits for the lock now."""
        return self.marks is not None and self.marks.others_waiting()

    def let_in(self, timeout: float = LET_IN_AT_MOST_S) -> None:
        """Return once no writer of this process or another waits for the lock (at most ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                if not self._changed.wait_for(lambda: self._waiting == 0, max(0.0, deadline - time.monotonic())):
                    return
                if not self.others_waiting() or time.monotonic() >= deadline:
                    return
                # another process's writer sleeps in SQLite's busy handler: it wakes, takes the lock and gives its
                # slot back; look again shortly
                self._changed.wait(min(OTHERS_EVERY_S, max(0.0, deadline - time.monotonic())))


def writers_of(engine) -> Writers | None:
    """The waiting writers of ``engine`` (an engine ``persistence.db`` made), None for any other."""
    return getattr(engine, "stockroom_writers", None)


def let_writers_in(conn) -> None:
    """Between two steps of a long job on ``conn`` (in no transaction): let waiting writers in first."""
    writers = writers_of(conn.engine)
    if writers is not None:
        writers.let_in()
