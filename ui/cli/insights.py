"""Watching partners: ``suppliers scorecard`` (how each supplier delivers: on time, lead time, fill, prices, returns;
``domain.purchasing.scorecard``) and ``customers at-risk`` (the customers overdue against their own ordering rhythm,
ranked by the value at risk, with the reason; ``domain.sales.churn``).

Exit status as in ``ui.cli``: 0 done, 2 bad input (a date that is not one, ``--from`` after ``--to``, a file that is
neither .xlsx nor .pdf), 3 refused (an unknown supplier code). Nothing heavy is imported at the top.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal

from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from ui.cli.common import EXIT_OK
from ui.cli.common import print_json
from ui.cli.common import table

COMMANDS = ("suppliers",)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    actions = sub.add_parser("suppliers", help="watch suppliers").add_subparsers(dest="action", required=True)
    p = actions.add_parser("scorecard", help="each supplier's on-time rate, lead time, fill rate, price trend and "
                                             "returns for a period")
    p.add_argument("--supplier", help="only this supplier's code (adds its price trends and months)")
    p.add_argument("--from", dest="start", help="the period's first day, YYYY-MM-DD (default: a year before --to)")
    p.add_argument("--to", dest="end", help="the period's last day, YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true")


def day(field: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def percent(rate: Decimal | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"


def run(args: argparse.Namespace, open_db) -> int:
    return _scorecard(args, open_db)


def _scorecard(args: argparse.Namespace, open_db) -> int:
    from domain.purchasing.scorecard import check_period
    from domain.purchasing.scorecard import scorecards
    from persistence.purchasing.scorecard import read_scorecard_facts

    start, end = check_period(day("--from", args.start), day("--to", args.end), date.today())
    db = open_db()
    try:
        cards = scorecards(read_scorecard_facts(db.engine, start, end, args.supplier))
    finally:
        db.close()
    if args.json:
        print_json([_card_json(s, start, end) for s in cards])
        return EXIT_OK
    print(f"{start.isoformat()} to {end.isoformat()}")
    table([[s.code, s.name, percent(s.on_time_rate), str(s.receipts),
            "-" if s.days_late is None else f"{s.days_late:.1f}", _lead(s.lead_time), percent(s.fill_rate),
            str(s.short_lines), str(s.returns), fmt(s.returned_value), percent(s.returns_share)] for s in cards],
          ["Supplier", "Name", "On time", "Receipts", "Days late", "Lead time (days)", "Fill", "Short lines",
           "Returns", "Returned value", "Of received"])
    if args.supplier and cards:
        [s] = cards
        if s.prices:
            print(f"\nPrices paid ({s.code}):")
            table([[p.sku, p.currency, fmt(p.first), fmt(p.last), percent(p.change),
                    "  ".join(f"{x.on.isoformat()} {fmt(x.unit_price)}" for x in p.points)] for p in s.prices],
                  ["SKU", "Currency", "First", "Last", "Change", "Series"])
        if s.months:
            print(f"\nBy month ({s.code}):")
            table([[m.month, str(m.receipts), percent(m.on_time_rate),
                    "-" if m.lead_days is None else f"{m.lead_days:.1f}"] for m in s.months],
                  ["Month", "Receipts", "On time", "Lead time (days)"])
    return EXIT_OK


def _lead(lead) -> str:
    source = {"terms": "stated", "receipts_supplier": "receipts", "receipts_product": "receipts"}[lead.source]
    if lead.source == "terms":
        return f"{lead.days:.0f} ({source})"
    return f"{lead.days:.1f} ± {lead.sigma_days:.1f} ({lead.observations} {source})"


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else fmt(value.quantize(Decimal("0.0001")))


def _card_json(s, start: date, end: date) -> dict:
    return {
        "supplier": s.code, "name": s.name, "from": start.isoformat(), "to": end.isoformat(),
        "receipts": s.receipts, "on_time": s.on_time, "on_time_rate": _rate(s.on_time_rate),
        "days_late": s.days_late,
        "lead_time": {"days": round(s.lead_time.days, 2), "sigma_days": round(s.lead_time.sigma_days, 2),
                      "source": s.lead_time.source, "observations": s.lead_time.observations},
        "lines_due": s.lines_due, "ordered": fmt(s.ordered), "filled": fmt(s.filled), "short_lines": s.short_lines,
        "fill_rate": _rate(s.fill_rate),
        "prices": [{"sku": p.sku, "currency": p.currency, "first": fmt(p.first), "last": fmt(p.last),
                    "change": _rate(p.change), "series": [[x.on.isoformat(), fmt(x.unit_price)] for x in p.points]}
                   for p in s.prices],
        "returns": s.returns, "returned_qty": fmt(s.returned_qty), "returned_value": fmt(s.returned_value),
        "received_value": fmt(s.received_value), "returns_share": _rate(s.returns_share),
        "months": [{"month": m.month, "receipts": m.receipts, "on_time": m.on_time,
                    "lead_days": None if m.lead_days is None else round(m.lead_days, 2)} for m in s.months],
    }
