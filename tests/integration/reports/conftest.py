"""A small shop on a real SQLite file, made through the use cases, whose reports are computed by hand in the
tests. Business days are UTC days (``utc_offset_seconds=0``); the period runs from ``FIRST`` to today, because a
reversal is posted now."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import returns as supplier_returns
from domain.sales import commands as sc
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.documents import ReverseDocument
from domain.stock.documents import reverse_document
from tests import clock

TODAY = clock.TODAY  # the application's clock is pinned to it (``on_today``): a run may cross midnight
FIRST = TODAY - timedelta(days=20)


@pytest.fixture(autouse=True)
def on_today(pinned_today):
    """Every report test here runs on the application's clock pinned to ``TODAY``'s noon (``tests.clock``)."""
    return pinned_today


def day(n: int):
    """Day ``n`` of the period (0 is ``FIRST``) at 09:00 UTC."""
    return datetime.combine(FIRST + timedelta(days=n), time(9), tzinfo=UTC)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("SHOP", "Shop"))
    catalog.add_product(u(), cc.AddProduct("TEA", "绿茶 Green tea", category="茶叶", min_level="5", max_level="50"))
    catalog.add_product(u(), cc.AddProduct("CUP", "茶杯 Cup", category="杯具"))
    catalog.add_customer(u(), cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(u(), cc.AddCustomer("WALK", "Walk-in"))
    catalog.add_supplier(u(), cc.AddSupplier("NB", "Ningbo"))
    # before the period: TEA 10 at 2.00 and 10 at 3.00 (20 at 2.50, 50.00); CUP 5 at 4.00 (20.00)
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "2.00", occurred_at=day(-10)))
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "3.00", occurred_at=day(-10)))
    ledger.receive(u(), c.ReceiveStock("CUP", "5", "MAIN", "4.00", occurred_at=day(-9)))
    # the period
    sale = shipping.sell(u(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("TEA", "4", "5.00"),),
                                             occurred_at=day(1)))  # −4, −10.00: MAIN 16, 40.00
    ledger.transfer(u(), c.TransferStock("TEA", "6", "MAIN", "SHOP", occurred_at=day(2)))  # 15.00 moves
    returns.return_goods(u(), sc.ReturnFromCustomer("TEA", "1", "damaged box", shipment=sale.number,
                                                    occurred_at=day(3)))  # +1 at 2.50: MAIN 11, 27.50
    ledger.adjust(u(), c.AdjustStock("TEA", "-1", "MAIN", "broken", occurred_at=day(4)))  # MAIN 10, 25.00
    ledger.receive(u(), c.ReceiveStock("TEA", "10", "MAIN", "3.50", occurred_at=day(5)))  # MAIN 20, 60.00
    shipped = ledger.ship(u(), c.ShipStock("TEA", "2", "SHOP", occurred_at=day(6)))  # SHOP 4, 10.00
    ledger.count(u(), c.CountStock("TEA", "3", "SHOP", occurred_at=day(7)))  # −1: SHOP 3, 7.50
    shipping.sell(u(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("CUP", "2", "9.00"),),
                                      occurred_at=day(8)))  # −2, −8.00: CUP 3, 12.00
    undone = shipping.sell(u(), sc.CounterSale("WALK", "MAIN", (sc.SaleLineInput("TEA", "3", "6.00"),),
                                               occurred_at=day(9)))  # −3, −9.00: MAIN 17, 51.00
    supplier_returns.return_to_supplier(u(), supplier_returns.ReturnToSupplier(
        "NB", "MAIN", (supplier_returns.ReturnLine("TEA", "2"),), "wrong grade", occurred_at=day(10)))  # 15, 45.00
    # now: the plain shipment and the second TEA sale reversed (SHOP 5, 12.50; MAIN 18, 54.00)
    ledger.reverse(u(), c.ReverseMovement(shipped.id))
    reverse_document(u(), ReverseDocument(undone.number))
    return db
