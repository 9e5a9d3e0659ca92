"""The pure parts of planning: the history window, weekly aggregation, ABC classes and the choice of supplier."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from domain.planning import run as planning
from domain.planning.forecasting.history import IMPUTED
from domain.planning.forecasting.history import SCALED
from domain.planning.forecasting.history import aggregate_demand


def test_the_window_is_whole_weeks_ending_before_the_running_week():
    assert planning.window(date(2026, 6, 3), 2) == (date(2026, 5, 18), date(2026, 6, 1))  # a Wednesday
    assert planning.window(date(2026, 6, 1), 1) == (date(2026, 5, 25), date(2026, 6, 1))  # a Monday
    with pytest.raises(ValueError):
        planning.window(date(2026, 6, 1), 0)


def test_weekly_aggregation_of_many_rows_equals_the_history_module_row_by_row():
    rng = np.random.default_rng(7)
    shipped = rng.poisson(3.0, size=(5, 70)).astype(float)
    in_stock = rng.random((5, 70)) > 0.35
    in_stock[2, 14:21] = False  # a whole week out of stock
    values, starts = planning.aggregate_weeks(shipped, in_stock, date(2026, 1, 5))
    assert starts[1] == date(2026, 1, 12) and len(starts) == 10
    for row in range(5):
        expected = aggregate_demand(shipped[row], in_stock[row], rule=IMPUTED).values
        np.testing.assert_allclose(values[row], expected, rtol=1e-12)
        scaled = planning.aggregate_weeks(shipped, in_stock, date(2026, 1, 5), rule=SCALED)[0]
        np.testing.assert_allclose(scaled[row], aggregate_demand(shipped[row], in_stock[row]).values, rtol=1e-12)
    assert np.isnan(values[2, 2]) and np.isnan(values).sum() < np.isnan(scaled).sum()  # censored weeks are covered


def _history(closing, shipped=None, days=7):
    return planning.PlanningHistory(date(2026, 1, 5), date(2026, 1, 5 + days), [], shipped or {}, closing, {})


def test_closing_stock_carries_over_days_without_movements_and_unstocked_days_are_not_in_stock():
    key = ("p", "w")
    history = _history({key: [(-1, Decimal(3)), (2, Decimal(0)), (5, Decimal(4))],
                        ("q", "w"): [(3, Decimal(1))]})
    shipped, in_stock = planning.weekly_matrix(history, [key, ("q", "w"), ("r", "w")])
    assert in_stock[0].tolist() == [True, True, False, False, False, True, True]
    assert in_stock[1].tolist() == [False, False, False, True, True, True, True]  # nothing before its first receipt
    assert not in_stock[2].any()


def test_abc_classes_rank_products_by_the_share_of_annual_value():
    # cumulative share before each: a 0 %, b 70 %, c 85 %, d 95 %; the product crossing a limit stays in its class
    classes = planning.abc_classes({"a": 700.0, "b": 150.0, "c": 100.0, "d": 50.0, "e": 0.0})
    assert classes == {"a": "A", "b": "A", "c": "B", "d": "C", "e": "C"}
    assert planning.abc_classes({"only": 5.0, "idle": 0.0}) == {"only": "A", "idle": "C"}


def _terms(supplier, price, preferred=False, lead=7):
    return planning.TermOption(supplier, supplier, "p", Decimal(price), Decimal(0), Decimal(1), Decimal(1), lead,
                               preferred)


def test_the_preferred_supplier_wins_else_the_cheapest_per_unit():
    assert planning.choose_terms([_terms("A", "2"), _terms("B", "3", preferred=True)]).supplier == "B"
    assert planning.choose_terms([_terms("A", "2"), _terms("B", "1.5")]).supplier == "B"
    assert planning.choose_terms([_terms("A", "2", lead=9), _terms("B", "2", lead=3)]).supplier == "B"
    assert planning.choose_terms([]) is None


def test_importing_planning_and_its_commands_leaves_numpy_unloaded():
    import subprocess
    import sys

    code = (
        "import sys, domain.planning.run, ui.cli.plan; "
        "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'statsmodels') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


class MemoryCache:
    """``planning_cache.ForecastCache`` in a dict; counts the writes."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[str, str]] = {}
        self.writes = 0

    def load(self, keys):
        return {k: self.rows[k] for k in keys if k in self.rows}

    def store(self, rows):
        self.writes += 1
        for product, scope, key, text in rows:
            self.rows[product, scope] = (key, text)


def _demand(n=6, weeks=60, seed=3):
    rng = np.random.default_rng(seed)
    values = rng.poisson(20.0, size=(n, weeks)).astype(float)
    values[1, 10:12] = np.nan
    values[2, ::3] = 0.0
    return values


def _run(values, cache, **kwargs):
    from domain.planning.cache import forecast_rows
    from domain.planning.forecasting.api import ForecastResult
    from domain.planning.forecasting.api import forecast_many

    ids = [(f"p{i}", "w") for i in range(len(values))]
    options = kwargs.pop("options", {"models": ()})
    return forecast_rows(values, ids, kwargs.pop("horizon", 4), options, forecast_many=forecast_many,
                         result_type=ForecastResult, cache=cache, first_week=date(2026, 1, 5), **kwargs)


def _same(a, b):
    """Every field of two forecast results equal (arrays element by element, NaN equal to NaN)."""
    from dataclasses import fields

    def equal(x, y):
        if isinstance(x, dict):
            return x.keys() == y.keys() and all(equal(x[k], y[k]) for k in x)
        if isinstance(x, (np.ndarray, list, tuple)):
            return np.array_equal(np.asarray(x, dtype=float), np.asarray(y, dtype=float), equal_nan=True)
        if isinstance(x, float):
            return (math.isnan(x) and math.isnan(y)) or x == y
        return x == y

    for f in fields(a):
        assert equal(getattr(a, f.name), getattr(b, f.name)), f.name


def test_a_second_run_reads_every_unchanged_row_from_the_cache_and_recomputes_only_a_changed_one():
    values, cache = _demand(), MemoryCache()
    first, computed = _run(values, cache)
    assert computed == 6 and len(cache.rows) == 6
    again, computed = _run(values, cache)
    assert computed == 0 and cache.writes == 1  # nothing new to store
    for a, b in zip(first, again, strict=True):
        _same(a, b)
    changed = values.copy()
    changed[4, -1] += 50  # a late shipment in the last complete week of one product
    results, computed = _run(changed, cache)
    assert computed == 1
    fresh, _ = _run(changed, None)
    for a, b in zip(results, fresh, strict=True):  # cached and recomputed rows equal a full run
        _same(a, b)  # bootstrap draws are seeded per row, so a row's quantiles do not depend on its batch


def test_a_changed_setting_or_censored_week_recomputes_and_a_short_history_round_trips():
    values, cache = _demand(), MemoryCache()
    _run(values, cache)
    assert _run(values, cache, horizon=6)[1] == 6
    censored = values.copy()
    censored[0, 5] = np.nan
    assert _run(censored, cache, horizon=6)[1] == 1
    short = np.full((1, 60), np.nan)
    short[0, -3:] = [1.0, 2.0, 4.0]
    [a], _ = _run(short, cache)
    [b], computed = _run(short, cache)
    assert computed == 0 and a.model == b.model == "simple_average" and b.note == a.note and math.isnan(b.mase)


def test_cancelling_between_batches_stops_the_run_and_stores_nothing():
    from domain.planning import cache as planning_cache

    asked, seen = [], []

    def cancel():
        asked.append(1)
        return len(asked) > 2  # two batches run, the third is not started

    cache = MemoryCache()
    with pytest.raises(planning_cache.Cancelled):
        _run(_demand(), cache, cancel=cancel, progress=lambda done, total: seen.append((done, total)), batch_rows=2)
    assert cache.rows == {} and cache.writes == 0
    assert seen == [(0, 6), (2, 6), (4, 6)]


def test_in_thorough_mode_a_row_the_time_budget_did_not_reach_is_kept_with_its_numpy_forecast():
    values, cache = _demand()[:1], MemoryCache()
    options = {"models": ("ets",), "budget_seconds": 0.0, "workers": 1}
    [result], _ = _run(values, cache, options=options)
    assert result.demand_class == "smooth" and "ets" not in result.scores
    assert _run(values, cache, options=options)[1] == 0  # a later run does not spend the budget on it again
    assert _run(values, cache, options={"models": ()})[1] == 1  # the fast mode's forecast is another entry
