"""Holt's damped trend, the seasonal level and the bias guard of the selection, against hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest

from domain.planning.forecasting import api
from domain.planning.forecasting import methods as m
from domain.planning.forecasting import selection

NAN = float("nan")


def test_holt_states_follow_the_damped_trend_recursion_by_hand():
    # α = β = 0.5, φ = 0.8 on 10, 12, 15:
    # ℓ1 = 10, b1 = 0; ℓ2 = 0.5·12 + 0.5·(10 + 0) = 11, b2 = 0.5·(11 − 10) + 0.5·0.8·0 = 0.5;
    # ℓ3 = 0.5·15 + 0.5·(11 + 0.8·0.5) = 13.2, b3 = 0.5·(13.2 − 11) + 0.5·0.8·0.5 = 1.3.
    level, trend = m.holt_states([10, 12, 15], alpha=0.5, beta=0.5, phi=0.8)
    np.testing.assert_allclose(level[0], [NAN, 10, 11, 13.2])
    np.testing.assert_allclose(trend[0], [NAN, 0, 0.5, 1.3])


def test_trend_paths_add_the_damped_sum_of_the_trend_per_step():
    level, trend = m.holt_states([10, 12, 15], alpha=0.5, beta=0.5, phi=0.8)
    paths = m.trend_paths(level, trend, [3], 2, phi=0.8)
    # 13.2 + 0.8·1.3 = 14.24; 13.2 + (0.8 + 0.64)·1.3 = 15.072
    np.testing.assert_allclose(paths[0, 0], [14.24, 15.072])


def test_a_censored_period_neither_updates_holt_nor_counts_as_zero():
    level, trend = m.holt_states([[10, NAN, 12, 15]], alpha=0.5, beta=0.5, phi=0.8)
    np.testing.assert_allclose(level[0], [NAN, 10, 10, 11, 13.2])
    np.testing.assert_allclose(trend[0], [NAN, 0, 0, 0.5, 1.3])


def test_a_falling_trend_never_forecasts_negative_demand():
    # α = β = φ = 1 on 10, 0: ℓ = 0, b = −10, so the raw forecast −10 is floored at 0.
    level, trend = m.holt_states([10, 0], alpha=1.0, beta=1.0, phi=1.0)
    assert trend[0, 2] == pytest.approx(-10)
    np.testing.assert_array_equal(m.trend_paths(level, trend, [2], 2, phi=1.0)[0, 0], [0.0, 0.0])


def test_holt_runs_on_many_products_at_once_like_one_at_a_time():
    rng = np.random.default_rng(3)
    Y = rng.poisson(5, size=(6, 30)).astype(float)
    Y[2, 4:9] = NAN
    level, trend = m.holt_states(Y, alpha=0.2, beta=0.1, phi=0.9)
    for r in range(len(Y)):
        one_level, one_trend = m.holt_states(Y[r], alpha=0.2, beta=0.1, phi=0.9)
        np.testing.assert_allclose(level[r], one_level[0])
        np.testing.assert_allclose(trend[r], one_trend[0])


# Season 4, level over the last 2 periods. Periods 0..7: 1, 2, 3, 4 | 2, 4, 6, 8.
SERIES = [1, 2, 3, 4, 2, 4, 6, 8]


def test_seasonal_level_scales_the_recent_level_by_last_years_same_weeks():
    # Origin 8: level = (6 + 8)/2 = 7; last year's level weeks 2, 3: (3 + 4)/2 = 3.5.
    # Step 1 forecasts period 8, a season after period 4 (value 2): 7·2/3.5 = 4; step 2 after period 5: 7·4/3.5 = 8.
    paths = m.seasonal_level_paths(SERIES, [8], 2, season=4, window=2, half=0)
    np.testing.assert_allclose(paths[0, 0], [4.0, 8.0])


def test_seasonal_level_smooths_the_index_over_neighbouring_weeks():
    # half = 1: step 1 uses periods 3..5 last year, (4 + 2 + 4)/3 = 10/3, so 7·(10/3)/3.5 = 20/3.
    paths = m.seasonal_level_paths(SERIES, [8], 1, season=4, window=2, half=1)
    assert paths[0, 0, 0] == pytest.approx(20 / 3)


def test_seasonal_level_without_a_year_of_history_is_the_plain_level():
    # Origin 5: period 5 − 4 − 2 < 0, so the index is 1 and the forecast the mean of periods 3, 4: (4 + 2)/2 = 3.
    paths = m.seasonal_level_paths(SERIES, [5], 2, season=4, window=2, half=0)
    np.testing.assert_allclose(paths[0, 0], [3.0, 3.0])


def test_seasonal_level_skips_censored_weeks_and_caps_the_index():
    # Period 7 censored: level = 6. Last year's level weeks are 0.1 and 0.1 (base 0.1); period 4 is 2,
    # so the index 20 is capped at 3: 6·3 = 18.
    y = [5, 5, 0.1, 0.1, 2, 4, 6, NAN]
    paths = m.seasonal_level_paths(y, [8], 1, season=4, window=2, half=0, cap=3.0)
    assert paths[0, 0, 0] == pytest.approx(18.0)


def test_the_trend_methods_are_backtested_and_can_be_chosen():
    # A steady rise: the trend-aware methods follow it, the flat ones lag behind. 60 weeks: less than a
    # year and a quarter, so no flat method carries a yearly index (which would hold last year's rise).
    y = 10 + 0.5 * np.arange(60)
    result = api.forecast_series(y, 4, models=(), strategy="select")
    for name in api.TREND_METHODS:
        assert np.isfinite(result.scores[name])
    assert result.scores["holt_damped(0.2,0.1,0.9)"] < result.scores["moving_average(13)"]


def test_a_near_tie_in_mase_goes_to_the_method_with_less_bias():
    mase = np.array([[1.00, 1.00], [1.03, 1.20], [NAN, NAN]])
    bias = np.array([[-0.30, -0.30], [0.10, 0.00], [NAN, NAN]])
    # Row 0: 1.03 is within 5 % of 1.00 and less biased; row 1: 1.20 is not a near-tie.
    np.testing.assert_array_equal(selection._select(mase, bias), [1, 0])


def test_without_any_backtest_the_first_method_is_chosen():
    mase = np.full((3, 2), NAN)
    np.testing.assert_array_equal(selection._select(mase, mase), [0, 0])


def test_the_yearly_index_is_last_years_ratio_shrunk_by_its_volume_by_hand():
    # Season 4, window 2, half 0, kappa 10. Origin 8: last year's window is periods 2, 3 (values 5, 5:
    # mean 5, volume B = 10); the target of step 1 is period 8 − 4 = 4 (value 15): ratio 15 / 5 = 3,
    # step 2 is period 5 (value 5): ratio 1. Weight w = B / (B + kappa) = 10 / 20 = 0.5, so the index
    # is 1 + 0.5·(3 − 1) = 2 and 1 + 0.5·(1 − 1) = 1.
    y = [9, 9, 5, 5, 15, 5, 7, 7, 99]
    index = m.yearly_index(y, [8], 2, season=4, window=2, half=0, kappa=10.0)
    np.testing.assert_allclose(index[0, 0], [2.0, 1.0])


def test_the_yearly_index_is_1_without_a_year_and_a_window_of_history():
    index = m.yearly_index([5, 15, 5, 5, 15], [5], 3, season=4, window=2, half=0, kappa=0.0)
    np.testing.assert_array_equal(index, np.ones((1, 1, 3)))


def test_the_yearly_index_lets_a_flat_method_see_last_years_promotion_coming():
    # Year 1: 20 a week with a promotion week of 60 (week 45); year 2: 40 a week, forecast from week 95.
    # Backtest origins 88–91 see no promotion ahead (index 1), so naive (40, exact) wins. For the forecast:
    # last year's window is weeks 30–42 (mean 20, volume B = 260, w = 260 / 460); each step's target is
    # within 2 weeks of week 45, so last year's 5 weeks around it average (4·20 + 60) / 5 = 28: ratio 1.4,
    # index 1 + (260 / 460)·0.4, and every step is 40 times that ≈ 49.04 instead of a flat 40.
    y = np.full(95, 40.0)
    y[:52] = 20.0
    y[45] = 60.0
    result = api.forecast_series(y, 4, models=(), strategy="select")
    assert result.model == "naive"
    np.testing.assert_allclose(result.mean, 40.0 * (1 + 260 / 460 * 0.4))


def test_with_a_reference_the_yearly_index_is_last_years_outcome_over_last_years_forecast_by_hand():
    # Same history as above (season 4, window 2, half 0, kappa 10, origin 8: w = 0.5). The method had
    # forecast 10 and 5 from origin 4; periods 4 and 5 turned out 15 and 5: ratios 1.5 and 1, so the index
    # is 1 + 0.5·0.5 = 1.25 and 1.
    y = [9, 9, 5, 5, 15, 5, 7, 7, 99]
    reference = np.array([[[10.0, 5.0]]])
    index = m.yearly_index(y, [8], 2, season=4, window=2, half=0, kappa=10.0, reference=reference)
    np.testing.assert_allclose(index[0, 0], [1.25, 1.0])


def test_holt_with_its_yearly_index_does_not_count_a_steady_trend_twice():
    # A steady rise over more than a year and a quarter: last year's rise is in the index, Holt extrapolates
    # it too. Against its own forecast of a year before the index only corrects what Holt got wrong then,
    # so Holt still follows the line better than the 13-week mean.
    y = 10 + 0.5 * np.arange(80)
    result = api.forecast_series(y, 4, models=(), strategy="select")
    assert result.scores["holt_damped(0.2,0.1,0.9)"] < result.scores["moving_average(13)"]
    assert "holt_damped(0.2,0.1,0.9)" in selection.SLOPED_METHODS
