"""The period close (月结): which months are closed, and the one check every posting makes.

A closed month is a prefix of time: closing a month closes every earlier month with it, and only the latest closed
month can be reopened, so "closed" always means "on or before the last day of the latest closed month". Every
path that writes something dated (the stock ledger, sales and purchasing documents, open items, allocations) asks
``ensure_open`` for that date first; the refusal names the month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Protocol

from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A month's row in ``periods``: whether it is closed now, and by whom and when it was last closed."""

    month: str
    closed: bool = False
    closed_at: datetime | None = None
    closed_by: str = ""
    version: int = 1


@dataclass(frozen=True)
class PeriodEvent:
    """One close or reopen of a month (``period_events``): who, when and, for a reopen, why."""

    id: str
    month: str
    action: str  # "close" or "reopen"
    user: str
    reason: str
    at: datetime
    device_id: str = ""


class PeriodRepository(Protocol):
    def closed_through(self) -> date | None:
        """The last day of the latest closed month, or None when no month is closed."""
        ...

    def open_from(self) -> datetime | None:
        """The first instant (UTC) after the closed months (``opens_at(closed_through())``), read once per unit of
        work like ``closed_through``: what the ledger compares each movement's time with."""
        ...

    def forget(self) -> None:
        """Read the closed months again at the next check."""
        ...

    def all(self) -> list[Period]:
        """Every month that has a row, oldest first."""
        ...

    def get(self, month: str) -> Period | None: ...

    def save(self, period: Period) -> None:
        """Insert or replace the row of ``period.month``."""
        ...

    def add_event(self, event: PeriodEvent) -> None: ...

    def events(self) -> list[PeriodEvent]:
        """Every close and reopen, in the order they happened."""
        ...

    def earliest(self) -> date | None:
        """The earliest business date of anything dated the close covers (a movement, in local time; an open
        item), or None when there is nothing yet."""
        ...

    def freeze(self, month: str, until: datetime, through: date) -> None:
        """Write what a close of ``month`` freezes, replacing what an earlier close of it froze: each product ×
        warehouse's quantity and value after its last movement before ``until`` (``period_stock``), and each
        partner's balance per side over the items dated on or before ``through`` (``period_balances``)."""
        ...


def month_of(day: date) -> str:
    """The month a date falls in, as the periods name it: ``2026-11``."""
    return f"{day.year:04d}-{day.month:02d}"


def last_day(month: str) -> date:
    """The last day of a month named ``YYYY-MM`` (assumed well-formed: see ``parse_month``)."""
    year, mon = int(month[:4]), int(month[5:7])
    return date(year, mon, calendar.monthrange(year, mon)[1])


def parse_month(value: object) -> str | None:
    """``YYYY-MM`` (a month from 1970-01 to 9999-12) in its normal form, or None if ``value`` names none."""
    m = MONTH.match(str(value).strip()) if value is not None else None
    if m is None or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1970:
        return None
    return f"{m.group(1)}-{m.group(2)}"


def next_month(month: str) -> str:
    """The month after ``month`` (``2026-12`` → ``2027-01``)."""
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """``first`` to ``last``, both included, in order (empty when ``first`` is later)."""
    result = []
    while first <= last:
        result.append(first)
        first = next_month(first)
    return result


def opens_at(through: date | None) -> datetime | None:
    """The first instant after the closed months: midnight, local time, of the day after ``through`` (in UTC).

    A movement's business date is its time in local time (as documents date themselves), so a movement is in a
    closed month exactly when its time is earlier than this instant.
    """
    if through is None:
        return None
    return datetime.combine(through + timedelta(days=1), time()).astimezone(UTC)


def is_closed(closed_through: date | None, day: date) -> bool:
    return closed_through is not None and day <= closed_through


def closed(day: date, through: date, what: str = ""):
    """The refusal (``period_closed``) of something dated ``day`` on or before ``through``."""
    return refusal(RuleViolation, "period_closed", day=day.isoformat(), month=month_of(day),
                   through=month_of(through), what=what)


def ensure_open(uow, day: date, *, what: str = "") -> None:
    """Refuse (``period_closed``) anything dated ``day`` when its month is closed.

    Args:
        uow: an entered unit of work (its ``periods`` repository).
        day: the business date of what is about to be written.
        what: the document or item refused ("SD-2026-00012"), kept in the refusal's params; may be empty.
    """
    through = uow.periods.closed_through()
    if is_closed(through, day):
        raise closed(day, through, what)


def ensure_open_at(uow, at: datetime, *, what: str = "") -> None:
    """``ensure_open`` for a moment (a movement's time): one comparison with ``open_from`` while it is open."""
    opens = uow.periods.open_from()
    if opens is not None and at < opens:
        raise closed(at.astimezone().date(), uow.periods.closed_through(), what)
