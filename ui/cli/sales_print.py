"""``so pdf SO -o FILE [--kind confirmation|delivery|invoice|backorder] [--language en|zh_CN]``: a sales order's
documents as PDF (``ui.pdf.sales_orders``, which the window's Print buttons use too; reportlab is imported only
when a PDF is written).

The ``so`` command group is ``ui.cli.sales``'s; this module adds its ``pdf`` action to it and claims only that
action (``claims``), so ``ui.cli.app`` sends every other ``so`` action to ``ui.cli.sales``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ui.cli.common import EXIT_OK
from ui.cli.common import add_language_option
from ui.cli.common import file_language

COMMANDS = ("so",)
KINDS = ("confirmation", "delivery", "invoice", "backorder")  # ui.pdf.sales_orders.KINDS


def add_parsers(sub: argparse._SubParsersAction) -> None:
    so = sub.choices.get("so")
    if so is None:  # the sales commands are not there: nothing to add a PDF to
        return
    actions = next(a for a in so._actions if isinstance(a, argparse._SubParsersAction))
    p = actions.add_parser("pdf", help="write an order's confirmation, delivery note, invoice or backorder notice as "
                                       "PDF")
    p.add_argument("so", help="the sales order number")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--kind", choices=KINDS, default="confirmation",
                   help="confirmation (default); delivery or invoice of the order's last shipment; backorder: the "
                        "order's customer's backorder notice")
    add_language_option(p, "the document")


def claims(args: argparse.Namespace) -> bool:
    return args.command == "so" and getattr(args, "action", None) == "pdf"


def run(args, open_db) -> int:
    db = open_db()
    try:
        from ui.pdf.sales_orders import render_order

        data = render_order(db.uow, args.so, args.kind, file_language(args.language))
    finally:
        db.close()
    args.output.write_bytes(data)
    print(f"{args.output} ({len(data):,} bytes)")
    return EXIT_OK

