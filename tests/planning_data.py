"""The small planning ledgers of the planning tests, built with the use cases.

Planning day Wednesday 2026-06-03 over 20 complete weeks of history, Monday 2026-01-12 to Sunday
2026-05-31 (``FIRST`` is day 0). ``business`` writes the master data and the opening stock, then posts
each day's commands in one transaction (``ledger.post_many``, the same checks as one use case each).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from collections.abc import Iterable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database

TODAY = date(2026, 6, 3)
FIRST = date(2026, 1, 12)
WEEKS = 20
DAYS = 7 * WEEKS


def at(day: int, hour: int = 10) -> datetime:
    """An instant on day ``day`` of the history (0 = ``FIRST``, negative before it)."""
    d = FIRST + timedelta(days=day)
    return datetime(d.year, d.month, d.day, hour, tzinfo=UTC)


def business(
    path: Path,
    *,
    suppliers: dict[str, int],
    products: dict[str, str],
    opening: dict[tuple[str, str], int],
    daily: Callable[[int], Iterable[object]],
    categories: dict[str, str] | None = None,
    order_cost: str = "0",
) -> Path:
    """A database at ``path``: warehouses MAIN and WEST, ``suppliers`` {code: lead days}, ``products``
    {SKU: preferred supplier} at 2.50 in multiples of 12, ``opening`` {(SKU, warehouse): qty} received a
    week before day 0, then the ledger commands ``daily(day)`` gives for every day of the history.

    The order cost per purchase-order line is ``order_cost``, 0 (off) unless said: the tests on these databases count
    orders of about a review period's demand; the default's economic lots are tested on their own
    (tests/unit/planning/test_order_cost.py)."""
    from domain.planning.settings import SetOrderCost
    from domain.planning.settings import set_order_cost

    db = open_database(path)
    u = db.uow
    set_order_cost(u(), SetOrderCost(order_cost))
    catalog.add_warehouse(u(), cc.AddWarehouse("MAIN", "Main"))
    catalog.add_warehouse(u(), cc.AddWarehouse("WEST", "West"))
    for code, lead in suppliers.items():
        catalog.add_supplier(u(), cc.AddSupplier(code, f"{code} Trading", lead_time_days=lead))
    for sku, supplier in products.items():
        category = (categories or {}).get(sku, "")
        catalog.add_product(u(), cc.AddProduct(sku, sku.title(), category=category))
        purchasing_terms.save_terms(u(), pc.SaveTerms(supplier, sku, "2.50", order_multiple="12", preferred=True))
    commands: list[object] = [c.ReceiveStock(sku, str(qty), wh, "2", occurred_at=at(-7))
                              for (sku, wh), qty in opening.items()]
    for day in range(DAYS):
        commands.extend(daily(day))
    ledger.post_many(u(), commands)
    db.close()
    return path


def copy_of(template: Path, folder: Path, name: str = "planning.sqlite3"):
    """An open database on a fresh copy of ``template``."""
    path = folder / name
    shutil.copy(template, path)
    return open_database(path)


def ship(sku: str, qty: int, warehouse: str, day: int, hour: int = 10) -> c.ShipStock:
    return c.ShipStock(sku, str(qty), warehouse, occurred_at=at(day, hour))
