"""A bulk load into a ledger without movements sets the movements' secondary indexes aside and makes them again
in the same transaction (``persistence.stock.repositories.Buffer.flush_movements``): the rows stored are those
of a load that keeps them, the schema after it is the schema before, and a refusal takes everything back."""

from __future__ import annotations

import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy import text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import InsufficientStock
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database
from persistence.schema import DEFERRED_INDEXES
from persistence.stock import repositories

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
FLUSH = 50  # movements per periodic flush in these tests (the real one is 20,000)


def _shop(path):
    db = open_database(path)
    for sku in ("A-1", "B-2", "C-3"):
        catalog.add_product(db.uow(), cc.AddProduct(sku, f"Product {sku}"))
    for code in ("W1", "W2"):
        catalog.add_warehouse(db.uow(), cc.AddWarehouse(code, f"Warehouse {code}"))
    return db


def _commands(n: int = 300) -> list[object]:
    """Receipts and shipments at distinct instants, a transfer, and a receipt back-dated into the first flush's
    rows after it (its replay reads the movements back, by the indexes)."""
    rng = random.Random(11)
    have: dict[tuple[str, str], int] = {}
    out: list[object] = []
    for k in range(n):
        sku, wh = rng.choice(("A-1", "B-2", "C-3")), rng.choice(("W1", "W2"))
        at = T0 + timedelta(minutes=10 * k)
        if have.get((sku, wh), 0) < 5 or rng.random() < 0.4:
            qty = rng.randrange(5, 50)
            out.append(c.ReceiveStock(sku, str(qty), wh, f"{rng.randrange(100, 900) / 100:.2f}", f"PO-{k}", at))
            have[sku, wh] = have.get((sku, wh), 0) + qty
        else:
            qty = rng.randrange(1, have[sku, wh] + 1)
            out.append(c.ShipStock(sku, str(qty), wh, f"SO-{k}", at))
            have[sku, wh] -= qty
        if k == 120:  # a transfer of what A-1 has in W1, received there first
            out.append(c.ReceiveStock("A-1", "3", "W1", "1.25", "", at + timedelta(minutes=1)))
            out.append(c.TransferStock("A-1", "2", "W1", "W2", occurred_at=at + timedelta(minutes=2)))
            have["A-1", "W1"] = have.get(("A-1", "W1"), 0) + 1
            have["A-1", "W2"] = have.get(("A-1", "W2"), 0) + 2
        if k == 200:  # back-dated into rows the first periodic flush wrote
            out.append(c.ReceiveStock("B-2", "7", "W1", "3.21", "late", T0 + timedelta(minutes=10 * 30 + 5)))
    return out


def _rows(db) -> dict[str, list[tuple]]:
    """The stored ledger, by SKU and warehouse code; ids, clocks and transfer ids left out (they differ from run to
    run)."""
    with db.engine.connect() as conn:
        movements = conn.execute(text(
            "SELECT m.kind, p.sku, w.code, m.qty, m.unit_cost, m.occurred_at, m.source_ref, m.note, "
            "v.value, v.on_hand_after, v.value_after, v.avg_after FROM movements m "
            "JOIN movement_values v ON v.movement_id = m.id JOIN products p ON p.id = m.product_id "
            "JOIN warehouses w ON w.id = m.warehouse_id ORDER BY m.occurred_at, m.kind")).all()
        balances = conn.execute(text(
            "SELECT p.sku, w.code, b.on_hand, b.value, b.avg_cost, b.reserved, b.on_order, b.last_at "
            "FROM balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id "
            "ORDER BY p.sku, w.code")).all()
    return {"movements": [tuple(r) for r in movements], "balances": [tuple(r) for r in balances]}


def _schema(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'movements' ORDER BY name"))]


def _indexes_now(conn) -> int:
    return conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements' AND sql IS NOT NULL"
    ).scalar()


@pytest.fixture
def events(monkeypatch):
    """What the buffer did with the indexes, in order: ("defer", dropped?, indexes left), ("restore", made?)."""
    monkeypatch.setattr(repositories, "FLUSH_ROWS", FLUSH)
    seen: list[tuple] = []
    defer, restore = repositories.defer_indexes, repositories.restore_indexes

    def spy_defer(conn, table):
        dropped = defer(conn, table)
        seen.append(("defer", dropped, _indexes_now(conn)))
        return dropped

    def spy_restore(conn):
        made = restore(conn)
        seen.append(("restore", made, _indexes_now(conn)))
        return made

    monkeypatch.setattr(repositories, "defer_indexes", spy_defer)
    monkeypatch.setattr(repositories, "restore_indexes", spy_restore)
    return seen


def test_a_bulk_load_into_an_empty_ledger_stores_what_a_load_keeping_its_indexes_stores(tmp_path, events,
                                                                                          monkeypatch):
    commands = _commands()
    deferred = _shop(tmp_path / "deferred.sqlite3")
    schema = _schema(deferred)
    ledger.post_many(deferred.uow(), commands)
    assert events[0] == ("defer", True, 0)  # set aside at the first flush of FLUSH rows
    assert events[1:] == [("restore", True, 6)]  # made again once: the back-dated receipt's read came first
    assert _schema(deferred) == schema
    with deferred.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM settings WHERE key = ?", (DEFERRED_INDEXES,)).scalar() == 0
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    monkeypatch.setattr(repositories, "defer_indexes", lambda conn, table: False)
    kept = _shop(tmp_path / "kept.sqlite3")
    ledger.post_many(kept.uow(), commands)
    assert _rows(deferred) == _rows(kept)
    assert len(_rows(kept)["movements"]) == len(commands) + 1  # a transfer is two
    deferred.close()
    kept.close()


def test_a_refusal_after_the_indexes_were_set_aside_takes_everything_back(tmp_path, events):
    db = _shop(tmp_path / "refused.sqlite3")
    schema = _schema(db)
    commands = [*_commands(120), c.ShipStock("A-1", "1000000", "W1", "too many", T0 + timedelta(days=400))]
    with pytest.raises(InsufficientStock):
        ledger.post_many(db.uow(), commands)
    assert events == [("defer", True, 0)]  # dropped, then rolled back with the rows
    assert _schema(db) == schema
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM movements").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM settings WHERE key = ?", (DEFERRED_INDEXES,)).scalar() == 0
    db.close()


def test_a_ledger_that_holds_movements_keeps_its_indexes(tmp_path, events):
    db = _shop(tmp_path / "busy.sqlite3")
    ledger.receive(db.uow(), c.ReceiveStock("A-1", "1", "W1", "1.00", "", T0 - timedelta(days=1)))
    ledger.post_many(db.uow(), _commands(120))
    assert events == [("defer", False, 6)]  # asked once, refused: the table is not empty
    db.close()


def test_a_small_load_does_not_touch_the_indexes(tmp_path, events):
    db = _shop(tmp_path / "small.sqlite3")
    ledger.post_many(db.uow(), _commands(FLUSH - 10))
    assert events == []
    db.close()
