"""The vectorised forecasting methods against values computed by hand, step by step."""

from __future__ import annotations

import math

import numpy as np
import pytest

from domain.planning.forecasting import methods as m

NAN = math.nan


def test_croston_updates_size_and_interval_only_in_periods_with_demand():
    # y = 0, 3, 0, 0, 5 with α = 0.5.
    # Period 2 is the first demand: z = 3, p = 2 (two periods up to and including it) → 3 / 2 = 1.5.
    # Periods 3, 4: no demand, forecast unchanged. Period 5: q = 3,
    # z = 3 + 0.5·(5 − 3) = 4, p = 2 + 0.5·(3 − 2) = 2.5 → 4 / 2.5 = 1.6.
    states = m.croston_states([0, 3, 0, 0, 5], 0.5)
    assert states[0, 1:] == pytest.approx([0.0, 1.5, 1.5, 1.5, 1.6])
    assert math.isnan(states[0, 0])


def test_sba_is_croston_times_one_minus_half_alpha():
    # Same series: 1.5 × (1 − 0.25) = 1.125 and 1.6 × 0.75 = 1.2.
    states = m.croston_states([0, 3, 0, 0, 5], 0.5, variant="sba")
    assert states[0, 1:] == pytest.approx([0.0, 1.125, 1.125, 1.125, 1.2])


def test_tsb_decays_the_demand_probability_in_every_period_without_demand():
    # α = β = 0.5. Period 1: p = 0, no size yet → 0. Period 2: p = 0.5, z = 3 → 1.5.
    # Period 3: p = 0.25 → 0.75. Period 4: p = 0.125 → 0.375.
    # Period 5: p = 0.125 + 0.5·(1 − 0.125) = 0.5625, z = 3 + 0.5·2 = 4 → 2.25.
    states = m.tsb_states([0, 3, 0, 0, 5], 0.5, 0.5)
    assert states[0, 1:] == pytest.approx([0.0, 1.5, 0.75, 0.375, 2.25])


def test_ses_starts_at_the_first_observation_and_smooths_each_next_one():
    # ℓ = 2; ℓ = 2 + 0.5·(4 − 2) = 3; ℓ = 3 + 0.5·(6 − 3) = 4.5.
    assert m.ses_states([2, 4, 6], 0.5)[0, 1:] == pytest.approx([2, 3, 4.5])


def test_a_censored_period_neither_updates_ses_nor_counts_as_zero_demand():
    # With the censored period skipped, SES sees 2, 6: 2 → 4.
    censored = m.ses_states([2, NAN, 6], 0.5)[0, 1:]
    assert censored == pytest.approx([2, 2, 4])
    zero = m.ses_states([2, 0, 6], 0.5)[0, 1:]
    assert zero[-1] == pytest.approx(3.5)  # 2 → 1 → 3.5: reading the stockout as 0 would pull it down


def test_croston_does_not_count_a_censored_period_in_the_demand_interval():
    # 0, NaN, 3: only two observed periods up to the first demand, so p = 2 → 1.5 (not 3 / 3 = 1).
    assert m.croston_states([0, NAN, 3], 0.5)[0, -1] == pytest.approx(1.5)


def test_naive_carries_the_last_observed_value_over_censored_periods():
    assert m.naive_states([1, NAN, 3])[0, 1:] == pytest.approx([1, 1, 3])


def test_moving_average_averages_the_observed_values_in_its_window():
    states = m.moving_average_states([1, NAN, 3, 5, 7], 2)[0, 1:]
    # windows: [1], [1, NaN], [NaN, 3], [3, 5], [5, 7]
    assert states == pytest.approx([1, 1, 3, 4, 6])


def test_moving_average_keeps_its_value_when_the_whole_window_is_censored():
    assert m.moving_average_states([4, NAN, NAN], 2)[0, -1] == pytest.approx(4)


def test_seasonal_naive_repeats_the_value_one_season_back():
    paths = m.seasonal_naive_paths(np.arange(10.0), [6, 8], 3, 4)
    assert paths[0].tolist() == [[2, 3, 4], [4, 5, 6]]


def test_seasonal_naive_falls_back_to_the_last_observation_where_last_season_was_censored():
    y = np.array([1.0, NAN, 3, 4, 5])
    assert m.seasonal_naive_paths(y, [5], 1, 4)[0, 0, 0] == 5  # y[1] is censored: the last value, 5


def test_every_method_works_on_many_rows_at_once_as_it_does_row_by_row():
    rng = np.random.default_rng(1)
    Y = rng.poisson(1.0, (5, 30)).astype(float)
    Y[2, 5:9] = NAN
    for fn in (m.naive_states, lambda y: m.ses_states(y, 0.2), lambda y: m.croston_states(y, 0.2)):
        together = fn(Y)
        for r in range(len(Y)):
            np.testing.assert_allclose(together[r], fn(Y[r])[0])


def test_flat_paths_take_the_state_at_each_origin():
    states = np.array([[NAN, 1.0, 2.0, 3.0]])
    assert m.flat_paths(states, [1, 3], 2)[0].tolist() == [[1, 1], [3, 3]]
