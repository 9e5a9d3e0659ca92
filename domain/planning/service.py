"""Where a product × warehouse's cycle service target comes from: the office's rule, unless the product has its own.

Two rules, the planning setting ``planning_service_rule`` (Settings › Planning):

* ``class``: by ABC class, ``SERVICE_BY_CLASS`` (A 97 %, B 98 %, C 99 %; section BN of
  tests/benchmarks/RESULTS-forecast.md). It assumes A's items are the dear ones, as on the demo.
* ``cost``: by the item's own unit cost. One unit more of safety stock costs its unit cost c and saves, per review,
  the chance of a stockout (1 − α) of a unit short; the fill rate counts every unit alike, so a yuan of stock buys
  (1 − α) / c units of fill, and buys as much at every item when 1 − α stands in proportion to c:

      1 − α_i = (1 − T) · c_i / c̄,   clipped to ``LOWEST`` … ``HIGHEST``

  where c̄ is the average unit cost of the items planned (product × warehouse, those with a cost) and T the office's
  overall target (``planning_service_overall``, ``DEFAULT_OVERALL``): an item at the average cost gets T, one at a
  third of it a third of T's stockout chance. The average is the plain one over the items and not over the units
  sold: it is the figure a purchaser can check on the Replenishment list, and the cheap fast sellers that dominate a
  per-unit average would put the equal-stock target above the 99.5 % cap. An item without a cost takes its class's
  target. It follows the cost whatever the ABC basis, so it also holds where the A items are cheap bulk sellers.

A product's own target (``domain.planning.product``) wins over either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ascii_number

SERVICE_BY_CLASS = {"A": 0.97, "B": 0.98, "C": 0.99}
RULES = ("class", "cost")
DEFAULT_RULE = "cost"
DEFAULT_OVERALL = 0.99
LOWEST, HIGHEST = 0.90, 0.995  # a dear item still gets 90 %; the forecast's quantiles are computed up to 99.5 %
SETTING_RULE = "planning_service_rule"
SETTING_OVERALL = "planning_service_overall"
RULE_FIELD = "service target rule"
OVERALL_FIELD = "overall service target"


@dataclass(frozen=True)
class ByCost:
    """The unit-cost rule of one run: ``overall`` (T) at the ``average_cost`` (c̄) of the items planned."""

    overall: float
    average_cost: float

    def target(self, unit_cost: float) -> float | None:
        """α for an item of this unit cost, to 0.01 %; None without a cost (the class's target then)."""
        if not unit_cost or unit_cost <= 0:
            return None
        alpha = 1.0 - (1.0 - self.overall) * float(unit_cost) / self.average_cost
        return round(min(max(alpha, LOWEST), HIGHEST), 4)

    def reason(self, unit_cost: float) -> dict:
        """What the explanation says of an item's target: its cost, the average, the overall target."""
        return {"target": self.target(unit_cost), "unit_cost": round(float(unit_cost), 2),
                "average_cost": round(self.average_cost, 2), "overall": self.overall, "lowest": LOWEST,
                "highest": HIGHEST}


def by_cost(unit_costs: Iterable[float], overall: float = DEFAULT_OVERALL) -> ByCost | None:
    """The rule over these items' unit costs (those above 0); None when none has a cost."""
    costs = [float(c) for c in unit_costs if c and float(c) > 0]
    return ByCost(float(overall), sum(costs) / len(costs)) if costs else None


def office_rule(rule: str, overall: float, unit_costs: Iterable[float]) -> ByCost | None:
    """The unit-cost rule over the items planned when the office's rule is ``cost``; None under ``class``."""
    return by_cost(unit_costs, overall) if rule == "cost" else None


def target_of(abc: str, unit_cost: float, rule: ByCost | None,
              by_class: dict[str, float] | None = None) -> tuple[float, str, dict | None]:
    """(α, source, reason) of an item without its own target: by unit cost under ``rule``, else by its class."""
    if rule is not None and (alpha := rule.target(unit_cost)) is not None:
        return alpha, "cost", rule.reason(unit_cost)
    return (by_class or SERVICE_BY_CLASS)[abc], f"class {abc}", None


def parse_rule(text: str | None) -> str:
    """``class`` or ``cost`` (blank: the default).

    Raises:
        BadInput: anything else, naming the two choices.
    """
    rule = (text or DEFAULT_RULE).strip().lower()
    if rule not in RULES:
        raise BadInput(RULE_FIELD, f"{text!r} is not a rule; give class or cost", code="not_a_service_rule",
                       values=(repr(text),))
    return rule


def parse_overall(text: str | float | None) -> float:
    """The overall target as a share, from a percentage such as ``99`` or ``98.5 %`` (90 to 99.5); blank: 99 %.

    Raises:
        BadInput: not a number, or out of range, naming the field and the range.
    """
    raw = str(text if text is not None else "").strip().removesuffix("%").strip()
    if not raw:
        return DEFAULT_OVERALL
    try:
        percent = float(ascii_number(raw))
    except ValueError:
        raise BadInput(OVERALL_FIELD, f"{raw!r} is not a percentage; give {LOWEST * 100:g} to {HIGHEST * 100:g}, "
                       f"such as {DEFAULT_OVERALL * 100:g}", code="not_a_service_percent",
                       values=(repr(raw), f"{LOWEST * 100:g}", f"{HIGHEST * 100:g}")) from None
    if not LOWEST * 100 <= percent <= HIGHEST * 100:
        raise BadInput(OVERALL_FIELD, f"{percent:g} % is out of range; give {LOWEST * 100:g} to "
                       f"{HIGHEST * 100:g}, such as 99", code="service_percent_out_of_range",
                       values=(f"{percent:g}", f"{LOWEST * 100:g}", f"{HIGHEST * 100:g}"))
    return round(percent / 100, 4)
