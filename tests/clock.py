"""The day a test run goes by, and the application's clock pinned to it (``domain.kernel.clock``).

A test module that took ``date.today()`` when it was imported and compared it, minutes later, with the day the
application reads from its own clock failed in a run that crossed midnight: its TODAY was yesterday by then. Such a
module takes ``TODAY`` from here and pins the application's clock to ``MIDDAY`` (``pin``, or the ``pinned_today``
fixture): the clock then reads that day's noon, UTC, and runs on as real time does, so the application's "now" and
"today" are the test's for as long as the run takes (up to half a day). Noon UTC is the same date in every time zone
within twelve hours of UTC, so a module may compare UTC days or the machine's local days alike.

A command run in a child process reads its own clock: ``tests.cli_runs.cli_in_child(..., at=MIDDAY)`` pins it the
same way (``tests/pinned_main.py``).
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

# The day the run started on, in UTC, taken once: every module using it shares it.
TODAY: date = datetime.now(UTC).date()
MIDDAY: datetime = datetime.combine(TODAY, time(12), tzinfo=UTC)


def running_from(start: datetime) -> Callable[[], datetime]:
    """A clock that reads ``start`` now and runs on from there with real time (so instants still differ)."""
    began = _time.monotonic()
    return lambda: start + timedelta(seconds=_time.monotonic() - began)


def pin(monkeypatch, start: datetime = MIDDAY) -> None:
    """Pin the application's clock to ``start`` (aware), running on from there, for this test."""
    from domain.kernel import clock

    monkeypatch.setattr(clock, "now", running_from(start.astimezone(UTC)))
