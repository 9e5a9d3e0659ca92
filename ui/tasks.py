"""One task runner for everything slow: database loads, posting, PDF, forecasting, sync.

A callable runs on a ``QThreadPool`` worker; its result or exception comes back to the GUI
thread only through a Qt signal, where the success or failure callback runs. The callable
never touches widgets. ``progress`` is passed in when the callable accepts it.

A runner with work not yet reported is never destroyed under it. Destroying a thread pool waits for its running job on
the thread that destroys it, the GUI thread (the last reference dropped, the cycle collector, a Qt parent deleted):
the window hung for as long as the job took, a planning run on a large database, and for good where the job waited
for that thread. So a runner is held (``_busy``) from its first job until its last has reported and its pools have
been waited for, which lets the interpreter lock go; its pools belong to the Python object, not to the Qt one, so a
Qt parent or ``deleteLater`` deleting the runner leaves them and the running job alone, and the job still reports;
and the interpreter's exit waits for the work still running (``wait_for_all``) before anything is torn down.
"""

from __future__ import annotations

import atexit
import inspect
import traceback
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import QRunnable
from PySide6.QtCore import QThreadPool
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from shiboken6 import isValid


class _Signals(QObject):
    """A job's signals, living on the GUI thread. The worker emits only ``reported`` and ``stepped``, and each is
    connected to a slot of this object (``@Slot``-declared), which Qt queues to the GUI thread; ``done``, ``failed``
    and ``progress`` are emitted there. A signal emitted on a worker straight to a Python callable (a closure, a
    lambda) makes PySide look up the callable's hidden receiver on the worker while the GUI thread connects and
    disconnects others: that crashed the process now and then (a segfault inside the worker's emit, in the suite)."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)
    reported = Signal(bool, object)  # the worker's result: ok, and the value or the exception
    stepped = Signal(object)  # the worker's progress

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.reported.connect(self._deliver)
        self.stepped.connect(self._step)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value) -> None:
        # emitted here, on the GUI thread, once the event loop delivers the worker's report: never before the code
        # that submitted the job has returned, so a slot connected to ``done`` after ``submit`` (a qtbot.waitSignal,
        # say) always hears it. Emitted by the worker itself, each connection's call was queued at the moment of the
        # emission, and a quick job on a busy machine could finish before the submitter had connected: two screen
        # tests waited 120 s for an export that had already reported.
        (self.done if ok else self.failed).emit(value)

    @Slot(object)
    def _step(self, value) -> None:
        self.progress.emit(value)


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
                result = self.fn(progress=self.signals.stepped.emit)
            else:
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            explained = self.explain(exc) if self.explain is not None and isinstance(exc, Exception) else None
            if explained is not None:  # a locked database, a full disk: said as what to do, not as SQL
                explained.__cause__ = exc
                explained.__traceback_text__ = exc.__traceback_text__  # type: ignore[attr-defined]
                exc = explained
            self._tell(False, exc)
        else:
            self._tell(True, result)

    def _tell(self, ok: bool, value) -> None:
        try:
            self.signals.reported.emit(ok, value)
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
        # Not Qt children: a parent deleting this runner's Qt object would destroy them, waiting for a running job.
        # They go with the Python object, which lives until its work has reported (see the module's docstring).
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self.background_pool = QThreadPool()
        self.background_pool.setMaxThreadCount(1)
        self.queues: dict[str, QThreadPool] = {}  # a queue of its own per resource (``submit``'s ``queue``)
        self._running: set[_Signals] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        *,
        background: bool = False,
        queue: str = "",
    ) -> _Signals:
        """Run ``fn`` in the background; ``queue`` names a resource whose work runs one job at a time on a thread of
        its own (the sync: ``ui.sync_service``), so a long job there never holds a thread the screens load on."""
        # Qt's to delete, on this thread, once its report has been delivered (see finish): a caller may drop the
        # signals it is handed, and freed by Python they would take the worker's queued report along.
        signals = _Signals(QCoreApplication.instance())
        _busy.add(self)
        self._running.add(signals)
        self._tell_busy()
        held = weakref.ref(self)  # ``_busy`` holds the runner while it works, and only then; not this closure

        def finish(_=None) -> None:
            # The job has reported. Its signals go, and their connections with them: these held this closure and the
            # job's callbacks for as long as the signals lived, and the signals lived as long as this closure (a
            # cycle through Qt the collector cannot see), so every job's callbacks and every runner stayed for good.
            signals.deleteLater()
            runner = held()
            if runner is not None:  # always: ``_busy`` has held it since this job was submitted
                runner._finished(signals)

        if on_done:
            signals.done.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        self._pool(background, queue).start(_Job(fn, signals, self.explain))
        return signals

    def _pool(self, background: bool, queue: str) -> QThreadPool:
        if not queue:
            return self.background_pool if background else self.pool
        pool = self.queues.get(queue)
        if pool is None:
            pool = self.queues[queue] = QThreadPool()
            pool.setMaxThreadCount(1)
        return pool

    @property
    def busy(self) -> int:
        """Jobs submitted whose result or failure has not yet been reported on this thread."""
        return len(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the running jobs, ``-1`` for as long as they take; the interpreter lock is let go meanwhile
        (QThreadPool.waitForDone releases it), so a job needing it can finish. Their reports come later, through
        the event loop."""
        return all(pool.waitForDone(msecs) for pool in (self.pool, self.background_pool, *self.queues.values()))

    def _finished(self, signals: _Signals) -> None:
        self._running.discard(signals)
        if not self._running:
            self.wait(-1)  # every job has reported; a worker may still be returning from its run
            _busy.discard(self)
        self._tell_busy()

    def _tell_busy(self) -> None:
        if isValid(self):  # its Qt object may have gone with its parent while the work ran on
            self.busy_changed.emit(len(self._running))


# Every runner with work not yet reported, held here so that nothing destroys it under that work.
_busy: set[TaskRunner] = set()


def wait_for_all() -> None:
    """Wait, for as long as it takes, for the work of every runner that has work not yet reported."""
    for runner in list(_busy):
        runner.wait(-1)


# The exit waits for work still running before the interpreter tears down what is left (atexit's functions run
# first, PySide's own clean-up after them), so nothing is destroyed under a job there either.
atexit.register(wait_for_all)
