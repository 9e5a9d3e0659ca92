"""A sale's cost after a back-dated receipt, on a real SQLite file: the ledger replays the product × warehouse from
the receipt's business time (``domain.stock.ledger._revalue``), so a sale already posted leaves at the new moving
average; its sales line follows (``persistence.sales.costs``), and the margin, the stock summary (by days and by
whole months), the movements and the ledger's check all tell the same cost."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy import update

from domain.accounts import closing
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import DomainError
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.sales import MarginBy
from domain.reports.sales import margin_rows
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.sales import commands as sc
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from persistence.reports import queries
from persistence.stock.queries import check

D = Decimal
# whole months that have ended, so that the stock summary reads them from ``stock_months``
SEPTEMBER, OCTOBER = date(2026, 9, 1), date(2026, 10, 1)


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone(UTC)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_product(u(), cc.AddProduct("WID", "Widget"))
    catalog.add_customer(u(), cc.AddCustomer("ACME", "Acme Trading"))
    return db


def _sell(db, qty: str, day: date, *more: sc.SaleLineInput):
    return shipping.sell(db.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("WID", qty, "60.00"), *more),
                                                   occurred_at=at(day)))


def _receive(db, qty: str, cost: str, day: date):
    ledger.receive(db.uow(), c.ReceiveStock("WID", qty, "MAIN", cost, occurred_at=at(day)))


def _margin(db, period: Period):
    [row] = margin_rows(queries.sales_figures(db.engine, period, MarginBy.PRODUCT))
    return row


def _summary(db, period: Period):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, SummaryBy.PRODUCT)
    [row] = summarize(pairs, SummaryBy.PRODUCT, products, warehouses)
    return row


def _ledger_costs(db) -> list[tuple[int, Decimal, Decimal]]:
    """Each sales line's (line no, cost) beside minus its movement's value, in posting order."""
    m, v, sl = t.movements, t.movement_values, t.sales_lines
    with db.engine.connect() as conn:
        lines = conn.execute(select(sl.c.line_no, sl.c.cost, sl.c.margin, sl.c.revenue)
                             .order_by(sl.c.document_id, sl.c.line_no)).all()
        values = conn.execute(select(v.c.value).join(m, m.c.id == v.c.movement_id)
                              .where(m.c.source_type.in_(("sale", "customer_return")), m.c.kind != "reversal")
                              .order_by(m.c.id)).scalars().all()
    assert all(margin == revenue - cost for _, cost, margin, revenue in lines)
    return [(n, cost, -value) for (n, cost, _, _), value in zip(lines, values, strict=True)]


@pytest.mark.parametrize("sale_first", [True, False], ids=["sale-then-back-dated-receipt", "back-dated-then-sale"])
def test_a_sale_costs_the_same_in_the_margin_the_stock_summary_and_the_ledger_after_a_back_dated_receipt(
        shop, sale_first):
    period = Period(date(2026, 9, 1), date(2026, 9, 30))
    _receive(shop, "10", "25.00", date(2026, 9, 10))
    if sale_first:
        _sell(shop, "2", date(2026, 9, 20))
        assert _margin(shop, period).cost == D("50.00")  # 2 at 25
        _receive(shop, "10", "50.00", date(2026, 9, 5))  # back-dated: the average on the 20th is 37.50
    else:
        _receive(shop, "10", "50.00", date(2026, 9, 5))
        _sell(shop, "2", date(2026, 9, 20))
    margin = _margin(shop, period)
    assert (margin.qty, margin.revenue, margin.cost, margin.margin) == (D(2), D("120.00"), D("75.00"), D("45.00"))
    row = _summary(shop, period)
    assert row.flows[Flow.SALE].value == D("-75.00")
    assert (row.opening.value, row.flows[Flow.RECEIPT].value, row.closing.value) == (D(0), D("750.00"), D("675.00"))
    assert row.difference == 0 and row.qty_difference == 0
    assert _ledger_costs(shop) == [(1, D("75.00"), D("75.00"))]
    assert check(shop.engine) == []


def test_the_check_reports_a_sales_line_whose_cost_is_not_its_movements_value(shop):
    _receive(shop, "10", "25.00", date(2026, 9, 10))
    sale = _sell(shop, "2", date(2026, 9, 20))
    assert check(shop.engine) == []
    with shop.engine.begin() as conn:  # as a sale kept it before its cost followed the ledger
        conn.execute(update(t.sales_lines).values(cost=D("40.00"), margin=D("80.00")))
    [problem] = check(shop.engine)
    assert (problem.sku, problem.field, problem.ledger, problem.balance) == (
        "WID", f"sales line {sale.number}/1 cost", D("50.00"), D("40.00"))


def test_whole_months_add_up_per_pair_when_a_posting_is_back_dated_into_a_month_already_read(shop):
    """opening + in − out = closing in value for each month and both together, from the monthly rows the first
    read filled and the back-dated receipt made stale."""
    _receive(shop, "10", "25.00", date(2026, 9, 10))
    _sell(shop, "4", date(2026, 9, 20))
    _sell(shop, "2", date(2026, 10, 5))
    both = Period(SEPTEMBER, date(2026, 10, 31))
    assert _summary(shop, both).closing.value == D("100.00")  # fills the monthly rows: 4 at 25
    with shop.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM stock_months").scalar() > 0  # read from the months
    _receive(shop, "10", "50.00", date(2026, 9, 5))  # before everything: the average becomes 37.50
    september, october = Period(SEPTEMBER, date(2026, 9, 30)), Period(OCTOBER, date(2026, 10, 31))
    sep, octo, whole = _summary(shop, september), _summary(shop, october), _summary(shop, both)
    for row in (sep, octo, whole):
        flows = sum((a.value for a in row.flows.values()), D(0))
        assert row.opening.value + flows == row.closing.value and row.difference == 0
    assert (sep.flows[Flow.SALE].value, sep.closing.value) == (D("-150.00"), D("600.00"))
    assert (octo.opening.value, octo.flows[Flow.SALE].value, octo.closing.value) == (
        D("600.00"), D("-75.00"), D("525.00"))
    assert (_margin(shop, september).cost, _margin(shop, october).cost, _margin(shop, both).cost) == (
        D("150.00"), D("75.00"), D("225.00"))
    assert whole.flows[Flow.SALE].value == -_margin(shop, both).cost


def test_two_lines_of_one_product_and_a_later_return_follow_their_own_movements(shop):
    _receive(shop, "10", "25.00", date(2026, 9, 10))
    catalog.add_product(shop.uow(), cc.AddProduct("CUP", "Cup"))
    ledger.receive(shop.uow(), c.ReceiveStock("CUP", "5", "MAIN", "4.00", occurred_at=at(date(2026, 9, 10))))
    sale = _sell(shop, "2", date(2026, 9, 20), sc.SaleLineInput("CUP", "1", "9.00"), sc.SaleLineInput("WID", "8", "60"))
    _receive(shop, "10", "50.00", date(2026, 9, 5))
    # WID 20 at 37.50: 2 leave at 75.00, the last 8 of the 18 at 37.50 each (300.00); CUP keeps its 4.00
    with shop.engine.connect() as conn:
        costs = conn.execute(select(t.sales_lines.c.line_no, t.sales_lines.c.cost)
                             .order_by(t.sales_lines.c.line_no)).all()
    assert costs == [(1, D("75.00")), (2, D("4.00")), (3, D("300.00"))]
    returns.return_goods(shop.uow(), sc.ReturnFromCustomer("WID", "1", "damaged", shipment=sale.number,
                                                           occurred_at=at(date(2026, 9, 25))))
    figures = {r.key: r for r in margin_rows(queries.sales_figures(
        shop.engine, Period(SEPTEMBER, date(2026, 9, 30)), MarginBy.PRODUCT))}
    assert figures["WID"].cost == D("337.50")  # 375.00 out, one back at 37.50
    summary = _summary_by_sku(shop, Period(SEPTEMBER, date(2026, 9, 30)))["WID"]
    assert summary.flows[Flow.SALE].value + summary.flows[Flow.CUSTOMER_RETURN].value == -figures["WID"].cost


def _summary_by_sku(db, period: Period):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, SummaryBy.PRODUCT)
    return {r.key: r for r in summarize(pairs, SummaryBy.PRODUCT, products, warehouses)}


def test_a_receipt_back_dated_into_a_closed_month_is_refused_naming_it_and_its_sales_keep_their_cost(shop):
    _receive(shop, "10", "25.00", date(2026, 9, 10))
    _sell(shop, "2", date(2026, 9, 20))
    _sell(shop, "2", date(2026, 10, 20))
    assert closing.close_month(shop.uow(), closing.CloseMonth("2026-09")) == ["2026-09"]
    with pytest.raises(DomainError) as refused:
        _receive(shop, "10", "50.00", date(2026, 9, 5))
    assert refused.value.code == "period_closed" and "2026-09" in str(refused.value)
    _receive(shop, "10", "50.00", date(2026, 10, 1))  # after the close: 8 at 25 + 10 at 50, 2 of 18 leave
    assert _ledger_costs(shop) == [(1, D("50.00"), D("50.00")), (1, D("77.78"), D("77.78"))]
