"""Random workbooks of good rows and hostile cells, imported as products: nothing a cell holds is run, and the import
writes every good row it announced or, when any row has a problem, nothing at all.

Each generated row is built from cells whose verdict the test knows beforehand: a good cell with the value it must be
stored as, or a hostile one with the column it must be reported in. A good cell may still look dangerous (a name
``=HYPERLINK(...)`` held as text, a SKU in full-width letters or with a zero-width space in it, a quantity grouped
``1,234`` or in full-width digits). The properties:

* a workbook holding a real formula is refused naming its cell, never read for the value Excel cached;
* the problems name exactly the bad rows (with the row number as the spreadsheet shows it, and the column), never
  a good row;
* a file with problems writes nothing (the database file's tables are the same before and after); a file without
  them writes every row, each SKU, name and min level exactly as the cell said it;
* what was imported, exported again, is cells of values (never formulas) that read back as they were imported.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy import text

from domain.imports import ImportRejected
from domain.imports import guess_mapping
from domain.imports import preview
from domain.imports import run_import
from domain.imports.cells import shortened
from domain.kernel.errors import BadInput
from persistence import tables as t
from persistence.db import open_database
from ui.spreadsheets import read_table
from ui.spreadsheets import write_xlsx

HEADERS = ["货号", "品名", "单位", "最低库存"]
# Reproducible on any machine; FUZZ_EXAMPLES=400 hunts longer, with random examples.
_HUNT = int(os.environ.get("FUZZ_EXAMPLES", "0"))
SETTINGS = settings(max_examples=_HUNT or 30, derandomize=not _HUNT, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None
_template: Path | None = None


def template() -> Path:
    """An empty migrated database, made once and copied for each example."""
    global _template
    if _template is None:
        folder = tempfile.mkdtemp(prefix="stockroom-import-props-", dir=_SCRATCH)
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / "template.sqlite3"
        db = open_database(path)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        _template = path
    return _template


@dataclass
class Cell:
    """A cell to write, and what the import must make of it: ``stored`` (a good cell) or a problem (``bad``)."""

    value: object
    stored: object = None
    bad: bool = False
    as_text: bool = False  # a text starting with = written as text, not as a formula


@dataclass
class Row:
    cells: list[Cell]
    duplicate_of: int | None = None  # index of the earlier row whose SKU this one repeats
    extra: dict = field(default_factory=dict)


def _full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


plain_sku = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-/]{0,11}", fullmatch=True)


@st.composite
def good_sku(draw) -> Cell:
    sku = draw(plain_sku)
    how = draw(st.sampled_from(["plain", "spaces", "zero_width", "full_width", "soft_hyphen", "bom"]))
    if how == "spaces":
        written = f"  {sku} "
    elif how in ("zero_width", "soft_hyphen", "bom"):
        mark = {"zero_width": "\u200b", "soft_hyphen": "\u00ad", "bom": "\ufeff"}[how]
        at = draw(st.integers(0, len(sku)))
        written = sku[:at] + mark + sku[at:]
    elif how == "full_width":
        written = _full_width(sku)
    else:
        written = sku
    return Cell(written, sku)


bad_sku = st.one_of(
    st.sampled_from(["", "   ", "A B", "=A1", "+12", "@SUM", "A\u202eB", "X" * 65, "1.23457E+11"]).map(
        lambda s: Cell(s, bad=True, as_text=s.startswith("="))),
    st.just(Cell(datetime(2026, 3, 1), bad=True)),  # a date cell where a code belongs
)

name_text = st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=30).filter(
    lambda s: s.strip() and not shortened(s.strip()))
dangerous_names = st.sampled_from(['=HYPERLINK("http://x.example/?"&A1,"click")', "=1+1", "+1+2", "-5 pack",
                                   "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "\t=1+1"])


@st.composite
def good_name(draw) -> Cell:
    name = draw(st.one_of(name_text, dangerous_names, st.just("长" * 200)))
    return Cell(name, name.strip(), as_text=True)


bad_name = st.sampled_from(["", "x" * 201, "a\u200bb", "a\u202eb", "6.90123E+12"]).map(lambda s: Cell(s, bad=True))


@st.composite
def good_level(draw) -> Cell:
    n = draw(st.integers(0, 10**9))
    places = draw(st.integers(0, 4))
    frac = draw(st.integers(0, 10**places - 1)) if places else 0
    value = Decimal(n) + Decimal(frac).scaleb(-places)
    plain = format(value, "f")
    how = draw(st.sampled_from(["blank", "number", "text", "grouped", "full_width", "plus", "half"]))
    if how == "blank":
        return Cell(None, None)
    if how == "number":
        return Cell(n, Decimal(n))
    if how == "half":
        return Cell(n + 0.5, Decimal(n) + Decimal("0.5"))  # exact as a float
    if how == "grouped":
        return Cell(f"{value:,f}", value)
    if how == "full_width":
        return Cell(_full_width(plain), value)
    if how == "plus":
        return Cell("+" + plain, value)
    return Cell(plain, value)


bad_level = st.sampled_from([-1, "-3", "¥12", "12元", "$5", "2,5", "1.23456", 10**12, "1000000000000", "2026-03-01",
                             datetime(2026, 3, 1), "abc", "1e3", "1,2,3", "NaN", "Infinity", "inf", "--1",
                             "1 000", "0x10", "12.5.1", "٣", "1²", "⑫", "1_000"]).map(lambda v: Cell(v, bad=True))


@st.composite
def rows(draw) -> list[Row]:
    n = draw(st.integers(1, 8))
    out: list[Row] = []
    for _ in range(n):
        dup = out and draw(st.integers(0, 5)) == 0
        if dup:
            j = draw(st.integers(0, len(out) - 1))
            first = out[j].cells[0]
            if first.bad:
                dup = False
        if dup:
            sku = first.stored
            variant = draw(st.sampled_from([sku.lower(), sku.upper(), _full_width(sku), f" {sku}"]))
            sku_cell = Cell(variant, bad=True)
        else:
            sku_cell = draw(st.one_of(good_sku(), good_sku(), good_sku(), bad_sku))
        name = draw(st.one_of(good_name(), good_name(), good_name(), bad_name))
        unit = Cell("kg", "kg")
        level = draw(st.one_of(good_level(), good_level(), good_level(), bad_level))
        out.append(Row([sku_cell, name, unit, level], duplicate_of=j if dup else None))
    # a SKU repeated by chance (not as a planned duplicate) is a duplicate too
    seen: dict[str, int] = {}
    for i, row in enumerate(out):
        cell = row.cells[0]
        if cell.bad:
            continue
        key = cell.stored.lower()
        if key in seen:
            cell.bad = True
        else:
            seen[key] = i
    return out


@dataclass
class Layout:
    title: bool  # a merged title row above the header
    cover: bool  # an empty cover sheet in front
    lookup: bool  # a hidden lookup sheet in front
    blank_after: int | None  # a blank row after this data row
    extra_sheet: bool  # another sheet after, with rows of its own


layouts = st.builds(Layout, st.booleans(), st.booleans(), st.booleans(), st.one_of(st.none(), st.integers(0, 7)),
                    st.booleans())


def write_workbook(path: Path, data: list[Row], layout: Layout, formula_at: int | None = None) -> dict[int, int]:
    """The workbook; returns the spreadsheet row number of each data row."""
    book = Workbook()
    ws = book.active
    if layout.lookup:
        ws.title = "代码表"
        ws.append(["SH", "上海仓"])
        ws.append(["BJ", "北京仓"])
        ws.sheet_state = "hidden"
        ws = book.create_sheet("商品")
    if layout.cover:
        book.move_sheet(book.create_sheet("封面"), -len(book.sheetnames) + 1)
    r = 1
    if layout.title:
        ws.cell(row=1, column=1, value="某某公司商品清单")
        ws.merge_cells("A1:D1")
        r = 2
    for col, header in enumerate(HEADERS, 1):
        ws.cell(row=r, column=col, value=header)
    numbers: dict[int, int] = {}
    for i, row in enumerate(data):
        r += 1
        numbers[i] = r
        for col, cell in enumerate(row.cells, 1):
            target = ws.cell(row=r, column=col, value=cell.value)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                target.data_type = "s"  # text that looks like a formula: a text cell, as Excel keeps '=x
        if formula_at == i:
            ws.cell(row=r, column=4, value="=1+1")  # a real formula
        if layout.blank_after == i:
            r += 1
    if layout.extra_sheet:
        other = book.create_sheet("备注")
        other.append(["说明", "内容"])
        other.append(["=2+2", "后面的表不读"])
    book.save(path)
    return numbers


def dump(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        return {n: sorted(map(tuple, conn.execute(text(f'SELECT * FROM "{n}"')))) for n in names}


@pytest.fixture
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="stockroom-import-prop-", dir=_SCRATCH))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _expected_products(data: list[Row]) -> dict[str, tuple[str, Decimal | None]]:
    return {row.cells[0].stored: (row.cells[1].stored, row.cells[3].stored) for row in data}


NO_LAYOUT = Layout(False, False, False, None, False)


def _one_row(level: object) -> list[Row]:
    return [Row([Cell("0", "0"), Cell("0", "0", as_text=True), Cell("kg", "kg"), Cell(level, bad=True)])]


@SETTINGS
@given(data=rows(), layout=layouts)
@example(data=_one_row("٣"), layout=NO_LAYOUT)  # an Arabic-Indic 3 was read as 3, a superscript 1² as 12
@example(data=_one_row("1²"), layout=NO_LAYOUT)
def test_a_workbook_of_good_and_hostile_rows_imports_all_of_it_or_nothing_and_names_every_bad_cell(
        data, layout, tmp_path_factory):
    folder = tmp_path_factory.mktemp("import")
    path = folder / "products.xlsx"
    numbers = write_workbook(path, data, layout)
    table = read_table(path)
    mapping = guess_mapping("products", table.headers)
    assert mapping == {"sku": "货号", "name": "品名", "unit": "单位", "min_level": "最低库存"}
    expected_bad = {(numbers[i], HEADERS[col]) for i, row in enumerate(data) for col, cell in enumerate(row.cells)
                    if cell.bad}
    shutil.copy(template(), folder / "db.sqlite3")
    db = open_database(folder / "db.sqlite3")
    try:
        before = dump(db.engine)
        checked = preview(db.uow(), "products", table, mapping)
        found = {(p.row, p.column) for p in checked.problems}
        bad_rows = {r for r, _ in expected_bad}
        assert expected_bad <= found, f"bad cells not reported: {sorted(expected_bad - found)}"
        assert {r for r, _ in found} <= bad_rows, f"good rows reported: {sorted(found)}"
        assert all(p.column in HEADERS and p.problem and p.accepted for p in checked.problems)
        if expected_bad:
            with pytest.raises(ImportRejected) as rejected:
                run_import(db.uow(), "products", table, mapping)
            assert {(p.row, p.column) for p in rejected.value.problems} == found
            assert dump(db.engine) == before, "a rejected import wrote something"
            return
        result = run_import(db.uow(), "products", table, mapping)
        assert result.added == checked.added == len(data) and result.written
        with db.engine.connect() as conn:
            stored = {r.sku: (r.name, r.min_level)
                      for r in conn.execute(select(t.products.c.sku, t.products.c.name, t.products.c.min_level))}
        assert stored == _expected_products(data)
    finally:
        db.close()
    # exported again: cells of values, never formulas, that read back as they were imported
    back = folder / "export.xlsx"
    write_xlsx(back, ["SKU", "Name"], sorted((sku, name) for sku, (name, _) in stored.items()))
    sheet = load_workbook(back).active
    assert all(c.data_type != "f" for r in sheet.iter_rows() for c in r)
    assert sorted((sku, name) for sku, name in read_table(back).rows) == sorted(
        (sku, name) for sku, (name, _) in stored.items())


@SETTINGS
@given(data=rows(), layout=layouts, at=st.integers(0, 7))
def test_a_workbook_with_a_real_formula_is_refused_naming_the_cell_and_never_read_for_its_value(data, layout, at,
                                                                                               tmp_path_factory):
    at = at % len(data)
    path = tmp_path_factory.mktemp("formula") / "products.xlsx"
    numbers = write_workbook(path, data, layout, formula_at=at)
    with pytest.raises(BadInput) as refused:
        read_table(path)
    assert f"D{numbers[at]}" in str(refused.value)
