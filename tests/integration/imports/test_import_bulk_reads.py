"""The bulk reads imports rely on: a file's products, balances and imported refs in a few queries, not per row.

Each test counts the SQL statements the connection runs, so a return to one query per row fails here,
and checks that what the read-ahead caches stays true after the writes of the same unit of work.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog.model import Product
from domain.imports import Table
from domain.imports import run_import
from domain.kernel.ids import new_id
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t


@contextmanager
def statements(engine):
    """The SQL statements run on ``engine`` inside the block."""
    seen: list[str] = []

    def record(conn, cursor, sql, params, context, executemany):
        seen.append(sql)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def shop(db):
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple", barcodes=("6901234567892",)))
    catalog.add_product(db.uow(), cc.AddProduct("B-2", "Pear"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W2", "Shop"))
    return db


def test_preloaded_codes_are_answered_from_memory(shop):
    with shop.uow() as uow:
        uow.products.preload(["A-1", "6901234567892", "NOPE"])
        with statements(shop.engine) as seen:
            assert uow.products.by_sku("A-1").barcodes == ["6901234567892"]
            assert uow.products.by_barcode("6901234567892").sku == "A-1"
            assert uow.products.by_sku("6901234567892") is None
            assert uow.products.by_sku("NOPE") is None and uow.products.by_barcode("NOPE") is None
        assert seen == []
        assert uow.products.by_barcode("A-1") is None  # a code found as a SKU is asked as a barcode when needed
        assert uow.products.by_sku("B-2").name == "Pear"  # not preloaded: read as before


def test_the_read_ahead_follows_the_writes_of_its_unit_of_work(shop):
    with shop.uow() as uow:
        uow.products.preload(["6901234567892", "NEW-BC", "C-3"])
        apple = uow.products.by_barcode("6901234567892")
        catalog.update_product_within(uow, cc.UpdateProduct("A-1", "Apple", ("APPLE-2",), "pcs", "", 1, None, None,
                                                      True, apple.version))
        catalog.add_product_within(uow, cc.AddProduct("C-3", "Plum", barcodes=("NEW-BC",)))
        assert uow.products.by_barcode("6901234567892") is None
        assert uow.products.by_barcode("APPLE-2").sku == "A-1"
        assert uow.products.by_barcode("NEW-BC").sku == "C-3"
        assert uow.products.by_sku("C-3").name == "Plum"
        uow.commit()
    with shop.uow() as uow:  # the database agrees with what the cache said
        assert uow.products.by_barcode("6901234567892") is None
        assert uow.products.by_barcode("NEW-BC").sku == "C-3"


def _product(sku: str, *barcodes: str) -> Product:
    return Product(id=new_id(), sku=sku, name=f"name of {sku}", barcodes=list(barcodes))


def test_adding_in_bulk_inserts_all_products_at_the_end_of_the_block(shop):
    def count(uow) -> int:
        return uow.connection.execute(select(func.count()).select_from(t.products)).scalar()

    with shop.uow() as uow:
        with statements(shop.engine) as seen, uow.products.adding_in_bulk():
            for i in range(50):
                uow.products.add(_product(f"N-{i}", f"BC-{i}"))
            assert seen == []  # nothing written yet, and the cache already knows them
            assert uow.products.by_barcode("BC-7").sku == "N-7"
        assert len([s for s in seen if s.startswith("INSERT")]) == 2  # products, barcodes
        assert count(uow) == 52
        with uow.products.adding_in_bulk():
            uow.products.add(_product("M-1"))
            assert uow.products.by_barcode("NOT-CACHED") is None  # a read of the database writes the pending first
            assert count(uow) == 53
        with pytest.raises(RuntimeError), uow.products.adding_in_bulk():
            uow.products.add(_product("M-2"))
            raise RuntimeError("refused")
        assert count(uow) == 53  # a block left by an exception inserts nothing
        uow.commit()
    with shop.uow() as uow:
        assert uow.products.by_barcode("BC-49").sku == "N-49"


def test_preloaded_balances_keep_what_this_unit_of_work_wrote(shop):
    ledger.receive(shop.uow(), c.ReceiveStock("B-2", 5, "W2", 2))
    with shop.uow() as uow:
        apple, pear = uow.products.by_sku("A-1"), uow.products.by_sku("B-2")
        w1, w2 = uow.warehouses.by_code("W1"), uow.warehouses.by_code("W2")
        ledger._receive(uow, c.ReceiveStock("A-1", 3, "W1", 1))  # written behind, not yet in the table
        uow.balances.preload([(apple.id, w1.id), (pear.id, w2.id), (pear.id, w1.id)])
        with statements(shop.engine) as seen:
            assert uow.balances.get(apple.id, w1.id).position.on_hand == 3
            assert uow.balances.get(pear.id, w2.id).position.on_hand == 5
            assert uow.balances.get(pear.id, w1.id).last_key is None
        assert seen == []


def test_refs_and_the_latest_sale_are_read_per_pair(shop):
    at = datetime(2026, 1, 5, 12, tzinfo=UTC)
    ledger.receive(shop.uow(), c.ReceiveStock("A-1", 9, "W1", 1, "imp-HB-x", at, "", "import"))
    ledger.ship(shop.uow(), c.ShipStock("A-1", 4, "W1", "imp-H-1", at, "", "import"))
    ledger.ship(shop.uow(), c.ShipStock("A-1", 1, "W1", "imp-H-2", at.replace(day=7), "", "import"))
    ledger.ship(shop.uow(), c.ShipStock("A-1", 1, "W1", "imp-H-3", at.replace(day=9), "", "shipment"))
    with shop.uow() as uow:
        apple, pear = uow.products.by_sku("A-1"), uow.products.by_sku("B-2")
        w1 = uow.warehouses.by_code("W1")
        assert uow.movements.with_refs("import", ["imp-H-1", "imp-H-3", "imp-S-9"]) == {("imp-H-1", apple.id, w1.id)}
        assert uow.movements.latest_with_prefix("import", "imp-H-", [apple.id, pear.id]) == {
            (apple.id, w1.id): at.replace(day=7)}
        assert uow.movements.latest_with_prefix("import", "IMP-H-", [apple.id]) == {}  # the prefix is exact


def _stock_table(n: int) -> Table:
    return Table(("SKU", "Warehouse", "Qty", "Unit cost", "Date"),
                 [(f"P-{i:04d}", ("W1", "W2")[i % 2], str(i % 7 + 1), "2.50", "2026-01-01") for i in range(n)],
                 "stock.csv")


def test_an_import_runs_a_few_statements_for_a_whole_file(shop):
    n = 1_200  # more than two chunks of codes
    products = Table(("SKU", "Name", "Barcode"), [(f"P-{i:04d}", f"Item {i}", f"69{i:011d}") for i in range(n)])
    mapping = {"sku": "SKU", "name": "Name", "barcode": "Barcode"}
    with statements(shop.engine) as seen:
        assert run_import(shop.uow(), "products", products, mapping).added == n
    assert len(seen) < 40, len(seen)
    with statements(shop.engine) as seen:
        assert run_import(shop.uow(), "products", products, mapping).unchanged == n
    assert len(seen) < 40, len(seen)

    mapping = {"sku": "SKU", "warehouse": "Warehouse", "qty": "Qty", "unit_cost": "Unit cost", "date": "Date"}
    with statements(shop.engine) as seen:
        result = run_import(shop.uow(), "stock", _stock_table(n), mapping)
    assert result.added == n and len(seen) < 40, len(seen)
    with statements(shop.engine) as seen:  # again: every row is found already imported, nothing is written
        result = run_import(shop.uow(), "stock", _stock_table(n), mapping)
    assert (result.unchanged, result.written) == (n, False) and len(seen) < 40, len(seen)
    with shop.uow() as uow:
        balance = uow.balances.get(uow.products.by_sku("P-0003").id, uow.warehouses.by_code("W2").id)
        assert balance.position.on_hand == 4 and balance.position.value == Decimal("10.00")
