"""What the Sales orders screen reads, on the 100,000-product database of ``bench_sales.py``.

    .venv/bin/python tests/benchmarks/bench_sales_screen.py [--products 100000] [--lines 30]

Run ``bench_sales.py`` first (it builds and caches the database); this one works on a copy, so the cache stays as
built. Figures, each on the task runner's side (the GUI thread only shows the result):

* the add bar's preview while typing (``domain.sales.lookup.preview_line``): the code looked up, the customer's
  quote with the last price, the ATP of the product in the order's warehouse;
* the order read again after every change (``ui.screens.sales.screen._load_order``): the order with its lines, each
  line's ATP now and by the requested date, the customer's quotes (last prices), for an order of ``--lines`` lines;
* the screen's list load (every order, the customers, the warehouses), and apart from it the products for the add
  bar's completer (read when the screen opens and on F5, never after the screen's own changes).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import CACHE  # noqa: E402
from _common import load  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    products, lines = _arg("--products", 100_000), _arg("--lines", 30)
    cached = CACHE / f"sales-{products}.sqlite3"
    if not cached.exists():
        print(f"{cached} is missing: run tests/benchmarks/bench_sales.py --products {products} first", file=sys.stderr)
        return 2
    path = Path(tempfile.mkdtemp(prefix="bench-sales-screen-")) / "sales.sqlite3"
    shutil.copyfile(cached, path)

    from bootstrap import connect
    from domain.sales import commands as sc
    from domain.sales import lookup
    from domain.sales import orders
    from ui.screens.sales.screen import _load_order

    areas = connect(path)
    uow = areas.database.uow
    stocked = min(products, 10_000)
    number = orders.create_order(uow(), sc.CreateSalesOrder("ACME", "W1")).number
    for i in range(lines):
        orders.add_line(uow(), sc.AddSalesOrderLine(number, f"69{(i * 7919) % stocked:011d}", "2"))
    codes = [f"69{(i * 104_729) % products:011d}" for i in range(50)]
    preview = [_time(lambda code=code: lookup.preview_line(uow(), "ACME", code, "W1")) for code in codes]

    class Services:  # what _load_order reads: the boundary's parts and the unit of work
        sales, catalog, stock = areas.sales, areas.catalog, areas.stock

        @staticmethod
        def uow():
            return uow()

    reread = [_time(lambda: _load_order(Services, number)) for _ in range(10)]

    def list_load():
        return areas.sales.sales_orders(), areas.catalog.customers(), areas.catalog.warehouses()

    listing = [_time(list_load) for _ in range(3)]
    completer = [_time(lambda: [(p.sku, p.name) for p in areas.catalog.products()]) for _ in range(3)]
    areas.database.close()
    shutil.rmtree(path.parent, ignore_errors=True)
    table(f"Sales orders screen with {products:,} products (load {load()})", [
        ("preview of a typed barcode: quote, last price, ATP (median of 50)", ms(statistics.median(preview))),
        ("preview of a typed barcode, slowest", ms(max(preview))),
        (f"order of {lines} lines read again with ATP and quotes (median of 10)", ms(statistics.median(reread))),
        ("list load: orders, customers, warehouses (median of 3)", ms(statistics.median(listing))),
        ("the products for the add bar's completer, a load of its own (median of 3)",
         ms(statistics.median(completer))),
    ], ("what", "figure"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
