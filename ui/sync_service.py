"""The window's side of sync: the hub's address, its password, and a background scheduler.

Screens never import ``persistence``; for the hub, its password and syncing they come here (what sync left
to review is read on ``services.sync``, a conflict is reviewed with ``services.admin``). Everything here that
reaches the sync engine (``persistence.sync``) imports it inside a function and runs on the task runner, never
on the GUI thread.

- ``HubAddress``: host, port, database, user and TLS mode, checked field by field (``BadInput``
  names the field and what is accepted) and written as a standard PostgreSQL URL
  (``postgresql://user@host:5432/db?sslmode=require``) that never holds a password. The URL is
  kept in the database's settings (``sync.hub_url``, where the engine keeps it), so it goes with the file.
- ``PasswordStore``: the password lives in the OS keyring when a usable backend exists, under
  the same service and user name (the URL without password) as the CLI's ``sync`` reads, so
  either finds what the other stored; otherwise only in this process's memory, asked once per
  session. It is never written to QSettings or to the database.
- ``SyncService``: syncs on an interval (``sync.interval_minutes``, default 5, 0 = only on
  demand) and on demand, one sync at a time, with progress and cancel; after each attempt it
  publishes a ``SyncState`` for the status bar. Being offline is a state, not an error.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.numbers import whole_number
from ui.refusals import refusal_text
from ui.refusals import say

URL_SETTING = "sync.hub_url"  # the engine's own key (persistence.sync.local.HUB_URL)
INTERVAL_SETTING = "sync.interval_minutes"
DEFAULT_INTERVAL = 5
MAX_INTERVAL = 24 * 60
DEFAULT_PORT = 5432
TLS_MODES = ("disable", "prefer", "require", "verify-full")
_HOST_FORBIDDEN = set(" /@?#\\")


@dataclass(frozen=True)
class HubAddress:
    host: str
    port: int = DEFAULT_PORT
    database: str = "stockroom"
    user: str = ""
    tls: str = "prefer"

    @classmethod
    def parse_fields(cls, host: str, port: str, database: str, user: str, tls: str) -> HubAddress:
        """The address from the page's fields; ``BadInput`` names the first wrong one."""
        host, port, database, user = host.strip(), port.strip(), database.strip(), user.strip()
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        if not host or _HOST_FORBIDDEN & set(host):
            raise BadInput("host", "enter the server's name or IP address, such as hub.local or 192.168.1.10")
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            raise BadInput("port", f"enter a whole number from 1 to 65535 (PostgreSQL's default is {DEFAULT_PORT})")
        if not database or len(database) > 63:
            raise BadInput("database", "enter the database's name, 1 to 63 characters, such as stockroom")
        if not user or len(user) > 63:
            raise BadInput("user", "enter the PostgreSQL user name, 1 to 63 characters")
        if tls not in TLS_MODES:
            raise BadInput("TLS mode", "choose one of " + ", ".join(TLS_MODES))
        return cls(host, int(port), database, user, tls)

    @classmethod
    def from_url(cls, url: str) -> HubAddress:
        parts = urlsplit(url)
        if parts.scheme.split("+")[0] not in ("postgresql", "postgres") or not parts.hostname:
            raise BadInput("hub URL", "expected postgresql://user@host:port/database")
        tls = parse_qs(parts.query).get("sslmode", ["prefer"])[0]
        return cls(parts.hostname, parts.port or DEFAULT_PORT, unquote(parts.path.lstrip("/")),
                   unquote(parts.username or ""), tls if tls in TLS_MODES else "prefer")

    @property
    def url(self) -> str:
        """The standard PostgreSQL URL, without a password (also the keyring's user name)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"
                f"?sslmode={self.tls}")


def keyring_entry(url: str) -> tuple[str, str]:
    """(service, user name) of the hub's password in the OS keyring: the engine's, shared with the CLI."""
    from persistence.sync import KEYRING_SERVICE
    from persistence.sync import redact

    return KEYRING_SERVICE, redact(url)


def without_password(url: str) -> str:
    """The URL without a password in any form (``user:pass@``, ``?password=``, key=value ``password=``)."""
    if not url:
        return url
    from persistence.sync import redact

    return redact(url)


# -- the password ----------------------------------------------------------------------------
def _default_keyring():
    import keyring

    return keyring.get_keyring()


def keyring_usable(backend) -> bool:
    """False for keyring's fail and null backends: the rule is persistence.sync's (imported late, off start-up)."""
    from persistence.sync import backend_usable

    return backend_usable(backend)


class PasswordStore:
    """The hub password: OS keyring when usable, else this session's memory only."""

    def __init__(self, backend_factory: Callable[[], Any] = _default_keyring,
                 entry: Callable[[str], tuple[str, str]] = keyring_entry) -> None:
        self._factory = backend_factory
        self._entry = entry
        self._backend: Any = None
        self._resolved = False
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def backend(self):
        with self._lock:
            if not self._resolved:
                try:
                    self._backend = self._factory()
                except Exception:  # noqa: BLE001 - a broken keyring install means "no keyring"
                    self._backend = None
                self._resolved = True
            return self._backend

    @property
    def uses_keyring(self) -> bool:
        return keyring_usable(self.backend)

    def get(self, url: str) -> str | None:
        """May block on the OS keyring: call it off the GUI thread."""
        url = without_password(url)
        with self._lock:
            if url in self._memory:
                return self._memory[url]
        if self.uses_keyring:
            try:
                return self.backend.get_password(*self._entry(url))
            except Exception:  # noqa: BLE001 - a locked or broken keyring: ask instead
                return None
        return None

    def put(self, url: str, password: str) -> bool:
        """Remember the password; True when it went to the OS keyring (else memory only)."""
        url = without_password(url)
        with self._lock:
            self._memory[url] = password
        if self.uses_keyring:
            try:
                self.backend.set_password(*self._entry(url), password)
                return True
            except Exception:  # noqa: BLE001 - kept in memory for the session instead
                return False
        return False

    def forget(self, url: str) -> None:
        url = without_password(url)
        with self._lock:
            self._memory.pop(url, None)
        if self.uses_keyring:
            try:
                self.backend.delete_password(*self._entry(url))
            except Exception:  # noqa: BLE001 - nothing stored is fine
                pass


passwords = PasswordStore()  # one per process: "asked once per session"


def _cause(exc: BaseException) -> str:
    """The cause of a sync error said by its driver's error (a ``hub_cause_*`` code), '' for none."""
    return _cause_of(getattr(exc, "params", None))


def _cause_of(params) -> str:
    reason = params.get("reason") if isinstance(params, dict) else None
    return reason if isinstance(reason, str) and reason.startswith("hub_cause_") else ""


def sync_error_text(exc: BaseException) -> str:
    """A sync's failure in the reader's language, as its sync status keeps it (``persistence.sync.sync``): a refusal
    or an error of the sync by its code; this file's storage failing as what to do (``persistence.errors``); the
    hub's own error by its cause; anything else as a defect, its words a line under the sentence."""
    from domain.kernel.errors import DomainError
    from persistence.errors import explain as explain_storage
    from persistence.sync import HubUnavailable
    from persistence.sync import causes
    from persistence.sync.common import Said

    if isinstance(exc, DomainError | Said):
        return refusal_text(exc)
    problem = explain_storage(exc)
    if problem is not None:
        return refusal_text(problem)
    if causes.is_hub_error(exc):
        return refusal_text(causes.driver_error(HubUnavailable, "hub_refused_during_sync", exc))
    return say("sync_defect", {"driver_detail": f"{type(exc).__name__}: {causes.detail_of(exc)}"}) or str(exc)


def is_password_problem(exc: BaseException) -> bool:
    """The hub refused us for want of the right password (as opposed to being out of reach).

    An error of the sync with a code says it by its cause (``persistence.sync.causes``); one without (from an
    older version, or not the sync's) by its words.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(getattr(exc, "code", None), str) and exc.code:
            from persistence.sync.causes import PASSWORD

            return _cause(exc) in PASSWORD
        text = str(exc).lower()
        if "password" in text or "authentication failed" in text:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def is_offline(exc: BaseException) -> bool:
    """The hub is out of reach (not: its address is wrong, or it answered and refused: a missing database or a full
    disk, say)."""
    from persistence.sync import HubUnavailable

    return isinstance(exc, HubUnavailable) and offline_error(exc.code, exc.params)


def offline_error(code: str, params: dict) -> bool:
    """Whether an error of the sync with ``code`` and ``params`` (as the sync status keeps them) means being offline:
    a driver's failure whose cause is the hub out of reach (``persistence.sync.causes.OFFLINE``). Any other error with
    a code is a refusal (the hub refusing, a role that may not sync: ``forbidden``, a hub of a newer schema, a hub
    URL that cannot be read, this file, a defect): the sync failed, with its reason. An error without a code (kept
    by an older version) counts as offline, as it did."""
    from persistence.sync.causes import OFFLINE

    if not code:
        return True
    return _cause_of(params) in OFFLINE


def is_other_hub(exc: BaseException) -> bool:
    """The hub is not the one this file syncs with: only an admin's start over may switch."""
    from persistence.sync import HubChanged

    return isinstance(exc, HubChanged)


def may_change_hub(services) -> bool:
    """Whether the signed-in user may start over with another hub (an admin, or anyone while sign-in is off)."""
    from domain.access.roles import Permission
    from domain.access.roles import allows

    return signed_in_may(services, Permission.SYNC_HUB, allows)


def is_cancelled(exc: BaseException) -> bool:
    from persistence.sync import SyncCancelled

    return isinstance(exc, SyncCancelled)


# -- stored settings (run these on the task runner) ------------------------------------------
def load_settings(database) -> tuple[str, int]:
    from persistence.sync import forget_stored_password

    url = forget_stored_password(database) or ""  # one an older version kept with the URL: the URL only now
    raw = database._setting(INTERVAL_SETTING)
    try:
        interval = whole_number(raw) if raw is not None else DEFAULT_INTERVAL
    except ValueError:  # not written by ``save_settings``: "²" passed isdigit() and then stopped the window's start
        interval = DEFAULT_INTERVAL
    interval = interval if interval >= 0 else DEFAULT_INTERVAL
    return url, min(interval, MAX_INTERVAL)


def save_settings(database, url: str, interval: int) -> None:
    database.set_setting(URL_SETTING, without_password(url))
    database.set_setting(INTERVAL_SETTING, str(interval))


# -- the engine, called through here ---------------------------------------------------------
def test_connection(url: str, password: str | None) -> str:
    from persistence.sync import test_connection as probe

    return probe(url, password=password)


def may_resolve(services) -> bool:
    """Whether the signed-in user may resolve conflicts: the manager role once sign-in is on.

    Without users (sign-in off) everyone may, as every use case allows then (``domain.access.roles``).
    """
    try:
        from domain.access.roles import Permission
        from domain.access.roles import allows
    except ImportError:
        return True
    return signed_in_may(services, Permission.SYNC_CONFLICTS, allows)


def signed_in_may(services, permission, allows) -> bool:
    """Whether the signed-in user's stored role holds ``permission`` (everyone while sign-in is off); on the task
    runner, through the read-only unit of work (a sync's writes never hold it up)."""
    uow = services.reader()
    with uow:
        users = getattr(uow, "users", None)
        if users is None or not users.any_active():
            return True
        user = users.by_username(services.user) if services.user else None
        return user is not None and user.active and allows(user.role, permission)


KEPT_SHOWN = 5  # records kept aside whose reasons the status bar's tooltip says (the Conflicts screen lists all)


def read_state(database) -> SyncState:
    """The stored sync status, open conflicts and negative stock, as the status bar shows them."""
    from persistence.sync import negative_stock as read_negative
    from persistence.sync import status

    url, interval = load_settings(database)
    s = status(database)
    return SyncState(
        configured=bool(url), url=url, interval=interval, last_success_at=s.last_success_at,
        last_report=s.last_report, last_attempt_at=s.last_attempt_at, last_error=s.last_error or "",
        last_error_code=s.last_error_code, last_error_params=s.last_error_params,
        open_conflicts=int(s.open_conflicts or 0), pending_push=int(s.pending_push or 0),
        negative=tuple(read_negative(database)), refused=sum(1 for q in s.quarantined if not q.outgoing),
        held_back=sum(1 for q in s.quarantined if q.outgoing),
        kept=tuple((q.table, q.shown_key, q.code, q.params, q.reason) for q in s.quarantined[:KEPT_SHOWN]))


@dataclass(frozen=True)
class SyncState:
    """What the status bar and the settings page show; made on a worker, read on the GUI thread."""

    configured: bool = False
    url: str = ""
    interval: int = DEFAULT_INTERVAL
    running: bool = False
    stage: str = ""
    done: int = 0
    total: int = 0
    last_success_at: datetime | None = None
    last_report: Any = None
    last_attempt_at: datetime | None = None
    last_error: str = ""  # as stored (English), or as the reader reads it for a failure this window saw
    last_error_code: str = ""  # the stored refusal's code ('' when the error had none) and its values
    last_error_params: dict = field(default_factory=dict)
    offline_since: datetime | None = None
    password_needed: bool = False
    stopped: bool = False  # the last attempt was cancelled by the clerk
    open_conflicts: int = 0
    pending_push: int = 0
    negative: tuple = field(default_factory=tuple)  # persistence.sync.NegativeRow
    refused: int = 0  # pulled records the checks refused, kept aside (persistence.sync.checks)
    held_back: int = 0  # this computer's records the hub could not hold, not sent
    # the first records kept aside, (table, key, code, params, English reason), for the status bar to say why
    kept: tuple = field(default_factory=tuple)

    def error_text(self) -> str:
        """The last error in the reader's language: said from the stored refusal's code when it has one (also
        after a restart), else as it was stored (a server's or driver's own words)."""
        if self.last_error and self.last_error_code:
            text = say(self.last_error_code, self.last_error_params)
            if text is not None:
                return text
        return self.last_error


class SyncService(QObject):
    """One scheduler per open database: interval timer, sync on demand, never two at once."""

    state_changed = Signal(object)  # SyncState
    finished = Signal(object)  # SyncReport of a sync that completed
    failed = Signal(object)  # the exception of a sync that did not (offline included)
    password_needed = Signal(str)  # the URL whose password the hub refused or we do not have

    def __init__(self, services, parent: QObject | None = None, store: PasswordStore | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.passwords = store or passwords
        self.state = SyncState()
        self._cancel = threading.Event()
        self._running = False
        self._asked = False  # asked for the password this session (a scheduled sync asks no more)
        self._reads = 0  # state reads submitted; only the newest one is shown
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(scheduled=True))

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Read the stored settings and state in the background, then run the timer."""
        store = self.passwords
        self.services.tasks.submit(lambda: store.uses_keyring)  # finds the OS keyring once, off the GUI thread
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        self.cancel()

    @property
    def running(self) -> bool:
        return self._running

    def refresh(self) -> None:
        database = self.services.database
        self._reads += 1
        ticket = self._reads
        self.services.tasks.submit(lambda: read_state(database), lambda state: self._state_read(state, ticket),
                                   self._state_failed)

    def _state_read(self, state: SyncState, ticket: int) -> None:
        if ticket != self._reads:
            return  # read before a newer change (a save, a finished sync) was published
        offline = self.state.offline_since or _offline_since(state)
        if offline is not None and state.last_success_at is not None and state.last_success_at > offline:
            offline = None  # synced since (the CLI, say): back online
        self._publish(replace(state, running=self._running, stage=self.state.stage, done=self.state.done,
                              total=self.state.total, offline_since=offline,
                              password_needed=self.state.password_needed, stopped=self.state.stopped))
        self._schedule()

    def _state_failed(self, exc: BaseException) -> None:
        self._publish(replace(self.state, last_error=refusal_text(exc)))

    def _schedule(self) -> None:
        minutes = self.state.interval
        if self.state.configured and minutes > 0:
            if not self.timer.isActive() or self.timer.interval() != minutes * 60_000:
                self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def configure(self, url: str, interval: int, on_done: Callable[[], None] | None = None,
                  on_error: Callable[[BaseException], None] | None = None) -> None:
        """Store the hub URL (never a password) and the interval, then reschedule."""
        database, url = self.services.database, without_password(url)

        def saved(_=None) -> None:
            self._reads += 1
            self._publish(replace(self.state, configured=bool(url), url=url, interval=interval,
                                  password_needed=False if url != self.state.url else self.state.password_needed))
            self._schedule()
            if on_done:
                on_done()

        self.services.tasks.submit(lambda: save_settings(database, url, interval), saved, on_error)

    # -- syncing ---------------------------------------------------------------------------
    def sync_now(self, scheduled: bool = False, password: str | None = None, start_over: bool = False) -> bool:
        """Start a sync unless one is running or no hub is set; False when none was started.

        ``start_over`` (an admin's): sync with the hub from scratch, also when it is not the hub this
        file synced with before (``persistence.sync.sync``)."""
        if self._running or not self.state.configured:
            return False
        if scheduled and self.state.password_needed:
            return False  # waiting for the clerk to give the password; do not knock again and again
        self._running = True
        self._cancel.clear()
        self._publish(replace(self.state, running=True, stage="", done=0, total=0, stopped=False))
        database, url, store, cancel = self.services.database, self.state.url, self.passwords, self._cancel
        user, role = self.services.user, self.services.role

        def work(progress):
            from persistence.sync import sync

            secret = password if password is not None else store.get(url)
            last = [0.0]

            def report(stage: str, done: int, total: int) -> None:
                now = time.monotonic()
                if now - last[0] >= 0.1 or done >= total:  # at most ten a second reach the GUI thread
                    last[0] = now
                    progress((stage, done, total))

            result = sync(database, url, password=secret, progress=report, cancel=cancel.is_set, user=user, role=role,
                          **({"start_over": True} if start_over else {}))
            if password is not None:
                store.put(url, password)
            return result, read_state(database)

        # on the sync's own queue: a first pull runs for minutes, and on the pool it held one of the threads every
        # screen loads on (two on a two-core PC), so the loads queued behind one another meanwhile
        self.services.tasks.submit(work, lambda r: self._done(*r), lambda e: self._failed(e, scheduled),
                                   self._progress, queue="sync")
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, value) -> None:
        stage, done, total = value
        if self._running:
            self._publish(replace(self.state, stage=stage, done=done, total=total))

    def _done(self, report, state: SyncState) -> None:
        self._running = False
        self._reads += 1
        self._publish(replace(state, running=False, offline_since=None, password_needed=False))
        self._schedule()
        self.finished.emit(report)

    def _failed(self, exc: BaseException, scheduled: bool) -> None:
        self._running = False
        now = clock.now()
        password = is_password_problem(exc)
        cancelled = _engine_says(is_cancelled, exc)
        offline = not cancelled and not password and _engine_says(is_offline, exc)
        self._publish(replace(self.state, running=False, stage="", done=0, total=0, last_attempt_at=now,
                              last_error="" if cancelled else sync_error_text(exc),
                              offline_since=(self.state.offline_since or now) if offline else None,
                              password_needed=password, stopped=cancelled))
        self.failed.emit(exc)
        if password and (not scheduled or not self._asked):
            self._asked = True
            self.password_needed.emit(self.state.url)
        self.refresh()  # conflicts and negative stock of what did get through

    def _publish(self, state: SyncState) -> None:
        self.state = state
        self.state_changed.emit(state)

    # -- checking a connection -------------------------------------------------------------
    def test_connection(self, url: str, password: str | None, on_done: Callable[[str], None],
                        on_error: Callable[[BaseException], None]) -> None:
        """Ask the hub for its version in the background (the password field, else the stored one)."""
        store = self.passwords

        def probe() -> str:
            return test_connection(url, password if password else store.get(url))

        self.services.tasks.submit(probe, on_done, on_error)


def _offline_since(state: SyncState) -> datetime | None:
    """After a restart: offline since the first failed attempt we know of after the last success."""
    if state.last_error and state.last_attempt_at is not None and offline_error(state.last_error_code,
                                                                                state.last_error_params):
        if state.last_success_at is None or state.last_attempt_at > state.last_success_at:
            return state.last_attempt_at
    return None


def _engine_says(question: Callable[[BaseException], bool], exc: BaseException) -> bool:
    try:
        return question(exc)
    except ImportError:
        return False


def service_for(services) -> SyncService:
    """The one scheduler of this open database (made on first use, kept on the services object)."""
    service = services.sync_service
    if service is None:
        service = SyncService(services, services.tasks)
        services.sync_service = service
    return service
