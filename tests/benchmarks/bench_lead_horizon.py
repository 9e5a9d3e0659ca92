"""Whether a lumpy row's lead-time quantile over k weeks depends on the horizon the forecast was asked for, and what
the quantiles of intermittent and lumpy rows' k-week totals (k = 1..4, the lead times planning reads) score.

    .venv/bin/python tests/benchmarks/bench_lead_horizon.py --db DEMO.sqlite3 [--today 2026-12-05]
    PYTHONPATH=SITE .venv/bin/python tests/benchmarks/bench_lead_horizon.py --db DEMO.sqlite3 --cells

Part one reads the weekly history planning builds (``domain.planning.history``) of one product in one warehouse
(``--sku``, ``--warehouse``; EL001-01 in GZ by default) and prints its lead-time quantiles at k = 1..h forecast at
horizons h = 4 to 16, and the 0.98 quantile over 2.66 weeks. With ``--cells`` it then forecasts, at horizons 4, 8 and
12 (``--cell-horizons``), the bicycles' weeks (the public development set, at the bench's three origins) and every
product × warehouse of the demo with its last 8 or 16 weeks held out, and prints for the intermittent and lumpy rows
the share of k-week totals at or below each level and their mean pinball loss over the cells (levels 0.8–0.98 ×
k = 1..4, or ``--ks``; a row is scored where it has every k held out); ``--losses FILE`` keeps every row's loss.
With ``--slow-supplier WEEKS`` it instead plans the whole demo (``domain.planning.run.plan``, the default fast path)
twice, as it is and with one product's supplier terms at that lead time (the A product with the most demand whose lead
time comes from its terms), and prints how many other keys' reorder points, safety stocks and orders moved, by demand
class, and the figures of ``--sku`` in ``--warehouse``. Point it at a copy of the demo database: it only reads it.
RESULTS-forecast.md, sections BM, BO and BQ.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402,F401  (puts the project's root on the path)

from domain.planning.forecasting.api import forecast_many  # noqa: E402
from domain.planning.forecasting.result import service_quantile  # noqa: E402

LEVELS = (0.8, 0.9, 0.95, 0.98)
KS = (1, 2, 3, 4)
HORIZONS = (4, 5, 6, 8, 10, 12, 13, 16)


def demo_histories(db: Path, today: date):
    """Every planned product × warehouse's weekly demand (NaN where censored), as ``domain.planning.run.plan``
    builds it, with its (product code, warehouse code)."""
    from sqlalchemy import create_engine

    from domain.planning.history import DEFAULT_WEEKS
    from domain.planning.history import aggregate_weeks
    from domain.planning.history import planned_items
    from domain.planning.history import weekly_matrix
    from domain.planning.history import window
    from persistence.planning.queries import reader

    first, end = window(today, DEFAULT_WEEKS)
    history = reader(create_engine(f"sqlite:///{db}"))(first, end)
    items = planned_items(history)
    shipped, in_stock = weekly_matrix(history, [x.key for x in items])
    values, _ = aggregate_weeks(shipped, in_stock, first)
    return np.asarray(values, dtype=float), [(x.sku, x.warehouse) for x in items]


def slow_supplier(db: Path, today: date, weeks: int, sku: str, warehouse: str) -> None:
    """Plan the demo as it is and with one product's supplier at ``weeks`` weeks' lead time; print what moved."""
    from dataclasses import replace

    from sqlalchemy import create_engine

    from domain.planning.run import plan
    from persistence.planning.queries import read_history

    engine = create_engine(f"sqlite:///{db}")
    read = lambda first, end: read_history(engine, first, end, stamp=False)  # noqa: E731
    base = {(x.sku, x.warehouse): x for x in plan(read, today=today)}
    termed = [x for x in base.values() if x.abc == "A" and x.explanation["lead_time_source"] == "terms"]
    slow = max(termed, key=lambda x: sum(x.history[-52:])).product_id

    def with_slow_supplier(first, end):
        history = read(first, end)
        terms = {**history.terms, slow: [replace(t, lead_time_days=7 * weeks) for t in history.terms[slow]]}
        return replace(history, terms=terms)

    other = {(x.sku, x.warehouse): x for x in plan(with_slow_supplier, today=today)}
    names = ("reorder_point", "safety_stock", "order_qty")
    moved: dict[str, list[int]] = {}
    for key, x in base.items():
        if x.product_id == slow:
            continue
        counts = moved.setdefault(x.forecast.demand_class, [0, 0, 0, 0])
        counts[0] += 1
        for i, name in enumerate(names):
            counts[i + 1] += x.explanation[name] != other[key].explanation[name]
    print(f"{base[next(k for k, x in base.items() if x.product_id == slow)].sku}'s supplier at {weeks} weeks; "
          "other keys whose figure moved (keys / reorder point / safety stock / order qty):")
    for demand_class, counts in sorted(moved.items()):
        print(f"   {demand_class:12s} {counts[0]:5d} / {counts[1]:5d} / {counts[2]:5d} / {counts[3]:5d}")
    shown = [(sku, warehouse)] if (sku, warehouse) in base else []
    smooth = [k for k, x in base.items() if x.forecast.demand_class == "smooth" and x.product_id != slow]
    shown.append(max(smooth, key=lambda k: abs(float(base[k].explanation["safety_stock"])
                                             - float(other[k].explanation["safety_stock"]))))
    for key in shown:  # the key asked for and the smooth key whose safety stock moved most
        e, o = base[key].explanation, other[key].explanation
        print(f"{key[0]} in {key[1]} ({base[key].forecast.demand_class}, lead {e['lead_time_days']} days): "
              + ", ".join(f"{n} {e[n]} → {o[n]}" for n in names))


def one_row(y: np.ndarray) -> None:
    for h in HORIZONS:
        r = forecast_many(y[None, :], h, models=())[0]
        print(f"h={h} class {r.demand_class} mean {np.round(r.mean[0], 2)}  Q0.98(2.66 weeks) "
              f"{service_quantile(r, 2.66, 0.98):.1f}")
        for q in LEVELS:
            print(f"   {q}: k=1..{h} {np.round(r.cumulative[q], 1).tolist()}")


def cells(train: np.ndarray, test: np.ndarray, season: int, h: int, ks=KS) -> tuple[int, np.ndarray, float, list]:
    """Rows scored, share at or below (levels × k), mean pinball loss of the intermittent and lumpy rows (k ≤ h) and
    each scored row's (row, loss)."""
    ks = [k for k in ks if k <= h]
    results = forecast_many(train, h, season=season, models=(), quantiles=(0.1, 0.5, *LEVELS, 0.99))
    covered, losses, scored = np.zeros((len(LEVELS), len(ks))), [], []
    for r, res in enumerate(results):
        t = test[r, : max(ks)]
        if res.demand_class not in ("intermittent", "lumpy") or np.isnan(t).any():
            continue
        loss = 0.0
        for j, q in enumerate(LEVELS):
            for i, k in enumerate(ks):
                actual, f = t[:k].sum(), res.cumulative[q][k - 1]
                covered[j, i] += actual <= f
                loss += max(q * (actual - f), (q - 1) * (actual - f))
        losses.append(loss / (len(LEVELS) * len(ks)))
        scored.append(r)
    mean = float(np.mean(losses)) if losses else float("nan")
    return len(losses), covered / max(len(losses), 1), mean, list(zip(scored, losses, strict=True))


def held_out_sets(values: np.ndarray, longest: int):
    import bench_accuracy_public as bench

    def padded(rows) -> np.ndarray:  # NaN past the held-out periods: a row is scored only on the lead times it has
        return np.array([np.pad(np.asarray(t, dtype=float), (0, max(0, longest - len(t))),
                                constant_values=np.nan)[:longest] for t in rows])

    for origin in (0, 1, 2):
        ds = bench.load("bike_weekly", None, origin)
        yield f"bicycles@{origin}", bench._matrix(ds.train), padded(ds.test), ds.season
    for back in (8, 16):
        yield f"demo, last {back} weeks out", values[:, :-back], padded(values[:, -back:]), 52


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a copy of the demo database (only read)")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 5))
    parser.add_argument("--sku", default="EL001-01")
    parser.add_argument("--warehouse", default="GZ")
    parser.add_argument("--cells", action="store_true", help="also the k-week cells of the held-out sets")
    parser.add_argument("--cell-horizons", type=int, nargs="+", default=[4, 8, 12], metavar="H",
                        help="the horizons the held-out sets are forecast at with --cells (default 4 8 12)")
    parser.add_argument("--ks", type=int, nargs="+", default=list(KS), metavar="K",
                        help="the lead times scored with --cells, those up to the horizon (default 1 2 3 4)")
    parser.add_argument("--losses", type=Path, help="with --cells, write every scored row's loss to this CSV")
    parser.add_argument("--slow-supplier", type=int, metavar="WEEKS",
                        help="plan the demo with and without one A product's supplier at WEEKS weeks instead")
    args = parser.parse_args()
    if args.slow_supplier:
        slow_supplier(args.db, args.today, args.slow_supplier, args.sku, args.warehouse)
        return
    values, keys = demo_histories(args.db, args.today)
    if (args.sku, args.warehouse) not in keys:
        raise SystemExit(f"--sku/--warehouse: {args.sku} in {args.warehouse} is not planned in {args.db}")
    print(f"{args.sku} in {args.warehouse}, {values.shape[1]} weeks to {args.today}")
    one_row(values[keys.index((args.sku, args.warehouse))])
    if not args.cells:
        return
    print(f"\nintermittent and lumpy rows: share of k-week totals at or below the level, k = {args.ks}; mean pinball")
    rows = []
    for h in args.cell_horizons:
        for name, train, test, season in held_out_sets(values, max(args.ks)):
            n, covered, loss, each = cells(train, test, season, h, args.ks)
            rows += [(h, name, r, x) for r, x in each]
            shares = " | ".join(f"{q}: " + " ".join(f"{c:.3f}" for c in covered[j]) for j, q in enumerate(LEVELS))
            print(f"h={h} {name:26s} rows {n:4d}  {shares}  pinball {loss:.3f}")
    if args.losses:
        import csv

        with args.losses.open("w", newline="") as f:
            csv.writer(f).writerows([("h", "set", "row", "pinball"), *rows])


if __name__ == "__main__":
    main()
