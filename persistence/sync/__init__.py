"""Offline-first sync of a device's SQLite file with a shared PostgreSQL hub.

The local file is always the working copy. ``sync`` pushes what this device made, then pulls
what the others made, then recomputes the derived stock values it must. The hub is a database
of the same schema (same Alembic migrations, created on first use) plus a change log.

Rules (what every device can rely on):

* **Devices.** Each database has a device id (``Database.device_id``); every row records the
  device that made it, every log entry the device that pushed it.
* **Movements and unfilled demand are immutable facts with global ids** (UUIDv7). Push is
  insert-or-ignore (``ON CONFLICT DO NOTHING``), in batches that each commit on the hub before
  the device advances its push cursor (the SQLite rowid of its last pushed row), so a cut push
  repeats at most one batch, which the hub ignores. Pull reads the hub's log after the device's
  cursor; each batch is applied and the cursor advanced in one local transaction.
* **Gap-safe sequence.** Every push takes one advisory lock on the hub
  (``pg_advisory_xact_lock``) and numbers its log entries after the largest committed number,
  inside the lock; pushes are therefore serialised and numbers become visible in commit order,
  so a device that has read number N has seen everything below N (a plain SEQUENCE would let a
  later number commit before an earlier one and a reader skip the earlier one for ever).
* **Records** (warehouses, products with their barcodes, suppliers, customers, users, supplier
  terms, profiles, term details, price breaks, preferred suppliers, documents with their lines,
  purchase orders with lines and revisions, the accounts' tables (below), and the conflicts list
  itself) are pushed whole when their content hash differs from the one last exchanged with the
  hub, with the version they were based on. A conflict belongs to the desk that saw it: a desk that joins the
  office (or starts over) takes none of those the other desks found before it joined, unless its own version lost
  (``gate.own_conflicts``); those found since travel as before. "Before it joined" goes by the hub's log (its last
  entry when the desk joined, ``local.JOINED_SEQ``), never by a clock: a desk whose clock is wrong neither takes
  older conflicts nor misses newer ones. The hub keeps each record's current version:

  - based on the hub's current version (nobody else changed it): accepted, version + 1;
  - changed on the hub meanwhile (a concurrent edit): **the higher version wins; on equal
    versions the version already on the hub wins** (it got there first); an edit always beats
    a deletion. The losing version is stored whole in the conflicts list (``sync_conflicts``),
    never dropped, and a manager can review it and apply it as a new edit
    (``resolve_conflict(..., apply_loser=True)``).

* **The same business key made on two devices offline.** A new product whose SKU, a warehouse,
  supplier or customer whose code, or a user whose name is already on the hub under another id
  is **merged into the record that reached the hub first**: the newcomer's id becomes an alias
  of the survivor (``sync_aliases``), its references are re-pointed (its movements only as the hub
  takes them: a desk keeps the ones it wrote as written and reads them through the alias, see
  ``persistence/stock/merged.py``), its barcodes move to the survivor where free, and its fields
  are kept in the conflicts list. A barcode already used by another product stays with that product
  (conflict recorded). Duplicate supplier terms for the same supplier × product: the hub's are
  kept, the newcomer's go to the conflicts list.
* **Document numbers** (``GR-2026-00001``, ``PO-2026-00001``) are per device until synced. A
  document or PO whose number is already on the hub is **renumbered to the next free number of
  its kind and year on the hub**; its movements keep the number they were written with, the
  renumbering is recorded beside them (``movement_refs``, which the readers of a movement's
  reference resolve through, ``persistence/stock/refs.py``) and they leave for the hub with the new
  number; the renumbering is listed as a conflict so the clerk can tell the partner. A device that
  pulls a number it used for a document not yet pushed renumbers its own document locally first,
  the same way. A file copied to a second PC keeps the device id and numbers its documents as the
  original does: a movement pulled from the other copy under a number renumbered here is pinned by its
  own id to the number it came with (``local.pin_pulled_refs``), so it neither reads as this desk's new
  number nor is reversed with its document.
* **A movement reversed on two devices offline.** A movement can be reversed once. The reversal
  that reached the hub first stays the reversal; the later one is still a fact (a clerk posted
  it) and is kept exactly as written, answered by two movements appended after it: its undo (a
  reversal of it) and an adjustment of its quantity at average cost, listed as a conflict for a
  manager to correct (``settle``). Their ids come from the later reversal's, so the hub and the
  desk that made it make the same rows and every desk ends with the same ledger.
* **The ledger is append-only here too**: no movement row is updated or deleted by a sync; a
  product or warehouse merged into the hub's keeps this desk's movements under its id and the merge
  is recorded beside them (``local.merge_kept``). ``tests/integration/sync/test_append_only.py`` and
  ``test_merge_append_only.py`` have the desks' files refuse any change; see docs/ARCHITECTURE.md.
* **Derived values** (movement values, balances, moving-average cost, on-order) are recomputed
  for the product × warehouse pairs that pulled movements touched, from their earliest new
  movement, in business-time order (occurred_at, then id) — see ``recompute`` — so every device
  holding the same movements has the same numbers. The recompute replays a few whole products a step
  (about ``recompute.STEP_MOVEMENTS`` movements), each step its own transaction, so a clerk's save waits for one
  step at most; a save between steps is replayed by the step of its pair. Nothing is refused during the recompute:
  stock that goes negative only after a merge (two clerks shipped the last unit) keeps both
  movements, the balance goes negative, and ``negative_stock`` lists it for a count or a
  correction. The open amounts of receivables and payables (``account_open``) are recomputed in
  the same transaction for every item a pulled batch, a push's answers or an undo of a double
  allocation wrote or allocated (``accounts.refresh_open``, ``refresh_pushed``), and follow a
  merged partner.
* **The hub is not trusted.** Every pulled record and movement is checked as if a clerk had typed
  it (``checks``); what fails is kept aside with its reason (``sync_quarantine``, see ``gate``)
  and applied once the hub holds a corrected version (or, for a rule that depends on this desk, once it holds:
  a supplier's currency changes only while nothing of the supplier is open here, ``suppliers``); the same checks
  hold back, before a push, what the hub could not hold. A pulled user record that would give anyone rights here waits
  for an admin of this desk (``approve``); a desk without users takes users only in its first pull
  from a hub it joined. A pulled alias merges only records both here (``gate.apply_aliases``).
  With the hub set up for a login per desk (``roles``), PostgreSQL itself keeps a desk's login to
  its own movements and log entries and away from users. A desk syncs with one hub, known by the id the hub got
  when it was made; another is refused until an admin starts over (``sync(start_over=True)``),
  and a hub restored from an older backup is noticed and filled again (``engine._check_hub``).
* **Receivables and payables** (docs/ACCOUNTS.md, "Sync"; ``accounts``). Payment methods, payment terms (on the
  customer and supplier profiles), supplier invoices with their lines, periods and the figures a close froze
  (``period_stock``, ``period_balances``: they travel, so every desk reports what the close froze, never a figure
  recomputed from a ledger that later facts changed) are records like the rest. Open items, allocations and period
  events are **facts**: records (checked, logged, numbered like the rest) that are never changed or deleted; a push
  reads only the ones not yet exchanged, the hub keeps the first version of one it holds (a different one is listed
  as a conflict), a pulled version that differs from one here that reached the hub is kept aside, and a pulled
  deletion of one is refused. A pulled item must name a partner here by its side (AR a customer, AP a supplier), a
  reversal the opposite amount of its original, an allocation a debit (+) and a credit (-) item of one side and
  partner. The conflicts:

  - **one payment allocated on two desks offline**: after each pulled batch, the allocations of every item the
    batch's allocations name that now add up to more than its amount (only a pulled allocation can take an item
    past its amount) are undone just enough, in the same transaction, the latest first (by created_at, then id),
    by undo rows whose id is uuid5 of the allocation undone (and of how many undos of it came before) and whose
    content comes only from the allocations; every desk that holds the same allocations writes the same rows, and
    the hub keeps one (its first, if two desks saw different allocations: the other desk takes the hub's and, in
    the same step, undoes what is still too much; the lost version is listed). Each undo is listed as a conflict
    whose id and content every desk makes alike, so the list holds it once. An allocation of an item to its own
    reversal is never the one undone (a reversal settles its original and nothing else);
  - **an invoice that bills a reversed receipt** (a receipt of a PO reversed on one desk, the supplier's invoice for
    it entered on another offline; one desk refuses to reverse a receipt an invoice bills, ``receipt_invoiced``):
    the receipt is allocated beyond its amount, its reversal and the invoice's match, and the match's allocation is
    undone as above; the conflict says it in those words (``invoice_bills_reversed``: the invoice, the receipt, the
    supplier), and the credit the match is left with waits for its invoice (``domain.accounts.items.
    held_for_invoice``): no later receipt or invoice of the supplier takes it on its own, the office reverses the
    invoice or allocates the credit by hand;
  - **an invoice that bills a reversed receipt without a PO** (``GR-``: it has no payable of its own, so nothing is
    allocated twice): the invoices a pulled batch brings and the receipts it brings reversed are paired through the
    invoice's lines and each pair is listed (``invoice_bills_reversed_receipt``, ``accounts.billed_reversed_receipts``)
    under an id both desks derive from the pair; nothing is changed (one desk refuses both orders:
    ``invoice_receipt_reversed``, ``free_receipt_invoiced``);
  - **money for a sale or receipt reversed on another desk**: undone as in the first (the reversal keeps its
    allocation) and said in those words (``paid_item_reversed``: the document, the money, the partner; the money is
    credit again), on either side;
  - **RC-/PM-/RF-/OB- numbers taken twice offline** (kind, year and seq of an item): renumbered on the hub to the
    next free number of its kind and year, as documents are, the renumbering kept (``sync_aliases``) and listed; a
    desk that pulls a number its unpushed item holds renumbers its own first. Only receipts, payments, refunds and
    openings own their numbers (``Spec.numbered``): an item of a document carries the document's number, with or
    without its seq, and is never renumbered itself;
  - **a fact dated in a month closed here** (an item, an allocation, a movement by its local business date) is
    kept (it happened) and listed as a conflict for a manager: the month's frozen figures leave it out;
  - **a month closed on one desk and reopened on another**: ``periods`` is a record, so the higher version wins and
    on equal versions the one first on the hub; the losing state is kept in the conflicts list and every close and
    reopen stays in ``period_events`` on every desk.

  A customer or supplier merged into the hub's takes its items and frozen balances along (``partner_id`` is a
  reference by side, re-pointed on the hub and here).
* **Interruptions.** Every step is one transaction on one side, and every step is safe to
  repeat: a record pushed again is recognised by its content hash (or its alias), a conflict is
  recorded once (its id is derived from what lost to what), movements are insert-or-ignore, the
  pull cursor moves with the rows it covers, and the pairs awaiting recompute are kept in the
  database (``sync_dirty``; each step of the recompute takes its own out as it commits). Killing the
  process or the connection at any point leaves both sides consistent; the next sync finishes the job.
  A large pull into a desk without movements sets their secondary indexes aside and builds them once at
  its end (``persistence.schema.defer_indexes``): a pull cut short builds them at once, and a file opened
  after a process died mid-pull gets them back on opening.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import fmt
from domain.kernel.numbers import written_number
from domain.kernel.refusals import ENGLISH
from domain.kernel.refusals import refusal
from persistence import tables as t
from persistence.errors import explain as explain_storage
from persistence.sync import local as loc
from persistence.sync import records as r
from persistence.sync import rules
from persistence.sync.common import BadHubUrl
from persistence.sync.common import HubChanged
from persistence.sync.common import HubLoginRefused
from persistence.sync.common import HubUnavailable
from persistence.sync.common import Said
from persistence.sync.common import SyncCancelled
from persistence.sync.common import SyncReport
from persistence.sync.common import error_reason
from persistence.sync.common import local_connection
from persistence.sync.conflict_items import ItemName
from persistence.sync.conflict_items import item_ids
from persistence.sync.conflict_items import item_names
from persistence.sync.reasons import code_of

__all__ = [
    "BadHubUrl", "ConflictRow", "HubChanged", "HubLoginRefused", "HubUnavailable", "NegativeRow", "QuarantineRow",
    "SyncCancelled", "SyncReport", "SyncStatus",
    "approve", "conflicts", "forget_stored_password", "hub_add_login", "hub_setup", "hub_url_setting",
    "keyring_usable", "backend_usable", "negative_stock", "redact", "remember_password", "remembered_password",
    "resolve_conflict", "split_password", "status", "sync", "test_connection", "use_hub_url",
]

KEYRING_SERVICE = "Stockroom shared database"


@dataclass
class SyncStatus:
    hub_url: str
    last_success_at: datetime | None
    last_report: SyncReport | None
    last_error: str
    last_attempt_at: datetime | None
    pending_push: int
    open_conflicts: int
    quarantined: list[QuarantineRow] = field(default_factory=list)
    hub_id: str = ""
    hub_login: str = ""  # open | desk | admin: how the last sync signed in to the hub (see roles)
    device_id: str = ""  # this desk's device id, as a hub's owner names it in sync hub-add-desk --device
    last_error_code: str = ""  # the last error's refusal code ('' when it had none), so a screen says it
    last_error_params: dict = field(default_factory=dict)  # and the values it names


@dataclass
class QuarantineRow:
    """A pulled record or movement refused by the checks: kept aside, never applied."""

    table: str
    row_id: str
    seq: int
    reason: str
    device_id: str
    at: datetime
    code: str = ""  # the reason as data (persistence.sync.reasons); '' for a row kept before codes
    params: dict = field(default_factory=dict)
    data: str = ""  # the refused record as logged (JSON), e.g. the user an approval lets in
    # the key as a person knows it: a product's SKU when the product is here, else its SKU and name as pulled
    # (records.named_as_pulled); a document's number and partner as pulled (records.named_documents); '' for a
    # record without one
    known_as: str = ""

    @property
    def outgoing(self) -> bool:
        """This desk's own record, held back from the push (the others were refused from the hub)."""
        return self.table.startswith("outgoing:")

    @property
    def shown_key(self) -> str:
        """The key to show a person: ``known_as``, else the key as stored (an id)."""
        return self.known_as or self.row_id


@dataclass
class ConflictRow:
    id: str
    table: str
    business_key: str
    kept: str
    lost: dict
    rule: str
    detected_at: datetime
    resolved_at: datetime | None
    resolved_by: str
    note: str
    kept_data: dict = field(default_factory=dict)
    row_id: str = ""
    lost_device: str = ""
    rule_code: str = ""  # the rule as data (persistence.sync.rules); '' for a conflict kept before codes
    rule_params: dict = field(default_factory=dict)
    lost_text: str = ""  # the losing version in one line, as ``kept`` says the kept one
    # whether applying the losing version can work for this kind of conflict (``loser_refusal``): a screen offers
    # Apply losing version only then
    loser_applies: bool = True
    # the items an allocation conflict's versions name, by id, as a person knows them (``conflict_items``)
    items: dict[str, ItemName] = field(default_factory=dict)


@dataclass
class NegativeRow:
    sku: str
    name: str
    warehouse: str
    on_hand: Decimal


def redact(url: str) -> str:
    """The URL without its password (in any of its forms, see ``address``), as shown and remembered."""
    from persistence.sync.address import redact as without_password

    return without_password(url)


def split_password(url: str) -> tuple[str, str | None]:
    """(the hub URL without a password, the password it carried); BadHubUrl when it cannot be read."""
    from persistence.sync.address import split_password as split

    return split(url)


def remembered_password(hub_url: str) -> str | None:
    """The password kept in the OS keyring for this hub, if a keyring exists and has one."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, redact(hub_url))
    except Exception:
        return None


def remember_password(hub_url: str, password: str) -> bool:
    """Keep the password in the OS keyring (never in the database); False when there is no keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, redact(hub_url), password)
        return True
    except Exception:
        return False


def keyring_usable() -> bool:
    """Whether an OS keyring is here to keep a password (keyring's fail and null backends are none)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return False
    return backend_usable(backend)


def backend_usable(backend) -> bool:
    """False for keyring's fail and null backends (and a chainer with nothing behind it)."""
    if backend is None:
        return False
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    return getattr(backend, "priority", 1) > 0


def test_connection(hub_url: str, password: str | None = None) -> str:
    """Connect to the hub and return its server version; raise HubUnavailable with the reason."""
    from persistence.sync.causes import driver_error
    from persistence.sync.engine import connect_hub

    hub_url, given = split_password(hub_url)
    password = password or given
    engine = connect_hub(hub_url, password, migrate=False)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version()").scalar_one()
    except DBAPIError as exc:
        raise driver_error(HubUnavailable, "hub_lost", exc, password) from exc
    finally:
        engine.dispose()


def sync(db, hub_url: str, *, password: str | None = None, progress: Callable[[str, int, int], None] | None = None,
         cancel: Callable[[], bool] | None = None, start_over: bool = False, user: str | None = None,
         role: str | None = None) -> SyncReport:
    """Push, pull and recompute; record the outcome in the database's settings (see the module rules).

    A password in ``hub_url`` (``user:pass@``, ``?password=``, ``password=`` in key=value form) is
    used for this connection unless ``password`` is given, and is neither stored nor put into a
    message: the settings keep the URL without it (``address``).

    Who syncs is ``user`` with ``role`` (the window's signed-in user), else ``db``'s acting user
    (``Database.act_as``, the CLI's --user): once sign-in is on, a role that may sync.
    ``start_over`` (an admin's): forget the positions exchanged with any hub, push everything here and
    pull everything the hub holds; needed to sync with a hub other than the one this file knows.

    Raises:
        Forbidden: the acting user may not sync, or may not start over.
        HubChanged: the hub is not the one this file syncs with (and no start over was asked).
        HubUnavailable: the hub cannot be reached or refused us.
    """
    from domain.access import roles as access
    from persistence.sync import causes
    from persistence.sync.address import scrub
    from persistence.sync.engine import connect_hub
    from persistence.sync.engine import run

    started = clock.now()
    _record(db, {loc.LAST_ATTEMPT: started.isoformat()})
    forget_stored_password(db)
    engine = None

    def failed(reason: str, exc: BaseException | None = None) -> None:  # never with the password
        try:
            _record(db, {loc.LAST_ERROR: scrub(reason, password), loc.LAST_ERROR_CODE: refusal_json(exc)})
        except Exception as unrecorded:  # the file cannot be written now (locked, full, read-only): the error
            if explain_storage(unrecorded) is None:  # itself goes on to whoever asked, unrecorded
                raise

    try:
        hub_url, given = split_password(hub_url)  # BadHubUrl when it cannot be read (no password in the message)
        password = password or given
        acting = db.uow(user, role) if user is not None else db.uow()
        access.authorize(acting, access.Permission.SYNC_HUB if start_over else access.Permission.SYNC)
        engine = connect_hub(hub_url, password)
        report = run(db, engine, started, progress or (lambda *a: None), cancel or (lambda: False), hub_url,
                     start_over)
    except (HubUnavailable, SyncCancelled, DomainError) as exc:
        failed(str(exc) or "cancelled", exc)
        raise
    except DBAPIError as exc:
        if not _from_hub(exc):  # this file's own driver (SQLite): a storage failure as what to do, else a defect
            problem = explain_storage(exc)
            if problem is None:
                failed(str(defect := _defect(exc, password)), defect)
                raise
            failed(str(problem), problem)
            raise problem from exc
        lost = getattr(exc, "connection_invalidated", False) or _is_connection_error(exc)
        error = _driver_failed(exc, password, lost)
        failed(str(error), error)
        if error.code == "hub_refused_during_sync" and error.params.get("reason") == causes.OTHER:
            raise  # an error of the hub's own (or a defect): as it is, its code and detail kept in the sync status
        raise error from exc
    except Exception as exc:  # a driver error outside SQLAlchemy, or a defect: sync status keeps the reason
        if _is_connection_error(exc):
            error = _driver_failed(exc, password, True)
            failed(str(error), error)
            raise error from exc
        problem = explain_storage(exc)  # sqlite3's own error, a full disk
        if problem is not None:
            failed(str(problem), problem)
            raise problem from exc
        failed(str(defect := _defect(exc, password)), defect)
        raise
    finally:
        if engine is not None:
            engine.dispose()
    report.finished_at = clock.now()
    done = {loc.LAST_SUCCESS: report.finished_at.isoformat(), loc.LAST_ERROR: "", loc.LAST_ERROR_CODE: "",
            loc.HUB_URL: redact(hub_url),
            loc.LAST_REPORT: json.dumps(report.to_json())}
    with db.engine.connect() as conn:
        if loc.get_setting(conn, loc.HUB_LOGIN) == "admin" and loc.get_setting(conn, loc.HUB_URL):
            del done[loc.HUB_URL]  # a person's admin login serves this sync; the desk keeps its own login
    _record(db, done)
    return report


def _defect(exc: BaseException, password: str | None) -> Said:
    """An error no check foresaw (a defect), as the sync status keeps it: the sentence ``sync_defect`` with the
    error's class and first line (without the password) as the detail under it."""
    from persistence.sync.address import scrub

    detail = scrub(f"{type(exc).__name__}: {error_reason(exc)}", password)
    return Said(f"{ENGLISH['sync_defect']}\n{detail}", code="sync_defect", params={"driver_detail": detail})


def _driver_failed(exc: BaseException, password: str | None, lost: bool) -> HubUnavailable:
    """A driver's error in the middle of a sync, said by its cause: the connection lost (offline: sync again to
    finish) or the hub refusing a step (a full disk, a read-only server, a permission; the hub's own error)."""
    from persistence.sync import causes

    cause = causes.cause_of(exc)
    if lost and (cause in causes.OFFLINE or cause == causes.OTHER):
        return causes.driver_error(HubUnavailable, "hub_lost_during_sync", exc, password)
    return causes.driver_error(HubUnavailable, "hub_refused_during_sync", exc, password)


def _from_hub(exc: BaseException) -> bool:
    """Whether the error is PostgreSQL's (the hub's driver), not the local file's."""
    from persistence.sync.causes import is_hub_error

    return is_hub_error(exc)


def _is_connection_error(exc: BaseException) -> bool:
    import psycopg

    return isinstance(getattr(exc, "orig", None) or exc, psycopg.OperationalError)


def _record(db, values: dict[str, str]) -> None:
    with local_connection(db) as conn:
        for key, value in values.items():
            loc.set_setting(conn, key, value)
        conn.commit()


def refusal_json(exc: BaseException | None) -> str:
    """A refusal's code and values as the sync status keeps them (JSON), '' for an error without a code.

    A field problem (``BadInput``) keeps its English only: its code is an import problem's, said differently.
    """
    if not isinstance(exc, DomainError | Said) or isinstance(exc, BadInput) or not exc.code:
        return ""
    return json.dumps({"code": exc.code, "params": exc.params}, ensure_ascii=False, sort_keys=True, default=str)


def _refusal(text: str) -> tuple[str, dict]:
    """(code, params) of a stored ``refusal_json``; ('', {}) for none or for anything unreadable."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return "", {}
    if not isinstance(data, dict) or not isinstance(data.get("code"), str) or not isinstance(data.get("params"), dict):
        return "", {}
    return data["code"], data["params"]


def _when(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def status(db) -> SyncStatus:
    """The hub, the last sync's outcome, what waits to be pushed and the conflicts to review."""
    with db.engine.connect() as conn:
        settings = dict(conn.execute(select(t.settings.c.key, t.settings.c.value)
                                     .where(t.settings.c.key.like("sync.%"))).all())
        pending = len(loc.pending_records(conn)) + sum(
            loc.count_pending_immutable(conn, table, db.device_id) for table in loc.IMMUTABLE)
        open_conflicts = conn.execute(select(func.count()).select_from(t.sync_conflicts)
                                      .where(t.sync_conflicts.c.resolved_at.is_(None))).scalar_one()
        q = t.sync_quarantine.c
        held = [QuarantineRow(*row[:6], code=row.code, params=_params(row.params), data=row.data)
                for row in conn.execute(select(q.tbl, q.row_id, q.seq, q.reason, q.device_id, q.at, q.code,
                                               q.params, q.data).order_by(q.seq))]
        known = r.named_by_sku(conn, [(x.table, x.row_id) for x in held])
        known |= r.named_documents(conn, [(x.table, x.row_id, x.data) for x in held])
        for x in held:
            x.known_as = known.get((x.table, x.row_id), "") or r.named_as_pulled(x.table, x.data)
    report = settings.get(loc.LAST_REPORT)
    code, params = _refusal(settings.get(loc.LAST_ERROR_CODE, ""))
    return SyncStatus(
        hub_url=redact(settings.get(loc.HUB_URL, "")), last_success_at=_when(settings.get(loc.LAST_SUCCESS, "")),
        last_report=SyncReport.from_json(json.loads(report)) if report else None,
        last_error=settings.get(loc.LAST_ERROR, ""), last_attempt_at=_when(settings.get(loc.LAST_ATTEMPT, "")),
        pending_push=pending, open_conflicts=open_conflicts, quarantined=held, hub_id=settings.get(loc.HUB_ID, ""),
        hub_login=settings.get(loc.HUB_LOGIN, ""), device_id=db.device_id, last_error_code=code,
        last_error_params=params)


def _params(text: str) -> dict:
    """A quarantine row's reason values (JSON; {} for a row kept before codes or anything unreadable)."""
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


_NAMING = ("sku", "code", "number", "name", "username", "state", "price", "unit_price", "value")


def _summary(spec: r.Spec | None, data: dict, other: dict | None = None) -> str:
    """A version in one line: the fields that name it, then those whose value differs from ``other`` (the other
    version of the conflict: a price, a credit limit), then its version. Ids, instants and child rows are left to
    the screen, which says them in the reader's words."""
    if not data:
        return "(deleted)"
    if spec is None:
        return ""
    shown = [k for k in _NAMING if k in data and data[k] not in (None, "")]
    if other:
        shown += [k for k, v in data.items() if k not in shown and k not in ("id", "version", "device_id", "item")
                  and not k.startswith("_") and not k.endswith(("_at", "_id")) and not isinstance(v, dict | list)
                  and other.get(k) != v]
    return ", ".join(f"{k}={_plain(k, data[k])}" for k in shown) + (
        f" (version {data['version']})" if "version" in data else "")


_AMOUNT = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?(E[+-][0-9]{1,4})?")  # also as an exact Decimal keeps it: 6E+4


def _plain(key: str, value) -> str:
    """A stored value as written; a number without the trailing zeros of its scale or an exponent (1272.3800 as
    1272.38, 6E+4 as 60000)."""
    if key not in _NAMING[:5] and isinstance(value, str) and _AMOUNT.fullmatch(value):
        return fmt(written_number(value))
    return "" if value is None else str(value)


NAMED_ITEMS = ("allocations", "supplier_invoices")  # conflicts whose versions name account items (conflict_items)


def conflicts(db, *, include_resolved: bool = False) -> list[ConflictRow]:
    """The losing versions kept for review, newest first."""
    c = t.sync_conflicts.c
    query = select(t.sync_conflicts).order_by(c.detected_at.desc(), c.id)
    if not include_resolved:
        query = query.where(c.resolved_at.is_(None))
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
        versions = {row.id: (json.loads(row.kept) if row.kept else {}, json.loads(row.lost) if row.lost else {})
                    for row in rows}
        # a price or a customer's terms by the SKU or code, not by the id its key holds
        named = r.named_labels(conn, [(row.id, r.BY_NAME.get(row.tbl), versions[row.id][1] or versions[row.id][0])
                                      for row in rows])
        items = item_names(conn, item_ids(v for row in rows if row.tbl in NAMED_ITEMS for v in versions[row.id]))
    result = []
    for row in rows:
        kept, lost = versions[row.id]
        spec = r.BY_NAME.get(row.tbl)
        result.append(ConflictRow(row.id, row.tbl, named.get(row.id, row.business_key), _summary(spec, kept, lost),
                                  lost, row.rule, row.detected_at, row.resolved_at, row.resolved_by, row.note, kept,
                                  row.row_id, row.lost_device, row.rule_code or "", rules.params_of(row.rule_params),
                                  _summary(spec, lost, kept), not loser_refusal(row.tbl, row.rule, lost),
                                  {i: items[i] for i in item_ids((kept, lost)) if i in items}
                                  if row.tbl in NAMED_ITEMS else {}))
    return result


def loser_refusal(table: str, rule: str, lost: dict | None) -> str:
    """The refusal code applying a conflict's losing version meets for this kind of conflict, whatever else it holds;
    '' when it may be applied (it is still checked like a pulled record then).

    ``conflict_loser_deleted``: the losing version is a deletion, or of no record that can be written again (a
    conflict itself, a movement); ``conflict_renumbered``: a number taken twice, the document keeps its new number;
    ``conflict_fact``: an item, an allocation or an event is a fact, corrected by a reversal, never written over."""
    spec = r.BY_NAME.get(table)
    if spec is None or not lost or spec.name == "sync_conflicts":
        return "conflict_loser_deleted"
    if spec.on_clash == "renumber" and rule.startswith("number"):
        return "conflict_renumbered"
    if spec.immutable:
        return "conflict_fact"
    return ""


def resolve_conflict(db, conflict_id: str, *, user: str, note: str = "", apply_loser: bool = False,
                     role: str | None = None) -> None:
    """Mark a conflict reviewed; with ``apply_loser`` the losing values become a new edit that syncs.

    ``user`` and ``role`` are who acts (``role`` None: nobody signed in). Once sign-in is on, only a
    manager or admin may do this (``domain.access.roles``), whoever calls.

    Raises:
        Forbidden: the acting user's stored role does not allow resolving conflicts.
    """
    from domain.access import roles as access

    access.authorize(db.uow(user, role), access.Permission.SYNC_CONFLICTS)
    if apply_loser and _conflict_table(db, conflict_id) == "users":  # who may sign in, with which rights
        access.authorize(db.uow(user, role), access.Permission.USERS)
    cspec = r.BY_NAME["sync_conflicts"]
    with local_connection(db) as conn:
        record = r.read_records(conn, cspec, [conflict_id]).get(conflict_id)
        if record is None:
            raise refusal(NotFound, "unknown_conflict", conflict=conflict_id)
        if record["resolved_at"] is not None:
            raise refusal(RuleViolation, "conflict_reviewed", conflict=conflict_id, user=record["resolved_by"])
        if apply_loser:
            _apply_loser(conn, record)
        c = t.sync_conflicts.c
        conn.execute(t.sync_conflicts.update().where(c.id == conflict_id).values(
            resolved_at=clock.now(), resolved_by=user[:64], note=note[:500], version=record["version"] + 1))
        conn.commit()


def _conflict_table(db, conflict_id: str) -> str:
    with db.engine.connect() as conn:
        return conn.execute(select(t.sync_conflicts.c.tbl).where(t.sync_conflicts.c.id == conflict_id)).scalar() or ""


def _apply_loser(conn, conflict: dict) -> None:
    spec = r.BY_NAME.get(conflict["tbl"])
    lost = json.loads(conflict["lost"]) if conflict["lost"] else None
    refused = loser_refusal(conflict["tbl"], conflict["rule"], lost)
    if refused:  # (a fact: what lost is corrected by a reversal, never written over the one kept)
        raise refusal(RuleViolation, refused)
    assert spec is not None and lost is not None
    key = conflict["row_id"]
    alias = conn.execute(select(t.sync_aliases.c.new_key).where(t.sync_aliases.c.tbl == spec.name,
                                                               t.sync_aliases.c.old_key == key)).scalar()
    if alias:
        key = alias
        lost = dict(lost, id=alias)
        for child, fk in spec.children:
            lost["_children"][child.name] = [dict(row, **{fk[0]: alias}) for row in lost["_children"][child.name]]
    current = r.read_records(conn, spec, [key]).get(key)
    if "version" in spec.table.c:
        lost["version"] = (current or {}).get("version", 0) + 1
    from persistence.sync.checks import check_record
    from persistence.sync.gate import missing_reference

    # the losing version came through the hub: check it like a pulled record
    refused = check_record(spec, key, lost) or missing_reference(conn, spec, lost, {})
    if refused:
        code, values = code_of(refused)  # the reason as data too, for a screen to say it in its reader's language
        raise refusal(RuleViolation, "conflict_loser_refused", reason=refused, reason_code=code, reason_values=values)
    if spec.name == "products":
        taken = {row[0] for row in conn.execute(select(t.barcodes.c.barcode).where(t.barcodes.c.product_id != key))}
        lost["_children"]["barcodes"] = [b for b in lost["_children"]["barcodes"] if b["barcode"] not in taken]
    r.write_record(conn, spec, lost, current is not None)


def approve(db, key: str, *, table: str = "users", user: str | None = None, role: str | None = None) -> None:
    """An admin of this desk approves a pulled user record held back by ``gate.user_authority``.

    ``user`` and ``role`` are who acts (the window's signed-in user); without ``user``, whoever
    ``Database.act_as`` named (the command line's ``--user``).

    Raises:
        Forbidden: the acting user (``Database.act_as``) is not an admin.
        NotFound: nothing is held under ``key``.
        RuleViolation: what is held there is not a well-formed user record.
    """
    from domain.access import roles as access
    from persistence.sync import gate

    access.authorize(db.uow(user, role), access.Permission.USERS)
    with local_connection(db) as conn:
        gate.approve(conn, _me(conn), table, key)
        conn.commit()


def hub_setup(db, hub_url: str, *, password: str | None = None) -> str:
    """Prepare a hub for a login per desk (``roles``): its tables brought to this version, the group
    roles, GRANTs and row-level security. Run with the hub owner's credentials; safe to run again
    (after an update of Stockroom, it also grants on the tables the update made). Returns the hub id.

    Raises:
        Forbidden: once sign-in is on here, the acting user is not an admin.
        HubUnavailable: the hub cannot be reached.
        RuleViolation: the login may not make roles or change the tables.
    """
    from domain.access import roles as access
    from persistence.sync import causes
    from persistence.sync import roles
    from persistence.sync.engine import connect_hub
    from persistence.sync.engine import hub_identity

    access.authorize(db.uow(), access.Permission.SYNC_HUB)
    hub_url, given = split_password(hub_url)
    password = password or given
    engine = connect_hub(hub_url, password)
    try:
        hub_id = hub_identity(engine)
        roles.setup_hub(engine)
        return hub_id
    except DBAPIError as exc:
        if _is_connection_error(exc) and causes.cause_of(exc) in causes.OFFLINE:
            raise causes.driver_error(HubUnavailable, "hub_lost", exc, password) from exc
        raise causes.driver_error(RuleViolation, "hub_setup_refused", exc, password) from exc
    finally:
        engine.dispose()


def hub_add_login(db, hub_url: str, name: str, *, password: str | None = None, admin: bool = False,
                  device_id: str | None = None) -> tuple[str, str]:
    """Make the hub login ``name`` (a new password when it exists) and return (its URL, its password).

    A desk's login (``admin`` False) may write only what the desk ``device_id`` makes (this desk's
    own by default); an admin's login may also write users. Run with the hub owner's credentials
    after ``hub_setup``. The password is returned, never stored here: the caller keeps it in the
    keyring (``remember_password``) or shows it once when asked.

    Raises:
        Forbidden: once sign-in is on here, the acting user is not an admin.
        RuleViolation: the name or device is not accepted, the hub is not set up, or the login may not make
            roles (the message says which).
        HubUnavailable: the hub cannot be reached.
    """
    from sqlalchemy.engine import make_url

    from domain.access import roles as access
    from persistence.sync import causes
    from persistence.sync import roles
    from persistence.sync.engine import connect_hub

    access.authorize(db.uow(), access.Permission.SYNC_HUB)
    hub_url, given = split_password(hub_url)
    password = password or given
    device = db.device_id if device_id is None else device_id.strip()
    if not admin:
        from persistence.sync.checks import is_id

        if not is_id(device):
            raise refusal(RuleViolation, "hub_device_not_an_id", device=device_id)
    engine = connect_hub(hub_url, password, migrate=False)
    try:
        secret = roles.add_login(engine, name, admin=admin, device_id="" if admin else device)
    except DBAPIError as exc:
        if _is_connection_error(exc) and causes.cause_of(exc) in causes.OFFLINE:
            raise causes.driver_error(HubUnavailable, "hub_lost", exc, password) from exc
        raise causes.driver_error(RuleViolation, "hub_login_not_made", exc, password, name=name) from exc
    finally:
        engine.dispose()
    parsed = make_url(hub_url)
    login_url = parsed.set(username=name, password=None,
                           query={k: v for k, v in parsed.query.items() if k.lower() != "user"})
    return login_url.render_as_string(hide_password=False), secret


def use_hub_url(db, hub_url: str) -> None:
    """Remember ``hub_url`` (without a password) as the hub a plain sync uses: this desk's own login after
    ``hub_add_login`` (same hub, so the sync positions stay valid; another hub still needs a start over)."""
    _record(db, {loc.HUB_URL: redact(hub_url)})


def _me(conn) -> str:
    return loc.get_setting(conn, loc.INSTANCE)


def negative_stock(db) -> list[NegativeRow]:
    """Product × warehouse balances below zero (after a merge), for the alert: count or correct them."""
    B, P, W = t.balances, t.products, t.warehouses
    with db.engine.connect() as conn:
        rows = conn.execute(select(P.c.sku, P.c.name, W.c.code, B.c.on_hand).select_from(
            B.join(P, P.c.id == B.c.product_id).join(W, W.c.id == B.c.warehouse_id))
            .where(B.c.on_hand < 0).order_by(P.c.sku, W.c.code)).all()
    return [NegativeRow(*row) for row in rows]


def forget_stored_password(db) -> str:
    """Take a password that an older version stored with the hub URL out of the settings; the URL as kept.

    The old value's bytes are overwritten in the file (``secure_delete``) and the WAL's copies of
    the page are checkpointed away, so the password is not left in free space either.
    """
    stored = hub_url_setting(db)
    clean = redact(stored)
    if not stored or clean == stored:
        return stored
    raw = db.engine.raw_connection()  # the driver in autocommit mode (persistence.db): statements by hand
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA secure_delete = ON")
        try:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("UPDATE settings SET value = ? WHERE key = ?", (clean, loc.HUB_URL))
            cursor.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):  # nothing to roll back when BEGIN itself failed
                cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.execute("PRAGMA secure_delete = OFF")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # best effort: a reader elsewhere may hold the log
    finally:
        raw.close()
    return clean


def hub_url_setting(db) -> str:
    """The hub URL remembered after the last successful sync ('' before)."""
    with db.engine.connect() as conn:
        return loc.get_setting(conn, loc.HUB_URL)
