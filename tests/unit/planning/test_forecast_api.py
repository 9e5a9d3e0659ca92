"""Choosing a method per product by backtest, fallbacks, and forecast quantiles."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from domain.planning.forecasting import api
from domain.planning.forecasting import combine
from domain.planning.forecasting import models
from domain.planning.forecasting.api import forecast_many
from domain.planning.forecasting.api import forecast_series
from domain.planning.forecasting.api import lead_time_demand


def _seasonal(weeks: int = 104) -> np.ndarray:
    t = np.arange(weeks)
    return 20 + 10 * np.sin(2 * np.pi * t / 52)


def test_a_perfectly_seasonal_history_chooses_seasonal_naive_with_zero_error():
    r = forecast_series(_seasonal(), 4, models=(), strategy="select")
    assert r.model == "seasonal_naive"
    assert r.mase == pytest.approx(0.0)
    np.testing.assert_allclose(r.mean, _seasonal(108)[104:])


def test_the_chosen_method_has_the_lowest_backtest_mase_and_the_baseline_is_reported():
    rng = np.random.default_rng(3)
    r = forecast_series(50 + rng.normal(0, 3, 104), 4, models=(), strategy="select")
    assert r.mase == min(r.scores.values())
    assert r.baseline_mase == r.scores["seasonal_naive"]
    assert r.demand_class == "smooth"


def test_an_intermittent_series_is_classified_and_gets_quantiles_with_a_zero_median():
    rng = np.random.default_rng(4)
    y = rng.poisson(0.2, 104) * 5.0
    r = forecast_series(y, 4, models=())
    assert r.demand_class in ("intermittent", "lumpy")
    assert r.quantiles[0.5][0] == 0
    assert r.quantiles[0.99][0] > r.mean[0]


def test_quantiles_rise_with_probability_and_widen_with_the_horizon():
    # A wandering level: what is not known of it grows with every period ahead.
    rng = np.random.default_rng(5)
    r = forecast_series(200 + np.cumsum(rng.normal(0, 5, 104)), 6, models=())
    qs = sorted(r.quantiles)
    for a, b in zip(qs, qs[1:], strict=False):
        assert np.all(r.quantiles[a] <= r.quantiles[b])
    # Over the lead time: the per-period spread of this row is flat within the draws' noise (its one-step errors
    # lean one way, the level behind it drifting down), and held `spread[-1] > spread[0]` only by the draw (16.6 →
    # 17.1 with the earlier seeds, 15.3 → 13.6 with those of section AE). The lead-time spread grows by about 10 a
    # period, which 1,600 paths draw to within a few units: it rises at every step for each of eight seeds (with
    # 400 paths it fell somewhere for two of them; RESULTS-forecast.md, section AG).
    spread = r.cumulative[0.95] - np.cumsum(r.mean)
    assert np.all(np.diff(spread) > 0) and spread[0] > 0


def test_a_new_product_gets_a_labelled_simple_average():
    r = forecast_series([4, math.nan, 6, 5], 3)
    assert r.model == "simple_average"
    assert r.demand_class == "too_short"
    assert "too short" in r.note
    np.testing.assert_allclose(r.mean, [5, 5, 5])
    assert math.isnan(r.mase)


def test_a_long_history_with_a_single_demand_says_so_instead_of_too_short():
    r = forecast_series([0] * 30 + [6] + [0] * 29, 2)
    assert r.model == "simple_average"
    assert r.note.startswith("fewer than two demands in 60 observed periods")
    np.testing.assert_allclose(r.mean, [0.1, 0.1])


def test_a_product_without_any_observed_period_forecasts_zero():
    r = forecast_series([math.nan] * 5, 2)
    np.testing.assert_allclose(r.mean, [0, 0])


def test_a_stockout_week_does_not_drag_the_forecast_down():
    y = np.full(60, 10.0)
    y[-3:] = math.nan  # three weeks out of stock at the end
    assert forecast_series(y, 2, models=()).mean[0] == pytest.approx(10)


def test_statsmodels_models_are_tried_on_smooth_series_and_scored():
    rng = np.random.default_rng(6)
    y = 40 + np.cumsum(rng.normal(0, 2, 104))
    r = forecast_series(y, 4, models=("ets", "theta"), budget_seconds=None, strategy="select")
    assert "ets" in r.scores and "theta" in r.scores
    assert r.mase == pytest.approx(min(r.scores.values()))


def test_a_model_that_raises_falls_back_to_the_next_one(monkeypatch):
    def broken(*args, **kwargs):
        raise np.linalg.LinAlgError("singular matrix")

    monkeypatch.setitem(models.MODELS, "ets", broken)
    rng = np.random.default_rng(7)
    r = forecast_series(40 + np.cumsum(rng.normal(0, 2, 104)), 4, models=("ets", "theta"), budget_seconds=None)
    assert "ets" not in r.scores
    assert "theta" in r.scores
    assert np.all(np.isfinite(r.mean))


def test_statsmodels_is_not_tried_on_intermittent_demand(monkeypatch):
    calls = []
    monkeypatch.setitem(models.MODELS, "ets", lambda *a, **k: calls.append(1))
    y = np.random.default_rng(8).poisson(0.2, 104) * 3.0
    forecast_series(y, 4, models=("ets",))
    assert calls == []


def test_forecast_many_returns_one_result_per_row_in_order():
    rows = np.vstack([_seasonal(), np.full(104, 7.0), np.r_[np.full(100, np.nan), [1, 2, 3, 4]]])
    results = forecast_many(rows, 2, models=())
    assert [r.demand_class for r in results] == ["smooth", "smooth", "too_short"]
    assert results[1].mean[0] == pytest.approx(7)


def test_sarimax_uses_the_holiday_and_promotion_weeks():
    from datetime import date
    from datetime import timedelta

    starts = [date(2024, 1, 1) + timedelta(weeks=i) for i in range(110)]
    x = models.promotion_regressors(starts)
    assert x[:, 0].sum() >= 2  # Spring Festival 2024 and 2025
    assert x[24, 1] == 1  # the week of Monday 10 June 2024 holds 18 June... index 24 starts 17 June
    assert x[:, 2].sum() == 2  # 11 November 2024 and 2025
    y = 20 + 15 * x[:104, 2] + np.random.default_rng(9).normal(0, 1, 104)
    fc = models.fit_sarimax(y, 6, quantiles=(0.5, 0.9), starts=starts[:104])
    promo = [i for i in range(104, 110) if x[i, 2]]
    assert not promo or fc.mean[promo[0] - 104] > fc.mean.min() + 10


def test_lead_time_demand_sums_the_forecast_and_grows_sigma_with_the_root_of_time():
    r = api.ForecastResult(np.array([1.0, 2.0]), {}, "x", 0, 0, 0, 0, "smooth", sigma=2.0)
    mean, sd = lead_time_demand(r, 3.5)
    assert mean == pytest.approx(1 + 2 + 2 + 0.5 * 2)
    assert sd == pytest.approx(2 * math.sqrt(3.5))


def test_importing_the_domain_does_not_import_numpy_pandas_or_statsmodels():
    import subprocess
    import sys

    code = (
        "import sys, domain, domain.planning.forecasting, domain.planning.replenishment; "
        "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'statsmodels') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_holt_winters_without_model_quantiles_gets_them_from_its_residuals():
    rng = np.random.default_rng(12)
    y = 30 + np.cumsum(rng.normal(0, 1.5, 104))
    fc = models.fit_holt_winters(y, 3)
    assert fc.quantiles is None
    r = forecast_series(y, 3, models=("holt_winters",), budget_seconds=None)
    assert "holt_winters" in r.scores
    if r.model.startswith("holt_winters"):
        assert r.quantiles[0.9][0] > r.mean[0]


def test_ets_filtered_with_its_own_parameters_reproduces_its_forecast():
    rng = np.random.default_rng(13)
    y = 25 + rng.normal(0, 2, 80)
    fitted = models.fit_ets(y, 4)
    again = models.fit_ets(y, 4, **fitted.reuse)
    np.testing.assert_allclose(again.mean, fitted.mean, rtol=1e-6)


@pytest.mark.slow
def test_the_process_pool_gives_the_same_choice_as_one_process():
    # spawn, not fork: by the time this runs the test process may hold Qt threads (tests/ui run first).
    rng = np.random.default_rng(14)
    Y = 40 + np.cumsum(rng.normal(0, 2, (3, 80)), axis=1)
    alone = forecast_many(Y, 2, models=("theta",), budget_seconds=None, workers=1)
    pooled = forecast_many(Y, 2, models=("theta",), budget_seconds=None, workers=2, start_method="spawn")
    assert [r.model for r in pooled] == [r.model for r in alone]
    assert [r.scores["theta"] for r in pooled] == pytest.approx([r.scores["theta"] for r in alone])


def test_an_exhausted_budget_leaves_the_numpy_choice_in_place():
    rng = np.random.default_rng(15)
    Y = 40 + np.cumsum(rng.normal(0, 2, (3, 80)), axis=1)
    results = forecast_many(Y, 2, models=("ets",), budget_seconds=0.0)
    assert all("ets" not in r.scores for r in results)
    assert all(np.all(np.isfinite(r.mean)) for r in results)


def test_a_model_that_fails_only_on_the_whole_history_is_scored_but_not_chosen(monkeypatch):
    real = models.fit_ets

    def fails_on_full_history(y, *args, **kwargs):
        if len(y) == 104:
            raise ValueError("did not converge")
        return real(y, *args, **kwargs)

    monkeypatch.setitem(models.MODELS, "ets", fails_on_full_history)
    rng = np.random.default_rng(16)
    y = 40 + np.cumsum(rng.normal(0, 2, 104))
    r = forecast_series(y, 4, models=("ets",), budget_seconds=None, strategy="select")
    assert "ets" in r.scores
    assert not r.model.startswith("ets")
    assert np.all(np.isfinite(r.mean))


def test_the_result_carries_fitted_values_aligned_with_the_history():
    # A steady series that steps once, shorter than a season: seasonal naive (first of the exact ties) falls
    # back to the last observed value, so its fitted value at t is the observation at t − 1.
    y = [5.0] * 10 + [8.0] * 10
    result = api.forecast_series(y, 2, models=(), strategy="select")
    assert result.model == "seasonal_naive" and len(result.fitted) == len(y)
    np.testing.assert_array_equal(result.fitted[1:], y[:-1])
    assert np.isnan(result.fitted[0])


def test_the_10_and_90_percent_band_is_there_by_default():
    result = api.forecast_series(np.random.default_rng(2).poisson(6, 40).astype(float), 3, models=())
    assert {0.1, 0.9} <= set(result.quantiles)
    assert np.all(result.quantiles[0.1] <= result.quantiles[0.9])


def test_the_bootstrap_of_a_constant_error_gives_the_sums_by_hand():
    # Every one-step error is +1: each drawn path is (mean + 1) per step, so every quantile of the sum over
    # k steps is Σ (mean_j + 1): 3, 3 + 5, 3 + 5 + 0 (mean −1 + 1 = 0).
    out = api.bootstrap_cumulative([[2.0, 4.0, -1.0]], [[1.0, 1.0, np.nan, 1.0]], (0.1, 0.9))
    for q in (0.1, 0.9):
        np.testing.assert_allclose(out[0][q], [3.0, 8.0, 8.0])


def test_the_bootstrap_floors_each_step_at_zero_and_matches_a_two_point_error_law():
    # Errors −2 and +2 with equal weight around a mean of 1 a step: a step is 0 (floored from −1) or 3.
    # Over two steps the sum is 0, 3 or 6 with probabilities 1/4, 1/2, 1/4 (binomial), so its 10 % quantile
    # is 0, its median 3 and its 90 % quantile 6.
    out = api.bootstrap_cumulative([[1.0, 1.0]], [[-2.0, 2.0] * 10], (0.1, 0.5, 0.9), draws=4000)
    assert out[0][0.1][1] == 0.0 and out[0][0.5][1] == 3.0 and out[0][0.9][1] == 6.0
    assert out[0][0.5][0] in (0.0, 3.0)


def test_the_bootstrap_is_seeded_and_without_errors_gives_the_cumulative_mean():
    a = api.bootstrap_cumulative([[1.0, 2.0]], [[0.5, -0.5, 1.5]], (0.5, 0.9))
    b = api.bootstrap_cumulative([[1.0, 2.0]], [[0.5, -0.5, 1.5]], (0.5, 0.9))
    np.testing.assert_array_equal(a[0][0.9], b[0][0.9])
    none = api.bootstrap_cumulative([[1.0, 2.0]], [[np.nan, np.nan]], (0.5,))
    np.testing.assert_array_equal(none[0][0.5], [1.0, 3.0])


def test_lead_time_quantile_interpolates_between_whole_periods_and_extends_past_the_horizon():
    result = api.ForecastResult(
        mean=np.array([2.0, 2.0]),
        quantiles={},
        model="naive",
        mase=1.0,
        wape=1.0,
        bias=0.0,
        baseline_mase=1.0,
        demand_class="smooth",
        sigma=1.0,
        cumulative={0.9: np.array([4.0, 7.0])},
    )
    assert api.lead_time_quantile(result, 1.0, 0.9) == 4.0
    assert api.lead_time_quantile(result, 1.5, 0.9) == 5.5  # 4 + 0.5·(7 − 4)
    assert api.lead_time_quantile(result, 0.5, 0.9) == 2.0  # 0 + 0.5·4
    assert api.lead_time_quantile(result, 3.0, 0.9) == 10.0  # the last step's increment 3 repeats
    with pytest.raises(ValueError, match="0.95"):
        api.lead_time_quantile(result, 1.0, 0.95)


def test_a_service_level_between_or_beyond_the_computed_quantiles_is_read_on_the_normal_scale():
    from statistics import NormalDist

    z = NormalDist().inv_cdf
    mean, sigma = 10.0, 2.0  # normal demand: the reading is exact
    levels = (0.5, 0.9, 0.98, 0.99)
    result = api.ForecastResult(
        mean=np.array([mean]), quantiles={}, model="x", mase=1.0, wape=1.0, bias=0.0, baseline_mase=1.0,
        demand_class="smooth", sigma=sigma, cumulative={q: np.array([mean + z(q) * sigma]) for q in levels},
    )
    assert api.service_quantile(result, 1.0, 0.9) == pytest.approx(mean + z(0.9) * sigma)  # a computed level
    assert api.service_quantile(result, 1.0, 0.95) == pytest.approx(mean + z(0.95) * sigma)  # between 0.9 and 0.98
    assert api.service_quantile(result, 1.0, 0.995) == pytest.approx(mean + z(0.995) * sigma)  # beyond 0.99
    assert api.service_quantile(result, 2.0, 0.95) == pytest.approx(2 * (mean + z(0.95) * sigma))  # step 1 repeats
    assert api.service_quantile(dataclasses.replace(result, cumulative={}), 1.0, 0.95) is None
    with pytest.raises(ValueError, match="service level"):
        api.service_quantile(result, 1.0, 1.0)


def test_only_the_combination_s_quantiles_are_calibrated():
    Y = np.tile(np.array([5.0, 7.0, 6.0, 8.0] * 10), (2, 1))
    Y[1, :36] = np.nan  # too short: a simple average
    combined = api.forecast_many(Y, 4, models=())
    selected = api.forecast_many(Y[:1], 4, models=(), strategy="select")
    assert combined[0].calibrated and not combined[1].calibrated and not selected[0].calibrated


def test_a_rows_bootstrap_quantiles_do_not_depend_on_the_other_rows_in_the_call():
    mean = np.array([[3.0, 3.0, 3.0], [10.0, 10.0, 10.0]])
    errors = np.array([[-1.0, 0.5, 2.0, np.nan], [-4.0, 1.0, 3.0, 0.0]])
    both = api.bootstrap_cumulative(mean, errors, (0.1, 0.9))
    alone = api.bootstrap_cumulative(mean[1:], errors[1:], (0.1, 0.9))
    for q in (0.1, 0.9):
        np.testing.assert_array_equal(both[1][q], alone[0][q])


def test_thorough_models_see_a_short_seasonal_row_adjusted_and_forecast_it_seasonal_again(monkeypatch):
    # Where the combination adjusts a row for its season and the row spans fewer than the six seasons its factors
    # lean on, the statsmodels models are fitted to the row adjusted by the combination's factors, without a
    # season of their own, and their forecasts take the factors again (RESULTS-forecast.md, section AV): fitted to
    # the raw weekly history they took a season of their own from two to five noisy years and diluted the
    # combination's. A longer row keeps its own history and season.
    seen = []

    def flat(y, horizon, *, season, quantiles=(), starts=None, **_reuse):
        seen.append((season, np.asarray(y, dtype=float)))
        mean = np.full(horizon, float(np.nanmean(y[-12:])))
        return models.ModelForecast(mean, {q: mean for q in quantiles}, 1.0, "flat")

    monkeypatch.setitem(models.MODELS, "ets", flat)
    t = np.arange(96)
    shape = 1 + 0.5 * np.sin(2 * np.pi * t / 12)
    y = 100 * shape * (1 + np.random.default_rng(5).normal(0, 0.02, len(t)))
    options = {"season": 12, "budget_seconds": None, "workers": 1}
    short = y[:60]  # five seasons
    thorough = forecast_series(short, 6, models=("ets",), **options)
    default = forecast_series(short, 6, models=(), **options)
    assert thorough.model.endswith("+ets") and "seasonal" in thorough.model
    assert seen and all(season == 1 for season, _ in seen)
    # The history they saw is flat where the row swings by half its level.
    assert all(np.nanstd(h) < 0.1 * np.nanstd(short[: len(h)]) for _, h in seen)
    # The member that joined at a quarter's weight is seasonal again: it follows the row's season ahead.
    member = 4 * thorough.mean - 3 * default.mean
    assert np.corrcoef(member, shape[60:66])[0, 1] > 0.95
    seen.clear()
    forecast_series(y, 6, models=("ets",), **options)  # eight seasons
    assert seen and all(season == 12 for season, _ in seen)
    np.testing.assert_array_equal(seen[-1][1], y)


def test_thorough_models_take_no_season_of_their_own_on_a_short_row_whose_seasonal_test_failed(monkeypatch):
    # A row of five seasons whose seasonal test ran and failed is not seasonal in the combination (adjusted, at
    # most, by factors shrunk towards a flat season). The statsmodels models see it as the combination's members
    # do and fit no season of their own either: ETS had chosen 52 free weekly states by AIC from five noisy years,
    # where the test had just found none (RESULTS-forecast.md, section BT). A longer row keeps its own season.
    seen = []

    def flat(y, horizon, *, season, quantiles=(), starts=None, **_reuse):
        seen.append(season)
        mean = np.full(horizon, float(np.nanmean(y[-12:])))
        return models.ModelForecast(mean, {q: mean for q in quantiles}, 1.0, "flat")

    monkeypatch.setitem(models.MODELS, "ets", flat)
    y = 100 + np.random.default_rng(11).normal(0, 5, 96)  # no season
    options = {"season": 12, "budget_seconds": None, "workers": 1}
    c = combine.combine(y[None, :60], np.array([48]), 6, season=12, intermittent=np.array([False]))
    assert c.tested[0] and not c.seasonal[0]  # the test ran on five seasons and failed
    thorough = forecast_series(y[:60], 6, models=("ets",), **options)
    assert thorough.model.endswith("+ets") and ",seasonal)" not in thorough.model
    assert seen and all(season == 1 for season in seen)
    seen.clear()
    forecast_series(y, 6, models=("ets",), **options)  # eight seasons: the models' own season, as before
    assert seen and all(season == 12 for season in seen)


def test_thorough_scores_its_statsmodels_theta_apart_from_the_combination_s_theta_member():
    # Both are called "theta": the model's score had overwritten the member's.
    rng = np.random.default_rng(6)
    y = 40 + np.cumsum(rng.normal(0, 2, 104))
    default = forecast_series(y, 4, models=())
    thorough = forecast_series(y, 4, models=("theta",), budget_seconds=None)
    assert "theta" not in default.scores
    assert thorough.scores["combination.theta"] == default.scores["combination.theta"]
    assert thorough.model.endswith("+theta")
    assert thorough.scores["theta"] != thorough.scores["combination.theta"]


def test_thorough_carries_a_model_s_trend_against_the_line_of_a_row_that_kept_its_direction_flat(monkeypatch):
    # A row that rose along a line for ten years, then fell for three quarters: a model whose trend read the fall
    # carries it over the horizon, further from the line each quarter, where the combination's damped member holds
    # its level (``combine.against_the_line``). The model's trend is carried flat there too (RESULTS-forecast.md,
    # section BX); on a row about a flat level, whose line explains little, the same fall is the model's to keep.
    def falling(y, horizon, *, season, quantiles=(), starts=None, **_reuse):
        trend = -5.0 * np.arange(1, horizon + 1)
        mean = float(y[-1]) + trend
        return models.ModelForecast(mean, {q: mean for q in quantiles}, 1.0, "falling", trend=trend)

    monkeypatch.setitem(models.MODELS, "ets", falling)
    rng = np.random.default_rng(3)
    rise = 100 + 2.0 * np.arange(40) + rng.normal(0, 3, 40)
    rise = np.append(rise, rise[-1] - 6.0 * np.arange(1, 4))
    flat = 100 + rng.normal(0, 12, 40)
    flat = np.append(flat, flat[-1] - 6.0 * np.arange(1, 4))
    assert combine.trend_strength(rise) >= combine.AGAINST_LINE > combine.trend_strength(flat)
    options = {"season": 4, "budget_seconds": None, "workers": 1}
    for y, carried in ((rise, False), (flat, True)):
        thorough = forecast_series(y, 8, models=("ets",), **options)
        default = forecast_series(y, 8, models=(), **options)
        assert thorough.model.endswith("+ets")
        member = 4 * thorough.mean - 3 * default.mean  # the model joins the combination at a quarter's weight
        if carried:
            np.testing.assert_allclose(member, y[-1] - 5.0 * np.arange(1, 9))
        else:
            np.testing.assert_allclose(member, y[-1])


def test_statsmodels_ets_and_theta_say_which_part_of_their_forecast_their_trend_carries():
    y = 50 + 0.8 * np.arange(60) + np.random.default_rng(4).normal(0, 2, 60)
    ets = models.fit_ets(y, 6, season=1)
    assert ets.spec != "ETS(A,N,N)" and np.all(ets.trend > 0)
    np.testing.assert_allclose(np.diff(models.without_trend(ets).mean), 0.0, atol=1e-9)  # the level alone
    theta = models.fit_theta(y, 6, season=1)
    assert np.all(theta.trend > 0)
    np.testing.assert_allclose(np.diff(models.without_trend(theta).mean), 0.0, atol=1e-9)  # SES alone
    assert models.without_trend(models.ModelForecast(ets.mean, None, 1.0, "no trend")).mean is ets.mean
