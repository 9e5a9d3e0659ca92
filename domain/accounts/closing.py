"""Closing and reopening months (月结), and the list of months with their state and events.

The rules:

* Only a month that has ended can be closed (a manager's right, ``Permission.PERIOD_CLOSE``). Closing a month
  closes every earlier month that is still open with it, each with its own event, so the closed months are
  always a prefix of time (``domain.accounts.periods``). The earliest month it closes is the one after the latest
  closed month or, when none is closed, the month of the earliest dated record (a movement, an open item), so
  every month with figures gets its close recorded.
* Closing a month freezes its figures for the reports (``PeriodRepository.freeze``): each product × warehouse's
  quantity and value after its last movement before the month's end, and each partner's balance per side over
  the items dated in it or before. A month closed again after a reopen is frozen again.
* Only the latest closed month can be reopened, by an admin (``Permission.PERIOD_REOPEN``) who gives a reason;
  the event keeps who, when and why. A reopened month keeps what it froze until it is closed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.periods import Period
from domain.accounts.periods import PeriodEvent
from domain.accounts.periods import last_day
from domain.accounts.periods import month_of
from domain.accounts.periods import months_between
from domain.accounts.periods import next_month
from domain.accounts.periods import opens_at
from domain.accounts.periods import parse_month
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.refusals import refusal

CLOSE, REOPEN = "close", "reopen"


@dataclass(frozen=True)
class CloseMonth:
    month: str  # "YYYY-MM"


@dataclass(frozen=True)
class ReopenMonth:
    month: str
    reason: str


@dataclass(frozen=True)
class MonthState:
    """One month as the list shows it: closed or open, who closed it and when, and its closes and reopens."""

    month: str
    closed: bool
    closed_at: datetime | None
    closed_by: str
    events: tuple[PeriodEvent, ...]
    closable: bool  # ended and open: "Close month" may take it


def _month(value: object) -> str:
    month = parse_month(value)
    if month is None:
        raise BadInput("month", f"{value!r} is not a month; use YYYY-MM such as 2026-11",
                       code="not_a_month", values=(repr(value),))
    return month


def close_month(uow, c: CloseMonth, *, now: datetime | None = None) -> list[str]:
    """Close ``c.month`` and every earlier open month; freeze their figures.

    Args:
        uow: the unit of work; opened and committed here.
        c: the month to close.
        now: the present moment (tests pass one); the month must have ended by then, in local time.

    Returns:
        The months closed, oldest first.

    Raises:
        BadInput: the month is not ``YYYY-MM``.
        Forbidden: the acting user is not a manager or admin.
        RuleViolation: the month has not ended (``period_not_ended``) or is closed already
            (``period_already_closed``).
    """
    month = _month(c.month)
    now = now or clock.now()
    with uow:
        require(uow, Permission.PERIOD_CLOSE)
        today = now.astimezone().date()
        if last_day(month) >= today:
            raise refusal(RuleViolation, "period_not_ended", month=month, first=next_month(month) + "-01")
        through = uow.periods.closed_through()
        if through is not None and month_of(through) >= month:
            raise refusal(RuleViolation, "period_already_closed", month=month, through=month_of(through))
        if through is not None:
            first = next_month(month_of(through))
        else:
            earliest = uow.periods.earliest()
            first = min(month_of(earliest), month) if earliest is not None else month
        months = months_between(first, month)
        for m in months:
            was = uow.periods.get(m)
            version = was.version + 1 if was is not None else 1
            uow.periods.save(Period(m, True, now, uow.user, version))
            uow.periods.add_event(PeriodEvent(new_id(), m, CLOSE, uow.user, "", now, uow.device_id))
            end = last_day(m)
            uow.periods.freeze(m, opens_at(end), end)
        uow.periods.forget()
        uow.commit()
    return months


def reopen_month(uow, c: ReopenMonth, *, now: datetime | None = None) -> str:
    """Reopen ``c.month``, the latest closed month, for ``c.reason``.

    Raises:
        BadInput: the month is not ``YYYY-MM``, or no reason is given.
        Forbidden: the acting user is not an admin.
        RuleViolation: the month is not closed (``period_not_closed``) or a later one is (``period_not_latest``).
    """
    month = _month(c.month)
    reason = v.text("reason", c.reason, max_len=limits.REASON)
    now = now or clock.now()
    with uow:
        require(uow, Permission.PERIOD_REOPEN)
        through = uow.periods.closed_through()
        if through is None or month > month_of(through):
            raise refusal(RuleViolation, "period_not_closed", month=month)
        if month < month_of(through):
            raise refusal(RuleViolation, "period_not_latest", month=month, latest=month_of(through))
        was = uow.periods.get(month) or Period(month, True)
        uow.periods.save(replace(was, closed=False, closed_at=None, closed_by="", version=was.version + 1))
        uow.periods.add_event(PeriodEvent(new_id(), month, REOPEN, uow.user, reason, now, uow.device_id))
        uow.periods.forget()
        uow.commit()
    return month


def held_through(held, month: str) -> list:
    """This desk's held (unposted) documents dated in ``month`` or before, oldest first: once ``month`` is closed,
    posting them as dated is refused, so the close warns about them first.

    Args:
        held: the desk's held documents (``domain.stock.held.HeldDocuments``); read here, off the GUI thread.
        month: ``YYYY-MM``, the month to be closed (every earlier open month closes with it).
    """
    end = last_day(_month(month))
    return sorted((d for d in held.list() if d.business_date is not None and d.business_date <= end),
                  key=lambda d: (d.business_date, d.kind, d.reference))


def list_months(uow, *, now: datetime | None = None) -> list[MonthState]:
    """Every month from the earliest with a row or dated record to the present one, newest first.

    A month before the latest closed one without a row of its own (nothing was dated in it when it was closed)
    is shown closed, as the prefix rule makes it; it has no events.
    """
    now = now or clock.now()
    current = month_of(now.astimezone().date())
    with uow:
        rows = {p.month: p for p in uow.periods.all()}
        events: dict[str, list[PeriodEvent]] = {}
        for e in uow.periods.events():
            events.setdefault(e.month, []).append(e)
        through = uow.periods.closed_through()
        earliest = uow.periods.earliest()
    starts = [m for m in (min(rows, default=None), earliest and month_of(earliest)) if m]
    first = min(starts) if starts else current
    latest = month_of(through) if through is not None else None
    result = []
    for m in reversed(months_between(first, max(current, max(rows, default=current)))):
        row = rows.get(m)
        closed = latest is not None and m <= latest
        result.append(MonthState(m, closed, row.closed_at if row and closed else None,
                                 row.closed_by if row and closed else "", tuple(events.get(m, ())),
                                 not closed and m < current))
    return result
