"""Reading one product's on-hand with 1,000,000 movements in the database.

The database (1,000 products × 3 warehouses, built with ``ledger.post_many`` in transactions
of 100,000) is cached in the benchmark folder and reused while the schema files are unchanged.

    python tests/benchmarks/bench_onhand.py [--quick] [--movements N] [--reads N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from pathlib import Path

from _common import CACHE
from _common import QUICK
from _common import add_master_data
from _common import db_size
from _common import load
from _common import median_time
from _common import mib
from _common import movement_commands
from _common import ms
from _common import remove_db
from _common import sku
from _common import table

from domain.stock import ledger
from persistence.db import open_database
from persistence.migrations import HEAD
from persistence.stock import queries

PRODUCTS = 1_000
WAREHOUSES = 3
CHUNK = 100_000


def usable(path: Path, movements: int) -> bool:
    """A cached file is reused while it holds the movements and the read queries still run on it."""
    try:
        with sqlite3.connect(path) as conn:
            if conn.execute("SELECT count(*) FROM movements").fetchone()[0] != movements:
                return False
        db = open_database(path)
        try:
            queries.on_hand(db.engine, sku(0), "W1")
            queries.stock(db.engine, sku=sku(0))
        finally:
            db.close()
    except Exception as exc:  # an older schema: build again
        print(f"  the cached {path.name} cannot be used ({exc.__class__.__name__}); building it again")
        return False
    return True


def built_database(movements: int):
    """The path of a database holding ``movements`` movements, built now or taken from the cache.

    The cache is keyed by the migration head; a file the queries no longer run on is rebuilt.
    """
    path = CACHE / f"onhand-{movements}-rev{HEAD}.sqlite3"
    if path.exists() and usable(path, movements):
        return path, None
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"onhand-{movements}-*.sqlite3"):
        remove_db(old)
    partial = CACHE / "onhand-building.sqlite3"
    remove_db(partial)
    start = time.perf_counter()
    db = open_database(partial)
    add_master_data(db, PRODUCTS, WAREHOUSES)
    commands = movement_commands(movements, PRODUCTS, WAREHOUSES, seed=11)
    for k in range(0, movements, CHUNK):
        ledger.post_many(db.uow(), commands[k:k + CHUNK])
        print(f"  built {min(k + CHUNK, movements):,} of {movements:,} movements", flush=True)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    built = time.perf_counter() - start
    partial.rename(path)
    return path, built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--movements", type=int, default=100_000 if QUICK else 1_000_000)
    parser.add_argument("--reads", type=int, default=300 if QUICK else 2_000)
    args = parser.parse_args()

    path, built = built_database(args.movements)
    db = open_database(path)
    rng = random.Random(3)
    picks = [(sku(rng.randrange(PRODUCTS)), f"W{rng.randrange(1, WAREHOUSES + 1)}") for _ in range(args.reads)]
    it = iter(picks * 3)

    def one_on_hand() -> None:
        queries.on_hand(db.engine, *next(it))

    def one_stock() -> None:
        s, _ = next(it)
        queries.stock(db.engine, sku=s)

    t_on_hand = median_time(one_on_hand, args.reads)
    t_stock = median_time(one_stock, args.reads)

    raw = sqlite3.connect(path)
    ids = dict(raw.execute("SELECT sku, id FROM products"))
    wids = dict(raw.execute("SELECT code, id FROM warehouses"))
    pairs = iter([(ids[s], wids[w]) for s, w in picks])

    def ledger_sum() -> None:
        raw.execute("SELECT sum(qty) FROM movements WHERE product_id = ? AND warehouse_id = ?", next(pairs)).fetchone()

    t_sum = median_time(ledger_sum, min(args.reads, 300))
    raw.close()
    db.close()
    rows = [
        ("queries.on_hand(engine, sku, warehouse) (balance table)", ms(t_on_hand)),
        ("queries.stock(engine, sku=S) (all warehouses of one SKU)", ms(t_stock)),
        ("for contrast: SUM(qty) of the ledger for one product × warehouse, plain sqlite3", ms(t_sum)),
        ("database size", mib(db_size(path))),
    ]
    if built is not None:
        rows.append(("building it with post_many (not cached)", f"{built:.0f} s"))
    table(f"One product's on-hand with {args.movements:,} movements ({PRODUCTS:,} products × {WAREHOUSES} warehouses),"
          f" median of {args.reads:,} reads, {load()}", rows)


if __name__ == "__main__":
    main()
