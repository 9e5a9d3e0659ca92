"""Service targets by unit cost (``domain.planning.service``): an item's chance of running short stands in proportion
to its unit cost around the office's overall target at the average cost, so money put into stock buys about as much
fill at every item, whatever ABC ranks by (section BP of tests/benchmarks/RESULTS-forecast.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.planning import run as planning
from domain.planning import service
from domain.planning.settings import SetServiceRule
from domain.planning.settings import read_service_rule
from domain.planning.settings import service_rule
from domain.planning.settings import set_service_rule
from tests.unit.planning.test_classification import TODAY
from tests.unit.planning.test_classification import _reader


def test_the_stockout_chance_is_in_proportion_to_the_unit_cost_around_the_overall_target():
    rule = service.by_cost([10, 30, 50, 0], 0.98)  # the item without a cost does not count in the average
    assert rule.average_cost == 30
    assert rule.target(30) == 0.98  # at the average: the overall target
    assert rule.target(10) == pytest.approx(1 - 0.02 / 3, abs=1e-4)  # a third of the cost: a third of the chance
    assert rule.target(60) == 0.96  # twice the cost: twice the chance
    assert rule.target(1) == service.HIGHEST and rule.target(1000) == service.LOWEST  # clipped at either end
    assert rule.target(0) is None and service.by_cost([0, 0], 0.98) is None
    # An item without a cost takes its class's target; a class rule gives None
    assert service.target_of("B", 0, rule) == (0.98, "class B", None)
    assert service.office_rule("class", 0.98, [10, 30]) is None
    alpha, source, reason = service.target_of("C", 10, rule)
    assert source == "cost" and reason["target"] == alpha and reason["average_cost"] == 30 and reason["overall"] == 0.98


def test_by_unit_cost_the_cheap_item_gets_the_higher_target_even_where_it_is_the_a_item():
    # By volume the cheap item (1 a unit, 700 sold) is A and the dear one (100 a unit, 140 sold) B: the class rule
    # gives the cheap item the lower target (0.97 against 0.98), which buys the least fill per unit of money.
    by_class = {p.product_id: p for p in planning.plan(_reader("volume"), today=TODAY, weeks=20)}
    assert (by_class["cheap"].abc, by_class["cheap"].service, by_class["dear"].service) == ("A", 0.97, 0.98)
    by_cost = {p.product_id: p for p in planning.plan(_reader("volume", rule="cost"), today=TODAY, weeks=20)}
    cheap, dear = by_cost["cheap"], by_cost["dear"]
    assert cheap.abc == "A" and cheap.service == service.HIGHEST  # 1 is 0.02 × the average 50.5: above the cap
    assert dear.service == pytest.approx(1 - 0.01 * 100 / 50.5, abs=1e-4)  # 0.9802: twice the average's chance
    assert cheap.explanation["z"] > dear.explanation["z"]
    e = dear.explanation
    assert e["service_source"] == "cost" and e["service_target"] == dear.service
    assert e["service_cost"] == {"target": dear.service, "unit_cost": 100.0, "average_cost": 50.5, "overall": 0.99,
                                 "lowest": 0.90, "highest": 0.995}


def test_a_product_s_own_target_still_wins_over_its_cost():
    from domain.planning.product_model import ProductPlanning

    plans = planning.plan(_reader(rule="cost"), today=TODAY, weeks=20,
                          overrides={"dear": ProductPlanning("dear", Decimal("0.999"), None)})
    dear = next(p for p in plans if p.product_id == "dear")
    assert dear.service == 0.999 and dear.explanation["service_source"] == "product"
    assert "service_cost" not in dear.explanation
    # what the office's rule would give it, for the product dialog's placeholder
    e = dear.explanation
    assert (e["office_service_source"], e["office_service_target"]) == ("cost", pytest.approx(0.9802, abs=1e-4))


def test_the_office_rule_is_kept_and_bad_input_changes_nothing():
    from tests.fakes import FakeUnitOfWork

    uow = FakeUnitOfWork()
    assert service_rule(uow) == ("cost", 0.99)  # the default
    assert set_service_rule(uow, SetServiceRule("class", "98.5 %")) == ("class", 0.985)
    assert service_rule(uow) == ("class", 0.985)
    for rule, overall, field in (("weight", "98", service.RULE_FIELD), ("cost", "99.9", service.OVERALL_FIELD),
                                 ("cost", "85", service.OVERALL_FIELD), ("cost", "ninety", service.OVERALL_FIELD)):
        with pytest.raises(BadInput) as refused:
            set_service_rule(uow, SetServiceRule(rule, overall))
        assert refused.value.field == field
    assert service_rule(uow) == ("class", 0.985)  # nothing half-written
    assert read_service_rule("nonsense", "7") == ("cost", 0.99)  # a stored value no screen wrote: the default
    assert set_service_rule(uow, SetServiceRule("cost", "")) == ("cost", 0.99)  # blank: the default


def test_the_history_reader_s_default_is_the_office_s_default():
    history = planning.PlanningHistory(date(2026, 1, 5), date(2026, 1, 6), [], {}, {}, {})
    assert (history.service_rule, history.service_overall) == (service.DEFAULT_RULE, service.DEFAULT_OVERALL)
    assert Decimal(str(service.DEFAULT_OVERALL)) == Decimal("0.99")
