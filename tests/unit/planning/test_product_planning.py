"""A product's own service target and review period: the parsing of what a user types, the use case, and
how planning applies them instead of the ABC class's target and the run's review period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from statistics import NormalDist

import numpy as np
import pytest

from domain.catalog.model import Product
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.planning import run as planning
from domain.planning.product import ProductPlanning
from domain.planning.product import SetProductPlanning
from domain.planning.product import parse_review_days
from domain.planning.product import parse_service_target
from domain.planning.product import set_product_planning
from tests.fakes import FakeUnitOfWork


def test_a_service_target_is_a_percentage_above_50_and_at_most_99_99():
    assert parse_service_target("97.5") == Decimal("0.975")
    assert parse_service_target(" 99.99 % ") == Decimal("0.9999")
    assert parse_service_target("") is None and parse_service_target("  ") is None
    for text in ("50", "100", "99.999", "abc", "-3", "NaN", "1e2"):
        with pytest.raises(BadInput) as caught:
            parse_service_target(text)
        assert caught.value.field == "service target" and "99.99" in caught.value.problem


def test_a_review_period_is_whole_days_from_1_to_365():
    assert parse_review_days("14") == 14 and parse_review_days("") is None
    for text in ("0", "366", "1.5", "-7", "two"):
        with pytest.raises(BadInput) as caught:
            parse_review_days(text)
        assert caught.value.field == "review days" and "1 to 365" in caught.value.problem


def _uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    with uow:
        uow.products.add(Product("p1", "P-1", "Widget"))
        uow.commit()
    return uow


def test_setting_and_clearing_a_product_s_planning_policy():
    uow = _uow()
    got = set_product_planning(uow, SetProductPlanning("P-1", "97.5", "14"))
    assert got == ProductPlanning("p1", Decimal("0.975"), 14)
    assert uow.state.product_planning["p1"] == got
    set_product_planning(uow, SetProductPlanning("P-1", "", "14"))
    assert uow.state.product_planning["p1"] == ProductPlanning("p1", None, 14)
    set_product_planning(uow, SetProductPlanning("P-1", "", ""))
    assert "p1" not in uow.state.product_planning  # both blank: back to the defaults


def test_bad_input_and_an_unknown_sku_change_nothing():
    # Who may set it (purchaser and above) is checked with every other use case in test_access.py.
    uow = _uow()
    with pytest.raises(BadInput):
        set_product_planning(uow, SetProductPlanning("P-1", "97.5", "400"))
    with pytest.raises(NotFound):
        set_product_planning(uow, SetProductPlanning("NOPE", "97.5", ""))
    assert uow.state.product_planning == {}


TODAY = date(2026, 6, 3)


def _reader(first: date, end: date) -> planning.PlanningHistory:
    days = (end - first).days
    key = ("p", "w")
    item = planning.StockItem("p", "P-1", "Widget", "w", "W1", on_hand=Decimal(10), reserved=Decimal(0),
                              on_order=Decimal(0), on_order_drafts=Decimal(0), unit_cost=Decimal(1))
    shipped = {key: {d: Decimal(2 if (d // 7) % 2 else 4) for d in range(days)}}  # weeks of 28 and 14
    terms = {"p": [planning.TermOption("s", "Supplier", "p", Decimal(1), Decimal(0), Decimal(1), Decimal(1), 7, True)]}
    return planning.PlanningHistory(first, end, [item], shipped, {key: [(-1, Decimal(1000))]}, terms,
                                    service_rule="class")  # the office's rule by ABC class


def test_the_product_s_target_replaces_the_class_s_in_the_safety_stock():
    (default,) = planning.plan(_reader, today=TODAY, weeks=20)
    (own,) = planning.plan(_reader, today=TODAY, weeks=20,
                           overrides={"p": ProductPlanning("p", Decimal("0.995"), None)})
    e, o = default.explanation, own.explanation
    assert default.abc == "A" and e["service_target"] == 0.97 and e["service_source"] == "class A"
    assert o["service_target"] == 0.995 and o["service_source"] == "product" and own.service == 0.995
    # The forecast's quantiles are calibrated: the safety stock is the margin of its quantile of demand over
    # L + R (1 + 1 weeks) at the target over the mean, so the higher target reads a higher quantile.
    assert default.forecast.calibrated and e["safety_stock_source"] == o["safety_stock_source"] == "quantile"
    for x, plan, alpha in ((e, default, 0.97), (o, own, 0.995)):
        margin = planning.cover_margin(plan.forecast, 2.0, alpha)
        assert float(x["safety_stock"]) == pytest.approx(margin, abs=1e-3)
    assert float(o["safety_stock"]) > float(e["safety_stock"]) > 0
    z97, z995 = NormalDist().inv_cdf(0.97), NormalDist().inv_cdf(0.995)  # 1.8808, 2.5758
    assert e["z"] == pytest.approx(z97, abs=1e-6) and o["z"] == pytest.approx(z995, abs=1e-6)
    assert e["review_source"] == o["review_source"] == "default" and e["review_days"] == 7


def test_the_product_s_review_period_lengthens_the_cover_but_not_the_forecast():
    (default,) = planning.plan(_reader, today=TODAY, weeks=20)
    (own,) = planning.plan(_reader, today=TODAY, weeks=20, overrides={"p": ProductPlanning("p", None, 21)})
    e, o = default.explanation, own.explanation
    assert o["review_days"] == 21 and o["review_source"] == "product" and o["service_source"] == "class A"
    assert o["review_period"] == pytest.approx(3.0) and e["review_period"] == pytest.approx(1.0)
    # The safety stock covers the risk period L + R (L = 1 week): 2 weeks by default, 4 with the own review;
    # S = s + 2·d·R = d·L + SS + 2·d·R.
    for x, plan, r in ((e, default, 1), (o, own, 3)):
        margin = planning.cover_margin(plan.forecast, 1 + r, 0.97)
        assert float(x["safety_stock"]) == pytest.approx(margin, abs=1e-3)
        expected = x["demand_per_period"] * (1 + 2 * r) + margin
        # raised so an order is at least the item's economic order quantity (the default order cost, section BS)
        least = float(x["reorder_point"]) + x["demand_per_period"] * r + x["economic_order"]["eoq"]
        assert float(x["order_up_to"]) == pytest.approx(max(expected, least), abs=1e-3)
    assert o["order_up_to"] > e["order_up_to"] and o["safety_stock"] > e["safety_stock"]
    assert list(own.forecast.mean) == list(default.forecast.mean)  # the forecast (and its cache key) as before


def test_a_forecast_without_calibrated_quantiles_keeps_the_z_sigma_safety_stock():
    from types import SimpleNamespace

    calibrated = SimpleNamespace(calibrated=True, mean=np.array([10.0, 10.0]), sigma=1.0,
                                 cumulative={0.9: np.array([12.0, 24.0]), 0.99: np.array([14.0, 28.0])})
    assert planning.cover_margin(calibrated, 2.0, 0.9) == pytest.approx(4.0)  # 24 − 20
    assert planning.cover_margin(SimpleNamespace(**{**vars(calibrated), "calibrated": False}), 2.0, 0.9) is None
    assert planning.cover_margin(SimpleNamespace(mean=np.array([1.0]), sigma=1.0, cumulative={}), 1.0, 0.9) is None
