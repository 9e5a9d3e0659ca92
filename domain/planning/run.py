"""Planning use cases: demand history from the ledger → forecasts → reorder alerts → purchase suggestions → drafts.

``plan`` reads what it needs through a history reader (``persistence.planning.queries.PlanningReader`` in the
app), forecasts every product × warehouse that holds stock or had demand, and applies the periodic
review (s, S) policy of ``domain.planning.replenishment.explain_policy`` to each of them:

* Demand per day is what was shipped (reversed shipments do not count) plus the unfilled demand a clerk
  recorded (``domain.stock.demand``). A day whose closing stock was 0 or less is *censored*: the empty shelf
  hid the demand — unless unfilled demand was recorded on it, which makes it observed. Days before a
  product × warehouse ever had stock are censored too. Days aggregate to Monday–Sunday weeks with
  ``domain.planning.forecasting.history``'s imputed rule (``aggregate_weeks``): a stockout day counts at least
  what it shipped, up to the week's in-stock daily rate; a week without an in-stock day is censored.
  The week now running is left out: it is incomplete.
* Service target by the office's rule (``domain.planning.service``, the planning setting): by ABC class of annual
  demand value (shipped in the last 52 weeks × unit value; A the products making the first 80 % of the value, B the
  next 15 %, C the rest; or of its quantity when the planning setting says ``volume``; with the XYZ class of demand
  variability beside it: ``domain.planning.classification``, whose classes the run keeps in
  ``RunControl.classified`` and stores through ``RunControl.classes``): A 0.97, B 0.98, C 0.99, the cheaper class
  the higher target (tests/benchmarks/RESULTS-forecast.md, section BN); or by each item's unit cost, its stockout
  chance in proportion to its cost around the overall target at the average cost (``service.by_cost``, section
  BP), the class's target where it has no cost — unless the product has its own (``domain.planning.product``),
  which also may set its own review period. The explanation says where the target came from (``service_source``:
  ``product``, ``cost`` with ``service_cost``, or ``class A``/``B``/``C``) and the review period
  (``review_source``: ``product`` or ``default``). The target
  changes the policy, not the forecast; an own review period changes the key's horizon (below).
* The supplier is the preferred one when it has terms for the product, else the cheapest terms per
  stock unit. Lead time is learned from purchase-order receipts once there are enough of them
  (``learned_lead_time``: mean and σL of this supplier × product, else of the supplier); before that
  the terms' lead time, else the supplier's, with σL = 0. Alerts count whole days (rounded up).
* A supplier that brings less than it is ordered (its scorecard's quantity fill rate over the last year, with
  enough purchase-order lines) gets orders grossed up by it, at most × 1.5, unless the planning setting turns it
  off (``domain.planning.fill``); the explanation says so.
* A product with too short a history is forecast from its category's demand profile scaled by its own
  observed weeks when the category has enough established products (``domain.planning.category_profile``), else
  by the simple average of its weeks; either is labelled in the forecast and the explanation.
* Each key is forecast at its own horizon, its lead time + review period in weeks rounded up (6 to 26,
  ``forecast_horizon``), so a slow supplier elsewhere in the run changes no other key's forecast (section BQ;
  the rows of one horizon share a call, which changes no row's result). Demand per week d is the mean
  forecast over the item's own L + R; σd is the forecast's one-step error. Where the forecast's quantiles of
  demand summed over future weeks are calibrated (``ForecastResult.calibrated``), the safety stock is their margin
  over the mean at the service target over L + R (``cover_margin``, ``replenishment.quantile_levels``); elsewhere
  z·σd·√L.
* With an order cost per purchase-order line (the planning setting, ``domain.planning.ordering``; 5 unless set, 0
  turns it off), an item's order is at least its economic order quantity √(2·52·d·K / (h × unit cost)), h the
  holding rate a year (the setting beside it, 25 % unless set): S is raised to s + d·R + EOQ
  (``replenishment.with_min_order``), the explanation's ``economic_order`` says of what (section BS).
* Inventory position = on hand + on order (issued POs and drafts, so a second run does not order the
  same again) − reserved. An alert is raised by ``replenishment.reorder_alert``; the suggested
  quantity is ``explain_policy``'s order quantity, rounded to MOQ, multiple and pack size.

Forecasts are reused between runs (``domain.planning.cache``): a run lent a cache through ``RunControl``
forecasts only the rows whose weekly series or settings changed, and can be cancelled between batches.

Here is the run (``plan``, ``forecast_products``); its pieces are beside it: what it reads and gives in
``domain.planning.model``, the weekly demand history and ABC classes in ``domain.planning.history``, the supplier
terms and lead times in ``domain.planning.terms``, and the drafts made from its suggestions in
``domain.planning.drafts`` (``create_drafts``). Their public names are importable from here as before.

numpy and the forecasting package are imported inside the functions that need them, so importing
this module (as the command line does) stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from domain.kernel import clock
from domain.kernel.numbers import ZERO
from domain.planning.alerts import AlertSummary
from domain.planning.alerts import summarize as summarize_alerts
from domain.planning.classification import ProductClass
from domain.planning.classification import classify_history
from domain.planning.drafts import DRAFT_NOTE
from domain.planning.drafts import DraftCreated
from domain.planning.drafts import create_drafts
from domain.planning.fill import adjustment as fill_adjustment
from domain.planning.fill import explanation_of as fill_explanation
from domain.planning.history import ABC_SHARES
from domain.planning.history import DEFAULT_WEEKS
from domain.planning.history import MIN_OBSERVED_DAYS
from domain.planning.history import abc_classes
from domain.planning.history import aggregate_weeks
from domain.planning.history import planned_items
from domain.planning.history import weekly_matrix
from domain.planning.history import window
from domain.planning.model import HistoryReader
from domain.planning.model import ItemPlan
from domain.planning.model import PlanningHistory
from domain.planning.model import StockItem
from domain.planning.model import Suggestion
from domain.planning.model import TermOption
from domain.planning.ordering import economic_order
from domain.planning.product import ProductPlanning
from domain.planning.replenishment import explain_policy
from domain.planning.replenishment import reorder_alert
from domain.planning.service import SERVICE_BY_CLASS
from domain.planning.service import office_rule
from domain.planning.service import target_of
from domain.planning.terms import MIN_LEAD_OBSERVATIONS
from domain.planning.terms import LeadTime
from domain.planning.terms import choose_terms
from domain.planning.terms import learned_lead_time

# The names callers import from here; the pieces live in this package's model, history, terms and drafts.
__all__ = [
    "ABC_SHARES",
    "ALL_WAREHOUSES",
    "DEFAULT_REVIEW_DAYS",
    "DEFAULT_WEEKS",
    "DRAFT_NOTE",
    "MIN_LEAD_OBSERVATIONS",
    "MIN_OBSERVED_DAYS",
    "SERVICE_BY_CLASS",
    "DraftCreated",
    "HistoryReader",
    "ItemPlan",
    "LeadTime",
    "PlanningHistory",
    "RunControl",
    "StockItem",
    "Suggestion",
    "TermOption",
    "abc_classes",
    "aggregate_weeks",
    "choose_terms",
    "cover_margin",
    "create_drafts",
    "forecast_products",
    "learned_lead_time",
    "plan",
    "weekly_matrix",
    "window",
]

DEFAULT_REVIEW_DAYS = 7
ALL_WAREHOUSES = "*"  # the scope of a forecast over all warehouses


def cover_margin(result, cover: float, service: float, history=None) -> float | None:
    """Q_α(demand over ``cover`` weeks) − its mean, from the forecast's calibrated lead-time quantiles.

    None (the policy then takes z·σ) when the forecast's quantiles are not calibrated (``ForecastResult.calibrated``:
    too-short histories, category profiles, the per-row choice) or are missing. A target between or beyond the
    computed levels is read on the normal scale (``forecasting.api.service_quantile``).

    With the row's weekly ``history`` (NaN where censored), an intermittent or lumpy row's quantile is held to the
    largest demand its history shows over any ⌈cover⌉ fully observed weeks (``largest_cover_demand``): with a big
    order once in a while its quantiles can come out many times anything the item ever sold over a lead time (on the
    demo a safety stock of 2,780 for an item whose biggest three weeks sold 448), stock no order it has seen would
    need. Smooth and erratic rows keep their quantile: a trend may take them past their past.
    """
    from domain.planning.forecasting.api import lead_time_demand
    from domain.planning.forecasting.api import service_quantile

    if not getattr(result, "calibrated", False) or cover <= 0:
        return None
    q = service_quantile(result, cover, service)
    if q is None:
        return None
    if history is not None and getattr(result, "demand_class", "") in CAPPED_CLASSES:
        largest = largest_cover_demand(history, cover)
        if largest is not None:
            q = min(q, largest)
    return q - lead_time_demand(result, cover)[0]


CAPPED_CLASSES = ("intermittent", "lumpy")
MIN_CAP_WINDOWS = 26  # fully observed windows a history needs before its largest demand holds the quantile


def largest_cover_demand(history, cover: float) -> float | None:
    """The largest demand of any ⌈``cover``⌉ consecutive fully observed weeks of ``history`` (weekly demand, NaN
    where censored); None with fewer than ``MIN_CAP_WINDOWS`` such windows.

    Args:
        history: weekly demand, oldest first; NaN marks a censored week (the shelf was empty).
        cover: weeks of cover (lead time + review period), may be fractional.

    Returns:
        The largest window sum, or None when the history is too short or too censored to say.
    """
    k = max(1, math.ceil(cover))
    sums = []
    for i in range(len(history) - k + 1):
        window = history[i:i + k]
        if not any(math.isnan(float(x)) for x in window):
            sums.append(float(sum(window)))
    return max(sums) if len(sums) >= MIN_CAP_WINDOWS else None


def big_orders(history, cover: float) -> dict:
    """What a purchaser weighs an intermittent or lumpy item's safety stock by: its biggest week and how often weeks
    of at least half that come (``big_week``, ``big_week_every`` weeks, over the observed weeks), and the most it sold
    over any ⌈``cover``⌉ observed weeks (``cover_demand_max``, the quantile's cap in ``cover_margin``). Nothing without
    a nonzero observed week."""
    seen = [float(x) for x in history if not math.isnan(float(x))]
    biggest = max(seen, default=0.0)
    if biggest <= 0:
        return {}
    big = sum(1 for x in seen if x >= biggest / 2)
    return {"big_week": biggest, "big_week_every": len(seen) / big, "cover_weeks": max(1, math.ceil(cover)),
            "cover_demand_max": largest_cover_demand(history, cover)}


def _forecast_options(thorough: bool, budget_seconds: float | None, workers: int) -> dict:
    if not thorough:
        return {"models": ()}
    from domain.planning.forecasting.api import DEFAULT_MODELS

    return {"models": DEFAULT_MODELS, "budget_seconds": budget_seconds, "workers": workers}


# Weeks a planning forecast looks ahead, whatever the lead time + review: at least 6, which filled more with fewer
# stockout days than 4 or 5 at equal stock on both demos (tests/benchmarks/RESULTS-forecast.md, section BS).
MIN_HORIZON, MAX_HORIZON = 6, 26


def forecast_horizon(cover_days: float) -> int:
    """The weeks a key is forecast ahead: its own lead time + review period (``cover_days``), rounded up, within
    6 to 26 weeks.

    Each key is forecast at its own horizon, never the run's longest: a smooth row's forecast and quantiles follow
    the horizon (the damped trend's criterion weighs its steps, its calibration spans three horizons), so one slow
    supplier elsewhere in the run changed the safety stock of items bought in two weeks (tests/benchmarks/
    RESULTS-forecast.md, section BQ). A longer own review past 26 weeks reads the forecast's last week on.
    """
    return min(MAX_HORIZON, max(MIN_HORIZON, math.ceil(cover_days / 7)))


def _review_of(mine: ProductPlanning | None, review_days: int) -> int:
    """The product's own review period if it has one, else the run's."""
    return mine.review_days if mine is not None and mine.review_days is not None else review_days


def _forecast(values, ids, horizon, first_week: date, thorough: bool, budget_seconds, workers, run: RunControl):
    """Forecast every row at ``horizon`` (one for all, or one per row), reusing the cached results of unchanged rows
    (``domain.planning.cache``)."""
    from domain.planning.cache import BATCH_ROWS
    from domain.planning.cache import forecast_rows
    from domain.planning.forecasting.api import ForecastResult
    from domain.planning.forecasting.api import forecast_many

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
    """Too-short histories forecast from their category's profile where it has one
    (``domain.planning.category_profile``)."""
    from domain.planning.category_profile import apply_category_profiles

    return apply_category_profiles(values, results, categories) if len(results) else results


@dataclass
class RunControl:
    """What a caller lends one planning run: the forecast cache, a cancel flag and a progress callback.

    Attributes:
        cache: stored forecasts (``domain.planning.cache.ForecastCache``); None recomputes every row.
        cancel: asked between batches of rows; True stops the run with ``domain.planning.cache.Cancelled``.
        progress: told (rows forecast or read from the cache, rows in all).
        classes: where the run's ABC/XYZ classes and its alerts summary are kept (``store(classes, summary)``, in
            one write, e.g. ``persistence.planning.classes.ClassStore``); None keeps them only in ``classified``
            and ``summary``.
        computed: set by the run: how many rows were forecast rather than read from the cache.
        classified: set by the run: per product id, its ``ProductClass``
            (``domain.planning.classification``).
        summary: set by ``plan`` over all products: its open alerts per warehouse and severity
            (``domain.planning.alerts.AlertSummary``); None after a run of one SKU or ``forecast_products``.
    """

    cache: object | None = None
    cancel: Callable[[], bool] | None = None
    progress: Callable[[int, int], None] | None = None
    classes: object | None = None
    computed: int = 0
    classified: dict[str, ProductClass] = field(default_factory=dict)
    summary: AlertSummary | None = None


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
    transfers: bool = False,
    abc_basis: str | None = None,
) -> list[ItemPlan]:
    """Forecast, alert and suggest for every product × warehouse; see the module docstring for the rules.

    Args:
        reader: gives the history for (first day, end day exclusive).
        today: the day planning is for (alerts count from it).
        weeks: complete weeks of history to read.
        review_days: days until the next planning run (R).
        service_by_class: the cycle service target per ABC class (under the office's class rule, or for an item
            without a cost under its unit-cost rule).
        thorough: also try the statsmodels models (``budget_seconds`` of them, in ``workers`` processes);
            without it only the vectorised numpy methods run, which takes about a second for thousands.
        sku: plan only this product (its ABC class is still ranked among all products).
        run: the forecast cache, cancel flag and progress callback of this run (none by default).
        overrides: per product id, its own service target and review period; on top of those the history
            reader gives (``PlanningHistory.overrides``). A product without one takes its ABC class's
            target and ``review_days``.
        transfers: transfers before purchases (``domain.planning.transfers``): a warehouse that runs short takes
            from another's surplus first; its plan's ``transfers`` hold them and its suggestion is what is left.
        abc_basis: rank ABC by ``value`` or ``volume``; None: the setting the reader gives
            (``PlanningHistory.abc_basis``). The classes (with XYZ) are kept in ``run.classified`` and stored
            through ``run.classes`` once the run has finished (not when it is cancelled).
    """
    from domain.planning.forecasting.api import lead_time_demand

    run = run or RunControl()

    services = {**SERVICE_BY_CLASS, **(service_by_class or {})}
    first, end = window(today, weeks)
    history = reader(first, end)
    items = planned_items(history)
    cost_rule = office_rule(history.service_rule, history.service_overall, [x.unit_cost for x in items])
    own = {**history.overrides, **(overrides or {})}
    keys = [x.key for x in items]
    shipped, in_stock = weekly_matrix(history, keys)
    classes = classify_history(history, items, shipped, in_stock, abc_basis or history.abc_basis)
    if sku is not None:
        rows = [i for i, x in enumerate(items) if x.sku == sku]
        items, shipped, in_stock = [items[i] for i in rows], shipped[rows], in_stock[rows]
    values, starts = aggregate_weeks(shipped, in_stock, first)
    chosen = {x.key: choose_terms(history.terms.get(x.product_id, ())) for x in items}
    leads = {k: learned_lead_time(t, history.lead_times) for k, t in chosen.items()}
    lead_days = {k: x.whole_days for k, x in leads.items()}
    fills = {}  # supplier id → how its fill rate grows an order (domain.planning.fill), when it does
    if history.fill_rate_on:
        fills = {sid: a for sid, f in history.supplier_fills.items() if (a := fill_adjustment(f)) is not None}
    horizons = [forecast_horizon(lead_days[x.key] + _review_of(own.get(x.product_id), review_days)) for x in items]
    ids = [(x.product_id, x.warehouse_id) for x in items]
    results = _forecast(values, ids, horizons, first, thorough, budget_seconds, workers, run)
    results = _new_products(values, results, [x.category for x in items])

    plans = []
    for r, (item, result) in enumerate(zip(items, results, strict=True)):
        terms = chosen[item.key]
        abc, xyz, cv = _classes_of(classes, item.product_id)
        mine = own.get(item.product_id)
        office_target, office_source, service_reason = target_of(abc, item.unit_cost, cost_rule, services)
        service, service_source = office_target, office_source
        if mine is not None and mine.service_target is not None:
            service, service_source, service_reason = float(mine.service_target), "product", None
        review, review_source = ((mine.review_days, "product") if mine is not None and mine.review_days is not None
                                 else (review_days, "default"))
        lead = lead_days[item.key]
        learned = leads[item.key]
        cover = (learned.days + review) / 7
        mean_cover, _ = lead_time_demand(result, cover)
        d = mean_cover / cover
        unit_cost = float(item.unit_cost) if item.unit_cost else (float(terms.unit_price) if terms else 0.0)
        economic = economic_order(d, unit_cost, history.order_cost, history.holding_rate)
        on_order = item.on_order + item.on_order_drafts
        explanation = explain_policy(
            on_hand=item.on_hand, on_order=on_order, reserved=item.reserved, demand_per_period=d,
            sigma_demand=result.sigma, lead_time=learned.days / 7, review=review / 7, service=service,
            sigma_lead=learned.sigma_days / 7,
            moq=terms.moq if terms else ZERO, multiple=terms.multiple if terms else Decimal(1),
            pack_size=terms.pack_size if terms else Decimal(1), margin=cover_margin(result, cover, service, values[r]),
            fill_factor=fills[terms.supplier_id].factor if terms and terms.supplier_id in fills else None,
            min_order=economic["eoq"] if economic else 0.0,
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
            "abc_class": abc, "abc_basis": abc_basis or history.abc_basis, "xyz_class": xyz, "demand_cv": cv,
            "lead_time_days": lead, "lead_time_mean_days": learned.days, "lead_time_sigma_days": learned.sigma_days,
            "lead_time_source": learned.source, "lead_time_observations": learned.observations,
            "lead_time_stated_days": learned.stated_days,
            "review_days": review, "review_source": review_source, "service_target": service,
            "service_source": service_source, **({"service_cost": service_reason} if service_reason else {}),
            "office_service_target": office_target, "office_service_source": office_source,  # without its own
            "supplier": terms.supplier if terms else None, "period": "week",
            "stockout_date": alert.stockout_date if alert else None, "severity": alert.severity if alert else None,
            "days_of_stock": alert.days_of_stock if alert else None,
            **(fill_explanation(fills[terms.supplier_id]) if terms and terms.supplier_id in fills else {}),
            **(big_orders(values[r], cover) if result.demand_class in CAPPED_CLASSES else {}),
            **({"economic_order": economic} if economic else {}),
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
            product_id=item.product_id, sku=item.sku, name=item.name, warehouse=item.warehouse, abc=abc, xyz=xyz,
            service=service, history=[float(x) for x in values[r]], week_starts=starts, forecast=result,
            explanation=explanation, alert=alert, suggestion=suggestion, draft_alert=draft_alert,
        ))
    if transfers:
        from domain.planning.transfers import with_transfers

        plans = with_transfers(plans, items, chosen)
    run.classified = classes
    run.summary = None if sku is not None else summarize_alerts(
        plans, day=today, computed_at=clock.now(), data_version=history.data_version)
    if run.classes is not None:
        run.classes.store(classes, run.summary)
    return plans


def _classes_of(classes: dict[str, ProductClass], product_id: str) -> tuple[str, str, float | None]:
    """(ABC, XYZ, CV) of a product; one the run did not classify is C and Z."""
    c = classes.get(product_id)
    return (c.abc, c.xyz, c.cv) if c is not None else ("C", "Z", None)


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
    abc_basis: str | None = None,
) -> list[ItemPlan]:
    """Forecast each product's demand over all warehouses (``warehouse`` is ``*``).

    A day counts as in stock when at least one warehouse had the product in stock at its end; the
    shipments of all warehouses add up.
    """
    import numpy as np

    first, end = window(today, weeks)
    history = reader(first, end)
    items = planned_items(history)
    shipped, in_stock = weekly_matrix(history, [x.key for x in items])
    classes = classify_history(history, items, shipped, in_stock, abc_basis or history.abc_basis)
    cost_rule = office_rule(history.service_rule, history.service_overall, [x.unit_cost for x in items])
    costs: dict[str, list[float]] = {}
    order: dict[str, int] = {}
    names: dict[str, tuple[str, str]] = {}
    categories: dict[str, str] = {}
    for x in items:
        order.setdefault(x.product_id, len(order))
        names[x.product_id] = (x.sku, x.name)
        categories[x.product_id] = x.category
        if x.unit_cost > 0:
            costs.setdefault(x.product_id, []).append(float(x.unit_cost))
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
        abc, xyz, _ = _classes_of(classes, pid)
        mine = history.overrides.get(pid)
        service = (float(mine.service_target) if mine and mine.service_target is not None
                   else target_of(abc, sum(costs.get(pid, [0.0])) / len(costs.get(pid, [0.0])), cost_rule)[0])
        out.append(ItemPlan(
            product_id=pid, sku=names[pid][0], name=names[pid][1], warehouse="*", abc=abc, xyz=xyz,
            service=service, history=[float(x) for x in values[r]], week_starts=starts,
            forecast=result,
        ))
    return out
