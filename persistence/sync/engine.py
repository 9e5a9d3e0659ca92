"""One sync run: connect to the hub, push records and facts, pull the log, recompute."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import DBAPIError

from domain.kernel.bulk import without_cycle_collection
from domain.kernel.ids import new_id
from domain.kernel.refusals import refusal
from persistence import tables as t
from persistence.migrations import HEAD
from persistence.schema import defer_indexes
from persistence.schema import restore_indexes
from persistence.sync import accounts
from persistence.sync import checks
from persistence.sync import gate
from persistence.sync import hub
from persistence.sync import local as loc
from persistence.sync import records as r
from persistence.sync import roles
from persistence.sync import settle
from persistence.sync.address import EXAMPLE
from persistence.sync.address import redact
from persistence.sync.address import shown
from persistence.sync.address import split_password
from persistence.sync.causes import driver_error
from persistence.sync.common import BadHubUrl
from persistence.sync.common import HubChanged
from persistence.sync.common import HubLoginRefused
from persistence.sync.common import HubUnavailable
from persistence.sync.common import SyncCancelled
from persistence.sync.common import SyncReport
from persistence.sync.common import local_connection
from persistence.sync.common import said
from persistence.sync.recompute import recompute
from persistence.sync.recompute import recompute_on_order
from persistence.sync.recompute import recompute_reserved
from persistence.types import to_micros
from persistence.writers import writers_of

PUSH_BATCH = 20_000
PULL_BATCH = 20_000
DEFER_INDEXES_AT = 10_000  # log entries: a pull this large into a desk without movements builds their indexes after
SCHEMA_LOCK = 0x53434845  # "SCHE": two devices creating the hub schema at once take turns
APPLICATION = "stockroom-sync"


def hub_url(url: str, password: str | None) -> str:
    """A SQLAlchemy URL for psycopg from a standard ``postgresql://user@host:port/db`` URL.

    A password in ``url`` (in any form, see ``address``) is used unless ``password`` is given.
    """
    url, given = split_password(url)
    password = password or given
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise said(BadHubUrl, "hub_url_unreadable", url=shown(url), example=EXAMPLE) from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise said(BadHubUrl, "hub_url_not_postgresql", driver=parsed.drivername, example=EXAMPLE)
    parsed = parsed.set(drivername="postgresql+psycopg")
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


CONNECT_TIMEOUT_S = 10  # a hub that does not answer within this is offline


def connect_hub(url: str, password: str | None, *, migrate: bool = True) -> Engine:
    """An engine on the hub, its schema brought to this version's head (created on first use)."""
    url, given = split_password(url)
    password = password or given
    engine = create_engine(hub_url(url, password), pool_pre_ping=True,
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION})
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise driver_error(HubUnavailable, "hub_unreachable", exc, password) from exc
    if migrate:
        try:
            _ensure_schema(engine)
        except DBAPIError as exc:
            engine.dispose()
            if getattr(exc.orig, "sqlstate", "") == "42501":  # insufficient privilege: a desk's login
                raise said(HubUnavailable, "hub_tables_older") from exc
            raise driver_error(HubUnavailable, "hub_tables_not_prepared", exc, password) from exc
    return engine


def _ensure_schema(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    from persistence.db import MIGRATIONS
    from persistence.db import known_revisions

    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
        has = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() if has else None
        if revision == HEAD:
            return
        if revision is not None and revision not in known_revisions():
            raise said(HubUnavailable, "hub_schema_newer", revision=revision, head=HEAD)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        _name_hub(conn)


def _name_hub(conn) -> None:
    """Give the hub its identity once, when its tables are made (or first brought to this version)."""
    conn.execute(text("INSERT INTO sync_meta (key, value) VALUES ('hub_id', :id) ON CONFLICT (key) DO NOTHING"),
                 {"id": new_id()})


def hub_identity(engine: Engine) -> str:
    with engine.begin() as conn:
        found = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'hub_id'").scalar()
        if found is None:
            _name_hub(conn)
            found = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = 'hub_id'").scalar()
    return found


def _log_mark(hconn, seq: int) -> str:
    """What the hub's log holds at ``seq``: changes when the hub is replaced by an older copy of itself."""
    row = hconn.exec_driver_sql("SELECT tbl, row_id, version, at FROM sync_log WHERE seq = %(s)s", {"s": seq}).first()
    return "" if row is None else "|".join(str(v) for v in row)


def _check_hub(db, engine: Engine, url: str, start_over: bool, report: SyncReport) -> None:
    """Refuse a hub other than the one this file's positions belong to; notice a hub restored from an
    older backup (its log no longer holds what this file read) and start over with it, losing nothing."""
    hub_id = hub_identity(engine)
    with db.engine.connect() as conn:
        known = loc.get_setting(conn, loc.HUB_ID)
        cursor = int(loc.get_setting(conn, loc.CURSOR, "0"))
        mark = loc.get_setting(conn, loc.CURSOR_MARK)
        remembered = loc.get_setting(conn, loc.HUB_URL)
        positions = loc.has_positions(conn)
    restart = start_over
    if not start_over and known and known != hub_id:
        raise refusal(HubChanged, "hub_changed", known=known, url=redact(url), hub=hub_id)
    if not start_over and not known and positions and remembered and redact(url) != remembered:
        raise refusal(HubChanged, "hub_url_changed", remembered=remembered, url=redact(url))
    with engine.connect() as hconn:
        top = int(hconn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_log").scalar_one())
        now = _log_mark(hconn, cursor) if not restart and known and cursor else ""
    if not restart and known and cursor and (top < cursor or (mark and now != mark)):
        restart = True
        report.restored = True
    with local_connection(db) as conn:
        if restart:
            loc.start_over(conn)
        if start_over or (not known and not positions):  # joined by an admin (or a desk nobody signs in to)
            loc.set_setting(conn, loc.FIRST_PULL, hub_id)
            # the conflicts other desks saw before now are theirs, not this desk's (gate.own_conflicts): "now" is the
            # hub's log as it stands, not this desk's clock, which may be wrong
            loc.set_setting(conn, loc.JOINED_SEQ, str(top))
            conn.execute(t.settings.delete().where(t.settings.c.key == loc.JOINED_AT))
        elif restart:  # a restored hub is no decision of anyone's: it earns no trust
            conn.execute(t.settings.delete().where(t.settings.c.key == loc.FIRST_PULL))
            joined = loc.get_setting(conn, loc.JOINED_SEQ)
            if joined and int(joined) > top:  # restored to a copy from before this desk joined: all of it was before
                loc.set_setting(conn, loc.JOINED_SEQ, str(top))
        loc.set_setting(conn, loc.HUB_ID, hub_id)
        conn.commit()


def run(db, engine: Engine, started: datetime, progress: Callable[[str, int, int], None],
        cancel: Callable[[], bool], url: str = "", start_over: bool = False) -> SyncReport:
    # The cycle collector is paused for the whole sync, not only for its bulk loops: a sync makes few cycles, but the
    # records, their checks and the hub's answers allocate enough to start a full collection now and then, which
    # scans everything the process holds (0.08-0.10 s each in the benchmark's first push of 50,000 movements).
    # Memory is still freed by reference counting; the collector runs again when the sync ends.
    with without_cycle_collection():
        return _run(db, engine, started, progress, cancel, url, start_over)


def _run(db, engine: Engine, started: datetime, progress: Callable[[str, int, int], None],
         cancel: Callable[[], bool], url: str, start_over: bool) -> SyncReport:
    report = SyncReport(started_at=started)
    # said at once: a first sync makes the hub's tables and sends every record before the movements' counts start
    # (about 20 s of the demo's first push said only "Syncing…")
    progress("push", 0, 0)
    _check_hub(db, engine, url, start_over, report)
    me, login = _sign_in(db, engine, _instance(db))
    caps = _push_records(db, engine, me, report, login.may_write_users)
    _push_facts(db, engine, me, report, progress, cancel, caps)
    _pull(db, engine, me, report, progress, cancel, gate.user_authority)
    progress("recompute", 0, 1)
    # a step at a time, each its own transaction (recompute.recompute): a save on this desk waits for one step at most
    with db.engine.connect() as conn:
        conn.info["immediate"] = True  # each step takes the write lock as it begins (common.local_connection)
        negative = recompute(conn, db.money_places)
    with local_connection(db) as conn:
        recompute_on_order(conn)
        recompute_reserved(conn)
        conn.commit()
    progress("recompute", 1, 1)
    with db.engine.connect() as conn:
        names = dict(conn.exec_driver_sql("SELECT id, sku FROM products").all())
        codes = dict(conn.exec_driver_sql("SELECT id, code FROM warehouses").all())
        micros = to_micros(started)
        report.conflicts = conn.exec_driver_sql(
            "SELECT count(*) FROM sync_conflicts WHERE detected_at >= ? AND device_id = ?", (micros, me)).scalar_one()
        report.conflicts += report.accounts
        report.merged = conn.exec_driver_sql("SELECT count(*) FROM sync_aliases WHERE at >= ? AND tbl NOT LIKE '%:%'",
                                             (micros,)).scalar_one()
    report.negative = [(names.get(p, p), codes.get(w, w), q) for p, w, q in negative]
    return report


def _file_identity(db) -> str:
    if db.path is None:
        return ""
    stat = os.stat(db.path)
    return f"{stat.st_dev}:{stat.st_ino}"


def _instance(db) -> str:
    """Who this file is to the hub: an id of its own, renewed when the file turns out to be a copy.

    A pull skips the movements this device pushed itself. A file copied to a second PC keeps
    the device id, so the two copies would each skip what the other pushed. The file's identity
    (device and inode) is remembered at each sync; when it changed (copied, moved or restored),
    this file takes a new instance id, so everything the other copy pushes comes in (what is
    already here is ignored). Rows it makes keep the device id; pushing is by this file's own
    cursor, so nothing is pushed twice for that.
    """
    identity = _file_identity(db)
    with db.engine.connect() as conn:
        instance = loc.get_setting(conn, loc.INSTANCE)
        known = loc.get_setting(conn, loc.FILE_IDENTITY)
    if instance and known == identity:
        return instance
    instance = new_id()
    with local_connection(db) as conn:
        loc.set_setting(conn, loc.INSTANCE, instance)
        loc.set_setting(conn, loc.FILE_IDENTITY, identity)
        conn.commit()
    return instance


def _sign_in(db, engine: Engine, me: str) -> tuple[str, roles.HubLogin]:
    """Find out how this desk signed in to the hub (``roles``); with a desk's login, check that the login
    is this desk's and claim this file's instance id for it (a new one when another login holds it)."""
    with engine.begin() as hconn:
        try:
            login = roles.login_of(hconn)
        except roles.LoginRefused as exc:
            raise refusal(HubLoginRefused, "hub_login_not_a_desk", login=exc.login) from None
        if login.mode == roles.DESK_MODE:
            if login.device_id != db.device_id:
                raise refusal(HubLoginRefused, "hub_login_other_desk", login=login.login, desk=login.device_id,
                              device=db.device_id)
            if not roles.claim(hconn, me):
                me = new_id()
                with local_connection(db) as conn:
                    loc.set_setting(conn, loc.INSTANCE, me)
                    conn.commit()
                roles.claim(hconn, me)
    with local_connection(db) as conn:
        loc.set_setting(conn, loc.HUB_LOGIN, login.mode)
        conn.commit()
    return me, login


def _push_records(db, engine: Engine, me: str, report: SyncReport, users: bool = True) -> dict[str, int]:
    """Push changed records; return, per immutable table, the last rowid that existed when they were read.

    ``users`` False (a desk's own login): user records are held back, for an admin's login to send.
    """
    with db.engine.connect() as conn, conn.begin():
        pending = loc.pending_records(conn)
        caps = {table.name: loc.last_rowid(conn, table) for table in loc.IMMUTABLE}
    pending, held = gate.outgoing(pending, users=users)
    report.unpushed += len(held)
    with local_connection(db) as conn:
        gate.hold_back(conn, me, held, [(p.spec.name, p.key) for p in pending])
        conn.commit()
    report.held = {name for name, _, _ in held}
    report.held_keys = {(name, key) for name, key, _ in held}
    if not pending:
        return caps
    with engine.begin() as hconn:
        state = hub.begin(hconn, me)
        pushed_hash, pushed = {}, {}
        for p in pending:
            pushed[(p.spec.name, p.key)] = p.record
            pushed_hash[(p.spec.name, p.key)] = hash_ = r.content_hash(p.spec, p.record)
            hub.push_record(hconn, state, p.spec, p.key, p.base, p.record, hash_)
        hub.flush(hconn, state)
    report.pushed += state.accepted
    lost_undos: set[str] = set()  # the items of allocations (undos) of this desk that another desk's beat on the hub
    answered: dict[str, set[str]] = {}  # items and allocations written from the hub's answers: their open amounts
    with local_connection(db) as conn:
        for o in state.outcomes:
            if o.tbl in ("account_items", "allocations") and (
                    o.status != "accepted" or (o.data is not None and _hash(o) != pushed_hash.get((o.tbl, o.key)))):
                answered.setdefault(o.tbl, set()).update(k for k in (o.key, o.new_key) if k)
        for o in _one_by_one(conn, state.outcomes, pushed, pushed_hash):
            spec = r.BY_NAME[o.tbl]
            if o.tbl == "allocations" and o.status == "lost" and o.data:
                lost_undos |= {o.data["debit_item_id"], o.data["credit_item_id"]}
            if o.status == "merged" and o.tbl == "users":  # who may sign in here: an admin of this desk decides
                gate.apply_aliases(conn, [(o.tbl, o.key, o.new_key)], last=True)
            elif o.status == "merged":
                loc.apply_alias(conn, spec, o.key, o.new_key)
                if o.data is not None:
                    loc.apply_record(conn, me, spec, o.new_key, o.version, o.data)
            elif o.status == "dropped":
                r.delete_record(conn, spec, o.key)
                conn.execute(t.sync_rows.delete().where(t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id == o.key))
            else:
                loc.apply_record(conn, me, spec, o.key, o.version, o.data, pushed_hash=pushed_hash.get((o.tbl, o.key)),
                                 local=pushed.get((o.tbl, o.key), loc.UNKNOWN))
        if lost_undos:  # the hub's undo replaced ours (applied above): undo what is still too much, in the same step
            report.accounts += accounts.settle_allocations(conn, lost_undos)
        if answered or lost_undos:
            answered.setdefault("account_items", set()).update(lost_undos)
            accounts.refresh_pushed(conn, answered)
        conn.commit()
    return caps


def _hash(o: hub.Outcome) -> str:
    """The content hash of an outcome's record: the one the hub worked out, if it did."""
    return o.hash if o.hash is not None else r.content_hash(r.BY_NAME[o.tbl], o.data)


def _one_by_one(conn, outcomes: list[hub.Outcome], pushed: dict, pushed_hash: dict):
    """The push outcomes that must be applied one by one, in order; the runs of records between them that
    the hub took exactly as they were sent are confirmed in bulk where they come (``local.confirm_pushed``). Numbered
    records go one by one (renumbering one may renumber another here), but for facts: one the hub kept exactly as sent
    holds a number nothing else here was given by the hub in this push."""
    run: list[tuple[str, int, dict, dict, str]] = []
    run_spec = None
    for o in outcomes:
        spec = r.BY_NAME[o.tbl]
        local = pushed.get((o.tbl, o.key))
        if (o.status == "accepted" and o.data is not None and local is not None and spec.key == ("id",)
                and (spec.on_clash != "renumber" or spec.immutable)
                and (hash_ := _hash(o)) == pushed_hash.get((o.tbl, o.key))):
            if spec is not run_spec:
                loc.confirm_pushed(conn, run_spec, run)
                run, run_spec = [], spec
            run.append((o.key, o.version, o.data, local, hash_))
            continue
        loc.confirm_pushed(conn, run_spec, run)
        run = []
        yield o
    loc.confirm_pushed(conn, run_spec, run)


def _rewrite(rows: list[tuple], table, aliases: dict[str, dict[str, str]]) -> list[tuple]:
    """Point movements at the records their product or warehouse was merged into.

    Document numbers are not rewritten here: movements are pushed only up to the last one that
    existed when the records were pushed, and the device has already recorded any renumbering of
    those records (``local.apply_record``), which ``local.follow_refs`` applies as they are read.
    """
    names = [c.name for c in table.columns]
    pi, wi = names.index("product_id"), names.index("warehouse_id")
    products, warehouses = aliases.get("products", {}), aliases.get("warehouses", {})
    if not products and not warehouses:
        return rows
    result = []
    for row in rows:
        row = list(row)
        row[pi] = products.get(row[pi], row[pi])
        row[wi] = warehouses.get(row[wi], row[wi])
        result.append(tuple(row))
    return result


def _push_facts(db, engine: Engine, me: str, report: SyncReport, progress, cancel, caps: dict[str, int]) -> None:
    """Push this device's movements and unfilled demand in batches, each its own hub transaction.

    The next batch is read and checked here while the hub takes the one before it (on a thread of its
    own), and a batch's push position is recorded here only once the hub has committed it.
    """
    with db.engine.connect() as conn:
        total = sum(loc.count_pending_immutable(conn, table, db.device_id, caps[table.name])
                    for table in loc.IMMUTABLE)
    done = 0
    complete = True
    progress("push", 0, total)

    def finish(sent) -> None:  # wait for the hub to commit a batch, then move this table's push position
        nonlocal done
        if sent is None:
            return
        future, table, rows, last = sent
        answered = []
        if future is not None:
            added, answered = future.result()
            report.pushed += added
        with local_connection(db) as conn:
            loc.set_setting(conn, loc.PUSHED + table.name, str(last))
            for movement_id, original in answered:
                loc.answer_reversal(conn, movement_id, original)
            gate.release_facts(conn, table, rows)
            conn.commit()
        done += len(rows)
        progress("push", done, total)

    with without_cycle_collection(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as hubside:
        for table in loc.IMMUTABLE:
            with db.engine.connect() as conn:
                after = int(loc.get_setting(conn, loc.PUSHED + table.name, "0"))
            sent = None
            while True:
                if cancel():
                    finish(sent)
                    raise said(SyncCancelled, "sync_stopped_pushing")
                with db.engine.connect() as conn:
                    rows, last = loc.pending_immutable(conn, table, db.device_id, PUSH_BATCH, caps[table.name],
                                                       after=after)
                    if not rows:
                        break
                    if table is t.movements:
                        rows = loc.follow_refs(conn, rows)  # a document renumbered here leaves with its new number
                        rows = loc.follow_merges(conn, rows)  # and a product or warehouse merged here as its survivor
                    rows, last, refused, blocked = gate.outgoing_facts(conn, table, rows, last, report.held_keys)
                if refused or blocked:
                    with local_connection(db) as conn:
                        gate.hold_back_facts(conn, me, table, refused, blocked)
                        conn.commit()
                    report.unpushed += len(refused) + (1 if blocked else 0)
                finish(sent)
                if cancel():  # asked while the batch before was on its way: this one is not sent
                    raise said(SyncCancelled, "sync_stopped_pushing")
                sent = (hubside.submit(_push_batch, engine, me, table, rows) if rows else None, table, rows, last)
                after = last
                if blocked:
                    complete = False
                    break
            finish(sent)
    if complete:
        with local_connection(db) as conn:
            conn.execute(t.settings.delete().where(t.settings.c.key == loc.PUSH_ALL))
            conn.commit()


def _push_batch(engine: Engine, me: str, table, rows: list[tuple]) -> tuple[int, list[tuple[str, str]]]:
    """One batch of movements (or unfilled demand) into the hub, in one hub transaction: how many were new, and
    (reversal id, original id) of the batch's reversals the hub answered as second reversals (``settle``): the
    hub logs the answer as this device's, so it does not come back in a pull and is made here too."""
    with engine.begin() as hconn:
        state = hub.begin(hconn, me)
        added = hub.push_immutable(hconn, state, table, _rewrite(rows, table, state.aliases))
        if table is not t.movements:
            return added, []
        kind, reverses, mid = (hub.MOVEMENT_COLUMNS.index(n) for n in ("kind", "reverses_id", "id"))
        reversals = {settle.undo_id(row[mid]): (row[mid], row[reverses]) for row in rows if row[kind] == "reversal"}
        if not reversals:
            return added, []
        found = hconn.execute(text("SELECT id FROM movements WHERE id = ANY(:ids)"), {"ids": list(reversals)})
        return added, [reversals[undo] for (undo,) in found]


def _pull(db, engine: Engine, me: str, report: SyncReport, progress, cancel, authority) -> None:
    with engine.connect() as hconn:
        aliases = hconn.exec_driver_sql("SELECT tbl, old_key, new_key FROM sync_aliases").all()
    mergeable = [(tbl, old, new) for tbl, old, new in aliases
                 if (tbl in r.MERGEABLE or tbl == "reversal") and checks.is_id(old) and checks.is_id(new)]
    if mergeable:
        with local_connection(db) as conn:
            mergeable = gate.apply_aliases(conn, mergeable, last=False)  # those waiting for their target
            conn.commit()
    with db.engine.connect() as conn:
        cursor = int(loc.get_setting(conn, loc.CURSOR, "0"))
        joined = int(loc.get_setting(conn, loc.JOINED_SEQ, "0"))
    with engine.connect() as hconn:
        top = int(hconn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_log").scalar_one())
        total = int(hconn.exec_driver_sql(
            "SELECT count(*) FROM sync_log WHERE seq > %(c)s AND seq <= %(t)s AND NOT "
            "(tbl IN ('movements', 'unfilled_demand') AND device_id = %(me)s)",
            {"c": cursor, "t": top, "me": me}).scalar_one())
    progress("pull", 0, total)
    deferred = False
    with local_connection(db) as conn:
        restore_indexes(conn)  # set aside by a pull cut short in this process
        if total >= DEFER_INDEXES_AT:  # a first pull into a desk without movements: indexes built once, after
            deferred = defer_indexes(conn, t.movements.name)
        conn.commit()
    try:
        cursor = _pull_batches(db, engine, me, report, progress, cancel, authority, cursor, top, total, joined)
    except BaseException:
        if deferred:
            _restore_after_failure(db)
        raise
    with engine.connect() as hconn, local_connection(db) as conn:
        restore_indexes(conn)  # before anything reads the movements back (the retries, the recompute)
        if mergeable:  # an alias's target may have come with the pull; what still points nowhere is kept aside
            gate.apply_aliases(conn, mergeable, last=True)
        admitted = gate.retry_from_hub(conn, hconn, me, authority, joined)
        report.pulled += admitted.records + admitted.facts
        report.accounts += admitted.settled + admitted.closed + admitted.billed
        if admitted.movements:
            _mark_pairs(conn, admitted.movements)
        report.refused = len(loc.quarantined(conn))  # everything kept aside now, new or still refused
        conn.execute(t.settings.delete().where(t.settings.c.key == loc.FIRST_PULL))  # the first pull is complete
        loc.set_setting(conn, loc.CURSOR_MARK, _log_mark(hconn, cursor) if cursor else "")
        conn.commit()


def _pull_batches(db, engine: Engine, me: str, report: SyncReport, progress, cancel, authority, cursor: int, top: int,
                  total: int, joined: int) -> int:
    """Pull and apply the log after ``cursor`` up to ``top``, a batch at a time; return the cursor reached.
    ``joined``: the hub's last log entry when this desk joined it (``local.JOINED_SEQ``; 0: not known)."""
    done = 0
    # Each batch is read from the hub while the one before it is applied here (a thread of its own: the
    # hub's answer and SQLite's writes both wait outside Python), so a long pull costs the larger of the
    # two, not their sum. A batch read ahead and not applied (an error, a cancel) is read again next time.
    # The cycle collector rests meanwhile (domain.kernel.bulk): it would only scan the pulled rows again and again.
    with without_cycle_collection(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as ahead:
        coming = ahead.submit(_pull_batch, engine, me, cursor, top, joined) if cursor < top else None
        while coming is not None:
            if cancel():
                raise said(SyncCancelled, "sync_stopped_pulling")
            high, entries, facts, before_joining = coming.result()
            coming = ahead.submit(_pull_batch, engine, me, high, top, joined) if high < top else None
            _apply_pulled(db, me, report, authority, high, entries, facts, before_joining)
            cursor = high
            done = total if high >= top else min(total, done + PULL_BATCH)
            progress("pull", done, total)
    return cursor


def _restore_after_failure(db) -> None:
    """Make the indexes a failed pull set aside again; should that fail too, the next sync or the next opening of
    the file makes them (the statements stay in the settings), and the pull's own error is the one reported."""
    try:
        with local_connection(db) as conn:
            restore_indexes(conn)
            conn.commit()
    except Exception:  # noqa: BLE001 - the pull's error matters more; the indexes are made later
        pass


_M_COLUMNS = ", ".join(f'm."{c.name}"' for c in t.movements.columns)
_U_COLUMNS = ", ".join(f'u."{c.name}"' for c in t.unfilled_demand.columns)


def _pull_batch(engine: Engine, me: str, cursor: int, top: int,
                joined: int = 0) -> tuple[int, list, dict[str, list[tuple]], set[str]]:
    """(the batch's last sequence number, its log entries, its movements and unfilled demand as ``gate.admit``
    takes them, the conflicts among its entries that the hub held when this desk joined it) after ``cursor``.

    The batch ends at the PULL_BATCH-th entry for this device; records come with their JSON, movements
    and unfilled demand from their own tables (read as plain tuples, straight from the driver).
    """
    with engine.connect() as hconn:
        found = hconn.exec_driver_sql(
            "SELECT seq FROM sync_log WHERE seq > %(c)s AND seq <= %(t)s AND NOT "
            "(tbl IN ('movements', 'unfilled_demand') AND device_id = %(me)s) ORDER BY seq OFFSET %(n)s LIMIT 1",
            {"c": cursor, "t": top, "me": me, "n": PULL_BATCH - 1}).first()
        high = found[0] if found else top
        params = {"c": cursor, "h": high, "me": me}
        entries = hconn.exec_driver_sql(
            "SELECT seq, tbl, row_id, version, data, device_id FROM sync_log WHERE seq > %(c)s AND seq <= %(h)s "
            "AND tbl NOT IN ('movements', 'unfilled_demand') ORDER BY seq", params).all()
        with hconn.connection.dbapi_connection.cursor() as raw:
            movements = raw.execute(
                f"SELECT l.seq, l.device_id, {_M_COLUMNS} FROM sync_log l JOIN movements m ON m.id = l.row_id "
                f"WHERE l.tbl = 'movements' AND l.seq > %(c)s AND l.seq <= %(h)s AND l.device_id <> %(me)s "
                f"ORDER BY l.seq", params).fetchall()
            unfilled = raw.execute(
                f"SELECT l.seq, l.device_id, {_U_COLUMNS} FROM sync_log l JOIN unfilled_demand u ON u.id = l.row_id "
                f"WHERE l.tbl = 'unfilled_demand' AND l.seq > %(c)s AND l.seq <= %(h)s AND l.device_id <> %(me)s "
                f"ORDER BY l.seq", params).fetchall()
        before_joining = gate.conflicts_before_joining(
            hconn, joined, [row_id for seq, tbl, row_id, *_ in entries if tbl == "sync_conflicts" and seq > joined])
    return high, entries, {"movements": _facts("movements", movements), "unfilled_demand": _facts("unfilled_demand",
                                                                                                   unfilled)}, \
        before_joining


def _apply_pulled(db, me: str, report: SyncReport, authority, high: int, entries, facts,
                  before_joining: set[str] = frozenset()) -> None:
    """Apply one pulled batch and move the pull cursor to its end, in one local transaction (a save waiting since the
    batch before goes first: ``persistence.writers``)."""
    db_writers = writers_of(db.engine)
    if db_writers is not None:
        db_writers.let_in()
    with local_connection(db) as conn, loc.roomy_cache(conn):
        admitted = gate.admit(conn, me, _without_echoes(conn, me, [gate.Entry(*e) for e in entries]), facts,
                              authority, before_joining)
        report.pulled += admitted.records + admitted.facts
        report.accounts += admitted.settled + admitted.closed + admitted.billed
        if admitted.movements:
            _mark_pairs(conn, admitted.movements)
        loc.set_setting(conn, loc.CURSOR, str(high))
        conn.commit()


def _without_echoes(conn, me: str, entries: list[gate.Entry]) -> list[gate.Entry]:
    """The entries less those this file pushed itself and holds already, the same version with the same content
    (what a first push reads back of its own records): applying one would change nothing, and it is the
    record this desk checked before sending it. Anything else, or anything that cannot be read, goes on."""
    own: dict[str, list[gate.Entry]] = {}
    for e in entries:
        if e.device == me and e.tbl in r.BY_NAME and e.data:
            own.setdefault(e.tbl, []).append(e)
    if not own:
        return entries
    echoes = set()
    for tbl, mine in own.items():
        held = {}
        keys = [e.key for e in mine]
        for i in range(0, len(keys), 500):
            held.update({row_id: (version, hash_) for row_id, version, hash_ in conn.execute(
                select(t.sync_rows.c.row_id, t.sync_rows.c.version, t.sync_rows.c.hash).where(
                    t.sync_rows.c.tbl == tbl, t.sync_rows.c.row_id.in_(keys[i:i + 500])))})
        for e in mine:
            known = held.get(e.key)
            if known is None or known[0] != e.version:
                continue
            try:
                record = json.loads(e.data)
            except (ValueError, RecursionError):
                continue
            if isinstance(record, dict) and r.content_hash(r.BY_NAME[tbl], record) == known[1]:
                echoes.add(e.seq)
    return [e for e in entries if e.seq not in echoes] if echoes else entries


def _facts(tbl: str, rows) -> list[tuple]:
    return [(gate.Entry(row[0], tbl, str(row[2]), 0, "", row[1]), tuple(row[2:])) for row in rows]


def _mark_pairs(conn, movements) -> None:
    names = [c.name for c in t.movements.columns]
    ii, pi, wi, ai = (names.index(n) for n in ("id", "product_id", "warehouse_id", "occurred_at"))
    first: dict[tuple[str, str], tuple[int, str]] = {}  # the earliest (occurred_at, id) of each pair, in one pass
    for m in movements:
        pair, start = (m[pi], m[wi]), (m[ai], m[ii])
        known = first.get(pair)
        if known is None or start < known:
            first[pair] = start
    loc.mark_dirty_many(conn, [(p, w, at, mid) for (p, w), (at, mid) in first.items()])
