"""Opening stock of a company with one warehouse: a stock sheet of 货号, 数量, 成本 without a warehouse column (or with
the cell left blank) goes into that warehouse; before, the file was refused ('choose the column of Warehouse') until
a column naming it on every row was added. With two warehouses a row must still name one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import ImportRejected
from domain.imports import guess_mapping
from domain.imports import run_import
from persistence.stock import queries
from ui.spreadsheets import read_table

SHEET = "货号,期初数量,成本单价\nLSD-01,100,3.50\nDX-03,25.5,68.2\n"


@pytest.fixture
def shop(db):
    catalog.add_product(db.uow(), c.AddProduct("LSD-01", "十字螺丝刀", unit="件"))
    catalog.add_product(db.uow(), c.AddProduct("DX-03", "铜芯电线", unit="千克"))
    catalog.add_warehouse(db.uow(), c.AddWarehouse("MAIN", "主仓库"))
    return db


def stock_of(db) -> dict[tuple[str, str], Decimal]:
    return {(r.sku, r.warehouse): r.on_hand for r in queries.stock(db.engine)}


def imported(db, tmp_path, text: str):
    path = tmp_path / "期初库存.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    return run_import(db.uow(), "stock", table, guess_mapping("stock", table.headers))


def test_a_sheet_without_a_warehouse_column_goes_into_the_only_warehouse_and_again_adds_nothing(shop, tmp_path):
    assert imported(shop, tmp_path, SHEET).added == 2
    assert stock_of(shop) == {("LSD-01", "MAIN"): Decimal(100), ("DX-03", "MAIN"): Decimal("25.5")}
    again = imported(shop, tmp_path, "货号,仓库,期初数量,成本单价\nLSD-01,MAIN,100,3.50\nDX-03,,25.5,68.2\n")
    assert (again.added, again.unchanged) == (0, 2)  # the same rows, the warehouse named or left blank


def test_with_two_warehouses_a_row_without_one_is_refused_and_nothing_is_written(shop, tmp_path):
    catalog.add_warehouse(shop.uow(), c.AddWarehouse("BJ", "北京仓"))
    with pytest.raises(ImportRejected) as refused:
        imported(shop, tmp_path, "货号,仓库,期初数量,成本单价\nLSD-01,BJ,100,3.50\nDX-03,,25.5,68.2\n")
    [problem] = refused.value.problems
    assert (problem.row, problem.column, problem.problem) == (3, "仓库", "is required")
    assert problem.accepted == "the code of a warehouse already in Stockroom; blank (or no column) when it has only one"
    with pytest.raises(ImportRejected):
        imported(shop, tmp_path, SHEET)
    assert stock_of(shop) == {}


def test_sales_history_without_a_warehouse_column_goes_to_the_only_warehouse(shop, tmp_path):
    path = tmp_path / "销售记录.csv"
    path.write_text("货号,销量,销售日期\nLSD-01,3,2026-11-02\nLSD-01,2,2026-11-09\n", encoding="utf-8")
    table = read_table(path)
    result = run_import(shop.uow(), "sales-history", table, guess_mapping("sales-history", table.headers))
    assert result.added == 2
    from persistence.stock import queries as stock_queries

    shipped = [m for m in stock_queries.movements(shop.engine, sku="LSD-01") if m.kind == "shipment"]
    assert sorted(m.qty for m in shipped) == [Decimal(-3), Decimal(-2)] and {m.warehouse for m in shipped} == {"MAIN"}
