"""One hub per desk, known by its identity; who may sync and who may change the hub.

A desk's sync positions belong to the hub it first synced with. Another hub is refused (it would
otherwise get nothing pushed and say it worked) until an admin starts over with it, which pushes
everything and pulls everything. A hub replaced by an older copy of itself is noticed and filled
again, losing nothing.
"""

from __future__ import annotations

import pytest

from domain.access import users
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import Forbidden
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from tests.integration.sync.helpers import snapshot
from ui.cli import main

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2"))


def test_a_desk_pointed_at_a_second_hub_is_refused_then_an_admin_start_over_fills_it(pg_cluster, devices):
    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, first)
    sync.sync(b, first)
    ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "5", "MAIN", "3"))  # made on b: a holds it only after a pull
    sync.sync(b, first)
    sync.sync(a, first)
    with pytest.raises(sync.HubChanged, match="start over"):
        sync.sync(a, second)
    assert "start over" in sync.status(a).last_error
    assert sync.hub_url_setting(a) == first  # the remembered hub still the first one
    report = sync.sync(a, second, start_over=True)
    assert report.pushed == 4  # the warehouse, the product and both receipts, b's included
    fresh = devices("fresh")
    sync.sync(fresh, second)
    assert snapshot(fresh)["ledger"] == snapshot(a)["ledger"] and len(snapshot(fresh)["ledger"]) == 2
    assert snapshot(fresh)["balances"] == snapshot(a)["balances"]
    assert sync.sync(a, second).pushed == 0  # and from now on it is a's hub
    with pytest.raises(sync.HubChanged):
        sync.sync(a, first)


def test_a_clerk_may_sync_but_not_switch_the_hub_and_nobody_signed_in_may_not_sync(pg_cluster, devices):
    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    a = devices("a")
    setup_master(a)
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    users.add_user(a.uow("boss", "admin"), users.AddUser("li", "li-pass-123", "clerk"))
    with pytest.raises(Forbidden, match="sync"):
        sync.sync(a, first)  # sign-in is on and nobody is signed in
    assert sync.sync(a, first, user="li", role="clerk").pushed >= 3  # the window passes its signed-in user
    a.act_as("li", "clerk")  # the command line's --user
    with pytest.raises(sync.HubChanged):
        sync.sync(a, second)
    with pytest.raises(Forbidden, match="admin"):
        sync.sync(a, second, start_over=True)
    a.act_as("boss", "admin")
    sync.sync(a, second, start_over=True)


def test_a_clerks_sync_hub_to_another_hub_is_refused_on_the_command_line(pg_cluster, tmp_path, capsys):
    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    db = str(tmp_path / "a.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "warehouse", "add", "MAIN", "--name", "Main"]) == 0
    assert main(["--db", db, "sync", "--hub", first, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "sync", "--hub", second, "--quiet"]) == 3
    assert "start over" in capsys.readouterr().err
    assert main(["--db", db, "sync", "status", "--json"]) == 0
    assert '"hub_url": "' + first in capsys.readouterr().out


def _restore(pg_cluster, hub: str, backup: str) -> None:
    name = hub.rsplit("/", 1)[1]
    with pg_cluster.admin() as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        conn.execute(f"DROP DATABASE {name}")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {backup}")


def _backup(pg_cluster, hub: str, backup: str) -> None:
    name = hub.rsplit("/", 1)[1]
    with pg_cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {backup} TEMPLATE {name}")


def test_a_hub_restored_from_an_older_backup_is_noticed_and_filled_again(pg_cluster, devices):
    hub = pg_cluster.new_database()
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    _backup(pg_cluster, hub, "older_copy")
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "2", "MAIN", "2"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    _restore(pg_cluster, hub, "older_copy")  # the receipt of 2 is gone from the hub
    for n in range(4):  # and the hub's log grows past where a had read, with other entries
        ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", str(n + 1)))
    report_b = sync.sync(b, hub)
    report_a = sync.sync(a, hub)
    assert report_b.restored and report_a.restored
    sync.sync(b, hub)
    fresh = devices("fresh")
    sync.sync(fresh, hub)
    assert len(snapshot(fresh)["ledger"]) == 6
    assert snapshot(fresh)["ledger"] == snapshot(a)["ledger"] == snapshot(b)["ledger"]
    assert snapshot(fresh)["balances"] == snapshot(a)["balances"]
