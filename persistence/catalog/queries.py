"""Read-side queries of the catalog returning immutable rows (``domain.stock.readmodels``,
``domain.catalog.model``); no domain logic here."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import select

from domain.catalog.model import Customer
from domain.catalog.model import Supplier
from domain.catalog.model import Warehouse
from domain.stock.readmodels import ProductRow
from persistence import office
from persistence import tables as t
from persistence.reads import dec
from persistence.stock import merged

P, W = t.products, t.warehouses


def products(engine: Engine) -> list[ProductRow]:
    with engine.connect() as conn:
        codes: dict[str, list[str]] = {}
        for barcode, product_id in conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)):
            codes.setdefault(product_id, []).append(barcode)
        query = select(P.c.id, P.c.sku, P.c.name, P.c.unit, P.c.category, P.c.pack_size, P.c.active,
                       P.c.min_level, P.c.max_level, P.c.whole_units).order_by(P.c.sku)
        if merged.any_kept(conn, "products"):  # a product merged away by a sync, kept for its movements: not listed
            query = query.where(merged.hidden(P))
        rows = conn.execute(query)
        return [ProductRow(r.id, r.sku, r.name, r.unit, r.category, r.pack_size, r.active,
                           tuple(codes.get(r.id, ())), r.min_level, r.max_level, r.whole_units) for r in rows]


def warehouses(engine: Engine) -> list[Warehouse]:
    with engine.connect() as conn:
        query = select(W).order_by(W.c.code)
        if merged.any_kept(conn, "warehouses"):
            query = query.where(merged.hidden(W))
        rows = conn.execute(query)
        return [Warehouse(r.id, r.code, r.name, r.allow_negative, r.address, r.device_id, r.version) for r in rows]


def categories(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(P.c.category).distinct().where(P.c.category != "").order_by(P.c.category))
                    .scalars())


def suppliers(engine: Engine) -> list[Supplier]:
    S = t.suppliers
    with engine.connect() as conn:
        return [Supplier(r.id, r.code, r.name, r.contact, r.currency, r.lead_time_days, r.address, r.device_id,
                         r.version) for r in conn.execute(select(S).order_by(S.c.code))]


def customers(engine: Engine) -> list[Customer]:
    C = t.customers
    with engine.connect() as conn:
        return [Customer(r.id, r.code, r.name, r.contact, r.device_id, r.version)
                for r in conn.execute(select(C).order_by(C.c.code))]


def setting(engine: Engine, key: str) -> str | None:
    """A setting as stored: the office's (``persistence.office``) or this desk's own."""
    with engine.connect() as conn:
        if key in office.KEYS:
            return office.get(conn, key)
        return conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).scalar()


# -- the whole table for the desktop screens ----------------------------------------------
# The same rows as products(), read with plain SQL and converted here (see stock_table in
# persistence.stock.queries): on 100,000 rows the per-value TypeDecorator calls cost seconds.
# ``limit`` gives the first rows at once (a screen shows them while the rest loads).

def product_table(engine: Engine, limit: int | None = None) -> list[ProductRow]:
    """Products as ``ProductRow``, ordered by SKU (what ``products()`` returns)."""
    sql = ("SELECT id, sku, name, unit, category, pack_size, active, min_level, max_level, whole_units FROM products{} "
           "ORDER BY sku")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    q = t.QTY
    with engine.connect() as conn:
        kept = merged.any_kept(conn, "products")  # merged away by a sync, kept for its movements: not listed
        rows = conn.exec_driver_sql(sql.format(" WHERE " + merged.HIDDEN_SQL.format(table="products")
                                               if kept else "")).all()
        codes: dict[str, list[str]] = {}
        if limit is None:
            found = conn.exec_driver_sql("SELECT barcode, product_id FROM barcodes ORDER BY barcode")
        else:
            ids = [r[0] for r in rows]
            found = conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)
                                 .where(t.barcodes.c.product_id.in_(ids)).order_by(t.barcodes.c.barcode))
        for barcode, product_id in found:
            codes.setdefault(product_id, []).append(barcode)
        return [ProductRow(pid, sku, name, unit, cat, Decimal(pack).scaleb(-q), bool(active),
                           tuple(codes.get(pid, ())), dec(low, q), dec(high, q), bool(whole))
                for pid, sku, name, unit, cat, pack, active, low, high, whole in rows]
