"""The group roles of a set-up hub are the hub's own (persistence/sync/roles.py): PostgreSQL roles belong to the
whole server, so two offices' hubs on one server must not share them; a hub set up with the old shared names keeps
working, and running ``hub_setup`` again moves it to its own."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.sync import roles
from persistence.sync.engine import connect_hub
from tests.integration.sync.helpers import snapshot
from tests.integration.sync.test_hub_roles import setup_master

pytestmark = pytest.mark.postgres


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def _owner(url: str):
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database,
                           autocommit=True)


def _role_exists(url: str, name: str) -> bool:
    with _owner(url) as conn:
        return conn.execute("SELECT to_regrole(%s) IS NOT NULL", (name,)).fetchone()[0]


def _hub_id(url: str) -> str:
    with _owner(url) as conn:
        return conn.execute("SELECT value FROM sync_meta WHERE key = 'hub_id'").fetchone()[0]


def _office(pg_cluster, devices, name: str):
    """A hub of its own on the shared server, set up, with desk a's login (a made the first records)."""
    hub = pg_cluster.new_database()
    a = devices(name)
    setup_master(a)
    sync.sync(a, hub)
    sync.hub_setup(a, hub)
    a_url, _ = sync.hub_add_login(a, hub, _name(f"desk_{name}"))
    return hub, a, a_url


def test_two_hubs_on_one_server_have_group_roles_of_their_own(pg_cluster, devices):
    hub_x, x, x_url = _office(pg_cluster, devices, "x")
    hub_y, y, y_url = _office(pg_cluster, devices, "y")
    groups_x, groups_y = roles.group_names(_hub_id(hub_x)), roles.group_names(_hub_id(hub_y))
    assert groups_x != groups_y and not set(groups_x) & set(groups_y)
    for name in (*groups_x, *groups_y):
        assert _role_exists(hub_x, name) and name.startswith(("stockroom_desk_", "stockroom_admin_"))
    for url, desk in ((hub_x, groups_x[0]), (hub_y, groups_y[0])):
        with _owner(url) as conn:  # the desk group reads this hub's tables, nothing of the other's
            assert conn.execute("SELECT has_table_privilege(%s, 'sync_log', 'SELECT')", (desk,)).fetchone()[0]
    with _owner(hub_y) as conn:
        assert not conn.execute("SELECT has_table_privilege(%s, 'sync_log', 'SELECT')", (groups_x[0],)).fetchone()[0]
    # each office syncs with its own desk login
    ledger.receive(x.uow(), c.ReceiveStock("SKU-1", "1", "MAIN", "1"))
    assert sync.sync(x, x_url).pushed == 1
    assert sync.sync(y, y_url).pushed == 0
    # x's desk login can neither read hub y nor sync with it
    parsed = make_url(x_url)
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=make_url(hub_y).database,
                         autocommit=True) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT count(*) FROM sync_log")
    other = parsed.set(database=make_url(hub_y).database).render_as_string(hide_password=False)
    with pytest.raises(sync.HubUnavailable):
        sync.sync(x, other, start_over=True)
    assert sync.sync(y, y_url).pulled == 0  # nothing of x's reached y


def _legacy_office(pg_cluster, devices, name: str):
    """A hub set up as before the group roles were named after the hub: the shared ``stockroom_desk`` and
    ``stockroom_admin``, a desk login made as ``add_login`` made them then, and an admin login."""
    hub = pg_cluster.new_database()
    a = devices(name)
    setup_master(a)
    sync.sync(a, hub)
    login, admin = _name(f"old_desk_{name}"), _name(f"old_admin_{name}")
    engine = connect_hub(hub, None)
    try:
        with engine.begin() as conn:
            database = conn.exec_driver_sql("SELECT quote_ident(current_database())").scalar_one()
            for statement in roles._setup_statements(database, roles.LEGACY_DESK, roles.LEGACY_ADMIN):
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql(f"CREATE ROLE {login} LOGIN IN ROLE {roles.LEGACY_DESK}")
            conn.exec_driver_sql(f"CREATE ROLE {admin} LOGIN IN ROLE {roles.LEGACY_ADMIN}")
            conn.exec_driver_sql("INSERT INTO stockroom_desks (login, device_id) VALUES (%(n)s, %(d)s)",
                                 {"n": login, "d": a.device_id})
    finally:
        engine.dispose()
    url = make_url(hub)
    return hub, a, url.set(username=login).render_as_string(), url.set(username=admin).render_as_string()


def test_hubs_set_up_with_the_old_shared_roles_keep_working_and_move_to_their_own(pg_cluster, devices):
    hub_p, p, p_url, p_admin = _legacy_office(pg_cluster, devices, "p")
    hub_q, q, q_url, _ = _legacy_office(pg_cluster, devices, "q")
    try:
        # before the owner runs the setup again, the desks work with the old roles
        assert sync.sync(p, p_url).pushed == 0 and sync.status(p).hub_login == "desk"
        ledger.receive(p.uow(), c.ReceiveStock("SKU-1", "2", "MAIN", "1"))
        assert sync.sync(p, p_url).pushed == 1
        sync.hub_setup(p, hub_p)  # p moves to its own groups; q still uses the old ones, which stay
        desk_p, admin_p = roles.group_names(_hub_id(hub_p))
        with _owner(hub_p) as conn:
            assert conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                (make_url(p_url).username, desk_p)).fetchone()[0]
            assert conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                (make_url(p_admin).username, admin_p)).fetchone()[0]
            assert not conn.execute("SELECT has_table_privilege(%s, 'sync_log', 'SELECT')",
                                    (roles.LEGACY_DESK,)).fetchone()[0]
            assert not conn.execute("SELECT count(*) FROM pg_policies WHERE %s = ANY(roles)",
                                    (roles.LEGACY_DESK,)).fetchone()[0]
        assert _role_exists(hub_p, roles.LEGACY_DESK)
        ledger.receive(p.uow(), c.ReceiveStock("SKU-1", "3", "MAIN", "1"))
        assert sync.sync(p, p_url).pushed == 1 and sync.status(p).hub_login == "desk"
        assert sync.sync(p, p_admin).pushed == 0 and sync.status(p).hub_login == "admin"
        ledger.receive(q.uow(), c.ReceiveStock("SKU-1", "4", "MAIN", "1"))
        assert sync.sync(q, q_url).pushed == 1 and sync.status(q).hub_login == "desk"
        sync.hub_setup(p, hub_p)  # again: nothing changes
        # a new hub set up while the old roles are still about: their members have nothing on it
        hub_z, _, _ = _office(pg_cluster, devices, "z")
        desk_z, admin_z = roles.group_names(_hub_id(hub_z))
        with _owner(hub_z) as conn:
            assert not conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                    (make_url(p_admin).username, admin_z)).fetchone()[0]
            assert not conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')",
                                    (make_url(q_url).username, desk_z)).fetchone()[0]
        sync.hub_setup(q, hub_q)  # the last hub using the old roles: they go
        assert not _role_exists(hub_q, roles.LEGACY_DESK) and not _role_exists(hub_q, roles.LEGACY_ADMIN)
        ledger.receive(q.uow(), c.ReceiveStock("SKU-1", "5", "MAIN", "1"))
        assert sync.sync(q, q_url).pushed == 1 and sync.status(q).hub_login == "desk"
        assert sync.sync(p, p_url).pulled == 0
        assert len(snapshot(p)["ledger"]) == 3 and len(snapshot(q)["ledger"]) == 3
    finally:  # the old roles belong to the whole test server: leave none behind for other tests
        for hub in (hub_p, hub_q):
            with _owner(hub) as conn:
                for role in (roles.LEGACY_ADMIN, roles.LEGACY_DESK):
                    if conn.execute("SELECT to_regrole(%s) IS NOT NULL", (role,)).fetchone()[0]:
                        conn.execute(f"DROP OWNED BY {role}")
        with _owner(hub_p) as conn:
            for role in (roles.LEGACY_ADMIN, roles.LEGACY_DESK):
                conn.execute(f"DROP ROLE IF EXISTS {role}")
