"""statsmodels models for one series: ETS, Holt-Winters, Theta and SARIMAX with holiday regressors.

Each ``fit_*`` function takes one demand series (NaN = censored) and a horizon and returns a
``ModelForecast``; it raises when the model cannot be fitted, and the caller moves on to the next
model (``domain.planning.forecasting.api`` never lets a fit failure escape). statsmodels warnings about
convergence are silenced here: a poor fit shows in the backtest error, which decides.

* ETS: ``ETSModel`` with additive errors; the trend (none, additive, additive damped) and, with two
  full seasons of history, additive seasonality are chosen by AIC. Multiplicative candidates are
  left out: demand has zeros, and their intervals need simulation (slow).
* Holt-Winters: ``ExponentialSmoothing`` with additive damped trend (seasonal with two seasons).
* Theta: ``ThetaModel`` (Assimakopoulos & Nikolopoulos 2000), deseasonalised with two seasons.
* SARIMAX: ARMA(1,1) with a constant and three weekly dummies as regressors — a week containing a
  Spring Festival public holiday (from the ``holidays`` package), the 618 promotion week (the week
  holding 18 June) and the 双11 week (holding 11 November). Needs the start date of each period.

Censored periods are linearly interpolated for the models that cannot take gaps (all but SARIMAX).
Quantiles come from the model's normal forecast variance where it has one (ETS, Theta, SARIMAX);
Holt-Winters returns none and the caller derives them from residuals.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from statistics import NormalDist

import numpy as np

_N = NormalDist()


@dataclass(frozen=True, eq=False)
class ModelForecast:
    """A fitted model's forecast: ``mean`` (horizon,), ``quantiles`` {q: (horizon,)} or None, ``sigma``
    the standard deviation of its one-step in-sample residuals, ``spec`` a short description, ``reuse``
    keyword arguments that fit the same model again more cheaply (the backtest passes them on)."""

    mean: np.ndarray
    quantiles: dict[float, np.ndarray] | None
    sigma: float
    spec: str
    reuse: dict | None = None
    fitted: np.ndarray | None = None  # one-step in-sample fitted values, one per history period
    trend: np.ndarray | None = None  # the part of ``mean`` the model's trend or drift carries (horizon,), or None


def without_trend(forecast: ModelForecast) -> ModelForecast:
    """``forecast`` with its trend's part taken out of the mean and the quantiles: the model's level (and season)
    carried flat over the horizon. A model without a trend is returned as it is."""
    if forecast.trend is None:
        return forecast
    quantiles = None if forecast.quantiles is None else {q: v - forecast.trend for q, v in forecast.quantiles.items()}
    return dataclasses.replace(forecast, mean=forecast.mean - forecast.trend, quantiles=quantiles,
                               trend=np.zeros_like(forecast.trend))


def fill_censored(y: np.ndarray) -> np.ndarray:
    """Linear interpolation over censored (NaN) periods; the ends take the nearest observation."""
    y = np.asarray(y, dtype=float)
    observed = ~np.isnan(y)
    if observed.all():
        return y
    if not observed.any():
        raise ValueError("no observed period")
    idx = np.arange(len(y))
    return np.interp(idx, idx[observed], y[observed])


def _normal_quantiles(mean: np.ndarray, se: np.ndarray, quantiles) -> dict[float, np.ndarray]:
    return {q: mean + _N.inv_cdf(q) * se for q in quantiles}


def _sigma(resid) -> float:
    r = np.asarray(resid, dtype=float)
    r = r[~np.isnan(r)]
    return float(np.std(r)) if len(r) > 1 else 0.0


def fit_ets(y, horizon: int, *, season: int = 52, quantiles=(), starts=None, spec=None, params=None) -> ModelForecast:
    """ETS chosen by AIC; with ``spec`` the choice is skipped, with ``params`` too the estimation.

    ``reuse`` of the result holds both: the backtest chooses and estimates at its first origin and
    then only runs the filter (``ETSModel.smooth``) at the later ones — one pass instead of several
    optimisations.
    """
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    data = pd.Series(fill_censored(y))
    specs: list[tuple[str | None, bool, str | None]] = [(None, False, None), ("add", False, None), ("add", True, None)]
    if season > 1 and len(data) >= 2 * season + 2:
        specs += [(None, False, "add"), ("add", True, "add")]
    if spec is not None:
        specs = [spec]
    best = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for trend, damped, seasonal in specs:
            try:
                model = ETSModel(
                    data,
                    error="add",
                    trend=trend,
                    damped_trend=damped,
                    seasonal=seasonal,
                    seasonal_periods=season if seasonal else None,
                    initialization_method="heuristic" if seasonal else "estimated",
                )
                res = model.smooth(params) if params is not None else model.fit(disp=False)
            except Exception:  # noqa: BLE001 - a candidate that cannot fit is skipped
                continue
            if np.isfinite(res.aic) and (best is None or res.aic < best[0]):
                best = (res.aic, res, (trend, damped, seasonal))
        if best is None:
            raise RuntimeError("no ETS candidate could be fitted")
        _, res, chosen = best
        pred = res.get_prediction(start=len(data), end=len(data) + horizon - 1)
        mean = np.asarray(pred.predicted_mean, dtype=float)
        se = np.sqrt(np.asarray(pred.forecast_variance, dtype=float))
    trend, damped, seasonal = chosen
    carried = None
    if trend:  # ℓ + (φ + … + φᵏ)·b + s: the trend's part from the last trend state b and the damping φ
        phi = float(res.damping_trend) if damped else 1.0
        carried = float(res.states["trend"].iloc[-1]) * np.cumsum(phi ** np.arange(1, horizon + 1))
    name = f"ETS(A,{'Ad' if damped else ('A' if trend else 'N')},{'A' if seasonal else 'N'})"
    reuse = {"spec": chosen, "params": np.asarray(res.params)}
    fitted = np.asarray(res.fittedvalues, dtype=float)
    return ModelForecast(mean, _normal_quantiles(mean, se, quantiles), _sigma(res.resid), name, reuse, fitted,
                         carried)


def fit_holt_winters(y, horizon: int, *, season: int = 52, quantiles=(), starts=None, **_reuse) -> ModelForecast:
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    data = fill_censored(y)
    seasonal = "add" if season > 1 and len(data) >= 2 * season + 2 else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ExponentialSmoothing(
            data,
            trend="add",
            damped_trend=True,
            seasonal=seasonal,
            seasonal_periods=season if seasonal else None,
            initialization_method="estimated",
        ).fit()
        mean = np.asarray(res.forecast(horizon), dtype=float)
    if not np.all(np.isfinite(mean)):
        raise RuntimeError("Holt-Winters produced a non-finite forecast")
    fitted = np.asarray(res.fittedvalues, dtype=float)
    return ModelForecast(mean, None, _sigma(res.resid), f"Holt-Winters(Ad,{'A' if seasonal else 'N'})", None, fitted)


def fit_theta(y, horizon: int, *, season: int = 52, quantiles=(), starts=None, **_reuse) -> ModelForecast:
    from statsmodels.tsa.forecasting.theta import ThetaModel

    data = fill_censored(y)
    deseason = season > 1 and len(data) >= 2 * season
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ThetaModel(data, period=season, deseasonalize=deseason, method="additive").fit()
        mean = np.asarray(res.forecast(horizon), dtype=float)
        # The Theta method's drift, half the line's slope (θ = 2), added to SES and the additive season.
        drift = 0.5 * np.asarray(res.forecast_components(horizon)["trend"], dtype=float)
        quant = None
        if quantiles:
            band = res.prediction_intervals(horizon, alpha=0.05)
            se = (np.asarray(band["upper"], dtype=float) - mean) / _N.inv_cdf(0.975)
            quant = _normal_quantiles(mean, se, quantiles)
    resid = data[1:] - data[:-1]  # Theta's SES part: one-step changes stand in for residuals
    return ModelForecast(mean, quant if quant is not None else {}, _sigma(resid), "Theta", trend=drift)


def promotion_regressors(starts) -> np.ndarray:
    """Dummies (periods × 3) for weekly periods starting on ``starts``: Spring Festival, 618, 双11."""
    import holidays

    starts = list(starts)
    years = sorted({d.year for d in starts} | {(d + timedelta(days=6)).year for d in starts})
    cn = holidays.country_holidays("CN", years=years)
    spring = {d for d, name in cn.items() if "Spring Festival" in name}
    out = np.zeros((len(starts), 3))
    for i, s in enumerate(starts):
        days = [s + timedelta(days=k) for k in range(7)]
        out[i, 0] = any(d in spring for d in days)
        out[i, 1] = any(d.month == 6 and d.day == 18 for d in days)
        out[i, 2] = any(d.month == 11 and d.day == 11 for d in days)
    return out


def fit_sarimax(y, horizon: int, *, season: int = 52, quantiles=(), starts=None, **_reuse) -> ModelForecast:
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    if starts is None:
        raise ValueError("SARIMAX needs the start date of each period for its holiday regressors")
    data = np.asarray(y, dtype=float)
    starts = list(starts)[: len(data)]
    if len(starts) != len(data):
        raise ValueError("one start date per period is needed")
    step = starts[1] - starts[0] if len(starts) > 1 else timedelta(days=7)
    future: list[date] = [starts[-1] + step * (k + 1) for k in range(horizon)]
    x_all = promotion_regressors(starts + future)
    x_hist, x_future = x_all[: len(data)], x_all[len(data) :]
    keep = x_hist[~np.isnan(data)].std(axis=0) > 0  # a dummy never seen in history cannot be estimated
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exog = x_hist[:, keep] if keep.any() else None
        res = SARIMAX(data, exog=exog, order=(1, 0, 1), trend="c").fit(disp=False)
        fc = res.get_forecast(horizon, exog=x_future[:, keep] if keep.any() else None)
        mean = np.asarray(fc.predicted_mean, dtype=float)
        se = np.asarray(fc.se_mean, dtype=float)
    fitted = np.asarray(res.fittedvalues, dtype=float)
    return ModelForecast(
        mean, _normal_quantiles(mean, se, quantiles), _sigma(res.resid[1:]), "SARIMAX(1,0,1)+holidays", None, fitted
    )


MODELS = {"ets": fit_ets, "holt_winters": fit_holt_winters, "theta": fit_theta, "sarimax": fit_sarimax}
