"""Cells that a real office's files hold and that are refused, said for what they are: a price saved from a column
formatted as currency (``¥1,200.50``: before, "a comma may only separate thousands"), and a date that Excel holds as
its day number because the column is not formatted as dates (46027: before, only "is not a date")."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import guess_mapping
from domain.imports import preview
from domain.imports import run_import
from ui.spreadsheets import read_table


@pytest.fixture
def shop(db):
    catalog.add_product(db.uow(), c.AddProduct("LSD-01", "十字螺丝刀", unit="件"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海仓"))
    return db


def problems(db, path, kind: str) -> dict[int, tuple[str, str, tuple[str, ...]]]:
    table = read_table(path)
    result = preview(db.uow(), kind, table, guess_mapping(kind, table.headers), today=date(2026, 12, 1))
    return {p.row: (p.column, p.said.code, p.said.values) for p in result.problems}


@pytest.mark.parametrize("price, sign", [("¥1,200.50", "¥"), ("￥12.50", "￥"), ("8元", "元"), ("$3.20", "$"),
                                         ("RMB 5", "RMB")])
def test_a_price_with_a_currency_sign_is_refused_for_its_sign_with_what_to_write_instead(shop, tmp_path, price, sign):
    path = tmp_path / "期初库存.csv"
    path.write_text(f"货号,仓库,数量,单价\nLSD-01,SH,10,\"{price}\"\n", encoding="utf-8-sig")
    table = read_table(path)
    result = preview(shop.uow(), "stock", table, guess_mapping("stock", table.headers))
    [problem] = result.problems
    assert (problem.row, problem.column, problem.said.code, problem.said.values) == (
        2, "单价", "currency_sign", (repr(price), sign))
    assert problem.accepts.code == "accept_amount_alone"
    assert "without a currency sign" in problem.accepted and "1200.50" in problem.accepted


def test_a_date_excel_holds_as_its_day_number_says_the_date_it_would_show(shop, tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["货号", "仓库", "日期", "数量"])
    ws.append(["LSD-01", "SH", 46027, 2])  # a number cell: the column is not formatted as dates
    ws.append(["LSD-01", "SH", "46028", 3])  # text: a day number typed, said with its date too
    ws.append(["LSD-01", "SH", "2026", 4])  # a year, not a day number: no date of 1905 is made up for it
    book.save(tmp_path / "销售.xlsx")
    said = problems(shop, tmp_path / "销售.xlsx", "sales-history")
    assert said[2] == ("日期", "serial_date", ("46027", "2026-01-05"))
    assert said[3] == ("日期", "serial_date_text", ("'46028'", "2026-01-06"))
    assert said[4] == ("日期", "not_a_date", ("'2026'",))


def test_a_day_number_typed_as_text_in_a_csv_says_its_date_and_asks_for_it_written_as_a_date(shop, tmp_path):
    path = tmp_path / "销售.csv"
    path.write_text("货号,仓库,日期,数量\nLSD-01,SH,46027,2\n", encoding="utf-8-sig")
    table = read_table(path)
    result = preview(shop.uow(), "sales-history", table, guess_mapping("sales-history", table.headers),
                     today=date(2026, 12, 1))
    [problem] = result.problems
    assert (problem.row, problem.column) == (2, "日期")
    assert problem.problem == "'46027' is a day number as Excel counts days, not a date: that day is 2026-01-05"
    assert problem.accepted == "the date written as a date, such as 2026-01-05"


def test_a_code_excel_wrote_in_scientific_notation_is_refused_not_kept_without_its_last_digits(db, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes("货号,品名,条码\nSD-6,螺丝刀,6.90123E+12\n1.23457E+17,长编码,\"6901234567892,6.90124E+12\"\n"
                     "HM-1,锤子,6901234567908\n".encode("gbk"))
    said = {(p.row, p.column): (p.said.code, p.accepts.code)
            for p in preview(db.uow(), "products", read_table(path), {"sku": "货号", "name": "品名", "barcode": "条码"})
            .problems}
    assert said == {(2, "条码"): ("scientific_code", "accept_full_digits"),
                    (3, "货号"): ("scientific_code", "accept_full_digits"),
                    (3, "条码"): ("scientific_code", "accept_full_digits")}


def test_the_header_row_again_between_the_rows_is_passed_over_not_imported_as_a_product(db, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes("货号,品名\nSD-6,螺丝刀\n货号,品名\nHM-1,锤子\n 货号 ,品名\n".encode("gbk"))
    result = preview(db.uow(), "products", read_table(path), {"sku": "货号", "name": "品名"})
    assert (result.problems, result.rows, result.added) == ([], 2, 2)


def test_a_supplier_address_in_several_lines_of_one_cell_is_imported_as_the_form_takes_it(db, tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["供应商编码", "供应商名称", "地址"])
    ws.append(["S01", "上海五金厂", "上海市浦东新区\n张江路 88 号"])  # typed with Alt+Enter
    ws.append(["S02", "广州五金厂\n二厂", ""])  # a name is one line
    book.save(tmp_path / "供应商.xlsx")
    said = problems(db, tmp_path / "供应商.xlsx", "suppliers")
    assert list(said) == [3] and said[3][:2] == ("供应商名称", "control_character")
    table = read_table(tmp_path / "供应商.xlsx")
    table.rows.pop()
    run_import(db.uow(), "suppliers", table, guess_mapping("suppliers", table.headers))
    with db.uow() as uow:
        assert uow.suppliers.by_code("S01").address == "上海市浦东新区\n张江路 88 号"


def test_a_code_excel_turned_into_a_date_is_refused_not_read_as_the_dates_text(shop, tmp_path):
    from datetime import datetime

    book = Workbook()
    ws = book.active
    ws.append(["货号", "品名", "条码"])
    ws.append([datetime(2026, 1, 5), "尺码 1-5 的袜子", None])  # 1-5 typed into a General cell
    ws.append(["LSD-02", "螺丝刀", None])
    book.save(tmp_path / "商品.xlsx")
    said = problems(shop, tmp_path / "商品.xlsx", "products")
    assert said == {2: ("货号", "date_cell", ("'2026-01-05'",))}
    book = Workbook()
    ws = book.active
    ws.append(["货号", "仓库", "日期", "数量"])
    ws.append(["LSD-01", "SH", datetime(2026, 1, 5), 2])  # a date where a date belongs
    book.save(tmp_path / "销售.xlsx")
    assert problems(shop, tmp_path / "销售.xlsx", "sales-history") == {}
