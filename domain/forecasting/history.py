"""Demand history: daily shipments with stockouts, aggregated to censored weekly demand.

A day on which the product was out of stock tells nothing about demand: customers who found the
shelf empty left without a record. Such days are *censored*, not zero. A week keeps a value when
at least ``min_observed_days`` of its days were in stock; its demand is then the demand of the
observed days scaled to the whole week (``sum × days / observed_days``). A week with fewer observed
days is ``NaN``. Demand on a day is what was shipped plus the unfilled demand a clerk recorded
(an order line that could not be served still was demand).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import timedelta

import numpy as np


@dataclass(frozen=True, eq=False)
class PeriodDemand:
    """Demand per period; ``values`` is ``NaN`` where the period is censored.

    Attributes:
        values: demand per period (float, NaN = not observed).
        observed_days: in-stock days per period.
        starts: the first day of each period, when the daily series had a start date.
    """

    values: np.ndarray
    observed_days: np.ndarray
    starts: tuple[date, ...] | None = None


def aggregate_demand(
    shipped,
    in_stock,
    unfilled=None,
    *,
    period_days: int = 7,
    min_observed_days: int = 4,
    start: date | None = None,
) -> PeriodDemand:
    """Aggregate daily demand to periods (weeks by default), censoring out-of-stock time.

    Args:
        shipped: quantity shipped per day (sequence or 1-D array; Decimals are accepted).
        in_stock: True on the days the product was available.
        unfilled: optional unfilled demand recorded per day; counts as demand.
        period_days: days per period (7 = weeks).
        min_observed_days: a period with fewer in-stock days is censored (NaN).
        start: the date of the first day. With weeks, the first period is then aligned to the
            Monday on or before ``start`` (the days before ``start`` count as not observed).

    Returns:
        The demand per complete period; a trailing incomplete period is left out.
    """
    qty = np.asarray([float(x) for x in shipped], dtype=float)
    mask = np.asarray(in_stock, dtype=bool)
    if qty.shape != mask.shape:
        raise ValueError("shipped and in_stock must have the same length")
    if unfilled is not None:
        extra = np.asarray([float(x) for x in unfilled], dtype=float)
        if extra.shape != qty.shape:
            raise ValueError("unfilled must have the same length as shipped")
        qty = qty + extra
    first = start
    if start is not None and period_days == 7:
        pad = start.weekday()
        qty = np.concatenate([np.zeros(pad), qty])
        mask = np.concatenate([np.zeros(pad, dtype=bool), mask])
        first = start - timedelta(days=pad)
    n = len(qty) // period_days
    qty = qty[: n * period_days].reshape(n, period_days)
    mask = mask[: n * period_days].reshape(n, period_days)
    observed = mask.sum(axis=1)
    total = np.where(mask, qty, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(observed >= min_observed_days, total * period_days / observed, np.nan)
    starts = None
    if first is not None:
        starts = tuple(first + timedelta(days=period_days * i) for i in range(n))
    return PeriodDemand(values, observed, starts)
