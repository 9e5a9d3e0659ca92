"""Reading and writing a product's own planning policy (``domain.planning.product``, table product_planning) and
the planning setting of what ABC ranks by (``persistence.planning.classes``)."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import insert
from sqlalchemy import select

from domain.planning.product import ProductPlanning
from persistence import office
from persistence import tables as t
from persistence.planning.classes import read_basis
from persistence.planning.classes import write_basis


class ProductPlanningRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, product_id: str) -> ProductPlanning | None:
        c = t.product_planning.c
        r = self.conn.execute(select(c.service_target, c.review_days).where(c.product_id == product_id)).first()
        return ProductPlanning(product_id, r.service_target, r.review_days) if r else None

    def put(self, planning: ProductPlanning) -> None:
        """Replace the product's row (its version one higher, so sync sees the change); empty: delete it."""
        table = t.product_planning
        where = table.c.product_id == planning.product_id
        old = self.conn.execute(select(table.c.version).where(where)).scalar()
        self.conn.execute(table.delete().where(where))
        if not planning.empty:
            self.conn.execute(insert(table).values(
                product_id=planning.product_id, service_target=planning.service_target,
                review_days=planning.review_days, version=(old or 0) + 1))

    def abc_basis(self) -> str:
        return read_basis(self.conn)

    def set_abc_basis(self, basis: str) -> None:
        write_basis(self.conn, basis)

    def setting(self, key: str) -> str | None:
        """An office-wide planning setting (``persistence.office``)."""
        return office.get(self.conn, key)

    def set_setting(self, key: str, value: str) -> None:
        office.write(self.conn, {key: value})


def read_all(conn: Connection) -> dict[str, ProductPlanning]:
    """Every product's overrides, by product id."""
    c = t.product_planning.c
    return {r.product_id: ProductPlanning(r.product_id, r.service_target, r.review_days)
            for r in conn.execute(select(c.product_id, c.service_target, c.review_days))}


def of_sku(engine: Engine, sku: str) -> ProductPlanning | None:
    """The overrides of the product with this SKU (empty when it has none); None when no product has the SKU."""
    P, c = t.products, t.product_planning.c
    with engine.connect() as conn:
        r = conn.execute(select(P.c.id, c.service_target, c.review_days)
                         .outerjoin(t.product_planning, c.product_id == P.c.id).where(P.c.sku == sku)).first()
    return ProductPlanning(r.id, r.service_target, r.review_days) if r else None
