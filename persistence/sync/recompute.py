"""Deterministic recompute of derived stock values after a pull.

Movement values, running positions and balances are a pure function of the movements: each
movement is valued by ``domain.stock.valuation.replay`` (the rule for each kind in
``valuation.value``) against the position before it, in business time order (``occurred_at``,
then id), exactly as the ledger values it when it is posted. The ledger's incremental posting
and back-dated replay go through the same functions, so a device
that replays the changed pairs from their earliest new movement ends with the same numbers as
every other device holding the same movements. (Here the replay runs on the stored integers,
``valuation.replay_scaled``: the same rules, giving exactly the integers the Decimal ones give.)

The pairs to replay (``sync_dirty``) are first closed over transfers: when a transfer-out is
replayed, its value may change, and the receiving leg takes exactly that value, so the pair of
the receiving leg is replayed from that leg on. Then the pairs are replayed a few whole products
at a time, each share in its own transaction (``recompute``), in global (occurred_at, id) order;
both legs of a transfer share their business time and the out leg's id is the smaller, so the
out leg's new value is known when the in leg comes. A reversal comes after its original in the
same pair; one taking goods out reads its original's positions before and after (replayed, or stored:
``_stored_span``), and a transfer's sending leg reversed brings back what the receiving leg's reversal took
out (``_back_value``), so a pair whose receiving leg's reversal is replayed has its sending leg's reversal
replayed too (``_close_over_transfers``). Nothing is refused: stock that a merge drives below zero stays
negative (both movements are kept) and is reported. A customer return replayed comes back at its share of its
sale's value as the replay leaves it (``valuation.returned_unit_cost``, as on the desk), and the sales lines of
the sales and customer returns replayed take their movements' new values as their cost
(``persistence.sales.costs``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from itertools import chain

from sqlalchemy import Connection

from domain.kernel.bulk import without_cycle_collection
from domain.stock import valuation
from domain.stock.model import Position
from persistence.purchasing.orders import on_order
from persistence.sales.costs import SALES_KINDS
from persistence.sales.costs import follow_ledger
from persistence.sales.costs import return_shares
from persistence.sales.orders import reserved
from persistence.stock import merged
from persistence.stock import months
from persistence.sync.local import BULK_CACHE_KIB
from persistence.sync.local import mark_dirty
from persistence.types import Scaled
from persistence.writers import let_writers_in

_QTY, _MONEY, _COST = -4, -4, -8
_BATCH = 20_000  # movements read, and values written, at a time
STEP_MOVEMENTS = 10_000  # movements replayed in one transaction, about (a product's are never split)


def _d(value: int | None, scale: int) -> Decimal | None:
    return None if value is None else Decimal(value).scaleb(scale)


def _i(value: Decimal, scale: int) -> int:
    return int(value.scaleb(-scale).to_integral_value())


def _dirty(conn: Connection, maps: dict[str, dict[str, str]], source: str = "sync_dirty") -> tuple[str, str, str]:
    """The dirty pairs as the statements join them to movements: (table, its product, its warehouse as they read now).

    Without a merge that is ``source`` itself (``sync_dirty``, or a step's share of it). With products or
    warehouses merged away and kept (``persistence/stock/merged.py``), each dirty pair (always a survivor's) is
    spread over every id its movements may have been written under, in a temporary table that says the survivor's
    pair beside each: the movements are still found through their own index, and read as the survivor's.
    """
    if not maps:
        return source, "d.product_id", "d.warehouse_id"
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS sync_dirty_ids (product_id TEXT, warehouse_id TEXT, "
                         "at INTEGER, movement_id TEXT, to_p TEXT, to_w TEXT)")
    conn.exec_driver_sql("DELETE FROM temp.sync_dirty_ids")
    products, warehouses = maps.get("products", {}), maps.get("warehouses", {})
    dirty = conn.exec_driver_sql(f"SELECT product_id, warehouse_id, at, movement_id FROM {source}").fetchall()
    rows = [(rp, rw, at, mid, p, w) for p, w, at, mid in dirty
            for rp in merged.ids_of(products, p) for rw in merged.ids_of(warehouses, w)]
    if rows:
        conn.exec_driver_sql("INSERT INTO temp.sync_dirty_ids VALUES (?, ?, ?, ?, ?, ?)", rows)
    return "temp.sync_dirty_ids", "d.to_p", "d.to_w"


# What a replayed movement ``o`` passes on to a movement ``i`` of another pair, which must then be replayed from ``i``
# on: a transfer's out leg its value to the in leg; the reversal of an in leg what it took out to the out leg's
# reversal at the same moment after it, which brings exactly that back (``valuation.replay``'s ``back_before``).
_PASSED_ON = (
    ("o.kind = 'transfer_out'", "i.kind = 'transfer_in'"),
    ("o.kind = 'reversal' AND o.qty < 0",
     "i.kind = 'reversal' AND i.qty > 0 AND i.occurred_at = o.occurred_at AND i.id > o.id"),
)


def _close_over_transfers(conn: Connection, maps: dict[str, dict[str, str]]) -> None:
    while True:
        if not maps:
            rows = [row for whose, passed in _PASSED_ON for row in conn.exec_driver_sql(
                "SELECT i.product_id, i.warehouse_id, i.occurred_at, i.id FROM movements o "
                "JOIN sync_dirty d ON o.product_id = d.product_id AND o.warehouse_id = d.warehouse_id "
                " AND (o.occurred_at > d.at OR (o.occurred_at = d.at AND o.id >= d.movement_id)) "
                f"JOIN movements i ON i.transfer_id = o.transfer_id AND {passed} "
                "LEFT JOIN sync_dirty e ON e.product_id = i.product_id AND e.warehouse_id = i.warehouse_id "
                f"WHERE {whose} AND o.transfer_id IS NOT NULL AND (e.product_id IS NULL OR e.at > i.occurred_at "
                " OR (e.at = i.occurred_at AND e.movement_id > i.id))").fetchall()]
        else:  # the receiving legs' pairs as they read now, compared with their starts here
            table, _, _ = _dirty(conn, maps)
            legs = [row for whose, passed in _PASSED_ON for row in conn.exec_driver_sql(
                "SELECT i.product_id, i.warehouse_id, i.occurred_at, i.id FROM movements o "
                f"JOIN {table} d ON o.product_id = d.product_id AND o.warehouse_id = d.warehouse_id "
                " AND (o.occurred_at > d.at OR (o.occurred_at = d.at AND o.id >= d.movement_id)) "
                f"JOIN movements i ON i.transfer_id = o.transfer_id AND {passed} "
                f"WHERE {whose} AND o.transfer_id IS NOT NULL").fetchall()]
            starts = {(p, w): (at, mid) for p, w, at, mid in conn.exec_driver_sql(
                "SELECT product_id, warehouse_id, at, movement_id FROM sync_dirty")}
            rows = []
            for p, w, at, mid in legs:
                pair = merged.pair_of(maps, p, w)
                if pair not in starts or (at, mid) < starts[pair]:
                    starts[pair] = (at, mid)
                    rows.append((*pair, at, mid))
        if not rows:
            return
        for p, w, at, mid in rows:
            conn.exec_driver_sql(
                "INSERT INTO sync_dirty (product_id, warehouse_id, at, movement_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET at = excluded.at, "
                "movement_id = excluded.movement_id WHERE excluded.at < sync_dirty.at "
                "OR (excluded.at = sync_dirty.at AND excluded.movement_id < sync_dirty.movement_id)", (p, w, at, mid))


def _stored_value(conn: Connection, movement_id: str) -> int:
    value = conn.exec_driver_sql("SELECT value FROM movement_values WHERE movement_id = ?", (movement_id,)).scalar()
    return value or 0


def _out_value(conn: Connection, transfer_id: str) -> int:
    value = conn.exec_driver_sql(
        "SELECT v.value FROM movements m JOIN movement_values v ON v.movement_id = m.id "
        "WHERE m.transfer_id = ? AND m.kind = 'transfer_out'", (transfer_id,)).scalar()
    return value or 0


Stored = tuple[int, int, int]  # a position as stored: on hand and value × 10**4, average × 10**8


def _stored_span(conn: Connection, maps: dict[str, dict[str, str]], movement_id: str) -> tuple[Stored, Stored] | None:
    """The stored positions before and after a movement (a reversal's ``span``, ``valuation.replay``): its own
    position after, and the one after the last valued movement of its pair before it (none: empty); None if there
    is no such movement."""
    row = conn.exec_driver_sql(
        "SELECT m.product_id, m.warehouse_id, m.occurred_at, v.on_hand_after, v.value_after, v.avg_after "
        "FROM movements m JOIN movement_values v ON v.movement_id = m.id WHERE m.id = ?", (movement_id,)).first()
    if row is None:
        return None
    p, w, at, q, v, a = row
    products, warehouses = [p], [w]
    if maps:  # the pair as it reads now: every id its movements may have been written under
        p, w = merged.pair_of(maps, p, w)
        products, warehouses = merged.ids_of(maps.get("products", {}), p), merged.ids_of(maps.get("warehouses", {}), w)
    before = conn.exec_driver_sql(
        "SELECT v.on_hand_after, v.value_after, v.avg_after FROM movements m "
        "JOIN movement_values v ON v.movement_id = m.id "
        f"WHERE m.product_id IN ({', '.join('?' * len(products))}) "
        f"AND m.warehouse_id IN ({', '.join('?' * len(warehouses))}) "
        "AND (m.occurred_at < ? OR (m.occurred_at = ? AND m.id < ?)) ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1",
        (*products, *warehouses, at, at, movement_id)).first()
    return (tuple(before) if before is not None else (0, 0, 0)), (q, v, a)


def _back_value(conn: Connection, transfer_id: str, at: int, movement_id: str) -> int | None:
    """The stored value of the latest reversal of ``transfer_id`` taking goods out at ``at`` before ``movement_id``
    (``valuation.replay``'s ``back_before``), None if there is none."""
    return conn.exec_driver_sql(
        "SELECT v.value FROM movements m JOIN movement_values v ON v.movement_id = m.id "
        "WHERE m.transfer_id = ? AND m.kind = 'reversal' AND m.qty < 0 AND m.occurred_at = ? AND m.id < ? "
        "ORDER BY m.id DESC LIMIT 1", (transfer_id, at, movement_id)).scalar()


def _reversed_in(conn: Connection, table: str) -> set[str]:
    """The movements that a reversal taking goods out, to be replayed (from each dirty pair's start on), reverses."""
    return {row[0] for row in conn.exec_driver_sql(
        f"SELECT m.reverses_id FROM {table} d CROSS JOIN movements m "
        "ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id "
        "WHERE (m.occurred_at > d.at OR (m.occurred_at = d.at AND m.id >= d.movement_id)) "
        "AND m.kind = 'reversal' AND m.qty < 0")}


def _positions_before(conn: Connection, table: str, tp: str, tw: str) -> dict[tuple[str, str], Stored]:
    """The position before each dirty pair's start, from the last valued movement before it (none: empty),
    in one statement for all pairs (``_dirty``'s: a pair read under several ids takes the latest of theirs)."""
    rows = conn.exec_driver_sql(
        f"SELECT {tp}, {tw}, m.occurred_at, m.id, v.on_hand_after, v.value_after, v.avg_after FROM {table} d "
        "JOIN movement_values v ON v.movement_id = (SELECT m.id FROM movements m "
        " JOIN movement_values w ON w.movement_id = m.id "
        " WHERE m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id "
        " AND (m.occurred_at < d.at OR (m.occurred_at = d.at AND m.id < d.movement_id)) "
        " ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1) "
        "JOIN movements m ON m.id = v.movement_id").fetchall()
    latest: dict[tuple[str, str], tuple] = {}
    for p, w, at, mid, q, v, a in rows:
        if (p, w) not in latest or (at, mid) > latest[(p, w)][0]:
            latest[(p, w)] = ((at, mid), (q, v, a))
    return {pair: position for pair, (_, position) in latest.items()}


def recompute(conn: Connection, places: int) -> list[tuple[str, str, Decimal]]:
    """Replay every pair in ``sync_dirty``, a few products at a time; return the (product id, warehouse id, on hand)
    left negative.

    ``conn``: a connection to the desk's file, in no transaction, whose transactions take the write lock as they
    begin (``info["immediate"]``, as ``common.local_connection``'s); each step is a transaction of its own on it, so
    the pages one step read stay in its (roomy) cache for the next. The first step plans: it puts merged pairs up
    under their survivors, closes the pairs over transfers and marks the reports' months stale. Every later step
    replays the pairs of whole products (a transfer, a customer return and a merge never leave their product, so
    nothing a step replays depends on a product another step replays) up to about STEP_MOVEMENTS movements, writes
    their values and balances and takes their pairs out of ``sync_dirty``, in one transaction: a clerk's save waits
    for one step at most, not for the whole recompute.

    A save between two steps is exact too. Its movement is valued by the ledger against the position it finds; the
    position of a pair a step has not replayed yet is stale, but that step replays the pair from its start, the
    save's movement among the others (a movement the save back-dates before the start is valued by the ledger's own
    replay, and the step starts from the last valued movement before its start). A sync stopped between steps
    leaves the rest in ``sync_dirty`` for the next sync's recompute.

    The movements to replay are read straight from the driver's cursor, a batch at a time, and valued on the stored
    integers as they are read (``valuation.replay_scaled``, exactly the Decimal rules' results) and written back as
    they are: a first pull replays every movement. Numbers beyond the integers' reach (none that the columns hold)
    are replayed by the Decimal rules instead.
    """
    negative: list[tuple[str, str, Decimal]] = []
    with without_cycle_collection():  # a first pull replays every movement
        with conn.begin():
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
            conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")  # as roomy_cache, for all the steps
            steps = _plan(conn)
        try:
            for products in steps:
                let_writers_in(conn)  # a save waiting since the step before goes first
                negative += _step(conn, places, products)
        finally:
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
    return negative


def _plan(conn: Connection) -> list[list[str]]:
    """Prepare ``sync_dirty`` for the steps (merges followed, closed over transfers, months marked stale) and share
    its products out among them: whole products, about STEP_MOVEMENTS movements to replay a step."""
    if conn.exec_driver_sql("SELECT count(*) FROM sync_dirty").scalar_one() == 0:
        return []
    # the reports' monthly rows from the earliest pair's start on (persistence/stock/months.py)
    months.stale_from(conn, conn.exec_driver_sql("SELECT min(at) FROM sync_dirty").scalar())
    maps = merged.merged(conn)
    if maps:
        _follow_merges(conn, maps)
    _close_over_transfers(conn, maps)
    table, tp, _ = _dirty(conn, maps)
    counts = dict(conn.exec_driver_sql(
        f"SELECT {tp}, count(*) FROM movements m JOIN {table} d "
        "ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id "
        f"WHERE m.occurred_at > d.at OR (m.occurred_at = d.at AND m.id >= d.movement_id) GROUP BY {tp}").all())
    if maps:
        conn.exec_driver_sql("DELETE FROM temp.sync_dirty_ids")
    steps: list[list[str]] = [[]]
    size = 0
    for (product,) in conn.exec_driver_sql("SELECT DISTINCT product_id FROM sync_dirty ORDER BY product_id"):
        count = counts.get(product, 0)
        if steps[-1] and size + count > STEP_MOVEMENTS:
            steps.append([])
            size = 0
        steps[-1].append(product)
        size += count
    return steps


def _step(conn: Connection, places: int, products: list[str]) -> list[tuple[str, str, Decimal]]:
    """Replay the dirty pairs of ``products`` and take them out of ``sync_dirty``, in one transaction of its own."""
    with conn.begin():
        conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS sync_step (product_id TEXT, warehouse_id TEXT, "
                             "at INTEGER, movement_id TEXT, PRIMARY KEY (product_id, warehouse_id))")
        conn.exec_driver_sql("DELETE FROM temp.sync_step")
        conn.exec_driver_sql("INSERT INTO temp.sync_step SELECT product_id, warehouse_id, at, movement_id "
                             "FROM sync_dirty WHERE product_id = ?", [(p,) for p in products])
        negative = _recompute(conn, places)
        conn.exec_driver_sql("DELETE FROM sync_dirty WHERE EXISTS (SELECT 1 FROM temp.sync_step s "
                             "WHERE s.product_id = sync_dirty.product_id AND s.warehouse_id = sync_dirty.warehouse_id "
                             "AND s.at = sync_dirty.at AND s.movement_id = sync_dirty.movement_id)")
        conn.exec_driver_sql("DELETE FROM temp.sync_step")
    return negative


def _recompute(conn: Connection, places: int) -> list[tuple[str, str, Decimal]]:
    """Replay the pairs in ``temp.sync_step`` (whole products of ``sync_dirty``); return those left negative."""
    maps = merged.merged(conn)
    starts = conn.exec_driver_sql("SELECT product_id, warehouse_id FROM temp.sync_step").fetchall()
    table, tp, tw = _dirty(conn, maps, "temp.sync_step")
    found = _positions_before(conn, table, tp, tw)
    before = {(p, w): found.get((p, w)) or (0, 0, 0) for p, w in starts}
    # (the replay's rows, in ReplayRow's order). CROSS JOIN: SQLite goes from the step's pairs to their movements
    # (their index), then sorts what it found; left to itself it scanned every movement in business-time order and
    # looked each up among the step's pairs, which costs a whole scan a step
    select = (f"SELECT m.id, m.kind, {tp}, {tw}, m.qty, m.unit_cost, m.transfer_id, m.reverses_id, m.occurred_at "
              f"FROM {table} d CROSS JOIN movements m "
              "ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id "
              "WHERE m.occurred_at > d.at OR (m.occurred_at = d.at AND m.id >= d.movement_id) "
              "ORDER BY m.occurred_at, m.id")
    # the sales and customer returns replayed: a return takes back its share of its sale's value as the replay leaves
    # it (valuation.returned_unit_cost); their sales lines follow their movements' values (persistence/sales/costs.py)
    sales = _replayed(conn, table)
    returned = return_shares(conn, [mid for mid, source_type in sales if source_type == "customer_return"])
    reversed_ids = _reversed_in(conn, table)
    try:
        positions, last = _replay_stored(conn, select, dict(before), places, returned, maps, reversed_ids)
    except valuation.NotScaled:  # a number out of the integers' reach: the Decimal rules, from the start again
        positions, last = _replay_decimal(conn, select, before, places, returned, maps, reversed_ids)
    follow_ledger(conn, [mid for mid, _ in sales])
    negative = []
    balances = []
    for (p, w), (on_hand, value, avg) in positions.items():
        key = last.get((p, w))
        if key is None:
            products = merged.ids_of(maps.get("products", {}), p)
            warehouses = merged.ids_of(maps.get("warehouses", {}), w)
            key = conn.exec_driver_sql(
                f"SELECT occurred_at, id FROM movements WHERE product_id IN ({', '.join('?' * len(products))}) "
                f"AND warehouse_id IN ({', '.join('?' * len(warehouses))}) ORDER BY occurred_at DESC, id DESC LIMIT 1",
                (*products, *warehouses)).first()
            if key is None:
                conn.exec_driver_sql("DELETE FROM balances WHERE product_id = ? AND warehouse_id = ?", (p, w))
                continue
        balances.append((p, w, on_hand, value, avg, key[0], key[1]))
        if on_hand < 0:
            negative.append((p, w, _d(on_hand, _QTY)))
    if balances:
        conn.exec_driver_sql(
            "INSERT INTO balances (product_id, warehouse_id, on_hand, value, avg_cost, reserved, on_order, last_at, "
            "last_id) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT (product_id, warehouse_id) DO UPDATE SET "
            "on_hand = excluded.on_hand, value = excluded.value, avg_cost = excluded.avg_cost, "
            "last_at = excluded.last_at, last_id = excluded.last_id", balances)
    if maps:
        conn.exec_driver_sql("DELETE FROM temp.sync_dirty_ids")
    return negative


Last = dict[tuple[str, str], tuple[int, str]]  # each pair's last movement replayed: (occurred_at, id)


def _replayed(conn: Connection, table: str) -> list[tuple[str, str]]:
    """(id, source type) of each movement of a sale or customer return to be replayed (from each dirty pair's start
    on), reversals left out."""
    return [tuple(row) for row in conn.exec_driver_sql(
        f"SELECT m.id, m.source_type FROM {table} d CROSS JOIN movements m "
        "ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id "
        "WHERE (m.occurred_at > d.at OR (m.occurred_at = d.at AND m.id >= d.movement_id)) "
        f"AND m.kind <> 'reversal' AND m.source_type IN ({', '.join('?' * len(SALES_KINDS))})", SALES_KINDS)]


def _replay_stored(conn: Connection, select: str, positions: dict[tuple[str, str], Stored], places: int,
                   returned: dict[str, valuation.ReturnShare], maps: dict[str, dict[str, str]],
                   reversed_ids: set[str]) -> tuple[dict[tuple[str, str], Stored], Last]:
    """Replay the movements ``select`` reads on the stored integers (``valuation.replay_scaled``), straight from the
    driver's cursor a batch at a time, writing their values as it goes; return the positions after and ``Last``.

    Raises:
        valuation.NotScaled: a number out of the integers' reach (what was written is written again by the Decimal
            replay, in the same transaction).
    """
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(select)
        rows = chain.from_iterable(iter(partial(cursor.fetchmany, _BATCH), []))
        last: Last = {}
        out_rows: list[tuple] = []
        for row, moved, (on_hand, value, avg) in valuation.replay_scaled(
                positions, rows, places=places, value_before=partial(_stored_value, conn),
                out_value_before=partial(_out_value, conn), span_before=partial(_stored_span, conn, maps),
                back_before=partial(_back_value, conn), returns=returned, reversed_ids=reversed_ids):
            mid = row[0]
            last[(row[2], row[3])] = (row[8], mid)
            out_rows.append((mid, moved, on_hand, value, avg))
            if len(out_rows) == _BATCH:
                _write_stored(conn, out_rows)
                out_rows = []
        _write_stored(conn, out_rows)
    finally:
        cursor.close()
    return positions, last


def _replay_decimal(conn: Connection, select: str, before: dict[tuple[str, str], Stored], places: int,
                    returned: dict[str, valuation.ReturnShare], maps: dict[str, dict[str, str]],
                    reversed_ids: set[str]) -> tuple[dict[tuple[str, str], Stored], Last]:
    """``_replay_stored`` by the Decimal rules (``valuation.replay``) on Decimals made of the stored integers, for
    the numbers beyond the integers' reach; its results are stored as they always were (``_stored_values``)."""
    positions = {pair: Position(_d(q, _QTY), _d(v, _MONEY), _d(a, _COST)) for pair, (q, v, a) in before.items()}
    cursor = conn.connection.dbapi_connection.cursor()
    cursor.execute(select)
    quantities: dict[int, Decimal] = {}
    costs: dict[int | None, Decimal | None] = {None: None}

    def typed():  # the driver's rows as ReplayRows, each quantity and cost converted once
        while rows := cursor.fetchmany(_BATCH):
            for mid, kind, p, w, qty, cost, transfer_id, reverses_id, at in rows:
                q = quantities.get(qty)
                if q is None:
                    q = quantities[qty] = _d(qty, _QTY)
                unit_cost = costs.get(cost)
                if unit_cost is None and cost is not None:
                    unit_cost = costs[cost] = _d(cost, _COST)
                yield mid, kind, p, w, q, unit_cost, transfer_id, reverses_id, at

    last: Last = {}
    out_rows: list[tuple] = []
    try:
        for row, val in valuation.replay(positions, typed(), places=places,
                                         value_before=lambda mid: _d(_stored_value(conn, mid), _MONEY),
                                         out_value_before=lambda tid: _d(_out_value(conn, tid), _MONEY),
                                         span_before=lambda mid: _span_decimal(_stored_span(conn, maps, mid)),
                                         back_before=lambda tid, at, mid: _d(_back_value(conn, tid, at, mid), _MONEY),
                                         returns=returned, reversed_ids=reversed_ids):
            mid = row[0]
            last[(row[2], row[3])] = (row[8], mid)
            after = val.after
            out_rows.append((mid, val.value, after.on_hand, after.value, after.avg_cost))
            if len(out_rows) == _BATCH:
                _write_values(conn, out_rows)
                out_rows = []
        _write_values(conn, out_rows)
    finally:
        cursor.close()
    return {pair: (_i(pos.on_hand, _QTY), _i(pos.value, _MONEY), _i(pos.avg_cost, _COST))
            for pair, pos in positions.items()}, last


def _span_decimal(span: tuple[Stored, Stored] | None) -> tuple[Position, Position] | None:
    return None if span is None else tuple(Position(_d(q, _QTY), _d(v, _MONEY), _d(a, _COST)) for q, v, a in span)


def _follow_merges(conn: Connection, maps: dict[str, dict[str, str]]) -> None:
    """Put a pair named by a merged-away product or warehouse up under its survivor's (the earlier start wins)."""
    rows = conn.exec_driver_sql("SELECT product_id, warehouse_id, at, movement_id FROM sync_dirty").fetchall()
    moved = [(p, w, at, mid) for p, w, at, mid in rows if merged.pair_of(maps, p, w) != (p, w)]
    for p, w, at, mid in moved:
        conn.exec_driver_sql("DELETE FROM sync_dirty WHERE product_id = ? AND warehouse_id = ?", (p, w))
        mark_dirty(conn, *merged.pair_of(maps, p, w), at, mid)


_SCALES = (-_MONEY, -_QTY, -_MONEY, -_COST)  # of a value row's value, on hand, value and average after


def _stored_values(rows: list[tuple]) -> list[tuple]:
    """(movement id, value, on hand, value and average after) as the stored integers: a column at a time in C
    loops (``Scaled.to_stored_column``, the ledger's own conversion). Every one of them is exact (money is rounded
    to the currency, averages to their places); should one not be, it is rounded as ``_i`` does, row by row."""
    ids, *columns = zip(*rows, strict=True)
    try:
        stored = [Scaled(scale).to_stored_column()(list(col)) for scale, col in zip(_SCALES, columns, strict=True)]
    except (ArithmeticError, ValueError):
        return [(mid, *(_i(x, -scale) for x, scale in zip(row, _SCALES, strict=True))) for mid, *row in rows]
    return list(zip(ids, *stored, strict=True))


def _write_values(conn: Connection, rows: list[tuple]) -> None:
    if rows:
        _write_stored(conn, _stored_values(rows))


def _write_stored(conn: Connection, rows: list[tuple]) -> None:
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO movement_values (movement_id, value, on_hand_after, value_after, avg_after) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (movement_id) DO UPDATE SET value = excluded.value, "
            "on_hand_after = excluded.on_hand_after, value_after = excluded.value_after, "
            "avg_after = excluded.avg_after", rows)


def recompute_on_order(conn: Connection) -> None:
    """Set every balance's on_order to the open quantity of issued POs: the purchasing check's own query
    (``persistence.purchasing.orders.on_order``, the rule in ``domain.purchasing.model.on_order``)."""
    expected = {key: _i(qty, _QTY) for key, qty in on_order(conn).items()}
    kept = {(p, w): q for p, w, q in conn.exec_driver_sql("SELECT product_id, warehouse_id, on_order FROM balances")}
    for key in set(expected) | set(kept):
        want = expected.get(key, 0)
        if kept.get(key) == want:
            continue
        conn.exec_driver_sql(
            "INSERT INTO balances (product_id, warehouse_id, on_hand, value, avg_cost, reserved, on_order) "
            "VALUES (?, ?, 0, 0, 0, 0, ?) "
            "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_order = excluded.on_order",
            (key[0], key[1], want))


def recompute_reserved(conn: Connection) -> None:
    """Set every balance's reserved to the open quantity of confirmed sales orders: the sales check's own query
    (``persistence.sales.orders.reserved``, the rule in ``domain.sales.model.reserved``). A pulled order (or another
    desk's shipment against it) changes what is reserved here without any local use case adding it."""
    expected = {key: _i(qty, _QTY) for key, qty in reserved(conn).items() if qty}
    kept = {(p, w): q for p, w, q in conn.exec_driver_sql("SELECT product_id, warehouse_id, reserved FROM balances")}
    for key in set(expected) | set(kept):
        want = expected.get(key, 0)
        if kept.get(key, 0) == want:
            continue
        conn.exec_driver_sql(
            "INSERT INTO balances (product_id, warehouse_id, on_hand, value, avg_cost, reserved, on_order) "
            "VALUES (?, ?, 0, 0, 0, ?, 0) "
            "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET reserved = excluded.reserved",
            (key[0], key[1], want))
