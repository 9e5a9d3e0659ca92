"""The replay over several warehouses (domain.planning.network_replay) on constructed cases."""

from __future__ import annotations

import numpy as np
import pytest

from domain.planning.network_replay import simulate_network
from domain.planning.simulation import simulate

DAYS = 28


def two_warehouses():
    """One product in A and B, a 14-day supplier lead time, reviews every 7 days from day 0.

    A sells 10 a day and holds 30: s = 10 × 14 = 140 (certain demand, no safety stock), d·R = 70, trigger 210,
    S = s + 2·d·R = 280. B sells 1 a day and holds 500: s = 14, trigger 21, S = 28.
    """
    demand = np.array([[10.0] * DAYS, [1.0] * DAYS])
    review = np.full((2, DAYS), np.nan)
    review[:, ::7] = 1.0
    levels = dict(trigger=review * np.array([[210.0], [21.0]]), up_to=review * np.array([[280.0], [28.0]]),
                  reorder_point=review * np.array([[140.0], [14.0]]))
    return demand, dict(group=["P", "P"], start_stock=[30.0, 500.0], lead_days=[14, 14], unit_cost=[2.0, 2.0],
                        **levels)


def test_a_transfer_avoids_the_stockout_that_a_purchase_with_its_lead_time_cannot():
    demand, args = two_warehouses()
    alone = simulate_network(demand, transfers=False, **args)
    # A's order of day 0 (280 − 20 = 260) arrives on day 15: A is empty from day 3 to day 14, 12 days × 10 lost
    assert alone.lost[0].sum() == pytest.approx(120.0) and alone.stockout_days == 12
    moved = simulate_network(demand, transfers=True, transfer_days=1, **args)
    # day 0: A (position 20 ≤ 210) needs 260; B gives min(499 − 14, 499 − 21) = 478 at most: 260 leave B at once
    # and reach A on the morning of day 2, before its 10 on hand of day 1 run out
    assert moved.transferred[1, 0] == pytest.approx(260.0) and moved.transfers >= 1
    assert moved.lost.sum() == 0.0 and moved.fill_rate == 1.0
    assert moved.ordered[0, 0] == 0.0  # nothing bought for A on day 0: the transfer covered it
    assert alone.fill_rate < moved.fill_rate
    # the 260 on their way (end of days 0 and 1) still count as inventory: value is conserved by a transfer
    assert moved.in_transit[0, :2].tolist() == [260.0, 260.0]
    held = (moved.on_hand + moved.in_transit) * 2.0
    assert held[:, 0].sum() == pytest.approx((20 + 499) * 2.0)
    assert moved.average_inventory_value == pytest.approx(held.sum(axis=0).mean())


def test_without_transfers_it_plays_each_key_as_the_single_warehouse_replay_does():
    demand, args = two_warehouses()
    args.pop("group"), args.pop("reorder_point")
    single = simulate(demand, **args)
    network = simulate_network(demand, group=["P", "Q"], reorder_point=args["trigger"], transfers=True, **args)
    for name in ("on_hand", "served", "lost", "ordered"):
        assert np.array_equal(getattr(single, name), getattr(network, name)), name
    assert network.average_inventory_value == pytest.approx(single.average_inventory_value)
    assert network.transfers == 0


def test_a_giver_keeps_its_reorder_point_and_moves_whole_packs():
    demand, args = two_warehouses()
    args["start_stock"] = [30.0, 100.0]
    moved = simulate_network(demand, transfers=True, pack=[12, 12], **args)
    # B after day 0's demand: 99; surplus min(99 − 14, 99 − 21) = 78 → 6 packs of 12 = 72 (leaves 27 > 21)
    assert moved.transferred[1, 0] == pytest.approx(72.0)
    assert moved.on_hand[1].min() >= 0.0
