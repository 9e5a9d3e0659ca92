"""Rolling origins and the MASE, WAPE and bias of a backtest."""

from __future__ import annotations

import math

import numpy as np
import pytest

from domain.planning.forecasting import methods as m
from domain.planning.forecasting.backtest import actuals
from domain.planning.forecasting.backtest import mase_scale
from domain.planning.forecasting.backtest import rolling_origins
from domain.planning.forecasting.backtest import score


def test_the_origins_are_the_last_ones_that_leave_a_full_horizon():
    assert rolling_origins(20, 3, 4).tolist() == [14, 15, 16, 17]
    assert rolling_origins(11, 3, 4, min_train=8).tolist() == [8]  # fewer origins rather than a short training


def test_too_short_a_history_has_no_origin():
    assert rolling_origins(9, 3, 4, min_train=8).tolist() == []


def test_naive_backtest_on_a_known_series():
    # y = 1, 3, 2, 4, 3, 5 (T = 6). Origins 4 and 5 with horizon 1 (min_train 2):
    # from 4 naive says 4, actual 3 → error +1; from 5 naive says 3, actual 5 → error −2.
    # Scale: in-sample naive MAE on y[:4] = (2 + 1 + 2) / 3 = 5/3. MASE = 1.5 / (5/3) = 0.9.
    # WAPE = 3 / 8; bias = (1 − 2) / 8.
    y = np.array([[1.0, 3, 2, 4, 3, 5]])
    origins = rolling_origins(6, 1, 2, min_train=2)
    assert origins.tolist() == [4, 5]
    scale = mase_scale(y, 4, season=52)
    assert scale[0] == pytest.approx(5 / 3)
    s = score(m.flat_paths(m.naive_states(y), origins, 1), actuals(y, origins, 1), scale)
    assert s.mase[0] == pytest.approx(0.9)
    assert s.wape[0] == pytest.approx(3 / 8)
    assert s.bias[0] == pytest.approx(-1 / 8)


def test_the_scale_is_seasonal_when_there_is_a_season_and_a_half_of_history():
    y = np.tile([1.0, 5.0, 9.0], 4)[None, :]  # season 3, perfectly seasonal
    # Seasonal differences are all 0, so the scale falls back to the naive MAE (|4|, |4|, |8| ...).
    assert mase_scale(y, 12, season=3)[0] == pytest.approx(np.mean(np.abs(np.diff(y[0]))))
    z = y + np.arange(12)[None, :]  # add a trend: seasonal differences are all 3
    assert mase_scale(z, 12, season=3)[0] == pytest.approx(3)


def test_censored_actuals_are_left_out_of_the_errors():
    y = np.array([[1.0, 3, 2, 4, math.nan, 5]])
    origins = np.array([4, 5])
    s = score(m.flat_paths(m.naive_states(y), origins, 1), actuals(y, origins, 1), np.array([1.0]))
    assert s.mase[0] == pytest.approx(1.0)  # only the origin-5 error: |4 − 5|


def test_a_constant_series_is_scaled_by_its_level():
    assert mase_scale(np.full((1, 10), 4.0), 10, season=52)[0] == 4
