"""The period close (月结): which months are closed, and the one check every posting makes.

A closed month is a prefix of time: closing a month closes every earlier month with it, and only the latest closed
month can be reopened, so "closed" always means "on or before the last day of the latest closed month". Every
path that writes something dated (the stock ledger, sales and purchasing documents, open items, allocations) asks
``ensure_open`` for that date first; the refusal names the month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Protocol

from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodRepository(Protocol):
    def closed_through(self) -> date | None:
        """The last day of the latest closed month, or None when no month is closed."""
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


def is_closed(closed_through: date | None, day: date) -> bool:
    return closed_through is not None and day <= closed_through


def ensure_open(uow, day: date, *, what: str = "") -> None:
    """Refuse (``period_closed``) anything dated ``day`` when its month is closed.

    Args:
        uow: an entered unit of work (its ``periods`` repository).
        day: the business date of what is about to be written.
        what: the document or item refused ("SD-2026-00012"), kept in the refusal's params; may be empty.
    """
    through = uow.periods.closed_through()
    if is_closed(through, day):
        raise refusal(RuleViolation, "period_closed", day=day.isoformat(), month=month_of(day),
                      through=month_of(through), what=what)
