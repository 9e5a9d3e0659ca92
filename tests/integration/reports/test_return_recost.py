"""A customer return after its sale was recosted, on a real SQLite file: the goods come back at the share of the
cost the sale line now carries — the ledger value of the shipment the return takes back — whether the sale was
recosted before the return was posted or after (a receipt back-dated before both replays the pair, and the
return's value follows its sale's: ``domain.stock.valuation.returned_unit_cost``); the return's sales line follows
its movement, so the margin, the stock summary and the ledger's check agree."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
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
SEPTEMBER = Period(date(2026, 9, 1), date(2026, 9, 30))


def at(day: int) -> datetime:
    return datetime(2026, 9, day, 12).astimezone(UTC)


@pytest.fixture
def shop(db):
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("WID", "Widget"))
    catalog.add_customer(db.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    ledger.receive(db.uow(), c.ReceiveStock("WID", "10", "MAIN", "25.00", occurred_at=at(10)))
    return db


def _sell(db, qty: str, day: int):
    return shipping.sell(db.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("WID", qty, "60.00"),),
                                                   occurred_at=at(day)))


def _return(db, sale, qty: str, day: int):
    [doc] = returns.return_goods(db.uow(), sc.ReturnFromCustomer("WID", qty, "damaged", shipment=sale.number,
                                                                 occurred_at=at(day)))
    return doc


def _return_costs(db) -> list[tuple[str, Decimal, Decimal]]:
    """Each return line's cost (positive: what came back) beside its movement's value, in posting order."""
    m, v, sl, d = t.movements, t.movement_values, t.sales_lines, t.documents
    with db.engine.connect() as conn:
        lines = conn.execute(select(d.c.number, sl.c.cost).join(d, d.c.id == sl.c.document_id)
                             .where(d.c.kind == "customer_return").order_by(d.c.number)).all()
        values = dict(conn.execute(select(m.c.source_ref, v.c.value).join(v, v.c.movement_id == m.c.id)
                                   .where(m.c.source_type == "customer_return", m.c.kind != "reversal")).all())
    return [(number, -cost, values[number]) for number, cost in lines]


def _agree(db) -> None:
    margin = margin_rows(queries.sales_figures(db.engine, SEPTEMBER, MarginBy.PRODUCT))
    pairs, products, warehouses = queries.stock_summary(db.engine, SEPTEMBER, SummaryBy.PRODUCT)
    [row] = summarize(pairs, SummaryBy.PRODUCT, products, warehouses)
    assert row.flows[Flow.SALE].value + row.flows[Flow.CUSTOMER_RETURN].value == -sum(r.cost for r in margin)
    assert row.difference == 0
    assert check(db.engine) == []


def test_a_return_posted_before_its_sale_was_recosted_comes_back_at_the_sales_new_cost(shop):
    sale = _sell(shop, "2", 20)  # 2 at 25
    back = _return(shop, sale, "1", 25)
    assert _return_costs(shop) == [(back.number, D("25.00"), D("25.00"))]
    ledger.receive(shop.uow(), c.ReceiveStock("WID", "10", "MAIN", "50.00", occurred_at=at(5)))
    # the sale now left at 37.50 a unit (75.00): the one unit that came back brings 37.50 back, not 25.00
    assert _return_costs(shop) == [(back.number, D("37.50"), D("37.50"))]
    [margin] = margin_rows(queries.sales_figures(shop.engine, SEPTEMBER, MarginBy.PRODUCT))
    assert margin.cost == D("37.50")  # 75.00 out, 37.50 back
    _agree(shop)


def test_partial_returns_of_a_recosted_line_bring_back_its_whole_new_cost_to_the_cent(shop):
    sale = _sell(shop, "3", 20)
    first, second, third = _return(shop, sale, "1", 21), _return(shop, sale, "1", 22), _return(shop, sale, "1", 23)
    ledger.receive(shop.uow(), c.ReceiveStock("WID", "5", "MAIN", "30.00", occurred_at=at(5)))
    # 10 at 25 and 5 at 30: 26.66666667 a unit, the sale of 3 left at 80.00; a third each, taken cumulatively:
    # 26.67, then 53.33 − 26.67, then 80.00 − 53.33
    assert _return_costs(shop) == [(first.number, D("26.67"), D("26.67")), (second.number, D("26.66"), D("26.66")),
                                   (third.number, D("26.67"), D("26.67"))]
    _agree(shop)


def test_a_return_after_a_sale_recosted_earlier_takes_the_sales_new_cost(shop):
    sale = _sell(shop, "2", 20)
    ledger.receive(shop.uow(), c.ReceiveStock("WID", "10", "MAIN", "50.00", occurred_at=at(5)))
    back = _return(shop, sale, "1", 25)
    assert _return_costs(shop) == [(back.number, D("37.50"), D("37.50"))]
    _agree(shop)
