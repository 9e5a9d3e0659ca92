"""``stock_months``: the ledger's running position and flows at the end of each month, kept for the reports.

What a row says: after every movement of its key up to the end of ``month`` (business months in the zone of
``stock_months_state.utc_offset``), the running position (``qty``, ``value``: the ``movement_values`` of the key's
last movement, as the ledger wrote them) and, per flow of ``domain.reports.model.LEDGER_FLOWS``, how many movements
there have been since the ledger began and what they moved (``<flow>_n``, ``<flow>_qty``, ``<flow>_value``; a
reversal under the flow of what it reverses, with its own value: the stock summary's read takes a reversal's price
difference out of it, ``persistence.reports.queries._price_differences``). A key is a product × warehouse (``kind``
"pair"), a product over every warehouse ("product", ``warehouse_id`` "") or a warehouse over every product
("warehouse", ``product_id`` ""), as a merge left them (``persistence/stock/merged.py``). A key has a row only for
the months it moved in; ``next_month`` is the month of its next row ("9999-12" for its latest), so the state at the
start of a month ``m`` is the one row of each key with ``month < m <= next_month``, and the table is ordered (its
primary key) so that those rows lie together: a year's stock summary reads one row per product twice (start and
end, the flows being the difference of the counters), whatever the number of movements.

Why running counters rather than each month's own flows: on the 100,000-product benchmark a product × warehouse
moves about six times a year, so a year holds about as many pair-months as movements (575,000 against 631,000) and
summing the months read as many rows as the ledger; the counters read as many as there are products.

Why it is filled when a report asks (``refresh``) and not by the ledger's posting: a posting would have to rewrite
the row of its pair, product and warehouse (three upserts per movement, and a back-dated one every later month's
row), while here the posting path pays one statement per flush (``stale_from``, from the ledger's ``Buffer``: the
earliest business time it wrote, compared with ``stock_months_state.filled_end``). A movement written before the end
of the filled months (posted back-dated, a reversal) lowers ``dirty_from``; a pull's recompute does the same from
the earliest start of the pairs it replays (``sync_dirty``, which ``refresh`` reads too, for a sync stopped before
its recompute), which covers the values it rewrites, the reversals a sync settles and a merge's replay; a merge (the
mapping's signature) or another zone offset refills it all. The next ``refresh`` drops the rows from the stale month
on, a month per short write transaction and the latest first (found by ranges of the primary key, the table having
no index on ``month``), and walks the ledger again from there, a month at a time: each month is read and walked with
no lock held and written in its own short write transaction, so a clerk's posting never waits for the whole drop or
fill (``filled_end`` is then the end of the month being filled, one past ``filled_through``: see ``refresh``).
(SQLite triggers on movements and their values did the marking in a first version: a bulk posting took about 18 %
more CPU with them in one run at a load of 9, against one statement per flush now.) On another database (the sync
hub) the table stays empty and the reports read the ledger itself. ``check`` rebuilds the table in memory from the
ledger and compares.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from operator import itemgetter

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy.types import BigInteger

from domain.reports.model import FLOW_RULES
from domain.reports.model import LEDGER_FLOWS as FLOWS
from domain.reports.model import OTHER_FLOW
from persistence import tables as t
from persistence.derived import derived_write
from persistence.stock import merged

LATEST = "9999-12"  # the next_month of a key's latest row
PAIR, PRODUCT, WAREHOUSE = "pair", "product", "warehouse"
COUNTERS = 2 + 3 * len(FLOWS)  # qty, value, then per flow: count, qty, value
COLUMNS = ("qty", "value", *(f"{f.value}_{part}" for f in FLOWS for part in ("n", "qty", "value")))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FLOW_INDEX = {f.value: i for i, f in enumerate(FLOWS)}
_S = t.stock_months_state
_SM = t.stock_months


def usable(conn: Connection) -> bool:
    """Whether this database keeps the table (SQLite: the fill and the marks are written in its SQL)."""
    return conn.dialect.name == "sqlite"


def month_of(micros: int, utc_offset_seconds: int) -> str:
    at = _EPOCH + timedelta(microseconds=micros + utc_offset_seconds * 1_000_000)
    return f"{at.year:04d}-{at.month:02d}"


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - (number == 1):04d}-{(number - 2) % 12 + 1:02d}"


def month_start(month: str, utc_offset_seconds: int) -> int:
    """The instant (stored microseconds) ``month`` begins in the zone."""
    start = datetime(int(month[:4]), int(month[5:]), 1, tzinfo=UTC) - timedelta(seconds=utc_offset_seconds)
    return (start - _EPOCH) // timedelta(microseconds=1)


def flow_case(kind, source):
    """``domain.reports.model.FLOW_RULES`` as SQL: the flow of a movement of ``kind`` from ``source``."""
    whens = [(kind == k if s is None else and_(kind == k, source == s), flow.value) for k, s, flow in FLOW_RULES]
    return case(*whens, else_=OTHER_FLOW.value)


def _raw(column):
    return type_coerce(column, BigInteger)


def _signature(maps: dict[str, dict[str, str]]) -> str:
    """The merges as one short text: a new merge changes every key it touches, so the table is filled again."""
    if not maps:
        return ""
    text = repr(sorted((table, sorted(pairs.items())) for table, pairs in maps.items()))
    return hashlib.sha1(text.encode()).hexdigest()


def _moves(conn: Connection, start: int, end: int, maps) -> Iterator[tuple]:
    """The movements from ``start`` to ``end`` (stored instants) in the ledger's order (business time, id), as
    (product, warehouse, at, flow index, qty, value, on hand after, value after), through the merges."""
    M, V = t.movements, t.movement_values  # noqa: N806
    orig, orig2 = M.alias("original"), M.alias("original2")
    flow = flow_case(func.coalesce(orig2.c.kind, orig.c.kind, M.c.kind),
                     func.coalesce(orig2.c.source_type, orig.c.source_type, M.c.source_type))
    query = (select(M.c.product_id, M.c.warehouse_id, _raw(M.c.occurred_at), flow, _raw(M.c.qty), _raw(V.c.value),
                    _raw(V.c.on_hand_after), _raw(V.c.value_after))
             .select_from(M.join(V, V.c.movement_id == M.c.id)
                          .outerjoin(orig, orig.c.id == M.c.reverses_id)
                          .outerjoin(orig2, orig2.c.id == orig.c.reverses_id))
             .where(_raw(M.c.occurred_at) >= start, _raw(M.c.occurred_at) < end)
             .order_by(M.c.occurred_at, M.c.id))
    products, warehouses = maps.get("products", {}), maps.get("warehouses", {})
    index = _FLOW_INDEX
    for p, w, at, f, qty, value, on_hand, value_after in conn.execute(query):
        if products:
            p = products.get(p, p)
        if warehouses:
            w = warehouses.get(w, w)
        yield p, w, at, index[f], qty, value, on_hand, value_after


def _walk(moves, states: dict[tuple, list[int]], load: Callable[[tuple], list[int] | None], first: str,
          offset: int, emit: Callable[[str, set[tuple]], None]) -> None:
    """Add ``moves`` (from the start of month ``first`` on) to ``states`` (key → its counters, changed in place; a
    key not there yet is ``load``ed, from its latest row, or starts at nothing), calling ``emit(month, keys moved in
    it)`` at the end of each month that had movements."""
    month, end = first, month_start(next_month(first), offset)
    touched: set[tuple] = set()
    get = states.get

    def state(key: tuple) -> list[int]:
        s = states[key] = load(key) or [0] * COUNTERS
        return s

    for p, w, at, f, qty, value, on_hand, value_after in moves:
        if at >= end:
            if touched:
                emit(month, touched)
                touched = set()
            month = month_of(at, offset)
            end = month_start(next_month(month), offset)
        j = 2 + 3 * f
        pair, product, warehouse = (PAIR, w, p), (PRODUCT, "", p), (WAREHOUSE, w, "")
        s = get(pair) or state(pair)
        dq, dv = on_hand - s[0], value_after - s[1]
        s[0], s[1] = on_hand, value_after
        s[j] += 1
        s[j + 1] += qty
        s[j + 2] += value
        for key in (product, warehouse):
            s = get(key) or state(key)
            s[0] += dq
            s[1] += dv
            s[j] += 1
            s[j + 1] += qty
            s[j + 2] += value
        touched.add(pair)
        touched.add(product)
        touched.add(warehouse)
    if touched:
        emit(month, touched)


class _Rows:
    """What ``_walk`` emits, as ``stock_months`` rows (kind, warehouse, product, month, next month, counters...):
    each key's row waits until the key's next month is known (or the walk ends: then it is the latest), so every
    row is written once; a key's latest row already in the table is pointed at its new row (``relinked``)."""

    def __init__(self, states: dict[tuple, list[int]], sink: Callable[[list[tuple]], None]) -> None:
        self.states, self.sink = states, sink
        self.in_table: set[tuple] = set()
        self.pending: dict[tuple, tuple] = {}
        self.ready: list[tuple] = []
        self.relinked: list[tuple] = []  # (new month, kind, warehouse, product)

    def __call__(self, month: str, keys: set[tuple]) -> None:
        pending, ready, states = self.pending, self.ready, self.states
        for key in keys:
            before = pending.get(key)
            if before is not None:
                ready.append((*before[:4], month, *before[5:]))
            elif key in self.in_table:
                self.relinked.append((month, *key))
            pending[key] = (*key, month, LATEST, *states[key])
        if len(ready) >= 20_000:
            self.sink(ready)
            self.ready = []

    def finish(self) -> None:
        self.sink(self.ready + list(self.pending.values()))
        self.ready, self.pending = [], {}


_INSERT = (f"INSERT INTO stock_months (kind, warehouse_id, product_id, month, next_month, {', '.join(COLUMNS)}) "
           f"VALUES ({', '.join('?' * (5 + COUNTERS))})")
_IN_KEY_ORDER = itemgetter(0, 1, 4, 2)  # kind, warehouse, next month, product
_RELINK_ORDER = itemgetter(1, 2, 3)  # (new month, kind, warehouse, product): the latest rows' key order


_STALE = ("UPDATE stock_months_state SET dirty_from = ? WHERE id = 1 AND filled_end > ? "
          "AND (dirty_from IS NULL OR dirty_from > ?)")


def stale_from(conn: Connection, at: int | None) -> None:
    """Mark the rows from the month of ``at`` (a stored instant) on as stale when that month is filled: called in
    the transaction that writes a movement (the ledger's flush) or revalues one (the recompute after a pull)."""
    if at is not None and conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_STALE, (at, at, at))


def _state(conn: Connection):
    return conn.execute(select(_S).where(_S.c.id == 1)).first()


def _pending(conn: Connection) -> int | None:
    """The earliest business time a pull wrote that its recompute has not valued yet (``sync_dirty``; the
    recompute marks the rows itself, this covers a sync stopped between the two)."""
    return conn.execute(select(func.min(_raw(t.sync_dirty.c.at)))).scalar()


def _first_at(conn: Connection) -> int | None:
    return conn.execute(select(func.min(_raw(t.movements.c.occurred_at)))).scalar()


# How many months one step of a fill walks: each step is its own short write transaction (see ``refresh``).
STEP_MONTHS = 1
# Called after each step of a fill has committed, with the last month it filled (a test posts in between).
after_step: Callable[[str], None] | None = None
# Called after each month of a drop of stale months has committed, with the month dropped (likewise).
after_drop: Callable[[str], None] | None = None


def refresh(engine: Engine, through: str, utc_offset_seconds: int, *, around=None) -> None:
    """Make the rows up to the end of month ``through`` (in the zone ``utc_offset_seconds``) agree with the ledger:
    the months a change reached since are dropped and walked again, the months not filled yet are walked.

    A clerk's posting never waits for a fill: the fill goes in steps of ``STEP_MONTHS`` months, and each step reads
    the ledger and walks it in a read transaction (no lock held), then takes the write lock only to insert its rows
    and move ``filled_through`` on. Before a step reads, a short write transaction sets ``filled_end`` to the end
    of the step's months (the claim), so a posting made meanwhile into them (or into months filled already) sets
    ``dirty_from`` as it does for filled months; the step's write sees the state moved and drops its rows, and the
    next step starts again from the stale month. A fill stopped between steps resumes from ``filled_through``.

    The stale months a change reached are dropped the same way, a month per short write transaction, the latest
    first (``_drop_stale``): after each, ``filled_through`` is the month before it and ``dirty_from`` is still set,
    so a posting meanwhile marks what it must, and a drop stopped between months goes on from there.

    The table is derived, not business data: a window that fills it passes ``around`` (its change watcher's
    ``ui.watch.DataWatcher.own_write``, as ``persistence.derived.derived_write`` takes it: around the commit of each
    write transaction, which holds the write lock from its start), so the watcher does not count the fill as a change
    to the data and the open screens do not load again because a report was read. A posting made while the fill goes
    on is still counted (at the watcher's next look)."""
    with engine.connect() as conn:
        if not usable(conn):
            return
    states: dict[tuple, list[int]] = {}  # each key's latest row, as the last step wrote it
    written = None  # the state that step left
    whole = False  # whether ``states`` holds every key of the table (a fill from the first month, not stopped)
    while True:
        seen = _prepare(engine, through, utc_offset_seconds, written, around)
        if seen is None:
            return
        if not seen.same:
            states.clear()  # someone else filled or marked the table since: read its latest rows again
            whole = seen.filled_through is None  # the table is empty
        written = _step(engine, seen, through, utc_offset_seconds, states, whole, around)
        if written is None:
            states.clear()
            whole = False
        elif after_step is not None:
            after_step(written[2])


def _write(engine: Engine, around=None):
    """One short write transaction of a fill or a drop: the write lock up front, as a unit of work takes it
    (``persistence.db``), and inside ``around()`` once it is held when given (see ``refresh``)."""
    return derived_write(engine, around, immediate=True)


def _state_key(state, pending) -> tuple:
    return (state.utc_offset, state.merges, state.filled_through, state.filled_end, state.dirty_from, pending)


class _Seen:
    def __init__(self, state, pending, first: str, maps, same: bool) -> None:
        self.key, self.same = _state_key(state, pending), same
        self.filled_through, self.first, self.maps = state.filled_through, first, maps


def _step_end(filled: str | None, first: str, through: str) -> str:
    month = next_month(filled) if filled is not None else first
    for _ in range(STEP_MONTHS - 1):
        if month >= through:
            break
        month = next_month(month)
    return month


def _prepare(engine: Engine, through: str, offset: int, written: tuple | None, around=None) -> _Seen | None:
    """Settle what changed since the last fill and claim the next step's months (one short write transaction), or
    None when the months up to ``through`` are filled and up to date."""
    with engine.connect() as conn:
        state = _state(conn)
        if (state is not None and state.dirty_from is None and _pending(conn) is None
                and state.utc_offset == offset
                and state.filled_through is not None and state.filled_through >= through
                and state.merges == _signature(merged.merged(conn))):
            return None
        stale = (state is not None and state.filled_through is not None
                 and (state.dirty_from is not None or _pending(conn) is not None))
    if stale:
        _drop_stale(engine, offset, around)
    with _write(engine, around) as conn:
        pending = _pending(conn)
        stale_from(conn, pending)
        maps = merged.merged(conn)
        signature = _signature(maps)
        state = _state(conn)
        same = state is not None and _state_key(state, pending) == written
        filled = None if state is None else state.filled_through
        if state is None or state.utc_offset != offset or state.merges != signature:
            conn.execute(_SM.delete())
            filled = None
        elif state.dirty_from is not None and filled is not None:
            stale = month_of(state.dirty_from, offset)
            if stale <= filled:  # the last stale month (``_drop_stale`` dropped the others), or a posting's
                _drop_months(conn, stale, filled, stale)  # since: dropped here with the claim
                filled = previous_month(stale)
        first_at = _first_at(conn)
        first = month_of(first_at, offset) if first_at is not None else None
        if filled is not None and filled >= through:
            claim, first = filled, None
        elif first is None or (filled is None and first > through):
            claim, first = through, None  # nothing to walk: every month up to ``through`` is filled
        else:
            claim = _step_end(filled, first, through)
        values = {"utc_offset": offset, "merges": signature,
                  "filled_through": claim if first is None else filled,
                  "filled_end": month_start(next_month(claim), offset), "dirty_from": None}
        if state is None:
            conn.execute(_S.insert().values(id=1, **values))
        else:
            conn.execute(_S.update().where(_S.c.id == 1).values(**values))
        if first is None:
            return None
        return _Seen(_state(conn), pending, first, maps, same)


def _drop_stale(engine: Engine, offset: int, around=None) -> None:
    """Drop the stale months but the earliest, the latest first, each in its own short write transaction that moves
    ``filled_through`` (and ``filled_end``) back before it and leaves ``dirty_from`` as it is: a posting meanwhile
    into the months still filled marks them as it always does, one into a month dropped marks nothing (it is no
    longer filled), and each transaction reads the state afresh. Between them, the rows before the stale month are as
    a fill through them leaves them; some of those after it may still point into a month dropped (``_drop_months``):
    nothing reads them before the drop is over (``check`` compares the months before the stale one). The earliest
    stale month is dropped by ``_prepare`` with its claim, as are the months a posting made stale after the last of
    these. Nothing is done when the zone or the merges changed (``_prepare`` empties the table then)."""
    more = True
    while more:
        with _write(engine, around) as conn:
            stale_from(conn, _pending(conn))
            state = _state(conn)
            if (state is None or state.dirty_from is None or state.filled_through is None
                    or state.utc_offset != offset or state.merges != _signature(merged.merged(conn))):
                return
            top, stale = state.filled_through, month_of(state.dirty_from, offset)
            if stale >= top:
                return
            _drop_months(conn, top, top, stale)
            conn.execute(_S.update().where(_S.c.id == 1).values(
                filled_through=previous_month(top), filled_end=month_start(top, offset)))
            more = stale < previous_month(top)  # (a posting after this commit: ``_prepare`` drops its months)
        if after_drop is not None:
            after_drop(top)


def _drop_months(conn: Connection, first: str, last: str, stale: str) -> None:
    """Delete the rows of the months ``first`` to ``last`` (the latest filled), the latest first, and point the rows
    before ``stale`` (the earliest stale month) that lead into them back to ``LATEST``: those from ``stale`` on are
    dropped in their turn, so they are not rewritten first (an update of the primary key moves the row). By ranges of
    the primary key, for each (kind, warehouse) it holds: a month's rows are among those whose next month is later
    (the latest rows, and those left pointing into a month dropped before), the rows to point back are those whose
    next month is the one dropped."""
    prefixes = _prefixes(conn)
    month = last
    while True:
        for kind, warehouse in prefixes:
            conn.exec_driver_sql("DELETE FROM stock_months WHERE kind = ? AND warehouse_id = ? AND next_month > ? "
                                 "AND month = ?", (kind, warehouse, month, month))
            conn.exec_driver_sql(f"UPDATE stock_months SET next_month = '{LATEST}' WHERE kind = ? AND warehouse_id = ? "
                                 f"AND next_month = ? AND month < ?", (kind, warehouse, month, stale))
        if month <= first:
            return
        month = previous_month(month)


def _prefixes(conn: Connection) -> list[tuple[str, str]]:
    """The (kind, warehouse) pairs the table holds, in key order: a seek in the primary key each, not a scan."""
    found: list[tuple[str, str]] = []
    row = conn.exec_driver_sql("SELECT kind, warehouse_id FROM stock_months ORDER BY kind, warehouse_id "
                               "LIMIT 1").first()
    while row is not None:
        found.append((row[0], row[1]))
        row = conn.exec_driver_sql("SELECT kind, warehouse_id FROM stock_months WHERE (kind, warehouse_id) > (?, ?) "
                                   "ORDER BY kind, warehouse_id LIMIT 1", found[-1]).first()
    return found


def _step(engine: Engine, seen: _Seen, through: str, offset: int, states: dict[tuple, list[int]],
          whole: bool, around=None) -> tuple | None:
    """Walk the claimed months in a read transaction, then write their rows in a short write transaction if the
    state has not moved since the claim: the state it leaves, or None (nothing written) when it had moved.
    ``states``: the latest rows the steps before wrote (``whole``: every key in the table); the others of the keys
    that move are read from the table in one query."""
    filled = seen.filled_through
    start = next_month(filled) if filled is not None else seen.first
    last = _step_end(filled, seen.first, through)
    written: list[tuple] = []
    with engine.connect() as conn, conn.begin():
        moves = list(_moves(conn, month_start(start, offset), month_start(next_month(last), offset), seen.maps))
        if filled is not None and not whole:
            wanted = {k for p, w, *_ in moves for k in ((PAIR, w, p), (PRODUCT, "", p), (WAREHOUSE, w, ""))}
            wanted.difference_update(states)
            states.update(_latest(conn, wanted))
        new: set[tuple] = set()  # the keys with no row in the table yet: those ``_walk`` finds no state for
        rows = _Rows(states, written.extend)
        rows.in_table = _Not(new)
        _walk(moves, states, lambda key: new.add(key), start, offset, rows)
        rows.finish()
    with _write(engine, around) as conn:
        if _state_key(_state(conn), _pending(conn)) != seen.key:
            return None
        cursor = conn.connection.driver_connection.cursor()
        try:
            if rows.relinked:
                rows.relinked.sort(key=_RELINK_ORDER)  # the latest rows lie together: walked in key order
                cursor.executemany(f"UPDATE stock_months SET next_month = ? WHERE kind = ? AND warehouse_id = ? "
                                   f"AND product_id = ? AND next_month = '{LATEST}'", rows.relinked)
            written.sort(key=_IN_KEY_ORDER)  # in the primary key's order: appended to the b-tree
            cursor.executemany(_INSERT, written)
        finally:
            cursor.close()
        conn.execute(_S.update().where(_S.c.id == 1).values(filled_through=last))
        return _state_key(_state(conn), seen.key[5])


class _Not:
    """The keys not in ``keys``."""

    def __init__(self, keys: set[tuple]) -> None:
        self.keys = keys

    def __contains__(self, key: tuple) -> bool:
        return key not in self.keys


_LATEST_OF_KEYS = (f"SELECT s.kind, s.warehouse_id, s.product_id, {', '.join('s.' + c for c in COLUMNS)} "
                   f"FROM json_each(?) j CROSS JOIN stock_months s ON s.kind = json_extract(j.value, '$[0]') "
                   f"AND s.warehouse_id = json_extract(j.value, '$[1]') AND s.next_month = '{LATEST}' "
                   f"AND s.product_id = json_extract(j.value, '$[2]')")


def _latest(conn: Connection, keys: set[tuple]) -> dict[tuple, list[int]]:
    """The counters of the latest rows of ``keys`` (those that have one), in one read."""
    if not keys:
        return {}
    found = conn.exec_driver_sql(_LATEST_OF_KEYS, (json.dumps(sorted(keys)),)).all()
    return {(r[0], r[1], r[2]): list(r[3:]) for r in found}


def changes(conn: Connection, first: str, after: str, kind: str, warehouse_ids: list[str] | None) -> list[tuple]:
    """Each key of ``kind`` (in ``warehouse_ids``, or every warehouse) from the start of month ``first`` to the start
    of month ``after``: (warehouse id, product id, qty and value at the start, qty and value at the end, which flows
    had movements (bit ``i`` for ``FLOWS[i]``), then each flow's qty and value). The state at the start of a month
    is the key's one row with ``month < m <= next_month``; a key that had not moved by the end has no line. The rows
    at the start go through a temporary table keyed by warehouse and product, so each line finds its own by key
    (SQLite would scan them all again for each line of a join of the two ranges)."""
    pick = "kind = ?" + (" AND warehouse_id = ?" if kind == PRODUCT or warehouse_ids is not None else "")
    rows = f"FROM stock_months WHERE {pick} AND next_month >= ? AND month < ?"
    columns = ", ".join(COLUMNS)
    mask = " | ".join(f"((e.{f.value}_n - coalesce(b.{f.value}_n, 0) != 0) << {i})" for i, f in enumerate(FLOWS))
    moved = ", ".join(f"e.{f.value}_{part} - coalesce(b.{f.value}_{part}, 0)"
                      for f in FLOWS for part in ("qty", "value"))
    sql = (f"SELECT e.warehouse_id, e.product_id, coalesce(b.qty, 0), coalesce(b.value, 0), e.qty, e.value, {mask}, "
           f"{moved} FROM (SELECT * {rows}) e LEFT JOIN temp.stock_months_start b "
           f"ON b.warehouse_id = e.warehouse_id AND b.product_id = e.product_id")
    if kind == PRODUCT:
        each = [(kind, "")]
    elif warehouse_ids is None:
        each = [(kind,)]
    else:
        each = [(kind, w) for w in warehouse_ids]
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS stock_months_start (warehouse_id TEXT NOT NULL, "
                       f"product_id TEXT NOT NULL, {', '.join(c + ' INTEGER' for c in COLUMNS)}, "
                       f"PRIMARY KEY (warehouse_id, product_id)) WITHOUT ROWID")
        out: list[tuple] = []
        for args in each:
            cursor.execute("DELETE FROM temp.stock_months_start")
            cursor.execute(f"INSERT INTO temp.stock_months_start SELECT warehouse_id, product_id, {columns} {rows}",
                           (*args, first, first))
            out += cursor.execute(sql, (*args, after, after)).fetchall()
        cursor.execute("DELETE FROM temp.stock_months_start")
        return out
    finally:
        cursor.close()


def check(conn: Connection) -> list[tuple[str, str, str, str, str, int, int]]:
    """The filled rows (those before any month a change reached since) against the same rows made again from the
    ledger: (kind, warehouse id, product id, month, what, from the ledger, in the table) per difference."""
    if not usable(conn):
        return []
    state = _state(conn)
    if state is None or state.filled_through is None or state.merges != _signature(merged.merged(conn)):
        return []  # nothing filled, or filled again at the next report: nothing in it counts yet
    offset, through = state.utc_offset, state.filled_through
    for stale in (state.dirty_from, _pending(conn)):
        if stale is not None:
            through = min(through, previous_month(month_of(stale, offset)))
    expected: dict[tuple, tuple] = {}
    first_at = _first_at(conn)
    if first_at is not None and month_of(first_at, offset) <= through:
        states: dict[tuple, list[int]] = {}
        rows = _Rows(states, lambda batch: expected.update((r[:4], r[4:]) for r in batch))
        first = month_of(first_at, offset)
        moves = _moves(conn, month_start(first, offset), month_start(next_month(through), offset),
                       merged.merged(conn))
        _walk(list(moves), states, lambda key: None, first, offset, rows)
        rows.finish()
    found = {tuple(r[:4]): tuple(r[4:]) for r in conn.execute(
        select(_SM.c.kind, _SM.c.warehouse_id, _SM.c.product_id, _SM.c.month, _SM.c.next_month,
               *[_SM.c[c] for c in COLUMNS]).where(_SM.c.month <= through)).all()}

    def seen(row: tuple) -> tuple:  # a next row beyond the months compared: the latest, as far as they go
        return (row[0] if row[0] <= through else LATEST, *row[1:])

    problems = []
    for key in sorted(expected.keys() | found.keys()):
        want, got = expected.get(key), found.get(key)
        if want is None or got is None:
            problems.append((*key, "row", int(want is not None), int(got is not None)))
            continue
        for name, a, b in zip(("next_month", *COLUMNS), seen(want), seen(got), strict=True):
            if a != b:
                problems.append((*key, name, a, b))
    return problems
