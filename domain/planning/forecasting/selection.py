"""``forecast_many(strategy="select")``, the earlier way (kept for comparison and its tests): it chooses one
method per row, for all rows of a (products × periods) matrix at once:

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

from functools import partial

import numpy as np

from domain.planning.forecasting import methods as m
from domain.planning.forecasting.backtest import actuals
from domain.planning.forecasting.backtest import mase_scale
from domain.planning.forecasting.backtest import score
from domain.planning.forecasting.classify import ERRATIC
from domain.planning.forecasting.classify import SMOOTH
from domain.planning.forecasting.model_backtest import RowTask
from domain.planning.forecasting.model_backtest import run_models
from domain.planning.forecasting.quantiles import bootstrap_cumulative
from domain.planning.forecasting.quantiles import model_quantiles
from domain.planning.forecasting.quantiles import nanstd
from domain.planning.forecasting.quantiles import residual_quantiles
from domain.planning.forecasting.result import ForecastResult
from domain.planning.forecasting.result import simple_average

# Methods whose backtest MASE is within this fraction of the lowest are a near-tie, decided by |bias|.
MASE_TIE = 0.05
# Methods that carry no yearly index: the two that model the year themselves.
UNINDEXED_METHODS = ("seasonal_naive", "seasonal_level(13)")
# Methods with a slope: their index is taken against their own forecast of a season before (see
# ``methods.yearly_index``), not against last year's window, so last year's growth is not counted twice.
SLOPED_METHODS = ("holt_damped(0.2,0.1,0.9)",)
SEASONAL_NAIVE = "seasonal_naive"

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


def forecast_selected(Y, horizon, season, qs, classes, origins, short, models, min_model_history, budget_seconds,
                      workers, starts, start_method, min_periods) -> list[ForecastResult]:
    """``forecast_many`` with the per-row choice (``strategy="select"``), see the module docstring."""
    n, T = Y.shape
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
        tasks = {int(r): RowTask(act[r], float(scale[r]), float(best_mase[r])) for r in order}
        sm = run_models(
            Y, order, tasks, tuple(models), horizon, origins, season, qs, starts, budget_seconds, workers, start_method
        )

    chosen_mean = np.empty((n, horizon))
    chosen_resid = np.empty((n, T))
    for i, (final, resid) in enumerate(zip(finals, resids, strict=True)):
        sel = best == i
        chosen_mean[sel] = final[sel]
        chosen_resid[sel] = resid[sel]
    q_resid = residual_quantiles(chosen_mean, chosen_resid, qs)
    sigma_resid = nanstd(chosen_resid)
    chosen_fitted = Y - chosen_resid
    cumulative = bootstrap_cumulative(chosen_mean, chosen_resid, qs)

    results = []
    for r in range(n):
        if short[r]:
            results.append(simple_average(Y[r], horizon, qs, str(classes[r]), min_periods))
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
                qdict = model_quantiles(final, qs)
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
