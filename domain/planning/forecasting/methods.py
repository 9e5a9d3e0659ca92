"""Forecasting methods vectorised across products: naive, seasonal naive, moving average, simple
exponential smoothing (SES), Croston, SBA, TSB and Holt's (damped) linear trend.

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
* Holt's linear trend, damped by φ (Gardner & McKenzie 1985): at the first observation ℓ = y, b = 0;
  afterwards ℓ' = αy + (1 − α)(ℓ + φb), b' = β(ℓ' − ℓ) + (1 − β)φb. The forecast k steps ahead is
  ℓ + (φ + φ² + … + φᵏ)b, floored at 0 (demand is never negative); φ = 1 is Holt's undamped trend.
  It is not flat, so it has its own state pair (``holt_states``) and paths (``trend_paths``).
* Seasonal level (``seasonal_level_paths``): the level is the mean of the observed values among the
  last ``window`` periods before the origin o; the forecast for period o+k−1 (step k) is that level
  times a yearly index, the mean of the observed values in the periods o+k−1−season ± ``half``
  divided by the mean of the ``window`` periods before o − season (same weeks last year over the
  level's weeks last year). Growth from last year to this one is thus carried by the level and the
  seasonal shape by the index. The index is 1 where last year is missing, censored or zero, and at
  most ``cap``.
* Yearly index (``yearly_index``), the seasonal layer the forecasting API puts on every non-seasonal
  method: the same ratio as the seasonal level's (last year's periods around the target over last
  year's ``window`` periods before the origin), shrunk towards 1 by the volume behind it —
  ``1 + w(ratio − 1)`` with ``w = B / (B + kappa)``, B the demand summed over last year's window. A
  product selling a few units a quarter gets almost no index (its ratio is noise), a product selling
  thousands gets almost all of it (its 618 and 双11 weeks are a pattern). No dates are needed: a
  yearly event falls in the same week of the year ± ``half``. Where the history holds the year before
  too, the combination (``combine``) keeps of each week's deviation only what that year showed as well
  (``recurring_share``): the volume weight assumes counts, and sales in money took a year of noise whole.
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


def croston_states(Y, alpha: float, *, variant: str = "croston", zero_run: float = 0.0) -> np.ndarray:
    """Croston (``variant="croston"``) or SBA (``variant="sba"``) forecasts after each period.

    With ``zero_run`` c > 0 the forecast's interval is the smoothed one plus c times the periods since the last
    demand (hyperbolic decay while no demand comes, as in Prestwich et al.'s hyperbolic-exponential smoothing):
    Croston's forecast otherwise stays where the last demand left it however long the product has not sold.
    """
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
        seen |= ~np.isnan(v)
        z, p, q = croston_step(z, p, q, v, alpha)
        out[:, t + 1] = np.where(seen, croston_forecast(z, p, q, factor, zero_run), np.nan)
    return out


def croston_step(z: np.ndarray, p: np.ndarray, q: np.ndarray, v: np.ndarray, alpha) -> tuple:
    """One period of Croston's recursion for every row: the smoothed demand size ``z`` and interval ``p`` (NaN
    before the first demand), ``q`` the periods since the last demand counting this one; ``v`` is the period's
    demand (NaN censored: not counted). Returns the new (z, p, q). ``croston_states`` and the grid's one-pass
    scoring (``combine``) share it, so the two cannot drift apart."""
    obs = ~np.isnan(v)
    q = np.where(obs, q + 1, q)
    pos = obs & (v > 0)
    first = pos & np.isnan(z)
    later = pos & ~first
    z = np.where(first, v, np.where(later, z + alpha * (v - z), z))
    p = np.where(first, q, np.where(later, p + alpha * (q - p), p))
    return z, p, np.where(pos, 0.0, q)


def croston_forecast(z: np.ndarray, p: np.ndarray, q: np.ndarray, factor, zero_run) -> np.ndarray:
    """The forecast from Croston's states: ``factor``·z / (p + ``zero_run``·q), 0 before the first demand."""
    return np.where(np.isnan(z), 0.0, factor * z / (np.where(np.isnan(p), 1.0, p) + zero_run * q))


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


def holt_states(Y, alpha: float, beta: float, phi: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Holt's damped-trend level and trend after each period, each (products × periods + 1).

    ``level[:, t]`` and ``trend[:, t]`` are the states after the first ``t`` periods (NaN before the
    first observation); ``trend_paths`` turns them into forecasts. See the module docstring.
    """
    y = _as_matrix(Y)
    n, T = y.shape
    levels = np.full((n, T + 1), np.nan)
    trends = np.full((n, T + 1), np.nan)
    level = np.full(n, np.nan)
    trend = np.full(n, np.nan)
    for t in range(T):
        v = y[:, t]
        obs = ~np.isnan(v)
        start = obs & np.isnan(level)
        upd = obs & ~start
        new_level = alpha * v + (1.0 - alpha) * (level + phi * trend)
        new_trend = beta * (new_level - level) + (1.0 - beta) * phi * trend
        level = np.where(start, v, np.where(upd, new_level, level))
        trend = np.where(start, 0.0, np.where(upd, new_trend, trend))
        levels[:, t + 1] = level
        trends[:, t + 1] = trend
    return levels, trends


def trend_paths(level: np.ndarray, trend: np.ndarray, origins, horizon: int, phi: float = 1.0) -> np.ndarray:
    """Forecast paths (products × origins × horizon) of ``holt_states``: ℓ + (φ + … + φᵏ)b, at least 0."""
    origins = np.asarray(origins, dtype=int)
    damp = np.cumsum(phi ** np.arange(1, horizon + 1))  # φ + φ² + … + φᵏ for k = 1..horizon
    paths = level[:, origins][:, :, None] + trend[:, origins][:, :, None] * damp[None, None, :]
    return np.maximum(paths, 0.0)


def window_means(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative sums and counts of the observed values, with a leading 0 column (for window means)."""
    n = y.shape[0]
    observed = ~np.isnan(y)
    csum = np.concatenate([np.zeros((n, 1)), np.cumsum(np.where(observed, y, 0.0), axis=1)], axis=1)
    ccount = np.concatenate([np.zeros((n, 1)), np.cumsum(observed, axis=1)], axis=1)
    return csum, ccount


def mean_between(csum: np.ndarray, ccount: np.ndarray, lo, hi) -> np.ndarray:
    """Mean of the observed values in periods [lo, hi) per row (NaN where none); lo, hi arrays of any shape."""
    last = csum.shape[1] - 1
    lo = np.clip(lo, 0, last)
    hi = np.clip(hi, 0, last)
    total = csum[:, hi] - csum[:, lo]
    count = ccount[:, hi] - ccount[:, lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def seasonal_level_paths(
    Y, origins, horizon: int, *, season: int = 52, window: int = 13, half: int = 2, cap: float = 3.0, start=0
) -> np.ndarray:
    """Paths (products × origins × horizon) of the seasonal-level method, see the module docstring. ``start``
    (per row or one for all) is where each row's history begins: last year's window must lie after it."""
    y = _as_matrix(Y)
    start = np.broadcast_to(np.asarray(start), (y.shape[0],))
    origins = np.asarray(origins, dtype=int)
    csum, ccount = window_means(y)
    level = mean_between(csum, ccount, origins - window, origins)  # n × origins
    base = mean_between(csum, ccount, origins - season - window, origins - season)
    target = origins[:, None] - season + np.arange(horizon)[None, :]  # the periods last year, origins × horizon
    same = mean_between(csum, ccount, target - half, target + half + 1)  # n × origins × horizon
    known = (
        (origins[None, :] - season - window >= start[:, None])[:, :, None] & (base > 0)[:, :, None] & ~np.isnan(same)
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        index = np.where(known, np.minimum(same / base[:, :, None], cap), 1.0)
    return level[:, :, None] * index


def recurring_share(
    Y, origins, horizon: int, *, season: int = 52, window: int = 13, half: int = 2, start=0
) -> np.ndarray:
    """How much of last year's deviation recurred the year before, per product, origin and step (products × origins
    × horizon, each in [0, 1]).

    Last year's ratio for step k after origin o is the mean of periods o − season + k − 1 ± ``half`` over the mean of
    the ``window`` periods before o − season (as in ``yearly_index``); the ratio two years back is the same a season
    earlier. When both lie on the same side of 1, the share is the smaller deviation over last year's, so that
    ``1 + share·(ratio − 1)`` keeps the part of last year's deviation that happened both years; on opposite sides it
    is 0 (what happened once is not a season). It is 1 where either year's ratio cannot be read (two seasons and a
    window before the origin are needed, with demand in both windows), so such histories keep last year's shape as
    before. Each product's figures come from its own periods before the origin only: ``start`` (per row or one for
    all, as in ``yearly_index``) is where its history begins, and a window reaching before it cannot be read.
    """
    y = _as_matrix(Y)
    start = np.broadcast_to(np.asarray(start), (y.shape[0],))
    origins = np.asarray(origins, dtype=int)
    csum, ccount = window_means(y)

    def ratio(at: np.ndarray) -> np.ndarray:
        base = mean_between(csum, ccount, at - season - window, at - season)  # n × origins
        target = at[:, None] - season + np.arange(horizon)[None, :]
        same = mean_between(csum, ccount, target - half, target + half + 1)
        known = (at[None, :] - season - window >= start[:, None])[:, :, None] & (base > 0)[:, :, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(known, same / base[:, :, None], np.nan)

    last, before = ratio(origins) - 1.0, ratio(origins - season) - 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = np.sign(last) == np.sign(before)
        share = np.where(agree, np.minimum(np.abs(last), np.abs(before)) / np.abs(last), 0.0)
    return np.where(np.isnan(last) | np.isnan(before) | (np.abs(last) < 1e-12), 1.0, share)


def yearly_index(
    Y,
    origins,
    horizon: int,
    *,
    season: int = 52,
    window: int = 13,
    half: int = 2,
    cap: float = 3.0,
    kappa: float = 200.0,
    reference=None,
    start=0,
) -> np.ndarray:
    """The shrunk yearly index (products × origins × horizon) for steps 1..horizon after each origin.

    See the module docstring. 1 where less than ``season + window`` periods precede the origin or
    last year's window had no demand. With ``reference`` (products × origins × horizon: what the
    method forecast from the origin one season earlier) the ratio is last year's periods around the
    target over that forecast instead of over last year's window: how last year turned out against
    what the method expected then. A method with a slope (Holt) needs this, or the index would
    carry last year's growth over the window on top of the slope it extrapolates itself. ``start`` (per row or
    one for all) is where each row's history begins (the matrix's first column by default): the periods before it
    do not count as history, so a row that starts later than the matrix gets the index it gets alone.
    """
    y = _as_matrix(Y)
    start = np.broadcast_to(np.asarray(start), (y.shape[0],))
    origins = np.asarray(origins, dtype=int)
    csum, ccount = window_means(y)
    base = mean_between(csum, ccount, origins - season - window, origins - season)  # n × origins
    lo = np.clip(origins - season - window, 0, csum.shape[1] - 1)
    hi = np.clip(origins - season, 0, csum.shape[1] - 1)
    volume = csum[:, hi] - csum[:, lo]
    target = origins[:, None] - season + np.arange(horizon)[None, :]
    same = mean_between(csum, ccount, target - half, target + half + 1)
    known = (origins[None, :] - season - window >= start[:, None]) & (base > 0)
    denominator = base[:, :, None] if reference is None else np.asarray(reference, dtype=float)
    known = known[:, :, None] & ~np.isnan(same) & (denominator > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(known, np.minimum(same / denominator, cap), 1.0)
        weight = np.where(known, (volume / (volume + kappa))[:, :, None], 0.0)
    return 1.0 + weight * (ratio - 1.0)
