"""The pure parts of planning: the history window, weekly aggregation, ABC classes and the choice of supplier."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from domain import planning
from domain.forecasting.history import aggregate_demand


def test_the_window_is_whole_weeks_ending_before_the_running_week():
    assert planning.window(date(2026, 6, 3), 2) == (date(2026, 5, 18), date(2026, 6, 1))  # a Wednesday
    assert planning.window(date(2026, 6, 1), 1) == (date(2026, 5, 25), date(2026, 6, 1))  # a Monday
    with pytest.raises(ValueError):
        planning.window(date(2026, 6, 1), 0)


def test_weekly_aggregation_of_many_rows_equals_the_history_module_row_by_row():
    rng = np.random.default_rng(7)
    shipped = rng.poisson(3.0, size=(5, 70)).astype(float)
    in_stock = rng.random((5, 70)) > 0.35
    values, starts = planning.aggregate_weeks(shipped, in_stock, date(2026, 1, 5))
    assert starts[1] == date(2026, 1, 12) and len(starts) == 10
    for row in range(5):
        expected = aggregate_demand(shipped[row], in_stock[row]).values
        np.testing.assert_array_equal(values[row], expected)
    assert np.isnan(values).any()  # the draw censors some weeks, so the comparison covers them


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
        "import sys, domain.planning, ui.cli_plan; "
        "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'statsmodels') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
