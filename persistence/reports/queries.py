"""The reports' reads (``domain/reports``): set-based, one grouped query per figure, none per product.

* ``stock_summary``: the running balance of each product × warehouse before the period and before its end, summed
  per product or warehouse (one query each over ``balances``: a pair that has not moved since stands at its
  balance, a pair that has is looked up, its last movement before the day by the index on product, warehouse,
  business time and id, and that movement's ``movement_values``), and the period's movements summed per product
  or warehouse and flow (one grouped query; a reversal under the flow of what it reverses; the flows as
  ``domain.reports.model.FLOW_RULES`` says them). With a merged record the positions are found pair by pair
  through the mapping (``_positions``).
* ``sales_figures``: the sales lines of documents not reversed, summed per product, category, customer or
  salesperson (the document's user).
* ``stocked_products``: the balances per product with the day of its last issue (one grouped query).
* ``ageing_stock``: the stock on a day and the inflows not reversed, as columns of stored integers (库龄); the
  report walks them (``domain.reports.ageing_columns``), ``ageing_layers`` gives the layers they make.
* ``stock_status``: the balances, the products' levels and the quantity issued in the last 90 days (one grouped
  query over the window).

The figures come as the columns' stored integers and become Decimals once per figure; see
``tests/benchmarks/RESULTS-reports.md`` for what each choice here saved.

Days are business days in the clock's zone: ``utc_offset_seconds`` shifts a day's midnight to UTC. A product or
warehouse merged away by a sync counts for its survivor (``persistence.stock.merged``); with no merge the columns
are read as they are, so the indexes serve.
"""

from __future__ import annotations

import functools
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import true
from sqlalchemy import type_coerce
from sqlalchemy.types import BigInteger

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.reports.ageing import StockLayers
from domain.reports.model import LEDGER_FLOWS
from domain.reports.model import NOTHING
from domain.reports.model import OPENING_KIND
from domain.reports.model import OPENING_REFS
from domain.reports.model import OPENING_SOURCE
from domain.reports.model import Amount
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.sales import MarginBy
from domain.reports.sales import SalesFigures
from domain.reports.sales import SalesLineRow
from domain.reports.sales import StockedProduct
from domain.reports.status import COVER_DAYS
from domain.reports.status import StockFigures
from domain.reports.stock_summary import PairFigures
from domain.reports.stock_summary import ProductLabel
from domain.reports.stock_summary import SummaryBy
from persistence import tables as t
from persistence.stock import merged
from persistence.stock import months
from persistence.stock.merged import ids_of
from persistence.stock.merged import product_of
from persistence.stock.merged import warehouse_of
from persistence.types import from_micros
from persistence.types import to_micros

if TYPE_CHECKING:
    from domain.reports.ageing_columns import StockInflows

M, MV, B, P, W = t.movements, t.movement_values, t.balances, t.products, t.warehouses
SL, DOC, C = t.sales_lines, t.documents, t.customers
DEMAND_OUT = "supplier_return"
_DAY = 86_400_000_000  # microseconds
_EPOCH_DAY = date(1970, 1, 1)  # a shipment of this source is goods back to the supplier, not demand
_QTY_UNIT = Decimal(1).scaleb(-t.QTY)
_MONEY_UNIT = Decimal(1).scaleb(-t.MONEY)


def _raw(column):
    """The stored integer of a scaled column, without the per-row Decimal conversion (made once per figure)."""
    return type_coerce(column, BigInteger)


def _unindexed(column):
    """``column`` as an expression no index matches (``column || ''``), for a GROUP BY over most of a table: SQLite
    would otherwise walk the rows in an index's order to save the grouping's sort, one random row lookup each,
    five times slower here than one pass over the table and a sort (the last issues: 1.5 s against 0.3 s)."""
    return column.op("||")(literal(""))


@functools.lru_cache(maxsize=1 << 16)
def _qty(stored: int) -> Decimal:
    """A stored quantity as a Decimal (remembered: the same few thousand quantities come back again and again)."""
    return Decimal(stored) * _QTY_UNIT


def _money(stored: int) -> Decimal:
    """A stored amount as a Decimal (times 1E-4: exact for any stored integer, at twice the speed of ``scaleb``)."""
    return Decimal(stored) * _MONEY_UNIT


def midnight(day: date, utc_offset_seconds: int = 0) -> datetime:
    """The instant ``day`` begins in the clock's zone."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(seconds=utc_offset_seconds)


def _day_of(at: datetime, utc_offset_seconds: int) -> date:
    return (at + timedelta(seconds=utc_offset_seconds)).date()


def warehouse_ids(conn, code: str | None, maps) -> list[str] | None:
    """The ids the --warehouse code stands for (with those merged into it), None for every warehouse."""
    if not code:
        return None
    found = conn.execute(select(W.c.id).where(W.c.code == code.strip().upper())).scalar()
    if found is None:
        found = conn.execute(select(W.c.id).where(W.c.code == code.strip())).scalar()
    if found is None:
        raise BadInput("--warehouse", f"no warehouse has the code {code!r}; give the code of an existing warehouse")
    return ids_of(maps.get("warehouses", {}), found)


def _positions(conn, before: datetime, wh_ids, mapped: bool) -> dict[tuple[str, str], Amount]:
    """The quantity and value after each pair's last movement before ``before``.

    The last movement of a pair is the one with the latest business time and, among movements at that very
    instant, the greatest id (the ledger's order). Found in three steps, none of which sorts: each pair's latest
    instant (one pass over the index on product, warehouse, business time and id, grouped in its order), the
    greatest id at that instant (a seek into the same index per pair), its values (a seek by primary key).
    """
    product, warehouse = product_of(M, mapped=mapped), warehouse_of(M, mapped=mapped)
    latest = select(product.label("product_id"), warehouse.label("warehouse_id"),
                    func.max(M.c.occurred_at).label("at")).where(M.c.occurred_at < before)
    if wh_ids is not None:
        latest = latest.where(M.c.warehouse_id.in_(wh_ids))
    latest = latest.group_by(product, warehouse).subquery("latest")
    last = (select(latest.c.product_id, latest.c.warehouse_id, func.max(M.c.id).label("id"))
            .select_from(latest.join(M, and_(product == latest.c.product_id, warehouse == latest.c.warehouse_id,
                                              M.c.occurred_at == latest.c.at)))
            .group_by(latest.c.product_id, latest.c.warehouse_id)).subquery("last")
    query = (select(last.c.product_id, last.c.warehouse_id, _raw(MV.c.on_hand_after), _raw(MV.c.value_after))
             .join(MV, MV.c.movement_id == last.c.id))
    return {(p, w): Amount(_qty(q), _money(v)) for p, w, q, v in conn.execute(query).all()}


def _balance_positions(conn, before: datetime, wh_ids, by_warehouse: bool) -> dict[str, Amount]:
    """The positions before ``before`` summed per product (or per warehouse), from the balances: a pair whose last
    movement (``balances.last_at``) is before that instant stands there still, so its balance is its position;
    only a pair that moved since is looked up (its last movement before the instant, by the index on product,
    warehouse, business time and id, and that movement's running balance). For a file without merged records."""
    if conn.execute(select(M.c.id).where(M.c.occurred_at < before).limit(1)).first() is None:
        return {}  # nothing had moved yet (the first period of a ledger): every position is nothing
    R = M.alias("before")  # noqa: N806
    last_id = (select(R.c.id).where(R.c.product_id == B.c.product_id, R.c.warehouse_id == B.c.warehouse_id,
                                    R.c.occurred_at < before)
               .order_by(R.c.occurred_at.desc(), R.c.id.desc()).limit(1).scalar_subquery())
    later = B.c.last_at >= before
    pairs = select(B.c.product_id, B.c.warehouse_id, later.label("later"), _raw(B.c.on_hand).label("on_hand"),
                   _raw(B.c.value).label("value"), case((later, last_id)).label("last_id"))
    if wh_ids is not None:
        pairs = pairs.where(B.c.warehouse_id.in_(wh_ids))
    pairs = pairs.subquery("pairs")
    unit = _unindexed(pairs.c.warehouse_id if by_warehouse else pairs.c.product_id)
    qty = case((pairs.c.later == true(), func.coalesce(_raw(MV.c.on_hand_after), 0)), else_=pairs.c.on_hand)
    value = case((pairs.c.later == true(), func.coalesce(_raw(MV.c.value_after), 0)), else_=pairs.c.value)
    query = (select(unit, func.sum(qty), func.sum(value))
             .select_from(pairs.outerjoin(MV, MV.c.movement_id == pairs.c.last_id)).group_by(unit))
    return {u: Amount(_qty(q), _money(v)) for u, q, v in conn.execute(query).all()}


def _summed(positions: dict[tuple[str, str], Amount], by_warehouse: bool) -> dict[str, Amount]:
    out: dict[str, Amount] = {}
    for (p, w), amount in positions.items():
        unit = w if by_warehouse else p
        out[unit] = out[unit] + amount if unit in out else amount
    return out


def _flow_sums(conn, start: datetime, end: datetime, wh_ids, mapped: bool, by_warehouse: bool
               ) -> dict[str, dict[str, list[int]]]:
    """The movements from ``start`` to ``end`` summed per product (or warehouse) and flow (a reversal under the flow
    of what it reverses), as stored integers: {unit: {flow: [qty, value]}}, a flow there only if it had movements."""
    orig, orig2 = M.alias("original"), M.alias("original2")  # a reversal's original (and an undo's)
    unit = warehouse_of(M, mapped=mapped) if by_warehouse else product_of(M, mapped=mapped)
    flow = months.flow_case(func.coalesce(orig2.c.kind, orig.c.kind, M.c.kind),
                            func.coalesce(orig2.c.source_type, orig.c.source_type, M.c.source_type))
    query = (
        select(unit, flow, func.sum(_raw(M.c.qty)), func.sum(_raw(MV.c.value)))
        .select_from(M.join(MV, MV.c.movement_id == M.c.id)
                     .outerjoin(orig, orig.c.id == M.c.reverses_id)
                     .outerjoin(orig2, orig2.c.id == orig.c.reverses_id))
        .where(M.c.occurred_at >= start, M.c.occurred_at < end)
        .group_by(unit, flow))
    if wh_ids is not None:
        query = query.where(M.c.warehouse_id.in_(wh_ids))
    sums: dict[str, dict[str, list[int]]] = {}
    for u, f, qty, value in conn.execute(query).all():
        got = sums.get(u)
        if got is None:
            got = sums[u] = {}
        got[f] = [qty, value]
    return sums


def _price_differences(conn, start: datetime, end: datetime, wh_ids, mapped: bool, by_warehouse: bool
                       ) -> dict[str, dict[str, int]]:
    """What the reversals from ``start`` to ``end`` moved beyond the opposite of what their originals counted (a
    reversal's own value less the opposite of its original's, or for the undo of a reversal its original's original's
    value: ``domain.reports.model``), summed per product (or warehouse) and the flow they count in, as stored
    integers: {unit: {flow: value}}, only where it is not zero. The reversals through the index on reverses_id (few:
    see ``_ageing_read``)."""
    orig, orig2 = M.alias("original"), M.alias("original2")
    ov, ov2 = MV.alias("original_v"), MV.alias("original2_v")
    unit = warehouse_of(M, mapped=mapped) if by_warehouse else product_of(M, mapped=mapped)
    flow = months.flow_case(func.coalesce(orig2.c.kind, orig.c.kind), func.coalesce(orig2.c.source_type,
                                                                                     orig.c.source_type))
    counted = case((orig2.c.id.is_not(None), _raw(ov2.c.value)), else_=-_raw(ov.c.value))  # the flow's part
    query = (
        select(unit, flow, func.sum(_raw(MV.c.value) - counted))
        .select_from(M.join(MV, MV.c.movement_id == M.c.id)
                     .join(orig, orig.c.id == M.c.reverses_id).join(ov, ov.c.movement_id == orig.c.id)
                     .outerjoin(orig2, orig2.c.id == orig.c.reverses_id)
                     .outerjoin(ov2, ov2.c.movement_id == orig2.c.id))
        .where(M.c.reverses_id > "", M.c.kind == "reversal", _raw(M.c.occurred_at) + 0 >= to_micros(start),
               _raw(M.c.occurred_at) + 0 < to_micros(end))
        .group_by(unit, flow))
    if wh_ids is not None:
        query = query.where(M.c.warehouse_id.in_(wh_ids))
    found: dict[str, dict[str, int]] = {}
    for u, f, value in conn.execute(query).all():
        if value:
            found.setdefault(u, {})[f] = value
    return found


def _as_price_difference(flows: dict[str, dict[Flow, Amount]], moved: dict[str, dict[str, int]]) -> None:
    """Move what the period's reversals moved beyond their originals' opposite (``moved``) from the flows they count
    in into the price difference, in place: opening + flows = closing still holds, and each flow nets its reversals
    out at what their originals counted (the receipts are what was bought)."""
    for u, got in moved.items():
        mine = flows.setdefault(u, {})
        total = 0
        for f, value in got.items():
            flow = _NAMED[f]
            rest = mine.get(flow, NOTHING) + Amount(ZERO, -_money(value))
            if rest == NOTHING:
                mine.pop(flow, None)
            else:
                mine[flow] = rest
            total += value
        if total:
            mine[Flow.PRICE_DIFFERENCE] = Amount(ZERO, _money(total))


def _full_months(start: datetime, end: datetime, utc_offset_seconds: int) -> tuple[str, str] | None:
    """The whole months inside ``start`` .. ``end`` as (the first, the month ``end`` falls in), None if none."""
    first = months.month_of(to_micros(start), utc_offset_seconds)
    if months.month_start(first, utc_offset_seconds) < to_micros(start):
        first = months.next_month(first)
    after = months.month_of(to_micros(end), utc_offset_seconds)
    return (first, after) if first < after else None


# which flows a bit mask names, with where each flow's qty is in ``months.changes``' line (its value follows)
_MASKED = tuple(tuple((flow, 7 + 2 * i) for i, flow in enumerate(LEDGER_FLOWS) if mask >> i & 1)
                for mask in range(1 << len(LEDGER_FLOWS)))


def _from_months(conn, start: datetime, end: datetime, full: tuple[str, str], wh_ids, mapped: bool,
                 by_warehouse: bool, utc_offset_seconds: int):
    """The opening, closing and flows per product (or warehouse) from ``stock_months`` for the whole months ``full``
    (``months.changes``) and from the ledger for the days before and after them (``_flow_sums``; a position on a day
    that is not a month's first, ``_balance_positions`` or ``_positions``)."""
    first, after = full
    kind = months.WAREHOUSE if by_warehouse else (months.PRODUCT if wh_ids is None else months.PAIR)
    lines = months.changes(conn, first, after, kind, wh_ids)
    first_at = months.month_start(first, utc_offset_seconds)
    after_at = months.month_start(after, utc_offset_seconds)
    head = _flow_sums(conn, start, from_micros(first_at), wh_ids, mapped, by_warehouse) \
        if to_micros(start) < first_at else {}
    tail = _flow_sums(conn, from_micros(after_at), end, wh_ids, mapped, by_warehouse) \
        if after_at < to_micros(end) else {}
    qty, money, masked = _qty, _money, _MASKED
    opening: dict[str, Amount] = {}
    closing: dict[str, Amount] = {}
    flows: dict[str, dict[Flow, Amount]] = {}
    if kind != months.PAIR and not head and not tail:  # one line per unit, nothing to add: straight to the figures
        unit = 0 if by_warehouse else 1
        for line in lines:
            u = line[unit]
            if line[2] or line[3]:
                opening[u] = Amount(qty(line[2]), money(line[3]))
            closing[u] = Amount(qty(line[4]), money(line[5])) if line[4] or line[5] else NOTHING
            if line[6]:
                flows[u] = {flow: Amount(qty(line[j]), money(line[j + 1])) for flow, j in masked[line[6]]}
    else:
        raw: dict[str, list] = {}
        sums: dict[str, dict[str, list[int]]] = {}
        for line in lines:
            u = line[0] if by_warehouse else line[1]
            got = raw.get(u)
            raw[u] = list(line[2:6]) if got is None else [a + b for a, b in zip(got, line[2:6], strict=True)]
            moved = sums.setdefault(u, {})
            for flow, j in masked[line[6]]:
                was = moved.get(flow.value, (0, 0))
                moved[flow.value] = [was[0] + line[j], was[1] + line[j + 1]]
        for side in (head, tail):
            for u, got in side.items():
                moved = sums.setdefault(u, {})
                for f, (q, v) in got.items():
                    was = moved.get(f, (0, 0))
                    moved[f] = [was[0] + q, was[1] + v]
        for u, (bq, bv, eq, ev) in raw.items():
            opening[u] = Amount(qty(bq), money(bv))
            closing[u] = Amount(qty(eq), money(ev))
        flows = {u: {_NAMED[f]: Amount(qty(q), money(v)) for f, (q, v) in got.items()}
                 for u, got in sums.items() if got}
    if to_micros(start) != first_at:
        opening = _position(conn, start, wh_ids, mapped, by_warehouse)
    if to_micros(end) != after_at:
        closing = _position(conn, end, wh_ids, mapped, by_warehouse)
    return opening, closing, flows


def _position(conn, at: datetime, wh_ids, mapped: bool, by_warehouse: bool) -> dict[str, Amount]:
    """The position of each product (or warehouse) at ``at``, from the ledger."""
    if mapped:  # a merge: the general way, pair by pair through the mapping
        return _summed(_positions(conn, at, wh_ids, mapped), by_warehouse)
    return _balance_positions(conn, at, wh_ids, by_warehouse)


_NAMED = {f.value: f for f in Flow}


def _opening_stock(conn, start: datetime, end: datetime, wh_ids, mapped: bool, by_warehouse: bool
                   ) -> dict[str, Amount]:
    """The opening stock posted from ``start`` to ``end`` (``domain.reports.model.is_opening_stock``: an import's
    receipts, and their reversal and the undoing of that when these fall in the period) summed per product (or
    warehouse). One pass over the imported receipts by the index on ``source_ref``, each looking up its reversal by
    ``reverses_id`` (none, mostly), whatever the period's size: 0.9 s of CPU for 100,000 imported rows with three
    passes, a third of that with one (``tests/benchmarks/RESULTS-reports.md``)."""
    S, R, U = M.alias("opened"), M.alias("undone"), M.alias("redone")  # noqa: N806
    SV = MV.alias("opened_v")  # noqa: N806
    ref = S.c.source_ref
    opened = and_(S.c.source_type == OPENING_SOURCE, S.c.kind == OPENING_KIND,
                  or_(*(and_(ref >= prefix, ref < prefix[:-1] + chr(ord(prefix[-1]) + 1))
                        for prefix in OPENING_REFS)),
                  S.c.occurred_at < end)  # what is posted later, and so its reversal, is after the period

    def inside(movement, column):
        return func.sum(case((and_(movement.c.occurred_at >= start, movement.c.occurred_at < end), _raw(column)),
                             else_=0))

    # grouped by an expression no index matches: else SQLite walks every movement in the product index's order
    unit = _unindexed(warehouse_of(S, mapped=mapped) if by_warehouse else product_of(S, mapped=mapped))
    # (a reversal and its undo count the opposite of what their original counted: what they moved beyond it is a
    # price difference, ``_price_differences``)
    query = (select(unit, inside(S, S.c.qty) + inside(R, R.c.qty) + inside(U, U.c.qty),
                    inside(S, SV.c.value) - inside(R, SV.c.value) + inside(U, SV.c.value))
             .select_from(S.join(SV, SV.c.movement_id == S.c.id)
                          .outerjoin(R, R.c.reverses_id == S.c.id)
                          .outerjoin(U, U.c.reverses_id == R.c.id))
             .where(opened)
             .group_by(unit))
    if wh_ids is not None:
        query = query.where(S.c.warehouse_id.in_(wh_ids))
    return {u: Amount(_qty(q), _money(v)) for u, q, v in conn.execute(query).all() if q or v}


def _as_opening(opening: dict[str, Amount], flows: dict[str, dict[Flow, Amount]], moved: dict[str, Amount]) -> None:
    """Move the period's opening stock (``moved``) from the receipts it was posted as into the opening, in place:
    opening + in − out = closing still holds, and the receipts are what was bought."""
    for u, amount in moved.items():
        opening[u] = opening.get(u, NOTHING) + amount
        got = flows.get(u)
        rest = (got.get(Flow.RECEIPT, NOTHING) if got else NOTHING) + -amount
        if rest == NOTHING:
            if got:
                got.pop(Flow.RECEIPT, None)
        else:
            flows.setdefault(u, {})[Flow.RECEIPT] = rest


def stock_summary(engine: Engine, period: Period, by: SummaryBy = SummaryBy.PRODUCT, *, warehouse: str | None = None,
                  utc_offset_seconds: int = 0, around_fill=None
                  ) -> tuple[list[PairFigures], dict[str, ProductLabel], dict[str, str]]:
    """The opening, flows and closing of ``period`` per product (over every warehouse, or ``warehouse``) — for
    ``by`` warehouse, per warehouse — the products' labels and the warehouses' codes
    (``domain.reports.stock_summary.summarize`` makes the rows; by category it adds the products up).

    With a whole month inside the period (and an SQLite file), the months come from ``stock_months``
    (``persistence/stock/months.py``, brought up to date first): the counters of each product (or warehouse) when
    the first whole month began and when the month after the last began, their difference being the flows, plus
    the days before and after from the ledger (``around_fill``: the window's change watcher's ``own_write``, which
    the fill's writes go through: see ``months.refresh``). Otherwise, from the ledger: the positions before the
    period and before its end (from the balances, looking up only the pairs that moved since), and the period's
    movements summed per product (or warehouse) and flow, a reversal under the flow of what it reverses.
    Opening stock imported within the period counts in the opening, not in the receipts (``_opening_stock``).
    """
    start = midnight(period.first, utc_offset_seconds)
    end = midnight(period.last + timedelta(days=1), utc_offset_seconds)
    by_warehouse = by == SummaryBy.WAREHOUSE
    full = _full_months(start, end, utc_offset_seconds)
    if full is not None:
        months.refresh(engine, months.previous_month(full[1]), utc_offset_seconds, around=around_fill)
    with engine.connect() as conn:
        maps = merged.merged(conn)
        mapped = bool(maps)
        wh_ids = warehouse_ids(conn, warehouse, maps)
        if full is not None and months.usable(conn):
            opening, closing, flows = _from_months(conn, start, end, full, wh_ids, mapped, by_warehouse,
                                                   utc_offset_seconds)
        else:
            opening, closing, flows = _from_ledger(conn, start, end, wh_ids, mapped, by_warehouse)
        _as_price_difference(flows, _price_differences(conn, start, end, wh_ids, mapped, by_warehouse))
        _as_opening(opening, flows, _opening_stock(conn, start, end, wh_ids, mapped, by_warehouse))
        labels = {i: ProductLabel(*rest)
                  for i, *rest in conn.execute(select(P.c.id, P.c.sku, P.c.name, P.c.category, P.c.unit)).all()}
        codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    none = Amount()
    figures = [PairFigures("" if by_warehouse else u, u if by_warehouse else "", opening.get(u, none),
                           closing.get(u, none), flows.get(u, {}))
               for u in opening.keys() | closing.keys() | flows.keys()]
    return figures, labels, codes


def _from_ledger(conn, start: datetime, end: datetime, wh_ids, mapped: bool, by_warehouse: bool):
    """The opening, closing and flows per product (or warehouse) from the ledger alone."""
    opening = _position(conn, start, wh_ids, mapped, by_warehouse)
    closing = _position(conn, end, wh_ids, mapped, by_warehouse)
    flows = {u: {_NAMED[f]: Amount(_qty(q), _money(v)) for f, (q, v) in got.items()}
             for u, got in _flow_sums(conn, start, end, wh_ids, mapped, by_warehouse).items()}
    return opening, closing, flows


def _period_sales(period: Period, utc_offset_seconds: int):
    """The sales lines joined to their documents, and what keeps those the margin report counts: in the period, of
    documents not reversed."""
    start = midnight(period.first, utc_offset_seconds)
    end = midnight(period.last + timedelta(days=1), utc_offset_seconds)
    return (SL.join(DOC, DOC.c.id == SL.c.document_id),
            and_(DOC.c.reversed.is_(False), SL.c.occurred_at >= start, SL.c.occurred_at < end))


def _in_warehouse(conn, query, warehouse: str | None):
    """``query`` kept to the documents of ``warehouse`` (and of warehouses merged into it); all without one."""
    if not warehouse:
        return query
    return query.where(DOC.c.warehouse_id.in_(warehouse_ids(conn, warehouse, merged.merged(conn))))


def sales_figures(engine: Engine, period: Period, by: MarginBy, *, warehouse: str | None = None,
                  utc_offset_seconds: int = 0) -> list[SalesFigures]:
    """The period's sales lines (returns netted, reversed documents left out) summed per ``by``."""
    source, counted = _period_sales(period, utc_offset_seconds)
    if by == MarginBy.PRODUCT:
        key, name, joined = P.c.sku, P.c.name, P
        on = P.c.id == SL.c.product_id
    elif by == MarginBy.CATEGORY:
        key, name, joined = P.c.category, literal_column("''"), P
        on = P.c.id == SL.c.product_id
    elif by == MarginBy.CUSTOMER:
        key, name, joined = C.c.code, C.c.name, C
        on = C.c.id == SL.c.customer_id
    else:
        key, name, joined, on = DOC.c.user, literal_column("''"), None, None
    if joined is not None:
        source = source.join(joined, on)
    query = (select(key, func.max(name), func.sum(SL.c.qty), func.sum(SL.c.revenue), func.sum(SL.c.cost),
                    func.sum(SL.c.margin), func.sum(SL.c.tax))
             .select_from(source)
             .where(counted)
             .group_by(key))
    with engine.connect() as conn:
        rows = conn.execute(_in_warehouse(conn, query, warehouse)).all()
    return [SalesFigures(k or "", n or "", q, r, c, m, t) for k, n, q, r, c, m, t in rows]


def customer_sales_lines(engine: Engine, period: Period, customer: str, *, warehouse: str | None = None,
                         utc_offset_seconds: int = 0) -> list[SalesLineRow]:
    """The sales lines the margin report by customer sums into ``customer``'s row (its code), oldest first."""
    source, counted = _period_sales(period, utc_offset_seconds)
    query = (select(SL.c.occurred_at, DOC.c.number, P.c.sku, P.c.name, SL.c.qty, SL.c.unit_price, SL.c.revenue,
                    SL.c.cost, SL.c.margin)
             .select_from(source.join(C, C.c.id == SL.c.customer_id).join(P, P.c.id == SL.c.product_id))
             .where(counted, C.c.code == customer)
             .order_by(SL.c.occurred_at, DOC.c.number, SL.c.line_no))
    with engine.connect() as conn:
        rows = conn.execute(_in_warehouse(conn, query, warehouse)).all()
    return [SalesLineRow(*row) for row in rows]


def _issues(mapped: bool):
    """The movements that are demand (a sale or a plain shipment) or a reversal of one, and the product and
    warehouse each counts for."""
    orig = M.alias("original")
    demand = and_(M.c.kind == "shipment", M.c.source_type != DEMAND_OUT)
    undone = and_(M.c.kind == "reversal", orig.c.kind == "shipment", orig.c.source_type != DEMAND_OUT)
    return M.outerjoin(orig, orig.c.id == M.c.reverses_id), or_(demand, undone), product_of(M, mapped=mapped), \
        warehouse_of(M, mapped=mapped)


def stocked_products(engine: Engine, *, warehouse: str | None = None, utc_offset_seconds: int = 0,
                     as_of: date | None = None) -> list[StockedProduct]:
    """Each product with stock on hand now (in ``warehouse`` or all), its value and the day of its last sale or
    shipment that was not reversed; with ``as_of``, all three as they stood at the end of that day (a report dated
    a month end does not show the stock of today, nor count an issue made after it)."""
    end = midnight(as_of + timedelta(days=1), utc_offset_seconds) if as_of is not None else None
    with engine.connect() as conn:
        maps = merged.merged(conn)
        wh_ids = warehouse_ids(conn, warehouse, maps)
        if end is None:
            held = select(_unindexed(B.c.product_id).label("product_id"),
                          func.sum(_raw(B.c.on_hand)).label("on_hand"), func.sum(_raw(B.c.value)).label("value"))
            if wh_ids is not None:
                held = held.where(B.c.warehouse_id.in_(wh_ids))
            held = (held.group_by(_unindexed(B.c.product_id)).having(func.sum(_raw(B.c.on_hand)) > 0)
                    .subquery("held"))
            stock = (select(P.c.id, P.c.sku, P.c.name, held.c.on_hand, held.c.value)
                     .select_from(held.join(P, P.c.id == held.c.product_id)))
            rows = [(pid, sku, name, _qty(q), _money(v)) for pid, sku, name, q, v in conn.execute(stock).all()]
        else:
            held_then = {pid: a for pid, a in _position(conn, end, wh_ids, bool(maps), False).items() if a.qty > 0}
            names = {pid: (sku, name) for pid, sku, name in conn.execute(select(P.c.id, P.c.sku, P.c.name)).all()}
            rows = [(pid, *names[pid], a.qty, a.value) for pid, a in held_then.items() if pid in names]
        R = M.alias("reversal")  # noqa: N806
        product = _unindexed(product_of(M, mapped=bool(maps)))
        reversed_ids = select(R.c.reverses_id).where(R.c.kind == "reversal")  # few: built once, then looked up
        issued = [M.c.kind == "shipment", M.c.source_type != DEMAND_OUT]
        if end is not None:  # an issue made after the day, or reversed only after it, stood on the day
            reversed_ids = reversed_ids.where(R.c.occurred_at < end)
            issued.append(M.c.occurred_at < end)
        last = (select(product, func.max(_raw(M.c.occurred_at)))
                .where(*issued, M.c.id.not_in(reversed_ids)).group_by(product))
        if wh_ids is not None:
            last = last.where(M.c.warehouse_id.in_(wh_ids))
        last_at = dict(conn.execute(last).all())
    offset = utc_offset_seconds * 1_000_000
    return [StockedProduct(sku, name, qty, value,
                           _EPOCH_DAY + timedelta(days=(last_at[pid] + offset) // _DAY) if pid in last_at else None)
            for pid, sku, name, qty, value in rows]


def stock_status(engine: Engine, today: date, *, warehouse: str | None = None, utc_offset_seconds: int = 0
                 ) -> list[StockFigures]:
    """The balances of every product × warehouse that holds or expects stock, with the products' levels and
    what was issued in the ``COVER_DAYS`` days up to and with ``today``."""
    end = midnight(today + timedelta(days=1), utc_offset_seconds)
    start = midnight(today - timedelta(days=COVER_DAYS - 1), utc_offset_seconds)
    with engine.connect() as conn:
        maps = merged.merged(conn)
        wh_ids = warehouse_ids(conn, warehouse, maps)
        source, is_issue, product, warehouse_col = _issues(bool(maps))
        issued_query = (select(product, warehouse_col, func.sum(_raw(M.c.qty))).select_from(source)
                        .where(M.c.occurred_at >= start, M.c.occurred_at < end, is_issue)
                        .group_by(product, warehouse_col))
        # the balances alone (one pass over the table), the products and warehouses joined here by id: joined in
        # SQL, each of 260,000 balances would look its product up by its text key (three times the time)
        query = (select(B.c.product_id, B.c.warehouse_id, _raw(B.c.on_hand), _raw(B.c.reserved), _raw(B.c.on_order),
                        _raw(B.c.value))
                 .where(or_(B.c.on_hand != 0, B.c.reserved != 0, B.c.on_order != 0)))
        if wh_ids is not None:
            issued_query = issued_query.where(M.c.warehouse_id.in_(wh_ids))
            query = query.where(B.c.warehouse_id.in_(wh_ids))
        issued = {(p, w): -q for p, w, q in conn.execute(issued_query).all()}
        rows = conn.execute(query).all()
        qty = _qty
        # the levels as Decimals once per product, not once per product × warehouse
        products = {i: (sku, name, None if low is None else qty(low), None if high is None else qty(high))
                    for i, sku, name, low, high in conn.execute(
                        select(P.c.id, P.c.sku, P.c.name, _raw(P.c.min_level), _raw(P.c.max_level))).all()}
        codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    get = issued.get
    nothing = qty(0)
    out = []
    append = out.append
    for p, w, on_hand, reserved, on_order, value in rows:
        sku, name, low, high = products[p]
        append(StockFigures(sku, name, codes[w], qty(on_hand), qty(reserved) if reserved else nothing,
                            qty(on_order) if on_order else nothing, low, high, qty(get((p, w), 0)), _money(value)))
    return out


def ageing_layers(engine: Engine, as_of: date, *, per_warehouse: bool, warehouse: str | None = None,
                  utc_offset_seconds: int = 0) -> list[StockLayers]:
    """The stock at the end of ``as_of`` per product (``per_warehouse``: per product × warehouse), valued as the
    ledger says, with its layers first in, first out: ``ageing_stock`` walked by ``domain.reports.ageing``."""
    from domain.reports.ageing_columns import stock_layers

    return stock_layers(ageing_stock(engine, as_of, per_warehouse=per_warehouse, warehouse=warehouse,
                                     utc_offset_seconds=utc_offset_seconds))


def ageing_stock(engine: Engine, as_of: date, *, per_warehouse: bool, warehouse: str | None = None,
                 utc_offset_seconds: int = 0) -> StockInflows:
    """The stock at the end of ``as_of`` per product (``per_warehouse``: per product × warehouse) with some on hand,
    valued as the ledger says, and the inflows that may make it up, as columns of stored integers
    (``domain.reports.ageing_columns.StockInflows``: the report's walk and bands are done on them for all keys at
    once).

    Two reads: the positions (the balances when nothing moved after the day, else each pair's last movement before
    its end), and the inflows not reversed (no reversal itself; over all warehouses no transfer leg), in one pass,
    unsorted (SQLite sorting 400,000 rows by the text keys costs more than numpy sorting the keys' numbers; read in
    the order of an index, each row is a random lookup), as the driver's plain tuples. A key is numbered by the
    product's place in SKU order (× the warehouse's in code order), so the keys come in the report's order without
    a sort of text; with a few warehouses SQLite numbers them itself (a ``CASE``: no text made and looked up per row).
    """
    end = midnight(as_of + timedelta(days=1), utc_offset_seconds)
    with engine.connect() as conn:
        maps = merged.merged(conn)
        mapped = bool(maps)
        wh_ids = warehouse_ids(conn, warehouse, maps)
        codes = sorted(_plain(conn, select(W.c.id, W.c.code)), key=itemgetter(1))
        numbers = {w: i for i, (w, _code) in enumerate(codes)} \
            if per_warehouse and len(codes) <= _NUMBERED_WAREHOUSES else None
        read = _ageing_read(conn, end, per_warehouse, wh_ids, mapped, numbers)
        if numbers is not None and any(r[1] < 0 for r in read[0]):
            read = _ageing_read(conn, end, per_warehouse, wh_ids, mapped, None)  # a warehouse with no record
            numbers = None
        products = _plain(conn, select(P.c.id, P.c.sku, P.c.name, P.c.category))
    return _stock_columns(*read, products, codes, per_warehouse, numbers is not None, as_of, utc_offset_seconds)


_NUMBERED_WAREHOUSES = 64  # up to this many, the reads number the warehouses (a CASE of as many branches)


def _ageing_read(conn, end: datetime, per_warehouse: bool, wh_ids, mapped: bool, numbers: dict[str, int] | None):
    """``ageing_stock``'s positions, inflows and first instant; with ``numbers``, each warehouse as its number."""
    R = M.alias("reversal")  # noqa: N806
    positions = _raw_pair_positions(conn, end, wh_ids, mapped, pooled=not per_warehouse, numbers=numbers)
    product, warehouse_col = product_of(M, mapped=mapped), warehouse_of(M, mapped=mapped)
    if numbers is not None:
        warehouse_col = case(numbers, value=warehouse_col, else_=-1)
    before = _raw(M.c.occurred_at) < to_micros(end)  # plain integers: the query is run by the driver itself
    # the reversals through the index on reverses_id (``> ''``, and ``+ 0`` so that the index on business time
    # is not chosen: SQLite would walk every movement before the day by it to find the few reversals, 0.1 s on
    # the benchmark)
    reversed_ids = select(R.c.reverses_id).where(R.c.reverses_id > "", R.c.kind == "reversal",
                                                 _raw(R.c.occurred_at) + 0 < to_micros(end))
    inflows = select(product, warehouse_col if per_warehouse else literal(""), _raw(M.c.occurred_at),
                     _raw(M.c.qty))
    inflows = inflows.where(before, _raw(M.c.qty) > 0, M.c.kind != "reversal", M.c.id.not_in(reversed_ids))
    if not per_warehouse:
        inflows = inflows.where(M.c.kind != "transfer_in")
    if wh_ids is not None:
        inflows = inflows.where(M.c.warehouse_id.in_(wh_ids))
    first_at = conn.execute(select(func.min(_raw(M.c.occurred_at)))).scalar()
    return positions, _plain(conn, inflows), first_at


def _plain(conn, query) -> list[tuple]:
    """The rows of ``query`` as the driver's plain tuples (no result rows made per row; the query's values are
    written into it: only ids, codes and integers go in here)."""
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    return conn.exec_driver_sql(sql).cursor.fetchall()


def _raw_pair_positions(conn, end: datetime, wh_ids, mapped: bool, pooled: bool, numbers: dict[str, int] | None
                        ) -> list[tuple]:
    """Each product × warehouse's quantity and value at ``end`` as stored integers (product, warehouse, qty,
    value; ``pooled``: summed per product, the warehouse ""; with ``numbers``, the warehouse's number, -1 for one
    not there): the balances where the quantity is not zero when nothing moved since (summed by SQLite, which
    returns 100,000 rows rather than 259,416 here), else ``_positions``."""
    if not mapped and conn.execute(select(M.c.id).where(M.c.occurred_at >= end).limit(1)).first() is None:
        if pooled:
            unit = _unindexed(B.c.product_id)
            query = select(unit, literal(""), func.sum(_raw(B.c.on_hand)), func.sum(_raw(B.c.value))).group_by(unit)
        else:
            w = B.c.warehouse_id if numbers is None else case(numbers, value=B.c.warehouse_id, else_=-1)
            query = select(B.c.product_id, w, _raw(B.c.on_hand), _raw(B.c.value))
        query = query.where(_raw(B.c.on_hand) != 0)
        if wh_ids is not None:
            query = query.where(B.c.warehouse_id.in_(wh_ids))
        return _plain(conn, query)
    number = (lambda w: w) if numbers is None else (lambda w: numbers.get(w, -1))
    return [(p, number(w), int(a.qty.scaleb(t.QTY)), int(a.value.scaleb(t.MONEY)))
            for (p, w), a in _positions(conn, end, wh_ids, mapped).items()]


def _stock_columns(positions, rows, first_at: int | None, products, codes, per_warehouse: bool, numbered_by_sql: bool,
                   as_of: date, utc_offset_seconds: int) -> StockInflows:
    """``ageing_stock``'s reads as columns: the keys numbered in the report's order and summed, the inflows of the
    keys with stock on hand numbered by key, their business days. ``codes``: the warehouses in code order (their
    numbers, when ``numbered_by_sql``)."""
    import numpy as np  # here, not when the reports are imported

    from domain.reports.ageing_columns import StockInflows

    first, second, third, fourth = (itemgetter(i) for i in range(4))
    labels = sorted(products, key=second)  # by SKU
    warehouses = codes

    def numbered(table, count: int):
        """The key number of each row (product, warehouse, ...): -1 for a product or warehouse with no place."""
        number = np.fromiter(map(place.get, map(first, table), repeat(-1)), dtype=np.int64, count=count)
        if per_warehouse:
            w = np.fromiter(map(second, table) if numbered_by_sql else map(w_place.get, map(second, table), repeat(-1)),
                            dtype=np.int64, count=count)
            number = np.where((number < 0) | (w < 0), -1, number * width + w)
        return number

    n = len(positions)
    place = {p: i for i, (p, *_rest) in enumerate(labels)}
    w_place = {w: i for i, (w, _code) in enumerate(warehouses)}
    width = len(warehouses) if per_warehouse else 1
    number = numbered(positions, n)
    if n and number.min() < 0:  # a product or warehouse with no record (not expected): named by its id, in order
        labels = sorted([*labels, *((p, p, "", "") for p in set(map(first, positions)).difference(place))],
                        key=second)
        if per_warehouse and not numbered_by_sql:
            warehouses = sorted([*warehouses, *((w, w) for w in set(map(second, positions)).difference(w_place))],
                                key=second)
        place = {p: i for i, (p, *_rest) in enumerate(labels)}
        w_place = {w: i for i, (w, _code) in enumerate(warehouses)}
        width = len(warehouses) if per_warehouse else 1
        number = numbered(positions, n)
    keys, which = np.unique(number, return_inverse=True)  # sorted: the report's order
    on_hand = np.zeros(len(keys), dtype=np.int64)
    np.add.at(on_hand, which, np.fromiter(map(third, positions), dtype=np.int64, count=n))
    worth = np.zeros(len(keys), dtype=np.int64)
    np.add.at(worth, which, np.fromiter(map(fourth, positions), dtype=np.int64, count=n))
    held = on_hand > 0
    keys, on_hand, worth = keys[held], on_hand[held], worth[held]
    # the inflows: each row's key number, then its place among the keys held (those of no key held dropped)
    m = len(rows)
    number = numbered(rows, m)
    found = np.searchsorted(keys, number)
    ours = found < len(keys)
    ours[ours] = keys[found[ours]] == number[ours]
    at = np.fromiter(map(third, rows), dtype=np.int64, count=m)[ours]
    offset = utc_offset_seconds * 1_000_000
    day_one = _EPOCH_DAY.toordinal()
    product_place = (keys // width).tolist()
    oldest = (first_at + offset) // _DAY + day_one if first_at is not None else as_of.toordinal()
    return StockInflows(
        product_id=[labels[i][0] for i in product_place],
        warehouse=[warehouses[i][1] for i in (keys % width).tolist()] if per_warehouse else [""] * len(keys),
        sku=[labels[i][1] for i in product_place],
        name=[labels[i][2] for i in product_place],
        category=[labels[i][3] or "" for i in product_place],
        on_hand=on_hand, value=worth,
        inflow_key=found[ours], inflow_at=at, inflow_day=(at + offset) // _DAY + day_one,
        inflow_qty=np.fromiter(map(fourth, rows), dtype=np.int64, count=m)[ours], oldest_day=oldest,
        qty_unit=_QTY_UNIT, money_unit=_MONEY_UNIT)
