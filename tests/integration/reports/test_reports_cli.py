"""``report stock-summary|margin|ranking|status`` on the hand-computed shop: table, JSON, Excel, PDF, English and
Chinese, refusals."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest

from tests.integration.reports.cli_run import cli_in_utc
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY

PERIOD = ("--from", FIRST.isoformat(), "--to", TODAY.isoformat())


@pytest.fixture
def report(shop, tmp_path, capsys, monkeypatch):
    """Runs ``stockroom --db SHOP ARGS`` in this process on UTC days; answers (exit status, stdout, stderr)."""
    with cli_in_utc(tmp_path, capsys, monkeypatch) as run:
        yield run


def test_the_stock_summary_as_json_has_every_flow_and_the_total(report):
    code, out, err = report("report", "stock-summary", *PERIOD, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["report"], data["by"], data["from"], data["to"]) == ("stock-summary", "product", FIRST.isoformat(),
                                                                      TODAY.isoformat())
    tea = next(r for r in data["rows"] if r["sku"] == "TEA")
    assert (tea["opening_qty"], tea["opening_value"], tea["sale_qty"], tea["sale_value"]) == ("20", "50", "4", "10")
    assert (tea["shipment_qty"], tea["supplier_return_value"], tea["closing_value"], tea["difference"]) == (
        "0", "6", "66.5", "0")
    assert data["total"]["closing_value"] == "78.5" and data["total"]["sku"] == "Total"


def test_tables_in_english_and_chinese(report):
    code, out, _ = report("report", "stock-summary", *PERIOD, "--by", "warehouse")
    assert code == 0
    assert out.startswith("STOCK SUMMARY\n") and "Opening qty" in out and "Total" in out
    main_line = next(line for line in out.splitlines() if line.startswith("MAIN"))
    assert main_line.split()[1:3] == ["25", "70.00"]
    code, out, _ = report("report", "margin", *PERIOD, "--by", "customer", "--language", "zh")
    assert code == 0 and out.startswith("销售毛利表\n") and "毛利率%" in out and "合计" in out
    assert "55.56" in next(line for line in out.splitlines() if line.startswith("WALK"))
    code, out, _ = report("report", "ranking", *PERIOD, "--top", "1")
    assert code == 0 and [line.split()[:2] for line in out.splitlines()[-1:]] == [["1", "CUP"]]
    code, out, _ = report("report", "ranking", "--to", TODAY.isoformat(), "--slow", "15", "--json")
    assert code == 0 and [(r["sku"], r["idle_days"]) for r in json.loads(out)["rows"]] == [("TEA", 19)]
    slow = json.loads(out)  # the idle stock's worth altogether, as the dashboard's dead stock
    assert slow["total"]["sku"] == "Total" and slow["total"]["value"] == slow["rows"][0]["value"]
    code, out, _ = report("report", "status", "--warehouse", "MAIN", "--json")
    assert code == 0
    assert {r["sku"]: r["cover_days"] for r in json.loads(out)["rows"]} == {"CUP": "135", "TEA": "405"}


def test_excel_keeps_numbers_as_numbers(report, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "summary.xlsx"
    code, out, err = report("report", "stock-summary", *PERIOD, "-o", str(target), "--language", "zh")
    assert code == 0, err
    assert out == f"{target} (3 rows)\n"
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "进销存汇总表" and rows[1][0].startswith(f"期间：{FIRST.isoformat()} 至 {TODAY.isoformat()}")
    assert "仓库：全部" in rows[1][0] and sheet.freeze_panes == "A5"
    rows = rows[3:]  # the title, its period and warehouse, an empty row, then the columns
    assert rows[0][:4] == ("货号", "品名", "单位", "期初数量")
    tea = next(r for r in rows if r[0] == "TEA")
    assert tea[3] == 20 and Decimal(str(tea[-2])) == Decimal("66.5")
    assert rows[-1][0] == "合计"


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["stock-summary", "margin", "ranking", "status"])
def test_each_report_prints_to_pdf_with_its_title_in_the_chosen_language(report, tmp_path, name, language):
    target = tmp_path / f"{name}-{language}.pdf"
    code, out, err = report("report", name, *(() if name == "status" else PERIOD), "-o", str(target),
                            "--language", language)
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    words = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                           check=True).stdout
    title = {"stock-summary": ("STOCK SUMMARY", "进销存汇总表"), "margin": ("SALES MARGIN", "销售毛利表"),
             "ranking": ("SALES RANKING", "商品销售排行"), "status": ("STOCK STATUS", "库存状况表")}[name]
    assert title[language == "zh"] in words and "TEA" in words
    assert ("仓库：全部" if language == "zh" else "Warehouse: all") in words  # a full-width colon after Chinese


def test_bad_input_exits_2_naming_the_option(report, tmp_path):
    code, _, err = report("report", "margin", "--from", "2026-05-02", "--to", "2026-05-01")
    assert code == 2 and "--to" in err and "before --from" in err
    code, _, err = report("report", "margin", "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "-o" in err and ".xlsx or .pdf" in err
    code, _, err = report("report", "status", "--warehouse", "NOPE")
    assert code == 2 and "NOPE" in err
    code, _, err = report("report", "ranking", "--top", "0")
    assert code == 2 and "--top" in err
    code, _, err = report("report", "margin", "--from", "May")
    assert code == 2 and "--from" in err


def test_a_clerk_may_not_read_the_reports_and_a_purchaser_may(report):
    assert report("user", "add", "boss", "--role", "admin", new_password="boss-pass-1")[0] == 0
    for name, role in (("li", "clerk"), ("wang", "purchaser")):
        assert report("--user", "boss", "user", "add", name, "--role", role, password="boss-pass-1",
                      new_password=f"{name}-pass-12")[0] == 0
    code, out, err = report("--user", "li", "report", "margin", *PERIOD, password="li-pass-12")
    assert code == 3 and out == "" and "clerk" in err and "purchaser" in err
    code, out, err = report("--user", "wang", "report", "margin", *PERIOD, "--json", password="wang-pass-12")
    assert code == 0, err


# 库龄 on the shop, worked by hand (ages from today: day n is 20 − n days old; bands 0–10, 11–16, 17–20, > 20):
# over all warehouses the transfer's legs are left out and the reversed shipment and sale with them, so TEA's 23
# (66.50) is the receipt of day 5 (10, 15 days), the customer's return of day 3 (1, 17 days) and 12 of day −10's
# 20 (30 days); valued at 66.50 / 23.
AGEING = ("report", "ageing", "--bands", "10,16,20")


def test_ageing_by_product_as_json(report):
    code, out, err = report(*AGEING, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["report"], data["by"], data["bands"]) == ("ageing", "product", [10, 16, 20])
    tea = next(r for r in data["rows"] if r["sku"] == "TEA")
    assert (tea["on_hand"], tea["value"]) == ("23", "66.5")
    assert [tea[f"band_{i}_qty"] for i in range(4)] == ["0", "10", "1", "12"]
    assert [tea[f"band_{i}_value"] for i in range(4)] == ["0", "28.91", "2.89", "34.7"]
    cup = next(r for r in data["rows"] if r["sku"] == "CUP")
    assert (cup["band_3_qty"], cup["band_3_value"], cup["average_age"]) == ("3", "12", "29")
    total = data["total"]
    assert total["value"] == "78.5"
    assert sum(Decimal(total[f"band_{i}_value"]) for i in range(4)) == Decimal("78.5")


def test_ageing_by_warehouse_keeps_a_transfer_in_as_a_layer_of_its_own(report):
    code, out, err = report(*AGEING, "--by", "warehouse", "--json")
    assert code == 0, err
    rows = {r["warehouse"]: r for r in json.loads(out)["rows"]}
    # SHOP: TEA 5 of the 6 transferred on day 2 (18 days); MAIN: TEA 10 + 1 + 7 of day −10, CUP 3 of day −9
    assert (rows["SHOP"]["on_hand"], rows["SHOP"]["band_2_qty"], rows["SHOP"]["value"]) == ("5", "5", "12.5")
    assert [rows["MAIN"][f"band_{i}_qty"] for i in range(4)] == ["0", "10", "1", "10"]
    assert rows["MAIN"]["value"] == "66"


def test_ageing_as_of_an_earlier_day(report):
    # the end of day 4: TEA MAIN 10 (after the sale, transfer, return and the broken one), SHOP 6: 16 over all,
    # covered by the return of day 3 (1) and 15 of day −10's receipts; ages from day 4: 1 and 14 days
    day4 = (TODAY - timedelta(days=16)).isoformat()
    code, out, err = report("report", "ageing", "--as-of", day4, "--bands", "7", "--json")
    assert code == 0, err
    tea = next(r for r in json.loads(out)["rows"] if r["sku"] == "TEA")
    assert (tea["on_hand"], tea["band_0_qty"], tea["band_1_qty"]) == ("16", "1", "15")


def test_ageing_files_and_refusals(report, tmp_path):
    code, out, err = report(*AGEING, "--language", "zh")
    assert code == 0, err
    assert "库龄分析表" in out and "0–10天 数量" in out and "合计" in out
    for name in ("ageing.xlsx", "ageing.pdf"):
        path = tmp_path / name
        code, out, err = report(*AGEING, "-o", str(path), "--by", "category")
        assert code == 0, err
        assert path.stat().st_size > 1000
    code, _, err = report("report", "ageing", "--bands", "60,30")
    assert code == 2 and "--bands" in err
    code, _, err = report("report", "ageing", "--as-of", "tomorrow")
    assert code == 2 and "--as-of" in err


def test_a_chinese_ageing_pdf_keeps_each_band_heading_on_one_line(report, tmp_path):
    path = tmp_path / "ageing-zh.pdf"
    code, _, err = report("report", "ageing", "--by", "category", "--bands", "30,60,90,180,365", "--language", "zh",
                          "-o", str(path))
    assert code == 0, err
    words = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    for band in ("0–30天", "91–180天", "181–365天", "> 365天"):  # "181–365" over "天" over "数量" before
        assert band in words, band


def test_the_widest_report_keeps_every_english_header_word_whole(report, tmp_path):
    # The stock summary has 24 columns: at 7 points they do not fit a landscape page with whole words, so the
    # table's type gets smaller instead of breaking "Adjustments" into "Adjustme" and "nts".
    path = tmp_path / "summary-en.pdf"
    code, _, err = report("report", "stock-summary", *PERIOD, "--language", "en", "-o", str(path))
    assert code == 0, err
    words = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split()
    for word in ("Opening", "Receipts", "Customer", "returns", "Transfers", "Shipments", "Adjustments", "Counts",
                 "Closing", "Difference"):
        assert word in words, word


def test_excel_shows_money_with_two_decimals_and_fits_chinese_names(report, tmp_path):
    """A manager opening the export sees 1,234.50 and whole names, as on screen: each number cell carries the
    report's format (money #,##0.00, a whole quantity #,##0), the totals row is bold, and the name column is as
    wide as its widest name (a Chinese character counts two); no cell is a formula."""
    from openpyxl import load_workbook

    target = tmp_path / "margin.xlsx"
    code, _, err = report("report", "margin", *PERIOD, "-o", str(target), "--language", "zh")
    assert code == 0, err
    sheet = load_workbook(target).active
    assert sheet.title == "销售毛利表"
    rows = list(sheet.iter_rows())[3:]
    head = [c.value for c in rows[0]]
    assert head == ["货号", "品名", "数量", "销售收入", "税额", "价税合计", "成本", "毛利", "毛利率%"]
    body = rows[1]
    assert body[2].number_format == "#,##0" and body[3].number_format == "#,##0.00"
    assert body[4].number_format == body[5].number_format == "#,##0.00"
    assert body[8].number_format == "0.00"
    assert rows[-1][0].value == "合计" and rows[-1][0].font.b and not rows[1][0].font.b
    assert all(c.data_type != "f" for row in rows for c in row)
    widest = max(len(str(r[1].value or "")) for r in rows[1:])
    assert sheet.column_dimensions["B"].width >= widest + 2


@pytest.mark.parametrize("name", ["stock-summary", "ageing", "ranking-slow"])
def test_a_chinese_table_s_header_block_takes_the_full_width_colon(report, name):
    """Chinese text takes the full-width colon (期间：…, not 期间: …) and says a period 从…至…; English keeps
    ``Period: …``."""
    args = {"stock-summary": ("report", "stock-summary", *PERIOD), "ageing": ("report", "ageing"),
            "ranking-slow": ("report", "ranking", "--slow", "15")}[name]
    code, out, err = report(*args, "--language", "zh_CN")
    assert code == 0, err
    lines = out.splitlines()
    assert "仓库：全部" in lines
    assert not [line for line in lines if ": " in line]
    first = {"stock-summary": f"期间：{FIRST.isoformat()} 至 {TODAY.isoformat()}",
             "ageing": f"截止日期：{TODAY.isoformat()}", "ranking-slow": f"日期：{TODAY.isoformat()}"}[name]
    assert lines[1] == first
    if name == "ageing":
        assert "库龄段（天）：30, 60, 90, 180, 365" in lines
    code, out, _ = report(*args, "--language", "en")
    assert "Warehouse: all" in out.splitlines()
    if name == "stock-summary":
        assert out.splitlines()[1] == f"Period: {FIRST.isoformat()} – {TODAY.isoformat()}"


@pytest.mark.parametrize(("language", "name"), [("en", "Customer name"), ("zh", "客户名称")])
def test_the_margin_by_customer_heads_the_customers_name_as_a_customers_not_a_products(report, tmp_path, language,
                                                                                          name):
    """By customer the name column said 品名 (a product's name) over 蓝海便利店 and the other customers."""
    from openpyxl import load_workbook

    path = tmp_path / "margin.xlsx"
    code, _, err = report("report", "margin", *PERIOD, "--by", "customer", "--language", language, "-o", str(path))
    assert code == 0, err
    rows = load_workbook(path).active.iter_rows(values_only=True)
    heads = next(row for row in rows if row[0] in ("Customer", "客户"))
    assert heads[1] == name
    code, out, _ = report("report", "margin", *PERIOD, "--by", "product", "--language", language)
    assert code == 0 and ("品名" if language == "zh" else "Name") in out.splitlines()[5]


def test_the_slow_movers_to_an_earlier_day_show_that_days_stock(report):
    from tests.integration.reports.conftest import day

    code, out, err = report("report", "ranking", "--to", day(4).date().isoformat(), "--slow", "3", "--json")
    assert code == 0, err
    rows = {r["sku"]: r for r in json.loads(out)["rows"]}
    assert (rows["TEA"]["on_hand"], rows["TEA"]["value"], rows["TEA"]["idle_days"]) == ("16", "40", 3)
    assert rows["CUP"]["on_hand"] == "5" and rows["CUP"]["last_issue"] is None  # its sale of day 8 came later


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_stock_status_says_its_stock_is_todays_and_over_which_days_it_counts_the_issues(report, language):
    """Dated --to a past day the status printed "Date: D" over today's on hand, reserved and on order: only the
    issues behind the days of cover end on D. A ranking is ranked by revenue, not 汇总方式 (grouped) by it."""
    from tests.integration.reports.conftest import day

    to = day(4).date()
    code, out, err = report("report", "status", "--to", to.isoformat(), "--language", language)
    assert code == 0, err
    since = (to - timedelta(days=89)).isoformat()
    head = out.splitlines()[1:3]
    assert head == (["Stock: now", f"Issues counted: {since} – {to.isoformat()}"] if language == "en" else
                    ["库存：当前结存", f"出库统计期间：{since} 至 {to.isoformat()}"])
    code, out, _ = report("report", "ranking", *PERIOD, "--language", language)
    assert code == 0 and out.splitlines()[2] == ("Ranked by: revenue" if language == "en" else "排序依据：按收入")
