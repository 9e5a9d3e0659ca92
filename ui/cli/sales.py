"""The sales commands: ``so`` (sales orders), ``sell`` (a counter sale), ``backorders``, ``atp``; ``return customer``
is ``ui.cli.returns``' (with the other returns), calling ``run_customer_return`` here.

``SO`` arguments take the order number (SO-2026-00001). Exit status as in ``ui.cli``: 2 bad input, 3 refused by a
business rule (a shortfall on confirming lists each short line with what can be offered instead; an order past the
customer's credit limit names the limit, the balance, the open orders, this order and by how much it is over).
No Qt, pandas or statsmodels here.
"""

from __future__ import annotations

import argparse
import sys

from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from ui.cli.common import EXIT_OK
from ui.cli.common import add_state_language
from ui.cli.common import day
from ui.cli.common import list_words
from ui.cli.common import local
from ui.cli.common import money
from ui.cli.common import print_json
from ui.cli.common import state_names
from ui.cli.common import table
from ui.cli.common import when
from ui.fill import QT_TRANSLATE_NOOP

COMMANDS = ("so", "sell", "backorders", "atp")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    so = sub.add_parser("so", help="sales orders").add_subparsers(dest="action", required=True)
    p = so.add_parser("create", help="create a draft sales order (prints its number)")
    p.add_argument("--customer", required=True, help="customer code")
    p.add_argument("--warehouse", required=True, help="the warehouse it ships from")
    p.add_argument("--at", type=when, help="when it was taken, an ISO date or date-time (default: now)")
    p.add_argument("--requested", help="the date the customer wants it, YYYY-MM-DD")
    p.add_argument("--ref", default="", help="the customer's reference (their order number)")
    p = so.add_parser("add-line", help="add a product to a draft (without --price: the customer's price)")
    p.add_argument("so")
    p.add_argument("sku", help="SKU or barcode")
    p.add_argument("qty")
    p.add_argument("--price", help="unit price without tax (default: the customer's quote)")
    p.add_argument("--discount", help="percent, e.g. 5 (default: the customer's discount on list prices)")
    p.add_argument("--warehouse", default="", help="ship this line from another warehouse")
    p = so.add_parser("confirm", help="confirm a draft and reserve its quantities")
    p.add_argument("so")
    p.add_argument("--override", action="store_true",
                   help="promise lines beyond what is available (you are recorded on each such line), and confirm "
                        "past the customer's credit limit (a manager; recorded on the order's notes)")
    p = so.add_parser("ship", help="ship SKU QTY pairs against an order; no pairs ships all that is available")
    p.add_argument("so")
    p.add_argument("pairs", nargs="*", metavar="SKU QTY")
    p.add_argument("--at", type=when, help="when the goods left, an ISO date-time (default: now)")
    p.add_argument("--note", default="")
    p = so.add_parser("cancel", help="cancel an order; what was still open is recorded as unfilled demand")
    p.add_argument("so")
    p.add_argument("--reason", required=True)
    p = so.add_parser("cut", help="cut a line's open quantity (cancel a backorder); recorded as unfilled demand")
    p.add_argument("so")
    p.add_argument("sku")
    p.add_argument("--reason", required=True)
    p.add_argument("--qty", help="how much to cut (default: all that is open)")
    so.add_parser("check", help="prove that reserved in the balances equals what confirmed orders still have open")
    p = so.add_parser("list", help="list sales orders")
    p.add_argument("--state", help="draft, confirmed, partly_shipped, shipped or cancelled")
    p.add_argument("--customer")
    p.add_argument("--json", action="store_true")
    add_state_language(p, "the list (its states and headings)")
    p = so.add_parser("show", help="an order's lines: ordered, shipped, cut, open, returned, price, revenue, cost, "
                                   "margin")
    p.add_argument("so")
    p.add_argument("--json", action="store_true")
    add_state_language(p, "the order (its state, headings and words)")

    p = sub.add_parser("sell", help="a counter sale: goods leave at once for a customer (prints the document number)")
    p.add_argument("--customer", required=True)
    p.add_argument("--warehouse", required=True)
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--price", help="unit price without tax (default: the customer's quote)")
    p.add_argument("--discount", help="percent, e.g. 5")
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=when, help="when, an ISO date-time (default: now)")
    p.add_argument("--paid", nargs="?", const="cash", default="", metavar="METHOD",
                   help="paid at once (cash unless a method is named: bank, wechat, alipay…): a receipt settles it "
                        "and no credit limit applies; without it the sale is on account, within the credit limit")
    p.add_argument("--override", action="store_true",
                   help="a manager posts a sale on account past the customer's credit limit (recorded on its note)")

    p = sub.add_parser("backorders", help="open quantities of confirmed orders that the stock on hand does not cover, "
                                          "the oldest promised date first")
    p.add_argument("--customer", metavar="CODE", help="only this customer's backorders (its code)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("atp", help="available to promise of a product, per warehouse and by the open PO dates")
    p.add_argument("sku", help="SKU or barcode")
    p.add_argument("--warehouse")
    p.add_argument("--json", action="store_true")


def _state_names(choice: str):
    """The order's state as the window names it (``Partly shipped``, 部分发货) in the ``--language`` chosen."""
    from ui.sales_states import CONTEXT
    from ui.sales_states import state_name

    return state_names(choice, CONTEXT, state_name)


# The headings and words of ``so list`` and ``so show`` (context SoList), in the --language asked for as the states
# are; a heading stays one word (no space) in every language, so a script can split the table's lines.
LIST_WORDS = {
    "SO": QT_TRANSLATE_NOOP("SoList", "SO"), "CUSTOMER": QT_TRANSLATE_NOOP("SoList", "CUSTOMER"),
    "WAREHOUSE": QT_TRANSLATE_NOOP("SoList", "WAREHOUSE"), "STATE": QT_TRANSLATE_NOOP("SoList", "STATE"),
    "CREATED": QT_TRANSLATE_NOOP("SoList", "CREATED"), "LINES": QT_TRANSLATE_NOOP("SoList", "LINES"),
    "SUBTOTAL": QT_TRANSLATE_NOOP("SoList", "SUBTOTAL"), "TOTAL": QT_TRANSLATE_NOOP("SoList", "TOTAL"),
    "LINE": QT_TRANSLATE_NOOP("SoList", "LINE"), "SKU": QT_TRANSLATE_NOOP("SoList", "SKU"),
    "ORDERED": QT_TRANSLATE_NOOP("SoList", "ORDERED"), "SHIPPED": QT_TRANSLATE_NOOP("SoList", "SHIPPED"),
    "CUT": QT_TRANSLATE_NOOP("SoList", "CUT"), "OPEN": QT_TRANSLATE_NOOP("SoList", "OPEN"),
    "RETURNED": QT_TRANSLATE_NOOP("SoList", "RETURNED"), "PRICE": QT_TRANSLATE_NOOP("SoList", "PRICE"),
    "DISC%": QT_TRANSLATE_NOOP("SoList", "DISC%"), "REVENUE": QT_TRANSLATE_NOOP("SoList", "REVENUE"),
    "COST": QT_TRANSLATE_NOOP("SoList", "COST"), "MARGIN": QT_TRANSLATE_NOOP("SoList", "MARGIN"),
    "requested": QT_TRANSLATE_NOOP("SoList", "requested %1"),
    "ref": QT_TRANSLATE_NOOP("SoList", "ref %1"),  # the customer's reference
    # %1 before tax, %2 the tax, %3 with tax, %4 the currency
    "sums": QT_TRANSLATE_NOOP("SoList", "subtotal %1  tax %2  total %3 %4"),
}


def _pairs(pairs: list[str]) -> tuple[tuple[str, str], ...]:
    if len(pairs) % 2:
        raise BadInput("lines", "give SKU QTY pairs (an even number of values)")
    return tuple(zip(pairs[::2], pairs[1::2], strict=True))


def add_customer_return_parser(kinds: argparse._SubParsersAction) -> None:
    """``return customer``: under the ``return`` group of ``ui.cli.returns``."""
    p = kinds.add_parser("customer", help="goods a customer brings back (prints the document number)")
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--order", help="against the shipments of this sales order")
    way.add_argument("--shipment", help="against this sale (SD-…)")
    way.add_argument("--customer", help="a free return from this customer (with --warehouse)")
    p.add_argument("--warehouse", default="", help="where a free return comes back to")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--reason", required=True)
    p.add_argument("--price", help="a free return's unit price without tax (default: the customer's quote)")
    p.add_argument("--at", type=when, help="when, an ISO date-time (default: now)")


def run_customer_return(args, open_db) -> int:
    from domain.sales import commands as sc
    from domain.sales import returns

    if args.customer and not args.warehouse:
        raise BadInput("--warehouse", "is required for a free return (with --customer)")
    if args.warehouse and not args.customer:
        raise BadInput("--warehouse", "goes with --customer (a free return); a return against a sale comes back "
                                      "to the warehouse the goods left from")
    db = open_db()
    try:
        documents = returns.return_goods(db.uow(), sc.ReturnFromCustomer(
            args.sku, args.qty, args.reason, shipment=args.shipment or "", order=args.order or "",
            customer=args.customer or "", warehouse=args.warehouse, price=args.price, occurred_at=args.at))
    finally:
        db.close()
    for doc in documents:
        print(doc.number)
    return EXIT_OK


def run(args, open_db) -> int:
    db = open_db()
    try:
        return _run(args, db)
    finally:
        db.close()


def _run(args, db) -> int:
    from domain.sales import commands as sc
    from domain.sales import orders
    from domain.sales import shipping
    from domain.sales.backorders import backorders_of

    uow = db.uow
    cmd = args.command
    if cmd == "so":
        action = args.action
        if action == "create":
            order = orders.create_order(uow(), sc.CreateSalesOrder(
                args.customer, args.warehouse, day("requested", args.requested), args.ref, created_at=args.at))
            print(order.number)
        elif action == "add-line":
            line = orders.add_line(uow(), sc.AddSalesOrderLine(args.so, args.sku, args.qty, args.price, args.discount,
                                                                args.warehouse))
            said = f" less {fmt(line.discount)}%" if line.discount else ""
            print(f"line {line.line_no}: {line.sku} {fmt(line.qty)} × {fmt(line.unit_price)}{said} "
                  f"(tax {fmt(line.tax_rate)}%{', ' + line.price_source + ' price' if line.price_source else ''})")
        elif action == "confirm":
            done = orders.confirm_order(uow(), sc.ConfirmSalesOrder(args.so, args.override,
                                                                    credit_override=args.override))
            order = done.order
            promised = [x.sku for x in order.lines if x.override_user]
            print(f"{order.number} confirmed" + (f"; promised beyond what is available: {', '.join(promised)}"
                                                  if promised else ""))
            check = done.check
            if args.override and check is not None and check.is_over:
                print(f"credit limit {fmt(check.limit)} passed by {fmt(check.over)} (exposure {fmt(check.exposure)}); "
                      f"the override is recorded on {order.number}")
            for warning in done.warnings:
                print(f"warning: {warning}", file=sys.stderr)
        elif action == "ship":
            for doc in shipping.ship(uow(), sc.ShipSalesOrder(args.so, _pairs(args.pairs), args.at, args.note)):
                print(doc.number)
            # What stays for later, and when it comes: stderr, so that stdout stays the document number.
            for b in backorders_of(uow(), args.so).values():
                when = f"expected by {b.arrival.isoformat()}" if b.arrival else "no purchase order covers it yet"
                print(f"on backorder: {b.sku} {fmt(b.qty)} in {b.warehouse}, {when}", file=sys.stderr)
        elif action == "cancel":
            order = orders.cancel(uow(), sc.CancelSalesOrder(args.so, args.reason))
            print(f"{order.number} cancelled")
        elif action == "cut":
            line = orders.cut_line(uow(), sc.CutSalesOrderLine(args.so, args.sku, args.reason, args.qty))
            print(f"{line.sku}: {fmt(line.cancelled)} cut, {fmt(line.open_qty)} still open")
        elif action in ("list", "show"):
            return _orders(db, args)
        elif action == "check":
            from persistence.sales.orders import check_reserved

            problems = check_reserved(db.engine)
            for p in problems:
                print(f"{p.sku} in {p.warehouse}: reserved is {fmt(p.balance)} in the balance, {fmt(p.ledger)} open on "
                      f"confirmed orders")
            if problems:
                print(f"{len(problems)} difference(s) between reserved and the open orders", file=sys.stderr)
                return 1
            print("ok: every reservation equals what confirmed orders have open")
    elif cmd == "sell":
        doc = shipping.sell(uow(), sc.CounterSale(args.customer, args.warehouse,
                                                  (sc.SaleLineInput(args.sku, args.qty, args.price, args.discount),),
                                                  args.at, args.ref, paid=args.paid, credit_override=args.override))
        print(doc.number)
        if doc.note:
            print(doc.note, file=sys.stderr)  # the override, with its figures
    elif cmd == "backorders":
        from domain.sales.backorders import backorders

        try:
            rows = backorders(uow(), args.customer)
        except BadInput as e:
            raise BadInput("--customer", e.problem) from e
        if args.json:
            print_json([{"customer": r.customer, "customer_name": r.customer_name, "so": r.so,
                         "promised": r.promised.isoformat() if r.promised else None, "sku": r.sku, "name": r.name,
                         "warehouse": r.warehouse, "qty": fmt(r.qty), "since": r.since.isoformat() if r.since else None,
                         "arrival": r.arrival.isoformat() if r.arrival else None} for r in rows])
        else:
            table([[r.customer_label, r.so, r.promised.isoformat() if r.promised else "", r.sku, r.name, r.warehouse,
                    fmt(r.qty), local(r.since).strftime("%Y-%m-%d") if r.since else "",
                    r.arrival.isoformat() if r.arrival else "no purchase order"] for r in rows],
                  ["CUSTOMER", "SO", "PROMISED", "SKU", "NAME", "WAREHOUSE", "QTY", "SINCE", "ARRIVAL"])
    elif cmd == "atp":
        return _atp(db, args)
    return EXIT_OK


def _line_json(x) -> dict:
    return {"line": x.line_no, "sku": x.sku, "name": x.name, "warehouse": x.warehouse, "ordered": fmt(x.ordered),
            "shipped": fmt(x.shipped), "cut": fmt(x.cancelled),
            "open": fmt(x.open), "returned": fmt(x.returned), "price": fmt(x.unit_price), "discount": fmt(x.discount),
            "tax_rate": fmt(x.tax_rate), "amount": fmt(x.amount), "revenue": fmt(x.revenue), "cost": fmt(x.cost),
            "margin": fmt(x.margin), "override_user": x.override_user}


def _order_json(o, lines: bool = True) -> dict:
    out = {"number": o.number, "customer": o.customer, "warehouse": o.warehouse, "state": o.state,
           "created_at": o.created_at.isoformat(), "confirmed_at": o.confirmed_at.isoformat() if o.confirmed_at
           else None, "requested_on": o.requested_on.isoformat() if o.requested_on else None,
           "reference": o.reference, "reason": o.reason, "currency": o.currency, "subtotal": fmt(o.subtotal),
           "tax": fmt(o.tax), "total": fmt(o.total)}
    if lines:
        out["lines"] = [_line_json(x) for x in o.lines]
    return out


def _orders(db, args) -> int:
    from domain.kernel.errors import NotFound
    from domain.kernel.refusals import refusal
    from persistence.sales.queries import sales_orders

    places = _places(db)
    named, say = _state_names(args.language), list_words(args.language, "SoList", LIST_WORDS)
    if args.action == "list":
        rows = sales_orders(db.engine, state=args.state, customer=args.customer, places=places)
        if args.json:
            print_json([_order_json(o) for o in rows])
        else:
            table([[o.number, o.customer, o.warehouse, named(o.state), local(o.created_at).strftime("%Y-%m-%d"),
                    str(len(o.lines)), money(o.subtotal, places), money(o.total, places)] for o in rows],
                  [say(key) for key in ("SO", "CUSTOMER", "WAREHOUSE", "STATE", "CREATED", "LINES", "SUBTOTAL",
                                        "TOTAL")])
        return EXIT_OK
    rows = sales_orders(db.engine, ref=args.so, places=places)
    if not rows:
        raise refusal(NotFound, "unknown_so", ref=args.so)
    o = rows[0]
    if args.json:
        print_json([_order_json(o)])
        return EXIT_OK
    print(f"{o.number}  {o.customer} {o.customer_name}  {o.warehouse}  {named(o.state)}"
          + ("  " + say("requested", o.requested_on.isoformat()) if o.requested_on else "")
          + ("  " + say("ref", o.reference) if o.reference else ""))
    # CUT: what was cancelled unshipped (a cut backorder, or an order cancelled), so ORDERED = SHIPPED + CUT + OPEN.
    table([[str(x.line_no), x.sku, x.warehouse, fmt(x.ordered), fmt(x.shipped), fmt(x.cancelled), fmt(x.open),
            fmt(x.returned), money(x.unit_price, places), fmt(x.discount), money(x.revenue, places),
            money(x.cost, places), money(x.margin, places)] for x in o.lines],
          [say(key) for key in ("LINE", "SKU", "WAREHOUSE", "ORDERED", "SHIPPED", "CUT", "OPEN", "RETURNED", "PRICE",
                                "DISC%", "REVENUE", "COST", "MARGIN")])
    print(say("sums", money(o.subtotal, places), money(o.tax, places), money(o.total, places), o.currency))
    return EXIT_OK


def _places(db) -> int:
    with db.uow() as uow:
        return uow.money_places


def _atp(db, args) -> int:
    from domain.stock import ledger
    from persistence.catalog import queries as catalog_queries
    from persistence.sales.queries import availability

    with db.uow() as uow:
        product = ledger.find_product(uow, args.sku)
        warehouse = ledger.find_warehouse(uow, args.warehouse) if args.warehouse else None
    codes = {w.id: w.code for w in catalog_queries.warehouses(db.engine)}
    found = sorted((a for a in availability(db.engine, [product.id]).values()
                    if warehouse is None or a.warehouse_id == warehouse.id), key=lambda a: codes[a.warehouse_id])
    rows = [{"sku": product.sku, "warehouse": codes[a.warehouse_id], "on_hand": fmt(a.on_hand),
             "reserved": fmt(a.reserved), "available": fmt(a.available), "on_order": fmt(a.incoming_total),
             "by_date": [{"date": d.isoformat(), "atp": fmt(a.by(d))} for d in a.dates()]} for a in found]
    if args.json:
        print_json(rows)
        return EXIT_OK
    table([[r["sku"], r["warehouse"], r["on_hand"], r["reserved"], r["available"], r["on_order"]] for r in rows],
          ["SKU", "WAREHOUSE", "ON HAND", "RESERVED", "AVAILABLE", "ON ORDER"])
    dated = [[r["warehouse"], d["date"], d["atp"]] for r in rows for d in r["by_date"]]
    if dated:
        sys.stdout.write("\n")
        table(dated, ["WAREHOUSE", "BY DATE", "ATP"])
    return EXIT_OK
