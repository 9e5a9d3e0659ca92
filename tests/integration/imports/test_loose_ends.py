"""Hostile spreadsheets, loose ends: hidden rows, numbers in scientific notation, day numbers typed as text, notes
under the header, the English of counts, and codes a spreadsheet would take for formulas."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import ImportKind
from domain.imports import ImportRejected
from domain.imports import fields_of
from domain.imports import guess_mapping
from domain.imports import preview
from domain.imports import run_import
from domain.imports.cells import is_note
from domain.kernel import validate
from domain.kernel.errors import BadInput
from tests.integration.imports.test_import_cli import cli
from tests.integration.imports.test_import_cli import ok
from tests.integration.imports.test_import_cli import shop  # noqa: F401 - the fixture
from tests.integration.imports.test_import_cli import write
from ui.spreadsheets import read_table


def products_sheet(path, hidden=(), filtered=(), title: bool = False):
    book = Workbook()
    ws = book.active
    if title:
        ws.append(["某某公司商品清单"])
    ws.append(["货号", "品名"])
    for i in range(1, 7):
        ws.append([f"P-{i}", f"商品{i}"])
    for row in hidden:
        ws.row_dimensions[row].hidden = True  # hidden by hand
    if filtered:
        ws.auto_filter.ref = f"A1:B{ws.max_row}"
        for row in filtered:
            ws.row_dimensions[row].hidden = True  # what Excel writes for a row a filter hides
    book.save(path)
    return path


def skus(db) -> list[str]:
    return sorted(p["sku"] for p in json.loads(ok(db, "product", "list", "--json")))


def test_the_rows_a_workbook_hides_are_read_with_their_row_numbers(tmp_path):
    table = read_table(products_sheet(tmp_path / "p.xlsx", hidden=(5,), filtered=(7,)))
    assert table.hidden == {5, 7}
    assert read_table(products_sheet(tmp_path / "q.xlsx")).hidden == frozenset()
    titled = read_table(products_sheet(tmp_path / "t.xlsx", hidden=(4,), title=True))
    assert titled.hidden == {4} and titled.row_number(titled.rows.index(("P-2", "商品2"))) == 4


def test_hidden_rows_are_left_out_and_listed_unless_included(db, tmp_path):
    table = read_table(products_sheet(tmp_path / "p.xlsx", hidden=(5,), filtered=(7,)))
    mapping = guess_mapping("products", table.headers)
    result = preview(db.uow(), "products", table, mapping)
    assert result.ok and result.added == 4
    assert [(r.row, r.said.code) for r in result.left_out] == [(5, "hidden_row"), (7, "hidden_row")]
    assert "2 hidden rows left out" in result.summary()
    assert preview(db.uow(), "products", table, mapping, include_hidden=True).added == 6
    written = run_import(db.uow(), "products", table, mapping)
    assert written.added == 4 and [r.row for r in written.left_out] == [5, 7]


def test_the_command_line_leaves_hidden_rows_out_says_so_and_includes_them_when_told(shop, tmp_path):  # noqa: F811
    path = products_sheet(tmp_path / "p.xlsx", hidden=(5,))
    code, out, err = cli(shop, "import", "products", str(path))
    assert code == 0, err
    assert "row 5: hidden in the workbook; left out" in err and "give --include-hidden" in err
    assert "P-4" not in skus(shop) and len(skus(shop)) == 5
    code, out, err = cli(shop, "import", "products", str(path), "--include-hidden")
    assert code == 0 and "P-4" in skus(shop) and "left out" not in err


def test_a_number_in_scientific_notation_in_a_csv_is_refused_saying_what_to_write(shop, tmp_path):  # noqa: F811
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", "SKU,Name\nA,Apple\nB,Pear\nC,Plum\n")))
    path = write(tmp_path / "s.csv", "SKU,Warehouse,Qty,Unit cost\nA,SH,2,1e3\nB,SH,1.23457E+11,2\nC,SH,3,4\n")
    code, out, err = cli(shop, "import", "stock", str(path))
    assert code == 2
    assert "'1e3' is written in scientific notation, which would read as 1000" in out
    assert "such as 1000 if that is the number meant" in out
    assert "'1.23457E+11' is written in scientific notation, which would read as 123457000000" in out
    assert "import the workbook (.xlsx) itself" in out
    assert json.loads(ok(shop, "stock", "--json")) == []


def test_scientific_notation_is_said_in_the_european_format_too_and_a_workbook_number_is_a_number(db, tmp_path):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("SH", "上海总仓"))
    catalog.add_product(db.uow(), c.AddProduct("A", "Apple"))
    path = write(tmp_path / "s.csv", "SKU;Warehouse;Qty;Unit cost\nA;SH;1,5E+3;2\n")
    table = read_table(path)
    [problem] = preview(db.uow(), "stock", table, guess_mapping("stock", table.headers),
                        number_format="european").problems
    assert (problem.row, problem.column, problem.said.code, problem.said.values) == (
        2, "Qty", "scientific_number", ("'1,5E+3'", "1500"))
    book = Workbook()
    book.active.append(["SKU", "Warehouse", "Qty", "Unit cost"])
    book.active.append(["A", "SH", 1e3, 2])  # a number cell: Excel may show it 1E+03, it is 1000
    book.save(tmp_path / "s.xlsx")
    table = read_table(tmp_path / "s.xlsx")
    result = preview(db.uow(), "stock", table, guess_mapping("stock", table.headers))
    assert result.ok and result.added == 1


def test_a_note_under_the_header_is_passed_over_and_said_but_never_a_row_that_could_be_a_record(db, tmp_path):
    path = write(tmp_path / "p.csv", "货号,品名,单位\n说明：货号必填,,\n*为必填项,,\nA,Apple,pcs\n")
    table = read_table(path)
    mapping = guess_mapping("products", table.headers)
    result = run_import(db.uow(), "products", table, mapping)
    assert result.added == 1
    assert [(r.row, r.said.code) for r in result.left_out] == [(2, "note_row"), (3, "note_row")]
    assert str(result.left_out[0]) == "row 2: a note, not a record; passed over"
    # a name alone, its SKU forgotten, is a record with a problem; a note below the records is checked as a row
    for text in ("货号,品名\n,螺丝刀 黑色\nB,Pear\n", "货号,品名\nB,Pear\n说明：货号必填,\n"):
        table = read_table(write(tmp_path / "q.csv", text))
        checked = preview(db.uow(), "products", table, guess_mapping("products", table.headers))
        assert checked.problems and not checked.left_out


def test_a_single_cell_is_never_a_record_of_any_import():
    """What lets a note be passed over: every kind needs two fields or more, so one cell is never a record."""
    for kind in ImportKind:
        assert sum(1 for f in fields_of(kind) if f.required) >= 2, kind
    assert is_note(("注：带*的为必填项", "", "")) and is_note(("Note: the SKU is required", ""))
    assert not is_note(("说明：货号必填", "A")) and not is_note(("A-1", "")) and not is_note(("螺丝刀 黑色", ""))


def test_counts_in_the_report_are_english_singular_and_plural():
    from domain.imports import RowProblem

    one = ImportRejected([RowProblem(2, "SKU", "is required", "x")])
    assert str(one.problem).startswith("1 row has a problem (1 in all)") and "Correct it" in one.problem
    two = ImportRejected([RowProblem(2, "SKU", "is required", "x"), RowProblem(3, "SKU", "is required", "x")])
    assert two.problem.startswith("2 rows have problems (2 in all)")


def test_the_command_line_counts_one_row_and_one_problem_in_the_singular(shop, tmp_path):  # noqa: F811
    code, out, err = cli(shop, "import", "products", str(write(tmp_path / "p.csv", "SKU,Name\nA,Apple\n")))
    assert code == 0 and "p.csv: 1 row;" in err and "products: 1 row read" in out
    bad = str(write(tmp_path / "q.csv", "SKU,Name\n=A1,Apple\n"))
    code, out, err = cli(shop, "import", "products", bad, "--dry-run")
    assert code == 2 and "error: 1 problem;" in err
    code, out, err = cli(shop, "import", "products", bad)
    assert code == 2 and "1 row has a problem (1 in all)" in err


@pytest.mark.parametrize("typed", ["=A1", "+86", "@SUM", "＝A1"])
def test_a_code_a_spreadsheet_would_take_for_a_formula_is_refused_stating_the_rule(typed):
    with pytest.raises(BadInput) as refused:
        validate.code("SKU", typed)
    assert refused.value.code == "formula_start"
    assert "takes for a formula" in str(refused.value) and "does not start with =, + or @" in str(refused.value)


def test_codes_keep_chinese_letters_and_signs_and_a_space_is_refused_stating_the_rule():
    assert validate.code("SKU", "螺丝-M6/黑") == "螺丝-M6/黑" and validate.code("SKU", "A-1+2") == "A-1+2"
    with pytest.raises(BadInput) as refused:
        validate.code("SKU", "A 1")
    assert "letters (Chinese too), digits and signs" in str(refused.value)
    assert "'-', '_' or '.'" not in str(refused.value)
    with pytest.raises(BadInput, match="control character"):
        validate.code("SKU", "A\x071")


def test_an_imported_code_that_starts_like_a_formula_is_a_problem_of_its_cell(db, tmp_path):
    table = read_table(write(tmp_path / "p.csv", "SKU,Name\n@A1,Apple\nB,Pear\n"))
    [problem] = preview(db.uow(), "products", table, guess_mapping("products", table.headers)).problems
    assert (problem.row, problem.column, problem.problem) == (
        2, "SKU", "'@A1' starts with @, which a spreadsheet takes for the start of a formula")
    assert "not starting with =, + or @" in problem.accepted


def test_a_product_with_a_formula_like_sku_cannot_be_added_on_a_screen_either(db):
    with pytest.raises(BadInput, match="formula"):
        catalog.add_product(db.uow(), c.AddProduct("=1+1", "Apple"))
    assert catalog.add_product(db.uow(), c.AddProduct("A-1", "Apple")).sku == "A-1"


def test_hidden_rows_are_found_in_a_sheet_that_numbers_its_rows_by_their_order_or_prefixes_its_tags(tmp_path):
    """r on a row is optional (a row without it follows the one before), and some programs write x:row."""
    import re
    import zipfile

    source = products_sheet(tmp_path / "p.xlsx", hidden=(3, 6))
    target = tmp_path / "q.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r'<row r="(\d+)"', lambda m: "<row" if m.group(1) in ("2", "3") else m.group(0), text)
                data = text.replace("<row", "<x:row").replace("</row>", "</x:row>").replace(
                    "<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
                    1).encode()
            new.writestr(item, data)
    from ui.spreadsheets import _hidden_rows

    assert _hidden_rows(target, "/xl/worksheets/sheet1.xml") == {3, 6}
