"""Customer returns whose value does not follow their sale's (``domain.sales.rows.StaleReturn``), and every sales
line's cost, for the repair (``domain.sales.recost``) and the check (``persistence.stock.queries.check``).

A return against a sale is valued at its share of the sale's value (``domain.stock.valuation.returned_unit_cost``),
which both replays apply (``persistence.sales.costs.return_shares``). A return posted before they did kept the cost
it was posted with when its sale was revalued later; ``stale_returns`` values each return by the rule against the
position the ledger stores just before it and lists those whose stored value differs.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import or_
from sqlalchemy import select

from domain.sales.rows import StaleReturn
from domain.stock import valuation
from domain.stock.model import Position
from persistence import tables as t
from persistence.reads import chunks
from persistence.sales.costs import return_shares
from persistence.stock.refs import ref_of

_M, _V, _D, _SL = t.movements, t.movement_values, t.documents, t.sales_lines


def stale_returns(conn: Connection, places: int | None = None) -> list[StaleReturn]:
    """Every customer return against a sale whose stored value is not its share of the sale's stored value;
    ``places``, the currency's decimals, as the database's settings say unless given."""
    if places is None:
        places = int(conn.execute(select(t.settings.c.value).where(t.settings.c.key == "money_places")).scalar()
                     or 2)
    rows = conn.execute(select(_M.c.id, ref_of().label("number"), _M.c.product_id, _M.c.warehouse_id,
                               _M.c.occurred_at, _M.c.qty, _V.c.value)
                        .join(_V, _V.c.movement_id == _M.c.id)
                        .where(_M.c.source_type == "customer_return", _M.c.kind == "receipt")).all()
    if not rows:
        return []
    shares = return_shares(conn, [r.id for r in rows])
    sales = {mid: value for chunk in chunks({s.sale_id for s in shares.values()}) for mid, value in conn.execute(
        select(_V.c.movement_id, _V.c.value).where(_V.c.movement_id.in_(chunk)))}
    skus = dict(conn.execute(select(t.products.c.id, t.products.c.sku)).all())
    codes = dict(conn.execute(select(t.warehouses.c.id, t.warehouses.c.code)).all())
    out = []
    for r in rows:
        share = shares.get(r.id)
        if share is None or share.sale_id not in sales:
            continue
        unit_cost = valuation.returned_unit_cost(sales[share.sale_id], share, r.qty, places)
        should = valuation.value(_position_before(conn, r), "receipt", r.qty, unit_cost, None, places).value
        if should != r.value:
            out.append(StaleReturn(r.id, r.number, skus.get(r.product_id, r.product_id), r.product_id,
                                   r.warehouse_id, codes.get(r.warehouse_id, r.warehouse_id), r.occurred_at, r.value,
                                   should))
    return sorted(out, key=lambda x: (x.occurred_at, x.movement_id))


def _position_before(conn: Connection, r) -> Position:
    """The stored position of the return's product × warehouse just before it, (occurred_at, id)."""
    found = conn.execute(
        select(_V.c.on_hand_after, _V.c.value_after, _V.c.avg_after).join(_M, _M.c.id == _V.c.movement_id)
        .where(_M.c.product_id == r.product_id, _M.c.warehouse_id == r.warehouse_id,
               or_(_M.c.occurred_at < r.occurred_at, and_(_M.c.occurred_at == r.occurred_at, _M.c.id < r.id)))
        .order_by(_M.c.occurred_at.desc(), _M.c.id.desc()).limit(1)).first()
    return Position() if found is None else Position(*found)


def line_costs(conn: Connection) -> dict[tuple[str, int], tuple[str, str, object, Decimal, Decimal]]:
    """Every posted sales line's (number, SKU, the document's time, revenue, cost), by (document id, line)."""
    query = (select(_SL.c.document_id, _SL.c.line_no, _D.c.number, t.products.c.sku, _D.c.occurred_at,
                    _SL.c.revenue, _SL.c.cost)
             .join(_D, _D.c.id == _SL.c.document_id).join(t.products, t.products.c.id == _SL.c.product_id))
    return {(r[0], r[1]): tuple(r[2:]) for r in conn.execute(query)}
