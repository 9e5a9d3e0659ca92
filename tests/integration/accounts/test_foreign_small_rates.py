"""What is still owed to a supplier whose currency is worth far less than the company's (1 JPY = 0.0483 CNY, 1 VND =
0.000071 CNY) is the amount its documents were recorded at in that currency, not their company-currency cents
worked back: half a fen is 70 dong at 0.000071, so dividing a rounded CNY amount by the rate was off by tens of
dong (and by yen at 0.0483). ``open-items --supplier``, ``balances --suppliers`` and the statement (its closing
balance in the currency, 原币期末余额) show the exact figures."""

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
DAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _po(u, supplier: str, qty: str, price: str) -> str:
    draft = po_uc.create_draft(u(), pc.CreatePurchaseOrder(supplier, "MAIN"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "SCREW", qty, price))
    return po_uc.issue(u(), pc.IssuePurchaseOrder(draft.id, DAY)).number


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("VN1", "Hanoi Bolts", currency="VND"))
    catalog.add_supplier(u(), c.AddSupplier("JP1", "Osaka Nuts", currency="JPY"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    rates.set_rate(u(), pc.SetExchangeRate("VND", "0.000071", date(2026, 3, 1)))
    rates.set_rate(u(), pc.SetExchangeRate("JPY", "0.0483", date(2026, 3, 1)))
    # VND: received and not yet invoiced, then paid in part
    number = _po(u, "VN1", "1", "1234567")
    po_uc.receive(u(), pc.ReceivePurchaseOrder(number, occurred_at=DAY))
    record_money(u(), ac.RecordMoney("payment", "VN1", "50.00", day=date(2026, 3, 20),
                                     allocate=(ac.AllocateTo(number),)))
    # JPY: received, invoiced at the order's price, paid in part
    number = _po(u, "JP1", "1", "12345")
    po_uc.receive(u(), pc.ReceivePurchaseOrder(number, occurred_at=DAY))
    inv.enter_supplier_invoice(u(), inv.EnterSupplierInvoice(
        "JP1", "FP-9", po=number, lines=(inv.LineInput("SCREW", "1", "12345"),), day=date(2026, 3, 10)))
    record_money(u(), ac.RecordMoney("payment", "JP1", "300.00", day=date(2026, 3, 20),
                                     allocate=(ac.AllocateTo("FP-9"),)))
    return db


# what the documents were recorded at in the currency, less the payments at their day's rate, rounded once
VND_OWED = (D(1234567) * D("1.13") - D("50.00") / D("0.000071")).quantize(D("0.01"))  # 690,835.36
JPY_OWED = (D(12345) * D("1.13") - D("300.00") / D("0.0483")).quantize(D("0.01"))  # 7,738.67


def _rows(db, code: str):
    with db.uow() as uow:
        supplier_id = uow.suppliers.by_code(code).id
    return queries.open_items(db.engine, "AP", supplier_id)


@pytest.mark.parametrize(("code", "owed", "cents"), [("VN1", VND_OWED, D("49.05")), ("JP1", JPY_OWED, D("373.78"))])
def test_what_is_owed_in_a_currency_far_below_the_company_s_is_what_its_documents_were_recorded_at(
        shop, code, owed, cents):
    [row] = _rows(shop, code)
    assert row.open == cents  # the company-currency figures are the ledger's, rounded to the fen
    assert foreign_items(shop.uow(), [row])[row.id].amount == owed
    assert foreign_balances(shop.uow(), [row])[row.partner_id].amount == owed


def test_balances_and_open_items_on_the_command_line_show_the_exact_figures(shop, capsys, tmp_path):
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)  # the db fixture's file
    code, out, err = run("balances", "--suppliers", "--json")
    assert (code, err) == (0, "")
    found = {r["code"]: (r["currency"], r["in_currency"]) for r in json.loads(out)}
    assert found == {"JP1": ("JPY", str(JPY_OWED)), "VN1": ("VND", str(VND_OWED))}
    code, out, _ = run("balances", "--suppliers")
    assert "690,835.36" in out and "7,738.67" in out, out
    code, out, _ = run("open-items", "VN1", "--supplier", "--json")
    [item] = json.loads(out)
    assert (item["currency"], item["in_currency"]) == ("VND", str(VND_OWED))


@pytest.mark.parametrize(("language", "words"), [("en", "Closing balance in currency VND"),
                                                 ("zh_CN", "原币期末余额 VND")])
def test_the_statement_of_a_supplier_in_a_small_currency_ends_with_what_is_owed_in_it_exactly(
        shop, capsys, tmp_path, language, words):
    from tests.integration.purchasing.test_delivery_links import _pdf_text

    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)
    pdf, xlsx = tmp_path / "vn1.pdf", tmp_path / "vn1.xlsx"
    for target in (pdf, xlsx):
        code, out, err = run("statement", "VN1", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(target),
                             "--language", language)
        assert (code, err) == (0, ""), err
        assert out.rstrip().endswith(f"closing 49.05 CNY (VND {VND_OWED})")
    text = _pdf_text(pdf.read_bytes())
    assert words in text and "690,835.36" in text
    from openpyxl import load_workbook
    rows = [r for r in load_workbook(xlsx).active.iter_rows(values_only=True) if words in (r[2] or "")]
    assert rows and rows[0][8] == float(VND_OWED)
    # as of the day before the payment, the receipt was owed whole
    code, out, _ = run("statement", "VN1", "--from", "2026-03-01", "--to", "2026-03-19", "-o", str(pdf))
    assert out.rstrip().endswith(f"(VND {(D(1234567) * D('1.13')).quantize(D('0.01'))})")


def test_a_supplier_in_the_company_currency_has_no_such_line(db, capsys, tmp_path):
    from domain.accounts.statement import statement_subject
    from persistence.accounts.statement import read_statement
    from persistence.accounts.statement import with_currency

    catalog.add_supplier(db.uow(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    subject = statement_subject(db.uow(), "NB", side="AP")
    statement = with_currency(db, read_statement(db.engine, subject, date(2026, 3, 1), date(2026, 3, 31)))
    assert statement.in_currency is None
