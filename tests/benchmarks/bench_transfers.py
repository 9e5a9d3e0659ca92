# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""Transfers before purchases in the replay of the demo's last 26 weeks: the app's policy with and without them.

The demand, start stock, weekly forecasts and (s, S) levels are ``bench_replay.py``'s for the app's policy (the
calibrated quantile of demand over L + R, S = s + 2·d·R or more for an order of at least the EOQ at the default
order cost, weekly review, the service target by unit cost), for every
product × warehouse of a product that had demand in some warehouse in the year before the replay (a warehouse
that sold nothing can still give). Both runs play the keys of a product together
(``domain.planning.network_replay.simulate_network``): without transfers each warehouse buys alone, exactly as
``simulate``; with them, on each review a warehouse at or below its trigger first takes another's surplus
(``domain.planning.transfers.plan_moves``, the run's own rule), a transfer taking ``--transfer-days`` days, and buys
only what is left. The inventory value counts the stock on its way between two warehouses (at the receiver's cost).

    python tests/benchmarks/bench_transfers.py [--db PATH] [--today YYYY-MM-DD] [--transfer-days N] [--sample N]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import time
from datetime import date
from datetime import timedelta
from pathlib import Path

import numpy as np
from _common import load
from _common import table
from bench_replay import DEMO_DB
from bench_replay import DEMO_TODAY
from bench_replay import REPLAY_WEEKS
from bench_replay import REVIEW_DAYS
from bench_replay import closing_stock
from bench_replay import forecast_levels
from bench_replay import forecast_stats
from bench_replay import read
from bench_replay import replay_demand

from domain.planning import ordering
from domain.planning import run as planning
from domain.planning import service as service_rules
from domain.planning.history import planned_items
from domain.planning.network_replay import simulate_network
from domain.planning.replenishment import economic_order_quantities


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEMO_DB)
    parser.add_argument("--today", type=date.fromisoformat, default=DEMO_TODAY)
    parser.add_argument("--transfer-days", type=int, default=1, help="days a transfer is on its way (default 1)")
    parser.add_argument("--sample", type=int, default=0, help="replay this many products (0 = all)")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"\n(no demo database at {args.db}: replay skipped)")
        return
    started = time.perf_counter()
    history = read(args.db, args.today)
    items = list(history.items)
    keys = [x.key for x in items]
    shipped, in_stock = planning.weekly_matrix(history, keys)
    days = shipped.shape[1]
    start = days - 7 * REPLAY_WEEKS
    active = {x.product_id for x, s in zip(items, shipped[:, max(0, start - 364):start].sum(axis=1), strict=True)
              if s > 0}
    products = sorted(active)
    if args.sample and args.sample < len(products):
        products = sorted(np.random.default_rng(5).choice(products, args.sample, replace=False))
    chosen_products = set(products)
    rows = [i for i, x in enumerate(items) if x.product_id in chosen_products]
    items = [items[i] for i in rows]
    keys = [keys[i] for i in rows]
    shipped, in_stock = shipped[rows], in_stock[rows]
    start_stock = closing_stock(history, keys)[:, start - 1]

    annual = {}
    for item, qty in zip(items, shipped[:, start - 364 : start].sum(axis=1), strict=True):
        terms = planning.choose_terms(history.terms.get(item.product_id, ()))
        price = float(terms.unit_price) if terms else float(item.unit_cost)
        annual[item.product_id] = annual.get(item.product_id, 0.0) + float(qty) * price
    abc = planning.abc_classes(annual)
    # the app's service targets, as bench_replay.py sets them (by unit cost around 99 % since section BP; the class
    # targets before it)
    rule = service_rules.office_rule(service_rules.DEFAULT_RULE, service_rules.DEFAULT_OVERALL,
                                     [x.unit_cost for x in planned_items(history)])
    service = np.array([service_rules.target_of(abc.get(x.product_id, "C"), x.unit_cost, rule)[0] for x in items])
    chosen = [planning.choose_terms(history.terms.get(x.product_id, ())) for x in items]
    lead_days = np.array([t.lead_time_days if t else 0 for t in chosen], dtype=int)
    cost = np.array([float(x.unit_cost) if x.unit_cost else (float(t.unit_price) if t else 0.0)
                     for x, t in zip(items, chosen, strict=True)])
    demand = replay_demand(shipped, in_stock, start)
    read_took = time.perf_counter() - started

    t0 = time.perf_counter()
    d, sigma, q_l, q_lr, margin = forecast_stats(shipped, in_stock, history.first_day, start, lead_days, service)
    trigger, up_to = forecast_levels(d, sigma, lead_days, service, demand.shape[1], review_days=REVIEW_DAYS,
                                     target="cycle", margin=margin,  # with the app's default order cost (BS)
                                     eoq=lambda dw: economic_order_quantities(dw, cost, ordering.DEFAULT_ORDER_COST,
                                                                              ordering.HOLDING_RATE))
    reorder_point = trigger.copy()  # s = trigger − d·R, R one week: the week's forecast d
    for w in range(d.shape[1]):
        week = slice(7 * w, min(demand.shape[1], 7 * w + 7))
        reorder_point[:, week] = trigger[:, week] - d[:, w][:, None]
    forecast_took = time.perf_counter() - t0

    t0 = time.perf_counter()
    group = [x.product_id for x in items]
    pack = [float(x.pack_size) for x in items]
    common = dict(group=group, start_stock=start_stock, lead_days=lead_days, trigger=trigger, up_to=up_to,
                  reorder_point=reorder_point, unit_cost=cost, pack=pack, transfer_days=args.transfer_days)
    alone = simulate_network(demand, transfers=False, **common)
    moved = simulate_network(demand, transfers=True, **common)
    sim_took = time.perf_counter() - t0

    first = history.first_day + timedelta(days=start)
    last = history.first_day + timedelta(days=days - 1)
    shared = len({g for g in group if group.count(g) > 1}) if len(group) < 20000 else 0
    print(f"\n{load()}; {args.db}, replay {first} .. {last} ({days - start} days), {len(products)} products in "
          f"{len(keys)} product × warehouse keys ({shared} products in more than one warehouse); transfers take "
          f"{args.transfer_days} day(s); read {read_took:.1f} s, forecasts {forecast_took:.1f} s, "
          f"replays {sim_took:.1f} s, total {time.perf_counter() - started:.0f} s")
    rows_out = []
    for name, r in (("each warehouse buys alone", alone), ("transfers before purchases", moved)):
        rows_out.append((name, f"{r.fill_rate:.2%}", f"{r.stockout_days:,}", f"{r.average_inventory_value:,.0f}",
                         f"{int((r.ordered > 0).sum()):,}", f"{r.ordered.sum():,.0f}", f"{r.transfers:,}",
                         f"{r.transferred.sum():,.0f}"))
    table(f"Replay of the last {REPLAY_WEEKS} weeks: same demand ({demand.sum():,.0f} units), same start stock",
          rows_out, ("policy", "fill rate", "stockout days", "average inventory value", "orders placed",
                     "units bought", "transfers", "units moved"))
    classes = np.array([abc.get(x.product_id, "C") for x in items])
    per = []
    for c in ("A", "B", "C"):
        m = classes == c
        dem = demand[m].sum()
        if dem:
            per.append((c, f"{alone.served[m].sum() / dem:.2%}", f"{moved.served[m].sum() / dem:.2%}",
                        f"{((alone.on_hand[m] + alone.in_transit[m]) * cost[m][:, None]).sum(axis=0).mean():,.0f}",
                        f"{((moved.on_hand[m] + moved.in_transit[m]) * cost[m][:, None]).sum(axis=0).mean():,.0f}"))
    table("Per ABC class", per, ("class", "fill rate alone", "fill rate with transfers", "inventory alone",
                                 "inventory with transfers"))


if __name__ == "__main__":
    main()
