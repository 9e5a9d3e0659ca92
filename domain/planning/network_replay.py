"""Replay of a replenishment policy over several warehouses that may move stock to each other before buying.

``domain.planning.simulation.simulate`` plays each product × warehouse alone; here the keys of one product (``group``)
are played together, so that on a review day a warehouse that runs short can take another's surplus first
(``domain.planning.transfers.plan_moves``, the very rules of the planning run) and order from the supplier only for
what is left. Floats, as in ``simulate`` (a measurement, nothing is posted); the transfer quantities come from the
run's exact rules on the day's figures rounded to the quantity grid.

Each day ``t``, for every key:

1. the purchases and transfers due on day ``t`` arrive (a purchase placed at the end of day ``t`` with a lead time of
   ``L`` days arrives at the start of day ``t + L + 1``, as in ``simulate``; a transfer with ``transfer_days`` the
   same way);
2. demand is served from on hand; what cannot be served is lost;
3. on a review day (trigger not NaN), with ``transfers``: per product, the warehouses at or below their trigger
   (s + d·R) are short and need ``up_to − position``; the others give what they hold above their reorder point s
   without falling to their own trigger (``plan_moves``). A transfer leaves the giver's shelf at once and is on its
   way to the receiver. Then every key still at or below its trigger orders ``up_to − position``.

Figures as ``SimulationResult``'s: fill rate, stockout days, average inventory value — which here also counts the
stock on its way between two warehouses (still the company's, at the receiving key's unit cost; stock on a purchase
order is not counted, as in ``simulate``); ``transferred`` is the quantity moved each day (keys × days, on the
giving key).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from domain.planning.simulation import SimulationResult
from domain.planning.transfers import Stand
from domain.planning.transfers import plan_moves


@dataclass(frozen=True, eq=False)
class NetworkResult(SimulationResult):
    """``SimulationResult`` plus what was moved between warehouses."""

    transferred: np.ndarray | None = None
    transfers: int = 0  # how many transfers were made
    in_transit: np.ndarray | None = None  # keys × days: on its way to the key at the end of the day


def _dec(x: float) -> Decimal:
    return Decimal(f"{x:.3f}")


def simulate_network(demand, *, group, start_stock, lead_days, trigger, up_to, reorder_point, unit_cost=None,
                     transfers: bool = True, transfer_days: int = 1, pack=None) -> NetworkResult:
    """Play the days of ``demand`` (keys × days) for keys grouped by product; see the module docstring.

    Args:
        demand: demand per key and day (non-negative).
        group: per key, the product it belongs to (keys of one product may transfer to each other).
        start_stock: on hand per key before the first day.
        lead_days: supplier lead time in days per key.
        trigger: s + d·R per key and day, NaN on days without review.
        up_to: order-up-to level S per key and day (read on review days).
        reorder_point: s per key and day (read on review days): what a giver keeps on its shelf.
        unit_cost: value of one unit per key (1 when not given).
        transfers: move surplus before buying (False: every key buys alone, as ``simulate``).
        transfer_days: days a transfer is on its way (whole days, ≥ 0).
        pack: per key, the product's pack size (transfers move whole packs; 1 when not given).
    """
    d = np.atleast_2d(np.asarray(demand, dtype=float))
    n, days = d.shape
    if np.any(d < 0):
        raise ValueError("demand must not be negative")
    if transfer_days < 0:
        raise ValueError("transfer days must not be negative")
    trig = np.broadcast_to(np.asarray(trigger, dtype=float), (n, days))
    top = np.broadcast_to(np.asarray(up_to, dtype=float), (n, days))
    low = np.broadcast_to(np.asarray(reorder_point, dtype=float), (n, days))
    lead = np.broadcast_to(np.asarray(lead_days, dtype=int), (n,))
    cost = np.ones(n) if unit_cost is None else np.broadcast_to(np.asarray(unit_cost, dtype=float), (n,))
    packs = np.ones(n) if pack is None else np.broadcast_to(np.asarray(pack, dtype=float), (n,))
    groups: dict[object, list[int]] = {}
    for k, g in enumerate(group):
        groups.setdefault(g, []).append(k)
    shared = [keys for keys in groups.values() if len(keys) > 1]
    stock = np.array(np.broadcast_to(np.asarray(start_stock, dtype=float), (n,)))
    pipeline = np.zeros((n, days + max(int(lead.max(initial=0)), transfer_days) + 2))
    transit = np.zeros_like(pipeline)  # the transfers on their way, by the day they arrive
    rows = np.arange(n)
    end = np.empty((n, days))
    served = np.empty((n, days))
    ordered = np.zeros((n, days))
    moved = np.zeros((n, days))
    moving = np.zeros((n, days))  # in transit to each key at the end of each day
    count = 0
    for t in range(days):
        stock += pipeline[:, t] + transit[:, t]
        pipeline[:, t] = 0.0
        transit[:, t] = 0.0
        served[:, t] = np.minimum(stock, d[:, t])
        stock -= served[:, t]
        review = ~np.isnan(trig[:, t])
        if review.any():
            if transfers:
                position = stock + pipeline[:, t + 1:].sum(axis=1) + transit[:, t + 1:].sum(axis=1)
                for keys in shared:
                    if not any(review[k] and position[k] <= trig[k, t] for k in keys):
                        continue
                    stands = [Stand(str(k), _dec(stock[k]), Decimal(0), _dec(position[k] - stock[k]),
                                    _dec(low[k, t]), _dec(top[k, t]), float(trig[k, t] - low[k, t]),
                                    bool(position[k] <= trig[k, t]),
                                    float(stock[k] / max(d[k, max(0, t - 27):t + 1].mean(), 1e-9)))
                              for k in keys if review[k]]
                    for m in plan_moves(stands, _dec(packs[keys[0]])):
                        qty = float(m.qty)
                        source, target = int(m.source), int(m.target)
                        stock[source] -= qty
                        moved[source, t] += qty
                        transit[target, t + transfer_days + 1] += qty
                        count += 1
            position = stock + pipeline[:, t + 1:].sum(axis=1) + transit[:, t + 1:].sum(axis=1)
            qty = np.where(review & (position <= np.where(review, trig[:, t], -np.inf)), top[:, t] - position, 0.0)
            qty = np.where(qty > 0, qty, 0.0)
            ordered[:, t] = qty
            np.add.at(pipeline, (rows, t + lead + 1), qty)
        end[:, t] = stock
        moving[:, t] = transit[:, t + 1:].sum(axis=1)
    lost = d - served
    total = float(d.sum())
    return NetworkResult(
        on_hand=end, served=served, lost=lost, ordered=ordered,
        fill_rate=float(served.sum()) / total if total > 0 else 1.0,
        stockout_days=int((lost > 1e-9).sum()),
        average_inventory_value=float(((end + moving) * cost[:, None]).sum(axis=0).mean()) if days else 0.0,
        transferred=moved, transfers=count, in_transit=moving,
    )
