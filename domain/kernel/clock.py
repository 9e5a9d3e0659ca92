"""The wall clock the application reads: every "now" and "today" of the domain and the storage comes from here.

One place, so that a test can move the clock (``tests/clock.py``) and a run that crosses midnight, or starts on a
month's last day, sees the same day in the test and in the application. ``now`` is an aware UTC instant; ``today``
the local business date (the machine's time zone), as ``date.today()`` gives it.
"""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime


def now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in the machine's time zone."""
    return now().astimezone().date()
