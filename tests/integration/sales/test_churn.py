"""Customers slipping away on a constructed history in a real SQLite file.

ACME ordered every 14 days (six orders of 100.00, the last of 120.00, 60 days ago); its last order had two lines cut
and a lost sale was recorded for it just before: it is first, with the reason. BIG orders 150.00 every 30 days (two
orders, then two counter sales), the last 60 days ago: listed after. STEADY orders every 10 days and did 5 days ago;
NEW ordered once, long ago: neither is listed.
"""

from __future__ import annotations

import json
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import orders
from domain.sales import shipping
from domain.sales.churn import at_risk
from domain.sales.churn import reason_text
from domain.sales.churn import rhythms
from domain.sales.price_master import SetCustomerTerms
from domain.sales.price_master import set_customer_terms
from domain.stock import documents as docs
from domain.stock.demand import RecordUnfilledDemand
from domain.stock.demand import record_unfilled_demand
from persistence.sales.churn import read_churn_facts
from ui.cli import main

D = Decimal
TODAY = date.today()


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


@pytest.fixture
def history(db):
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


def test_each_customers_rhythm(history):
    found = {r.customer.code: r for r in rhythms(read_churn_facts(history.engine, TODAY))}
    assert set(found) == {"ACME", "BIG", "STEADY"}  # NEW has one order
    acme = found["ACME"]
    assert (acme.visits, acme.median_days, acme.basket, acme.last) == (6, D(14), D("100.00"), TODAY - timedelta(60))
    assert (found["BIG"].visits, found["BIG"].median_days, found["BIG"].basket) == (4, D(30), D("150.00"))
    assert found["STEADY"].median_days == D(10)


def test_the_silent_customer_after_short_shipments_is_first_with_the_reason(history):
    risks = at_risk(read_churn_facts(history.engine, TODAY))
    assert [r.customer.code for r in risks] == ["ACME", "BIG"]
    acme, big = risks
    # 60 days ÷ 14 = 4 orders missed × 100.00
    assert (acme.days_since, acme.missed, acme.value_at_risk) == (60, 4, D("400.00"))
    assert (acme.reason.cut, acme.reason.lost, acme.reason.waiting) == (2, 1, 0)
    assert acme.customer.phone == "0574-8888 1234"
    assert reason_text(acme.reason) == ("had 3 short-shipped lines in the 60 days before going quiet (2 cut, "
                                        "1 lost sale); ordered every 14 days (median of 6 orders), nothing for 60 days")
    assert acme.revenue_90 == D("620.00")
    assert (big.missed, big.value_at_risk, big.reason.short_lines) == (2, D("300.00"), 0)
    assert reason_text(big.reason) == "ordered every 30 days (median of 4 orders), nothing for 60 days"


def test_an_open_line_past_its_date_is_a_backorder_in_the_reason(history):
    so = orders.create_order(history.uow(), sc.CreateSalesOrder("BIG", "MAIN", created_at=ago(58, 9)))
    orders.add_line(history.uow(), sc.AddSalesOrderLine(so.id, "NUT", "3", "2"))
    orders.confirm(history.uow(), sc.ConfirmSalesOrder(so.id, override=True, confirmed_at=ago(58, 10)))
    big = {r.customer.code: r for r in at_risk(read_churn_facts(history.engine, TODAY))}["BIG"]
    # the order is a visit too: 58 days ago; still overdue against 30 (median of 30, 30, 30, 2)
    assert (big.reason.waiting, big.days_since) == (1, 58)
    assert "1 waiting" in reason_text(big.reason)


def test_cli_at_risk_table_json_and_files(history, tmp_path, capsys):
    path = str(history.path)
    assert main(["--db", path, "customers", "at-risk"]) == 0
    out = capsys.readouterr().out
    assert out.index("ACME") < out.index("BIG") and "400.00" in out and "had 3 short-shipped lines" in out
    assert "STEADY" not in out and "NEW" not in out
    assert main(["--db", path, "customers", "at-risk", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["customer"] for r in rows] == ["ACME", "BIG"]
    assert rows[0]["value_at_risk"] == "400.00" and rows[0]["phone"] == "0574-8888 1234"
    assert rows[0]["short_lines"] == {"cut": 2, "lost": 1, "waiting": 0}
    xlsx = tmp_path / "at-risk.xlsx"
    assert main(["--db", path, "customers", "at-risk", "-o", str(xlsx)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][1] == "ACME" and values[2][1] == "BIG"
    pdf = tmp_path / "calls.pdf"
    assert main(["--db", path, "customers", "at-risk", "-o", str(pdf), "--language", "zh"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    english = tmp_path / "calls-en.pdf"
    assert main(["--db", path, "customers", "at-risk", "-o", str(english)]) == 0
    assert "1 customer(s)" not in capsys.readouterr().out  # two: ACME and BIG


def test_cli_at_risk_refuses_a_file_it_cannot_write(history, tmp_path, capsys):
    assert main(["--db", str(history.path), "customers", "at-risk", "-o", str(tmp_path / "x.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
