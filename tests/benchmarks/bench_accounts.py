"""Balances and ageing of receivables with 10,000 customers and 1,000,000 open items.

    .venv/bin/python tests/benchmarks/bench_accounts.py [--partners 10000] [--items 1000000]

Target (issue 16): balances and ageing for 10,000 partners with 1,000,000 items < 1 s. Figures:

* ``persistence.accounts.queries.balances`` (every customer: balance, credit, the five ageing bands, overdue, the
  oldest due date), everything and as of a date; ``ageing`` (the side's totals); ``open_items`` of one customer;
* a peer beside them in the same run: pandas reading the same rows (items and allocations) and grouping them the
  same way, and the grouping alone once the rows are in memory; its answers are checked against the query's.

The database is a real SQLite file built once and cached in $STOCKROOM_BENCH_CACHE: per customer 70 % sales (due 0
to 60 days after their date, spread over 400 days) and 30 % receipts; allocations for about half the items (71 % of
the sales settled, wholly or in part, by receipts; each receipt a little more than it settles, so credit stays).
Rows are written straight into ``account_items`` and ``allocations`` in one transaction (set-up, not timed): the
use cases are measured by the tests, not here.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import uuid
from datetime import date
from datetime import timedelta
from decimal import Decimal

from _common import CACHE  # noqa: E402
from _common import QUICK  # noqa: E402
from _common import load  # noqa: E402
from _common import ms  # noqa: E402
from _common import table  # noqa: E402

AS_OF = date(2026, 12, 31)
SCALE = 10_000  # account_items.amount is Scaled(4)


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def build(path, partners: int, items: int) -> None:
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from persistence.db import open_database

    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = open_database(path)
    with db.engine.begin() as conn:
        raw = conn.connection.driver_connection
        raw.executemany("INSERT INTO customers (id, code, name, contact, device_id, version) "
                        "VALUES (?, ?, ?, '', 'bench', 1)",
                        [(f"c{p:06d}", f"C{p:06d}", f"Customer {p} 客户{p}") for p in range(partners)])
    catalog.add_customer(db.uow(), cc.AddCustomer("ZZ-CHECK", "made through the use case"))  # the schema is right
    rng = random.Random(16)
    per = items // partners
    now = 1_790_000_000_000_000  # created_at, microseconds
    first = AS_OF - timedelta(days=400)
    rows, allocs = [], []
    for p in range(partners):
        pid = f"c{p:06d}"
        sales, receipts = [], []
        for k in range(per):
            day = first + timedelta(days=rng.randrange(400))
            iid = uuid.uuid4().hex
            if k < per * 7 // 10:
                amount = rng.randrange(1_000, 5_000_000) * 100  # 0.10 to 50,000.00, in 1/10,000
                sales.append([iid, day, amount])
                rows.append((iid, "AR", pid, "sale", f"SD-{p:05d}-{k:03d}", day.isoformat(),
                             (day + timedelta(days=rng.choice((0, 30, 30, 60)))).isoformat(), amount, now + k))
            else:
                receipts.append([iid, day, 0])
        # allocations for about half the items: 71 % of the sales settled (wholly or half) by the receipts in turn
        for j, sale in enumerate(s for s in sales if rng.random() < 0.71):
            rc = receipts[j % len(receipts)]
            part = sale[2] if rng.random() < 0.7 else sale[2] // 200 * 100
            rc[2] += part
            on = max(sale[1], rc[1]).isoformat()
            allocs.append((uuid.uuid4().hex, sale[0], rc[0], part, on, now))
        for k, (iid, day, settled) in enumerate(receipts):
            amount = settled + rng.randrange(0, 100) * 10_000  # a little credit left on most
            if amount == 0:
                amount = 10_000
            rows.append((iid, "AR", pid, "receipt", f"RC-{p:05d}-{k:03d}", day.isoformat(), None, -amount, now + k))
    with db.engine.begin() as conn:
        raw = conn.connection.driver_connection
        raw.executemany("INSERT INTO account_items (id, side, partner_id, kind, number, business_date, due_on, amount, "
                        "method, reference, note, user, created_at, device_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 'bench', ?, 'bench')", rows)
        raw.executemany("INSERT INTO allocations (id, debit_item_id, credit_item_id, amount, business_date, user, "
                        "created_at, device_id) VALUES (?, ?, ?, ?, ?, 'bench', ?, 'bench')", allocs)
    with db.engine.begin() as conn:
        conn.connection.driver_connection.executescript(PROPOSAL)
        conn.exec_driver_sql("ANALYZE")
    db.close()
    print(f"built {len(rows):,} items and {len(allocs):,} allocations for {partners:,} customers in "
          f"{time.perf_counter() - start:.0f} s", file=sys.stderr)


# Not the application's schema: what a derived table of open amounts (kept in the same transaction as items and
# allocations, as ``balances`` is kept beside ``movements``) would cost to read. Built in the benchmark's copy only,
# from the same rows, to measure the design the figures above point to (docs/ACCOUNTS.md, "Reading balances fast").
PROPOSAL = """
CREATE TABLE IF NOT EXISTS bench_open_items (
    side TEXT NOT NULL, partner_id TEXT NOT NULL, due_on TEXT NOT NULL, item_id TEXT NOT NULL, open INTEGER NOT NULL,
    PRIMARY KEY (side, partner_id, due_on, item_id)) WITHOUT ROWID;
DELETE FROM bench_open_items;
INSERT INTO bench_open_items
SELECT i.side, i.partner_id, CASE WHEN i.amount > 0 THEN COALESCE(i.due_on, '') ELSE '' END, i.id,
       CASE WHEN i.amount > 0 THEN i.amount - COALESCE(d.s, 0) ELSE i.amount + COALESCE(c.s, 0) END
FROM account_items i
LEFT JOIN (SELECT debit_item_id AS id, SUM(amount) AS s FROM allocations GROUP BY 1) d ON d.id = i.id
LEFT JOIN (SELECT credit_item_id AS id, SUM(amount) AS s FROM allocations GROUP BY 1) c ON c.id = i.id;
DELETE FROM bench_open_items WHERE open = 0;
"""
PROPOSAL_BAND = ("CASE WHEN open < 0 THEN -1 WHEN due_on = '' OR due_on >= :d0 THEN 0 WHEN due_on >= :d30 THEN 1 "
                 "WHEN due_on >= :d60 THEN 2 WHEN due_on >= :d90 THEN 3 ELSE 4 END")
PROPOSAL_QUERY = (f"SELECT partner_id, {PROPOSAL_BAND} AS band, SUM(open), MIN(CASE WHEN open > 0 THEN due_on END) "
                  "FROM bench_open_items WHERE side = :side GROUP BY partner_id, band")


def proposal(engine, as_of: date) -> dict:
    """Per customer: Σ open by band (-1: credit) and the oldest due date, from the derived table."""
    params = {"side": "AR", "d0": as_of.isoformat(), "d30": (as_of - timedelta(days=30)).isoformat(),
              "d60": (as_of - timedelta(days=60)).isoformat(), "d90": (as_of - timedelta(days=90)).isoformat()}
    out: dict = {}
    with engine.connect() as conn:
        for pid, band, total, _oldest in conn.exec_driver_sql(PROPOSAL_QUERY, params):
            out.setdefault(pid, {})[band] = total
    return out


def pandas_balances(engine, as_of: date):
    """The peer: the same rows read with pandas and grouped the same way (balance, open, the five bands)."""
    import pandas as pd

    with engine.connect() as conn:
        items = pd.read_sql_query("SELECT id, partner_id, amount, due_on FROM account_items WHERE side = 'AR'",
                                  conn.connection.driver_connection)
        allocs = pd.read_sql_query("SELECT debit_item_id AS id, amount AS allocated FROM allocations",
                                   conn.connection.driver_connection)
    return items, allocs


def pandas_group(items, allocs, as_of: date):
    import pandas as pd

    done = allocs.groupby("id", sort=False)["allocated"].sum()
    frame = items.join(done, on="id")
    frame["allocated"] = frame["allocated"].fillna(0).astype("int64")
    plus = frame["amount"] > 0
    frame["open"] = (frame["amount"] - frame["allocated"]).where(plus, 0)
    due = pd.to_datetime(frame["due_on"])
    late = (pd.Timestamp(as_of) - due).dt.days.fillna(0).clip(lower=0)
    bands = pd.cut(late, [-1, 0, 30, 60, 90, 1 << 40], labels=["b0", "b1", "b2", "b3", "b4"])
    frame["band"] = bands
    sums = frame.groupby("partner_id", sort=True).agg(balance=("amount", "sum"), open_plus=("open", "sum"))
    by_band = frame[plus].pivot_table(index="partner_id", columns="band", values="open", aggfunc="sum",
                                      fill_value=0, observed=False)
    return sums.join(by_band)


def main() -> int:
    from persistence.accounts import queries
    from persistence.db import open_database

    partners = _arg("--partners", 1_000 if QUICK else 10_000)
    items = _arg("--items", 100_000 if QUICK else 1_000_000)
    path = CACHE / f"accounts-{partners}-{items}.sqlite3"
    if not path.exists():
        build(path, partners, items)
    db = open_database(path)
    engine = db.engine
    repeat = 3 if QUICK else 5

    def timed(fn):
        runs, result = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            result = fn()
            runs.append(time.perf_counter() - start)
        return statistics.median(runs), max(runs), result

    b_all, b_all_max, rows = timed(lambda: queries.balances(engine, "AR"))
    b_asof, b_asof_max, rows_asof = timed(lambda: queries.balances(engine, "AR", as_of=AS_OF))
    a_t, a_max, totals = timed(lambda: queries.ageing(engine, "AR", AS_OF))
    one = rows[len(rows) // 2].partner_id
    o_t, o_max, open_rows = timed(lambda: queries.open_items(engine, "AR", one, as_of=AS_OF))
    x_t, x_max, derived = timed(lambda: proposal(engine, AS_OF))
    p_read, _, frames = timed(lambda: pandas_balances(engine, AS_OF))
    p_group, _, grouped = timed(lambda: pandas_group(*frames, AS_OF))
    with engine.connect() as conn:
        n_items = conn.exec_driver_sql("SELECT COUNT(*) FROM account_items").scalar()
        n_allocs = conn.exec_driver_sql("SELECT COUNT(*) FROM allocations").scalar()
    db.close()

    # the peer answers the same: every customer's balance and bands
    by_id = {r.partner_id: r for r in rows_asof}
    for pid, g in grouped.iterrows():
        r = by_id[pid]
        assert r.balance == Decimal(int(g["balance"])).scaleb(-4), pid
        assert [r.current, r.d1_30, r.d31_60, r.d61_90, r.over_90] == [
            Decimal(int(g[b])).scaleb(-4) for b in ("b0", "b1", "b2", "b3", "b4")], pid
    assert totals.balance == sum(r.balance for r in rows_asof)
    by_all = {r.partner_id: r for r in rows}  # the derived table holds everything: compare with as_of None
    for pid, bands in derived.items():
        r = by_all[pid]
        assert r.balance == Decimal(sum(bands.values())).scaleb(-4), pid

    table(f"Receivables: {len(rows):,} customers, {n_items:,} items, {n_allocs:,} allocations ({load()})", [
        (f"balances with ageing, every customer, as of a date (median of {repeat})", ms(b_asof), ms(b_asof_max)),
        (f"balances with ageing, every customer, everything (median of {repeat})", ms(b_all), ms(b_all_max)),
        (f"ageing totals of the side, as of a date (median of {repeat})", ms(a_t), ms(a_max)),
        (f"open items of one customer ({len(open_rows)} rows)", ms(o_t), ms(o_max)),
        ("proposal: balances and bands from a derived table of open items (not in the schema)", ms(x_t), ms(x_max)),
        ("peer: pandas reads the same rows (items, allocations)", ms(p_read), ""),
        ("peer: pandas groups them into balances and bands (rows in memory)", ms(p_group), ""),
        ("peer: pandas, read + group", ms(p_read + p_group), ""),
    ], ("what", "median", "slowest"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
