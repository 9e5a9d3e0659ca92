"""``import openings`` on the command line, on a real SQLite file: an Excel workbook with Chinese headers becomes
opening items whose balances and ageing read back exactly; the same file again adds nothing; bad rows exit 2 with
the report and write nothing; a clerk may not import them."""

from __future__ import annotations

import contextlib
import io
import os
from datetime import date
from decimal import Decimal

import pytest

from domain.accounts.model import Side
from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.accounts import queries
from persistence.db import open_database

D = Decimal
PASSWORD = "correct horse 1"


def cli(db, *args: str) -> tuple[int, str, str]:
    from ui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:
            code = exc.code
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def shop(tmp_path):
    db = tmp_path / "openings.sqlite3"
    database = open_database(db)
    u = database.uow
    catalog.add_customer(u(), c.AddCustomer("ACME", "顶好商贸"))
    catalog.add_customer(u(), c.AddCustomer("BETA", "贝塔"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件"))
    database.close()
    return db


def workbook(path, rows):
    from ui.spreadsheets import write_xlsx

    write_xlsx(path, ["往来类型", "往来单位编码", "期初余额", "日期", "到期日", "单号"], rows, sheet="期初")
    return str(path)


def test_openings_from_excel_read_back_as_balances_and_ageing_and_import_once(shop, tmp_path):
    book = workbook(tmp_path / "openings.xlsx", [
        ["应收", "ACME", 1200.5, "2026-01-10", "2026-02-10", "INV-1"],
        ["应收", "ACME", -200, "2026-01-20", None, "预收"],
        ["customer", "BETA", "300", "2026-03-01", "2026-04-30", ""],
        ["应付", "NB", 5000, "2026-02-01", "2026-03-01", "月结"],
    ])
    code, out, err = cli(shop, "import", "openings", book)
    assert code == 0, err
    assert "imported: openings: 4 rows read, 4 added" in out
    database = open_database(shop)
    try:
        ar = {r.code: r for r in queries.balances(database.engine, Side.AR, as_of=date(2026, 4, 1))}
        ap = {r.code: r for r in queries.balances(database.engine, Side.AP, as_of=date(2026, 4, 1))}
        numbers = [r.number for r in queries.open_items(database.engine, Side.AR)]
    finally:
        database.close()
    # ACME: 1200.50 owed, the 200 prepaid settles it: 1000.50, 50 days overdue on 1 April
    assert (ar["ACME"].balance, ar["ACME"].d31_60, ar["ACME"].credit) == (D("1000.50"), D("1000.50"), D(0))
    assert (ar["BETA"].balance, ar["BETA"].current) == (D(300), D(300))
    assert (ap["NB"].balance, ap["NB"].d31_60) == (D(5000), D(5000))  # 31 days overdue
    assert all(n.startswith("OB-") for n in numbers)
    code, out, _ = cli(shop, "import", "openings", book)
    assert code == 0 and "nothing new to import" in out


def test_bad_rows_exit_2_with_the_report_and_write_nothing(shop, tmp_path):
    book = workbook(tmp_path / "bad.xlsx", [
        ["应收", "ACME", 100, "2026-01-10", None, ""],
        ["应付", "ACME", 100, "2026-01-10", None, ""],
        ["其他", "NB", 0, "2026-01-10", None, ""],
    ])
    code, out, err = cli(shop, "import", "openings", book)
    assert code == 2
    assert "no supplier has the code 'ACME'" in out and "'其他' is not a side" in out and "must not be 0" in out
    database = open_database(shop)
    try:
        assert queries.balances(database.engine, Side.AR) == []
    finally:
        database.close()


def test_a_clerk_may_not_import_openings(shop, tmp_path, monkeypatch):
    book = workbook(tmp_path / "openings.xlsx", [["应收", "ACME", 100, "2026-01-10", None, ""]])
    monkeypatch.setenv("STOCKROOM_NEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("STOCKROOM_PASSWORD", PASSWORD)
    assert cli(shop, "user", "add", "admin", "--role", "admin")[0] == 0
    assert cli(shop, "--user", "admin", "user", "add", "ann", "--role", "clerk")[0] == 0
    code, _, err = cli(shop, "--user", "ann", "import", "openings", book)
    assert code == 3 and "may not record receipts, payments or supplier invoices" in err
    assert os.path.exists(shop)
