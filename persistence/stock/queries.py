"""Read-side queries of the ledger returning immutable rows (``domain.stock.readmodels``); no domain logic here.

The catalog's queries (products, warehouses, partners, settings) are in ``persistence.catalog.queries``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select

from domain.reports.model import OPENING_KIND
from domain.reports.model import OPENING_REFS
from domain.reports.model import OPENING_SOURCE
from domain.reports.model import OPENING_STOCK
from domain.stock.readmodels import CheckProblem
from domain.stock.readmodels import MovementRow
from domain.stock.readmodels import StockRow
from persistence import tables as t
from persistence.accounts import open as open_amounts
from persistence.reads import dec
from persistence.sales import costs as sales_costs
from persistence.sales import returned
from persistence.stock import merged
from persistence.stock import months
from persistence.stock.refs import ref_of

P, W, B, M, V = t.products, t.warehouses, t.balances, t.movements, t.movement_values


def stock(engine: Engine, sku: str | None = None, warehouse: str | None = None) -> list[StockRow]:
    query = (
        select(P.c.id, P.c.sku, P.c.name, P.c.category, P.c.unit, W.c.code, B.c.on_hand, B.c.avg_cost, B.c.value,
               B.c.reserved, B.c.on_order, P.c.min_level)
        .select_from(B.join(P, P.c.id == B.c.product_id).join(W, W.c.id == B.c.warehouse_id))
        .order_by(P.c.sku, W.c.code)
    )
    if sku:
        query = query.where(P.c.sku == sku)
    if warehouse:
        query = query.where(W.c.code == warehouse)
    with engine.connect() as conn:
        return [StockRow(*row) for row in conn.execute(query)]


# Built once: constructing a select costs more than running it (see tests/benchmarks/bench_onhand.py).
_ON_HAND = (
    select(B.c.on_hand)
    .select_from(B.join(P, P.c.id == B.c.product_id).join(W, W.c.id == B.c.warehouse_id))
    .where(P.c.sku == bindparam("sku"), W.c.code == bindparam("warehouse"))
)


def on_hand(engine: Engine, sku: str, warehouse: str) -> Decimal:
    with engine.connect() as conn:
        return conn.execute(_ON_HAND, {"sku": sku, "warehouse": warehouse}).scalar() or Decimal(0)


def _movement_rows(mapped: bool = False):
    """The columns of a MovementRow, joined from the movement, its product, warehouse and valuation (``mapped``:
    the product and warehouse a merge left it with, see ``persistence/stock/merged.py``)."""
    product, warehouse = merged.product_of(M, mapped=mapped), merged.warehouse_of(M, mapped=mapped)
    return (
        select(M.c.id, M.c.kind, P.c.sku, P.c.name, W.c.code, M.c.qty, M.c.unit_cost, V.c.value, V.c.on_hand_after,
               M.c.occurred_at, M.c.recorded_at, M.c.source_type, ref_of(M).label("source_ref"), M.c.note, M.c.user,
               M.c.reverses_id, M.c.transfer_id, M.c.fx_currency, M.c.fx_unit_price, M.c.fx_rate)
        .select_from(M.join(P, P.c.id == product).join(W, W.c.id == warehouse)
                     .join(V, V.c.movement_id == M.c.id))
    )


def movements(
    engine: Engine, sku: str | None = None, warehouse: str | None = None, kind: str | None = None,
    since: datetime | None = None, until: datetime | None = None, limit: int | None = None,
) -> list[MovementRow]:
    """The ledger oldest first; ``kind`` is a kind as a list shows it (``shown_kind_is``: ``opening_stock``, or a
    receipt that is not)."""
    query = (
        _movement_rows(_any_merged(engine))
        .order_by(M.c.occurred_at, M.c.id)
    )
    if sku:
        query = query.where(P.c.sku == sku)
    if warehouse:
        query = query.where(W.c.code == warehouse)
    if kind:  # as the list shows it: opening stock apart from the receipts (``shown_kind_is``)
        query = query.where(shown_kind_is(kind))
    if since:
        query = query.where(M.c.occurred_at >= since)
    if until:
        query = query.where(M.c.occurred_at < until)
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [MovementRow(*row) for row in conn.execute(query)]


def check(engine: Engine) -> list[CheckProblem]:
    """Compare every balance with the sums of the ledger (a movement counted under the product and warehouse a
    merge left it with), the reports' monthly rows (``stock_months``) with the same rows made again from the ledger
    (``persistence.stock.months.check``; their figures as stored integers), and every item's derived open amount
    with its item less its allocations (``persistence.accounts.open.check``), every sales line's cost with its
    movement's value (``persistence.sales.costs.check``), and every customer return's value with its share of its
    sale's (``persistence.sales.returned.stale_returns``); an empty list means they agree."""
    mapped = _any_merged(engine)
    product = merged.product_of(M, mapped=mapped).label("product_id")
    warehouse = merged.warehouse_of(M, mapped=mapped).label("warehouse_id")
    sums = (
        select(product, warehouse, func.sum(M.c.qty).label("qty"), func.sum(V.c.value).label("value"))
        .select_from(M.outerjoin(V, V.c.movement_id == M.c.id))
        .group_by(product, warehouse)
    )
    problems = []
    with engine.connect() as conn:
        ledger = {(r.product_id, r.warehouse_id): (r.qty or Decimal(0), r.value) for r in conn.execute(sums)}
        balances = {
            (r.product_id, r.warehouse_id): (r.on_hand, r.value)
            for r in conn.execute(select(B.c.product_id, B.c.warehouse_id, B.c.on_hand, B.c.value))
        }
        names = {r.id: r.sku for r in conn.execute(select(P.c.id, P.c.sku))}
        codes = {r.id: r.code for r in conn.execute(select(W.c.id, W.c.code))}
        open_problems = open_amounts.check(conn)
        month_problems = months.check(conn)
        sales_problems = sales_costs.check(conn)
        return_problems = returned.stale_returns(conn)
        missing_values = conn.execute(
            select(func.count()).select_from(M.outerjoin(V, V.c.movement_id == M.c.id)).where(V.c.movement_id.is_(None))
        ).scalar()
    for key in sorted(set(ledger) | set(balances)):
        ledger_qty, ledger_value = ledger.get(key, (Decimal(0), Decimal(0)))
        bal_qty, bal_value = balances.get(key, (Decimal(0), Decimal(0)))
        sku, wh = names.get(key[0], key[0]), codes.get(key[1], key[1])
        if ledger_qty != bal_qty:
            problems.append(CheckProblem(sku, wh, "on_hand", ledger_qty, bal_qty))
        if ledger_value is None or ledger_value != bal_value:
            problems.append(CheckProblem(sku, wh, "value", ledger_value or Decimal(0), bal_value))
    if missing_values:
        problems.append(CheckProblem("*", "*", "movements without a valuation", Decimal(missing_values), Decimal(0)))
    for kind, warehouse, product, month, field, ledger_figure, kept in month_problems:
        sku = names.get(product, product) or "*"
        wh = codes.get(warehouse, warehouse) or "*"
        problems.append(CheckProblem(sku, wh, f"stock_months {month} {kind} {field}", Decimal(ledger_figure),
                                     Decimal(kept)))
    for number, line_no, product, ledger_cost, kept in sales_problems:
        problems.append(CheckProblem(names.get(product, product), "*", f"sales line {number}/{line_no} cost",
                                     ledger_cost, kept))
    for x in return_problems:
        problems.append(CheckProblem(x.sku, x.warehouse, f"customer return {x.number} value", x.ledger_value, x.value))
    return problems + open_problems


def _any_merged(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(merged.merged(conn))


def _opening_stock():
    """Whether a movement is imported opening stock, in SQL: ``domain.reports.model.is_opening_stock`` on the
    reference a list shows (``ref_of``), so what the list filters as opening stock is what it names so."""
    ref = ref_of(M)
    return and_(M.c.kind == OPENING_KIND, M.c.source_type == OPENING_SOURCE,
                or_(*(ref.startswith(prefix, autoescape=True) for prefix in OPENING_REFS)))


def shown_kind_is(kind: str):
    """The movements a list shows as ``kind`` (``domain.reports.model.shown_kind``): ``OPENING_STOCK`` is the
    imported opening stock, and a receipt is any other receipt (opening stock is not listed twice)."""
    if kind == OPENING_STOCK:
        return _opening_stock()
    if kind == OPENING_KIND:
        return and_(M.c.kind == kind, not_(_opening_stock()))
    return M.c.kind == kind


def latest_movements(
    engine: Engine, product: str | None = None, warehouse: str | None = None, kind: str | None = None,
    since: datetime | None = None, until: datetime | None = None, limit: int = 5000, product_ids: Sequence[str] = (),
) -> list[MovementRow]:
    """The ledger newest first, at most ``limit`` rows; ``product`` is a SKU, a barcode or part of a name, and
    ``product_ids`` the products it matched otherwise (the pinyin of a name, found by the screen); ``kind`` is a
    kind as the list shows it (``shown_kind_is``: opening stock, or a receipt that is not)."""
    query = (
        _movement_rows(_any_merged(engine))
        .order_by(M.c.occurred_at.desc(), M.c.id.desc())
        .limit(limit)
    )
    if product:
        by_barcode = select(t.barcodes.c.product_id).where(t.barcodes.c.barcode == product)
        query = query.where(or_(P.c.sku == product, P.c.id.in_(by_barcode),
                                P.c.name.contains(product, autoescape=True), P.c.id.in_(list(product_ids))))
    if warehouse:
        query = query.where(W.c.code == warehouse)
    if kind:
        query = query.where(shown_kind_is(kind))
    if since:
        query = query.where(M.c.occurred_at >= since)
    if until:
        query = query.where(M.c.occurred_at < until)
    with engine.connect() as conn:
        return [MovementRow(*row) for row in conn.execute(query)]


# -- the whole stock table for the desktop screens ----------------------------------------
# The same rows as stock(), read with plain SQL and converted here: on 100,000
# rows the per-value TypeDecorator calls cost seconds. ``limit`` gives the first rows at once
# (a screen shows them while the rest loads): CROSS JOIN keeps SQLite walking products in SKU
# order through the SKU index instead of sorting every balance first.

def stock_table(engine: Engine, limit: int | None = None) -> list[StockRow]:
    """Balances as ``StockRow``, ordered by SKU and warehouse code (what ``stock()`` returns)."""
    sql = (
        "SELECT p.id, p.sku, p.name, p.category, p.unit, w.code, b.on_hand, b.avg_cost, b.value, b.reserved,"
        " b.on_order, p.min_level FROM products p CROSS JOIN balances b ON b.product_id = p.id"
        " JOIN warehouses w ON w.id = b.warehouse_id ORDER BY p.sku, w.code"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    q, m, c = t.QTY, t.MONEY, t.COST
    new = StockRow
    with engine.connect() as conn:
        return [new(pid, sku, name, cat, unit, wh, Decimal(oh).scaleb(-q), Decimal(avg).scaleb(-c),
                    Decimal(val).scaleb(-m), Decimal(res).scaleb(-q), Decimal(oo).scaleb(-q), dec(low, q))
                for pid, sku, name, cat, unit, wh, oh, avg, val, res, oo, low in conn.exec_driver_sql(sql)]
