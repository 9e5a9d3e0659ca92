"""Customers slipping away on a constructed history in a real SQLite file.

ACME ordered every 14 days (six orders of 100.00, the last of 120.00, 60 days ago); its last order had two lines cut
and a lost sale was recorded for it just before: it is first, with the reason. BIG orders 150.00 every 30 days (two
orders, then two counter sales), the last 60 days ago: listed after. STEADY orders every 10 days and did 5 days ago;
NEW ordered once, long ago: neither is listed.
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.sales import commands as sc
from domain.sales import orders
from domain.sales.churn import at_risk
from domain.sales.churn import reason_text
from domain.sales.churn import rhythms
from persistence.sales.churn import read_churn_facts
from tests.partner_histories import TODAY
from tests.partner_histories import ago
from tests.partner_histories import customer_history
from ui.cli import main

D = Decimal

# The histories end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def history(db):
    return customer_history(db)


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


def test_the_call_list_says_the_reason_in_chinese(history):
    from ui.pdf.call_list import reason_words

    acme = at_risk(read_churn_facts(history.engine, TODAY))[0]
    assert reason_words(acme.reason, "zh_CN") == ("沉寂前 60 天内有 3 行未足额发货（砍单 2 行，缺货未成交 1 次）；"
                                                 "平时每 14 天下单一次（6 张订单的中位数），已 60 天未下单")


def test_the_call_list_prints_each_phone_number_whole(history):
    """A phone number is dialled digit by digit: it prints on one line, smaller, or broken at a '-' or a space only
    (ui.pdf.cells); the Phone column broke '+86 139-1234-5678 转 8001' anywhere, as Chinese text wraps."""
    from dataclasses import replace
    from io import BytesIO

    from pypdf import PdfReader

    from tests.pdf_codes import broken_codes
    from ui.pdf.call_list import render_call_list

    phones = ["+86 139-1234-5678-8001", "0574-88881234-801#2"]
    risks = [replace(r, rhythm=replace(r.rhythm, customer=replace(r.customer, phone=phone)))
             for r, phone in zip(at_risk(read_churn_facts(history.engine, TODAY)), phones, strict=True)]
    for language in ("en", "zh_CN"):
        data = render_call_list(risks, TODAY, language)
        text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
        assert broken_codes(phones, text) == []
