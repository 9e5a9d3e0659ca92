"""The hub's address without its password.

A PostgreSQL address can carry a password in three places: ``postgresql://user:PASS@host/db``,
the query parameter ``?password=PASS`` (any case) and, in libpq's key=value form
(``host=hub dbname=shop user=clerk password=PASS``), the ``password`` key (any case). The password
is taken out of each here, once: what is shown, stored in the settings (``sync.hub_url``), used
as the keyring's user name or put into a message is the address without it; the password itself
goes only to the connection and the OS keyring.

A key=value string is turned into the equivalent URL, so one form is stored. ``sslpassword`` (the
passphrase of a TLS client key) is refused rather than kept anywhere, and so is an address with
two different passwords. Messages about an address that cannot be read show it with anything
that looks like a password replaced by ``***``.
"""

from __future__ import annotations

import re
from urllib.parse import quote
from urllib.parse import urlencode

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from persistence.sync.common import BadHubUrl
from persistence.sync.common import said

EXAMPLE = "postgresql://user@host:5432/stockroom"
HIDDEN = "***"
_CONNINFO_START = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*=")
_CONNINFO_KEY = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*")
_PASSWORD_PAIR = re.compile(r"(?i)(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&;#]*)")
_USERINFO_PASSWORD = re.compile(r":[^@/?#\s]*@")  # user:PASS@, also in what is not quite a URL


def split_password(url: str) -> tuple[str, str | None]:
    """(the address without a password, the password it carried or None).

    Raises:
        BadHubUrl: not a database URL or key=value string, a ``sslpassword`` in it, or two
            different passwords; the message never holds a password.
    """
    text = url.strip()
    found: list[str] = []
    if _CONNINFO_START.match(text):
        text, password = _conninfo_to_url(text)
        if password is not None:
            found.append(password)
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise said(BadHubUrl, "hub_url_unreadable", url=shown(url), example=EXAMPLE) from None
    if parsed.host and "@" in parsed.host:  # user:p@ss@host: part of the password would pass for the host
        raise said(BadHubUrl, "hub_url_two_ats", escaped="%40", example=EXAMPLE)
    if parsed.password is not None:
        found.append(str(parsed.password))
    dropped = []
    for key, value in parsed.query.items():
        if key.lower() == "password":
            dropped.append(key)
            found.extend([value] if isinstance(value, str) else value)
        elif key.lower() == "sslpassword":
            raise said(BadHubUrl, "hub_url_sslpassword")
    parsed = parsed.difference_update_query(dropped)._replace(password=None)  # set() takes None as "unchanged"
    passwords = {p for p in found if p}
    if len(passwords) > 1:
        raise said(BadHubUrl, "hub_url_two_passwords", example=EXAMPLE)
    return parsed.render_as_string(hide_password=False), (passwords.pop() if passwords else None)


def redact(url: str) -> str:
    """The address as shown and remembered: without its password, also when it cannot be read."""
    try:
        return split_password(url)[0]
    except BadHubUrl:
        return shown(url)


def shown(text: str) -> str:
    """``text`` with whatever looks like a password in an address replaced by ``***``."""
    text = _USERINFO_PASSWORD.sub(f":{HIDDEN}@", text)
    return _PASSWORD_PAIR.sub(rf"\g<1>{HIDDEN}", text)


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` (a message from the server or the driver) with each of ``secrets`` replaced by ``***``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, HIDDEN)
    return shown(text)


def _conninfo_to_url(text: str) -> tuple[str, str | None]:
    """The URL equal to libpq's ``key=value ...`` string, and its password."""
    values: dict[str, str] = {}
    for key, value in _conninfo_pairs(text):
        values[key.lower()] = value  # libpq too takes the last of a repeated key
    password = values.pop("password", None)
    host = values.pop("host", "") or values.pop("hostaddr", "")
    port = values.pop("port", "")
    user = values.pop("user", "")
    database = values.pop("dbname", "")
    if ":" in host and "," not in host:
        host = f"[{host}]"
    netloc = (f"{quote(user, safe='')}@" if user else "") + host + (f":{port}" if port else "")
    query = f"?{urlencode(values)}" if values else ""
    return f"postgresql://{netloc}/{quote(database, safe='')}{query}", password


def _conninfo_pairs(text: str) -> list[tuple[str, str]]:
    """libpq's key=value pairs: values bare or in single quotes, with backslash escapes."""
    pairs = []
    at = 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        match = _CONNINFO_KEY.match(text, at)
        if match is None:
            raise said(BadHubUrl, "hub_url_not_pairs", url=shown(text), example=EXAMPLE)
        key, at = match.group(1), match.end()
        value: list[str] = []
        quoted = at < len(text) and text[at] == "'"
        at += quoted
        while at < len(text):
            char = text[at]
            if char == "\\" and at + 1 < len(text):
                value.append(text[at + 1])
                at += 2
                continue
            if (quoted and char == "'") or (not quoted and char.isspace()):
                at += 1
                break
            value.append(char)
            at += 1
        else:
            if quoted:
                raise said(BadHubUrl, "hub_url_quote_open", key=key)
        pairs.append((key, "".join(value)))
    return pairs
