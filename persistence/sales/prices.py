"""List prices, product tax rates and substitutes, customer terms and prices on SQLAlchemy Core (``uow.prices``).

Each record is replaced whole (delete, then insert) with its version one higher, as the purchasing details are,
so a sync sees a changed row as a new version of the same key.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select

from domain.purchasing.model import PurchasingPolicy
from domain.sales.prices import CustomerTerms
from persistence import office
from persistence import tables as t
from persistence.purchasing.orders import PurchasingRepository

LEVEL_NAME_KEY = "price_level_name_"  # + level3..level5: the names the office gave the extra levels


class PriceRepository:
    def __init__(self, conn: Connection, purchasing: PurchasingRepository | None = None) -> None:
        self.conn = conn
        self._purchasing = purchasing

    # list prices

    def list_prices(self, product_id: str) -> dict[str, Decimal]:
        c = t.product_prices.c
        return dict(self.conn.execute(select(c.level, c.price).where(c.product_id == product_id)).all())

    def set_list_price(self, product_id: str, level: str, price: Decimal | None) -> None:
        table = t.product_prices
        self._replace(table, {"product_id": product_id, "level": level}, None if price is None else {"price": price})

    # a product's tax rate and substitutes

    def product_tax_rate(self, product_id: str) -> Decimal | None:
        c = t.product_sales.c
        return self.conn.execute(select(c.tax_rate).where(c.product_id == product_id)).scalar()

    def set_product_tax_rate(self, product_id: str, rate: Decimal | None) -> None:
        self._replace(t.product_sales, {"product_id": product_id}, None if rate is None else {"tax_rate": rate})

    def company_tax_rate(self) -> Decimal:
        if self._purchasing is None:
            self._purchasing = PurchasingRepository(self.conn)
        policy: PurchasingPolicy = self._purchasing.policy()
        return policy.tax_rate

    def substitutes(self, product_id: str) -> list[str]:
        c = t.product_substitutes.c
        return list(self.conn.execute(select(c.substitute_id).where(c.product_id == product_id)
                                      .order_by(c.rank, c.substitute_id)).scalars())

    def set_substitutes(self, product_id: str, substitute_ids: list[str]) -> None:
        table = t.product_substitutes
        c = table.c
        old = dict(self.conn.execute(select(c.substitute_id, c.version).where(c.product_id == product_id)).all())
        self.conn.execute(table.delete().where(c.product_id == product_id))
        if substitute_ids:
            self.conn.execute(insert(table), [
                {"product_id": product_id, "substitute_id": sid, "rank": rank, "version": old.get(sid, 0) + 1}
                for rank, sid in enumerate(substitute_ids, start=1)])

    # customers

    def customer_price(self, customer_id: str, product_id: str) -> Decimal | None:
        c = t.customer_prices.c
        return self.conn.execute(select(c.price).where(c.customer_id == customer_id,
                                                       c.product_id == product_id)).scalar()

    def customer_prices(self, customer_id: str) -> dict[str, Decimal]:
        c = t.customer_prices.c
        return dict(self.conn.execute(select(c.product_id, c.price).where(c.customer_id == customer_id)).all())

    def set_customer_price(self, customer_id: str, product_id: str, price: Decimal | None) -> None:
        self._replace(t.customer_prices, {"customer_id": customer_id, "product_id": product_id},
                      None if price is None else {"price": price})

    def terms(self, customer_id: str) -> CustomerTerms | None:
        c = t.customer_profiles.c
        r = self.conn.execute(select(t.customer_profiles).where(c.customer_id == customer_id)).first()
        if r is None:
            return None
        return CustomerTerms(r.customer_id, r.price_level, r.discount, r.payment_terms, r.payment_days,
                             r.credit_limit, r.payment_basis or "net", r.phone, r.email, r.address, r.version)

    def set_terms(self, terms: CustomerTerms) -> None:
        self._replace(t.customer_profiles, {"customer_id": terms.customer_id}, {
            "price_level": terms.price_level, "discount": terms.discount, "payment_terms": terms.payment_terms,
            "payment_days": terms.payment_days, "payment_basis": terms.payment_basis,
            "credit_limit": terms.credit_limit, "phone": terms.phone,
            "email": terms.email, "address": terms.address})

    def last_price(self, customer_id: str, product_id: str) -> Decimal | None:
        s, d = t.sales_lines.c, t.documents.c
        query = (select(s.unit_price).join_from(t.sales_lines, t.documents, s.document_id == d.id)
                 .where(s.customer_id == customer_id, s.product_id == product_id, d.reversed.is_(False))
                 .order_by(s.occurred_at.desc(), d.posted_at.desc(), s.line_no.desc()).limit(1))
        return self.conn.execute(query).scalar()

    # the extra levels' names

    def level_names(self) -> dict[str, str]:
        rows = office.read(self.conn, office.LEVEL_NAMES).items()
        return {key[len(LEVEL_NAME_KEY):]: value for key, value in rows if value}

    def set_level_name(self, level: str, name: str) -> None:
        office.write(self.conn, {LEVEL_NAME_KEY + level: name or None})

    def level_use(self, level: str) -> tuple[int, int]:
        prices = select(func.count()).select_from(t.product_prices).where(t.product_prices.c.level == level)
        customers = (select(func.count()).select_from(t.customer_profiles)
                     .where(t.customer_profiles.c.price_level == level))
        return self.conn.execute(prices).scalar_one(), self.conn.execute(customers).scalar_one()

    def _replace(self, table, key: dict, values: dict | None) -> None:
        """Replace the row of ``key`` with ``values`` (its version one higher), or with None delete it."""
        where = [table.c[k] == v for k, v in key.items()]
        old = self.conn.execute(select(table.c.version).where(*where)).scalar()
        self.conn.execute(table.delete().where(*where))
        if values is not None:
            self.conn.execute(insert(table).values(**key, **values, version=(old or 0) + 1))
