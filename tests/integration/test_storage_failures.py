"""Failures of the storage said plainly: a database locked past the wait, a full disk, a number beyond what
the ledger keeps. Each ends with a message and an exit code, never a traceback, and writes nothing."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from domain.kernel.errors import StorageProblem
from domain.kernel.errors import TooLarge
from domain.stock import ledger
from persistence import errors as storage_errors
from tests.cli_runs import cli_here
from ui.cli import main


def cli(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    return cli_here(db, capsys)(*args)


@pytest.fixture
def shop(tmp_path) -> Path:
    db = tmp_path / "shop.sqlite3"
    for args in (["init"], ["product", "add", "SD-6", "--name", "Driver"], ["warehouse", "add", "SH", "--name", "Main"],
                 ["receive", "SD-6", "10", "--warehouse", "SH", "--unit-cost", "4.20"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(db), *args]) == 0
    return db


def movements(db: Path, capsys) -> list:
    code, out, _ = cli(db, "movements", "--json", capsys=capsys)
    assert code == 0
    return json.loads(out)


@pytest.fixture
def lock_held(shop, monkeypatch):
    """Another connection holds the write lock (a long import); this process waits 50 ms for it, not 10 s."""
    monkeypatch.setattr(storage_errors, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(shop, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    holder.rollback()
    holder.close()


def test_a_shipment_while_another_program_holds_the_write_lock_says_so_with_exit_4(shop, lock_held, capsys):
    code, _, err = cli(shop, "ship", "SD-6", "1", "--warehouse", "SH", capsys=capsys)
    assert code == 4 and "busy" in err and "try again" in err and "Traceback" not in err
    lock_held.rollback()
    assert len(movements(shop, capsys)) == 1


def test_a_restore_while_another_program_holds_the_write_lock_says_so_and_leaves_the_database(shop, lock_held,
                                                                                                 capsys, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    assert cli(shop, "backup", "--to", str(copy), capsys=capsys)[0] == 0
    before = shop.read_bytes()
    code, _, err = cli(shop, "restore", str(copy), capsys=capsys)
    assert code == 4 and "busy" in err and "Traceback" not in err
    assert shop.read_bytes() == before


@pytest.fixture
def disk_full(monkeypatch):
    """SQLite says the disk is full at the first INSERT, where the driver executes it (as SQLAlchemy sees it)."""
    real, real_many = SQLiteDialect_pysqlite.do_execute, SQLiteDialect_pysqlite.do_executemany

    def full(statement: str):
        if statement.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")

    def do_execute(self, cursor, statement, parameters, context=None):
        full(statement)
        return real(self, cursor, statement, parameters, context)

    def do_executemany(self, cursor, statement, parameters, context=None):
        full(statement)
        return real_many(self, cursor, statement, parameters, context)

    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_execute", do_execute)
    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_executemany", do_executemany)


def test_a_receipt_on_a_full_disk_says_so_with_exit_4_and_writes_nothing(shop, capsys, monkeypatch, disk_full):
    code, _, err = cli(shop, "receive", "SD-6", "5", "--warehouse", "SH", "--unit-cost", "4", capsys=capsys)
    assert code == 4 and "disk" in err and "full" in err and "Traceback" not in err
    monkeypatch.undo()
    assert len(movements(shop, capsys)) == 1


def test_an_import_on_a_full_disk_says_so_without_its_sql_or_parameters(shop, capsys, monkeypatch, tmp_path, disk_full):
    path = tmp_path / "p.csv"
    path.write_text("sku,name\nN-1,Secret name\n", encoding="utf-8")
    code, out, err = cli(shop, "import", "products", str(path), capsys=capsys)
    assert code == 4 and "full" in err
    assert "INSERT" not in out + err and "Secret name" not in out + err and "Traceback" not in err
    monkeypatch.undo()
    code, out, _ = cli(shop, "product", "list", "--json", capsys=capsys)
    assert [r["sku"] for r in json.loads(out)] == ["SD-6"]


def test_a_backup_on_a_full_disk_says_so_with_exit_4(shop, capsys, monkeypatch, tmp_path):
    from persistence import backup

    def full(source, target):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy", full)
    code, _, err = cli(shop, "backup", "--to", str(tmp_path / "b.sqlite3"), capsys=capsys)
    assert code == 4 and "full" in err and "Traceback" not in err
    assert not (tmp_path / "b.sqlite3").exists()


def test_receipts_stop_with_a_message_before_the_balance_outgrows_what_the_ledger_keeps(shop, capsys):
    posted = 0
    for _ in range(12):
        code, _, err = cli(shop, "receive", "SD-6", "999999999999", "--warehouse", "SH", "--unit-cost", "0",
                           capsys=capsys)
        if code != 0:
            break
        posted += 1
    assert code == 3 and "too large" in err and "Traceback" not in err
    assert posted == 9  # 10 on hand + 9 × 999,999,999,999 < 10**13; a tenth would pass it
    assert cli(shop, "check", capsys=capsys)[0] == 0


def test_a_typed_quantity_above_the_maximum_is_refused_naming_the_field(shop, capsys):
    code, _, err = cli(shop, "receive", "SD-6", "1000000000000", "--warehouse", "SH", "--unit-cost", "1",
                       capsys=capsys)
    assert code == 2 and "quantity" in err and "999,999,999,999" in err


def test_storage_failures_are_said_as_domain_errors():
    from sqlalchemy.exc import OperationalError

    wrapped = OperationalError("INSERT INTO x VALUES (?)", ("secret",), sqlite3.OperationalError("database is locked"))
    assert isinstance(storage_errors.explain(wrapped), StorageProblem)
    assert "secret" not in str(storage_errors.explain(wrapped))
    assert storage_errors.explain(sqlite3.OperationalError("disk I/O error")).kind == "io"
    assert storage_errors.explain(sqlite3.OperationalError("database or disk is full")).kind == "full"
    assert isinstance(storage_errors.explain(OverflowError("Python int too large to convert to SQLite INTEGER")),
                      TooLarge)
    assert storage_errors.explain(ValueError("a bug")) is None
    assert ledger.MAX_VALUE > 0
