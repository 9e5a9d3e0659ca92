"""What planning reads (``StockItem``, ``TermOption``, ``PlanningHistory`` from a ``HistoryReader``) and what it gives
(``ItemPlan`` per product × warehouse, with a ``Suggestion`` where it should be ordered); ``domain.planning.run`` runs
it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from domain.planning.fill import SupplierFill
from domain.planning.ordering import DEFAULT_HOLDING_RATE
from domain.planning.ordering import DEFAULT_ORDER_COST
from domain.planning.product import ProductPlanning
from domain.planning.replenishment import ReorderAlert
from domain.planning.service import DEFAULT_OVERALL
from domain.planning.service import DEFAULT_RULE

# what the history reader gives


@dataclass(frozen=True)
class StockItem:
    """One product × warehouse with its balance. ``on_order`` is issued POs, ``on_order_drafts`` drafts."""

    product_id: str
    sku: str
    name: str
    warehouse_id: str
    warehouse: str
    on_hand: Decimal
    reserved: Decimal
    on_order: Decimal
    on_order_drafts: Decimal
    unit_cost: Decimal
    category: str = ""
    pack_size: Decimal = Decimal(1)  # the product's pack: transfers move whole packs (domain.planning.transfers)

    @property
    def key(self) -> tuple[str, str]:
        return (self.product_id, self.warehouse_id)


@dataclass(frozen=True)
class TermOption:
    """A supplier's terms for a product; ``unit_price`` per stock unit (a pack price divided by the pack), in
    ``currency``, the supplier's (its purchase orders are in it); blank where the caller did not say."""

    supplier_id: str
    supplier: str
    product_id: str
    unit_price: Decimal
    moq: Decimal
    multiple: Decimal
    pack_size: Decimal
    lead_time_days: int
    preferred: bool
    currency: str = ""


@dataclass(frozen=True)
class PlanningHistory:
    """Everything planning reads, for the days ``first_day`` (inclusive) to ``end_day`` (exclusive).

    Attributes:
        items: every product × warehouse with a balance row (active products only).
        shipped: per (product id, warehouse id), {day index: quantity shipped that day} (positive).
        closing: per (product id, warehouse id), [(day index, on hand at the end of that day)] in day
            order, at least for the days on which the product went in or out of stock (on hand > 0 or
            not); the days in between keep the state of the last entry. The first entry may lie before
            the window (index < 0): the closing stock the window starts with.
        terms: per product id, its suppliers' terms.
        unfilled: per (product id, warehouse id), {day index: unfilled demand recorded that day}
            (``domain.stock.demand``): it adds to the day's demand, and a day with some is observed even when
            the shelf was empty — the clerk saw the demand that the empty shelf hid.
        lead_times: per (supplier id, product id), the observed lead times in days of the purchase orders
            received so far: from the PO's issue to its first (not reversed) receipt of the product.
        overrides: per product id, its own service target and review period (``domain.planning.product``).
        abc_basis: what ABC ranks by, the planning setting: ``value`` or ``volume``
            (``domain.planning.classification``).
        supplier_fills: per supplier id, what its purchase-order lines due in the last year asked for and brought
            (``domain.planning.fill``).
        fill_rate_on: the planning setting: gross a new order up by its supplier's fill rate (on unless turned off).
        service_rule, service_overall: the planning setting: service targets by ABC ``class`` or by unit ``cost``
            around the overall target (``domain.planning.service``).
        order_cost: the planning setting: what a purchase-order line costs to place (5 unless set); above 0
            suggested orders are at least each item's economic order quantity (``domain.planning.ordering``).
        holding_rate: the planning setting beside it: what a year of holding stock costs as a share of its unit
            cost (25 % unless set), the h of the economic order quantity.
        data_version: a stamp of what was read, taken before reading (``persistence.planning.alerts``): the run's
            alerts summary keeps it, so that a later look can tell whether the data changed since
            (``domain.planning.alerts``); "" when the reader gives none.
    """

    first_day: date
    end_day: date
    items: list[StockItem]
    shipped: dict[tuple[str, str], dict[int, Decimal]]
    closing: dict[tuple[str, str], list[tuple[int, Decimal]]]
    terms: dict[str, list[TermOption]]
    unfilled: dict[tuple[str, str], dict[int, Decimal]] = field(default_factory=dict)
    lead_times: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    overrides: dict[str, ProductPlanning] = field(default_factory=dict)
    abc_basis: str = "value"
    supplier_fills: dict[str, SupplierFill] = field(default_factory=dict)
    fill_rate_on: bool = True
    data_version: str = ""
    service_rule: str = DEFAULT_RULE
    service_overall: float = DEFAULT_OVERALL
    order_cost: float = DEFAULT_ORDER_COST
    holding_rate: float = DEFAULT_HOLDING_RATE

    @property
    def days(self) -> int:
        return (self.end_day - self.first_day).days


HistoryReader = Callable[[date, date], PlanningHistory]


# what planning gives


@dataclass(frozen=True)
class Suggestion:
    """A line to order: ``qty`` of ``sku`` for ``warehouse`` from ``supplier`` (None: no supplier has terms),
    at ``unit_price`` in ``currency`` (the supplier's, which its purchase order takes; None without terms)."""

    product_id: str
    sku: str
    warehouse: str
    supplier: str | None
    supplier_id: str | None
    qty: Decimal
    unit_price: Decimal | None
    rounding: str
    explanation: dict
    currency: str | None = None


@dataclass(frozen=True, eq=False)
class ItemPlan:
    """The plan of one product × warehouse (or of one product over all warehouses for ``forecast_products``)."""

    product_id: str
    sku: str
    name: str
    warehouse: str
    abc: str
    service: float
    history: list[float]  # weekly demand, NaN where censored
    week_starts: list[date]
    forecast: object  # domain.planning.forecasting.api.ForecastResult
    explanation: dict = field(default_factory=dict)
    alert: ReorderAlert | None = None
    suggestion: Suggestion | None = None
    # The alert that draft purchase orders already answer: without the drafts' quantity this line would
    # alert; with it, it does not (``alert`` is None). The screen keeps such lines visible as ordered.
    draft_alert: ReorderAlert | None = None
    # Transfers before purchases (``domain.planning.transfers``): what other warehouses send this one, which its
    # suggestion no longer orders. Empty unless the run was asked for transfers.
    transfers: tuple = ()
    xyz: str = ""  # X, Y or Z: how steady the product's weekly demand is (domain.planning.classification)

    @property
    def censored_weeks(self) -> int:
        return sum(1 for x in self.history if x != x)
