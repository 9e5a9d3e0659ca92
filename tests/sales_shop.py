"""The shop the sales tests sell from, built in one place: products (with their barcodes), warehouses, customers with
their credit limits, stock received at a unit cost and retail list prices. Each sales test file used to build its own
with the same dozen calls; it now says only what its shop holds.

    open_shop(db.uow, products=[("SD-1", "Screwdriver", "6901234567892"), ("HM-1", "Hammer")],
              stock=[("SD-1", "W1", "3"), ("HM-1", "W1", "5")], prices={"SD-1": "12.50", "HM-1": "30"},
              credit={"ACME": "100"})

Everything goes through the use cases (``catalog``, ``ledger.receive``, ``price_master``), as a clerk's would.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import price_master as pm
from domain.stock import commands as stc
from domain.stock import ledger

ACME = ("ACME", "Acme Trading")


def open_shop(uow, *, products: Iterable[tuple[str, ...]], stock: Iterable[tuple[str, str, str]] = (),
              prices: dict[str, str] | None = None, warehouses: Iterable[tuple[str, str]] = (("W1", "Main"),),
              customers: Iterable[tuple[str, str]] = (ACME,), credit: dict[str, str] | None = None,
              cost: str = "2") -> None:
    """Build the shop on the database of ``uow`` (a unit-of-work factory).

    Args:
        products: (SKU, name) or (SKU, name, barcode…).
        stock: (SKU, warehouse, quantity) received at ``cost`` a unit, in this order.
        prices: SKU → retail list price without tax.
        warehouses: (code, name).
        customers: (code, name).
        credit: customer code → credit limit.
    """
    for sku, name, *barcodes in products:
        catalog.add_product(uow(), c.AddProduct(sku, name, barcodes=tuple(barcodes)))
    for code, name in warehouses:
        catalog.add_warehouse(uow(), c.AddWarehouse(code, name))
    for code, name in customers:
        catalog.add_customer(uow(), c.AddCustomer(code, name))
    for sku, warehouse, qty in stock:
        ledger.receive(uow(), stc.ReceiveStock(sku, qty, warehouse, cost))
    if prices:
        with uow() as u:
            for sku, price in prices.items():
                u.prices.set_list_price(u.products.by_sku(sku).id, "retail", Decimal(price))
            u.commit()
    for code, limit in (credit or {}).items():
        pm.set_customer_terms(uow(), pm.SetCustomerTerms(code, credit_limit=limit))
