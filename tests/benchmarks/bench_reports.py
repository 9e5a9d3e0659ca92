"""The 进销存 reports (issue 17) for one year on a large database, with pandas beside them as a peer.

    .venv/bin/python tests/benchmarks/bench_reports.py [--products 100000] [--movements 600000] [--sales 20000]
                                                       [--ageing]

(``--quick`` or STOCKROOM_BENCH_QUICK=1: 2,000 products, 20,000 movements, 1,000 sales lines; ``--ageing``: the
ageing reports alone, each also timed end to end as ``report ageing`` builds its sheet, without printing.)

Target: every report for one year < 2 s. Each report is timed as the command line runs it without printing: the
read (``persistence.reports.queries``) and the rows (``domain/reports``), median of 3. The peer, in the same run:
pandas computing the same stock summary (opening and closing from the last running balance of each product ×
warehouse before the day, the period's flows by kind) from the same rows, read with one plain query; its totals
must equal ours to the cent.

The database is built once and cached in $STOCKROOM_BENCH_CACHE: ``--products`` products in 3 warehouses (12
categories), ``--movements`` receipts, shipments and transfers through ``ledger.post_many`` spread over
2025-01-01 .. 2025-11-30 in business-time order, then ``--sales`` counter-sale lines (100 lines a document, through
``domain.sales.shipping.sell``) in December 2025, so that margin and ranking have sales lines to sum.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from _common import CACHE  # noqa: E402
from _common import QUICK  # noqa: E402
from _common import add_master_data  # noqa: E402
from _common import load  # noqa: E402
from _common import median_cli  # noqa: E402
from _common import ms  # noqa: E402
from _common import sku  # noqa: E402
from _common import table  # noqa: E402

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def _commands(n: int, products: int, seed: int = 17) -> list[object]:
    """``n`` receipts, shipments and transfers over 2025-01-01 .. 2025-11-30 that never drive stock negative."""
    from domain.stock import commands as c

    rng = random.Random(seed)
    start, span = datetime(2025, 1, 1, 8, tzinfo=UTC), timedelta(days=333).total_seconds()
    on_hand: dict[tuple[int, int], int] = {}
    cost = {}
    out: list[object] = []
    for k in range(n):
        p, w = rng.randrange(products), rng.randrange(1, 4)
        at = start + timedelta(seconds=span * k / n)
        have = on_hand.get((p, w), 0)
        if have < 5 or rng.random() < 0.35:
            q = rng.randrange(10, 100)
            base = cost.setdefault(p, Decimal(rng.randrange(100, 20_000)) / 100)
            out.append(c.ReceiveStock(sku(p), str(q), f"W{w}", str(base + Decimal(rng.randrange(-50, 51)) / 100),
                                      f"PO-{k}", at))
            on_hand[(p, w)] = have + q
        elif rng.random() < 0.05:
            to = 1 + w % 3
            q = rng.randrange(1, have + 1)
            out.append(c.TransferStock(sku(p), str(q), f"W{w}", f"W{to}", f"TR-{k}", at))
            on_hand[(p, w)] = have - q
            on_hand[(p, to)] = on_hand.get((p, to), 0) + q
        else:
            q = rng.randrange(1, min(have, 20) + 1)
            out.append(c.ShipStock(sku(p), str(q), f"W{w}", f"SO-{k}", at))
            on_hand[(p, w)] = have - q
    return out


def build(path, products: int, movements: int, sales: int) -> None:
    from domain.catalog import commands as cc
    from domain.catalog import master as catalog
    from domain.sales import commands as sc
    from domain.sales import shipping
    from domain.stock import ledger
    from persistence.db import open_database

    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    db = open_database(path)
    add_master_data(db, products)
    for i in range(20):
        catalog.add_customer(db.uow(), cc.AddCustomer(f"C{i:02d}", f"Customer {i} 客户{i}"))
    commands = _commands(movements, products)
    print(f"posting {len(commands):,} movements", file=sys.stderr)
    ledger.post_many(db.uow(), commands)
    with db.engine.connect() as conn:
        from sqlalchemy import select

        from persistence import tables as t

        rows = conn.execute(select(t.products.c.sku, t.balances.c.on_hand)
                            .join(t.balances, t.balances.c.product_id == t.products.c.id)
                            .join(t.warehouses, t.warehouses.c.id == t.balances.c.warehouse_id)
                            .where(t.warehouses.c.code == "W1", t.balances.c.on_hand >= 1)).all()
    left = {code: int(on_hand) for code, on_hand in rows}  # what each product still has in W1 to sell
    stock = sorted(left)
    rng = random.Random(5)
    day = datetime(2025, 12, 1, 9, tzinfo=UTC)
    print(f"selling {sales:,} lines from {len(stock):,} stocked products", file=sys.stderr)
    for d in range(sales // 100):
        picked: list[str] = []
        while len(picked) < 100:
            code = stock[rng.randrange(len(stock))]
            if left[code] >= 1 and code not in picked:
                picked.append(code)
                left[code] -= 1
        lines = tuple(sc.SaleLineInput(code, "1", str(Decimal(rng.randrange(500, 30_000)) / 100)) for code in picked)
        shipping.sell(db.uow(), sc.CounterSale(f"C{d % 20:02d}", "W1", lines,
                                               occurred_at=day + timedelta(minutes=7 * d)))
    db.close()
    print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def _median(fn, repeat: int = 3) -> tuple[float, float, object]:
    """Median wall and CPU time of ``fn`` run as the command line runs a report (the garbage collector paused)."""
    from ui.cli.common import paused_gc

    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, used = time.perf_counter(), time.process_time()
        with paused_gc():
            result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
    return statistics.median(times), statistics.median(cpu), result


def pandas_summary(engine, first: date, last: date):
    """The peer: the same stock summary's totals from the same rows with pandas (read included)."""
    import pandas as pd

    from persistence.reports.queries import midnight
    from persistence.types import to_micros

    start = to_micros(midnight(first))
    end = to_micros(midnight(last + timedelta(days=1)))
    sql = ("SELECT m.product_id, m.warehouse_id, m.occurred_at, m.id, m.kind, m.source_type, m.qty, mv.value, "
           "mv.on_hand_after, mv.value_after, o.kind AS okind, o.source_type AS osource "
           "FROM movements m JOIN movement_values mv ON mv.movement_id = m.id "
           "LEFT JOIN movements o ON o.id = m.reverses_id")
    with engine.connect() as conn:
        frame = pd.read_sql_query(sql, conn.connection.driver_connection)
    frame = frame.sort_values(["occurred_at", "id"])
    before = frame[frame.occurred_at < start].groupby(["product_id", "warehouse_id"]).tail(1)
    upto = frame[frame.occurred_at < end].groupby(["product_id", "warehouse_id"]).tail(1)
    inside = frame[(frame.occurred_at >= start) & (frame.occurred_at < end)]
    kind = inside.okind.fillna(inside.kind)
    source = inside.osource.fillna(inside.source_type)
    flows = inside.assign(kind=kind, source=source).groupby(["product_id", "kind", "source"])[["qty", "value"]].sum()
    return (int(before.value_after.sum()), int(upto.value_after.sum()), int(flows.value.sum()),
            len(upto.product_id.unique()))


def main() -> int:
    products = _arg("--products", 2_000 if QUICK else 100_000)
    movements = _arg("--movements", 20_000 if QUICK else 600_000)
    sales = _arg("--sales", 1_000 if QUICK else 20_000)
    path = CACHE / f"reports-{products}-{movements}.sqlite3"
    if not path.exists():
        build(path, products, movements, sales)

    from domain.reports.model import Period
    from domain.reports.sales import MarginBy
    from domain.reports.sales import RankBy
    from domain.reports.sales import margin_rows
    from domain.reports.sales import ranking
    from domain.reports.sales import slow_movers
    from domain.reports.status import status_rows
    from domain.reports.stock_summary import SummaryBy
    from domain.reports.stock_summary import summarize
    from domain.reports.stock_summary import total
    from persistence import tables as t
    from persistence.db import open_database
    from persistence.reports import queries

    db = open_database(path)
    engine = db.engine
    period = Period(*YEAR)
    with engine.connect() as conn:
        from sqlalchemy import text

        count = conn.execute(text("SELECT count(*) FROM movements")).scalar()
        lines = conn.execute(text("SELECT count(*) FROM sales_lines")).scalar()

    if "--ageing" in sys.argv:
        return _ageing_only(engine, db, count, lines, products)

    from persistence.stock import months

    def summary(by, within=period):
        pairs, labels, codes = queries.stock_summary(engine, within, by)
        return summarize(pairs, by, labels, codes)

    rows = []
    figures = {}
    # the monthly rows (persistence/stock/months.py) are filled by the first report that needs them: once, timed
    # apart; then each summary is timed from them and, in the same run, from the ledger alone (as before 0014)
    with engine.begin() as conn:
        conn.execute(t.stock_months.delete())
        conn.execute(t.stock_months_state.delete())
    start, used = time.perf_counter(), time.process_time()
    months.refresh(engine, "2025-12", 0)
    fill = (time.perf_counter() - start, time.process_time() - used)
    half = Period(date(2025, 7, 1), YEAR[1])  # opening after half a year: each pair moved since is looked up
    usable = months.usable
    ours = kept = None
    for ledger_alone in (False, True):
        months.usable = (lambda conn: False) if ledger_alone else usable
        how = " (the ledger alone, as before 0014)" if ledger_alone else ""
        for by in SummaryBy:
            seconds, cpu, result = _median(lambda by=by: summary(by))
            figures[f"stock-summary --by {by.value}{how}"] = (seconds, cpu, len(result))
            if by == SummaryBy.PRODUCT:
                if ledger_alone:
                    assert total(result) == ours and result == kept, "the two ways disagree"
                ours, kept = total(result), result
        seconds, cpu, result = _median(lambda: summary(SummaryBy.PRODUCT, half))
        figures[f"stock-summary --by product, 2025-07-01 – 2025-12-31{how}"] = (seconds, cpu, len(result))
    months.usable = usable
    ours = total(kept)
    for by in MarginBy:
        seconds, cpu, result = _median(lambda by=by: margin_rows(queries.sales_figures(engine, period, by)))
        figures[f"margin --by {by.value}"] = (seconds, cpu, len(result))
    seconds, cpu, result = _median(lambda: ranking(queries.sales_figures(engine, period, MarginBy.PRODUCT),
                                                   RankBy.REVENUE, 50))
    figures["ranking --top 50"] = (seconds, cpu, len(result))
    seconds, cpu, result = _median(lambda: slow_movers(queries.stocked_products(engine), 90, YEAR[1]))
    figures["ranking --slow 90"] = (seconds, cpu, len(result))
    seconds, cpu, result = _median(lambda: status_rows(queries.stock_status(engine, YEAR[1])))
    figures["status"] = (seconds, cpu, len(result))
    figures.update(_ageing_figures(engine, built=False))
    peer_seconds, peer_cpu, peer = _median(lambda: pandas_summary(engine, *YEAR))
    db.close()
    cli_seconds, _, cli_cpu = median_cli(["--db", str(path), "report", "stock-summary", "--from", YEAR[0].isoformat(),
                                          "--to", YEAR[1].isoformat(), "--by", "category", "--json"], 3)

    scale = Decimal(1).scaleb(-4)
    assert Decimal(peer[0]) * scale == ours.opening.value, (peer, ours)
    assert Decimal(peer[1]) * scale == ours.closing.value, (peer, ours)
    assert Decimal(peer[2]) * scale == sum((a.value for a in ours.flows.values()), Decimal(0)), (peer, ours)
    for name, (seconds, cpu, n) in figures.items():
        rows.append((f"report {name}", f"{n:,}", f"{ms(seconds)} (CPU {ms(cpu)})", "yes" if seconds < 2 else "NO"))
    rows.append(("stock_months filled from the ledger (once, 2025-01 – 2025-12; the first summary after 0014)", "",
                 f"{ms(fill[0])} (CPU {ms(fill[1])})", ""))
    rows.append(("the command line, end to end: report stock-summary --by category --json", "12",
                 f"{ms(cli_seconds)} (CPU {ms(cli_cpu)})", "yes" if cli_seconds < 2 else "NO"))
    rows.append(("peer: pandas, the same stock summary's totals (read included)", f"{peer[3]:,} products",
                 f"{ms(peer_seconds)} (CPU {ms(peer_cpu)})", ""))
    table(f"Reports for 2025 on {products:,} products, {count:,} movements, {lines:,} sales lines ({load()})",
          rows, ("report (median of 3)", "rows", "wall time (CPU)", "< 2 s"))
    return 0


def _ageing_figures(engine, built: bool) -> dict[str, tuple[float, float, int]]:
    """The ageing as of the year's last day by product, category and warehouse: the read and the rows (as the
    command line runs them), and with ``built`` also the sheet ``report ageing`` prints (``ui.report_build``)."""
    from domain.reports.ageing import DEFAULT_BANDS
    from domain.reports.ageing import AgeingBy
    from domain.reports.ageing_columns import ageing_rows_of
    from persistence.boundary import ReportQueries
    from persistence.reports import queries
    from ui import report_build

    figures = {}
    for by in AgeingBy:
        seconds, cpu, result = _median(lambda by=by: ageing_rows_of(
            queries.ageing_stock(engine, YEAR[1], per_warehouse=by == AgeingBy.WAREHOUSE), YEAR[1],
            DEFAULT_BANDS, by))
        figures[f"ageing --as-of {YEAR[1].isoformat()} --by {by.value}"] = (seconds, cpu, len(result))
        if built:
            request = report_build.ReportRequest(report_build.AGEING, YEAR[1], YEAR[1], by=by.value)
            seconds, cpu, result = _median(lambda request=request: report_build.build(ReportQueries(engine), request,
                                                                                      "en"))
            figures[f"ageing --as-of {YEAR[1].isoformat()} --by {by.value}, and its sheet"] = (
                seconds, cpu, len(result[0].rows))
    return figures


def _ageing_only(engine, db, count: int, lines: int, products: int) -> int:
    figures = _ageing_figures(engine, built=True)
    db.close()
    rows = [(f"report {name}", f"{n:,}", f"{ms(seconds)} (CPU {ms(cpu)})", "yes" if seconds < 2 else "NO")
            for name, (seconds, cpu, n) in figures.items()]
    table(f"Ageing as of 2025-12-31 on {products:,} products, {count:,} movements, {lines:,} sales lines ({load()})",
          rows, ("report (median of 3)", "rows", "wall time (CPU)", "< 2 s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
