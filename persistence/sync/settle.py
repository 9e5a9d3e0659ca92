"""A movement reversed on two desks offline: both reversals are kept as written, the later one undone.

A movement can be reversed once, but two desks that cannot see each other can each reverse it. The
reversal that reached the hub first stays the reversal. The later one is a fact too (a clerk posted
it, and the ledger is append-only on every path, the sync's included), so it is kept exactly as it
was written, and it is answered by two movements of its own, appended after it:

* an **undo**: a reversal of the later reversal, which restores the quantity and the exact value it
  took away (``valuation.value``: the opposite of a reversal that took goods out; for one that brought
  goods back, the position before it, nothing having moved in between), so the position right after the
  undo is the position right before the later reversal;
* an **adjustment** of the later reversal's quantity (and its unit cost, if it had one), which is
  what the clerk's posting still means once the movement is reversed already: goods did move, or a
  clerk believed so. It is valued like any adjustment, at the average cost, and the conflicts list
  tells a manager to correct it if it was the same mistake twice.

Both follow the later reversal by one and two microseconds of business time, so nothing of the same
product and warehouse comes between them and every later value is what it would have been had the
later reversal been an adjustment from the start. Their ids are derived from the later reversal's
id, so whoever makes them, the hub when the later reversal arrives (``hub.push_immutable``) or the
desk that made it when it pulls the first one (``local.settle_pulled_reversals``), makes the same
rows, and insert-or-ignore on both sides leaves every desk with one copy of each: every desk
converges to the same ledger, row for row.
"""

from __future__ import annotations

import uuid

from persistence import tables as t

MOVEMENT_COLUMNS = [c.name for c in t.movements.columns]
_NS = uuid.UUID("0c6f7f4e-3d1a-4c9b-8f0e-5a2d9b7c1e44")
_I = {name: i for i, name in enumerate(MOVEMENT_COLUMNS)}


def undo_id(reversal_id: str) -> str:
    return str(uuid.uuid5(_NS, f"undo|{reversal_id}"))


def adjustment_id(reversal_id: str) -> str:
    return str(uuid.uuid5(_NS, f"adjustment|{reversal_id}"))


def answer(row: tuple) -> tuple[tuple, tuple]:
    """The undo and the adjustment that answer a later reversal ``row`` (raw, in the table's column order:
    scaled integers and microseconds, as the sync moves movements)."""
    original, rid = row[_I["reverses_id"]], row[_I["id"]]
    undo = list(row)
    undo[_I["id"]] = undo_id(rid)
    undo[_I["qty"]] = -row[_I["qty"]]
    undo[_I["unit_cost"]] = None
    undo[_I["occurred_at"]] = row[_I["occurred_at"]] + 1
    undo[_I["reverses_id"]] = rid
    undo[_I["note"]] = f"undoes {rid}: movement {original} was reversed first on another desk"[:500]
    adjust = list(row)
    adjust[_I["id"]] = adjustment_id(rid)
    adjust[_I["kind"]] = "adjustment"
    adjust[_I["occurred_at"]] = row[_I["occurred_at"]] + 2
    adjust[_I["reverses_id"]] = None
    adjust[_I["transfer_id"]] = None
    adjust[_I["note"]] = f"second reversal {rid} of {original}, kept as an adjustment; {row[_I['note']]}"[:500]
    for name in ("fx_currency", "fx_unit_price", "fx_rate"):
        undo[_I[name]] = adjust[_I[name]] = None
    return tuple(undo), tuple(adjust)
