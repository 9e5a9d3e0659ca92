"""What placing an order costs, the planning setting that makes suggested orders at least the economic order quantity.

Planning reviews every item weekly and orders up to S = s + 2·d·R (``replenishment.quantile_levels``): an order of
about a week's demand, so an item is ordered every week or two. A purchaser pays for each purchase-order line
(handling, checking, a freight minimum). With an order cost K per line (Settings › Planning; 5 unless set, 0 turns
it off), each item's orders are at least its economic order quantity

    EOQ = √(2·D·K / (h·c)),  D = 52·d its yearly demand, c its unit cost, h the holding rate a year (Settings ›
    Planning beside K, 25 % unless set: ``DEFAULT_HOLDING_RATE``; what a year of holding stock costs as a share of its
    unit cost: capital, space, shrinkage),

the order-up-to level raised to S' = max(S, s + d·R + EOQ) (``replenishment.with_min_order``); the reorder point,
and so when an item is due, stay as they are. A cheap or slow item is then ordered less often in bigger lots, a
dear fast one still weekly. Measured in the replay on two demos (tests/benchmarks/RESULTS-forecast.md, section BS):
at K = 5 the policy placed 56 % fewer order lines and 12 % fewer purchase orders, holding about 10 % more stock (cycle
stock: bigger orders) and filling 0.5 points more; brought back to the same stock by a smaller safety stock it still
filled 0.3 points more with 14–16 % fewer stockout days than without it, every ABC class still ahead of min/max and the
history window at equal inventory. Cheap slow items' stockouts fall most: a lot of a cheap item covers its lumps. K
is the office's own figure, in its currency; 5 (yuan: a few minutes of a clerk's time) is a modest one, and a higher
one cuts lines further (20: 69 % fewer) at more stock.
"""

from __future__ import annotations

import math

from domain.kernel.errors import BadInput
from domain.kernel.numbers import D
from domain.kernel.numbers import ascii_number

SETTING_ORDER_COST = "planning_order_cost"
DEFAULT_ORDER_COST = 5.0  # section BS; 0 turns it off
SETTING_HOLDING_RATE = "planning_holding_rate"
DEFAULT_HOLDING_RATE = 0.25  # a year's cost of holding stock, as a share of its unit cost
HOLDING_RATE = DEFAULT_HOLDING_RATE  # the name the benchmarks read before it was a setting
LOWEST_HOLDING, HIGHEST_HOLDING = 0.01, 1.0  # 1 % to 100 % a year; 0 would make every EOQ infinite
MOST = 1_000_000.0  # more is a typing error, not an order cost
ORDER_COST_FIELD = "order cost per purchase-order line"
HOLDING_RATE_FIELD = "holding rate a year"
WEEKS_PER_YEAR = 52


def parse_order_cost(text: str | float | None) -> float:
    """The order cost per purchase-order line from what was typed (blank: the default, 5; 0: off).

    Raises:
        BadInput: not a number, negative, or above 1,000,000, naming the field and what it takes.
    """
    raw = str(text if text is not None else "").strip().replace(",", "")
    if not raw:
        return DEFAULT_ORDER_COST
    try:
        cost = float(ascii_number(raw))
    except ValueError:
        cost = math.nan
    if not (math.isfinite(cost) and 0 <= cost <= MOST):
        raise BadInput(ORDER_COST_FIELD, f"{raw!r} is not an order cost; give an amount from 0 (off) to "
                       f"{MOST:,.0f}, such as 20", code="not_an_order_cost", values=(repr(raw), f"{MOST:,.0f}"))
    return round(cost, 2)


def read_order_cost(stored: str | None) -> float:
    """The stored value as planning reads it (none stored: the default); one that does not parse (never written by
    this app) reads as the default."""
    try:
        return parse_order_cost(stored)
    except BadInput:
        return DEFAULT_ORDER_COST


def parse_holding_rate(text: str | float | None) -> float:
    """The holding rate a year as a share, from a percentage such as ``25`` or ``18.5 %`` (1 to 100); blank: 25 %.

    Raises:
        BadInput: not a number, or outside 1 to 100, naming the field and the range.
    """
    raw = str(text if text is not None else "").strip().removesuffix("%").strip().replace(",", "")
    if not raw:
        return DEFAULT_HOLDING_RATE
    try:
        percent = float(ascii_number(raw))
    except ValueError:
        percent = math.nan
    if not (math.isfinite(percent) and LOWEST_HOLDING * 100 <= percent <= HIGHEST_HOLDING * 100):
        low, high = f"{LOWEST_HOLDING * 100:g}", f"{HIGHEST_HOLDING * 100:g}"
        raise BadInput(HOLDING_RATE_FIELD, f"{raw!r} is not a holding rate; give a percentage of the unit cost a year "
                       f"from {low} to {high}, such as 25", code="not_a_holding_rate", values=(repr(raw), low, high))
    return round(percent / 100, 4)


def read_holding_rate(stored: str | None) -> float:
    """The stored share (such as ``0.25``) as planning reads it; none stored, or one that does not parse or is out of
    range (never written by this app), reads as the default."""
    try:
        share = float(D(stored)) if stored not in (None, "") else DEFAULT_HOLDING_RATE
    except ValueError:
        return DEFAULT_HOLDING_RATE
    return share if math.isfinite(share) and LOWEST_HOLDING <= share <= HIGHEST_HOLDING else DEFAULT_HOLDING_RATE


def economic_order(demand_per_week: float, unit_cost: float, order_cost: float,
                   holding_rate: float = DEFAULT_HOLDING_RATE) -> dict | None:
    """What the explanation keeps of an item's economic order quantity: the EOQ and what it is made of (the order
    cost K and the holding rate h, both office settings); None when the setting is off or the item has no demand or
    cost (its orders are then as without it)."""
    if order_cost <= 0 or not demand_per_week > 0 or not unit_cost or unit_cost <= 0:
        return None
    from domain.planning.replenishment import eoq

    yearly = demand_per_week * WEEKS_PER_YEAR
    return {"eoq": eoq(yearly, order_cost, holding_rate * float(unit_cost)), "yearly_demand": yearly,
            "order_cost": order_cost, "holding_rate": holding_rate, "unit_cost": round(float(unit_cost), 2)}
