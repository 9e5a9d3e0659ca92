"""The day a test run goes by, and the application's clock pinned to it (``domain.kernel.clock``).

A test module that took ``date.today()`` when it was imported and compared it, minutes later, with the day the
application reads from its own clock failed in a run that crossed midnight: its TODAY was yesterday by then. Such a
module takes ``TODAY`` from here and pins the application's clock to ``MIDDAY`` (``pin``, or the ``pinned_today``
fixture): the clock then reads that day's noon, UTC, and runs on as real time does, so the application's "now" and
"today" are the test's for as long as the run takes (up to half a day). Noon UTC is the same date in every time zone
within twelve hours of UTC, so a module may compare UTC days or the machine's local days alike.

A command run in a child process reads its own clock: ``tests.cli_runs.cli_in_child(..., pinned=True)`` starts it where
the pinned clock is (``tests/pinned_main.py``).
"""

from __future__ import annotations

import os
import time as _time
from collections.abc import Callable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

# The time zone the run started in (CI may set TZ; unset, the machine's zone): what a test that sets TZ puts back.
_START_TZ = os.environ.get("TZ")

# The day the run started on, in UTC, taken once: every module using it shares it. STOCKROOM_TESTS_DAY=YYYY-MM-DD
# runs those modules as on that day instead (a month's last day, a Monday, the 29th of February).
TODAY: date = (date.fromisoformat(os.environ["STOCKROOM_TESTS_DAY"]) if os.environ.get("STOCKROOM_TESTS_DAY")
               else datetime.now(UTC).date())
MIDDAY: datetime = datetime.combine(TODAY, time(12), tzinfo=UTC)


def running_from(start: datetime) -> Callable[[], datetime]:
    """A clock that reads ``start`` now and runs on from there with real time (so instants still differ)."""
    began = _time.monotonic()
    return lambda: start + timedelta(seconds=_time.monotonic() - began)


def pin(monkeypatch, start: datetime = MIDDAY) -> None:
    """Pin the application's clock to ``start`` (aware), running on from there, for this test."""
    from domain.kernel import clock

    monkeypatch.setattr(clock, "now", running_from(start.astimezone(UTC)))


def now() -> datetime:
    """The application's clock now (``domain.kernel.clock``): pinned in a test that pinned it, the wall clock else."""
    from domain.kernel import clock

    return clock.now()


def today() -> date:
    """The application's today, in the machine's time zone (``domain.kernel.clock``)."""
    from domain.kernel import clock

    return clock.today()


def machine_zone(monkeypatch) -> None:
    """Put back the time zone the run started in after a test set TZ, and tell the C library (``time.tzset``).

    A test that set TZ=UTC and then deleted TZ left the process in the machine's zone: on a CI machine whose TZ was
    set, the local times of the tests after it were another zone's than their child processes' (which inherit TZ)."""
    if _START_TZ is None:
        monkeypatch.delenv("TZ", raising=False)
    else:
        monkeypatch.setenv("TZ", _START_TZ)
    _time.tzset()
