"""Sales across desktops: customer terms, prices, sales orders, their reservations and the money of a sale reach the
other desks; what one desk ships against an order another desk confirmed is reserved no more anywhere; a sales record
on the hub that breaks the rules is kept aside."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import shipping
from domain.sales.prices import quote
from domain.stock import commands as stock
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.sales.orders import check_reserved
from persistence.stock.queries import check
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres


def shop(db) -> None:
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(u(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_customer(u(), c.AddCustomer("C1", "Hangzhou Mingyuan"))
    ledger.receive(u(), stock.ReceiveStock("BOLT", "10", "MAIN", "2.00"))


def reserved_of(db) -> dict:
    with db.engine.connect() as conn:
        return {r.warehouse_id: r.reserved for r in conn.execute(select(t.balances)) if r.reserved}


def sales_lines_of(db) -> list[tuple]:
    S = t.sales_lines
    with db.engine.connect() as conn:
        return sorted(conn.execute(select(S.c.qty, S.c.unit_price, S.c.revenue, S.c.cost, S.c.margin)).all())


def test_an_order_confirmed_on_one_desk_is_reserved_shipped_and_closed_from_another(hub, devices):
    a, b = devices("a"), devices("b")
    shop(a)
    with a.uow() as u:
        customer = u.customers.by_code("C1")
        product = u.products.by_sku("BOLT")
    order = orders.create_order(a.uow(), sc.CreateSalesOrder("C1", "MAIN"))
    orders.add_line(a.uow(), sc.AddSalesOrderLine(order.number, "BOLT", "6", price="5.00"))
    orders.confirm(a.uow(), sc.ConfirmSalesOrder(order.number))
    shipping.ship(a.uow(), sc.ShipSalesOrder(order.number, (("BOLT", "2"),)))
    assert list(reserved_of(a).values()) == [Decimal(4)]

    sync.sync(a, hub)
    sync.sync(b, hub)
    assert list(reserved_of(b).values()) == [Decimal(4)]  # the pulled order reserves on b too
    assert sales_lines_of(b) == sales_lines_of(a) == [
        (Decimal(2), Decimal("5.00"), Decimal("10.00"), Decimal("4.00"), Decimal("6.00"))]
    assert check(b.engine) == [] and check_reserved(b.engine) == []
    with b.uow() as u:  # the sale is the customer's last price on b as well
        assert quote(u, customer.id, product.id).last_price == Decimal("5.00")

    shipping.ship(b.uow(), sc.ShipSalesOrder(order.number))  # b ships the rest
    assert reserved_of(b) == {}
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert reserved_of(a) == {}
    assert orders.load_order(a.uow(), order.number).state == "shipped"
    assert check(a.engine) == [] and check_reserved(a.engine) == []
    assert len(sales_lines_of(a)) == 2


def test_a_sales_order_or_price_on_the_hub_that_breaks_the_rules_is_kept_aside(hub, devices):
    a = devices("a")
    shop(a)
    order = orders.create_order(a.uow(), sc.CreateSalesOrder("C1", "MAIN"))
    orders.add_line(a.uow(), sc.AddSalesOrderLine(order.number, "BOLT", "3", price="5.00"))
    orders.confirm(a.uow(), sc.ConfirmSalesOrder(order.number))
    sync.sync(a, hub)
    w = HostileWriter(hub)
    try:
        record = w.hub_record("sales_orders", order.id)
        bogus_id = str(uuid.uuid4())
        lines = [dict(x, id=str(uuid.uuid4()), so_id=bogus_id) for x in record["_children"]["sales_order_lines"]]
        w.record("sales_orders", bogus_id, dict(record, id=bogus_id, number="SO-2026-00099", seq=99, state="promised",
                                                _children={"sales_order_lines": lines}))
        over_id = str(uuid.uuid4())
        over = [dict(x, id=str(uuid.uuid4()), so_id=over_id, shipped="2", cancelled="2") for x in lines]
        w.record("sales_orders", over_id, dict(record, id=over_id, number="SO-2026-00098", seq=98,
                                               _children={"sales_order_lines": over}))
        with a.uow() as u:
            product_id = u.products.by_sku("BOLT").id
        key = json.dumps([product_id, "retail"])
        w.record("product_prices", key, {"product_id": product_id, "level": "retail", "price": "-1",
                                         "device_id": "", "version": 1})
    finally:
        w.close()
    b = devices("b")
    sync.sync(b, hub)
    held = quarantined(b)
    assert "state" in held[bogus_id] and "promised" in held[bogus_id]
    assert "exceed the ordered 3" in held[over_id]
    assert "price" in held[key]
    with b.engine.connect() as conn:
        assert conn.execute(select(t.product_prices)).all() == []
        assert conn.execute(select(t.sales_orders.c.number)).scalars().all() == [order.number]
    assert list(reserved_of(b).values()) == [Decimal(3)]
    assert check(b.engine) == [] and check_reserved(b.engine) == []
