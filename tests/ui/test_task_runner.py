"""The task runner keeps work someone waits for apart from work nobody waits for: a screen's load never queues
behind the dashboard's slower figures or a planning run. Every job here is held by an event the test sets, so
nothing depends on how fast the machine is."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from shiboken6 import isValid

from ui.tasks import TaskRunner


def test_a_screen_load_runs_while_background_work_holds_its_worker(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    finished: list[str] = []

    def slow(name: str):
        def job():
            assert release.wait(60), "the test never released the background job"
            return name
        return job

    # more background jobs than the machine has cores: they queue behind each other, never in front of a screen
    for name in ("trend", "stockouts", "stock", "alerts"):
        runner.submit(slow(name), on_done=finished.append, background=True)
    for name in ("stock screen", "receive screen"):
        runner.submit(lambda name=name: name, on_done=finished.append)

    qtbot.waitUntil(lambda: len(finished) == 2, timeout=30_000)
    assert finished == ["stock screen", "receive screen"] or finished == ["receive screen", "stock screen"]
    assert runner.busy == 4  # the four background jobs are still held

    release.set()
    qtbot.waitUntil(lambda: len(finished) == 6, timeout=30_000)
    assert finished[2:] == ["trend", "stockouts", "stock", "alerts"]  # one at a time, in the order given
    assert runner.busy == 0 and runner.wait(1000)


def test_a_background_failure_reaches_its_callback(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []
    runner.submit(lambda: 1 / 0, on_error=errors.append, background=True)
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert isinstance(errors[0], ZeroDivisionError) and runner.busy == 0


def held_job(started: threading.Event, release: threading.Event):
    def job():
        started.set()
        assert release.wait(60), "the test never released the job"
        return "planned"
    return job


def test_a_runner_nobody_holds_keeps_itself_while_its_job_runs_and_goes_once_it_reported(qtbot):
    """Garbage while its job runs, a runner is not destroyed: its pools' destructor would wait for the job while the
    collector holds the interpreter lock the job needs, and both threads froze. Once its work has reported it is let
    go: the finished jobs' callbacks no longer hold it (they held every runner and every job's callbacks for good)."""
    started, release = threading.Event(), threading.Event()
    reported: list[tuple[str, int]] = []
    counts: list[int] = []
    runner = TaskRunner()
    runner.busy_changed.connect(counts.append)
    runner.submit(held_job(started, release), on_done=lambda result: reported.append((result, threading.get_ident())))
    assert started.wait(60), "the job never started"
    gone = weakref.ref(runner)
    del runner
    gc.collect()
    assert gone() is not None and gone().busy == 1

    release.set()
    qtbot.waitUntil(lambda: counts[-1] == 0, timeout=60_000)
    assert reported == [("planned", threading.get_ident())]  # reported on the test's (the GUI) thread
    gc.collect()
    assert gone() is None


def test_a_runner_says_it_is_idle_only_once_no_worker_is_left_in_a_job(qtbot):
    """The window closes a database it left behind when that database's runner says it is idle
    (``MainWindow._retire``): by then no worker may still be returning from a job."""
    runner = TaskRunner()
    pools = (runner.pool, runner.background_pool)
    seen: list[tuple[int, int]] = []
    runner.busy_changed.connect(lambda count: seen.append((count, sum(p.activeThreadCount() for p in pools))))
    runner.submit(lambda: "stock")
    runner.submit(lambda: "alerts", background=True)
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=60_000)
    assert [count for count, _ in seen] == [1, 2, 1, 0] and seen[-1] == (0, 0)


@pytest.mark.parametrize("how", ["its parent is deleted", "deleteLater"])
def test_a_runner_deleted_by_qt_while_its_job_runs_neither_waits_for_it_nor_loses_its_report(qtbot, how):
    """The Qt object can still be deleted by its parent (the welcome dialog's runner) or by deleteLater; its pools are
    not its Qt children, so nothing waits for the job there (the test, which releases the job, would wait forever),
    and the job finishes and reports as if nothing happened."""
    started, release = threading.Event(), threading.Event()
    reported: list[str] = []
    parent = QObject()
    runner = TaskRunner(parent)
    runner.submit(held_job(started, release), on_done=reported.append)
    assert started.wait(60), "the job never started"
    if how == "deleteLater":
        runner.deleteLater()
        qtbot.waitUntil(lambda: not isValid(runner))
    else:
        del parent
        assert not isValid(runner)
    gc.collect()

    release.set()
    qtbot.waitUntil(lambda: reported == ["planned"], timeout=60_000)
    qtbot.waitUntil(lambda: runner.busy == 0)
    assert runner.wait(-1)


def test_the_dashboard_asks_only_for_its_first_figures_in_the_foreground(db, make_services, qtbot, monkeypatch):
    from ui.screens.dashboard import DashboardScreen

    services = make_services()
    asked: list[bool] = []
    submit = services.tasks.submit

    def recording(fn, on_done=None, on_error=None, on_progress=None, *, background=False):
        asked.append(background)
        return submit(fn, on_done, on_error, on_progress, background=background)

    monkeypatch.setattr(services.tasks, "submit", recording)
    widget = DashboardScreen(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.complete, timeout=60_000)
    # the first figures (and the stored alerts, one small read) are what the owner is looking at; the trend,
    # stockouts and stock figures, and a planning run when none stored its alerts, never hold up a screen
    assert asked[0] is False and asked.count(False) <= 2 and asked.count(True) >= 3


@pytest.mark.parametrize("fails", [False, True], ids=["done", "failed"])
def test_a_slot_connected_after_submit_hears_a_job_that_finished_before_it_was_connected(qtbot, fails):
    # The job has finished in its worker before the submitter connects (on a busy machine a quick export can): the
    # GUI thread is held here until then, as the scheduler can hold it. The report must still reach the late slot.
    runner = TaskRunner()
    ran = threading.Event()

    def job():
        ran.set()
        if fails:
            raise ValueError("the file is open in another program")
        return "written"

    signals = runner.submit(job)
    assert ran.wait(60), "the job never ran"
    assert runner.wait(60_000)  # its worker has returned: whatever it emitted, it emitted before the slot below
    with qtbot.waitSignal(signals.failed if fails else signals.done, timeout=60_000) as heard:
        pass
    assert str(heard.args[0]) == ("the file is open in another program" if fails else "written")
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=60_000)


def test_a_worker_emits_only_to_slots_of_an_object_on_the_gui_thread_and_every_report_and_step_arrives_there(qtbot):
    """A worker's emit straight to a Python callable (the runner's closure, a screen's lambda) crashed the process now
    and then: PySide looked the callable's hidden receiver up on the worker while the GUI thread connected and
    disconnected other jobs' callbacks. The worker now emits only ``reported`` and ``stepped``, each connected to one
    declared slot of the job's signals object, which lives on the GUI thread; callbacks run there. Many jobs with
    progress run here while the GUI thread keeps submitting: every step and report arrives, on the GUI thread."""
    from PySide6.QtCore import QMetaMethod

    runner = TaskRunner()
    gui = threading.get_ident()
    threads: set[int] = set()
    steps: list[int] = []
    done: list[int] = []

    def job(n: int):
        def run(progress):
            for i in range(3):
                progress(n * 10 + i)
            return n
        return run

    def on_step(value):
        threads.add(threading.get_ident())
        steps.append(value)

    def on_done(value):
        threads.add(threading.get_ident())
        done.append(value)

    first = runner.submit(job(0), on_done=on_done, on_progress=on_step)
    meta = first.metaObject()
    slots = {bytes(meta.method(i).methodSignature()).decode() for i in range(meta.methodCount())
             if meta.method(i).methodType() == QMetaMethod.MethodType.Slot}
    assert {"_deliver(bool,PyObject)", "_step(PyObject)"} <= slots
    assert first.receivers("2reported(bool,PyObject)") == 1  # its own slot, no hidden receiver of a callable
    assert first.receivers("2stepped(PyObject)") == 1
    for n in range(1, 200):
        runner.submit(job(n), on_done=on_done, on_progress=on_step)
    qtbot.waitUntil(lambda: len(done) == 200 and len(steps) == 600, timeout=60_000)
    assert sorted(done) == list(range(200))
    assert sorted(steps) == sorted(n * 10 + i for n in range(200) for i in range(3))
    assert threads == {gui}
