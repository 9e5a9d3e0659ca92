"""The hub's own roles: a login per desk, GRANTs and row-level security (persistence/sync/roles.py).

With the hub set up by its owner, a desk's login may write only its own movements and log entries,
never a user record, never change or delete the log; an admin's login may write users. Normal sync
with desk logins works end to end, and a hub without the setup works as before (the owner's login).
"""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from domain.access import users
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import RuleViolation
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from tests.integration.sync.helpers import snapshot

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget", barcodes=["690000000001"]))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.50"))


def _name(prefix: str) -> str:  # login roles belong to the whole server, shared by every test's hub
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def _connect(url: str):
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database,
                           autocommit=True)


@pytest.fixture
def office(hub, devices):
    """A hub set up by its owner, desk a (which made the first records with the owner's login) and desk b,
    each with a login of its own (the test server trusts 127.0.0.1, so the logins need no password here)."""
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    sync.hub_setup(a, hub)
    a_url, a_password = sync.hub_add_login(a, hub, _name("desk_a"))
    b_url, _ = sync.hub_add_login(b, hub, _name("desk_b"))
    assert a_password and a_password not in a_url
    return hub, a, b, a_url, b_url


def test_two_desks_with_their_own_logins_sync_end_to_end(office):
    hub, a, b, a_url, b_url = office
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "5", "MAIN", "3"))
    catalog.add_product(b.uow(), cc.AddProduct("SKU-2", "Gadget"))
    assert sync.sync(b, b_url).pushed == 2
    ledger.ship(a.uow(), c.ShipStock("SKU-1", "4", "MAIN"))
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    assert snapshot(a) == snapshot(b) and len(snapshot(a)["ledger"]) == 3
    catalog.update_product(a.uow(), cc.UpdateProduct("SKU-1", "Widget (blue)", barcodes=("690000000001",)))
    catalog.update_product(b.uow(), cc.UpdateProduct("SKU-1", "Widget, large", barcodes=("690000000001",)))
    sync.sync(a, a_url)
    assert sync.sync(b, b_url).conflicts == 1  # edits, versions and the conflicts list, with desk logins
    sync.sync(a, a_url)
    assert snapshot(a) == snapshot(b) and len(snapshot(a)["conflicts"]) == 1
    assert sync.status(a).pending_push == 0 and sync.status(b).pending_push == 0
    assert sync.status(a).hub_login == "desk"


def test_a_desk_login_cannot_claim_another_desks_origin_nor_write_users_nor_change_the_log(office):
    hub, a, b, a_url, b_url = office
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    with b.engine.connect() as conn:
        b_instance = conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'sync.instance'").scalar_one()
    owner = _connect(hub)
    cur = owner.execute("SELECT * FROM movements LIMIT 1")
    template = dict(zip([d.name for d in cur.description], cur.fetchone(), strict=True))
    owner.close()
    columns = [col.name for col in t.movements.columns]
    names = ", ".join(f'"{n}"' for n in columns)
    insert_movement = f"INSERT INTO movements ({names}) VALUES ({', '.join('%s' for _ in columns)})"
    log = "INSERT INTO sync_log (seq, tbl, row_id, version, device_id, data, at) VALUES (%s, %s, %s, 1, %s, %s, 0)"
    refused = psycopg.errors.InsufficientPrivilege
    with _connect(a_url) as desk:
        seq = desk.execute("SELECT max(seq) + 1000 FROM sync_log").fetchone()[0]
        forged = dict(template, id=str(uuid.uuid4()), device_id=b.device_id)  # claims to be b's movement
        with pytest.raises(refused, match="row-level security"):
            desk.execute(insert_movement, [forged[n] for n in columns])
        with pytest.raises(refused, match="row-level security"):  # a log entry in b's name
            desk.execute(log, (seq, "products", str(uuid.uuid4()), b_instance, "{}"))
        with pytest.raises(refused, match="row-level security"):  # a user record, even in its own name
            desk.execute(log, (seq, "users", str(uuid.uuid4()), _instance(a), json.dumps({"role": "admin"})))
        with pytest.raises(refused):
            desk.execute("INSERT INTO users (id, username, role, password_hash, active, version) "
                         "VALUES (%s, 'mallory', 'admin', 'x', true, 1)", (str(uuid.uuid4()),))
        with pytest.raises(refused):
            desk.execute("UPDATE users SET role = 'admin'")
        for statement in ("UPDATE sync_log SET data = ''", "DELETE FROM sync_log", "TRUNCATE sync_log",
                          "DELETE FROM movements", "UPDATE movements SET qty = 0",
                          "CREATE TABLE mine (x int)", "DROP TABLE sync_log",
                          "INSERT INTO stockroom_desks (login, device_id) VALUES ('x', 'y')",
                          "INSERT INTO stockroom_instances (instance, login) VALUES ('z', 'postgres')"):
            with pytest.raises(refused):
                desk.execute(statement)
        own = dict(template, id=str(uuid.uuid4()), device_id=a.device_id)
    with _connect(b_url) as other:  # a's movement, already on the hub, pushed again by b: refused all the same
        with pytest.raises(refused, match="row-level security"):
            other.execute(insert_movement + " ON CONFLICT (id) DO NOTHING", [template[n] for n in columns])
    with _connect(a_url) as desk:
        desk.execute(insert_movement, [own[n] for n in columns])  # its own: accepted
        desk.execute(log, (seq, "movements", own["id"], _instance(a), ""))


def _instance(db) -> str:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'sync.instance'").scalar_one()


def test_user_records_wait_for_an_admin_login_which_may_push_them(office, devices):
    hub, a, b, a_url, b_url = office
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    a.act_as("boss", "admin")
    report = sync.sync(a, a_url)  # the desk's login: the user is held back, everything else goes
    held = {q.row_id: q.reason for q in sync.status(a).quarantined if q.outgoing}
    assert report.unpushed == 1 and "admin's hub login" in next(iter(held.values()))
    admin_url, _ = sync.hub_add_login(a, hub, _name("admin"), admin=True)
    assert sync.sync(a, admin_url).pushed == 1
    assert sync.hub_url_setting(a) == a_url  # the admin's login served that sync only
    assert [q for q in sync.status(a).quarantined if q.outgoing] == []
    sync.sync(b, b_url)  # b's first pull from the hub it joined: the office's users come in
    with b.engine.connect() as conn:
        assert conn.execute(t.users.select().with_only_columns(t.users.c.username)).scalars().all() == ["boss"]


def test_a_desk_login_used_from_another_desk_is_refused(office, devices):
    hub, a, b, a_url, b_url = office
    with pytest.raises(sync.HubLoginRefused, match="desk"):
        sync.sync(b, a_url)
    assert "hub-add-desk" in sync.status(b).last_error


def test_a_restarted_desk_login_pushes_only_its_own_movements(office, devices):
    hub, a, b, a_url, b_url = office
    sync.sync(a, a_url)
    sync.sync(b, b_url)  # b holds a's receipt now
    ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1"))
    report = sync.sync(b, b_url, start_over=True)  # a's receipt is not b's to push: only b's own goes
    assert report.pushed >= 1
    assert sync.status(b).pending_push == 0
    sync.sync(a, a_url)
    assert snapshot(a)["ledger"] == snapshot(b)["ledger"]


def test_a_hub_without_the_setup_works_with_the_owners_login_as_before(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    a.act_as("boss", "admin")
    assert sync.sync(a, hub).pushed == 4
    sync.sync(b, hub)
    assert snapshot(a) == snapshot(b)
    assert sync.status(a).hub_login == "open"


def test_the_owners_login_still_writes_everything_on_a_set_up_hub(office, devices):
    hub, a, b, a_url, b_url = office
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    a.act_as("boss", "admin")
    assert sync.sync(a, hub).pushed == 1 and sync.status(a).hub_login == "open"


def test_hub_setup_runs_again_and_a_login_gets_a_new_password(office):
    hub, a, b, a_url, b_url = office
    sync.hub_setup(a, hub)
    login = make_url(a_url).username
    again_url, password = sync.hub_add_login(a, hub, login)
    assert again_url == a_url and password
    with pytest.raises(RuleViolation, match="desk of login"):
        sync.hub_add_login(a, hub, _name("other"))  # a's device has a login already
    with pytest.raises(RuleViolation, match="login name"):
        sync.hub_add_login(a, hub, "Robert'); DROP TABLE users;--")
    with pytest.raises(RuleViolation, match="not a Stockroom login"):
        sync.hub_add_login(a, hub, "postgres")
    with pytest.raises(RuleViolation, match="owner"):  # a desk's login may not set anything up
        sync.hub_setup(a, a_url)
    with pytest.raises(RuleViolation, match="owner"):
        sync.hub_add_login(a, a_url, _name("desk"), device_id=str(uuid.uuid4()))


def test_the_commands_set_up_the_hub_and_keep_a_desks_password_in_the_keyring_only(hub, tmp_path, capsys):
    import keyring
    import keyring.backends.fail

    from tests.fake_keyring import MemoryKeyring
    from ui.cli import main

    db = str(tmp_path / "a.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "warehouse", "add", "MAIN", "--name", "Main"]) == 0
    capsys.readouterr()
    previous, store = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        assert main(["--db", db, "sync", "hub-add-desk", "desk_x", "--hub", hub]) == 2  # no keyring: said first
        assert "--show-password" in capsys.readouterr().err
        assert main(["--db", db, "sync", "hub-add-desk", "desk_x", "--hub", hub, "--show-password"]) == 3
        assert "hub-setup" in capsys.readouterr().err
        assert main(["--db", db, "sync", "hub-setup", "--hub", hub]) == 0
        assert "set up" in capsys.readouterr().out
        keyring.set_keyring(store)
        name = _name("desk")
        assert main(["--db", db, "sync", "hub-add-desk", name, "--hub", hub]) == 0
        out = capsys.readouterr().out
        (password,) = store.saved.values()
        assert password not in out and "keyring" in out
        assert main(["--db", db, "sync", "--quiet"]) == 0  # the desk's own login, remembered
        capsys.readouterr()
        assert main(["--db", db, "sync", "status", "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["hub_login"] == "desk" and make_url(status["hub_url"]).username == name
        assert password not in json.dumps(status)
    finally:
        keyring.set_keyring(previous)
    other = _name("desk")
    code = main(["--db", db, "sync", "hub-add-desk", other, "--device", str(uuid.uuid4()), "--hub", hub,
                 "--show-password"])
    out = capsys.readouterr().out
    assert code == 0 and "password: " in out


def test_the_same_sku_made_on_two_desks_merges_through_their_logins(office):
    hub, a, b, a_url, b_url = office
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    catalog.add_product(a.uow(), cc.AddProduct("SKU-9", "Bolt"))
    catalog.add_product(b.uow(), cc.AddProduct("SKU-9", "Bolt M8"))
    ledger.receive(b.uow(), c.ReceiveStock("SKU-9", "3", "MAIN", "1"))
    sync.sync(a, a_url)
    report = sync.sync(b, b_url)  # b's product becomes an alias of a's (written under b's own sync id)
    assert report.merged == 1
    sync.sync(a, a_url)
    assert snapshot(a) == snapshot(b)
    assert [row for row in snapshot(a)["balances"] if row[0] == "SKU-9"][0][2] == 3
