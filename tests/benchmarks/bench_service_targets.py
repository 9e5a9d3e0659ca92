# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""The replay of ``bench_replay.py`` for many ABC class service targets from one set of forecasts.

``bench_replay.py`` forecasts every key at each of the 26 Mondays (about 10 s a Monday) and replays one set of class
targets. Here the forecasts are made once and kept (``--keep``, a pickle): per key and Monday the demand d, σd, the
demand class, the cap of an intermittent or lumpy row (``planning.largest_cover_demand``) and the forecast's quantile of
demand over L + R at the levels of ``GRID``. Each set of targets then reads the quantile at its level (exact at a
level of the grid, between two levels on the normal scale as ``service_quantile`` reads between the computed ones),
sets the app's policy as ``bench_replay.forecast_levels`` does (``evaluate_many`` with the margin) and is replayed
against min/max and the history window at equal total inventory, per class at equal total inventory and, with
``--per-class``, each class alone at equal inventory within it. At the app's own targets it prints
``bench_replay.py``'s first three lines and per-class tables to the last digit.

    python tests/benchmarks/bench_service_targets.py --db COPY --today 2026-12-05 --keep /tmp/f.pkl \\
        --targets 0.98,0.95,0.95 0.97,0.98,0.99 [--per-class]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import math
import pickle
from datetime import date
from datetime import timedelta
from pathlib import Path

import bench_replay as br
import numpy as np
from scipy.special import ndtri

from domain.planning import ordering
from domain.planning import run as planning
from domain.planning import service
from domain.planning.cache import forecast_by_horizon
from domain.planning.forecasting.api import forecast_many
from domain.planning.forecasting.api import lead_time_demand
from domain.planning.forecasting.api import service_quantile
from domain.planning.replenishment import economic_order_quantities
from domain.planning.replenishment import evaluate_many
from domain.planning.simulation import match_inventory
from domain.planning.simulation import simulate

GRID = (0.80, 0.85, 0.90, 0.925, 0.95, 0.965, 0.97, 0.98, 0.99, 0.995)


def forecasts(db: Path, today: date) -> dict:
    """What the replay's policy reads, for every key and Monday, with the quantiles at every level of ``GRID``."""
    history = br.read(db, today)
    items = [x for x in history.items if x.key in history.shipped]
    keys = [x.key for x in items]
    shipped, in_stock = planning.weekly_matrix(history, keys)
    days = shipped.shape[1]
    start = days - 7 * br.REPLAY_WEEKS
    rows = np.flatnonzero(shipped[:, max(0, days - 364):].sum(axis=1) > 0)
    items, keys, shipped, in_stock = [items[i] for i in rows], [keys[i] for i in rows], shipped[rows], in_stock[rows]
    annual: dict[str, float] = {}
    for item, qty in zip(items, shipped[:, start - 364:start].sum(axis=1), strict=True):
        terms = planning.choose_terms(history.terms.get(item.product_id, ()))
        price = float(terms.unit_price) if terms else float(item.unit_cost)
        annual[item.product_id] = annual.get(item.product_id, 0.0) + float(qty) * price
    abc = planning.abc_classes(annual)
    chosen = [planning.choose_terms(history.terms.get(x.product_id, ())) for x in items]
    lead_days = np.array([t.lead_time_days if t else 0 for t in chosen], dtype=int)
    cost = np.array([float(x.unit_cost) if x.unit_cost else (float(t.unit_price) if t else 0.0)
                     for x, t in zip(items, chosen, strict=True)])
    demand = br.replay_demand(shipped, in_stock, start)
    cover = (lead_days + br.REVIEW_DAYS) / 7
    horizons = [planning.forecast_horizon(x + br.REVIEW_DAYS) for x in lead_days]  # each key its own, as plan
    d, sigma, demand_class, cap, q = [], [], [], [], []
    for t in range(start, days, br.REVIEW_DAYS):
        lo = t - 7 * br.FORECAST_WEEKS
        values = br.weekly(shipped[:, lo:t], in_stock[:, lo:t], history.first_day + timedelta(days=lo), "planning")
        results = forecast_by_horizon(values, horizons, forecast_many, models=(), strategy=br.STRATEGY)
        d.append([lead_time_demand(r, c)[0] / c for r, c in zip(results, cover, strict=True)])
        sigma.append([r.sigma for r in results])
        demand_class.append([r.demand_class for r in results])
        cap.append([br._or_nan(planning.largest_cover_demand(h, c)) for h, c in zip(values, cover, strict=True)])
        q.append([[br._or_nan(service_quantile(r, c, a)) if r.calibrated else math.nan for a in GRID]
                  for r, c in zip(results, cover, strict=True)])
    before, seen = shipped[:, start - 91:start], in_stock[:, start - 91:start]
    with np.errstate(invalid="ignore", divide="ignore"):
        dbar = np.where(seen.sum(axis=1) > 0, np.where(seen, before, 0.0).sum(axis=1) / seen.sum(axis=1), 0.0)
    past = np.concatenate([shipped[:, start - br.WINDOW_DAYS:start], demand], axis=1)
    csum = np.concatenate([np.zeros((len(keys), 1)), np.cumsum(past, axis=1)], axis=1)
    span = demand.shape[1]
    window_mean = (csum[:, br.WINDOW_DAYS:br.WINDOW_DAYS + span] - csum[:, :span]) / br.WINDOW_DAYS
    return {"grid": GRID, "demand": demand, "start_stock": br.closing_stock(history, keys)[:, start - 1],
            "lead_days": lead_days, "cost": cost, "classes": np.array([abc.get(x.product_id, "C") for x in items]),
            "d": np.array(d).T, "sigma": np.array(sigma).T, "demand_class": np.array(demand_class).T,
            "cap": np.array(cap).T, "q": np.array(q).transpose(1, 0, 2), "dbar": dbar, "window_mean": window_mean,
            "cover": cover}


def levels(f: dict, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Trigger and order-up-to per key and day of the app's policy at the service level ``alpha`` per key."""
    grid = ndtri(np.array(f["grid"]))
    n, reviews, _ = f["q"].shape
    z = np.broadcast_to(ndtri(alpha)[:, None], (n, reviews))
    j = np.clip(np.searchsorted(grid, z) - 1, 0, len(grid) - 2)
    w = (z - grid[j]) / (grid[j + 1] - grid[j])
    below = np.take_along_axis(f["q"], j[..., None], 2)[..., 0]
    above = np.take_along_axis(f["q"], (j + 1)[..., None], 2)[..., 0]
    q = np.maximum(below + w * (above - below), 0.0)
    capped = np.isin(f["demand_class"], planning.CAPPED_CLASSES) & np.isfinite(f["cap"])
    margin = np.where(capped, np.minimum(q, f["cap"]), q) - f["d"] * f["cover"][:, None]
    days = f["demand"].shape[1]
    trigger, up_to = np.full((n, days), np.nan), np.full((n, days), np.nan)
    zero, review = np.zeros(n), br.REVIEW_DAYS / 7
    for k in range(min(reviews, math.ceil(days / br.REVIEW_DAYS))):
        lv = evaluate_many(on_hand=zero, on_order=zero, reserved=zero, demand=f["d"][:, k],
                           sigma_demand=f["sigma"][:, k], lead_time=f["lead_days"] / 7, review=np.full(n, review),
                           service=alpha, margin=margin[:, k],
                           min_order=economic_order_quantities(f["d"][:, k], f["cost"], ordering.DEFAULT_ORDER_COST,
                                                               ordering.HOLDING_RATE))  # the app's default (BS)
        trigger[:, br.REVIEW_DAYS * k] = lv["reorder_point"] + f["d"][:, k] * review
        up_to[:, br.REVIEW_DAYS * k] = lv["order_up_to"]
    return trigger, up_to


def replay(f: dict, trigger, up_to, sel=slice(None)):
    pick = lambda x: x[sel] if np.ndim(x) == 2 else x  # noqa: E731
    return simulate(f["demand"][sel], start_stock=f["start_stock"][sel], lead_days=f["lead_days"][sel],
                    trigger=pick(trigger), up_to=pick(up_to), unit_cost=f["cost"][sel])


def report(f: dict, alpha: np.ndarray, label: str, per_class: bool) -> None:
    """(a) at the targets ``alpha`` per key against min/max and the history window, as ``bench_replay.py`` prints
    them."""
    cls = f["classes"]
    trigger, up_to = levels(f, alpha)
    lead = f["lead_days"]
    minmax = ((f["dbar"] * (lead + 7))[:, None], (f["dbar"] * (lead + 21))[:, None])
    window = (f["window_mean"] * lead[:, None], f["window_mean"] * (lead[:, None] + br.HORIZON_DAYS))
    a = replay(f, trigger, up_to)
    _, b = match_inventory(lambda k: replay(f, k * minmax[0], k * minmax[1]), a.average_inventory_value)
    _, c = match_inventory(lambda k: replay(f, k * window[0], k * window[1]), a.average_inventory_value)
    print(f"\n{label}: fill rate (a / min/max / history window) "
          f"{a.fill_rate:.2%} / {b.fill_rate:.2%} / {c.fill_rate:.2%}; stockout days {a.stockout_days:,} / "
          f"{b.stockout_days:,} / {c.stockout_days:,}; average inventory value {a.average_inventory_value:,.0f}")
    for k in "ABC":
        sel = cls == k
        demand = f["demand"][sel].sum()
        value = [(r.on_hand[sel] * f["cost"][sel, None]).sum(axis=0).mean() for r in (a, b, c)]
        line = (f"  {k} ({int(sel.sum())} keys) at equal total inventory: fill "
                + " / ".join(f"{r.served[sel].sum() / demand:.2%}" for r in (a, b, c)) + ", stockout days "
                + " / ".join(f"{int((r.lost[sel] > 1e-9).sum()):,}" for r in (a, b, c)) + ", inventory "
                + " / ".join(f"{v:,.0f}" for v in value))
        if per_class:
            mine = replay(f, trigger, up_to, sel)
            _, bb = match_inventory(lambda k, s=sel: replay(f, k * minmax[0], k * minmax[1], s),
                                    mine.average_inventory_value)
            _, cc = match_inventory(lambda k, s=sel: replay(f, k * window[0], k * window[1], s),
                                    mine.average_inventory_value)
            line += ("; alone at equal inventory: fill " + " / ".join(f"{r.fill_rate:.2%}" for r in (mine, bb, cc))
                     + ", stockout days " + " / ".join(f"{r.stockout_days:,}" for r in (mine, bb, cc)))
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=br.DEMO_DB)
    parser.add_argument("--today", type=date.fromisoformat, default=br.DEMO_TODAY)
    parser.add_argument("--keep", type=Path, help="keep the forecasts in this file, or read them from it")
    parser.add_argument("--targets", nargs="+", default=[",".join(str(planning.SERVICE_BY_CLASS[c]) for c in "ABC")],
                        help="A,B,C cycle service targets, e.g. 0.97,0.98,0.99 (several sets allowed)")
    parser.add_argument("--by-cost", nargs="*", default=[], type=float, metavar="OVERALL",
                        help="also the unit-cost rule (domain.planning.service) at these overall targets, e.g. 0.99")
    parser.add_argument("--per-class", action="store_true", help="also replay each class alone at its inventory")
    parser.add_argument("--caps", nargs="*", default=[], type=float, metavar="HIGHEST",
                        help="the unit-cost rule at the first --by-cost target with these caps instead of "
                             f"{service.HIGHEST:g} (service.HIGHEST), each at its own stock and then with its overall "
                             "target bisected to the stock of the first cap: does the cap cost fill at equal stock? "
                             f"A cap above the grid's {GRID[-1]:g} reads the quantile past it on the normal scale")
    args = parser.parse_args()
    sets = []
    for text in args.targets:
        parts = text.split(",")
        if len(parts) != 3 or not all(0.5 < float(x) < 1 for x in parts):
            parser.error(f"--targets: {text!r}: give three levels A,B,C between 0.5 and 1, e.g. 0.97,0.98,0.99")
        sets.append(tuple(float(x) for x in parts))
    if args.keep and args.keep.exists():
        with args.keep.open("rb") as fh:
            f = pickle.load(fh)  # noqa: S301 - a file this script wrote
    else:
        f = forecasts(args.db, args.today)
        if args.keep:
            with args.keep.open("wb") as fh:
                pickle.dump(f, fh)
    cls = f["classes"]
    for targets in sets:
        alpha = np.select([cls == "A", cls == "B"], [targets[0], targets[1]], targets[2])
        report(f, alpha, f"A {targets[0]:g}, B {targets[1]:g}, C {targets[2]:g}", args.per_class)
    for overall in args.by_cost:
        # the keys replayed stand for the items planned; their costs as the replay counts them
        rule = service.by_cost(f["cost"], overall)
        alpha = np.array([service.target_of(c, x, rule)[0] for c, x in zip(cls, f["cost"], strict=True)])
        report(f, alpha, f"by unit cost, overall {overall:g} at the average cost {rule.average_cost:,.2f} (targets "
               f"A {alpha[cls == 'A'].mean():.4f}, B {alpha[cls == 'B'].mean():.4f}, C {alpha[cls == 'C'].mean():.4f}"
               f", all {alpha.mean():.4f} on average)", args.per_class)
    if args.caps:
        caps(f, args.by_cost[0] if args.by_cost else service.DEFAULT_OVERALL, args.caps)


def capped_targets(f: dict, overall: float, highest: float) -> np.ndarray:
    """The unit-cost rule's targets (``service.ByCost.target``) with another cap; a key without a cost takes its
    class's target."""
    rule = service.by_cost(f["cost"], overall)
    raw = 1.0 - (1.0 - overall) * f["cost"] / rule.average_cost
    by_class = np.array([service.SERVICE_BY_CLASS[c] for c in f["classes"]])
    return np.where(f["cost"] > 0, np.round(np.clip(raw, service.LOWEST, highest), 4), by_class)


def caps(f: dict, overall: float, highest: list[float]) -> None:
    """Each cap at the overall target ``overall``, then with the overall target bisected so the app's average
    inventory equals the first cap's: the fill rate and stockout days each cap buys with the same stock."""
    def run(cap: float, target: float):
        return replay(f, *levels(f, capped_targets(f, target, cap)))

    base = run(highest[0], overall)
    print(f"\nThe unit-cost rule's cap (service.HIGHEST), overall target {overall:g}; the stock of cap "
          f"{highest[0]:g}: {base.average_inventory_value:,.0f}")
    for cap in highest:
        alpha = capped_targets(f, overall, cap)
        own = run(cap, overall)
        lo, hi = 0.95, 0.9985
        matched, t = own, overall
        for _ in range(30):  # the overall target that holds the first cap's stock (inventory grows with it)
            t = (lo + hi) / 2
            matched = run(cap, t)
            if abs(matched.average_inventory_value / base.average_inventory_value - 1) < 2e-4:
                break
            lo, hi = (t, hi) if matched.average_inventory_value < base.average_inventory_value else (lo, t)
        print(f"  cap {cap:g}: {int((alpha >= cap - 1e-9).sum()):,} of {len(alpha):,} keys at the cap; at T "
              f"{overall:g}: fill {own.fill_rate:.2%}, stockout days {own.stockout_days:,}, inventory "
              f"{own.average_inventory_value:,.0f}, lines {int((own.ordered > 0).sum()):,}; at the stock of cap "
              f"{highest[0]:g} (T {t:.4f}): fill {matched.fill_rate:.2%}, stockout days {matched.stockout_days:,}, "
              f"inventory {matched.average_inventory_value:,.0f}", flush=True)


if __name__ == "__main__":
    main()
