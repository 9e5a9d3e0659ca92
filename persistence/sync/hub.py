"""The hub's side of a push: adjudicate records, store movements, number everything in one log.

Every function here runs inside one hub transaction that first takes
``pg_advisory_xact_lock(LOCK)``. Pushes are therefore serialised, and a log sequence number
handed out inside the lock becomes visible only when its transaction commits, after every
smaller number has committed (or rolled back, releasing the lock and the numbers with it, so
the next push reuses them). A reader that has seen sequence N has seen everything below N:
the sequence is gap-safe. A PostgreSQL SEQUENCE alone would not be: two pushes could take 7
and 8, 8 commit first, a device pull up to 8 and never see 7.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from domain.kernel import clock
from persistence import tables as t
from persistence.sync import records as r
from persistence.sync import rules
from persistence.sync import settle
from persistence.types import to_micros

LOCK = 0x53544F434B  # "STOCK": the one advisory lock every push takes
MOVEMENT_COLUMNS = [c.name for c in t.movements.columns]
UNFILLED_COLUMNS = [c.name for c in t.unfilled_demand.columns]
_NS = uuid.UUID("6f1c2f0e-5b8e-4a53-9a52-2b1b3f2d7c11")


@dataclass
class Outcome:
    """What the hub made of one pushed record; ``data`` is the hub's record when it differs."""

    tbl: str
    key: str
    status: str  # accepted | lost | merged | dropped
    version: int
    data: dict | None = None
    new_key: str | None = None
    hash: str | None = None  # the content hash of ``data`` when the hub worked it out already (None: not known)


@dataclass
class PushState:
    device_id: str
    seq: int
    now: datetime
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    # caches of the hub's state, read once per push and kept up to date by _store
    rows: dict[str, dict[str, tuple[int, str]]] = field(default_factory=dict)
    business_keys: dict[tuple[str, tuple[str, ...]], dict[tuple, str]] = field(default_factory=dict)
    barcodes: dict[str, str] | None = None
    unit_barcodes: dict[str, str] | None = None  # a packaging unit's barcode → the unit's id
    log: list[dict] = field(default_factory=list)
    row_writes: list[dict] = field(default_factory=list)
    inserts: dict[str, list[dict]] = field(default_factory=dict)  # new records, written in bulk per table
    conflicts: int = 0
    merged: int = 0
    accepted: int = 0
    row_security: bool | None = None  # whether row-level security applies to this login (see _copy_new)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


def begin(conn: Connection, device_id: str) -> PushState:
    """Take the push lock; read the last sequence number and the aliases."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK})
    seq = conn.execute(select(func.coalesce(func.max(t.sync_log.c.seq), 0))).scalar_one()
    state = PushState(device_id, int(seq), clock.now())
    for row in conn.execute(select(t.sync_aliases)):
        state.aliases.setdefault(row.tbl, {})[row.old_key] = row.new_key
    for name in r.MERGEABLE:  # an alias to a record the hub does not hold (written by hand) re-points nothing
        targets = set(state.aliases.get(name, {}).values())
        if targets:
            table = r.BY_NAME[name].table
            held = set(conn.execute(select(table.c.id).where(table.c.id.in_(targets))).scalars())
            state.aliases[name] = {old: new for old, new in state.aliases[name].items() if new in held}
    return state


def flush_inserts(conn: Connection, s: PushState) -> None:
    """Insert the queued new records (parents first, then their children) with one COPY (or executemany) each."""
    for name, records in s.inserts.items():
        spec = r.BY_NAME[name]
        _insert_many(conn, spec.table, [r.decode_row(spec.table, record) for record in records])
        for child, _ in spec.children:
            rows = [r.decode_row(child, row) for record in records for row in record["_children"].get(child.name, [])]
            _insert_many(conn, child, rows)
    s.inserts = {}


def flush(conn: Connection, s: PushState) -> None:
    """Write the queued records, log entries and record versions (call before the push commits)."""
    flush_inserts(conn, s)
    if s.row_writes:
        conn.execute(text("INSERT INTO sync_rows (tbl, row_id, version, hash) VALUES (:tbl, :row_id, :version, :hash) "
                          "ON CONFLICT (tbl, row_id) DO UPDATE SET version = excluded.version, hash = excluded.hash"),
                     s.row_writes)
        s.row_writes = []
    if s.log:
        _insert_many(conn, t.sync_log, s.log)
        s.log = []


_FEW = 20  # fewer rows than this go by executemany: a COPY's extra round trips would cost more


def _insert_many(conn: Connection, table, rows: list[dict]) -> None:
    """Insert ``rows`` (every column's value, as ``table.insert()`` takes them) with one COPY, each value
    converted by its column type's own bind conversion (``Scaled`` to its integer, an instant to microseconds);
    with an executemany when there are few, or when the COPY is refused (row-level security on the table for
    this login, or anything else: then nothing of it is written, and the executemany says what is wrong)."""
    import psycopg

    if not rows:
        return
    if len(rows) >= _FEW:
        plan = _bind_plan(conn, table)
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur:
            cur.execute("SAVEPOINT push_rows")
            try:
                with cur.copy(f"COPY {table.name} ({', '.join(f'{chr(34)}{n}{chr(34)}' for n, _ in plan)}) "
                              f"FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([value if (value := row[n]) is None or convert is None else convert(value)
                                        for n, convert in plan])
            except psycopg.DatabaseError:
                cur.execute("ROLLBACK TO SAVEPOINT push_rows")
            else:
                cur.execute("RELEASE SAVEPOINT push_rows")
                return
    conn.execute(table.insert(), rows)


_PLANS: dict[tuple[str, str], list] = {}


def _bind_plan(conn: Connection, table) -> list[tuple[str, object]]:
    """(column name, its type's bind conversion or None) of each column of ``table``, made once per table."""
    key = (conn.dialect.name, table.name)
    if key not in _PLANS:
        _PLANS[key] = [(c.name, c.type.bind_processor(conn.dialect)) for c in table.columns]
    return _PLANS[key]


def _rows(conn: Connection, s: PushState, spec: r.Spec) -> dict[str, tuple[int, str]]:
    """The hub's version and content hash of every record of ``spec``'s table."""
    if spec.name not in s.rows:
        s.rows[spec.name] = {row.row_id: (row.version, row.hash) for row in conn.execute(
            select(t.sync_rows.c.row_id, t.sync_rows.c.version, t.sync_rows.c.hash)
            .where(t.sync_rows.c.tbl == spec.name))}
    return s.rows[spec.name]


def _business_keys(conn: Connection, s: PushState, spec: r.Spec, columns: tuple[str, ...]) -> dict[tuple, str]:
    cache_key = (spec.name, columns)
    if cache_key not in s.business_keys:
        table = spec.table
        found = {}
        for row in conn.execute(select(*[table.c[k] for k in spec.key], *[table.c[c] for c in columns])):
            key_part, values = row[:len(spec.key)], row[len(spec.key):]
            key = key_part[0] if spec.key == ("id",) else json.dumps(list(key_part), ensure_ascii=False)
            found[tuple(r.encode_value(table.c[c], v) for c, v in zip(columns, values, strict=True))] = key
        s.business_keys[cache_key] = found
    return s.business_keys[cache_key]


def _barcodes(conn: Connection, s: PushState) -> dict[str, str]:
    if s.barcodes is None:
        s.barcodes = dict(conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)).all())
    return s.barcodes


def _unit_barcodes(conn: Connection, s: PushState) -> dict[str, str]:
    if s.unit_barcodes is None:
        s.unit_barcodes = dict(conn.execute(select(t.product_unit_barcodes.c.barcode,
                                                   t.product_unit_barcodes.c.unit_id)).all())
    return s.unit_barcodes


# The records whose child rows are barcodes, which are one namespace on the hub: (child table, the map of its codes,
# the other map, whose codes it may not take either)
_CODE_CHILDREN = {"products": ("barcodes", _barcodes, _unit_barcodes),
                  "product_units": ("product_unit_barcodes", _unit_barcodes, _barcodes)}


def _store(conn: Connection, s: PushState, spec: r.Spec, key: str, version: int, record: dict | None,
           row_known: bool, hash_: str | None = None) -> dict | None:
    """Make ``record`` (None: deleted) the hub's version ``version`` of the record and log it; return it.
    ``hash_``: its content hash when the caller has it already (the version is no part of it)."""
    rows = _rows(conn, s, spec)
    present = key in rows and rows[key][1] != ""
    if record is None:
        r.delete_record(conn, spec, key)
    else:
        record = dict(record, version=version) if "version" in spec.table.c else record
        if present:
            r.write_record(conn, spec, record, True)
        else:
            s.inserts.setdefault(spec.name, []).append(record)
        for columns in spec.unique:
            _business_keys(conn, s, spec, columns)[tuple(record[c] for c in columns)] = key
        if spec.name in _CODE_CHILDREN:
            child, own, _ = _CODE_CHILDREN[spec.name]
            codes = own(conn, s)
            if key in rows:  # a record the hub has known (a new one owns no barcode yet): drop its old ones
                for code in [c for c, owner in codes.items() if owner == key]:
                    del codes[code]
            codes.update({b["barcode"]: key for b in record["_children"].get(child, [])})
    if hash_ is None:
        hash_ = r.content_hash(spec, record)
    rows[key] = (version, hash_)
    s.row_writes.append({"tbl": spec.name, "row_id": key, "version": version, "hash": hash_})
    s.log.append({"seq": s.next_seq(), "tbl": spec.name, "row_id": key, "version": version, "device_id": s.device_id,
                  "data": "" if record is None else json.dumps(record, ensure_ascii=False, sort_keys=True),
                  "at": s.now})
    return record


def conflict(conn: Connection, s: PushState, spec: r.Spec, key: str, rule: str, kept: dict | None,
             lost: dict | None, lost_device: str) -> None:
    """Keep a losing version in the conflicts list (once, however often the same push is repeated)."""
    kept_hash, lost_hash = r.content_hash(spec, kept), r.content_hash(spec, lost)
    cid = str(uuid.uuid5(_NS, f"{spec.name}|{key}|{rule}|{kept_hash}|{lost_hash}"))
    cspec = r.BY_NAME["sync_conflicts"]
    if cid in _rows(conn, s, cspec):
        return
    record = {
        "id": cid, "tbl": spec.name, "row_id": key, "business_key": r.label(spec, lost or kept, key)[:200],
        "rule": rule, "kept": json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else "",
        "lost": json.dumps(lost, ensure_ascii=False, sort_keys=True) if lost else "", "lost_device": lost_device,
        "detected_at": to_micros(s.now), "resolved_at": None, "resolved_by": "", "note": "",
        "device_id": s.device_id, "version": 1, "_children": {}, **rules.columns(rule),
    }
    _store(conn, s, cspec, cid, 1, record, False)
    s.conflicts += 1


def rewrite_refs(s: PushState, spec: r.Spec, record: dict) -> dict:
    """Point a pushed record's references at the records its targets were merged into."""
    record = dict(record)
    for col, target in spec.refs.items():
        table_aliases = s.aliases.get(target)
        if table_aliases and record.get(col) in table_aliases:
            record[col] = table_aliases[record[col]]
    children = {}
    for child, fk in spec.children:
        rows = []
        for row in record.get("_children", {}).get(child.name, []):
            row = dict(row)
            for col, target in spec.refs.items():
                if col in row and col not in fk and row[col] in s.aliases.get(target, {}):
                    row[col] = s.aliases[target][row[col]]
            rows.append(row)
        children[child.name] = rows
    record["_children"] = children
    side = PARTNER_TABLES.get(record.get("side")) if spec.name in ("account_items", "period_balances") else None
    if side and record.get("partner_id") in s.aliases.get(side, {}):  # partner_id is a reference by side
        record["partner_id"] = s.aliases[side][record["partner_id"]]
    return record


PARTNER_TABLES = {"AR": "customers", "AP": "suppliers"}


def push_record(conn: Connection, s: PushState, spec: r.Spec, key: str, base: int, record: dict | None,
                hash_: str | None = None) -> None:
    """Adjudicate one pushed record against the hub's version of it (the rules: see persistence.sync).
    ``hash_``: the record's content hash as sent, when the caller has it (kept if nothing below changes it)."""
    if s.inserts and (set(s.inserts) != {spec.name} or spec.name == "sync_conflicts"):
        flush_inserts(conn, s)  # records of other tables may refer to them
    sent = record
    if record is not None:
        record = rewrite_refs(s, spec, record)
        key = r.row_key(spec, record)
    target = s.aliases.get(spec.name, {}).get(key)
    if target is not None:  # merged into another record by an earlier push of this same record
        s.outcomes.append(Outcome(spec.name, key, "merged", _rows(conn, s, spec).get(target, (0, ""))[0],
                                  _hub_record(conn, spec, target, s), target))
        return
    if record is not None and spec.on_clash == "renumber":
        renamed = s.aliases.get("number:" + spec.name, {}).get(key)
        if renamed:
            number, seq = json.loads(renamed)
            record = dict(record, number=number, seq=seq)
    row = _rows(conn, s, spec).get(key)
    # (the same content has the same hash: one dict comparison instead of a JSON text and its digest)
    incoming_hash = hash_ if hash_ is not None and record == sent else r.content_hash(spec, record)
    own_version = int(record.get("version") or 0) if record is not None else 0
    candidate = max(base + 1, own_version, 1)
    # The same content is not a new version, unless it is an edit its hash cannot see (records.edited_unseen) made
    # on the hub's current version: that one is kept as the next version, so the other desks take it too.
    if row is not None and row[1] == incoming_hash and not (
            record is not None and row[0] == base and r.edited_unseen(spec, record, row[0])):
        same = None if record is None else (dict(record, version=row[0]) if "version" in record else record)
        s.outcomes.append(Outcome(spec.name, key, "accepted", row[0], same, hash=row[1]))
        return
    if row is None or row[0] == base:
        hashed = record
        if row is None and record is not None:
            record = _settle_clashes(conn, s, spec, key, record)
            if record is None:
                return
        if spec.name in _CODE_CHILDREN and record is not None:
            record = _free_barcodes(conn, s, spec, key, record)
        # (both give back the record they were given when they change nothing, a new one when they do)
        stored = _store(conn, s, spec, key, candidate, record, row is not None,
                        incoming_hash if record is hashed else None)
        s.accepted += 1
        s.outcomes.append(Outcome(spec.name, key, "accepted", candidate, stored, hash=_rows(conn, s, spec)[key][1]))
        return
    # Changed on the hub since this device last saw it: a concurrent edit.
    hub_version = row[0]
    hub_record = _hub_record(conn, spec, key, s)
    if spec.immutable:  # a fact is never changed: the version first on the hub stays
        incoming_wins, rule = False, rules.rule("fact_kept")
    elif record is None:
        incoming_wins, rule = hub_record is None, rules.rule("deletion_loses")
    elif hub_record is None:
        incoming_wins, rule = True, rules.rule("deletion_loses")
    elif candidate > hub_version:
        incoming_wins, rule = True, rules.rule("higher_version")
    else:
        incoming_wins = False
        rule = rules.rule("higher_version" if hub_version > candidate else "same_version")
    if incoming_wins:
        if spec.name in _CODE_CHILDREN and record is not None:
            record = _free_barcodes(conn, s, spec, key, record)
        conflict(conn, s, spec, key, rule, record, hub_record, _device_of(hub_record))
        stored = _store(conn, s, spec, key, candidate, record, True)
        s.accepted += 1
        s.outcomes.append(Outcome(spec.name, key, "accepted", candidate, stored))
    else:
        conflict(conn, s, spec, key, rule, hub_record, record, s.device_id)
        s.outcomes.append(Outcome(spec.name, key, "lost", hub_version, hub_record))


def _device_of(record: dict | None) -> str:
    return (record or {}).get("device_id", "") or ""


def _hub_record(conn: Connection, spec: r.Spec, key: str, s: PushState) -> dict | None:
    if s.inserts:
        flush_inserts(conn, s)
    return r.read_records(conn, spec, [key]).get(key)


def _clash(conn: Connection, s: PushState, spec: r.Spec, key: str, record: dict) -> str | None:
    """The key of another hub record with the same business key as ``record``, if any."""
    for columns in spec.unique:
        values = r.clash_values(spec, record, columns)
        if values is None:
            continue
        other = _business_keys(conn, s, spec, columns).get(values)
        if other is not None and other != key:
            return other
    return None


def _settle_clashes(conn: Connection, s: PushState, spec: r.Spec, key: str, record: dict) -> dict | None:
    """A record new to the hub whose business key is taken: merge, renumber or drop it."""
    other = _clash(conn, s, spec, key, record)
    if other is None:
        return record
    kept = _hub_record(conn, spec, other, s)
    if spec.on_clash == "merge":
        rule = rules.rule("duplicate_merged", label="/".join(spec.label))
        conflict(conn, s, spec, key, rule, kept, record, s.device_id)
        conn.execute(t.sync_aliases.insert().values(tbl=spec.name, old_key=key, new_key=other, device_id=s.device_id,
                                                    at=s.now))
        s.aliases.setdefault(spec.name, {})[key] = other
        s.merged += 1
        if spec.name == "products":  # the merged record's barcodes go to the survivor where free
            _adopt_barcodes(conn, s, spec, other, record)
        s.outcomes.append(Outcome(spec.name, key, "merged", _rows(conn, s, spec).get(other, (0, ""))[0],
                                  _hub_record(conn, spec, other, s), other))
        return None
    if spec.on_clash == "renumber":
        renamed = _renumber(conn, spec, record)
        rule = rules.rule("renumbered", number=record["number"], renumbered=renamed["number"])
        conflict(conn, s, spec, key, rule, kept, record, s.device_id)
        conn.execute(t.sync_aliases.insert().values(
            tbl="number:" + spec.name, old_key=key, new_key=json.dumps([renamed["number"], renamed["seq"]]),
            device_id=s.device_id, at=s.now))
        s.aliases.setdefault("number:" + spec.name, {})[key] = json.dumps([renamed["number"], renamed["seq"]])
        return renamed
    conflict(conn, s, spec, key, rules.rule("duplicate_dropped", label="/".join(spec.label)), kept, record,
             s.device_id)
    s.outcomes.append(Outcome(spec.name, key, "dropped", 0, None, other))
    return None


def _renumber(conn: Connection, spec: r.Spec, record: dict) -> dict:
    """The next free number of the record's kind and year on the hub, in the same format."""
    table = spec.table
    where = [table.c.year == record["year"]]
    if "kind" in table.c:
        where.append(table.c.kind == record["kind"])
    last = conn.execute(select(func.coalesce(func.max(table.c.seq), 0)).where(*where)).scalar_one()
    seq = int(last) + 1
    prefix, digits = record["number"].rsplit("-", 1)
    return dict(record, seq=seq, number=f"{prefix}-{seq:0{len(digits)}d}")


def _free_barcodes(conn: Connection, s: PushState, spec: r.Spec, key: str, record: dict) -> dict:
    """Take out of a pushed product (or packaging unit) the barcodes another product or unit already has on the
    hub: a product's barcode, or a unit's (``domain.catalog.packaging``: one namespace)."""
    child, own, other = _CODE_CHILDREN[spec.name]
    keep, taken = [], []
    for row in record["_children"].get(child, []):
        owner = own(conn, s).get(row["barcode"])
        (keep if owner in (None, key) and row["barcode"] not in other(conn, s) else taken).append(row)
    if not taken:
        return record
    result = dict(record, _children=dict(record["_children"], **{child: keep}))
    for row in taken:
        conflict(conn, s, spec, key, rules.rule("barcode_taken", barcode=row["barcode"]), result, record,
                 s.device_id)
    return result


def _adopt_barcodes(conn: Connection, s: PushState, spec: r.Spec, survivor: str, merged: dict) -> None:
    row = _rows(conn, s, spec).get(survivor)
    current = _hub_record(conn, spec, survivor, s)
    if current is None or row is None:
        return
    codes = {b["barcode"] for b in current["_children"]["barcodes"]}
    extra = [dict(b, product_id=survivor) for b in merged["_children"].get("barcodes", [])
             if b["barcode"] not in codes and _barcodes(conn, s).get(b["barcode"]) is None]
    if extra:
        record = dict(current, _children={"barcodes": sorted(current["_children"]["barcodes"] + extra,
                                                             key=lambda b: b["barcode"])})
        _store(conn, s, spec, survivor, row[0] + 1, record, True)


def push_immutable(conn: Connection, s: PushState, table, rows: list[tuple]) -> int:
    """Insert-or-ignore movements (or unfilled demand) and log the new ones in the pushed order.

    ``rows`` hold the table's columns in order, raw (scaled integers, microseconds), already
    rewritten through the aliases. Returns how many were new to the hub.
    """
    if not rows:
        return 0
    if table is t.movements:
        rows = _settle_double_reversals(conn, s, rows)
    columns = [c.name for c in table.columns]
    quoted = ", ".join(f'"{c}"' for c in columns)
    raw = conn.connection.dbapi_connection
    added = _copy_new(raw, s, table, rows, quoted)
    if added is None:
        added = _insert_or_ignore(raw, s, table, rows, quoted)
    s.seq += added
    flush(conn, s)
    return added


def _copy_new(raw, s: PushState, table, rows: list[tuple], quoted: str) -> int | None:
    """COPY the rows straight into the table and their log entries into the log, when none of them is
    on the hub yet (the first push of a desk, and every push of new postings); None, with nothing
    written, when one is (a batch pushed again after a cut connection) or when row-level security
    applies to this login (COPY does not take it): then ``_insert_or_ignore`` does the work.

    Twice as fast as going through a temporary table: the rows cross once and nothing is joined.
    """
    import psycopg

    if s.row_security is None:
        s.row_security = bool(raw.execute("SELECT row_security_active('movements') OR "
                                          "row_security_active('unfilled_demand') OR "
                                          "row_security_active('sync_log')").fetchone()[0])
    if s.row_security:
        return None
    ids = [c.name for c in table.columns].index("id")
    with raw.cursor() as cur:
        cur.execute("SAVEPOINT push_copy")
        try:
            with cur.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except (psycopg.errors.UniqueViolation, psycopg.errors.FeatureNotSupported):
            cur.execute("ROLLBACK TO SAVEPOINT push_copy")
            return None
        cur.execute("RELEASE SAVEPOINT push_copy")
        at = to_micros(s.now)
        with cur.copy("COPY sync_log (seq, tbl, row_id, version, device_id, data, at) FROM STDIN") as copy:
            for seq, row in enumerate(rows, start=s.seq + 1):
                copy.write_row((seq, table.name, row[ids], 0, s.device_id, "", at))
    return len(rows)


def _insert_or_ignore(raw, s: PushState, table, rows: list[tuple], quoted: str) -> int:
    """Insert the rows not on the hub yet, through a temporary table, and log them in the pushed order.

    Under row-level security (where COPY into the table is not allowed) a batch none of whose rows is on the
    hub yet goes in with two plain ``INSERT … SELECT``s from the temporary table, the rows and their log
    entries; a batch the hub partly holds (a unique violation: nothing of it written) takes the general
    ``INSERT … ON CONFLICT DO NOTHING RETURNING`` joined back to the temporary table for the log.
    """
    import psycopg

    with raw.cursor() as cur:
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS _push_{table.name} AS "
                    f"SELECT 0::bigint AS ord, {quoted} FROM {table.name} WITH NO DATA")
        cur.execute(f"TRUNCATE _push_{table.name}")
        with cur.copy(f"COPY _push_{table.name} (ord, {quoted}) FROM STDIN") as copy:
            for i, row in enumerate(rows):
                copy.write_row((i, *row))
        if s.row_security:  # (without it, this is reached only when a row of the batch is on the hub)
            cur.execute("SAVEPOINT push_new")
            try:
                cur.execute(f"INSERT INTO {table.name} ({quoted}) SELECT {quoted} FROM _push_{table.name} ORDER BY ord")
            except psycopg.errors.UniqueViolation:
                cur.execute("ROLLBACK TO SAVEPOINT push_new")
            else:
                cur.execute("RELEASE SAVEPOINT push_new")
                cur.execute(f"INSERT INTO sync_log (seq, tbl, row_id, version, device_id, data, at) "
                            f"SELECT %s + 1 + ord, %s, id, 0, %s, '', %s FROM _push_{table.name}",
                            (s.seq, table.name, s.device_id, to_micros(s.now)))
                return len(rows)
        cur.execute(
            f"WITH ins AS (INSERT INTO {table.name} ({quoted}) SELECT {quoted} FROM _push_{table.name} ORDER BY ord "
            f"ON CONFLICT (id) DO NOTHING RETURNING id) "
            f"INSERT INTO sync_log (seq, tbl, row_id, version, device_id, data, at) "
            f"SELECT %s + row_number() OVER (ORDER BY p.ord), %s, p.id, 0, %s, '', %s "
            f"FROM ins JOIN _push_{table.name} p ON p.id = ins.id",
            (s.seq, table.name, s.device_id, to_micros(s.now)))
        return cur.rowcount


_MOVEMENT_SPEC = r.Spec(t.movements, label=("kind", "id"))
_KIND, _REVERSES, _ID = (MOVEMENT_COLUMNS.index(n) for n in ("kind", "reverses_id", "id"))


def _settle_double_reversals(conn: Connection, s: PushState, rows: list[tuple]) -> list[tuple]:
    """Two devices reversed the same movement offline: the reversal on the hub first stays the reversal.

    The later one is stored as it was written, followed by its undo and an adjustment (``settle``), and listed
    as a conflict for a manager to correct. A reversal already on the hub (a batch pushed again) is left alone:
    it was settled when it first came. Undo and adjustment rows the desk made itself (``local``) are the same
    rows; the batch does not get them twice.
    """
    reversals = [row for row in rows if row[_KIND] == "reversal"]
    if not reversals:
        return rows
    held: dict[str, list[str]] = {}
    for original, mid in conn.execute(text("SELECT reverses_id, id FROM movements WHERE reverses_id = ANY(:ids)"),
                                      {"ids": list({row[_REVERSES] for row in reversals})}).all():
        held.setdefault(original, []).append(mid)
    in_batch = {row[_ID] for row in rows}
    result = []
    for row in rows:
        result.append(row)
        if row[_KIND] != "reversal":
            continue
        others = held.setdefault(row[_REVERSES], [])
        if row[_ID] in others or not others:
            if row[_ID] not in others:
                others.append(row[_ID])  # the first reversal of its movement: it stays the reversal
            continue
        others.append(row[_ID])
        lost = dict(zip(MOVEMENT_COLUMNS, row, strict=True))
        conflict(conn, s, _MOVEMENT_SPEC, row[_ID], rules.rule("second_reversal"), None, lost, s.device_id)
        result.extend(extra for extra in settle.answer(row) if extra[_ID] not in in_batch)
    return result
