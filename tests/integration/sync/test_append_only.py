"""The ledger stays append-only through a sync: no movement row is ever changed or deleted on a desk, and every
desk ends with the same ledger and the same balances (see persistence/sync/settle.py)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import documents as docs
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.stock import queries
from persistence.stock.documents import document_list
from persistence.sync import local as loc
from persistence.sync import settle
from tests.integration.sync.helpers import guard
from tests.integration.sync.helpers import rewritten
from tests.integration.sync.helpers import snapshot
from tests.integration.sync.test_conflicts import T0
from tests.integration.sync.test_conflicts import shared_start

pytestmark = pytest.mark.postgres


def rows(db) -> set[tuple]:
    with db.engine.connect() as conn:
        return {tuple(row) for row in conn.execute(select(t.movements))}


def test_a_movement_reversed_on_two_desks_keeps_both_reversals_as_written_and_every_desk_ends_alike(hub, devices):
    a, b, c3 = shared_start(hub, devices, "a", "b", "c")
    for db in (a, b, c3):
        guard(db)
    receipt = ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "4", "MAIN", "10.00", occurred_at=T0.replace(hour=9)))
    for db in (a, b, c3):
        sync.sync(db, hub)
    [first] = ledger.reverse(a.uow(), c.ReverseMovement(receipt.id))
    [second] = ledger.reverse(b.uow(), c.ReverseMovement(receipt.id))
    written = {db: rows(db) for db in (a, b)}
    for db in (a, b, c3, a, b):
        sync.sync(db, hub)
    for db in (a, b):
        assert written[db] <= rows(db)  # what the desk wrote is still there, unchanged
    with b.engine.connect() as conn:
        by_id = {row.id: row for row in conn.execute(select(t.movements))}
    assert (by_id[first.id].kind, by_id[second.id].kind) == ("reversal", "reversal")
    assert by_id[second.id].reverses_id == receipt.id
    undo, adjustment = by_id[settle.undo_id(second.id)], by_id[settle.adjustment_id(second.id)]
    assert (undo.kind, undo.reverses_id, undo.qty) == ("reversal", second.id, Decimal("4"))
    assert (adjustment.kind, adjustment.qty, adjustment.reverses_id) == ("adjustment", Decimal("-4"), None)
    # 1 @ 8 + 4 @ 10, the receipt reversed once, the second reversal kept as an adjustment of -4 at the average 8
    states = [snapshot(db) for db in (a, b, c3)]
    assert states[0]["balances"] == [("SKU-1", "MAIN", Decimal("-3"), Decimal("-24.00"))]
    assert states[0] == states[1] == states[2]
    for db in (a, b, c3):
        assert queries.check(db.engine) == []
    assert any("already reversed" in row.rule for row in sync.conflicts(a))


def test_a_desk_that_pulls_the_first_reversal_answers_its_own_unpushed_one_as_the_hub_would(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    for db in (a, b):
        guard(db)
    receipt = ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "2", "MAIN", "5.00", occurred_at=T0.replace(hour=9)))
    sync.sync(a, hub)
    sync.sync(b, hub)
    [first] = ledger.reverse(a.uow(), c.ReverseMovement(receipt.id))
    [second] = ledger.reverse(b.uow(), c.ReverseMovement(receipt.id))
    sync.sync(a, hub)  # the first reversal is on the hub: b's will lose there
    with a.engine.connect() as conn:
        pulled = [tuple(row) for row in conn.exec_driver_sql(
            "SELECT * FROM movements WHERE id = ?", (first.id,))]
    with b.engine.begin() as conn:  # as the pull does when it brings the first reversal before b pushed its own
        loc.settle_pulled_reversals(conn, b.device_id, pulled)
        loc.insert_immutable(conn, t.movements, pulled)
        loc.settle_pulled_reversals(conn, b.device_id, pulled)  # a repeated batch changes nothing
    made_here = rows(b)
    for db in (b, a, b):
        sync.sync(db, hub)
    assert made_here <= rows(b) and rows(a) == rows(b)
    assert {settle.undo_id(second.id), settle.adjustment_id(second.id)} <= {row[0] for row in rows(a)}
    assert snapshot(a) == snapshot(b)
    # 1 @ 8 + 2 @ 5, the receipt reversed once, b's reversal kept as an adjustment of -2 at the average 8
    assert snapshot(a)["balances"] == [("SKU-1", "MAIN", Decimal("-1"), Decimal("-8.00"))]


def test_the_guard_refuses_a_changed_or_deleted_movement_and_logs_an_allowed_change(devices):
    db = devices("a")
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))
    receipt = ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "8.00", occurred_at=T0))
    guard(db, allow={"source_ref"})
    for statement in ("UPDATE movements SET kind = 'adjustment'", "UPDATE movements SET reverses_id = NULL, qty = 2",
                      "DELETE FROM movements"):
        with pytest.raises((IntegrityError, sqlite3.IntegrityError), match="append-only"):
            with db.engine.begin() as conn:
                conn.exec_driver_sql(statement)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE movements SET source_ref = 'GR-2026-00002'")
    assert rewritten(db) == {(receipt.id, "source_ref")}


def test_a_document_renumbered_by_the_sync_keeps_its_movements_as_written_and_reads_as_its_new_number(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    for db in (a, b):
        guard(db)
    line = (docs.LineInput("SKU-1", qty="3", unit_cost="8"),)
    made = [docs.post_document(db.uow(), docs.PostDocument("receipt", "MAIN", line, business_date=T0.date())).number
            for db in (a, b)]
    year = made[0].split("-")[1]  # numbered in the year it is posted in (today's), not the business date's
    first, second = f"GR-{year}-00001", f"GR-{year}-00002"
    assert made == [first, first]
    written = rows(b)
    for db in (a, b, a):
        sync.sync(db, hub)
    assert written <= rows(b)  # b's movements still say the first number here ...
    with b.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT old_ref, new_ref FROM movement_refs").all() == [
            (first, second)]
    with a.engine.connect() as conn:  # ... and left for the hub as the second
        assert sorted(conn.exec_driver_sql("SELECT source_ref FROM movements WHERE source_ref LIKE 'GR-%'")
                      .scalars()) == [first, second]
    assert snapshot(a) == snapshot(b)
    docs.reverse_document(b.uow(), docs.ReverseDocument(second))  # found by its new number
    for db in (b, a):
        sync.sync(db, hub)
    assert snapshot(a) == snapshot(b)
    assert snapshot(a)["balances"] == [("SKU-1", "MAIN", Decimal("4"), Decimal("32.00"))]
    for db in (a, b):  # each document's value is its own movements', whichever number they were written with
        listed = {d.number: (d.total_value, bool(d.reversed)) for d in document_list(db.engine)}
        assert listed == {first: (Decimal("24.00"), False), second: (Decimal("24.00"), True)}
