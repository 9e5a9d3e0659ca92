"""The ``supplier-invoice`` command group (采购发票, ``domain.accounts.invoices``):

* ``supplier-invoice add --supplier S NUMBER [--po PO] [--receipt GR-...]... [--amount A | --line SKU:QTY:PRICE ...]
  [--date D] [--due D] [--note N] [--preview] [--json]``: enter the supplier's invoice NUMBER for a purchase order
  and/or receipts without one, as one amount with tax or as lines (unit prices without tax; the order's tax rate is
  added); prints the match (ordered, received, billed before, billed, the two prices and the differences) and
  what the payable moves by. ``--preview`` prints the same and writes nothing.
* ``supplier-invoice list [--supplier S] [--json]``, ``supplier-invoice show S NUMBER [--json]`` (with the match).
* ``supplier-invoice reverse S NUMBER --reason R [--date D]``.

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused (a number entered before for the supplier, an order or
a receipt of another supplier, a SKU on neither, a closed month, a user without the right).
"""

from __future__ import annotations

import argparse

from domain.kernel.errors import BadInput
from domain.kernel.numbers import round_money
from ui.cli.common import EXIT_OK
from ui.cli.common import day
from ui.cli.common import num
from ui.cli.common import print_json
from ui.cli.common import table

COMMANDS = ("supplier-invoice",)


def add_parsers(sub) -> None:
    actions = sub.add_parser("supplier-invoice", help="supplier invoices (采购发票) matched to orders and receipts"
                             ).add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="enter a supplier's invoice for a purchase order and/or receipts")
    p.add_argument("number", help="the supplier's invoice number")
    p.add_argument("--supplier", required=True, help="the supplier's code")
    p.add_argument("--po", default="", help="the purchase order (PO-...) it bills")
    p.add_argument("--receipt", action="append", default=[], help="a goods receipt without an order (GR-...) it "
                                                                  "bills; repeat for more")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--amount", help="the invoice's total with tax")
    how.add_argument("--line", action="append", default=[], metavar="SKU:QTY:PRICE",
                     help="a line: SKU, quantity and unit price without tax; repeat for more")
    p.add_argument("--date", default="", help="the invoice's date, YYYY-MM-DD (default: today)")
    p.add_argument("--due", default="", help="its due date, YYYY-MM-DD (default: by the supplier's payment terms)")
    p.add_argument("--note", default="")
    p.add_argument("--preview", action="store_true", help="show the match and write nothing")
    p.add_argument("--accept-differences", action="store_true",
                   help="post it although it bills other quantities or prices than were ordered and received "
                        "(without it such an invoice is refused with the lines that differ)")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("list", help="the supplier invoices, newest first")
    p.add_argument("--supplier", default="", help="only this supplier's (its code)")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("show", help="one supplier invoice with its match")
    p.add_argument("supplier", help="the supplier's code")
    p.add_argument("number", help="the supplier's invoice number")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("reverse", help="reverse a supplier invoice: the receipts it replaced are open again")
    p.add_argument("supplier", help="the supplier's code")
    p.add_argument("number", help="the supplier's invoice number")
    p.add_argument("--reason", required=True)
    p.add_argument("--date", default="", help="the reversal's date, YYYY-MM-DD (default: today)")


def _line(text: str):
    from domain.accounts.invoices import LineInput

    parts = text.rsplit(":", 2)
    if len(parts) != 3 or not all(x.strip() for x in parts):
        raise BadInput("--line", f"{text!r} is not SKU:QTY:PRICE; write e.g. SCREW:10:2.50 (the unit price without "
                                 f"tax)")
    return LineInput(*(x.strip() for x in parts))


def run(args: argparse.Namespace, open_db) -> int:
    return {"add": _add, "list": _list, "show": _show, "reverse": _reverse}[args.action](args, open_db)


def _add(args, open_db) -> int:
    from domain.accounts import invoices as inv

    command = inv.EnterSupplierInvoice(
        args.supplier, args.number, po=args.po, receipts=tuple(args.receipt), amount=args.amount,
        lines=tuple(_line(x) for x in args.line), day=day("--date", args.date), due_on=day("--due", args.due),
        note=args.note, accept_differences=args.accept_differences)
    db = open_db()
    try:
        use = inv.preview_invoice if args.preview else inv.enter_supplier_invoice
        view = use(db.uow(), command)
    finally:
        db.close()
    _print(view, args.json, preview=args.preview)
    return EXIT_OK


def _list(args, open_db) -> int:
    from domain.access.roles import Permission
    from domain.access.roles import require
    from persistence.accounts.invoices import invoice_list

    db = open_db()
    try:
        with db.uow() as uow:
            require(uow, Permission.ACCOUNTS)
        rows = invoice_list(db.engine, args.supplier.strip())
    finally:
        db.close()
    if args.json:
        print_json([{"supplier": r.supplier, "supplier_name": r.supplier_name, "number": r.number,
                     "date": r.business_date.isoformat(), "due_on": r.due_on.isoformat() if r.due_on else None,
                     "po": r.po, "amount": num(r.amount), "tax": num(r.tax), "reversed": r.reversed, "user": r.user}
                    for r in rows])
        return EXIT_OK
    table([[r.supplier, r.number, r.business_date.isoformat(), r.due_on.isoformat() if r.due_on else "", r.po,
            _grouped(r.amount), _grouped(r.tax), "reversed" if r.reversed else ""] for r in rows],
          ["supplier", "number", "date", "due", "po", "amount", "tax", ""])
    return EXIT_OK


def _show(args, open_db) -> int:
    from domain.accounts import invoices as inv

    db = open_db()
    try:
        view = inv.show_invoice(db.uow(), args.supplier, args.number)
    finally:
        db.close()
    _print(view, args.json)
    return EXIT_OK


def _reverse(args, open_db) -> int:
    from domain.accounts import invoices as inv

    db = open_db()
    try:
        view = inv.reverse_invoice(db.uow(), inv.ReverseSupplierInvoice(args.supplier, args.number, args.reason,
                                                                        day("--date", args.date)))
    finally:
        db.close()
    print(f"reversed invoice {view.number} of {view.supplier}: the payable of {_money(view.payable, view.places)} "
          f"and the match of {_money(view.settles, view.places)} are reversed; the receipts it replaced are open again")
    return EXIT_OK


def _as_dict(view) -> dict:
    m = view.match
    return {
        "supplier": view.supplier, "supplier_name": view.supplier_name, "number": view.number,
        "date": view.business_date.isoformat(), "due_on": view.due_on.isoformat(), "po": view.po,
        "receipts": list(view.receipts), "currency": view.currency, "amount": num(m.amount), "tax": num(m.tax),
        "tax_rate": num(m.tax_rate), "expected": num(m.expected), "difference": num(m.difference),
        "by_amount": m.by_amount, "payable": num(view.payable), "settles": num(view.settles),
        "payable_change": num(view.payable_change), "company_currency": view.company_currency,
        "reversed": view.reversed, "reason": view.reason, "note": view.note,
        "match": [{"source": r.source, "sku": r.sku, "name": r.name, "ordered": num(r.ordered),
                   "received": num(r.received), "invoiced_before": num(r.invoiced_before),
                   "invoiced": num(r.invoiced), "price": num(r.price), "invoice_price": num(r.invoice_price),
                   "qty_difference": num(r.qty_difference), "price_difference": num(r.price_difference),
                   "difference": num(r.difference)} for r in m.rows],
    }


def _print(view, as_json: bool, preview: bool = False) -> None:
    if as_json:
        print_json([_as_dict(view) | ({"preview": True} if preview else {})])
        return
    m = view.match
    state = " (REVERSED: " + view.reason + ")" if view.reversed else ""
    against = ", ".join(([view.po] if view.po else []) + list(view.receipts))
    print(f"invoice {view.number} of {view.supplier} {view.supplier_name}{state}: {view.business_date.isoformat()}, "
          f"due {view.due_on.isoformat()}, for {against}")
    table([[r.source, r.sku, r.name, num(r.ordered) or "", num(r.received), num(r.invoiced_before), num(r.invoiced),
            num(r.price), num(r.invoice_price), _signed(r.qty_difference), _signed(r.price_difference),
            _signed(r.difference, view.places)] for r in m.rows],
          ["source", "sku", "name", "ordered", "received", "billed before", "invoiced", "order price",
           "invoice price", "qty diff", "price diff", "difference"])
    p = view.places
    print(f"amount {_money(m.amount, p)} {view.currency} (tax {_money(m.tax, p)} at {num(m.tax_rate)}%); expected "
          f"{_money(m.expected, p)}; difference {_signed(m.difference, p)}"
          + (" (entered as one amount)" if m.by_amount else ""))
    print(f"payable {_money(view.payable, p)} {view.company_currency} replaces the receipts' accrual of "
          f"{_money(view.settles, p)}: the payable moves by {_signed(view.payable_change, p)}")
    if preview:
        print("preview: nothing was written")


def _signed(value, places: int | None = None) -> str:
    text = _money(value, places) if places is not None else num(value)
    return f"+{text}" if value is not None and value > 0 else text or ""


def _money(value, places: int) -> str:
    """An amount rounded to its currency's places, thousands grouped (``12,345.60``) as the window shows it; JSON
    keeps the exact figure (``num``)."""
    return _grouped(round_money(value, places))


def _grouped(value) -> str:
    """An amount as stored, thousands grouped: ``1,234.50``."""
    return format(value, ",f")
