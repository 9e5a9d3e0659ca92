"""The forecast of a new product (too short a history): its category's demand profile, scaled to it.

A product with fewer observed weeks than a method needs (``too_short`` from ``domain.planning.forecasting``)
gets a plain average of those weeks from the forecasting entry point. When its category holds at least
``MIN_PRODUCTS`` products with a forecast of their own, a better guess is the category's *shape*:

1. each established product's weekly history and forecast are divided by its own mean observed weekly
   demand (its level), giving an index around 1;
2. the category profile is the mean index per week over those products (censored weeks skipped), for
   the history weeks and for the forecast weeks;
3. the new product's scale is its observed demand over the category index of the same weeks
   (Σ y / Σ profile, a ratio estimate that uses every observed week once), and its forecast is
   scale × the profile of the forecast weeks;
4. its error per week is scale × the category's median relative error (σ / level), and the quantiles
   are normal around the mean, ``σ·√k`` at step k, floored at 0.

So a product launched three weeks before the category's seasonal peak is forecast up into the peak,
where a plain average would stay flat. Without a category, with fewer than ``MIN_PRODUCTS``
established products in it or without a single observed week, the simple average stays — and stays
labelled as such. The result is labelled ``category_profile`` with a note that says which category,
how many products and how many of its own weeks made it.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np

MIN_PRODUCTS = 3
MODEL = "category_profile"
TOO_SHORT = "too_short"


def apply_category_profiles(values: np.ndarray, results: Sequence, categories: Sequence[str], *,
                            min_periods: int = 8) -> list:
    """``results`` with each too-short row's forecast replaced by its category profile where there is one.

    Args:
        values: weekly demand (rows × weeks, NaN = censored), the history the results were made from.
        results: one ``ForecastResult`` per row.
        categories: the product category of each row ("" = none).
        min_periods: observed weeks below which a history is too short (``forecast_many``'s). A long
            history that is ``too_short`` for having almost no demand is not new: it keeps its average.

    Returns:
        A new list; rows that are not too short, or have no usable profile, are the same objects.
    """
    out = list(results)
    values = np.asarray(values, dtype=float)
    observed = (~np.isnan(values)).sum(axis=1) if len(values) else np.zeros(0)
    short = [r for r, res in enumerate(results)
             if res.demand_class == TOO_SHORT and categories[r] and observed[r] < min_periods]
    if not short:
        return out
    profiles = _profiles(values, results, categories, {categories[r] for r in short})
    for r in short:
        profile = profiles.get(categories[r])
        if profile is None:
            continue
        hist, future, rel_sigma, count = profile
        used = ~np.isnan(values[r]) & np.isfinite(hist)
        base = float(hist[used].sum())
        if not base > 0:
            continue
        scale = float(values[r, used].sum()) / base
        out[r] = _scaled(results[r], scale, hist, future, rel_sigma, categories[r], count, int(used.sum()))
    return out


def _profiles(values: np.ndarray, results: Sequence, categories: Sequence[str], wanted: set[str]) -> dict:
    """{category: (history index per week, forecast index per step, median relative σ, products)}."""
    rows: dict[str, list[int]] = {}
    for r, res in enumerate(results):
        if categories[r] in wanted and res.demand_class != TOO_SHORT:
            rows.setdefault(categories[r], []).append(r)
    out = {}
    steps = max((len(res.mean) for res in results), default=0)
    for category, members in rows.items():
        levels = np.array([np.nanmean(values[r]) if (~np.isnan(values[r])).any() else 0.0 for r in members])
        keep = [r for r, level in zip(members, levels, strict=True) if level > 0]
        levels = levels[levels > 0]
        if len(keep) < MIN_PRODUCTS:
            continue
        with warnings.catch_warnings():  # a week censored for every product: NaN, and no warning
            warnings.simplefilter("ignore", RuntimeWarning)
            hist_profile = np.nanmean(values[keep] / levels[:, None], axis=0)
        future = np.mean([_steps(np.asarray(results[r].mean, dtype=float) / level, steps) for r, level in
                          zip(keep, levels, strict=True)], axis=0)
        rel_sigma = float(np.median([results[r].sigma / level for r, level in zip(keep, levels, strict=True)]))
        out[category] = (hist_profile, future, rel_sigma, len(keep))
    return out


def _steps(forecast: np.ndarray, steps: int) -> np.ndarray:
    """The first ``steps`` of a forecast, its last step carried on past its horizon (as planning reads it): each row
    is forecast at its own lead time + review, so a category's products may have forecasts of different lengths."""
    if len(forecast) >= steps or not len(forecast):
        return forecast[:steps]
    return np.concatenate([forecast, np.full(steps - len(forecast), forecast[-1])])


def _scaled(result, scale: float, hist, future, rel_sigma: float, category: str, products: int, weeks: int):
    mean = np.maximum(scale * _steps(future, len(result.mean)), 0.0)  # the product's own horizon
    sigma = scale * rel_sigma
    steps = np.sqrt(np.arange(1, len(mean) + 1))
    quantiles = _normal(mean, sigma * steps, result.quantiles)
    changes = {
        "mean": mean,
        "quantiles": quantiles,
        "sigma": sigma,
        "model": MODEL,
        "note": (f"too short a history ({weeks} observed weeks): the weekly profile of {products} products in "
                 f"category {category!r}, scaled by this product's observed weeks"),
    }
    names = {f.name for f in dataclasses.fields(result)}
    if "fitted" in names:
        changes["fitted"] = scale * hist
    if "cumulative" in names:
        cum_mean = np.cumsum(mean)
        cum_sigma = sigma * np.sqrt(np.arange(1, len(mean) + 1))
        changes["cumulative"] = _normal(cum_mean, cum_sigma, result.quantiles)
    return dataclasses.replace(result, **changes)


def _normal(mean: np.ndarray, sigma: np.ndarray, like: dict) -> dict:
    """Normal quantiles at the probabilities of ``like``, floored at 0 and non-decreasing in q."""
    out, previous = {}, None
    for q in sorted(like):
        cur = np.maximum(mean + NormalDist().inv_cdf(float(q)) * sigma, 0.0)
        if previous is not None:
            cur = np.maximum(cur, previous)
        out[q] = cur
        previous = cur
    return out
