"""The price levels the office keeps (``domain.sales.levels``): add, rename, retire; a level in use is not retired."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.access.model import User
from domain.kernel.errors import BadInput
from domain.kernel.errors import Forbidden
from domain.kernel.errors import RuleViolation
from domain.sales import levels as lv
from domain.sales.prices import CustomerTerms
from tests.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def shown(uow) -> list[tuple[str, str, bool, int, int]]:
    return [(x.level, x.name, x.in_use, x.prices, x.customers) for x in lv.price_levels(uow)]


def test_adding_names_the_first_free_extra_level_and_renaming_changes_only_its_name(uow):
    assert [x[:3] for x in shown(uow)] == [("retail", "", True), ("wholesale", "", True), ("level3", "", False),
                                           ("level4", "", False), ("level5", "", False)]
    assert lv.add_level(uow, lv.AddLevel(" VIP ")) == "level3"
    assert lv.add_level(uow, lv.AddLevel("经销商")) == "level4"
    lv.rename_level(uow, lv.RenameLevel("level3", "大客户"))
    assert uow.state.level_names == {"level3": "大客户", "level4": "经销商"}
    lv.rename_level(uow, lv.RenameLevel("LEVEL4", "经销商"))  # its own name again: no clash with itself
    assert [x[2] for x in shown(uow)] == [True, True, True, True, False]


def test_a_fourth_extra_level_a_taken_name_or_a_built_in_level_is_refused_with_its_code(uow):
    for name in ("A", "B", "C"):
        lv.add_level(uow, lv.AddLevel(name))
    with pytest.raises(RuleViolation) as exc:
        lv.add_level(uow, lv.AddLevel("D"))
    assert exc.value.code == "no_free_level" and "all 3 extra price levels are in use" in str(exc.value)
    with pytest.raises(RuleViolation) as exc:
        lv.rename_level(uow, lv.RenameLevel("level5", "a"))
    assert exc.value.code == "level_name_taken"
    for change in (lv.RenameLevel("wholesale", "批发价"), lv.RetireLevel("retail")):
        with pytest.raises(RuleViolation) as exc:
            (lv.rename_level if isinstance(change, lv.RenameLevel) else lv.retire_level)(uow, change)
        assert exc.value.code == "level_built_in"
    with pytest.raises(BadInput) as exc:
        lv.retire_level(uow, lv.RetireLevel("vip"))
    assert exc.value.field == "level"
    with pytest.raises(BadInput) as exc:
        lv.rename_level(uow, lv.RenameLevel("level3", "  "))
    assert exc.value.field == "level name"
    assert uow.state.level_names == {"level3": "A", "level4": "B", "level5": "C"}


def test_a_level_no_price_or_customer_uses_is_retired_and_one_in_use_is_refused_saying_by_how_many(uow):
    lv.add_level(uow, lv.AddLevel("VIP"))
    lv.add_level(uow, lv.AddLevel("Old"))
    uow.state.list_prices = {("p1", "level3"): Decimal(9), ("p2", "level3"): Decimal(8)}
    uow.state.customer_terms = {"c1": CustomerTerms("c1", "level3")}
    with pytest.raises(RuleViolation) as exc:
        lv.retire_level(uow, lv.RetireLevel("level3"))
    assert exc.value.code == "level_in_use" and exc.value.params == {"name": "VIP", "prices": 2, "customers": 1}
    assert str(exc.value).startswith("price level 'VIP' is in use: 2 product(s) have a list price at it and 1 "
                                      "customer(s) buy at it")
    lv.retire_level(uow, lv.RetireLevel("level4"))
    assert uow.state.level_names == {"level3": "VIP"}
    assert shown(uow)[2:4] == [("level3", "VIP", True, 2, 1), ("level4", "", False, 0, 0)]
    with pytest.raises(RuleViolation) as exc:
        lv.retire_level(uow, lv.RetireLevel("level4"))
    assert exc.value.code == "level_not_in_use"
    assert lv.add_level(uow, lv.AddLevel("New")) == "level4"  # a retired level is the next one added


def test_a_clerk_may_not_change_the_levels(uow):
    uow.state.users["ann"] = User("u1", "ann", "clerk", "x", datetime(2026, 1, 1, tzinfo=UTC))
    uow.user, uow.role = "ann", "clerk"
    with pytest.raises(Forbidden):
        lv.add_level(uow, lv.AddLevel("VIP"))
    assert uow.state.level_names == {}


def test_unnaming_a_level_in_use_from_the_command_lines_use_case_is_refused_too(uow):
    from domain.sales import price_master as pm

    pm.name_levels(uow, pm.NameLevels({"level3": "VIP"}))
    uow.state.customer_terms = {"c1": CustomerTerms("c1", "level3")}
    with pytest.raises(RuleViolation) as exc:
        pm.name_levels(uow, pm.NameLevels({"level3": ""}))
    assert exc.value.code == "level_in_use"
    assert pm.name_levels(uow, pm.NameLevels({"level3": "贵宾"})) == {"level3": "贵宾"}
