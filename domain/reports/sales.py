"""销售毛利 and 商品销售排行: what sales earned, by product, category, customer or salesperson, and what sells
most or not at all.

The read sums the sales lines (``sales_lines``: revenue, cost and margin per line of a sale or a customer
return, signed, so returns net out) of documents that are not reversed (a reversed sale or return counts as
zero, as everywhere in sales) per the chosen key, in one grouped query; here the figures become rows with
their margin percentage, a ranking and the slow movers.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.reports.model import percent


class MarginBy(enum.StrEnum):
    PRODUCT = "product"
    CATEGORY = "category"
    CUSTOMER = "customer"
    SALESPERSON = "salesperson"


class RankBy(enum.StrEnum):
    REVENUE = "revenue"
    QUANTITY = "quantity"


class SalesFigures(NamedTuple):
    """What the read hands per key: the key (SKU, category, customer code or user name), its name, and the
    sums over its sales lines."""

    key: str
    name: str
    qty: Decimal
    revenue: Decimal
    cost: Decimal
    margin: Decimal
    tax: Decimal = ZERO  # the output VAT on the revenue, each line's as invoiced


class SalesLineRow(NamedTuple):
    """One sales line the margin report summed (a sale's or, negative, a customer return's): what a row of the
    report by customer is made of, read by ``ReportQueries.customer_sales_lines``."""

    occurred_at: datetime
    document: str  # the sale's or return's number
    sku: str
    name: str
    qty: Decimal
    unit_price: Decimal
    revenue: Decimal
    cost: Decimal
    margin: Decimal

    @property
    def margin_pct(self) -> Decimal | None:
        return percent(self.margin, self.revenue)


class MarginRow(NamedTuple):
    key: str
    name: str
    qty: Decimal
    revenue: Decimal
    cost: Decimal
    margin: Decimal
    margin_pct: Decimal | None  # margin / revenue × 100, None without revenue
    tax: Decimal = ZERO  # its lines' output VAT: revenue + tax is what the customer statement says was sold

    @property
    def with_tax(self) -> Decimal:
        """价税合计: the revenue and its tax, as the customer was invoiced."""
        return self.revenue + self.tax


def margin_rows(figures: Iterable[SalesFigures]) -> list[MarginRow]:
    """One row per key in key order; a key whose sales and returns net to nothing at all is left out."""
    rows = [MarginRow(f.key, f.name, f.qty, f.revenue, f.cost, f.margin, percent(f.margin, f.revenue), f.tax)
            for f in figures if (f.qty, f.revenue, f.cost, f.margin, f.tax) != (ZERO, ZERO, ZERO, ZERO, ZERO)]
    return sorted(rows, key=lambda r: r.key)


def margin_total(rows: Iterable[MarginRow]) -> MarginRow:
    rows = list(rows)
    revenue = sum((r.revenue for r in rows), ZERO)
    margin = sum((r.margin for r in rows), ZERO)
    return MarginRow("", "", sum((r.qty for r in rows), ZERO), revenue, sum((r.cost for r in rows), ZERO), margin,
                     percent(margin, revenue), sum((r.tax for r in rows), ZERO))


class RankRow(NamedTuple):
    rank: int
    key: str
    name: str
    qty: Decimal
    revenue: Decimal
    margin: Decimal
    share_pct: Decimal | None  # of the period's total revenue (or quantity, ranked by quantity)


def ranking(figures: Iterable[SalesFigures], by: RankBy, top: int) -> list[RankRow]:
    """The ``top`` products by net revenue or net quantity, largest first (ties in SKU order); products that
    netted nothing or less are not ranked.

    Raises:
        BadInput: ``top`` is not a positive number.
    """
    if top < 1:
        raise BadInput("--top", f"{top} is not a number of products; give 1 or more")
    figures = list(figures)
    measure = (lambda f: f.revenue) if by == RankBy.REVENUE else (lambda f: f.qty)
    whole = sum((measure(f) for f in figures if measure(f) > ZERO), ZERO)
    ranked = sorted((f for f in figures if measure(f) > ZERO), key=lambda f: (-measure(f), f.key))[:top]
    return [RankRow(i, f.key, f.name, f.qty, f.revenue, f.margin, percent(measure(f), whole))
            for i, f in enumerate(ranked, 1)]


class StockedProduct(NamedTuple):
    """A product with stock on hand (in the warehouses read), its value, and the day of its last issue
    (None: never issued)."""

    sku: str
    name: str
    on_hand: Decimal
    value: Decimal
    last_issue: date | None


class SlowRow(NamedTuple):
    sku: str
    name: str
    on_hand: Decimal
    value: Decimal
    last_issue: date | None
    idle_days: int | None  # days since the last issue, None: never issued


def slow_movers(products: Iterable[StockedProduct], days: int, today: date) -> list[SlowRow]:
    """Products with stock and no issue in the ``days`` days up to ``today``, the most value first.

    Raises:
        BadInput: ``days`` is not a positive number.
    """
    if days < 1:
        raise BadInput("--slow", f"{days} is not a number of days; give 1 or more")
    rows = []
    for p in products:
        if p.on_hand <= ZERO:
            continue
        idle = None if p.last_issue is None else (today - p.last_issue).days
        if idle is None or idle >= days:
            rows.append(SlowRow(p.sku, p.name, p.on_hand, p.value, p.last_issue, idle))
    return sorted(rows, key=lambda r: (-r.value, r.sku))
