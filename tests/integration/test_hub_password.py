"""The hub's password never travels with its address: each form a URL can carry one in is taken
apart (``persistence.sync.address``), and what is stored, shown or said is the URL without it.
No PostgreSQL is needed: nothing here connects, except to a port where nobody answers."""

from __future__ import annotations

import json
import sqlite3

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from sqlalchemy.engine import make_url

from persistence import sync
from persistence.sync import KEYRING_SERVICE
from persistence.sync import BadHubUrl
from persistence.sync.address import redact
from persistence.sync.address import scrub
from persistence.sync.address import split_password
from persistence.sync.engine import hub_url
from tests.fake_keyring import MemoryKeyring
from ui.cli import main

SECRET = "Sekr1t-pw"
CLEAN = "postgresql://clerk@hub.local:5432/shop?sslmode=require"


@pytest.fixture
def memory_keyring():
    backend, previous = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.parametrize("url", [
    f"postgresql://clerk:{SECRET}@hub.local:5432/shop?sslmode=require",
    f"postgresql://clerk@hub.local:5432/shop?password={SECRET}&sslmode=require",
    f"postgresql://clerk@hub.local:5432/shop?sslmode=require&PASSWORD={SECRET}",
    f"postgresql://clerk@hub.local:5432/shop?Password={SECRET}&sslmode=require",
    f"host=hub.local port=5432 dbname=shop user=clerk password={SECRET} sslmode=require",
    f"  host = hub.local port=5432 dbname=shop user=clerk PASSWORD = '{SECRET}' sslmode=require ",
    f"host=hub.local port=5432 dbname=shop user=clerk sslmode=require Password={SECRET}",
])
def test_the_password_is_taken_out_of_every_form_of_address(url):
    assert split_password(url) == (CLEAN, SECRET)
    assert redact(url) == CLEAN
    connect = make_url(hub_url(url, None))  # the connection still gets it
    assert connect.password == SECRET and "password" not in {k.lower() for k in connect.query}
    assert make_url(hub_url(url, "from the keyring")).password == "from the keyring"


def test_a_quoted_key_value_password_may_hold_spaces_quotes_and_backslashes():
    url, password = split_password(r"host=hub dbname=shop user=clerk password='a b\'c\\d'")
    assert (url, password) == ("postgresql://clerk@hub/shop", "a b'c\\d")


def test_an_address_without_a_password_is_left_as_it_was():
    assert split_password(CLEAN) == (CLEAN, None)
    assert split_password("postgresql://postgres@127.0.0.1:5433/hub1") == ("postgresql://postgres@127.0.0.1:5433/hub1",
                                                                           None)
    assert split_password("host=::1 dbname=shop user=clerk") == ("postgresql://clerk@[::1]/shop", None)


@pytest.mark.parametrize("url, says", [
    (f"postgresql://clerk:{SECRET}@hub/shop?password=other", "two different passwords"),
    (f"postgresql://clerk:{SECRET}@x@hub/shop", "more than one '@'"),
    (f"postgresql://clerk@hub/shop?sslpassword={SECRET}", "sslpassword"),
    (f"host=hub password='{SECRET}", "not closed"),
    (f"not an address password={SECRET}", "not a database URL"),
    (f"nonsense:{SECRET}@hub", "not a database URL"),
    (f"host=hub !password={SECRET}", "neither a URL nor key=value pairs"),
])
def test_an_address_that_cannot_be_read_is_refused_without_showing_its_password(url, says):
    with pytest.raises(BadHubUrl, match=says) as refused:
        split_password(url)
    assert SECRET not in str(refused.value)
    assert SECRET not in redact(url)


def test_a_message_from_the_server_is_scrubbed_of_the_password():
    said = f'connection to "hub" failed: FATAL: password "{SECRET}" is wrong for postgresql://c:{SECRET}@hub'
    assert SECRET not in scrub(said, SECRET)
    assert "***" in scrub(said, SECRET)


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new_database(capsys, path):
    """A desk's database, made as only ``init`` makes one."""
    assert cli(capsys, "--db", str(path), "init")[0] == 0
    return path


def written_anywhere(folder) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


@pytest.mark.parametrize("url", [
    f"postgresql://nobody:{SECRET}@127.0.0.1:1/none",
    f"postgresql://nobody@127.0.0.1:1/none?password={SECRET}",
    f"postgresql://nobody@127.0.0.1:1/none?PASSWORD={SECRET}",
    f"host=127.0.0.1 port=1 dbname=none user=nobody password={SECRET}",
    f"host=127.0.0.1 port=1 dbname=none user=nobody PassWord='{SECRET}'",
])
def test_sync_keeps_a_password_from_the_url_in_the_keyring_only_and_never_prints_it(url, tmp_path, capsys,
                                                                                      memory_keyring):
    db = new_database(capsys, tmp_path / "a.sqlite3")
    code, out, err = cli(capsys, "--db", str(db), "sync", "--hub", url, "--quiet")
    assert code == 4 and "offline" in err and "OS keyring" in err  # nobody listens on port 1
    assert SECRET not in out + err
    assert memory_keyring.saved == {(KEYRING_SERVICE, "postgresql://nobody@127.0.0.1:1/none"): SECRET}
    for args in (("sync", "status"), ("sync", "status", "--json")):
        code, out, err = cli(capsys, "--db", str(db), *args)
        assert code == 0 and SECRET not in out + err
    assert json.loads(out)["last_error"]
    assert written_anywhere(tmp_path) == []


def test_without_a_keyring_the_password_from_the_url_is_used_once_and_stored_nowhere(tmp_path, capsys, no_keyring):
    db = new_database(capsys, tmp_path / "a.sqlite3")
    code, out, err = cli(capsys, "--db", str(db), "sync", "--hub",
                         f"postgresql://nobody@127.0.0.1:1/none?password={SECRET}", "--quiet")
    assert code == 4 and "no OS keyring here" in err and "PGPASSWORD" in err
    assert SECRET not in out + err
    assert written_anywhere(tmp_path) == []


def test_a_refused_address_exits_2_without_showing_its_password(tmp_path, capsys, memory_keyring):
    db = new_database(capsys, tmp_path / "a.sqlite3")
    code, out, err = cli(capsys, "--db", str(db), "sync", "--hub",
                         f"postgresql://clerk:{SECRET}@hub/shop?password=another")
    assert code == 2 and "two different passwords" in err and SECRET not in out + err
    assert memory_keyring.saved == {}


def test_a_password_left_in_the_settings_by_an_older_version_is_never_shown_and_moves_to_the_keyring(
        db, tmp_path, capsys, memory_keyring):
    leaked = f"postgresql://nobody@127.0.0.1:1/none?password={SECRET}"
    db.set_setting("sync.hub_url", leaked)
    assert SECRET not in sync.status(db).hub_url
    db.close()
    code, out, err = cli(capsys, "--db", str(db.path), "sync", "status")
    assert code == 0 and SECRET not in out + err and "hub: postgresql://nobody@127.0.0.1:1/none" in out
    code, out, err = cli(capsys, "--db", str(db.path), "sync", "--quiet")  # the remembered hub
    assert code == 4 and SECRET not in out + err
    assert memory_keyring.saved == {(KEYRING_SERVICE, "postgresql://nobody@127.0.0.1:1/none"): SECRET}
    assert written_anywhere(tmp_path) == []  # the settings hold the URL only from now on
    code, out, err = cli(capsys, "--db", str(db.path), "sync", "--quiet")  # and the keyring still has it
    assert code == 4 and "OS keyring" not in err


def test_the_windows_stored_address_never_holds_a_password(db):
    from ui.sync_service import load_settings
    from ui.sync_service import save_settings
    from ui.sync_service import without_password

    for url in (f"postgresql://clerk:{SECRET}@hub.local:5432/shop?sslmode=require",
                f"postgresql://clerk@hub.local:5432/shop?sslmode=require&password={SECRET}",
                f"host=hub.local port=5432 dbname=shop user=clerk sslmode=require PASSWORD={SECRET}"):
        assert without_password(url) == CLEAN
        save_settings(db, url, 5)
        assert db._setting("sync.hub_url") == CLEAN
    db.set_setting("sync.hub_url", f"postgresql://clerk@hub.local:5432/shop?sslmode=require&password={SECRET}")
    assert load_settings(db) == (CLEAN, 5)  # left there by an older version: taken out when read
    assert db._setting("sync.hub_url") == CLEAN
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("SELECT count(*) FROM settings WHERE value LIKE ?", (f"%{SECRET}%",)).fetchone()[0] == 0
    finally:
        conn.close()
