"""What two devices must agree on after a sync: the ledger, its values, balances and records."""

from __future__ import annotations

from sqlalchemy import select

from persistence import tables as t


def snapshot(db) -> dict:
    """The comparable state of a device, keyed by business keys and global ids."""
    M, V, B, P, W = t.movements, t.movement_values, t.balances, t.products, t.warehouses
    with db.engine.connect() as conn:
        sku = dict(conn.execute(select(P.c.id, P.c.sku)).all())
        code = dict(conn.execute(select(W.c.id, W.c.code)).all())
        ledger = [
            (r.id, r.kind, sku[r.product_id], code[r.warehouse_id], r.qty, r.occurred_at, r.source_ref, r.value,
             r.on_hand_after, r.value_after, r.avg_after)
            for r in conn.execute(select(M.c.id, M.c.kind, M.c.product_id, M.c.warehouse_id, M.c.qty, M.c.occurred_at,
                                         M.c.source_ref, V.c.value, V.c.on_hand_after, V.c.value_after, V.c.avg_after)
                                  .select_from(M.outerjoin(V, V.c.movement_id == M.c.id)).order_by(M.c.id))
        ]
        balances = sorted((sku[r.product_id], code[r.warehouse_id], r.on_hand, r.value)
                          for r in conn.execute(select(B)) if r.on_hand != 0 or r.value != 0)
        products = sorted((r.id, r.sku, r.name, r.category, r.version) for r in conn.execute(select(P)))
        barcodes = sorted((r.barcode, sku[r.product_id]) for r in conn.execute(select(t.barcodes)))
        warehouses = sorted((r.id, r.code, r.name) for r in conn.execute(select(W)))
        conflicts = sorted(r.id for r in conn.execute(select(t.sync_conflicts)))
        documents = sorted((r.id, r.number) for r in conn.execute(select(t.documents)))
    return {"ledger": ledger, "balances": balances, "products": products, "barcodes": barcodes,
            "warehouses": warehouses, "conflicts": conflicts, "documents": documents}
