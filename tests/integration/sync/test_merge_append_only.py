"""A product or warehouse made twice offline (the same SKU or code on two desks) is merged by a sync, and the ledger
stays append-only through it: every movement a desk wrote under its own record is still there, byte for byte, and
counts for the survivor (persistence/stock/merged.py), so balances equal the ledger and every desk ends alike."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.catalog import queries as catalog_queries
from persistence.planning.queries import read_history
from persistence.stock import queries
from persistence.sync import gate
from tests.integration.sync.helpers import guard
from tests.integration.sync.helpers import snapshot
from tests.integration.sync.test_conflicts import T0

pytestmark = pytest.mark.postgres


def movement_rows(db) -> dict[str, tuple]:
    """Every movement row as the file holds it: all columns, the driver's own values, by id."""
    with db.engine.connect() as conn:
        return {row[0]: tuple(row) for row in conn.exec_driver_sql("SELECT id, * FROM movements")}


def assert_kept(before: dict[str, tuple], db) -> None:
    after = movement_rows(db)
    assert {mid: after.get(mid) for mid in before} == before  # none changed, none gone


def ids(db) -> tuple[str, str]:
    with db.engine.connect() as conn:
        product = conn.execute(select(t.products.c.id).where(t.products.c.sku == "DUP-1")).scalar_one()
        warehouse = conn.execute(select(t.warehouses.c.id).where(t.warehouses.c.code == "MAIN")).scalar_one()
    return product, warehouse


def make_twice(*desks) -> None:
    """The same warehouse code and SKU made on each desk offline, each with its own name."""
    for i, db in enumerate(desks):
        catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", f"Main store {i}"))
        catalog.add_product(db.uow(), cc.AddProduct("DUP-1", f"Kettle {i}", barcodes=[f"11{i}"]))


def test_a_merge_answered_to_a_push_keeps_the_desks_movements_as_written(hub, devices):
    a, b = devices("a"), devices("b")
    make_twice(a, b)
    ledger.receive(a.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "10", occurred_at=T0))
    receipt = ledger.receive(b.uow(), c.ReceiveStock("DUP-1", "5", "MAIN", "20", occurred_at=T0.replace(hour=12)))
    ledger.ship(b.uow(), c.ShipStock("DUP-1", "2", "MAIN", occurred_at=T0.replace(hour=13)))
    for db in (a, b):
        guard(db)  # the file itself refuses any change to a movement
    b_product, b_warehouse = ids(b)
    sync.sync(a, hub)
    before = movement_rows(b)
    report = sync.sync(b, hub)  # b's product and warehouse are merged into a's, which reached the hub first
    assert report.merged == 2
    assert_kept(before, b)
    assert {(row[3], row[4]) for row in before.values()} == {(b_product, b_warehouse)}  # still b's own ids
    sync.sync(a, hub)
    survivor = ids(a)
    assert ids(b) == survivor != (b_product, b_warehouse)
    for db in (a, b):
        assert queries.check(db.engine) == []
        # 5 @ 10 + 5 @ 20 − 2 at the average 15
        assert snapshot(db)["balances"] == [("DUP-1", "MAIN", Decimal("8"), Decimal("120.00"))]
        assert [p.sku for p in catalog_queries.products(db.engine)] == ["DUP-1"]
        assert [p.sku for p in catalog_queries.product_table(db.engine)] == ["DUP-1"]
        assert [w.code for w in catalog_queries.warehouses(db.engine)] == ["MAIN"]
        listed = queries.movements(db.engine, sku="DUP-1", warehouse="MAIN")
        assert [(m.kind, m.qty) for m in listed] == [("receipt", 5), ("receipt", 5), ("shipment", -2)]
    assert snapshot(a) == snapshot(b)
    history = read_history(b.engine, date(2026, 3, 1), date(2026, 4, 1))
    assert set(history.shipped) == {survivor}  # the demand history counts b's shipment for the survivor
    # the ledger goes on under the survivor: a back-dated receipt replays the pair with b's movements in it, and
    # b's own receipt (written under its merged-away product) reverses into the survivor's balance
    ledger.receive(b.uow(), c.ReceiveStock("DUP-1", "2", "MAIN", "30", occurred_at=T0.replace(hour=11)))
    ledger.reverse(b.uow(), c.ReverseMovement(receipt.id))
    assert queries.check(b.engine) == []
    assert_kept(before, b)
    for db in (b, a, b):
        sync.sync(db, hub)
    for db in (a, b):
        assert queries.check(db.engine) == []
    assert snapshot(a) == snapshot(b)
    assert snapshot(a)["balances"][0][2] == Decimal("5")


def test_a_merge_met_in_a_pull_keeps_the_desks_movements_as_written(hub, devices, monkeypatch):
    """b's product and warehouse are held back from a push; the pull brings a's with the same SKU and code, and
    merges b's into them there."""
    a, b = devices("a"), devices("b")
    make_twice(a, b)
    ledger.receive(a.uow(), c.ReceiveStock("DUP-1", "4", "MAIN", "10", occurred_at=T0))
    ledger.receive(b.uow(), c.ReceiveStock("DUP-1", "6", "MAIN", "20", occurred_at=T0.replace(hour=12)))
    for db in (a, b):
        guard(db)
    sync.sync(a, hub)
    before = movement_rows(b)
    held = gate.outgoing

    def hold_catalog(pending, users=True):
        good, kept = held(pending, users)
        return ([p for p in good if p.spec.name not in ("products", "warehouses")],
                kept + [(p.spec.name, p.key, "held for the test") for p in good
                        if p.spec.name in ("products", "warehouses")])

    monkeypatch.setattr(gate, "outgoing", hold_catalog)
    sync.sync(b, hub)  # pushes nothing of b's catalog nor its movements; the pull merges
    monkeypatch.setattr(gate, "outgoing", held)
    assert_kept(before, b)
    assert queries.check(b.engine) == []
    for db in (b, a):
        sync.sync(db, hub)
    assert_kept(before, b)
    for db in (a, b):
        assert queries.check(db.engine) == []
        assert snapshot(db)["balances"] == [("DUP-1", "MAIN", Decimal("10"), Decimal("160.00"))]
    assert snapshot(a) == snapshot(b)


def test_three_desks_that_made_the_same_records_end_alike_with_every_movement_as_written(hub, devices):
    desks = [devices(name) for name in "abc"]
    make_twice(*desks)
    for i, db in enumerate(desks):
        ledger.receive(db.uow(), c.ReceiveStock("DUP-1", "10", "MAIN", str(10 * (i + 1)),
                                                occurred_at=T0.replace(hour=8 + i)))
        ledger.ship(db.uow(), c.ShipStock("DUP-1", "3", "MAIN", occurred_at=T0.replace(hour=12 + i)))
        guard(db)
    before = {db: movement_rows(db) for db in desks}
    for db in (*desks, *desks):
        sync.sync(db, hub)
    for db in desks:
        assert_kept(before[db], db)
        assert queries.check(db.engine) == []
    states = [snapshot(db) for db in desks]
    for state in states:  # each desk holds the conflicts it saw (gate.own_conflicts): c joined after a's and b's
        del state["conflicts"]
    assert states[0] == states[1] == states[2]
    assert len(states[0]["ledger"]) == 6
    [(sku, code, on_hand, _)] = states[0]["balances"]
    assert (sku, code, on_hand) == ("DUP-1", "MAIN", Decimal("21"))
    # a desk merged twice over: c's record merged into b's… or a's: every id ends at the one survivor
    survivor = ids(desks[0])
    assert all(ids(db) == survivor for db in desks)
