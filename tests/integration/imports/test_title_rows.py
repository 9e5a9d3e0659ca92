"""A spreadsheet exported from another program often starts with a title (a merged cell ``某某公司商品清单``, a line
``制表日期：…``) above its header row. The headers are the first row with two or more cells; before, the title was
taken for the header row, the file's columns were not found ("choose the column of SKU") and nothing could be
imported without editing the file."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from domain.catalog.model import Product
from domain.imports import ImportRejected
from domain.imports import guess_mapping
from domain.imports import run_import
from ui.spreadsheets import read_table


def titled_workbook(path, rows) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["某某五金公司 商品清单"])
    ws.merge_cells("A1:E1")
    ws.append([None])
    ws.append(["制表日期：2026-12-01"])
    ws.append(["货号", "品名", "单位", "条码", "箱规"])
    for row in rows:
        ws.append(row)
    book.save(path)


def test_the_headers_under_a_title_are_found_and_rows_keep_the_numbers_excel_shows(tmp_path):
    titled_workbook(tmp_path / "p.xlsx", [["LSD-01", "十字螺丝刀", "件", "6901234567892", 20], [None] * 5,
                                          ["JD-02", "电工胶带", "箱", None, None]])
    table = read_table(tmp_path / "p.xlsx")
    assert (table.header_row, table.headers) == (4, ("货号", "品名", "单位", "条码", "箱规"))
    assert {table.row_number(i): row[0] for i, row in enumerate(table.rows) if row and row[0]} == {5: "LSD-01",
                                                                                                  7: "JD-02"}
    assert guess_mapping("products", table.headers) == {"sku": "货号", "name": "品名", "unit": "单位",
                                                        "barcode": "条码", "pack_size": "箱规"}


def test_a_titled_product_list_imports_and_its_refusals_name_the_rows_as_excel_numbers_them(tmp_path, db):
    titled_workbook(tmp_path / "good.xlsx", [["LSD-01", "十字螺丝刀", "件", "6901234567892", 20],
                                             ["DX-03", "铜芯电线", "千克", None, None]])
    table = read_table(tmp_path / "good.xlsx")
    result = run_import(db.uow(), "products", table, guess_mapping("products", table.headers))
    assert result.written
    with db.uow() as uow:
        product: Product = uow.products.by_sku("LSD-01")
        assert (product.name, product.unit, product.barcodes) == ("十字螺丝刀", "件", ["6901234567892"])

    titled_workbook(tmp_path / "bad.xlsx", [["A-1", "扳手", "把", None, "十"], ["A-1", "扳手", "把", None, None]])
    table = read_table(tmp_path / "bad.xlsx")
    with pytest.raises(ImportRejected) as refused:
        run_import(db.uow(), "products", table, guess_mapping("products", table.headers))
    assert {(p.row, p.column) for p in refused.value.problems} >= {(5, "箱规")}
    assert all(p.row in (5, 6) for p in refused.value.problems)


def test_a_file_of_one_column_still_takes_its_first_row_for_the_header(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("SKU\nA-1\nB-2\n", encoding="utf-8")
    table = read_table(path)
    assert (table.header_row, table.headers) == (1, ("SKU",))
