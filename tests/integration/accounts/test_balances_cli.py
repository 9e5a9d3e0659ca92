"""``balances --customers|--suppliers -o FILE.xlsx|FILE.pdf``: the ageing by partner (账龄分析表) a bookkeeper prints
at the month end, in English and Chinese, its figures those of the list."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from persistence.db import open_database
from tests import clock
from tests.integration.accounts.test_statement_cli import cli
from tests.ui.accounts_data import build
from tests.ui.accounts_data import payables

D = Decimal
TODAY = clock.TODAY  # the application's clock is pinned to it: a run may cross midnight
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def shop(tmp_path, capsys, monkeypatch):
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    try:
        build(db, TODAY)  # the customers of the Receivables screen's tests, their figures worked out there
        payables(db, TODAY)
    finally:
        db.close()

    def run(*args):
        return cli(path, *args, capsys=capsys, monkeypatch=monkeypatch)

    run.path = path
    return run


def test_the_customers_ageing_is_written_to_excel_with_its_day_its_totals_and_numbers_as_numbers(shop, tmp_path):
    target = tmp_path / "ar.xlsx"
    code, out, err = shop("balances", "--customers", "-o", str(target), "--language", "zh")
    assert (code, err) == (0, "") and out.startswith(f"{target} (")
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "应收账款账龄分析表" and rows[1][0].startswith(f"截止日期：{TODAY.isoformat()}")
    assert rows[3] == ("客户", "客户名称", "余额", "预收款", "未到期", "1–30 天", "31–60 天", "61–90 天", "90 天以上",
                       "逾期合计", "最早到期日")
    body, total = rows[4:-1], rows[-1]
    figures = {r[0]: tuple(D(str(x)) for x in r[2:10]) for r in body}
    # HZ01: 1,130.00 over 90 days less the 400.00 received, 565.00 1–30 days, 339.00 not yet due
    assert figures["HZ01"] == (D("1634"), 0, D("339"), D("565"), 0, 0, D("730"), D("1295"))
    assert figures["SH03"][:2] == (D("-322"), D("322"))  # a prepayment larger than its sale
    assert (figures["NB02"][5], figures["SZ04"][4]) == (D("904"), D("3955"))
    assert total[0] == "合计" and D(str(total[2])) == D("6453.5")
    for column in range(2, 10):
        assert D(str(total[column])).quantize(D("0.01")) == sum((D(str(r[column])) for r in body), D(0))
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert all(isinstance(r[2], (int, float)) for r in body)


def test_the_suppliers_ageing_prints_to_pdf_under_the_suppliers_words(shop, tmp_path):
    target = tmp_path / "ap.pdf"
    code, _, err = shop("balances", "--suppliers", "-o", str(target), "--language", "en")
    assert (code, err) == (0, "")
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(target.read_bytes())).pages)
    for words in ("PAYABLES AGEING", f"As of: {TODAY.isoformat()}", "Supplier name", "Prepaid to supplier", "SUP",
                  "Total"):
        assert words in text, words


def test_a_file_that_is_neither_excel_nor_pdf_is_refused(shop, tmp_path):
    code, _, err = shop("balances", "--customers", "-o", str(tmp_path / "ar.csv"))
    assert code == 2 and "-o" in err and not (tmp_path / "ar.csv").exists()
