"""Keeping ``balances.reserved`` equal to the open quantities of confirmed orders (``domain.sales.model.reserved``):
each use case adds the change of a line's open quantity, in its own transaction."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal


def change_reserved(uow, product_id: str, warehouse_id: str, delta: Decimal) -> None:
    """Add ``delta`` (signed) to the reserved quantity of a product × warehouse."""
    if delta == 0:
        return
    balance = uow.balances.get(product_id, warehouse_id)
    uow.balances.put(replace(balance, reserved=balance.reserved + delta))
