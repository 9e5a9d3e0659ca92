"""A lumpy item's safety stock is held to the most its history ever sold over the lead time and review, and says
what its big weeks are."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from domain.planning import run as planning

# two years of a lumpy item: mostly nothing, a few small weeks, one order of 84 and one of 70
HISTORY = np.array([0.0] * 104)
HISTORY[[5, 17, 40, 66, 90]] = [4.0, 6.0, 2.0, 5.0, 3.0]
HISTORY[30], HISTORY[75] = 84.0, 70.0


def lumpy(q98_over_two_weeks: float, demand_class: str = "lumpy"):
    """A calibrated forecast of 2 a week whose 98 % quantile over two weeks is ``q98_over_two_weeks``."""
    return SimpleNamespace(calibrated=True, demand_class=demand_class, mean=np.array([2.0, 2.0, 2.0]), sigma=8.0,
                           cumulative={0.95: np.array([10.0, 0.6 * q98_over_two_weeks, 25.0]),
                                       0.98: np.array([20.0, q98_over_two_weeks, 400.0])})


def test_a_lumpy_items_quantile_is_held_to_the_most_it_ever_sold_over_the_cover():
    # the forecast's 98 % over two weeks is 300: more than three times its biggest two weeks ever (84)
    assert planning.cover_margin(lumpy(300.0), 2.0, 0.98) == pytest.approx(296.0)  # without its history: as before
    assert planning.cover_margin(lumpy(300.0), 2.0, 0.98, HISTORY) == pytest.approx(84.0 - 4.0)
    assert planning.cover_margin(lumpy(60.0), 2.0, 0.98, HISTORY) == pytest.approx(56.0)  # below the cap: kept
    assert planning.cover_margin(lumpy(300.0, "erratic"), 2.0, 0.98, HISTORY) == pytest.approx(296.0)  # a trend may


def test_the_cap_needs_enough_fully_observed_weeks_and_leaves_censored_ones_out():
    censored = HISTORY.copy()
    censored[30] = math.nan  # the week of the 84 ended out of stock: its demand is unknown
    assert planning.largest_cover_demand(censored, 2.0) == pytest.approx(70.0)
    assert planning.largest_cover_demand(HISTORY[:20], 2.0) is None  # 19 windows of two weeks: too few to say
    assert planning.cover_margin(lumpy(300.0), 2.0, 0.98, HISTORY[:20]) == pytest.approx(296.0)


def test_big_orders_say_how_big_the_lumps_are_and_how_often_they_come():
    facts = planning.big_orders(HISTORY, 1.6)
    assert facts == {"big_week": 84.0, "big_week_every": 52.0, "cover_weeks": 2, "cover_demand_max": 84.0}
    assert planning.big_orders(np.zeros(30), 2.0) == {}
