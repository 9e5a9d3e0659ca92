"""Tells the window when its database changed: a commit by one of its own use cases, by a sync or by
another program on the same file (the command line, a second window) — so that no screen goes on showing
old numbers without saying so.

SQLite counts commits for us: ``PRAGMA data_version`` on a connection changes whenever *another*
connection has committed since it was last asked. The watcher keeps one read-only connection of its own
that never writes, so every commit anywhere shows. Asking costs a few microseconds and takes no lock (it
reads the WAL index in shared memory), so a timer on the GUI thread may ask once a second.

``generation`` counts the changes seen. A screen that records it (after ``check()``) when it starts a
load can tell later whether a change arrived after that load began, and so whether what it shows is old.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

INTERVAL_MS = 1000


class DataWatcher(QObject):
    changed = Signal(int)  # the new generation

    def __init__(self, path: Path | str | None, interval_ms: int = INTERVAL_MS, parent=None) -> None:
        super().__init__(parent)
        self.generation = 0
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
        if self._conn is None:
            return None
        try:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return self._version

    def check(self) -> bool:
        """Ask now; emits ``changed`` and returns True when something was committed since the last time."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.generation += 1
        self.changed.emit(self.generation)
        return True

    def stop(self) -> None:
        self.timer.stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
