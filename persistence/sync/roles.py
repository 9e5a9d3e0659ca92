"""The hub's own database roles: a login per desk, GRANTs and row-level security.

A hub works in one of two modes, and a desk finds out which at every sync (``login_of``):

* **open** (no ``hub_setup`` was run, or the desk signs in as the hub's owner): every desk uses
  the owner's credentials and may write anything; only the desks' own checks (``gate``) stand
  between the hub and the desks. This is how every hub started, and it keeps working.
* **roles** (the owner ran ``hub_setup``): two group roles, ``stockroom_desk_<hub>`` and
  ``stockroom_admin_<hub>`` (a member of both; ``<hub>`` is the hub id's 32 hex digits, ``group_names``),
  and a login role per desk (``add_login``), mapped to the desk's device id in ``stockroom_desks``, a
  table only the owner writes. A desk's login may read everything, may insert into the log, the
  movements and the unfilled demand but never change or delete a row there, may write the shared
  records except users, and may not create anything. Row-level security checks each row it inserts:
  a movement or unfilled demand must carry the desk's own device id; a log entry or alias must carry
  one of the desk's own sync instance ids (``stockroom_instances``: a desk may claim a new one for
  itself, never one that another login holds); a user record (in the log, its version, an alias)
  needs an admin's login. The owner (and a superuser) passes by row-level security: owner mode is
  open mode.

PostgreSQL roles belong to the whole server, not to one database, so the group roles are named after
the hub: two offices' hubs on one server have groups of their own, and a desk's login of one may
neither read nor write the other. Hubs set up before the groups were named so (``stockroom_desk`` and
``stockroom_admin``, the same for every hub of the server) keep working with those names until their
owner runs ``hub_setup`` again, which moves their desks and admins to the hub's own groups and takes
every privilege of the old ones on this hub away (the old roles are dropped once no hub uses them).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy import Engine

from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal
from persistence.sync import records as r

LEGACY_DESK = "stockroom_desk"  # the group roles of hubs set up before they were named after the hub
LEGACY_ADMIN = "stockroom_admin"
OPEN, DESK_MODE, ADMIN_MODE = "open", "desk", "admin"
LOGIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

# tables a desk writes with a push, beside the log and the facts: the shared records (users aside)
_RECORD_TABLES = sorted({s.table.name for s in r.SPECS if s.name != "users"}
                        | {child.name for s in r.SPECS for child, _ in s.children})
_CLAIMED = "(SELECT instance FROM stockroom_instances WHERE login = current_user)"
_MY_DEVICE = "(SELECT device_id FROM stockroom_desks WHERE login = current_user)"
_IS_ADMIN = "stockroom_is_admin()"


def group_names(hub_id: str) -> tuple[str, str]:
    """(desk group, admin group) of the hub ``hub_id``: the id's hex digits after ``stockroom_desk_`` and
    ``stockroom_admin_`` (an id that is not a UUID is hashed), so only letters, digits and underscores."""
    digits = re.sub(r"[^0-9a-f]", "", hub_id.lower())
    if len(digits) != 32:
        digits = hashlib.sha256(hub_id.encode()).hexdigest()[:32]
    return f"{LEGACY_DESK}_{digits}", f"{LEGACY_ADMIN}_{digits}"


def groups(conn: Connection) -> tuple[str, str]:
    """The group roles this hub uses: its own (``group_names``), or the old shared ones of a hub set up before
    them and not set up again since (its own do not exist yet, the old ones do)."""
    hub_id = ""
    if conn.exec_driver_sql("SELECT to_regclass('sync_meta') IS NOT NULL").scalar_one():  # a hub with its tables
        hub_id = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'hub_id'").scalar() or ""
    desk, admin = group_names(hub_id)
    legacy = conn.exec_driver_sql(
        "SELECT to_regrole(%(a)s) IS NULL AND to_regrole(%(la)s) IS NOT NULL AND to_regclass('stockroom_desks') "
        "IS NOT NULL", {"a": admin, "la": LEGACY_ADMIN}).scalar_one()
    return (LEGACY_DESK, LEGACY_ADMIN) if legacy else (desk, admin)


class LoginRefused(Exception):
    """The hub login cannot be used from this desk (another desk's, or not a desk of this hub); ``login`` names it."""

    def __init__(self, message: str, login: str = "") -> None:
        super().__init__(message)
        self.login = login


@dataclass(frozen=True)
class HubLogin:
    """Who a desk is on the hub: ``mode`` open (the owner or a hub without roles), desk or admin."""

    mode: str
    login: str
    device_id: str = ""

    @property
    def may_write_users(self) -> bool:
        return self.mode != DESK_MODE


def _setup_statements(database: str, desk: str, admin: str) -> list[str]:
    """The setup, statement by statement; ``database`` is the hub's name, quoted as an identifier; ``desk`` and
    ``admin`` the group roles' names (plain names: ``group_names``)."""
    d = database
    statements = [
        f"""DO $$ BEGIN
              IF to_regrole('{desk}') IS NULL THEN CREATE ROLE {desk} NOLOGIN; END IF;
              IF to_regrole('{admin}') IS NULL THEN CREATE ROLE {admin} NOLOGIN; END IF;
            END $$""",
        f"GRANT {desk} TO {admin}",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {d} TO {desk}",
        # PostgreSQL 15 and later give nobody CREATE on public; older ones must be told (by its owner)
        """DO $$ BEGIN REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            EXCEPTION WHEN insufficient_privilege THEN NULL; END $$""",
        f"GRANT USAGE ON SCHEMA public TO {desk}",
        """CREATE TABLE IF NOT EXISTS stockroom_desks (
             login name PRIMARY KEY,
             device_id varchar(36) NOT NULL UNIQUE,
             added_at timestamptz NOT NULL DEFAULT now(),
             added_by name NOT NULL DEFAULT current_user)""",
        """CREATE TABLE IF NOT EXISTS stockroom_instances (
             instance varchar(36) PRIMARY KEY,
             login name NOT NULL DEFAULT current_user,
             claimed_at timestamptz NOT NULL DEFAULT now())""",
        f"""CREATE OR REPLACE FUNCTION stockroom_is_admin() RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT pg_has_role(current_user, '{admin}', 'MEMBER') $$""",
        # what a desk may do, and nothing more: no UPDATE, DELETE or TRUNCATE of the log and the facts
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {desk}, {admin}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {desk}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {desk}",
        f"GRANT INSERT ON sync_log, movements, unfilled_demand, sync_aliases, stockroom_instances TO {desk}",
        f"GRANT INSERT, UPDATE ON sync_rows TO {desk}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_RECORD_TABLES)} TO {desk}",
        f"GRANT INSERT, UPDATE, DELETE ON users TO {admin}",
    ]
    policies = {
        "sync_log": [("INSERT", None, f"{_IS_ADMIN} OR (tbl <> 'users' AND device_id IN {_CLAIMED})")],
        "movements": [("INSERT", None, f"{_IS_ADMIN} OR device_id = {_MY_DEVICE}")],
        "unfilled_demand": [("INSERT", None, f"{_IS_ADMIN} OR device_id = {_MY_DEVICE}")],
        "sync_aliases": [("INSERT", None, f"{_IS_ADMIN} OR (tbl <> 'users' AND device_id IN {_CLAIMED})")],
        "sync_rows": [("INSERT", None, f"{_IS_ADMIN} OR tbl <> 'users'"),
                      ("UPDATE", f"{_IS_ADMIN} OR tbl <> 'users'", f"{_IS_ADMIN} OR tbl <> 'users'")],
        "stockroom_instances": [("INSERT", None, "login = current_user AND EXISTS "
                                                 "(SELECT 1 FROM stockroom_desks d WHERE d.login = current_user)")],
        "stockroom_desks": [],
    }
    for table, rules in policies.items():
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        read = f"login = current_user OR {_IS_ADMIN}" if table == "stockroom_desks" else "true"
        statements += [f"DROP POLICY IF EXISTS stockroom_read ON {table}",
                       f"CREATE POLICY stockroom_read ON {table} FOR SELECT TO {desk} USING ({read})"]
        for command in ("INSERT", "UPDATE"):
            statements.append(f"DROP POLICY IF EXISTS stockroom_{command.lower()} ON {table}")
        for command, using, check in rules:
            clause = f" USING ({using})" if using else ""
            statements.append(f"CREATE POLICY stockroom_{command.lower()} ON {table} FOR {command} TO {desk}"
                              f"{clause} WITH CHECK ({check})")
    # tables a later version's migration makes (run as the owner) are readable by the desks at once;
    # what they may write there is given by running the setup again
    statements.append(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {desk}")
    return statements


def setup_hub(engine: Engine) -> None:
    """Make the group roles, the desk tables, the GRANTs and the policies; safe to run again.

    Run with the credentials of the hub's owner (who owns its tables and may create roles). A hub set up
    with the old shared group roles is moved to its own (``_leave_legacy_groups``) in the same transaction.
    """
    with engine.begin() as conn:
        database = conn.exec_driver_sql("SELECT quote_ident(current_database())").scalar_one()
        hub_id = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'hub_id'").scalar_one()
        desk, admin = group_names(hub_id)
        legacy = _set_up_with_legacy_groups(conn)
        for statement in _setup_statements(database, desk, admin):
            conn.exec_driver_sql(statement)
        if legacy:
            _leave_legacy_groups(conn, database, desk, admin)


def _set_up_with_legacy_groups(conn: Connection) -> bool:
    """Whether this hub was set up with the old shared groups: the old desk group may read its log. (Another hub
    of the server may use them while this one never did: then they are not this hub's business.)"""
    return conn.exec_driver_sql(
        "SELECT CASE WHEN to_regrole(%(d)s) IS NULL OR to_regclass('sync_log') IS NULL THEN false "
        "ELSE has_table_privilege(%(d)s, 'sync_log', 'SELECT') END", {"d": LEGACY_DESK}).scalar_one()


def _leave_legacy_groups(conn: Connection, database: str, desk: str, admin: str) -> None:
    """Move a hub set up with the old shared groups to its own: each of its desks' logins (``stockroom_desks``)
    joins the hub's desk group, each member of the old admin group (admins of every hub of the server that
    used it) the hub's admin group; the old groups lose every privilege on this hub, and are dropped when no
    other database of the server still uses them. Only for a hub that had them (``_set_up_with_legacy_groups``)."""
    logins = conn.exec_driver_sql(
        "SELECT quote_ident(d.login) FROM stockroom_desks d JOIN pg_roles r ON r.rolname = d.login "
        "WHERE pg_has_role(r.oid, %(g)s, 'MEMBER')", {"g": LEGACY_DESK}).scalars().all()
    admins = []
    if conn.exec_driver_sql("SELECT to_regrole(%(a)s) IS NOT NULL", {"a": LEGACY_ADMIN}).scalar_one():
        admins = conn.exec_driver_sql(
            "SELECT quote_ident(r.rolname) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "WHERE m.roleid = %(a)s::regrole AND r.rolcanlogin", {"a": LEGACY_ADMIN}).scalars().all()
    for login in logins:
        conn.exec_driver_sql(f"GRANT {desk} TO {login}")
    for login in admins:
        conn.exec_driver_sql(f"GRANT {admin} TO {login}")
    old = [name for name in (LEGACY_DESK, LEGACY_ADMIN)
           if conn.exec_driver_sql("SELECT to_regrole(%(n)s) IS NOT NULL", {"n": name}).scalar_one()]
    names = ", ".join(old)
    for statement in (f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {names}",
                      f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {names}",
                      f"REVOKE ALL ON SCHEMA public FROM {names}",
                      f"REVOKE ALL ON DATABASE {database} FROM {names}",
                      f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {names}"):
        conn.exec_driver_sql(statement)
    # the policies were made again for the hub's groups above; an old role with nothing left anywhere goes
    # (the admin group first: it is a member of the desk group)
    for name in (LEGACY_ADMIN, LEGACY_DESK):
        if name in old:
            _drop_if_unused(conn, name)


def _drop_if_unused(conn: Connection, role: str) -> None:
    """Drop ``role`` unless another database still grants it something (or this login may not drop it)."""
    conn.exec_driver_sql(f"""DO $$ BEGIN
          IF to_regrole('{role}') IS NOT NULL THEN DROP ROLE {role}; END IF;
        EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN NULL; END $$""")


def is_set_up(conn: Connection) -> bool:
    if not conn.exec_driver_sql("SELECT to_regclass('stockroom_desks') IS NOT NULL").scalar_one():
        return False
    _, admin = groups(conn)
    return conn.exec_driver_sql("SELECT to_regclass('stockroom_desks') IS NOT NULL AND "
                                "to_regrole(%(a)s) IS NOT NULL", {"a": admin}).scalar_one()


def add_login(engine: Engine, name: str, *, admin: bool = False, device_id: str = "") -> str:
    """Create (or give a new password to) the login role ``name``; return its new password.

    A desk's login (``admin`` False) is mapped to ``device_id``, the desk's own; an admin's login
    belongs to no desk. The password is sent to the server already hashed (SCRAM), so it is in no
    statement the server could log.

    Raises:
        RuleViolation: the name is not a plain PostgreSQL name, the hub is not set up, the name is a
            role that is not a Stockroom login, or the device is another login's desk already.
    """
    if not LOGIN_NAME.fullmatch(name or ""):
        raise refusal(RuleViolation, "hub_login_name", name=name)
    password = secrets.token_urlsafe(24)
    with engine.begin() as conn:
        if not is_set_up(conn):
            raise refusal(RuleViolation, "hub_not_set_up")
        desks, admins = groups(conn)
        group = admins if admin else desks
        raw = conn.connection.dbapi_connection
        hashed = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
        found = conn.exec_driver_sql("SELECT rolcanlogin, pg_has_role(oid, %(g)s, 'MEMBER') AND NOT rolsuper "
                                     "FROM pg_roles WHERE rolname = %(n)s", {"g": desks, "n": name}).first()
        if found is not None and not (found[0] and found[1]):
            raise refusal(RuleViolation, "hub_login_not_ours", name=name)
        if not admin:
            owner = conn.exec_driver_sql("SELECT login FROM stockroom_desks WHERE device_id = %(d)s AND login <> %(n)s",
                                         {"d": device_id, "n": name}).scalar()
            if owner is not None:
                raise refusal(RuleViolation, "hub_device_taken", device=device_id, owner=owner)
        quoted = conn.exec_driver_sql("SELECT quote_ident(%(n)s), quote_literal(%(p)s)",
                                      {"n": name, "p": hashed}).first()
        if found is None:
            conn.exec_driver_sql(f"CREATE ROLE {quoted[0]} LOGIN PASSWORD {quoted[1]} IN ROLE {group}")
        else:
            conn.exec_driver_sql(f"ALTER ROLE {quoted[0]} PASSWORD {quoted[1]}")
            conn.exec_driver_sql(f"GRANT {group} TO {quoted[0]}")
        if admin:
            conn.exec_driver_sql("DELETE FROM stockroom_desks WHERE login = %(n)s", {"n": name})
        else:
            conn.exec_driver_sql("INSERT INTO stockroom_desks (login, device_id) VALUES (%(n)s, %(d)s) "
                                 "ON CONFLICT (login) DO UPDATE SET device_id = excluded.device_id, "
                                 "added_at = now(), added_by = current_user", {"n": name, "d": device_id})
    return password


def login_of(conn: Connection) -> HubLogin:
    """Which mode this connection's login works in (see the module)."""
    user = conn.exec_driver_sql("SELECT current_user").scalar_one()
    if not is_set_up(conn):
        return HubLogin(OPEN, user)
    owner = conn.exec_driver_sql(
        "SELECT r.rolsuper OR r.rolbypassrls OR c.relowner = r.oid FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = 'sync_log'::regclass").scalar()
    if owner:
        return HubLogin(OPEN, user)
    _, admin = groups(conn)
    if conn.exec_driver_sql("SELECT pg_has_role(current_user, %(a)s, 'MEMBER')", {"a": admin}).scalar_one():
        return HubLogin(ADMIN_MODE, user)
    device = conn.exec_driver_sql("SELECT device_id FROM stockroom_desks WHERE login = current_user").scalar()
    if device is None:
        raise LoginRefused(f"the hub login {user} is not a desk of this hub; its owner adds one with: "
                           f"sync hub-add-desk NAME", user)
    return HubLogin(DESK_MODE, user, device)


def claim(conn: Connection, instance: str) -> bool:
    """Claim this file's sync instance id for the desk's login; False when another login holds it."""
    conn.exec_driver_sql("INSERT INTO stockroom_instances (instance) VALUES (%(i)s) ON CONFLICT DO NOTHING",
                         {"i": instance})
    holder = conn.exec_driver_sql("SELECT login FROM stockroom_instances WHERE instance = %(i)s",
                                  {"i": instance}).scalar()
    return holder == conn.exec_driver_sql("SELECT current_user").scalar_one()

