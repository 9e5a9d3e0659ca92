"""What a pull lets in: every logged record and movement checked before it is applied.

``admit`` takes one batch read from the hub (log entries with their JSON, movements and
unfilled demand with their log sequence) and applies, in log order, only what passes
``checks`` and whose references exist here (or arrived earlier in the same pull). The rest is
quarantined with its reason (``sync_quarantine``) and the sync goes on. Quarantined entries
are read from the hub again at every sync (``retry_from_hub``): a corrected version (or a
reference that has arrived since) lets them in, and their entry is released.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import Connection
from sqlalchemy import select

from domain.kernel.validate import code_key
from persistence import tables as t
from persistence.sync import accounts
from persistence.sync import checks
from persistence.sync import local as loc
from persistence.sync import reasons as why
from persistence.sync import records as r
from persistence.sync import suppliers

FACTS = {"movements": t.movements, "unfilled_demand": t.unfilled_demand}
ACCOUNT_TABLES = frozenset({"account_items", "allocations", "period_balances"})  # checked against what is here too


@dataclass
class Entry:
    seq: int
    tbl: str
    key: str
    version: int
    data: str
    device: str


@dataclass
class Admitted:
    records: int = 0
    facts: int = 0
    refused: int = 0
    movements: list[tuple] = field(default_factory=list)  # the movement rows inserted (raw), for the recompute
    # the open items and allocations admitted, with their log sequence (accounts), and the movements' sequences
    items: list[tuple[int, dict]] = field(default_factory=list)
    allocations: list[tuple[int, dict]] = field(default_factory=list)
    movement_seqs: dict[str, int] = field(default_factory=dict)
    settled: int = 0  # undo rows written for allocations beyond an item's amount (accounts.settle_allocations)
    closed: int = 0  # facts listed as dated in a month closed here (accounts.closed_month_conflicts)
    # receipts pulled reversed and supplier invoices pulled: an invoice that bills a reversed receipt without a PO
    documents_reversed: set[str] = field(default_factory=set)
    invoices: set[str] = field(default_factory=set)
    billed: int = 0  # invoices listed as billing a reversed receipt (accounts.billed_reversed_receipts)


def _present(conn: Connection, table: str, ids: set[str]) -> set[str]:
    found: set[str] = set()
    ids_ = [i for i in ids if isinstance(i, str)]
    target = t.metadata.tables[table]
    for i in range(0, len(ids_), 500):
        found.update(conn.execute(select(target.c.id).where(target.c.id.in_(ids_[i:i + 500]))).scalars())
    return found


def missing_reference(conn: Connection, spec: r.Spec, record: dict, cache: dict[str, set[str]]) -> str:
    """The first reference of ``record`` (or of its child rows) to a record that is not here; '' if none."""
    rows = [record] + [row for child, _ in spec.children for row in record["_children"].get(child.name, [])]
    for row in rows:
        for column, target in spec.refs.items():
            value = row.get(column)
            if value is None or value == record.get("id") and target == spec.name:
                continue
            known = cache.setdefault(target, set())
            if value not in known:
                if _present(conn, target, {value}):
                    known.add(value)
                else:
                    return why.reason("missing_reference", column=column, target=target, value=value)
    return ""


class _Codes:
    """SKUs and barcodes here by ``code_key``, read once per run of pulled products and kept up to date
    with the records admitted in the run."""

    def __init__(self, conn: Connection) -> None:
        self.sku = {code_key(sku): (pid, sku) for pid, sku in conn.execute(select(t.products.c.id, t.products.c.sku))}
        self.barcode = {code_key(b): (pid, b) for b, pid in conn.execute(
            select(t.barcodes.c.barcode, t.barcodes.c.product_id))}

    def admit(self, key: str, record: dict) -> None:
        self.sku[code_key(record["sku"])] = (key, record["sku"])
        for row in record.get("_children", {}).get("barcodes", []):
            self.barcode[code_key(row["barcode"])] = (key, row["barcode"])


def code_clash(codes: _Codes, key: str, record: dict) -> str:
    """Why a pulled product cannot come in beside the products here: its SKU is another product's SKU in
    another case, or another product's barcode, or one of its barcodes is another product's SKU; ''.

    The very same SKU on another record is a duplicate the sync merges (``local.apply_record``), and the
    very same barcode stays with the product that has it here; those are not refused.
    """
    sku = record["sku"]
    owner = codes.sku.get(code_key(sku))
    if owner is not None and owner[0] != key and owner[1] != sku:
        return why.reason("sku_other_case", sku=repr(sku), other=repr(owner[1]))
    owner = codes.barcode.get(code_key(sku))
    if owner is not None and owner[0] != key:
        return why.reason("sku_is_barcode", sku=repr(sku))
    for row in record.get("_children", {}).get("barcodes", []):
        owner = codes.sku.get(code_key(row["barcode"]))
        if owner is not None and owner[0] != key:
            return why.reason("barcode_is_sku", barcode=repr(row["barcode"]))
    return ""


def _still_referenced(conn: Connection, spec: r.Spec, key: str) -> str:
    """Why a record deleted on the hub cannot be deleted here (rows still point at it); '' when it can."""
    if spec.key != ("id",):
        return ""
    children = {child.name for child, _ in spec.children}
    for table, column in loc.references(spec.name):
        if table in children:
            continue
        if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" WHERE "{column}" = ? LIMIT 1', (key,)).first():
            return why.reason("still_referenced", table=table)
    return ""


def _refuse(conn: Connection, e: Entry, reason: str, data: str | None = None) -> None:
    loc.quarantine(conn, e.tbl, e.key, e.seq, e.version, reason, e.data if data is None else data, e.device)


def admit(conn: Connection, me: str, entries: list[Entry], facts: dict[str, list[tuple[Entry, tuple]]],
          authority, before_joining: Collection[str] = frozenset()) -> Admitted:
    """Apply the acceptable part of one pulled batch in log order; quarantine the rest (see module).
    ``before_joining``: the conflicts among ``entries`` that the hub held when this desk joined it
    (``conflicts_before_joining``)."""
    out = Admitted()
    cache: dict[str, set[str]] = {}
    closings = accounts.Closings(conn)  # which months were closed here at each point of the batch
    run: list[tuple[Entry, dict | None]] = []
    run_spec: r.Spec | None = None

    def flush_run() -> None:
        nonlocal run
        if not run:
            return
        if run_spec.name == "sync_conflicts":
            run = own_conflicts(conn, me, run, before_joining)
        good = []
        codes = _Codes(conn) if run_spec.name == "products" else None
        changed = accounts.changed_facts(conn, run_spec, [(e.key, rec) for e, rec in run]) \
            if run_spec.immutable else {}
        admitted: dict[str, dict] = {}  # this run's records so far, for the accounts' checks
        known = accounts.Known(conn, run_spec, [rec for _, rec in run if isinstance(rec, dict)]) \
            if run_spec.name in ACCOUNT_TABLES else None
        if known is not None:  # the items it names are here: missing_reference need not ask one by one
            cache.setdefault("account_items", set()).update(known.items)
            cache.setdefault("allocations", set()).update(known.allocations)
        for e, record in run:
            if e.key in changed:
                reason = changed[e.key]
            elif record is None:
                reason = _still_referenced(conn, run_spec, e.key)
            else:
                reason = missing_reference(conn, run_spec, record, cache)
                if not reason and codes is not None:
                    reason = code_clash(codes, e.key, record)
                if not reason and run_spec.name in ACCOUNT_TABLES:
                    reason = accounts.reference_problem(run_spec, record, admitted, known)
                if not reason and run_spec.name == "suppliers":
                    reason = suppliers.currency_change_blocked(conn, e.key, record)
                if not reason and run_spec.name in suppliers.PRICES:
                    reason = suppliers.waits_for_currency(conn, record)
            reason = reason or authority(conn, run_spec, e, record)
            if reason:
                _refuse(conn, e, reason)
                out.refused += 1
                continue
            if codes is not None and record is not None:
                codes.admit(e.key, record)
            if record is not None and run_spec.key == ("id",):
                admitted[e.key] = record
                cache.setdefault(run_spec.name, set()).add(e.key)  # a reversal may follow its original in the run
            good.append((e.key, e.version, record))
        if good:
            loc.apply_records(conn, me, run_spec, good)
            loc.release(conn, run_spec.name, [k for k, _, _ in good])
            cache.pop(run_spec.name, None)
            out.records += len(good)
            seqs = {e.key: e.seq for e, _ in run}
            if run_spec.name == "account_items":
                out.items.extend((seqs[k], record) for k, _, record in good if record is not None)
            elif run_spec.name == "allocations":
                out.allocations.extend((seqs[k], record) for k, _, record in good if record is not None)
            elif run_spec.name == "periods":
                closings.changed(conn, max(seqs.values()))
            elif run_spec.name == "documents":
                out.documents_reversed.update(k for k, _, record in good if record is not None
                                              and record.get("kind") == "receipt" and record.get("reversed"))
            elif run_spec.name == "supplier_invoices":
                out.invoices.update(k for k, _, record in good if record is not None and not record.get("reversed"))
        run = []

    for e in entries:
        if e.tbl in FACTS:
            continue
        spec = r.BY_NAME.get(e.tbl)
        if spec is None:
            _refuse(conn, e, why.reason("unknown_table", table=repr(e.tbl[:40])))
            out.refused += 1
            continue
        try:
            record = checks.reason_json(e.data)
            reason = checks.check_key(spec, e.key) or checks.check_record(spec, e.key, record)
        except checks.Refused as exc:
            record, reason = None, exc.reason
        if not reason and record is None and not _is_deletion(e):
            reason = why.reason("record_empty")
        if reason:
            _refuse(conn, e, reason)
            out.refused += 1
            continue
        if run_spec is not spec:
            flush_run()
            run_spec = spec
        run.append((e, record))
    flush_run()
    for name, rows in facts.items():
        _admit_facts(conn, me, FACTS[name], rows, out)
    if out.allocations:
        out.settled = accounts.settle_allocations(conn, {x[c] for _, x in out.allocations
                                                         for c in ("debit_item_id", "credit_item_id")})
    if out.items or out.allocations:  # the derived open amounts of every item the batch wrote or allocated
        accounts.refresh_open(conn, out.items, out.allocations)
    if out.documents_reversed or out.invoices:
        out.billed = accounts.billed_reversed_receipts(conn, out.documents_reversed, out.invoices)
    out.closed = accounts.closed_month_conflicts(conn, closings, out.items, out.allocations, out.movements,
                                                 out.movement_seqs)
    return out


def own_conflicts(conn: Connection, me: str, run: list[tuple[Entry, dict | None]],
                  before_joining: Collection[str] = frozenset()) -> list[tuple[Entry, dict | None]]:
    """The pulled conflicts this desk takes. A conflict belongs to the desk that saw it: those other desks found
    before this desk joined the hub (its first sync, or a start over) are theirs, and a desk that joins starts with
    none of them, nor with later versions of them (a review made elsewhere). It takes those it holds already, those
    it saw itself (its push met them on the hub: ``device_id`` its instance) or in which its own version lost
    (``lost_device``), and those found since it joined, which the desks exchange as before (a conflict every desk
    finds alike, ``accounts``, is held once). A desk that joined before this rule takes all.

    "Before it joined" goes by the hub's log, not by anyone's clock: a conflict was found before when the hub had
    logged it by its last entry at the joining (``local.JOINED_SEQ``): an entry at or before that one, or a later
    version of a conflict logged by then (``before_joining``, asked of the hub: ``conflicts_before_joining``). So a
    desk whose clock is wrong neither takes the others' older conflicts nor misses the newer ones. A file that
    joined before the log was used (``local.JOINED_AT`` only) still compares the time the conflict was found, as
    its finder's clock read it, with its own at the joining."""
    joined_seq = loc.get_setting(conn, loc.JOINED_SEQ)
    joined = loc.get_setting(conn, loc.JOINED_AT)
    if not joined_seq and not joined:
        return run
    mine = {me, loc.get_setting(conn, "device_id")} - {""}
    here = _present(conn, "sync_conflicts", {e.key for e, _ in run})

    def taken(key: str, record: dict | None) -> bool:
        if key in here:
            return True
        if not isinstance(record, dict):
            return False
        if {record.get("device_id"), record.get("lost_device")} & mine:
            return True
        if joined_seq:
            return False
        detected = record.get("detected_at")
        return isinstance(detected, int) and detected >= int(joined)

    def found_since(e: Entry) -> bool:
        return bool(joined_seq) and e.seq > int(joined_seq) and e.key not in before_joining

    return [(e, record) for e, record in run if found_since(e) or taken(e.key, record)]


def conflicts_before_joining(hconn, joined: int, keys: Collection[str]) -> set[str]:
    """Those of the conflicts ``keys`` that the hub's log held by its entry ``joined`` (``local.JOINED_SEQ``)."""
    if not joined or not keys:
        return set()
    return set(hconn.exec_driver_sql(
        "SELECT DISTINCT row_id FROM sync_log WHERE tbl = 'sync_conflicts' AND seq <= %(j)s AND row_id = ANY(%(k)s)",
        {"j": joined, "k": list(keys)}).scalars())


def _is_deletion(e: Entry) -> bool:
    return e.data == ""


def _admit_facts(conn: Connection, me: str, table, rows: list[tuple[Entry, tuple]], out: Admitted) -> None:
    if not rows:
        return
    refusals = checks.fact_refusals(table, [row for _, row in rows])
    pi, wi = _index(table, "product_id"), _index(table, "warehouse_id")
    ri = _index(table, "reverses_id") if table is t.movements else None
    named_products, named_warehouses = {row[pi] for _, row in rows}, {row[wi] for _, row in rows}
    products = _present(conn, "products", named_products)
    warehouses = _present(conn, "warehouses", named_warehouses)
    originals = {row[ri] for _, row in rows if row[ri]} if ri is not None else set()
    known_movements = _present(conn, "movements", originals) if originals else set()
    if not refusals and not originals and len(products) == len(named_products) \
            and len(warehouses) == len(named_warehouses):
        good = [row for _, row in rows]  # the common batch: every row passes and all it names is here
    else:
        good = _admitted_one_by_one(conn, table, rows, refusals, products, warehouses, known_movements, out)
    if not good:
        return
    pins = []
    if table is t.movements:
        loc.settle_pulled_reversals(conn, me, good)
        pins = loc.pin_pulled_refs(conn, good)
    out.facts += loc.insert_immutable(conn, table, good)
    loc.write_pins(conn, pins)
    if _any_quarantined(conn, table.name):
        loc.release(conn, table.name, [row[0] for row in good])
    if table is t.movements:
        out.movements.extend(good)
        out.movement_seqs.update((row[0], e.seq) for e, row in rows)


def _admitted_one_by_one(conn: Connection, table, rows: list[tuple[Entry, tuple]], refusals: dict[int, str],
                         products: set[str], warehouses: set[str], known_movements: set[str],
                         out: Admitted) -> list[tuple]:
    """The rows that pass and whose references are here (or earlier in the batch); the rest quarantined."""
    pi, wi = _index(table, "product_id"), _index(table, "warehouse_id")
    ri = _index(table, "reverses_id") if table is t.movements else None
    good: list[tuple] = []
    for i, (e, row) in enumerate(rows):
        reason = refusals.get(i, "")
        if not reason and row[pi] not in products:
            reason = why.reason("fact_reference", column="product_id", target="product", value=row[pi])
        if not reason and row[wi] not in warehouses:
            reason = why.reason("fact_reference", column="warehouse_id", target="warehouse", value=row[wi])
        if not reason and ri is not None and row[ri] and row[ri] not in known_movements:
            reason = why.reason("fact_reference", column="reverses_id", target="movement", value=row[ri])
        if reason:
            data = checks.encode_raw(table, row) if len(row) == len(table.columns) else list(row)
            _refuse(conn, e, reason, json.dumps(data, ensure_ascii=False, default=str))
            out.refused += 1
            continue
        if ri is not None:
            known_movements.add(row[0])
        good.append(row)
    return good


def _any_quarantined(conn: Connection, tbl: str) -> bool:
    return conn.execute(select(t.sync_quarantine.c.tbl).where(t.sync_quarantine.c.tbl == tbl).limit(1)).first() \
        is not None


def _index(table, name: str) -> int:
    return [c.name for c in table.columns].index(name)


def retry_from_hub(conn: Connection, hconn, me: str, authority, joined: int = 0) -> Admitted:
    """Read every quarantined entry's current version on the hub again and admit what now passes."""
    waiting = loc.quarantined(conn)
    if not waiting:
        return Admitted()
    entries: list[Entry] = []
    facts: dict[str, list[tuple[Entry, tuple]]] = {name: [] for name in FACTS}
    for tbl, key, _seq, _reason in waiting:
        if tbl in FACTS:
            table = FACTS[tbl]
            cols = ", ".join(f'x."{c.name}"' for c in table.columns)
            found = hconn.exec_driver_sql(
                f"SELECT l.seq, l.device_id, {cols} FROM sync_log l JOIN {tbl} x ON x.id = l.row_id "
                f"WHERE l.tbl = %(t)s AND l.row_id = %(k)s ORDER BY l.seq DESC LIMIT 1", {"t": tbl, "k": key}).first()
            if found is not None:
                facts[tbl].append((Entry(found[0], tbl, key, 0, "", found[1]), tuple(found[2:])))
            continue
        found = hconn.exec_driver_sql(
            "SELECT seq, tbl, row_id, version, data, device_id FROM sync_log WHERE tbl = %(t)s AND row_id = %(k)s "
            "ORDER BY seq DESC LIMIT 1", {"t": tbl, "k": key}).first()
        if found is not None:
            entries.append(Entry(*found))
    entries.sort(key=lambda e: r.SPECS.index(r.BY_NAME[e.tbl]) if e.tbl in r.BY_NAME else -1)
    before = conflicts_before_joining(hconn, joined, [e.key for e in entries if e.tbl == "sync_conflicts"])
    return admit(conn, me, entries, facts, authority, before)


# -- aliases from the hub: a merge needs both records here ------------------------------------

ALIAS = "alias:"  # prefix of the quarantine entries of pulled aliases kept aside (row_id: the old key)


def apply_aliases(conn: Connection, aliases: list[tuple[str, str, str]], last: bool) -> list[tuple[str, str, str]]:
    """Apply the pulled aliases (table, old key, new key) that may be applied; return those that wait.

    An alias merges a record here into another (``local.apply_alias``). It is applied only when
    both records are here: one whose target is not here would rename a record to an id the hub
    chose, so it waits for the pull (the target may come with it) and is then kept aside with its
    reason (``last``), never renamed. A record merged into another was the same thing made twice
    (a duplicate SKU or code); the hub may say so, but a user merged into another user is how a
    hub could take a desk's admin away, so that waits for an admin of this desk (``approve``). A
    reversal alias applies only to a reversal here of the movement it names.
    """
    waiting, settled = [], []
    for tbl, old, new in aliases:
        if tbl == "reversal":
            reason = _reversal_alias(conn, old, new)
            if not reason:
                loc.answer_reversal(conn, old, new)
                settled.append((tbl, old))
            else:
                loc.quarantine(conn, ALIAS + tbl, old, 0, 0, reason, new, "")
            continue
        spec = r.BY_NAME[tbl]
        if not r.exists(conn, spec, old):
            settled.append((tbl, old))  # nothing here to merge (or merged already)
            continue
        if not r.exists(conn, spec, new):
            if last:
                loc.quarantine(conn, ALIAS + tbl, old, 0, 0, why.reason("merged_missing", table=tbl, key=new), new, "")
            else:
                waiting.append((tbl, old, new))
            continue
        if tbl == "users":
            names = dict(conn.execute(select(t.users.c.id, t.users.c.username)
                                      .where(t.users.c.id.in_((old, new)))).all())
            loc.quarantine(conn, ALIAS + tbl, old, 0, 0, why.reason("user_merged", username=names.get(old),
                                                                into=names.get(new)), new, "")
            continue
        loc.apply_alias(conn, spec, old, new)
        settled.append((tbl, old))
    if settled and conn.execute(select(t.sync_quarantine.c.tbl).where(t.sync_quarantine.c.tbl.like(ALIAS + "%"))
                                .limit(1)).first() is not None:
        for tbl, old in settled:
            loc.release(conn, ALIAS + tbl, [old])
    return waiting


def _reversal_alias(conn: Connection, movement_id: str, original: str) -> str:
    """Why the alias 'reversal ``movement_id`` lost to another reversal of ``original``' may not be applied."""
    row = conn.execute(select(t.movements.c.kind, t.movements.c.reverses_id)
                       .where(t.movements.c.id == movement_id)).first()
    if row is None or row.kind != "reversal":
        return ""  # nothing here to convert: convert_reversal does nothing
    if row.reverses_id != original:
        return why.reason("second_reversal", original=original, reverses=row.reverses_id)
    return ""


# -- what a push lets out: the same checks, so the hub never refuses what a desk sends ----------

OUTGOING = "outgoing:"  # prefix of the quarantine entries of this desk's own records held back


USERS_NEED_ADMIN = why.reason("users_need_admin")


def outgoing(pending: list, users: bool = True) -> tuple[list, list[tuple[str, str, str]]]:
    """Split pending records into those that pass the checks and (table, key, reason) of the rest.

    A record that refers to a held-back record is held back too (the hub would refuse the reference).
    ``users`` False: the hub login may not write user records (a desk's own, see ``roles``), so they wait.
    """
    good, held = [], []
    held_keys: set[tuple[str, str]] = set()
    for p in pending:
        reason = checks.check_record(p.spec, p.key, p.record)
        if not reason and not users and p.spec.name == "users":
            reason = USERS_NEED_ADMIN
        if not reason and p.record is not None:
            rows = [p.record] + [row for child, _ in p.spec.children
                                 for row in p.record.get("_children", {}).get(child.name, [])]
            for row in rows:
                for column, target in p.spec.refs.items():
                    if (target, row.get(column)) in held_keys:
                        reason = why.reason("held_reference", column=column, target=target, value=row.get(column))
                        break
                if reason:
                    break
        if reason:
            held.append((p.spec.name, p.key, reason))
            held_keys.add((p.spec.name, p.key))
        else:
            good.append(p)
    return good, held


def hold_back(conn: Connection, me: str, held: list[tuple[str, str, str]], passed: list[tuple[str, str]]) -> None:
    """Record this desk's records held back (listed in sync status) and forget those that now pass."""
    for name, key, reason in held:
        loc.quarantine(conn, OUTGOING + name, key, 0, 0, _not_sent(reason), "", me)
    by_table: dict[str, list[str]] = {}
    for name, key in passed:
        by_table.setdefault(name, []).append(key)
    if _any_outgoing(conn):
        for name, keys in by_table.items():
            loc.release(conn, OUTGOING + name, keys)


def _any_outgoing(conn: Connection) -> bool:
    return conn.execute(select(t.sync_quarantine.c.tbl).where(t.sync_quarantine.c.tbl.like(OUTGOING + "%"))
                        .limit(1)).first() is not None


def outgoing_facts(conn: Connection, table, rows: list[tuple], last: int, held_keys: set[tuple[str, str]]):
    """Check this desk's movements before they are pushed.

    Returns (rows to push, push position after them, [(id, reason)] refused for good, (id, reason) or
    None). A row that fails its own checks can never pass (the ledger is append-only): it is listed
    and passed over. A row whose product or warehouse is held back waits: the push stops before it
    (the position stays there) until the record is corrected.
    """
    refusals = checks.fact_refusals(table, rows)
    if not refusals and not held_keys:  # the usual batch: every row passed and nothing is held back
        return rows, last, [], None
    pi, wi = _index(table, "product_id"), _index(table, "warehouse_id")
    good, refused = [], []
    for i, row in enumerate(rows):
        if held_keys:
            waiting = next((why.reason("held_reference", column=col, target=target, value=row[i])
                            for i, col, target in ((pi, "product_id", "products"), (wi, "warehouse_id", "warehouses"))
                            if (target, row[i]) in held_keys), "")
            if waiting:
                rowid = conn.exec_driver_sql(f"SELECT rowid FROM {table.name} WHERE id = ?", (row[0],)).scalar_one()
                return good, rowid - 1, refused, (row[0], waiting)
        reason = refusals.get(i, "")
        if reason:
            refused.append((row[0], reason))
        else:
            good.append(row)
    return good, last, refused, None


def hold_back_facts(conn: Connection, me: str, table, refused: list[tuple[str, str]], blocked) -> None:
    for key, reason in refused + ([blocked] if blocked else []):
        loc.quarantine(conn, OUTGOING + table.name, key, 0, 0, _not_sent(reason), "", me)


def _not_sent(reason: str) -> str:
    """A held-back record's reason as kept: its English says where it stopped, its code what is wrong."""
    prefix = "not sent to the hub: "
    return reason.prefixed(prefix) if isinstance(reason, why.Reason) else prefix + reason


def _values(text: str | None) -> dict:
    """A kept-aside row's reason values (JSON; {} for a row kept before codes or anything unreadable)."""
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def release_facts(conn: Connection, table, rows: list[tuple]) -> None:
    if rows and _any_outgoing(conn):
        loc.release(conn, OUTGOING + table.name, [row[0] for row in rows])


# -- who may change users: nothing from the hub raises anyone's rights on this desk by itself -----

_USER_FIELDS = ("username", "role", "password_hash", "active")


def user_authority(conn: Connection, spec: r.Spec, e: Entry, record: dict | None) -> str:
    """Why a pulled user record may not be applied without an admin of this desk; '' when it may.

    The hub's password opens the hub to anyone who holds it, and a user record is just a row
    there: so a pulled record that would let someone sign in here, or sign in with more rights,
    is held (quarantined) until an admin of this desk approves it (``approve``). That is a new
    user, a role raised, a user reactivated, a password changed, a name changed. What only takes
    rights away (a role lowered, a user deactivated) is applied, unless it would leave this
    desk without an active admin.

    A desk with no active users (sign-in off) takes the office's users only in its first pull from
    a hub it joined: its first sync, or an admin's start over (``local.FIRST_PULL``, until that pull
    is complete). Joining is the decision that trusts the hub. Users that reach such a desk later
    wait like any other, for whoever is at the desk to approve (with sign-in off, anyone there may):
    otherwise a hub password would be enough to make the first admin of every desk without users.
    """
    from domain.access.roles import ROLES
    from domain.access.roles import Role

    if spec.name != "users":
        return ""
    users = t.users
    if conn.execute(select(users.c.id).where(users.c.active.is_(True)).limit(1)).first() is None:
        if record is None or _first_pull(conn):
            return ""
        return why.reason("user_no_users_yet", username=record["username"], role=record["role"])
    local = r.read_records(conn, spec, [e.key]).get(e.key)
    if record is None:
        return "" if local is None else why.reason("user_deleted")
    if local is not None and all(local.get(f) == record.get(f) for f in _USER_FIELDS):
        return ""  # the same rights: a display name, a version
    if local is None:
        return why.reason("user_new", username=record["username"], role=record["role"])

    def rank(role: str) -> int:
        return ROLES.index(Role(role))

    raised = (rank(record["role"]) > rank(local["role"]) or (record["active"] and not local["active"])
              or record["password_hash"] != local["password_hash"] or record["username"] != local["username"])
    if raised:
        return why.reason("user_changed", username=record["username"], role=record["role"])
    admins = conn.execute(select(users.c.id).where(users.c.active.is_(True), users.c.role == Role.ADMIN.value,
                                                   users.c.id != e.key)).first()
    if admins is None and not (record["active"] and record["role"] == Role.ADMIN.value):
        return why.reason("user_last_admin", username=record["username"])
    return ""


def _first_pull(conn: Connection) -> bool:
    joined = loc.get_setting(conn, loc.FIRST_PULL)
    return bool(joined) and joined == loc.get_setting(conn, loc.HUB_ID)


def approve(conn: Connection, me: str, tbl: str, key: str) -> None:
    """Apply a quarantined user record an admin of this desk has approved (see ``user_authority``)."""
    from domain.kernel.errors import NotFound
    from domain.kernel.errors import RuleViolation
    from domain.kernel.refusals import refusal

    q = t.sync_quarantine.c
    row = conn.execute(select(q.version, q.data, q.reason, q.code, q.params)
                       .where(q.tbl == tbl, q.row_id == key)).first()
    if row is None and tbl == "users":
        merged = conn.execute(select(q.data).where(q.tbl == ALIAS + tbl, q.row_id == key)).scalar()
        if merged is not None:
            spec = r.BY_NAME[tbl]
            if not (r.exists(conn, spec, key) and r.exists(conn, spec, merged)):
                raise refusal(RuleViolation, "approve_merge_waits", table=tbl, key=key, merged=merged)
            u = t.users.c
            admin = conn.execute(select(u.id).where(u.id == key, u.active.is_(True), u.role == "admin")).first()
            others = conn.execute(select(u.id).where(u.id != key, u.active.is_(True), u.role == "admin")).first()
            if admin is not None and others is None:
                raise refusal(RuleViolation, "approve_last_admin", table=tbl, key=key)
            loc.apply_alias(conn, spec, key, merged)
            loc.release(conn, ALIAS + tbl, [key])
            return
    if row is None:
        raise refusal(NotFound, "approve_nothing_held", table=tbl, key=key)
    spec = r.BY_NAME.get(tbl)
    record = json.loads(row.data) if row.data else None
    if spec is None or spec.name != "users" or record is None or checks.check_record(spec, key, record):
        raise refusal(RuleViolation, "approve_not_a_user", table=tbl, key=key, reason=row.reason,
                      reason_code=row.code or "", reason_values=_values(row.params))
    missing = missing_reference(conn, spec, record, {})
    if missing:
        code, values = why.code_of(missing)  # the reason as data too, for a screen to say it in its reader's language
        raise refusal(RuleViolation, "approve_missing_reference", table=tbl, key=key, reason=missing,
                      reason_code=code, reason_values=values)
    loc.apply_records(conn, me, spec, [(key, row.version, record)])
    loc.release(conn, tbl, [key])
