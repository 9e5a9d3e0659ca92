"""The application's one clock (``domain.kernel.clock``) and the tests' pin on it (``tests/clock.py``): what the
application takes for now and today follows the pin, across midnight and a year's end, and a test that set TZ puts
back the zone the run started in."""

from __future__ import annotations

import os
import time
from datetime import UTC
from datetime import date
from datetime import datetime

import pytest

from domain.kernel import clock as app_clock
from domain.kernel import validate
from domain.kernel.errors import BadInput
from tests import clock

LAST_TENTH = datetime(2026, 12, 31, 23, 59, 59, 900_000, tzinfo=UTC)


def test_the_application_s_today_and_its_window_of_dates_follow_the_pinned_clock(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        clock.pin(monkeypatch, LAST_TENTH)
        assert app_clock.today() == date(2026, 12, 31) and app_clock.now() >= LAST_TENTH
        assert validate.day("date", date(2027, 12, 31)) == date(2027, 12, 31)  # a year after today
        with pytest.raises(BadInput):
            validate.day("date", date(2028, 1, 1))
        clock.pin(monkeypatch, datetime(2027, 1, 1, tzinfo=UTC))  # midnight has passed
        assert app_clock.today() == date(2027, 1, 1)
        assert validate.day("date", date(2028, 1, 1)) == date(2028, 1, 1)
    finally:
        clock.machine_zone(monkeypatch)


def test_the_pinned_clock_runs_on_so_instants_still_differ(monkeypatch):
    clock.pin(monkeypatch, LAST_TENTH)
    first = app_clock.now()
    while app_clock.now() == first:  # a few microseconds at most
        pass
    assert app_clock.now() > first


def test_pinned_today_is_the_run_s_day_at_noon_utc(pinned_today):
    assert pinned_today == clock.TODAY == app_clock.now().date() == app_clock.today()  # noon: any zone within 12 h


def test_a_test_that_set_tz_puts_back_the_zone_the_run_started_in(monkeypatch):
    started = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    clock.machine_zone(monkeypatch)
    assert os.environ.get("TZ") == started
    assert time.tzname == _zone_names(started)


def _zone_names(tz: str | None) -> tuple[str, str]:
    """The names the C library gives the zone ``tz`` (None: the machine's)."""
    before = os.environ.get("TZ")
    try:
        if tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = tz
        time.tzset()
        return time.tzname
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
