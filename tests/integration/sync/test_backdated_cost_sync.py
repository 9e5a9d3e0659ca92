"""A sale's cost through a sync: a receipt one desk back-dated offline reaches the desk that sold (and the sale
reaches the desk that received); each desk's recompute values the sale at the new average and its sales line follows
(``persistence.sales.costs``), so on both desks the margin tells the cost the ledger and the stock summary tell. A
customer return of the sale comes back at its share of the sale's new cost (``valuation.returned_unit_cost``)."""

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


def two_desks(hub, devices):
    """Desks a and b sharing a warehouse, a product and a customer; b has received 10 at 25 on the 10th."""
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("WID", "Widget"))
    catalog.add_customer(a.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    ledger.receive(b.uow(), c.ReceiveStock("WID", "10", "MAIN", "25.00", occurred_at=at(10)))
    return a, b


def test_a_receipt_back_dated_on_another_desk_recosts_the_sale_on_both(hub, devices):
    a, b = two_desks(hub, devices)
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


def returned(db) -> list[tuple[Decimal, Decimal]]:
    """Each customer return's value (what came back) beside its line's cost (positive)."""
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT v.value, -l.cost FROM movements m JOIN movement_values v ON v.movement_id = m.id "
            "JOIN documents d ON d.number = m.source_ref JOIN sales_lines l ON l.document_id = d.id "
            "WHERE m.source_type = 'customer_return' AND m.kind <> 'reversal'").all()  # stored: 10**-4


def as_money(rows) -> list[tuple[Decimal, Decimal]]:
    return [(D(value).scaleb(-4), D(cost).scaleb(-4)) for value, cost in rows]


def test_a_return_comes_back_at_its_sales_new_cost_when_a_receipt_back_dated_on_another_desk_recosts_the_sale(
        hub, devices):
    from domain.sales import returns

    a, b = two_desks(hub, devices)
    sale = shipping.sell(b.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("WID", "2", "60.00"),),
                                                 occurred_at=at(20)))
    returns.return_goods(b.uow(), sc.ReturnFromCustomer("WID", "1", "damaged", shipment=sale.number,
                                                        occurred_at=at(25)))
    assert as_money(returned(b)) == [(D("25.00"), D("25.00"))]
    sync.sync(b, hub)  # the sale and the return reach the hub at 25 a unit
    ledger.receive(a.uow(), c.ReceiveStock("WID", "10", "MAIN", "50.00", occurred_at=at(5)))  # offline on a
    sync.sync(a, hub)  # a pulls b's receipt, sale and return, all later than its own receipt: 37.50 a unit
    sync.sync(b, hub)  # b pulls a's receipt, earlier than its sale and return
    for desk in (a, b):
        assert as_money(returned(desk)) == [(D("37.50"), D("37.50"))]
        assert costs(desk) == (D("37.50"), D("75.00"))  # the margin: 75.00 out, 37.50 back; the summary's sales
        assert check(desk.engine) == []
