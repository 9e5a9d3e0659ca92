"""The ledger on a real SQLite file: pragmas, exact storage, atomic refusals, immutable movements."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import AlreadyReversed
from domain.kernel.errors import Duplicate
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import NotFound
from domain.stock import commands as c
from domain.stock import ledger
from persistence import tables as t
from persistence.stock import queries

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


@pytest.fixture
def shop(db):
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "苹果 Apple", barcodes=("6901234567892",)))
    catalog.add_product(db.uow(), cc.AddProduct("B-2", "Pear"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W2", "Shop"))
    return db


def receive(db, qty, cost, wh="W1", at=None, sku="A-1"):
    return ledger.receive(db.uow(), c.ReceiveStock(sku, qty, wh, cost, occurred_at=at))


def ship(db, qty, wh="W1", at=None, sku="A-1"):
    return ledger.ship(db.uow(), c.ShipStock(sku, qty, wh, occurred_at=at))


def stock(db, wh="W1", sku="A-1"):
    [row] = queries.stock(db.engine, sku, wh)
    return row.on_hand, row.value


def value_of(db, movement):
    [row] = [r for r in queries.movements(db.engine) if r.id == movement.id]
    return row.value


def dump(db) -> dict[str, list[tuple]]:
    """Every row of the ledger tables, to compare a file before and after."""
    out = {}
    with db.engine.connect() as conn:
        for table in (t.products, t.warehouses, t.movements, t.movement_values, t.balances):
            out[table.name] = sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {table.name}")))
    return out


def test_the_file_runs_in_wal_mode_with_foreign_keys_full_sync_and_a_busy_timeout(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_quantities_and_money_are_stored_as_exact_integers(shop):
    receive(shop, "3", "3.33333333", at=day(1))
    with shop.engine.connect() as conn:
        qty, cost = conn.execute(text("SELECT qty, unit_cost FROM movements")).one()
        on_hand, value, avg = conn.execute(text("SELECT on_hand, value, avg_cost FROM balances")).one()
        types = conn.execute(text("SELECT typeof(qty), typeof(unit_cost) FROM movements")).one()
    assert (qty, cost) == (30000, 333333333)
    assert (on_hand, value, avg) == (30000, 100000, 333333333)
    assert types == ("integer", "integer")


def test_receive_ship_transfer_adjust_count_and_reverse_on_a_real_file(shop):
    receive(shop, "10", "2.00", at=day(1))
    receive(shop, "5", "3.10", at=day(2))
    s = ship(shop, "4", at=day(3))
    assert value_of(shop, s) == Decimal("-9.47")
    out, into = ledger.transfer(shop.uow(), c.TransferStock("A-1", "3", "W1", "W2", occurred_at=day(4)))
    assert value_of(shop, out) == Decimal("-7.10") and value_of(shop, into) == Decimal("7.10")
    ledger.adjust(shop.uow(), c.AdjustStock("A-1", "-1", "W1", "broken", occurred_at=day(5)))
    assert ledger.count(shop.uow(), c.CountStock("A-1", " ", "W1")) is None
    m = ledger.count(shop.uow(), c.CountStock("A-1", "6", "W1", occurred_at=day(6)))
    assert m.qty == -1
    assert stock(shop, "W1") == (Decimal(6), Decimal("14.19"))
    assert stock(shop, "W2") == (Decimal(3), Decimal("7.10"))
    ledger.reverse(shop.uow(), c.ReverseMovement(into.id))
    assert stock(shop, "W2") == (Decimal(0), Decimal(0))
    assert stock(shop, "W1") == (Decimal(9), Decimal("21.29"))
    with pytest.raises(AlreadyReversed):
        ledger.reverse(shop.uow(), c.ReverseMovement(out.id))
    assert queries.check(shop.engine) == []


def test_the_product_is_found_by_barcode_and_names_in_chinese_survive(shop):
    receive(shop, "2", "1", sku="6901234567892", at=day(1))
    [row] = queries.stock(shop.engine, "A-1", "W1")
    assert row.name == "苹果 Apple" and row.on_hand == 2


def test_a_duplicate_sku_or_barcode_is_refused(shop):
    with pytest.raises(Duplicate, match="SKU"):
        catalog.add_product(shop.uow(), cc.AddProduct("A-1", "again"))
    with pytest.raises(Duplicate, match="barcode"):
        catalog.add_product(shop.uow(), cc.AddProduct("C-3", "other", barcodes=("6901234567892",)))


@pytest.mark.parametrize(
    "post",
    [
        lambda db: ship(db, "50", at=day(5)),
        lambda db: ship(db, "3", at=day(2)),  # back-dated: the later shipment of 8 would go negative
        lambda db: receive(db, "1", "1", sku="NOPE"),
        lambda db: ledger.transfer(db.uow(), c.TransferStock("A-1", "11", "W1", "W2", occurred_at=day(6))),
        lambda db: ledger.post_many(db.uow(), [c.ReceiveStock("A-1", "5", "W1", "1", occurred_at=day(7)),
                                               c.ShipStock("A-1", "99", "W1", occurred_at=day(8))]),
    ],
    ids=["shipment", "back-dated shipment", "unknown sku", "transfer", "bulk"],
)
def test_a_refused_posting_leaves_the_file_unchanged(shop, post):
    receive(shop, "10", "1", at=day(1))
    ship(shop, "8", at=day(3))
    receive(shop, "5", "2", at=day(4))
    before = dump(shop)
    with pytest.raises((InsufficientStock, NotFound)):
        post(shop)
    assert dump(shop) == before
    assert queries.check(shop.engine) == []


def test_movements_are_never_updated_a_reversal_and_a_back_dated_posting_only_add_rows(shop):
    receive(shop, "10", "1", at=day(1))
    s = ship(shop, "4", at=day(3))
    ledger.transfer(shop.uow(), c.TransferStock("A-1", "2", "W1", "W2", occurred_at=day(4)))
    with shop.engine.connect() as conn:
        before = set(conn.execute(select(t.movements)))
    ledger.reverse(shop.uow(), c.ReverseMovement(s.id))
    receive(shop, "10", "4", at=day(2))  # re-values the shipment, the transfer and the reversal
    with shop.engine.connect() as conn:
        after = set(conn.execute(select(t.movements)))
    assert before < after
    assert len(after - before) == 2
    assert value_of(shop, s) == Decimal("-10.00")
    assert queries.check(shop.engine) == []


def test_check_is_empty_after_everything_and_reports_a_tampered_balance(shop):
    receive(shop, "10", "2", at=day(1))
    ship(shop, "3", at=day(2))
    receive(shop, "1", "5", at=day(1) - timedelta(hours=1))
    ledger.transfer(shop.uow(), c.TransferStock("A-1", "2", "W1", "W2", occurred_at=day(3)))
    assert queries.check(shop.engine) == []
    with shop.engine.begin() as conn:
        conn.execute(text("UPDATE balances SET on_hand = on_hand + 10000, value = value + 1 "
                          "WHERE warehouse_id = (SELECT id FROM warehouses WHERE code = 'W2')"))
    problems = queries.check(shop.engine)
    assert {(p.sku, p.warehouse, p.field) for p in problems} == {("A-1", "W2", "on_hand"), ("A-1", "W2", "value")}
    [qty] = [p for p in problems if p.field == "on_hand"]
    assert qty.ledger == 2 and qty.balance == 3


def test_check_reports_a_movement_without_a_balance_row(shop):
    receive(shop, "10", "2", at=day(1))
    with shop.engine.begin() as conn:
        conn.execute(text("DELETE FROM balances"))
    problems = queries.check(shop.engine)
    assert problems and problems[0].sku == "A-1" and problems[0].field == "on_hand"


def test_a_back_dated_receipt_re_values_later_shipments_in_the_file(shop):
    receive(shop, "10", "1.00", at=day(1))
    out, into = ledger.transfer(shop.uow(), c.TransferStock("A-1", "5", "W1", "W2", occurred_at=day(3)))
    sold = ship(shop, "5", wh="W2", at=day(4))
    receive(shop, "10", "4.00", at=day(2))
    assert value_of(shop, out) == Decimal("-12.50")
    assert value_of(shop, into) == Decimal("12.50")
    assert value_of(shop, sold) == Decimal("-12.50")
    assert stock(shop, "W1") == (Decimal(15), Decimal("37.50"))
    assert stock(shop, "W2") == (Decimal(0), Decimal(0))
    assert queries.check(shop.engine) == []


def test_many_postings_in_one_transaction_match_the_same_postings_one_by_one(shop, tmp_path):
    from persistence.db import open_database

    commands = [c.ReceiveStock("A-1", "7", "W1", "1.15", occurred_at=day(1))]
    commands += [c.ShipStock("A-1", "1", "W1", occurred_at=day(2) + timedelta(hours=i)) for i in range(7)]
    commands += [c.ReceiveStock("B-2", "3", "W2", "3.333", occurred_at=day(3)),
                 c.TransferStock("B-2", "1", "W2", "W1", occurred_at=day(4))]
    assert ledger.post_many(shop.uow(), commands) == len(commands)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        catalog.add_product(other.uow(), cc.AddProduct("A-1", "Apple"))
        catalog.add_product(other.uow(), cc.AddProduct("B-2", "Pear"))
        catalog.add_warehouse(other.uow(), cc.AddWarehouse("W1", "Main"))
        catalog.add_warehouse(other.uow(), cc.AddWarehouse("W2", "Shop"))
        for command in commands:
            ledger.post_many(other.uow(), [command])
        one_by_one = [(r.sku, r.warehouse, r.on_hand, r.value, r.avg_cost) for r in queries.stock(other.engine)]
    finally:
        other.close()
    assert [(r.sku, r.warehouse, r.on_hand, r.value, r.avg_cost) for r in queries.stock(shop.engine)] == one_by_one
    assert stock(shop, "W1", "A-1") == (Decimal(0), Decimal(0))
    with shop.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.movements)).scalar() == len(commands) + 1
    assert queries.check(shop.engine) == []


def test_postings_from_several_threads_at_once_queue_on_the_write_lock_and_stay_exact(shop):
    import threading

    errors: list[Exception] = []

    def clerk() -> None:
        try:
            for _ in range(15):
                receive(shop, "2", "1.5")
                ship(shop, "1")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=clerk) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stock(shop) == (Decimal(45), Decimal("67.50"))
    assert queries.check(shop.engine) == []
