"""Read queries for replenishment planning: daily demand, closing stock, balances, drafts and supplier terms.

``read_history`` answers ``domain.planning.run.HistoryReader`` with eight queries, none per product:

1. one plain scan of the movements (in storage order: no index, no join) that sums each product ×
   warehouse × day's net change and shipments. The closing stock of a day is the running sum of the net
   changes up to it — the same number as the ``movement_values.on_hand_after`` of the day's last
   movement, since a day's closing stock does not depend on the order within the day — and everything
   before the window adds up to the stock the window starts with. Only the days on which a product went
   in or out of stock are handed on. Reading the running balances instead
   needs the movements in business-time order joined to their values: three B-tree lookups per
   movement, 2.2 s instead of 0.4 s on the demo database (230,000 movements);
2. the shipments that were reversed (a reversal points at them), subtracted on the day they were shipped;
3. balances with products and warehouses;
4. draft purchase-order lines (open quantities per product × delivery warehouse);
5. supplier terms with pack details, the supplier's lead time and the preferred flag;
6. unfilled demand recorded per day (``persistence.stock.demand.daily_unfilled``);
7. the lead times observed on purchase orders: issue to first receipt per PO × product;
8. each supplier's quantity fill rate of the last year, as its scorecard counts it (one grouped query), and the
   setting that turns its use off (``domain.planning.fill``).

``ForecastCacheTable`` keeps the forecasts of the last run (``domain.planning.cache``) in ``forecast_cache``.

Days are business days in the clock's zone: ``utc_offset_seconds`` shifts UTC instants before they are
cut into days. Quantities arrive as the columns' scaled integers and are turned into Decimals once per
day, not per movement.
"""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import case
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import type_coerce
from sqlalchemy.types import BigInteger

from domain.kernel import clock
from domain.planning.fill import FILL_DAYS
from domain.planning.fill import SETTING_FILL_RATE
from domain.planning.fill import SupplierFill
from domain.planning.fill import enabled as fill_enabled
from domain.planning.ordering import read_holding_rate
from domain.planning.ordering import read_order_cost
from domain.planning.run import PlanningHistory
from domain.planning.run import StockItem
from domain.planning.run import TermOption
from domain.planning.settings import read_service_rule
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.purchasing.scorecard import COMPLETE_STATES
from domain.purchasing.scorecard import PAST_DUE_STATES
from domain.stock.documents_model import DocumentKind
from persistence import office
from persistence import tables as t
from persistence.derived import derived_write
from persistence.planning.alerts import data_version
from persistence.planning.classes import read_basis
from persistence.planning.product import read_all as read_product_planning
from persistence.purchasing.lead_times import observed_lead_times
from persistence.stock import merged
from persistence.stock.demand import daily_unfilled
from persistence.types import to_micros

_DAY = 86_400_000_000
_EPOCH_DAY = date(1970, 1, 1)

SUPPLIER_RETURN = DocumentKind.SUPPLIER_RETURN.value  # a movement's source type


def _raw(column):
    """The stored integer of a scaled or instant column, without the per-row Decimal/datetime conversion."""
    return type_coerce(column, BigInteger)


def read_history(engine: Engine, first_day: date, end_day: date, *, utc_offset_seconds: int = 0,
                 stamp: bool = True) -> PlanningHistory:
    """Everything ``domain.planning.run.plan`` needs for the days ``first_day`` .. ``end_day`` (exclusive).

    ``stamp``: take the data version first (``persistence.planning.alerts.data_version``, what the run's alerts
    summary keeps); the replay benchmarks, which read a cached database of an older schema and keep no summary, leave
    it out."""
    M = t.movements
    offset = utc_offset_seconds * 1_000_000
    base = (first_day - _EPOCH_DAY).days
    end_micros = to_micros(datetime(end_day.year, end_day.month, end_day.day, tzinfo=UTC)) - offset
    qty_scale = Decimal(1).scaleb(-t.QTY)
    day_of = (_raw(M.c.occurred_at) + offset) // _DAY - base
    # demand is what was shipped to customers: goods returned to a supplier leave as a shipment but are not demand
    demand = and_(M.c.kind == "shipment", M.c.source_type != SUPPLIER_RETURN)
    scan = select(M.c.product_id, M.c.warehouse_id, _raw(M.c.occurred_at), day_of, demand, _raw(M.c.qty))
    R, U = M.alias("reversal"), M.alias("undo")
    # a shipment reversed on two desks offline keeps both reversals, the later one undone (persistence/sync/settle)
    reversed_shipments = (
        select(M.c.product_id, M.c.warehouse_id, _raw(M.c.occurred_at), _raw(M.c.qty))
        .join(R, and_(R.c.reverses_id == M.c.id, ~exists().where(U.c.reverses_id == R.c.id)))
        .where(demand, _raw(M.c.occurred_at) < end_micros)
    )
    net: dict[tuple[str, str, int], int] = {}  # day -1 gathers everything before the window
    shipped_raw: dict[tuple[str, str], dict[int, int]] = {}
    with engine.connect() as conn:
        # before reading: a change made while reading makes the summary out of date
        version = data_version(conn) if stamp else ""
        maps = merged.merged(conn)  # a product or warehouse merged away by a sync: its movements count for the survivor
        products, warehouses = maps.get("products", {}), maps.get("warehouses", {})
        for product_id, warehouse_id, at, day, shipment, qty in conn.execute(scan).all():
            if at >= end_micros:
                continue
            if day < 0:
                day = -1
            if maps:
                product_id = products.get(product_id, product_id)
                warehouse_id = warehouses.get(warehouse_id, warehouse_id)
            key = (product_id, warehouse_id, day)
            net[key] = net.get(key, 0) + qty
            if shipment and day >= 0:
                ships = shipped_raw.get(key[:2])
                if ships is None:
                    ships = shipped_raw[key[:2]] = {}
                ships[day] = ships.get(day, 0) - qty
        for product_id, warehouse_id, at, qty in conn.execute(reversed_shipments):
            day = (at + offset) // _DAY - base
            if maps:
                product_id = products.get(product_id, product_id)
                warehouse_id = warehouses.get(warehouse_id, warehouse_id)
            if day >= 0:
                ships = shipped_raw.setdefault((product_id, warehouse_id), {})
                ships[day] = ships.get(day, 0) + qty
        items = _items(conn)
        terms = _terms(conn)
        first_micros = to_micros(datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC)) - offset
        unfilled_raw = daily_unfilled(conn, first_micros, end_micros, offset, base)
        lead_times = observed_lead_times(conn, end_micros)
        fills = _supplier_fills(conn, end_day)
        fill_on = fill_enabled(office.get(conn, SETTING_FILL_RATE))
        rule, overall = read_service_rule(*(office.get(conn, k) for k in (office.SERVICE_RULE, office.SERVICE_OVERALL)))
        order_cost = read_order_cost(office.get(conn, office.ORDER_COST))
        holding_rate = read_holding_rate(office.get(conn, office.HOLDING_RATE))
        overrides = read_product_planning(conn)
        basis = read_basis(conn)
    shipped = {k: {d: Decimal(q) * qty_scale for d, q in v.items() if q} for k, v in shipped_raw.items()}
    closing: dict[tuple[str, str], list[tuple[int, Decimal]]] = {}
    running, current, stocked = 0, None, None
    for product_id, warehouse_id, day in sorted(net):
        if (product_id, warehouse_id) != current:
            current, running, stocked = (product_id, warehouse_id), 0, None
            days = closing[current] = []
        running += net[product_id, warehouse_id, day]
        if (running > 0) is not stocked:  # only the days the product went in or out of stock
            stocked = running > 0
            days.append((day, Decimal(running) * qty_scale))
    unfilled = {k: {d: Decimal(q) * qty_scale for d, q in v.items() if q} for k, v in unfilled_raw.items()}
    return PlanningHistory(first_day, end_day, items, {k: v for k, v in shipped.items() if v}, closing, terms,
                           unfilled=unfilled, lead_times=lead_times, overrides=overrides, abc_basis=basis,
                           supplier_fills=fills, fill_rate_on=fill_on, data_version=version,
                           service_rule=rule, service_overall=overall, order_cost=order_cost,
                           holding_rate=holding_rate)


def _supplier_fills(conn, end_day: date) -> dict[str, SupplierFill]:
    """Per supplier, its purchase-order lines due in the ``FILL_DAYS`` before ``end_day`` as its scorecard counts them
    (``domain.purchasing.scorecard``: the PO received or closed, or open past its promised day; from the promised
    day, else the issue's, on), their orders and what they asked for and brought (each line's capped at its order).
    One grouped query."""
    PO, L = t.purchase_orders, t.purchase_order_lines
    start = end_day - timedelta(days=FILL_DAYS)
    start_at = datetime(start.year, start.month, start.day, tzinfo=UTC)
    qty, received = _raw(L.c.qty), _raw(L.c.received)
    rows = conn.execute(
        select(PO.c.supplier_id, func.count(), func.count(PO.c.id.distinct()), func.sum(qty),
               func.sum(case((received < qty, received), else_=qty)))
        .select_from(L).join(PO, PO.c.id == L.c.po_id)
        .where(PO.c.issued_at.is_not(None),
               or_(PO.c.state.in_(COMPLETE_STATES),
                   and_(PO.c.state.in_(PAST_DUE_STATES), PO.c.expected_on.is_not(None), PO.c.expected_on < end_day)),
               or_(and_(PO.c.expected_on.is_not(None), PO.c.expected_on >= start, PO.c.expected_on < end_day),
                   and_(PO.c.expected_on.is_(None), PO.c.issued_at >= start_at)))
        .group_by(PO.c.supplier_id))
    scale = Decimal(1).scaleb(-t.QTY)
    return {sid: SupplierFill(sid, lines, orders, Decimal(asked or 0) * scale, Decimal(got or 0) * scale)
            for sid, lines, orders, asked, got in rows}


def _items(conn) -> list[StockItem]:
    B, P, W, L, PO = t.balances, t.products, t.warehouses, t.purchase_order_lines, t.purchase_orders
    drafts = dict(
        ((r.product_id, r.warehouse_id), r.open)
        for r in conn.execute(
            select(L.c.product_id, PO.c.warehouse_id, func.sum(L.c.qty - L.c.received).label("open"))
            .join(PO, PO.c.id == L.c.po_id).where(PO.c.state == PoState.DRAFT.value)
            .group_by(L.c.product_id, PO.c.warehouse_id)
        )
    )
    qty_scale = Decimal(1).scaleb(-t.QTY)
    rows = conn.execute(
        select(B.c.product_id, B.c.warehouse_id, P.c.sku, P.c.name, W.c.code, B.c.on_hand, B.c.reserved, B.c.on_order,
               B.c.avg_cost, P.c.category, P.c.pack_size)
        .join(P, P.c.id == B.c.product_id).join(W, W.c.id == B.c.warehouse_id)
        .where(P.c.active.is_(True)).order_by(P.c.sku, W.c.code)
    )
    return [
        StockItem(r.product_id, r.sku, r.name, r.warehouse_id, r.code, r.on_hand, r.reserved, r.on_order,
                  Decimal(drafts.get((r.product_id, r.warehouse_id)) or 0) * qty_scale, r.avg_cost, r.category or "",
                  r.pack_size or Decimal(1))
        for r in rows
    ]


def _terms(conn) -> dict[str, list[TermOption]]:
    T, S, X, F = t.supplier_terms, t.suppliers, t.supplier_term_details, t.preferred_suppliers
    rows = conn.execute(
        select(T.c.supplier_id, S.c.code, T.c.product_id, T.c.unit_price, T.c.moq, T.c.order_multiple,
               T.c.lead_time_days, S.c.lead_time_days.label("supplier_lead"), X.c.pack_size, X.c.price_per,
               F.c.supplier_id.label("preferred_id"), S.c.currency)
        .join(S, S.c.id == T.c.supplier_id)
        .outerjoin(X, (X.c.supplier_id == T.c.supplier_id) & (X.c.product_id == T.c.product_id))
        .outerjoin(F, F.c.product_id == T.c.product_id)
    )
    out: dict[str, list[TermOption]] = {}
    for r in rows:
        pack = r.pack_size or Decimal(1)
        price = r.unit_price / pack if r.price_per == PricePer.PACK.value else r.unit_price
        lead = r.lead_time_days if r.lead_time_days is not None else r.supplier_lead
        out.setdefault(r.product_id, []).append(TermOption(
            r.supplier_id, r.code, r.product_id, price, r.moq, r.order_multiple, pack, int(lead),
            r.preferred_id == r.supplier_id, r.currency))
    return out


class ForecastCacheTable:
    """``domain.planning.cache.ForecastCache`` on the ``forecast_cache`` table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self, keys) -> dict[tuple[str, str], tuple[str, str]]:
        C = t.forecast_cache
        wanted = set(keys)
        scopes = {scope for _, scope in wanted}
        with self.engine.connect() as conn:
            rows = conn.execute(select(C.c.product_id, C.c.scope, C.c.history_key, C.c.result)
                                .where(C.c.scope.in_(scopes)))
            return {(r[0], r[1]): (r[2], r[3]) for r in rows if (r[0], r[1]) in wanted}

    def store(self, rows, *, around=None) -> None:
        """Replace these rows in one transaction (``around`` as ``persistence.derived.derived_write`` takes
        it)."""
        if not rows:
            return
        C = t.forecast_cache
        now = clock.now()
        with derived_write(self.engine, around) as conn:
            conn.execute(C.delete().where(C.c.product_id == bindparam("p"), C.c.scope == bindparam("s")),
                         [{"p": p, "s": s} for p, s, _, _ in rows])
            conn.execute(C.insert(), [{"product_id": p, "scope": s, "history_key": k, "computed_at": now, "result": r}
                                      for p, s, k, r in rows])


def forecast_cache(engine: Engine) -> ForecastCacheTable:
    """The stored forecasts of this database, for ``domain.planning.run.RunControl``."""
    return ForecastCacheTable(engine)


def reader(engine: Engine, *, utc_offset_seconds: int = 0):
    """A ``domain.planning.run.HistoryReader`` on this database."""
    return lambda first, end: read_history(engine, first, end, utc_offset_seconds=utc_offset_seconds)


def classify_and_keep(engine: Engine, *, today, utc_offset_seconds: int = 0) -> int:
    """Classify every planned product from its history and keep the classes, as a planning run would, without
    forecasting: a database filled at once (the demo) shows its ABC/XYZ classes before its first planning run.
    Returns how many products were classed."""
    from domain.planning.classification import classify_products
    from persistence.planning.classes import ClassStore

    result = classify_products(reader(engine, utc_offset_seconds=utc_offset_seconds), today=today)
    ClassStore(engine).store(result.classes)
    return len(result.classes)
