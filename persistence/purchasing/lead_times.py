"""The lead times suppliers have shown: days from each issued PO to its first receipt of each product.

Planning reads them all (``persistence.planning.queries``) and issuing a PO reads one supplier's
(``PurchasingRepository.lead_times``): both through this one query, so both learn the same.
"""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import type_coerce

from persistence import tables as t
from persistence.stock.merged import product_of
from persistence.stock.refs import ref_of

_DAY = 86_400_000_000


def observed_lead_times(conn, end_micros: int, supplier_id: str | None = None) -> dict[tuple[str, str], list[float]]:
    """Per (supplier id, product id), the days from each issued PO to its first receipt of the product (reversed
    receipts left out) before ``end_micros``; of one supplier when ``supplier_id`` says which."""
    M, PO = t.movements, t.purchase_orders
    R = M.alias("reversal")
    first = func.min(_raw(M.c.occurred_at))
    query = (
        select(PO.c.supplier_id, product_of(M).label("product_id"), _raw(PO.c.issued_at), first)
        .select_from(M).join(PO, ref_of(M) == func.coalesce(PO.c.number, PO.c.id))  # what a PO receipt refers to
        .outerjoin(R, R.c.reverses_id == M.c.id)
        .where(M.c.source_type == "po", M.c.kind == "receipt", R.c.id.is_(None), PO.c.issued_at.is_not(None),
               _raw(M.c.occurred_at) < end_micros)
        .group_by(PO.c.id, PO.c.supplier_id, product_of(M), PO.c.issued_at)
    )
    if supplier_id is not None:
        query = query.where(PO.c.supplier_id == supplier_id)
    out: dict[tuple[str, str], list[float]] = {}
    for supplier, product_id, issued, received in conn.execute(query):
        if received >= issued:
            out.setdefault((supplier, product_id), []).append((received - issued) / _DAY)
    return out


def _raw(column):
    """The stored integer of an instant column, without the per-row datetime conversion."""
    return type_coerce(column, BigInteger)
