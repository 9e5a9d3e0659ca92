"""A small ledger made through the use cases whose dashboard figures the tests compute by hand (UTC business days;
the period is ``FIRST`` .. today, 21 days): see ``test_dashboard.py``."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import InsufficientStock
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import price_master
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import ledger
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import day


def build(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("SHOP", "Shop"))
    catalog.add_product(u(), cc.AddProduct("TEA", "Green tea", category="茶叶"))
    catalog.add_product(u(), cc.AddProduct("CUP", "Cup", category="杯具"))
    catalog.add_product(u(), cc.AddProduct("OLD", "Old pot", category="杯具"))
    catalog.add_customer(u(), cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(u(), cc.AddCustomer("WALK", "Walk-in"))
    price_master.set_list_price(u(), price_master.SetListPrice("TEA", "retail", "8.00"))
    # before the period: TEA 20 at 2.00 (40.00), CUP 5 at 4.00 (20.00), OLD 4 at 5.00 (20.00), never sold
    ledger.receive(u(), c.ReceiveStock("TEA", "20", "MAIN", "2.00", occurred_at=day(-10)))
    ledger.receive(u(), c.ReceiveStock("CUP", "5", "MAIN", "4.00", occurred_at=day(-10)))
    ledger.receive(u(), c.ReceiveStock("OLD", "4", "MAIN", "5.00", occurred_at=day(-300)))
    # the period
    shipping.sell(u(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("TEA", "4", "5.00"),),
                                      occurred_at=day(1)))  # TEA 16, 32.00
    shipping.sell(u(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("CUP", "5", "9.00"),),
                                      occurred_at=day(2)))  # CUP 0: out from day 2
    with pytest.raises(InsufficientStock):  # refused: 2 CUP of unfilled demand
        shipping.sell(u(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("CUP", "2", "9.00"),),
                                          occurred_at=day(3)))
    ledger.receive(u(), c.ReceiveStock("CUP", "10", "MAIN", "4.00", occurred_at=day(5)))  # back in on day 5
    # SO1 due day 6: TEA 3 shipped day 6 (on time), CUP 2 at 9.50 shipped day 8 (late)
    so1 = orders.create_order(u(), sc.CreateSalesOrder("ACME", "MAIN", requested_on=FIRST + timedelta(days=6),
                                                       created_at=day(4)))
    orders.add_line(u(), sc.AddSalesOrderLine(so1.number or so1.id, "TEA", "3", "5.00"))
    orders.add_line(u(), sc.AddSalesOrderLine(so1.number or so1.id, "CUP", "2", "9.50"))
    so1 = orders.confirm(u(), sc.ConfirmSalesOrder(so1.id, confirmed_at=day(4)))
    shipping.ship(u(), sc.ShipSalesOrder(so1.number, (("TEA", "3"),), occurred_at=day(6)))
    shipping.ship(u(), sc.ShipSalesOrder(so1.number, (("CUP", "2"),), occurred_at=day(8)))
    # SO2 due day 7: TEA 5, 3 shipped on day 7 and 2 cut (unfilled demand): not complete
    so2 = orders.create_order(u(), sc.CreateSalesOrder("ACME", "MAIN", requested_on=FIRST + timedelta(days=7),
                                                       created_at=day(4)))
    orders.add_line(u(), sc.AddSalesOrderLine(so2.id, "TEA", "5", "5.00"))
    so2 = orders.confirm(u(), sc.ConfirmSalesOrder(so2.id, confirmed_at=day(4)))
    shipping.ship(u(), sc.ShipSalesOrder(so2.number, (("TEA", "3"),), occurred_at=day(7)))
    orders.cut_line(u(), sc.CutSalesOrderLine(so2.number, "TEA", "customer took the rest elsewhere"))
    # now: TEA 10 (20.00), CUP 8 (32.00), OLD 4 (20.00): 72.00
    return db


def add_backorders(db):
    """Two customers waiting, confirmed past the stock on hand in MAIN (now TEA 10, CUP 8), no PO to bring more:
    ACME for 5 TEA (asks 15), WALK for 2 CUP (asks 10)."""
    u = db.uow
    for customer, sku, qty in (("ACME", "TEA", "15"), ("WALK", "CUP", "10")):
        so = orders.create_order(u(), sc.CreateSalesOrder(customer, "MAIN", created_at=day(19)))
        orders.add_line(u(), sc.AddSalesOrderLine(so.id, sku, qty, "5.00"))
        orders.confirm(u(), sc.ConfirmSalesOrder(so.id, override=True, confirmed_at=day(19)))
    return db
