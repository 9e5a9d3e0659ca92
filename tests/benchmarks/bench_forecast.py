# ruff: noqa: E402 - the BLAS thread variables must be set before numpy is imported
"""Forecasting with model selection and reorder evaluation for many products (issue 5's speed targets).

Synthetic weekly demand, 104 weeks per product: 35 % smooth (seasonal), 15 % erratic, 35 % intermittent,
15 % lumpy, about 3 % of weeks censored by stockouts. Timed:

* the vectorised path alone (classification, 9 numpy methods backtested from 4 origins, quantiles);
* the full selection: the vectorised path plus statsmodels ETS and Theta on smooth/erratic products,
  largest first, in a 2-process pool under a wall-time budget;
* the reorder evaluation (``replenishment.evaluate_many``) of 50,000 products;
* a cProfile of the vectorised path on 10,000 products (where the time goes).

    python tests/benchmarks/bench_forecast.py [--quick] [--budget SECONDS] [--workers N]
"""

from __future__ import annotations

import os

# One BLAS thread: the numpy path is element-wise (no BLAS), and forked statsmodels workers on two
# cores lose badly from two BLAS threads each. Must be set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import cProfile
import io
import pstats
import time
from collections import Counter

import numpy as np
from _common import QUICK
from _common import load
from _common import table

from domain.planning.forecasting.api import forecast_many
from domain.planning.replenishment import evaluate_many

WEEKS = 104
HORIZON = 4


def synthetic(n: int, seed: int = 1) -> np.ndarray:
    """``n`` weekly demand histories of mixed classes with censored (NaN) stockout weeks."""
    rng = np.random.default_rng(seed)
    t = np.arange(WEEKS)
    kind = rng.choice(4, size=n, p=[0.35, 0.15, 0.35, 0.15])
    level = rng.uniform(5, 200, n)[:, None]
    phase = rng.integers(0, 52, n)[:, None]
    season = 1 + rng.uniform(0, 0.3, n)[:, None] * np.sin(2 * np.pi * (t[None, :] + phase) / 52)
    smooth = rng.poisson(level * season).astype(float)
    erratic = rng.gamma(0.8, level * season / 0.8)
    p = rng.uniform(0.1, 0.6, n)[:, None]
    hits = rng.random((n, WEEKS)) < p
    intermittent = hits * (1 + rng.poisson(rng.uniform(1, 6, n)[:, None], (n, WEEKS)))
    lumpy = hits * rng.gamma(0.6, rng.uniform(5, 50, n)[:, None] / 0.6, (n, WEEKS))
    y = np.choose(kind[:, None], [smooth, np.round(erratic), intermittent, np.round(lumpy)]).astype(float)
    y[rng.random((n, WEEKS)) < 0.03] = np.nan
    return y


def run_forecast(n: int, budget: float, workers: int) -> list[tuple[str, ...]]:
    Y = synthetic(n)
    t0 = time.perf_counter()
    forecast_many(Y, HORIZON, models=())
    t_vec = time.perf_counter() - t0
    t0 = time.perf_counter()
    full = forecast_many(
        Y, HORIZON, models=("ets", "theta"), budget_seconds=budget, workers=workers, start_method="fork"
    )
    t_full = time.perf_counter() - t0
    tried = sum(1 for r in full if "ets" in r.scores or "theta" in r.scores)
    won = sum(1 for r in full if r.model.startswith(("ets", "theta")))
    classes = Counter(r.demand_class for r in full)
    eligible = classes["smooth"] + classes["erratic"]
    mase = np.array([r.mase for r in full])
    base = np.array([r.baseline_mase for r in full])
    ok = np.isfinite(mase) & np.isfinite(base)
    gain_rows = [r for r in full if r.model.startswith(("ets", "theta"))]
    vec_best = [min(v for k, v in r.scores.items() if k not in ("ets", "theta")) for r in gain_rows]
    return [
        (f"{n:,} products: vectorised path only", f"{t_vec:.1f} s"),
        (f"{n:,} products: with statsmodels (budget {budget:.0f} s, {workers} workers)", f"{t_full:.1f} s"),
        (f"{n:,} products: statsmodels tried / eligible (smooth+erratic)", f"{tried:,} / {eligible:,}"),
        (f"{n:,} products: statsmodels chosen", f"{won:,}"),
        (
            f"{n:,} products: MASE of chosen vs its best numpy method (where chosen)",
            f"{np.mean([r.mase for r in gain_rows]):.3f} vs {np.mean(vec_best):.3f}" if gain_rows else "-",
        ),
        (
            f"{n:,} products: mean MASE chosen vs seasonal naive",
            f"{np.mean(mase[ok]):.3f} vs {np.mean(base[ok]):.3f}",
        ),
        (f"{n:,} products: classes", ", ".join(f"{k} {v:,}" for k, v in sorted(classes.items()))),
    ]


def run_reorder(n: int) -> list[tuple[str, ...]]:
    rng = np.random.default_rng(2)
    cols = dict(
        on_hand=rng.integers(0, 500, n).astype(float),
        on_order=rng.integers(0, 100, n).astype(float),
        reserved=rng.integers(0, 30, n).astype(float),
        demand=rng.uniform(0, 50, n),
        sigma_demand=rng.uniform(0, 20, n),
        lead_time=rng.integers(1, 6, n).astype(float),
        review=np.ones(n),
        service=rng.choice([0.9, 0.95, 0.98, 0.99], n),
        sigma_lead=rng.uniform(0, 1, n),
        moq=rng.choice([0.0, 10.0, 24.0], n),
        step=rng.choice([1.0, 0.5, 6.0, 12.0], n),
    )
    evaluate_many(**{k: v[:10] for k, v in cols.items()})  # imports scipy.special once, outside the timing
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = evaluate_many(**cols)
        times.append(time.perf_counter() - t0)
    return [
        (f"reorder evaluation of {n:,} products (best of 3)", f"{min(times) * 1000:.0f} ms"),
        (
            f"{n:,} products: orders due / critical",
            f"{int(out['due'].sum()):,} / {int((out['severity'] == 3).sum()):,}",
        ),
    ]


def profile_vectorised(n: int) -> str:
    Y = synthetic(n)
    prof = cProfile.Profile()
    prof.enable()
    forecast_many(Y, HORIZON, models=())
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(8)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
    return "\n".join(lines[start : start + 9])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--budget", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sizes = [1000] if QUICK else [1000, 10000]
    rows: list[tuple[str, ...]] = [("load average (1 min) at start", load())]
    for n in sizes:
        rows += run_forecast(n, min(args.budget, 10.0) if QUICK else args.budget, args.workers)
    rows += run_reorder(5000 if QUICK else 50000)
    rows.append(("load average (1 min) at end", load()))
    table(f"Forecasting and reorder evaluation ({WEEKS} weeks of history, horizon {HORIZON})", rows)
    print("\nWhere the vectorised path spends its time (cProfile, top functions by own time):\n")
    print("```\n" + profile_vectorised(2000 if QUICK else 10000) + "\n```")


if __name__ == "__main__":
    main()
