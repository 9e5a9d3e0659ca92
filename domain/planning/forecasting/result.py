"""One product's forecast (``ForecastResult``), how planning reads it over a lead time, and the plain average
that stands in for a forecast where a history is too short to choose or combine methods.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import field

import numpy as np

from domain.planning.forecasting.quantiles import bootstrap_cumulative
from domain.planning.forecasting.quantiles import residual_quantiles

SIMPLE_AVERAGE = "simple_average"


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
        scores: backtest MASE of every method tried (the combination's members as ``combination.<member>``).
        fitted: the chosen method's one-step-ahead in-sample forecasts, one per history period (NaN
            where it had nothing to go on, or where the chosen statsmodels model gives none).
        cumulative: {q: (horizon,)} quantiles of the demand summed over steps 1..k (bootstrap, see
            ``selection`` step 6) — the distribution of lead-time demand.
        calibrated: whether ``cumulative`` was checked against the row's own backtest and widened to hold its
            levels (the combination's simulated paths, ``domain.planning.forecasting.api``); planning then takes the
            safety stock from it (``domain.planning.replenishment``). False for the per-row choice's bootstrap of
            independent one-step errors and for too-short histories, whose quantiles are only a rough guess.
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


def lead_time_demand(result: ForecastResult, periods: float) -> tuple[float, float]:
    """Mean and standard deviation of demand over ``periods`` future periods (may be fractional).

    The mean sums the forecast (its last value repeats past the horizon); the deviation is
    ``sigma·√periods`` (independent one-step errors).
    """
    whole = int(math.floor(periods))
    path = np.concatenate([result.mean, np.repeat(result.mean[-1:], max(0, whole + 1 - len(result.mean)))])
    mean = float(path[:whole].sum() + (periods - whole) * path[whole])
    return mean, result.sigma * math.sqrt(periods)


def simple_average(y: np.ndarray, horizon: int, qs, demand_class: str, min_periods: int) -> ForecastResult:
    obs = y[~np.isnan(y)]
    level = float(obs.mean()) if len(obs) else 0.0
    mean = np.full(horizon, level)
    resid = (obs - level)[None, :] if len(obs) > 1 else np.full((1, 1), np.nan)
    quant = residual_quantiles(mean[None, :], resid, qs)
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
