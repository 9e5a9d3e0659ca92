"""Users on the command line: ``user add|list|passwd|role|deactivate`` and ``--user`` on every command."""

from __future__ import annotations

import getpass
import itertools
import json
import sqlite3
import subprocess
import sys
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from tests.cli_runs import ROOT
from tests.cli_runs import cli_here


def cli(db: Path, *args: str, capsys, password: str | None = None, new_password: str | None = None,
        monkeypatch) -> tuple[int, str, str]:
    return cli_here(db, capsys, monkeypatch)(*args, password=password, new_password=new_password)


@pytest.fixture(autouse=True)
def patient_clock(monkeypatch):
    """Each sign-in happens two minutes after the one before, so a failed attempt never pauses the next one
    (the pause itself is tested with a clock that stands still)."""
    from domain.access import users

    moments = itertools.count()
    monkeypatch.setattr(users, "system_clock", lambda: datetime(2026, 3, 1, tzinfo=UTC)
                        + timedelta(minutes=2 * next(moments)))


@pytest.fixture
def shop(tmp_path, capsys, monkeypatch):
    """A database with stock, an admin (boss) and a clerk (li)."""
    db = tmp_path / "shop.sqlite3"

    def run(*args, **kw):
        return cli(db, *args, capsys=capsys, monkeypatch=monkeypatch, **kw)

    for command in (["init"], ["warehouse", "add", "SH", "--name", "Main"],
                    ["product", "add", "SD-6", "--name", "Driver"],
                    ["receive", "SD-6", "10", "--warehouse", "SH", "--unit-cost", "4.20"]):
        assert run(*command)[0] == 0
    assert run("user", "add", "boss", "--role", "admin", new_password="boss-pass-1") == (
        0, "added boss (admin); sign-in is now on\n", "")
    code, out, err = run("--user", "boss", "user", "add", "li", "--role", "clerk",
                         password="boss-pass-1", new_password="li-pass-12")
    assert code == 0, err
    run.db = db
    return run


def test_a_clerk_adjusting_stock_is_refused_with_exit_3_naming_user_role_and_need(shop):
    code, out, err = shop("--user", "li", "adjust", "SD-6", "-1", "--warehouse", "SH", "--reason", "broken",
                          password="li-pass-12")
    assert code == 3 and out == ""
    assert err == "refused: user 'li' (clerk) may not adjust stock: that needs the manager role or higher\n"
    code, out, err = shop("--user", "li", "ship", "SD-6", "1", "--warehouse", "SH", password="li-pass-12")
    assert code == 0, err


def test_the_clerks_shipment_records_the_clerk(shop):
    code, _, err = shop("--user", "li", "ship", "SD-6", "2", "--warehouse", "SH", password="li-pass-12")
    assert code == 0, err
    with sqlite3.connect(shop.db) as conn:
        rows = conn.execute("SELECT kind, user FROM movements ORDER BY recorded_at").fetchall()
    assert rows == [("receipt", getpass.getuser()), ("shipment", "li")]  # before sign-in: the OS user


def test_once_sign_in_is_on_a_command_without_user_or_with_a_wrong_password_is_refused(shop):
    code, _, err = shop("ship", "SD-6", "1", "--warehouse", "SH")
    assert code == 3 and "sign-in is on for this database: give --user NAME" in err
    code, _, err = shop("--user", "li", "ship", "SD-6", "1", "--warehouse", "SH", password="li-pass-13")
    assert code == 3 and err == "refused: the user name or the password is wrong\n"
    code, _, err = shop("--user", "lee", "ship", "SD-6", "1", "--warehouse", "SH", password="li-pass-12")
    assert code == 3 and err == "refused: the user name or the password is wrong\n"


def test_the_admin_lists_changes_resets_and_deactivates_users(shop):
    admin = {"password": "boss-pass-1"}
    code, out, _ = shop("user", "list", "--json", "--as", "boss", **admin)
    assert code == 0
    assert [(u["name"], u["role"], u["active"]) for u in json.loads(out)] == [
        ("boss", "admin", True), ("li", "clerk", True)]
    assert shop("user", "role", "li", "manager", "--as", "boss", **admin)[:2] == (0, "li is now manager\n")
    code, _, err = shop("--user", "li", "adjust", "SD-6", "-1", "--warehouse", "SH", "--reason", "x",
                        password="li-pass-12")
    assert code == 0, err
    assert shop("user", "passwd", "li", "--as", "boss", new_password="li-new-pass", **admin)[0] == 0
    assert shop("--user", "li", "ship", "SD-6", "1", "--warehouse", "SH", password="li-pass-12")[0] == 3
    assert shop("user", "deactivate", "li", "--as", "boss", **admin)[0] == 0
    assert shop("--user", "li", "ship", "SD-6", "1", "--warehouse", "SH", password="li-new-pass")[0] == 3
    code, _, err = shop("user", "deactivate", "boss", "--as", "boss", **admin)
    assert code == 3 and "last active admin" in err


def test_only_an_admin_may_manage_users_and_bad_input_exits_2(shop):
    code, _, err = shop("user", "add", "wu", "--role", "clerk", "--as", "li", password="li-pass-12",
                        new_password="wu-pass-123")
    assert code == 3 and "'li' (clerk) may not manage users: that needs the admin role" in err
    code, _, err = shop("user", "add", "wu", "--role", "boss", "--as", "boss", password="boss-pass-1",
                        new_password="wu-pass-123")
    assert code == 2 and "role: 'boss' is not a role" in err
    code, _, err = shop("user", "add", "wu", "--role", "clerk", "--as", "boss", password="boss-pass-1",
                        new_password="short")
    assert code == 2 and "password: is 5 characters long; use at least 8" in err


def test_without_a_terminal_and_without_the_variable_the_command_says_which_variable_to_set(tmp_path):
    """A real process with stdin not a terminal (a script, a scheduled job): no EOFError, exit 2."""
    db = tmp_path / "shop.sqlite3"
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    main = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]

    def run(*args, **extra):
        return subprocess.run([*main, *args], env={**env, **extra}, capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL)

    assert run("init").returncode == 0
    done = run("user", "add", "boss", "--role", "admin")
    assert done.returncode == 2 and "STOCKROOM_NEW_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    assert run("user", "add", "boss", "--role", "admin", STOCKROOM_NEW_PASSWORD="boss-pass-1").returncode == 0
    done = run("--user", "boss", "user", "list")
    assert done.returncode == 2 and "STOCKROOM_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    done = run("--user", "boss", "user", "passwd", "boss", STOCKROOM_NEW_PASSWORD="boss-pass-2")
    assert done.returncode == 2 and "STOCKROOM_PASSWORD" in done.stderr
    done = run("--user", "boss", "user", "list", STOCKROOM_PASSWORD="boss-pass-1")
    assert done.returncode == 0 and "boss" in done.stdout and "boss-pass-1" not in done.stdout + done.stderr


def test_the_role_is_checked_before_a_new_password_is_asked_for(shop):
    clerk = {"password": "li-pass-12"}
    for command in (["user", "add", "wu", "--role", "clerk"], ["user", "passwd", "boss"]):
        code, _, err = shop("--user", "li", *command, **clerk)  # no STOCKROOM_NEW_PASSWORD, no terminal
        assert code == 3 and "'li' (clerk)" in err and "STOCKROOM_NEW_PASSWORD" not in err


def test_once_sign_in_is_on_only_an_admin_may_restore_a_backup(shop, tmp_path):
    backup = tmp_path / "copy.sqlite3"
    code, _, err = shop("--user", "li", "backup", "--to", str(backup), password="li-pass-12")
    assert code == 0, err  # anyone may make a copy
    assert shop("ship", "SD-6", "1", "--warehouse", "SH", password="li-pass-12")[0] == 3  # no --user: refused

    code, out, err = shop("--user", "li", "restore", str(backup), password="li-pass-12")
    assert code == 3 and out == ""
    assert err == ("refused: user 'li' (clerk) may not restore the database from a backup: that needs the admin "
                   "role or higher\n")
    code, out, err = shop("restore", str(backup))
    assert code == 3 and "give --user NAME" in err
    assert not list((shop.db.parent / "backups").glob("*before-restore*"))  # refused before anything was touched

    code, out, err = shop("--user", "boss", "restore", str(backup), password="boss-pass-1")
    assert code == 0, err
    assert "restored" in out


def test_a_clerk_changes_their_own_password_but_not_someone_elses(shop):
    code, _, err = shop("--user", "li", "user", "passwd", "boss", password="li-pass-12", new_password="hijacked-1")
    assert code == 3 and "manage users" in err
    code, out, err = shop("--user", "li", "user", "passwd", "li", password="li-pass-12", new_password="li-pass-new")
    assert (code, out) == (0, "new password set for li\n"), err
    assert shop("--user", "li", "stock", password="li-pass-12")[0] == 3  # the old one no longer signs in
    assert shop("--user", "li", "stock", password="li-pass-new")[0] == 0
    assert shop("--user", "boss", "stock", password="boss-pass-1")[0] == 0  # boss untouched


def test_an_admin_deactivates_and_reactivates_a_user(shop):
    assert shop("--user", "boss", "user", "deactivate", "li", password="boss-pass-1")[:2] == (
        0, "li can no longer sign in\n")
    assert shop("--user", "li", "stock", password="li-pass-12")[0] == 3
    code, out, err = shop("--user", "li", "user", "activate", "li", password="li-pass-12")
    assert code == 3  # li cannot even sign in to ask
    assert shop("--user", "boss", "user", "activate", "li", password="boss-pass-1")[:2] == (
        0, "li can sign in again\n")
    assert shop("--user", "li", "stock", password="li-pass-12")[0] == 0


def test_failed_sign_ins_pause_the_next_attempt_with_a_message_saying_when(shop, monkeypatch):
    from domain.access import users

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    monkeypatch.setattr(users, "system_clock", lambda: now[0])
    assert shop("--user", "li", "stock", password="wrong-pass")[0] == 3
    code, _, err = shop("--user", "li", "stock", password="li-pass-12")
    assert code == 3 and "paused after 1 failed attempt(s); try again in 1 s" in err
    now[0] += timedelta(seconds=1)
    assert shop("--user", "li", "stock", password="wrong-pass")[0] == 3
    now[0] += timedelta(seconds=1)
    code, _, err = shop("--user", "li", "stock", password="li-pass-12")
    assert code == 3 and "paused after 2 failed attempt(s); try again in 1 s" in err
    now[0] += timedelta(seconds=1)
    assert shop("--user", "li", "stock", password="li-pass-12")[0] == 0
    assert shop("--user", "boss", "stock", password="boss-pass-1")[0] == 0  # another name: never paused
