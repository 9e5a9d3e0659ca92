"""The read side of sales: orders with their lines and figures, availability to promise, the backorder inputs.

Figures (revenue, cost, margin) sum the sales lines of documents that are not reversed: a reversed sale or return
keeps its sales lines, which count as zero here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from domain.sales.atp import Availability
from domain.sales.atp import combine
from domain.sales.model import open_quantity
from domain.sales.model import revenue as revenue_of
from domain.sales.model import tax_of
from domain.sales.posted import PostedSaleRow
from domain.sales.rows import SoLineRow
from domain.sales.rows import SoRow
from persistence import tables as t
from persistence.sales.orders import incoming_rows
from persistence.sales.orders import stock_rows
from persistence.stock.documents import document_list

SO, LINES, SL, DOC = t.sales_orders, t.sales_order_lines, t.sales_lines, t.documents
ZERO = Decimal(0)


def sales_orders(engine: Engine, ref: str | None = None, state: str | tuple[str, ...] | None = None,
                 customer: str | None = None, places: int = 2) -> list[SoRow]:
    """Orders in number order, with their lines and what each line shipped, earned and cost.

    Args:
        ref: an order number (or id): at most one row.
        state: one state or several.
        customer: a customer code.
        places: the company's money places.
    """
    C, W, P = t.customers, t.warehouses, t.products
    query = (select(SO.c.id, SO.c.number, C.c.code, C.c.name, W.c.code.label("warehouse"), SO.c.state,
                    SO.c.created_at, SO.c.confirmed_at, SO.c.requested_on, SO.c.reference, SO.c.reason, SO.c.currency)
             .select_from(SO.join(C, C.c.id == SO.c.customer_id).join(W, W.c.id == SO.c.warehouse_id))
             .order_by(SO.c.year, SO.c.seq))
    if ref:
        query = query.where((SO.c.number == ref.strip().upper()) | (SO.c.id == ref.strip()))
    if state:
        query = query.where(SO.c.state.in_([state] if isinstance(state, str) else list(state)))
    if customer:
        query = query.where(C.c.code == customer)
    LW = W.alias("lw")
    with engine.connect() as conn:
        heads = conn.execute(query).all()
        ids = [h.id for h in heads]
        line_query = (
            select(LINES, P.c.sku, P.c.name, P.c.unit, LW.c.code.label("lwh"))
            .select_from(LINES.join(P, P.c.id == LINES.c.product_id).join(SO, SO.c.id == LINES.c.so_id)
                         .join(LW, LW.c.id == func.coalesce(LINES.c.warehouse_id, SO.c.warehouse_id)))
            .order_by(LINES.c.so_id, LINES.c.line_no))
        money_query = (
            select(SL.c.order_line_id, func.sum(SL.c.revenue), func.sum(SL.c.cost), func.sum(SL.c.margin))
            .join(DOC, DOC.c.id == SL.c.document_id)
            .where(DOC.c.reversed.is_(False), SL.c.order_line_id.is_not(None))
            .group_by(SL.c.order_line_id))
        if ref or state or customer:
            line_query = line_query.where(LINES.c.so_id.in_(ids))
            money_query = money_query.where(SL.c.order_line_id.in_(
                select(LINES.c.id).where(LINES.c.so_id.in_(ids))))
        money = {r[0]: (Decimal(r[1]), Decimal(r[2]), Decimal(r[3])) for r in conn.execute(money_query)}
        lines: dict[str, list[SoLineRow]] = {}
        for x in conn.execute(line_query):
            revenue, cost, margin = money.get(x.id, (ZERO, ZERO, ZERO))
            lines.setdefault(x.so_id, []).append(SoLineRow(
                x.line_no, x.sku, x.name, x.unit, x.lwh, x.qty, x.shipped, x.cancelled,
                open_quantity(x.qty, x.shipped, x.cancelled), x.returned, x.unit_price, x.discount, x.tax_rate,
                revenue_of(x.qty, x.unit_price, x.discount, places), revenue, cost, margin, x.override_user,
                x.price_source))
    out = []
    for h in heads:
        rows = tuple(lines.get(h.id, ()))
        subtotal = sum((r.amount for r in rows), ZERO)
        tax = sum((tax_of(r.amount, r.tax_rate, places) for r in rows), ZERO)
        out.append(SoRow(h.id, h.number, h.code, h.name, h.warehouse, h.state, h.created_at, h.confirmed_at,
                         h.requested_on, h.reference, h.reason, h.currency, subtotal, tax, subtotal + tax, rows))
    return out


def posted_sales(engine: Engine, limit: int = 1000) -> list[PostedSaleRow]:
    """The posted sales and customer returns, newest first, each with its customer's name and its amount and tax
    (the sums of its sales lines; a reversed document keeps what it was posted for)."""
    rows = document_list(engine, kind="sale", limit=limit) + document_list(engine, kind="customer_return", limit=limit)
    rows = sorted(rows, key=lambda x: (x.posted_at, x.number), reverse=True)[:limit]
    ids = [r.id for r in rows]
    C = t.customers
    with engine.connect() as conn:
        money: dict[str, tuple[Decimal, Decimal]] = {}
        for start in range(0, len(ids), 500):
            for doc_id, revenue, tax in conn.execute(
                    select(SL.c.document_id, func.sum(SL.c.revenue), func.sum(SL.c.tax))
                    .where(SL.c.document_id.in_(ids[start:start + 500])).group_by(SL.c.document_id)):
                money[doc_id] = (Decimal(revenue or 0), Decimal(tax or 0))
        codes = sorted({r.partner for r in rows if r.partner})
        names = {code: name for code, name in conn.execute(select(C.c.code, C.c.name).where(C.c.code.in_(codes)))}
    out = []
    for r in rows:
        amount, tax = money.get(r.id, (ZERO, ZERO))
        out.append(PostedSaleRow(**{f.name: getattr(r, f.name) for f in fields(r)},
                                 customer_name=names.get(r.partner, ""), amount=amount, tax=tax))
    return out


def product_ids(engine: Engine, codes: Iterable[str]) -> dict[str, str]:
    """The product id of each code that is a SKU or a barcode (codes that name nothing are left out)."""
    P, B = t.products, t.barcodes
    wanted = list(dict.fromkeys(codes))
    found: dict[str, str] = {}
    with engine.connect() as conn:
        for code, pid in conn.execute(select(P.c.sku, P.c.id).where(P.c.sku.in_(wanted))):
            found[code] = pid
        rest = [c for c in wanted if c not in found]
        if rest:
            for code, pid in conn.execute(select(B.c.barcode, B.c.product_id).where(B.c.barcode.in_(rest))):
                found[code] = pid
    return found


def availability(engine: Engine, product_ids: Iterable[str]) -> dict[tuple[str, str], Availability]:
    """ATP per (product id, warehouse id) of many products at once (``domain.sales.atp``): two queries per chunk."""
    ids = list(product_ids)
    with engine.connect() as conn:
        return combine(stock_rows(conn, ids), incoming_rows(conn, ids))

