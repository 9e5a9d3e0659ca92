"""Exports whose header row is not the first row of two cells or more: an information row above it
(``制表日期：… | 单位：元``), or group headings over its columns (``商品信息`` over 货号 and 品名). Before, that row
was taken for the headers: no column was recognised and the file could not be imported without editing it."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from domain.imports import guess_mapping
from domain.imports import headed
from domain.imports import preview
from ui.spreadsheets import read_table


def test_the_header_row_under_group_headings_is_found_for_the_kind_imported(tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["某某商贸 商品库存表"])
    ws.append(["商品信息", None, "库存", None])
    ws.merge_cells("A2:B2")
    ws.merge_cells("C2:D2")
    ws.append(["货号", "品名", "数量", "金额"])
    ws.append(["A-1", "苹果", 5, 10])
    book.save(tmp_path / "库存.xlsx")
    table = headed("products", read_table(tmp_path / "库存.xlsx"))
    assert (table.header_row, table.headers, table.rows) == (3, ("货号", "品名", "数量", "金额"),
                                                             [("A-1", "苹果", "5", "10")])
    assert guess_mapping("products", table.headers) == {"sku": "货号", "name": "品名"}


def test_an_information_row_of_two_cells_above_the_header_is_passed_over_and_rows_keep_their_numbers(db, tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes("制表日期：2026-12-01,单位：元\n货号,品名,单位\nA-1,苹果,个\nA-1,梨,个\n".encode("gbk"))
    table = headed("products", read_table(path))
    result = preview(db.uow(), "products", table, guess_mapping("products", table.headers), today=date(2026, 12, 1))
    assert [(p.row, p.column, p.said.code) for p in result.problems] == [(4, "货号", "duplicate_sku")]


def test_a_file_whose_first_row_names_the_fields_is_left_as_it_is(tmp_path):
    path = tmp_path / "商品.csv"
    path.write_bytes("货号,品名\n品名,货号\nA-1,苹果\n".encode("gbk"))  # SKU and name are named: the headers stay
    table = read_table(path)
    assert headed("products", table) is table
