"""Sync basics against a real PostgreSQL hub: schema made on first use, push, pull, idempotence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from tests.integration.sync.helpers import snapshot

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget", barcodes=["690000000001"]))


def test_a_receipt_made_on_one_device_reaches_another_with_the_same_value(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.50"))
    report = sync.sync(a, hub)
    assert report.pushed >= 3 and report.conflicts == 0
    report = sync.sync(b, hub)
    assert report.pulled >= 3
    assert snapshot(a) == snapshot(b)
    assert snapshot(b)["balances"] == [("SKU-1", "MAIN", Decimal("10"), Decimal("25.00"))]


def test_a_second_sync_with_nothing_new_moves_nothing(hub, devices):
    a = devices("a")
    setup_master(a)
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "4", "MAIN", "1"))
    sync.sync(a, hub)
    again = sync.sync(a, hub)
    assert (again.pushed, again.pulled, again.conflicts) == (0, 0, 0)
    assert sync.status(a).pending_push == 0


def test_test_connection_names_the_server_and_a_wrong_port_is_unavailable(hub, pg_cluster):
    assert "PostgreSQL" in sync.test_connection(hub)
    with pytest.raises(sync.HubUnavailable):
        sync.test_connection("postgresql://postgres@127.0.0.1:1/nothing")


def test_a_database_file_copied_to_a_second_pc_gets_everything_the_original_pushes(hub, devices, tmp_path):
    import shutil

    a = devices("a")
    setup_master(a)
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "1"))
    sync.sync(a, hub)
    a.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "copy.sqlite3")  # the second PC starts from a copy
    a, copy = devices("a"), devices("copy")
    assert copy.device_id == a.device_id
    ledger.ship(a.uow(), c.ShipStock("SKU-1", "3", "MAIN"))
    ledger.ship(copy.uow(), c.ShipStock("SKU-1", "2", "MAIN"))
    for db in (a, copy, a):
        sync.sync(db, hub)
    assert snapshot(a) == snapshot(copy)
    assert snapshot(a)["balances"] == [("SKU-1", "MAIN", Decimal("5"), Decimal("5.00"))]


def test_a_cancelled_sync_keeps_what_it_did_and_the_next_one_finishes(hub, devices, monkeypatch):
    from persistence.sync import engine

    monkeypatch.setattr(engine, "PUSH_BATCH", 2)
    a = devices("a")
    setup_master(a)
    for _ in range(5):
        ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1"))
    stages = []

    def progress(stage, done, total):
        stages.append((stage, done, total))

    with pytest.raises(sync.SyncCancelled):
        sync.sync(a, hub, progress=progress, cancel=lambda: len(stages) >= 3)
    # sending is said before the hub is reached (a first sync's tables and records took about 20 s unsaid)
    assert stages[:3] == [("push", 0, 0), ("push", 0, 5), ("push", 2, 5)]
    status = sync.status(a)
    assert status.pending_push == 3 and status.last_error and status.last_success_at is None
    report = sync.sync(a, hub, progress=progress)
    assert report.pushed == 3 and sync.status(a).pending_push == 0
    assert {s for s, _, _ in stages} == {"push", "pull", "recompute"}


def test_the_cycle_collector_is_paused_for_the_whole_sync_and_back_on_after_it_ends_or_stops(hub, devices, monkeypatch):
    import gc

    from persistence.sync import engine

    monkeypatch.setattr(engine, "PUSH_BATCH", 2)
    a = devices("a")
    setup_master(a)
    for _ in range(3):
        ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1"))
    seen = []
    push_records = engine._push_records

    def watched(*args, **kwargs):  # the records go first, before the bulk loops that paused it already
        seen.append(gc.isenabled())
        return push_records(*args, **kwargs)

    monkeypatch.setattr(engine, "_push_records", watched)
    assert gc.isenabled()
    with pytest.raises(sync.SyncCancelled):
        sync.sync(a, hub, cancel=lambda: True)
    assert seen == [False] and gc.isenabled()
    sync.sync(a, hub, progress=lambda stage, done, total: seen.append((stage, gc.isenabled())))
    records = [on for on in seen[1:] if not isinstance(on, tuple)]  # the progress is said from the start too
    assert records == [False] and {on for x in seen[1:] if isinstance(x, tuple) for on in x[1:]} == {False}
    assert gc.isenabled()


def test_the_remembered_hub_url_never_holds_the_password(hub, devices):
    a = devices("a")
    with_password = hub.replace("postgres@", "postgres:secret@")
    sync.sync(a, with_password)  # the test server trusts local connections, so any password is accepted
    assert sync.status(a).hub_url == hub
    with a.engine.connect() as conn:
        assert "secret" not in " ".join(v for (v,) in conn.exec_driver_sql("SELECT value FROM settings"))
