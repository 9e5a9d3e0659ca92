"""update_product on a real SQLite file: stored fields, barcodes and version, refusals that write nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog.master import ChangedSinceOpened
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from persistence.catalog import queries as catalog_queries
from persistence.stock import queries


@pytest.fixture
def db(db):
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple", barcodes=("111", "112"), category="fruit"))
    catalog.add_product(db.uow(), cc.AddProduct("B-2", "Pear", barcodes=("222",)))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    return db


def edit(**changes) -> cc.UpdateProduct:
    fields = dict(sku="A-1", name="Apple", barcodes=("111", "112"), unit="pcs", category="fruit", pack_size="1")
    fields.update(changes)
    return cc.UpdateProduct(**fields)


def rows(db) -> dict:
    """Every stored column of every product and every barcode row, read straight from the tables."""
    with db.engine.connect() as conn:
        products = {r.sku: r._asdict() for r in conn.execute(select(t.products))}
        barcodes = sorted(tuple(r) for r in conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)))
    return {"products": products, "barcodes": barcodes}


def test_fields_barcodes_and_version_are_stored(db):
    catalog.update_product(db.uow(), edit(name="青苹果", barcodes=("113", "111"), unit="box", category="produce",
                                          pack_size="6", min_level="2.5", max_level="40", expected_version=1,
                                          whole_units=False))
    (row,) = [p for p in catalog_queries.product_table(db.engine) if p.sku == "A-1"]
    assert (row.name, row.unit, row.category, row.barcodes) == ("青苹果", "box", "produce", ("111", "113"))
    assert (row.pack_size, row.min_level, row.max_level) == (Decimal(6), Decimal("2.5"), Decimal(40))
    assert rows(db)["products"]["A-1"]["version"] == 2 and rows(db)["products"]["A-1"]["whole_units"] is False
    assert catalog.get_product(db.uow(), "A-1").version == 2
    assert catalog.get_product(db.uow(), "113").sku == "A-1"  # the new barcode finds it


def test_a_second_save_with_the_new_version_is_accepted_and_bumps_again(db):
    catalog.update_product(db.uow(), edit(name="one", expected_version=1))
    catalog.update_product(db.uow(), edit(name="two", expected_version=2))
    assert rows(db)["products"]["A-1"]["version"] == 3
    assert rows(db)["products"]["A-1"]["name"] == "two"


def test_a_barcode_clash_is_refused_and_nothing_is_written(db):
    before = rows(db)
    with pytest.raises(Duplicate, match="'222'.*B-2"):
        catalog.update_product(db.uow(), edit(name="Changed", barcodes=("113", "222")))
    assert rows(db) == before


def test_a_stale_version_is_refused_and_the_other_change_survives(db):
    catalog.update_product(db.uow(), edit(name="Theirs", expected_version=1))
    before = rows(db)
    with pytest.raises(ChangedSinceOpened, match="reopen it"):
        catalog.update_product(db.uow(), edit(name="Mine", barcodes=("119",), expected_version=1))
    assert rows(db) == before
    assert before["products"]["A-1"]["name"] == "Theirs"


def test_a_bad_pack_size_names_the_field_and_nothing_is_written(db):
    before = rows(db)
    with pytest.raises(BadInput) as refused:
        catalog.update_product(db.uow(), edit(name="Changed", barcodes=("999",), pack_size="-2"))
    assert refused.value.field == "pack size"
    assert rows(db) == before


def test_deactivating_a_product_with_stock_is_stored_and_keeps_the_stock(db):
    ledger.receive(db.uow(), c.ReceiveStock("A-1", "5", "W1", "2"))
    catalog.update_product(db.uow(), edit(active=False))
    assert rows(db)["products"]["A-1"]["active"] in (False, 0)
    assert queries.on_hand(db.engine, "A-1", "W1") == Decimal(5)
