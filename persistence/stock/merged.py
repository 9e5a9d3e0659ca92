"""A movement's product and warehouse as they read now.

A movement names the product and warehouse it was posted to and is never changed. When a sync merges a product or
warehouse of this desk into the hub's (the same SKU or warehouse code made offline on two desks,
``persistence/sync/local.py`` ``apply_alias``), the merged-away record is kept (hidden from lists, its SKU or code
set aside, so no one posts to it) and the merge is recorded in ``sync_aliases`` (table, old id → survivor's id,
written by this desk with device ''), followed to the last survivor when that is merged again. The movements
written under the old id stay as they are; every reader that groups, sums or replays movements by product or
warehouse reads them through the mapping here: the balances check, the recompute after a pull, the ledger's
back-dated replay, the movements list, the planning history. The push sends them under the survivor's id (the
hub holds the same alias), so the hub and the other desks only ever see that.

Nothing changes for a file without such a merge: ``merged`` answers empty and the readers use the columns as
they are (their indexes too).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import select

from persistence import tables as t

_A = t.sync_aliases
TABLES = {"products": "product_id", "warehouses": "warehouse_id"}  # the merged records that movements name
KEPT_PREFIX = "~"  # the SKU or code a kept merged-away record holds instead of its own (the survivor has that)


def _kept(table: str):
    """The aliases of ``table`` whose old record is kept here for its movements."""
    target = getattr(t, table)
    return and_(_A.c.tbl == table, _A.c.device_id == "", exists().where(target.c.id == _A.c.old_key))


def merged(conn: Connection) -> dict[str, dict[str, str]]:
    """{table: {merged-away id: survivor's id}} for products and warehouses kept here for their movements."""
    result: dict[str, dict[str, str]] = {}
    for table in TABLES:
        rows = conn.execute(select(_A.c.old_key, _A.c.new_key).where(_kept(table))).all()
        if rows:
            result[table] = dict(rows)
    return result


def any_kept(conn: Connection, table: str) -> bool:
    """Whether ``table`` (products or warehouses) holds a record merged away and kept (a reader of a long list
    adds ``hidden`` only then)."""
    return conn.execute(select(_A.c.old_key).where(_kept(table)).limit(1)).first() is not None


def ids_of(mapping: dict[str, str], survivor: str) -> list[str]:
    """The survivor's id and every id merged into it."""
    return [survivor, *(old for old, new in mapping.items() if new == survivor)]


def pair_of(maps: dict[str, dict[str, str]], product_id: str, warehouse_id: str) -> tuple[str, str]:
    """A movement's (product id, warehouse id) as it reads now, through ``merged``'s answer."""
    return (maps.get("products", {}).get(product_id, product_id),
            maps.get("warehouses", {}).get(warehouse_id, warehouse_id))


def product_of(movements=t.movements, *, mapped: bool = True):
    """The product of each row of ``movements`` (the table or an alias of it) as it reads now: the survivor's id
    of a merged-away product, else the one it was written with. ``mapped`` False: the column itself (a reader
    that knows there is no merge, see ``merged``, keeps its index)."""
    return _of(movements, "products", mapped)


def warehouse_of(movements=t.movements, *, mapped: bool = True):
    """The warehouse of each row of ``movements`` as it reads now (see ``product_of``)."""
    return _of(movements, "warehouses", mapped)


def _of(movements, table: str, mapped: bool):
    column = movements.c[TABLES[table]]
    if not mapped:
        return column
    survivor = select(_A.c.new_key).where(_A.c.tbl == table, _A.c.device_id == "",
                                          _A.c.old_key == column).scalar_subquery()
    return func.coalesce(survivor, column)


# ``hidden`` as SQL text over ``{table}`` (products or warehouses, not aliased)
HIDDEN_SQL = ("NOT EXISTS (SELECT 1 FROM sync_aliases a WHERE a.tbl = '{table}' AND a.device_id = '' "
              "AND a.old_key = {table}.id)")


def hidden(table):
    """A condition on ``table`` (products or warehouses) that leaves out the records merged away and kept."""
    return ~exists().where(_A.c.tbl == table.name, _A.c.device_id == "", _A.c.old_key == table.c.id)
