"""Reads never wait for another connection's write lock (SQLite's WAL lets them read the last commit): a screen's
load through a read-only unit of work, and a plain query on a pooled connection a sync's step wrote on before."""

from __future__ import annotations

import sqlite3

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import terms


@pytest.fixture
def db(tmp_path, monkeypatch):
    from persistence import errors
    from persistence.db import open_database

    monkeypatch.setattr(errors, "BUSY_TIMEOUT_MS", 100)  # a read that waits for the lock fails at once, not late
    database = open_database(tmp_path / "stockroom.sqlite3")
    yield database
    database.close()


@pytest.fixture
def writer(db):
    """Another program holding the file's write lock, as a first pull's batch holds it."""
    conn = sqlite3.connect(db.path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.rollback()
    conn.close()


def test_a_read_only_unit_of_work_reads_while_another_holds_the_write_lock(db, writer):
    assert terms.current_policy(db.uow(read_only=True)).currency == "CNY"


def test_a_read_only_unit_of_work_may_not_write_and_leaves_its_connection_writable(db):
    from domain.kernel.errors import StorageProblem

    with pytest.raises(StorageProblem, match="cannot be written"):
        catalog.add_warehouse(db.uow(read_only=True), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))  # on the same pooled connection
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT code FROM warehouses").scalars().all() == ["MAIN"]


def test_a_query_on_a_connection_a_sync_step_used_does_not_take_the_write_lock(db):
    from persistence.sync.common import local_connection

    step = local_connection(db)  # takes the write lock up front, and marked its pooled connection so
    step.commit()
    step.close()
    held = sqlite3.connect(db.path, isolation_level=None)
    held.execute("BEGIN IMMEDIATE")
    try:
        with db.engine.connect() as conn:  # the pool hands back the connection the step used
            assert conn.exec_driver_sql("SELECT count(*) FROM products").scalar_one() == 0
    finally:
        held.rollback()
        held.close()



def test_a_receipt_typed_in_a_terminal_takes_the_write_lock_once(tmp_path, capsys):
    # `stockroom receive` reads the backorders before and after its receipt to say which it lets ship. Those reads
    # go through read-only units of work: the receipt is its one write, so while a sync's recompute writes in steps
    # the command waits for the lock once and is let in whole at the next step (persistence.writers). Read through
    # write units of work, it took the lock three times, and a recompute's next step could come in between.
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from tests.cli_runs import cli_here

    run = cli_here(tmp_path / "shop.sqlite3", capsys)
    assert run("init")[0] == 0
    assert run("product", "add", "P-1", "--name", "Pen")[0] == 0
    assert run("warehouse", "add", "MAIN", "--name", "Main")[0] == 0
    writes = []

    def begun(conn):
        if conn.info.get("immediate"):
            writes.append(conn)

    event.listen(Engine, "begin", begun)
    try:
        code, out, err = run("receive", "P-1", "5", "--warehouse", "MAIN", "--unit-cost", "2")
    finally:
        event.remove(Engine, "begin", begun)
    assert code == 0, err
    assert len(writes) == 1
