"""Daily demand aggregated to censored weeks."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import pytest

from domain.planning.forecasting.history import IMPUTED
from domain.planning.forecasting.history import SCALED
from domain.planning.forecasting.history import aggregate_demand
from domain.planning.forecasting.history import demand_matrix


def test_a_week_out_of_stock_is_censored_not_zero_demand():
    shipped = [2] * 7 + [0] * 7 + [3] * 7
    in_stock = [True] * 7 + [False] * 7 + [True] * 7
    weeks = aggregate_demand(shipped, in_stock)
    assert weeks.values[0] == 14
    assert math.isnan(weeks.values[1])
    assert weeks.values[2] == 21


def test_a_partly_observed_week_is_scaled_from_its_in_stock_days():
    # 5 of 7 days in stock, 10 shipped on them: 10 × 7 / 5 = 14.
    weeks = aggregate_demand([2, 2, 2, 2, 2, 0, 0], [True] * 5 + [False] * 2)
    assert weeks.values[0] == pytest.approx(14)
    assert weeks.observed_days[0] == 5


def test_a_week_with_too_few_in_stock_days_is_censored():
    weeks = aggregate_demand([5, 5, 5, 0, 0, 0, 0], [True] * 3 + [False] * 4, min_observed_days=4)
    assert math.isnan(weeks.values[0])


def test_recorded_unfilled_demand_counts_as_demand():
    weeks = aggregate_demand([Decimal("1.5")] * 7, [True] * 7, unfilled=[0, 0, 2, 0, 0, 0, 1])
    assert weeks.values[0] == pytest.approx(13.5)


def test_a_trailing_incomplete_week_is_left_out():
    assert len(aggregate_demand([1] * 10, [True] * 10).values) == 1


def test_weeks_start_on_the_monday_on_or_before_the_start_date():
    # 2026-11-25 is a Wednesday: the first week starts Monday 23 and has only 5 observed days.
    weeks = aggregate_demand([1] * 12, [True] * 12, start=date(2026, 11, 25))
    assert weeks.starts == (date(2026, 11, 23), date(2026, 11, 30))
    assert weeks.observed_days.tolist() == [5, 7]
    assert weeks.values[0] == pytest.approx(7)  # 5 units on 5 days, scaled to 7


def test_lengths_that_differ_are_refused():
    with pytest.raises(ValueError):
        aggregate_demand([1, 2], [True])


def test_the_imputed_rule_keeps_the_sell_out_day_and_fills_only_the_empty_days():
    # In stock Mon–Wed (3, 5, 4: mean 4), sold out on Thursday after 6, empty Fri–Sun.
    # Thursday was at least 6 (max(6, 4)), the empty days the in-stock mean 4 each: 3+5+4+6+4+4+4 = 30.
    # The scaled rule drops Thursday's 6 and, with 3 < 4 in-stock days, the whole week.
    shipped = [3, 5, 4, 6, 0, 0, 0]
    in_stock = [True, True, True, False, False, False, False]
    assert aggregate_demand(shipped, in_stock, rule=IMPUTED).values[0] == 30.0
    assert math.isnan(aggregate_demand(shipped, in_stock).values[0])


def test_a_sell_out_day_below_the_in_stock_mean_is_raised_to_it():
    # In stock 10, 10, 10, 10, 10; a sell-out day with 2 shipped and an empty day: 50 + 10 + 10 = 70.
    values = demand_matrix([[10, 10, 10, 10, 10, 2, 0]], [[True] * 5 + [False] * 2], rule=IMPUTED)
    assert values.tolist() == [[70.0]]


def test_the_imputed_rule_censors_only_a_week_without_an_in_stock_day():
    shipped = [[1, 1, 1, 1, 1, 1, 1, 4, 0, 0, 0, 0, 0, 0]]
    in_stock = [[True] * 7 + [False] * 7]
    values = demand_matrix(shipped, in_stock, rule=IMPUTED)
    assert values[0, 0] == 7.0 and math.isnan(values[0, 1])


def test_the_matrix_form_equals_the_row_form_for_both_rules():
    import numpy as np

    rng = np.random.default_rng(3)
    shipped = rng.poisson(2.0, size=(4, 35)).astype(float)
    in_stock = rng.random((4, 35)) > 0.4
    for rule in (SCALED, IMPUTED):
        many = demand_matrix(shipped, in_stock, rule=rule)
        for r in range(4):
            np.testing.assert_array_equal(many[r], aggregate_demand(shipped[r], in_stock[r], rule=rule).values)


def test_an_unknown_rule_is_refused_by_name():
    with pytest.raises(ValueError, match="imputed"):
        demand_matrix([[1] * 7], [[True] * 7], rule="zero")
