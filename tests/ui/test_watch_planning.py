"""A planning run of this window stores its forecasts, classes and alerts summary without telling the other open
screens that the data changed (``ui.watch.DataWatcher.own_write``); the dashboard shows the alerts it stored. A
change made before the run's write is still counted."""

from __future__ import annotations

import time

import pytest

from domain.stock import commands as c
from domain.stock import ledger
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


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
    from ui.screens.dashboard import DashboardScreen
    from ui.screens.replenishment.run import run_plan

    screen = DashboardScreen(watched, today=TODAY)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.complete, timeout=60_000)  # no run stored: it planned itself, quietly
    first = screen.figures["alerts"][0]
    assert not watched.watcher.check()
    watched.watcher.planned.connect(screen.planning_stored)
    run_plan(watched.planning, watched.purchasing, TODAY, 104, watcher=watched.watcher)
    qtbot.waitUntil(lambda: screen.figures["alerts"][0].computed_at > first.computed_at, timeout=10_000)
    assert screen.figures["alert_state"] == CURRENT and not watched.watcher.check()
