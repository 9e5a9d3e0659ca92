"""What is still owed to a foreign supplier in its currency is exact after a payment at another rate: an invoice of
USD 113.00 booked at 7.00 (CNY 791.00), then CNY 360.00 paid when the dollar stood at 7.20 (USD 50.00), still owes
USD 63.00, not its CNY 431.00 open ÷ 7.00 = 61.57. ``open-items`` on the command line shows it (原币金额), in the
table in English and Chinese, in --json and in the files, as the window's exports do."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import invoices as inv
from domain.accounts.foreign import foreign_balances
from domain.accounts.foreign import foreign_items
from domain.accounts.money import record_money
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import rates
from persistence.accounts import queries
from tests.cli_runs import cli_here

D = Decimal


def usd_invoice(db) -> None:
    """US1 in USD, 10 SCREW received at USD 10.00 and invoiced (INV-1, 13 %) at 7.00: USD 113.00, CNY 791.00."""
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("US1", "Acme Inc.", currency="USD"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    rates.set_rate(u(), pc.SetExchangeRate("USD", "7.00", date(2026, 3, 1)))
    draft = po_uc.create_draft(u(), pc.CreatePurchaseOrder("US1", "MAIN"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "SCREW", "10", "10.00"))
    number = po_uc.issue(u(), pc.IssuePurchaseOrder(draft.id, datetime(2026, 3, 2, 9, tzinfo=UTC))).number
    po_uc.receive(u(), pc.ReceivePurchaseOrder(number, occurred_at=datetime(2026, 3, 2, 9, tzinfo=UTC)))
    inv.enter_supplier_invoice(u(), inv.EnterSupplierInvoice(
        "US1", "INV-1", po=number, lines=(inv.LineInput("SCREW", "10", "10.00"),), day=date(2026, 3, 10)))


@pytest.fixture
def shop(db):
    u = db.uow
    usd_invoice(db)
    rates.set_rate(u(), pc.SetExchangeRate("USD", "7.20", date(2026, 3, 15)))
    record_money(u(), ac.RecordMoney("payment", "US1", "360.00", day=date(2026, 3, 20),
                                     allocate=(ac.AllocateTo("INV-1"),)))
    return db


def supplier_rows(db, as_of=None):
    with db.uow() as uow:
        supplier_id = uow.suppliers.by_code("US1").id
    return queries.open_items(db.engine, "AP", supplier_id, as_of=as_of)


def test_a_partly_paid_foreign_invoice_owes_its_amount_less_what_the_payment_paid_in_that_currency(shop):
    [row] = supplier_rows(shop)
    assert (row.kind, row.amount, row.allocated, row.open) == ("supplier_invoice", D("791.00"), D("360.00"),
                                                               D("431.00"))
    assert foreign_items(shop.uow(), [row])[row.id].amount == D("63.00")  # 113.00 − 360.00 / 7.20
    assert foreign_balances(shop.uow(), [row])[row.partner_id].amount == D("63.00")
    # before the payment's day it was owed whole
    [before] = supplier_rows(shop, date(2026, 3, 19))
    assert foreign_items(shop.uow(), [before], date(2026, 3, 19))[before.id].amount == D("113.00")


def test_open_items_on_the_command_line_carry_the_currency_in_both_languages_and_in_json(shop, capsys, tmp_path):
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)  # the db fixture's file
    code, out, err = run("open-items", "US1", "--supplier", "--json")
    assert (code, err) == (0, "")
    [item] = json.loads(out)
    assert (item["number"], item["open"], item["currency"], item["in_currency"]) == ("INV-1", "431", "USD", "63")
    code, out, _ = run("open-items", "US1", "--supplier")
    lines = out.splitlines()
    assert lines[3].split()[-3:] == ["In", "currency", "USD"]
    assert lines[4].split()[-2:] == ["431.00", "63.00"] and lines[-1].split() == ["Total", "431.00", "63.00"]
    code, out, _ = run("open-items", "US1", "--supplier", "--language", "zh")
    lines = out.splitlines()
    assert lines[0] == "应付未清明细" and "原币金额 USD" in lines[3] and lines[4].split()[-1] == "63.00"
    for suffix in ("pdf", "xlsx"):
        target = tmp_path / f"items.{suffix}"
        code, _, err = run("open-items", "US1", "--supplier", "-o", str(target), "--language", "zh")
        assert (code, err) == (0, "")
    from openpyxl import load_workbook
    from pypdf import PdfReader

    rows = list(load_workbook(tmp_path / "items.xlsx").active.iter_rows(values_only=True))
    head = next(r for r in rows if r and "原币金额 USD" in r)
    assert [D(str(r[head.index("原币金额 USD")])) for r in rows[rows.index(head) + 1:]] == [D("63.00"), D("63.00")]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "items.pdf").pages)
    assert "原币金额" in text and "63.00" in text and "61.57" not in text


def test_a_supplier_in_the_company_currency_has_no_currency_in_its_open_items(db, capsys, tmp_path):
    catalog.add_supplier(db.uow(), c.AddSupplier("NB", "宁波紧固件"))
    record_money(db.uow(), ac.RecordMoney("payment", "NB", "50.00", day=date(2026, 3, 20)))
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)
    code, out, _ = run("open-items", "NB", "--supplier", "--json")
    assert [(x["open"], x["currency"], x["in_currency"]) for x in json.loads(out)] == [("50", None, None)]
    code, out, _ = run("open-items", "NB", "--supplier")
    assert "currency" not in out.splitlines()[3]


def test_balances_on_the_command_line_give_the_foreign_suppliers_balance_in_its_currency(shop, capsys, tmp_path):
    catalog.add_supplier(shop.uow(), c.AddSupplier("NB", "宁波紧固件"))
    record_money(shop.uow(), ac.RecordMoney("payment", "NB", "50.00", day=date(2026, 3, 20)))
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)
    code, out, _ = run("balances", "--suppliers", "--json")
    assert [(r["code"], r["balance"], r["currency"], r["in_currency"]) for r in json.loads(out)] == [
        ("NB", "-50", None, None), ("US1", "431", "USD", "63")]
    code, out, _ = run("balances", "--suppliers")
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["code", "name", "balance", "in", "currency"]
    assert "63.00 USD" in next(x for x in lines if x.startswith("US1"))
    code, out, _ = run("balances", "--customers", "--json")
    assert json.loads(out) == []
