"""Demand history for planning: the window of complete weeks, daily demand and in-stock days per product ×
warehouse from the ledger's history (``weekly_matrix``), weeks from days with the censoring rule
(``aggregate_weeks``), and the ABC classes of annual demand value (``abc_classes``); see ``domain.planning.run``'s
docstring for the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from datetime import timedelta

from domain.planning.model import PlanningHistory
from domain.planning.model import StockItem

ABC_SHARES = (0.80, 0.95)  # cumulative value share up to which a product is A, then B
DEFAULT_WEEKS = 104
MIN_OBSERVED_DAYS = 4


def window(today: date, weeks: int = DEFAULT_WEEKS) -> tuple[date, date]:
    """The ``weeks`` complete Monday–Sunday weeks before the week of ``today``: (first day, end day exclusive)."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    end = today - timedelta(days=today.weekday())
    return end - timedelta(days=7 * weeks), end


def weekly_matrix(history: PlanningHistory, keys: Sequence[tuple[str, str]]):
    """Daily demand and the daily in-stock mask per key (rows in the order of ``keys``).

    Demand is shipped plus recorded unfilled demand; a day is in stock (observed) when its closing stock
    was above 0 or when unfilled demand was recorded on it. ``aggregate_weeks`` turns both into weeks.
    """
    import numpy as np

    days = history.days
    n = len(keys)
    shipped = np.zeros((n, days))
    closing = np.full((n, days), np.nan)
    start_stock = np.full(n, np.nan)
    for r, key in enumerate(keys):
        for day, qty in history.shipped.get(key, {}).items():
            if 0 <= day < days:
                shipped[r, day] = float(qty)
        for day, on_hand in history.closing.get(key, ()):
            if day < 0:
                start_stock[r] = float(on_hand)
            elif day < days:
                closing[r, day] = float(on_hand)
    in_stock = _forward_filled(closing, start_stock) > 0  # NaN (never stocked) compares False: censored
    for r, key in enumerate(keys):
        for day, qty in history.unfilled.get(key, {}).items():
            if 0 <= day < days and qty > 0:
                shipped[r, day] += float(qty)
                in_stock[r, day] = True
    return shipped, in_stock


def aggregate_weeks(shipped, in_stock, first_day: date, rule: str | None = None):
    """Weekly demand (rows × weeks, NaN where censored) and the week starts, from daily rows.

    ``domain.planning.forecasting.history.demand_matrix`` with its ``imputed`` rule by default: a day that ended in
    stock is observed, a day that ended out of stock had at least what it shipped and is estimated as
    the larger of that and the week's mean in-stock demand; a week without an in-stock day is censored.
    (The older ``scaled`` rule dropped the stockout days and, under four in-stock days, the week: it left
    the history of exactly the high-demand weeks out and forecasts ran low; see
    tests/benchmarks/RESULTS-forecast.md.)
    """
    from domain.planning.forecasting.history import IMPUTED
    from domain.planning.forecasting.history import demand_matrix

    values = demand_matrix(shipped, in_stock, rule=rule or IMPUTED, min_observed_days=MIN_OBSERVED_DAYS)
    starts = [first_day + timedelta(days=7 * i) for i in range(values.shape[1])]
    return values, starts


def planned_items(history: PlanningHistory) -> list[StockItem]:
    """The product × warehouses planning looks at: with stock, movements or recorded unfilled demand."""
    return [x for x in history.items
            if x.key in history.closing or x.key in history.shipped or x.key in history.unfilled or x.on_hand]


def _forward_filled(closing, start):
    """Carry each row's last known closing stock forward over days without movements."""
    import numpy as np

    n, days = closing.shape
    filled = np.concatenate([start[:, None], closing], axis=1)
    idx = np.where(~np.isnan(filled), np.arange(days + 1)[None, :], 0)
    np.maximum.accumulate(idx, axis=1, out=idx)
    return np.take_along_axis(filled, idx, axis=1)[:, 1:]


def abc_classes(values: dict[str, float]) -> dict[str, str]:
    """A / B / C per product by annual demand value, largest first.

    A product is A when the products before it make less than 80 % of the total value, B when less than
    95 %, else C (so the product that crosses a limit stays in the class it starts in, and a single
    product is A). Products without demand value are C.
    """
    total = sum(values.values())
    out, running = {}, 0.0
    for pid, value in sorted(values.items(), key=lambda kv: (-kv[1], kv[0])):
        share = running / total if total > 0 else 1.0
        out[pid] = "A" if share < ABC_SHARES[0] and value > 0 else "B" if share < ABC_SHARES[1] and value > 0 else "C"
        running += value
    return out
