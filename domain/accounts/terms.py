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
from domain.kernel import validate as v
from domain.kernel.errors import BadInput

BASES = ("net", "month_end", "cod")
PAYMENT_DAYS_MAX = 3650
# What a user may type for each basis (compared without case; "-", "_" and spaces alike).
BASIS_WORDS = {"net": "net", "monthend": "month_end", "month": "month_end", "月结": "month_end", "cod": "cod",
               "cashondelivery": "cod", "货到付款": "cod", "现结": "cod"}


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


def basis_value(value: object, field: str = "payment basis") -> str:
    """A payment basis as typed (``net``, ``month-end`` or 月结, ``cod`` or 货到付款) as stored: one of ``BASES``.

    Raises:
        BadInput: anything else, naming ``field`` and what is accepted.
    """
    text = str(value if value is not None else "").strip().lower()
    key = "".join(ch for ch in text if ch not in " -_")
    if key not in BASIS_WORDS:
        raise BadInput(field, f"{value!r} is not a payment basis; enter net (days after the document), month-end "
                              f"(days after the end of its month, 月结) or cod (due on the day)",
                       code="not_a_payment_basis", values=(repr(value),))
    return BASIS_WORDS[key]


def days_value(value: object, field: str = "payment days") -> int:
    """Payment days as typed: whole days from 0 to ``PAYMENT_DAYS_MAX``, or BadInput naming ``field``."""
    days = v.number(field, value, max_places=0)
    if days < 0 or days > PAYMENT_DAYS_MAX:
        raise BadInput(field, f"{value} is out of range; enter whole days from 0 to {PAYMENT_DAYS_MAX}",
                       code="lead_time_range", values=(value,))
    return int(days)
