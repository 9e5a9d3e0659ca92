"""The database driver's failures said by their cause (persistence.sync.causes): real errors of psycopg and of a
real PostgreSQL, each classed as a clerk can act on it, the driver's own words kept only as the detail line."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from domain.kernel.refusals import ENGLISH
from persistence import sync
from persistence.sync import causes
from persistence.sync.engine import connect_hub

PASSWORD = "right-horse-battery"
WRONG = "wrong-staple-9"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def failure(dsn: str, **kw) -> psycopg.Error:
    """The error psycopg raises connecting to ``dsn``."""
    with pytest.raises(psycopg.Error) as raised:
        psycopg.connect(dsn, **kw).close()
    return raised.value


def unreachable(url: str, password: str | None = None) -> sync.HubUnavailable:
    with pytest.raises(sync.HubUnavailable) as raised:
        connect_hub(url, password)
    return raised.value


@pytest.fixture(scope="module")
def logins(pg_cluster):
    """Logins that the test server does not simply trust: one with a password (scram), one pg_hba.conf rejects,
    one without the CONNECT privilege on a database. Only these names are touched in the server's pg_hba.conf."""
    with pg_cluster.admin() as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'causes_pw'").fetchone():
            return pg_cluster  # made already on this server (the fixture is used by another module too)
        conn.execute(f"CREATE ROLE causes_pw LOGIN PASSWORD '{PASSWORD}'")
        conn.execute("CREATE ROLE causes_rejected LOGIN")
        conn.execute("CREATE ROLE causes_closed LOGIN")
        conn.execute("CREATE DATABASE causes_closed")
        conn.execute("REVOKE CONNECT ON DATABASE causes_closed FROM PUBLIC")
        hba = Path(conn.execute("SHOW hba_file").fetchone()[0])
        hba.write_text("host all causes_pw 127.0.0.1/32 scram-sha-256\n"
                       "host all causes_rejected 127.0.0.1/32 reject\n" + hba.read_text())
        conn.execute("SELECT pg_reload_conf()")
    probe = f"host=127.0.0.1 port={pg_cluster.port} user=causes_rejected dbname=postgres"
    for _ in range(500):  # the server reads the file again on its own time: wait until it does, not a fixed time
        try:
            psycopg.connect(probe).close()
        except psycopg.OperationalError:
            break
    else:
        pytest.fail("the test server did not take the new pg_hba.conf")
    return pg_cluster


# -- the classes, from real errors of the driver and the server


def test_a_closed_port_is_a_hub_out_of_reach(pg_cluster):
    error = failure(f"host=127.0.0.1 port={free_port()} user=x dbname=y")
    assert causes.cause_of(error) == causes.UNREACHABLE


def test_a_host_name_that_does_not_resolve_is_a_hub_out_of_reach():
    error = failure("host=no-such-hub.invalid port=5432 user=x dbname=y connect_timeout=5")
    assert causes.cause_of(error) == causes.UNREACHABLE


def test_a_server_that_never_answers_is_a_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection (the kernel does) and never says a word
        error = failure(f"host=127.0.0.1 port={silent.getsockname()[1]} user=x dbname=y sslmode=disable",
                        connect_timeout=2)  # libpq's shortest
    assert causes.cause_of(error) == causes.TIMEOUT


def test_a_wrong_password_a_missing_one_and_an_unknown_login(logins):
    base = f"host=127.0.0.1 port={logins.port} dbname=postgres"
    assert causes.cause_of(failure(f"{base} user=causes_pw password={WRONG}")) == causes.WRONG_PASSWORD
    assert causes.cause_of(failure(f"{base} user=causes_pw")) == causes.PASSWORD_MISSING
    assert causes.cause_of(failure(f"{base} user=causes_rejected")) == causes.LOGIN_REFUSED
    assert causes.cause_of(failure(f"{base} user=causes_nobody")) == causes.LOGIN_REFUSED  # trusted, not there


def test_a_missing_database_and_one_this_login_may_not_connect_to(logins):
    base = f"host=127.0.0.1 port={logins.port}"
    assert causes.cause_of(failure(f"{base} user=postgres dbname=no_such_shop")) == causes.DATABASE_MISSING
    assert causes.cause_of(failure(f"{base} user=causes_closed dbname=causes_closed")) == causes.PERMISSION_DENIED


def test_errors_of_statements_are_classed_by_their_sqlstate(pg_cluster, hub):
    engine = create_engine(hub.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET default_transaction_read_only = on")
            conn.commit()
            with pytest.raises(DBAPIError) as read_only:
                conn.exec_driver_sql("CREATE TABLE t (x int)")
            conn.rollback()
            with pytest.raises(DBAPIError) as timeout:
                conn.exec_driver_sql("SET statement_timeout = 1")
                conn.exec_driver_sql("SELECT pg_sleep(5)")
            conn.rollback()
            with pytest.raises(DBAPIError) as other:
                conn.exec_driver_sql("SELECT * FROM no_such_table")
    finally:
        engine.dispose()
    assert causes.cause_of(read_only.value) == causes.READ_ONLY
    assert causes.cause_of(timeout.value) == causes.TIMEOUT
    assert causes.cause_of(other.value) == causes.OTHER


@pytest.mark.parametrize("error, cause", [
    (psycopg.errors.DiskFull("could not extend file \"base/16384/16385\": No space left on device"), causes.DISK_FULL),
    (psycopg.errors.TooManyConnections("sorry, too many clients already"), causes.TOO_MANY_CONNECTIONS),
    (psycopg.errors.InsufficientPrivilege("permission denied for table movements"), causes.PERMISSION_DENIED),
    (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), causes.UNREACHABLE),
    (psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly"),
     causes.UNREACHABLE),
    (psycopg.OperationalError("connection failed: server does not support SSL, but SSL was required"), causes.TLS),
    (psycopg.OperationalError("连接失败：用户名或密码错误"), causes.OTHER),  # words the patterns do not know
])
def test_errors_no_test_server_can_be_made_to_raise_are_classed_too(error, cause):
    assert causes.cause_of(error) == cause


def test_every_cause_has_its_english_sentence():
    codes = {v for k, v in vars(causes).items() if k.isupper() and isinstance(v, str)}
    assert codes <= set(ENGLISH)
    assert {c for c in ENGLISH if c.startswith("hub_cause_")} == codes


# -- what the sync says: the cause as the reason, the driver's words as the detail, never the password


def test_a_hub_on_a_closed_port_is_said_as_unreachable_with_the_drivers_words_under_it():
    said = unreachable(f"postgresql://clerk@127.0.0.1:{free_port()}/shop")
    assert said.code == "hub_unreachable"
    assert said.params["reason"] == causes.UNREACHABLE
    sentence, detail = str(said).split("\n")
    assert sentence == "cannot reach the hub: " + ENGLISH[causes.UNREACHABLE]
    assert "Connection refused" in detail and detail == said.params["driver_detail"]


def test_a_wrong_password_is_said_without_the_password(logins):
    url = f"postgresql://causes_pw@127.0.0.1:{logins.port}/postgres"
    said = unreachable(url, WRONG)
    assert (said.code, said.params["reason"]) == ("hub_unreachable", causes.WRONG_PASSWORD)
    assert "password authentication failed" in said.params["driver_detail"]
    assert WRONG not in str(said) and WRONG not in repr(said.params)
    assert unreachable(url).params["reason"] == causes.PASSWORD_MISSING
    connect_hub(url, PASSWORD, migrate=False).dispose()  # and the right one lets it in


def test_a_missing_database_is_said_so(logins):
    said = unreachable(f"postgresql://postgres@127.0.0.1:{logins.port}/no_such_shop")
    assert said.params["reason"] == causes.DATABASE_MISSING
    assert 'database "no_such_shop" does not exist' in said.params["driver_detail"]


def test_a_read_only_hub_is_kept_in_the_sync_status_by_its_cause(db, pg_cluster, hub):
    name = hub.rsplit("/", 1)[1]
    with pg_cluster.admin() as conn:
        conn.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    with pytest.raises(sync.HubUnavailable) as raised:
        sync.sync(db, hub)
    assert raised.value.code == "hub_tables_not_prepared"
    status = sync.status(db)
    assert status.last_error_code == "hub_tables_not_prepared"
    assert status.last_error_params["reason"] == causes.READ_ONLY
    assert "read-only transaction" in status.last_error_params["driver_detail"]
    assert status.last_error.startswith("cannot prepare the hub's tables: the hub is read-only")


def test_a_url_that_cannot_be_read_is_said_by_its_code_and_kept_so_in_the_sync_status(db):
    with pytest.raises(sync.BadHubUrl) as raised:
        sync.sync(db, "mysql://clerk@hub/shop")
    assert raised.value.code == "hub_url_not_postgresql"
    assert raised.value.params == {"driver": "mysql", "example": "postgresql://user@host:5432/stockroom"}
    status = sync.status(db)
    assert (status.last_error_code, status.last_error_params) == (raised.value.code, raised.value.params)
    assert status.last_error == str(raised.value)


# -- the command line says the same sentences in English, and sync status --json gives their code and values


def test_the_command_line_says_offline_for_a_closed_port_and_not_synced_for_a_missing_database(
        logins, tmp_path, capsys):
    from tests.integration.sync.test_cli_sync import cli

    path = tmp_path / "desk.sqlite3"
    code, _, err = cli(capsys, path, "sync", "--quiet", "--hub", f"postgresql://clerk@127.0.0.1:{free_port()}/shop")
    assert code == 4
    first, detail = err.strip().split("\n")
    assert first == "error: offline: cannot reach the hub: " + ENGLISH[causes.UNREACHABLE]
    assert "Connection refused" in detail
    code, out, _ = cli(capsys, path, "sync", "status", "--json")
    status = json.loads(out)
    assert status["last_error_code"] == "hub_unreachable"
    assert status["last_error_params"]["reason"] == causes.UNREACHABLE

    code, _, err = cli(capsys, path, "sync", "--quiet", "--hub",
                       f"postgresql://postgres@127.0.0.1:{logins.port}/no_such_shop")
    assert code == 4
    assert err.startswith("error: not synced: cannot reach the hub: " + ENGLISH[causes.DATABASE_MISSING] + "\n")
