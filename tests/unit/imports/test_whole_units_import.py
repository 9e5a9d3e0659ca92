"""Whole units in the spreadsheet imports: the product sheet's optional column, and stock and sales-history rows
that would post a fraction of a product counted in whole units, refused row by row with the reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import ImportRejected
from domain.imports import guess_mapping
from domain.imports import preview
from tests.fakes import FakeUnitOfWork
from tests.unit.imports.test_imports import TODAY
from tests.unit.imports.test_imports import run
from tests.unit.imports.test_imports import table


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_warehouse(uow, c.AddWarehouse("SH", "上海总仓"))
    catalog.add_warehouse(uow, c.AddWarehouse("GZ", "广州仓"))
    return uow


def whole(uow, sku: str) -> bool:
    with uow:
        return uow.products.by_sku(sku).whole_units


def test_the_column_is_guessed_in_english_and_chinese():
    assert guess_mapping("products", ["SKU", "Name", "Whole units"])["whole_units"] == "Whole units"
    assert guess_mapping("products", ["货号", "品名", "整数计量"])["whole_units"] == "整数计量"
    assert "whole_units" not in guess_mapping("products", ["SKU", "Name", "Wholesale price"])


def test_without_the_column_a_product_counts_in_whole_units_unless_its_unit_is_a_measure(uow):
    run(uow, "products", "SKU,Name,Unit\nA-1,Bolt,个\nB-2,Rice,公斤\nC-3,Cable,m\nD-4,Box,\n")
    assert {s: whole(uow, s) for s in ("A-1", "B-2", "C-3", "D-4")} == {
        "A-1": True, "B-2": False, "C-3": False, "D-4": True}


def test_the_column_says_yes_or_no_in_either_language_and_blank_follows_the_unit(uow):
    run(uow, "products", "SKU,Name,Unit,Whole units\nA-1,Bolt,个,否\nB-2,Rice,kg,yes\nC-3,Nut,pcs,\nD-4,Tea,kg,是\n")
    assert {s: whole(uow, s) for s in ("A-1", "B-2", "C-3", "D-4")} == {
        "A-1": False, "B-2": True, "C-3": True, "D-4": True}


def test_an_import_without_the_column_keeps_an_existing_products_setting_and_with_it_changes_it(uow):
    catalog.add_product(uow, c.AddProduct("A-1", "Bolt", whole_units=False))
    result = run(uow, "products", "SKU,Name\nA-1,Bolt\n")
    assert (result.unchanged, whole(uow, "A-1")) == (1, False)
    result = run(uow, "products", "SKU,Name,Whole units\nA-1,Bolt,yes\n")
    assert (result.updated, whole(uow, "A-1")) == (1, True)


def test_a_bad_yes_no_and_a_fractional_pack_size_of_a_whole_unit_product_are_row_problems(uow):
    t = table("SKU,Name,Unit,Pack size,Min level,Whole units\nA-1,Bolt,个,2.5,,\nB-2,Rice,kg,2.5,0.5,\n"
              "C-3,Nut,pcs,1,1.5,maybe\nD-4,Box,pcs,6,,no\n")
    result = preview(uow, "products", t, guess_mapping("products", t.headers), today=TODAY)
    assert [(p.row, p.column, p.said.code, p.problem, p.accepted) for p in result.problems] == [
        (2, "Pack size", "not_whole", "2.5 is not a whole number: A-1 is counted in whole 个; enter 2 or 3",
         "a whole number such as 12: A-1 is counted in whole units"),
        (4, "Whole units", "not_yes_no", "'maybe' is neither yes nor no",
         "yes or no (是 or 否); blank: yes unless the unit is a measure such as kg or 米"),
    ]
    with pytest.raises(ImportRejected):
        run(uow, "products", "SKU,Name,Unit,Pack size\nA-1,Bolt,个,2.5\n")


def test_stock_and_sales_history_rows_with_a_fraction_of_a_whole_unit_product_are_refused_row_by_row(uow):
    run(uow, "products", "SKU,Name,Unit\nA-1,Bolt,个\nB-2,Rice,kg\n")
    text = "SKU,Warehouse,Qty,Unit cost\nA-1,SH,2.5,1\nB-2,SH,2.5,1\nA-1,GZ,0.5,1\n"
    t = table(text)
    result = preview(uow, "stock", t, guess_mapping("stock", t.headers), today=TODAY)
    assert [(p.row, p.column, p.said.code, p.problem) for p in result.problems] == [
        (2, "Qty", "not_whole", "2.5 is not a whole number: A-1 is counted in whole 个; enter 2 or 3"),
        (4, "Qty", "not_whole_one", "0.5 is not a whole number: A-1 is counted in whole 个; enter 1"),
    ]
    with pytest.raises(ImportRejected) as caught:
        run(uow, "stock", text)
    assert [p.row for p in caught.value.problems] == [2, 4]
    assert uow.state.movements == {}  # nothing posted
    run(uow, "stock", "SKU,Warehouse,Qty,Unit cost\nA-1,SH,3,1\nB-2,SH,2.5,1\n")
    with uow:
        assert {uow.products.get(m.product_id).sku: m.qty for m in uow.state.movements.values()} == {
            "A-1": Decimal(3), "B-2": Decimal("2.5")}
    t = table("SKU,Warehouse,Qty,Date\nA-1,SH,1.5,2026-01-05\nB-2,SH,0.25,2026-01-05\n")
    result = preview(uow, "sales-history", t, guess_mapping("sales-history", t.headers), today=TODAY)
    assert [(p.row, p.column, p.said.code) for p in result.problems] == [(2, "Qty", "not_whole")]
