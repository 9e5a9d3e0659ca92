"""Customers slipping away: each customer's own ordering rhythm, and who is overdue against it.

Pure computation over facts read in one pass (``persistence/sales/churn.py``):

* **An order** is a confirmed sales order (any state but draft; its value the ordered quantities at their net prices)
  or a counter sale (a sales document not against an order, not reversed; its revenue). Orders of one customer on
  the same day count as one visit, their values added.
* **The rhythm**: the median number of days between a customer's visits, and its typical basket (the median visit
  value). A customer needs at least ``MIN_ORDERS`` visits to have one.
* **At risk**: the days since the last visit exceed ``OVERDUE_FACTOR`` × the median interval. The orders it has
  missed since are ⌊days since ÷ median interval⌋ (at least 1); the **value at risk** is the typical basket × that,
  and the list is ranked by it (then by how far past the rhythm).
* **Why**: what went wrong for the customer from ``WINDOW_DAYS`` before its last visit until now: order lines cut or
  cancelled short, demand recorded as unfilled for it (a lost sale), and lines still waiting past their requested
  date (a backorder); a cut line's own unfilled-demand record is not counted again. ``reason_text`` says it in
  words (English; the window translates ``Reason`` itself).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from domain.kernel.numbers import ZERO

MIN_ORDERS = 3
OVERDUE_FACTOR = Decimal("1.5")
WINDOW_DAYS = 60  # how far before the last visit a shortfall still explains the silence
HISTORY_DAYS = 730  # how far back the rhythm is read
WAIT_DAYS = 7  # an open line without a requested date is a backorder after this many days

CUT, LOST, WAITING = "cut", "lost", "waiting"


@dataclass(frozen=True)
class CustomerFact:
    id: str
    code: str
    name: str
    phone: str = ""
    contact: str = ""


@dataclass(frozen=True)
class OrderFact:
    customer_id: str
    ref: str  # SO-… or the counter sale's SD-…
    at: datetime
    on: date  # the local day
    value: Decimal


@dataclass(frozen=True)
class ShortFact:
    """A line the customer did not get: ``kind`` ``cut`` (cut or cancelled on its order), ``lost`` (unfilled demand
    recorded for it) or ``waiting`` (still open past its requested date)."""

    customer_id: str
    kind: str
    on: date
    ref: str
    sku: str
    qty: Decimal


@dataclass(frozen=True)
class ChurnFacts:
    as_of: date
    customers: tuple[CustomerFact, ...]
    orders: tuple[OrderFact, ...]
    shorts: tuple[ShortFact, ...]


@dataclass(frozen=True)
class Rhythm:
    customer: CustomerFact
    visits: int
    first: date
    last: date
    median_days: Decimal  # between visits
    basket: Decimal  # the median visit value


@dataclass(frozen=True)
class Reason:
    """Why a customer is on the list, as data: the rhythm broken, and the shortfalls before it."""

    days_since: int
    median_days: Decimal
    visits: int
    cut: int
    lost: int
    waiting: int
    window_days: int

    @property
    def short_lines(self) -> int:
        return self.cut + self.lost + self.waiting


@dataclass(frozen=True)
class AtRisk:
    rhythm: Rhythm
    days_since: int
    missed: int
    value_at_risk: Decimal
    revenue_90: Decimal  # what it ordered in the 90 days up to its last visit
    reason: Reason
    shorts: tuple[ShortFact, ...]

    @property
    def customer(self) -> CustomerFact:
        return self.rhythm.customer

    @property
    def overdue_ratio(self) -> Decimal:
        return Decimal(self.days_since) / self.rhythm.median_days


def rhythms(facts: ChurnFacts) -> list[Rhythm]:
    """The rhythm of every customer with at least ``MIN_ORDERS`` visits, by code."""
    visits = _visits(facts.orders)
    out = []
    for c in sorted(facts.customers, key=lambda c: c.code):
        days = visits.get(c.id)
        if days is None or len(days) < MIN_ORDERS:
            continue
        ordered = sorted(days)
        gaps = [(b - a).days for a, b in zip(ordered, ordered[1:], strict=False)]
        out.append(Rhythm(c, len(ordered), ordered[0], ordered[-1], _median([Decimal(g) for g in gaps]),
                          _median([days[d] for d in ordered])))
    return out


def at_risk(facts: ChurnFacts, *, factor: Decimal = OVERDUE_FACTOR, window_days: int = WINDOW_DAYS) -> list[AtRisk]:
    """The customers overdue against their rhythm, the largest value at risk first."""
    visits = _visits(facts.orders)
    shorts: dict[str, list[ShortFact]] = {}
    for s in _once(facts.shorts):
        shorts.setdefault(s.customer_id, []).append(s)
    out = []
    for r in rhythms(facts):
        days_since = (facts.as_of - r.last).days
        if r.median_days <= 0 or days_since <= factor * r.median_days:
            continue
        missed = max(1, int(Decimal(days_since) / r.median_days))
        since = r.last - timedelta(days=window_days)
        own = tuple(sorted((s for s in shorts.get(r.customer.id, ()) if since <= s.on <= facts.as_of),
                           key=lambda s: (s.on, s.ref, s.sku)))
        count = {k: sum(1 for s in own if s.kind == k) for k in (CUT, LOST, WAITING)}
        reason = Reason(days_since, r.median_days, r.visits, count[CUT], count[LOST], count[WAITING], window_days)
        recent = r.last - timedelta(days=90)
        revenue_90 = sum((v for d, v in visits[r.customer.id].items() if d > recent), ZERO)
        out.append(AtRisk(r, days_since, missed, r.basket * missed, revenue_90, reason, own))
    out.sort(key=lambda a: (-a.value_at_risk, -a.overdue_ratio, a.customer.code))
    return out


def reason_text(reason: Reason) -> str:
    """The reason in English words."""
    text = (f"ordered every {days_text(reason.median_days)} days (median of {reason.visits} orders), "
            f"nothing for {reason.days_since} days")
    if not reason.short_lines:
        return text
    parts = [f"{n} {what}" for n, what in ((reason.cut, "cut"), (reason.lost, "lost sale" if reason.lost == 1
                                                                    else "lost sales"),
                                             (reason.waiting, "waiting")) if n]
    lines = "line" if reason.short_lines == 1 else "lines"
    return (f"had {reason.short_lines} short-shipped {lines} in the {reason.window_days} days before going quiet "
            f"({', '.join(parts)}); {text}")


def _once(shorts: Iterable[ShortFact]) -> list[ShortFact]:
    """The shortfalls, each once: cutting an order's line records its quantity as unfilled demand too (under the
    order's number), which is the same line short, not a second one."""
    shorts = list(shorts)
    cut = {(s.customer_id, s.ref, s.sku) for s in shorts if s.kind == CUT}
    return [s for s in shorts if s.kind != LOST or (s.customer_id, s.ref, s.sku) not in cut]


def days_text(value: Decimal) -> str:
    """A number of days as it is said: 14, 14.5."""
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"


def _visits(orders: Iterable[OrderFact]) -> dict[str, dict[date, Decimal]]:
    out: dict[str, dict[date, Decimal]] = {}
    for o in orders:
        days = out.setdefault(o.customer_id, {})
        days[o.on] = days.get(o.on, ZERO) + o.value
    return out


def _median(values: Sequence) -> Decimal:
    return Decimal(statistics.median(values)) if values else ZERO
