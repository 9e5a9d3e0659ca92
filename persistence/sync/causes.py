"""Why the database driver failed, as a code: what a clerk can act on, with the driver's words as a detail.

psycopg (and SQLAlchemy around it) says what went wrong in the server's or libpq's own words, in English or
in the server's language. The sync's errors say it as a sentence of ``domain.kernel.refusals`` whose
``reason`` is one of the ``hub_cause_*`` codes below and whose ``driver_detail`` is the driver's first line
(without the password), which the command line prints and the window shows under the translated sentence.

The class comes from the SQLSTATE when the server sent one. A connection that fails while it is being made
carries none (libpq reports it as text), so those are read from libpq's and the server's English messages;
words the patterns do not know (a server set to another language, say) are ``hub_cause_other``, and the
detail still says what the server said.
"""

from __future__ import annotations

from domain.kernel.refusals import ENGLISH
from persistence.sync.address import scrub
from persistence.sync.common import error_reason

UNREACHABLE = "hub_cause_unreachable"
TIMEOUT = "hub_cause_timeout"
WRONG_PASSWORD = "hub_cause_wrong_password"
PASSWORD_MISSING = "hub_cause_password_missing"
LOGIN_REFUSED = "hub_cause_login_refused"
DATABASE_MISSING = "hub_cause_database_missing"
PERMISSION_DENIED = "hub_cause_permission_denied"
DISK_FULL = "hub_cause_disk_full"
READ_ONLY = "hub_cause_read_only"
TOO_MANY_CONNECTIONS = "hub_cause_too_many_connections"
TLS = "hub_cause_tls"
OTHER = "hub_cause_other"

# The causes that mean the hub is out of reach (or went away): offline, not refused.
OFFLINE = frozenset({UNREACHABLE, TIMEOUT})
# The causes a password typed again may cure.
PASSWORD = frozenset({WRONG_PASSWORD, PASSWORD_MISSING})

_BY_SQLSTATE = {
    "28P01": WRONG_PASSWORD,  # invalid_password
    "28000": LOGIN_REFUSED,  # invalid_authorization_specification
    "3D000": DATABASE_MISSING,  # invalid_catalog_name
    "42501": PERMISSION_DENIED,  # insufficient_privilege
    "53100": DISK_FULL,  # disk_full
    "25006": READ_ONLY,  # read_only_sql_transaction
    "53300": TOO_MANY_CONNECTIONS,  # too_many_connections
    "57014": TIMEOUT,  # query_canceled (a statement timeout)
    "57P01": UNREACHABLE,  # admin_shutdown
    "57P02": UNREACHABLE,  # crash_shutdown
    "57P03": UNREACHABLE,  # cannot_connect_now (starting up, shutting down)
}

# (the words a message holds, lower case; the cause): the first whose words are all in the message wins, so the
# specific ones come before the generic "connection failed" that every connection failing says.
_BY_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("password authentication failed",), WRONG_PASSWORD),
    (("no password supplied",), PASSWORD_MISSING),
    (("pg_hba.conf",), LOGIN_REFUSED),
    (("permission denied",), PERMISSION_DENIED),  # also for a database without the CONNECT privilege
    (("role \"", "does not exist"), LOGIN_REFUSED),  # a server that trusts the address, asked for an unknown login
    (("database \"", "does not exist"), DATABASE_MISSING),
    (("no space left on device",), DISK_FULL),
    (("could not extend file",), DISK_FULL),
    (("read-only transaction",), READ_ONLY),
    (("too many clients",), TOO_MANY_CONNECTIONS),
    (("remaining connection slots",), TOO_MANY_CONNECTIONS),
    (("timeout expired",), TIMEOUT),
    (("timed out",), TIMEOUT),
    (("ssl was required",), TLS),
    (("ssl negotiation",), TLS),
    (("certificate",), TLS),
    (("connection refused",), UNREACHABLE),
    (("failed to resolve host",), UNREACHABLE),
    (("could not translate host name",), UNREACHABLE),
    (("name or service not known",), UNREACHABLE),
    (("no route to host",), UNREACHABLE),
    (("network is unreachable",), UNREACHABLE),
    (("server closed the connection",), UNREACHABLE),
    (("terminating connection",), UNREACHABLE),
    (("the database system is",), UNREACHABLE),  # starting up, shutting down, in recovery mode
    (("connection is lost",), UNREACHABLE),
    (("connection is closed",), UNREACHABLE),
    (("consuming input failed",), UNREACHABLE),
    (("ssl syscall error",), UNREACHABLE),
    (("eof detected",), UNREACHABLE),
    (("connection failed",), UNREACHABLE),
)


def cause_of(exc: BaseException) -> str:
    """The ``hub_cause_*`` code of a driver's error (a SQLAlchemy ``DBAPIError`` or psycopg's own)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state]
    if state.startswith("08"):  # connection_exception
        return UNREACHABLE
    if state:
        return OTHER
    words = str(orig).lower()
    for said, cause in _BY_WORDS:
        if all(w in words for w in said):
            return cause
    return OTHER


def is_hub_error(exc: BaseException) -> bool:
    """Whether the error is PostgreSQL's (the hub's driver, psycopg), not the local file's (SQLite)."""
    import psycopg

    return isinstance(getattr(exc, "orig", None) or exc, psycopg.Error)


def detail_of(exc: BaseException, password: str | None = None) -> str:
    """The driver's first line, without ``password`` or anything that looks like one."""
    return scrub(error_reason(exc), password)


def driver_error(kind: type, code: str, exc: BaseException, password: str | None = None, /, **params: object):
    """The error ``kind`` for the sentence ``code`` whose ``reason`` is the cause of ``exc``.

    Its values are ``params``, ``reason`` (the cause's code) and ``driver_detail`` (the driver's words); its English
    is the sentence with the cause's English in the place of the reason, and the detail on the next line.
    """
    cause = cause_of(exc)
    detail = detail_of(exc, password)
    values = {**params, "reason": cause, "driver_detail": detail}
    english = ENGLISH[code].format(**{**params, "reason": ENGLISH[cause]})
    return kind(f"{english}\n{detail}" if detail else english, code=code, params=values)
