"""``dashboard``: the dashboard's figures (``domain/reports/dashboard.py``) for a period, as a short text or as JSON.

    dashboard [--from D --to D | --period week|month|quarter|year] [--warehouse W] [--dead-days N]
              [--cover-target N] [--rows N] [--no-alerts] [--json]

The period is ``--period`` (the days up to today; month by default) or ``--from``/``--to``. Dead stock counts the
days of the setting ``dashboard.dead_days`` (180 unset), excess stock the cover target
``dashboard.cover_target_days`` (60 unset); ``--dead-days`` and ``--cover-target`` take other days for one run. The
reorder alerts are the last planning run's (the Replenishment screen's, ``reorder`` or ``suggest``: each stores its
alerts summary), said out of date when the day moved on or the data changed since; only when no run stored one is
a planning run made here (and stored), the slowest figure; ``--no-alerts`` leaves it out. Reading the dashboard
needs the right to see money (exit status 3 otherwise); numbers print as exact text, money with two places.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from decimal import Decimal

from domain.kernel import clock
from domain.kernel.errors import BadInput
from ui.cli.common import EXIT_OK
from ui.cli.common import day
from ui.cli.common import num
from ui.cli.common import print_json
from ui.cli.common import whole

COMMANDS = ("dashboard",)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dashboard", help="fill rate, stockouts, lost sales, backorders (customers waiting), stock "
                                         "value and its trend, turnover, dead and excess stock, reorder alerts, "
                                         "overdue accounts")
    p.add_argument("--from", dest="first", metavar="D", help="the first day, YYYY-MM-DD (with --to)")
    p.add_argument("--to", dest="last", metavar="D", help="the last day, YYYY-MM-DD (default: today)")
    p.add_argument("--period", choices=("week", "month", "quarter", "year"),
                   help="the days up to --to (default: month)")
    p.add_argument("--warehouse", metavar="W", help="only this warehouse (its code; default: all)")
    p.add_argument("--dead-days", type=whole(1, 3650), metavar="N",
                   help="dead stock: no issue in N days (default: the setting)")
    p.add_argument("--cover-target", type=whole(1, 3650), metavar="N",
                   help="excess stock: above N days of cover (default: the setting)")
    p.add_argument("--rows", type=whole(1), default=20, metavar="N", help="rows listed per figure (default 20)")
    p.add_argument("--no-alerts", dest="alerts", action="store_false", help="skip the planning run's alerts")
    p.add_argument("--json", action="store_true", help="print JSON")


def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def period_from(args, today: date):
    from domain.reports import dashboard as d
    from domain.reports.model import Period

    last = day("--to", args.last) or today
    first = day("--from", args.first)
    if first is not None and args.period:
        raise BadInput("--period", "give either --period or --from, not both")
    if first is not None:
        return Period(first, last)
    return d.period_of(args.period or d.Span.MONTH, last)


def run(args: argparse.Namespace, open_db) -> int:
    if args.rows < 0:
        raise BadInput("--rows", f"{args.rows} is not a number of rows; give 0 or more")
    today = clock.today()
    period = period_from(args, today)
    db = open_db()
    try:
        from domain.reports.access import authorize_reports

        authorize_reports(db.uow())
        data = collect(db.engine, period, today, args.warehouse, args.rows, alerts=args.alerts,
                       dead_days=args.dead_days, target_days=args.cover_target, uow=db.uow)
    finally:
        db.close()
    if args.json:
        print_json(data)
    else:
        _print(data)
    return EXIT_OK


def collect(engine, period, today: date, warehouse: str | None, rows: int, *, alerts: bool = True,
            dead_days: int | None = None, target_days: int | None = None, uow=None) -> dict:
    """Every figure as JSON-ready values (numbers as exact text); the customers waiting (backorders, as they stand
    now) need ``uow``, a unit-of-work factory, and are left out without one."""
    from domain.reports import dashboard as d
    from domain.reports.sales import slow_movers
    from persistence.reports import dashboard as reads

    offset = time.localtime().tm_gmtoff
    stored = reads.settings(engine)
    for name, value in (("--dead-days", dead_days), ("--cover-target", target_days)):
        if value is not None and value < 1:
            raise BadInput(name, f"{value} is not a number of days; give 1 or more")
    dead_days = dead_days or d.setting_days(stored, d.DEAD_DAYS_KEY, d.DEAD_DAYS)
    target_days = target_days or d.setting_days(stored, d.COVER_TARGET_KEY, d.COVER_TARGET_DAYS)
    first = reads.first_figures(engine, period, today, warehouse=warehouse, utc_offset_seconds=offset)
    fill = d.fill_rate(first.fill)
    lost = d.lost_sales(first.lost)
    series = d.value_series(first.value_now, reads.value_changes(engine, period.first, warehouse=warehouse,
                                                                 utc_offset_seconds=offset), period)
    stockouts = d.stockout_days(reads.zero_spells(engine, period, warehouse=warehouse, utc_offset_seconds=offset),
                                period, today)
    stock = reads.stock_figures(engine, period, today, warehouse=warehouse, utc_offset_seconds=offset)
    dead = slow_movers(stock.stocked, dead_days, min(period.last, today))
    excess = d.excess_stock(stock.held, target_days)
    out: dict = {
        "from": period.first.isoformat(), "to": period.last.isoformat(), "warehouse": warehouse or None,
        "fill_rate": {"quantity_percent": num(fill.qty_percent), "lines_percent": num(fill.lines_percent),
                      "shipped": num(fill.shipped), "unfilled": num(fill.unfilled), "lines_due": fill.lines_due,
                      "lines_on_time": fill.lines_on_time},
        "stockout_days": {"days": sum(r.days for r in stockouts), "pairs": len(stockouts),
                          "out_now": sum(1 for r in stockouts if r.out_now),
                          "rows": [{"sku": r.sku, "warehouse": r.warehouse, "days": r.days, "out_now": r.out_now}
                                   for r in stockouts[:rows]]},
        "lost_sales": {"value": money(sum((r.value for r in lost), Decimal(0))),
                       "qty": num(sum((r.qty for r in lost), Decimal(0))),
                       "rows": [{"sku": r.sku, "name": r.name, "qty": num(r.qty), "price": num(r.price),
                                 "price_from": r.source or None, "value": money(r.value)} for r in lost[:rows]]},
        "inventory_value": {"now": money(first.value_now), "start": money(series[0][1]),
                            "end": money(series[-1][1]),
                            "series": [[day.isoformat(), money(v)] for day, v in series]},
        "turnover": [{"category": r.category, "cost_of_issues": money(r.cost_of_issues),
                      "average_value": money(r.average_value), "closing_value": money(r.closing_value),
                      "turns": num(r.turns), "cover_days": num(r.cover_days)}
                     for r in d.turnover(stock.by_category, period)],
        "dead_stock": {"days": dead_days, "products": len(dead), "value": money(sum((r.value for r in dead),
                                                                                     Decimal(0))),
                       "rows": [{"sku": r.sku, "name": r.name, "on_hand": num(r.on_hand), "value": money(r.value),
                                 "last_issue": r.last_issue.isoformat() if r.last_issue else None}
                                for r in dead[:rows]]},
        "excess_stock": {"cover_target_days": target_days, "pairs": len(excess),
                         "value": money(sum((r.value for r in excess), Decimal(0))),
                         "rows": [{"sku": r.sku, "warehouse": r.warehouse, "on_hand": num(r.on_hand),
                                   "target": num(r.target), "excess": num(r.excess), "value": money(r.value)}
                                  for r in excess[:rows]]},
    }
    for side in (first.receivables, first.payables):
        out["receivables" if side.side == "AR" else "payables"] = {
            "balance": money(side.balance), "overdue": money(side.overdue), "d1_30": money(side.d1_30),
            "d31_60": money(side.d31_60), "d61_90": money(side.d61_90), "over_90": money(side.over_90)}
    if uow is not None:
        out["backorders"] = backorder_figures(uow, warehouse, rows)
    if alerts:
        out["reorder_alerts"] = reorder_alerts(engine, today, warehouse, offset)
    return out


def backorder_figures(uow, warehouse: str | None, rows: int) -> dict:
    """The customers waiting now (``domain.sales.backorders``): lines, customers, lines no purchase order covers
    yet, and the first ``rows`` lines by confirmation time."""
    from domain.sales.backorders import backorders
    from domain.sales.backorders import waiting

    found = [r for r in backorders(uow()) if warehouse is None or r.warehouse == warehouse]
    counts = waiting(found)
    return {"lines": counts.lines, "customers": counts.customers, "without_purchase_order": counts.without_po,
            "rows": [{"customer": r.customer, "so": r.so, "sku": r.sku, "warehouse": r.warehouse, "qty": num(r.qty),
                      "arrival": r.arrival.isoformat() if r.arrival else None} for r in found[:rows]]}


def reorder_alerts(engine, today: date, warehouse: str | None, offset: int) -> dict:
    """The last planning run's alerts (of ``warehouse``, or all), with when it ran and whether it is out of date;
    a planning run made here, and stored, only when no run stored its alerts yet."""
    from domain.planning.alerts import CURRENT
    from persistence.reports import dashboard as reads

    summary, version = reads.stored_alerts(engine)
    planned_now = summary is None
    if summary is None:
        summary = reads.plan_alerts(engine, today, utc_offset_seconds=offset)
        version = reads.stored_alerts(engine)[1]  # the data may have changed while it planned
    state = summary.state(today, version)
    return {**summary.by_severity(warehouse), "planned_for": summary.day.isoformat(),
            "planned_at": summary.computed_at.isoformat(timespec="seconds"), "planned_now": planned_now,
            "out_of_date": state != CURRENT, "why": None if state == CURRENT else state}


def grouped(figure) -> str:
    """A figure of the JSON (a count, or money as its exact text) with its thousands grouped, as the tables print
    them: ``1,549,796.48``; '-' for none."""
    return "-" if figure is None else f"{Decimal(str(figure)):,}"


def _print(data: dict) -> None:
    g = grouped
    w = sys.stdout.write
    fill, inv = data["fill_rate"], data["inventory_value"]
    w(f"Dashboard {data['from']} – {data['to']}, warehouse: {data['warehouse'] or 'all'}\n")
    w(f"Fill rate: {fill['quantity_percent'] or '-'}% of the quantity ({g(fill['shipped'])} shipped, "
      f"{g(fill['unfilled'])} unfilled); {fill['lines_percent'] or '-'}% of {g(fill['lines_due'])} order lines "
      f"complete and on time\n")
    s = data["stockout_days"]
    w(f"Stockout days: {g(s['days'])} over {g(s['pairs'])} product × warehouse pairs ({s['out_now']} out now)\n")
    w(f"Lost sales: {g(data['lost_sales']['value'])} ({g(data['lost_sales']['qty'])} units)\n")
    if "backorders" in data:
        b = data["backorders"]
        w(f"Backorders: {g(b['lines'])} order lines, {g(b['customers'])} customers waiting "
          f"({g(b['without_purchase_order'])} lines with no purchase order yet)\n")
    w(f"Inventory value: {g(inv['start'])} → {g(inv['end'])} (now {g(inv['now'])})\n")
    for r in data["turnover"]:
        w(f"  {r['category'] or '-'}: turns {r['turns'] or '-'}, cover {r['cover_days'] or '-'} days, "
          f"cost of issues {g(r['cost_of_issues'])}\n")
    dead, excess = data["dead_stock"], data["excess_stock"]
    w(f"Dead stock (no issue in {dead['days']} days): {g(dead['products'])} products, {g(dead['value'])}\n")
    w(f"Excess stock (over {excess['cover_target_days']} days of cover): {g(excess['pairs'])} pairs, "
      f"{g(excess['value'])}\n")
    if "reorder_alerts" in data:
        a = data["reorder_alerts"]
        when = "planned now" if a["planned_now"] else f"planned {a['planned_at']} for {a['planned_for']}"
        old = ""
        if a["out_of_date"]:
            old = (" — out of date: " + ("the data changed since" if a["why"] == "data changed" else "an earlier day")
                   + "; run `reorder` or plan on the Replenishment screen again")
        w(f"Reorder alerts: {a['critical']} critical, {a['high']} high, {a['normal']} normal ({when}){old}\n")
    for side in ("receivables", "payables"):
        x = data[side]
        w(f"{side.capitalize()}: {g(x['overdue'])} overdue of {g(x['balance'])}\n")
