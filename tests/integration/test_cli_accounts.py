"""The receivables and payables commands end to end, each step a separate process as a script would run it."""

from __future__ import annotations

import json

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "accounts.sqlite3"
    run = cli_in_child(db)

    database = open_database(db)
    u = database.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "Acme Trading"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    database.close()
    run("receive", "SCREW", "100", "--warehouse", "MAIN", "--unit-cost", "2", "--at", "2026-09-01T09:00")
    return run


def test_receipts_allocate_by_hand_and_oldest_first_and_balances_show_what_is_left(cli):
    cli("payment-terms", "ACME", "--basis", "month_end", "--days", "30")
    sd1 = cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "10", "--price", "100", "--at",
              "2026-10-14T12:00").strip()
    sd2 = cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "5", "--price", "100", "--at",
              "2026-11-03T12:00").strip()
    out = cli("receipt", "add", "--customer", "ACME", "500", "--allocate", f"{sd2}:200", "--method", "bank",
              "--date", "2026-11-20", "--ref", "TT 8841")
    assert out.splitlines()[0].endswith(": 500.00 from ACME") and f"{sd2}: 200.00" in out
    assert "unallocated (credit) 300.00" in out
    rc1 = out.split(":")[0]
    cli("allocate", rc1, sd1, "--date", "2026-11-25")  # dated, as the as-of dates below are
    items = json.loads(cli("open-items", "ACME", "--json", "--as-of", "2026-12-06"))
    assert [(x["number"], x["open"], x["due"], x["days_overdue"]) for x in items] == [
        (sd1, "830", "2026-11-30", 6), (sd2, "365", "2026-12-30", 0)]
    rows = json.loads(cli("balances", "--customers", "--json", "--as-of", "2026-12-06"))
    assert [(r["code"], r["balance"], r["credit"], r["current"], r["d1_30"]) for r in rows] == [
        ("ACME", "1195", "0", "365", "830")]
    ageing = json.loads(cli("ageing", "--json", "--as-of", "2026-12-06"))
    assert (ageing["balance"], ageing["overdue"], ageing["partners"]) == ("1195", "830", 1)
    assert "1,195.00" in cli("balances", "--customers")  # grouped, as the other tables print money

    cli("receipt", "reverse", rc1, "--reason", "the transfer was returned")
    listed = json.loads(cli("receipt", "list", "--json"))
    assert [(r["number"], r["reversed"], r["reference"]) for r in listed] == [(rc1, True, "TT 8841")]
    assert json.loads(cli("balances", "--customers", "--json"))[0]["balance"] == "1695"


def test_refusals_exit_3_and_bad_input_exit_2_naming_the_field(cli):
    sd = cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "1", "--price", "100", "--at",
             "2026-10-14T12:00").strip()
    err = cli("receipt", "add", "--customer", "ACME", "500", "--allocate", f"{sd}:200", code=3)
    assert "is more than is open on it (113)" in err
    err = cli("receipt", "add", "--customer", "ACME", "0", code=2)
    assert "amount" in err and "greater than 0" in err
    err = cli("receipt", "add", "--customer", "NOBODY", "5", code=3)
    assert "NOBODY" in err
    err = cli("receipt", "add", "--customer", "ACME", "5", "--method", "cheque", code=3)
    assert "cheque" in err and "payment-method add" in err
    err = cli("receipt", "reverse", "RC-2026-09999", "--reason", "x", code=3)
    assert "RC-2026-09999" in err
    assert json.loads(cli("receipt", "list", "--json")) == []


def test_payments_refunds_and_payment_methods(cli):
    cli("payment-method", "add", "cheque", "Cheque")
    methods = json.loads(cli("payment-method", "list", "--json"))
    assert [m["code"] for m in methods] == ["cash", "bank", "wechat", "alipay", "other", "cheque"]
    out = cli("payment", "add", "--supplier", "NB", "300", "--method", "cheque")  # a prepayment: credit
    pm = out.split(":")[0]
    assert pm.startswith("PM-") and "unallocated (credit) 300" in out
    rows = json.loads(cli("balances", "--suppliers", "--json"))
    assert [(r["code"], r["balance"], r["credit"]) for r in rows] == [("NB", "-300", "300")]
    err = cli("refund", "add", "--supplier", "NB", "400", code=3)
    assert "at most 300" in err
    out = cli("refund", "add", "--supplier", "NB", "300", "--method", "bank")
    assert out.startswith("RF-") and f"{pm}: 300" in out
    assert json.loads(cli("balances", "--suppliers", "--json")) == []
    assert json.loads(cli("payment", "list", "--json"))[0]["unallocated"] == "0"


def test_open_items_print_each_kind_in_words_with_a_total_that_is_the_balance_and_write_a_file(cli, tmp_path):
    """open-items printed the kinds as stored (sale, receipt) and no total; it now says Sale / 销售单, its total is
    the customer's balance, and the same list is written to Excel or PDF."""
    from openpyxl import load_workbook

    sd = cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "10", "--price", "100", "--at",
             "2026-10-14T12:00").strip()
    cli("receipt", "add", "--customer", "ACME", "2000", "--date", "2026-11-20", "--allocate", f"{sd}:300")
    out = cli("open-items", "ACME", "--as-of", "2026-12-06").splitlines()
    assert out[:3] == ["OPEN ITEMS (RECEIVABLE)", "Customer: ACME Acme Trading", "As of: 2026-12-06"]
    assert out[3].split() == ["Number", "Document", "type", "Date", "Due", "date", "Days", "overdue", "Original",
                              "amount", "Allocated", "Open"]
    assert out[4].split()[:2] == [sd, "Sale"] and out[5].split()[1] == "Receipt"
    balance = json.loads(cli("balances", "--customers", "--json"))[0]["balance"]
    assert out[-1].split() == ["Total", f"{float(balance):,.2f}"] == ["Total", "-870.00"]
    zh = cli("open-items", "ACME", "--language", "zh").splitlines()
    assert zh[0] == "应收未清明细" and "销售单" in zh[4] and "收款单" in zh[5] and zh[-1].split()[0] == "合计"
    target = tmp_path / "oi.xlsx"
    cli("open-items", "ACME", "-o", str(target), "--language", "zh")
    values = [v for row in load_workbook(target).active.iter_rows(values_only=True) for v in row if v is not None]
    assert "销售单" in values and "sale" not in values and -870 in values


def test_balances_and_ageing_age_by_due_or_document_date_in_the_bands_asked_for_or_saved(cli, tmp_path):
    """balances and ageing had only the due date and 30/60/90: --by and --bands choose, ageing --save keeps the
    choice as the office's, and the workbook heads its bands so."""
    from openpyxl import load_workbook

    cli("payment-terms", "ACME", "--basis", "net", "--days", "60")
    cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "1", "--price", "100", "--at",
        "2026-09-01T12:00")  # 113.00, due 2026-10-31: 61 days overdue, 121 days old
    cli("sell", "--customer", "ACME", "--warehouse", "MAIN", "SCREW", "2", "--price", "100", "--at",
        "2026-11-20T12:00")  # 226.00, due 2027-01-19
    day = ["--as-of", "2026-12-31"]
    [due] = json.loads(cli("balances", "--customers", "--json", *day))
    assert due["ageing"] == {"by": "due", "bands": [{"band": "current", "amount": "226"},
                                                    {"band": "1-30", "amount": "0"}, {"band": "31-60", "amount": "0"},
                                                    {"band": "61-90", "amount": "113"}, {"band": ">90", "amount": "0"}]}
    [dated] = json.loads(cli("balances", "--customers", "--json", "--by", "date", "--bands", "45/100/200", *day))
    assert [(b["band"], b["amount"]) for b in dated["ageing"]["bands"]] == [
        ("0-45", "226"), ("46-100", "0"), ("101-200", "113"), (">200", "0")]
    assert "bands" in cli("ageing", "--bands", "60/30", code=2)
    out = cli("ageing", "--by", "date", "--bands", "45/100/200", "--save", *day)
    assert out.splitlines()[0] == "the office ages by document date, bands 45/100/200"
    assert "by document date" in out and "101-200" in out
    later = json.loads(cli("ageing", "--json", *day))  # the office's choice, unasked
    assert later["ageing"]["by"] == "date" and later["ageing"]["bands"][2] == {"band": "101-200", "amount": "113"}
    target = tmp_path / "ar.xlsx"
    cli("balances", "--customers", "-o", str(target), "--language", "zh", *day)
    cells = [v for row in load_workbook(target).active.iter_rows(values_only=True) for v in row if v is not None]
    assert {"0–45 天", "46–100 天", "101–200 天", "200 天以上"} <= set(cells)
    assert any("账龄依据：单据日期" in str(c) for c in cells)
