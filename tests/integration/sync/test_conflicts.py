"""The reconciliation cases the issue names, each against a real PostgreSQL hub."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import documents as docs
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from tests.integration.sync.helpers import snapshot

pytestmark = pytest.mark.postgres
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def shared_start(hub, devices, *names):
    """Devices that all start from the same synced master data and 1 unit of SKU-1 in MAIN."""
    first = devices(names[0])
    catalog.add_warehouse(first.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(first.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(first.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "8.00", occurred_at=T0))
    sync.sync(first, hub)
    others = [devices(n) for n in names[1:]]
    for db in others:
        sync.sync(db, hub)
    return [first, *others]


def test_two_clerks_shipping_the_last_unit_offline_keep_both_shipments_and_go_negative(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    ledger.ship(a.uow(), c.ShipStock("SKU-1", "1", "MAIN", occurred_at=T0.replace(hour=10)))
    ledger.ship(b.uow(), c.ShipStock("SKU-1", "1", "MAIN", occurred_at=T0.replace(hour=11)))
    sync.sync(a, hub)
    report = sync.sync(b, hub)
    sync.sync(a, hub)
    assert report.negative == [("SKU-1", "MAIN", Decimal("-1"))]
    for db in (a, b):
        shipments = [row for row in snapshot(db)["ledger"] if row[1] == "shipment"]
        assert len(shipments) == 2
        assert [(n.sku, n.warehouse, n.on_hand) for n in sync.negative_stock(db)] == [("SKU-1", "MAIN", Decimal("-1"))]
    assert snapshot(a) == snapshot(b)
    # value: the first shipment took the whole 8.00, the second left at the average cost
    assert snapshot(a)["balances"] == [("SKU-1", "MAIN", Decimal("-1"), Decimal("-8.00"))]


def test_a_master_data_conflict_keeps_the_higher_version_and_lists_the_loser(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "Widget (blue)"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "Widget, large"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "Widget, large", category="tools"))
    sync.sync(a, hub)
    report = sync.sync(b, hub)  # b's version 3 beats a's version 2
    sync.sync(a, hub)
    assert report.conflicts == 1
    for db in (a, b):
        product = catalog.get_product(db.uow(), "SKU-1")
        assert (product.name, product.category) == ("Widget, large", "tools")
        rows = sync.conflicts(db)
        assert len(rows) == 1
        assert rows[0].table == "products" and rows[0].business_key == "SKU-1"
        assert rows[0].lost["name"] == "Widget (blue)"
        assert "higher version" in rows[0].rule
    assert snapshot(a) == snapshot(b)


def test_on_equal_versions_the_edit_that_reached_the_hub_first_wins(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "from a"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "from b"))
    sync.sync(b, hub)
    sync.sync(a, hub)
    sync.sync(b, hub)
    for db in (a, b):
        assert catalog.get_product(db.uow(), "SKU-1").name == "from b"
        assert [row.lost["name"] for row in sync.conflicts(db)] == ["from a"]


def test_a_manager_can_apply_the_losing_version_and_it_syncs_like_an_edit(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "from a"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "from b"))
    sync.sync(b, hub)
    sync.sync(a, hub)
    [row] = sync.conflicts(a)
    sync.resolve_conflict(a, row.id, user="manager", note="a was right", apply_loser=True)
    assert sync.status(a).open_conflicts == 0
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert catalog.get_product(b.uow(), "SKU-1").name == "from a"
    assert sync.conflicts(b) == []
    [done] = sync.conflicts(b, include_resolved=True)
    assert (done.resolved_by, done.note) == ("manager", "a was right")


def test_the_same_sku_created_on_two_devices_offline_merges_into_one_product(hub, devices):
    a, b = devices("a"), devices("b")
    for db in (a, b):
        catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("NEW-1", "Kettle", barcodes=["111"]))
    catalog.add_product(b.uow(), cc.AddProduct("NEW-1", "Electric kettle", barcodes=["222"]))
    ledger.receive(a.uow(), c.ReceiveStock("NEW-1", "5", "MAIN", "10", occurred_at=T0))
    ledger.receive(b.uow(), c.ReceiveStock("NEW-1", "5", "MAIN", "20", occurred_at=T0.replace(hour=12)))
    ledger.ship(b.uow(), c.ShipStock("NEW-1", "2", "MAIN", occurred_at=T0.replace(hour=13)))
    sync.sync(a, hub)
    report = sync.sync(b, hub)
    sync.sync(a, hub)
    assert report.merged >= 2  # the warehouse and the product
    for db in (a, b):
        state = snapshot(db)
        assert [p[1:3] for p in state["products"]] == [("NEW-1", "Kettle")]
        assert state["barcodes"] == [("111", "NEW-1"), ("222", "NEW-1")]
        assert len(state["warehouses"]) == 1
        assert len(state["ledger"]) == 3
        # 5 @ 10 + 5 @ 20 - 2 at the average 15
        assert state["balances"] == [("NEW-1", "MAIN", Decimal("8"), Decimal("120.00"))]
        merged = {(row.table, row.business_key, row.lost["name"]) for row in sync.conflicts(db)}
        assert merged == {("products", "NEW-1", "Electric kettle"), ("warehouses", "MAIN", "Main store")}
    assert snapshot(a) == snapshot(b)


def test_document_numbers_made_on_two_devices_are_renumbered_not_refused(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    line = (docs.LineInput("SKU-1", qty="3", unit_cost="8"),)
    made = [docs.post_document(db.uow(), docs.PostDocument("receipt", "MAIN", line, business_date=T0.date())).number
            for db in (a, b)]
    year = made[0].split("-")[1]  # numbered in the year it is posted in (today's), not the business date's
    assert made == [f"GR-{year}-00001"] * 2
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    state_a, state_b = snapshot(a), snapshot(b)
    assert state_a == state_b
    numbers = sorted(n for _, n in state_a["documents"])
    assert numbers == [f"GR-{year}-00001", f"GR-{year}-00002"]
    # each document's movements carry its (new) number, so it can still be reversed
    refs = sorted(row[6] for row in state_a["ledger"] if row[6].startswith("GR-"))
    assert refs == numbers
    docs.reverse_document(b.uow(), docs.ReverseDocument(f"GR-{year}-00002"))
    assert any("renumbered" in row.rule for row in sync.conflicts(b))


def test_every_losing_edit_is_recorded_once_even_when_a_sync_is_repeated(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "from a"))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "from b"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    with a.engine.connect() as conn:
        assert conn.execute(select(t.sync_conflicts.c.id)).all().__len__() == 1
