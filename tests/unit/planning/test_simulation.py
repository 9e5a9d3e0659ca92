from __future__ import annotations

import math

import numpy as np
import pytest

from domain.planning.simulation import match_inventory
from domain.planning.simulation import simulate

NAN = math.nan
DEMAND = [3, 2, 4, 0, 5, 1, 6, 2, 3, 4]


def test_a_ten_day_min_max_replay_matches_the_hand_worked_days():
    # Worked by hand, min 4 / max 10 reviewed daily, lead time 2 days, 8 on hand at the start. An order placed
    # at the end of day t arrives at the start of day t + 3: it meets the demand of exactly 2 days on its way.
    # day 0: 8 − 3 = 5 (position 5 > 4). day 1: 5 − 2 = 3 ≤ 4 → order 7, due day 4.
    # day 2: demand 4, only 3 on hand → 1 lost, 0 left (position 7). day 3: nothing arrives, no demand.
    # day 4: 7 arrive → 7 − 5 = 2 → order 8, due day 7. day 5: 2 − 1 = 1 (position 9). day 6: demand 6 from 1
    # → 5 lost. day 7: 8 arrive → 8 − 2 = 6. day 8: 6 − 3 = 3 → order 7 (due after the replay).
    # day 9: demand 4 from 3 → 1 lost (position 7 > 4).
    result = simulate([DEMAND], start_stock=[8], lead_days=[2], trigger=4.0, up_to=10.0, unit_cost=[2.0])

    assert result.on_hand[0].tolist() == [5, 3, 0, 0, 2, 1, 0, 6, 3, 0]
    assert result.lost[0].tolist() == [0, 0, 1, 0, 0, 0, 5, 0, 0, 1]
    assert result.ordered[0].tolist() == [0, 7, 0, 0, 8, 0, 0, 0, 7, 0]
    assert result.fill_rate == pytest.approx(23 / 30)
    assert result.stockout_days == 3
    assert result.average_inventory_value == pytest.approx(2.0 * 20 / 10)


def test_an_order_is_raised_to_the_minimum_order_quantity_and_then_to_whole_steps():
    # The ten days above with a minimum order of 9 and a step of 2: each need (7, 6, 7) becomes 9, then 10.
    # day 1: order 10, due day 4. day 2: 1 lost. day 4: 10 − 5 = 5 (position 5 > 4). day 5: 5 − 1 = 4 → order 10,
    # due day 8. day 6: demand 6 from 4 → 2 lost. day 7: 2 lost (position 10). day 8: 10 − 3 = 7. day 9: 7 − 4 = 3
    # → order 10.
    result = simulate([DEMAND], start_stock=[8], lead_days=[2], trigger=4.0, up_to=10.0, moq=[9.0], step=[2.0])

    assert result.ordered[0].tolist() == [0, 10, 0, 0, 0, 10, 0, 0, 0, 10]
    assert result.on_hand[0].tolist() == [5, 3, 0, 0, 5, 4, 0, 0, 7, 3]
    assert result.lost[0].tolist() == [0, 0, 1, 0, 0, 0, 2, 2, 0, 0]
    # no minimum and no step (0) order exactly the need, as without them
    plain = simulate([DEMAND], start_stock=[8], lead_days=[2], trigger=4.0, up_to=10.0, moq=[0.0], step=[0.0])
    assert plain.ordered[0].tolist() == [0, 7, 0, 0, 8, 0, 0, 0, 7, 0]


def test_a_weekly_review_orders_only_on_review_days_and_loses_what_the_shelf_cannot_serve():
    # Review on days 0 and 7 only, trigger 10, up to 20, lead 3: day 0 position 8 − 3 = 5 ≤ 10 → order 15,
    # due day 4 (three days of demand on its way). Stock: 5, 3, 0 (lost 1), 0, 15 − 5 = 10, 9, 3, 1 → day 7
    # position 1 ≤ 10 → order 19, due day 11.
    # day 8: demand 3 from 1 → 2 lost; day 9: 4 lost.
    trigger = [10.0, NAN, NAN, NAN, NAN, NAN, NAN, 10.0, NAN, NAN]
    result = simulate([DEMAND], start_stock=[8], lead_days=[3], trigger=[trigger], up_to=20.0)

    assert result.ordered[0].tolist() == [15, 0, 0, 0, 0, 0, 0, 19, 0, 0]
    assert result.on_hand[0].tolist() == [5, 3, 0, 0, 10, 9, 3, 1, 0, 0]
    assert result.lost[0].tolist() == [0, 0, 1, 0, 0, 0, 0, 0, 2, 4]
    assert result.fill_rate == pytest.approx(23 / 30)
    assert result.stockout_days == 3


def test_products_are_played_independently_and_the_fill_rate_pools_their_demand():
    both = simulate(
        [DEMAND, [1] * 10], start_stock=[8, 0], lead_days=[2, 1], trigger=[[4.0], [0.0]], up_to=[[10.0], [1.0]]
    )
    alone = simulate([DEMAND], start_stock=[8], lead_days=[2], trigger=4.0, up_to=10.0)

    assert both.on_hand[0].tolist() == alone.on_hand[0].tolist()
    # Product 2 starts empty and may hold 1 with a lead time of a day: day 0 lost, orders 1 → it meets day 1's
    # demand on its way (lost) and arrives on day 2, which it serves; then the same again: every other day short.
    assert both.lost[1].tolist() == [1, 1, 0, 1, 0, 1, 0, 1, 0, 1]
    assert both.fill_rate == pytest.approx((23 + 4) / 40)
    assert both.fill_rates().tolist() == pytest.approx([23 / 30, 0.4])


def test_stock_already_on_order_arrives_on_its_day():
    result = simulate([[0, 0, 5]], start_stock=[0], lead_days=[1], trigger=NAN, up_to=NAN, on_order=[[0, 5, 0]])

    assert result.on_hand[0].tolist() == [0, 5, 0]
    assert result.fill_rate == 1.0


def test_negative_demand_is_refused():
    with pytest.raises(ValueError, match="demand"):
        simulate([[1, -1]], start_stock=[0], lead_days=[1], trigger=NAN, up_to=NAN)


def test_bisection_finds_the_scale_whose_average_inventory_meets_the_target():
    demand = np.full((1, 60), 2.0)

    def run(k):
        return simulate(demand, start_stock=[10 * k], lead_days=[3], trigger=6.0 * k, up_to=20.0 * k)

    target = run(1.7).average_inventory_value
    k, result = match_inventory(run, target)

    assert result.average_inventory_value == pytest.approx(target, rel=1e-3)
    assert k == pytest.approx(1.7, rel=0.05)


def test_a_replay_s_yearly_cost_is_its_holding_plus_its_order_lines_priced_and_scaled_to_a_year():
    # The hand-worked ten days: average inventory value 4.0 (2 a unit), 3 order lines in 10 days.
    from domain.planning.simulation import yearly_cost

    result = simulate([DEMAND], start_stock=[8], lead_days=[2], trigger=4.0, up_to=10.0, unit_cost=[2.0])

    cost = yearly_cost(result, order_cost=5.0, holding_rate=0.25)

    assert cost.lines == 3
    assert cost.holding == pytest.approx(0.25 * 4.0)
    assert cost.ordering == pytest.approx(5.0 * 3 * 365 / 10)
    assert cost.total == pytest.approx(1.0 + 547.5)


def test_lines_of_many_products_are_counted_one_a_product_and_day_whatever_their_quantity():
    from domain.planning.simulation import yearly_cost

    result = simulate([DEMAND, [0] * 10], start_stock=[8, 0], lead_days=[2, 0], trigger=[[4.0], [0.0]],
                      up_to=[[10.0], [0.0]], unit_cost=[2.0, 1.0])

    assert yearly_cost(result, order_cost=1.0, holding_rate=0.0).lines == 3  # the idle product orders nothing
    assert yearly_cost(result, order_cost=0.0, holding_rate=0.1).total == pytest.approx(0.4)
    with pytest.raises(ValueError, match="negative"):
        yearly_cost(result, order_cost=-1.0, holding_rate=0.25)


def test_bisection_can_match_the_fill_rate_instead_of_the_inventory():
    demand = np.tile(np.array(DEMAND * 6, dtype=float), (1, 1))

    def run(k):
        return simulate(demand, start_stock=[5 * k], lead_days=[3], trigger=6.0 * k, up_to=12.0 * k)

    target = run(1.4).fill_rate
    k, result = match_inventory(run, target, tol=1e-6, measure=lambda r: r.fill_rate)

    assert result.fill_rate == pytest.approx(target, abs=1e-4)
    assert result.average_inventory_value != pytest.approx(run(1.0).average_inventory_value)
