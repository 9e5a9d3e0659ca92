"""ABC/XYZ classification on hand-computed inputs: the CV limits, censored and intermittent weeks, ABC by value
or by volume, the matrix, and a planning run that classifies, sets the service target by class and stores."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.planning import run as planning
from domain.planning.classification import MIN_XYZ_WEEKS
from domain.planning.classification import ProductClass
from domain.planning.classification import classify
from domain.planning.classification import classify_history
from domain.planning.classification import matrix
from domain.planning.classification import parse_basis
from domain.planning.classification import xyz_many
from domain.planning.classification import xyz_of
from domain.planning.settings import SetAbcBasis
from domain.planning.settings import abc_basis
from domain.planning.settings import set_abc_basis

NAN = float("nan")


def test_steady_demand_is_x():
    assert xyz_of([10.0] * 8) == ("X", 0.0, 8)
    xyz, cv, weeks = xyz_of([2.0, 4.0] * 4)  # mean 3, σ 1: CV 1/3
    assert xyz == "X" and cv == pytest.approx(1 / 3) and weeks == 8


def test_a_cv_of_exactly_one_half_is_y_and_of_exactly_one_is_z():
    assert xyz_of([1.0, 3.0] * 4) == ("Y", 0.5, 8)  # mean 2, σ 1 (divided by n)
    assert xyz_of([0.0, 2.0] * 4) == ("Z", 1.0, 8)  # mean 1, σ 1
    xyz, cv, _ = xyz_of([1.0, 2.0, 3.0, 6.0] * 2)  # mean 3, σ √3.5 = 1.8708: CV 0.6236
    assert xyz == "Y" and cv == pytest.approx(math.sqrt(3.5) / 3)


def test_intermittent_demand_counts_its_empty_weeks_and_is_z():
    # one week in four: mean 2, σ √((36·2 + 4·6) / 8) = √12 = 3.4641: CV 1.7321
    xyz, cv, weeks = xyz_of([8.0, 0.0, 0.0, 0.0] * 2)
    assert xyz == "Z" and cv == pytest.approx(math.sqrt(12) / 2) and weeks == 8


def test_censored_weeks_are_left_out_not_counted_as_zeros():
    # weeks before the product was first in stock, and a week out of stock, do not make it variable
    assert xyz_of([NAN] * 10 + [5.0] * 4 + [NAN] + [5.0] * 4) == ("X", 0.0, 8)


def test_too_few_observed_weeks_or_no_demand_is_z_without_a_cv():
    assert xyz_of([NAN] * 20 + [5.0] * (MIN_XYZ_WEEKS - 1)) == ("Z", None, MIN_XYZ_WEEKS - 1)
    assert xyz_of([0.0] * 30) == ("Z", None, 30)
    assert xyz_of([]) == ("Z", None, 0)


def test_the_vectorised_measure_gives_the_same_classes_cvs_and_weeks_as_one_series_at_a_time():
    import numpy as np

    rows = [[10.0] * 8, [1.0, 3.0] * 4, [0.0, 2.0] * 4, [8.0, 0.0, 0.0, 0.0] * 2, [NAN] * 2 + [5.0] * 6,
            [0.0] * 8, [NAN] * 8, [1.0, 2.0, 3.0, 6.0] * 2]
    many = xyz_many(np.array(rows))
    assert [m[0] for m in many] == ["X", "Y", "Z", "Z", "Z", "Z", "Z", "Y"]
    for row, (xyz, cv, weeks) in zip(rows, many, strict=True):
        one = xyz_of(row)
        assert (xyz, weeks) == (one[0], one[2]) and (cv is None) == (one[1] is None)
        assert cv == pytest.approx(one[1], abs=1e-12) if cv is not None else True


VALUE = {"a": 700.0, "b": 150.0, "c": 100.0, "d": 50.0, "e": 0.0}
VOLUME = {"a": 1.0, "b": 10.0, "c": 100.0, "d": 1000.0, "e": 0.0}


def test_abc_by_value_ranks_the_demand_value_and_by_volume_the_quantity():
    weekly = {"a": [10.0] * 8, "b": [1.0, 3.0] * 4}
    by_value = classify(VALUE, VOLUME, weekly)
    # shares before each: a 0 %, b 70 %, c 85 %, d 95 %: A A B C, and e without demand C
    assert {p: c.abc for p, c in by_value.items()} == {"a": "A", "b": "A", "c": "B", "d": "C", "e": "C"}
    assert {p: c.xyz for p, c in by_value.items()} == {"a": "X", "b": "Y", "c": "Z", "d": "Z", "e": "Z"}
    assert by_value["b"] == ProductClass("b", "A", "Y", 150.0, 10.0, 0.5, 8, "value")
    # by volume (total 1,111): d first (0 %), c at 90.0 %, b at 99.0 %, a at 99.9 %
    by_volume = classify(VALUE, VOLUME, weekly, "volume")
    assert {p: c.abc for p, c in by_volume.items()} == {"a": "C", "b": "C", "c": "B", "d": "A", "e": "C"}
    assert by_volume["a"].cell == "CX" and by_volume["a"].basis == "volume"


def test_the_basis_is_value_or_volume_and_anything_else_is_refused_naming_both():
    assert parse_basis(" Volume ") == "volume" and parse_basis("") == "value" and parse_basis(None) == "value"
    with pytest.raises(BadInput) as e:
        parse_basis("margin")
    assert e.value.field == "ABC basis" and "value or volume" in str(e.value)


def test_the_matrix_counts_products_and_adds_their_value_per_cell():
    cells = matrix(classify(VALUE, VOLUME, {"a": [10.0] * 8, "b": [9.0] * 8}).values())
    assert len(cells) == 9 and cells["AX"].count == 2 and cells["AX"].value == Decimal("850.00")
    assert cells["BZ"].count == 1 and cells["BZ"].value == Decimal("100.00")
    assert cells["CZ"].count == 2 and cells["CZ"].value == Decimal("50.00")
    assert cells["BY"].count == 0 and cells["BY"].value == Decimal(0)


def _item(pid, warehouse, cost):
    return planning.StockItem(pid, pid.upper(), "Widget " + pid, warehouse, warehouse.upper(), on_hand=Decimal(3),
                              reserved=Decimal(0), on_order=Decimal(0), on_order_drafts=Decimal(0),
                              unit_cost=Decimal(cost))


def test_a_product_s_warehouses_add_up_before_its_variability_is_measured():
    # 8 weeks: warehouse 1 ships 10 on the Monday of even weeks, warehouse 2 of odd weeks. Each alone would be
    # CV 1 (Z); together 10 every week (X). Value: 80 shipped × the average cost 2 = 160.
    first, days = date(2026, 1, 5), 56
    items = [_item("p", "w1", 2), _item("p", "w2", 2)]
    shipped = {("p", "w1"): {d: Decimal(10) for d in range(0, days, 14)},
               ("p", "w2"): {d: Decimal(10) for d in range(7, days, 14)}}
    closing = {("p", "w1"): [(-1, Decimal(100))], ("p", "w2"): [(-1, Decimal(100))]}
    history = planning.PlanningHistory(first, date(2026, 3, 2), items, shipped, closing, {})
    daily, in_stock = planning.weekly_matrix(history, [x.key for x in items])
    (c,) = classify_history(history, items, daily, in_stock).values()
    assert (c.abc, c.xyz, c.cv, c.weeks, c.value, c.volume) == ("A", "X", 0.0, 8, 160.0, 80.0)


TODAY = date(2026, 6, 3)


class _Store:
    def __init__(self) -> None:
        self.stored: list[dict] = []

    def store(self, classes, summary=None) -> None:
        self.stored.append(dict(classes))


def _reader(basis="value", rule="class"):
    def read(first: date, end: date) -> planning.PlanningHistory:
        # 20 weeks. "dear": 1 a day at 100 (value 14,000, volume 140, steady: X). "cheap": 10 a day in every other
        # week at 1 (value 700, volume 700; weeks of 70 and 0: CV 1, Z). By value dear is A (0 %) and cheap C
        # (14,000 / 14,700 = 95.2 % before it); by volume cheap is A and dear B (700 / 840 = 83.3 %).
        days = (end - first).days
        items = [_item("dear", "w", 100), _item("cheap", "w", 1)]
        shipped = {("dear", "w"): {d: Decimal(1) for d in range(days)},
                   ("cheap", "w"): {d: Decimal(10) for d in range(days) if (d // 7) % 2 == 0}}
        closing = {x.key: [(-1, Decimal(1000))] for x in items}
        return planning.PlanningHistory(first, end, items, shipped, closing, {}, abc_basis=basis, service_rule=rule)
    return read


def test_a_run_classifies_sets_the_service_target_by_the_abc_class_and_stores_the_classes():
    store = _Store()
    control = planning.RunControl(classes=store)
    plans = {p.product_id: p for p in planning.plan(_reader(), today=TODAY, weeks=20, run=control)}
    dear, cheap = plans["dear"], plans["cheap"]
    assert (dear.abc, dear.xyz, dear.service) == ("A", "X", 0.97)
    assert (cheap.abc, cheap.xyz, cheap.service) == ("C", "Z", 0.99)
    e = cheap.explanation
    assert e["abc_class"] == "C" and e["xyz_class"] == "Z" and e["demand_cv"] == pytest.approx(1.0)
    assert e["abc_basis"] == "value" and e["service_source"] == "class C"
    assert store.stored == [control.classified]
    assert {p: c.cell for p, c in control.classified.items()} == {"dear": "AX", "cheap": "CZ"}
    assert control.classified["dear"].value == pytest.approx(14000.0)


def test_the_cheaper_class_gets_the_higher_target_so_a_unit_of_stock_value_buys_as_much_fill_in_each():
    # A unit more of safety stock costs its unit cost and saves the chance of a stockout (1 − α) of a unit short per
    # review: the chances stand as the classes' typical unit costs do (about 3.5 : 2 : 1 on the demo), 3, 2 and 1 %.
    short = {c: 1 - planning.SERVICE_BY_CLASS[c] for c in "ABC"}
    assert [round(short[c], 6) for c in "ABC"] == [0.03, 0.02, 0.01]
    plans = {p.product_id: p for p in planning.plan(_reader(), today=TODAY, weeks=20)}
    dear, cheap = plans["dear"], plans["cheap"]  # 100 a unit, class A; 1 a unit, class C
    assert cheap.service > dear.service
    assert cheap.explanation["z"] > dear.explanation["z"]


def test_the_setting_or_the_caller_ranks_by_volume_and_the_targets_follow():
    for plans in (planning.plan(_reader("volume"), today=TODAY, weeks=20),
                  planning.plan(_reader(), today=TODAY, weeks=20, abc_basis="volume")):
        by = {p.product_id: (p.abc, p.service, p.explanation["abc_basis"]) for p in plans}
        assert by == {"dear": ("B", 0.98, "volume"), "cheap": ("A", 0.97, "volume")}


def test_a_product_s_own_target_still_wins_over_its_class():
    from domain.planning.product_model import ProductPlanning

    plans = planning.plan(_reader(), today=TODAY, weeks=20,
                          overrides={"cheap": ProductPlanning("cheap", Decimal("0.995"), None)})
    cheap = next(p for p in plans if p.product_id == "cheap")
    assert cheap.abc == "C" and cheap.xyz == "Z" and cheap.service == 0.995
    assert cheap.explanation["service_source"] == "product"


def test_the_basis_setting_is_kept_and_bad_input_changes_nothing():
    from tests.fakes import FakeUnitOfWork

    uow = FakeUnitOfWork()
    assert abc_basis(uow) == "value"
    assert set_abc_basis(uow, SetAbcBasis("VOLUME")) == "volume" and abc_basis(uow) == "volume"
    with pytest.raises(BadInput):
        set_abc_basis(uow, SetAbcBasis("weight"))
    assert abc_basis(uow) == "volume"
