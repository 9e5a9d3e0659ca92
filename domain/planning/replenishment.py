"""Replenishment: safety stock, reorder points, order-up-to levels, EOQ, order quantities and alerts.

Pure functions; every formula is stated in its docstring. Demand statistics (means, deviations,
service levels) are floats — they are estimates, and the normal and Poisson functions work in floats.
The quantity that is actually ordered is exact: it is raised to whole ``Decimal`` steps of MOQ,
order multiple and pack size by ``domain.catalog.packs.round_order_qty``.

Notation: d mean demand per period, σd its standard deviation, L lead time and R review period in
periods, σL the standard deviation of the lead time, Q the order quantity.

* σ_LT² = L·σd² + d²·σL² (demand over a random lead time, independent periods).
* Cycle service level (type 1, probability of no stockout in a cycle) α: z = Φ⁻¹(α), SS = z·σ_LT.
* Fill rate (type 2, share of demand served from stock) β: choose k with
  G(k) = Q(1 − β)/σ_LT, where G(k) = φ(k) − k(1 − Φ(k)) is the standard normal loss function;
  SS = k·σ_LT.
* Reorder point s = d·L + SS.
* Periodic review order-up-to level S = d(L + R) + z·σ_{L+R}, σ_{L+R}² = (L+R)σd² + d²σL².
* EOQ = √(2DK/h) for annual demand D, cost per order K and holding cost per unit and year h.
* Slow movers (Poisson lead-time demand with mean λ): s = the smallest integer with P(D_LT ≤ s) ≥ α.

When the forecast gives calibrated quantiles of demand summed over future periods (``ForecastResult.cumulative``
of the combination, checked against the product's own backtest), the policy takes its safety stock from them
instead of from σd·√L, which treats the periods' errors as independent and the demand as normal
(``quantile_levels``, ``FORMULA_QUANTILE``):

* the risk period of a periodic review is L + R (a position that does not trigger an order now must last until
  an order placed at the next review arrives), so SS = Q_α(demand over L + R) − d(L + R), the margin of the
  forecast's α-quantile over its mean; with a random lead time it adds to the lead time's part in quadrature,
  SS = √(SS_q² + (z·d·σL)²);
* s = d·L + SS, and the order is due when position − d·R ≤ s, that is when the position is at or below
  Q_α(demand over L + R);
* S = s + 2·d·R: the order brings the position one review period's expected demand above that level, so an item
  is not ordered in dribbles at every review (measured in the replay, ``tests/benchmarks/bench_replay.py``: at
  equal inventory, ordering up to the level itself filled less).

numpy and scipy are imported only by ``evaluate_many`` and ``safety_factors_fill_rate`` (the vectorised
paths for tens of thousands of products); the scalar functions use the standard library, so importing
this module is cheap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from decimal import Decimal
from statistics import NormalDist

from domain.catalog.packs import Rounded
from domain.catalog.packs import round_order_qty
from domain.kernel.numbers import QTY_PLACES
from domain.kernel.numbers import ZERO
from domain.planning.fill import grossed_up

_N = NormalDist()
CRITICAL = "critical"
HIGH = "high"
NORMAL = "normal"
SEVERITIES = (CRITICAL, HIGH, NORMAL)


def normal_loss(k: float) -> float:
    """The standard normal loss function G(k) = φ(k) − k(1 − Φ(k)) = E[(Z − k)⁺]."""
    return _N.pdf(k) - k * (1.0 - _N.cdf(k))


def sigma_lead_time(demand: float, sigma_demand: float, lead_time: float, sigma_lead: float = 0.0) -> float:
    """σ_LT = √(L·σd² + d²·σL²): the standard deviation of demand over the lead time.

    Args:
        demand: mean demand per period (d).
        sigma_demand: standard deviation of demand per period (σd).
        lead_time: mean lead time in periods (L).
        sigma_lead: standard deviation of the lead time in periods (σL).
    """
    if lead_time < 0 or sigma_demand < 0 or sigma_lead < 0:
        raise ValueError("lead time and standard deviations cannot be negative")
    return math.sqrt(lead_time * sigma_demand**2 + demand**2 * sigma_lead**2)


def safety_factor_cycle(service: float) -> float:
    """z = Φ⁻¹(α) for a cycle service level α (0 < α < 1)."""
    _check_level(service, "cycle service level")
    return _N.inv_cdf(service)


def safety_factor_fill_rate(fill_rate: float, order_qty: float, sigma_lt: float) -> float:
    """k with G(k) = Q(1 − β)/σ_LT for a fill rate β (Newton's method from the left; G is convex).

    Args:
        fill_rate: the share of demand to serve from stock, β (0 < β < 1).
        order_qty: the order quantity Q (> 0).
        sigma_lt: σ_LT (> 0).
    """
    _check_level(fill_rate, "fill rate")
    if order_qty <= 0 or sigma_lt <= 0:
        raise ValueError("order quantity and σ_LT must be greater than 0")
    target = order_qty * (1.0 - fill_rate) / sigma_lt
    k = -target  # G(−x) ≥ x, so Newton starts left of the root and climbs to it monotonically
    for _ in range(100):
        step = (normal_loss(k) - target) / (1.0 - _N.cdf(k))
        k += step
        if abs(step) < 1e-12 or k > 8.0:
            break
    return min(k, 8.0)


def safety_stock_cycle(service: float, sigma_lt: float) -> float:
    """SS = z·σ_LT, z = Φ⁻¹(α), for a cycle service level α."""
    return safety_factor_cycle(service) * sigma_lt


def safety_stock_fill_rate(fill_rate: float, order_qty: float, sigma_lt: float) -> float:
    """SS = k·σ_LT with G(k) = Q(1 − β)/σ_LT; 0 when σ_LT is 0 (demand is certain)."""
    if sigma_lt == 0:
        return 0.0
    return safety_factor_fill_rate(fill_rate, order_qty, sigma_lt) * sigma_lt


def reorder_point(demand: float, lead_time: float, safety_stock: float) -> float:
    """s = d·L + SS: order when the inventory position falls to this level."""
    return demand * lead_time + safety_stock


def order_up_to_level(
    demand: float, sigma_demand: float, lead_time: float, review: float, service: float, sigma_lead: float = 0.0
) -> float:
    """S = d(L + R) + z·σ_{L+R} with σ_{L+R} = √((L+R)σd² + d²σL²) and z = Φ⁻¹(α) (periodic review)."""
    sigma = sigma_lead_time(demand, sigma_demand, lead_time + review, sigma_lead)
    return demand * (lead_time + review) + safety_factor_cycle(service) * sigma


def eoq(annual_demand: float, order_cost: float, holding_cost: float) -> float:
    """Economic order quantity √(2DK/h) (Harris 1913).

    Args:
        annual_demand: D, units per year.
        order_cost: K, cost of placing one order.
        holding_cost: h, cost of holding one unit for a year (> 0).
    """
    if holding_cost <= 0:
        raise ValueError("holding cost must be greater than 0")
    if annual_demand < 0 or order_cost < 0:
        raise ValueError("demand and order cost cannot be negative")
    return math.sqrt(2.0 * annual_demand * order_cost / holding_cost)


def poisson_reorder_point(mean_lead_time_demand: float, service: float) -> int:
    """The smallest integer s with P(D_LT ≤ s) ≥ α for Poisson lead-time demand with mean λ.

    Summed in log space, so a large λ does not underflow.
    """
    _check_level(service, "cycle service level")
    lam = mean_lead_time_demand
    if lam < 0:
        raise ValueError("mean lead-time demand cannot be negative")
    if lam == 0:
        return 0
    s, log_pmf = 0, -lam
    cdf = math.exp(log_pmf)
    while cdf < service:
        s += 1
        log_pmf += math.log(lam) - math.log(s)
        cdf += math.exp(log_pmf)
    return s


def order_quantity(
    target: Decimal,
    *,
    on_hand: Decimal,
    on_order: Decimal,
    reserved: Decimal,
    moq: Decimal = ZERO,
    multiple: Decimal = Decimal(1),
    pack_size: Decimal = Decimal(1),
) -> Rounded:
    """What to order to bring the inventory position up to ``target``, in exact decimals.

    position = on hand + on order − reserved (on order includes draft purchase orders, so a second
    run finds the first run's drafts and orders nothing more); need = target − position. Nothing is
    ordered when need ≤ 0; otherwise need is raised to the MOQ and to whole steps of the order
    multiple and pack size (``domain.catalog.packs.round_order_qty``).

    Returns:
        The quantity (0 when nothing is needed) and the reason it differs from the need.
    """
    need = target - (on_hand + on_order - reserved)
    if need <= 0:
        return Rounded(ZERO)
    return round_order_qty(need, moq=moq, multiple=multiple, pack_size=pack_size)


def to_quantity(value: float) -> Decimal:
    """A float level rounded *up* to the quantity grid (``QTY_PLACES`` decimals), as a Decimal."""
    scale = 10**QTY_PLACES
    return (Decimal(math.ceil(value * scale - 1e-6)) / scale).normalize() + ZERO


@dataclass(frozen=True)
class ReorderAlert:
    """A product whose stock needs ordering now, with when it runs out and how urgent it is."""

    severity: str
    stockout_date: date | None
    days_of_stock: float
    position: Decimal
    reorder_point: Decimal


def reorder_alert(
    *,
    today: date,
    on_hand: Decimal,
    on_order: Decimal,
    reserved: Decimal,
    daily_demand: float,
    lead_days: float,
    review_days: float,
    reorder_level: Decimal,
    safety_stock: Decimal,
) -> ReorderAlert | None:
    """An alert when the inventory position reaches the reorder point before the next review.

    position = on hand + on order − reserved. The alert fires when position − d·R ≤ s: waiting for
    the next review would let the position fall through the reorder point (s already covers the
    lead time, so projecting over L + R again would count the lead time twice).
    Available stock (on hand − reserved) lasts ``days_of_stock`` = available / d days; the projected
    stockout date is today plus those whole days. Severity:

    * critical — the shelf runs empty before an order placed today can arrive (days < L);
    * high — the position is already at or below the safety stock;
    * normal — otherwise.

    Returns:
        The alert, or None when no order is needed before the next review.
    """
    position = on_hand + on_order - reserved
    available = float(on_hand - reserved)
    if float(position) - daily_demand * review_days > float(reorder_level):
        return None
    days = math.inf if daily_demand <= 0 else max(available, 0.0) / daily_demand
    stockout = None if math.isinf(days) else today + timedelta(days=math.floor(days))
    if days < lead_days:
        severity = CRITICAL
    elif position <= safety_stock:
        severity = HIGH
    else:
        severity = NORMAL
    return ReorderAlert(severity, stockout, days, position, reorder_level)


# How the order quantity is computed, as the explanation states it (frozen with each alert; the window
# says it in the reader's language by this exact text, ui.screens.replenishment.FORMULAS).
FORMULA = "s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s"
# The same with the safety stock from the forecast's calibrated quantile Q_α of demand over L + R.
FORMULA_QUANTILE = "SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s"


def quantile_levels(
    demand: float, lead_time: float, review: float, margin: float, service: float, sigma_lead: float = 0.0
) -> tuple[float, float, float]:
    """(SS, s, S) from the forecast's margin Q_α(demand over L + R) − d(L + R); see the module docstring.

    The margin is floored at 0 (for very sparse demand the α-quantile can lie below the mean; the safety stock
    does not go negative, as z·σ does not).
    """
    ss_q = max(margin, 0.0)
    ss = math.sqrt(ss_q**2 + (safety_factor_cycle(service) * demand * sigma_lead) ** 2) if sigma_lead > 0 else ss_q
    s = demand * lead_time + ss
    return ss, s, s + 2.0 * demand * review


def with_min_order(reorder_point: float, order_up_to: float, demand: float, review: float, min_order: float) -> float:
    """S raised so that an order is at least ``min_order`` units: S' = max(S, s + d·R + min_order).

    The order is due when the position − d·R falls to s, so it brings the position from about s + d·R up to S': an
    order of about max(S − s − d·R, min_order) units. Without a minimum (0) S stays; S = s + 2·d·R of the quantile
    rule orders about d·R, a review period's demand, at every due review.
    """
    return max(order_up_to, reorder_point + demand * review + max(min_order, 0.0))


def economic_order_quantities(demand, unit_cost, order_cost: float, holding_rate: float, periods_per_year: float = 52):
    """EOQ = √(2DK/h) per product for arrays of demand per period and unit cost: D = demand × ``periods_per_year``,
    K = ``order_cost`` (the cost of one purchase-order line), h = ``holding_rate`` × unit cost (the cost of holding a
    unit for a year). 0 where the cost or the demand is not positive, or the order cost is 0: no minimum."""
    import numpy as np

    if order_cost < 0 or holding_rate <= 0:
        raise ValueError("the order cost cannot be negative and the holding rate must be above 0")
    d, c = np.asarray(demand, dtype=float), np.asarray(unit_cost, dtype=float)
    ok = (d > 0) & (c > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        q = np.sqrt(2.0 * d * periods_per_year * order_cost / (holding_rate * np.where(ok, c, 1.0)))
    return np.where(ok, q, 0.0)


def explain_policy(
    *,
    on_hand: Decimal,
    on_order: Decimal,
    reserved: Decimal,
    demand_per_period: float,
    sigma_demand: float,
    lead_time: float,
    review: float,
    service: float,
    sigma_lead: float = 0.0,
    moq: Decimal = ZERO,
    multiple: Decimal = Decimal(1),
    pack_size: Decimal = Decimal(1),
    margin: float | None = None,
    fill_factor: Decimal | None = None,
    min_order: float = 0.0,
) -> dict:
    """Every input and result of a periodic-review (s, S) policy for one product, to freeze with an alert.

    s = d·L + z·σ_LT and S = d(L+R) + z·σ_{L+R} at cycle service level α; the order brings the
    position up to S when it is at or below s + d·R (see ``reorder_alert``). Levels are rounded up to
    the quantity grid.

    With ``margin`` (the forecast's calibrated Q_α(demand over L + R) − d(L + R)), the safety stock comes from it
    instead (``quantile_levels``, ``FORMULA_QUANTILE``); ``sigma_lt`` is then the σ that safety stock implies,
    SS / z, and ``safety_stock_source`` says ``quantile`` (else ``sigma``).

    With ``fill_factor`` (> 1: the supplier brings only part of what is ordered, ``domain.planning.fill``), the need
    S − position is grossed up by it before the MOQ, multiple and pack size; ``order_need`` keeps the need before.

    With ``min_order`` (units, e.g. the economic order quantity) S is raised so an order is at least about that much
    (``with_min_order``); ``min_order`` is kept in the result.
    """
    if margin is not None and math.isfinite(margin):
        ss, s, big_s = quantile_levels(demand_per_period, lead_time, review, margin, service, sigma_lead)
        sigma_lt = ss / safety_factor_cycle(service) if service > 0.5 else sigma_lead_time(
            demand_per_period, sigma_demand, lead_time, sigma_lead)
        formula, source = FORMULA_QUANTILE, "quantile"
    else:
        sigma_lt = sigma_lead_time(demand_per_period, sigma_demand, lead_time, sigma_lead)
        ss = safety_stock_cycle(service, sigma_lt)
        s = reorder_point(demand_per_period, lead_time, ss)
        big_s = order_up_to_level(demand_per_period, sigma_demand, lead_time, review, service, sigma_lead)
        formula, source = FORMULA, "sigma"
    if min_order > 0:
        big_s = with_min_order(s, big_s, demand_per_period, review, min_order)
    position = on_hand + on_order - reserved
    due = float(position) - demand_per_period * review <= s
    need = to_quantity(big_s) - position
    order = Rounded(ZERO)
    if due and need > 0:
        order = round_order_qty(grossed_up(need, fill_factor), moq=moq, multiple=multiple, pack_size=pack_size)
    return {
        "on_hand": on_hand,
        "on_order": on_order,
        "reserved": reserved,
        "position": position,
        "demand_per_period": demand_per_period,
        "sigma_demand": sigma_demand,
        "lead_time": lead_time,
        "sigma_lead_time": sigma_lead,
        "review_period": review,
        "service_level": service,
        "z": safety_factor_cycle(service),
        "sigma_lt": sigma_lt,
        "safety_stock": to_quantity(ss),
        "reorder_point": to_quantity(s),
        "order_up_to": to_quantity(big_s),
        "order_due": due,
        "order_qty": order.qty,
        "order_need": need if due and need > 0 else ZERO,
        "rounding": order.reason,
        "safety_stock_source": source,
        "formula": formula,
        "min_order": max(min_order, 0.0),
    }


def evaluate_many(
    *,
    on_hand,
    on_order,
    reserved,
    demand,
    sigma_demand,
    lead_time,
    review,
    service,
    sigma_lead=None,
    moq=None,
    step=None,
    margin=None,
    min_order=None,
) -> dict:
    """The (s, S) policy of ``explain_policy`` and the alert of ``reorder_alert`` for many products at once.

    All arguments are 1-D arrays of equal length (periods as in ``explain_policy``; ``on_hand`` etc.
    in stock units). ``step`` is the order step (the least common multiple of multiple and pack size,
    ``domain.catalog.packs.step_of``); the order quantity is computed exactly on the ``QTY_PLACES`` integer
    grid: need rounded up to the grid, raised to the MOQ, then up to whole steps. ``margin`` is the
    forecast's calibrated Q_α(demand over L + R) − d(L + R) per product, NaN where the forecast has none: where
    it is given the levels are ``quantile_levels``', elsewhere z·σ's. ``min_order`` (units, e.g.
    ``economic_order_quantities``) raises S to at least s + d·R + ``min_order``: an order is then about that much
    (``with_min_order``).

    Returns:
        Arrays: ``sigma_lt``, ``safety_stock``, ``reorder_point``, ``order_up_to``, ``due`` (bool),
        ``order_qty`` (float, exact on the grid; ``order_units`` the same as int64 grid units),
        ``days_of_stock``, ``severity`` (0 none, 1 normal, 2 high, 3 critical).
    """
    import numpy as np
    from scipy.special import ndtri

    f = lambda a: np.asarray(a, dtype=float)  # noqa: E731
    on_hand, on_order, reserved, d, sd = f(on_hand), f(on_order), f(reserved), f(demand), f(sigma_demand)
    L, R, alpha = f(lead_time), f(review), f(service)
    sl = np.zeros_like(d) if sigma_lead is None else f(sigma_lead)
    z = ndtri(alpha)
    sigma_lt = np.sqrt(L * sd**2 + d**2 * sl**2)
    ss = z * sigma_lt
    s = d * L + ss
    big_s = d * (L + R) + z * np.sqrt((L + R) * sd**2 + d**2 * sl**2)
    if margin is not None:
        mg = f(margin)
        given = np.isfinite(mg)
        ss_q = np.maximum(np.where(given, mg, 0.0), 0.0)
        ss_q = np.where(sl > 0, np.sqrt(ss_q**2 + (z * d * sl) ** 2), ss_q)
        with np.errstate(invalid="ignore", divide="ignore"):
            implied = np.where(alpha > 0.5, ss_q / z, sigma_lt)
        sigma_lt = np.where(given, implied, sigma_lt)
        ss = np.where(given, ss_q, ss)
        s = d * L + ss
        big_s = np.where(given, s + 2.0 * d * R, big_s)
    if min_order is not None:
        big_s = np.maximum(big_s, s + d * R + np.nan_to_num(f(min_order)))
    position = on_hand + on_order - reserved
    due = position - d * R <= s
    grid = 10**QTY_PLACES
    need = np.ceil((big_s - position) * grid - 1e-6).astype(np.int64)
    moq_u = np.zeros_like(need) if moq is None else np.round(f(moq) * grid).astype(np.int64)
    step_u = np.full_like(need, grid) if step is None else np.round(f(step) * grid).astype(np.int64)
    qty = np.maximum(need, moq_u)
    qty = -(-qty // step_u) * step_u
    units = np.where(due & (need > 0), qty, 0)
    available = on_hand - reserved
    with np.errstate(divide="ignore", invalid="ignore"):
        days = np.where(d > 0, np.maximum(available, 0) / np.where(d > 0, d, 1), np.inf)
    severity = np.where(days < L, 3, np.where(position <= ss, 2, 1))
    return {
        "sigma_lt": sigma_lt,
        "safety_stock": ss,
        "reorder_point": s,
        "order_up_to": big_s,
        "due": due,
        "order_units": units,
        "order_qty": units / grid,
        "days_of_stock": days,
        "severity": np.where(due, severity, 0),
    }


def safety_factors_fill_rate(fill_rate, order_qty, sigma_lt):
    """``safety_factor_fill_rate`` for arrays: k with G(k) = Q(1 − β)/σ_LT per element (k = 0 where σ_LT = 0).

    The same Newton iteration from k = −Q(1 − β)/σ_LT (left of the root, where G is convex and
    decreasing, so it climbs monotonically), a fixed 60 steps for every element, capped at 8.
    """
    import numpy as np
    from scipy.special import ndtr

    beta, q, sigma = (np.asarray(a, dtype=float) for a in (fill_rate, order_qty, sigma_lt))
    if np.any((beta <= 0) | (beta >= 1)):
        raise ValueError("fill rate must be between 0 and 1 (exclusive)")
    safe = np.where(sigma > 0, sigma, 1.0)
    target = q * (1.0 - beta) / safe
    k = -target
    for _ in range(60):
        tail = 1.0 - ndtr(k)
        loss = np.exp(-0.5 * k * k) / math.sqrt(2 * math.pi) - k * tail
        k = np.minimum(k + (loss - target) / np.maximum(tail, 1e-300), 8.0)
    return np.where(sigma > 0, k, 0.0)


def _check_level(value: float, name: str) -> None:
    if not 0.0 < value < 1.0:
        raise ValueError(f"{name} must be between 0 and 1 (exclusive), got {value}")
