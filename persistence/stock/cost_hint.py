"""The facts behind a free receipt's suggested unit cost (``domain.stock.cost_hint``): each product's purchases, newest
first, with the supplier of each, and its moving average cost per warehouse."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from domain.stock.cost_hint import NOT_PURCHASES
from domain.stock.cost_hint import CostSuggestion
from domain.stock.cost_hint import PriceSeen
from domain.stock.cost_hint import suggest
from persistence import tables as t
from persistence.stock.refs import ref_of

P, W, B, M, DOC = t.products, t.warehouses, t.balances, t.movements, t.documents
PO, S = t.purchase_orders, t.suppliers


def cost_suggestions(engine: Engine, skus: Iterable[str], supplier: str = "",
                     warehouse: str = "") -> dict[str, CostSuggestion]:
    """The suggested unit cost of each SKU received into ``warehouse`` (a code) from ``supplier`` (a code; "" when
    none is chosen); a SKU with nothing to suggest, or naming no product, is left out."""
    wanted = list(dict.fromkeys(sku for sku in skus if sku))
    if not wanted:
        return {}
    reversal = M.alias("reversal")
    ref = ref_of(M)
    purchases = (
        select(P.c.sku, M.c.unit_cost, M.c.occurred_at, ref.label("ref"),
               func.coalesce(S.c.code, DOC.c.partner, "").label("supplier"))
        .select_from(
            M.join(P, P.c.id == M.c.product_id)
            .outerjoin(DOC, (M.c.source_type == "receipt") & (DOC.c.kind == "receipt") & (DOC.c.number == ref))
            .outerjoin(PO, (M.c.source_type == "po") & (PO.c.number == ref))
            .outerjoin(S, S.c.id == PO.c.supplier_id))
        .where(P.c.sku.in_(wanted), M.c.kind == "receipt", M.c.unit_cost.is_not(None),
               M.c.source_type.not_in(NOT_PURCHASES),
               ~select(reversal.c.id).where(reversal.c.reverses_id == M.c.id).exists())
        .order_by(M.c.occurred_at.desc(), M.c.id.desc())
    )
    averages = (
        select(P.c.sku, W.c.code, B.c.on_hand, B.c.avg_cost)
        .select_from(B.join(P, P.c.id == B.c.product_id).join(W, W.c.id == B.c.warehouse_id))
        .where(P.c.sku.in_(wanted), B.c.avg_cost > 0)
        .order_by(B.c.on_hand.desc(), W.c.code)
    )
    newest: dict[str, PriceSeen] = {}
    from_supplier: dict[str, PriceSeen] = {}
    average = {}
    with engine.connect() as conn:
        for row in conn.execute(purchases):  # newest first: the first of each SKU (and supplier) is its last
            seen = PriceSeen(row.unit_cost, row.occurred_at.astimezone().date(), row.supplier, row.ref)
            newest.setdefault(row.sku, seen)
            if supplier and row.supplier.upper() == supplier.upper():
                from_supplier.setdefault(row.sku, seen)
        for row in conn.execute(averages):  # the receiving warehouse's, else the one holding most
            if row.sku not in average or row.code == warehouse:
                average[row.sku] = row.avg_cost
    out = {}
    for sku in wanted:
        found = suggest(from_supplier.get(sku), newest.get(sku), average.get(sku))
        if found is not None:
            out[sku] = found
    return out
