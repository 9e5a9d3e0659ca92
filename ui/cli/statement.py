"""``statement PARTNER --from D --to D -o FILE [--language en|zh_CN] [--customer|--supplier]``: a customer's or
supplier's statement (对账单) for a period, written as PDF or Excel by the file's suffix (``ui.statement_export``,
which the window's partner page uses too).

PARTNER is a customer or supplier code; a code that is both is refused (exit 3) until ``--customer`` or
``--supplier`` says whose. Seeing a statement needs ``Permission.ACCOUNTS``. Exit status as in ``ui.cli``: 0 done,
2 bad input (a date that is not one, ``--from`` after ``--to``, a file that is neither .pdf nor .xlsx), 3 refused
(an unknown code, an ambiguous one, a user who may not see what partners owe).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from domain.kernel.errors import BadInput
from domain.kernel.validate import iso_day
from ui.cli.common import EXIT_OK
from ui.cli.common import add_language_option
from ui.cli.common import file_language

COMMANDS = ("statement",)
SUFFIXES = (".pdf", ".xlsx")  # ui.statement_export.SUFFIXES


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("statement", help="write a customer's or supplier's statement (对账单) for a period as PDF or "
                                         "Excel")
    p.add_argument("partner", help="the customer's or supplier's code")
    p.add_argument("--from", dest="start", required=True, help="the period's first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="the period's last day, YYYY-MM-DD")
    p.add_argument("-o", "--output", type=Path, required=True, help="FILE.pdf or FILE.xlsx")
    add_language_option(p, "the statement")
    whose = p.add_mutually_exclusive_group()
    whose.add_argument("--customer", action="store_true", help="PARTNER is a customer's code (when a supplier has it "
                                                               "too)")
    whose.add_argument("--supplier", action="store_true", help="PARTNER is a supplier's code (when a customer has "
                                                               "it too)")


def _date(field: str, text: str) -> date:
    try:
        return iso_day(text)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def run(args: argparse.Namespace, open_db) -> int:
    from domain.accounts.statement import AP
    from domain.accounts.statement import AR
    from domain.accounts.statement import statement_subject
    from persistence.accounts.statement import read_statement
    from persistence.accounts.statement import with_currency

    start, end = _date("--from", args.start), _date("--to", args.end)
    if start > end:
        raise BadInput("--from", f"{start.isoformat()} is after --to ({end.isoformat()}); give a --from date on or "
                                 f"before the --to date")
    if args.output.suffix.lower() not in SUFFIXES:
        raise BadInput("-o", f"{args.output.name} ends in neither .pdf nor .xlsx; a statement is written as a PDF "
                             f"(FILE.pdf) or an Excel workbook (FILE.xlsx)")
    side = AR if args.customer else AP if args.supplier else None
    db = open_db()
    try:
        subject = statement_subject(db.uow(), args.partner, side=side)
        statement = with_currency(db, read_statement(db.engine, subject, start, end, db.money_places))
    finally:
        db.close()
    from ui.statement_export import write_statement

    size = write_statement(statement, args.output, file_language(args.language))
    whose = "customer" if statement.side == AR else "supplier"
    s = statement  # every figure already has the currency's places
    print(f"{args.output} ({size:,} bytes): {whose} {s.partner.code}, {start.isoformat()} to {end.isoformat()}: "
          f"opening {s.opening}, {len(s.lines)} line(s), +{s.total_increase} -{s.total_decrease}, closing {s.closing} "
          f"{s.currency}" + ("" if s.in_currency is None else
                             f" ({s.in_currency[0]} {'—' if s.in_currency[1] is None else s.in_currency[1]})"))
    return EXIT_OK
