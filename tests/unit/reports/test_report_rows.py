"""The reports' pure row models: flows, the summary's rows and total, margin %, ranking, slow movers, cover."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.reports.model import Amount
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.model import flow_of
from domain.reports.model import percent
from domain.reports.sales import RankBy
from domain.reports.sales import SalesFigures
from domain.reports.sales import StockedProduct
from domain.reports.sales import margin_rows
from domain.reports.sales import margin_total
from domain.reports.sales import ranking
from domain.reports.sales import slow_movers
from domain.reports.status import StockFigures
from domain.reports.status import cover
from domain.reports.status import status_rows
from domain.reports.stock_summary import PairFigures
from domain.reports.stock_summary import ProductLabel
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.reports.stock_summary import total

D = Decimal


def test_each_kind_and_source_has_its_flow():
    assert flow_of("receipt", "") == Flow.RECEIPT and flow_of("receipt", "customer_return") == Flow.CUSTOMER_RETURN
    assert flow_of("shipment", "sale") == Flow.SALE and flow_of("shipment", "") == Flow.SHIPMENT
    assert flow_of("shipment", "supplier_return") == Flow.SUPPLIER_RETURN
    assert flow_of("count_adjustment", "count") == Flow.COUNT and flow_of("adjustment", "") == Flow.ADJUSTMENT
    assert (flow_of("transfer_in", ""), flow_of("transfer_out", "")) == (Flow.TRANSFER_IN, Flow.TRANSFER_OUT)


def test_a_period_that_ends_before_it_begins_is_refused_naming_to():
    with pytest.raises(BadInput) as bad:
        Period(date(2026, 3, 2), date(2026, 3, 1))
    assert bad.value.field == "--to"
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).days == 31


def test_the_summary_adds_warehouses_up_per_product_category_or_warehouse_and_shows_a_difference():
    labels = {"p1": ProductLabel("A", "Apple", "fruit", "kg"), "p2": ProductLabel("B", "Bean", "veg", "kg")}
    pairs = [
        PairFigures("p1", "w1", Amount(D(2), D(4)), Amount(D(1), D(2)), {Flow.SALE: Amount(D(-1), D(-2))}),
        PairFigures("p1", "w2", Amount(), Amount(D(3), D("6.01")), {Flow.RECEIPT: Amount(D(3), D(6))}),
        PairFigures("p2", "w2", Amount(), Amount(), {}),  # nothing at all: left out
    ]
    rows = summarize(pairs, SummaryBy.PRODUCT, labels, {"w1": "W1", "w2": "W2"})
    [apple] = rows
    assert (apple.key, apple.name, apple.unit, apple.opening, apple.closing) == (
        "A", "Apple", "kg", Amount(D(2), D(4)), Amount(D(4), D("8.01")))
    assert apple.difference == D("0.01") and apple.qty_difference == 0  # shown, never folded into a flow
    assert apple.shown(Flow.SALE) == Amount(D(1), D(2)) and apple.shown(Flow.COUNT) == Amount()
    assert [r.key for r in summarize(pairs, SummaryBy.WAREHOUSE, labels, {"w1": "W1", "w2": "W2"})] == ["W1", "W2"]
    assert [r.key for r in summarize(pairs, SummaryBy.CATEGORY, labels, {})] == ["fruit"]
    assert total(rows).closing == Amount(D(4), D("8.01"))


def test_margin_percent_rounds_half_up_and_has_none_without_revenue():
    rows = margin_rows([SalesFigures("B", "", D(1), D(3), D(2), D(1), ), SalesFigures("A", "", D(0), D(0), D(0), D(0)),
                        SalesFigures("C", "", D(-1), D(0), D(-1), D(1))])
    assert [(r.key, r.margin_pct) for r in rows] == [("B", D("33.33")), ("C", None)]
    assert margin_total(rows).margin_pct == D("66.67") and percent(D(1), D(8)) == D("12.50")


def test_ranking_breaks_ties_by_sku_and_leaves_out_what_netted_nothing():
    figures = [SalesFigures("B", "b", D(2), D(10), D(5), D(5)), SalesFigures("A", "a", D(5), D(10), D(6), D(4)),
               SalesFigures("C", "c", D(1), D(-3), D(-1), D(-2))]
    assert [(r.rank, r.key, r.share_pct) for r in ranking(figures, RankBy.REVENUE, 5)] == [
        (1, "A", D("50.00")), (2, "B", D("50.00"))]
    assert [r.key for r in ranking(figures, RankBy.QUANTITY, 2)] == ["A", "B"]
    with pytest.raises(BadInput):
        ranking(figures, RankBy.REVENUE, 0)


def test_slow_movers_are_stocked_and_idle_for_the_days_or_never_issued():
    today = date(2026, 3, 31)
    found = slow_movers([StockedProduct("A", "", D(5), D(50), date(2026, 3, 1)),
                         StockedProduct("B", "", D(5), D(60), date(2026, 3, 30)),
                         StockedProduct("C", "", D(1), D(1), None),
                         StockedProduct("D", "", D(0), D(0), None)], 30, today)
    assert [(r.sku, r.idle_days) for r in found] == [("A", 30), ("C", None)]
    with pytest.raises(BadInput):
        slow_movers([], 0, today)


def test_cover_is_available_over_the_daily_issues_and_none_without_issues():
    assert cover(D(18), D(4)) == D("405.0") and cover(D(-2), D(9)) == 0 and cover(D(5), D(0)) is None
    [row] = status_rows([StockFigures("A", "", "W1", D(10), D(4), D(3), D(12), D(20), D(9))])
    assert (row.available, row.daily_issues, row.cover_days, row.below_min) == (6, D("0.1"), D("60.0"), True)
