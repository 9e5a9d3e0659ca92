"""Repositories over one SQLAlchemy connection.

Movements, their valuations and balances are written behind: they are buffered and flushed
with ``executemany`` before any read that could see them and at commit, the movements also every
``FLUSH_ROWS`` movements, so a bulk post of hundreds of thousands of movements costs a few
statements per thousand rows. Master data is cached per unit of work.

Speed notes (see tests/benchmarks): building a fresh ``select()`` costs about 0.3 ms of
SQLAlchemy bookkeeping per execution, ten times the query itself, so the statements that run
once per movement or per transaction are built once, here, with bind parameters. A movement and
its valuation are read into rows when they are buffered (``_MOVEMENT_ROW``, ``_VALUE_ROW``), and
the rows go to the driver's ``executemany`` after their values pass through the same conversion
SQLAlchemy applies (``_to_stored``), a column at a time: a whole column of Decimals or instants
converts in a few C loops, where SQLAlchemy would call a processor for each value of each row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from operator import attrgetter

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from domain.catalog.model import Customer
from domain.catalog.model import Product
from domain.catalog.model import Supplier
from domain.catalog.model import SupplierTerms
from domain.catalog.model import Warehouse
from domain.kernel.validate import code_key
from domain.kernel.validate import normal_code
from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.model import Valuation
from persistence import tables as t

Key = tuple[datetime, str]
FLUSH_ROWS = 20_000

_M, _V, _B, _P, _BC = t.movements, t.movement_values, t.balances, t.products, t.barcodes
_BALANCE = select(_B).where(_B.c.product_id == bindparam("p"), _B.c.warehouse_id == bindparam("w"))
_PRODUCT_BY = {col: select(_P).where(_P.c[col] == bindparam("v")) for col in ("id", "sku")}
_BARCODES_OF = select(_BC.c.barcode).where(_BC.c.product_id == bindparam("p"))
_PRODUCT_OF_BARCODE = select(_BC.c.product_id).where(_BC.c.barcode == bindparam("b"))
# Codes are compared without regard to ASCII case (domain.kernel.validate.code_key). No index serves that (no
# migration may add one): a few lookups scan the table by lower() (SQLite folds ASCII only, as code_key
# does); after that the unit of work reads every SKU and barcode once and answers from those maps
# (see ProductRepository._folded).
_PRODUCT_BY_FOLDED = select(_P.c.id).where(func.lower(_P.c.sku) == bindparam("v")).limit(1)
_PRODUCT_OF_FOLDED_BARCODE = select(_BC.c.product_id).where(func.lower(_BC.c.barcode) == bindparam("b")).limit(1)
_ALL_SKUS = select(_P.c.id, _P.c.sku)
_ALL_BARCODES = select(_BC.c.barcode, _BC.c.product_id)
SCANS_BEFORE_MAPS = 8
_MOVEMENT_SELECT = select(_M, _V.c.value, _V.c.on_hand_after, _V.c.value_after, _V.c.avg_after).select_from(
    _M.outerjoin(_V, _V.c.movement_id == _M.c.id)
)
_MOVEMENT_BY_ID = _MOVEMENT_SELECT.where(_M.c.id == bindparam("id"))
_REVERSAL_OF = select(_M.c.id).where(_M.c.reverses_id == bindparam("id"))
_TRANSFER_LEGS = _MOVEMENT_SELECT.where(_M.c.transfer_id == bindparam("tid"), _M.c.kind != "reversal")
_T = t.supplier_terms
_TERMS_FOR = select(_T).where(_T.c.supplier_id == bindparam("s"), _T.c.product_id == bindparam("p"))
_TERMS_DELETE = _T.delete().where(_T.c.id == bindparam("tid"))
# Read-ahead statements (imports): one query per chunk of codes, refs or products.
CHUNK = 500
_PRODUCTS_IN = {col: select(_P).where(_P.c[col].in_(bindparam("v", expanding=True))) for col in ("id", "sku")}
_BARCODES_IN = select(_BC.c.barcode, _BC.c.product_id).where(_BC.c.barcode.in_(bindparam("v", expanding=True)))
_BARCODES_OF_IN = select(_BC.c.barcode, _BC.c.product_id).where(_BC.c.product_id.in_(bindparam("v", expanding=True)))
_BALANCES_OF_IN = select(_B).where(_B.c.product_id.in_(bindparam("v", expanding=True)))
_REFS_IN = select(_M.c.source_ref, _M.c.product_id, _M.c.warehouse_id).where(
    _M.c.source_type == bindparam("st"), _M.c.source_ref.in_(bindparam("v", expanding=True)))
_LATEST_OF_PREFIX = (
    select(_M.c.product_id, _M.c.warehouse_id, func.max(_M.c.occurred_at))
    .where(_M.c.source_type == bindparam("st"), _M.c.product_id.in_(bindparam("v", expanding=True)),
           func.substr(_M.c.source_ref, 1, bindparam("n")) == bindparam("prefix"))
    .group_by(_M.c.product_id, _M.c.warehouse_id)
)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]
_inserts: dict[tuple, tuple[str, bool, list[str], list]] = {}


@functools.cache
def _insert(table):
    """One ``INSERT`` statement per table, run with a row of parameters (bulk master data)."""
    return insert(table)


def _to_stored(column, dialect) -> Callable[[list], list] | None:
    """What SQLAlchemy does to the values bound to ``column``, for a whole list of them (None: they go as
    they are).

    Our own column types (``persistence.types``) convert a list in a few C loops where they can, without
    SQLAlchemy's wrapper around ``process_bind_param`` for each value; the driver-level type's processor,
    if the dialect has one, still runs after it, as it would inside SQLAlchemy.
    """
    own = getattr(column.type, "to_stored_column", None)
    if own is None:
        processor = column.type.bind_processor(dialect)
        return None if processor is None else lambda values: list(map(processor, values))
    own, inner = own(), column.type.impl_instance.bind_processor(dialect)
    return own if inner is None else lambda values: list(map(inner, own(values)))


def _insert_many(conn: Connection, table, columns: dict[str, list]) -> None:
    """``INSERT`` rows given column by column (a list per column of ``table``, all as long) with one driver
    ``executemany``; each column's values are converted in one pass (``_to_stored``) and then zipped into
    rows, which costs far less than converting row by row."""
    key = (table, type(conn.dialect), conn.dialect.paramstyle)
    if key not in _inserts:
        compiled = insert(table).compile(dialect=conn.dialect)
        names = list(compiled.positiontup) if compiled.positional else [col.key for col in table.columns]
        _inserts[key] = (compiled.string, compiled.positional, names,
                         [_to_stored(table.c[name], conn.dialect) for name in names])
    sql, positional, names, converters = _inserts[key]
    lists = [columns[name] if p is None else p(columns[name]) for name, p in zip(names, converters, strict=True)]
    if positional:
        rows: list = list(zip(*lists, strict=True))
    else:
        rows = [dict(zip(names, values, strict=True)) for values in zip(*lists, strict=True)]
    conn.exec_driver_sql(sql, rows)


_KIND_TEXT = {kind: kind.value for kind in MovementKind}  # Enum's ``.value`` is a slow descriptor
# Which attribute of a Movement, of its Valuation and of a Balance each column of ``movements``,
# ``movement_values`` and ``balances`` is read from.
_MOVEMENT_COLUMNS = {name: name for name in (
    "id", "kind", "product_id", "warehouse_id", "qty", "unit_cost", "occurred_at", "recorded_at", "transfer_id",
    "reverses_id", "source_type", "source_ref", "note", "user", "device_id", "fx_currency", "fx_unit_price",
    "fx_rate")}
_VALUE_COLUMNS = {"value": "value", "on_hand_after": "after.on_hand", "value_after": "after.value",
                  "avg_after": "after.avg_cost"}
_BALANCE_COLUMNS = {
    "product_id": "product_id", "warehouse_id": "warehouse_id", "on_hand": "position.on_hand",
    "value": "position.value", "avg_cost": "position.avg_cost", "reserved": "reserved", "on_order": "on_order",
    "last_key": "last_key",
}


@functools.cache
def _reader(attributes: tuple[str, ...]) -> Callable:
    """A record's ``attributes`` as a tuple, in one call."""
    if len(attributes) == 1:  # attrgetter of one attribute gives the value itself
        one = attrgetter(attributes[0])
        return lambda record: (one(record),)
    return attrgetter(*attributes)


def _columns(attributes: dict[str, str], records: list) -> dict[str, tuple]:
    """The columns ``attributes`` names (column → attribute, dotted for a nested one) of ``records``.

    Each record is read once, all its attributes in one C call, and the rows are then turned into columns:
    reading a column at a time would visit every record again for each column.
    """
    return _transpose(attributes, list(map(_reader(tuple(attributes.values())), records)))


def _transpose(names: Iterable[str], rows: list[tuple]) -> dict[str, tuple]:
    """Rows of values in the order of ``names``, as a column per name."""
    names = list(names)
    columns = list(zip(*rows, strict=True)) or [()] * len(names)
    return dict(zip(names, columns, strict=True))


# A buffered movement and its valuation are read when they are added, as rows in the order of the
# columns above: the objects are then still in the processor's caches (read at a flush, tens of
# thousands of them later, each costs a trip to memory), and need not be kept until the flush.
_MOVEMENT_ROW = _reader(tuple(_MOVEMENT_COLUMNS.values()))
_VALUE_ROW = _reader(tuple(_VALUE_COLUMNS.values()))


class Buffer:
    """Pending inserts and balance writes shared by the repositories of one unit of work."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.movements: list[tuple] = []  # the movements to insert, as rows (``_MOVEMENT_ROW``)
        self.values: list[tuple] = []  # the valuation of each of ``movements``, in the same order (``_VALUE_ROW``)
        self.balances: dict[tuple[str, str], Balance] = {}
        self.dirty: set[tuple[str, str]] = set()
        self.known_balances: set[tuple[str, str]] = set()

    def flush_movements(self) -> None:
        """Write the buffered movements and their valuations (the balances stay buffered: one per product ×
        warehouse, so they take little memory, and writing them at every ``FLUSH_ROWS`` movements would only
        update the same rows again)."""
        if self.movements:
            movements = _transpose(_MOVEMENT_COLUMNS, self.movements)
            movements["kind"] = list(map(_KIND_TEXT.__getitem__, movements["kind"]))
            _insert_many(self.conn, t.movements, movements)
            values = _transpose(_VALUE_COLUMNS, self.values)
            values["movement_id"] = movements["id"]
            _insert_many(self.conn, t.movement_values, values)
            self.movements, self.values = [], []

    def flush(self) -> None:
        """Write everything buffered (before a read that could see it, and at commit)."""
        self.flush_movements()
        if self.dirty:
            new, old = [], []
            for key in self.dirty:
                (old if key in self.known_balances else new).append(self.balances[key])
            if new:
                balances = _columns(_BALANCE_COLUMNS, new)
                keys = balances.pop("last_key")
                balances["last_at"] = [k[0] if k else None for k in keys]
                balances["last_id"] = [k[1] if k else None for k in keys]
                _insert_many(self.conn, t.balances, balances)
            if old:
                c = t.balances.c
                rows = [{
                    "p": b.product_id, "w": b.warehouse_id, "on_hand": b.position.on_hand,
                    "value": b.position.value, "avg_cost": b.position.avg_cost, "reserved": b.reserved,
                    "on_order": b.on_order, "last_at": b.last_key[0] if b.last_key else None,
                    "last_id": b.last_key[1] if b.last_key else None,
                } for b in old]
                self.conn.execute(
                    update(t.balances).where(c.product_id == bindparam("p"), c.warehouse_id == bindparam("w")), rows
                )
            self.known_balances |= self.dirty
            self.dirty = set()


def _movement(row) -> Movement:
    return Movement(
        id=row.id, kind=MovementKind(row.kind), product_id=row.product_id, warehouse_id=row.warehouse_id,
        qty=row.qty, occurred_at=row.occurred_at, recorded_at=row.recorded_at, unit_cost=row.unit_cost,
        transfer_id=row.transfer_id, reverses_id=row.reverses_id, source_type=row.source_type,
        source_ref=row.source_ref, note=row.note, user=row.user, device_id=row.device_id,
        fx_currency=row.fx_currency, fx_unit_price=row.fx_unit_price, fx_rate=row.fx_rate,
    )


def _valuation(row) -> Valuation | None:
    if row.value is None:
        return None
    return Valuation(row.value, Position(row.on_hand_after, row.value_after, row.avg_after))


class MovementRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer
        self.conn = buffer.conn

    def add(self, movement: Movement, valuation: Valuation) -> None:
        buf = self.buf
        buf.movements.append(_MOVEMENT_ROW(movement))
        buf.values.append(_VALUE_ROW(valuation))
        if len(buf.movements) >= FLUSH_ROWS:
            buf.flush_movements()

    def _select(self):
        mv, vals = t.movements, t.movement_values
        return select(mv, vals.c.value, vals.c.on_hand_after, vals.c.value_after, vals.c.avg_after).select_from(
            mv.outerjoin(vals, vals.c.movement_id == mv.c.id)
        )

    def get(self, movement_id: str) -> Movement | None:
        self.buf.flush()
        row = self.conn.execute(_MOVEMENT_BY_ID, {"id": movement_id}).first()
        return _movement(row) if row else None

    def valuation(self, movement_id: str) -> Valuation | None:
        self.buf.flush()
        row = self.conn.execute(_MOVEMENT_BY_ID, {"id": movement_id}).first()
        return _valuation(row) if row else None

    def reversal_of(self, movement_id: str) -> str | None:
        self.buf.flush()
        return self.conn.execute(_REVERSAL_OF, {"id": movement_id}).scalar()

    def transfer_legs(self, transfer_id: str) -> list[Movement]:
        self.buf.flush()
        return [_movement(r) for r in self.conn.execute(_TRANSFER_LEGS, {"tid": transfer_id})]

    def _pair(self, product_id: str, warehouse_id: str):
        c = t.movements.c
        return and_(c.product_id == product_id, c.warehouse_id == warehouse_id)

    def position_before(self, product_id: str, warehouse_id: str, key: Key) -> Position:
        self.buf.flush()
        c = t.movements.c
        row = self.conn.execute(
            self._select()
            .where(self._pair(product_id, warehouse_id),
                   or_(c.occurred_at < key[0], and_(c.occurred_at == key[0], c.id < key[1])))
            .order_by(c.occurred_at.desc(), c.id.desc())
            .limit(1)
        ).first()
        if row is None or row.value is None:
            return Position()
        return Position(row.on_hand_after, row.value_after, row.avg_after)

    def history_from(self, product_id: str, warehouse_id: str, key: Key) -> list[tuple[Movement, Valuation | None]]:
        self.buf.flush()
        c = t.movements.c
        rows = self.conn.execute(
            self._select()
            .where(self._pair(product_id, warehouse_id),
                   or_(c.occurred_at > key[0], and_(c.occurred_at == key[0], c.id >= key[1])))
            .order_by(c.occurred_at, c.id)
        )
        return [(_movement(r), _valuation(r)) for r in rows]

    def with_refs(self, source_type: str, refs: Iterable[str]) -> set[tuple[str, str, str]]:
        """``(source_ref, product_id, warehouse_id)`` of the movements of ``source_type`` whose ref is in ``refs``."""
        self.buf.flush()
        found: set[tuple[str, str, str]] = set()
        for chunk in _chunks(refs):
            found.update(tuple(r) for r in self.conn.execute(_REFS_IN, {"st": source_type, "v": chunk}))
        return found

    def latest_with_prefix(self, source_type: str, prefix: str,
                           product_ids: Iterable[str]) -> dict[tuple[str, str], datetime]:
        """Per product × warehouse of ``product_ids``, when its latest movement of ``source_type`` whose ref
        starts with ``prefix`` happened (pairs with none are left out)."""
        self.buf.flush()
        latest: dict[tuple[str, str], datetime] = {}
        for chunk in _chunks(product_ids):
            params = {"st": source_type, "v": chunk, "n": len(prefix), "prefix": prefix}
            latest.update(((p, w), at) for p, w, at in self.conn.execute(_LATEST_OF_PREFIX, params))
        return latest

    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None:
        self.buf.flush()
        rows = [{"mid": mid, "value": v.value, "on_hand_after": v.after.on_hand, "value_after": v.after.value,
                 "avg_after": v.after.avg_cost} for mid, v in items]
        if rows:
            c = t.movement_values.c
            self.conn.execute(update(t.movement_values).where(c.movement_id == bindparam("mid")), rows)


class BalanceRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer

    def get(self, product_id: str, warehouse_id: str) -> Balance:
        key = (product_id, warehouse_id)
        cached = self.buf.balances.get(key)
        if cached is not None:
            return cached
        row = self.buf.conn.execute(_BALANCE, {"p": product_id, "w": warehouse_id}).first()
        if row is None:
            balance = Balance(product_id, warehouse_id)
        else:
            self.buf.known_balances.add(key)
            balance = Balance(
                product_id, warehouse_id, Position(row.on_hand, row.value, row.avg_cost),
                (row.last_at, row.last_id) if row.last_id else None, row.reserved, row.on_order,
            )
        self.buf.balances[key] = balance
        return balance

    def preload(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Read the balances of ``pairs`` (product id, warehouse id) in a few queries, so ``get`` of any of
        them needs none; balances already read or written in this unit of work are kept as they are."""
        wanted = {key for key in pairs if key not in self.buf.balances}
        for chunk in _chunks(p for p, _ in wanted):
            for row in self.buf.conn.execute(_BALANCES_OF_IN, {"v": chunk}):
                key = (row.product_id, row.warehouse_id)
                if key in wanted:
                    self.buf.known_balances.add(key)
                    self.buf.balances[key] = Balance(
                        row.product_id, row.warehouse_id, Position(row.on_hand, row.value, row.avg_cost),
                        (row.last_at, row.last_id) if row.last_id else None, row.reserved, row.on_order,
                    )
        for key in wanted:
            self.buf.balances.setdefault(key, Balance(*key))

    def put(self, balance: Balance) -> None:
        key = (balance.product_id, balance.warehouse_id)
        buf = self.buf
        buf.balances[key] = balance
        buf.dirty.add(key)


def _product(row, codes: list[str]) -> Product:
    return Product(
        id=row.id, sku=row.sku, name=row.name, unit=row.unit, category=row.category, pack_size=row.pack_size,
        active=row.active, min_level=row.min_level, max_level=row.max_level, barcodes=codes,
        device_id=row.device_id, version=row.version,
    )


class ProductRepository:
    """Products by id, SKU or barcode; SKUs and barcodes are found whatever their ASCII case (``code_key``).

    An exact lookup goes by the index. When one misses, the code is looked for in another case by a scan
    of the table (a few ms for 100,000 products; a code that is exactly a barcode needs none, codes being
    one namespace). After ``SCANS_BEFORE_MAPS`` such scans (a bulk load), every SKU and barcode is read
    once into two maps by ``code_key``, kept up to date with what this unit of work writes, and every
    later lookup is answered from them. The unit of work holds the write lock: nobody else changes the
    products meanwhile.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._by_sku: dict[str, Product | None] = {}  # by code_key
        self._by_id: dict[str, Product] = {}
        # barcode's code_key → product id (None: no product) for the barcodes read ahead or written here
        self._by_barcode: dict[str, str | None] = {}
        self._pending: list[Product] | None = None  # inside ``adding_in_bulk``: products not yet inserted
        self._folded_maps: tuple[dict[str, str], dict[str, str]] | None = None  # code_key → id: SKUs, barcodes
        self._scans = 0

    def _folded(self) -> tuple[dict[str, str], dict[str, str]]:
        """Every SKU and every barcode by ``code_key`` → product id, read once (see the class)."""
        if self._folded_maps is None:
            skus = {code_key(sku): pid for pid, sku in self.conn.execute(_ALL_SKUS)}
            barcodes = {code_key(b): pid for b, pid in self.conn.execute(_ALL_BARCODES)}
            self._folded_maps = skus, barcodes
            for product in self._by_id.values():  # also those added but not yet written (adding_in_bulk)
                self._fold_in(None, product)
        return self._folded_maps

    def _folded_sku(self, value: str) -> str | None:
        """The id of the product whose SKU is ``value`` in another case (after an exact miss)."""
        if self.conn.execute(_PRODUCT_OF_BARCODE, {"b": value}).first() is not None:
            return None  # exactly a barcode, so no product's SKU in any case
        if self._folded_maps is None and self._scans < SCANS_BEFORE_MAPS:
            self._scans += 1
            self._write_pending()
            return self.conn.execute(_PRODUCT_BY_FOLDED, {"v": code_key(value)}).scalar()
        return self._folded()[0].get(code_key(value))

    def _folded_barcode(self, value: str) -> str | None:
        if self._folded_maps is None and self._scans < SCANS_BEFORE_MAPS:
            self._scans += 1
            self._write_pending()
            return self.conn.execute(_PRODUCT_OF_FOLDED_BARCODE, {"b": code_key(value)}).scalar()
        return self._folded()[1].get(code_key(value))

    def _fold_in(self, old: Product | None, product: Product) -> None:
        if self._folded_maps is None:
            return
        skus, barcodes = self._folded_maps
        for code in old.barcodes if old is not None else ():
            if barcodes.get(code_key(code)) == product.id:
                del barcodes[code_key(code)]
        skus[code_key(product.sku)] = product.id
        for code in product.barcodes:
            barcodes[code_key(code)] = product.id

    def _load(self, column: str, value: str) -> Product | None:
        if column == "sku" and self._folded_maps is not None:
            pid = self._folded_maps[0].get(code_key(value))
            return self.get(pid) if pid else None
        self._write_pending()
        row = self.conn.execute(_PRODUCT_BY[column], {"v": value}).first()
        if row is None and column == "sku":
            pid = self._folded_sku(value)
            return self.get(pid) if pid else None
        if row is None:
            return None
        if row.id in self._by_id:
            return self._by_id[row.id]
        codes = list(self.conn.execute(_BARCODES_OF, {"p": row.id}).scalars())
        product = _product(row, codes)
        self._by_sku[code_key(product.sku)] = product
        self._by_id[product.id] = product
        return product

    def add(self, product: Product) -> None:
        if self._pending is not None:
            self._pending.append(product)
        else:
            self._insert([product])
        self._cache(product)

    def _cache(self, product: Product) -> None:
        old = self._by_id.get(product.id)
        self._fold_in(old, product)
        for code in old.barcodes if old is not None else ():
            if self._by_barcode.get(code_key(code)) == product.id:
                self._by_barcode[code_key(code)] = None
        for code in product.barcodes:
            self._by_barcode[code_key(code)] = product.id
        self._by_sku[code_key(product.sku)] = product
        self._by_id[product.id] = product

    _COLUMNS = ("id", "sku", "name", "unit", "category", "pack_size", "active", "min_level", "max_level",
                "device_id", "version")

    def _insert(self, products: list[Product]) -> None:
        self.conn.execute(_insert(t.products), [{k: getattr(p, k) for k in self._COLUMNS} for p in products])
        codes = [{"barcode": b, "product_id": p.id} for p in products for b in p.barcodes]
        if codes:
            self.conn.execute(_insert(t.barcodes), codes)

    def _write_pending(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._insert(pending)

    @contextmanager
    def adding_in_bulk(self) -> Iterator[None]:
        """Inside the block, ``add`` inserts nothing until the block ends (or this repository reads the
        database): then all the added products and their barcodes go in with one statement each.
        Leaving the block by an exception inserts nothing (the unit of work is rolled back anyway)."""
        outer = self._pending
        self._pending = [] if outer is None else outer
        try:
            yield
            if outer is None:
                self._write_pending()
        finally:
            if outer is None:
                self._pending = None

    def preload(self, codes: Iterable[str]) -> None:
        """Read the products whose SKU or barcode is among ``codes`` in a few queries, so that ``by_sku``
        and ``by_barcode`` of these codes need none (a code no product has is remembered as none)."""
        self._write_pending()
        wanted = {code_key(c): normal_code(c) for c in codes if c and normal_code(c)}
        skus = [k for k in wanted if k not in self._by_sku]
        rows = {}
        for chunk in _chunks(wanted[k] for k in skus):
            rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["sku"], {"v": chunk}).all())
        found = {code_key(r.sku) for r in rows.values()}
        if any(k not in found for k in skus):  # perhaps there in another case than typed
            folded = self._folded()[0]
            others = [folded[k] for k in skus if k not in found and k in folded]
            for chunk in _chunks(pid for pid in others if pid not in self._by_id):
                rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["id"], {"v": chunk}).all())
        # Every code is read ahead as a barcode too: a SKU may not be another product's barcode (catalog), so
        # adding or updating a product asks for its SKU as a barcode.
        barcodes = [k for k in wanted if k not in self._by_barcode]
        owner = {}
        for chunk in _chunks(wanted[k] for k in barcodes):
            owner.update((code_key(b), pid) for b, pid in self.conn.execute(_BARCODES_IN, {"v": chunk}).all())
        if any(k not in owner for k in barcodes):
            folded = self._folded()[1]
            owner.update((k, folded[k]) for k in barcodes if k not in owner and k in folded)
        for chunk in _chunks(pid for pid in owner.values() if pid not in rows and pid not in self._by_id):
            rows.update((r.id, r) for r in self.conn.execute(_PRODUCTS_IN["id"], {"v": chunk}))
        codes_of: dict[str, list[str]] = {pid: [] for pid in rows}
        for chunk in _chunks(rows):
            for barcode, pid in self.conn.execute(_BARCODES_OF_IN, {"v": chunk}).all():
                codes_of[pid].append(barcode)
        for pid, row in rows.items():
            if pid not in self._by_id:
                product = _product(row, sorted(codes_of[pid]))
                self._by_sku[code_key(product.sku)] = product
                self._by_id[pid] = product
                for code in product.barcodes:
                    self._by_barcode[code_key(code)] = pid
        for code in skus:
            self._by_sku.setdefault(code, None)
        for code in barcodes:
            self._by_barcode.setdefault(code, owner.get(code))

    def update(self, product: Product) -> None:
        self._write_pending()
        values = {k: getattr(product, k) for k in (
            "name", "unit", "category", "pack_size", "active", "min_level", "max_level", "version")}
        self.conn.execute(update(t.products).where(t.products.c.id == product.id).values(**values))
        self.conn.execute(t.barcodes.delete().where(t.barcodes.c.product_id == product.id))
        if product.barcodes:
            self.conn.execute(insert(t.barcodes), [{"barcode": b, "product_id": product.id} for b in product.barcodes])
        self._cache(product)

    def get(self, product_id: str) -> Product | None:
        if product_id in self._by_id:
            return self._by_id[product_id]
        return self._load("id", product_id)

    def by_sku(self, sku: str) -> Product | None:
        key = code_key(sku)
        if key in self._by_sku:
            return self._by_sku[key]
        product = self._load("sku", sku)
        if product is None:
            self._by_sku[key] = None
        return product

    def by_barcode(self, barcode: str) -> Product | None:
        key = code_key(barcode)
        if key in self._by_barcode:
            pid = self._by_barcode[key]
            return self.get(pid) if pid else None
        if self._folded_maps is not None:
            pid = self._folded_maps[1].get(key)
            return self.get(pid) if pid else None
        self._write_pending()
        pid = self.conn.execute(_PRODUCT_OF_BARCODE, {"b": barcode}).scalar() or self._folded_barcode(barcode)
        return self.get(pid) if pid else None


@functools.cache
def _by_column(table, column: str):
    return select(table).where(table.c[column] == bindparam("v"))


class _ByCode:
    """A cached code → record repository for small master-data tables."""

    table = t.warehouses
    make = staticmethod(lambda row: row)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[tuple[str, str], object] = {}  # ("id", id) or ("code", code_key)

    def _one(self, column: str, value: str):
        key = (column, code_key(value) if column == "code" else value)
        if key not in self._cache:
            row = self.conn.execute(_by_column(self.table, column), {"v": value}).first()
            if row is None and column == "code":  # the code in another ASCII case (a small table: a scan)
                row = self.conn.execute(select(self.table).where(func.lower(self.table.c.code) == key[1])
                                        .limit(1)).first()
            self._cache[key] = self.make(row) if row else None
        return self._cache[key]

    def _insert(self, record) -> None:
        columns = [c.name for c in self.table.columns]
        self.conn.execute(_insert(self.table), {c: getattr(record, c) for c in columns})
        self._cache[("id", record.id)] = record
        self._cache[("code", code_key(record.code))] = record

    def get(self, record_id: str):
        return self._one("id", record_id)

    def by_code(self, code: str):
        return self._one("code", code)

    def add(self, record) -> None:
        self._insert(record)


class WarehouseRepository(_ByCode):
    table = t.warehouses
    make = staticmethod(lambda r: Warehouse(r.id, r.code, r.name, r.allow_negative, r.address, r.device_id, r.version))


class CustomerRepository(_ByCode):
    table = t.customers
    make = staticmethod(lambda r: Customer(r.id, r.code, r.name, r.contact, r.device_id, r.version))

    def update(self, customer: Customer) -> None:
        values = {k: getattr(customer, k) for k in ("name", "contact", "version")}
        self.conn.execute(update(self.table).where(self.table.c.id == customer.id).values(**values))
        self._cache[("id", customer.id)] = customer
        self._cache[("code", code_key(customer.code))] = customer


class SupplierRepository(_ByCode):
    table = t.suppliers
    make = staticmethod(lambda r: Supplier(r.id, r.code, r.name, r.contact, r.currency, r.lead_time_days,
                                           r.address, r.device_id, r.version))

    def update(self, supplier: Supplier) -> None:
        values = {k: getattr(supplier, k) for k in ("name", "contact", "currency", "lead_time_days", "address",
                                                     "version")}
        self.conn.execute(update(self.table).where(self.table.c.id == supplier.id).values(**values))
        self._cache[("id", supplier.id)] = supplier
        self._cache[("code", code_key(supplier.code))] = supplier

    def terms_for(self, supplier_id: str, product_id: str) -> SupplierTerms | None:
        r = self.conn.execute(_TERMS_FOR, {"s": supplier_id, "p": product_id}).first()
        if r is None:
            return None
        return SupplierTerms(r.id, r.supplier_id, r.product_id, r.supplier_sku, r.unit_price, r.moq,
                             r.order_multiple, r.lead_time_days, r.device_id, r.version)

    def add_terms(self, terms: SupplierTerms) -> None:
        self.conn.execute(_TERMS_DELETE, {"tid": terms.id})
        columns = [col.name for col in t.supplier_terms.columns]
        self.conn.execute(_insert(t.supplier_terms), {k: getattr(terms, k) for k in columns})
