"""Planning use cases: demand history from the ledger → forecasts → reorder alerts → purchase suggestions → drafts.

``plan`` reads what it needs through a history reader (``persistence.planning.PlanningReader`` in the
app), forecasts every product × warehouse that holds stock or had demand, and applies the periodic
review (s, S) policy of ``domain.replenishment.explain_policy`` to each of them:

* Demand per day is what was shipped (reversed shipments do not count) plus the unfilled demand a clerk
  recorded (``domain.demand``). A day whose closing stock was 0 or less is *censored*: the empty shelf
  hid the demand — unless unfilled demand was recorded on it, which makes it observed. Days before a
  product × warehouse ever had stock are censored too. Days aggregate to Monday–Sunday weeks with
  ``domain.forecasting.history``'s imputed rule (``aggregate_weeks``): a stockout day counts at least
  what it shipped, up to the week's in-stock daily rate; a week without an in-stock day is censored.
  The week now running is left out: it is incomplete.
* Service target by ABC class of annual demand value (shipped in the last 52 weeks × unit value; A the
  products making the first 80 % of the value, B the next 15 %, C the rest): A 0.98, B 0.95, C 0.95 (C items are
  the cheap ones: protecting them costs little stock value; with 0.90 they filled 88 % in the replay and lost to a
  history-window rule that simply holds more of them, see tests/benchmarks/RESULTS-forecast.md, section Q) —
  unless the product has its own (``domain.product_planning``), which also may set its own review
  period. The explanation says where the target came from (``service_source``: ``product`` or
  ``class A``/``B``/``C``) and the review period (``review_source``: ``product`` or ``default``). These
  change the policy, not the forecast: the horizon follows the run's review period and the lead times
  (a longer own review reads the forecast's last week past the horizon), so the forecast cache keys
  stay as they are.
* The supplier is the preferred one when it has terms for the product, else the cheapest terms per
  stock unit. Lead time is learned from purchase-order receipts once there are enough of them
  (``learned_lead_time``: mean and σL of this supplier × product, else of the supplier); before that
  the terms' lead time, else the supplier's, with σL = 0. Alerts count whole days (rounded up).
* A product with too short a history is forecast from its category's demand profile scaled by its own
  observed weeks when the category has enough established products (``domain.category_profile``), else
  by the simple average of its weeks; either is labelled in the forecast and the explanation.
* The forecast horizon covers the longest lead time + review period. Demand per week d is the mean
  forecast over the item's own L + R; σd is the forecast's one-step error. Where the forecast's quantiles of
  demand summed over future weeks are calibrated (``ForecastResult.calibrated``), the safety stock is their margin
  over the mean at the service target over L + R (``cover_margin``, ``replenishment.quantile_levels``); elsewhere
  z·σd·√L.
* Inventory position = on hand + on order (issued POs and drafts, so a second run does not order the
  same again) − reserved. An alert is raised by ``replenishment.reorder_alert``; the suggested
  quantity is ``explain_policy``'s order quantity, rounded to MOQ, multiple and pack size.

Forecasts are reused between runs (``domain.planning_cache``): a run lent a cache through ``RunControl``
forecasts only the rows whose weekly series or settings changed, and can be cancelled between batches.

numpy and the forecasting package are imported inside the functions that need them, so importing
this module (as the command line does) stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from decimal import Decimal

from domain import purchasing
from domain import purchasing_commands as pc
from domain.access import Permission
from domain.access import require
from domain.numbers import ZERO
from domain.ports import UnitOfWork
from domain.product_planning import ProductPlanning
from domain.replenishment import ReorderAlert
from domain.replenishment import explain_policy
from domain.replenishment import reorder_alert

SERVICE_BY_CLASS = {"A": 0.98, "B": 0.95, "C": 0.95}
ABC_SHARES = (0.80, 0.95)  # cumulative value share up to which a product is A, then B
DEFAULT_WEEKS = 104
DEFAULT_REVIEW_DAYS = 7
MIN_OBSERVED_DAYS = 4
ALL_WAREHOUSES = "*"  # the scope of a forecast over all warehouses
MIN_LEAD_OBSERVATIONS = 3  # PO receipts before the observed lead time replaces the supplier terms'


# what the history reader gives


@dataclass(frozen=True)
class StockItem:
    """One product × warehouse with its balance. ``on_order`` is issued POs, ``on_order_drafts`` drafts."""

    product_id: str
    sku: str
    name: str
    warehouse_id: str
    warehouse: str
    on_hand: Decimal
    reserved: Decimal
    on_order: Decimal
    on_order_drafts: Decimal
    unit_cost: Decimal
    category: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.product_id, self.warehouse_id)


@dataclass(frozen=True)
class TermOption:
    """A supplier's terms for a product; ``unit_price`` per stock unit (a pack price divided by the pack), in
    ``currency``, the supplier's (its purchase orders are in it); blank where the caller did not say."""

    supplier_id: str
    supplier: str
    product_id: str
    unit_price: Decimal
    moq: Decimal
    multiple: Decimal
    pack_size: Decimal
    lead_time_days: int
    preferred: bool
    currency: str = ""


@dataclass(frozen=True)
class PlanningHistory:
    """Everything planning reads, for the days ``first_day`` (inclusive) to ``end_day`` (exclusive).

    Attributes:
        items: every product × warehouse with a balance row (active products only).
        shipped: per (product id, warehouse id), {day index: quantity shipped that day} (positive).
        closing: per (product id, warehouse id), [(day index, on hand at the end of that day)] in day
            order, at least for the days on which the product went in or out of stock (on hand > 0 or
            not); the days in between keep the state of the last entry. The first entry may lie before
            the window (index < 0): the closing stock the window starts with.
        terms: per product id, its suppliers' terms.
        unfilled: per (product id, warehouse id), {day index: unfilled demand recorded that day}
            (``domain.demand``): it adds to the day's demand, and a day with some is observed even when
            the shelf was empty — the clerk saw the demand that the empty shelf hid.
        lead_times: per (supplier id, product id), the observed lead times in days of the purchase orders
            received so far: from the PO's issue to its first (not reversed) receipt of the product.
        overrides: per product id, its own service target and review period (``domain.product_planning``).
    """

    first_day: date
    end_day: date
    items: list[StockItem]
    shipped: dict[tuple[str, str], dict[int, Decimal]]
    closing: dict[tuple[str, str], list[tuple[int, Decimal]]]
    terms: dict[str, list[TermOption]]
    unfilled: dict[tuple[str, str], dict[int, Decimal]] = field(default_factory=dict)
    lead_times: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    overrides: dict[str, ProductPlanning] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return (self.end_day - self.first_day).days


HistoryReader = Callable[[date, date], PlanningHistory]


# what planning gives


@dataclass(frozen=True)
class Suggestion:
    """A line to order: ``qty`` of ``sku`` for ``warehouse`` from ``supplier`` (None: no supplier has terms),
    at ``unit_price`` in ``currency`` (the supplier's, which its purchase order takes; None without terms)."""

    product_id: str
    sku: str
    warehouse: str
    supplier: str | None
    supplier_id: str | None
    qty: Decimal
    unit_price: Decimal | None
    rounding: str
    explanation: dict
    currency: str | None = None


@dataclass(frozen=True, eq=False)
class ItemPlan:
    """The plan of one product × warehouse (or of one product over all warehouses for ``forecast_products``)."""

    product_id: str
    sku: str
    name: str
    warehouse: str
    abc: str
    service: float
    history: list[float]  # weekly demand, NaN where censored
    week_starts: list[date]
    forecast: object  # domain.forecasting.api.ForecastResult
    explanation: dict = field(default_factory=dict)
    alert: ReorderAlert | None = None
    suggestion: Suggestion | None = None
    # The alert that draft purchase orders already answer: without the drafts' quantity this line would
    # alert; with it, it does not (``alert`` is None). The screen keeps such lines visible as ordered.
    draft_alert: ReorderAlert | None = None

    @property
    def censored_weeks(self) -> int:
        return sum(1 for x in self.history if x != x)


def window(today: date, weeks: int = DEFAULT_WEEKS) -> tuple[date, date]:
    """The ``weeks`` complete Monday–Sunday weeks before the week of ``today``: (first day, end day exclusive)."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    end = today - timedelta(days=today.weekday())
    return end - timedelta(days=7 * weeks), end


def weekly_matrix(history: PlanningHistory, keys: Sequence[tuple[str, str]]):
    """Daily demand and the daily in-stock mask per key (rows in the order of ``keys``).

    Demand is shipped plus recorded unfilled demand; a day is in stock (observed) when its closing stock
    was above 0 or when unfilled demand was recorded on it. ``aggregate_weeks`` turns both into weeks.
    """
    import numpy as np

    days = history.days
    n = len(keys)
    shipped = np.zeros((n, days))
    closing = np.full((n, days), np.nan)
    start_stock = np.full(n, np.nan)
    for r, key in enumerate(keys):
        for day, qty in history.shipped.get(key, {}).items():
            if 0 <= day < days:
                shipped[r, day] = float(qty)
        for day, on_hand in history.closing.get(key, ()):
            if day < 0:
                start_stock[r] = float(on_hand)
            elif day < days:
                closing[r, day] = float(on_hand)
    in_stock = _forward_filled(closing, start_stock) > 0  # NaN (never stocked) compares False: censored
    for r, key in enumerate(keys):
        for day, qty in history.unfilled.get(key, {}).items():
            if 0 <= day < days and qty > 0:
                shipped[r, day] += float(qty)
                in_stock[r, day] = True
    return shipped, in_stock


def aggregate_weeks(shipped, in_stock, first_day: date, rule: str | None = None):
    """Weekly demand (rows × weeks, NaN where censored) and the week starts, from daily rows.

    ``domain.forecasting.history.demand_matrix`` with its ``imputed`` rule by default: a day that ended in
    stock is observed, a day that ended out of stock had at least what it shipped and is estimated as
    the larger of that and the week's mean in-stock demand; a week without an in-stock day is censored.
    (The older ``scaled`` rule dropped the stockout days and, under four in-stock days, the week: it left
    the history of exactly the high-demand weeks out and forecasts ran low; see
    tests/benchmarks/RESULTS-forecast.md.)
    """
    from domain.forecasting.history import IMPUTED
    from domain.forecasting.history import demand_matrix

    values = demand_matrix(shipped, in_stock, rule=rule or IMPUTED, min_observed_days=MIN_OBSERVED_DAYS)
    starts = [first_day + timedelta(days=7 * i) for i in range(values.shape[1])]
    return values, starts


def _forward_filled(closing, start):
    """Carry each row's last known closing stock forward over days without movements."""
    import numpy as np

    n, days = closing.shape
    filled = np.concatenate([start[:, None], closing], axis=1)
    idx = np.where(~np.isnan(filled), np.arange(days + 1)[None, :], 0)
    np.maximum.accumulate(idx, axis=1, out=idx)
    return np.take_along_axis(filled, idx, axis=1)[:, 1:]


def abc_classes(values: dict[str, float]) -> dict[str, str]:
    """A / B / C per product by annual demand value, largest first.

    A product is A when the products before it make less than 80 % of the total value, B when less than
    95 %, else C (so the product that crosses a limit stays in the class it starts in, and a single
    product is A). Products without demand value are C.
    """
    total = sum(values.values())
    out, running = {}, 0.0
    for pid, value in sorted(values.items(), key=lambda kv: (-kv[1], kv[0])):
        share = running / total if total > 0 else 1.0
        out[pid] = "A" if share < ABC_SHARES[0] and value > 0 else "B" if share < ABC_SHARES[1] and value > 0 else "C"
        running += value
    return out


def choose_terms(options: Sequence[TermOption]) -> TermOption | None:
    """The preferred supplier's terms, else the cheapest per stock unit (then the shortest lead time)."""
    if not options:
        return None
    preferred = [o for o in options if o.preferred]
    if preferred:
        return preferred[0]
    return min(options, key=lambda o: (o.unit_price, o.lead_time_days, o.supplier))


@dataclass(frozen=True)
class LeadTime:
    """The lead time planning uses for one item, and where it comes from.

    ``source`` is ``receipts_product`` (this supplier's receipts of this product), ``receipts_supplier``
    (this supplier's receipts of all products) or ``terms`` (the supplier terms, σ 0).
    """

    days: float
    sigma_days: float
    source: str
    observations: int


def learned_lead_time(terms: TermOption | None, lead_times: dict[tuple[str, str], list[float]]) -> LeadTime:
    """The lead time of ``terms``: observed from PO receipts once there are enough, else the terms'.

    With at least ``MIN_LEAD_OBSERVATIONS`` issue → receipt intervals of this supplier × product, their
    mean and sample standard deviation; else, with as many of this supplier over all its products, theirs;
    else the terms' lead time with no variability. σL enters the lead-time demand as
    σ² = L·σd² + d²·σL² (``replenishment.sigma_lead_time``).
    """
    if terms is None:
        return LeadTime(0.0, 0.0, "terms", 0)
    own = lead_times.get((terms.supplier_id, terms.product_id), [])
    if len(own) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(own), "receipts_product", len(own))
    pooled = [x for (sup, _), xs in lead_times.items() if sup == terms.supplier_id for x in xs]
    if len(pooled) >= MIN_LEAD_OBSERVATIONS:
        return LeadTime(*_mean_sd(pooled), "receipts_supplier", len(pooled))
    return LeadTime(float(terms.lead_time_days), 0.0, "terms", 0)


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    var = sum((x - mean) ** 2 for x in values) / (len(values) - 1)
    return mean, math.sqrt(var)


def cover_margin(result, cover: float, service: float) -> float | None:
    """Q_α(demand over ``cover`` weeks) − its mean, from the forecast's calibrated lead-time quantiles.

    None (the policy then takes z·σ) when the forecast's quantiles are not calibrated (``ForecastResult.calibrated``:
    too-short histories, category profiles, the per-row choice) or are missing. A target between or beyond the
    computed levels is read on the normal scale (``forecasting.api.service_quantile``).
    """
    from domain.forecasting.api import lead_time_demand
    from domain.forecasting.api import service_quantile

    if not getattr(result, "calibrated", False) or cover <= 0:
        return None
    q = service_quantile(result, cover, service)
    return None if q is None else q - lead_time_demand(result, cover)[0]


def _forecast_options(thorough: bool, budget_seconds: float | None, workers: int) -> dict:
    if not thorough:
        return {"models": ()}
    from domain.forecasting.api import DEFAULT_MODELS

    return {"models": DEFAULT_MODELS, "budget_seconds": budget_seconds, "workers": workers}


def _forecast(values, ids, horizon: int, first_week: date, thorough: bool, budget_seconds, workers, run: RunControl):
    """Forecast every row, reusing the cached results of unchanged rows (``domain.planning_cache``)."""
    from domain.forecasting.api import ForecastResult
    from domain.forecasting.api import forecast_many
    from domain.planning_cache import BATCH_ROWS
    from domain.planning_cache import forecast_rows

    if not len(ids):
        return []
    # Thorough batches each start a process pool (seconds with spawned workers): at most four of them.
    batch = max(BATCH_ROWS, math.ceil(len(ids) / 4)) if thorough else BATCH_ROWS
    results, computed = forecast_rows(
        values, ids, horizon, _forecast_options(thorough, budget_seconds, workers), forecast_many=forecast_many,
        result_type=ForecastResult, cache=run.cache, first_week=first_week, cancel=run.cancel,
        progress=run.progress, batch_rows=batch)
    run.computed = computed
    return results


def _new_products(values, results, categories):
    """Too-short histories forecast from their category's profile where it has one (``domain.category_profile``)."""
    from domain.category_profile import apply_category_profiles

    return apply_category_profiles(values, results, categories) if len(results) else results


@dataclass
class RunControl:
    """What a caller lends one planning run: the forecast cache, a cancel flag and a progress callback.

    Attributes:
        cache: stored forecasts (``domain.planning_cache.ForecastCache``); None recomputes every row.
        cancel: asked between batches of rows; True stops the run with ``planning_cache.Cancelled``.
        progress: told (rows forecast or read from the cache, rows in all).
        computed: set by the run: how many rows were forecast rather than read from the cache.
    """

    cache: object | None = None
    cancel: Callable[[], bool] | None = None
    progress: Callable[[int, int], None] | None = None
    computed: int = 0


def plan(
    reader: HistoryReader,
    *,
    today: date,
    weeks: int = DEFAULT_WEEKS,
    review_days: int = DEFAULT_REVIEW_DAYS,
    service_by_class: dict[str, float] | None = None,
    thorough: bool = False,
    budget_seconds: float | None = 20.0,
    workers: int = 1,
    sku: str | None = None,
    run: RunControl | None = None,
    overrides: dict[str, ProductPlanning] | None = None,
) -> list[ItemPlan]:
    """Forecast, alert and suggest for every product × warehouse; see the module docstring for the rules.

    Args:
        reader: gives the history for (first day, end day exclusive).
        today: the day planning is for (alerts count from it).
        weeks: complete weeks of history to read.
        review_days: days until the next planning run (R).
        service_by_class: the cycle service target per ABC class.
        thorough: also try the statsmodels models (``budget_seconds`` of them, in ``workers`` processes);
            without it only the vectorised numpy methods run, which takes about a second for thousands.
        sku: plan only this product (its ABC class is still ranked among all products).
        run: the forecast cache, cancel flag and progress callback of this run (none by default).
        overrides: per product id, its own service target and review period; on top of those the history
            reader gives (``PlanningHistory.overrides``). A product without one takes its ABC class's
            target and ``review_days``.
    """
    from domain.forecasting.api import lead_time_demand

    run = run or RunControl()

    services = {**SERVICE_BY_CLASS, **(service_by_class or {})}
    first, end = window(today, weeks)
    history = reader(first, end)
    items = _planned_items(history)
    own = {**history.overrides, **(overrides or {})}
    keys = [x.key for x in items]
    shipped, in_stock = weekly_matrix(history, keys)
    classes = abc_classes(_annual_values(history, items, shipped))
    if sku is not None:
        rows = [i for i, x in enumerate(items) if x.sku == sku]
        items, shipped, in_stock = [items[i] for i in rows], shipped[rows], in_stock[rows]
    values, starts = aggregate_weeks(shipped, in_stock, first)
    chosen = {x.key: choose_terms(history.terms.get(x.product_id, ())) for x in items}
    leads = {k: learned_lead_time(t, history.lead_times) for k, t in chosen.items()}
    lead_days = {k: math.ceil(x.days) for k, x in leads.items()}
    longest = max([*lead_days.values(), 0]) + review_days
    horizon = min(26, max(4, math.ceil(longest / 7)))
    ids = [(x.product_id, x.warehouse_id) for x in items]
    results = _forecast(values, ids, horizon, first, thorough, budget_seconds, workers, run)
    results = _new_products(values, results, [x.category for x in items])

    plans = []
    for r, (item, result) in enumerate(zip(items, results, strict=True)):
        terms = chosen[item.key]
        abc = classes.get(item.product_id, "C")
        mine = own.get(item.product_id)
        if mine is not None and mine.service_target is not None:
            service, service_source = float(mine.service_target), "product"
        else:
            service, service_source = services[abc], f"class {abc}"
        review, review_source = ((mine.review_days, "product") if mine is not None and mine.review_days is not None
                                 else (review_days, "default"))
        lead = lead_days[item.key]
        learned = leads[item.key]
        cover = (learned.days + review) / 7
        mean_cover, _ = lead_time_demand(result, cover)
        d = mean_cover / cover
        on_order = item.on_order + item.on_order_drafts
        explanation = explain_policy(
            on_hand=item.on_hand, on_order=on_order, reserved=item.reserved, demand_per_period=d,
            sigma_demand=result.sigma, lead_time=learned.days / 7, review=review / 7, service=service,
            sigma_lead=learned.sigma_days / 7,
            moq=terms.moq if terms else ZERO, multiple=terms.multiple if terms else Decimal(1),
            pack_size=terms.pack_size if terms else Decimal(1), margin=cover_margin(result, cover, service),
        )
        alert = draft_alert = None
        if d > 0:
            policy = dict(today=today, on_hand=item.on_hand, reserved=item.reserved, daily_demand=d / 7,
                          lead_days=lead, review_days=review, reorder_level=explanation["reorder_point"],
                          safety_stock=explanation["safety_stock"])
            alert = reorder_alert(on_order=on_order, **policy)
            if alert is None and item.on_order_drafts > 0:
                draft_alert = reorder_alert(on_order=item.on_order, **policy)
        explanation.update({
            "sku": item.sku, "warehouse": item.warehouse, "today": today, "on_order_issued": item.on_order,
            "on_order_drafts": item.on_order_drafts, "forecast_per_week": [float(x) for x in result.mean],
            "model": result.model, "forecast_note": result.note or None, "demand_class": result.demand_class,
            "abc_class": abc,
            "lead_time_days": lead, "lead_time_mean_days": learned.days, "lead_time_sigma_days": learned.sigma_days,
            "lead_time_source": learned.source, "lead_time_observations": learned.observations,
            "review_days": review, "review_source": review_source, "service_target": service,
            "service_source": service_source,
            "supplier": terms.supplier if terms else None, "period": "week",
            "stockout_date": alert.stockout_date if alert else None, "severity": alert.severity if alert else None,
            "days_of_stock": alert.days_of_stock if alert else None,
        })
        suggestion = None
        if alert is not None and explanation["order_qty"] > 0:
            suggestion = Suggestion(
                product_id=item.product_id, sku=item.sku, warehouse=item.warehouse,
                supplier=terms.supplier if terms else None, supplier_id=terms.supplier_id if terms else None,
                qty=explanation["order_qty"], unit_price=terms.unit_price if terms else None,
                rounding=explanation["rounding"], explanation=explanation,
                currency=(terms.currency or None) if terms else None,
            )
        plans.append(ItemPlan(
            product_id=item.product_id, sku=item.sku, name=item.name, warehouse=item.warehouse, abc=abc,
            service=service, history=[float(x) for x in values[r]], week_starts=starts, forecast=result,
            explanation=explanation, alert=alert, suggestion=suggestion, draft_alert=draft_alert,
        ))
    return plans


def forecast_products(
    reader: HistoryReader,
    *,
    today: date,
    weeks: int = DEFAULT_WEEKS,
    thorough: bool = False,
    budget_seconds: float | None = 20.0,
    workers: int = 1,
    horizon: int = 8,
    sku: str | None = None,
    run: RunControl | None = None,
) -> list[ItemPlan]:
    """Forecast each product's demand over all warehouses (``warehouse`` is ``*``).

    A day counts as in stock when at least one warehouse had the product in stock at its end; the
    shipments of all warehouses add up.
    """
    import numpy as np

    first, end = window(today, weeks)
    history = reader(first, end)
    items = _planned_items(history)
    shipped, in_stock = weekly_matrix(history, [x.key for x in items])
    classes = abc_classes(_annual_values(history, items, shipped))
    order: dict[str, int] = {}
    names: dict[str, tuple[str, str]] = {}
    categories: dict[str, str] = {}
    for x in items:
        order.setdefault(x.product_id, len(order))
        names[x.product_id] = (x.sku, x.name)
        categories[x.product_id] = x.category
    rows = np.array([order[x.product_id] for x in items], dtype=int)
    daily = np.zeros((len(order), shipped.shape[1]))
    stocked = np.zeros((len(order), shipped.shape[1]), dtype=bool)
    np.add.at(daily, rows, shipped)
    np.logical_or.at(stocked, rows, in_stock)
    pids = list(order)
    if sku is not None:
        keep = [i for i, p in enumerate(pids) if names[p][0] == sku]
        pids, daily, stocked = [pids[i] for i in keep], daily[keep], stocked[keep]
    values, starts = aggregate_weeks(daily, stocked, first)
    results = _forecast(values, [(p, ALL_WAREHOUSES) for p in pids], horizon, first, thorough, budget_seconds, workers,
                        run or RunControl())
    results = _new_products(values, results, [categories[p] for p in pids])
    out = []
    for r, (pid, result) in enumerate(zip(pids, results, strict=True)):
        abc = classes.get(pid, "C")
        mine = history.overrides.get(pid)
        service = float(mine.service_target) if mine and mine.service_target is not None else SERVICE_BY_CLASS[abc]
        out.append(ItemPlan(
            product_id=pid, sku=names[pid][0], name=names[pid][1], warehouse="*", abc=abc,
            service=service, history=[float(x) for x in values[r]], week_starts=starts,
            forecast=result,
        ))
    return out


def _planned_items(history: PlanningHistory) -> list[StockItem]:
    """The product × warehouses with stock, movements or recorded unfilled demand."""
    return [x for x in history.items
            if x.key in history.closing or x.key in history.shipped or x.key in history.unfilled or x.on_hand]


def _annual_values(history: PlanningHistory, items: Sequence[StockItem], shipped) -> dict[str, float]:
    """Demand value of the last 364 days per product: shipped × the chosen terms' price (else the average cost)."""
    last_year = shipped[:, -364:].sum(axis=1) if len(items) else []
    values: dict[str, float] = {}
    for item, qty in zip(items, last_year, strict=True):
        terms = choose_terms(history.terms.get(item.product_id, ()))
        price = terms.unit_price if terms else item.unit_cost
        values[item.product_id] = values.get(item.product_id, 0.0) + float(qty) * float(price)
    return values


class _SharedTransaction:
    """A unit of work already entered, lent to use cases that open and commit their own: their ``with``
    and ``commit`` do nothing, so all of them land in the caller's one transaction."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def __enter__(self) -> _SharedTransaction:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        return None

    def __getattr__(self, name: str):
        return getattr(self._uow, name)


@dataclass(frozen=True)
class DraftCreated:
    po_id: str
    supplier: str
    warehouse: str
    lines: list[tuple[str, Decimal]]
    amount: Decimal = ZERO  # the lines' amount before tax, in ``currency``
    currency: str = ""


DRAFT_NOTE = "suggested by replenishment planning"


def create_drafts(uow: UnitOfWork, suggestions: Sequence[Suggestion], note: str = DRAFT_NOTE) -> list[DraftCreated]:
    """One draft purchase order per supplier × delivery warehouse with the suggested lines, all in one transaction.

    Suggestions without a supplier are left out (the caller reports them). Prices come from the supplier
    terms (``purchasing.add_lines``), which round the quantity again to MOQ, multiple and pack size. ``note``
    goes on each draft, in the language of whoever asked (the window passes its own).
    """
    groups: dict[tuple[str, str], list[Suggestion]] = {}
    for s in suggestions:
        if s.supplier is not None and s.qty > 0:
            groups.setdefault((s.supplier, s.warehouse), []).append(s)
    created = []
    with uow:
        require(uow, Permission.PURCHASE)
        shared = _SharedTransaction(uow)
        for (supplier, warehouse), lines in sorted(groups.items()):
            po = purchasing.create_draft(shared, pc.CreatePurchaseOrder(
                supplier, warehouse, notes=note))
            added = purchasing.add_lines(shared, po.id, [pc.AddPurchaseOrderLine(po.id, s.sku, s.qty) for s in lines])
            created.append(DraftCreated(po.id, supplier, warehouse, [(line.sku, line.qty) for line, _ in added],
                                        sum((line.amount() for line, _ in added), ZERO), po.currency))
        uow.commit()
    return created
