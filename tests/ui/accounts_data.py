"""A small business with receivables and payables, made through the use cases (sales at the counter dated in the
past, customer terms of 30 days, receipts allocated oldest first): what the accounts screens' tests and screenshots
read. Dates are counted back from ``today`` so the ageing bands are the same on any day."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from domain.accounts import commands as ac
from domain.accounts.money import record_money
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel import clock
from domain.sales import commands as sc
from domain.sales.price_master import SetCustomerTerms
from domain.sales.price_master import set_customer_terms
from domain.sales.shipping import sell
from domain.stock import commands as stc
from domain.stock import ledger

CUSTOMERS = (("HZ01", "杭州明远五金机电有限公司"), ("NB02", "宁波海通建材商行"), ("SH03", "Shanghai Tools Co."),
             ("SZ04", "深圳鑫达贸易有限公司"), ("WX05", "无锡恒信机械厂"))


def at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0)).astimezone(UTC)


def sale(uow, customer: str, day: date, qty: str, price: str, sku: str = "HM-1") -> str:
    return sell(uow(), sc.CounterSale(customer, "W1", (sc.SaleLineInput(sku, qty, price),), occurred_at=at(day))).number


def receipt(uow, customer: str, amount: str, day: date, method: str = "bank", reference: str = "",
            allocate: tuple[str, ...] = ()) -> str:
    return record_money(uow(), ac.RecordMoney("receipt", customer, amount, method=method, day=day, reference=reference,
                                              allocate=tuple(ac.AllocateTo(n) for n in allocate))).number


def build(db, today: date | None = None, customers=CUSTOMERS) -> dict[str, str]:
    """The customers with their sales and receipts; returns each sale's number by a name (``HZ01-old``…)."""
    today = today or clock.today()
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("HM-1", "Hammer"))
    catalog.add_product(uow(), c.AddProduct("SD-1", "Screwdriver"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_supplier(uow(), c.AddSupplier("SUP", "Supplier"))
    for sku in ("HM-1", "SD-1"):
        ledger.receive(uow(), stc.ReceiveStock(sku, "100000", "W1", "2", occurred_at=at(today - timedelta(days=200))))
    for code, name in customers:
        catalog.add_customer(uow(), c.AddCustomer(code, name))
        set_customer_terms(uow(), SetCustomerTerms(code, payment_days=30))
    d = lambda n: today - timedelta(days=n)  # noqa: E731
    out = {}
    # Prices are before the 13% tax. HZ01: 1,000.00 sold 130 days ago (due 100 days ago: over 90), 500.00 sold 45
    # days ago (due 15 ago: 1–30), 300.00 sold 5 days ago (current); 400.00 received 20 days ago, allocated oldest
    # first to the first sale.
    out["HZ01-old"] = sale(uow, "HZ01", d(130), "100", "10")
    out["HZ01-mid"] = sale(uow, "HZ01", d(45), "50", "10")
    out["HZ01-new"] = sale(uow, "HZ01", d(5), "30", "10")
    receipt(uow, "HZ01", "400", d(20), reference="BOC 8812")
    # NB02: 800.00 sold 100 days ago (due 70 ago: 61–90) still open; 2,000.00 sold 75 days ago (due 45 ago: 31–60),
    # paid in full 10 days ago by a receipt allocated to it by hand.
    out["NB02-a"] = sale(uow, "NB02", d(100), "80", "10")
    out["NB02-b"] = sale(uow, "NB02", d(75), "200", "10")
    receipt(uow, "NB02", "2260", d(10), allocate=(out["NB02-b"],))
    # SH03: 600.00 sold 10 days ago, and a prepayment of 1,000.00: 400.00 of credit.
    out["SH03-a"] = sale(uow, "SH03", d(10), "60", "10")
    receipt(uow, "SH03", "1000", d(8), method="wechat")
    # SZ04: 3,500.00 sold 65 days ago (due 35 ago: 31–60).
    out["SZ04-a"] = sale(uow, "SZ04", d(65), "350", "10")
    # WX05: 250.00 sold 3 days ago (current).
    out["WX05-a"] = sale(uow, "WX05", d(3), "25", "10")
    return out


def payables(db, today: date | None = None) -> str:
    """Supplier SUP: a purchase order of 10 HM-1 at 50.00 (tax at the company's rate) received 40 days ago, a
    payable; returns the order's number (the goods receipt's items carry it)."""
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    today = today or clock.today()
    uow = db.uow
    draft = purchasing.create_draft(uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    purchasing.add_lines(uow(), draft.id, [pc.AddPurchaseOrderLine(draft.id, "HM-1", "10", "50")])
    number = purchasing.issue(uow(), pc.IssuePurchaseOrder(draft.id)).number
    purchasing.receive(uow(), pc.ReceivePurchaseOrder(number, occurred_at=at(today - timedelta(days=40))))
    return number
