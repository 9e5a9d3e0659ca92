"""Ageing (账龄): open amounts by days overdue at an as-of date, in five bands; or as the office chose (``Scheme``):
by the due date or by the document's date, in bands whose ends it sets (30/60/90/180).

``current`` is not yet due (due on or after the as-of date, or no due date); then 1–30, 31–60, 61–90 and over 90
days overdue. Only + items age; unallocated credit (the open − items) is shown beside the bands, and the balance is
the bands' sum less the credit. ``persistence.accounts.queries`` computes the same in SQL, for every partner at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.accounts.model import OpenItem
from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import ascii_number

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


# -- the office's choice: age by the due date or by the document's date, in bands of its own --------------------


class Basis(StrEnum):
    DUE = "due"  # days overdue: not yet due is ``current``, then the bands past the due date
    DATE = "date"  # days since the document's (invoice's) date, due or not


BASIS_KEY = "accounts.ageing_basis"  # the office settings that keep the choice (``persistence.office``)
BANDS_KEY = "accounts.ageing_bands"
DEFAULT_BOUNDS = (30, 60, 90)
MOST_BOUNDS = 8
MOST_DAYS = 3650


@dataclass(frozen=True)
class Scheme:
    """How a list ages its open amounts: on which date, and where its bands end (days, ascending).

    With the due date and bounds (30, 60, 90) the bands are current (not yet due), 1–30, 31–60, 61–90 and over 90
    days overdue, as ``band`` counts them; with the document's date they are 0–30, 31–60, 61–90 and over 90 days
    since it. Only + items age; credit stays beside the bands.
    """

    basis: Basis = Basis.DUE
    bounds: tuple[int, ...] = DEFAULT_BOUNDS

    def ranges(self) -> list[tuple[int | None, int | None]]:
        """Each band's (first, last) day: (None, None) for current, (91, None) for over 90."""
        out: list[tuple[int | None, int | None]] = [(None, None)] if self.basis == Basis.DUE else []
        low = 1 if self.basis == Basis.DUE else 0
        for bound in self.bounds:
            out.append((low, bound))
            low = bound + 1
        out.append((low, None))
        return out

    def index(self, due_on: date | None, business_date: date, as_of: date) -> int:
        """The band of an item (due ``due_on``, dated ``business_date``) at ``as_of``: an index into ``ranges``."""
        if self.basis == Basis.DUE:
            days = days_overdue(due_on, as_of)
            if days == 0:
                return 0
        else:
            days = max(0, (as_of - business_date).days)
        first = 1 if self.basis == Basis.DUE else 0
        for i, bound in enumerate(self.bounds):
            if days <= bound:
                return first + i
        return first + len(self.bounds)

    def text(self) -> str:
        """The bounds as typed and stored: ``30/60/90``."""
        return "/".join(str(b) for b in self.bounds)


def parse_basis(text: str | None) -> Basis:
    """``due`` or ``date`` (also ``due-date``, ``invoice``, ``document``, 到期日, 单据日期); empty: the due date.

    Raises:
        BadInput ``ageing basis``: anything else.
    """
    word = (text or "").strip().lower().replace("_", "-")
    if word in ("", "due", "due-date", "到期日"):
        return Basis.DUE
    if word in ("date", "invoice", "invoice-date", "document", "document-date", "单据日期", "开票日期"):
        return Basis.DATE
    raise BadInput("ageing basis", f"{text!r} is not a basis; age by due (days past the due date) or date (days "
                                   f"since the document's date)", code="not_an_ageing_basis", values=(repr(text),))


def _digits(part: str) -> bool:
    """Whether ``part`` is whole days in digits, full-width ones too (``str.isdigit`` says so of ``²`` as well)."""
    try:
        return ascii_number(part).isdigit()
    except ValueError:
        return False


def parse_bounds(text: str | None) -> tuple[int, ...]:
    """The bands' ends from ``30/60/90/180`` (or commas, spaces); empty: 30/60/90.

    Raises:
        BadInput ``bands``: not whole days, not rising, below 1 or above 3650, or more than 8 of them.
    """
    parts = [p for p in (text or "").replace(",", "/").replace("，", "/").replace(" ", "/").split("/") if p]
    if not parts:
        return DEFAULT_BOUNDS
    hint = "give whole days, rising, separated by /, such as 30/60/90/180"
    if not all(_digits(p) for p in parts):
        raise BadInput("bands", f"{text!r} is not a list of days; {hint}", code="bands_not_days", values=(repr(text),))
    bounds = tuple(int(ascii_number(p)) for p in parts)
    if len(bounds) > MOST_BOUNDS:
        raise BadInput("bands", f"{text!r} has {len(bounds)} bands' ends; at most {MOST_BOUNDS}", code="bands_too_many",
                       values=(repr(text), str(len(bounds)), str(MOST_BOUNDS)))
    if any(not 1 <= b <= MOST_DAYS for b in bounds):
        raise BadInput("bands", f"{text!r}: each end is from 1 to {MOST_DAYS} days; {hint}", code="bands_out_of_range",
                       values=(repr(text), str(MOST_DAYS)))
    if any(b >= c for b, c in zip(bounds, bounds[1:], strict=False)):
        raise BadInput("bands", f"{text!r} does not rise; {hint}", code="bands_not_rising", values=(repr(text),))
    return bounds


def scheme_from(basis: str | None, bands: str | None) -> Scheme:
    """The scheme of what was typed or stored (see ``parse_basis`` and ``parse_bounds``)."""
    return Scheme(parse_basis(basis), parse_bounds(bands))


def age_in(items: Iterable[OpenItem], as_of: date, scheme: Scheme) -> tuple[Decimal, ...]:
    """One partner's open + items summed into ``scheme``'s bands at ``as_of`` (credit is not in them)."""
    sums = [ZERO] * len(scheme.ranges())
    for x in items:
        if x.item.amount > 0:
            sums[scheme.index(x.item.due_on, x.item.business_date, as_of)] += x.open
    return tuple(sums)
