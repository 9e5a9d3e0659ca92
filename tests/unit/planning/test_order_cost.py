"""The order cost per purchase-order line (``domain.planning.ordering``): with it set, a suggested order is at least the
item's economic order quantity, so cheap and slow items are ordered less often (tests/benchmarks/RESULTS-forecast.md,
section BS); 5 unless set, 0 turns it off."""

from __future__ import annotations

import dataclasses
import math

import pytest

from domain.kernel.errors import BadInput
from domain.planning import ordering
from domain.planning import run as planning
from domain.planning.settings import SetOrderCost
from domain.planning.settings import order_cost
from domain.planning.settings import set_order_cost
from tests.unit.planning.test_classification import TODAY
from tests.unit.planning.test_classification import _reader


def _with_cost(cost: float):
    read = _reader()
    return lambda first, end: dataclasses.replace(read(first, end), order_cost=cost)


def test_with_an_order_cost_the_order_up_to_level_leaves_room_for_an_economic_order():
    off = {p.product_id: p.explanation for p in planning.plan(_with_cost(0), today=TODAY, weeks=20)}
    on = {p.product_id: p.explanation for p in planning.plan(_with_cost(20), today=TODAY, weeks=20)}
    for product, cost in (("dear", 100.0), ("cheap", 1.0)):
        e, before = on[product], off[product]
        d, review = e["demand_per_period"], e["review_period"]
        eoq = math.sqrt(2 * 52 * d * 20 / (0.25 * cost))  # √(2DK/h), D = 52·d, h = 25 % of the unit cost
        assert e["economic_order"] == {"eoq": pytest.approx(eoq), "yearly_demand": pytest.approx(52 * d),
                                       "order_cost": 20, "holding_rate": 0.25, "unit_cost": cost}
        # S = s + d·R + EOQ where that is above s + 2·d·R; s, and so when an order is due, stays
        assert e["reorder_point"] == before["reorder_point"]
        expected = max(float(before["order_up_to"]), float(e["reorder_point"]) + d * review + eoq)
        assert float(e["order_up_to"]) == pytest.approx(expected, abs=1e-4)
        assert "economic_order" not in before and before["min_order"] == 0
    # both now order more at a time, the cheap item (1 a unit) many more weeks of its demand than the dear one (100)
    weeks = {p: e["economic_order"]["eoq"] / e["demand_per_period"] for p, e in on.items()}
    assert weeks["cheap"] > 4 * weeks["dear"] and weeks["dear"] > 3  # EOQ/d = √(2·52·K / (h·c·d))
    assert all(on[p]["order_up_to"] > off[p]["order_up_to"] for p in on)


def test_an_item_without_demand_or_cost_orders_as_without_the_setting():
    assert ordering.economic_order(0.0, 10.0, 20) is None
    assert ordering.economic_order(5.0, 0.0, 20) is None
    assert ordering.economic_order(5.0, 10.0, 0) is None


def test_the_order_cost_is_kept_and_bad_input_changes_nothing():
    from tests.fakes import FakeUnitOfWork

    uow = FakeUnitOfWork()
    assert order_cost(uow) == ordering.DEFAULT_ORDER_COST == 5  # the default
    assert set_order_cost(uow, SetOrderCost("1,250.5")) == 1250.5
    assert order_cost(uow) == 1250.5
    for typed in ("-1", "twenty", "2000000", "nan"):
        with pytest.raises(BadInput) as refused:
            set_order_cost(uow, SetOrderCost(typed))
        assert refused.value.field == ordering.ORDER_COST_FIELD
    assert order_cost(uow) == 1250.5  # nothing half-written
    assert set_order_cost(uow, SetOrderCost("0")) == 0  # off
    assert order_cost(uow) == 0
    assert set_order_cost(uow, SetOrderCost("")) == 5  # blank: the default
    assert ordering.read_order_cost("nonsense") == ordering.read_order_cost(None) == 5  # no screen wrote it: default
    history = planning.PlanningHistory(TODAY, TODAY, [], {}, {}, {})
    assert history.order_cost == ordering.DEFAULT_ORDER_COST


def test_the_holding_rate_setting_is_the_economic_order_quantity_s_h():
    # h = 10 % instead of 25 %: the EOQ √(2DK/(h·c)) grows by √2.5, and the explanation names the rate used
    read = _reader()
    at = {}
    for rate in (0.25, 0.10):
        history = lambda first, end, rate=rate: dataclasses.replace(read(first, end), order_cost=20, holding_rate=rate)
        at[rate] = {p.product_id: p.explanation for p in planning.plan(history, today=TODAY, weeks=20)}
    for product in ("dear", "cheap"):
        low, usual = at[0.10][product]["economic_order"], at[0.25][product]["economic_order"]
        assert low["holding_rate"] == 0.10 and usual["holding_rate"] == 0.25
        assert low["eoq"] == pytest.approx(usual["eoq"] * math.sqrt(2.5))
        assert at[0.10][product]["order_up_to"] >= at[0.25][product]["order_up_to"]


def test_the_holding_rate_is_kept_as_a_share_from_a_percentage_and_bad_input_changes_nothing():
    from domain.planning.settings import SetHoldingRate
    from domain.planning.settings import holding_rate
    from domain.planning.settings import set_holding_rate
    from tests.fakes import FakeUnitOfWork

    uow = FakeUnitOfWork()
    assert holding_rate(uow) == ordering.DEFAULT_HOLDING_RATE == 0.25  # the default
    assert set_holding_rate(uow, SetHoldingRate("18.5 %")) == 0.185
    assert holding_rate(uow) == 0.185
    for typed in ("0", "0.5", "101", "-25", "a quarter", "nan", "inf"):
        with pytest.raises(BadInput) as refused:
            set_holding_rate(uow, SetHoldingRate(typed))
        assert refused.value.field == ordering.HOLDING_RATE_FIELD
        assert refused.value.code == "not_a_holding_rate"
        assert refused.value.values[1:] == ("1", "100")  # the range it takes
    assert holding_rate(uow) == 0.185  # nothing half-written
    assert set_holding_rate(uow, SetHoldingRate("100")) == 1.0
    assert set_holding_rate(uow, SetHoldingRate("")) == 0.25  # blank: the default
    for stored in (None, "", "nonsense", "0", "7"):  # none stored, or not written by this app: the default
        assert ordering.read_holding_rate(stored) == 0.25
    assert ordering.read_holding_rate("0.3") == 0.3
    history = planning.PlanningHistory(TODAY, TODAY, [], {}, {}, {})
    assert history.holding_rate == ordering.DEFAULT_HOLDING_RATE
