"""Tells the window when its database changed: a commit by one of its own use cases, by a sync or by
another program on the same file (the command line, a second window) — so that no screen goes on showing
old numbers without saying so.

SQLite counts commits for us: ``PRAGMA data_version`` on a connection changes whenever *another*
connection has committed since it was last asked. The watcher keeps one read-only connection of its own
that never writes, so every commit anywhere shows. Asking costs a few microseconds and takes no lock (it
reads the WAL index in shared memory), so a timer on the GUI thread may ask once a second.

``generation`` counts the changes seen. A screen that records it (after ``check()``) when it starts a
load can tell later whether a change arrived after that load began, and so whether what it shows is old.

A planning run of this window stores what it derived — its forecasts, ABC/XYZ classes and alerts summary — and those
commits are no change of the business data: counted, they told every other open screen that its data was out of date
after each Replenishment run. Such a write goes through ``own_write`` (``QuietStore`` wraps a store in it): it holds
the database's write lock from its start (``persistence.derived.derived_write``), so nothing else can commit before it
does, and ``own_write`` is entered only around its commit; while it commits, ``check`` waits for it a moment, then
skips a tick rather than block the GUI thread; if nothing else was committed since the last look, its commit is
absorbed, not counted, and ``planned`` is emitted instead, for the screens that show a planning run's results (the
dashboard's alerts). If another commit had come first, both are counted, as before. Only a commit by another program
in the microseconds between the write's commit and its last look would be absorbed with it. A second window or the
command line planning is another program: its commits are counted.

The stock months the reports read (``persistence/stock/months.py``) are derived the same way: a stock summary over a
whole month (the Reports screen's, the dashboard's turnover) fills the months not filled yet, in short write
transactions of their own. Those go through ``own_write`` too (``quiet_fill``), without ``planned``: nothing a screen
shows changed. Counted, they made every open screen load again whenever a report was read, and on the last day of a
month the dashboard's own load (its period then holds the whole month) told the window that the data had changed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

INTERVAL_MS = 1000
LOCK_WAIT_SECONDS = 0.25  # what a look waits for an own write's commit (milliseconds) before it skips a tick


class DataWatcher(QObject):
    changed = Signal(int)  # the new generation
    planned = Signal()  # a planning run of this window stored its results (``own_write``, not a cache's fill)

    def __init__(self, path: Path | str | None, interval_ms: int = INTERVAL_MS, parent=None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._lock = threading.Lock()  # one look at a time: the GUI thread's ticks and a pool thread's own write
        # ``planned`` is emitted from a pool thread under this, and ``stop`` takes it: see ``stop``.
        self._telling = threading.RLock()
        self._stopped = False
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        if path:
            try:
                self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                             check_same_thread=False)
                self._version = self._read()
            except sqlite3.Error:
                self._conn = None  # an unreadable file: the screens are refreshed by hand (F5)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if self._conn is not None:
            self.timer.start()

    def _read(self) -> int | None:
        conn = self._conn  # called with ``_lock`` held: ``stop`` closes the connection only under it
        if conn is None:
            return None
        try:
            return conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return self._version

    def check(self) -> bool:
        """Ask now; emits ``changed`` and returns True when something was committed since the last time (False
        also while an ``own_write`` runs: the next look tells)."""
        if not self._lock.acquire(timeout=LOCK_WAIT_SECONDS):
            return False
        try:
            version = self._read()
            if version is None or version == self._version:
                return False
            self._version = version
            self.generation += 1
        finally:
            self._lock.release()
        self.changed.emit(self.generation)
        return True

    @contextmanager
    def own_write(self, *, planned: bool = True) -> Iterator[None]:
        """Around the commit of a write of this window's derived data that holds the write lock (any thread): the
        commit is not counted as a change, unless another commit came before it, which is then counted with it (see
        the module docstring). ``planned`` is emitted after it, unless ``planned`` is False (the stock months' fill,
        ``quiet_fill``)."""
        with self._lock:
            clean = self._conn is not None and self._read() == self._version
            try:
                yield
            finally:
                if clean:
                    self._version = self._read()
        if planned:
            with self._telling:
                if not self._stopped:
                    self.planned.emit()

    def stop(self) -> None:
        """No more looks. The connection is closed under ``_lock``: a pool thread's ``own_write`` may be looking at it
        (a planning run storing its results while the window closes), and closing a connection another thread is
        using crashes the process. That wait is for one commit at most (``own_write`` spans only the commit).

        Nor is ``planned`` emitted after ``stop``: the window deletes a stopped watcher (another database opened) while
        the work of the database left behind runs on, and a pool thread emitting a signal of a deleted object raised
        after its commit, or crashed the process when the deletion ran meanwhile. ``stop`` waits for an emission under
        way (the window's connection only queues it), so once it has returned the watcher may be deleted."""
        self.timer.stop()
        with self._telling:
            self._stopped = True
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


class QuietStore:
    """A store of derived data (``load``/``store``: the forecast cache, the class and summary store) whose writes go
    through ``watcher.own_write`` (its ``store`` takes ``around``); without a watcher it is the store itself."""

    def __init__(self, inner, watcher: DataWatcher | None) -> None:
        self._inner = inner
        self._watcher = watcher

    def load(self, keys):
        return self._inner.load(keys)

    def store(self, *args, **kwargs):
        if self._watcher is None:
            return self._inner.store(*args, **kwargs)
        # around the store's commit, its transaction holding the write lock (persistence.derived.derived_write)
        return self._inner.store(*args, around=self._watcher.own_write, **kwargs)


def quiet(watcher: DataWatcher | None):
    """``watcher.own_write`` as a context manager factory, or None without a watcher."""
    return None if watcher is None else watcher.own_write


def quiet_fill(watcher: DataWatcher | None):
    """``watcher.own_write`` without ``planned``, as a context manager factory for the stock months' fill
    (``persistence.stock.months.refresh``'s ``around``), or None without a watcher."""
    return None if watcher is None else partial(watcher.own_write, planned=False)
