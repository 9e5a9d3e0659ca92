"""The forecasting entry points: ``forecast_series`` for one history, ``forecast_many`` for a matrix.

By default (``strategy="combine"``) every row is forecast by a combination of a few robust methods for its demand
class (``domain.forecasting.combine``: damped trend and Theta on the seasonally adjusted series, SBA/TSB/SES for
intermittent demand), scored by the same rolling backtest, with quantiles from simulated paths of the level
model; in Thorough mode the statsmodels models join the combination as members of equal weight. On public
demand data it beats the per-row choice described below by 5–30 % in MASE and its lead-time quantiles hold their
levels (``tests/benchmarks/bench_accuracy_public.py``, figures in ``tests/benchmarks/RESULTS-forecast.md``).

The earlier way, kept as ``strategy="select"`` (for comparison and its tests), chooses one method per row, for all
rows of a (products × periods) matrix at once:

1. Each row is classified (``classify``). Rows that are ``too_short`` get a plain average of their
   observed periods, labelled as such, with no backtest.
2. Every vectorised method (``VECTOR_METHODS``, ``TREND_METHODS`` plus seasonal naive) is backtested over all rows at
   once from the same rolling origins (``backtest``); MASE, WAPE and bias are kept per method. The
   flat methods (``VECTOR_METHODS``) and Holt's trend know nothing of the year; they carry the
   yearly index (``methods.yearly_index``, shrunk by volume): where a product has more than a year
   and a quarter of history, each step of its forecast — in the backtest, in the fitted values and
   in the final forecast alike — is multiplied by how last year's same weeks stood to last year's
   quarter before the origin (for Holt: to what Holt forecast a year before, so last year's growth
   is not counted on top of the slope), so a flat level still sees 618 and 双11 coming.
3. Rows that are smooth or erratic with at least ``min_model_history`` observed periods are also
   backtested with the statsmodels models (``models``), largest total demand first, until the
   ``budget_seconds`` run out; with ``workers > 1`` this part runs in a process pool. A model that
   raises — at any origin or on the full history — is dropped for that row and the next one counts.
   A model may hand its choices on (``ModelForecast.reuse``): ETS chooses its form by AIC and
   estimates at the first origin, only filters with those parameters at the later origins, and
   re-estimates the same form on the whole history for the forecast.
4. Per row the method with the lowest MASE wins (methods within ``MASE_TIE`` of it are a near-tie, won
   by the lowest absolute backtest bias; exact ties go to the simpler, earlier method) and makes
   the forecast from the whole history. The baseline MASE is seasonal naive's (naive's when the
   history is shorter than a season and a half).
5. Quantiles come from the model's forecast variance where it has one (ETS, Theta, SARIMAX).
   Otherwise from the chosen method's one-step in-sample errors e: quantile q at step k is
   ``mean_k + Q_q(e)·√k``, floored at 0 and kept non-decreasing in q. For intermittent demand the
   median is then often 0, which is right.
6. Lead-time demand has a distribution of its own (``cumulative``): the demand summed over steps
   1..k, by bootstrap — ``BOOTSTRAP_DRAWS`` paths per row, each step the forecast plus a one-step
   in-sample error of the chosen method drawn with replacement, floored at 0 (demand is never
   negative), summed; the quantiles of the sums. It needs no model distribution (Croston has none)
   and keeps the skew of intermittent demand that a normal σ√k loses. Each row's draws are seeded by
   a hash of its own forecast and errors, so the same history gives the same quantiles in any batch.
   ``lead_time_quantile`` reads it for fractional periods.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from functools import partial

import numpy as np

from domain.forecasting import methods as m
from domain.forecasting.backtest import actuals
from domain.forecasting.backtest import mase_scale
from domain.forecasting.backtest import rolling_origins
from domain.forecasting.backtest import score
from domain.forecasting.classify import ERRATIC
from domain.forecasting.classify import SMOOTH
from domain.forecasting.classify import TOO_SHORT
from domain.forecasting.classify import classify
from domain.forecasting.models import MODELS

# Methods whose backtest MASE is within this fraction of the lowest are a near-tie, decided by |bias|.
MASE_TIE = 0.05
DEFAULT_QUANTILES = (0.1, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99)
BOOTSTRAP_DRAWS = 200
BOOTSTRAP_SEED = 20261125
WIDEN_CAP = 3.0
CALIBRATION_ORIGINS = 12
# Methods that carry no yearly index: the two that model the year themselves.
UNINDEXED_METHODS = ("seasonal_naive", "seasonal_level(13)")
# Methods with a slope: their index is taken against their own forecast of a season before (see
# ``methods.yearly_index``), not against last year's window, so last year's growth is not counted twice.
SLOPED_METHODS = ("holt_damped(0.2,0.1,0.9)",)
DEFAULT_MODELS = ("ets", "theta")
SEASONAL_NAIVE = "seasonal_naive"
SIMPLE_AVERAGE = "simple_average"

VECTOR_METHODS = {
    "naive": m.naive_states,
    "moving_average(4)": partial(m.moving_average_states, window=4),
    "moving_average(13)": partial(m.moving_average_states, window=13),
    "ses(0.1)": partial(m.ses_states, alpha=0.1),
    "ses(0.3)": partial(m.ses_states, alpha=0.3),
    "croston(0.1)": partial(m.croston_states, alpha=0.1),
    "sba(0.1)": partial(m.croston_states, alpha=0.1, variant="sba"),
    "tsb(0.1,0.1)": partial(m.tsb_states, alpha=0.1, beta=0.1),
}


def _holt_paths(Y, origins, horizon: int, season: int, *, alpha: float, beta: float, phi: float) -> np.ndarray:
    level, trend = m.holt_states(Y, alpha, beta, phi)
    return m.trend_paths(level, trend, origins, horizon, phi)


# Vectorised methods whose forecast is not flat: name -> paths(Y, origins, horizon, season), an array of
# shape (products × origins × horizon).
TREND_METHODS = {
    "holt_damped(0.2,0.1,0.9)": partial(_holt_paths, alpha=0.2, beta=0.1, phi=0.9),
    "seasonal_level(13)": lambda Y, origins, horizon, season: m.seasonal_level_paths(
        Y, origins, horizon, season=season, window=13
    ),
}


@dataclass(frozen=True, eq=False)
class ForecastResult:
    """One product's forecast.

    Attributes:
        mean: expected demand per future period (horizon,).
        quantiles: {q: demand per future period that is not exceeded with probability q}.
        model: the chosen method (``simple_average`` for too-short histories).
        mase, wape, bias: the chosen method's backtest errors (NaN without a backtest).
        baseline_mase: seasonal naive's (or naive's) backtest MASE.
        demand_class: smooth, erratic, intermittent, lumpy or too_short.
        sigma: standard deviation of the one-step forecast error (per period).
        note: a sentence for people when the forecast is a fallback.
        scores: backtest MASE of every method tried.
        fitted: the chosen method's one-step-ahead in-sample forecasts, one per history period (NaN
            where it had nothing to go on, or where the chosen statsmodels model gives none).
        cumulative: {q: (horizon,)} quantiles of the demand summed over steps 1..k (bootstrap, see
            the module docstring) — the distribution of lead-time demand.
        calibrated: whether ``cumulative`` was checked against the row's own backtest and widened to hold its
            levels (the combination's simulated paths, ``_combined``); planning then takes the safety stock from
            it (``domain.replenishment``). False for the per-row choice's bootstrap of independent one-step errors
            and for too-short histories, whose quantiles are only a rough guess.
    """

    mean: np.ndarray
    quantiles: dict[float, np.ndarray]
    model: str
    mase: float
    wape: float
    bias: float
    baseline_mase: float
    demand_class: str
    sigma: float
    note: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    fitted: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cumulative: dict[float, np.ndarray] = field(default_factory=dict)
    calibrated: bool = False


def forecast_series(history: Sequence[float], horizon: int, **options) -> ForecastResult:
    """Forecast one demand series (NaN = censored period); see ``forecast_many`` for the options."""
    options.setdefault("workers", 1)
    starts = options.pop("starts", None)
    return forecast_many([list(history)], horizon, starts=starts, **options)[0]


def forecast_many(
    matrix,
    horizon: int,
    *,
    season: int = 52,
    quantiles: Sequence[float] = DEFAULT_QUANTILES,
    n_origins: int = 4,
    models: Sequence[str] = DEFAULT_MODELS,
    min_model_history: int | None = None,
    budget_seconds: float | None = 30.0,
    workers: int = 1,
    starts: Sequence[date] | None = None,
    min_periods: int = 8,
    start_method: str = "spawn",
    strategy: str = "combine",
) -> list[ForecastResult]:
    """Forecast every row of a (products × periods) demand matrix, choosing a method per row.

    Args:
        matrix: demand per product and period, NaN where censored (all rows the same length).
        horizon: periods to forecast (and the backtest horizon).
        season: periods per season (52 for weeks).
        quantiles: the probabilities to report.
        n_origins: rolling backtest origins.
        models: statsmodels models to try where they may pay (names in ``models.MODELS``).
        min_model_history: observed periods a row needs before statsmodels is tried (default one season, at
            least min_periods).
        budget_seconds: wall time allowed for the statsmodels part (None = unlimited).
        workers: processes for the statsmodels part (1 = in this process).
        starts: the start date of each period (needed by SARIMAX's holiday regressors).
        min_periods: observed periods below which a history is too short.
        start_method: how worker processes start. ``spawn`` (the default) is safe in a process with
            threads (the GUI) but every worker imports statsmodels again (seconds); ``fork`` starts
            them at once from this process, which then should run with one BLAS thread
            (``OPENBLAS_NUM_THREADS=1`` before numpy is imported), as the benchmark does.
        strategy: ``combine`` (the default, ``domain.forecasting.combine``: a combination of a few robust
            methods per demand class; the statsmodels models, where run, join the combination) or ``select``
            (the earlier per-row choice of the method with the lowest backtest MASE, kept for comparison).

    Returns:
        One ``ForecastResult`` per row, in order.
    """
    if horizon < 1:
        raise ValueError("horizon must be at least 1")
    if strategy not in ("combine", "select"):
        raise ValueError(f"unknown strategy {strategy!r}: combine or select")
    if min_model_history is None:
        min_model_history = max(season, min_periods)
    Y = np.atleast_2d(np.asarray(matrix, dtype=float))
    n, T = Y.shape
    qs = tuple(sorted(quantiles))
    classes = classify(Y, min_periods=min_periods)
    origins = rolling_origins(T, horizon, n_origins, min_train=min_periods)
    short = (classes == TOO_SHORT) | (len(origins) == 0)
    if strategy == "combine":
        return _combined(Y, horizon, season, qs, classes, origins, short, models, min_model_history, budget_seconds,
                         workers, starts, start_method, min_periods)

    names = [SEASONAL_NAIVE, *VECTOR_METHODS, *TREND_METHODS]
    mase = np.full((len(names), n), np.nan)
    wape = np.full((len(names), n), np.nan)
    bias = np.full((len(names), n), np.nan)
    finals = []
    resids = []
    index_final = m.yearly_index(Y, [T], horizon, season=season)[:, 0, :]
    index_fit = m.yearly_index(Y, np.arange(T), 1, season=season)[:, :, 0]
    if len(origins):
        index_bt = m.yearly_index(Y, origins, horizon, season=season)
        act = actuals(Y, origins, horizon)
        scale = mase_scale(Y, int(origins[0]), season)
        snaive_paths = m.seasonal_naive_paths(Y, origins, horizon, season)
        sc = score(snaive_paths, act, scale)
        mase[0], wape[0], bias[0] = sc.mase, sc.wape, sc.bias
    finals.append(m.seasonal_naive_paths(Y, [T], horizon, season)[:, 0, :])
    lagged = np.concatenate([np.full((n, season), np.nan), Y[:, :-season]], axis=1) if T > season else Y * np.nan
    # Where last year's period is missing, seasonal naive forecasts the last observed value, and so it fits.
    resids.append(Y - np.where(np.isnan(lagged), m.naive_states(Y)[:, :-1], lagged))
    for i, fn in enumerate(VECTOR_METHODS.values(), start=1):
        states = fn(Y)
        if len(origins):
            sc = score(m.flat_paths(states, origins, horizon) * index_bt, act, scale)
            mase[i], wape[i], bias[i] = sc.mase, sc.wape, sc.bias
        finals.append(states[:, T][:, None] * index_final)
        resids.append(Y - states[:, :-1] * index_fit)
    for i, (name, paths) in enumerate(TREND_METHODS.items(), start=1 + len(VECTOR_METHODS)):
        if name in UNINDEXED_METHODS:
            index = lambda at, h, _shape: 1.0  # noqa: E731
        elif name in SLOPED_METHODS:
            index = partial(_sloped_index, Y, paths, season=season)
        else:
            index = lambda at, h, shape: {"bt": index_bt, "final": index_final, "fit": index_fit}[shape]  # noqa: E731
        if len(origins):
            sc = score(paths(Y, origins, horizon, season) * index(origins, horizon, "bt"), act, scale)
            mase[i], wape[i], bias[i] = sc.mase, sc.wape, sc.bias
        finals.append(paths(Y, [T], horizon, season)[:, 0, :] * index([T], horizon, "final"))
        resids.append(Y - paths(Y, np.arange(T), 1, season)[:, :, 0] * index(np.arange(T), 1, "fit"))
    best = _select(mase, bias)
    baseline = mase[0]

    sm = {}
    if models and len(origins):
        observed = (~np.isnan(Y)).sum(axis=1)
        eligible = np.flatnonzero(~short & np.isin(classes, [SMOOTH, ERRATIC]) & (observed >= min_model_history))
        order = eligible[np.argsort(-np.nansum(Y[eligible], axis=1), kind="stable")]
        best_mase = np.nanmin(np.where(np.isnan(mase), np.inf, mase), axis=0)
        extras = {int(r): (act[r], float(scale[r]), float(best_mase[r])) for r in order}
        sm = _run_models(
            Y, order, extras, tuple(models), horizon, origins, season, qs, starts, budget_seconds, workers, start_method
        )

    chosen_mean = np.empty((n, horizon))
    chosen_resid = np.empty((n, T))
    for i, (final, resid) in enumerate(zip(finals, resids, strict=True)):
        sel = best == i
        chosen_mean[sel] = final[sel]
        chosen_resid[sel] = resid[sel]
    q_resid = _residual_quantiles(chosen_mean, chosen_resid, qs)
    sigma_resid = _nanstd(chosen_resid)
    chosen_fitted = Y - chosen_resid
    cumulative = bootstrap_cumulative(chosen_mean, chosen_resid, qs)

    results = []
    for r in range(n):
        if short[r]:
            results.append(_simple_average(Y[r], horizon, qs, str(classes[r]), min_periods))
            continue
        scores = {names[i]: float(mase[i, r]) for i in range(len(names))}
        b = int(best[r])
        pick = (names[b], float(mase[b, r]), float(wape[b, r]), float(bias[b, r]))
        mean, qdict, sigma = chosen_mean[r], {q: q_resid[q][r] for q in qs}, float(sigma_resid[r])
        fitted, cum = chosen_fitted[r], cumulative[r]
        for name, (paths, final) in sm.get(r, {}).items():
            s = score(paths[None], act[r : r + 1], scale[r : r + 1])
            scores[name] = float(s.mase[0])
            if final is not None and np.isfinite(s.mase[0]) and s.mase[0] < pick[1]:
                pick = (f"{name}: {final.spec}", float(s.mase[0]), float(s.wape[0]), float(s.bias[0]))
                mean, sigma = np.maximum(final.mean, 0.0), final.sigma
                qdict = _model_quantiles(final, qs)
                fitted = _model_fitted(final, Y[r])
                cum = bootstrap_cumulative(mean[None, :], (Y[r] - fitted)[None, :], qs)[0]
        results.append(
            ForecastResult(
                mean=mean,
                quantiles=qdict,
                model=pick[0],
                mase=pick[1],
                wape=pick[2],
                bias=pick[3],
                baseline_mase=float(baseline[r]),
                demand_class=str(classes[r]),
                sigma=sigma,
                scores=scores,
                fitted=fitted,
                cumulative=cum,
            )
        )
    return results


def _combined(Y, horizon, season, qs, classes, origins, short, models, min_model_history, budget_seconds, workers,
              starts, start_method, min_periods) -> list[ForecastResult]:
    """``forecast_many`` with the combination (``strategy="combine"``), see ``domain.forecasting.combine``."""
    from domain.forecasting.classify import INTERMITTENT
    from domain.forecasting.classify import LUMPY
    from domain.forecasting.combine import combine
    from domain.forecasting.combine import simulate_quantiles

    n, T = Y.shape
    intermittent = np.isin(classes, [INTERMITTENT, LUMPY])
    bt_origins = origins if len(origins) else np.zeros(0, dtype=int)
    cal_origins = _calibration_origins(T, horizon, min_periods)
    c = combine(Y, bt_origins, horizon, season=season, intermittent=intermittent, calibration=cal_origins)
    mean = c.final.copy()
    paths = c.paths.copy()
    names = {}
    baseline = np.full(n, np.nan)
    mase = wape = bias = np.full(n, np.nan)
    scores: list[dict[str, float]] = [{} for _ in range(n)]
    if len(origins):
        act = actuals(Y, origins, horizon)
        scale = mase_scale(Y, int(origins[0]), season)
        baseline = score(m.seasonal_naive_paths(Y, origins, horizon, season), act, scale).mase
        for name, member in c.member_paths.items():
            ms = score(member, act, scale).mase
            for r in range(n):
                if np.isfinite(ms[r]):
                    scores[r][name] = float(ms[r])
        for r in range(n):
            scores[r][SEASONAL_NAIVE] = float(baseline[r])

    joined = np.zeros(n, dtype=int)
    if models and len(origins):
        observed = (~np.isnan(Y)).sum(axis=1)
        eligible = np.flatnonzero(~short & np.isin(classes, [SMOOTH, ERRATIC]) & (observed >= min_model_history))
        order = eligible[np.argsort(-np.nansum(Y[eligible], axis=1), kind="stable")]
        extras = {int(r): (act[r], float(scale[r]), np.inf) for r in order}
        sm = _run_models(Y, order, extras, tuple(models), horizon, origins, season, qs, starts, budget_seconds,
                         workers, start_method)
        # The models join the combination as members of equal weight (the combination counts as its three).
        for r, fitted in sm.items():
            finals = [(p, f) for p, f in fitted.values() if f is not None and np.all(np.isfinite(f.mean))]
            if not finals:
                continue
            k = 3
            mean[r] = (k * mean[r] + sum(np.maximum(f.mean, 0.0) for _, f in finals)) / (k + len(finals))
            paths[r] = (k * paths[r] + sum(p for p, _ in finals)) / (k + len(finals))
            joined[r] = len(finals)
            names[r] = "+".join(n for n, (p, f) in fitted.items() if f is not None and np.all(np.isfinite(f.mean)))
            for name, (p, _) in fitted.items():
                scores[r][name] = float(score(p[None], act[r : r + 1], scale[r : r + 1]).mase[0])
    if len(origins):
        sc = score(paths, act, scale)
        mase, wape, bias = sc.mase, sc.wape, sc.bias
    resid = Y - c.fitted
    sigma = _nanstd(resid)
    widen = np.ones(n)
    if c.calibration is not None:
        widen = _widening(actuals(Y, cal_origins, horizon) - c.calibration, sigma, c.alpha)
    per, cum = simulate_quantiles(mean, resid, c.alpha, qs, widen=widen)
    if c.calibration is not None:
        from domain.forecasting.combine import conformal_cumulative

        cum = conformal_cumulative(mean, cum, actuals(Y, cal_origins, horizon) - c.calibration)

    results = []
    for r in range(n):
        if short[r]:
            results.append(_simple_average(Y[r], horizon, qs, str(classes[r]), min_periods))
            continue
        label = "combination(sba,tsb,ses)" if intermittent[r] else (
            "combination(damped,theta" + (",seasonal" if c.seasonal[r] else "") + ")")
        if joined[r]:
            label += f"+{names[r]}"
        results.append(
            ForecastResult(
                mean=np.maximum(mean[r], 0.0),
                quantiles=per[r],
                model=label,
                mase=float(mase[r]),
                wape=float(wape[r]),
                bias=float(bias[r]),
                baseline_mase=float(baseline[r]),
                demand_class=str(classes[r]),
                sigma=float(sigma[r]),
                scores=scores[r],
                fitted=c.fitted[r],
                cumulative=cum[r],
                calibrated=True,
            )
        )
    return results


def _calibration_origins(periods: int, horizon: int, min_periods: int) -> np.ndarray:
    """Up to ``CALIBRATION_ORIGINS`` origins, evenly spread over the last three horizons (or what the history
    holds), from which the forecasts' errors are compared with what the level model expects."""
    last = periods - horizon
    first = max(min_periods, last - 3 * horizon)
    if last < first:
        return np.zeros(0, dtype=int)
    return np.unique(np.linspace(first, last, min(CALIBRATION_ORIGINS, last - first + 1)).round().astype(int))


def _widening(errors: np.ndarray, sigma: np.ndarray, alpha: np.ndarray, cap: float = WIDEN_CAP) -> np.ndarray:
    """How much wider than its in-sample errors a row's forecast errors turned out in the backtest.

    The level model behind the quantiles expects an error of variance σ²·(1 + (k − 1)·α²) at step k; the ratio
    of the backtest's squared errors to that, averaged over origins and steps, is the factor (its root, between
    1 and ``cap``) the simulated errors are multiplied by. In-sample errors come from constants fitted to those
    very periods, so they understate what new periods bring, most for short and trending histories.
    """
    rows, _, horizon = errors.shape
    k = np.arange(1, horizon + 1)[None, None, :]
    expected = (sigma**2)[:, None, None] * (1.0 + (k - 1) * (alpha**2)[:, None, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(expected > 0, errors**2 / expected, np.nan)
    flat = ratio.reshape(rows, -1)  # one row's sum is then added up the same way whatever rows come with it
    count = (~np.isnan(flat)).sum(axis=1)
    mean = np.where(count > 0, np.nansum(flat, axis=1) / np.maximum(count, 1), 1.0)
    return np.clip(np.sqrt(mean), 1.0, cap)


def bootstrap_cumulative(
    mean: np.ndarray,
    errors: np.ndarray,
    qs: Sequence[float],
    *,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = BOOTSTRAP_SEED,
) -> list[dict[float, np.ndarray]]:
    """Quantiles of demand summed over steps 1..k, per row, by bootstrap of its one-step errors.

    Args:
        mean: forecast per row and step (rows × horizon).
        errors: one-step in-sample errors per row (rows × periods, NaN skipped).
        qs: the probabilities.
        draws: bootstrap paths per row.
        seed: the generators' seed; each row's generator is also seeded by a hash of its mean and
            errors, so a row's quantiles depend on that row only (same row, same quantiles, whatever
            else is in the call) and rows draw independently.

    Returns:
        Per row {q: (horizon,) non-decreasing in k and in q}. A row without errors gets its cumulative
        mean for every q.
    """
    mean = np.atleast_2d(np.asarray(mean, dtype=float))
    errors = np.atleast_2d(np.asarray(errors, dtype=float))
    rows, horizon = mean.shape
    # Each row draws from its own generator, seeded by the seed and a hash of the row's forecast and errors:
    # its quantiles depend on that row only (a cached row equals a recomputed one, whatever batch it came in),
    # and rows draw independently (one common draw would shift every row's tail the same way).
    import hashlib

    packed = np.sort(errors, axis=1)  # observed errors first, NaN last
    count = (~np.isnan(errors)).sum(axis=1)
    out = []
    chunk = max(1, 4_000_000 // max(1, draws * horizon))
    for lo in range(0, rows, chunk):
        hi = min(rows, lo + chunk)
        uniform = np.empty((hi - lo, draws, horizon))
        for r in range(lo, hi):
            key = hashlib.blake2b(mean[r].tobytes() + errors[r].tobytes(), digest_size=8).digest()
            uniform[r - lo] = np.random.default_rng([seed, int.from_bytes(key, "little")]).random((draws, horizon))
        pick = uniform * np.maximum(count[lo:hi], 1)[:, None, None]
        drawn = np.take_along_axis(packed[lo:hi], pick.astype(int).reshape(hi - lo, -1), axis=1)
        drawn = np.where(count[lo:hi, None] > 0, drawn, 0.0).reshape(hi - lo, draws, horizon)
        sums = np.cumsum(np.maximum(mean[lo:hi, None, :] + drawn, 0.0), axis=2)
        levels = np.quantile(sums, sorted(qs), axis=1)  # qs × rows × horizon
        levels = np.maximum.accumulate(np.maximum.accumulate(levels, axis=0), axis=2)
        for r in range(hi - lo):
            out.append({q: levels[j, r] for j, q in enumerate(sorted(qs))})
    return out


def lead_time_quantile(result: ForecastResult, periods: float, q: float) -> float:
    """Demand over ``periods`` future periods (may be fractional) not exceeded with probability ``q``.

    Read from ``result.cumulative`` (linear between whole periods; past the horizon the last step's
    increment repeats). ``q`` must be one of the result's quantiles.
    """
    if q not in result.cumulative:
        raise ValueError(f"quantile {q} was not computed; computed: {sorted(result.cumulative)}")
    if periods <= 0:
        return 0.0
    path = np.concatenate([[0.0], np.asarray(result.cumulative[q], dtype=float)])
    horizon = len(path) - 1
    if periods > horizon:
        step = path[-1] - path[-2] if horizon > 1 else path[-1]
        return float(path[-1] + (periods - horizon) * step)
    whole = int(math.floor(periods))
    if whole == periods:
        return float(path[whole])
    return float(path[whole] + (periods - whole) * (path[whole + 1] - path[whole]))


def service_quantile(result: ForecastResult, periods: float, q: float) -> float | None:
    """Demand over ``periods`` future periods not exceeded with probability ``q``, for any 0 < ``q`` < 1 (a service
    target such as 0.975 or 0.995 need not be one of the computed quantiles).

    A computed level is read as ``lead_time_quantile`` reads it. Any other level is read on the normal scale from
    the two computed levels around it (or, beyond the outermost, the two outermost): linear in Φ⁻¹(q), with weight
    (Φ⁻¹(q) − Φ⁻¹(q₁)) / (Φ⁻¹(q₂) − Φ⁻¹(q₁)), exact for normal demand, so the quantile keeps rising with ``q``
    past 0.99 as z·σ does; floored at 0. None without two computed levels.
    """
    from statistics import NormalDist

    levels = sorted(result.cumulative)
    if not 0.0 < q < 1.0:
        raise ValueError(f"service level must be between 0 and 1 (exclusive), got {q}")
    if q in result.cumulative:
        return lead_time_quantile(result, periods, q)
    if len(levels) < 2:
        return None
    below = [x for x in levels if x < q]
    above = [x for x in levels if x > q]
    lo, hi = (below[-1], above[0]) if below and above else (levels[-2], levels[-1]) if below else (levels[0], levels[1])
    z = NormalDist().inv_cdf
    w = (z(q) - z(lo)) / (z(hi) - z(lo))
    a, b = lead_time_quantile(result, periods, lo), lead_time_quantile(result, periods, hi)
    return max(a + w * (b - a), 0.0)


def _model_fitted(final, y: np.ndarray) -> np.ndarray:
    """A statsmodels model's in-sample fitted values aligned with ``y`` (NaN where it gives none)."""
    out = np.full(len(y), np.nan)
    if final.fitted is not None:
        fit = np.asarray(final.fitted, dtype=float)[: len(y)]
        out[len(y) - len(fit) :] = fit
    return out


def _sloped_index(Y, paths, origins, horizon: int, shape: str, *, season: int) -> np.ndarray:
    """The yearly index of a method with a slope, against its own forecast from a season before each origin,
    shaped as the caller needs it: ``bt`` (rows × origins × horizon), ``final`` (rows × horizon), ``fit``
    (rows × origins, one step)."""
    origins = np.asarray(origins, dtype=int)
    earlier = np.maximum(origins - season, 0)
    reference = paths(Y, earlier, horizon, season)
    reference = np.where((origins - season >= 0)[None, :, None], reference, np.nan)
    index = m.yearly_index(Y, origins, horizon, season=season, reference=reference)
    return {"bt": index, "final": index[:, 0, :], "fit": index[:, :, 0]}[shape]


def _select(mase: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """The chosen method per row (methods × rows in): the lowest MASE, where the methods within
    ``MASE_TIE`` of it are a near-tie broken by the lowest absolute bias, then by the earlier method."""
    finite = np.where(np.isnan(mase), np.inf, mase)
    lowest = finite.min(axis=0)
    near = finite <= lowest * (1.0 + MASE_TIE)
    guard = np.where(near, np.where(np.isnan(bias), np.inf, np.abs(bias)), np.inf)
    by_bias = np.argmin(guard, axis=0)
    plain = np.argmin(finite, axis=0)
    return np.where(np.isfinite(guard.min(axis=0)), by_bias, plain)


def lead_time_demand(result: ForecastResult, periods: float) -> tuple[float, float]:
    """Mean and standard deviation of demand over ``periods`` future periods (may be fractional).

    The mean sums the forecast (its last value repeats past the horizon); the deviation is
    ``sigma·√periods`` (independent one-step errors).
    """
    whole = int(math.floor(periods))
    path = np.concatenate([result.mean, np.repeat(result.mean[-1:], max(0, whole + 1 - len(result.mean)))])
    mean = float(path[:whole].sum() + (periods - whole) * path[whole])
    return mean, result.sigma * math.sqrt(periods)


def _nanstd(a: np.ndarray) -> np.ndarray:
    count = (~np.isnan(a)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(a, axis=1) / count
        var = np.nansum((a - mean[:, None]) ** 2, axis=1) / count
    return np.where(count > 1, np.sqrt(var), 0.0)


def _residual_quantiles(mean: np.ndarray, resid: np.ndarray, qs) -> dict[float, np.ndarray]:
    """Empirical error quantiles (linear interpolation, NaN skipped) scaled by √step, see the module doc."""
    s = np.sort(resid, axis=1)  # NaN sort last
    count = (~np.isnan(resid)).sum(axis=1)
    steps = np.sqrt(np.arange(1, mean.shape[1] + 1))[None, :]
    out = {}
    previous = None
    for q in qs:
        pos = q * np.maximum(count - 1, 0)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, np.maximum(count - 1, 0))
        frac = pos - lo
        rows = np.arange(len(s))
        val = s[rows, lo] + (s[rows, hi] - s[rows, lo]) * frac
        val = np.where(count > 0, val, 0.0)
        cur = np.maximum(mean + val[:, None] * steps, 0.0)
        if previous is not None:
            cur = np.maximum(cur, previous)
        out[q] = cur
        previous = cur
    return out


def _model_quantiles(final, qs) -> dict[float, np.ndarray]:
    from statistics import NormalDist

    if not final.quantiles:
        steps = np.sqrt(np.arange(1, len(final.mean) + 1))
        raw = {q: final.mean + NormalDist().inv_cdf(q) * final.sigma * steps for q in qs}
    else:
        raw = final.quantiles
    out, previous = {}, None
    for q in qs:
        cur = np.maximum(np.asarray(raw[q], dtype=float), 0.0)
        if previous is not None:
            cur = np.maximum(cur, previous)
        out[q] = cur
        previous = cur
    return out


def _simple_average(y: np.ndarray, horizon: int, qs, demand_class: str, min_periods: int) -> ForecastResult:
    obs = y[~np.isnan(y)]
    level = float(obs.mean()) if len(obs) else 0.0
    mean = np.full(horizon, level)
    resid = (obs - level)[None, :] if len(obs) > 1 else np.full((1, 1), np.nan)
    quant = _residual_quantiles(mean[None, :], resid, qs)
    nan = float("nan")
    return ForecastResult(
        mean=mean,
        quantiles={q: quant[q][0] for q in qs},
        model=SIMPLE_AVERAGE,
        mase=nan,
        wape=nan,
        bias=nan,
        baseline_mase=nan,
        demand_class=demand_class,
        sigma=float(obs.std()) if len(obs) > 1 else 0.0,
        fitted=np.where(np.isnan(y), np.nan, level),
        cumulative=bootstrap_cumulative(mean[None, :], resid, qs)[0],
        note=(
            f"fewer than two demands in {len(obs)} observed periods: simple average"
            if len(obs) >= min_periods
            else f"too short a history to choose a method: simple average of {len(obs)} observed periods"
        ),
    )


def _backtest_models(job) -> list[tuple[int, dict]]:
    """Backtest the statsmodels models on some rows until the deadline (a worker's job).

    Each row comes with its actuals, MASE scale and the best numpy MASE. Only a model that beats
    that MASE is fitted on the whole history, best first; if that fit fails the next one is tried.
    Returns, per row, {model: (backtest paths, final ModelForecast or None)}.
    """
    rows, series, extras, names, horizon, origins, season, qs, starts, deadline = job
    out = []
    sub = (lambda o: None) if starts is None else (lambda o: starts[:o])
    for r, y, (act, scale, to_beat) in zip(rows, series, extras, strict=True):
        if deadline is not None and time.time() > deadline:
            break
        tried = []
        for name in names:
            fit = MODELS[name]
            try:
                first = fit(y[: origins[0]], horizon, season=season, starts=sub(origins[0]))
                reuse = first.reuse or {}
                later = [fit(y[:o], horizon, season=season, starts=sub(o), **reuse).mean for o in origins[1:]]
                paths = np.array([first.mean, *later])
            except Exception:  # noqa: BLE001 - a model that fails falls back to the next one
                continue
            if np.all(np.isfinite(paths)):
                mase = float(score(paths[None], act[None], np.array([scale])).mase[0])
                tried.append((mase if np.isfinite(mase) else np.inf, name, paths, reuse))
        fitted = {name: (paths, None) for _, name, paths, _ in tried}
        for mase, name, paths, reuse in sorted(tried, key=lambda t: t[0]):
            if not mase < to_beat:
                break
            spec_only = {k: v for k, v in reuse.items() if k == "spec"}
            try:
                final = MODELS[name](y, horizon, season=season, quantiles=qs, starts=starts, **spec_only)
            except Exception:  # noqa: BLE001 - the next best model is tried instead
                continue
            if np.all(np.isfinite(final.mean)):
                fitted[name] = (paths, final)
                break
        out.append((r, fitted))
    return out


def _run_models(
    Y, rows, extras, names, horizon, origins, season, qs, starts, budget_seconds, workers, start_method
) -> dict:
    if len(rows) == 0:
        return {}
    deadline = None if budget_seconds is None else time.time() + budget_seconds
    starts = None if starts is None else list(starts)
    chunk = 16
    jobs = []
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        job = (part, [Y[r] for r in part], [extras[r] for r in part], names, horizon, origins, season, qs, starts)
        jobs.append((*job, deadline))
    found: dict[int, dict] = {}
    if workers <= 1:
        for job in jobs:
            if deadline is not None and time.time() > deadline:
                break
            found.update(_backtest_models(job))
        return found
    if start_method == "fork":
        # Forked workers inherit what is imported here: import the models once instead of per worker.
        for name in names:
            _preload(name)
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_backtest_models, jobs):
                found.update(part)
        return found
    # Spawned workers start with one BLAS thread each: statsmodels' small matrices only lose from
    # more, and two processes on two cores would otherwise fight over them.
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    os.environ.update(dict.fromkeys(_THREAD_VARS, "1"))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start_method)) as pool:
            for part in pool.map(_backtest_models, jobs):
                found.update(part)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return found


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_PRELOAD = {
    "ets": "statsmodels.tsa.exponential_smoothing.ets",
    "holt_winters": "statsmodels.tsa.holtwinters",
    "theta": "statsmodels.tsa.forecasting.theta",
    "sarimax": "statsmodels.tsa.statespace.sarimax",
}


def _preload(name: str) -> None:
    import importlib

    if name in _PRELOAD:
        importlib.import_module(_PRELOAD[name])
