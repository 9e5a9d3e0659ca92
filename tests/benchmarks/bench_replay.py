# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""Replay of the last 26 weeks of the demo history: the forecast-driven policy against a plain min/max rule.

Every product × warehouse that had demand in the year before the demo's last day is replayed day by day
(``domain.planning.simulation.simulate``) from the on-hand stock it really had when the replay window starts; no
order is in transit at the start, for either policy.

* Demand replayed: what was shipped each day. On a day that ended out of stock the shelf hid part of
  the demand (the ledger records no unfilled demand), so the demand of such a day is taken as the larger
  of what was shipped and the mean daily shipment of the in-stock days of the 28 days before (a
  lost-sales proxy). Both policies face the same demand.
* (a) Forecast-driven, the app's own policy: every Monday, ``forecast_many`` (vectorised methods only,
  as ``reorder`` runs by default) forecasts from the 104 complete weeks before that day, censored as
  planning censors them; d, σd and the margin of the forecast's quantile of demand over L + R as
  ``domain.planning.run.plan`` takes them; s, S from ``domain.planning.replenishment.evaluate_many`` at the ABC class's
  cycle service level (A 0.97, B 0.98, C 0.99, ``planning.SERVICE_BY_CLASS``; with ``--service-rule cost`` each
  key's by its unit cost, ``domain.planning.service``, around ``--overall``): SS = Q_α(demand over L + R)
  − d(L + R), s = d·L + SS, S = s + 2·d·R where the forecast's quantiles are calibrated, z·σ elsewhere, raised to
  s + d·R + EOQ with the app's order cost per purchase-order line (``domain.planning.ordering``, 5 unless
  ``--app-order-cost`` says otherwise; 0 is the rule before section BS); an order S − position is placed when
  position − d·R ≤ s (R = 1 week). It arrives after the chosen supplier's lead time. Orders are counted as a
  purchaser places them: lines, purchase orders (supplier × warehouse × day) and lines per supplier and week.
* (b) Min/max: reviewed every day, order up to max when the position is at or below min. The levels are
  set once, from the mean daily demand d̄ of the 13 weeks before the window: min = k·d̄·(L + 7 days),
  max = k·d̄·(L + 21 days); the scale k is found by bisection so that (b)'s average inventory value equals
  (a)'s (``domain.planning.simulation.match_inventory``).

* (c) A history-window rule as Odoo's replenishment report sets it (the last 30 days' mean demand × L as the
  minimum, × L + 14 days as the maximum, reviewed daily), scaled to (a)'s inventory like (b).

Every policy is priced alike (``domain.planning.simulation.yearly_cost``, the app's defaults K = 5 a purchase-order line
and h = 25 % a year unless ``--price K H``): a yearly total cost = h × average inventory value + K × order lines scaled
to a year. (b) and (c) are also scaled to (a)'s fill rate and to (a)'s total cost, and the replay says which policy is
cheapest at equal fill and which fills most at equal cost (section BU).

Beside the app's policy, each against its own min/max at equal inventory: the app's policy before (z·σ√L for
every key), z·σ on a weekly history built with the old ``scaled`` censoring rule
(``domain.planning.forecasting.history``), s and S read straight from the forecast's quantiles of demand over L and
L + R, z·σ with daily review, and a fill-rate (type 2) target. Per ABC class, (a), (b) and (c) at equal
total inventory, and each class replayed alone with (b) and (c) scaled to (a)'s inventory in that class.

    python tests/benchmarks/bench_replay.py [--quick] [--db PATH] [--today YYYY-MM-DD] [--sample N]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import math
import pickle
import shutil
import time
from datetime import date
from datetime import timedelta
from functools import partial
from pathlib import Path

import numpy as np
from _common import CACHE
from _common import QUICK
from _common import load
from _common import table

from domain.catalog.packs import step_of
from domain.planning import ordering
from domain.planning import run as planning
from domain.planning import service as service_rules
from domain.planning.cache import forecast_by_horizon
from domain.planning.forecasting.api import forecast_many
from domain.planning.forecasting.api import lead_time_demand
from domain.planning.forecasting.api import service_quantile
from domain.planning.forecasting.history import SCALED
from domain.planning.forecasting.history import demand_matrix
from domain.planning.history import planned_items
from domain.planning.replenishment import economic_order_quantities
from domain.planning.replenishment import evaluate_many
from domain.planning.simulation import match_inventory
from domain.planning.simulation import simulate
from domain.planning.simulation import yearly_cost

DEMO_DB = Path("/tmp/demo2.sqlite3")
DEMO_TODAY = date(2026, 11, 25)
REPLAY_WEEKS = 26
FORECAST_WEEKS = 104
REVIEW_DAYS = 7
PROXY_DAYS = 28
WINDOW_DAYS = 30  # the history-window rule's look-back
HORIZON_DAYS = 14  # and what it orders for beyond the lead time
STRATEGY = os.environ.get("STOCKROOM_FORECAST_STRATEGY", "combine")  # or "select", the earlier per-row choice


def read(db_path: Path, today: date):
    """The planning history of the forecast weeks plus the replay weeks, read from a copy of the database."""
    from persistence.db import sqlite_engine
    from persistence.planning.queries import read_history

    copy = CACHE / "replay-demo.sqlite3"
    CACHE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, copy)
    engine = sqlite_engine(copy)
    try:
        first, end = planning.window(today, FORECAST_WEEKS + REPLAY_WEEKS)
        return read_history(engine, first, end, stamp=False)  # no alerts summary kept
    finally:
        engine.dispose()


def closing_stock(history, keys) -> np.ndarray:
    """End-of-day on hand per key and day (the last known value carried forward; 0 before any stock)."""
    days = history.days
    out = np.full((len(keys), days + 1), np.nan)
    for r, key in enumerate(keys):
        for day, qty in history.closing.get(key, ()):
            out[r, max(day, -1) + 1] = float(qty)
    idx = np.where(~np.isnan(out), np.arange(days + 1)[None, :], 0)
    np.maximum.accumulate(idx, axis=1, out=idx)
    filled = np.take_along_axis(out, idx, axis=1)
    return np.nan_to_num(filled[:, 1:], nan=0.0)


def replay_demand(shipped: np.ndarray, in_stock: np.ndarray, start: int) -> np.ndarray:
    """Demand per day from ``start`` on: shipped, raised on out-of-stock days to the lost-sales proxy."""
    n, days = shipped.shape
    out = shipped[:, start:].copy()
    for t in range(start, days):
        lo = max(0, t - PROXY_DAYS)
        obs = in_stock[:, lo:t]
        count = obs.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(count > 0, np.where(obs, shipped[:, lo:t], 0.0).sum(axis=1) / count, 0.0)
        out[:, t - start] = np.where(in_stock[:, t], shipped[:, t], np.maximum(shipped[:, t], mean))
    return out


def weekly(shipped, in_stock, first_day: date, rule: str):
    """The censored weekly history: ``planning.aggregate_weeks`` (what ``plan`` reads today) or the
    forecasting module's ``demand_matrix`` with the given rule."""
    if rule == "planning":
        return planning.aggregate_weeks(shipped, in_stock, first_day)[0]
    return demand_matrix(shipped, in_stock, rule=rule)


def forecast_stats(
    shipped, in_stock, first_day: date, start: int, lead_days, service, thorough: float = 0.0, rule: str = "planning",
    horizon: int = 0,
):
    """Per key at each Monday of the replay (keys × reviews): weekly demand d and one-step σd as ``plan``
    takes them, the quantiles of demand over L and over L + R at the key's service level, and the margin
    ``plan`` takes its safety stock from (``planning.cover_margin``: Q_α(demand over L + R) − d(L + R), NaN
    where the forecast's quantiles are not calibrated).

    With ``thorough`` > 0 the selection also tries ETS and Theta for that many seconds per Monday (two
    worker processes), as ``reorder --thorough`` would. Each key is forecast at its own L + R in weeks, as ``plan``
    takes it (``planning.forecast_horizon``), and never under ``horizon``: ``--horizon 13`` replays what every key
    got before section BQ in a run with a 13-week supplier elsewhere (the run's longest L + R for every key).
    """
    options = {"models": ()}
    if thorough > 0:
        options = {"budget_seconds": thorough, "workers": 2, "start_method": "fork"}
    options["strategy"] = STRATEGY
    n, days = shipped.shape
    cover = (lead_days + REVIEW_DAYS) / 7
    horizons = [min(planning.MAX_HORIZON, max(horizon, planning.forecast_horizon(x + REVIEW_DAYS))) for x in lead_days]
    ds, sigmas, q_l, q_lr, margins = [], [], [], [], []
    lead = lead_days / 7
    for t in range(start, days, REVIEW_DAYS):
        lo = t - 7 * FORECAST_WEEKS
        values = weekly(shipped[:, lo:t], in_stock[:, lo:t], first_day + timedelta(days=lo), rule)
        results = forecast_by_horizon(values, horizons, forecast_many, **options)
        ds.append([lead_time_demand(r, c)[0] / c for r, c in zip(results, cover, strict=True)])
        sigmas.append([r.sigma for r in results])
        # a target between the computed levels (A's 0.97) is read as planning reads it, on the normal scale
        q_l.append([_or_nan(service_quantile(r, x, a)) for r, x, a in zip(results, lead, service, strict=True)])
        q_lr.append([_or_nan(service_quantile(r, c, a)) for r, c, a in zip(results, cover, service, strict=True)])
        found = (planning.cover_margin(r, c, a, h) for r, c, a, h in zip(results, cover, service, values, strict=True))
        margins.append([math.nan if x is None else x for x in found])
    return tuple(np.array(x).T for x in (ds, sigmas, q_l, q_lr, margins))


def kept_stats(path: Path | None, what, compute):
    """``compute()``'s forecast statistics, read from ``path`` when it holds them for the same ``what`` (keys,
    Thorough budget, horizon floor, service targets), else computed and kept there."""
    if path is not None and path.exists():
        with path.open("rb") as f:
            kept_what, stats = pickle.load(f)
        if kept_what == what:
            return stats
        raise SystemExit(f"--keep {path}: kept for other keys, horizon or targets; give another file")
    stats = compute()
    if path is not None:
        with path.open("wb") as f:
            pickle.dump((what, stats), f)
    return stats


def _or_nan(x: float | None) -> float:
    return math.nan if x is None else x


def forecast_levels(d, sigma, lead_days, service, days: int, *, review_days: int, target: str, quantiles=None,
                    margin=None, eoq=None):
    """Trigger and order-up-to per key and replay day for the forecast-driven policy.

    Levels are recomputed every Monday from that Monday's forecast; the position is checked every
    ``review_days`` days (NaN trigger on the other days). ``target`` ``cycle`` is the app's policy
    (``evaluate_many`` with the forecast's ``margin``: where its quantiles are calibrated, SS = Q_α(demand over
    L + R) − d(L + R), s = d·L + SS, S = s + 2·d·R; elsewhere z·σ); ``sigma`` the app's policy before, z = Φ⁻¹(α) on
    σ_LT and σ_(L+R) for every key; ``fill`` uses the service level as a fill rate instead
    (``safety_factors_fill_rate`` with Q = d·R, the order a review covers); ``quantile`` takes s and S straight
    from the forecast's quantiles: s = Q_α(demand over L), S = Q_α(demand over L + R) (``quantiles`` = those two
    arrays, keys × reviews). ``eoq``: the least order per key from that Monday's d (``min_order`` of
    ``evaluate_many``), e.g. the economic order quantity (``replenishment.economic_order_quantities``).
    """
    from domain.planning.replenishment import safety_factors_fill_rate

    n, reviews = d.shape
    trigger = np.full((n, days), np.nan)
    up_to = np.full((n, days), np.nan)
    L = lead_days / 7
    R = review_days / 7
    zero = np.zeros(n)
    for w in range(reviews):
        dw, sw = d[:, w], sigma[:, w]
        if target in ("cycle", "sigma"):
            lv = evaluate_many(
                on_hand=zero,
                on_order=zero,
                reserved=zero,
                demand=dw,
                sigma_demand=sw,
                lead_time=L,
                review=np.full(n, R),
                service=service,
                margin=margin[:, w] if target == "cycle" else None,
                min_order=None if eoq is None else eoq(dw),
            )
            s, big_s = lv["reorder_point"], lv["order_up_to"]
        elif target == "quantile":
            s, big_s = quantiles[0][:, w], quantiles[1][:, w]
        else:
            sigma_lt = np.sqrt(L * sw**2)
            sigma_ltr = np.sqrt((L + R) * sw**2)
            q = np.maximum(dw * R, 1e-9)
            k_lt = safety_factors_fill_rate(service, q, sigma_lt)
            k_ltr = safety_factors_fill_rate(service, q, sigma_ltr)
            s, big_s = dw * L + k_lt * sigma_lt, dw * (L + R) + k_ltr * sigma_ltr
        week = slice(7 * w, min(days, 7 * w + 7))
        checks = np.arange(week.start, week.stop)[(np.arange(week.start, week.stop) % review_days) == 0]
        trigger[:, checks] = (s + dw * R)[:, None]
        up_to[:, checks] = big_s[:, None]
    return trigger, up_to


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db", type=Path, default=DEMO_DB)
    parser.add_argument("--today", type=date.fromisoformat, default=DEMO_TODAY)
    parser.add_argument("--sample", type=int, default=300 if QUICK else 0, help="replay this many keys (0 = all)")
    parser.add_argument("--thorough", type=float, default=0.0, help="seconds of ETS/Theta per weekly forecast")
    parser.add_argument("--horizon", type=int, default=0, metavar="WEEKS",
                        help="forecast every key at least this many weeks ahead, as a run with a slower "
                             "supplier elsewhere did before each key had its own horizon (section BQ)")
    parser.add_argument("--service-rule", choices=service_rules.RULES, default=service_rules.DEFAULT_RULE,
                        help="the app's service targets by ABC class or by unit cost (domain.planning.service)")
    parser.add_argument("--overall", type=float, default=service_rules.DEFAULT_OVERALL,
                        help="the overall target of the unit-cost rule, such as 0.99")
    parser.add_argument("--order-cost", type=float, nargs="*", default=[], metavar="K",
                        help="also replay the app's policy with orders of at least the economic order quantity at "
                             "these costs per purchase-order line (replenishment.economic_order_quantities)")
    parser.add_argument("--order-weeks", type=float, nargs="*", default=[], metavar="T",
                        help="also replay the app's policy with orders of at least T weeks of forecast demand")
    parser.add_argument("--app-order-cost", type=float, default=ordering.DEFAULT_ORDER_COST, metavar="K",
                        help="the app's order cost per purchase-order line (0: orders of about d·R, before section BS)")
    parser.add_argument("--holding-rate", type=float, default=ordering.HOLDING_RATE,
                        help="the yearly holding cost as a share of the unit cost, for --order-cost")
    parser.add_argument("--price", type=float, nargs=2, default=None, metavar=("K", "H"),
                        help="price every policy at this order cost per line and holding rate (default: the app's "
                             "defaults, ordering.DEFAULT_ORDER_COST and ordering.HOLDING_RATE, or --holding-rate)")
    parser.add_argument("--round", action="store_true",
                        help="raise every policy's orders to the chosen supplier's minimum order and whole order steps")
    parser.add_argument("--only-app", action="store_true",
                        help="replay only the app's policy (and its --order-cost variants), not the older ones, "
                             "nor forecast for them")
    parser.add_argument("--at-inventory", type=float, default=0.0, metavar="VALUE",
                        help="scale the app's safety stock (its margin and σ) so its average inventory value is VALUE: "
                             "forecasts of another horizon floor compared at equal inventory")
    parser.add_argument("--keep", type=Path, default=None, metavar="FILE",
                        help="keep the 26 Mondays' forecast statistics in FILE (a pickle), or read them from it when "
                             "it exists: the policies can then be replayed again in a minute")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"\n(no demo database at {args.db}: replay skipped)")
        return
    started = time.perf_counter()
    history = read(args.db, args.today)
    items = [x for x in history.items if x.key in history.shipped]
    keys = [x.key for x in items]
    shipped, in_stock = planning.weekly_matrix(history, keys)
    days = shipped.shape[1]
    start = days - 7 * REPLAY_WEEKS
    active = shipped[:, max(0, days - 364) :].sum(axis=1) > 0
    rows = np.flatnonzero(active)
    if args.sample and args.sample < len(rows):
        rows = np.sort(np.random.default_rng(5).choice(rows, args.sample, replace=False))
    items = [items[i] for i in rows]
    keys = [keys[i] for i in rows]
    shipped, in_stock = shipped[rows], in_stock[rows]
    stock = closing_stock(history, keys)
    start_stock = stock[:, start - 1]

    annual = {}
    for item, qty in zip(items, shipped[:, start - 364 : start].sum(axis=1), strict=True):
        terms = planning.choose_terms(history.terms.get(item.product_id, ()))
        price = float(terms.unit_price) if terms else float(item.unit_cost)
        annual[item.product_id] = annual.get(item.product_id, 0.0) + float(qty) * price
    abc = planning.abc_classes(annual)
    by_cost = service_rules.office_rule(args.service_rule, args.overall, [x.unit_cost for x in planned_items(history)])
    service = np.array([service_rules.target_of(abc.get(x.product_id, "C"), x.unit_cost, by_cost)[0] for x in items])
    chosen = [planning.choose_terms(history.terms.get(x.product_id, ())) for x in items]
    lead_days = np.array([t.lead_time_days if t else 0 for t in chosen], dtype=int)
    cost = np.array(
        [
            float(x.unit_cost) if x.unit_cost else (float(t.unit_price) if t else 0.0)
            for x, t in zip(items, chosen, strict=True)
        ]
    )
    supplier = np.array([t.supplier_id if t else "" for t in chosen])
    warehouse = np.array([x.warehouse_id for x in items])
    rounding = {"moq": None, "step": None}
    if args.round:
        rounding = {"moq": np.array([float(t.moq) if t else 0.0 for t in chosen]),
                    "step": np.array([float(step_of(t.multiple, t.pack_size)) if t else 0.0 for t in chosen])}
    play = partial(simulate, **rounding)
    demand = replay_demand(shipped, in_stock, start)
    read_took = time.perf_counter() - started

    t0 = time.perf_counter()
    rules = ("planning",) if args.only_app else ("planning", SCALED)
    stats = kept_stats(args.keep, (keys, args.thorough, args.horizon, service.tolist()), lambda: {
        rule: forecast_stats(shipped, in_stock, history.first_day, start, lead_days, service, args.thorough, rule,
                             args.horizon)
        for rule in rules
    })
    forecast_took = time.perf_counter() - t0

    before = shipped[:, start - 91 : start]
    seen = in_stock[:, start - 91 : start]
    with np.errstate(invalid="ignore", divide="ignore"):
        dbar = np.where(seen.sum(axis=1) > 0, np.where(seen, before, 0.0).sum(axis=1) / seen.sum(axis=1), 0.0)
    min0 = dbar * (lead_days + 7)
    max0 = dbar * (lead_days + 21)

    def minmax(k: float):
        return play(
            demand,
            start_stock=start_stock,
            lead_days=lead_days,
            trigger=(k * min0)[:, None],
            up_to=(k * max0)[:, None],
            unit_cost=cost,
        )

    # A history-window rule as Odoo's replenishment report sets it: the mean daily demand of the last N days times
    # the lead time is the minimum, times the lead time plus a horizon the maximum, reviewed daily; its scale is
    # bisected to the app's inventory like min/max's.
    past = np.concatenate([shipped[:, start - WINDOW_DAYS : start], demand], axis=1)
    csum = np.concatenate([np.zeros((len(keys), 1)), np.cumsum(past, axis=1)], axis=1)
    window_mean = (csum[:, WINDOW_DAYS : WINDOW_DAYS + demand.shape[1]] - csum[:, : demand.shape[1]]) / WINDOW_DAYS
    win_min = window_mean * lead_days[:, None]
    win_max = window_mean * (lead_days[:, None] + HORIZON_DAYS)

    def history_window(k: float):
        return play(demand, start_stock=start_stock, lead_days=lead_days, trigger=k * win_min, up_to=k * win_max,
                    unit_cost=cost)

    app = "the app's policy: SS from the calibrated quantile of demand over L + R, S = s + 2·d·R, weekly review"
    before = "the app's policy before: SS = z·σ√L, S = d(L + R) + z·σ√(L + R), weekly review"

    def least(k: float):
        return partial(economic_order_quantities, unit_cost=cost, order_cost=k, holding_rate=args.holding_rate)

    if args.app_order_cost > 0:
        app = (f"the app's policy: SS from the calibrated quantile of demand over L + R, S = s + 2·d·R or more for an "
               f"order of at least the EOQ at K = {args.app_order_cost:g} a line, weekly review")
    variants = [(app, "planning", 7, "cycle", least(args.app_order_cost) if args.app_order_cost > 0 else None)]
    variants += [(f"the app's policy, orders of at least the EOQ at K = {k:g} a line, h = {args.holding_rate:.0%}",
                  "planning", 7, "cycle", least(k)) for k in args.order_cost]
    variants += [(f"the app's policy, orders of at least {w:g} weeks' demand", "planning", 7, "cycle",
                  lambda dw, w=w: w * dw) for w in args.order_weeks]
    compared = [x[0] for x in variants]  # against the history window too, and per class
    if not args.only_app:
        compared.append(before)
        variants += [
            (before, "planning", 7, "sigma", None),
            (f"z·σ with the old {SCALED} censoring rule (≥ 4 in-stock days a week)", SCALED, 7, "sigma", None),
            ("s, S = quantiles of demand over L and over L + R at α, weekly review", "planning", 7, "quantile", None),
            ("z·σ, daily review", "planning", 1, "sigma", None),
            ("fill-rate target, weekly review", "planning", 7, "fill", None),
        ]
    weeks = demand.shape[1] // 7
    actual_weekly = demand[:, : weeks * 7].reshape(len(keys), weeks, 7).sum(axis=2)
    t0 = time.perf_counter()
    rows_out = []
    runs = {}
    windows = {}
    price_k, price_h = args.price if args.price else (ordering.DEFAULT_ORDER_COST, args.holding_rate)
    price = partial(yearly_cost, order_cost=price_k, holding_rate=price_h)
    costs = []  # per policy compared: (a) against each rival at equal inventory, equal fill and equal cost
    for label, rule, review_days, target, eoq in variants:
        dr, sr, ql, qlr, margin = stats[rule]

        def levels(scale=1.0, dr=dr, sr=sr, ql=ql, qlr=qlr, margin=margin, review_days=review_days, target=target,
                   eoq=eoq):
            return forecast_levels(dr, scale * sr, lead_days, service, demand.shape[1], review_days=review_days,
                                   target=target, quantiles=(ql, qlr), margin=scale * margin, eoq=eoq)

        trigger, up_to = levels()
        a = play(demand, start_stock=start_stock, lead_days=lead_days, trigger=trigger, up_to=up_to, unit_cost=cost)
        if args.at_inventory and target == "cycle" and rule == "planning":  # the app's policy and its variants
            scale, a = match_inventory(lambda x: play(demand, start_stock=start_stock, lead_days=lead_days,
                                                      unit_cost=cost, **dict(zip(("trigger", "up_to"), levels(x),
                                                                                 strict=True))),
                                       args.at_inventory, low=0.5, high=1.5, tol=1e-4)
            trigger, up_to = levels(scale)
            scaled = f"{label}, safety stock × {scale:.4f} to {args.at_inventory:,.0f} of inventory"
            compared[compared.index(label)] = label = scaled
        k, b = match_inventory(minmax, a.average_inventory_value)
        runs[label] = (a, b, trigger, up_to)
        pairs = [(f"(a) forecast-driven, {label}", a), (f"(b) min/max at equal inventory, k = {k:.3f}", b)]
        if label in compared:
            kw, c = match_inventory(history_window, a.average_inventory_value)
            windows[label] = c
            pairs.append((f"(c) history window ({WINDOW_DAYS} days' mean × L, up to L + {HORIZON_DAYS} days, daily "
                          f"review) at equal inventory, k = {kw:.3f}", c))
            costs.append((label, a, cost_rivals(a, {"min/max": (minmax, k), "history window": (history_window, kw)},
                                                price)))
        for name, r in pairs:
            rows_out.append(
                (
                    name,
                    f"{r.fill_rate:.2%}",
                    f"{r.stockout_days:,}",
                    f"{r.average_inventory_value:,.0f}",
                    *purchase_orders(r, supplier, warehouse),
                    cost_text(price(r)),
                )
            )
    sim_took = time.perf_counter() - t0
    first = history.first_day + timedelta(days=start)
    last = history.first_day + timedelta(days=days - 1)
    print(
        f"\n{load()}; {args.db}, replay {first} .. {last} ({days - start} days), {len(keys)} product × warehouse "
        f"keys{' (sampled)' if args.sample else ''}; read {read_took:.1f} s, 26 weekly forecasts"
        f"{f' (with ETS/Theta, {args.thorough:.0f} s each)' if args.thorough else ''} "
        f"{forecast_took:.1f} s, replays and bisections {sim_took:.1f} s, total {time.perf_counter() - started:.0f} s"
    )
    for rule in stats:
        d = stats[rule][0]
        print(
            f"forecast bias over the replay, history by {rule}: Σ forecast weekly demand / Σ replayed weekly demand = "
            f"{d[:, :weeks].sum() / actual_weekly.sum():.3f}; by ABC class: "
            + ", ".join(
                f"{c} {d[m, :weeks].sum() / actual_weekly[m].sum():.3f}"
                for c in ("A", "B", "C")
                if (m := np.array([abc.get(x.product_id, "C") == c for x in items])).any() and actual_weekly[m].sum()
            )
        )
    total = demand.sum()
    table(
        f"Replay of the last {REPLAY_WEEKS} weeks: same demand ({total:,.0f} units), same start stock",
        rows_out,
        ("policy", "fill rate", "stockout days", "average inventory value", "orders placed (PO lines)",
         "POs (supplier × warehouse × day)", "PO lines per supplier and week (mean / most)",
         f"yearly cost at K = {price_k:g} a line, h = {price_h:.0%}: holding + ordering = total"),
    )
    cost_table(costs, price, price_k, price_h)
    classes = np.array([abc.get(x.product_id, "C") for x in items])
    for label in compared:
        a, b, trigger, up_to = runs[label]
        per_class(label, a, b, windows[label], classes, demand, cost)
        per_class_matched(label, a, trigger, up_to, classes, demand, cost, start_stock, lead_days,
                          (min0, max0), (win_min, win_max), rounding)


def cost_text(cost) -> str:
    return f"{cost.holding:,.0f} + {cost.ordering:,.0f} = {cost.total:,.0f}"


def cost_rivals(a, rivals, price) -> dict:
    """Each rival (name: (run(k), its k at equal inventory)) scaled twice more: to (a)'s fill rate, and to (a)'s
    yearly total cost. Fill grows with k; so does the total cost from half the equal-inventory k up, where holding
    outgrows the lines saved (the bisection starts there)."""
    out = {}
    for name, (run, k_inventory) in rivals.items():
        kf, at_fill = match_inventory(run, a.fill_rate, high=k_inventory, tol=1e-6, measure=lambda r: r.fill_rate)
        kc, at_cost = match_inventory(run, price(a).total, low=k_inventory / 2, high=k_inventory, tol=1e-5,
                                      measure=lambda r: price(r).total)
        out[name] = ((kf, at_fill), (kc, at_cost))
    return out


def cost_table(costs, price, price_k, price_h) -> None:
    """The yearly total cost of the app's policy and of each rival at equal fill, and the fill each rival buys at
    the app's total cost; the verdict says which policy is cheapest at equal fill and which fills most at equal
    cost."""
    rows = []
    for label, a, rivals in costs:
        mine = price(a)
        rows.append((f"(a) {label}", f"{a.fill_rate:.2%}", f"{a.average_inventory_value:,.0f}", f"{mine.lines:,}",
                     cost_text(mine), "", ""))
        cheapest, fullest = ("(a)", mine.total), ("(a)", a.fill_rate)
        for name, ((kf, at_fill), (kc, at_cost)) in rivals.items():
            for how, r in ((f"at equal fill, k = {kf:.3f}", at_fill), (f"at equal cost, k = {kc:.3f}", at_cost)):
                c = price(r)
                if "fill" in how and r.fill_rate < a.fill_rate - 5e-5:  # keys it never orders for (no past demand)
                    rows.append((f"    {name} never reaches (a)'s fill rate: at most {r.fill_rate:.2%}, whatever "
                                 f"its scale", "", "", "", "", "", ""))
                    continue
                more = f"{(c.total - mine.total) / mine.total:+.1%}"
                rows.append((f"    {name} {how}", f"{r.fill_rate:.2%}", f"{r.average_inventory_value:,.0f}",
                             f"{c.lines:,}", cost_text(c), more if "fill" in how else "",
                             f"{(r.fill_rate - a.fill_rate) * 100:+.2f}" if "cost" in how else ""))
            if price(at_fill).total < cheapest[1] and at_fill.fill_rate >= a.fill_rate - 5e-5:
                cheapest = (name, price(at_fill).total)
            if at_cost.fill_rate > fullest[1]:
                fullest = (name, at_cost.fill_rate)
        verdict = f"    cheapest at equal fill: {cheapest[0]}; most fill at equal cost: {fullest[0]}"
        rows.append((verdict, "", "", "", "", "", ""))
    table(
        f"Yearly total cost at K = {price_k:g} a purchase-order line and a holding rate of {price_h:.0%}: each rival "
        f"scaled to (a)'s fill rate, and to (a)'s total cost",
        rows,
        ("policy", "fill rate", "average inventory value", "order lines", "holding + ordering = total a year",
         "total cost vs (a)", "fill vs (a), points"),
    )


def purchase_orders(result, supplier, warehouse) -> tuple[str, str, str]:
    """What a purchaser would place: order lines (key × day with an order), purchase orders (one per supplier ×
    warehouse × day with a line) and lines per supplier and week (the mean over the suppliers that have a key and
    the weeks of the replay, and the most in one supplier-week); keys without a supplier count as one supplier."""
    ordered = result.ordered > 0
    days = ordered.shape[1]
    week = np.arange(days) // 7
    weeks = int(week.max()) + 1 if days else 1
    names, by_supplier = np.unique(supplier, return_inverse=True)
    _, by_pair = np.unique(np.char.add(np.char.add(supplier.astype(str), "|"), warehouse.astype(str)),
                           return_inverse=True)
    rows, cols = np.nonzero(ordered)
    orders = len(np.unique(by_pair[rows] * days + cols))
    per_week = np.zeros((len(names), weeks))
    np.add.at(per_week, (by_supplier[rows], week[cols]), 1)
    return f"{len(rows):,}", f"{orders:,}", f"{per_week.mean():.1f} / {int(per_week.max(initial=0))}"


def _class_row(cls, sel, runs, demand, cost):
    dem = demand[sel].sum()
    fills = [f"{r.served[sel].sum() / dem:.2%}" if dem else "-" for r in runs]
    outs = [f"{int((r.lost[sel] > 1e-9).sum()):,}" for r in runs]
    value = [f"{(r.on_hand[sel] * cost[sel, None]).sum(axis=0).mean():,.0f}" for r in runs]
    orders = [f"{int((r.ordered[sel] > 0).sum()):,}" for r in runs]
    return (cls, f"{int(sel.sum())}", " / ".join(fills), " / ".join(outs), " / ".join(value), " / ".join(orders))


def per_class(label, a, b, c, classes, demand, cost) -> None:
    """Fill rate, stockout days and inventory per ABC class of (a), (b) and (c) at equal total inventory."""
    rows = [_class_row(cls, classes == cls, (a, b, c), demand, cost) for cls in "ABC" if (classes == cls).any()]
    table(
        f"Per ABC class at equal total inventory: (a) {label} / (b) min/max / (c) history window",
        rows,
        ("class", "keys", "fill rate (a / b / c)", "stockout days (a / b / c)", "average inventory value (a / b / c)",
         "orders placed (a / b / c)"),
    )


def per_class_matched(label, a, trigger, up_to, classes, demand, cost, start_stock, lead_days, minmax_levels,
                      window_levels, rounding) -> None:
    """Each class replayed alone: min/max and the history window scaled to (a)'s inventory *in that class*, so a
    class is not won or lost by where the other policy put the stock."""
    rows = []
    lo, hi = minmax_levels
    wlo, whi = window_levels
    for cls in ("A", "B", "C"):
        sel = classes == cls
        if not sel.any():
            continue

        def sub(trig, top, sel=sel):
            trig = trig[sel] if np.ndim(trig) == 2 else trig
            top = top[sel] if np.ndim(top) == 2 else top
            terms = {k: None if v is None else v[sel] for k, v in rounding.items()}
            return simulate(demand[sel], start_stock=start_stock[sel], lead_days=lead_days[sel], trigger=trig,
                            up_to=top, unit_cost=cost[sel], **terms)

        mine = sub(trigger, up_to)
        _, b = match_inventory(lambda k, sub=sub: sub((k * lo)[:, None], (k * hi)[:, None]),
                               mine.average_inventory_value)
        _, c = match_inventory(lambda k, sub=sub: sub(k * wlo, k * whi), mine.average_inventory_value)
        dem = demand[sel].sum()
        rows.append((cls, f"{int(sel.sum())}", " / ".join(f"{r.served.sum() / dem:.2%}" for r in (mine, b, c)),
                     " / ".join(f"{r.stockout_days:,}" for r in (mine, b, c)),
                     " / ".join(f"{r.average_inventory_value:,.0f}" for r in (mine, b, c)),
                     " / ".join(f"{int((r.ordered > 0).sum()):,}" for r in (mine, b, c))))
    table(
        f"Per ABC class at equal inventory within the class: (a) {label} / (b) min/max / (c) history window",
        rows,
        ("class", "keys", "fill rate (a / b / c)", "stockout days (a / b / c)", "average inventory value (a / b / c)",
         "orders placed (a / b / c)"),
    )


if __name__ == "__main__":
    main()
