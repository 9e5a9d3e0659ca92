"""``uow.prices`` on a real SQLite file: the quote's inputs, and the last price skipping reversed documents."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

from sqlalchemy import insert

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales.prices import CustomerTerms
from domain.sales.prices import quote
from persistence import tables as t

D = Decimal


def test_prices_terms_and_the_quote_round_trip(db):
    catalog.add_product(db.uow(), c.AddProduct("SCREW", "螺丝"))
    catalog.add_customer(db.uow(), c.AddCustomer("ACME", "顶好商贸"))
    with db.uow() as uow:
        p = uow.products.by_sku("SCREW").id
        cust = uow.customers.by_code("ACME").id
        uow.prices.set_list_price(p, "retail", D("12.50"))
        uow.prices.set_list_price(p, "wholesale", D("10"))
        uow.prices.set_terms(CustomerTerms(cust, "wholesale", D(5), credit_limit=D("5000")))
        uow.prices.set_product_tax_rate(p, D(9))
        uow.commit()
    with db.uow() as uow:
        q = quote(uow, cust, p)
        assert (q.unit_price, q.list_price, q.discount, q.tax_rate, q.source) == (D("9.5"), D(10), D(5), D(9),
                                                                                   "level")
        assert uow.prices.terms(cust).version == 1 and uow.prices.terms(cust).credit_limit == D(5000)
        uow.prices.set_customer_price(cust, p, D("8.8"))
        uow.prices.set_product_tax_rate(p, None)
        uow.commit()
    with db.uow() as uow:
        q = quote(uow, cust, p)
        assert (q.unit_price, q.tax_rate, q.source) == (D("8.8"), D(13), "customer")


def test_the_last_price_is_the_newest_line_of_a_document_not_reversed(db):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_product(db.uow(), c.AddProduct("SCREW", "螺丝"))
    catalog.add_customer(db.uow(), c.AddCustomer("ACME", "顶好商贸"))
    with db.uow() as uow:
        p, cust = uow.products.by_sku("SCREW").id, uow.customers.by_code("ACME").id
        w = uow.warehouses.by_code("MAIN").id
        assert uow.prices.last_price(cust, p) is None
    with db.engine.begin() as conn:
        for seq, (day, price, reversed_) in enumerate([(1, "10", False), (2, "11", False), (3, "12", True)], 1):
            at = datetime(2026, 3, day, 9, tzinfo=UTC)
            conn.execute(insert(t.documents).values(
                id=f"d{seq}", kind="shipment", number=f"SH-2026-{seq:05d}", year=2026, seq=seq, warehouse_id=w,
                business_date=date(2026, 3, day), occurred_at=at, posted_at=at, reversed=reversed_))
            conn.execute(insert(t.sales_lines).values(
                document_id=f"d{seq}", line_no=1, customer_id=cust, product_id=p, qty=D(1), unit_price=D(price),
                tax_rate=D(13), revenue=D(price), tax=D(0), cost=D(0), margin=D(0), occurred_at=at))
    with db.uow() as uow:
        assert uow.prices.last_price(cust, p) == D(11)
        assert quote(uow, cust, p).last_price == D(11)
