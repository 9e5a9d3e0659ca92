"""The dashboard's reads (``domain/reports/dashboard.py``): one set-based read per group of figures.

* ``first_figures``: what the screen shows at once — the fill rate (the period's quantity issued to customers: sales
  and plain shipments net of reversals, its unfilled demand, the confirmed order lines due and what of each was
  shipped by the end of its due day), the lost sales (unfilled demand per product with its list and last sale
  price), the stock value now, and the overdue receivables and payables (``persistence.accounts.queries.ageing``). A
  handful of grouped queries over the period's movements and documents (by the index on business time), the balances
  and the open items.
* ``value_changes``: the net value of each day's movements from the period's first day on (one grouped query).
* ``zero_spells``: each product × warehouse's spells at zero on hand (a window over the ledger: each movement
  that left a pair at zero and the instant of the pair's next movement), for the pairs with demand.
* ``stock_figures``: turnover by category (``persistence.reports.queries.stock_summary``), dead stock
  (``stocked_products``) and the pairs with stock and their recent issues for excess stock.
* ``stored_alerts``: the alerts summary the last planning run stored (``domain.planning.alerts``: counts by
  severity per warehouse, when, on which data version) and the data version now; ``plan_alerts``: a planning run
  (``domain.planning.run.plan``) over the stored forecasts, as the Replenishment screen runs it, only for when no
  run stored a summary yet: it stores its own.

Days are business days in the clock's zone (``utc_offset_seconds``). The warehouse filter takes a code (with the
warehouses merged into it); stockout spells count by the ids as recorded.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy.types import BigInteger

from domain.accounts.model import Side
from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.planning.alerts import AlertSummary
from domain.reports.dashboard import DEMAND_DAYS
from domain.reports.dashboard import FillFacts
from domain.reports.dashboard import HeldFacts
from domain.reports.dashboard import LineDue
from domain.reports.dashboard import LostFacts
from domain.reports.dashboard import Overdue
from domain.reports.dashboard import ZeroSpell
from domain.reports.model import Period
from domain.reports.sales import StockedProduct
from domain.reports.status import COVER_DAYS
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import SummaryRow
from domain.reports.stock_summary import summarize
from domain.sales.prices import RETAIL
from persistence import office
from persistence import tables as t
from persistence.accounts import queries as accounts
from persistence.reports import queries
from persistence.reports.queries import midnight
from persistence.stock import merged
from persistence.stock.merged import ids_of

M, MV, B, P, W = t.movements, t.movement_values, t.balances, t.products, t.warehouses
SO, SOL, SL, DOC, C, U = t.sales_orders, t.sales_order_lines, t.sales_lines, t.documents, t.customers, t.unfilled_demand
_DAY = 86_400_000_000  # microseconds
_EPOCH_DAY = date(1970, 1, 1)
_NOT_DEMAND = "supplier_return"  # a shipment back to the supplier is not a customer's demand


def _int(column):
    return type_coerce(column, BigInteger)


def _qty(stored) -> Decimal:
    return Decimal(stored or 0).scaleb(-t.QTY)


def _money(stored) -> Decimal:
    return Decimal(stored or 0).scaleb(-t.MONEY)


def _cost(stored) -> Decimal | None:
    return None if stored is None else Decimal(stored).scaleb(-t.COST)


def _day(micros: int, offset: int) -> date:
    return _EPOCH_DAY + timedelta(days=(micros + offset * 1_000_000) // _DAY)


def _bounds(period: Period, offset: int) -> tuple[datetime, datetime]:
    return midnight(period.first, offset), midnight(period.last + timedelta(days=1), offset)


def warehouse_ids(conn, code: str | None) -> list[str] | None:
    """The ids the warehouse code stands for (with those merged into it); None for every warehouse."""
    if not code:
        return None
    found = conn.execute(select(W.c.id).where(W.c.code.in_((code.strip(), code.strip().upper())))).scalar()
    if found is None:
        raise BadInput("--warehouse", f"no warehouse has the code {code!r}; give the code of an existing warehouse")
    return ids_of(merged.merged(conn).get("warehouses", {}), found)


class FirstFigures(NamedTuple):
    fill: FillFacts
    lines: list[LineDue]
    lost: list[LostFacts]
    value_now: Decimal
    receivables: Overdue
    payables: Overdue


def _overdue(engine: Engine, side: Side, today: date) -> Overdue:
    a = accounts.ageing(engine, side, today)
    return Overdue(side.value, a.balance, a.overdue, a.d1_30, a.d31_60, a.d61_90, a.over_90)


def _lines_due(conn, period: Period, today: date, wh_ids, offset: int) -> list[LineDue]:
    last = min(period.last, today)
    if last < period.first:
        return []
    start, end = _bounds(Period(period.first, last), offset)
    warehouse = func.coalesce(SOL.c.warehouse_id, SO.c.warehouse_id)
    query = (select(SOL.c.id, func.coalesce(SO.c.number, SO.c.id), C.c.code, P.c.sku, W.c.code, SO.c.requested_on,
                    _int(SO.c.confirmed_at), _int(SOL.c.qty))
             .select_from(SO.join(SOL, SOL.c.so_id == SO.c.id).join(C, C.c.id == SO.c.customer_id)
                          .join(P, P.c.id == SOL.c.product_id).join(W, W.c.id == warehouse))
             .where(SO.c.confirmed_at.is_not(None), SO.c.state.not_in(("draft", "cancelled")),
                    or_(SO.c.requested_on.between(period.first, last),
                        and_(SO.c.requested_on.is_(None), SO.c.confirmed_at >= start, SO.c.confirmed_at < end))))
    if wh_ids is not None:
        query = query.where(warehouse.in_(wh_ids))
    due = {}
    for line_id, number, customer, sku, wh, requested, confirmed, qty in conn.execute(query).all():
        due[line_id] = [number, customer, sku, wh, requested or _day(confirmed, offset), _qty(qty), ZERO]
    if due:
        shipped = (select(SL.c.order_line_id, _int(SL.c.occurred_at), _int(SL.c.qty))
                   .join(DOC, DOC.c.id == SL.c.document_id)
                   .where(SL.c.order_line_id.in_(list(due)), SL.c.qty > 0, DOC.c.reversed.is_(False)))
        for line_id, at, qty in conn.execute(shipped).all():
            row = due[line_id]
            if _day(at, offset) <= row[4]:
                row[6] += _qty(qty)
    rows = [LineDue(*r) for r in due.values()]
    return sorted(rows, key=lambda r: (r.due, r.order, r.sku))


def _lost(conn, start: datetime, end: datetime, wh_ids) -> list[LostFacts]:
    query = select(U.c.product_id, func.sum(_int(U.c.qty))).where(U.c.occurred_at >= start, U.c.occurred_at < end)
    if wh_ids is not None:
        query = query.where(U.c.warehouse_id.in_(wh_ids))
    asked = dict(conn.execute(query.group_by(U.c.product_id)).all())
    if not asked:
        return []
    ids = list(asked)
    labels = {i: (s, n) for i, s, n in conn.execute(select(P.c.id, P.c.sku, P.c.name).where(P.c.id.in_(ids))).all()}
    PP = t.product_prices  # noqa: N806
    listed = dict(conn.execute(select(PP.c.product_id, _int(PP.c.price))
                               .where(PP.c.product_id.in_(ids), PP.c.level == RETAIL)).all())
    # the last sale of each product: its latest sales line (ties: the latest document and line)
    latest = (select(SL.c.product_id, func.max(SL.c.occurred_at).label("at"))
              .where(SL.c.product_id.in_(ids), SL.c.qty > 0).group_by(SL.c.product_id).subquery())
    last_lines = conn.execute(
        select(SL.c.product_id, _int(SL.c.qty), _int(SL.c.revenue))
        .join(latest, and_(latest.c.product_id == SL.c.product_id, latest.c.at == SL.c.occurred_at))
        .where(SL.c.qty > 0).order_by(SL.c.product_id, SL.c.document_id, SL.c.line_no)).all()
    last_price = {}
    for pid, qty, revenue in last_lines:  # the net unit price: revenue ÷ quantity, to the cost scale
        last_price[pid] = (_money(revenue) / _qty(qty)).quantize(Decimal(1).scaleb(-t.COST))
    out = []
    for pid, qty in asked.items():
        sku, name = labels.get(pid, (pid, ""))
        out.append(LostFacts(sku, name, _qty(qty), _cost(listed.get(pid)), last_price.get(pid)))
    return out


def _demand_issued(start: datetime, end: datetime):
    """The quantity that left for customers in [start, end) (signed as in the ledger: out is negative): sales and
    plain shipments, net of their reversals; returns to the supplier and transfers are not demand."""
    orig = M.alias("original")
    demand = and_(M.c.kind == "shipment", M.c.source_type != _NOT_DEMAND)
    undone = and_(M.c.kind == "reversal", orig.c.kind == "shipment", orig.c.source_type != _NOT_DEMAND)
    return (select(func.sum(_int(M.c.qty))).select_from(M.outerjoin(orig, orig.c.id == M.c.reverses_id))
            .where(M.c.occurred_at >= start, M.c.occurred_at < end, or_(demand, undone)))


def first_figures(engine: Engine, period: Period, today: date, *, warehouse: str | None = None,
                  utc_offset_seconds: int = 0) -> FirstFigures:
    """The figures the dashboard shows at once (see the module docstring)."""
    start, end = _bounds(period, utc_offset_seconds)
    with engine.connect() as conn:
        wh_ids = warehouse_ids(conn, warehouse)
        shipped_q = _demand_issued(start, end)
        unfilled_q = select(func.sum(_int(U.c.qty))).where(U.c.occurred_at >= start, U.c.occurred_at < end)
        value_q = select(func.sum(_int(B.c.value)))
        if wh_ids is not None:
            shipped_q = shipped_q.where(M.c.warehouse_id.in_(wh_ids))
            unfilled_q = unfilled_q.where(U.c.warehouse_id.in_(wh_ids))
            value_q = value_q.where(B.c.warehouse_id.in_(wh_ids))
        shipped, unfilled = -_qty(conn.execute(shipped_q).scalar()), _qty(conn.execute(unfilled_q).scalar())
        lines = _lines_due(conn, period, today, wh_ids, utc_offset_seconds)
        lost = _lost(conn, start, end, wh_ids)
        value_now = _money(conn.execute(value_q).scalar())
    fill = FillFacts(shipped, unfilled, len(lines), sum(1 for r in lines if r.on_time))
    return FirstFigures(fill, lines, lost, value_now, _overdue(engine, Side.AR, today),
                        _overdue(engine, Side.AP, today))


def value_changes(engine: Engine, first: date, *, warehouse: str | None = None,
                  utc_offset_seconds: int = 0) -> dict[date, Decimal]:
    """Per business day from ``first`` on (to the last movement), the sum of the values of its movements."""
    start = midnight(first, utc_offset_seconds)
    day = (_int(M.c.occurred_at) + utc_offset_seconds * 1_000_000).self_group().op("/")(literal_column(str(_DAY)))
    with engine.connect() as conn:
        wh_ids = warehouse_ids(conn, warehouse)
        query = (select(day.label("day"), func.sum(_int(MV.c.value)))
                 .select_from(M.join(MV, MV.c.movement_id == M.c.id)).where(M.c.occurred_at >= start))
        if wh_ids is not None:
            query = query.where(M.c.warehouse_id.in_(wh_ids))
        rows = conn.execute(query.group_by(literal_column("day"))).all()
    return {_EPOCH_DAY + timedelta(days=int(d)): _money(v) for d, v in rows}


def _demand_pairs(conn, start: datetime, end: datetime, wh_ids) -> set[tuple[str, str]]:
    issued = (select(M.c.product_id, M.c.warehouse_id).distinct()
              .where(M.c.kind == "shipment", M.c.source_type != _NOT_DEMAND, M.c.occurred_at >= start,
                     M.c.occurred_at < end))
    asked = (select(U.c.product_id, U.c.warehouse_id).distinct()
             .where(U.c.occurred_at >= start, U.c.occurred_at < end))
    if wh_ids is not None:
        issued = issued.where(M.c.warehouse_id.in_(wh_ids))
        asked = asked.where(U.c.warehouse_id.in_(wh_ids))
    return {tuple(r) for r in conn.execute(issued).all()} | {tuple(r) for r in conn.execute(asked).all()}


def zero_spells(engine: Engine, period: Period, *, warehouse: str | None = None,
                utc_offset_seconds: int = 0) -> list[ZeroSpell]:
    """The spells at zero on hand that reach into ``period``, of the pairs with demand in it or the
    ``DEMAND_DAYS`` before it."""
    start, end = _bounds(period, utc_offset_seconds)
    with engine.connect() as conn:
        wh_ids = warehouse_ids(conn, warehouse)
        demand = _demand_pairs(conn, midnight(period.first - timedelta(days=DEMAND_DAYS), utc_offset_seconds), end,
                               wh_ids)
        if not demand:
            return []
        order = (M.c.occurred_at, M.c.id)
        following = func.lead(_int(M.c.occurred_at)).over(partition_by=(M.c.product_id, M.c.warehouse_id),
                                                          order_by=order)
        inner = (select(M.c.product_id, M.c.warehouse_id, _int(M.c.occurred_at).label("at"),
                        _int(MV.c.on_hand_after).label("after"), following.label("next_at"))
                 .select_from(M.join(MV, MV.c.movement_id == M.c.id)).where(M.c.occurred_at < end))
        if wh_ids is not None:
            inner = inner.where(M.c.warehouse_id.in_(wh_ids))
        inner = inner.subquery("moves")
        start_micros = int((start - midnight(_EPOCH_DAY)).total_seconds()) * 1_000_000
        query = (select(inner.c.product_id, inner.c.warehouse_id, inner.c.at, inner.c.next_at)
                 .where(inner.c.after <= 0, or_(inner.c.next_at.is_(None), inner.c.next_at >= start_micros)))
        rows = conn.execute(query).all()
        skus = dict(conn.execute(select(P.c.id, P.c.sku)).all()) if rows else {}
        codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    offset = utc_offset_seconds
    return [ZeroSpell(skus.get(p, p), codes.get(w, w), _day(at, offset), None if nxt is None else _day(nxt, offset))
            for p, w, at, nxt in rows if (p, w) in demand]


class StockFigures(NamedTuple):
    by_category: list[SummaryRow]
    stocked: list[StockedProduct]
    held: list[HeldFacts]


def _held(conn, today: date, wh_ids, offset: int) -> list[HeldFacts]:
    end = midnight(today + timedelta(days=1), offset)
    start = midnight(today - timedelta(days=COVER_DAYS - 1), offset)
    orig = M.alias("original")
    demand = and_(M.c.kind == "shipment", M.c.source_type != _NOT_DEMAND)
    undone = and_(M.c.kind == "reversal", orig.c.kind == "shipment", orig.c.source_type != _NOT_DEMAND)
    issued_q = (select(M.c.product_id, M.c.warehouse_id, func.sum(_int(M.c.qty)))
                .select_from(M.outerjoin(orig, orig.c.id == M.c.reverses_id))
                .where(M.c.occurred_at >= start, M.c.occurred_at < end, or_(demand, undone))
                .group_by(M.c.product_id, M.c.warehouse_id))
    held_q = select(B.c.product_id, B.c.warehouse_id, _int(B.c.on_hand), _int(B.c.value)).where(B.c.on_hand > 0)
    if wh_ids is not None:
        issued_q = issued_q.where(M.c.warehouse_id.in_(wh_ids))
        held_q = held_q.where(B.c.warehouse_id.in_(wh_ids))
    issued = {(p, w): -q for p, w, q in conn.execute(issued_q).all()}
    products = {i: rest for i, *rest in conn.execute(select(P.c.id, P.c.sku, P.c.name, _int(P.c.max_level))).all()}
    codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    out = []
    for p, w, on_hand, value in conn.execute(held_q).all():
        sku, name, high = products[p]
        out.append(HeldFacts(sku, name, codes[w], _qty(on_hand), _money(value), _qty(issued.get((p, w), 0)),
                             None if high is None else _qty(high)))
    return out


def stock_figures(engine: Engine, period: Period, today: date, *, warehouse: str | None = None,
                  utc_offset_seconds: int = 0, around_fill=None) -> StockFigures:
    """The stock summary by category for turnover, the stocked products with their last issue, and the pairs with
    stock and their issues of the last ``COVER_DAYS`` days. (``around_fill``: as ``queries.stock_summary`` takes it,
    for the stock months the summary may fill.)"""
    pairs, labels, codes = queries.stock_summary(engine, period, SummaryBy.PRODUCT, warehouse=warehouse,
                                                 utc_offset_seconds=utc_offset_seconds, around_fill=around_fill)
    by_category = summarize(pairs, SummaryBy.CATEGORY, labels, codes)
    stocked = queries.stocked_products(engine, warehouse=warehouse, utc_offset_seconds=utc_offset_seconds)
    with engine.connect() as conn:
        held = _held(conn, today, warehouse_ids(conn, warehouse), utc_offset_seconds)
    return StockFigures(by_category, stocked, held)


class _ReadOnlyCache:
    """The stored forecasts, read but never written: the dashboard only looks. (Writing them would be a change to
    the database that every open screen sees as someone else's; the Replenishment screen's run stores them.)"""

    def __init__(self, cache) -> None:
        self.cache = cache

    def load(self, keys):
        return self.cache.load(keys)

    def store(self, rows) -> None:
        return None


def stored_alerts(engine: Engine) -> tuple[AlertSummary | None, str]:
    """(the last planning run's alerts summary, None when no run stored one; the data version now): one read, no
    planning (``persistence.planning.alerts``)."""
    from persistence.planning import alerts

    return alerts.read_summary(engine)


def plan_alerts(engine: Engine, today: date, *, utc_offset_seconds: int = 0, cancel=None, progress=None,
                around_store=None) -> AlertSummary:
    """A planning run made now over the stored forecasts, as the Replenishment screen makes it (only the products
    whose history changed are forecast again, and those forecasts are not stored), for when no run has stored its
    alerts yet: its summary is stored (``persistence.planning.alerts.store_summary``, inside ``around_store()`` when
    given: the window's ``ui.watch.DataWatcher.own_write``) and returned."""

    from domain.planning import run as planning
    from persistence.planning import alerts
    from persistence.planning import queries as planning_queries

    reader = planning_queries.reader(engine, utc_offset_seconds=utc_offset_seconds)
    control = planning.RunControl(cache=_ReadOnlyCache(planning_queries.forecast_cache(engine)), cancel=cancel,
                                  progress=progress)
    planning.plan(reader, today=today, run=control)
    assert control.summary is not None  # a run over every product sums its alerts up
    alerts.store_summary(engine, control.summary, around=around_store)
    return control.summary


def settings(engine: Engine) -> dict[str, str]:
    """The dashboard's settings as stored (``dashboard.*``)."""
    with engine.connect() as conn:
        return office.read(conn, (office.DEAD_DAYS, office.COVER_TARGET))


def warehouse_codes(engine: Engine) -> list[str]:
    """The warehouses' codes, for the filter."""
    with engine.connect() as conn:
        return sorted(conn.execute(select(W.c.code)).scalars())
