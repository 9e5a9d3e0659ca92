"""``statement PARTNER --from D --to D -o FILE``: the command line's statement, its refusals and exit statuses."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from persistence.db import open_database
from tests.cli_runs import ROOT
from tests.cli_runs import cli_here
from tests.integration.accounts.statement_data import march_of_my01
from tests.integration.accounts.statement_data import supplier

MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


def cli(db: Path, *args: str, capsys, monkeypatch, password: str | None = None,
        new_password: str | None = None) -> tuple[int, str, str]:
    return cli_here(db, capsys, monkeypatch)(*args, password=password, new_password=new_password)


@pytest.fixture
def shop(tmp_path, capsys, monkeypatch):
    """A database holding customer MY01's March (tests/integration/accounts/statement_data.py)."""
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        march_of_my01(db)
    finally:
        db.close()

    def run(*args, **kw):
        return cli(path, *args, capsys=capsys, monkeypatch=monkeypatch, **kw)

    run.db = path
    return run


def test_a_customers_statement_is_written_as_pdf_in_chinese(shop, tmp_path):
    out_file = tmp_path / "MY01-2026-03.pdf"
    code, out, err = shop("statement", "MY01", *MARCH, "-o", str(out_file), "--language", "zh")
    assert (code, err) == (0, "")
    assert out.endswith("customer MY01, 2026-03-01 to 2026-03-31: opening 600.00, 5 line(s), +2004.07 -1500.00, "
                        "closing 1104.07 CNY\n")
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(out_file.read_bytes())).pages)
    assert "人民币壹仟壹佰零肆元零柒分" in text and "1,104.07" in text and "对方确认" in text


def test_the_same_statement_is_written_as_a_workbook(shop, tmp_path):
    out_file = tmp_path / "MY01.xlsx"
    code, out, err = shop("statement", "MY01", *MARCH, "-o", str(out_file))
    assert code == 0, err
    values = [c.value for row in load_workbook(out_file).active.iter_rows() for c in row]
    assert "Closing balance" in values and "SR-2026-00002" in values and "人民币壹仟壹佰零肆元零柒分" in values


def test_a_code_of_a_customer_and_a_supplier_is_refused_until_the_side_is_given(shop, tmp_path):
    db = open_database(shop.db)
    try:
        supplier(db, "MY01", "同码供应商")
    finally:
        db.close()
    out_file = tmp_path / "s.pdf"
    code, out, err = shop("statement", "MY01", *MARCH, "-o", str(out_file))
    assert (code, out) == (3, "")
    assert err == ("refused: code 'MY01' is both a customer's and a supplier's; say whose statement you want: the "
                   "customer's (--customer) or the supplier's (--supplier)\n")
    assert not out_file.exists()
    code, out, _ = shop("statement", "MY01", *MARCH, "-o", str(out_file), "--customer")
    assert code == 0 and "customer MY01" in out and "closing 1104.07" in out
    code, out, _ = shop("statement", "MY01", *MARCH, "-o", str(out_file), "--supplier")
    assert code == 0 and "supplier MY01" in out and "0 line(s)" in out and "closing 0.00" in out


def test_from_after_to_is_bad_input_naming_both_fields(shop, tmp_path):
    code, out, err = shop("statement", "MY01", "--from", "2026-04-01", "--to", "2026-03-31", "-o",
                          str(tmp_path / "s.pdf"))
    assert (code, out) == (2, "")
    assert err.startswith("error: --from: 2026-04-01 is after --to (2026-03-31)")


@pytest.mark.parametrize(("args", "expected"), [
    (("--from", "1.3.2026", "--to", "2026-03-31"), "error: --from: '1.3.2026' is not a date"),
    (("--from", "2026-03-01", "--to", "2026-02-30"), "error: --to: '2026-02-30' is not a date"),
])
def test_a_date_that_is_not_one_is_bad_input_naming_its_field(shop, tmp_path, args, expected):
    code, _, err = shop("statement", "MY01", *args, "-o", str(tmp_path / "s.pdf"))
    assert code == 2 and err.startswith(expected)


def test_an_unknown_code_is_refused_and_a_file_of_another_kind_is_bad_input(shop, tmp_path):
    code, _, err = shop("statement", "NOPE", *MARCH, "-o", str(tmp_path / "s.pdf"))
    assert (code, err) == (3, "refused: partner code 'NOPE': no customer or supplier has this code\n")
    code, _, err = shop("statement", "NB", *MARCH, "-o", str(tmp_path / "s.pdf"), "--customer")
    assert (code, err) == (3, "refused: customer code 'NB': no customer has this code\n")
    code, _, err = shop("statement", "MY01", *MARCH, "-o", str(tmp_path / "s.csv"))
    assert code == 2 and "neither .pdf nor .xlsx" in err and not (tmp_path / "s.csv").exists()


def test_a_clerk_may_not_see_a_statement_and_a_purchaser_may(shop, tmp_path):
    assert shop("user", "add", "boss", "--role", "admin", new_password="boss-pass-1")[0] == 0
    for name, role in (("li", "clerk"), ("wang", "purchaser")):
        code, _, err = shop("--user", "boss", "user", "add", name, "--role", role, password="boss-pass-1",
                            new_password=f"{name}-pass-12")
        assert code == 0, err
    out_file = tmp_path / "s.pdf"
    code, out, err = shop("--user", "li", "statement", "MY01", *MARCH, "-o", str(out_file), password="li-pass-12")
    assert (code, out) == (3, "")
    assert err == ("refused: user 'li' (clerk) may not see what customers and suppliers owe or are owed: that needs "
                   "the purchaser role or higher\n")
    assert not out_file.exists()
    code, _, err = shop("--user", "wang", "statement", "MY01", *MARCH, "-o", str(out_file), password="wang-pass-12")
    assert code == 0, err
    assert out_file.exists()


def test_the_command_runs_as_a_user_runs_it(shop, tmp_path):
    out_file = tmp_path / "NB.pdf"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(shop.db), "statement", "NB",
                           "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(out_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "supplier NB" in done.stdout and "closing 3333.00 CNY" in done.stdout
