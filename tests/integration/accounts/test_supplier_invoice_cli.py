"""``supplier-invoice add|list|show|reverse``: the command line's supplier invoices, their refusals and exit
statuses, on a real SQLite file with the order of tests/integration/accounts/test_supplier_invoices.py (10 SCREW
at 10.00, tax 13 %, received in full: 113.00)."""

from __future__ import annotations

import json

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from tests.integration.accounts.test_statement_cli import cli
from tests.integration.accounts.test_supplier_invoices import order


@pytest.fixture
def shop(tmp_path, capsys, monkeypatch):
    return make_shop(tmp_path, capsys, monkeypatch, ("SCREW", "10", "10.00"))


def make_shop(tmp_path, capsys, monkeypatch, line: tuple[str, str, str]):
    """A shop whose order of ``line`` (SKU, quantity, price) is received; the command line on it as ``run``."""
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
        catalog.add_supplier(db.uow(), c.AddSupplier("NB", "宁波紧固件有限公司"))
        catalog.add_product(db.uow(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
        number = order(db, line)
    finally:
        db.close()

    def run(*args, **kw):
        return cli(path, *args, capsys=capsys, monkeypatch=monkeypatch, **kw)

    run.po = number
    return run


def test_a_preview_shows_the_match_and_writes_nothing_then_add_enters_it(shop):
    args = ("supplier-invoice", "add", "--supplier", "NB", "FP-1", "--po", shop.po, "--line", "SCREW:10:10.20",
            "--date", "2026-03-10")
    code, out, err = shop(*args, "--preview")
    assert (code, err) == (0, "")
    assert "+0.2" in out and "+2" in out  # the price difference per unit and in money
    assert "amount 115.26 CNY (tax 13.26 at 13%); expected 113.00; difference +2.26" in out
    assert "the payable moves by +2.26" in out and out.endswith("preview: nothing was written\n")
    assert shop("supplier-invoice", "list", "--json")[1] == "[]\n"
    code, out, err = shop(*args, "--due", "2026-04-30", "--json", "--accept-differences")  # billed 10.20, ordered 10
    assert (code, err) == (0, "")
    [view] = json.loads(out)
    assert (view["amount"], view["difference"], view["payable"], view["settles"], view["due_on"]) == (
        "115.26", "2.26", "115.26", "113", "2026-04-30")
    [row] = view["match"]
    assert (row["sku"], row["received"], row["invoiced"], row["price_difference"]) == ("SCREW", "10", "10", "0.2")
    code, out, _ = shop("supplier-invoice", "list")
    assert code == 0 and "FP-1" in out and shop.po in out and "115.26" in out
    code, out, _ = shop("supplier-invoice", "show", "NB", "FP-1", "--json")
    assert json.loads(out)[0]["match"] == view["match"]


def test_a_number_entered_twice_exits_3_naming_it(shop):
    args = ("supplier-invoice", "add", "--supplier", "NB", "FP-2", "--po", shop.po, "--amount", "113.00")
    assert shop(*args)[0] == 0
    code, out, err = shop(*args)
    assert (code, out) == (3, "")
    assert "FP-2" in err and "NB" in err and "entered before" in err


def test_reverse_needs_a_reason_and_reopens_the_receipt(shop):
    assert shop("supplier-invoice", "add", "--supplier", "NB", "FP-3", "--po", shop.po, "--amount", "113")[0] == 0
    code, _, err = shop("supplier-invoice", "reverse", "NB", "FP-3")
    assert code == 2 and "--reason" in err
    code, out, err = shop("supplier-invoice", "reverse", "NB", "FP-3", "--reason", "duplicate 重复")
    assert (code, err) == (0, "")
    assert "reversed invoice FP-3 of NB" in out
    code, out, _ = shop("supplier-invoice", "show", "NB", "FP-3")
    assert "(REVERSED: duplicate 重复)" in out
    code, _, err = shop("supplier-invoice", "reverse", "NB", "FP-3", "--reason", "again")
    assert code == 3 and "reversed already" in err


def test_bad_input_exits_2_and_refusals_exit_3(shop):
    base = ("supplier-invoice", "add", "--supplier", "NB", "FP-4", "--po", shop.po)
    code, _, err = shop(*base, "--line", "SCREW-10")
    assert code == 2 and "SKU:QTY:PRICE" in err
    code, _, err = shop(*base, "--amount", "1", "--date", "10/03/2026")
    assert code == 2 and "--date" in err
    code, _, err = shop(*base)  # neither --amount nor --line
    assert code == 2
    code, _, err = shop(*base, "--line", "NUT:1:1")
    assert code == 3 and "NUT" in err
    code, _, err = shop("supplier-invoice", "add", "--supplier", "XX", "FP-4", "--amount", "1", "--po", shop.po)
    assert code == 3 and "XX" in err
    code, _, err = shop("supplier-invoice", "show", "NB", "NOPE")
    assert code == 3 and "NOPE" in err


def test_a_clerk_may_not_enter_an_invoice(shop):
    assert shop("user", "add", "boss", "--role", "admin", new_password="boss-pass-1")[0] == 0
    assert shop("--user", "boss", "user", "add", "li", "--role", "clerk", password="boss-pass-1",
                new_password="li-pass-12")[0] == 0
    code, out, err = shop("--user", "li", "supplier-invoice", "add", "--supplier", "NB", "FP-5", "--po", shop.po,
                          "--amount", "113", password="li-pass-12")
    assert (code, out) == (3, "")
    assert "li" in err and "accountant" in err


def test_amounts_print_with_thousands_grouped_as_the_window_shows_them(tmp_path, capsys, monkeypatch):
    """An invoice of 13,950.50 printed as 13950.5 beside a window that shows 13,950.50."""
    run = make_shop(tmp_path, capsys, monkeypatch, ("SCREW", "1000", "12.00"))  # 12,000.00 + 13 % = 13,560.00
    code, out, err = run("supplier-invoice", "add", "--supplier", "NB", "FP-9", "--po", run.po, "--amount",
                         "13950.50", "--date", "2026-03-10", "--accept-differences")  # 390.50 over the order
    assert (code, err) == (0, "")
    assert "amount 13,950.50 CNY (tax 1,604.92 at 13%); expected 13,560.00; difference +390.50" in out
    assert "payable 13,950.50 CNY" in out
    code, out, _ = run("supplier-invoice", "list")
    assert code == 0 and "13,950.50" in out and "1,604.92" in out
