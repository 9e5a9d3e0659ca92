"""A row's forecast comes from its own history only: forecast alone, or inside a matrix of longer rows (its history
right-aligned, NaN before it), a row gets the same mean, quantiles, lead-time quantiles and model."""

from __future__ import annotations

import numpy as np
import pytest

from domain.planning.forecasting import combine as c
from domain.planning.forecasting import methods as m
from domain.planning.forecasting.api import forecast_many
from domain.planning.forecasting.quantiles import calibration_origins
from domain.planning.forecasting.result import SIMPLE_AVERAGE

WIDTH = 120


def _monthly(seed: int) -> np.ndarray:
    """A trending monthly row of 3–5 years with a season of random strength (what M1 monthly's short rows are)."""
    rng = np.random.default_rng(seed)
    length, amplitude = int(rng.integers(38, 60)), float(rng.uniform(0, 15))
    t = np.arange(length)
    return 100 + 0.5 * t + amplitude * np.sin(2 * np.pi * t / 12) + rng.normal(0, 6, length)


def _right_aligned(rows: list[np.ndarray], width: int = WIDTH) -> np.ndarray:
    out = np.full((len(rows), width), np.nan)
    for i, y in enumerate(rows):
        out[i, width - len(y) :] = y
    return out


# Seeds whose row was seasonal alone and not inside the wider matrix (9) or the reverse (34): the centred moving
# average's partial windows over the NaN before the row counted there as a season more of ratios.
@pytest.mark.parametrize("seed", [9, 34, 36, 46])
def test_a_row_s_seasonal_verdict_and_factors_are_those_it_gets_alone(seed):
    y = _monthly(seed)
    alone, seasonal_alone, tested_alone = c.seasonal_factors(y[None, :], 12, [True], recent=6)
    inside, seasonal_inside, tested_inside = c.seasonal_factors(_right_aligned([y]), 12, [True], recent=6)
    assert seasonal_inside[0] == seasonal_alone[0] and tested_inside[0] == tested_alone[0]
    # Position p of the row alone is position (p + offset) % 12 in the matrix.
    offset = WIDTH - len(y)
    np.testing.assert_allclose(inside[0, (np.arange(12) + offset) % 12], alone[0], rtol=1e-9)


def test_a_row_s_season_strength_is_the_one_it_has_alone():
    y = _monthly(9)
    t = np.arange(len(y))
    factors = 1 + 0.05 * np.sin(2 * np.pi * t[:12] / 12)
    alone = c.season_strength(y[None, :], factors[None, :], 12)
    offset = WIDTH - len(y)
    inside = c.season_strength(_right_aligned([y]), factors[None, (np.arange(12) - offset) % 12], 12)
    assert inside[0] == pytest.approx(alone[0], rel=1e-9)


def test_the_calibration_origins_are_the_same_periods_before_the_end_however_wide_the_matrix():
    horizon, min_periods = 6, 8
    for length in (20, 26, 30, 40):
        alone = calibration_origins(length, horizon, min_periods) - length
        inside = calibration_origins(WIDTH, horizon, min_periods) - WIDTH
        # Inside the matrix the origins before the row's own min_periods are left out (``calibration_errors``).
        assert list(alone) == [o for o in inside if o + length >= min_periods]


def test_a_row_s_simulated_quantiles_do_not_depend_on_the_nan_before_it():
    rng = np.random.default_rng(3)
    errors = rng.normal(0, 5, 30)
    errors[0] = np.nan  # the first observed period has no error
    mean = np.array([[50.0, 51.0, 52.0]])
    per_alone, cum_alone = c.simulate_quantiles(mean, errors[None, :], 0.3, (0.5, 0.9))
    padded = np.concatenate([np.full(50, np.nan), errors])
    per_inside, cum_inside = c.simulate_quantiles(mean, padded[None, :], 0.3, (0.5, 0.9))
    for q in (0.5, 0.9):
        np.testing.assert_array_equal(cum_inside[0][q], cum_alone[0][q])
        np.testing.assert_array_equal(per_inside[0][q], per_alone[0][q])


def test_each_row_forecast_inside_a_wider_matrix_is_the_forecast_it_gets_alone():
    rng = np.random.default_rng(11)
    t = np.arange(WIDTH)
    long_rows = [200 + 2 * t + 30 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 8, WIDTH) for _ in range(2)]
    rows = [
        *long_rows,
        _monthly(9),  # seasonal alone, not inside the matrix before
        _monthly(34),  # the reverse
        _monthly(46),
        100 + rng.normal(0, 10, 30),  # its calibration grid was squeezed into its own history alone
        100 + rng.normal(0, 10, 12),  # too short to backtest alone
        rng.poisson(0.4, 40).astype(float),  # intermittent
    ]
    Y = _right_aligned(rows)
    options = {"season": 12, "models": (), "quantiles": (0.1, 0.5, 0.8, 0.9, 0.95, 0.98)}
    inside = forecast_many(Y, 6, **options)
    for i, y in enumerate(rows):
        _assert_same(inside[i], forecast_many(y[None, :], 6, **options)[0], options["quantiles"], i)


def test_a_new_product_beside_long_histories_gets_the_forecast_it_gets_alone():
    # 12 periods, 6 ahead: alone the matrix had no backtest origin with 8 periods before it and the row got the
    # simple average; beside longer rows it got the combination. Its own history (12 observed periods) decides.
    rng = np.random.default_rng(5)
    rows = [100 + rng.normal(0, 10, WIDTH), 100 + 2 * np.arange(12) + rng.normal(0, 3, 12)]
    inside = forecast_many(_right_aligned(rows), 6, season=12, models=())
    alone = forecast_many(rows[1][None, :], 6, season=12, models=())[0]
    assert alone.model == inside[1].model == "combination(damped,theta)"
    np.testing.assert_allclose(inside[1].mean, alone.mean, rtol=1e-9)
    np.testing.assert_allclose(inside[1].cumulative[0.9], alone.cumulative[0.9], rtol=1e-9)
    # Seven observed periods are too short for either (``classify``).
    short = forecast_many(_right_aligned([rows[0], rows[1][-7:]]), 6, season=12, models=())[1]
    assert short.model == forecast_many(rows[1][None, -7:], 6, season=12, models=())[0].model == SIMPLE_AVERAGE


def test_last_year_s_shape_counts_last_year_from_the_row_s_own_first_period():
    y = np.array([10.0, 12, 30, 11, 10, 13, 33, 12, 11, 14, 36, 13], dtype=float)
    origins = np.array([4, 5, 6, 7, 8])  # alone, last year's window before 6 reaches before the row
    alone = m.yearly_index(y[None, :], origins, 3, season=4, window=2, half=0, kappa=10.0)
    padded = np.concatenate([np.full(7, np.nan), y])[None, :]
    inside = m.yearly_index(padded, origins + 7, 3, season=4, window=2, half=0, kappa=10.0, start=[7])
    np.testing.assert_allclose(inside, alone, rtol=1e-12)
    level_alone = m.seasonal_level_paths(y[None, :], origins, 3, season=4, window=2, half=0)
    level_inside = m.seasonal_level_paths(padded, origins + 7, 3, season=4, window=2, half=0, start=[7])
    np.testing.assert_allclose(level_inside, level_alone, rtol=1e-12)


def test_a_row_s_thorough_forecast_is_the_one_it_gets_alone():
    # Thorough mode: the statsmodels models were fitted to the matrix's row, the NaN before a later row filled
    # with its first demand (``models.fill_censored``), at the matrix's origins (before the row's own, a fit that
    # fails and leaves the model out). Now to the row's own history at its own origins (section AO).
    rng = np.random.default_rng(2)
    t = np.arange(WIDTH)
    rows = [
        300 + t + 20 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 10, WIDTH),
        _monthly(46),
        _monthly(9),
        100 + 3 * np.arange(30) + rng.normal(0, 4, 30),
        100 + 3 * np.arange(16) + rng.normal(0, 4, 16),  # under three horizons: no models (``MODEL_MIN_HORIZONS``)
    ]
    qs = (0.1, 0.5, 0.9, 0.98)
    options = {"season": 12, "quantiles": qs, "models": ("ets", "theta"), "budget_seconds": None, "workers": 1}
    inside = forecast_many(_right_aligned(rows), 6, **options)
    for i, y in enumerate(rows):
        _assert_same(inside[i], forecast_many(y[None, :], 6, **options)[0], qs, i)
    # The later rows are fitted by the models both ways (the test is about them, not about models left out).
    assert all("+" in r.model for r in inside[1:4]) and "+" not in inside[4].model, [r.model for r in inside]


def _assert_same(inside, alone, qs, i) -> None:
    """A row's forecast inside a matrix equals the one it gets alone: label, mean, quantiles, lead-time quantiles,
    every method's score and the backtest's measures (to 1e-9)."""
    assert inside.model == alone.model, i
    np.testing.assert_allclose(inside.mean, alone.mean, rtol=1e-9, err_msg=str(i))
    for q in qs:
        np.testing.assert_allclose(inside.quantiles[q], alone.quantiles[q], rtol=1e-9, err_msg=f"{i} {q}")
        np.testing.assert_allclose(inside.cumulative[q], alone.cumulative[q], rtol=1e-9, err_msg=f"{i} {q}")
    assert inside.scores.keys() == alone.scores.keys(), i
    np.testing.assert_allclose(
        [inside.scores[k] for k in alone.scores], list(alone.scores.values()), rtol=1e-9, err_msg=str(i)
    )
    np.testing.assert_allclose(
        [inside.mase, inside.wape, inside.bias, inside.baseline_mase],
        [alone.mase, alone.wape, alone.bias, alone.baseline_mase],
        rtol=1e-9,
        equal_nan=True,
        err_msg=str(i),
    )
