"""The ``return`` command group: goods going back. ``return supplier`` posts a return to the supplier (采购退货,
``domain.purchasing.returns``), ``return customer`` a customer return (销售退货, ``domain.sales.returns``, its parser
and handler in ``ui.cli.sales``), ``return pdf`` writes a posted return's note as PDF (``ui.pdf.returns``); each
kind of return is a sub-command with its own parser and handler.

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ui.cli.common import EXIT_OK
from ui.cli.common import add_language_option
from ui.cli.common import file_language
from ui.cli.common import when
from ui.cli.sales import add_customer_return_parser
from ui.cli.sales import run_customer_return

COMMANDS = ("return",)


def add_parsers(sub) -> None:
    kinds = sub.add_parser("return", help="post goods going back (to a supplier, from a customer)").add_subparsers(
        dest="action", required=True)
    add_supplier_parser(kinds)
    add_customer_return_parser(kinds)
    add_pdf_parser(kinds)


def run(args: argparse.Namespace, open_db) -> int:
    handlers = {"supplier": run_supplier, "customer": run_customer_return, "pdf": run_pdf}
    return handlers[args.action](args, open_db)


# -- return supplier


def add_supplier_parser(kinds) -> None:
    p = kinds.add_parser("supplier", help="return goods to a supplier: they leave the warehouse at the moving "
                                          "average; optionally against a goods receipt or a purchase order")
    p.add_argument("--supplier", required=True, help="the supplier's code")
    p.add_argument("--warehouse", required=True, help="the warehouse the goods leave")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--reason", required=True, help="why the goods go back (damaged, wrong item, ...)")
    against = p.add_mutually_exclusive_group()
    against.add_argument("--receipt", help="the goods receipt (GR-...) the goods came in with")
    against.add_argument("--po", help="the purchase order (PO-...) they were received against; its received "
                                      "quantity goes down")
    p.add_argument("--ref", default="", help="the supplier's return authorisation or delivery note (optional)")
    p.add_argument("--at", type=when)


def run_supplier(args: argparse.Namespace, open_db) -> int:
    from domain.purchasing import returns

    db = open_db()
    try:
        doc = returns.return_to_supplier(db.uow(), returns.ReturnToSupplier(
            args.supplier, args.warehouse, (returns.ReturnLine(args.sku, args.qty),), args.reason,
            receipt=args.receipt or "", po=args.po or "", reference=args.ref, occurred_at=args.at))
    finally:
        db.close()
    print(doc.number)
    return EXIT_OK


# -- return pdf



def add_pdf_parser(kinds) -> None:
    p = kinds.add_parser("pdf", help="write a posted return's note (customer return SR-..., supplier return "
                                     "PR-...) as PDF")
    p.add_argument("doc", help="the return's number (SR-... or PR-...)")
    p.add_argument("-o", "--output", type=Path, required=True)
    add_language_option(p, "the note")


def run_pdf(args: argparse.Namespace, open_db) -> int:
    db = open_db()
    try:
        from ui.pdf.returns import render_return

        data = render_return(db.uow, args.doc, file_language(args.language))
    finally:
        db.close()
    args.output.write_bytes(data)
    print(f"{args.output} ({len(data):,} bytes)")
    return EXIT_OK
