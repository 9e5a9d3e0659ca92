"""``report stock-summary|purchases|uninvoiced|margin|ranking|status|ageing``: the 进销存 reports (``domain/reports``)
printed as a table, as JSON (``--json``) or written to Excel or PDF (``-o FILE.xlsx|FILE.pdf``), in English or Chinese
(``--language``).

Reading a report needs the right to see money (``domain.reports.access``): refused with exit status 3 otherwise.
Days are business days on this computer's clock. openpyxl and reportlab are imported only when a file is written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from domain.kernel import clock
from domain.kernel.errors import BadInput
from ui.cli.common import EXIT_OK
from ui.cli.common import LANGUAGES
from ui.cli.common import add_language_option
from ui.cli.common import day
from ui.cli.common import file_language
from ui.cli.common import paused_gc
from ui.cli.common import table
from ui.cli.common import whole

COMMANDS = ("report",)
REPORTS = ("stock-summary", "purchases", "uninvoiced", "margin", "ranking", "status", "ageing")


def _common(p: argparse.ArgumentParser, *, period: bool = True, as_of: bool = False, warehouse: bool = True
            ) -> None:
    if period:
        p.add_argument("--from", dest="first", metavar="D",
                       help="the first day, YYYY-MM-DD (default: the first of --to's month)")
    if as_of:
        p.add_argument("--as-of", dest="last", metavar="D", help="the day, YYYY-MM-DD (default: today)")
    else:
        p.add_argument("--to", dest="last", metavar="D", help="the last day, YYYY-MM-DD (default: today)")
    if warehouse:
        p.add_argument("--warehouse", metavar="W", help="only this warehouse (its code; default: all)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON instead of a table")
    out.add_argument("-o", "--output", type=Path, metavar="FILE", help="write FILE.xlsx or FILE.pdf")
    add_language_option(p, "the report")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    reports = sub.add_parser("report", help="the 进销存 reports: stock summary, purchases, received not invoiced, "
                                            "sales margin, ranking, stock status, stock ageing"
                             ).add_subparsers(dest="report", required=True)
    p = reports.add_parser("stock-summary", help="进销存汇总表: opening, receipts, issues by kind and closing, "
                                                 "quantity and value, for a period")
    p.add_argument("--by", choices=("product", "category", "warehouse"), default="product")
    _common(p)
    p = reports.add_parser("purchases", help="采购汇总表: quantity and amount received from suppliers, returns, net, "
                                             "tax, amount with tax, average unit cost and share, for a period")
    p.add_argument("--by", choices=("supplier", "product", "supplier-product"), default="supplier")
    _common(p)
    p = reports.add_parser("uninvoiced", help="暂估入库: every receipt (against an order, or a free receipt) that "
                                              "the supplier's invoices have not billed in full on a day: the "
                                              "quantity not invoiced, its value at the order's price, days since "
                                              "received, totals per supplier")
    _common(p, period=False, as_of=True, warehouse=False)
    p = reports.add_parser("margin", help="销售毛利: revenue, cost, margin and margin %% (returns netted)")
    p.add_argument("--by", choices=("product", "category", "customer", "salesperson"), default="product")
    _common(p)
    p = reports.add_parser("ranking", help="商品销售排行: the top products by revenue or quantity; --slow DAYS: the "
                                           "products with stock and no issue in DAYS days")
    p.add_argument("--by", choices=("revenue", "quantity"), default="revenue")
    p.add_argument("--top", type=whole(1), default=10, metavar="N", help="how many products (default 10)")
    p.add_argument("--slow", type=whole(1, 3650), metavar="DAYS", help="list the slow movers instead")
    _common(p)
    p = reports.add_parser("status", help="库存状况: on hand, reserved, available, on order, min/max and days of "
                                          "cover (average daily issues of the 90 days up to --to)")
    _common(p, period=False)
    p = reports.add_parser("ageing", help="库龄: the stock on a day by age band since it came in, first in first "
                                          "out, valued at each product's average cost")
    p.add_argument("--bands", metavar="DAYS", default="30,60,90,180,365",
                   help="the bands' upper bounds in days (default 30,60,90,180,365: 0–30 … > 365)")
    p.add_argument("--by", choices=("product", "category", "warehouse"), default="product")
    _common(p, period=False, as_of=True)


def output_kind(path: Path | None) -> str | None:
    """``.xlsx`` or ``.pdf`` from ``-o FILE`` (None without it); BadInput for another kind of file."""
    if path is None:
        return None
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise BadInput("-o", f"{path.name!r} is neither an Excel nor a PDF file; give a name ending in .xlsx or .pdf")
    return suffix


def run(args, open_db) -> int:
    from domain.reports.ageing import parse_bands
    from ui import report_build as rb

    kind = output_kind(args.output)
    # A file reads as the window's would; a table or JSON for a script stays English unless told.
    language = file_language(args.language) if kind else LANGUAGES[args.language or "en"]
    last = day("--as-of" if args.report in ("ageing", "uninvoiced") else "--to", args.last) or clock.today()
    first = day("--from", getattr(args, "first", None)) or last.replace(day=1)
    if args.report == "ranking" and args.slow is None and args.top < 1:
        raise BadInput("--top", f"{args.top} is not a number of products; give 1 or more")
    slow = args.report == "ranking" and args.slow is not None
    request = rb.ReportRequest(rb.SLOW if slow else args.report, first, last, by=getattr(args, "by", "") or "",
                               warehouse=getattr(args, "warehouse", None), top=getattr(args, "top", 10),
                               slow_days=args.slow if slow else 90,
                               bands=parse_bands(args.bands) if args.report == "ageing" else rb.DEFAULT_BANDS,
                               every_flow=args.json)
    request.period  # noqa: B018 - refuses a --to before --from before the database is opened
    offset = time.localtime().tm_gmtoff
    db = open_db()
    try:
        from domain.reports.access import authorize_reports

        authorize_reports(db.uow())
        with paused_gc():
            from persistence.boundary import ReportQueries

            sheet, payload = rb.build(ReportQueries(db.engine), request, language, offset)
        company = company_name(db) if kind == ".pdf" else ""
    finally:
        db.close()
    if args.json:
        payload.update(rows=sheet.records())
        if sheet.total is not None:
            payload["total"] = {c.key: v for c, v in zip(sheet.columns, _records_of(sheet), strict=True)}
        if sheet.notes:
            payload["notes"] = sheet.notes
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif kind == ".xlsx":
        from ui.report_sheets import write_excel

        count = write_excel(sheet, args.output)
        print(f"{args.output} ({count:,} rows)")
    elif kind == ".pdf":
        from ui.pdf.reports import render_sheet

        data = render_sheet(sheet, company)
        args.output.write_bytes(data)
        print(f"{args.output} ({len(data):,} bytes)")
    else:
        _print(sheet)
    return EXIT_OK


def _records_of(sheet) -> list:
    from ui.report_sheets import json_value

    return [json_value(v) for v in sheet.total]


def company_name(db) -> str:
    from domain.sales.print_data import company_block

    with db.uow() as uow:
        return company_block(uow).name


def _print(sheet) -> None:
    from ui.report_sheets import header_line
    from ui.report_sheets import text

    sys.stdout.write(sheet.title + "\n")
    for name, value in sheet.header:
        sys.stdout.write(header_line(sheet, name, value) + "\n")
    rows = [*sheet.rows, *([sheet.total] if sheet.total is not None else [])]
    table([[text(v, c.kind) for v, c in zip(row, sheet.columns, strict=True)] for row in rows],
          [c.label for c in sheet.columns])
    for note in sheet.notes:
        sys.stdout.write(note + "\n")


def print_sheet(sheet) -> None:
    """A sheet as every report prints it on the terminal (title, header lines, table), for other command groups."""
    _print(sheet)
