"""Replenishment formulas against textbook values, exact order quantities, and reorder alerts."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from domain.catalog.packs import step_of
from domain.planning import replenishment as r

D = Decimal


def test_the_normal_loss_function_matches_the_printed_table():
    """G(0) = 0.3989 and G(1) = 0.0833, as tabulated for the standard normal loss function (e.g. the
    G(k) table in Silver, Pyke & Thomas, "Inventory and Production Management in Supply Chains")."""
    assert r.normal_loss(0) == pytest.approx(0.3989, abs=5e-5)
    assert r.normal_loss(1) == pytest.approx(0.0833, abs=5e-5)
    assert r.normal_loss(2) == pytest.approx(0.0085, abs=5e-5)


def test_eoq_of_the_pencil_example():
    """Nahmias, "Production and Operations Analysis", Example 4.1: pencils sell 60 a week, cost $0.02,
    $12 per order, 25 % annual holding rate → h = 0.005, D = 3,120 a year, Q* = 3,870."""
    assert round(r.eoq(60 * 52, 12, 0.25 * 0.02)) == 3870


def test_the_economic_order_quantities_of_many_products_are_the_eoq_of_each():
    # The pencils (60 a week at 0.02, K = 12, h = 25 %), a dearer item, and rows without demand or cost: no minimum.
    q = r.economic_order_quantities([60, 10, 0, 5], [0.02, 8.0, 3.0, 0.0], order_cost=12, holding_rate=0.25)
    assert q[0] == pytest.approx(r.eoq(60 * 52, 12, 0.25 * 0.02))
    assert q[1] == pytest.approx(math.sqrt(2 * 520 * 12 / 2.0))
    assert q[2:].tolist() == [0.0, 0.0]
    assert r.economic_order_quantities([60], [0.02], order_cost=0, holding_rate=0.25).tolist() == [0.0]
    with pytest.raises(ValueError, match="holding rate"):
        r.economic_order_quantities([60], [0.02], order_cost=12, holding_rate=0)


def test_a_minimum_order_raises_the_order_up_to_level_so_each_order_is_about_that_much():
    # s = 17.5, d·R = 5: due when the position is at or below 22.5; S = s + 2·d·R = 27.5 orders about 5 (d·R).
    kw = dict(on_hand=D("19.5"), on_order=D(0), reserved=D(0), demand_per_period=5, sigma_demand=2, lead_time=2,
              review=1, service=0.95, margin=7.5)
    assert r.explain_policy(**kw)["order_qty"] == D(8)
    big = r.explain_policy(**kw, min_order=30)  # S = s + d·R + 30 = 52.5: the order is 33 instead of 8
    assert big["order_up_to"] == D("52.5") and big["order_qty"] == D(33) and big["min_order"] == 30
    # a minimum below d·R changes nothing: S already brings an order of d·R
    assert r.explain_policy(**kw, min_order=3)["order_up_to"] == D("27.5")
    # nor does it move the reorder point: an item is due exactly when it was
    assert big["reorder_point"] == D("17.5") and big["order_due"]
    assert r.with_min_order(17.5, 27.5, 5, 1, 30) == 52.5 and r.with_min_order(17.5, 27.5, 5, 1, 0) == 27.5


def test_type_1_safety_stock_is_z_times_sigma_of_lead_time_demand():
    """A cycle service level of 95 % needs z = 1.645 (standard normal table); σ_LT = 100 → SS = 164.5."""
    assert r.safety_factor_cycle(0.95) == pytest.approx(1.645, abs=5e-4)
    assert r.safety_stock_cycle(0.95, 100) == pytest.approx(164.5, abs=0.05)


def test_lead_time_variability_enters_sigma_lt():
    """Chopra & Meindl, "Supply Chain Management", safety inventory with uncertain lead time: daily
    demand 2,500 (σ 500), lead time 7 days (σ 7 days) → σ_L = √(7·500² + 2,500²·7²) = 17,550; at a
    cycle service level of 90 % the safety inventory is 1.2816 × 17,550 = 22,491."""
    sigma = r.sigma_lead_time(2500, 500, 7, 7)
    assert sigma == pytest.approx(17550, abs=1)
    assert r.safety_stock_cycle(0.90, sigma) == pytest.approx(22491, abs=2)


def test_type_2_safety_factor_solves_the_loss_equation():
    """Fill rate β = 99 %, Q = 833, σ_LT = 100: G(k) = 833 × 0.01 / 100 = 0.0833, and the loss table
    gives G(1.00) = 0.0833, so k = 1.00 and SS = 100."""
    k = r.safety_factor_fill_rate(0.99, 833, 100)
    assert k == pytest.approx(1.0, abs=1e-3)
    assert r.normal_loss(k) == pytest.approx(0.0833, abs=1e-6)
    assert r.safety_stock_fill_rate(0.99, 833, 100) == pytest.approx(100, abs=0.1)


def test_type_2_safety_factor_is_negative_when_the_order_alone_gives_the_fill_rate():
    """G(k) = 0.3989 at k = 0; a larger right-hand side needs k < 0."""
    assert r.safety_factor_fill_rate(0.9, 1000, 100) < 0
    assert r.safety_factor_fill_rate(0.5, 79.79, 100) == pytest.approx(0.0, abs=1e-3)


def test_the_vectorised_fill_rate_factor_matches_the_scalar_one():
    beta = np.array([0.9, 0.95, 0.99, 0.999, 0.99])
    q = np.array([100.0, 50.0, 833.0, 20.0, 10.0])
    sigma = np.array([30.0, 40.0, 100.0, 15.0, 0.0])
    k = r.safety_factors_fill_rate(beta, q, sigma)
    for i in range(4):
        assert k[i] == pytest.approx(r.safety_factor_fill_rate(beta[i], q[i], sigma[i]), abs=1e-8)
    assert k[4] == 0


def test_reorder_point_is_lead_time_demand_plus_safety_stock():
    assert r.reorder_point(20, 3, 15) == 75


def test_order_up_to_level_covers_lead_time_plus_review_period():
    """S = d(L+R) + z·σ_{L+R}: d = 10, σd = 3, L = 2, R = 1, α = 95 % → 30 + 1.645·3·√3 = 38.55."""
    assert r.order_up_to_level(10, 3, 2, 1, 0.95) == pytest.approx(30 + 1.6449 * 3 * math.sqrt(3), abs=1e-3)


def test_poisson_reorder_point_is_the_smallest_level_meeting_the_service():
    """Poisson table, λ = 2: P(X ≤ 4) = 0.9473, P(X ≤ 5) = 0.9834 → s = 5 for 95 %, 4 for 94 %."""
    assert r.poisson_reorder_point(2, 0.95) == 5
    assert r.poisson_reorder_point(2, 0.94) == 4
    assert r.poisson_reorder_point(0, 0.99) == 0
    assert r.poisson_reorder_point(1000, 0.5) == 1000  # large λ does not underflow


def test_levels_outside_zero_and_one_are_refused():
    for bad in (0, 1, 1.2):
        with pytest.raises(ValueError):
            r.safety_factor_cycle(bad)


def test_order_quantity_nets_stock_on_order_and_reservations_and_rounds_up_exactly():
    # position = 12.5 + 3 − 4.25 = 11.25; need 40 − 11.25 = 28.75 → multiple of 0.5: 29 (no float drift).
    got = r.order_quantity(D("40"), on_hand=D("12.5"), on_order=D("3"), reserved=D("4.25"), multiple=D("0.5"))
    assert got.qty == D("29")
    got = r.order_quantity(D("5.1"), on_hand=D(0), on_order=D(0), reserved=D(0), multiple=D("0.1"))
    assert got.qty == D("5.1")


def test_order_quantity_respects_the_minimum_order_quantity():
    got = r.order_quantity(D("10"), on_hand=D(2), on_order=D(0), reserved=D(0), moq=D(24), multiple=D(12))
    assert got.qty == D(24)
    assert "minimum order quantity 24" in got.reason


def test_a_second_run_does_not_order_again_once_the_draft_is_on_order():
    first = r.order_quantity(D(50), on_hand=D(10), on_order=D(0), reserved=D(0), multiple=D(6))
    assert first.qty == D(42)
    second = r.order_quantity(D(50), on_hand=D(10), on_order=first.qty, reserved=D(0), multiple=D(6))
    assert second.qty == 0


def _alert(**kw):
    base = dict(
        today=date(2026, 11, 25),
        on_hand=D(100),
        on_order=D(0),
        reserved=D(0),
        daily_demand=10.0,
        lead_days=7,
        review_days=7,
        reorder_level=D(90),
        safety_stock=D(20),
    )
    base.update(kw)
    return r.reorder_alert(**base)


def test_no_alert_while_the_position_stays_above_the_reorder_point_until_the_next_review():
    assert _alert(on_hand=D(161)) is None


def test_an_alert_carries_the_projected_stockout_date():
    a = _alert(on_hand=D(155))
    assert a.severity == r.NORMAL
    assert a.stockout_date == date(2026, 12, 10)  # 155 / 10 = 15.5 days
    assert a.position == D(155)


def test_running_out_before_an_order_could_arrive_is_critical():
    a = _alert(on_hand=D(50), on_order=D(100))  # 5 days of stock on the shelf, lead time 7
    assert a.severity == r.CRITICAL


def test_a_position_at_or_below_safety_stock_is_high():
    a = _alert(on_hand=D(80), reserved=D(0), daily_demand=1.0, lead_days=7, safety_stock=D(80))
    assert a.severity == r.HIGH


def test_reservations_shorten_the_days_of_stock():
    a = _alert(on_hand=D(155), reserved=D(55))
    assert a.days_of_stock == pytest.approx(10)


def test_the_explanation_holds_every_input_and_result():
    e = r.explain_policy(
        on_hand=D(10),
        on_order=D(0),
        reserved=D(2),
        demand_per_period=5,
        sigma_demand=2,
        lead_time=2,
        review=1,
        service=0.95,
        moq=D(20),
        multiple=D("0.5"),
    )
    # σ_LT = 2√2 = 2.8284; SS = 1.6449 × 2.8284 = 4.6524; s = 14.6524; S = 15 + 1.6449 × 2√3 = 20.698
    assert e["safety_stock"] == D("4.6524")
    assert e["reorder_point"] == D("14.6524")
    assert e["order_up_to"] == D("20.698")
    assert e["order_due"] is True
    assert e["order_qty"] == D(20)  # need 12.698 raised to the MOQ
    for key in ("on_hand", "on_order", "reserved", "lead_time", "service_level", "formula"):
        assert key in e


def test_the_vectorised_evaluation_agrees_with_the_exact_one_row_by_row():
    rng = np.random.default_rng(11)
    n = 300
    cols = dict(
        on_hand=rng.integers(0, 200, n) + rng.integers(0, 4, n) * 0.25,
        on_order=rng.integers(0, 50, n).astype(float),
        reserved=rng.integers(0, 20, n).astype(float),
        demand=rng.uniform(0, 30, n),
        sigma_demand=rng.uniform(0, 10, n),
        lead_time=rng.integers(1, 5, n).astype(float),
        review=np.ones(n),
        service=rng.choice([0.9, 0.95, 0.99], n),
    )
    moq = rng.choice([0, 10, 25], n).astype(float)
    multiple = rng.choice(["1", "0.5", "12", "0.1"], n)
    step = np.array([float(step_of(D(m), D(1))) for m in multiple])
    out = r.evaluate_many(**cols, moq=moq, step=step)
    for i in range(n):
        e = r.explain_policy(
            on_hand=D(str(cols["on_hand"][i])),
            on_order=D(str(cols["on_order"][i])),
            reserved=D(str(cols["reserved"][i])),
            demand_per_period=float(cols["demand"][i]),
            sigma_demand=float(cols["sigma_demand"][i]),
            lead_time=float(cols["lead_time"][i]),
            review=1.0,
            service=float(cols["service"][i]),
            moq=D(str(int(moq[i]))),
            multiple=D(multiple[i]),
        )
        assert bool(out["due"][i]) == e["order_due"]
        assert D(int(out["order_units"][i])) / 10000 == e["order_qty"], i
        assert out["reorder_point"][i] == pytest.approx(float(e["reorder_point"]), abs=1e-4)


def test_with_the_forecast_s_margin_the_safety_stock_is_its_quantile_over_lead_time_plus_review():
    kw = dict(on_hand=D(10), on_order=D(0), reserved=D(2), demand_per_period=5, sigma_demand=2, lead_time=2,
              review=1, service=0.95)
    e = r.explain_policy(**kw, margin=7.5)  # Q_0.95(demand over L + R = 3 periods) = 15 + 7.5
    assert e["safety_stock_source"] == "quantile" and e["formula"] == r.FORMULA_QUANTILE
    assert e["safety_stock"] == D("7.5")
    assert e["reorder_point"] == D("17.5")  # d·L + SS: due when position ≤ 17.5 + d·R = Q_0.95(L + R)
    assert e["order_up_to"] == D("27.5")  # s + 2·d·R
    assert e["sigma_lt"] == pytest.approx(7.5 / r.safety_factor_cycle(0.95))  # the σ the margin implies
    # A random lead time adds its part in quadrature, as in σ_LT² = L·σd² + d²·σL²: z·d·σL = 1.6449 × 5 × 0.5.
    v = r.explain_policy(**kw, margin=7.5, sigma_lead=0.5)
    assert float(v["safety_stock"]) == pytest.approx(math.hypot(7.5, r.safety_factor_cycle(0.95) * 2.5), abs=1e-4)
    # A quantile below the mean (very sparse demand) asks for no safety stock, as z·σ never goes negative.
    assert r.explain_policy(**kw, margin=-3.0)["safety_stock"] == 0
    # Without a margin (or a NaN one) the z·σ formula stands.
    for margin in (None, float("nan")):
        old = r.explain_policy(**kw, margin=margin)
        assert old["safety_stock_source"] == "sigma" and old["formula"] == r.FORMULA
        assert old["safety_stock"] == D("4.6524")


def test_the_vectorised_evaluation_takes_the_margin_where_given_and_z_sigma_elsewhere():
    rng = np.random.default_rng(12)
    n = 200
    cols = dict(
        on_hand=rng.integers(0, 200, n).astype(float),
        on_order=np.zeros(n),
        reserved=np.zeros(n),
        demand=rng.uniform(0, 30, n),
        sigma_demand=rng.uniform(0, 10, n),
        lead_time=rng.integers(1, 5, n).astype(float),
        review=np.ones(n),
        service=rng.choice([0.9, 0.95, 0.99], n),
        sigma_lead=rng.choice([0.0, 0.3], n),
    )
    margin = np.where(rng.random(n) < 0.7, rng.uniform(-5, 40, n), np.nan)
    least = np.where(rng.random(n) < 0.5, rng.uniform(0, 80, n), 0.0)  # an economic order quantity for half
    out = r.evaluate_many(**cols, margin=margin, min_order=least)
    for i in range(n):
        e = r.explain_policy(
            on_hand=D(str(cols["on_hand"][i])), on_order=D(0), reserved=D(0),
            demand_per_period=float(cols["demand"][i]), sigma_demand=float(cols["sigma_demand"][i]),
            lead_time=float(cols["lead_time"][i]), review=1.0, service=float(cols["service"][i]),
            sigma_lead=float(cols["sigma_lead"][i]), margin=float(margin[i]), min_order=float(least[i]),
        )
        assert bool(out["due"][i]) == e["order_due"], i
        assert out["safety_stock"][i] == pytest.approx(float(e["safety_stock"]), abs=1e-4)
        assert out["reorder_point"][i] == pytest.approx(float(e["reorder_point"]), abs=1e-4)
        assert out["order_up_to"][i] == pytest.approx(float(e["order_up_to"]), abs=1e-4)
        assert D(int(out["order_units"][i])) / 10000 == e["order_qty"], i
