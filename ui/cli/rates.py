"""The ``rate`` command: exchange rates per currency and date (``domain.purchasing.exchange``).

``rate set USD 7.1234 --date 2026-12-01`` means 1 USD = 7.1234 units of the company currency from
that date on; the rate of a day is the latest rate dated on or before it. Exit status as in
``ui.cli``: 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.validate import iso_day

COMMANDS = ("rate",)


def add_parsers(sub) -> None:
    rate = sub.add_parser("rate", help="exchange rates: units of the company currency per 1 unit of a foreign one")
    actions = rate.add_subparsers(dest="action", required=True)
    p = actions.add_parser("set", help="enter (or correct) the rate of a currency from a date on")
    p.add_argument("currency", help="ISO 4217 code, e.g. USD")
    p.add_argument("rate", help="units of the company currency per 1 unit of CURRENCY, e.g. 7.1234")
    p.add_argument("--date", help="the first day the rate holds, YYYY-MM-DD (default: today)")
    p = actions.add_parser("remove", help="remove the rate of a currency dated exactly --date")
    p.add_argument("currency")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p = actions.add_parser("list", help="list the rates, by currency and date")
    p.add_argument("currency", nargs="?")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("show", help="the rate that holds for a currency on a date (default: today)")
    p.add_argument("currency")
    p.add_argument("--date", help="YYYY-MM-DD")


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return iso_day(text)
    except ValueError:
        raise BadInput("date", f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def run(args: argparse.Namespace, open_db) -> int:
    from domain.kernel.errors import NotFound
    from domain.kernel.numbers import fmt
    from domain.purchasing import commands as pc
    from domain.purchasing import rates
    from domain.purchasing.exchange import foreign_currency
    from domain.purchasing.exchange import rate_on

    day = _date(getattr(args, "date", None))
    db = open_db()
    try:
        if args.action == "set":
            try:
                r = rates.set_rate(db.uow(), pc.SetExchangeRate(args.currency, args.rate, day))
            except BadInput as e:
                if e.field != "date":
                    raise
                raise BadInput("--date", e.problem) from e
            company, _ = rates.list_rates(db.uow())
            print(f"1 {r.currency} = {fmt(r.rate)} {company} from {r.valid_from.isoformat()}")
        elif args.action == "remove":
            r = rates.remove_rate(db.uow(), pc.RemoveExchangeRate(args.currency, day))
            print(f"rate of {r.currency} dated {r.valid_from.isoformat()} removed")
        elif args.action == "show":
            company, all_rates = rates.list_rates(db.uow())
            code = foreign_currency(args.currency, company)
            wanted = day or clock.today()
            found = rate_on(all_rates, code, wanted)
            if found is None:
                raise NotFound(f"no rate for {code} on or before {wanted.isoformat()}; enter one with "
                               f"`stockroom rate set {code} RATE --date {wanted.isoformat()}`")
            print(f"1 {code} = {fmt(found.rate)} {company}, rate of {found.valid_from.isoformat()}")
        else:
            company, all_rates = rates.list_rates(db.uow(), args.currency)
            if args.json:
                out = [{"currency": r.currency, "date": r.valid_from.isoformat(), "rate": fmt(r.rate),
                        "company_currency": company} for r in all_rates]
                sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
            elif not all_rates:
                print(f"no exchange rates; enter one with `stockroom rate set USD 7.1234 --date YYYY-MM-DD` "
                      f"(company currency: {company})")
            else:
                for r in all_rates:
                    print(f"{r.currency}  {r.valid_from.isoformat()}  1 {r.currency} = {fmt(r.rate)} {company}")
    finally:
        db.close()
    return 0
