"""A planning run of this window stores its forecasts, classes and alerts summary without telling the other open
screens that the data changed (``ui.watch.DataWatcher.own_write``); the dashboard shows the alerts it stored. A
change made before the run's write is still counted."""

from __future__ import annotations

import threading
import time

import pytest

from domain.stock import commands as c
from domain.stock import ledger
from tests import clock
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    clock.machine_zone(monkeypatch)


@pytest.fixture
def watched(db, make_services, utc):
    from ui.watch import DataWatcher

    build(db)
    services = make_services()
    services.watcher = DataWatcher(db.path, interval_ms=60_000)
    services.watcher.timer.stop()  # the tests ask the watcher themselves
    yield services
    services.watcher.stop()


def test_a_replenishment_run_stores_its_results_without_counting_as_a_change(watched, qtbot, db):
    from persistence.planning.alerts import read_summary
    from ui.screens.replenishment.run import run_plan

    watcher = watched.watcher
    with qtbot.waitSignal(watcher.planned, timeout=10_000):
        run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watcher)
    assert read_summary(db.engine)[0] is not None and watched.planning.classes()  # stored
    assert not watcher.check() and watcher.generation == 0  # and not counted
    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))
    assert watcher.check() and watcher.generation == 1  # a real change still is


def test_a_change_made_before_the_runs_write_is_counted_with_it(watched, db):
    from ui.screens.replenishment.run import run_plan

    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))  # not looked at yet
    run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watched.watcher)
    assert watched.watcher.check() and watched.watcher.generation == 1


def test_the_dashboard_shows_the_alerts_a_replenishment_run_stored_after_it_loaded(watched, qtbot, db):
    from domain.planning.alerts import CURRENT
    from persistence.planning.alerts import read_summary
    from ui.screens.dashboard import DashboardScreen
    from ui.screens.replenishment.run import run_plan

    screen = DashboardScreen(watched, today=TODAY)
    qtbot.addWidget(screen)
    # no run stored: it planned itself, quietly; and on the last day of a month, when its period holds that whole
    # month, its turnover filled that month's stock months quietly too (test_watch_months.py)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)
    first = screen.figures["alerts"][0]
    assert not watched.watcher.check()
    watched.watcher.planned.connect(screen.planning_stored)
    # two writes, two notices (its forecasts, then its classes and alerts), two reads that may finish in either order
    run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watched.watcher)
    stored = read_summary(db.engine)[0]
    assert stored.computed_at > first.computed_at
    qtbot.waitUntil(lambda: watched.tasks.busy == 0, timeout=60_000)  # every read answered
    assert screen.figures["alerts"][0] == stored
    assert screen.figures["alert_state"] == CURRENT and not watched.watcher.check()


@pytest.fixture
def held(monkeypatch):
    """``held(obj, name)``: the next call of ``obj.name`` (on a pool thread) does its work, sets the returned
    ``done`` event and then waits for ``release`` before it answers; the calls after it pass straight through."""
    releases = []

    def hold(obj, name):
        real = getattr(obj, name)
        done, release = threading.Event(), threading.Event()
        releases.append(release)

        def call(*args, **kwargs):
            result = real(*args, **kwargs)
            if not done.is_set():  # the later calls are made only once the test saw this one done
                done.set()
                assert release.wait(60), "the test never released the held call"
            return result

        monkeypatch.setattr(obj, name, call)
        return done, release

    yield hold
    for release in releases:  # a failed test leaves no pool thread waiting
        release.set()


def _dashboard_after_its_own_run(watched, qtbot):
    from ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(watched, today=TODAY)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.complete and watched.tasks.busy == 0, timeout=60_000)
    watched.watcher.planned.connect(screen.planning_stored)
    return screen, screen.figures["alerts"][0]


def test_a_run_stored_while_a_load_is_under_way_but_after_its_own_read_of_the_alerts_is_shown(watched, qtbot, db, held):
    """The load has read the alerts, its stock figures are still coming, and then a run stores new ones: the notice
    comes while the load is under way, and the load's own read was made before the write."""
    from domain.planning.alerts import CURRENT
    from persistence.planning.alerts import read_summary
    from ui.screens.replenishment.run import run_plan

    screen, first = _dashboard_after_its_own_run(watched, qtbot)
    stock_asked, release_stock = held(watched.dashboard, "stock_figures")
    screen.refresh()
    qtbot.waitUntil(lambda: stock_asked.is_set() and "alerts" in screen.figures, timeout=60_000)
    assert screen.figures["alerts"][0] == first and not screen.complete  # the load read the older summary

    run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watched.watcher)
    stored = read_summary(db.engine)[0]
    assert stored != first
    release_stock.set()
    qtbot.waitUntil(lambda: screen.complete and watched.tasks.busy == 0, timeout=60_000)
    assert screen.figures["alerts"][0] == stored and screen.figures["alert_state"] == CURRENT
    assert screen.tiles["alerts"].value.text() == str(sum(stored.by_severity().values()))


def test_a_read_asked_before_a_runs_write_and_answered_last_does_not_put_the_older_alerts_back(
    watched, qtbot, db, held
):
    """A run's first write (its forecasts) tells the dashboard, which reads the alerts: still the older ones. That
    read is slow; the run's second write (its alerts) tells it again, and the second read is answered first."""
    from persistence.planning.alerts import read_summary
    from ui.screens.replenishment.run import run_plan

    screen, first = _dashboard_after_its_own_run(watched, qtbot)
    first_read, release_first = held(watched.dashboard, "stored_alerts")
    screen.planning_stored()  # as the run's first write tells it
    qtbot.waitUntil(first_read.is_set, timeout=60_000)  # it has read the older summary and not answered yet

    run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watched.watcher)
    stored = read_summary(db.engine)[0]
    assert stored != first
    qtbot.waitUntil(lambda: screen.figures["alerts"][0] == stored, timeout=60_000)  # a later read answered
    release_first.set()
    qtbot.waitUntil(lambda: watched.tasks.busy == 0, timeout=60_000)  # and now the first one did
    assert screen.figures["alerts"][0] == stored and screen.complete
