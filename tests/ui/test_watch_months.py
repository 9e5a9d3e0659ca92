"""Filling the stock months (``persistence/stock/months.py``) is no change of the data: a stock summary over whole
months read by the window (the Reports screen, the dashboard's turnover) fills the months not filled yet through the
change watcher's ``own_write`` (``ui.watch.quiet_fill``), so the other open screens are not told to load again and
no ``planned`` is emitted; a posting is still counted, also one made between two steps of a fill.

The period runs from more than a year ago to today, so it holds whole months with movements in them (the old pot
received on day -300) on any day of the month, unlike the dashboard's default period, which holds a whole month
only on a month's last day (``test_watch_planning.py``)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from domain.stock import commands as c
from domain.stock import ledger
from tests import clock
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build
from ui import report_build as rb

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")

LONG_AGO = FIRST - timedelta(days=400)


@pytest.fixture
def watched(db, make_services, monkeypatch):
    from ui.watch import DataWatcher

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    build(db)
    services = make_services()
    services.watcher = DataWatcher(db.path, interval_ms=60_000)
    services.watcher.timer.stop()  # the tests ask the watcher themselves
    assert not services.watcher.check()
    yield services
    services.watcher.stop()
    clock.machine_zone(monkeypatch)


@pytest.fixture
def planned(watched):
    """The ``planned`` notices the watcher gave (from any thread)."""
    from PySide6.QtCore import Qt

    seen = []
    watched.watcher.planned.connect(lambda: seen.append(1), Qt.ConnectionType.DirectConnection)
    return seen


def _filled_through(db) -> str | None:
    from persistence import tables as t

    with db.engine.connect() as conn:
        return conn.execute(select(t.stock_months_state.c.filled_through)).scalar()


def _last_whole_month() -> str:
    """The month before today's: the last whole month of a period that ends today (or today's, on its last day)."""
    after = TODAY + timedelta(days=1)
    last = TODAY.replace(day=1) - timedelta(days=1) if after.day != 1 else TODAY
    return f"{last:%Y-%m}"


def test_the_reports_screen_fills_the_stock_months_without_counting_as_a_change(
    watched, planned, qtbot, db, monkeypatch
):
    from persistence.stock import months
    from ui.screens.reports import ReportsScreen

    on_gui_thread = []  # per step of the fill: whether it ran on the GUI thread
    monkeypatch.setattr(
        months, "after_step", lambda _: on_gui_thread.append(threading.current_thread() is threading.main_thread())
    )
    assert _filled_through(db) is None
    screen = ReportsScreen(watched)
    qtbot.addWidget(screen)
    screen.set_report(rb.STOCK_SUMMARY, "product")
    screen.set_period(LONG_AGO, TODAY)
    qtbot.waitUntil(
        lambda: (
            not screen.working
            and screen.request is not None
            and screen.request.kind == rb.STOCK_SUMMARY
            and screen.request.first == LONG_AGO
        ),
        timeout=60_000,
    )
    qtbot.waitUntil(lambda: watched.tasks.busy == 0, timeout=60_000)
    assert sorted(screen.model.row_values(r)[0] for r in range(len(screen.model.rows))) == ["CUP", "OLD", "TEA"]
    assert _filled_through(db) == _last_whole_month()  # the months were filled, by this window
    assert on_gui_thread and not any(on_gui_thread)  # on the task runner's thread, as before
    assert not watched.watcher.check() and watched.watcher.generation == 0  # and not counted
    assert planned == []  # nor taken for a planning run's results
    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))
    assert watched.watcher.check() and watched.watcher.generation == 1  # a real change still is


def test_the_dashboard_fills_the_stock_months_without_counting_as_a_change(watched, qtbot, db):
    from ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(watched, today=TODAY)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.complete and watched.tasks.busy == 0, timeout=60_000)  # it planned, quietly
    screen.set_custom(LONG_AGO, TODAY)
    qtbot.waitUntil(
        lambda: screen.complete and screen.period().first == LONG_AGO and watched.tasks.busy == 0, timeout=60_000
    )
    assert "turnover_rows" in screen.figures and screen.error_label.isHidden()
    assert _filled_through(db) == _last_whole_month()
    assert not watched.watcher.check() and watched.watcher.generation == 0
    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))
    assert watched.watcher.check() and watched.watcher.generation == 1


def test_a_posting_made_between_two_steps_of_a_fill_is_counted(watched, planned, db, monkeypatch):
    """The fill writes a month per step; a clerk posts after the first: the steps after it are not absorbed (another
    commit came before them), so the watcher counts the posting (with them), once."""
    from domain.reports.model import Period
    from domain.reports.stock_summary import SummaryBy
    from persistence.stock import months
    from ui.watch import quiet_fill

    steps = []

    def after_step(month: str) -> None:
        steps.append(month)
        if len(steps) == 1:
            ledger.receive(db.uow(), c.ReceiveStock("CUP", "1", "MAIN", "4.00"))

    monkeypatch.setattr(months, "after_step", after_step)
    watched.reports.stock_summary(
        Period(LONG_AGO, TODAY), SummaryBy.PRODUCT, utc_offset_seconds=0, around_fill=quiet_fill(watched.watcher)
    )
    assert len(steps) > 1 and steps[-1] == _last_whole_month()  # steps were written after the posting
    assert watched.watcher.check() and watched.watcher.generation == 1
    assert not watched.watcher.check() and planned == []


def test_a_look_while_a_derived_write_is_writing_is_answered(watched, db):
    """A month of the fill writes for about a second on 100,000 products: the watcher waits only for the commit, so a
    look meanwhile is answered (here it counts a posting made before the write began), and the write, following that
    look, is then absorbed."""
    from persistence import tables as t
    from persistence.derived import derived_write
    from ui.watch import quiet_fill

    watcher = watched.watcher
    ledger.receive(db.uow(), c.ReceiveStock("TEA", "1", "MAIN", "2.00"))  # not looked at yet
    writing, go, failed = threading.Event(), threading.Event(), []

    def write() -> None:
        try:
            with derived_write(db.engine, quiet_fill(watcher)) as conn:
                conn.execute(t.settings.insert().values(key="test.derived", value="1"))
                writing.set()
                assert go.wait(60), "the test never let the write commit"
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failed.append(exc)
            writing.set()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert writing.wait(60) and not failed
        assert watcher.check() and watcher.generation == 1  # answered while the write holds the database's lock
    finally:
        go.set()
        thread.join(60)
    assert not failed and not thread.is_alive()
    assert not watcher.check() and watcher.generation == 1  # the write's own commit: absorbed
