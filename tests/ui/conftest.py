"""Shared fixtures of the screen tests: settings kept out of the user's home, services on a real file."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every screen test reads and writes QSettings in its own folder."""
    QCoreApplication.setOrganizationName("StockroomTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def quit_without_asking(monkeypatch):
    """A window closed at a test's end with unposted lines would ask (a modal question nobody answers);
    tests of that question set ``confirm_quit`` on their window."""
    from ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "confirm_quit", lambda self, unposted: True)


@pytest.fixture(autouse=True)
def cycles_collected_on_the_test_thread():
    """As the app does (``ui.app.collect_cycles_on_the_gui_thread``), the cycle collector never runs in a task
    runner's worker during a screen test: a worker collecting an earlier test's windows would destroy Qt objects
    off the GUI thread and can freeze both threads. Off for the test, and the young generations collected here when
    it ends: with the collector off nothing the test made has left them, and a full collection after every test
    (the whole suite's heap each time) would double the screen tests' time."""
    was = gc.isenabled()
    gc.disable()
    yield
    gc.collect(1)
    if was:
        gc.enable()


@pytest.fixture(autouse=True)
def background_work_finished():
    """The work of every task runner a screen test made (``ui.app.build_services`` too) has finished when the test
    ends. It is not about freezes any more (a runner cannot be destroyed under its work: ``ui.tasks``): a window's
    dashboard plans in the background when no run stored its alerts, and a test that ended first left that run going
    into the next tests, taking one of the machine's two cores from them while they wait for their own work."""
    from ui.tasks import wait_for_all

    yield
    wait_for_all()


@pytest.fixture(scope="session", autouse=True)
def widgets_gone_before_the_exit(qapp):
    """The last screen test's windows are deleted while Python still runs. pytest-qt closes a test's widgets and
    only asks Qt to delete them (``deleteLater``), which the next test's waits do; after the last test none runs, so
    they were left to the interpreter's exit, and destroying a chart there (pyqtgraph's Python overrides called on a
    half torn-down interpreter) crashed the process after every test had passed: ``pytest tests/ui/test_shell.py``
    exited 139, and so would the suite whenever its last screen test shows a chart."""
    from PySide6.QtCore import QEvent

    from ui.tasks import wait_for_all

    yield
    wait_for_all()
    # Only the deletions already asked for (pytest-qt's), as the next test's waits would deliver them. Deleting every
    # top-level widget left from the whole run here as well crashed the process at the end of the full suite.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_services(db):
    """Build ui.services.Services on the test database, as ui.app does; waits for background work at the end."""
    from bootstrap import bind
    from ui.services import Services
    from ui.tasks import TaskRunner

    runners = []

    def make(user: str = "") -> Services:
        tasks = TaskRunner()
        runners.append(tasks)
        return Services.over(bind(db), tasks, user=user)

    yield make
    for tasks in runners:
        tasks.wait()


@pytest.fixture
def chinese(qapp):
    """The window in Simplified Chinese for one test, English again after it."""
    from ui import i18n

    assert i18n.set_language(i18n.CHINESE, persist=False)
    yield
    i18n.set_language(i18n.ENGLISH, persist=False)


@pytest.fixture
def english(qapp):
    """The window in English for one test, whatever an earlier test left."""
    from ui import i18n

    i18n.set_language(i18n.ENGLISH, persist=False)
    yield
    i18n.set_language(i18n.ENGLISH, persist=False)


@pytest.fixture(autouse=True)
def gui_reads_surveyed(request):
    """With ``STOCKROOM_GUI_READS`` naming a file, every connection the window's code takes on the GUI thread during
    each screen test is added to it (test, asking function, the screen code it came from; ``tests/ui/gui_reads.py``):
    the survey behind the allow-list of ``test_gui_thread_reads.py``. Off otherwise."""
    import os

    target = os.environ.get("STOCKROOM_GUI_READS")
    if not target:
        yield None
        return
    from tests.ui.gui_reads import GuiReads

    with GuiReads() as recorder:
        yield recorder
    with open(target, "a", encoding="utf-8") as out:
        for read in recorder.reads:
            out.write(f"{request.node.nodeid}\t{read.where}\t{read.via}\n")
