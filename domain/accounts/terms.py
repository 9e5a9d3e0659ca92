"""Due dates from a partner's payment terms (``payment_basis`` and ``payment_days``).

* ``net``: the document's date + ``payment_days`` (30 days net);
* ``month_end``: the last day of the document's month + ``payment_days`` (月结30天: goods of 14 November are due
  30 days after 30 November, on 30 December);
* ``cod``: due on the document's date (cash on delivery), whatever ``payment_days`` says.
"""

from __future__ import annotations

import calendar
from datetime import date
from datetime import timedelta

from domain.accounts.model import Terms

BASES = ("net", "month_end", "cod")


def due_date(terms: Terms, on: date) -> date:
    """The day an item dated ``on`` falls due under ``terms`` (an unknown basis counts as ``net``).

    Args:
        terms: the partner's basis and days (days below 0 count as 0).
        on: the item's business date.

    Returns:
        The due date.
    """
    days = max(0, int(terms.days or 0))
    if terms.basis == "cod":
        return on
    if terms.basis == "month_end":
        end = date(on.year, on.month, calendar.monthrange(on.year, on.month)[1])
        return _add(end, days)
    return _add(on, days)


def _add(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max
