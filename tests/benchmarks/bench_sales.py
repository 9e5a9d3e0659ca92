"""Sales order entry and available to promise (ATP) with a 100,000-product database.

    .venv/bin/python tests/benchmarks/bench_sales.py [--products 100000] [--atp 10000] [--lines 60]

Targets (issue 15): ATP for 10,000 products < 1 s; at order entry with 100,000 products, adding a line by a scanned
SKU or barcode < 50 ms and the ATP of one product < 100 ms. Figures:

* ATP of 10,000 products at once, through the read query (``persistence.sales.queries.availability``, what a
  screen reads) and through the domain in a unit of work (``domain.sales.atp.availability``);
* adding a line by scanned barcode to a draft (``domain.sales.orders.add_line``: its own transaction, the product
  looked up, the customer's quote, the order read and written), as the order grows to ``--lines`` lines;
* the ATP of one product (the code looked up, then its balances and open PO lines in every warehouse).

The database (100,000 products with barcodes, 3 warehouses, stock of the first 10,000 products in W1 and W2, an
open purchase order for every fifth of them, list prices for all of them) is built once and cached in
$STOCKROOM_BENCH_CACHE.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from decimal import Decimal

from _common import CACHE  # noqa: E402
from _common import add_master_data  # noqa: E402
from _common import load  # noqa: E402
from _common import ms  # noqa: E402
from _common import sku  # noqa: E402
from _common import table  # noqa: E402


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def build(path, products: int, stocked: int) -> None:
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing
    from domain.stock import commands as c
    from domain.stock import ledger
    from persistence.db import open_database

    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = open_database(path)
    add_master_data(db, products)  # SKU-000000… with barcodes 6900000000000…
    catalog.add_customer(db.uow(), cc.AddCustomer("ACME", "Acme Trading"))
    catalog.add_supplier(db.uow(), cc.AddSupplier("NB", "Ningbo"))
    ledger.post_many(db.uow(), [c.ReceiveStock(sku(i), str(10 + i % 7), w, str(1 + i % 5))
                                for i in range(stocked) for w in ("W1", "W2")])
    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "W1", date(2030, 1, 15)))
    purchasing.add_lines(db.uow(), po.id, [pc.AddPurchaseOrderLine(po.id, sku(i), "20", "1.5")
                                           for i in range(0, stocked, 5)])
    purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id))
    with db.uow() as uow:  # list prices, so that a line entered without a price takes the quote
        for i in range(stocked):
            uow.prices.set_list_price(uow.products.by_sku(sku(i)).id, "retail", Decimal(3 + i % 9))
        uow.commit()
    db.close()
    print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def main() -> int:
    products = _arg("--products", 100_000)
    many = _arg("--atp", 10_000)
    lines = _arg("--lines", 60)
    stocked = min(products, 10_000)
    path = CACHE / f"sales-{products}.sqlite3"
    if not path.exists():
        build(path, products, stocked)

    from domain.sales import atp
    from domain.sales import commands as sc
    from domain.sales import orders
    from persistence.db import open_database
    from persistence.sales import queries

    db = open_database(path)
    ids = list(queries.product_ids(db.engine, [sku(i) for i in range(many)]).values())
    assert len(ids) == min(many, products)

    def read_many():
        return queries.availability(db.engine, ids)

    def domain_many():
        with db.uow() as uow:
            return atp.availability(uow, ids)

    found = read_many()
    assert len(found) >= 2 * min(many, stocked)
    runs = [_time(read_many) for _ in range(5)]
    domain_runs = [_time(domain_many) for _ in range(5)]

    number = orders.create_order(db.uow(), sc.CreateSalesOrder("ACME", "W1")).number
    scans = [f"69{(i * 7919) % stocked:011d}" for i in range(lines)]  # scanned barcodes of stocked products
    entry = [_time(lambda code=code: orders.add_line(db.uow(), sc.AddSalesOrderLine(number, code, "2")))
             for code in scans]
    orders.cancel(db.uow(), sc.CancelSalesOrder(number, "benchmark"))

    one_codes = [sku((i * 104_729) % products) for i in range(50)]

    def one(code: str):
        pid = queries.product_ids(db.engine, [code])[code]
        return queries.availability(db.engine, [pid])

    single = [_time(lambda code=code: one(code)) for code in one_codes]

    def one_in_uow(code: str):
        from domain.stock import ledger

        with db.uow() as uow:
            return atp.availability(uow, [ledger.find_product(uow, code).id])

    single_uow = [_time(lambda code=code: one_in_uow(code)) for code in one_codes]
    db.close()

    table(f"Sales with {products:,} products (load {load()})", [
        (f"ATP of {len(ids):,} products, read query (median of 5)", ms(statistics.median(runs))),
        (f"ATP of {len(ids):,} products, domain in a unit of work (median of 5)", ms(statistics.median(domain_runs))),
        (f"add a line by scanned barcode, median of {lines} (1 to {lines} lines)", ms(statistics.median(entry))),
        ("add a line by scanned barcode, slowest", ms(max(entry))),
        ("ATP of one product, read query (median of 50)", ms(statistics.median(single))),
        ("ATP of one product, read query, slowest", ms(max(single))),
        ("ATP of one product, in a unit of work (median of 50)", ms(statistics.median(single_uow))),
    ], ("what", "figure"))
    return 0


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
