"""A supplier's scorecard: how it delivers against its purchase orders over a period.

Pure computation over facts read in one pass (``persistence/purchasing/scorecard.py``):

* **On time**: each receipt against a PO that promised a date (``expected_on``), one receipt being the PO's goods
  received at one moment; on time when it arrived on or before the promised day. ``days_late`` is the mean of the
  late ones' days past the promise.
* **Lead time**: what planning learns (``domain.planning.terms.learned_lead_time``): the days from each PO's issue to
  its first receipt of each product, their mean and sample standard deviation once there are at least
  ``MIN_LEAD_OBSERVATIONS`` of this supplier, else the supplier's stated lead time with no spread (``source``
  says which).
* **Fill rate**: of the PO lines that should be complete (the PO received or closed, or still open past its promised
  date), received ÷ ordered in stock units; a line's over-delivery is capped at its order so that it does not hide
  another line's shortfall. ``short_lines`` counts the lines that got less than ordered.
* **Price trend**: per product, the unit price (per stock unit, in the PO's currency) of each PO that received it,
  by issue date; first vs last, and the series.
* **Returns to supplier**: returns (``PR-`` documents, not reversed) in the period, their count and value at cost, and
  that value's share of what was received from the supplier in the period (PO receipts and receipt documents
  naming it).

The month series (``months``) gives on-time rate and mean lead time per calendar month of receipt, for a chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.planning.model import TermOption
from domain.planning.terms import LeadTime
from domain.planning.terms import learned_lead_time

DEFAULT_DAYS = 365  # the period when none is given: the year up to today
PAST_DUE_STATES = ("issued", "partly_received")
COMPLETE_STATES = ("received", "closed")


@dataclass(frozen=True)
class SupplierFact:
    id: str
    code: str
    name: str
    currency: str
    lead_time_days: int


@dataclass(frozen=True)
class PoLineFact:
    """One line of an issued PO. ``unit_price`` per stock unit in ``currency``."""

    supplier_id: str
    po_number: str
    state: str
    issued_at: datetime
    expected_on: date | None
    product_id: str
    sku: str
    ordered: Decimal
    received: Decimal
    unit_price: Decimal
    currency: str


@dataclass(frozen=True)
class ReceiptFact:
    """Goods received from a supplier (not reversed): against a PO (``po_number``, with its issue and promise) or by a
    receipt document naming the supplier (``po_number`` blank). ``value`` at cost in the company currency."""

    supplier_id: str
    po_number: str
    issued_at: datetime | None
    expected_on: date | None
    product_id: str
    received_at: datetime
    received_on: date  # the local day it arrived
    qty: Decimal
    value: Decimal


@dataclass(frozen=True)
class ReturnFact:
    supplier_id: str
    number: str
    returned_on: date
    qty: Decimal
    value: Decimal  # at cost, company currency, positive


@dataclass(frozen=True)
class ScorecardFacts:
    start: date
    end: date
    suppliers: tuple[SupplierFact, ...]
    lines: tuple[PoLineFact, ...]
    receipts: tuple[ReceiptFact, ...]
    returns: tuple[ReturnFact, ...]


@dataclass(frozen=True)
class PricePoint:
    on: date
    po_number: str
    unit_price: Decimal


@dataclass(frozen=True)
class PriceTrend:
    product_id: str
    sku: str
    currency: str
    first: Decimal
    last: Decimal
    points: tuple[PricePoint, ...]

    @property
    def change(self) -> Decimal | None:
        """(last − first) ÷ first, None when the first price was 0."""
        return None if not self.first else (self.last - self.first) / self.first


@dataclass(frozen=True)
class MonthPoint:
    month: str  # YYYY-MM
    receipts: int
    on_time: int
    lead_days: float | None  # mean of the first receipts that month

    @property
    def on_time_rate(self) -> Decimal | None:
        return _rate(Decimal(self.on_time), Decimal(self.receipts))


@dataclass(frozen=True)
class Scorecard:
    supplier_id: str
    code: str
    name: str
    currency: str
    receipts: int  # receipts against a PO with a promised date
    on_time: int
    days_late: float | None  # the late receipts' mean days past the promise
    lead_time: LeadTime
    lines_due: int
    ordered: Decimal
    filled: Decimal
    short_lines: int
    prices: tuple[PriceTrend, ...]
    returns: int
    returned_qty: Decimal
    returned_value: Decimal
    received_value: Decimal
    months: tuple[MonthPoint, ...]

    @property
    def on_time_rate(self) -> Decimal | None:
        return _rate(Decimal(self.on_time), Decimal(self.receipts))

    @property
    def fill_rate(self) -> Decimal | None:
        return _rate(self.filled, self.ordered)

    @property
    def returns_share(self) -> Decimal | None:
        return _rate(self.returned_value, self.received_value)


def _rate(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else part / whole


def check_period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The period asked for: ``end`` defaults to today, ``start`` to ``DEFAULT_DAYS`` before ``end``."""
    from datetime import timedelta

    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise BadInput("--from", f"{start.isoformat()} is after --to ({end.isoformat()}); give a --from date on or "
                                 f"before the --to date")
    return start, end


def scorecards(facts: ScorecardFacts) -> list[Scorecard]:
    """Every supplier's scorecard for the facts' period, by supplier code."""
    lines = _by(facts.lines)
    receipts = _by(facts.receipts)
    returns = _by(facts.returns)
    return [_scorecard(s, facts, lines.get(s.id, []), receipts.get(s.id, []), returns.get(s.id, []))
            for s in sorted(facts.suppliers, key=lambda s: s.code)]


def _by(items: Iterable) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in items:
        out.setdefault(item.supplier_id, []).append(item)
    return out


def _scorecard(s: SupplierFact, facts: ScorecardFacts, lines: Sequence[PoLineFact], receipts: Sequence[ReceiptFact],
               returns: Sequence[ReturnFact]) -> Scorecard:
    in_period = [r for r in receipts if facts.start <= r.received_on <= facts.end]
    # on time: one receipt = a PO's goods received at one moment
    events: dict[tuple[str, datetime], ReceiptFact] = {}
    for r in in_period:
        if r.po_number and r.expected_on is not None:
            events.setdefault((r.po_number, r.received_at), r)
    late_days = [(r.received_on - r.expected_on).days for r in events.values() if r.received_on > r.expected_on]
    # lead time: issue → first receipt of each PO × product, as planning counts it
    first: dict[tuple[str, str], ReceiptFact] = {}
    for r in receipts:
        if r.po_number and r.issued_at is not None and r.received_at >= r.issued_at:
            key = (r.po_number, r.product_id)
            if key not in first or r.received_at < first[key].received_at:
                first[key] = r
    firsts = [r for r in first.values() if facts.start <= r.received_on <= facts.end]
    observed = {(s.id, "*"): [_days(r) for r in firsts]}
    terms = TermOption(s.id, s.code, "", ZERO, ZERO, ZERO, Decimal(1), s.lead_time_days, False, s.currency)
    lead = learned_lead_time(terms, observed)
    # fill: the lines that should be complete by the period's end
    due = [ln for ln in lines if _due(ln, facts.end) and facts.start <= (ln.expected_on or ln.issued_at.date())]
    ordered = sum((ln.ordered for ln in due), ZERO)
    filled = sum((min(ln.received, ln.ordered) for ln in due), ZERO)
    short = sum(1 for ln in due if ln.received < ln.ordered)
    own_returns = [r for r in returns if facts.start <= r.returned_on <= facts.end]
    return Scorecard(
        supplier_id=s.id, code=s.code, name=s.name, currency=s.currency, receipts=len(events),
        on_time=len(events) - len(late_days), days_late=sum(late_days) / len(late_days) if late_days else None,
        lead_time=lead, lines_due=len(due), ordered=ordered, filled=filled, short_lines=short,
        prices=_prices(lines, facts), returns=len({r.number for r in own_returns}),
        returned_qty=sum((r.qty for r in own_returns), ZERO),
        returned_value=sum((r.value for r in own_returns), ZERO),
        received_value=sum((r.value for r in in_period), ZERO),
        months=_months(events.values(), firsts))


def _days(r: ReceiptFact) -> float:
    return (r.received_at - r.issued_at).total_seconds() / 86400


def _due(line: PoLineFact, end: date) -> bool:
    if line.state in COMPLETE_STATES:
        return True
    return line.state in PAST_DUE_STATES and line.expected_on is not None and line.expected_on < end


def _prices(lines: Sequence[PoLineFact], facts: ScorecardFacts) -> tuple[PriceTrend, ...]:
    paid: dict[str, list[PoLineFact]] = {}
    for ln in lines:
        if ln.received > 0 and facts.start <= ln.issued_at.date() <= facts.end:
            paid.setdefault(ln.product_id, []).append(ln)
    out = []
    for product_id, own in paid.items():
        own.sort(key=lambda ln: (ln.issued_at, ln.po_number))
        currency = own[-1].currency  # a supplier that changed currency: compare the prices in its latest one
        points = tuple(PricePoint(ln.issued_at.date(), ln.po_number, ln.unit_price) for ln in own
                       if ln.currency == currency)
        out.append(PriceTrend(product_id, own[-1].sku, currency, points[0].unit_price, points[-1].unit_price,
                              points))
    return tuple(sorted(out, key=lambda p: p.sku))


def _months(events: Iterable[ReceiptFact], firsts: Sequence[ReceiptFact]) -> tuple[MonthPoint, ...]:
    counts: dict[str, list[int]] = {}
    for r in events:
        c = counts.setdefault(r.received_on.strftime("%Y-%m"), [0, 0])
        c[0] += 1
        c[1] += r.received_on <= r.expected_on
    leads: dict[str, list[float]] = {}
    for r in firsts:
        leads.setdefault(r.received_on.strftime("%Y-%m"), []).append(_days(r))
    months = sorted(set(counts) | set(leads))
    return tuple(MonthPoint(m, *counts.get(m, [0, 0]), (sum(leads[m]) / len(leads[m])) if m in leads else None)
                 for m in months)
