"""Forecasting methods vectorised across products: naive, seasonal naive, moving average, simple
exponential smoothing (SES), Croston, SBA and TSB.

Every method works on a (products × periods) float array ``Y`` with ``NaN`` for censored periods
and loops over *time* only, so one pass serves 10,000 products. A censored period is skipped: it
neither updates a state nor counts as a period without demand.

The flat methods return a *state* array ``S`` of shape (products × periods + 1): ``S[:, t]`` is the
forecast made after the first ``t`` periods, for every future period (the forecast is flat). So
``S[:, :-1]`` are the one-step-ahead fitted values and ``S[:, o]`` is the forecast from a backtest
origin ``o`` — one pass gives the forecasts from every origin at once. ``NaN`` means no information
yet (nothing observed).

Recursions (α, β smoothing constants, y the demand of an observed period):

* naive: the last observed value.
* moving average(n): mean of the observed values among the last ``n`` periods (the previous state
  when all ``n`` are censored).
* SES: level ℓ₁ = first observation, ℓ ← ℓ + α(y − ℓ); forecast ℓ.
* Croston (1972): demand size z and interval p are updated only in periods with demand. At the
  first demand z = y and p = number of observed periods up to and including it; afterwards
  z ← z + α(y − z), p ← p + α(q − p) where q is the number of observed periods since the previous
  demand (inclusive of this one). Forecast z / p; 0 before the first demand.
* SBA (Syntetos & Boylan 2005): Croston's forecast × (1 − α/2), which removes Croston's bias.
* TSB (Teunter, Syntetos & Babai 2011): probability of demand p updated every observed period,
  p ← p + β(1[y>0] − p) (p starts at 1[y₁>0] in the first observed period), size z updated as in
  Croston when y > 0; forecast p·z. Unlike Croston it decays towards 0 when demand stops.
"""

from __future__ import annotations

import numpy as np


def _as_matrix(Y) -> np.ndarray:
    return np.atleast_2d(np.asarray(Y, dtype=float))


def naive_states(Y) -> np.ndarray:
    """The last observed value after each period (see the module docstring for the layout)."""
    y = _as_matrix(Y)
    n, T = y.shape
    observed = ~np.isnan(y)
    idx = np.where(observed, np.arange(T), -1)
    last = np.maximum.accumulate(idx, axis=1)
    vals = np.take_along_axis(y, np.maximum(last, 0), axis=1)
    vals = np.where(last >= 0, vals, np.nan)
    return np.concatenate([np.full((n, 1), np.nan), vals], axis=1)


def moving_average_states(Y, window: int) -> np.ndarray:
    """The mean of the observed values among the last ``window`` periods after each period."""
    y = _as_matrix(Y)
    n, _ = y.shape
    observed = ~np.isnan(y)
    csum = np.concatenate([np.zeros((n, 1)), np.cumsum(np.where(observed, y, 0.0), axis=1)], axis=1)
    ccount = np.concatenate([np.zeros((n, 1)), np.cumsum(observed, axis=1)], axis=1)
    lag_sum = np.concatenate([np.zeros((n, window)), csum[:, :-window]], axis=1)[:, : csum.shape[1]]
    lag_count = np.concatenate([np.zeros((n, window)), ccount[:, :-window]], axis=1)[:, : ccount.shape[1]]
    count = ccount - lag_count
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, (csum - lag_sum) / count, np.nan)
    # All of the window censored: keep the previous mean.
    t_idx = np.where(~np.isnan(mean), np.arange(mean.shape[1]), 0)
    last = np.maximum.accumulate(t_idx, axis=1)
    return np.take_along_axis(mean, last, axis=1)


def ses_states(Y, alpha: float) -> np.ndarray:
    """Simple exponential smoothing levels after each period."""
    y = _as_matrix(Y)
    n, T = y.shape
    out = np.full((n, T + 1), np.nan)
    level = np.full(n, np.nan)
    for t in range(T):
        v = y[:, t]
        obs = ~np.isnan(v)
        start = obs & np.isnan(level)
        level = np.where(start, v, level)
        upd = obs & ~start
        level = np.where(upd, level + alpha * (v - level), level)
        out[:, t + 1] = level
    return out


def croston_states(Y, alpha: float, *, variant: str = "croston") -> np.ndarray:
    """Croston (``variant="croston"``) or SBA (``variant="sba"``) forecasts after each period."""
    if variant not in ("croston", "sba"):
        raise ValueError(f"unknown Croston variant {variant!r}")
    y = _as_matrix(Y)
    n, T = y.shape
    out = np.full((n, T + 1), np.nan)
    z = np.full(n, np.nan)
    p = np.full(n, np.nan)
    q = np.zeros(n)
    seen = np.zeros(n, dtype=bool)
    factor = 1.0 - alpha / 2.0 if variant == "sba" else 1.0
    for t in range(T):
        v = y[:, t]
        obs = ~np.isnan(v)
        seen |= obs
        q = np.where(obs, q + 1, q)
        pos = obs & (v > 0)
        first = pos & np.isnan(z)
        later = pos & ~first
        z = np.where(first, v, np.where(later, z + alpha * (v - z), z))
        p = np.where(first, q, np.where(later, p + alpha * (q - p), p))
        q = np.where(pos, 0.0, q)
        f = np.where(np.isnan(z), 0.0, factor * z / np.where(np.isnan(p), 1.0, p))
        out[:, t + 1] = np.where(seen, f, np.nan)
    return out


def tsb_states(Y, alpha: float, beta: float) -> np.ndarray:
    """TSB forecasts after each period."""
    y = _as_matrix(Y)
    n, T = y.shape
    out = np.full((n, T + 1), np.nan)
    z = np.full(n, np.nan)
    p = np.full(n, np.nan)
    for t in range(T):
        v = y[:, t]
        obs = ~np.isnan(v)
        pos = obs & (v > 0)
        hit = pos.astype(float)
        p = np.where(obs & np.isnan(p), hit, np.where(obs, p + beta * (hit - p), p))
        z = np.where(pos & np.isnan(z), v, np.where(pos, z + alpha * (v - z), z))
        out[:, t + 1] = np.where(np.isnan(p), np.nan, np.where(np.isnan(z), 0.0, p * z))
    return out


def flat_paths(states: np.ndarray, origins, horizon: int) -> np.ndarray:
    """Forecast paths (products × origins × horizon) of a flat method from its state array."""
    origins = np.asarray(origins, dtype=int)
    return np.repeat(states[:, origins][:, :, None], horizon, axis=2)


def seasonal_naive_paths(Y, origins, horizon: int, season: int) -> np.ndarray:
    """Seasonal-naive paths: step k from origin o repeats period ``o − season + (k−1) mod season``.

    Where that period is censored (or before the start) the last observed value is used instead.
    """
    y = _as_matrix(Y)
    n, T = y.shape
    origins = np.asarray(origins, dtype=int)
    naive = naive_states(y)
    steps = np.arange(horizon)
    src = origins[:, None] - season + (steps[None, :] % season)  # origins × horizon
    valid = src >= 0
    vals = y[:, np.clip(src, 0, T - 1)]  # n × origins × horizon
    vals = np.where(valid[None, :, :], vals, np.nan)
    fallback = naive[:, origins][:, :, None]
    return np.where(np.isnan(vals), fallback, vals)
