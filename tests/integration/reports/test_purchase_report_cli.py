"""``report purchases`` on the buying shop (``purchase_shop.py``): JSON, a Chinese table and PDF, a clerk refused."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.integration.reports.cli_run import cli_in_utc
from tests.integration.reports.purchase_shop import FIRST
from tests.integration.reports.purchase_shop import TODAY
from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture

PERIOD = ("--from", FIRST.isoformat(), "--to", TODAY.isoformat())


@pytest.fixture
def report(buying, tmp_path, capsys, monkeypatch):  # noqa: F811 - the fixture
    """Runs ``stockroom --db SHOP ARGS`` in this process on UTC days; answers (exit status, stdout, stderr)."""
    with cli_in_utc(tmp_path, capsys, monkeypatch) as run:
        yield run


def test_the_purchase_summary_as_json_has_every_column_and_the_total(report):
    code, out, err = report("report", "purchases", *PERIOD, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["report"], data["by"], data["from"]) == ("purchases", "supplier", FIRST.isoformat())
    nb = next(r for r in data["rows"] if r["supplier"] == "NB")
    assert (nb["received_qty"], nb["received_value"], nb["returned_qty"], nb["returned_value"], nb["net_value"],
            nb["tax"], nb["with_tax"], nb["currency"], nb["foreign"]) == (
        "170", "207.4", "5", "10", "197.4", "25.66", "223.06", "", None)  # with the free receipt's 0.31
    us = next(r for r in data["rows"] if r["supplier"] == "US1")
    assert (us["currency"], us["foreign"], us["average_cost"]) == ("USD", "100", "71")
    assert data["total"]["received_value"] == "937.4" and data["total"]["share_pct"] == "100"
    # its footnote: opening stock is left out, as the stock summary's receipts leave it out
    assert data["notes"] == ["Opening stock is not a purchase: it is left out here, as the stock summary counts it in "
                             "its opening, not its receipts."]


def test_a_chinese_table_and_pdf_say_the_clerks_words(report, tmp_path):
    code, out, err = report("report", "purchases", *PERIOD, "--by", "supplier-product", "--language", "zh")
    assert code == 0, err
    for words in ("采购汇总表", "按供应商和商品", "供应商", "采购数量", "退货金额", "税额", "价税合计",
                  "（无供应商）", "合计"):
        assert words in out
    assert out.splitlines()[-1] == "期初库存不属于采购，本表不计入；进销存汇总表将其计入期初，而非采购入库。"
    path = tmp_path / "purchases.pdf"
    code, out, err = report("report", "purchases", *PERIOD, "--language", "zh", "-o", str(path))
    assert code == 0, err
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("采购汇总表", "宁波紧固件有限公司", "价税合计", "币种", "USD", "937.40",
                  "期初库存不属于采购，本表不计入；进销存汇总表将其计入期初，而非采购入库。"):
        assert words in text
    assert text.index("937.40") < text.index("期初库存不属于采购")  # under the table
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "yes" in fonts.split("\n", 2)[2]  # the font is embedded: the Chinese prints anywhere


def test_the_workbook_ends_with_the_footnote_under_the_total(report, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "purchases.xlsx"
    code, out, err = report("report", "purchases", *PERIOD, "-o", str(path))
    assert code == 0, err
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[-3][0] == "Total" and not any(rows[-2])
    assert rows[-1][0].startswith("Opening stock is not a purchase: it is left out here")
    assert f"({len(rows) - 6} rows)" in out  # title, header line, gap, column names; gap, footnote: no rows


def test_a_clerk_may_not_read_the_purchase_summary(report):
    assert report("user", "add", "boss", "--role", "admin", new_password="boss-pass-1")[0] == 0
    assert report("--user", "boss", "user", "add", "li", "--role", "clerk", password="boss-pass-1",
                  new_password="li-pass-12")[0] == 0
    code, out, err = report("--user", "li", "report", "purchases", *PERIOD, password="li-pass-12")
    assert code == 3 and out == "" and "clerk" in err
