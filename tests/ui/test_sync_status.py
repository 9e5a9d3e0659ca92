"""The sync state in the status bar: synced, syncing with counts, offline since, conflicts, negative stock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest

from tests.clock import TODAY
from tests.fakes_sync import FakeReport
from ui.sync_service import SyncState
from ui.widgets.sync_status import SyncStatusWidget
from ui.widgets.sync_status import clock

# The days here are tests.clock.TODAY's, the day the application's clock is pinned to.
pytestmark = pytest.mark.usefixtures("pinned_today")


def today_at(hour: int, minute: int, days_before: int = 0) -> datetime:
    # the wall-clock time on that day, with the offset in force then (now's is not it across a change of the clocks)
    return datetime.combine(TODAY - timedelta(days=days_before), time(hour, minute)).astimezone()


def shown(qtbot, state: SyncState) -> SyncStatusWidget:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(state)
    return widget


def test_the_widget_stays_hidden_while_no_hub_is_set(qtbot):
    widget = shown(qtbot, SyncState(configured=False))
    widget.show()
    widget.show_state(SyncState(configured=False))
    assert widget.isHidden()


def test_a_finished_sync_says_synced_and_the_time(qtbot):
    state = SyncState(configured=True, url="postgresql://clerk@hub:5432/shop", last_success_at=today_at(14, 2),
                      last_report=FakeReport(pushed=3))
    widget = shown(qtbot, state)
    assert widget.label.text() == "Synced 14:02"
    assert widget.conflicts.isHidden() and widget.negative.isHidden()
    assert "postgresql://clerk@hub:5432/shop" in widget.label.toolTip()


def test_an_older_sync_shows_its_date():
    moment = today_at(9, 30, days_before=3)
    assert clock(moment) == moment.strftime("%Y-%m-%d 09:30")


def test_a_running_sync_shows_the_stage_and_counts_with_thousands(qtbot):
    widget = shown(qtbot, SyncState(configured=True, running=True, stage="push", done=1200, total=5000))
    assert widget.label.text() == "Syncing… sending 1,200/5,000"
    assert not widget.bar.isHidden()
    assert (widget.bar.value(), widget.bar.maximum()) == (1200, 5000)
    widget.show_state(SyncState(configured=True, running=False, last_success_at=today_at(14, 5)))
    assert widget.bar.isHidden()
    assert widget.label.text() == "Synced 14:05"


def test_offline_is_a_state_with_the_time_it_began(qtbot):
    state = SyncState(configured=True, last_success_at=today_at(13, 0), offline_since=today_at(13, 40),
                      last_attempt_at=today_at(13, 45), last_error="connection refused")
    widget = shown(qtbot, state)
    assert widget.label.text() == "Offline since 13:40"
    assert "connection refused" in widget.label.toolTip()
    assert "offline" in widget.label.toolTip()


def test_a_failure_that_is_not_being_offline_says_failed(qtbot):
    state = SyncState(configured=True, last_success_at=today_at(13, 0), last_attempt_at=today_at(13, 30),
                      last_error="relation does not exist")
    assert shown(qtbot, state).label.text() == "Sync failed 13:30"


def test_open_conflicts_show_as_a_link_that_opens_the_conflicts_screen(qtbot):
    widget = shown(qtbot, SyncState(configured=True, last_success_at=today_at(14, 2), open_conflicts=3))
    assert not widget.conflicts.isHidden()
    assert "3 conflict(s) to review" in widget.conflicts.text()
    opened = []
    widget.open_screen = lambda key, page="": opened.append(key)
    widget.conflicts.linkActivated.emit("#")
    assert opened == ["conflicts"]


def test_negative_stock_after_a_merge_is_an_alert_saying_what_to_do(qtbot):
    negative = (("SD-1", "W1", -1), ("HM-1", "W2", -2))
    widget = shown(qtbot, SyncState(configured=True, last_success_at=today_at(14, 2), negative=negative))
    assert not widget.negative.isHidden()
    assert "2 stock balance(s) below zero" in widget.negative.text()
    assert "Count the product or post a correction" in widget.negative.toolTip()


def test_a_refused_password_asks_for_it_instead_of_showing_a_time(qtbot):
    widget = shown(qtbot, SyncState(configured=True, password_needed=True, last_error="password authentication failed"))
    assert "Hub password needed" in widget.label.text()


def test_after_a_restart_a_failed_last_attempt_reads_as_offline_since_then():
    from ui.sync_service import _offline_since

    ok, failed = today_at(9, 0), today_at(9, 5)
    assert _offline_since(SyncState(last_success_at=ok, last_attempt_at=failed, last_error="refused")) == failed
    assert _offline_since(SyncState(last_success_at=failed, last_attempt_at=ok, last_error="refused")) is None
    assert _offline_since(SyncState(last_success_at=ok, last_attempt_at=failed, last_error="")) is None


def test_after_a_restart_a_stored_refusal_without_a_driver_cause_reads_as_failed_with_its_reason(qtbot, english):
    from ui.sync_service import _offline_since

    ok, failed = today_at(9, 0), today_at(9, 5)
    forbidden = SyncState(configured=True, last_success_at=ok, last_attempt_at=failed,
                          last_error="clerk (clerk) may not sync: that needs the manager role or higher.",
                          last_error_code="forbidden",
                          last_error_params={"user": "clerk", "role": "clerk", "permission": "sync",
                                             "needed": "manager"})
    assert _offline_since(forbidden) is None
    widget = shown(qtbot, replace(forbidden, offline_since=_offline_since(forbidden)))  # as the service reads it
    assert widget.label.text() == "Sync failed 09:05"
    assert "clerk (Clerk) may not sync with the shared database: that needs the Manager role" in widget.label.toolTip()
    assert "offline" not in widget.label.toolTip()
    newer = SyncState(last_success_at=ok, last_attempt_at=failed, last_error="newer",
                      last_error_code="hub_schema_newer", last_error_params={"revision": "0020", "head": "0014"})
    assert _offline_since(newer) is None  # the hub answered: not being offline either


def test_after_a_restart_a_stored_error_whose_cause_is_the_hub_out_of_reach_still_reads_as_offline():
    from ui.sync_service import _offline_since

    ok, failed = today_at(9, 0), today_at(9, 5)
    lost = SyncState(last_success_at=ok, last_attempt_at=failed, last_error="the hub is out of reach",
                     last_error_code="hub_lost", last_error_params={"reason": "hub_cause_unreachable"})
    assert _offline_since(lost) == failed
    refused = SyncState(last_success_at=ok, last_attempt_at=failed, last_error="the disk is full",
                        last_error_code="hub_refused_during_sync", last_error_params={"reason": "hub_cause_disk_full"})
    assert _offline_since(refused) is None


def test_the_shared_database_pages_bar_says_the_stage_and_counts_with_thousands(qtbot, make_services):
    """The page's bar read "push 100000/251608" during a first push (the status bar grouped the thousands)."""
    from ui.screens.settings_sync import SyncPage

    page = SyncPage(make_services())
    qtbot.addWidget(page)
    page._state_changed(SyncState(configured=True, running=True, stage="push", done=100_000, total=251_608))
    assert page.progress.text() == "sending 100,000/251,608"
    page._state_changed(SyncState(configured=True, running=True, stage="recompute", done=0, total=1))
    assert page.progress.text() == "recalculating stock 0/1"
