"""The ledger's repositories over one SQLAlchemy connection: movements, their valuations, balances.

Movements, their valuations and balances are written behind: they are buffered and flushed
with ``executemany`` before any read that could see them and at commit, the movements also every
``FLUSH_ROWS`` movements, so a bulk post of hundreds of thousands of movements costs a few
statements per thousand rows. A bulk load into a ledger that holds no movement yet (a demo, an
opening-stock import) sets the movements' six secondary indexes aside at its first such flush and
makes them again at the next ``Buffer.flush`` (before any read, and at commit), in the same
transaction (``Buffer.flush_movements``). The catalog's repositories (master data, cached per unit of work)
are in ``persistence.catalog.repositories``.

Speed notes (see tests/benchmarks): building a fresh ``select()`` costs about 0.3 ms of
SQLAlchemy bookkeeping per execution, ten times the query itself, so the statements that run
once per movement or per transaction are built once, here, with bind parameters. A movement and
its valuation are turned into the driver's rows when they are buffered (``_movement_row``,
``_value_row``: the objects are then still in the processor's caches, and the flush hands the
rows to ``executemany`` as they are). A value of another kind than those rows expect (not a
Decimal, an aware datetime, text) leaves its row as read (``_MOVEMENT_ROW``, ``_VALUE_ROW``) for
the flush, which converts it through the same conversion SQLAlchemy applies (``_to_stored``),
refusing what it refuses.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from operator import attrgetter

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update

from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.model import Valuation
from domain.stock.valuation import ReturnShare
from persistence import tables as t
from persistence.reads import chunks
from persistence.sales.costs import follow_ledger
from persistence.sales.costs import return_shares
from persistence.schema import defer_indexes
from persistence.schema import restore_indexes
from persistence.stock import merged
from persistence.stock import months
from persistence.types import EPOCH
from persistence.types import Instant
from persistence.types import Scaled
from persistence.types import integral_exact

Key = tuple[datetime, str]
FLUSH_ROWS = 20_000

_M, _V, _B = t.movements, t.movement_values, t.balances
_BALANCE = select(_B).where(_B.c.product_id == bindparam("p"), _B.c.warehouse_id == bindparam("w"))
_MOVEMENT_SELECT = select(_M, _V.c.value, _V.c.on_hand_after, _V.c.value_after, _V.c.avg_after).select_from(
    _M.outerjoin(_V, _V.c.movement_id == _M.c.id)
)
_MOVEMENT_BY_ID = _MOVEMENT_SELECT.where(_M.c.id == bindparam("id"))
_REVERSAL_OF = select(_M.c.id).where(_M.c.reverses_id == bindparam("id"))
_TRANSFER_LEGS = _MOVEMENT_SELECT.where(_M.c.transfer_id == bindparam("tid"), _M.c.kind != "reversal")
_TRANSFER_REVERSALS = _MOVEMENT_SELECT.where(_M.c.transfer_id == bindparam("tid"), _M.c.kind == "reversal").order_by(
    _M.c.occurred_at, _M.c.id)
# Read-ahead statements (imports): one query per chunk of refs or products.
_BALANCES_OF_IN = select(_B).where(_B.c.product_id.in_(bindparam("v", expanding=True)))
_REFS_IN = select(_M.c.source_ref, _M.c.product_id, _M.c.warehouse_id).where(
    _M.c.source_type == bindparam("st"), _M.c.source_ref.in_(bindparam("v", expanding=True)))
_LATEST_OF_PREFIX = (
    select(_M.c.product_id, _M.c.warehouse_id, func.max(_M.c.occurred_at))
    .where(_M.c.source_type == bindparam("st"), _M.c.product_id.in_(bindparam("v", expanding=True)),
           func.substr(_M.c.source_ref, 1, bindparam("n")) == bindparam("prefix"))
    .group_by(_M.c.product_id, _M.c.warehouse_id)
)


_inserts: dict[tuple, tuple[str, bool, list[str], list]] = {}


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


def _statement(conn: Connection, table) -> tuple[str, bool, list[str], list]:
    """``table``'s ``INSERT`` for this connection's driver: its text, whether it takes rows as tuples, the
    columns in the order it takes them, and each one's conversion (``_to_stored``)."""
    key = (table, type(conn.dialect), conn.dialect.paramstyle)
    if key not in _inserts:
        compiled = insert(table).compile(dialect=conn.dialect)
        names = list(compiled.positiontup) if compiled.positional else [col.key for col in table.columns]
        _inserts[key] = (compiled.string, compiled.positional, names,
                         [_to_stored(table.c[name], conn.dialect) for name in names])
    return _inserts[key]


def _converters(conn: Connection, table) -> list:
    """Each column's conversion (``_to_stored``), in the order of ``table``'s columns."""
    _, _, names, converters = _statement(conn, table)
    by_name = dict(zip(names, converters, strict=True))
    return [by_name[col.key] for col in table.columns]


def _insert_many(conn: Connection, table, columns: dict[str, list], *, converted: bool = False) -> None:
    """``INSERT`` rows given column by column (a list per column of ``table``, all as long) with one driver
    ``executemany``; each column's values are converted in one pass (``_to_stored``; not again if
    ``converted``) and then zipped into rows, which costs far less than converting row by row."""
    sql, positional, names, converters = _statement(conn, table)
    if converted:
        converters = [None] * len(names)
    lists = [columns[name] if p is None else p(columns[name]) for name, p in zip(names, converters, strict=True)]
    if positional:
        rows: list = list(zip(*lists, strict=True))
    else:
        rows = [dict(zip(names, values, strict=True)) for values in zip(*lists, strict=True)]
    conn.exec_driver_sql(sql, rows)


def _insert_rows(conn: Connection, table, rows: list[tuple], raw: list[int]) -> None:
    """``INSERT`` ``rows`` (in the order of ``table``'s columns) with one driver ``executemany``: the rows whose
    index is in ``raw`` hold values as read, and are converted here (a column at a time, ``_insert_many``'s
    conversion); the others are the driver's rows already (``_movement_row``, ``_value_row``)."""
    if raw:
        names = [col.key for col in table.columns]
        columns = _transpose(names, [rows[i] for i in raw])
        if table is t.movements:
            columns["kind"] = list(map(_KIND_TEXT.__getitem__, columns["kind"]))
        converters = _converters(conn, table)
        converted = zip(*[columns[n] if p is None else p(columns[n]) for n, p in zip(names, converters, strict=True)],
                        strict=True)
        rows = list(rows)
        for i, row in zip(raw, converted, strict=True):
            rows[i] = row
    sql, positional, names, _ = _statement(conn, table)
    if positional and names == [col.key for col in table.columns]:
        conn.exec_driver_sql(sql, rows)
    else:
        _insert_many(conn, table, _transpose([col.key for col in table.columns], rows), converted=True)


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
# (in the order of the tables' columns, which the rows below and ``_insert_rows`` rely on)
assert list(_MOVEMENT_COLUMNS) == [col.key for col in _M.columns]
assert ["movement_id", *_VALUE_COLUMNS] == [col.key for col in _V.columns]
_MOVEMENT_ROW = _reader(tuple(_MOVEMENT_COLUMNS.values()))
_VALUE_ROW = _reader(tuple(_VALUE_COLUMNS.values()))
_MICRO = timedelta(microseconds=1)
_M_SCALE = {col.key: col.type.scale for col in _M.columns if isinstance(col.type, Scaled)}
_V_SCALE = {col.key: col.type.scale for col in _V.columns if isinstance(col.type, Scaled)}
# ``d.scaleb(s)`` is ``d × 1E+s`` (the same coefficient, the exponent moved by s, rounded by the same context),
# and the product costs a third of ``scaleb``, which makes a Decimal of ``s`` each time. An int (or bool) times
# 1E+s is ``Decimal(int).scaleb(s)``, which is what the general path stores for it (``Scaled``); whatever else
# is not a Decimal (a float, text) makes the product raise TypeError, and its row is left to the general path.
_QTY, _COST, _FX_PRICE, _FX_RATE = (Decimal(1).scaleb(_M_SCALE[k])
                                    for k in ("qty", "unit_cost", "fx_unit_price", "fx_rate"))
_VALUE, _ON_HAND_AFTER, _VALUE_AFTER, _AVG_AFTER = (Decimal(1).scaleb(_V_SCALE[k])
                                                    for k in ("value", "on_hand_after", "value_after", "avg_after"))
# What the two functions below can refuse to handle: they then leave the row to the flush's general path.
_NOT_PLAIN = (ArithmeticError, AttributeError, KeyError, TypeError, ValueError)


def _movement_row(m: Movement) -> tuple | None:
    """``m`` as the driver takes it, in the order of ``movements``' columns: what ``_to_stored`` gives for a
    Decimal (``Scaled``: ``value × 10**scale``, exact, refused otherwise), an aware datetime (``Instant``:
    microseconds since 1970 UTC), the kind's text, and text as it is. None for anything else (another
    type, a fraction the column does not keep, a naive datetime): the flush converts that row's values
    through the general path, which refuses them as it always did."""
    try:
        cost, fx_price, fx_rate = m.unit_cost, m.fx_unit_price, m.fx_rate
        return (
            m.id, _KIND_TEXT[m.kind], m.product_id, m.warehouse_id, int(integral_exact(m.qty * _QTY)),
            None if cost is None else int(integral_exact(cost * _COST)),
            (m.occurred_at - EPOCH) // _MICRO, (m.recorded_at - EPOCH) // _MICRO, m.transfer_id, m.reverses_id,
            m.source_type, m.source_ref, m.note, m.user, m.device_id, m.fx_currency,
            None if fx_price is None else int(integral_exact(fx_price * _FX_PRICE)),
            None if fx_rate is None else int(integral_exact(fx_rate * _FX_RATE)),
        )
    except _NOT_PLAIN:
        return None


def _value_row(movement_id: str, v: Valuation, known: tuple | None = None, qty: Decimal | None = None,
               qty_stored: int = 0) -> tuple | None:
    """The row of ``movement_values`` for a movement's valuation, as ``_movement_row`` makes one.

    ``known`` is a position whose stored values are known exactly (the after-position of the pair's last row,
    with that row: ``(position, row)``), and ``qty`` the movement's quantity with its stored integer. The
    position after the movement nearly always is that position plus ``qty`` and the value moved: where it is
    (checked: the Decimals compare equal), its stored values are those sums of integers, and the average it
    kept (the same object) is not converted again. A Decimal sum of two values of at most the column's
    decimals, far below 10**28, is exact, so the integers are exactly what converting the Decimals gives.
    """
    try:
        after = v.after
        value = int(integral_exact(v.value * _VALUE))
        if known is None:
            return (movement_id, value, int(integral_exact(after.on_hand * _ON_HAND_AFTER)),
                    int(integral_exact(after.value * _VALUE_AFTER)),
                    int(integral_exact(after.avg_cost * _AVG_AFTER)))
        position, (_, _, on_hand, value_after, avg) = known
        on_hand_now, value_now, avg_now = after.on_hand, after.value, after.avg_cost
        return (movement_id, value,
                on_hand + qty_stored if on_hand_now == position.on_hand + qty
                else int(integral_exact(on_hand_now * _ON_HAND_AFTER)),
                value_after + value if value_now == position.value + v.value
                else int(integral_exact(value_now * _VALUE_AFTER)),
                avg if avg_now is position.avg_cost else int(integral_exact(avg_now * _AVG_AFTER)))
    except _NOT_PLAIN:
        return None


# The sums above add a movement's stored quantity to a stored on-hand quantity, and its stored value to a stored
# stock value: each pair is kept at the same scale.
assert _M_SCALE["qty"] == _V_SCALE["on_hand_after"] and _V_SCALE["value"] == _V_SCALE["value_after"]


def _plain_rows_fit(table, dialect) -> bool:
    """Whether the rows ``_movement_row`` and ``_value_row`` make are what ``_to_stored`` would give on this
    dialect: each column converts as its type says and nothing more (no driver-level processor)."""
    for col in table.columns:
        if isinstance(col.type, Scaled | Instant):
            if col.type.impl_instance.bind_processor(dialect) is not None:
                return False
        elif col.type.bind_processor(dialect) is not None:
            return False
    return True


class Buffer:
    """Pending inserts and balance writes shared by the repositories of one unit of work."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # the movements to insert and their valuations (in the same order), as the driver's rows; the index of
        # each row left as read for the flush to convert (``_movement_row``, ``_value_row``) is in ``raw_*``
        self.movements: list[tuple] = []
        self.values: list[tuple] = []
        self.raw_movements: list[int] = []
        self.raw_values: list[int] = []
        self.plain_rows = all(_plain_rows_fit(table, conn.dialect) for table in (_M, _V))
        self.balances: dict[tuple[str, str], Balance] = {}
        self.dirty: set[tuple[str, str]] = set()
        self.earliest: datetime | None = None  # the earliest business time among the movements buffered
        self.known_balances: set[tuple[str, str]] = set()
        # per (product id, warehouse id): the position after its latest movement buffered and that movement's
        # row of ``movement_values`` (``_value_row`` takes the next one's stored values from it)
        self.stored_after: dict[tuple[str, str], tuple[Position, tuple]] = {}
        # whether a bulk load may still set the movements' secondary indexes aside (SQLite only: it reads them
        # from sqlite_master), and whether it did (``flush_movements``)
        self.may_defer = conn.dialect.name == "sqlite"
        self.deferred = False

    def flush_movements(self) -> None:
        """Write the buffered movements and their valuations (the balances stay buffered: one per product ×
        warehouse, so they take little memory, and writing them at every ``FLUSH_ROWS`` movements would only
        update the same rows again).

        The first flush of ``FLUSH_ROWS`` movements (a bulk load) into a ledger without movements sets their
        secondary indexes aside (``persistence.schema.defer_indexes``): keeping six indexes up to date row by
        row costs SQLite more than half its work on a movement, building each once over the rows written about a
        fifth of that. ``flush``, which runs before every read of the movements and at commit, makes them again
        in the same transaction, so no reader nor any other connection ever meets the ledger without them, and
        a rollback (a refused command later in the load) takes the dropping back with the rows.
        """
        if self.movements:
            if self.may_defer and len(self.movements) >= FLUSH_ROWS:
                self.may_defer = False  # asked once: the ledger only grows
                self.deferred = defer_indexes(self.conn, t.movements.name)
            _insert_rows(self.conn, t.movements, self.movements, self.raw_movements)
            _insert_rows(self.conn, t.movement_values, self.values, self.raw_values)
            self.movements, self.values, self.raw_movements, self.raw_values = [], [], [], []
            # the reports' monthly rows from that month on are stale if it lies in a filled month (one statement
            # per flush; a back-dated replay revalues only movements after the one that caused it)
            if self.earliest is not None:
                months.stale_from(self.conn, (self.earliest - EPOCH) // _MICRO)
                self.earliest = None

    def flush(self) -> None:
        """Write everything buffered (before a read that could see it, and at commit), and make again the
        indexes ``flush_movements`` set aside."""
        self.flush_movements()
        if self.deferred:
            self.deferred = False
            restore_indexes(self.conn)
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
        self._maps: dict[str, dict[str, str]] | None = None

    def _merged(self) -> dict[str, dict[str, str]]:
        """Products and warehouses a sync merged away (``persistence/stock/merged.py``), read once, when a movement
        already written is first read: a movement is read under the product and warehouse it counts for now."""
        if self._maps is None:
            self._maps = merged.merged(self.conn)
        return self._maps

    def _read(self, row) -> Movement:
        movement = _movement(row)
        maps = self._merged()
        if maps:
            product_id, warehouse_id = merged.pair_of(maps, movement.product_id, movement.warehouse_id)
            if (product_id, warehouse_id) != (movement.product_id, movement.warehouse_id):
                movement = replace(movement, product_id=product_id, warehouse_id=warehouse_id)
        return movement

    def add(self, movement: Movement, valuation: Valuation) -> None:
        buf = self.buf
        if buf.earliest is None or movement.occurred_at < buf.earliest:
            buf.earliest = movement.occurred_at
        row = _movement_row(movement) if buf.plain_rows else None
        if row is None:
            buf.raw_movements.append(len(buf.movements))
            buf.movements.append(_MOVEMENT_ROW(movement))
            value_row = _value_row(movement.id, valuation) if buf.plain_rows else None
        else:
            buf.movements.append(row)
            pair = (row[2], row[3])
            value_row = _value_row(row[0], valuation, buf.stored_after.get(pair), movement.qty, row[4])
            if value_row is not None:
                buf.stored_after[pair] = (valuation.after, value_row)
        if value_row is None:
            buf.raw_values.append(len(buf.values))
            value_row = (movement.id, *_VALUE_ROW(valuation))
        buf.values.append(value_row)
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
        return self._read(row) if row else None

    def valuation(self, movement_id: str) -> Valuation | None:
        self.buf.flush()
        row = self.conn.execute(_MOVEMENT_BY_ID, {"id": movement_id}).first()
        return _valuation(row) if row else None

    def reversal_of(self, movement_id: str) -> str | None:
        self.buf.flush()
        return self.conn.execute(_REVERSAL_OF, {"id": movement_id}).scalar()

    def transfer_legs(self, transfer_id: str) -> list[Movement]:
        self.buf.flush()
        return [self._read(r) for r in self.conn.execute(_TRANSFER_LEGS, {"tid": transfer_id})]

    def transfer_reversals(self, transfer_id: str) -> list[Movement]:
        self.buf.flush()
        return [self._read(r) for r in self.conn.execute(_TRANSFER_REVERSALS, {"tid": transfer_id})]

    def _pair(self, product_id: str, warehouse_id: str):
        c = t.movements.c
        maps = self._merged()
        if maps:  # the pair's movements include those written under a product or warehouse merged into it
            return and_(c.product_id.in_(merged.ids_of(maps.get("products", {}), product_id)),
                        c.warehouse_id.in_(merged.ids_of(maps.get("warehouses", {}), warehouse_id)))
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
        return [(self._read(r), _valuation(r)) for r in rows]

    def with_refs(self, source_type: str, refs: Iterable[str]) -> set[tuple[str, str, str]]:
        """``(source_ref, product_id, warehouse_id)`` of the movements of ``source_type`` whose ref is in ``refs``."""
        self.buf.flush()
        found: set[tuple[str, str, str]] = set()
        for chunk in chunks(refs):
            found.update(tuple(r) for r in self.conn.execute(_REFS_IN, {"st": source_type, "v": chunk}))
        maps = self._merged()
        if maps:  # under the pair each counts for now
            found = {(ref, *merged.pair_of(maps, p, w)) for ref, p, w in found}
        return found

    def latest_with_prefix(self, source_type: str, prefix: str,
                           product_ids: Iterable[str]) -> dict[tuple[str, str], datetime]:
        """Per product × warehouse of ``product_ids``, when its latest movement of ``source_type`` whose ref
        starts with ``prefix`` happened (pairs with none are left out)."""
        self.buf.flush()
        latest: dict[tuple[str, str], datetime] = {}
        maps = self._merged()
        if maps:  # the products merged into these count for them
            product_ids = [i for p in product_ids for i in merged.ids_of(maps.get("products", {}), p)]
        for chunk in chunks(product_ids):
            params = {"st": source_type, "v": chunk, "n": len(prefix), "prefix": prefix}
            for p, w, at in self.conn.execute(_LATEST_OF_PREFIX, params):
                key = merged.pair_of(maps, p, w) if maps else (p, w)
                if key not in latest or at > latest[key]:
                    latest[key] = at
        return latest

    def returns_in(self, movement_ids: Iterable[str]) -> dict[str, ReturnShare]:
        self.buf.flush()
        return return_shares(self.conn, movement_ids)

    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None:
        self.buf.flush()
        rows = [{"mid": mid, "value": v.value, "on_hand_after": v.after.on_hand, "value_after": v.after.value,
                 "avg_after": v.after.avg_cost} for mid, v in items]
        if rows:
            c = t.movement_values.c
            self.conn.execute(update(t.movement_values).where(c.movement_id == bindparam("mid")), rows)
            # a sale's or return's cost is its movement's value: its sales line follows (persistence/sales/costs.py)
            follow_ledger(self.conn, [row["mid"] for row in rows])


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
        for chunk in chunks(p for p, _ in wanted):
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

