"""What a desk trusts from the hub about users, and about aliases.

A desk without users takes the office's users only in its first pull from a hub it joined (its first
sync, or an admin's start over); users arriving later wait for approval. A pulled alias that points
at a record this desk does not hold is kept aside, never used to rename a record here.
"""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from domain.access import users
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import RuleViolation
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence import tables as t
from persistence.stock.queries import check

pytestmark = pytest.mark.postgres


def setup_master(db) -> None:
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(db.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(db.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2"))


def usernames(db) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(conn.execute(t.users.select().with_only_columns(t.users.c.username)).scalars())


def quarantined(db) -> dict[str, str]:
    return {q.row_id: q.reason for q in sync.status(db).quarantined}


def test_a_desk_without_users_takes_them_in_its_first_pull_only(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    a.act_as("boss", "admin")
    sync.sync(a, hub)
    sync.sync(b, hub)  # b joins: the office's users come with its first pull
    assert usernames(b) == ["boss"]
    added = users.add_user(a.uow(), users.AddUser("wang", "wang-pass-1", "admin"))
    sync.sync(a, hub)
    b.act_as("boss", "admin")
    sync.sync(b, hub)  # b has users now: a new one waits for an admin of b, like on any desk
    assert usernames(b) == ["boss"] and "approve" in quarantined(b)[added.id]


def test_users_reaching_a_desk_without_users_after_its_first_pull_wait_for_approval(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    sync.sync(b, hub)  # b joined when the office had no users
    added = users.add_user(a.uow(), users.AddUser("mallory", "mallory-pass-1", "admin"))
    a.act_as("mallory", "admin")
    sync.sync(a, hub)
    report = sync.sync(b, hub)
    assert usernames(b) == [] and report.refused == 1
    assert "no users yet" in quarantined(b)[added.id] and "approve" in quarantined(b)[added.id]
    assert sync.sync(b, hub).refused == 1  # still waiting at the next sync
    sync.approve(b, added.id)  # nobody signs in here yet: whoever is at the desk decides
    assert usernames(b) == ["mallory"] and quarantined(b) == {}


def test_an_admins_start_over_is_a_join_whose_first_pull_takes_the_users(pg_cluster, devices):
    first, second = pg_cluster.new_database(), pg_cluster.new_database()
    a, b = devices("a"), devices("b")
    setup_master(a)
    users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    a.act_as("boss", "admin")
    sync.sync(a, second)
    sync.sync(b, first)  # b syncs with another hub, without users
    sync.sync(b, second, start_over=True)
    assert usernames(b) == ["boss"]


def test_a_restored_hub_is_no_join_and_earns_no_trust(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    added = users.add_user(a.uow(), users.AddUser("mallory", "mallory-pass-1", "admin"))
    a.act_as("mallory", "admin")
    sync.sync(a, hub)
    with b.engine.connect() as conn:
        cursor = int(conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'sync.cursor'").scalar_one())
    with psycopg.connect(hub, autocommit=True) as owner:  # another log where b had read to: an older copy
        owner.execute("UPDATE sync_log SET at = at + 1 WHERE seq = %s", (cursor,))
    sync.sync(b, hub)
    assert sync.status(b).last_report.restored
    assert "mallory" not in usernames(b) and added.id in quarantined(b)


def _alias(hub: str, tbl: str, old: str, new: str) -> None:
    with psycopg.connect(hub, autocommit=True) as owner:
        owner.execute("INSERT INTO sync_aliases (tbl, old_key, new_key, device_id, at) VALUES (%s, %s, %s, '', 0)",
                      (tbl, old, new))


def _ids(db, table) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(conn.execute(table.select().with_only_columns(table.c.id)).scalars())


def test_an_alias_to_an_id_this_desk_does_not_hold_renames_nothing_and_is_kept_aside(hub, devices, capsys):
    a, b = devices("a"), devices("b")
    setup_master(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    (product,) = _ids(b, t.products)
    unknown = str(uuid.uuid4())
    _alias(hub, "products", product, unknown)
    report = sync.sync(b, hub)
    assert _ids(b, t.products) == [product]  # not renamed
    assert report.refused == 1 and "not here" in quarantined(b)[product]
    assert check(b.engine) == []
    status = sync.status(b)
    assert [(q.table, q.row_id) for q in status.quarantined] == [("alias:products", product)]
    from ui.cli import main

    assert main(["--db", str(b.path), "sync", "status", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["quarantined"]
    assert [(q["table"], q["row_id"]) for q in listed] == [("alias:products", product)]
    assert "not renamed" in listed[0]["reason"]
    ledger.receive(b.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "2"))  # the desk keeps working and pushing
    assert sync.sync(b, hub).pushed == 1


def test_an_alias_of_a_user_here_into_another_waits_for_an_admin(hub, devices):
    a, b = devices("a"), devices("b")
    setup_master(a)
    boss = users.add_user(a.uow(), users.AddUser("boss", "boss-pass-1", "admin"))
    li = users.add_user(a.uow("boss", "admin"), users.AddUser("li", "li-pass-123", "clerk"))
    a.act_as("boss", "admin")
    sync.sync(a, hub)
    sync.sync(b, hub)
    _alias(hub, "users", boss.id, li.id)  # "boss was a duplicate of li": the desk's admin would be gone
    b.act_as("boss", "admin")
    sync.sync(b, hub)
    assert usernames(b) == ["boss", "li"]
    assert "approve" in quarantined(b)[boss.id]
    with pytest.raises(RuleViolation, match="last active admin"):
        sync.approve(b, boss.id)
    wang = users.add_user(b.uow(), users.AddUser("wang", "wang-pass-1", "admin"))
    _alias(hub, "users", wang.id, li.id)  # a second admin here: a merge an admin of this desk may approve
    sync.sync(b, hub)
    assert "approve" in quarantined(b)[wang.id]
    sync.approve(b, wang.id)
    assert usernames(b) == ["boss", "li"] and list(quarantined(b)) == [boss.id]
