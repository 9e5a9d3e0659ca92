"""Constructed histories of the partner scorecards' tests: the suppliers' POs, receipts and returns, and the customers'
orders and shortfalls, built through the use cases on a real database (the integration and screen tests share them).
"""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import returns
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import shipping
from domain.sales.price_master import SetCustomerTerms
from domain.sales.price_master import set_customer_terms
from domain.stock import documents as docs
from domain.stock.demand import RecordUnfilledDemand
from domain.stock.demand import record_unfilled_demand
from tests import clock

# The day the histories end on; a module using them pins the application's clock to it (``pinned_today``), so the
# screens' and the CLI's own today is the same day however long after the import they run.
TODAY = clock.TODAY


def noon(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, 0, tzinfo=UTC)


def order(db, issued: datetime, expected: date, *lines: tuple[str, str, str]) -> str:
    po = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN", expected_on=expected))
    for sku, qty, price in lines:
        po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, sku, qty, price))
    return po_uc.issue(db.uow(), pc.IssuePurchaseOrder(po.id, issued_at=issued)).number


def receive(db, po: str, at: datetime, *lines: tuple[str, str]) -> None:
    po_uc.receive(db.uow(), pc.ReceivePurchaseOrder(po, lines, occurred_at=at))


def supplier_history(db):
    """NB's four POs and return, SZ's receipt document (see tests/integration/purchasing/test_scorecard.py)."""
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_supplier(u(), c.AddSupplier("SZ", "深圳五金"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("NUT", "六角螺母 M3"))
    po1 = order(db, noon(3, 1), date(2026, 3, 10), ("SCREW", "100", "2.00"), ("NUT", "50", "0.10"))
    receive(db, po1, noon(3, 8), ("SCREW", "100"), ("NUT", "50"))
    po2 = order(db, noon(4, 1), date(2026, 4, 10), ("SCREW", "100", "2.20"))
    receive(db, po2, noon(4, 13), ("SCREW", "60"))
    po_uc.close_short(db.uow(), pc.ClosePurchaseOrderShort(po2, "supplier out of stock"))
    po3 = order(db, noon(5, 1), date(2026, 5, 10), ("SCREW", "100", "2.50"), ("NUT", "50", "0.10"))
    receive(db, po3, noon(5, 10), ("SCREW", "100"))
    receive(db, po3, noon(5, 12), ("NUT", "50"))
    order(db, noon(5, 20), date(2026, 6, 1), ("SCREW", "40", "2.50"))
    returns.return_to_supplier(db.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "10"),), "damaged", occurred_at=noon(5, 20)))
    docs.post_document(db.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("NUT", "10", "0.10"),), partner="SZ", business_date=date(2026, 2, 2)))
    return db


def ago(days: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days), time(hour)).astimezone()


def sale_order(db, customer: str, days: int, *lines: tuple[str, str, str], ship: bool = True) -> str:
    so = orders.create_order(db.uow(), sc.CreateSalesOrder(customer, "MAIN", created_at=ago(days, 9)))
    for sku, qty, price in lines:
        orders.add_line(db.uow(), sc.AddSalesOrderLine(so.id, sku, qty, price))
    orders.confirm(db.uow(), sc.ConfirmSalesOrder(so.id, confirmed_at=ago(days, 10)))
    if ship:
        shipping.ship(db.uow(), sc.ShipSalesOrder(so.id, occurred_at=ago(days, 11)))
    return so.id


def counter_sale(db, customer: str, days: int, qty: str, price: str) -> None:
    shipping.sell(db.uow(), sc.CounterSale(customer, "MAIN", (sc.SaleLineInput("SCREW", qty, price),),
                                           occurred_at=ago(days)))


def customer_history(db):
    """ACME, BIG, STEADY and NEW (see tests/integration/sales/test_churn.py)."""
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    for sku in ("SCREW", "NUT", "BOLT"):
        catalog.add_product(u(), c.AddProduct(sku, sku.title()))
    for code, name in (("ACME", "艾克米五金"), ("BIG", "大发建材"), ("STEADY", "稳定装修"), ("NEW", "新客户")):
        catalog.add_customer(u(), c.AddCustomer(code, name))
    set_customer_terms(u(), SetCustomerTerms("ACME", phone="0574-8888 1234"))
    docs.post_document(u(), docs.PostDocument("receipt", "MAIN", (docs.LineInput("SCREW", "1000", "5"),
                                                                  docs.LineInput("BOLT", "100", "1")),
                                              business_date=TODAY - timedelta(days=200)))
    for days in (130, 116, 102, 88, 74):
        sale_order(db, "ACME", days, ("SCREW", "10", "10"))
    # the last order: the screws leave, the nuts are not there at all, the bolts are cut
    so = orders.create_order(u(), sc.CreateSalesOrder("ACME", "MAIN", created_at=ago(60, 9)))
    orders.add_line(u(), sc.AddSalesOrderLine(so.id, "SCREW", "10", "10"))
    orders.add_line(u(), sc.AddSalesOrderLine(so.id, "NUT", "5", "2"))
    orders.add_line(u(), sc.AddSalesOrderLine(so.id, "BOLT", "5", "2"))
    orders.confirm(u(), sc.ConfirmSalesOrder(so.id, override=True, confirmed_at=ago(60, 10)))
    shipping.ship(u(), sc.ShipSalesOrder(so.id, (("SCREW", "10"),), occurred_at=ago(60, 11)))
    orders.cut_line(u(), sc.CutSalesOrderLine(so.id, "NUT", "not in stock"))
    orders.cut_line(u(), sc.CutSalesOrderLine(so.id, "BOLT", "not in stock"))
    record_unfilled_demand(u(), RecordUnfilledDemand("NUT", "20", "MAIN", customer="ACME", occurred_at=ago(62)))
    sale_order(db, "BIG", 150, ("SCREW", "15", "10"))
    sale_order(db, "BIG", 120, ("SCREW", "15", "10"))
    counter_sale(db, "BIG", 90, "15", "10")
    counter_sale(db, "BIG", 60, "15", "10")
    for days in (35, 25, 15, 5):
        counter_sale(db, "STEADY", days, "1", "10")
    counter_sale(db, "NEW", 100, "50", "10")
    return db
