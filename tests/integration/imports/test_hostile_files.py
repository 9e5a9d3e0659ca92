"""Files made to hurt the reader: a million rows, a zip bomb, a workbook that is no zip, merged cells over data, a date
where a number belongs; and text that a spreadsheet would run as a formula, exported. Each is refused early with a
message naming the file and what is accepted, or read as exactly what it shows; never run, never guessed."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl import load_workbook

from domain.imports import guess_mapping
from domain.imports import preview
from domain.kernel.errors import BadInput
from persistence.db import open_database
from ui import spreadsheets
from ui.spreadsheets import FORMULA_START
from ui.spreadsheets import read_table
from ui.spreadsheets import write_xlsx


def _workbook(path: Path, rows: list[list]) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def _rewrite(path: Path, part: str, change) -> None:
    """The workbook with one part's XML changed (as another program, or an attacker, would write it)."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts[part] = change(parts[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_csv_of_a_million_rows_is_refused_without_being_read_into_memory(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"sku,qty\n" + b"A-1,2\n" * 1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(BadInput) as refused:
            read_table(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.code == "file_too_many_rows" and "huge.csv" in str(refused.value)
    assert "200,000" in str(refused.value)
    assert peak < 120 << 20, f"{peak >> 20} MB held to refuse it"  # the million rows as tuples held ~250 MB


def test_a_csv_larger_than_any_file_of_the_most_rows_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MOST_CSV_BYTES", 1 << 10)  # (512 MB: a file that large takes seconds to write)
    path = tmp_path / "wide.csv"
    path.write_bytes(b"sku,name\n" + b"A-1," + b"x" * 2000 + b"\n")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self.name} was read"))
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_too_large" and "wide.csv" in str(refused.value)


def test_a_workbook_that_says_it_has_a_million_rows_is_refused_before_a_row_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.xlsx"
    _workbook(path, [["货号", "数量"], ["A-1", 2], ["A-2", 3]])
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'<dimension ref="[^"]*" ?/>',
                                                                  '<dimension ref="A1:B1000001"/>', xml))
    read = []
    monkeypatch.setattr(spreadsheets, "cell_text", lambda value: read.append(value) or str(value))
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_too_many_rows" and read == []


def test_a_workbook_whose_rows_outnumber_what_it_says_is_refused_at_the_row_after_the_most(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheets, "MOST_ROWS", 50)
    path = tmp_path / "long.xlsx"
    _workbook(path, [["货号", "数量"], *([f"A-{i}", i] for i in range(60))])
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'<dimension ref="[^"]*" ?/>', "", xml))
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_too_many_rows" and "50" in str(refused.value)
    _workbook(path, [["货号", "数量"], *([f"A-{i}", i] for i in range(49))])
    assert len(read_table(path).rows) == 49  # the most is read


def test_a_zip_bomb_named_xlsx_is_refused_before_any_part_is_unpacked(tmp_path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    _workbook(path, [["货号", "数量"], ["A-1", 2]])
    monkeypatch.setattr(spreadsheets, "MOST_UNPACKED", 16 << 20)  # (1 GB: a bomb beyond it takes seconds to make)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:  # 48 MB of zeros in some 50 kB
        z.writestr("xl/padding.bin", bytes(48 << 20))
    assert path.stat().st_size < 1 << 20
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("openpyxl unpacked the bomb"))
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_too_large" and "bomb.xlsx" in str(refused.value)
    assert "48 MB" in str(refused.value) and "16 MB" in str(refused.value)


@pytest.mark.parametrize("content", [b"not a workbook at all", b"PK\x03\x04" + bytes(200), b"PK\x03\x04truncated"])
def test_an_xlsx_that_is_no_zip_is_refused_as_no_workbook(tmp_path, content):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_not_excel" and "fake.xlsx" in str(refused.value)


def test_a_truncated_workbook_is_refused_as_no_workbook(tmp_path):
    path = tmp_path / "cut.xlsx"
    _workbook(path, [["货号", "数量"], ["A-1", 2]])
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert refused.value.code == "file_not_excel"


def test_cells_merged_over_data_rows_read_only_in_the_cell_that_holds_the_value(tmp_path):
    """A category merged down three rows is in its first row only: the rows under it are not guessed to share it."""
    path = tmp_path / "merged.xlsx"
    book = Workbook()
    ws = book.active
    for row in (["货号", "品名", "类别"], ["A-1", "铅笔", "文具"], ["A-2", "钢笔", None], ["A-3", "橡皮", None]):
        ws.append(row)
    ws.merge_cells("C2:C4")
    ws.merge_cells("A5:B5")
    ws["A5"] = "合计"
    book.save(path)
    assert read_table(path).rows == [("A-1", "铅笔", "文具"), ("A-2", "钢笔", ""), ("A-3", "橡皮", ""),
                                     ("合计", "", "")]


def test_a_date_cell_where_a_number_belongs_is_named_not_read_as_its_serial(tmp_path):
    path = tmp_path / "products.xlsx"
    _workbook(path, [["货号", "品名", "单位", "最低库存"], ["A-1", "铅笔", "支", datetime(2026, 1, 5)],
                     ["A-2", "钢笔", "支", 5]])
    table = read_table(path)
    db = open_database(tmp_path / "db.sqlite3")
    try:
        checked = preview(db.uow(), "products", table, guess_mapping("products", table.headers))
    finally:
        db.close()
    assert [(p.row, p.column) for p in checked.problems] == [(2, "最低库存")]
    assert "2026-01-05" in str(checked.problems[0].problem)


LIKE_FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("x")', "\t=1", "\r=1", "-", "=", "=cmd|' /C calc'!A0"]


@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(LIKE_FORMULAS)), min_size=1, max_size=12))
def test_an_export_never_writes_a_formula_and_text_that_starts_like_one_is_escaped(tmp_path, texts):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, ["Name"], [[text] for text in texts])
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type != "f" for cell in cells)
    for text, cell in zip(texts, cells, strict=True):
        shown = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)
        # (a carriage return comes back a line feed: XML reads every line break so, Excel too)
        assert (cell.value or "") == shown.replace("\r\n", "\n").replace("\r", "\n")
        if shown.startswith(FORMULA_START):
            assert cell.quotePrefix, f"{text!r} would be run as a formula once edited in Excel"
