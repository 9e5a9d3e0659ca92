"""New products forecast from their category's weekly profile, worked by hand on a ten-week example."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from dataclasses import field

import numpy as np
import pytest

from domain.planning.category_profile import MODEL
from domain.planning.category_profile import apply_category_profiles

NAN = math.nan


@dataclass(frozen=True)
class Result:
    mean: np.ndarray
    quantiles: dict
    sigma: float
    demand_class: str
    model: str = "ses(0.1)"
    note: str = ""
    fitted: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cumulative: dict = field(default_factory=dict)


def _established(level_first: float, future: float, sigma: float) -> tuple[list[float], Result]:
    history = [level_first] * 5 + [2 * level_first] * 5  # level 1.5·x: index 2/3 then 4/3
    return history, Result(np.array([future, future]), {0.5: np.zeros(2), 0.9: np.zeros(2)}, sigma, "smooth")


def _short() -> tuple[list[float], Result]:
    history = [NAN] * 3 + [4.0, 4.0, 8.0, 8.0, 8.0] + [NAN] * 2
    flat = np.full(2, 32 / 5)
    return history, Result(flat, {0.5: flat, 0.9: flat + 1}, 2.0, "too_short", "simple_average", "too short")


def test_a_new_product_gets_its_categorys_profile_scaled_by_its_own_observed_weeks():
    rows = [_established(10, 30, 3), _established(20, 60, 6), _established(40, 120, 12), _short()]
    values = np.array([h for h, _ in rows])
    out = apply_category_profiles(values, [r for _, r in rows], ["tea"] * 4)
    assert out[:3] == [r for _, r in rows[:3]]
    new = out[3]
    # profile: 2/3 for weeks 0-4, 4/3 for 5-9; the forecast index is 30/15 = 2. Observed weeks 3-7:
    # scale = (4 + 4 + 8 + 8 + 8) / (2/3 + 2/3 + 4/3 + 4/3 + 4/3) = 32 / (16/3) = 6
    assert new.model == MODEL and "'tea'" in new.note and "3 products" in new.note and "5 observed weeks" in new.note
    np.testing.assert_allclose(new.mean, [12.0, 12.0])  # a plain average would say 6.4
    assert new.sigma == pytest.approx(6 * 0.2)  # the category's relative error 3/15
    np.testing.assert_allclose(new.quantiles[0.5], [12.0, 12.0])
    np.testing.assert_allclose(new.quantiles[0.9], 12 + 1.2815516 * 1.2 * np.sqrt([1, 2]), rtol=1e-6)
    np.testing.assert_allclose(new.fitted, [4.0] * 5 + [8.0] * 5)
    np.testing.assert_allclose(new.cumulative[0.5], [12.0, 24.0])


def test_without_a_category_or_with_too_few_established_products_the_simple_average_stays():
    rows = [_established(10, 30, 3), _established(20, 60, 6), _short()]
    values = np.array([h for h, _ in rows])
    results = [r for _, r in rows]
    assert apply_category_profiles(values, results, ["tea"] * 3)[2] is results[2]  # two products are not enough
    four = [*rows[:2], _established(40, 120, 12), _short()]
    values = np.array([h for h, _ in four])
    results = [r for _, r in four]
    assert apply_category_profiles(values, results, ["tea", "tea", "tea", ""])[3] is results[3]
    assert apply_category_profiles(values, results, ["tea", "tea", "coffee", "tea"])[3] is results[3]


def test_a_long_history_with_almost_no_demand_is_not_a_new_product_and_keeps_its_average():
    rows = [_established(10, 30, 3), _established(20, 60, 6), _established(40, 120, 12)]
    idle = [0.0] * 9 + [1.0]  # ten observed weeks, one demand: too short for a method, but not new
    flat = np.full(2, 0.1)
    results = [r for _, r in rows] + [Result(flat, {0.5: flat}, 0.3, "too_short", "simple_average")]
    values = np.array([h for h, _ in rows] + [idle])
    assert apply_category_profiles(values, results, ["tea"] * 4)[3] is results[3]


def test_products_forecast_at_other_horizons_make_one_profile_and_the_new_product_keeps_its_own_horizon():
    # Each product is forecast at its own lead time + review: 2, 3 and 4 weeks here, the new product 3 weeks.
    rows = [_established(10, 30, 3), _established(20, 60, 6), _established(40, 120, 12), _short()]
    results = [r for _, r in rows]
    results[1] = dataclasses.replace(results[1], mean=np.array([60.0, 60.0, 90.0]))  # index 2, 2, 3
    results[2] = dataclasses.replace(results[2], mean=np.full(4, 120.0))
    flat = np.full(3, 32 / 5)
    results[3] = dataclasses.replace(results[3], mean=flat, quantiles={0.5: flat, 0.9: flat + 1})
    new = apply_category_profiles(np.array([h for h, _ in rows]), results, ["tea"] * 4)[3]
    # the 2-week forecast carries its last week on: indexes (2 + 2 + 2) / 3, again, (2 + 3 + 2) / 3; scale 6
    np.testing.assert_allclose(new.mean, [12.0, 12.0, 14.0])
    np.testing.assert_allclose(new.cumulative[0.5], [12.0, 24.0, 38.0])
