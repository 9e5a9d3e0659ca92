"""One task runner for everything slow: database loads, posting, PDF, forecasting, sync.

A callable runs on a ``QThreadPool`` worker; its result or exception comes back to the GUI
thread only through a Qt signal, where the success or failure callback runs. The callable
never touches widgets. ``progress`` is passed in when the callable accepts it.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtCore import QRunnable
from PySide6.QtCore import QThreadPool
from PySide6.QtCore import Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals,
                 explain: Callable[[BaseException], BaseException | None] | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.explain = explain
        self.cancelled = False

    def run(self) -> None:
        try:
            params = inspect.signature(self.fn).parameters
            if "progress" in params:
                result = self.fn(progress=self.signals.progress.emit)
            else:
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            explained = self.explain(exc) if self.explain is not None and isinstance(exc, Exception) else None
            if explained is not None:  # a locked database, a full disk: said as what to do, not as SQL
                explained.__cause__ = exc
                explained.__traceback_text__ = exc.__traceback_text__  # type: ignore[attr-defined]
                exc = explained
            self._tell(self.signals.failed, exc)
        else:
            self._tell(self.signals.done, result)

    @staticmethod
    def _tell(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed while this ran in the background: nobody is left to tell
            pass


class TaskRunner(QObject):
    """Submit callables; ``busy_changed`` tells the status bar how many are running.

    Work someone is waiting for (a screen's list, a posting, a PDF) runs on ``pool``. Work nobody is waiting for
    (the dashboard's slower figures, a planning run started on its own) is submitted with ``background=True`` and
    runs on ``background_pool``, one at a time, so a clerk who opens the Stock screen while the dashboard is still
    filling in never queues behind it.
    """

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *,
                 explain: Callable[[BaseException], BaseException | None] | None = None) -> None:
        """``explain`` turns a failure of the storage (persistence.errors.explain, handed in by the composition
        root) into the domain error that says what to do; every failure callback then shows that."""
        super().__init__(parent)
        self.explain = explain
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self.background_pool = QThreadPool(self)
        self.background_pool.setMaxThreadCount(1)
        self._running: set[_Signals] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        *,
        background: bool = False,
    ) -> _Signals:
        signals = _Signals()
        self._running.add(signals)
        self.busy_changed.emit(len(self._running))

        def finish(_=None) -> None:
            self._running.discard(signals)
            self.busy_changed.emit(len(self._running))

        if on_done:
            signals.done.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        (self.background_pool if background else self.pool).start(_Job(fn, signals, self.explain))
        return signals

    @property
    def busy(self) -> int:
        return len(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs) and self.background_pool.waitForDone(msecs)
