"""The dashboard's figures (the first screen of an owner or a purchaser), computed from what the reads hand over.

Each figure is a pure function of facts read set-based (``persistence/reports/dashboard.py``), in exact Decimals:

* **Fill rate.** By quantity: of what customers asked for in the period (what left for them — sales and plain
  shipments, net of their reversals — plus what could not be served and was recorded as unfilled demand: a refused
  counter sale, a cut order line), the share shipped. By order line: of the confirmed order lines due in the period
  (the order's requested day, else the day it was confirmed; not later than today; cancelled orders left out), the
  share shipped complete by the end of their due day.
* **Stockout days.** Product × warehouse days ending at zero (or below) on hand, over the period up to today,
  counted for the pairs with demand (an issue or unfilled demand) in the period or the ``DEMAND_DAYS`` before it.
  The read hands the zero spells (from the day a movement left the pair at zero to the day of its next movement);
  ``stockout_days`` clips them to the period.
* **Lost sales value.** The unfilled demand of the period × the product's list (retail) price, or its last sale
  price when it has none.
* **Inventory value and its trend.** The value at the end of each day of the period: today's value less what
  moved in since (``value_series``).
* **Turnover and days of cover by category.** Cost of what was sold or shipped ÷ the average of the opening and
  closing value; days of cover = closing value ÷ the period's cost of goods issued per day.
* **Dead stock** (products with stock and no issue in the dead-stock days, a setting) and **excess stock** (a
  product × warehouse holding more than its cover target: the target days at the average daily issues of the last
  ``COVER_DAYS``, or more than its maximum level when it has one; valued at the average cost).
* **Open reorder alerts** by severity: the summary the last planning run stored (``domain.planning.alerts``), said
  out of date when the day moved on or the data it read changed; and **overdue receivables and payables** (the
  ageing).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from decimal import ROUND_HALF_UP
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.model import percent
from domain.reports.status import COVER_DAYS
from domain.reports.stock_summary import SummaryRow

DEMAND_DAYS = 90  # a pair had demand when something was issued or asked for in the period or these days before
DEAD_DAYS = 180  # the default of the dead-stock setting
COVER_TARGET_DAYS = 60  # the default cover target above which stock is excess
DEAD_DAYS_KEY = "dashboard.dead_days"
COVER_TARGET_KEY = "dashboard.cover_target_days"
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


class Span(enum.StrEnum):
    """What the period selector offers besides a custom period: the days up to today."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def _months_back(day: date, months: int) -> date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def period_of(span: Span | str, today: date) -> Period:
    """The ``span`` that ends with ``today``: 7 days, or since the same day one, three or twelve months ago.

    Args:
        span: a ``Span`` value ("week", "month", "quarter", "year").
        today: the last day of the period.

    Raises:
        BadInput: ``span`` is none of them.
    """
    try:
        span = Span(span)
    except ValueError:
        raise BadInput("--period", f"{span!r} is not a period; give week, month, quarter or year") from None
    if span == Span.WEEK:
        return Period(today - timedelta(days=6), today)
    months = {Span.MONTH: 1, Span.QUARTER: 3, Span.YEAR: 12}[span]
    return Period(_months_back(today, months) + timedelta(days=1), today)


# -- sales and margin this month ------------------------------------------------------------------------------------
def month_to_date(today: date) -> tuple[Period, Period]:
    """This month from its first day to ``today``, and the same days of last month (to its end when it is shorter):
    the sales and margin tiles compare the two."""
    first = today.replace(day=1)
    before_last = first - timedelta(days=1)
    before = Period(before_last.replace(day=1), before_last.replace(day=min(today.day, before_last.day)))
    return Period(first, today), before


def change_pct(now: Decimal, before: Decimal) -> Decimal | None:
    """``now`` against ``before`` in percent (+ up, − down), None when there was nothing before to compare with."""
    if before == ZERO:
        return None
    return percent(now - before, abs(before))


# -- fill rate -----------------------------------------------------------------------------------------------------
class FillFacts(NamedTuple):
    shipped: Decimal  # quantity shipped to customers in the period
    unfilled: Decimal  # quantity recorded as unfilled demand in the period
    lines_due: int  # confirmed order lines due in the period
    lines_on_time: int  # of them, shipped complete by the end of their due day


class FillRate(NamedTuple):
    qty_percent: Decimal | None  # None: nothing was asked for
    lines_percent: Decimal | None  # None: no line was due
    shipped: Decimal
    unfilled: Decimal
    lines_due: int
    lines_on_time: int


def fill_rate(f: FillFacts) -> FillRate:
    """The quantity fill rate and the order lines shipped complete and on time, as percentages to two places."""
    asked = f.shipped + f.unfilled
    return FillRate(percent(f.shipped, asked), percent(Decimal(f.lines_on_time), Decimal(f.lines_due)),
                    f.shipped, f.unfilled, f.lines_due, f.lines_on_time)


class LineDue(NamedTuple):
    """An order line due in the period, as its list shows it."""

    order: str
    customer: str
    sku: str
    warehouse: str
    due: date
    qty: Decimal
    shipped_on_time: Decimal

    @property
    def on_time(self) -> bool:
        return self.shipped_on_time >= self.qty


# -- stockout days -------------------------------------------------------------------------------------------------
class ZeroSpell(NamedTuple):
    """A pair at zero from the end of ``start`` (the day a movement left it at zero or below) until the day of its
    next movement (``until``, not counted; None: it still is)."""

    sku: str
    warehouse: str
    start: date
    until: date | None


class StockoutRow(NamedTuple):
    sku: str
    warehouse: str
    days: int
    out_now: bool


def stockout_days(spells: Iterable[ZeroSpell], period: Period, today: date) -> list[StockoutRow]:
    """Per pair, the days of ``period`` (up to ``today``) that ended at zero on hand, the most days first.

    Args:
        spells: the zero spells of the pairs with demand (see ``ZeroSpell``).
        period: the days counted.
        today: days after it have not ended yet and are not counted.
    """
    last = min(period.last, today)
    days: dict[tuple[str, str], int] = {}
    out: set[tuple[str, str]] = set()
    for s in spells:
        first = max(s.start, period.first)
        end = last + timedelta(days=1) if s.until is None else min(s.until, last + timedelta(days=1))
        n = (end - first).days
        if n > 0:
            key = (s.sku, s.warehouse)
            days[key] = days.get(key, 0) + n
        if s.until is None:
            out.add((s.sku, s.warehouse))
    rows = [StockoutRow(sku, wh, n, (sku, wh) in out) for (sku, wh), n in days.items()]
    return sorted(rows, key=lambda r: (-r.days, r.sku, r.warehouse))


# -- lost sales ----------------------------------------------------------------------------------------------------
class LostFacts(NamedTuple):
    sku: str
    name: str
    qty: Decimal  # unfilled in the period
    list_price: Decimal | None
    last_price: Decimal | None  # the last sale's net unit price


class LostRow(NamedTuple):
    sku: str
    name: str
    qty: Decimal
    price: Decimal | None
    source: str  # "list", "last sale" or "" (no price known: not valued)
    value: Decimal


def lost_sales(facts: Iterable[LostFacts]) -> list[LostRow]:
    """Each product's unfilled demand valued at its list price, else its last sale price, the most value first."""
    rows = []
    for f in facts:
        price, source = (f.list_price, "list") if f.list_price is not None else (f.last_price, "last sale")
        if price is None:
            source = ""
        value = ZERO if price is None else (f.qty * price).quantize(_CENT, ROUND_HALF_UP)
        rows.append(LostRow(f.sku, f.name, f.qty, price, source, value))
    return sorted(rows, key=lambda r: (-r.value, r.sku))


# -- inventory value -----------------------------------------------------------------------------------------------
def value_series(now_value: Decimal, changes: dict[date, Decimal], period: Period) -> list[tuple[date, Decimal]]:
    """The stock value at the end of each day of ``period``, from the value now and each day's net change.

    Args:
        now_value: the value of the stock now (after every movement).
        changes: per day, the sum of the values of the movements of that day, for every day from the period's
            first on (days after the period included, so that they are taken back out).
        period: the days wanted.
    """
    after = sum((v for d, v in changes.items() if d > period.last), ZERO)
    value = now_value - after
    out = []
    day = period.last
    while day >= period.first:
        out.append((day, value))
        value -= changes.get(day, ZERO)
        day -= timedelta(days=1)
    out.reverse()
    return out


# -- turnover by category ------------------------------------------------------------------------------------------
class Turnover(NamedTuple):
    category: str
    cost_of_issues: Decimal  # what was sold or shipped, at cost
    average_value: Decimal  # (opening + closing value) ÷ 2
    closing_value: Decimal
    turns: Decimal | None  # in the period, to two places; None: no stock
    cover_days: Decimal | None  # closing value ÷ cost of issues a day; None: nothing issued


def turnover(rows: Iterable[SummaryRow], period: Period) -> list[Turnover]:
    """Turnover and days of cover per category from the stock summary by category, the most cost first."""
    out = []
    for r in rows:
        cost = r.shown(Flow.SALE).value + r.shown(Flow.SHIPMENT).value
        average = ((r.opening.value + r.closing.value) / 2).quantize(_CENT, ROUND_HALF_UP)
        turns = None if average <= ZERO else (cost / average).quantize(_CENT, ROUND_HALF_UP)
        cover = None if cost <= ZERO else max(ZERO, r.closing.value * period.days / cost).quantize(_TENTH,
                                                                                                  ROUND_HALF_UP)
        out.append(Turnover(r.key, cost, average, r.closing.value, turns, cover))
    return sorted(out, key=lambda t: (-t.cost_of_issues, t.category))


# -- excess stock --------------------------------------------------------------------------------------------------
class HeldFacts(NamedTuple):
    """A product × warehouse with stock, what it issued in the last ``COVER_DAYS`` and its maximum level."""

    sku: str
    name: str
    warehouse: str
    on_hand: Decimal
    value: Decimal
    issued: Decimal
    max_level: Decimal | None


class ExcessRow(NamedTuple):
    sku: str
    name: str
    warehouse: str
    on_hand: Decimal
    target: Decimal  # the most it should hold
    excess: Decimal
    value: Decimal  # of the excess, at the pair's average cost


def excess_stock(facts: Iterable[HeldFacts], target_days: int) -> list[ExcessRow]:
    """The pairs holding more than ``target_days`` of their average daily issues (or their maximum level, when
    lower) — pairs that issued nothing are dead stock's, not counted here — the most excess value first.

    Raises:
        BadInput: ``target_days`` is not a positive number.
    """
    if target_days < 1:
        raise BadInput("cover target", f"{target_days} is not a number of days; give 1 or more",
                       code="not_cover_days", values=(target_days,))
    rows = []
    for f in facts:
        if f.on_hand <= ZERO or f.issued <= ZERO:
            continue
        target = f.issued * target_days / COVER_DAYS
        if f.max_level is not None:
            target = min(target, f.max_level)
        target = target.quantize(Decimal("0.0001"), ROUND_HALF_UP)
        if f.on_hand > target:
            excess = f.on_hand - target
            value = (f.value * excess / f.on_hand).quantize(_CENT, ROUND_HALF_UP)
            rows.append(ExcessRow(f.sku, f.name, f.warehouse, f.on_hand, target, excess, value))
    return sorted(rows, key=lambda r: (-r.value, r.sku, r.warehouse))


# -- overdue accounts and settings ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Overdue:
    """What one side of the accounts has overdue (receivables: customers owe us; payables: we owe suppliers)."""

    side: str
    balance: Decimal
    overdue: Decimal
    d1_30: Decimal
    d31_60: Decimal
    d61_90: Decimal
    over_90: Decimal


def setting_days(stored: dict[str, str], key: str, default: int) -> int:
    """A days setting as stored (``settings`` key → text), ``default`` when unset or not a positive number."""
    try:
        days = int(stored.get(key, "") or default)
    except ValueError:
        return default
    return days if days > 0 else default
