"""The device's side: what is waiting to be pushed, and applying what the hub says.

All functions take a connection inside one local (SQLite) transaction; the caller commits the
applied rows together with the cursor that says they were applied.
"""

from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from domain.kernel import clock
from domain.kernel.ids import new_id
from persistence import tables as t
from persistence.accounts import open as open_amounts
from persistence.stock import merged as merged_ids
from persistence.sync import records as r
from persistence.sync import rules
from persistence.sync import settle
from persistence.types import to_micros

# settings keys
HUB_URL = "sync.hub_url"
CURSOR = "sync.cursor"
PUSHED = "sync.pushed_rowid."  # + table name: the last local rowid of this device's immutable rows pushed
LAST_SUCCESS = "sync.last_success_at"
LAST_ATTEMPT = "sync.last_attempt_at"
LAST_ERROR = "sync.last_error"
LAST_ERROR_CODE = "sync.last_error_code"  # the last error's refusal as {"code", "params"} (JSON), '' when it has none
LAST_REPORT = "sync.last_report"
RENUMBERED = "sync_renumbered"  # connection info: records the sync itself changed in the current transaction
INSTANCE = "sync.instance"  # who this file is to the hub (see engine._instance)
FILE_IDENTITY = "sync.file_identity"
HUB_ID = "sync.hub_id"  # the identity of the hub the cursors belong to (see engine._check_hub)
CURSOR_MARK = "sync.cursor_mark"  # what the hub's log holds at the cursor, to notice a hub restored from a backup
PUSH_ALL = "sync.push_all"  # '1' after a start over: push every movement here, whoever made it
HUB_LOGIN = "sync.hub_login"  # open | desk | admin: how the last sync signed in to the hub (see roles)
JOINED_SEQ = "sync.joined_seq"  # the hub's last log entry when this desk joined it (first sync or start over): see
#                                  gate.own_conflicts
JOINED_AT = "sync.joined_at"  # the same, as this desk's clock read then (micros): files that joined before JOINED_SEQ
FIRST_PULL = "sync.first_pull"  # the hub id while this desk's first pull from a hub it joined is not complete

IMMUTABLE = (t.movements, t.unfilled_demand)


@dataclass
class Pending:
    spec: r.Spec
    key: str
    base: int
    record: dict | None


def get_setting(conn: Connection, key: str, default: str = "") -> str:
    value = conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).scalar()
    return default if value is None else value


def set_setting(conn: Connection, key: str, value: str) -> None:
    conn.execute(t.settings.delete().where(t.settings.c.key == key))
    conn.execute(t.settings.insert().values(key=key, value=value))


def synced_rows(conn: Connection, spec: r.Spec) -> dict[str, tuple[int, str]]:
    rows = conn.execute(select(t.sync_rows.c.row_id, t.sync_rows.c.version, t.sync_rows.c.hash)
                        .where(t.sync_rows.c.tbl == spec.name))
    return {row.row_id: (row.version, row.hash) for row in rows}


def pending_records(conn: Connection) -> list[Pending]:
    """Records created, changed or deleted here since they were last exchanged with the hub."""
    result = []
    for spec in r.SPECS:
        if spec.immutable:
            result.extend(_pending_facts(conn, spec))
            continue
        synced = synced_rows(conn, spec)
        local = r.read_records(conn, spec)
        for key, record in local.items():
            known = synced.get(key)
            if known is None or (known[1] != r.content_hash(spec, record)
                                 and not r.set_by_migration(spec, record, *known)) \
                    or r.edited_unseen(spec, record, known[0]):
                result.append(Pending(spec, key, known[0] if known else 0, record))
        for key, (version, hash_) in synced.items():
            if hash_ and key not in local:
                result.append(Pending(spec, key, version, None))
    return result


def _pending_facts(conn: Connection, spec: r.Spec) -> list[Pending]:
    """The rows of an immutable table not yet exchanged with the hub: a row once exchanged never changes, so only
    the new ones are read (an anti-join on ``sync_rows``), not the whole table at every sync. A row that points at
    another of its table (a reversal at its original, an undo at what it undoes) goes after the rows it may point at.
    """
    key = spec.table.c[spec.key[0]]
    new = conn.execute(select(key).where(~key.in_(select(t.sync_rows.c.row_id).where(
        t.sync_rows.c.tbl == spec.name)))).scalars().all()
    if not new:
        return []
    records = r.read_records(conn, spec, list(new))
    own = [column for column, target in spec.refs.items() if target == spec.name]
    ordered = sorted(records.items(), key=lambda item: any(item[1].get(c) for c in own))
    return [Pending(spec, k, 0, record) for k, record in ordered]


_NO_CAP = 2**62


def last_rowid(conn: Connection, table) -> int:
    return int(conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table.name}").scalar_one())


def _whose(conn: Connection, device_id: str) -> tuple[str, tuple]:
    """The filter on who made the rows to push: this device, or everyone after a start over.

    A desk signed in with its own login pushes only what it made (the hub takes nothing else from
    it, see ``roles``); the other desks' rows are theirs to push, or an admin's login's.
    """
    if get_setting(conn, PUSH_ALL) == "1" and get_setting(conn, HUB_LOGIN) != "desk":
        return "", ()
    return " AND device_id = ?", (device_id,)


def pending_immutable(conn: Connection, table, device_id: str, limit: int,
                      cap: int = _NO_CAP, after: int | None = None) -> tuple[list[tuple], int]:
    """The next ``limit`` rows this device made and has not pushed (up to rowid ``cap``), raw, and the
    last rowid among them. SQLite gives new rows ever larger rowids, and movements are never deleted.
    ``after``: the rowid to start after (default: the push position kept in the settings)."""
    if after is None:
        after = int(get_setting(conn, PUSHED + table.name, "0"))
    columns = ", ".join(f'"{c.name}"' for c in table.columns)
    whose, who = _whose(conn, device_id)
    cursor = conn.connection.dbapi_connection.cursor()  # plain tuples, straight from the driver
    try:
        rows = cursor.execute(
            f"SELECT {columns} FROM {table.name} WHERE rowid > ? AND rowid <= ?{whose} "
            f"ORDER BY rowid LIMIT ?", (after, cap, *who, limit)).fetchall()
        if not rows:
            return [], after
        # the last row's rowid by its id (the primary key), rather than a rowid on every row cut off again after
        last_id = rows[-1][table.columns.keys().index("id")]
        last = cursor.execute(f"SELECT rowid FROM {table.name} WHERE id = ?", (last_id,)).fetchone()[0]
    finally:
        cursor.close()
    return rows, last


def count_pending_immutable(conn: Connection, table, device_id: str, cap: int = _NO_CAP) -> int:
    after = int(get_setting(conn, PUSHED + table.name, "0"))
    whose, who = _whose(conn, device_id)
    return conn.exec_driver_sql(f"SELECT count(*) FROM {table.name} WHERE rowid > ? AND rowid <= ?{whose}",
                                (after, cap, *who)).scalar_one()


def mark_synced(conn: Connection, spec: r.Spec, key: str, version: int, hash_: str) -> None:
    conn.exec_driver_sql("INSERT INTO sync_rows (tbl, row_id, version, hash) VALUES (?, ?, ?, ?) ON CONFLICT "
                         "(tbl, row_id) DO UPDATE SET version = excluded.version, hash = excluded.hash",
                         (spec.name, key, version, hash_))


def local_conflict(conn: Connection, device_id: str, spec: r.Spec, key: str, rule: str, kept: dict | None,
                   lost: dict | None) -> None:
    """A losing version found on this device; pushed to the hub with the next sync like any record.

    ``rule`` is a ``persistence.sync.rules.Rule``, whose code and values are kept beside its English."""
    conn.execute(t.sync_conflicts.insert().values(**rules.columns(rule),
        id=new_id(), tbl=spec.name, row_id=key, business_key=r.label(spec, lost or kept, key)[:200], rule=rule,
        kept=json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else "",
        lost=json.dumps(lost, ensure_ascii=False, sort_keys=True) if lost else "", lost_device=device_id,
        detected_at=clock.now(), resolved_at=None, resolved_by="", note="", device_id=device_id, version=1))


_MARK_DIRTY = (
    "INSERT INTO sync_dirty (product_id, warehouse_id, at, movement_id) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET at = excluded.at, movement_id = excluded.movement_id "
    "WHERE excluded.at < sync_dirty.at "
    "OR (excluded.at = sync_dirty.at AND excluded.movement_id < sync_dirty.movement_id)")


def mark_dirty(conn: Connection, product_id: str, warehouse_id: str, at_micros: int, movement_id: str) -> None:
    """Remember that the pair's derived values must be replayed from (at, movement id) on."""
    conn.exec_driver_sql(_MARK_DIRTY, (product_id, warehouse_id, at_micros, movement_id))


def mark_dirty_many(conn: Connection, starts: list[tuple[str, str, int, str]]) -> None:
    """``mark_dirty`` for many (product id, warehouse id, at, movement id) in one statement."""
    if starts:
        conn.exec_driver_sql(_MARK_DIRTY, starts)


def references(target: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to ``target``, balances and caches included."""
    return [(table.name, fk.parent.name) for table in t.metadata.sorted_tables for fk in table.foreign_keys
            if fk.column.table.name == target]


def apply_alias(conn: Connection, spec: r.Spec, old: str, new: str) -> bool:
    """Merge record ``old`` into ``new`` here; idempotent (False when ``old`` is gone or merged already).

    A product or warehouse with movements (``merge_kept``) is kept for the movements written under its id, which
    are never changed; every other reference is re-pointed and any other record dropped. When ``new`` is not here
    yet (the hub's record follows in the same transaction: a push's answer, a pulled record that clashes), another
    record is renamed to it, and a product or warehouse with movements is merged all the same, its references
    waiting for ``new``'s row until the commit (foreign keys deferred).
    """
    if not r.exists(conn, spec, old):
        return False
    present = r.exists(conn, spec, new)
    if spec.name in merged_ids.TABLES:
        if _has_movements(conn, spec, old):
            return merge_kept(conn, spec, old, new, present)
        column = merged_ids.TABLES[spec.name]  # no movement: its balances hold an on-order at most, recomputed
        conn.exec_driver_sql(f"DELETE FROM balances WHERE {column} = ?", (old,))
        conn.exec_driver_sql(f"DELETE FROM sync_dirty WHERE {column} = ?", (old,))
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    touched = conn.info.setdefault(RENUMBERED, set())
    for table, column in references(spec.name):
        if table in ("balances",):
            continue
        _note_touched(conn, touched, table, column, old)
        conn.exec_driver_sql(f'UPDATE OR IGNORE "{table}" SET "{column}" = ? WHERE "{column}" = ?', (new, old))
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "{column}" = ?', (old,))
    if spec.name in PARTNER_SIDES:
        repoint_partner(conn, PARTNER_SIDES[spec.name], old, new)
    if present:
        r.delete_record(conn, spec, old)
    else:
        conn.execute(spec.table.update().where(spec.table.c.id == old).values(id=new))
    conn.execute(t.sync_rows.delete().where(t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id == old))
    conn.exec_driver_sql("UPDATE sync_aliases SET new_key = ? WHERE tbl = ? AND new_key = ? AND device_id = ''",
                         (new, spec.name, old))  # a record merged into ``old`` before now counts for ``new``
    conn.exec_driver_sql("INSERT OR IGNORE INTO sync_aliases (tbl, old_key, new_key, device_id, at) "
                         "VALUES (?, ?, ?, '', ?)", (spec.name, old, new, to_micros(clock.now())))
    return True


PARTNER_SIDES = {"customers": "AR", "suppliers": "AP"}  # the side of the accounts whose partner_id names them


def repoint_partner(conn: Connection, side: str, old: str, new: str) -> None:
    """A customer or supplier merged into another: its open items and frozen balances follow it (``partner_id`` is
    a reference by side, no foreign key, so ``references`` does not find it). Only items that never reached the hub
    can name a partner new to the hub, which is the only kind merged; the hub re-points them the same way on push."""
    conn.exec_driver_sql("UPDATE account_items SET partner_id = ? WHERE side = ? AND partner_id = ?", (new, side, old))
    open_amounts.repoint_partner(conn, side, old, new)
    conn.exec_driver_sql("UPDATE OR IGNORE period_balances SET partner_id = ? WHERE side = ? AND partner_id = ?",
                         (new, side, old))
    conn.exec_driver_sql("DELETE FROM period_balances WHERE side = ? AND partner_id = ?", (side, old))


def _has_movements(conn: Connection, spec: r.Spec, key: str) -> bool:
    """Whether movements were written under ``key`` (or under a record merged into it before)."""
    ids = merged_ids.ids_of(merged_ids.merged(conn).get(spec.name, {}), key)
    marks = ", ".join("?" for _ in ids)
    column = merged_ids.TABLES[spec.name]
    return conn.exec_driver_sql(f"SELECT 1 FROM movements WHERE {column} IN ({marks}) LIMIT 1",
                                tuple(ids)).first() is not None


def merge_kept(conn: Connection, spec: r.Spec, old: str, new: str, present: bool = True) -> bool:
    """Merge product or warehouse ``old`` into ``new``, both here, keeping the movements as they were written.

    The merge is recorded in ``sync_aliases`` (this desk's own row, device ''; one merged into ``old`` before now
    follows it to ``new``), which the readers of a movement's product and warehouse go through
    (``persistence/stock/merged.py``). ``old`` stays, for its movements only: its SKU or code set aside (the survivor
    has it), inactive, left out of the lists and of the records a sync exchanges. Every other reference (barcodes,
    document and order lines, terms, unfilled demand…) moves to ``new``; ``old``'s balances go, and each pair it
    had is replayed in full under ``new``. ``present`` False: ``new``'s record follows in this transaction with its
    own child rows (barcodes), so ``old``'s are dropped rather than moved.
    """
    column = merged_ids.TABLES[spec.name]
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    if conn.exec_driver_sql("SELECT 1 FROM sync_aliases WHERE tbl = ? AND old_key = ? AND device_id = ''",
                            (spec.name, old)).first():
        return False  # merged already
    at = to_micros(clock.now())
    conn.exec_driver_sql("UPDATE sync_aliases SET new_key = ? WHERE tbl = ? AND new_key = ? AND device_id = ''",
                         (new, spec.name, old))
    conn.exec_driver_sql("INSERT INTO sync_aliases (tbl, old_key, new_key, device_id, at) VALUES (?, ?, ?, '', ?) "
                         "ON CONFLICT (tbl, old_key) DO UPDATE SET new_key = excluded.new_key, "
                         "device_id = excluded.device_id, at = excluded.at", (spec.name, old, new, at))
    mapping = merged_ids.merged(conn).get(spec.name, {})
    olds = tuple(o for o, n in mapping.items() if n == new)
    marks = ", ".join("?" for _ in olds)
    pairs = conn.exec_driver_sql(f"SELECT DISTINCT product_id, warehouse_id FROM movements WHERE {column} IN ({marks})",
                                 olds).fetchall()
    conn.exec_driver_sql(f"DELETE FROM balances WHERE {column} IN ({marks})", olds)
    conn.exec_driver_sql(f"DELETE FROM sync_dirty WHERE {column} IN ({marks})", olds)
    touched = conn.info.setdefault(RENUMBERED, set())
    children = {child.name for child, _ in spec.children}
    for table, ref in references(spec.name):
        if table in ("balances", "movements", "sync_dirty"):
            continue
        _note_touched(conn, touched, table, ref, old)
        if present or table not in children:
            conn.exec_driver_sql(f'UPDATE OR IGNORE "{table}" SET "{ref}" = ? WHERE "{ref}" = ?', (new, old))
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE "{ref}" = ?', (old,))
    if spec.name == "products":  # a packaging unit the survivor had by the same name went: its barcodes go with it
        conn.exec_driver_sql("DELETE FROM product_unit_barcodes WHERE unit_id NOT IN (SELECT id FROM product_units)")
    maps = merged_ids.merged(conn)
    for p, w in pairs:
        mark_dirty(conn, *merged_ids.pair_of(maps, p, w), -(2**62), "")
    key = "sku" if spec.name == "products" else "code"
    values = {key: (merged_ids.KEPT_PREFIX + old)[:spec.table.c[key].type.length]}
    if "active" in spec.table.c:
        values["active"] = False
    conn.execute(spec.table.update().where(spec.table.c.id == old).values(**values))
    conn.execute(t.sync_rows.delete().where(t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id == old))
    return True


def _note_touched(conn: Connection, touched: set, table: str, column: str, old: str) -> None:
    """Remember the records a merge re-points (changed by the sync, not by a clerk)."""
    for spec in r.SPECS:
        if spec.name == table:
            keys = [c for c in spec.key]
            for row in conn.exec_driver_sql(f'SELECT {", ".join(keys)} FROM "{table}" WHERE "{column}" = ?', (old,)):
                values = {k: r.encode_value(spec.table.c[k], v) for k, v in zip(keys, row, strict=True)}
                touched.add((spec.name, r.row_key(spec, values)))
        for child, fk in spec.children:
            if child.name == table:
                for (parent,) in conn.exec_driver_sql(f'SELECT "{fk[0]}" FROM "{table}" WHERE "{column}" = ?', (old,)):
                    touched.add((spec.name, parent))


def _renumber_refs(conn: Connection, device_id: str, old: str, new: str) -> None:
    """A document's movements carry its number: record its renumbering (only this record's device's movements
    follow it) in ``movement_refs``, never in the movements, which stay as they were written.

    A reference renumbered again (here, then on the hub) is followed to its last number; the readers of a
    movement's reference resolve it through the table (``ref_of``), and the push sends the new one
    (``follow_refs``): the hub and the other desks only ever see the new number.
    """
    if old == new:
        return
    at = to_micros(clock.now())
    conn.exec_driver_sql("UPDATE movement_refs SET new_ref = ?, at = ? WHERE device_id = ? AND new_ref = ?",
                         (new, at, device_id, old))
    conn.exec_driver_sql("INSERT INTO movement_refs (device_id, old_ref, new_ref, at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (device_id, old_ref) DO UPDATE SET new_ref = excluded.new_ref, at = excluded.at",
                         (device_id, old, new, at))


def follow_refs(conn: Connection, rows: list[tuple]) -> list[tuple]:
    """Movements (raw, in the table's column order) with the references renumbered here replaced by the new ones
    (a movement pinned by its id, ``pin_pulled_refs``, as pinned)."""
    renumbered = {(d, old): new for d, old, new in conn.exec_driver_sql(
        "SELECT device_id, old_ref, new_ref FROM movement_refs")}
    if not renumbered:
        return rows
    names = [c.name for c in t.movements.columns]
    di, ri = names.index("device_id"), names.index("source_ref")
    result = []
    for row in rows:
        new = renumbered.get((row[0], row[ri]))
        if new is None:
            new = renumbered.get((row[di], row[ri]))
        if new is not None:
            row = (*row[:ri], new, *row[ri + 1:])
        result.append(row)
    return result


def pin_pulled_refs(conn: Connection, rows: list[tuple]) -> list[tuple[str, str]]:
    """Before pulled movements (raw) are inserted: pin those a renumbering here would misread to the reference they
    came with; returns the (id, reference) pinned, to write with ``write_pins`` once they are in.

    A renumbering is kept by (device, old number) for this desk's own movements. A file copied to a second PC keeps
    the device id, and both copies number their documents alike: a movement the other copy wrote under a number
    this one renumbered comes in with the same device and number, and would read as this desk's new number (and be
    reversed with its document). What comes from the hub already carries its final number, so a pulled movement
    new here reads as it came: its own id, with that number for both, in ``movement_refs``."""
    renumbered = {(d, old) for d, old in conn.exec_driver_sql("SELECT device_id, old_ref FROM movement_refs")}
    if not renumbered:
        return []
    names = [c.name for c in t.movements.columns]
    di, ri = names.index("device_id"), names.index("source_ref")
    wanted = {row[0]: row[ri] for row in rows if (row[di], row[ri]) in renumbered}
    if not wanted:
        return []
    here = set(conn.execute(select(t.movements.c.id).where(t.movements.c.id.in_(list(wanted)))).scalars())
    return [(key, ref) for key, ref in wanted.items() if key not in here]  # this desk's own are not pinned


def write_pins(conn: Connection, pins: list[tuple[str, str]]) -> None:
    if pins:
        at = to_micros(clock.now())
        conn.exec_driver_sql("INSERT INTO movement_refs (device_id, old_ref, new_ref, at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (device_id, old_ref) DO NOTHING", [(k, ref, ref, at) for k, ref in pins])


def follow_merges(conn: Connection, rows: list[tuple]) -> list[tuple]:
    """Movements (raw, in the table's column order) with a product or warehouse merged here (``merge_kept``) replaced
    by its survivor: the hub holds the same alias, so it and the other desks only ever see the survivor."""
    maps = merged_ids.merged(conn)
    if not maps:
        return rows
    names = [c.name for c in t.movements.columns]
    pi, wi = names.index("product_id"), names.index("warehouse_id")
    result = []
    for row in rows:
        p, w = merged_ids.pair_of(maps, row[pi], row[wi])
        if (p, w) != (row[pi], row[wi]):
            row = list(row)
            row[pi], row[wi] = p, w
            row = tuple(row)
        result.append(row)
    return result


def _renumber_local(conn: Connection, spec: r.Spec, key: str, record: dict) -> None:
    """Give a not-yet-pushed local record the next free local number (the hub checks again on push)."""
    table = spec.table
    where = [table.c.year == record["year"]]
    if "kind" in table.c:
        where.append(table.c.kind == record["kind"])
    seq = int(conn.execute(select(func.coalesce(func.max(table.c.seq), 0)).where(*where)).scalar_one()) + 1
    prefix, digits = record["number"].rsplit("-", 1)
    number = f"{prefix}-{seq:0{len(digits)}d}"
    conn.execute(table.update().where(table.c.id == key).values(number=number, seq=seq))
    if spec.name != "account_items":  # movements carry a document's number, never a receipt's or payment's
        _renumber_refs(conn, record.get("device_id", ""), record["number"], number)
    conn.info.setdefault(RENUMBERED, set()).add((spec.name, key))  # changed by the sync, not by a clerk


def _clashing(conn: Connection, spec: r.Spec, key: str, record: dict) -> list[str]:
    table = spec.table
    values = r.decode_row(table, record)
    found = []
    for columns in spec.unique:
        if r.clash_values(spec, record, columns) is None:
            continue
        for row in conn.execute(select(*[table.c[k] for k in spec.key])
                                .where(*[table.c[c] == values[c] for c in columns])):
            other = row[0] if spec.key == ("id",) else json.dumps(list(row), ensure_ascii=False)
            if other != key and other not in found:
                found.append(other)
    return found


UNKNOWN = object()


def apply_record(conn: Connection, device_id: str, spec: r.Spec, key: str, version: int,
                 record: dict | None, pushed_hash: str | None = None, local=UNKNOWN) -> None:
    """Make the hub's version of a record the local one, never dropping a local edit unrecorded.

    ``pushed_hash`` is the content this device just pushed for the record (the hub has already
    judged it, and kept it in the conflicts list if it lost); a local edit newer than both is
    kept in the conflicts list here.
    """
    incoming_hash = r.content_hash(spec, record)
    synced = conn.execute(select(t.sync_rows.c.version, t.sync_rows.c.hash)
                          .where(t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id == key)).first()
    if pushed_hash is None and synced is not None and (tuple(synced) == (version, incoming_hash)
                                                       or synced.version > version):
        return  # already this version or a later one (the hub's versions of a record only go up)
    known = pushed_hash if pushed_hash is not None else (synced.hash if synced is not None else None)
    if local is UNKNOWN or spec.on_clash == "renumber":  # an earlier record of this batch may have renumbered it
        local = r.read_records(conn, spec, [key]).get(key)
    if local is not None:
        local_hash = r.content_hash(spec, local)
        if local_hash == incoming_hash and record is not None:
            if "version" in spec.table.c and local.get("version") != record.get("version"):
                where = [spec.table.c[k] == v for k, v in r.key_values(spec, key).items()]
                conn.execute(spec.table.update().where(*where).values(version=record["version"]))
            mark_synced(conn, spec, key, version, incoming_hash)
            return
        renumbered = (spec.name, key) in conn.info.get(RENUMBERED, ())
        unedited = synced is not None and known == synced.hash and r.set_by_migration(spec, local, *synced)
        if local_hash != incoming_hash and known is not None and local_hash != known and not renumbered \
                and not unedited:
            local_conflict(conn, device_id, spec, key, rules.rule("edited_during_sync"), record, local)
    if record is None:
        if local is not None:
            r.delete_record(conn, spec, key)
        mark_synced(conn, spec, key, version, "")
        return
    if local is None:
        for other in _clashing(conn, spec, key, record):
            other_record = r.read_records(conn, spec, [other]).get(other)
            if spec.on_clash == "merge":
                local_conflict(conn, device_id, spec, other, rules.rule("duplicate_merged", label="/".join(spec.label)),
                               record, other_record)
                apply_alias(conn, spec, other, key)
            elif spec.on_clash == "renumber":
                _renumber_local(conn, spec, other, other_record)
            else:
                dropped = rules.rule("duplicate_dropped", label="/".join(spec.label))
                local_conflict(conn, device_id, spec, other, dropped, record, other_record)
                r.delete_record(conn, spec, other)
                conn.execute(t.sync_rows.delete().where(t.sync_rows.c.tbl == spec.name,
                                                        t.sync_rows.c.row_id == other))
        local = r.read_records(conn, spec, [key]).get(key)
    elif spec.on_clash == "renumber" and local.get("number") != record.get("number") and local.get("number"):
        for other in _clashing(conn, spec, key, record):
            _renumber_local(conn, spec, other, r.read_records(conn, spec, [other])[other])
        if spec.name != "account_items":
            _renumber_refs(conn, local.get("device_id", ""), local["number"], record["number"])
    if spec.name == "products":
        for row in record["_children"].get("barcodes", []):
            conn.execute(t.barcodes.delete().where(t.barcodes.c.barcode == row["barcode"],
                                                   t.barcodes.c.product_id != key))
            conn.execute(t.product_unit_barcodes.delete().where(t.product_unit_barcodes.c.barcode == row["barcode"]))
    elif spec.name == "product_units":  # the hub's packaging unit has the barcode now (one namespace with products')
        for row in record["_children"].get("product_unit_barcodes", []):
            conn.execute(t.product_unit_barcodes.delete().where(t.product_unit_barcodes.c.barcode == row["barcode"],
                                                                t.product_unit_barcodes.c.unit_id != key))
            conn.execute(t.barcodes.delete().where(t.barcodes.c.barcode == row["barcode"]))
    r.write_record(conn, spec, record, local is not None)
    mark_synced(conn, spec, key, version, incoming_hash)


def insert_immutable(conn: Connection, table, rows: list[tuple]) -> int:
    """Insert pulled movements (or unfilled demand), raw, ignoring ones already here."""
    if not rows:
        return 0
    columns = [c.name for c in table.columns]
    marks = ", ".join("?" for _ in columns)
    before = conn.exec_driver_sql("SELECT total_changes()").scalar_one()
    names = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING", rows)
    return conn.exec_driver_sql("SELECT total_changes()").scalar_one() - before


def alias_rows(conn: Connection) -> list[tuple[str, str, str]]:
    return [tuple(row) for row in conn.execute(text("SELECT tbl, old_key, new_key FROM sync_aliases"))]


def answer_reversal(conn: Connection, movement_id: str, original: str) -> bool:
    """Append the undo and the adjustment that answer this device's reversal of ``original`` that lost to another
    reversal of it (``settle``); the reversal itself stays as it was written. Idempotent (False when there is
    nothing to do: no such reversal here, or it is answered already); the pair is put up for a recompute.
    """
    names = ", ".join(f'"{c}"' for c in settle.MOVEMENT_COLUMNS)
    row = conn.exec_driver_sql(f"SELECT {names} FROM movements WHERE id = ? AND kind = 'reversal' AND reverses_id = ?",
                               (movement_id, original)).first()
    if row is None or conn.exec_driver_sql("SELECT 1 FROM movements WHERE reverses_id = ?", (movement_id,)).first():
        return False
    if not insert_immutable(conn, t.movements, list(settle.answer(tuple(row)))):
        return False
    new = dict(zip(settle.MOVEMENT_COLUMNS, row, strict=True))
    pair = merged_ids.pair_of(merged_ids.merged(conn), new["product_id"], new["warehouse_id"])
    mark_dirty(conn, *pair, new["occurred_at"], movement_id)
    return True


def settle_pulled_reversals(conn: Connection, device_id: str, rows: list[tuple]) -> None:
    """A pulled reversal of a movement this device also reversed and has not pushed: ours will lose on the hub
    (the pulled one is there), so it is answered here now, as the hub will answer it (``settle``)."""
    kind, reverses, mid = (settle.MOVEMENT_COLUMNS.index(n) for n in ("kind", "reverses_id", "id"))
    pulled = [row for row in rows if row[kind] == "reversal"]
    if not pulled:
        return
    undone = {row[reverses] for row in pulled}  # a pulled reversal that comes undone lost itself: ours may stay
    pushed = int(get_setting(conn, PUSHED + t.movements.name, "0"))
    for row in pulled:
        if row[mid] in undone or conn.exec_driver_sql("SELECT 1 FROM movements WHERE reverses_id = ?",
                                                      (row[mid],)).first():
            continue
        ours = conn.exec_driver_sql("SELECT id FROM movements WHERE reverses_id = ? AND id <> ? AND kind = 'reversal' "
                                    "AND device_id = ? AND rowid > ?",
                                    (row[reverses], row[mid], device_id, pushed)).scalars().all()
        for movement_id in ours:
            answer_reversal(conn, movement_id, row[reverses])


def _local_keys(conn: Connection, spec: r.Spec, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        query = select(*[spec.table.c[k] for k in spec.key]).where(r.where_keys(spec, chunk))
        for row in conn.execute(query):
            values = {k: r.encode_value(spec.table.c[k], v) for k, v in zip(spec.key, row, strict=True)}
            found.add(r.row_key(spec, values))
    return found


def _business_keys(conn: Connection, spec: r.Spec) -> dict[tuple[str, ...], dict[tuple, str]]:
    table = spec.table
    result = {}
    for columns in spec.unique:
        found = {}
        for row in conn.execute(select(*[table.c[k] for k in spec.key], *[table.c[c] for c in columns])):
            key_part, values = row[:len(spec.key)], row[len(spec.key):]
            key = r.row_key(spec, {k: r.encode_value(table.c[k], v) for k, v in zip(spec.key, key_part, strict=True)})
            found[tuple(r.encode_value(table.c[c], v) for c, v in zip(columns, values, strict=True))] = key
        result[columns] = found
    return result


def apply_records(conn: Connection, device_id: str, spec: r.Spec, entries: list[tuple[str, int, dict | None]]) -> None:
    """Apply a run of pulled versions of one table, in order; new records that clash with nothing here are
    inserted in bulk, the others go through ``apply_record`` one by one."""
    keys = [key for key, _, _ in entries]
    synced: dict[str, tuple[int, str]] = {}
    for i in range(0, len(keys), 500):
        rows = conn.execute(select(t.sync_rows.c.row_id, t.sync_rows.c.version, t.sync_rows.c.hash).where(
            t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id.in_(keys[i:i + 500])))
        synced.update({row.row_id: (row.version, row.hash) for row in rows})
    here = _local_keys(conn, spec, keys)
    business = _business_keys(conn, spec) if spec.unique else {}
    owners = dict(conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)).all()) \
        if spec.name == "products" else {}
    repeated = {key for key, n in Counter(keys).items() if n > 1}
    fresh, slow = [], []
    for key, version, record in entries:
        hash_ = r.content_hash(spec, record)
        if key not in repeated and synced.get(key) == (version, hash_):
            continue
        clash = record is not None and any(  # as ``_clashing``: some keys clash with nothing
            business[cols].get(values) not in (None, key) for cols in spec.unique
            if (values := r.clash_values(spec, record, cols)) is not None)
        taken = record is not None and any(owners.get(b["barcode"]) not in (None, key)
                                           for b in record.get("_children", {}).get("barcodes", []))
        if record is None or key in here or key in repeated or clash or taken:
            slow.append((key, version, record))
            continue
        fresh.append((key, version, record, hash_))
        here.add(key)
        for cols in spec.unique:
            if (values := r.clash_values(spec, record, cols)) is not None:
                business[cols][values] = key
        owners.update({b["barcode"]: key for b in record.get("_children", {}).get("barcodes", [])})
    if fresh:
        conn.execute(spec.table.insert(), [r.decode_row(spec.table, record) for _, _, record, _ in fresh])
        for child, _ in spec.children:
            rows = [r.decode_row(child, row) for _, _, record, _ in fresh
                    for row in record.get("_children", {}).get(child.name, [])]
            if rows:
                conn.execute(child.insert(), rows)
        conn.exec_driver_sql("INSERT INTO sync_rows (tbl, row_id, version, hash) VALUES (?, ?, ?, ?) ON CONFLICT "
                             "(tbl, row_id) DO UPDATE SET version = excluded.version, hash = excluded.hash",
                             [(spec.name, key, version, hash_) for key, version, _, hash_ in fresh])
    for key, version, record in slow:
        apply_record(conn, device_id, spec, key, version, record)


def quarantine(conn: Connection, tbl: str, row_id: str, seq: int, version: int, reason: str, data: str,
               device_id: str) -> None:
    """Keep a refused pulled record aside with the reason (one entry per record, the latest refusal).

    A ``reasons.Reason`` keeps its code and values beside the English, so a screen can say it in its
    reader's language; plain text (a database error) is kept with code ''.
    """
    from persistence.sync.reasons import code_of

    code, params = code_of(reason)
    conn.exec_driver_sql(
        "INSERT INTO sync_quarantine (tbl, row_id, seq, version, reason, data, device_id, at, code, params) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET seq = excluded.seq, "
        "version = excluded.version, reason = excluded.reason, data = excluded.data, device_id = excluded.device_id, "
        "at = excluded.at, code = excluded.code, params = excluded.params",
        (str(tbl)[:40], str(row_id)[:200], int(seq), int(version) if -2**31 <= int(version) < 2**31 else 0,
         str(reason)[:500], data, str(device_id)[:200], to_micros(clock.now()), code[:64],
         json.dumps(params, ensure_ascii=False) if code else ""))


def release(conn: Connection, tbl: str, keys: list[str]) -> None:
    """Forget the quarantine entries of records now applied (a corrected version arrived)."""
    for i in range(0, len(keys), 500):
        conn.execute(t.sync_quarantine.delete().where(t.sync_quarantine.c.tbl == tbl,
                                                      t.sync_quarantine.c.row_id.in_(keys[i:i + 500])))


def quarantined(conn: Connection) -> list[tuple[str, str, int, str]]:
    """(table, key, seq, reason) of every pulled record kept aside, oldest first (not this desk's own
    records held back from a push, whose table is prefixed ``outgoing:``)."""
    q = t.sync_quarantine.c
    return [tuple(row) for row in conn.execute(
        select(q.tbl, q.row_id, q.seq, q.reason).where(q.tbl.not_like("outgoing:%")).order_by(q.seq))]


def start_over(conn: Connection) -> None:
    """Forget every position exchanged with a hub: the next sync pushes everything here (whoever made
    it) and pulls everything the hub holds; what both sides hold is recognised and ignored."""
    conn.execute(t.settings.delete().where(t.settings.c.key.in_((CURSOR, CURSOR_MARK, HUB_ID))))
    conn.execute(t.settings.delete().where(t.settings.c.key.like(PUSHED + "%")))
    conn.execute(t.sync_rows.delete())
    conn.execute(t.sync_quarantine.delete().where(t.sync_quarantine.c.tbl.not_like("outgoing:%")))
    set_setting(conn, PUSH_ALL, "1")


def has_positions(conn: Connection) -> bool:
    """Whether this file has exchanged anything with a hub."""
    if int(get_setting(conn, CURSOR, "0")) > 0:
        return True
    if conn.execute(select(t.settings.c.key).where(t.settings.c.key.like(PUSHED + "%")).limit(1)).first():
        return True
    return conn.execute(select(t.sync_rows.c.tbl).limit(1)).first() is not None


def confirm_pushed(conn: Connection, spec: r.Spec, confirmed: list[tuple[str, int, dict, dict, str]]) -> None:
    """``apply_record`` for pushed records the hub took exactly as they were sent, in two statements.

    ``confirmed`` holds (key, version, the hub's record, the record as pushed, its content hash) of records keyed
    by id whose content hash the hub kept unchanged: each takes the hub's version and is marked as exchanged.
    """
    if not confirmed:
        return
    if "version" in spec.table.c:
        changed = [(record["version"], key) for key, _, record, local, _ in confirmed
                   if local.get("version") != record.get("version")]
        if changed:
            conn.exec_driver_sql(f'UPDATE "{spec.name}" SET version = ? WHERE id = ?', changed)
    conn.exec_driver_sql("INSERT INTO sync_rows (tbl, row_id, version, hash) VALUES (?, ?, ?, ?) ON CONFLICT "
                         "(tbl, row_id) DO UPDATE SET version = excluded.version, hash = excluded.hash",
                         [(spec.name, key, version, hash_) for key, version, _, _, hash_ in confirmed])


BULK_CACHE_KIB = 65_536


@contextmanager
def roomy_cache(conn: Connection):
    """A page cache of 64 MiB on this connection while a bulk step of the sync runs, the connection's own after.

    Inserting tens of thousands of movements touches pages all over six indexes; with SQLite's default
    2 MiB cache they are written out and read back again and again (a fifth more time for a first pull).
    """
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
