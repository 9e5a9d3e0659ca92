"""What two devices must agree on after a sync: the ledger, its values, balances and records."""

from __future__ import annotations

from sqlalchemy import select

from persistence import tables as t
from persistence.stock.merged import hidden
from persistence.stock.merged import product_of
from persistence.stock.merged import warehouse_of
from persistence.stock.refs import ref_of


def snapshot(db) -> dict:
    """The comparable state of a device, keyed by business keys and global ids: a movement under the product and
    warehouse a merge left it with, the records merged away and kept for their movements left out, as the lists
    leave them out."""
    M, V, B, P, W = t.movements, t.movement_values, t.balances, t.products, t.warehouses
    with db.engine.connect() as conn:
        sku = dict(conn.execute(select(P.c.id, P.c.sku)).all())
        code = dict(conn.execute(select(W.c.id, W.c.code)).all())
        ledger = [
            (r.id, r.kind, sku[r.product_id], code[r.warehouse_id], r.qty, r.occurred_at, r.source_ref, r.value,
             r.on_hand_after, r.value_after, r.avg_after)
            for r in conn.execute(select(M.c.id, M.c.kind, product_of(M).label("product_id"),
                                         warehouse_of(M).label("warehouse_id"), M.c.qty, M.c.occurred_at,
                                         ref_of(M).label("source_ref"), V.c.value, V.c.on_hand_after, V.c.value_after,
                                         V.c.avg_after)
                                  .select_from(M.outerjoin(V, V.c.movement_id == M.c.id)).order_by(M.c.id))
        ]
        balances = sorted((sku[r.product_id], code[r.warehouse_id], r.on_hand, r.value)
                          for r in conn.execute(select(B)) if r.on_hand != 0 or r.value != 0)
        products = sorted((r.id, r.sku, r.name, r.category, r.version)
                          for r in conn.execute(select(P).where(hidden(P))))
        barcodes = sorted((r.barcode, sku[r.product_id]) for r in conn.execute(select(t.barcodes)))
        warehouses = sorted((r.id, r.code, r.name) for r in conn.execute(select(W).where(hidden(W))))
        conflicts = sorted(r.id for r in conn.execute(select(t.sync_conflicts)))
        documents = sorted((r.id, r.number) for r in conn.execute(select(t.documents)))
    return {"ledger": ledger, "balances": balances, "products": products, "barcodes": barcodes,
            "warehouses": warehouses, "conflicts": conflicts, "documents": documents}


APPEND_ONLY = "movements are append-only"
# What a sync may still change on a movement: nothing (a product or warehouse merged into the hub's is recorded
# beside the movements, persistence/stock/merged.py; the name stays for the tests that guard with it).
STILL_REWRITTEN: frozenset[str] = frozenset()


def guard(db, *, allow: set[str] = frozenset()) -> None:
    """Make the desk's file itself refuse to delete a movement or change any of its columns but ``allow``; the
    changes to those are logged in ``movement_changes`` (movement id, column) for ``rewritten``."""
    columns = [c.name for c in t.movements.columns]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns if c not in allow)
    log = "; ".join(f"INSERT INTO movement_changes SELECT OLD.id, '{c}' WHERE OLD.\"{c}\" IS NOT NEW.\"{c}\""
                    for c in sorted(allow))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS movement_changes (movement_id TEXT, col TEXT)")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS movements_no_delete BEFORE DELETE ON movements "
                             f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS movements_no_update BEFORE UPDATE ON movements "
                             f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}') WHERE {changed}; {log + ';' if log else ''} "
                             f"END")


def rewritten(db) -> set[tuple[str, str]]:
    """(movement id, column) of every change ``guard`` let through."""
    with db.engine.connect() as conn:
        return {tuple(row) for row in conn.exec_driver_sql("SELECT movement_id, col FROM movement_changes")}
