"""The backup, restore and integrity commands as a user runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from persistence.db import open_database
from tests.integration.test_backup import damage_an_index
from tests.integration.test_backup import shop as shop_with
from tests.integration.test_cli import cli
from tests.integration.test_cli import run


@pytest.fixture
def shop(tmp_path) -> Path:
    """A small database, closed (no connection of this process keeps its WAL alive)."""
    db = open_database(tmp_path / "shop.sqlite3")
    try:
        shop_with(db)
    finally:
        db.close()
    return db.path


def on_hand(db: Path, capsys) -> str:
    code, out, _ = cli(db, "stock", "--json", capsys=capsys)
    assert code == 0
    import json

    return json.loads(out)[0]["on_hand"]


def test_backup_restore_and_integrity_round_trip_in_a_subprocess(shop, tmp_path, capsys):
    result = run(shop, "backup")
    assert result.returncode == 0, result.stderr
    [made] = (tmp_path / "backups").iterdir()
    assert f"backed up {shop} to {made}" in result.stdout
    assert cli(shop, "receive", "A", "5", "--warehouse", "MAIN", "--unit-cost", "2", capsys=capsys)[0] == 0
    assert on_hand(shop, capsys) == "15"

    result = run(shop, "restore", str(made))
    assert result.returncode == 0, result.stderr
    saved = next(p for p in (tmp_path / "backups").iterdir() if "before-restore" in p.name)
    assert f"saved the previous database as {saved}" in result.stdout
    assert f"restored {shop} from {made}" in result.stdout
    assert on_hand(shop, capsys) == "10"

    result = run(shop, "integrity")
    assert result.returncode == 0, result.stderr
    assert "file: ok" in result.stdout and "ledger: ok" in result.stdout


def test_backup_to_a_new_file_and_never_over_an_existing_one(shop, tmp_path, capsys):
    target = tmp_path / "usb" / "copy.sqlite3"
    code, out, err = cli(shop, "backup", "--to", str(target), capsys=capsys)
    assert code == 0, err
    assert target.is_file() and str(target) in out
    assert not (tmp_path / "backups").exists()  # --to leaves the kept set alone
    code, _, err = cli(shop, "backup", "--to", str(target), capsys=capsys)
    assert code == 2 and "--to" in err and "already exists" in err


def test_backup_of_a_database_that_does_not_exist_exits_2_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    code, _, err = cli(missing, "backup", capsys=capsys)
    assert code == 2 and "no database at" in err
    assert list(tmp_path.iterdir()) == []


def test_restore_of_a_file_that_is_not_a_stockroom_database_exits_2_and_changes_nothing(shop, tmp_path, capsys):
    notes = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(notes)
    with conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    code, out, err = cli(shop, "restore", str(notes), capsys=capsys)
    assert code == 2 and "backup file" in err and "not a Stockroom database" in err
    assert out == "" and not (tmp_path / "backups").exists()
    assert on_hand(shop, capsys) == "10"


def test_restore_does_not_need_the_database_to_open(shop, tmp_path, capsys):
    assert run(shop, "backup").returncode == 0
    [made] = (tmp_path / "backups").iterdir()
    shop.write_bytes(b"lost to a failing disk " * 200)
    assert run(shop, "stock").returncode == 2
    result = run(shop, "restore", str(made))
    assert result.returncode == 0, result.stderr
    assert "saved the previous database as" in result.stdout
    assert on_hand(shop, capsys) == "10"


def test_integrity_exits_1_naming_a_balance_that_differs_from_the_ledger(shop, capsys):
    conn = sqlite3.connect(shop)
    with conn:
        conn.execute("UPDATE balances SET on_hand = on_hand * 2")
    conn.close()
    code, out, err = cli(shop, "integrity", capsys=capsys)
    assert code == 1
    assert "file: ok" in out
    assert "ledger: A in MAIN: the stock balance says 20 on hand, but its movements add up to 10" in out
    assert "integrity check failed" in err


def test_integrity_exits_1_on_a_damaged_file(shop, capsys):
    damage_an_index(shop)
    code, out, err = cli(shop, "integrity", capsys=capsys)
    assert code == 1 and "file: " in out and "file: ok" not in out
    assert "restore a backup" in err
