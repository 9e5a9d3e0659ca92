"""Screenshots of the Sales orders screen with a stockout's offers open, in English and Chinese.

    .venv/bin/python scripts/screenshots_sales.py [--db /tmp/shots.sqlite3] [--out docs]

Copies the demo database (built first with ``main.py demo --seed 1`` if the file is missing) and, on the copy only,
drafts a sales order through the use cases: a first line the warehouse can ship, and a second one more than the
warehouse has, of a product that another warehouse holds and that has a substitute (set here, as the demo sets
none) in stock. Opens the main window at 1280 × 800 on Sales orders, selects the order, tries to confirm it (the
panel lists each offer: ship from or transfer from another warehouse, the purchase orders on the way, the
substitute) and types the substitute's SKU in the add bar so its quote shows. Saves
docs/screenshot-sales-stockout-<en|zh>.png. Runs under Qt's offscreen platform unless QT_QPA_PLATFORM says
otherwise; window settings go to a scratch folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import ensure_demo  # noqa: E402
from screenshots import in_both_languages  # noqa: E402
from screenshots import pause  # noqa: E402

SHORT_BY = 15  # the second line asks this many more than its warehouse has


def wait_until(condition, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        pause(100)
    pause(400)


def stage(db_path: Path) -> tuple[str, str]:
    """Draft the order on the copy; returns its number and the substitute's SKU."""
    from sqlalchemy import select

    from domain.sales import commands as sc
    from domain.sales import orders
    from domain.sales import price_master as pm
    from persistence import tables as t
    from persistence.db import open_database
    from persistence.stock import queries

    database = open_database(db_path)
    try:
        available: dict[str, dict[str, Decimal]] = defaultdict(dict)
        for row in queries.stock(database.engine, None, None):
            available[row.sku][row.warehouse] = row.on_hand - row.reserved
        with database.engine.connect() as conn:
            customer = conn.execute(select(t.customers.c.code).order_by(t.customers.c.code)).scalars().first()
        short = warehouse = substitute = None
        for sku in sorted(available):
            by_warehouse = available[sku]
            for here, qty in sorted(by_warehouse.items()):
                elsewhere = [q for w, q in by_warehouse.items() if w != here]
                if not (3 <= qty <= 20 and elsewhere and max(elsewhere) >= 10):
                    continue
                family = sku.rsplit("-", 1)[0][:2]  # the demo's SKUs start with their category's letters
                near = [s for s in sorted(available) if s != sku and s.startswith(family)
                        and available[s].get(here, Decimal(0)) >= 40]
                if near:
                    short, warehouse, substitute = sku, here, near[0]
                    break
            if short:
                break
        if short is None:
            raise SystemExit("no product in the demo is short in one warehouse and held in another")
        first = next(s for s in sorted(available) if s not in (short, substitute)
                     and available[s].get(warehouse, Decimal(0)) >= 50 and s.startswith(short[:2]))
        pm.set_substitutes(database.uow(), pm.SetSubstitutes(short, [substitute]))
        so = orders.create_order(database.uow(), sc.CreateSalesOrder(customer, warehouse, reference="PO-88231")).number
        orders.add_line(database.uow(), sc.AddSalesOrderLine(so, first, "12"))
        qty = available[short][warehouse] + SHORT_BY
        orders.add_line(database.uow(), sc.AddSalesOrderLine(so, short, str(qty)))
        return so, substitute
    finally:
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/shots.sqlite3"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    ensure_demo(args.db)
    scratch = tempfile.mkdtemp(prefix="stockroom-shots-")
    copy = Path(scratch) / "sales.sqlite3"
    shutil.copyfile(args.db, copy)
    so, substitute = stage(copy)
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(window, services, lang: str) -> list[Path]:
        screen = window.show_screen("sales")
        screen.refresh()
        wait_until(lambda: not screen.loading)
        screen.select(so)
        wait_until(lambda: screen.current is not None and screen.current.number == so)
        screen.confirm_order()
        wait_until(lambda: screen.shortage.isVisible() and services.tasks.busy == 0)
        screen.qty.setText("20")
        screen.sku.setText(substitute)  # its quote, price with tax and stock show under the add bar
        wait_until(lambda: services.tasks.busy == 0)
        pause(800)
        path = args.out / f"screenshot-sales-stockout-{lang}.png"
        window.grab().toImage().save(str(path))
        return [path]

    in_both_languages(copy, shoot, settings_dir=scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
