"""What a month's close froze, for the reports (``domain.accounts.closing``): each product × warehouse's stock and
each partner's balance at the end of a closed month, as they were when it closed. A month never closed has none;
a month reopened keeps what its last close froze until it is closed again."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import select

from persistence import tables as t


@dataclass(frozen=True)
class FrozenStock:
    product_id: str
    sku: str
    warehouse_id: str
    warehouse: str
    qty: Decimal
    value: Decimal


@dataclass(frozen=True)
class FrozenBalance:
    side: str  # "AR" (a customer owes us) or "AP" (we owe a supplier)
    partner_id: str
    balance: Decimal


def frozen_stock(engine: Engine, month: str) -> list[FrozenStock]:
    """The stock ``month``'s close froze, by SKU and warehouse code."""
    S, P, W = t.period_stock, t.products, t.warehouses
    query = (select(S.c.product_id, P.c.sku, S.c.warehouse_id, W.c.code, S.c.qty, S.c.value)
             .join_from(S, P, P.c.id == S.c.product_id).join(W, W.c.id == S.c.warehouse_id)
             .where(S.c.month == month).order_by(P.c.sku, W.c.code))
    with engine.connect() as conn:
        return [FrozenStock(*row) for row in conn.execute(query)]


def frozen_balances(engine: Engine, month: str) -> list[FrozenBalance]:
    """The partners' balances ``month``'s close froze, by side and partner."""
    B = t.period_balances
    query = (select(B.c.side, B.c.partner_id, B.c.balance).where(B.c.month == month)
             .order_by(B.c.side, B.c.partner_id))
    with engine.connect() as conn:
        return [FrozenBalance(*row) for row in conn.execute(query)]
