"""Watching partners: ``suppliers scorecard`` (how each supplier delivers: on time, lead time, fill, prices, returns;
``domain.purchasing.scorecard``) and ``customers at-risk`` (the customers overdue against their own ordering rhythm,
ranked by the value at risk, with the reason; ``domain.sales.churn``).

Exit status as in ``ui.cli``: 0 done, 2 bad input (a date that is not one, ``--from`` after ``--to``, a file that is
neither .xlsx nor .pdf), 3 refused (an unknown supplier code). ``customers at-risk -o FILE`` writes the list as an
Excel workbook or the call list as a PDF (``ui.churn_export``), in English or Chinese (``--language``). Nothing heavy
is imported at the top.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.kernel.validate import iso_day
from ui.cli.common import EXIT_OK
from ui.cli.common import add_language_option
from ui.cli.common import file_language
from ui.cli.common import print_json
from ui.cli.common import table

COMMANDS = ("suppliers", "customers")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    actions = sub.add_parser("suppliers", help="watch suppliers").add_subparsers(dest="action", required=True)
    p = actions.add_parser("scorecard", help="each supplier's on-time rate, lead time, fill rate, price trend and "
                                             "returns for a period")
    p.add_argument("--supplier", help="only this supplier's code (adds its price trends and months)")
    p.add_argument("--from", dest="start", help="the period's first day, YYYY-MM-DD (default: a year before --to)")
    p.add_argument("--to", dest="end", help="the period's last day, YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true")

    actions = sub.add_parser("customers", help="watch customers").add_subparsers(dest="action", required=True)
    p = actions.add_parser("at-risk", help="the customers overdue against their own ordering rhythm, the largest "
                                           "value at risk first, with the reason")
    p.add_argument("--as-of", dest="as_of", help="the day to look from, YYYY-MM-DD (default: today)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("-o", "--output", type=Path, help="FILE.xlsx (the list) or FILE.pdf (a printable call list)")
    add_language_option(p)


def day(field: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return iso_day(text)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def percent(rate: Decimal | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"


def run(args: argparse.Namespace, open_db) -> int:
    if args.command == "customers":
        return _at_risk(args, open_db)
    return _scorecard(args, open_db)


def _at_risk(args: argparse.Namespace, open_db) -> int:
    from domain.sales.churn import at_risk
    from domain.sales.churn import days_text
    from domain.sales.churn import reason_text
    from persistence.sales.churn import read_churn_facts

    as_of = day("--as-of", args.as_of) or clock.today()
    if args.output is not None:
        from ui.churn_export import check_target

        check_target(args.output)
    db = open_db()
    try:
        places = db.money_places
        risks = at_risk(read_churn_facts(db.engine, as_of, places))
    finally:
        db.close()

    def money(value: Decimal) -> str:
        return f"{value:.{places}f}"

    if args.output is not None:
        from ui.churn_export import write_at_risk

        size = write_at_risk(risks, as_of, args.output, file_language(args.language), places)
        print(f"{args.output} ({size:,} bytes): {len(risks)} customer(s) at risk as of {as_of.isoformat()}")
        return EXIT_OK
    if args.json:
        print_json([{
            "rank": n, "customer": r.customer.code, "name": r.customer.name, "contact": r.customer.contact,
            "phone": r.customer.phone, "orders": r.rhythm.visits, "median_days": fmt(r.rhythm.median_days),
            "basket": money(r.rhythm.basket), "last_order": r.rhythm.last.isoformat(), "days_since": r.days_since,
            "missed": r.missed, "value_at_risk": money(r.value_at_risk),
            "revenue_90": money(r.revenue_90),
            "short_lines": {"cut": r.reason.cut, "lost": r.reason.lost, "waiting": r.reason.waiting},
            "reason": reason_text(r.reason)} for n, r in enumerate(risks, 1)])
        return EXIT_OK
    if not risks:
        print(f"No customer is overdue against their ordering rhythm as of {as_of.isoformat()}.")
        return EXIT_OK
    table([[str(n), r.customer.code, r.customer.name, r.customer.phone, r.rhythm.last.isoformat(),
            days_text(r.rhythm.median_days), str(r.days_since), money(r.value_at_risk), reason_text(r.reason)]
           for n, r in enumerate(risks, 1)],
          ["#", "Customer", "Name", "Phone", "Last order", "Every (days)", "Silent (days)", "Value at risk", "Why"])
    return EXIT_OK


def _scorecard(args: argparse.Namespace, open_db) -> int:
    from domain.purchasing.scorecard import check_period
    from domain.purchasing.scorecard import scorecards
    from persistence.purchasing.scorecard import read_scorecard_facts

    start, end = check_period(day("--from", args.start), day("--to", args.end), clock.today())
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
