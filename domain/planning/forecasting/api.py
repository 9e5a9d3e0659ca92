"""The forecasting entry points: ``forecast_series`` for one history, ``forecast_many`` for a matrix.

By default (``strategy="combine"``) every row is forecast by a combination of a few robust methods for its demand
class (``domain.planning.forecasting.combine``: damped trend and Theta on the seasonally adjusted series, SBA/TSB/SES
for intermittent demand), scored by the same rolling backtest, with quantiles from simulated paths of the level
model; in Thorough mode the statsmodels models join the combination as members of equal weight. A single extreme
period (``combine.isolated_extremes``) is fitted and calibrated at the row's fence, so one spike does not set the
reorder point, and weeks without demand that no other year shows, in a row that otherwise always sells
(``combine.interruptions``: a strike, a closure), count as censored; the scores are taken against the history as
it was. On public
demand data it beats the per-row choice by 5–30 % in MASE and its lead-time quantiles hold their
levels (``tests/benchmarks/bench_accuracy_public.py``, figures in ``tests/benchmarks/RESULTS-forecast.md``).

The earlier way, kept as ``strategy="select"`` (for comparison and its tests), chooses one method per row by the
lowest backtest MASE (``domain.planning.forecasting.selection``, whose docstring describes it step by step).

Where the rest lives: the rolling-origin backtest's measures in ``backtest``, the statsmodels models' backtest
within a budget in ``model_backtest``, the per-row choice in ``selection``, the quantiles in ``quantiles``, and
``ForecastResult`` with its lead-time readers in ``result``; the names callers use are importable from here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

import numpy as np

from domain.planning.forecasting import methods as m
from domain.planning.forecasting.backtest import actuals
from domain.planning.forecasting.backtest import mase_scale
from domain.planning.forecasting.backtest import rolling_origins
from domain.planning.forecasting.backtest import score
from domain.planning.forecasting.classify import ERRATIC
from domain.planning.forecasting.classify import SMOOTH
from domain.planning.forecasting.classify import TOO_SHORT
from domain.planning.forecasting.classify import classify
from domain.planning.forecasting.model_backtest import RowTask
from domain.planning.forecasting.model_backtest import run_models
from domain.planning.forecasting.quantiles import LATEST_ORIGINS
from domain.planning.forecasting.quantiles import LEAD_TIME_WEIGHT
from domain.planning.forecasting.quantiles import bootstrap_cumulative
from domain.planning.forecasting.quantiles import calibration_errors
from domain.planning.forecasting.quantiles import calibration_origins
from domain.planning.forecasting.quantiles import conformal_per_period
from domain.planning.forecasting.quantiles import nanstd
from domain.planning.forecasting.quantiles import recent_volatility
from domain.planning.forecasting.quantiles import widening
from domain.planning.forecasting.result import SIMPLE_AVERAGE
from domain.planning.forecasting.result import ForecastResult
from domain.planning.forecasting.result import lead_time_demand
from domain.planning.forecasting.result import lead_time_quantile
from domain.planning.forecasting.result import service_quantile
from domain.planning.forecasting.result import simple_average
from domain.planning.forecasting.selection import SEASONAL_NAIVE
from domain.planning.forecasting.selection import TREND_METHODS
from domain.planning.forecasting.selection import VECTOR_METHODS
from domain.planning.forecasting.selection import forecast_selected

__all__ = [
    "DEFAULT_MODELS",
    "DEFAULT_QUANTILES",
    "MEMBER_PREFIX",
    "SEASONAL_NAIVE",
    "SIMPLE_AVERAGE",
    "TREND_METHODS",
    "VECTOR_METHODS",
    "ForecastResult",
    "bootstrap_cumulative",
    "forecast_many",
    "forecast_series",
    "lead_time_demand",
    "lead_time_quantile",
    "service_quantile",
]

DEFAULT_QUANTILES = (0.1, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99)
DEFAULT_MODELS = ("ets", "theta")
MEMBER_PREFIX = "combination."  # ``ForecastResult.scores``' key of a member of the combination: ``combination.theta``
# The statsmodels models join the combination (Thorough mode) on rows with at least this many horizons of their own
# history, counted from their first observed period (RESULTS-forecast.md, section AO).
MODEL_MIN_HORIZONS = 3
# Intermittent and lumpy rows' quantiles are calibrated over a fixed window whatever the horizon (``lumpy_window``):
# a sixth of a season (8 weeks) and never fewer than ``LUMPY_MIN_WINDOW`` periods. Over a quarter (13 weeks) their
# pinball loss fell further but the replay lost 0.23 points of fill for 1.7 % less stock (RESULTS-forecast.md,
# section BM). Eight periods are also the quarterly development sets' horizon, where their calibration stands as it
# was measured; a shorter window (a sixth of a year of months is 2) pools too few steps to carry to a long lead time.
LUMPY_SEASON_SHARE = 6
LUMPY_MIN_WINDOW = 8


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
        budget_seconds: wall time allowed for the statsmodels part (None = unlimited). The rows are reached in
            order of total demand across the whole call, so with a budget whether a row gets the models depends on
            the rows beside it and on the machine's speed: by design (the largest rows first); the forecast of a row
            the models reach is its own, as alone, and so is that of a row they do not (the default's).
        workers: processes for the statsmodels part (1 = in this process).
        starts: the start date of each period (needed by SARIMAX's holiday regressors).
        min_periods: observed periods below which a history is too short.
        start_method: how worker processes start. ``spawn`` (the default) is safe in a process with
            threads (the GUI) but every worker imports statsmodels again (seconds); ``fork`` starts
            them at once from this process, which then should run with one BLAS thread
            (``OPENBLAS_NUM_THREADS=1`` before numpy is imported), as the benchmark does.
        strategy: ``combine`` (the default, ``domain.planning.forecasting.combine``: a combination of a few robust
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
    if strategy == "combine":
        # A row is too short for the combination by its own history alone (``classify``), not by whether the
        # matrix's width leaves room for backtest origins: see ``_combined``.
        return _combined(Y, horizon, season, qs, classes, origins, classes == TOO_SHORT, models, min_model_history,
                         budget_seconds, workers, starts, start_method, min_periods)
    short = (classes == TOO_SHORT) | (len(origins) == 0)
    return forecast_selected(Y, horizon, season, qs, classes, origins, short, models, min_model_history,
                             budget_seconds, workers, starts, start_method, min_periods)


def _combined(Y, horizon, season, qs, classes, origins, short, models, min_model_history, budget_seconds, workers,
              starts, start_method, min_periods) -> list[ForecastResult]:
    """``forecast_many`` with the combination (``strategy="combine"``), see ``domain.planning.forecasting.combine``."""
    from domain.planning.forecasting.classify import INTERMITTENT
    from domain.planning.forecasting.classify import LUMPY
    from domain.planning.forecasting.combine import RECENT_SEASONS
    from domain.planning.forecasting.combine import combine
    from domain.planning.forecasting.combine import interruptions
    from domain.planning.forecasting.combine import isolated_extremes

    n, T = Y.shape
    intermittent = np.isin(classes, [INTERMITTENT, LUMPY])
    # The origins are the matrix's; a row is scored only from those with ``min_periods`` periods of its own history
    # before them (counted from its first observed period), the origins it has when forecast alone; inside a wider
    # matrix it was scored from origins before or just after its start too. Whether a row gets the combination does
    # not depend on them: it did on whether the matrix had any origins, so a row of 10–15 quarters (8 ahead) got
    # the simple average alone and the combination beside longer rows (RESULTS-forecast.md, section AE).
    begins = np.argmax(~np.isnan(Y), axis=1)
    own = origins[None, :] - begins[:, None] >= min_periods  # rows × origins
    bt_origins = origins if len(origins) else np.zeros(0, dtype=int)
    # The grid keeps the origins of the last horizon (``LATEST_ORIGINS``) where there are intermittent or lumpy rows,
    # which were calibrated from it before they had a window of their own; the others' errors from there are dropped
    # below, so a smooth row's quantiles do not depend on them. (Left out of the grid, they change the order of the
    # widening's sums: smooth rows' quantiles moved in the last bits on the demo.)
    cal_origins = calibration_origins(T, horizon, min_periods, LATEST_ORIGINS if intermittent.any() else 0)
    # Intermittent and lumpy rows are calibrated over ``lumpy_window`` periods whatever the horizon, from that
    # window's origins and from the origins of its last window too (``LATEST_ORIGINS``), and their paths are
    # simulated beyond it with the same calibration: their quantile over k periods is then the same whatever horizon
    # the call asked for (``_quantiles``).
    window = lumpy_window(season)
    lumpy_origins = calibration_origins(T, window, min_periods, LATEST_ORIGINS) if intermittent.any() \
        else np.zeros(0, dtype=int)
    all_origins = np.union1d(cal_origins, lumpy_origins)
    # A single extreme period is fitted, calibrated and drawn at the row's fence, an interruption's periods count
    # as censored; scores stay on the history.
    Yc = isolated_extremes(Y, season)[0]
    Yc[interruptions(Yc, season, ~intermittent & ~short)] = np.nan
    c = combine(Yc, bt_origins, horizon, season=season, intermittent=intermittent, calibration=all_origins)
    lumpy_paths = None
    if len(lumpy_origins) and c.calibration is not None:  # flat for these rows: the first step is every step's
        lumpy_paths = c.calibration[:, np.searchsorted(all_origins, lumpy_origins), :1]
        kept = c.calibration[:, np.searchsorted(all_origins, cal_origins)] if len(cal_origins) else None
        c = dataclasses.replace(c, calibration=kept)
    mean = c.final.copy()
    paths = c.paths.copy()
    names = {}
    baseline = np.full(n, np.nan)
    mase = wape = bias = np.full(n, np.nan)
    scores: list[dict[str, float]] = [{} for _ in range(n)]
    if len(origins):
        act = np.where(own[:, :, None], actuals(Y, origins, horizon), np.nan)
        first_own = np.where(own.any(axis=1), origins[np.argmax(own, axis=1)], origins[-1])
        scale = mase_scale(Y, first_own, season, start=begins)
        baseline = score(m.seasonal_naive_paths(Y, origins, horizon, season), act, scale).mase
        # A member's score is named after the combination (``combination.theta``): Thorough's statsmodels models
        # are scored under their own names (``theta``), and a member of the same name had been overwritten by them.
        for name, member in c.member_paths.items():
            ms = score(member, act, scale).mase
            for r in range(n):
                if np.isfinite(ms[r]):
                    scores[r][f"{MEMBER_PREFIX}{name}"] = float(ms[r])
        for r in range(n):
            if np.isfinite(baseline[r]):  # as the members': a row without origins of its own has no score alone
                scores[r][SEASONAL_NAIVE] = float(baseline[r])

    joined = np.zeros(n, dtype=int)
    if models and len(origins):
        observed = (~np.isnan(Y)).sum(axis=1)
        # The models see the row's own history only, from its first observed period, at the origins it has alone
        # (``own``), so a row's Thorough forecast is the one it gets alone (``model_backtest``). They join a row
        # with ``MODEL_MIN_HORIZONS`` horizons of its own history: inside a wider matrix a shorter row's models had
        # been fitted to its history padded back to the matrix's first column with its first demand, a flat
        # stretch that held their trend down; fitted to the short history itself they lost to the combination
        # alone (M1 monthly's rows under three horizons, 54 months: +0.023 MASE per series at the competitions'
        # origin). RESULTS-forecast.md, section AO.
        eligible = np.flatnonzero(~short & np.isin(classes, [SMOOTH, ERRATIC]) & (observed >= min_model_history)
                                  & (T - begins >= MODEL_MIN_HORIZONS * horizon))
        order = eligible[np.argsort(-np.nansum(Y[eligible], axis=1), kind="stable")]
        # A model's trend against the line a row's history kept is carried flat, as the damped member's is
        # (``combine.against_the_line``; RESULTS-forecast.md, section BX).
        tasks = {int(r): RowTask(act[r], float(scale[r]), np.inf, own=own[r], begin=int(begins[r]),
                                 line=float(c.line[r]), strength=float(c.strength[r]))
                 for r in order}
        # The models see the history the combination's members see: without the additive outliers the combination
        # cleaned (``Combined.cleaned``); fitted to the raw history, one odd period moved their level and trend, and
        # Thorough fell behind the default on Tourism quarterly (RESULTS-forecast.md section AA). A cleaned value
        # is the seasonally adjusted level times the row's factor, which inside a wider matrix can differ from the
        # row alone in the last bits (sums taken in another order); ETS's optimiser turned that into 1e-6 in its
        # forecast and the quantiles into other draws (M1 quarterly: 3 rows of 203). So the cleaned values are
        # rounded to 2⁻³⁰ of the row's size, as ``simulate_quantiles`` rounds its key.
        cleaned = _rounded_replacements(c.cleaned, Yc)
        # Where the combination adjusted a row for its season and the row's history is shorter than the
        # ``RECENT_SEASONS`` seasons its factors lean on, the models see the row adjusted by the combination's
        # factors and forecast it without a season, seasonal again by the same factors (``model_backtest``). Fitted
        # to such a raw history they estimated a season of their own from two to five seasons, unshrunk (ETS 52
        # weekly states, Theta a classical decomposition), over an interruption's censored weeks filled by a
        # straight line (``models.fill_censored``), and at equal weight diluted the combination's shrunk season:
        # Thorough trailed the default on both weekly sets. On longer histories their own season is as good as the
        # factors (quarterly and monthly sets: no better adjusted, Australian regions worse at all three origins).
        # RESULTS-forecast.md, section AV. The same holds where the row's seasonal test ran and failed
        # (``Combined.tested``: the combination then adjusts it by factors shrunk towards a flat season, or not at
        # all): the models see it as the members do and take no season of their own either. Fitted raw, ETS chose
        # 52 free weekly states by AIC from five years of an airline route the test had found no season in, and
        # such rows' Thorough forecasts strayed from the default's by that season alone (section BT). The factors
        # can differ from the row alone in the last bits, so the adjusted history is rounded to 2⁻³⁰ of the row's
        # size (``_rounded``), or ETS's optimiser turns that into other forecasts.
        if c.factors is not None and season > 1:
            settled = c.seasonal if c.tested is None else c.seasonal | c.tested
            rows_a = order[settled[order] & (T - begins[order] < RECENT_SEASONS * season)]
            cleaned[rows_a] = _rounded(cleaned[rows_a] / c.factors[rows_a][:, np.arange(T) % season], Yc[rows_a])
            for r in rows_a:
                tasks[int(r)] = dataclasses.replace(tasks[int(r)], factors=c.factors[r])
        sm = run_models(cleaned, order, tasks, tuple(models), horizon, origins, season, qs, starts, budget_seconds,
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
    resid = Yc - c.fitted
    sigma = nanstd(resid)
    if not intermittent.any():
        per, cum = _quantiles(Y, Yc, mean, resid, sigma, c.alpha, qs, intermittent, short, cal_origins, c.calibration,
                              season, min_periods)
    else:
        per, cum = [None] * n, [None] * n
        rows_p, rows_l = np.flatnonzero(~intermittent), np.flatnonzero(intermittent)
        some = _quantiles(Y[rows_p], Yc[rows_p], mean[rows_p], resid[rows_p], sigma[rows_p], c.alpha[rows_p], qs,
                          intermittent[rows_p], short[rows_p], cal_origins,
                          None if c.calibration is None else c.calibration[rows_p], season, min_periods)
        # An intermittent row's forecast is flat, from the calibration origins as from the end: it is calibrated over
        # ``window`` periods, its paths are simulated over the horizon and never fewer than ``window`` periods, a
        # window at a time (``simulate_quantiles``' ``block``), and the quantiles are cut back to the horizon.
        hq = max(horizon, window)
        lumpy = _quantiles(Y[rows_l], Yc[rows_l], np.repeat(mean[rows_l, :1], hq, axis=1), resid[rows_l],
                           sigma[rows_l], c.alpha[rows_l], qs, intermittent[rows_l], short[rows_l], lumpy_origins,
                           None if lumpy_paths is None else np.repeat(lumpy_paths[rows_l], window, axis=2), season,
                           min_periods, block=window)
        for r, pr, cr in zip(rows_p, *some, strict=True):
            per[r], cum[r] = pr, cr
        for r, pr, cr in zip(rows_l, *lumpy, strict=True):
            per[r] = {q: v[:horizon] for q, v in pr.items()}
            cum[r] = {q: v[:horizon] for q, v in cr.items()}

    results = []
    for r in range(n):
        if short[r]:
            results.append(simple_average(Y[r], horizon, qs, str(classes[r]), min_periods))
            continue
        label = "combination(sba,tsb,ses)" if intermittent[r] else (
            "combination(damped,theta" + (",holt" if c.linear_trend is not None and c.linear_trend[r] else "")
            + (",seasonal_level" if c.last_season is not None and c.last_season[r] else "")
            + (",seasonal" if c.seasonal[r] else "") + ")")
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


def lumpy_window(season: int) -> int:
    """The periods over which intermittent and lumpy rows' quantiles are calibrated, whatever the horizon: a
    ``LUMPY_SEASON_SHARE``-th of a season (8 weeks) and never fewer than ``LUMPY_MIN_WINDOW`` periods."""
    return max(int(season) // LUMPY_SEASON_SHARE, LUMPY_MIN_WINDOW)


def _quantiles(Y, Yc, mean, resid, sigma, alpha, qs, intermittent, short, cal_origins, calibration, season: int,
               min_periods: int, block: int | None = None):
    """Per-period and lead-time quantiles of the rows given, over the periods of ``mean``: simulated paths of the
    level model widened by the calibration forecasts' errors (``calibration``: rows × ``cal_origins`` × steps, None
    without any), then rescaled level by level by those errors and the recent ones (each row's from that row only).

    ``calibration`` covers every period of ``mean`` for smooth and erratic rows. ``forecast_many`` gives intermittent
    and lumpy rows the ``lumpy_window`` periods' (8 weeks) whatever the horizon, and a ``mean`` over the horizon but
    never fewer periods: the widening, the levels' factors (pooled over steps 1..window) and the recent errors'
    window come from those periods and carry to every step beyond them, and the paths are drawn ``block`` periods at
    a time (``simulate_quantiles``), so the quantile over k periods does not depend on the horizon. Taken at the
    call's horizon, a lumpy row's quantile over the same k periods moved with it, most at the levels the safety
    stock reads, as the calibration origins (spread over the last three horizons), the widening and the levels'
    factors (pooled over 1..horizon) and the simulated draws all followed the horizon, and a planning run's horizon
    follows the longest lead time plus review of all its items. On the demo, EL001-01 in GZ at 0.98 over 2.66 weeks
    was 94 at a horizon of 4 weeks, 164 at 5, 138 at 6, 115 at 8, 105 at 10 and 88 at 13; now 115 at each
    (RESULTS-forecast.md, sections BM and BO).
    """
    from domain.planning.forecasting.combine import conformal_cumulative
    from domain.planning.forecasting.combine import simulate_quantiles
    from domain.planning.forecasting.combine import zero_below_demand_share

    if not len(mean):
        return [], []
    T = Yc.shape[1]
    widen = np.ones(len(mean))
    steps = mean.shape[1] if calibration is None else calibration.shape[2]
    if calibration is not None:
        cal_errors = calibration_errors(Yc, cal_origins, calibration, min_periods)
        cal_errors[np.ix_(~intermittent, cal_origins > T - steps)] = np.nan
        widen = widening(cal_errors, sigma, alpha)
    per, cum = simulate_quantiles(mean, resid, alpha, qs, widen=widen, block=block)
    per = zero_below_demand_share(per, Y, intermittent & ~short)
    if calibration is not None:
        recent = recent_volatility(resid, steps, season)
        # Smooth and erratic rows take their backtest's factors halfway (``quantiles.LEAD_TIME_WEIGHT``).
        lead_weight = np.where(intermittent, 1.0, LEAD_TIME_WEIGHT)
        cum = conformal_cumulative(mean, cum, cal_errors, scale=recent, weight=lead_weight)
        # Per period too, for smooth and erratic rows: an intermittent row's periods are mostly zeros around a flat
        # forecast, and its simulated per-period quantiles held better than rescaled ones (bicycles' pinball 0.246
        # against 0.258, RESULTS-forecast.md section Y).
        per = conformal_per_period(mean, per, np.where(intermittent[:, None, None], np.nan, cal_errors), recent)
    return per, cum


def _rounded(values: np.ndarray, history: np.ndarray) -> np.ndarray:
    """``values`` rounded to 2⁻³⁰ of their row's size (the power of two above the largest figure of ``history``)."""
    from domain.planning.forecasting.combine import rounding_unit

    with np.errstate(invalid="ignore"):
        unit = rounding_unit(np.nanmax(np.abs(history), axis=1, initial=0.0), 30)[:, None]
        return np.round(values / unit) * unit


def _rounded_replacements(cleaned: np.ndarray, history: np.ndarray) -> np.ndarray:
    """``cleaned`` with the values that differ from ``history`` rounded to 2⁻³⁰ of their row's size (the power of
    two above its largest figure), so a row's figures are the same to the bit alone and inside a wider matrix."""
    with np.errstate(invalid="ignore"):
        replaced = ~np.isnan(cleaned) & (cleaned != history)
    return np.where(replaced, _rounded(cleaned, history), cleaned)
