"""Same input, same rows: post a fixed mixed workload and dump what the ledger stored, to diff two versions.

Receipts, shipments, transfers, adjustments, counts (blank ones too), reversals, back-dated postings,
codes given as barcodes, quantities with spaces and thousands separators, and batches that are refused
(stock, decimals, unknown SKU, a space in a SKU) go through ``ledger.post_many`` in 60 transactions.
Ids and ``recorded_at`` are made deterministic (the ledger's ``new_id`` and clock are replaced), so two
versions of the code write byte-for-byte the same rows. The dump lists every row of ``movements``,
``movement_values`` and ``balances`` with each value and its SQLite storage class (``typeof``), and each
batch's outcome (the refusal's message included).

    cd TREE && python tests/benchmarks/dump_posting.py /tmp/template.sqlite3 /tmp/TREE.txt
    cmp /tmp/before.txt /tmp/after.txt

The template (master data) is made on the first run and must be shared by both runs.
"""
import os
import random
import shutil
import sqlite3
import sys
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, os.getcwd())
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import DomainError
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database

template, out = Path(sys.argv[1]), Path(sys.argv[2])
T0 = datetime(2025, 3, 1, 8, tzinfo=UTC)
if not template.exists():
    db = open_database(template)
    for w, neg in (("W1", False), ("W2", False), ("NEG", True)):
        catalog.add_warehouse(db.uow(), cc.AddWarehouse(w, f"Warehouse {w}", allow_negative=neg))
    for i in range(60):
        catalog.add_product(db.uow(), cc.AddProduct(f"P{i}", f"Product {i} 商品", barcodes=(f"690000{i:06d}",),
                                                    whole_units=False))  # the mix below posts fractions
    db.engine.dispose()

path = out.with_suffix(".sqlite3")
for s in ("", "-wal", "-shm"):
    Path(f"{path}{s}").unlink(missing_ok=True)
shutil.copy(template, path)

counter = 0
def fake_id():
    global counter
    counter += 1
    return f"01900000-0000-7000-8000-{counter:012x}"
class FixedClock(datetime):
    tick = 0
    @classmethod
    def now(cls, tz=None):
        cls.tick += 1
        return datetime(2026, 6, 1, tzinfo=UTC) + timedelta(microseconds=cls.tick)
ledger.new_id = fake_id
ledger.datetime = FixedClock

rng = random.Random(11)
db = open_database(path)
WS = ["W1", "W2", "NEG"]
stock = {}
log = []
k = 0
def qty():
    return rng.choice(["1", "2", "3", "5", "0.5", "1.3333", "10", "12.25", " 7 ", "1,000"])
def code(i):
    return f"P{i}" if rng.random() < 0.8 else f"690000{i:06d}"
for batch in range(60):
    commands = []
    saved = dict(stock)
    for _ in range(rng.randrange(20, 200)):
        k += 1
        p = rng.randrange(60)
        w = rng.choice(WS)
        at = T0 + timedelta(minutes=10 * k)
        if rng.random() < 0.08:
            at -= timedelta(days=rng.randrange(1, 5))  # back-dated
        have = stock.get((p, w), Decimal(0))
        r = rng.random()
        if r < 0.35 or have < 20:
            q = qty()
            cost = rng.choice(["0", "0.01", "1.005", "2.5", "3.33333333", "19.99"])
            commands.append(c.ReceiveStock(code(p), q, w, cost, ref=f"PO-{k}", occurred_at=at,
                                           note=rng.choice(["", " n ", "备注"])))
            stock[(p, w)] = have + Decimal(q.replace(",", ""))
        elif r < 0.7:
            q = rng.choice(["1", "2", "0.5", "3"])
            commands.append(c.ShipStock(code(p), q, w, ref=f"SO-{k}", occurred_at=at))
            stock[(p, w)] = have - Decimal(q)
        elif r < 0.8:
            to = rng.choice([x for x in WS if x != w])
            commands.append(c.TransferStock(code(p), "1", w, to, ref=f"T-{k}", occurred_at=at))
            stock[(p, w)] = have - 1
            stock[(p, to)] = stock.get((p, to), Decimal(0)) + 1
        elif r < 0.88:
            d = rng.choice(["2", "-1", "0.25"])
            commands.append(c.AdjustStock(code(p), d, w, "damaged", occurred_at=at))
            stock[(p, w)] = have + Decimal(d)
        elif r < 0.95:
            counted = rng.choice([str(int(have)), "", None, "40"])
            commands.append(c.CountStock(code(p), counted, w, occurred_at=at))
            if counted:
                stock[(p, w)] = Decimal(counted)
        else:
            commands.append(c.ShipStock(code(p), "1", "NEG", occurred_at=at, note="short"))
    if batch % 5 == 4:
        con = sqlite3.connect(path)
        ids = [r[0] for r in con.execute("SELECT id FROM movements WHERE kind != 'reversal' ORDER BY rowid")]
        con.close()
        for mid in rng.sample(ids, min(3, len(ids))):
            commands.append(c.ReverseMovement(mid, note=rng.choice(["", "oops"])))
    if batch == 30:
        commands.append(c.ShipStock("P1", "100000", "W1", occurred_at=T0))  # refused
    if batch == 31:
        commands.append(c.ReceiveStock("P1", "1.00001", "W1", "1"))  # refused: places
    if batch == 32:
        commands.append(c.ReceiveStock("NOPE", "1", "W1", "1"))  # refused: unknown
    if batch == 33:
        commands.append(c.ShipStock("P 1", "1", "W1"))  # refused: spaces
    try:
        n = ledger.post_many(db.uow(), commands)
        log.append(f"batch {batch}: {n}")
    except DomainError as e:
        log.append(f"batch {batch}: refused {type(e).__name__}: {e}")
        stock = saved
db.engine.dispose()

con = sqlite3.connect(path)
lines = list(log)
for table, order in (("movements", "rowid"), ("movement_values", "rowid"), ("balances", "product_id, warehouse_id")):
    cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
    sel = ", ".join([f'"{x}"' for x in cols] + [f'typeof("{x}")' for x in cols])
    for row in con.execute(f"SELECT {sel} FROM {table} ORDER BY {order}"):
        lines.append(f"{table}: {row!r}")
    lines.append(f"{table}: {con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]} rows")
out.write_text("\n".join(lines) + "\n")
print(out, len(lines), "lines;", sum("refused" in x for x in log), "refused batches")
