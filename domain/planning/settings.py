"""The planning settings a purchaser may change, kept in the database beside the products' own planning policies
(``uow.product_planning``), edited on Settings › Planning:

* what ABC ranks products by (``value``, the default, or ``volume``; ``domain.planning.classification``); each
  planning run reads it with its history (``PlanningHistory.abc_basis``) unless the caller names another basis;
* the dashboard's stock limits (``domain.reports.dashboard``): dead stock is stock with no issue in so many days
  (180 unset), excess stock holds more than so many days of cover (60 unset). They judge the stock planning keeps,
  so they sit with its settings; the dashboard reads them (``dashboard.dead_days``, ``dashboard.cover_target_days``);
* whether a new order is grossed up by its supplier's quantity fill rate (``domain.planning.fill``; on unless turned
  off), read by every planning run with its history (``PlanningHistory.fill_rate_on``);
* where the service targets come from (``domain.planning.service``): by ABC class (the default) or by each item's
  unit cost around an overall target (99 % unless set), read by every planning run with its history
  (``PlanningHistory.service_rule``, ``service_overall``);
* what a purchase-order line costs to place (``domain.planning.ordering``; 5 unless set, 0 off): suggested orders are
  then at least each item's economic order quantity, read by every planning run with its history
  (``PlanningHistory.order_cost``); beside it the holding rate a year, the EOQ's h (25 % unless set,
  ``PlanningHistory.holding_rate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel.errors import BadInput
from domain.kernel.numbers import D
from domain.kernel.numbers import ascii_number
from domain.planning.classification import parse_basis
from domain.planning.fill import SETTING_FILL_RATE
from domain.planning.fill import enabled as fill_enabled
from domain.planning.ordering import SETTING_HOLDING_RATE
from domain.planning.ordering import SETTING_ORDER_COST
from domain.planning.ordering import parse_holding_rate
from domain.planning.ordering import parse_order_cost
from domain.planning.ordering import read_holding_rate
from domain.planning.ordering import read_order_cost
from domain.planning.service import DEFAULT_OVERALL
from domain.planning.service import DEFAULT_RULE
from domain.planning.service import SETTING_OVERALL
from domain.planning.service import SETTING_RULE
from domain.planning.service import parse_overall
from domain.planning.service import parse_rule
from domain.reports.dashboard import COVER_TARGET_DAYS
from domain.reports.dashboard import COVER_TARGET_KEY
from domain.reports.dashboard import DEAD_DAYS
from domain.reports.dashboard import DEAD_DAYS_KEY
from domain.reports.dashboard import setting_days

MAX_DAYS = 3650  # ten years: more is a typing error, not a limit anyone means
DEAD_DAYS_FIELD = "dead-stock days"
COVER_TARGET_FIELD = "excess cover target"

if TYPE_CHECKING:
    from domain.kernel.ports import UnitOfWork


@dataclass(frozen=True)
class SetAbcBasis:
    """What a user chose: ``value`` or ``volume`` (blank: ``value``)."""

    basis: str


def set_abc_basis(uow: UnitOfWork, command: SetAbcBasis) -> str:
    """Keep the basis ABC ranks by (one transaction); bad input is refused naming the two choices.

    Returns:
        The basis kept: ``value`` or ``volume``.
    """
    basis = parse_basis(command.basis)
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_abc_basis(basis)
        uow.commit()
    return basis


def abc_basis(uow: UnitOfWork) -> str:
    """Read-only: the basis in force."""
    with uow:
        return uow.product_planning.abc_basis()


@dataclass(frozen=True)
class SetDashboardDays:
    """What a user typed: the dead-stock days and the excess cover target in days (whole numbers, as text)."""

    dead_days: str
    cover_target_days: str


def parse_days(field: str, text: str, example: int) -> int:
    """A whole number of days from 1 to ``MAX_DAYS``.

    Raises:
        BadInput: naming ``field``, the value and what is accepted.
    """
    raw = str(text).strip()
    try:
        days = int(ascii_number(raw))
    except ValueError:
        raise BadInput(field, f"{raw!r} is not a whole number of days; give 1 to {MAX_DAYS}, such as {example}",
                       code="not_whole_days", values=(repr(raw), MAX_DAYS, example)) \
            from None
    if not 1 <= days <= MAX_DAYS:
        raise BadInput(field, f"{days} days is out of range; give 1 to {MAX_DAYS}, such as {example}",
                       code="days_out_of_range", values=(days, MAX_DAYS, example))
    return days


def set_dashboard_days(uow: UnitOfWork, command: SetDashboardDays) -> tuple[int, int]:
    """Keep the dashboard's dead-stock days and excess cover target (one transaction; both or neither).

    Returns:
        (dead-stock days, cover target days) as kept.

    Raises:
        BadInput: a value is not a whole number from 1 to ``MAX_DAYS`` (the field named).
    """
    dead = parse_days(DEAD_DAYS_FIELD, command.dead_days, DEAD_DAYS)
    target = parse_days(COVER_TARGET_FIELD, command.cover_target_days, COVER_TARGET_DAYS)
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_setting(DEAD_DAYS_KEY, str(dead))
        uow.product_planning.set_setting(COVER_TARGET_KEY, str(target))
        uow.commit()
    return dead, target


def dashboard_days(uow: UnitOfWork) -> tuple[int, int]:
    """Read-only: (dead-stock days, cover target days) in force, the defaults where unset."""
    with uow:
        stored = {k: v for k in (DEAD_DAYS_KEY, COVER_TARGET_KEY) if (v := uow.product_planning.setting(k))}
    return setting_days(stored, DEAD_DAYS_KEY, DEAD_DAYS), setting_days(stored, COVER_TARGET_KEY, COVER_TARGET_DAYS)


@dataclass(frozen=True)
class SetFillRateUse:
    """Whether planning grosses a new order up by its supplier's quantity fill rate (``domain.planning.fill``)."""

    on: bool


def set_fill_rate_use(uow: UnitOfWork, command: SetFillRateUse) -> bool:
    """Keep the switch (one transaction); returns it as kept."""
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_setting(SETTING_FILL_RATE, "on" if command.on else "off")
        uow.commit()
    return command.on


def fill_rate_use(uow: UnitOfWork) -> bool:
    """Read-only: the switch in force (on unless turned off)."""
    with uow:
        return fill_enabled(uow.product_planning.setting(SETTING_FILL_RATE))


@dataclass(frozen=True)
class SetServiceRule:
    """What a user chose: ``class`` or ``cost``, and the overall target as typed, a percentage such as ``99``."""

    rule: str
    overall: str


def set_service_rule(uow: UnitOfWork, command: SetServiceRule) -> tuple[str, float]:
    """Keep the service-target rule and the overall target (one transaction; both or neither).

    Returns:
        (rule, overall target as a share) as kept.

    Raises:
        BadInput: a rule other than class or cost, or an overall target that is not a percentage from 90 to 99.5.
    """
    rule, overall = parse_rule(command.rule), parse_overall(command.overall)
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_setting(SETTING_RULE, rule)
        uow.product_planning.set_setting(SETTING_OVERALL, f"{overall:g}")
        uow.commit()
    return rule, overall


def service_rule(uow: UnitOfWork) -> tuple[str, float]:
    """Read-only: (rule, overall target) in force, the defaults where unset."""
    with uow:
        rule, overall = uow.product_planning.setting(SETTING_RULE), uow.product_planning.setting(SETTING_OVERALL)
    return read_service_rule(rule, overall)


def read_service_rule(rule: str | None, overall: str | None) -> tuple[str, float]:
    """The stored values as planning reads them; a value that does not parse (never written by this app) reads as
    the default."""
    try:
        rule = parse_rule(rule)
    except BadInput:
        rule = DEFAULT_RULE
    try:
        share = DEFAULT_OVERALL if not overall else parse_overall(str(float(D(overall)) * 100))
    except (BadInput, ValueError):
        share = DEFAULT_OVERALL
    return rule, share


@dataclass(frozen=True)
class SetOrderCost:
    """What a user typed: the cost of placing one purchase-order line, in the office's currency (blank: the
    default; 0: off)."""

    cost: str


def set_order_cost(uow: UnitOfWork, command: SetOrderCost) -> float:
    """Keep the order cost per purchase-order line (one transaction).

    Returns:
        The cost kept (0: off).

    Raises:
        BadInput: not an amount from 0 to 1,000,000 (``ordering.parse_order_cost``).
    """
    cost = parse_order_cost(command.cost)
    _keep(uow, SETTING_ORDER_COST, f"{cost:g}")
    return cost


def order_cost(uow: UnitOfWork) -> float:
    """Read-only: the order cost per purchase-order line in force (the default where unset; 0: off)."""
    with uow:
        return read_order_cost(uow.product_planning.setting(SETTING_ORDER_COST))


@dataclass(frozen=True)
class SetHoldingRate:
    """What a user typed: what a year of holding stock costs, as a percentage of its unit cost (blank: 25 %)."""

    rate: str


def set_holding_rate(uow: UnitOfWork, command: SetHoldingRate) -> float:
    """Keep the holding rate a year, the h of the economic order quantity (one transaction).

    Returns:
        The rate kept, as a share (0.25 for 25 %).

    Raises:
        BadInput: not a percentage from 1 to 100 (``ordering.parse_holding_rate``).
    """
    rate = parse_holding_rate(command.rate)
    _keep(uow, SETTING_HOLDING_RATE, f"{rate:g}")
    return rate


def _keep(uow: UnitOfWork, key: str, value: str) -> None:
    """One office setting written in its own transaction, with the purchaser's right."""
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_setting(key, value)
        uow.commit()


def holding_rate(uow: UnitOfWork) -> float:
    """Read-only: the holding rate a year in force, as a share (the default, 25 %, where unset)."""
    with uow:
        return read_holding_rate(uow.product_planning.setting(SETTING_HOLDING_RATE))
