"""Balances and ageing of receivables with 10,000 customers and 1,000,000 open items.

    .venv/bin/python tests/benchmarks/bench_accounts.py [--partners 10000] [--items 1000000] [--sale]

Target (issue 16): balances and ageing for 10,000 partners with 1,000,000 items < 1 s. Figures:

* ``persistence.accounts.queries.balances`` (every customer: balance, credit, the five ageing bands, overdue, the
  oldest due date), everything, as of the last day and as of a day 60 days earlier (the allocations after it added
  back); ``ageing`` (the side's totals); ``open_items`` of one customer; they read ``account_open``;
* before: the same balances worked out when read, each item less the allocations on it (the queries before
  ``account_open``, kept here as they were), and the alternative of keeping settled items as rows of 0;
* what keeping ``account_open`` costs a posting: refreshing the two items of an allocation;
* what a sale costs the accounts (``domain.accounts.items.open_debit``, what a counter sale or a shipment to a customer
  does: the new item, its due date, the customer's credit read and allocated), in a unit of work rolled back, for the
  customer with the most items; and its reads apart: the customer's credit (``uow.accounts.open_items`` with sign
  -1) and the new item's live allocations (``--sale``: only these, quick to run before and after a change in turn);
* a peer beside them in the same run: pandas reading the same rows (items and allocations) and grouping them the
  same way, and the grouping alone once the rows are in memory; its answers are checked against the query's, and
  the "before" queries' against the new ones.

The database is a real SQLite file built once and cached in $STOCKROOM_BENCH_CACHE: per customer 70 % sales (due 0
to 60 days after their date, spread over 400 days) and 30 % receipts; allocations for about half the items (71 % of
the sales settled, wholly or in part, by receipts; each receipt a little more than it settles, so credit stays).
Rows are written straight into ``account_items`` and ``allocations`` in one transaction (set-up, not timed: the
use cases are measured by the tests, not here), then ``account_open`` is built from them
(``persistence.accounts.open.rebuild``, timed and printed).
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
from sqlalchemy import text

AS_OF = date(2026, 12, 31)
SCALE = 10_000  # account_items.amount is Scaled(4)


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def build(path, partners: int, items: int) -> None:
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from persistence.accounts import open as open_amounts
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
    derived = time.perf_counter()
    with db.engine.begin() as conn:
        n_open = open_amounts.rebuild(conn)
    derived = time.perf_counter() - derived
    with db.engine.begin() as conn:
        conn.connection.driver_connection.executescript(ZEROS)
        conn.exec_driver_sql("ANALYZE")
    db.close()
    print(f"account_open: {n_open:,} open items written in {derived:.1f} s", file=sys.stderr)
    print(f"built {len(rows):,} items and {len(allocs):,} allocations for {partners:,} customers in "
          f"{time.perf_counter() - start:.0f} s", file=sys.stderr)


# The alternative measured against deleting a settled item's row: keeping it with 0. Built in the benchmark's copy
# only (the same rows as account_open, plus a row of 0 for every settled item, the same covering index).
ZEROS = """
CREATE TABLE IF NOT EXISTS bench_open_zeros (
    item_id TEXT PRIMARY KEY, side TEXT NOT NULL, partner_id TEXT NOT NULL, due_on DATE, business_date DATE NOT NULL,
    open BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_bench_open_zeros ON bench_open_zeros (side, partner_id, due_on, business_date, open);
DELETE FROM bench_open_zeros;
INSERT INTO bench_open_zeros
SELECT i.id, i.side, i.partner_id, i.due_on, i.business_date, COALESCE(o.open, 0)
FROM account_items i LEFT JOIN account_open o ON o.item_id = i.id;
"""
ZEROS_QUERY = """
    SELECT partner_id, SUM(open), SUM(CASE WHEN open > 0 AND (due_on IS NULL OR due_on >= :d0) THEN open ELSE 0 END),
           SUM(CASE WHEN open > 0 AND due_on < :d0 AND due_on >= :d30 THEN open ELSE 0 END),
           SUM(CASE WHEN open > 0 AND due_on < :d30 AND due_on >= :d60 THEN open ELSE 0 END),
           SUM(CASE WHEN open > 0 AND due_on < :d60 AND due_on >= :d90 THEN open ELSE 0 END),
           SUM(CASE WHEN open > 0 AND due_on < :d90 THEN open ELSE 0 END), MIN(CASE WHEN open > 0 THEN due_on END)
    FROM bench_open_zeros WHERE side = :side GROUP BY partner_id
"""

# Before account_open: the open amount of each item worked out when read (persistence/accounts/queries.py as it was).
BEFORE_OPEN = """
    SELECT i.partner_id AS partner_id, i.amount AS amount, i.due_on AS due_on,
           CASE WHEN i.amount > 0 THEN i.amount - COALESCE(al.s, 0) ELSE 0 END AS o
    FROM account_items i
    LEFT JOIN (SELECT debit_item_id AS id, SUM(amount) AS s FROM allocations WHERE business_date <= :as_of
               GROUP BY debit_item_id) al ON al.id = i.id
    WHERE i.side = :side AND i.business_date <= :as_of
"""
BEFORE = f"""
    SELECT p.id, g.*
    FROM (SELECT partner_id, SUM(amount) AS balance, SUM(o) AS open_plus,
                 SUM(CASE WHEN o > 0 AND (due_on IS NULL OR due_on >= :d0) THEN o ELSE 0 END) AS b0,
                 SUM(CASE WHEN o > 0 AND due_on < :d0 AND due_on >= :d30 THEN o ELSE 0 END) AS b1,
                 SUM(CASE WHEN o > 0 AND due_on < :d30 AND due_on >= :d60 THEN o ELSE 0 END) AS b2,
                 SUM(CASE WHEN o > 0 AND due_on < :d60 AND due_on >= :d90 THEN o ELSE 0 END) AS b3,
                 SUM(CASE WHEN o > 0 AND due_on < :d90 THEN o ELSE 0 END) AS b4,
                 MIN(CASE WHEN o > 0 THEN due_on END) AS oldest
          FROM ({BEFORE_OPEN}) x GROUP BY partner_id) g
    JOIN customers p ON p.id = g.partner_id
    ORDER BY p.code
"""


def _bands(as_of: date) -> dict:
    return {"side": "AR", "as_of": as_of.isoformat(), "d0": as_of.isoformat(),
            "d30": (as_of - timedelta(days=30)).isoformat(), "d60": (as_of - timedelta(days=60)).isoformat(),
            "d90": (as_of - timedelta(days=90)).isoformat()}


def before(engine, as_of: date) -> dict:
    """Per customer (balance, credit, the five bands, the oldest due date) as the queries read them before."""
    with engine.connect() as conn:
        rows = conn.execute(text(BEFORE), _bands(as_of)).all()
    return {r.id: (r.balance, r.open_plus - r.balance, r.b0, r.b1, r.b2, r.b3, r.b4, r.oldest) for r in rows}


def zeros(engine, as_of: date) -> int:
    with engine.connect() as conn:
        return len(conn.execute(text(ZEROS_QUERY), _bands(as_of)).all())


def refresh_cost(engine, n: int = 1_000) -> float:
    """Seconds per allocation that ``account_open`` adds to a posting: refreshing its two items (rolled back)."""
    from persistence.accounts import open as open_amounts

    with engine.connect() as conn:
        pairs = conn.exec_driver_sql(f"SELECT debit_item_id, credit_item_id FROM allocations LIMIT {n}").all()
        start = time.perf_counter()
        for pair in pairs:
            open_amounts.refresh(conn, set(pair))
        spent = time.perf_counter() - start
        conn.rollback()
    return spent / len(pairs)


def sale_cost(db, partner: str, n: int = 30) -> tuple[float, float, float, float]:
    """A sale's receivable written and allocated to the customer's credit, ``n`` times, each in a unit of work rolled
    back: (median, slowest) seconds of ``open_debit``, then the medians of its two reads alone (the customer's open
    credit, the new item's live allocations)."""
    from domain.accounts import items as account_items
    from domain.accounts.model import ItemKind
    from domain.accounts.model import Side

    whole, credit, live = [], [], []
    for k in range(n):
        with db.uow() as uow:
            start = time.perf_counter()
            item = account_items.open_debit(uow, Side.AR, partner, ItemKind.SALE, Decimal("123.45"), AS_OF,
                                            number=f"SD-BENCH-{k:03d}")
            whole.append(time.perf_counter() - start)
            start = time.perf_counter()
            uow.accounts.open_items(Side.AR, partner, sign=-1)
            credit.append(time.perf_counter() - start)
            start = time.perf_counter()
            uow.accounts.live_allocations(item.id)
            live.append(time.perf_counter() - start)
    return statistics.median(whole), max(whole), statistics.median(credit), statistics.median(live)


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
    path = CACHE / f"accounts-open-{partners}-{items}.sqlite3"  # with account_open (migration 0013 as changed)
    if not path.exists():
        build(path, partners, items)
    db = open_database(path)
    engine = db.engine
    with engine.connect() as conn:  # the customer with the most items
        busiest, n_busiest = conn.exec_driver_sql(
            "SELECT partner_id, COUNT(*) AS n FROM account_items WHERE side = 'AR' GROUP BY partner_id "
            "ORDER BY n DESC, partner_id LIMIT 1").one()
    if "--sale" in sys.argv:  # only a sale's receivable: quick to repeat, e.g. before and after a change in turn
        s_t, s_max, s_credit, s_live = sale_cost(db, busiest)
        db.close()
        print(f"a sale's receivable, customer with {n_busiest} items (median of 30): open_debit {ms(s_t)} (slowest "
              f"{ms(s_max)}); its reads: open credit {ms(s_credit)}, live allocations {ms(s_live)} ({load()})")
        return 0
    repeat = 3 if QUICK else 5
    past = AS_OF - timedelta(days=60)

    def timed(fn, times=repeat):
        runs, result = [], None
        for _ in range(times):
            start = time.perf_counter()
            result = fn()
            runs.append(time.perf_counter() - start)
        return statistics.median(runs), max(runs), result

    b_all, b_all_max, rows = timed(lambda: queries.balances(engine, "AR"))
    b_asof, b_asof_max, rows_asof = timed(lambda: queries.balances(engine, "AR", as_of=AS_OF))
    b_past, b_past_max, rows_past = timed(lambda: queries.balances(engine, "AR", as_of=past))
    a_t, a_max, totals = timed(lambda: queries.ageing(engine, "AR", AS_OF))
    a_all, a_all_max, _ = timed(lambda: queries.ageing(engine, "AR"))
    one = rows[len(rows) // 2].partner_id
    o_t, o_max, open_rows = timed(lambda: queries.open_items(engine, "AR", one, as_of=AS_OF))
    o_all, o_all_max, all_open = timed(lambda: queries.open_items(engine, "AR"), 3)
    z_t, z_max, _ = timed(lambda: zeros(engine, AS_OF))
    w_t = refresh_cost(engine)
    s_t, s_max, s_credit, s_live = sale_cost(db, busiest)
    x_t, x_max, old = timed(lambda: before(engine, AS_OF), 3)
    x_past, x_past_max, old_past = timed(lambda: before(engine, past), 3)
    p_read, _, frames = timed(lambda: pandas_balances(engine, AS_OF), 3)
    p_group, _, grouped = timed(lambda: pandas_group(*frames, AS_OF), 3)
    with engine.connect() as conn:
        n_items = conn.exec_driver_sql("SELECT COUNT(*) FROM account_items").scalar()
        n_allocs = conn.exec_driver_sql("SELECT COUNT(*) FROM allocations").scalar()
        n_open = conn.exec_driver_sql("SELECT COUNT(*) FROM account_open").scalar()
        n_after = conn.exec_driver_sql("SELECT COUNT(*) FROM allocations WHERE business_date > ?",
                                       (past.isoformat(),)).scalar()
    db.close()

    # the peer answers the same: every customer's balance and bands
    by_id = {r.partner_id: r for r in rows_asof}
    for pid, g in grouped.iterrows():
        r = by_id[pid]
        assert r.balance == Decimal(int(g["balance"])).scaleb(-4), pid
        assert [r.current, r.d1_30, r.d31_60, r.d61_90, r.over_90] == [
            Decimal(int(g[b])).scaleb(-4) for b in ("b0", "b1", "b2", "b3", "b4")], pid
    assert totals.balance == sum(r.balance for r in rows_asof)
    # and the queries before account_open answer the same as the new ones, as of the last day and 60 days before
    for new_rows, old_rows in ((rows_asof, old), (rows_past, old_past)):
        assert len(new_rows) == len(old_rows) - ("ZZ-CHECK" in old_rows)
        for r in new_rows:
            o = old_rows[r.partner_id]
            assert (r.balance, r.credit, r.current, r.d1_30, r.d31_60, r.d61_90, r.over_90) == tuple(
                Decimal(v or 0).scaleb(-4) for v in o[:7]), r.partner_id
            assert r.oldest_due == (date.fromisoformat(o[7]) if o[7] else None), r.partner_id

    table(f"Receivables: {len(rows):,} customers, {n_items:,} items, {n_allocs:,} allocations, {n_open:,} open "
          f"({load()})", [
        (f"balances with ageing, every customer, everything (median of {repeat})", ms(b_all), ms(b_all_max)),
        (f"balances with ageing, every customer, as of the last day (median of {repeat})", ms(b_asof),
         ms(b_asof_max)),
        (f"balances as of 60 days before it ({n_after:,} allocations after it added back)", ms(b_past),
         ms(b_past_max)),
        (f"ageing totals of the side, as of the last day (median of {repeat})", ms(a_t), ms(a_max)),
        ("ageing totals of the side, everything", ms(a_all), ms(a_all_max)),
        (f"open items of one customer ({len(open_rows)} rows)", ms(o_t), ms(o_max)),
        (f"open items of the side ({len(all_open):,} rows)", ms(o_all), ms(o_all_max)),
        ("alternative: settled items kept as rows of 0, balances and bands grouped", ms(z_t), ms(z_max)),
        ("a posting: account_open refreshed for one allocation's two items", ms(w_t), ""),
        (f"a sale's receivable: open_debit, customer with {n_busiest} items (median of 30)", ms(s_t), ms(s_max)),
        ("  its read of the customer's open credit (open_items, sign -1)", ms(s_credit), ""),
        ("  its read of the new item's live allocations", ms(s_live), ""),
        ("before: balances as of the last day, open worked out when read", ms(x_t), ms(x_max)),
        ("before: balances as of 60 days before it", ms(x_past), ms(x_past_max)),
        ("peer: pandas reads the same rows (items, allocations)", ms(p_read), ""),
        ("peer: pandas groups them into balances and bands (rows in memory)", ms(p_group), ""),
        ("peer: pandas, read + group", ms(p_read + p_group), ""),
    ], ("what", "median", "slowest"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
