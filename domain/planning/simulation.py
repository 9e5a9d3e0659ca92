"""Replay simulation of a replenishment policy against a daily demand series, many products at once.

Pure (numpy only, no SQL): the replay benchmark reads the history and computes the levels; this module
only plays the days. Quantities are floats here — this is a measurement of policies on past demand,
not a posting; nothing simulated is written anywhere.

A policy is given as two (products × days) arrays of levels: ``trigger`` and ``up_to``. On a day whose
trigger is NaN there is no review. Each day ``t``, for every product:

1. the orders due on day ``t`` arrive. An order is placed at the end of its review day ``t``, after that
   day's demand, and with a lead time of ``L`` days it arrives at the start of day ``t + L + 1``: it has
   been on its way for exactly ``L`` days of demand (days t + 1 … t + L), the ``L`` days the policy covers
   (``L = 0`` arrives the next morning). An earlier version let it arrive at the start of day ``t + L``,
   which exposed it to one day of demand less than the policy planned for: a replay one day optimistic;
2. demand is served from on hand; what cannot be served is lost (lost sales, no backorders);
3. on a review day the inventory position (on hand + on order) is compared with the trigger: at or
   below it, ``up_to − position`` is ordered (nothing when that is not positive), raised to the supplier's minimum
   order quantity and then to whole order steps when those are given (as ``replenishment.evaluate_many`` rounds
   an order), for every policy alike.

Both policies of the benchmark fit this shape:

* the forecast-driven periodic review (s, S) of ``domain.planning.replenishment.explain_policy`` reviews weekly
  with trigger ``s + d·R`` and order-up-to ``S`` (its "order when position − d·R ≤ s");
* a plain min/max rule reviews daily with trigger ``min`` and order-up-to ``max``.

Figures (``SimulationResult``): fill rate = served / demand (type 2 service); a stockout day is a
product-day with lost demand; inventory value is the end-of-day on hand × unit cost summed over
products, averaged over the days. What a policy costs a year (``yearly_cost``): holding, the holding rate × the
average inventory value, plus ordering, the order cost per purchase-order line × the lines placed, scaled from the
replayed days to a year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """What a replay produced (arrays are products × days unless stated).

    Attributes:
        on_hand: stock at the end of each day.
        served: demand served each day.
        lost: demand lost each day.
        ordered: quantity ordered each day (placed at the end of the day).
        fill_rate: total served / total demand over all products (1.0 without demand).
        stockout_days: number of product-days with lost demand.
        average_inventory_value: mean over days of Σ products end-of-day on hand × unit cost.
    """

    on_hand: np.ndarray
    served: np.ndarray
    lost: np.ndarray
    ordered: np.ndarray
    fill_rate: float
    stockout_days: int
    average_inventory_value: float

    def fill_rates(self) -> np.ndarray:
        """Fill rate per product (NaN for a product without demand)."""
        demand = self.served.sum(axis=1) + self.lost.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(demand > 0, self.served.sum(axis=1) / demand, np.nan)


def simulate(demand, *, start_stock, lead_days, trigger, up_to, unit_cost=None, on_order=None, moq=None,
             step=None) -> SimulationResult:
    """Play the days of ``demand`` (products × days) against the policy levels; see the module docstring.

    Args:
        demand: demand per product and day (non-negative).
        start_stock: on hand per product before the first day.
        lead_days: supplier lead time in days per product (whole days, ≥ 0).
        trigger: reorder trigger per product and day, NaN on days without review.
        up_to: order-up-to level per product and day (read on review days only).
        unit_cost: value of one unit per product (1 when not given).
        on_order: optional (products × days) quantities already on order that arrive at the start of
            each day (an order placed before the replay).
        moq: optional minimum order quantity per product (0: none): an order below it is raised to it.
        step: optional order step per product (multiple and pack size, ``domain.catalog.packs.step_of``; 0 or
            none: any quantity): an order is raised to whole steps, after the minimum.
    """
    d = np.atleast_2d(np.asarray(demand, dtype=float))
    n, days = d.shape
    if np.any(d < 0):
        raise ValueError("demand must not be negative")
    trig = np.broadcast_to(np.asarray(trigger, dtype=float), (n, days))
    top = np.broadcast_to(np.asarray(up_to, dtype=float), (n, days))
    lead = np.broadcast_to(np.asarray(lead_days, dtype=int), (n,))
    if np.any(lead < 0):
        raise ValueError("lead time must not be negative")
    cost = np.ones(n) if unit_cost is None else np.broadcast_to(np.asarray(unit_cost, dtype=float), (n,))
    stock = np.array(np.broadcast_to(np.asarray(start_stock, dtype=float), (n,)))
    least = np.zeros(n) if moq is None else np.broadcast_to(np.asarray(moq, dtype=float), (n,))
    steps = np.zeros(n) if step is None else np.broadcast_to(np.asarray(step, dtype=float), (n,))
    if np.any(least < 0) or np.any(steps < 0):
        raise ValueError("minimum order quantity and order step must not be negative")
    stepped = steps > 0
    safe_steps = np.where(stepped, steps, 1.0)
    pipeline = np.zeros((n, days + int(lead.max(initial=0)) + 2))
    if on_order is not None:
        pipeline[:, :days] += np.asarray(on_order, dtype=float)
    rows = np.arange(n)
    arrive_at = np.arange(days)[None, :] + lead[:, None] + 1  # after L whole days of demand
    end = np.empty((n, days))
    served = np.empty((n, days))
    ordered = np.zeros((n, days))
    for t in range(days):
        stock += pipeline[:, t]
        pipeline[:, t] = 0.0
        served[:, t] = np.minimum(stock, d[:, t])
        stock -= served[:, t]
        review = ~np.isnan(trig[:, t])
        if review.any():
            position = stock + pipeline[:, t + 1 :].sum(axis=1)
            qty = np.where(review & (position <= np.where(review, trig[:, t], -np.inf)), top[:, t] - position, 0.0)
            qty = np.where(qty > 0, np.maximum(qty, least), 0.0)
            qty = np.where(stepped, np.ceil(qty / safe_steps - 1e-9) * safe_steps, qty)
            ordered[:, t] = qty
            np.add.at(pipeline, (rows, arrive_at[:, t]), qty)
        end[:, t] = stock
    lost = d - served
    total = float(d.sum())
    return SimulationResult(
        on_hand=end,
        served=served,
        lost=lost,
        ordered=ordered,
        fill_rate=float(served.sum()) / total if total > 0 else 1.0,
        stockout_days=int((lost > 1e-9).sum()),
        average_inventory_value=float((end * cost[:, None]).sum(axis=0).mean()) if days else 0.0,
    )


def match_inventory(run, target: float, *, low: float = 0.0, high: float = 1.0, steps: int = 40, tol: float = 1e-3,
                    measure=None):
    """Bisection on a scale factor ``k`` so that ``run(k).average_inventory_value`` equals ``target``.

    ``run`` must make the average inventory grow with ``k`` (as scaling min and max does). ``high`` is
    doubled until it reaches the target (at most 20 times). Stops when the value is within ``tol``
    (relative) of the target or after ``steps`` halvings. ``measure`` matches another figure that grows with ``k``
    instead, such as the fill rate (``lambda r: r.fill_rate``): two policies compared at equal fill.

    Returns:
        (k, the result at k).
    """
    if measure is None:
        def measure(r):
            return r.average_inventory_value
    result = run(high)
    for _ in range(20):
        if measure(result) >= target:
            break
        low, high = high, high * 2
        result = run(high)
    best = (high, result)
    for _ in range(steps):
        mid = (low + high) / 2
        result = run(mid)
        value = measure(result)
        if abs(value - target) < abs(measure(best[1]) - target):
            best = (mid, result)
        if target > 0 and abs(value - target) <= tol * target:
            return mid, result
        if value < target:
            low = mid
        else:
            high = mid
    return best


DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class PolicyCost:
    """What a replayed policy costs a year, in the currency of the unit costs.

    Attributes:
        holding: holding rate × average inventory value (a year of holding that stock).
        ordering: order cost × order lines placed, scaled from the replayed days to 365.
        lines: order lines placed in the replay (product × day with an order).
    """

    holding: float
    ordering: float
    lines: int

    @property
    def total(self) -> float:
        return self.holding + self.ordering


def yearly_cost(result: SimulationResult, *, order_cost: float, holding_rate: float) -> PolicyCost:
    """A replay's yearly total cost: holding (``holding_rate`` × its average inventory value) plus ordering
    (``order_cost`` per order line, a product × day with an order, × the lines placed, scaled to 365 days).

    Every policy is priced at the same office figures, whether or not its own rule uses them, so a policy that
    places many small orders pays for its lines and one that holds big lots pays for its stock.
    """
    if order_cost < 0 or holding_rate < 0:
        raise ValueError("the order cost and the holding rate cannot be negative")
    days = result.ordered.shape[1] if np.ndim(result.ordered) == 2 else 0
    lines = int((result.ordered > 0).sum())
    ordering = order_cost * lines * DAYS_PER_YEAR / days if days else 0.0
    return PolicyCost(holding=holding_rate * result.average_inventory_value, ordering=ordering, lines=lines)
