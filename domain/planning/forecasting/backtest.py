"""Rolling-origin backtest and its error measures, for many products at once.

Origins are the last ``n_origins`` positions ``o`` (``o ≤ T − horizon``, one period apart) from which
the history ``y[:o]`` forecasts ``y[o:o+horizon]``. Censored actuals (NaN) are left out.

* MASE (Hyndman & Koehler 2006) = mean |forecast − actual| / scale, where the scale is the in-sample
  mean absolute error of the seasonal-naive forecast (lag = season) on ``y[:first origin]``, or of
  the naive forecast (lag 1) when there is less than a season and a half of history or the seasonal
  scale is 0. A series that never changes (scale 0) is scaled by its mean level, then by 1.
* WAPE = Σ|forecast − actual| / Σ|actual|.
* bias = Σ(forecast − actual) / Σ|actual|: positive means over-forecasting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Scores:
    """Per-row backtest errors (1-D arrays, NaN when nothing could be measured)."""

    mase: np.ndarray
    wape: np.ndarray
    bias: np.ndarray


def rolling_origins(periods: int, horizon: int, n_origins: int, *, min_train: int = 8) -> np.ndarray:
    """The backtest origins for a history of ``periods``; empty when too short to backtest."""
    last = periods - horizon
    first = max(last - n_origins + 1, min_train)
    if last < min_train:
        return np.zeros(0, dtype=int)
    return np.arange(first, last + 1)


def _lag_mae(y: np.ndarray, lag: int) -> np.ndarray:
    if y.shape[1] <= lag:
        return np.full(y.shape[0], np.nan)
    d = np.abs(y[:, lag:] - y[:, :-lag])
    count = (~np.isnan(d)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, np.nansum(d, axis=1) / np.maximum(count, 1), np.nan)


def mase_scale(Y, first_origin, season: int, start=0) -> np.ndarray:
    """The MASE denominator per row, from the history before ``first_origin`` (one for all rows, or per row).

    ``start`` (per row or one for all) is where each row's history begins; the seasonal lag is used when a
    season and a half of it precedes the first origin.
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    first_origin = np.broadcast_to(np.asarray(first_origin, dtype=int), (y.shape[0],))
    width = int(first_origin.max()) if len(first_origin) else 0
    y = np.where(np.arange(width)[None, :] < first_origin[:, None], y[:, :width], np.nan)
    observed = (~np.isnan(y)).sum(axis=1)
    level = np.where(observed > 0, np.nansum(np.abs(y), axis=1) / np.maximum(observed, 1), 0.0)
    tiny = 1e-9 * np.maximum(level, 1.0)  # rounding noise of an exact repeat is no error
    scale = np.full(y.shape[0], np.nan)
    seasonal = first_origin - np.asarray(start) >= season + season // 2
    if season > 1 and seasonal.any():
        scale = np.where(seasonal, _lag_mae(y, season), np.nan)
    scale = np.where(np.isnan(scale) | (scale <= tiny), _lag_mae(y, 1), scale)
    scale = np.where(np.isnan(scale) | (scale <= tiny), level, scale)
    return np.where(np.isnan(scale) | (scale <= 0), 1.0, scale)


def actuals(Y, origins, horizon: int) -> np.ndarray:
    """The actual values (products × origins × horizon) that the backtest forecasts are scored on."""
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    idx = np.asarray(origins, dtype=int)[:, None] + np.arange(horizon)[None, :]
    return y[:, idx]


def score(paths: np.ndarray, actual: np.ndarray, scale: np.ndarray) -> Scores:
    """MASE, WAPE and bias of forecast ``paths`` against ``actual`` (both products × origins × horizon)."""
    err = paths - actual
    valid = ~np.isnan(err)
    rows = err.shape[0]

    def per_row(a):
        # Summed along one contiguous row, so a row's sum does not depend on which rows share its batch (a sum over
        # two axes may be ordered differently for one row than for many, and a cached forecast must equal a
        # recomputed one to the last bit).
        return np.ascontiguousarray(a).reshape(rows, -1).sum(axis=1)

    n = per_row(valid)
    abs_err = per_row(np.where(valid, np.abs(err), 0.0))
    sum_err = per_row(np.where(valid, err, 0.0))
    volume = per_row(np.where(valid, np.abs(actual), 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        mase = np.where(n > 0, abs_err / np.maximum(n, 1) / scale, np.nan)
        wape = np.where(volume > 0, abs_err / volume, np.nan)
        bias = np.where(volume > 0, sum_err / volume, np.nan)
    return Scores(mase, wape, bias)
