"""Deterministic recompute of derived stock values after a pull.

Movement values, running positions and balances are a pure function of the movements: each
movement is valued by ``domain.valuation.apply`` against the position before it, in business
time order (``occurred_at``, then id), exactly as the ledger values it when it is posted. The
ledger's incremental posting and back-dated replay compute that same function, so a device
that replays the changed pairs from their earliest new movement ends with the same numbers as
every other device holding the same movements.

The pairs to replay (``sync_dirty``) are first closed over transfers: when a transfer-out is
replayed, its value may change, and the receiving leg takes exactly that value, so the pair of
the receiving leg is replayed from that leg on. Then all pairs are replayed in one pass in
global (occurred_at, id) order; both legs of a transfer share their business time and the out
leg's id is the smaller, so the out leg's new value is known when the in leg comes. A reversal
comes after its original in the same pair. Nothing is refused: stock that a merge drives below
zero stays negative (both movements are kept) and is reported.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection

from domain.stock import valuation
from domain.stock.model import Position
from domain.stock.model import Valuation

_QTY, _MONEY, _COST = -4, -4, -8


def _d(value: int | None, scale: int) -> Decimal | None:
    return None if value is None else Decimal(value).scaleb(scale)


def _i(value: Decimal, scale: int) -> int:
    return int(value.scaleb(-scale).to_integral_value())


def _close_over_transfers(conn: Connection) -> None:
    while True:
        rows = conn.exec_driver_sql(
            "SELECT i.product_id, i.warehouse_id, i.occurred_at, i.id FROM movements o "
            "JOIN sync_dirty d ON o.product_id = d.product_id AND o.warehouse_id = d.warehouse_id "
            " AND (o.occurred_at > d.at OR (o.occurred_at = d.at AND o.id >= d.movement_id)) "
            "JOIN movements i ON i.transfer_id = o.transfer_id AND i.kind = 'transfer_in' "
            "LEFT JOIN sync_dirty e ON e.product_id = i.product_id AND e.warehouse_id = i.warehouse_id "
            "WHERE o.kind = 'transfer_out' AND (e.product_id IS NULL OR e.at > i.occurred_at "
            " OR (e.at = i.occurred_at AND e.movement_id > i.id))").fetchall()
        if not rows:
            return
        for p, w, at, mid in rows:
            conn.exec_driver_sql(
                "INSERT INTO sync_dirty (product_id, warehouse_id, at, movement_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET at = excluded.at, "
                "movement_id = excluded.movement_id WHERE excluded.at < sync_dirty.at "
                "OR (excluded.at = sync_dirty.at AND excluded.movement_id < sync_dirty.movement_id)", (p, w, at, mid))


def _position_before(conn: Connection, p: str, w: str, at: int, mid: str) -> Position:
    row = conn.exec_driver_sql(
        "SELECT v.on_hand_after, v.value_after, v.avg_after FROM movements m "
        "JOIN movement_values v ON v.movement_id = m.id WHERE m.product_id = ? AND m.warehouse_id = ? "
        "AND (m.occurred_at < ? OR (m.occurred_at = ? AND m.id < ?)) ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1",
        (p, w, at, at, mid)).first()
    if row is None:
        return Position()
    return Position(_d(row[0], _QTY), _d(row[1], _MONEY), _d(row[2], _COST))


def _stored_value(conn: Connection, movement_id: str) -> Decimal:
    value = conn.exec_driver_sql("SELECT value FROM movement_values WHERE movement_id = ?", (movement_id,)).scalar()
    return _d(value or 0, _MONEY)


def _out_value(conn: Connection, transfer_id: str) -> Decimal:
    value = conn.exec_driver_sql(
        "SELECT v.value FROM movements m JOIN movement_values v ON v.movement_id = m.id "
        "WHERE m.transfer_id = ? AND m.kind = 'transfer_out'", (transfer_id,)).scalar()
    return _d(value or 0, _MONEY)


def recompute(conn: Connection, places: int) -> list[tuple[str, str, Decimal]]:
    """Replay every pair in ``sync_dirty``; return the (product id, warehouse id, on hand) left negative."""
    if conn.exec_driver_sql("SELECT count(*) FROM sync_dirty").scalar_one() == 0:
        return []
    _close_over_transfers(conn)
    starts = conn.exec_driver_sql("SELECT product_id, warehouse_id, at, movement_id FROM sync_dirty").fetchall()
    first_of = dict(((p, w), (a, i)) for p, w, a, i in conn.exec_driver_sql(
        "SELECT m.product_id, m.warehouse_id, min(m.occurred_at), '' FROM movements m JOIN sync_dirty d "
        "ON m.product_id = d.product_id AND m.warehouse_id = d.warehouse_id GROUP BY m.product_id, m.warehouse_id"))
    positions: dict[tuple[str, str], Position] = {}
    last: dict[tuple[str, str], tuple[int, str] | None] = {}
    for p, w, at, mid in starts:
        first = first_of.get((p, w))
        before_all = first is None or at < first[0]
        positions[(p, w)] = Position() if before_all else _position_before(conn, p, w, at, mid)
        last[(p, w)] = None
    rows = conn.exec_driver_sql(
        "SELECT m.id, m.kind, m.product_id, m.warehouse_id, m.qty, m.unit_cost, m.occurred_at, m.transfer_id, "
        "m.reverses_id FROM movements m JOIN sync_dirty d ON m.product_id = d.product_id "
        "AND m.warehouse_id = d.warehouse_id "
        "WHERE m.occurred_at > d.at OR (m.occurred_at = d.at AND m.id >= d.movement_id) "
        "ORDER BY m.occurred_at, m.id")
    values: dict[str, Decimal] = {}
    out_by_transfer: dict[str, Decimal] = {}
    out_rows = []
    for mid, kind, p, w, qty, cost, at, transfer_id, reverses_id in rows:
        pos = positions[(p, w)]
        q = _d(qty, _QTY)
        if kind == "reversal":
            original = values.get(reverses_id)
            if original is None:
                original = _stored_value(conn, reverses_id)
            val = valuation.apply(pos, q, exact_value=-original, reversal=True, places=places)
        elif kind == "transfer_in" and transfer_id:
            out = out_by_transfer.get(transfer_id)
            if out is None:
                out = _out_value(conn, transfer_id)
            val = valuation.apply(pos, q, exact_value=-out, places=places)
        else:
            val = valuation.apply(pos, q, unit_cost=_d(cost, _COST), places=places)
        values[mid] = val.value
        if kind == "transfer_out" and transfer_id:
            out_by_transfer[transfer_id] = val.value
        positions[(p, w)] = val.after
        last[(p, w)] = (at, mid)
        out_rows.append(_value_row(mid, val))
        if len(out_rows) >= 20_000:
            _write_values(conn, out_rows)
            out_rows = []
    _write_values(conn, out_rows)
    negative = []
    for (p, w), pos in positions.items():
        key = last[(p, w)]
        if key is None:
            key = conn.exec_driver_sql(
                "SELECT occurred_at, id FROM movements WHERE product_id = ? AND warehouse_id = ? "
                "ORDER BY occurred_at DESC, id DESC LIMIT 1", (p, w)).first()
            if key is None:
                conn.exec_driver_sql("DELETE FROM balances WHERE product_id = ? AND warehouse_id = ?", (p, w))
                continue
        conn.exec_driver_sql(
            "INSERT INTO balances (product_id, warehouse_id, on_hand, value, avg_cost, reserved, on_order, last_at, "
            "last_id) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT (product_id, warehouse_id) DO UPDATE SET "
            "on_hand = excluded.on_hand, value = excluded.value, avg_cost = excluded.avg_cost, "
            "last_at = excluded.last_at, last_id = excluded.last_id",
            (p, w, _i(pos.on_hand, _QTY), _i(pos.value, _MONEY), _i(pos.avg_cost, _COST), key[0], key[1]))
        if pos.on_hand < 0:
            negative.append((p, w, pos.on_hand))
    conn.exec_driver_sql("DELETE FROM sync_dirty")
    return negative


def _value_row(mid: str, val: Valuation) -> tuple:
    a = val.after
    return (mid, _i(val.value, _MONEY), _i(a.on_hand, _QTY), _i(a.value, _MONEY), _i(a.avg_cost, _COST))


def _write_values(conn: Connection, rows: list[tuple]) -> None:
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO movement_values (movement_id, value, on_hand_after, value_after, avg_after) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (movement_id) DO UPDATE SET value = excluded.value, "
            "on_hand_after = excluded.on_hand_after, value_after = excluded.value_after, "
            "avg_after = excluded.avg_after", rows)


def recompute_on_order(conn: Connection) -> None:
    """Set every balance's on_order to the open quantity of issued POs (as the purchasing check expects)."""
    expected: dict[tuple[str, str], int] = {}
    for p, w, qty, received in conn.exec_driver_sql(
            "SELECT l.product_id, o.warehouse_id, l.qty, l.received FROM purchase_order_lines l "
            "JOIN purchase_orders o ON o.id = l.po_id WHERE o.state IN ('issued', 'partly_received')"):
        expected[(p, w)] = expected.get((p, w), 0) + max(0, qty - received)
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
