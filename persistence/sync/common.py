"""What the sync's public face (``persistence.sync``) and its engine both use: the errors a sync raises,
its report, the local transaction every step runs in, and the one-line reason of a driver's error.

A module of its own so that the engine and the address module need nothing from the package's
``__init__`` (which imports them, late, to run a sync): no import circle, no underscore name across modules.
"""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal

from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import ENGLISH
from persistence.sync import local as loc


class Said(Exception):
    """An error of the sync that is no rule's refusal but says its reason as one: its English (``str()``), and
    for a screen a code of ``domain.kernel.refusals`` with its values ('' when it has none: a driver's words)."""

    def __init__(self, message: str = "", *, code: str = "", params: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, object] = dict(params or {})


def said(kind: type[Said], code: str, /, **params: object) -> Said:
    """``kind`` (an error of the sync) with the English of ``code`` and its values, as ``refusals.refusal``."""
    return kind(ENGLISH[code].format(**params), code=code, params=params)


class HubUnavailable(Said):
    """The hub cannot be reached or refused us; ``str()`` says why, in words a clerk can act on."""


class BadHubUrl(HubUnavailable):
    """The hub URL itself is wrong (not a PostgreSQL URL); the message names the field."""


class HubChanged(RuleViolation):
    """The hub is not the one this file's sync positions belong to; only an admin's start over may switch."""


class HubLoginRefused(RuleViolation):
    """The hub login is another desk's, or no desk's of this hub (see ``roles``)."""


class SyncCancelled(Said):
    """The user stopped the sync; what was done so far is kept and the next sync goes on from there."""


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    merged: int = 0
    negative: list[tuple[str, str, Decimal]] = field(default_factory=list)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    refused: int = 0  # pulled records and movements kept aside after this sync (see checks)
    unpushed: int = 0  # local records and movements held back because they would not pass the checks
    restored: bool = False  # the hub turned out to be an older copy of itself: everything was sent again
    accounts: int = 0  # conflicts the accounts rules listed here (persistence.sync.accounts), counted in conflicts
    held: set = field(default_factory=set, repr=False, compare=False)  # during the run: tables with held records
    held_keys: set = field(default_factory=set, repr=False, compare=False)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("held", None)
        data.pop("held_keys", None)
        data["negative"] = [[s, w, str(q)] for s, w, q in self.negative]
        data["started_at"] = self.started_at.isoformat() if self.started_at else None
        data["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> SyncReport:
        return cls(data["pushed"], data["pulled"], data["conflicts"], data["merged"],
                   [(s, w, Decimal(q)) for s, w, q in data["negative"]],
                   datetime.fromisoformat(data["started_at"]) if data.get("started_at") else None,
                   datetime.fromisoformat(data["finished_at"]) if data.get("finished_at") else None,
                   int(data.get("refused", 0)), int(data.get("unpushed", 0)), bool(data.get("restored", False)))


def error_reason(exc: BaseException) -> str:
    """The first line of what the driver (or the exception) said, or the exception's type when it said nothing."""
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def local_connection(db):
    """A connection to the device's file inside a new transaction, begun IMMEDIATE (the writer's lock taken at
    once), with no renumbering remembered from an earlier step; the caller commits."""
    conn = db.engine.connect()
    conn.info["immediate"] = True
    conn.info.pop(loc.RENUMBERED, None)
    conn.begin()
    return conn
