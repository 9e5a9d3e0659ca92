"""A sales line's cost follows the ledger value of its movement.

A posted sale or customer return keeps its money side in ``sales_lines``: revenue, tax, and the cost, which is the
ledger value of the line's movement (``domain.sales.shipping``), and the margin, revenue less cost. The ledger's
values are derived: a back-dated posting replays its product × warehouse from its own business time
(``domain.stock.ledger._revalue``) and a sync replays what it pulled (``persistence.sync.recompute``), so the
value of a sale already posted may change, and with it what the goods cost. ``follow_ledger`` sets the cost and
margin of the sales lines of the movements whose values were rewritten to what the ledger now says, in the same
transaction, so the margin, the ranking, a sales order's figures and a later return's cost agree with the stock
summary and the movements to the cent.

A line and its movement: the movement carries its document's number (``source_ref``, as renumbered by a sync:
``persistence.stock.refs.ref_of``) and kind (``source_type``), the line its document and product; the lines of one
document and product are matched with its movements in posting order (line number, and the movements' ids, which
are time-ordered: ``domain.kernel.ids``). Reversals are not lines (a reversed document's lines count as zero).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Iterator
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update

from domain.sales.rows import StaleCost
from domain.stock.valuation import ReturnShare
from persistence import tables as t
from persistence.reads import chunks
from persistence.stock.refs import ref_of
from persistence.stock.refs import written_as

# the kinds of document that have sales lines (domain.stock.documents_model.DocumentKind's values), which are also
# their movements' source_type; a reversal carries its original's and is left out by its own kind
SALES_KINDS = ("sale", "customer_return")
_REVERSAL, _RETURN = "reversal", "customer_return"
_M, _V, _D, _SL = t.movements, t.movement_values, t.documents, t.sales_lines


def follow_ledger(conn: Connection, movement_ids: Iterable[str]) -> int:
    """Set the cost (−the movement's value) and margin (revenue − cost) of the sales lines of ``movement_ids`` (any
    movements: those of no sales document are passed over) to the ledger's values; return how many lines changed."""
    refs: set[str] = set()
    for chunk in chunks(movement_ids):
        refs.update(conn.execute(select(ref_of()).where(
            _M.c.id.in_(chunk), _M.c.source_type.in_(SALES_KINDS), _M.c.kind != _REVERSAL)).scalars())
    changed = 0
    for chunk in chunks(refs):
        changed += _follow_documents(conn, chunk)
    return changed


def check(conn: Connection) -> list[tuple[str, int, str, Decimal, Decimal]]:
    """Every sales line whose cost is not its movement's value: (document number, line, product id, the ledger's
    cost, the line's cost); empty when they agree. (A document whose lines and movements do not pair up, as in the
    middle of a pull, is not compared.)"""
    numbers = conn.execute(select(_D.c.number).where(_D.c.kind.in_(SALES_KINDS))).scalars()
    return [(number, line_no, product_id, expected, cost)
            for chunk in chunks(numbers)
            for _, number, line_no, product_id, _, cost, _, expected, _ in _against_ledger(conn, chunk)
            if expected is not None and expected != cost]


def stale(conn: Connection) -> list[StaleCost]:
    """Every sales line whose cost is not its movement's value, with what a repair needs to say and write
    (``domain.sales.recost``), by document number and line."""
    numbers = conn.execute(select(_D.c.number).where(_D.c.kind.in_(SALES_KINDS))).scalars().all()
    found = [row for chunk in chunks(numbers) for row in _against_ledger(conn, chunk)
             if row[7] is not None and row[7] != row[5]]
    if not found:
        return []
    skus = dict(conn.execute(select(t.products.c.id, t.products.c.sku)
                             .where(t.products.c.id.in_({row[3] for row in found}))).all())
    times = dict(conn.execute(select(_D.c.id, _D.c.occurred_at).where(_D.c.id.in_({row[0] for row in found}))).all())
    return sorted((StaleCost(doc_id, number, line_no, skus.get(product_id, product_id), times[doc_id], revenue,
                             cost, expected)
                   for doc_id, number, line_no, product_id, revenue, cost, _, expected, _ in found),
                  key=lambda x: (x.number, x.line_no))


def set_costs(conn: Connection, lines: Iterable[StaleCost]) -> None:
    """Write each line's ledger cost as its cost, and revenue − that cost as its margin. Only these copies change:
    the movements, whose values they copy, are never touched (a repair of a stored copy, not a ledger edit)."""
    _write(conn, [(x.document_id, x.line_no, x.revenue, x.ledger_cost) for x in lines])


def return_shares(conn: Connection, movement_ids: Iterable[str]) -> dict[str, ReturnShare]:
    """The customer returns among ``movement_ids`` that take back a sale's line, by movement id, each with what a
    replay values it by (``domain.stock.valuation.returned_unit_cost``): the sale's movement, the line's quantity,
    and what the returns of that line before it in business time (occurred_at, id), not reversed, took back."""
    refs: set[str] = set()
    for chunk in chunks(movement_ids):
        refs.update(conn.execute(select(ref_of()).where(
            _M.c.id.in_(chunk), _M.c.source_type == _RETURN, _M.c.kind != _REVERSAL)).scalars())
    if not refs:
        return {}
    asked = {(row[0], row[2]): row[8] for chunk in chunks(refs) for row in _against_ledger(conn, chunk)}
    origins = {(r.origin_document_id, r.origin_line_no) for chunk in chunks({d for d, _ in asked})
               for r in conn.execute(select(_SL.c.origin_document_id, _SL.c.origin_line_no).where(
                   _SL.c.document_id.in_(chunk), _SL.c.origin_document_id.is_not(None)))}
    if not origins:
        return {}
    sales = {d for d, _ in origins}
    sold: dict[tuple[str, int], tuple[str, Decimal]] = {}  # (sale, line) → (its movement, the line's quantity)
    quantities = {(d, n): q for chunk in chunks(sales) for d, n, q in conn.execute(
        select(_SL.c.document_id, _SL.c.line_no, _SL.c.qty).where(_SL.c.document_id.in_(chunk)))}
    for chunk in chunks(conn.execute(select(_D.c.number).where(_D.c.id.in_(list(sales)))).scalars().all()):
        for row in _against_ledger(conn, chunk):
            sold[(row[0], row[2])] = (row[8], quantities[(row[0], row[2])])
    # every return of those lines (those not asked for count in ``before`` too), in business-time order
    taken: dict[tuple[str, int], list[tuple[tuple, str, Decimal, bool]]] = defaultdict(list)
    back = (select(_SL.c.document_id, _SL.c.line_no, _SL.c.origin_document_id, _SL.c.origin_line_no, _SL.c.qty,
                   _D.c.number, _D.c.reversed).join(_D, _D.c.id == _SL.c.document_id))
    rows = [r for chunk in chunks(sales) for r in conn.execute(back.where(_SL.c.origin_document_id.in_(chunk)))
            if (r.origin_document_id, r.origin_line_no) in origins]
    moved = {(row[0], row[2]): row[8] for chunk in chunks({r.number for r in rows})
             for row in _against_ledger(conn, chunk)}
    keys = {mid: (at, mid) for chunk in chunks(moved.values())
            for mid, at in conn.execute(select(_M.c.id, _M.c.occurred_at).where(_M.c.id.in_(chunk)))}
    for r in rows:
        movement_id = moved.get((r.document_id, r.line_no))
        if movement_id is not None:
            taken[(r.origin_document_id, r.origin_line_no)].append((keys[movement_id], movement_id, -r.qty,
                                                                    bool(r.reversed)))
    shares: dict[str, ReturnShare] = {}
    wanted = set(asked.values())
    for origin, found in taken.items():
        if origin not in sold:  # the sale not (yet) whole on this device: the return keeps its posted cost
            continue
        sale_id, line_qty = sold[origin]
        before = Decimal(0)
        for _, movement_id, qty, reversed_ in sorted(found):
            if movement_id in wanted:
                shares[movement_id] = ReturnShare(sale_id, line_qty, before)
            if not reversed_:
                before += qty
    return shares


def _follow_documents(conn: Connection, numbers: list[str]) -> int:
    return _write(conn, [(doc_id, line_no, revenue, expected)
                         for doc_id, _, line_no, _, revenue, cost, margin, expected, _ in _against_ledger(conn, numbers)
                         if expected is not None and (expected != cost or revenue - expected != margin)])


def _write(conn: Connection, lines: list[tuple[str, int, Decimal, Decimal]]) -> int:
    """Set each (document id, line, revenue, cost)'s cost, and its margin to revenue − cost; return how many."""
    if lines:
        c = _SL.c
        conn.execute(update(_SL).where(c.document_id == bindparam("d"), c.line_no == bindparam("n")),
                     [{"d": d, "n": n, "cost": cost, "margin": revenue - cost} for d, n, revenue, cost in lines])
    return len(lines)


def _against_ledger(conn: Connection, numbers: list[str]) -> Iterator[tuple]:
    """Each sales line of the sales documents numbered ``numbers`` with what its movement says it cost: (document
    id, number, line, product id, revenue, cost, margin, −the movement's value, the movement's id); the value is None
    for a movement not valued yet (pulled, before the recompute), which the comparisons pass over."""
    docs = dict(conn.execute(select(_D.c.number, _D.c.id).where(_D.c.number.in_(numbers),
                                                                 _D.c.kind.in_(SALES_KINDS))).all())
    if not docs:
        return
    numbered = {doc_id: number for number, doc_id in docs.items()}
    ref = ref_of()
    values: dict[tuple[str, str], list[tuple[str, Decimal]]] = defaultdict(list)
    for movement_id, number, product_id, value in conn.execute(
            select(_M.c.id, ref, _M.c.product_id, _V.c.value).outerjoin(_V, _V.c.movement_id == _M.c.id)
            .where(written_as(numbers), _M.c.source_type.in_(SALES_KINDS), _M.c.kind != _REVERSAL)):
        doc_id = docs.get(number)
        if doc_id is not None:
            values[(doc_id, product_id)].append((movement_id, value))
    lines: dict[tuple[str, str], list[tuple[int, Decimal, Decimal, Decimal]]] = defaultdict(list)
    for doc_id, line_no, product_id, revenue, cost, margin in conn.execute(
            select(_SL.c.document_id, _SL.c.line_no, _SL.c.product_id, _SL.c.revenue, _SL.c.cost, _SL.c.margin)
            .where(_SL.c.document_id.in_(list(docs.values())))):
        lines[(doc_id, product_id)].append((line_no, revenue, cost, margin))
    for (doc_id, product_id), found in lines.items():
        moved = sorted(values.get((doc_id, product_id), ()))
        if len(moved) != len(found):  # not as posted (a document half-pulled): left as it is until it is whole
            continue
        for (line_no, revenue, cost, margin), (movement_id, value) in zip(sorted(found), moved, strict=True):
            yield (doc_id, numbered[doc_id], line_no, product_id, revenue, cost, margin,
                   None if value is None else -value, movement_id)
