"""A sale's cost through a sync: a receipt one desk back-dated offline reaches the desk that sold (and the sale
reaches the desk that received); each desk's recompute values the sale at the new average and its sales line follows
(``persistence.sales.costs``), so on both desks the margin tells the cost the ledger and the stock summary tell."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.sales import MarginBy
from domain.reports.sales import margin_rows
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.sales import commands as sc
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.reports import queries
from persistence.stock.queries import check

pytestmark = pytest.mark.postgres

D = Decimal
SEPTEMBER = Period(date(2026, 9, 1), date(2026, 9, 30))


def at(day: int) -> datetime:
    return datetime(2026, 9, day, 12, tzinfo=UTC)


def costs(db) -> tuple[Decimal, Decimal]:
    """The sale's cost in the margin, and what the stock summary says left as sales."""
    [margin] = margin_rows(queries.sales_figures(db.engine, SEPTEMBER, MarginBy.PRODUCT))
    pairs, products, warehouses = queries.stock_summary(db.engine, SEPTEMBER, SummaryBy.PRODUCT)
    [row] = summarize(pairs, SummaryBy.PRODUCT, products, warehouses)
    return margin.cost, -row.flows[Flow.SALE].value


def test_a_receipt_back_dated_on_another_desk_recosts_the_sale_on_both(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("WID", "Widget"))
    catalog.add_customer(a.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    ledger.receive(b.uow(), c.ReceiveStock("WID", "10", "MAIN", "25.00", occurred_at=at(10)))
    shipping.sell(b.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("WID", "2", "60.00"),),
                                          occurred_at=at(20)))
    assert costs(b) == (D("50.00"), D("50.00"))
    sync.sync(b, hub)  # the sale reaches the hub at 25 a unit
    ledger.receive(a.uow(), c.ReceiveStock("WID", "10", "MAIN", "50.00", occurred_at=at(5)))  # offline on a
    sync.sync(a, hub)  # a pulls b's receipt and sale, later than its own receipt: 37.50 a unit
    sync.sync(b, hub)  # b pulls a's receipt, earlier than its sale
    for desk in (a, b):
        assert costs(desk) == (D("75.00"), D("75.00"))
        assert check(desk.engine) == []
