"""Workbooks as an office's Excel and its old programs leave them: a hidden lookup sheet in front, dates in a
Chinese Excel's own formats, error values pasted as values, an old or a locked workbook under a new name."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook

from domain.kernel.errors import BadInput
from ui.spreadsheets import read_table

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_the_first_sheet_read_is_the_first_one_excel_shows_not_a_hidden_lookup_sheet(tmp_path):
    book = Workbook()
    lookup = book.active
    lookup.title = "代码表"
    lookup.append(["SH", "上海仓"])
    lookup.sheet_state = "hidden"
    data = book.create_sheet("商品")
    data.append(["货号", "品名"])
    data.append(["X-1", "铅笔"])
    book.save(tmp_path / "products.xlsx")
    table = read_table(tmp_path / "products.xlsx")
    assert (table.headers, table.rows) == (("货号", "品名"), [("X-1", "铅笔")])


def _with_builtin_format(path, number_format_id: int) -> None:
    """A workbook whose date cell has a built-in number format that is not written into the file, as a Chinese
    Excel saves ``2026年1月5日`` (number format 31)."""
    book = Workbook()
    ws = book.active
    ws.append(["货号", "数量", "日期"])
    ws.append(["A-1", 5, datetime(2026, 1, 5)])
    ws["C2"].number_format = 'yyyy"年"m"月"d"日"'  # a custom format, 164 or above, replaced below
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    styles = parts["xl/styles.xml"].decode()
    custom = re.findall(r'<xf numFmtId="(\d+)"', styles.split("<cellXfs")[1])[-1]  # the date cell's style
    styles = re.sub(r"<numFmts[^>]*>.*?</numFmts>", "", styles)
    parts["xl/styles.xml"] = styles.replace(f'numFmtId="{custom}"', f'numFmtId="{number_format_id}"').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.parametrize("number_format_id", [31, 57, 58])
def test_a_date_in_a_chinese_excels_own_date_format_reads_as_the_date_not_its_serial_number(
        tmp_path, number_format_id):
    path = tmp_path / "stock.xlsx"
    _with_builtin_format(path, number_format_id)
    assert read_table(path).rows == [("A-1", "5", "2026-01-05")]


def test_error_values_pasted_as_values_refuse_the_workbook_naming_the_cells(tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["货号", "品名", "最低库存"])
    ws.append(["E-1", "铅笔", "#N/A"])
    ws.append(["E-2", "#DIV/0!", 3])
    book.save(tmp_path / "products.xlsx")
    with pytest.raises(BadInput, match=r"error values such as #N/A in C2, B3.*correct or clear those cells"):
        read_table(tmp_path / "products.xlsx")


@pytest.mark.parametrize("name", ["export.xlsx", "export.csv"])
def test_an_old_excel_workbook_under_a_new_name_is_said_to_be_one(tmp_path, name):
    (tmp_path / name).write_bytes(OLE + b"\x00" * 600)
    with pytest.raises(BadInput, match="old Excel 97-2003 workbook"):
        read_table(tmp_path / name)


def test_a_workbook_locked_with_a_password_is_said_to_be_locked(tmp_path):
    (tmp_path / "locked.xlsx").write_bytes(OLE + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(BadInput, match="protected by a password.*remove the password"):
        read_table(tmp_path / "locked.xlsx")


def test_the_progress_of_a_check_runs_over_the_whole_bar_not_the_share_an_import_gives_it(db):
    from domain.imports import Table
    from domain.imports import preview

    table = Table(("货号", "品名"), [(f"P{i:05d}", f"商品{i}") for i in range(10_000)], "big.csv")
    seen: list[int] = []
    preview(db.uow(), "products", table, {"sku": "货号", "name": "品名"}, progress=seen.append)
    assert seen == sorted(seen) and max(seen) == 100
    assert [p for p in seen if p < 100][-1] >= 80  # not 30 and then, at once, done


def test_a_csv_row_split_by_a_comma_without_quotes_is_refused_not_read_one_column_off(db):
    from domain.imports import guess_mapping
    from domain.imports import headed
    from domain.imports import preview
    from ui.spreadsheets import parse_csv

    def said(kind: str, data: bytes) -> set[tuple[int, str, str]]:
        table = headed(kind, parse_csv(data, "file.csv"))
        return {(p.row, p.column, p.said.code)
                for p in preview(db.uow(), kind, table, guess_mapping(kind, table.headers)).problems}

    products = "货号,品名,最低库存,最高库存\nSD-6,螺丝刀,10,1,000\nHM-1,锤子,\"1,000\",\"2,000\"\n".encode("gbk")
    assert ("split_row", "Column 5") in {(code, column) for _, column, code in said("products", products)}
    assert all(row == 2 for row, _, _ in said("products", products))
    lead = "供应商编码,供应商名称,交期,地址\nS01,五金厂,7,上海\nS02,全角厂,1,000,\n".encode("gbk")  # address blank
    assert said("suppliers", lead) == {(3, "Column 5", "split_row")}
    each_line_ended = "货号,品名\nA-1,苹果,\nB-2,梨,\n".encode("gbk")  # every data row, not the header
    assert said("products", each_line_ended) == set()
    titled = "制表日期：2026-12-01,单位：元\n货号,品名,单位\nA-1,苹果,个\nB-2,梨,个,\"1,0\"\n".encode("gbk")
    assert said("products", titled) == {(4, "Column 4", "split_row")}  # the header's 3 cells, not the title's 2


def test_a_large_csv_is_searched_a_slice_at_a_time_so_reading_it_does_not_hold_the_window(monkeypatch):
    """One regular-expression search of a whole file keeps Python's lock until it ends, and the window waits for the
    lock: 40,000 rows froze it for most of a second. Searched a slice at a time, the window runs between slices."""
    from ui import spreadsheets

    spans: list[int] = []
    whole = spreadsheets._IMPLAUSIBLE

    class Recording:
        def finditer(self, text, start, end):
            spans.append(min(end, len(text)) - start)
            return whole.finditer(text, start, end)

    monkeypatch.setattr(spreadsheets, "_IMPLAUSIBLE", Recording())
    data = ("货号,品名\n" + "".join(f"P{i:05d},商品{i}号\n" for i in range(40_000))).encode("gbk")
    assert len(spreadsheets.parse_csv(data, "sales.csv").rows) == 40_000
    assert len(spans) > 1 and max(spans) <= spreadsheets._SLICE


def test_reading_a_long_workbook_reports_its_progress(tmp_path):
    book = Workbook()  # states the sheet's size, as Excel does
    ws = book.active
    ws.append(["货号", "品名"])
    for i in range(10_000):
        ws.append([f"P{i:05d}", f"商品{i}"])
    book.save(tmp_path / "big.xlsx")
    seen: list[int] = []
    assert len(read_table(tmp_path / "big.xlsx", seen.append).rows) == 10_000
    assert seen == sorted(seen) and len(seen) >= 4 and seen[-1] >= 80


def test_a_picture_under_a_csv_name_is_said_to_be_no_spreadsheet_and_utf16_text_is_still_named(tmp_path):
    (tmp_path / "scan.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BadInput, match="is not a spreadsheet: neither text"):
        read_table(tmp_path / "scan.csv")
    (tmp_path / "unicode.csv").write_bytes("货号,品名\nA-1,苹果\nB-2,梨\n".encode("utf-16-le"))  # no mark
    with pytest.raises(BadInput, match="is UTF-16 text"):
        read_table(tmp_path / "unicode.csv")


def test_a_cover_sheet_or_an_empty_sheet_in_front_is_passed_over_for_the_sheet_with_the_rows(tmp_path):
    book = Workbook()
    book.active.title = "封面"
    book.active.append(["本表为商品导入模板"])
    book.create_sheet("空白")
    data = book.create_sheet("商品")
    data.append(["货号", "品名"])
    data.append(["X-1", "铅笔"])
    book.save(tmp_path / "products.xlsx")
    assert read_table(tmp_path / "products.xlsx").rows == [("X-1", "铅笔")]
    empty = Workbook()
    empty.active.append(["本表为商品导入模板"])
    empty.create_sheet("空白")
    empty.save(tmp_path / "empty.xlsx")
    assert read_table(tmp_path / "empty.xlsx").headers == ("本表为商品导入模板",)  # the first sheet, as before


def test_a_code_kept_as_a_number_in_a_format_of_zeros_reads_with_the_leading_zeros_excel_shows(tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["货号", "品名", "数量"])
    ws.append([123, "铅笔", 5])
    ws.append([4567890, "橡皮", 1200])
    ws["A2"].number_format = ws["A3"].number_format = "000000"  # Excel shows 000123 and 4567890
    ws["C3"].number_format = "#,##0"
    book.save(tmp_path / "products.xlsx")
    assert read_table(tmp_path / "products.xlsx").rows == [("000123", "铅笔", "5"), ("4567890", "橡皮", "1200")]
