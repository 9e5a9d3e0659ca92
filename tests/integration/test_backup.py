"""Backups of a real SQLite file: consistent copies while writing, the kept set, the daily backup,
restore (with every kind of unsuitable file refused) and the integrity check."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.stock import commands as c
from domain.stock import ledger
from persistence import backup
from persistence.db import open_database
from persistence.migrations import HEAD
from persistence.stock import queries


def shop(db, qty: str = "10") -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("A", "Apple"))
    ledger.receive(db.uow(), c.ReceiveStock("A", qty, "MAIN", "2.50"))


def on_hand_in(path: Path) -> Decimal:
    db = open_database(path)
    try:
        return queries.on_hand(db.engine, "A", "MAIN")
    finally:
        db.close()


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_is_one_file_that_holds_committed_work_but_not_an_open_transaction(db):
    shop(db)
    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE products SET name = 'half-done' WHERE sku = 'A'")
    copy = backup.timestamped_backup(db.path, backup.MANUAL)
    writer.execute("ROLLBACK")
    writer.close()
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # no -wal or -shm beside it
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT name FROM products").fetchall() == [("Apple",)]
    finally:
        conn.close()
    assert on_hand_in(copy) == Decimal(10)


def test_backups_taken_while_receipts_are_posted_each_pass_the_ledger_check(db):
    shop(db, "1")
    stop = threading.Event()
    posted = []

    def post() -> None:
        while not stop.is_set():
            ledger.receive(db.uow(), c.ReceiveStock("A", "1", "MAIN", "3"))
            posted.append(1)

    thread = threading.Thread(target=post)
    thread.start()
    try:
        copies = [backup.timestamped_backup(db.path, backup.MANUAL, keep=100) for _ in range(8)]
    finally:
        stop.set()
        thread.join()
    assert posted, "the writer posted nothing while the backups were taken"
    counts = set()
    for copy in copies:
        assert backup.file_integrity(copy) == ("ok",)
        copied = open_database(copy)
        try:
            assert queries.check(copied.engine) == []
            with copied.engine.connect() as conn:
                counts.add(conn.execute(text("SELECT count(*) FROM movements")).scalar())
        finally:
            copied.close()
    assert max(counts) <= 1 + len(posted)


def test_only_the_newest_ten_backups_are_kept_by_default_and_the_count_can_be_changed(db, monkeypatch):
    shop(db)
    made = [backup.timestamped_backup(db.path, backup.MANUAL) for _ in range(12)]  # same second: numbered
    kept = backup.list_backups(db.path)
    assert [b.path for b in kept] == made[::-1][:10]
    assert backup.backup_keep(db.engine) == 10
    assert backup.set_backup_keep(db.engine, "3") == 3
    assert [b.path for b in backup.list_backups(db.path)] == made[::-1][:3]
    assert backup.backup_keep(db.engine) == 3
    newest = backup.timestamped_backup(db.path, backup.MANUAL)
    assert [b.path for b in backup.list_backups(db.path)] == [newest, made[-1], made[-2]]


@pytest.mark.parametrize("value", ["0", "-2", "1001", "ten", "2.5", ""])
def test_a_kept_count_that_is_not_a_whole_number_from_1_to_1000_is_refused(db, value):
    with pytest.raises(BadInput, match="backups to keep.*whole number from 1 to 1000"):
        backup.set_backup_keep(db.engine, value)
    assert backup.backup_keep(db.engine) == 10


def test_the_daily_backup_is_made_once_a_day(db):
    shop(db)
    first = backup.daily_backup(db.path)
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert backup.daily_backup(db.path) is None
    backup.timestamped_backup(db.path, backup.MANUAL)
    assert backup.daily_backup(db.path) is None
    tomorrow = backup.daily_backup(db.path, today=date.today() + timedelta(days=1))
    assert tomorrow is not None
    assert [b.reason for b in backup.list_backups(db.path)].count("daily") == 2


def test_listing_ignores_other_databases_and_half_written_copies(db):
    shop(db)
    made = backup.timestamped_backup(db.path, backup.MANUAL)
    folder = made.parent
    (folder / "other-20260101-120000-manual.sqlite3").write_bytes(b"x")
    (folder / f".{made.name}.partial").write_bytes(b"x")
    (folder / "notes.txt").write_text("hello")
    [info] = backup.list_backups(db.path)
    assert (info.path, info.reason, info.size) == (made, "manual", made.stat().st_size)


def test_restore_brings_back_the_backup_and_saves_the_current_database_first(db):
    shop(db)
    copy = backup.timestamped_backup(db.path, backup.MANUAL)
    ledger.receive(db.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    assert queries.on_hand(db.engine, "A", "MAIN") == Decimal(15)

    result = backup.restore_into(db.engine, copy)

    assert result.restored_from == copy and result.database == db.path
    assert result.previous_saved_to is not None and "before-restore" in result.previous_saved_to.name
    assert queries.on_hand(db.engine, "A", "MAIN") == Decimal(10)  # the same engine reads the restored file
    assert on_hand_in(result.previous_saved_to) == Decimal(15)
    assert copy.exists()
    assert backup.integrity(db.engine).ok


def names(db_path: Path) -> set[str]:
    return {b.path.name for b in backup.list_backups(db_path)}


@pytest.mark.parametrize("old_keep", [1, 10])
def test_restoring_an_old_backup_deletes_no_backup_and_keeps_the_setting_in_force(db, old_keep):
    shop(db)
    backup.set_backup_keep(db.engine, old_keep)
    old = backup.timestamped_backup(db.path, backup.MANUAL)  # carries backup_keep = old_keep
    backup.set_backup_keep(db.engine, 30)
    for _ in range(25):
        backup.timestamped_backup(db.path, backup.DAILY)
    before = names(db.path)
    assert old.name in before and len(before) == 26

    result = backup.restore_into(db.engine, old)

    after = names(db.path)
    assert after == before | {result.previous_saved_to.name}  # every backup file is still there
    assert all((old.parent / name).is_file() for name in after)
    assert result.keep == 30 and backup.backup_keep(db.engine) == 30  # not lowered to the restored file's
    newest = backup.timestamped_backup(db.path, backup.MANUAL)  # the next backup prunes with 30
    assert names(db.path) == after | {newest.name}
    for _ in range(5):
        backup.timestamped_backup(db.path, backup.MANUAL)
    kept = backup.list_backups(db.path)
    assert len(kept) == 30 and old.name not in names(db.path) and kept[-1].path.name in after


def test_restoring_again_and_again_deletes_nothing_however_many_there_are(db):
    shop(db)
    backup.set_backup_keep(db.engine, 2)
    made = [backup.timestamped_backup(db.path, backup.MANUAL) for _ in range(2)]
    for source in made * 2:
        before = names(db.path)
        result = backup.restore_file(db.path, source)
        assert names(db.path) == before | {result.previous_saved_to.name}
    assert len(names(db.path)) == 6 and backup.backup_keep(db.engine) == 2


def test_a_restore_keeps_a_higher_setting_of_the_restored_file_out_too(db):
    shop(db)
    backup.set_backup_keep(db.engine, 50)
    generous = backup.timestamped_backup(db.path, backup.MANUAL)
    backup.set_backup_keep(db.engine, 5)
    result = backup.restore_file(db.path, generous)
    assert result.keep == 5 and backup.backup_keep(db.engine) == 5  # the office's choice, not the file's


def test_another_open_connection_sees_the_restored_data(db):
    shop(db)
    copy = backup.timestamped_backup(db.path, backup.MANUAL)
    ledger.receive(db.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    other = open_database(db.path)  # e.g. a CLI command running beside the window
    try:
        assert queries.on_hand(other.engine, "A", "MAIN") == Decimal(15)
        backup.restore_file(db.path, copy)
        assert queries.on_hand(other.engine, "A", "MAIN") == Decimal(10)
        ledger.receive(other.uow(), c.ReceiveStock("A", "1", "MAIN", "2.50"))
    finally:
        other.close()
    assert on_hand_in(db.path) == Decimal(11)


def test_restoring_a_backup_of_an_older_schema_upgrades_it_when_opened(tmp_path):
    from alembic import command
    from alembic.config import Config

    from persistence.db import MIGRATIONS

    old = tmp_path / "old" / "shop.sqlite3"
    db = open_database(old)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    db.close()
    live = tmp_path / "shop.sqlite3"
    open_database(live).close()
    backup.restore_file(live, old)
    assert revision_of(live) == "0001"
    open_database(live).close()
    assert revision_of(live) == HEAD


def test_a_backup_with_another_page_size_is_restored(db, tmp_path):
    shop(db)
    odd = tmp_path / "odd.sqlite3"
    conn = sqlite3.connect(odd)
    conn.execute("PRAGMA page_size=1024")
    conn.execute("VACUUM")
    conn.close()
    src = sqlite3.connect(db.path)
    dst = sqlite3.connect(odd)
    src.backup(dst)  # the copy takes the source's page size...
    dst.execute("PRAGMA journal_mode=DELETE")
    dst.execute("PRAGMA page_size=1024")
    dst.execute("VACUUM")  # ...so rebuild it at 1 KiB pages
    assert dst.execute("PRAGMA page_size").fetchone()[0] == 1024
    dst.close()
    src.close()
    ledger.receive(db.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    backup.restore_file(db.path, odd)
    assert queries.on_hand(db.engine, "A", "MAIN") == Decimal(10)


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _not_stockroom(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # keep the header page, scramble the rest
        data[offset + 8:offset + 200] = os.urandom(192)
    path.write_bytes(bytes(data))


def _text(path: Path) -> None:
    path.write_text("SKU,qty\nA,1\n")


@pytest.mark.parametrize("spoil, message", [
    (_text, "is not a SQLite database"),
    (_not_stockroom, "not a Stockroom database"),
    (_newer, "schema 9999 is newer"),
    (_damaged, "integrity check|cannot be read"),
])
def test_an_unsuitable_file_is_refused_and_nothing_changes(db, tmp_path, spoil, message):
    shop(db)
    chosen = tmp_path / "chosen.sqlite3"
    backup.backup_file(db.path, chosen)
    spoil(chosen)
    ledger.receive(db.uow(), c.ReceiveStock("A", "5", "MAIN", "2.50"))
    before = backup.list_backups(db.path)
    with pytest.raises(BadInput, match=message):
        backup.restore_into(db.engine, chosen)
    assert queries.on_hand(db.engine, "A", "MAIN") == Decimal(15)
    assert backup.list_backups(db.path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["chosen.sqlite3", "stockroom.sqlite3",
                                                                 "stockroom.sqlite3-wal", "stockroom.sqlite3-shm"])


def test_the_database_itself_or_a_missing_file_cannot_be_restored(db, tmp_path):
    with pytest.raises(BadInput, match="the database itself"):
        backup.restore_file(db.path, db.path)
    with pytest.raises(BadInput, match="does not exist"):
        backup.restore_file(db.path, tmp_path / "missing.sqlite3")


def test_a_database_damaged_beyond_reading_is_saved_byte_for_byte_and_replaced(tmp_path):
    live = tmp_path / "shop.sqlite3"
    db = open_database(live)
    shop(db)
    db.close()
    copy = backup.timestamped_backup(live, backup.MANUAL)
    live.write_bytes(b"this is not a database any more" * 100)
    result = backup.restore_file(live, copy)
    assert result.previous_saved_to.read_bytes() == b"this is not a database any more" * 100
    assert on_hand_in(live) == Decimal(10)
    assert result.keep == backup.DEFAULT_KEEP  # the damaged file's setting is unknown: the restored one's stays
    assert copy.is_file()


def test_restoring_when_there_is_no_database_yet_creates_it(tmp_path, db):
    shop(db)
    copy = backup.timestamped_backup(db.path, backup.MANUAL)
    fresh = tmp_path / "elsewhere" / "new.sqlite3"
    result = backup.restore_file(fresh, copy)
    assert result.previous_saved_to is None
    assert on_hand_in(fresh) == Decimal(10)


def test_the_integrity_check_reports_a_balance_that_differs_from_the_ledger(db):
    shop(db)
    assert backup.integrity(db.engine).ok
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE balances SET on_hand = on_hand + 1000000"))  # scaled integers: +1 unit or more
    report = backup.integrity(db.engine)
    assert report.sqlite == ("ok",) and not report.ok
    assert [(p.sku, p.warehouse, p.field) for p in report.ledger] == [("A", "MAIN", "on_hand")]


def damage_an_index(path: Path, index: str = "ix_products_category") -> None:
    """Scramble the cells of one index page, as a failing disk might; the tables stay readable."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page + 8:(root - 1) * page + 64] = b"\xff" * 56
    path.write_bytes(bytes(data))


def test_the_integrity_check_reports_a_damaged_file(tmp_path):
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    shop(db)
    db.close()
    damage_an_index(path)
    db = open_database(path)
    try:
        report = backup.integrity(db.engine)
    finally:
        db.close()
    assert not report.ok and report.sqlite != ("ok",)
    said = " ".join(report.sqlite)  # where the damage is, or that it stopped the check
    assert "ix_products_category" in said or "page" in said or "malformed" in said


def test_two_processes_backing_up_in_the_same_second_keep_both_copies(db, monkeypatch):
    """The second takes the next number even when the first put its file in place during its copy."""
    shop(db)
    first = backup.timestamped_backup(db.path, backup.MANUAL, keep=10)
    taken = {"done": False}
    real_new_name = backup._new_name

    def racing_new_name(db_path, reason):
        name = real_new_name(db_path, reason)
        if not taken["done"]:  # another process claims this very name before our copy lands
            taken["done"] = True
            name.write_bytes(first.read_bytes())
        return name

    monkeypatch.setattr(backup, "_new_name", racing_new_name)
    second = backup.timestamped_backup(db.path, backup.MANUAL, keep=10)
    names = [b.path for b in backup.list_backups(db.path)]
    assert second in names and first in names and len(names) == 3  # nothing replaced
    assert second.stat().st_size > 0


def test_a_copy_left_unfinished_by_a_killed_process_is_cleaned_up_once_it_is_old(db):
    import os
    import time

    shop(db)
    folder = backup.backup_dir(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / ".stockroom-20260101-000000-manual.sqlite3.123-abcd.partial"
    fresh = folder / ".stockroom-20260101-000001-manual.sqlite3.456-ef01.partial"
    for path in (old, fresh):
        path.write_bytes(b"half a copy")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    backup.timestamped_backup(db.path, backup.MANUAL, keep=10)
    assert not old.exists()  # killed long ago: removed
    assert fresh.exists()  # may still be in the making by another process: left alone
    assert all(not b.path.name.startswith(".") for b in backup.list_backups(db.path))
