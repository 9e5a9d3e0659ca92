"""Which tables sync as records, how a record is read, written, hashed and compared.

A record is one row of a mutable table plus its child rows (a product with its barcodes, a
document with its lines, a PO with its lines and revisions). Its JSON form is canonical: money
and quantities as decimal strings, instants as microseconds, dates as ISO strings, so the same
record hashes the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean
from sqlalchemy import Connection
from sqlalchemy import Date
from sqlalchemy import Table
from sqlalchemy import and_
from sqlalchemy import select
from sqlalchemy import tuple_

from domain.kernel.numbers import written_number
from persistence import tables as t
from persistence.reads import chunks
from persistence.stock import merged
from persistence.types import Instant
from persistence.types import Scaled
from persistence.types import from_micros
from persistence.types import to_micros


@dataclass(frozen=True)
class Spec:
    """One synced table: its key, its child tables and its business keys.

    ``unique`` lists business keys (tuples of columns). ``on_clash`` says what a new record whose
    business key is already taken by another record becomes: ``merge`` (one record, the other an
    alias of it), ``renumber`` (a document number; the newcomer takes the next free number) or
    ``drop`` (the newcomer is kept only in the conflicts list).

    ``immutable``: rows of the table are facts, like movements: never edited or deleted after they are written.
    They travel as records (so they are checked, logged and numbered like the rest), but the hub keeps the first
    version of one it holds, a pulled version that differs from the one here is kept aside, and a deletion is
    never sent (see ``persistence.sync``).
    """

    table: Table
    key: tuple[str, ...] = ("id",)
    children: tuple[tuple[Table, tuple[str, ...]], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    on_clash: str = "drop"
    label: tuple[str, ...] = ()
    refs: dict[str, str] = field(default_factory=dict)
    immutable: bool = False  # a fact (an open item, an allocation, a period event): written once, never changed
    numbered: frozenset[str] = frozenset()  # when given: the kinds whose business keys clash (the others never do)


    @property
    def name(self) -> str:
        return self.table.name


def _refs(table: Table) -> dict[str, str]:
    """column → referenced table, for the foreign keys of ``table`` (and of its children)."""
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


def _spec(table: Table, **kw) -> Spec:
    refs = _refs(table)
    for child, _ in kw.get("children", ()):
        refs.update({k: v for k, v in _refs(child).items() if v != table.name})
    return Spec(table, refs=refs, **kw)


# In an order where a record's references come before it.
SPECS: tuple[Spec, ...] = (
    # the settings the office shares (persistence.office), one record per key: last edit wins like any record
    _spec(t.office_settings, key=("key",), label=("key",)),
    _spec(t.warehouses, unique=(("code",),), on_clash="merge", label=("code",)),
    _spec(t.products, children=((t.barcodes, ("product_id",)),), unique=(("sku",),), on_clash="merge",
          label=("sku",)),
    # a product's packaging units with their barcodes (domain.catalog.packaging): one name per product
    _spec(t.product_units, children=((t.product_unit_barcodes, ("unit_id",)),), unique=(("product_id", "name"),),
          label=("product_id", "name")),
    _spec(t.suppliers, unique=(("code",),), on_clash="merge", label=("code",)),
    _spec(t.customers, unique=(("code",),), on_clash="merge", label=("code",)),
    _spec(t.users, unique=(("username",),), on_clash="merge", label=("username",)),
    _spec(t.supplier_terms, unique=(("supplier_id", "product_id"),), label=("supplier_id", "product_id")),
    # one rate per currency and date: a second device's rate of the same day is kept in the conflicts list
    _spec(t.exchange_rates, unique=(("currency", "valid_from"),), label=("currency", "valid_from")),
    _spec(t.supplier_profiles, key=("supplier_id",), label=("supplier_id",)),
    _spec(t.supplier_term_details, key=("supplier_id", "product_id"), label=("supplier_id", "product_id")),
    _spec(t.supplier_price_breaks, key=("supplier_id", "product_id", "min_qty"),
          label=("supplier_id", "product_id", "min_qty")),
    _spec(t.preferred_suppliers, key=("product_id",), label=("product_id",)),
    _spec(t.product_planning, key=("product_id",), label=("product_id",)),
    # sales (domain.sales): prices and terms are master data like supplier terms; a sales order comes before the
    # documents, whose sales lines point at its lines
    _spec(t.product_prices, key=("product_id", "level"), label=("product_id", "level")),
    _spec(t.product_sales, key=("product_id",), label=("product_id",)),
    _spec(t.product_substitutes, key=("product_id", "substitute_id"), label=("product_id", "substitute_id")),
    _spec(t.customer_profiles, key=("customer_id",), label=("customer_id",)),
    _spec(t.customer_prices, key=("customer_id", "product_id"), label=("customer_id", "product_id")),
    _spec(t.sales_orders, children=((t.sales_order_lines, ("so_id",)),),
          unique=(("number",), ("year", "seq")), on_clash="renumber", label=("number",)),
    _spec(t.documents, children=((t.document_lines, ("document_id",)), (t.sales_lines, ("document_id",))),
          unique=(("number",), ("kind", "year", "seq")), on_clash="renumber", label=("number",)),
    _spec(t.purchase_orders, children=((t.purchase_order_lines, ("po_id",)),
                                       (t.purchase_order_revisions, ("po_id",))),
          unique=(("number",), ("year", "seq")), on_clash="renumber", label=("number",)),
    # receivables and payables (docs/ACCOUNTS.md, "Sync"): master data and terms first, then the supplier invoices
    # (after the orders and receipts their lines name), the open items (after the documents and invoices they come
    # from; RC-/PM-/RF-/OB-/WO-/FX- numbers per kind and year, renumbered on the hub like documents), the allocations
    # (after both items they join), the periods with their events and the figures their close froze
    _spec(t.payment_methods, key=("code",), label=("code",)),
    _spec(t.supplier_invoices, children=((t.supplier_invoice_lines, ("invoice_id",)),),
          unique=(("supplier_id", "number"),), label=("number",)),
    _spec(t.account_items, unique=(("kind", "year", "seq"),), on_clash="renumber", label=("number",),
          immutable=True,
          numbered=frozenset({"receipt", "payment", "refund", "opening", "write_off", "exchange_difference"})),
    _spec(t.allocations, label=("id",), immutable=True),
    _spec(t.periods, key=("month",), label=("month",)),
    _spec(t.period_events, label=("month", "action"), immutable=True),
    _spec(t.period_stock, key=("month", "product_id", "warehouse_id"), label=("month", "product_id", "warehouse_id")),
    _spec(t.period_balances, key=("month", "side", "partner_id"), label=("month", "side", "partner_id")),
    _spec(t.sync_conflicts),
)
BY_NAME = {s.name: s for s in SPECS}
# Tables whose ids other rows point at, and so may be merged through an alias.
MERGEABLE = tuple(s.name for s in SPECS if s.on_clash == "merge")


def clash_values(spec: Spec, record: dict, columns: tuple[str, ...]) -> tuple | None:
    """The values of business key ``columns`` by which ``record`` may clash with another, or None when it clashes
    with nothing by them: a key with a NULL in it, or a record whose kind numbers nothing of its own (an item of a
    document carries the document's number; only the document is renumbered)."""
    values = tuple(record.get(c) for c in columns)
    if any(v is None for v in values):
        return None
    if spec.numbered and record.get("kind") not in spec.numbered:
        return None
    return values


def encode_value(column, value):
    if value is None:
        return None
    if isinstance(column.type, Scaled):
        return str(Decimal(value).normalize()) if value != 0 else "0"
    if isinstance(column.type, Instant):
        return to_micros(value)
    if isinstance(column.type, Date):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def decode_value(column, value):
    if value is None:
        return None
    if isinstance(column.type, Scaled):
        return written_number(value)  # (checked before: ``checks.check_value``)
    if isinstance(column.type, Instant):
        return from_micros(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def encode_row(table: Table, row) -> dict:
    m = row._mapping
    return {c.name: encode_value(c, m[c.name]) for c in table.columns}


def decode_row(table: Table, data: dict) -> dict:
    """The row's values for the database; a column of ``LATER_DEFAULTS`` the record leaves out (it comes from a
    desk that does not know the column yet) takes its default."""
    return {c.name: decode_value(c, data[c.name] if c.name in data else LATER_DEFAULTS.get((table.name, c.name)))
            for c in table.columns}


def row_key(spec: Spec, data: dict) -> str:
    if spec.key == ("id",):
        return data["id"]
    return json.dumps([data[k] for k in spec.key], ensure_ascii=False)


def key_values(spec: Spec, key: str) -> dict:
    if spec.key == ("id",):
        return {"id": key}
    return dict(zip(spec.key, json.loads(key), strict=True))


# Nullable columns added to a synced table after records were already exchanged (migration 0010). While
# NULL they hash as if absent, so upgrading does not make every existing record look changed and push
# it again; once set they count like any column. Migration 0014: a conflict's rule as data.
LATER_COLUMNS = frozenset({("purchase_orders", "fx_rate"), ("sync_conflicts", "rule_code"),
                           ("sync_conflicts", "rule_params"), ("documents", "tax_rate")})
# Of those, the ones a migration filled in on rows already exchanged (0018: a free receipt's tax rate, the rate in
# force at the upgrade). A record that differs from the one last exchanged only there is no edit
# (``set_by_migration``): it is not pushed again, and a pulled version replaces it as if unedited.
FILLED_BY_MIGRATION = frozenset({("documents", "tax_rate")})
# The same for a child table's column (migration 0017: the movement a delivery's receipt line posted): a row whose
# column is NULL hashes as written before it.
LATER_CHILD_COLUMNS = frozenset({("document_lines", "movement_id")})
_LATER_PARENTS = frozenset(s.name for s in SPECS for child, _ in s.children
                           if any(table == child.name for table, _ in LATER_CHILD_COLUMNS))
# The same for columns added with a default (migration 0013: payment terms): while they hold the default the
# migration gave every existing row, they hash as if absent.
# Migration 0015: a product counted in whole units; a desk that does not send it yet sends products that take
# any quantity, the safe default (nothing they hold becomes one the rules refuse).
LATER_DEFAULTS = {("customer_profiles", "payment_basis"): "net", ("supplier_profiles", "payment_basis"): "net",
                  ("supplier_profiles", "payment_days"): 0, ("products", "whole_units"): False}
_LATER_TABLES = frozenset(name for name, _ in LATER_COLUMNS | set(LATER_DEFAULTS))


def content_hash(spec: Spec, record: dict | None) -> str:
    """The hash of what a record says (not of its version or who last pushed it); '' when deleted."""
    if record is None:
        return ""
    name = spec.table.name
    if name in _LATER_TABLES:
        body = {k: v for k, v in record.items()
                if k not in ("version", "device_id") and not (v is None and (name, k) in LATER_COLUMNS)
                and not ((name, k) in LATER_DEFAULTS and v == LATER_DEFAULTS[(name, k)])}
    else:
        body = {k: v for k, v in record.items() if k != "version" and k != "device_id"}
    _children_as_hashed(name, body)
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _children_as_hashed(name: str, body: dict) -> None:
    """``body``'s child rows, in place, as they hash (``_without_later``)."""
    if name in _LATER_PARENTS and isinstance(body.get("_children"), dict):
        body["_children"] = {child: [_without_later(child, row) for row in rows] if isinstance(rows, list) else rows
                             for child, rows in body["_children"].items()}


def _without_later(child: str, row):
    """A child row as it hashes: its ``LATER_CHILD_COLUMNS`` left out while NULL."""
    if not isinstance(row, dict):
        return row
    return {k: v for k, v in row.items() if not (v is None and (child, k) in LATER_CHILD_COLUMNS)}


def set_by_migration(spec: Spec, record: dict, version: int, known_hash: str) -> bool:
    """Whether ``record`` is the one last exchanged (at ``version``, hashing ``known_hash``) but for what a migration
    set in a column of ``LATER_DEFAULTS`` without an edit (0015: whole units, from the desk's own history) or of
    ``FILLED_BY_MIGRATION`` (0018: a free receipt's tax rate).

    Such a record is not a change to push, nor a local edit a pulled version would overwrite: the value stays this
    desk's until the record is next edited (an edit raises the version and sends the column with the rest).
    """
    name = spec.table.name
    if name not in _LATER_TABLES or record.get("version") != version:
        return False
    body = {k: v for k, v in record.items() if k not in ("version", "device_id") and (name, k) not in LATER_DEFAULTS
            and (name, k) not in FILLED_BY_MIGRATION and not (v is None and (name, k) in LATER_COLUMNS)}
    _children_as_hashed(name, body)  # its children as they hash
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest() == known_hash


_DEFAULTED = {}
for (_table, _column), _default in LATER_DEFAULTS.items():
    _DEFAULTED.setdefault(_table, []).append((_column, _default))


def edited_unseen(spec: Spec, record: dict, version: int) -> bool:
    """Whether ``record`` was edited here since it was exchanged at ``version`` in a way its content hash cannot see:
    a column of ``LATER_DEFAULTS`` holding its default hashes as if absent, so turning whole units off at a desk
    whose migration 0015 had turned them on (the hub's record never said so) hashed as the record last exchanged.

    Such a record is pushed all the same, and the hub keeps it as a new version (``persistence.sync.hub``), so the
    edit reaches every desk: one whose migration set the column without an edit takes it (``set_by_migration``).
    """
    columns = _DEFAULTED.get(spec.table.name)
    if not columns or int(record.get("version") or 0) <= version:
        return False
    return any(record.get(column) == default for column, default in columns)


def where_keys(spec: Spec, keys: list[str]):
    if spec.key == ("id",):
        return spec.table.c.id.in_(keys)
    cols = [spec.table.c[k] for k in spec.key]
    values = [tuple(key_values(spec, k)[c] for c in spec.key) for k in keys]
    if len(cols) == 1:
        return cols[0].in_([v[0] for v in values])
    return tuple_(*cols).in_(values)


def read_records(conn: Connection, spec: Spec, keys: list[str] | None = None) -> dict[str, dict]:
    """key → record (the row's columns plus ``_children``: {child table: [rows]}), all or ``keys``."""
    result: dict[str, dict] = {}
    chunks = [None] if keys is None else [keys[i:i + 500] for i in range(0, len(keys), 500)]
    for chunk in chunks:
        if chunk is not None and not chunk:
            continue
        query = select(spec.table)
        if chunk is not None:
            query = query.where(where_keys(spec, chunk))
        if spec.name in merged.TABLES:  # a record merged away, kept here for its movements, is exchanged no more
            query = query.where(merged.hidden(spec.table))
        for row in conn.execute(query):
            data = encode_row(spec.table, row)
            result[row_key(spec, data)] = data
        for child, fk in spec.children:
            query = select(child)
            if chunk is not None:
                query = query.where(child.c[fk[0]].in_(chunk))
            pk = [c.name for c in child.primary_key.columns]
            for row in conn.execute(query.order_by(*[child.c[c] for c in pk])):
                data = encode_row(child, row)
                parent = result.get(data[fk[0]])
                if parent is not None:
                    parent.setdefault("_children", {}).setdefault(child.name, []).append(data)
    for record in result.values():
        children = record.setdefault("_children", {})
        for child, _ in spec.children:
            children.setdefault(child.name, [])
    return result


def delete_record(conn: Connection, spec: Spec, key: str) -> None:
    if spec.table is t.account_items:  # its derived open amount goes with it (an item is a fact: rarely, if ever)
        conn.execute(t.account_open.delete().where(t.account_open.c.item_id == key))
    for child, fk in spec.children:
        conn.execute(child.delete().where(child.c[fk[0]] == key))
    conn.execute(spec.table.delete().where(and_(*[spec.table.c[k] == v for k, v in key_values(spec, key).items()])))


def write_record(conn: Connection, spec: Spec, record: dict, exists: bool) -> None:
    """Insert or replace one record with its children (the children are rewritten whole)."""
    table = spec.table
    values = decode_row(table, record)
    where = and_(*[table.c[k] == values[k] for k in spec.key])
    if exists:
        for child, fk in spec.children:
            if child.name not in _POINTED_AT:
                conn.execute(child.delete().where(child.c[fk[0]] == record["id"]))
    if exists:
        conn.execute(table.update().where(where).values({k: v for k, v in values.items() if k not in spec.key}))
    else:
        conn.execute(table.insert().values(values))
    for child, fk in spec.children:
        rows = [decode_row(child, r) for r in record.get("_children", {}).get(child.name, [])]
        if exists and child.name in _POINTED_AT:
            _merge_children(conn, child, fk[0], record["id"], rows)
        elif rows:
            conn.execute(child.insert(), rows)


# Child tables whose rows other tables point at (a sales line at its order line): rewritten row by row, so a row
# that stays keeps its key under the references, instead of being deleted and inserted again.
_POINTED_AT = frozenset(fk.column.table.name for table in t.metadata.sorted_tables for fk in table.foreign_keys
                        if any(fk.column.table is child for s in SPECS for child, _ in s.children))


def _merge_children(conn: Connection, child: Table, parent_column: str, parent: str, rows: list[dict]) -> None:
    """Make ``parent``'s rows of ``child`` exactly ``rows``: update those that stay, insert the new, delete the rest."""
    (pk,) = [c.name for c in child.primary_key.columns]
    kept = set(conn.execute(select(child.c[pk]).where(child.c[parent_column] == parent)).scalars())
    wanted = {row[pk] for row in rows}
    gone = kept - wanted
    if gone:
        conn.execute(child.delete().where(child.c[parent_column] == parent, child.c[pk].in_(gone)))
    for row in rows:
        if row[pk] in kept:
            conn.execute(child.update().where(child.c[pk] == row[pk]).values({k: v for k, v in row.items() if k != pk}))
    new = [row for row in rows if row[pk] not in kept]
    if new:
        conn.execute(child.insert(), new)


def exists(conn: Connection, spec: Spec, key: str) -> bool:
    table = spec.table
    where = and_(*[table.c[k] == v for k, v in key_values(spec, key).items()])
    return conn.execute(select(table.c[spec.key[0]]).where(where)).first() is not None


def named_by_sku(conn: Connection, entries) -> dict[tuple[str, str], str]:
    """How a person knows the (table, key) ``entries`` that name a product: a product by its SKU, a record keyed by
    a product (its planning, its prices…) by its key with the SKU in place of the id. Only the entries whose
    product is here are answered; a table may carry a kept-aside prefix (``outgoing:``, ``alias:``)."""
    wanted: dict[tuple[str, str], dict] = {}
    for tbl, key in entries:
        spec = BY_NAME.get(tbl.removeprefix("outgoing:").removeprefix("alias:"))
        if spec is None:
            continue
        if spec.name == "products":
            wanted[(tbl, key)] = {"id": key}
        elif "product_id" in spec.key:
            try:
                wanted[(tbl, key)] = key_values(spec, key)
            except (ValueError, TypeError):  # a key as the hub sent it: not necessarily readable
                continue
    ids = {v for values in wanted.values() for k, v in values.items()
           if k in ("id", "product_id") and isinstance(v, str)}
    skus: dict[str, str] = {}
    for part in chunks(ids):
        skus.update(conn.execute(select(t.products.c.id, t.products.c.sku).where(t.products.c.id.in_(part))).all())
    out = {}
    for entry, values in wanted.items():
        if "id" in values:
            if values["id"] in skus:
                out[entry] = skus[values["id"]]
        elif values.get("product_id") in skus:
            out[entry] = " / ".join(skus[v] if k == "product_id" else str(v) for k, v in values.items())
    return out


_SHOWN_SKU, _SHOWN_NAME = 64, 60  # the characters of a pulled SKU and name shown (limits.SKU; a name in a list)


def named_as_pulled(tbl: str, data: str) -> str:
    """How a person knows a product kept aside that is not here: its SKU and name as pulled (``SKU-1 · Widget``),
    the SKU alone when the name cannot be shown; '' when the record has no readable SKU (not JSON, not text, blank,
    or holding characters that do not print: a control, an invisible or direction-changing one), so it is named by
    its id. A value longer than a list can show is cut with '…'."""
    record = _record(data) if tbl == "products" else None
    if record is None:
        return ""
    sku, name = _readable(record.get("sku"), _SHOWN_SKU), _readable(record.get("name"), _SHOWN_NAME)
    return f"{sku} · {name}" if sku and name else sku


# A document kept aside, named as pulled by its number and its partner: the code a stock document carries, or the
# code of the customer or supplier its id names when that partner is here (an account item's side says which).
_PARTNER_OF = {"documents": "partner", "sales_orders": "customer_id", "purchase_orders": "supplier_id",
               "supplier_invoices": "supplier_id", "account_items": "partner_id"}


def named_documents(conn: Connection, held) -> dict[tuple[str, str], str]:
    """How a person knows the documents of ``held`` ((table, key, data as logged) entries) kept aside: their
    number and partner as pulled (``SO-2026-00012 · ZS``), the number alone when the partner is neither a code in
    the record nor a customer or supplier here; entries that are not documents or carry no readable number are left
    out (named by their id). A table may carry a kept-aside prefix (``outgoing:``, ``alias:``)."""
    found: dict[tuple[str, str], tuple[str, str, str]] = {}  # entry → (number, partner as pulled, its table)
    for tbl, key, data in held:
        column = _PARTNER_OF.get(_plain(tbl))
        record = _record(data) if column else None
        number = _readable(record.get("number"), _SHOWN_SKU) if record is not None else ""
        if not number:
            continue
        partner = record.get(column)
        if column == "partner":
            kind = ""  # the code itself
        elif column == "supplier_id" or record.get("side") == "AP":
            kind = "suppliers"
        else:
            kind = "customers"
        found[(tbl, key)] = (number, partner if isinstance(partner, str) else "", kind)
    codes: dict[tuple[str, str], str] = {}
    for kind, table in (("customers", t.customers), ("suppliers", t.suppliers)):
        for part in chunks({p for _, p, k in found.values() if k == kind and p}):
            codes.update({(kind, i): c for i, c in conn.execute(
                select(table.c.id, table.c.code).where(table.c.id.in_(part))).all()})
    out = {}
    for entry, (number, partner, kind) in found.items():
        shown = _readable(partner, _SHOWN_SKU) if not kind else codes.get((kind, partner), "")
        out[entry] = f"{number} · {shown}" if shown else number
    return out


def _plain(tbl: str) -> str:
    return tbl.removeprefix("outgoing:").removeprefix("alias:")


def _record(data: str) -> dict | None:
    if not data:
        return None
    try:
        record = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


def _readable(value: object, most: int) -> str:
    """``value`` as shown in a list ('' when it is not text that prints); cut to ``most`` characters."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if not text or not text.isprintable():  # str.isprintable is False for controls and format characters
        return ""
    return text if len(text) <= most else text[:most - 1] + "…"


# The label columns that hold another record's id, and the column a person knows that record by.
_KNOWN_BY = {"product_id": (t.products, "sku"), "substitute_id": (t.products, "sku"),
             "customer_id": (t.customers, "code"), "supplier_id": (t.suppliers, "code"),
             "warehouse_id": (t.warehouses, "code")}


def named_labels(conn: Connection, entries) -> dict[str, str]:
    """How a person knows the records of ``entries`` ((name, spec, record) triples, such as a conflict's id, its
    table's spec and a version it keeps): the record's label with every id of another record in it (a product's, a
    customer's, a supplier's, a warehouse's) said as its SKU or code, ``SKU-1 / retail`` for a product's retail
    price. An id whose record is not here stays as it is; entries whose label names no other record are left out."""
    wanted = {name: record for name, spec, record in entries
              if spec is not None and isinstance(record, dict) and any(c in _KNOWN_BY for c in spec.label)}
    specs = {name: spec for name, spec, _ in entries}
    ids: dict[tuple, set[str]] = {}
    for name, record in wanted.items():
        for column in specs[name].label:
            if column in _KNOWN_BY and isinstance(record.get(column), str):
                ids.setdefault(_KNOWN_BY[column], set()).add(record[column])
    known: dict[str, str] = {}
    for (table, column), values in ids.items():
        for part in chunks(values):
            known.update(conn.execute(select(table.c.id, table.c[column]).where(table.c.id.in_(part))).all())
    return {name: " / ".join(str(known.get(record.get(c), record.get(c, "")) if c in _KNOWN_BY else record.get(c, ""))
                             for c in specs[name].label)
            for name, record in wanted.items()}


def label(spec: Spec, record: dict | None, key: str) -> str:
    if record is None or not spec.label:
        return key
    return " / ".join(str(record.get(c, "")) for c in spec.label)
