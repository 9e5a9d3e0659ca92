"""``import`` and ``export`` on the command line, on a real SQLite file: all rows or none, never twice, never half."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MAIN = ROOT / "main.py"


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    """A command in this process; a traceback fails the test."""
    from ui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:
            code = exc.code
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def ok(db: Path, *args: str) -> str:
    code, out, err = cli(db, *args)
    assert code == 0, err + out
    return out


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def counts(db: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - our own table names
                for t in ("products", "barcodes", "suppliers", "supplier_terms", "customers", "movements",
                          "movement_values", "balances")}


def dump(db: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return sorted(conn.iterdump())


@pytest.fixture
def shop(tmp_path) -> Path:
    db = tmp_path / "shop.sqlite3"
    ok(db, "init")
    ok(db, "warehouse", "add", "SH", "--name", "上海总仓")
    ok(db, "warehouse", "add", "GZ", "--name", "广州仓")
    return db


PRODUCTS = ("货号,品名,单位,条码,类别,最低库存\n"
            "SD-6,十字螺丝刀 6寸,把,6901234567892,工具,10\n"
            "HM-1,羊角锤,把,,工具,\n"
            "TP-3,胶带,卷,6901234567908;6901234567915,耗材,5\n")


def test_products_from_a_gbk_csv_with_chinese_headers_then_the_same_file_again_adds_nothing(shop, tmp_path):
    path = write(tmp_path / "商品.csv", PRODUCTS, "gbk")
    out = ok(shop, "import", "products", str(path))
    assert "3 added" in out
    before = counts(shop)
    assert before["products"] == 3 and before["barcodes"] == 3
    out = ok(shop, "import", "products", str(path))
    assert "nothing new to import" in out and "3 unchanged" in out
    assert counts(shop) == before
    rows = json.loads(ok(shop, "product", "list", "--json"))
    tape = next(r for r in rows if r["sku"] == "TP-3")
    assert (tape["name"], tape["unit"], tape["category"], sorted(tape["barcodes"])) == (
        "胶带", "卷", "耗材", ["6901234567908", "6901234567915"])


def test_an_xlsx_with_english_headers_imports_the_same_way(shop, tmp_path):
    from ui.spreadsheets import write_xlsx

    write_xlsx(tmp_path / "items.xlsx", ["Item code", "Description", "Unit", "Barcode"],
               [["A-1", "Apple", "kg", 6901234567892], ["B-2", "Pear", "kg", None]])
    assert "2 added" in ok(shop, "import", "products", str(tmp_path / "items.xlsx"))
    assert [r["sku"] for r in json.loads(ok(shop, "product", "list", "--json"))] == ["A-1", "B-2"]


def test_bad_rows_exit_2_with_the_whole_report_and_write_nothing(shop, tmp_path):
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)))
    before = dump(shop)
    bad = write(tmp_path / "bad.csv", "SKU,仓库,数量,单价,日期\n"
                                      "SD-6,SH,100,4.20,2026-01-01\n"
                                      ",SH,1,1,2026-01-01\n"
                                      "HM-1,SH,十,1,2026-01-01\n"
                                      "TP-3,SH,-4,1,2026-01-01\n"
                                      "TP-3,BJ,4,1,2026-01-01\n"
                                      "XX-9,SH,4,1,2026-01-01\n"
                                      "SD-6,SH,5,4.20,2026-01-01\n")
    code, out, err = cli(shop, "import", "stock", str(bad))
    assert code == 2
    assert "nothing was imported" in err
    lines = out.splitlines()
    assert lines[0].split() == ["ROW", "COLUMN", "PROBLEM", "ACCEPTED"]
    reported = [line.split()[0] for line in lines[1:]]
    assert reported == ["3", "4", "5", "6", "7", "8"]
    assert "'十' is not a number" in out and "-4 is negative" in out and "'BJ'" in out and "'XX-9'" in out
    assert "SD-6 in warehouse SH is also on row 2" in out
    assert dump(shop) == before


def test_dry_run_reports_and_writes_nothing_even_for_a_good_file(shop, tmp_path):
    before = dump(shop)
    out = ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)), "--dry-run")
    assert out.startswith("would import: products: 3 rows read, 3 added")
    assert dump(shop) == before


def test_a_mapping_chooses_columns_the_guess_cannot_know(shop, tmp_path):
    path = write(tmp_path / "odd.csv", "编号X,叫什么\nK-1,钳子\n")
    code, _, err = cli(shop, "import", "products", str(path))
    assert code == 2 and "choose the column of" in err
    mapping = json.dumps({"sku": "编号X", "name": "叫什么"}, ensure_ascii=False)
    assert "1 added" in ok(shop, "import", "products", str(path), "--mapping", mapping)
    code, _, err = cli(shop, "import", "products", str(path), "--mapping", "{not json")
    assert code == 2 and "--mapping: is not valid JSON" in err


def test_empty_header_only_and_wrongly_encoded_files_exit_2_with_a_clear_message(shop, tmp_path):
    for name, data, message in [
        ("empty.csv", b"", "is empty"),
        ("header.csv", "货号,品名\n".encode(), "has a header row but no data rows"),
        ("latin1.csv", "SKU,Name\nA-1,Crème brûlée\n".encode("latin-1"), "neither UTF-8 nor GB18030/GBK"),
    ]:
        (tmp_path / name).write_bytes(data)
        code, out, err = cli(shop, "import", "products", str(tmp_path / name))
        assert code == 2, name
        assert message in err, (name, err)
    assert counts(shop)["products"] == 0


def test_opening_stock_and_sales_history_keep_the_ledger_exact_and_import_once(shop, tmp_path):
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)))
    ok(shop, "import", "customers", str(write(tmp_path / "c.csv", "客户编码,客户名称\nC1,张三五金店\n")))
    history = write(tmp_path / "h.csv", "货号,仓库,销量,销售日期,客户\n" + "".join(
        f"SD-6,SH,{1 + d % 4},2025-12-{d:02d},C1\n" for d in range(1, 29)) + "HM-1,GZ,2,2025-12-03,\n")
    stock = write(tmp_path / "s.csv", "货号,仓库,数量,单价,日期\nSD-6,SH,100,4.20,2026-01-01\n"
                                      "HM-1,GZ,7,12.50,2026-01-01\nTP-3,SH,0,3,2026-01-01\n")
    assert "29 added" in ok(shop, "import", "sales-history", str(history))
    assert "2 added" in ok(shop, "import", "stock", str(stock))
    before = counts(shop)
    assert "nothing new" in ok(shop, "import", "sales-history", str(history))
    assert "nothing new" in ok(shop, "import", "stock", str(stock))
    assert counts(shop) == before
    assert ok(shop, "check").startswith("ok")
    stock_rows = {(r["sku"], r["warehouse"]): r for r in json.loads(ok(shop, "stock", "--json"))}
    assert (stock_rows["SD-6", "SH"]["on_hand"], stock_rows["SD-6", "SH"]["value"]) == ("100", "420")
    assert (stock_rows["HM-1", "GZ"]["on_hand"], stock_rows["HM-1", "GZ"]["value"]) == ("7", "87.5")
    moves = json.loads(ok(shop, "movements", "--sku", "SD-6", "--json"))
    shipped = [m for m in moves if m["kind"] == "shipment"]
    assert len(shipped) == 28 and all(m["occurred_at"].startswith("2025-12") for m in shipped)


def test_export_writes_stock_and_movements_workbooks(shop, tmp_path):
    from openpyxl import load_workbook

    ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)))
    ok(shop, "import", "stock", str(write(tmp_path / "s.csv", "货号,仓库,数量,单价\nSD-6,SH,100,4.20\n")))
    assert "wrote 1 row to" in ok(shop, "export", "stock", str(tmp_path / "stock.xlsx"))
    rows = list(load_workbook(tmp_path / "stock.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:5] == ("SKU", "Name", "Category", "Warehouse", "On hand")
    assert rows[1][:5] == ("SD-6", "十字螺丝刀 6寸", "工具", "SH", 100) and rows[1][7] == 420
    # the average cost shows as a unit price does (4.20, not 4.2), the value as money (420.00)
    cost, value = load_workbook(tmp_path / "stock.xlsx").active[2][6:8]
    assert (cost.value, cost.number_format, value.number_format) == (4.2, "#,##0.00######", "#,##0.00")
    assert "wrote 1 row to" in ok(shop, "export", "movements", str(tmp_path / "moves.xlsx"))
    cost = load_workbook(tmp_path / "moves.xlsx").active[2][6]
    assert (cost.value, cost.number_format) == (4.2, "#,##0.00######")
    # the columns in Chinese when asked, as the Stock and Movements screens name them; English otherwise
    ok(shop, "export", "stock", str(tmp_path / "库存.xlsx"), "--language", "zh_CN")
    sheet = load_workbook(tmp_path / "库存.xlsx").active
    assert sheet.title == "库存"
    assert [c.value for c in sheet[1]] == ["货号", "名称", "类别", "仓库", "现有库存", "单位", "平均成本", "金额",
                                          "已预留", "在途", "最低库存"]
    ok(shop, "export", "movements", str(tmp_path / "流水.xlsx"), "--language", "zh")
    moves = load_workbook(tmp_path / "流水.xlsx").active
    assert [c.value for c in moves[1]][:3] == ["日期", "类型", "货号"]
    # the kind as the Movements screen says it, not the code 'receipt'; imported stock is opening stock
    assert moves[2][1].value == "期初库存"
    assert load_workbook(tmp_path / "moves.xlsx").active[2][1].value == "Opening stock"
    code, _, err = cli(shop, "export", "stock", str(tmp_path / "stock.csv"))
    assert code == 2 and ".xlsx" in err


@pytest.mark.slow
def test_a_100000_row_file_with_one_bad_row_at_the_end_writes_nothing(shop, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("SKU,Name,Unit\n")
        f.writelines(f"SKU-{i:06d},商品 {i},pcs\n" for i in range(99_999))
        f.write("BAD SKU,坏的,pcs\n")
    code, out, err = cli(shop, "import", "products", str(path))
    assert code == 2
    assert out.splitlines()[1].startswith("100001") and "contains spaces" in out
    assert counts(shop)["products"] == 0


# The child runs the command line's import as it is, except that once the products are written into the
# open transaction (nothing committed yet) it says so and waits: the test SIGKILLs it right there.
IMPORT_KILLED_SCRIPT = """
import runpy
import sys

from persistence.catalog import repositories

insert = repositories.ProductRepository._insert


def insert_then_wait(self, products):
    insert(self, products)
    print("written", len(products), flush=True)
    sys.stdin.readline()


repositories.ProductRepository._insert = insert_then_wait
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.slow
def test_an_import_killed_mid_way_leaves_the_database_exactly_as_before(shop, tmp_path):
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)))
    ok(shop, "import", "stock", str(write(tmp_path / "s.csv", "货号,仓库,数量,单价\nSD-6,SH,100,4.20\n")))
    before_dump, before_counts = dump(shop), counts(shop)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("SKU,Name,Barcode,Category\n")
        f.writelines(f"K-{i:06d},商品 {i} 的一个相当长的名字,{7000000000000 + i},类别 {i % 40}\n"
                     for i in range(50_000))
    proc = subprocess.Popen([sys.executable, "-c", IMPORT_KILLED_SCRIPT, str(MAIN), "--db", str(shop), "import",
                             "products", str(path)], cwd=ROOT, text=True, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = proc.stdout.readline()
        assert line.startswith("written 50000"), proc.stderr.read()  # every row is in the open transaction
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(600)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with contextlib.closing(sqlite3.connect(shop)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert counts(shop) == before_counts
    assert dump(shop) == before_dump
    assert ok(shop, "check").startswith("ok")


# the same products, sold loose (not counted in whole units), for the stock files with fractions below
LOOSE_PRODUCTS = "".join(line + (",整数计量\n" if i == 0 else ",否\n")
                         for i, line in enumerate(PRODUCTS.splitlines()))
EUROPEAN_STOCK = ("货号;仓库;数量;单价\n"
                  "SD-6;SH;1.234;4,20\n"      # 1.234 is one thousand two hundred thirty-four
                  "HM-1;SH;2,5;1.234,5\n"
                  "TP-3;SH;12;0,125\n")


def test_number_format_european_reads_a_decimal_comma_and_points_between_thousands(shop, tmp_path):
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", LOOSE_PRODUCTS)))
    path = write(tmp_path / "eu.csv", EUROPEAN_STOCK)
    code, out, err = cli(shop, "import", "stock", str(path))  # the default format refuses the decimal commas
    assert code == 2 and "'2,5' is ambiguous" in out and "European number format (1.234,5)" in out
    out = ok(shop, "import", "stock", str(path), "--number-format", "european")
    assert "3 added" in out
    stock = {r["sku"]: (Decimal(r["on_hand"]), Decimal(r["avg_cost"])) for r in json.loads(ok(shop, "stock", "--json"))}
    assert stock == {"SD-6": (Decimal(1234), Decimal("4.2")), "HM-1": (Decimal("2.5"), Decimal("1234.5")),
                     "TP-3": (Decimal(12), Decimal("0.125"))}


def test_number_format_european_refuses_a_point_out_of_place_naming_the_field_the_text_and_what_is_accepted(
        shop, tmp_path):
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", PRODUCTS)))
    before = dump(shop)
    path = write(tmp_path / "eu.csv", "货号;仓库;数量;单价\nSD-6;SH;1.23,4;1\nHM-1;SH;5;1.5\nTP-3;SH;1,23456;1\n")
    code, out, err = cli(shop, "import", "stock", str(path), "--number-format", "european", "--dry-run")
    assert code == 2
    lines = out.splitlines()
    assert [line.split()[:2] for line in lines[1:]] == [["2", "数量"], ["3", "单价"], ["4", "数量"]]
    assert "'1.23,4' is not a number in the European format" in lines[1]
    assert lines[1].endswith("a number in the European format, such as 2,5 or 1.234,5")
    assert "'1.5' is not a number in the European format" in lines[2]
    assert "1,23456 has more than 4 decimal places" in lines[3] and lines[3].endswith("such as 12 or 2,5")
    code, out, err = cli(shop, "import", "stock", str(path), "--number-format", "european")
    assert code == 2 and "nothing was imported" in err
    assert dump(shop) == before


def test_number_cells_of_a_workbook_are_numbers_whatever_the_number_format(shop, tmp_path):
    from ui.spreadsheets import write_xlsx

    ok(shop, "import", "products", str(write(tmp_path / "p.csv", LOOSE_PRODUCTS)))
    write_xlsx(tmp_path / "s.xlsx", ["SKU", "Warehouse", "Qty", "Unit cost"],
               [["SD-6", "SH", Decimal("1.234"), "4,20"], ["HM-1", "SH", 3, Decimal("1234.5")]])
    assert "2 added" in ok(shop, "import", "stock", str(tmp_path / "s.xlsx"), "--number-format", "european")
    stock = {r["sku"]: (Decimal(r["on_hand"]), Decimal(r["avg_cost"])) for r in json.loads(ok(shop, "stock", "--json"))}
    assert stock == {"SD-6": (Decimal("1.234"), Decimal("4.2")), "HM-1": (Decimal(3), Decimal("1234.5"))}


def test_an_unknown_number_format_is_refused_naming_the_choices(shop, tmp_path):
    code, _, err = cli(shop, "import", "stock", str(write(tmp_path / "s.csv", EUROPEAN_STOCK)), "--number-format",
                       "german")
    assert code == 2 and "--number-format" in err and "'default', 'european'" in err
