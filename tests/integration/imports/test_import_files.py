"""Reading import files: CSV in the encodings Excel writes, .xlsx through pandas, and the files that must be refused."""

from __future__ import annotations

import codecs
from datetime import datetime

import pytest

from domain.kernel.errors import BadInput
from ui.spreadsheets import parse_csv
from ui.spreadsheets import read_table
from ui.spreadsheets import write_xlsx

CHINESE = "货号,品名,单位,数量\nSD-6,十字螺丝刀 6寸,把,12\nHM-1,羊角锤,把,3.5\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_chinese_csv_reads_the_same_in_every_encoding_excel_saves(tmp_path, encoding):
    path = tmp_path / "products.csv"
    path.write_bytes(CHINESE.encode(encoding))
    table = read_table(path)
    assert table.headers == ("货号", "品名", "单位", "数量")
    assert table.rows == [("SD-6", "十字螺丝刀 6寸", "把", "12"), ("HM-1", "羊角锤", "把", "3.5")]
    assert table.name == "products.csv"


def test_semicolon_and_tab_separated_files_are_read_too():
    assert parse_csv(b"SKU;Name\nA;Apple\n").rows == [("A", "Apple")]
    assert parse_csv(b"SKU\tName\nA\tApple, green\n").rows == [("A", "Apple, green")]


def test_a_file_in_another_encoding_is_refused_with_a_message_not_read_as_garbage(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("SKU,Name\nA-1,Café crème\nB-2,Pâté\n".encode("latin-1"))
    with pytest.raises(BadInput, match="neither UTF-8 nor GB18030/GBK.*CSV UTF-8"):
        read_table(path)
    path.write_bytes(codecs.BOM_UTF16_LE + "SKU,Name\nA,B\n".encode("utf-16-le"))
    with pytest.raises(BadInput, match="UTF-16"):
        read_table(path)
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(BadInput):
        read_table(path)


def test_an_empty_file_and_a_missing_file_are_refused(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(BadInput, match="is empty"):
        read_table(empty)
    empty.write_bytes(b"\n\n \n")
    with pytest.raises(BadInput, match="is empty"):
        read_table(empty)
    with pytest.raises(BadInput, match="does not exist"):
        read_table(tmp_path / "nothere.csv")


def test_an_xlsx_reads_numbers_barcodes_and_dates_as_a_user_typed_them(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["货号", "条码", "数量", "单价", "日期", None])
    ws.append(["SD-6", 6901234567892, 12, 4.2, datetime(2026, 1, 5), None])
    ws.append([None, None, None, None, None, None])
    ws.append(["HM-1", "0012", 3.25, 0.1, "2026/1/6", None])
    book.save(tmp_path / "stock.xlsx")
    table = read_table(tmp_path / "stock.xlsx")
    assert table.headers == ("货号", "条码", "数量", "单价", "日期")
    assert table.rows[0][:5] == ("SD-6", "6901234567892", "12", "4.2", "2026-01-05")
    assert table.rows[-1][:5] == ("HM-1", "0012", "3.25", "0.1", "2026/1/6")
    assert table.row_number(len(table.rows) - 1) == 4  # the blank row 3 still counts, as Excel shows it


def test_rows_are_numbered_as_the_spreadsheet_shows_them_with_blank_rows_above_and_between(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("\n\nSKU,Name\nA-1,Apple\n\nB-2,Pear\n\n\n", encoding="utf-8")
    table = read_table(path)
    assert (table.header_row, table.headers) == (3, ("SKU", "Name"))
    numbered = {table.row_number(i): row for i, row in enumerate(table.rows) if row}
    assert numbered == {4: ("A-1", "Apple"), 6: ("B-2", "Pear")}


def test_a_workbook_saved_under_a_csv_name_is_still_read_and_an_old_xls_is_refused(tmp_path):
    write_xlsx(tmp_path / "book.xlsx", ["SKU", "Name"], [["A-1", "Apple"]])
    (tmp_path / "book.csv").write_bytes((tmp_path / "book.xlsx").read_bytes())
    assert read_table(tmp_path / "book.csv").rows == [("A-1", "Apple")]
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(BadInput, match="Excel 97-2003"):
        read_table(tmp_path / "old.xls")


def test_write_xlsx_keeps_header_text_numbers_and_local_times(tmp_path):
    from datetime import UTC
    from decimal import Decimal

    from openpyxl import load_workbook

    when = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
    n = write_xlsx(tmp_path / "out.xlsx", ["SKU", "数量", "时间"], [["A", Decimal("2.5"), when], ["B", None, None]])
    assert n == 2
    ws = load_workbook(tmp_path / "out.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("SKU", "数量", "时间")
    assert rows[1][:2] == ("A", 2.5) and rows[1][2] == when.astimezone().replace(tzinfo=None)
    assert not (tmp_path / "out.xlsx.part").exists()
