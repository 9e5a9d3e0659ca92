"""Ageing (账龄): open amounts by days overdue at an as-of date, in five bands.

``current`` is not yet due (due on or after the as-of date, or no due date); then 1–30, 31–60, 61–90 and over 90
days overdue. Only + items age; unallocated credit (the open − items) is shown beside the bands, and the balance is
the bands' sum less the credit. ``persistence.accounts.queries`` computes the same in SQL, for every partner at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.accounts.model import OpenItem
from domain.kernel.numbers import ZERO

BANDS = ("current", "d1_30", "d31_60", "d61_90", "over_90")


def days_overdue(due_on: date | None, as_of: date) -> int:
    """Days past the due date at ``as_of`` (0 when not due, or no due date)."""
    if due_on is None or due_on >= as_of:
        return 0
    return (as_of - due_on).days


def band(due_on: date | None, as_of: date) -> str:
    """The band of an item due ``due_on`` at ``as_of``: one of ``BANDS``."""
    days = days_overdue(due_on, as_of)
    if days == 0:
        return "current"
    if days <= 30:
        return "d1_30"
    if days <= 60:
        return "d31_60"
    if days <= 90:
        return "d61_90"
    return "over_90"


@dataclass(frozen=True)
class Ageing:
    """Open amounts per band, the credit beside them, and the balance (Σ bands − credit)."""

    current: Decimal = ZERO
    d1_30: Decimal = ZERO
    d31_60: Decimal = ZERO
    d61_90: Decimal = ZERO
    over_90: Decimal = ZERO
    credit: Decimal = ZERO

    @property
    def overdue(self) -> Decimal:
        return self.d1_30 + self.d31_60 + self.d61_90 + self.over_90

    @property
    def balance(self) -> Decimal:
        return self.current + self.overdue - self.credit


def age(items: Iterable[OpenItem], as_of: date) -> Ageing:
    """The ageing of one partner's open items at ``as_of``.

    Args:
        items: its open items, + and − (those with nothing open add nothing).
        as_of: the day the days overdue are counted at.
    """
    sums = dict.fromkeys(BANDS, ZERO)
    credit = ZERO
    for x in items:
        if x.item.amount > 0:
            sums[band(x.item.due_on, as_of)] += x.open
        else:
            credit += x.open
    return Ageing(**sums, credit=credit)
