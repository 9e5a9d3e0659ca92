"""The stock commands: the catalogue (``product``, ``warehouse``, ``supplier``, ``customer``), postings to the
ledger (``receive``, ``ship``, ``transfer``, ``adjust``, ``count``, ``reverse``), what is in stock (``stock``,
``movements``, ``check``), and ``init`` and ``demo``.

Exit status as in ``ui.cli``. This module must not import Qt, pandas or statsmodels, so a command starts fast.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import clock
from domain.kernel.numbers import fmt
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.model import MovementKind
from ui.cli import pack_units
from ui.cli import prices
from ui.cli.common import EXIT_OK
from ui.cli.common import LANGUAGES
from ui.cli.common import local
from ui.cli.common import money
from ui.cli.common import num
from ui.cli.common import print_json
from ui.cli.common import table
from ui.cli.common import when
from ui.cli.common import whole

COMMANDS = ("init", "product", "warehouse", "supplier", "customer", "receive", "ship", "transfer", "adjust",
            "count", "reverse", "stock", "movements", "check", "demo")
DOCUMENT_NUMBER = re.compile(r"[A-Za-z]{2,3}-[0-9]{4}-[0-9]+")  # GR-2026-00001; a movement id is a UUID
# the price and terms actions of the catalogue's groups, run by ui.cli.prices
PRICE_ACTIONS = {*(("product", a) for a in prices.PRODUCT_ACTIONS), *(("customer", a) for a in prices.CUSTOMER_ACTIONS)}
# ``movements --kind``: the kinds as the list shows them, as the window's filter offers them (opening stock apart)
LABEL_LAYOUTS = ("a4-3x8", "a4-4x10", "40x30", "50x30", "60x40")  # ui.pdf.labels.LAYOUTS, named without reportlab
LABEL_FIELDS = ("name", "sku", "barcode", "price", "unit")
MOVEMENT_KINDS = (*(k.value for k in MovementKind), "opening")


def _label_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10000:
        raise argparse.ArgumentTypeError(f"count: {text!r} is not a whole number from 1 to 10000")
    return int(text)


def _label_fields(text: str) -> tuple[str, ...]:
    fields = tuple(f.strip() for f in text.split(",") if f.strip())
    wrong = [f for f in fields if f not in LABEL_FIELDS]
    if wrong or not fields:
        raise argparse.ArgumentTypeError(f"fields: {', '.join(wrong) or 'none'} not accepted; give some of "
                                         f"{', '.join(LABEL_FIELDS)}")
    return fields


def _labels(uow, args) -> None:
    """``product labels``: every SKU read first (an unknown one refuses before any file is written), then the PDF."""
    from domain.sales import price_master as pm
    from ui.pdf.labels import LAYOUTS
    from ui.pdf.labels import LabelItem
    from ui.pdf.labels import render_labels

    if bool(args.skus) == bool(args.receipt):
        raise SystemExit("product labels: give SKUs or --receipt GR-..., not both and not neither")
    wanted = [(sku, args.count) for sku in args.skus]
    if args.receipt:
        from domain.purchasing.receipt_print import receipt_print

        wanted = [(line.sku, math.ceil(line.qty) if args.per == "unit" else args.count)
                  for line in receipt_print(uow(), args.receipt).lines]
    items = []
    for sku, count in wanted:
        sheet = pm.price_sheet(uow(), sku, None)
        price = sheet.list_prices.get(args.level)
        product = sheet.product
        items.append((LabelItem(product.sku, product.name, product.unit, tuple(product.barcodes),
                                money(price)), count))
    data = render_labels(items, LAYOUTS[args.layout], frozenset(args.fields))
    args.output.write_bytes(data)
    count = sum(n for _, n in items)
    print(f"{args.output} ({count:,} label{'' if count == 1 else 's'}, {len(data):,} bytes)")


def add_kind_argument(parser) -> None:
    """``--kind`` of ``movements`` and ``export movements``: argparse refuses any other, naming the accepted ones."""
    parser.add_argument("--kind", choices=MOVEMENT_KINDS,
                        help="only the movements the list shows as this kind, as the window's Kind filter: "
                             "opening is the imported opening stock, which receipt leaves out")


def movement_kind_filter(kind: str | None) -> str | None:
    """``--kind`` as ``persistence.stock.queries.movements`` filters: opening stock by its shown kind."""
    from domain.reports.model import OPENING_STOCK

    return OPENING_STOCK if kind == "opening" else kind


def add_parsers(sub) -> None:
    sub.add_parser("init", help="create the database, or bring its schema up to date")

    product = sub.add_parser("product", help="products").add_subparsers(dest="action", required=True)
    p = product.add_parser("add", help="add a product")
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--barcode", action="append", default=[], help="may be given several times")
    p.add_argument("--unit", default="pcs")
    p.add_argument("--category", default="")
    p.add_argument("--pack-size", default="1")
    p.add_argument("--min-level")
    p.add_argument("--max-level")
    p.add_argument("--whole-units", action=argparse.BooleanOptionalAction, default=None,
                   help="counted in whole units: fractional quantities are refused (default: yes unless the unit is "
                        "a measure such as kg or m)")
    p = product.add_parser("edit", help="change a product; what is not given stays as it is")
    p.add_argument("sku")
    p.add_argument("--name")
    p.add_argument("--barcode", action="append", help="the product's barcodes (replacing them); may be given several "
                                                        "times, '' for none")
    p.add_argument("--unit")
    p.add_argument("--category")
    p.add_argument("--pack-size")
    p.add_argument("--min-level", help="'' for none")
    p.add_argument("--max-level", help="'' for none")
    p.add_argument("--active", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--whole-units", action=argparse.BooleanOptionalAction, default=None,
                   help="counted in whole units: refused while the product still holds a fraction (stock, an open "
                        "order line, supplier terms)")
    p = product.add_parser("list", help="list products")
    p.add_argument("--json", action="store_true")
    p = product.add_parser("labels", help="write barcode labels (条码标签) as PDF: EAN-13 for a valid EAN-13 "
                                          "barcode, else Code 128 of the first barcode or the SKU")
    p.add_argument("skus", nargs="*", metavar="SKU")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--receipt", help="the products of a posted goods receipt (GR-...) instead of SKUs")
    p.add_argument("--per", choices=("unit", "line"), default="unit",
                   help="with --receipt: one label per unit received (a fraction counts as one), or --count per line")
    p.add_argument("--layout", choices=LABEL_LAYOUTS, default="a4-3x8",
                   help="A4 sheets of 3 x 8 or 4 x 10 labels, or one thermal label per page of 40x30, 50x30 or "
                        "60x40 mm (default a4-3x8)")
    p.add_argument("--count", type=_label_count, default=1, help="labels per product, 1 to 10000 (default 1)")
    p.add_argument("--fields", type=_label_fields, default=LABEL_FIELDS,
                   help=f"what to print, comma-separated from {','.join(LABEL_FIELDS)} (default: all)")
    p.add_argument("--level", default="retail", help="the price level the price comes from (default retail)")
    prices.add_product_actions(product)
    pack_units.add_product_actions(product)

    warehouse = sub.add_parser("warehouse", help="warehouses").add_subparsers(dest="action", required=True)
    p = warehouse.add_parser("add", help="add a warehouse")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--allow-negative", action="store_true")
    p.add_argument("--address", default="")
    p = warehouse.add_parser("list", help="list warehouses")
    p.add_argument("--json", action="store_true")

    supplier = sub.add_parser("supplier", help="suppliers").add_subparsers(dest="action", required=True)
    p = supplier.add_parser("add", help="add a supplier")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--currency", default="CNY", help="ISO 4217 code of the currency its POs are in (default CNY)")
    p.add_argument("--lead-time", default="7", help="days from order to arrival (default 7)")
    p.add_argument("--contact", default="")
    p.add_argument("--address", default="")
    p = supplier.add_parser("update", help="change a supplier's name, currency, default lead time, contact or "
                                           "address (only the options given change)")
    p.add_argument("code")
    for option in ("--name", "--currency", "--contact", "--address"):
        p.add_argument(option)
    p.add_argument("--lead-time", help="days from order to arrival")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--convert-prices", metavar="RATE",
                        help="with --currency: convert the term prices at RATE, 1 unit of the new currency in the old "
                             "one (CNY to USD at 1 USD = 7.2 CNY: 7.2), or 'current' for today's exchange rates")
    choice.add_argument("--keep-prices", action="store_true",
                        help="with --currency: keep the term prices as numbers, read in the new currency")
    p.add_argument("--yes", action="store_true", help="apply the currency change shown (without it: only show it)")
    p = supplier.add_parser("terms", help="a supplier's payment terms and contact (no option: show them)")
    p.add_argument("code")
    p.add_argument("--payment-terms", help="the terms as text, as printed on purchase orders (e.g. 月结30天)")
    p.add_argument("--payment-basis", help="how due dates count: net (days after the receipt), month-end (days "
                                           "after the end of its month, 月结) or cod (due on the day)")
    p.add_argument("--payment-days", help="whole days, 0 to 3650")
    p.add_argument("--email")
    p.add_argument("--phone")
    p = supplier.add_parser("list", help="list suppliers")
    p.add_argument("--json", action="store_true")

    customer = sub.add_parser("customer", help="customers").add_subparsers(dest="action", required=True)
    for action, text in (("add", "add a customer"), ("update", "change a customer's name and contact")):
        p = customer.add_parser(action, help=text)
        p.add_argument("code")
        p.add_argument("--name", required=True)
        p.add_argument("--contact", default="")
    p = customer.add_parser("list", help="list customers")
    p.add_argument("--json", action="store_true")
    prices.add_customer_actions(customer)

    p = sub.add_parser("receive", help="post a receipt")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--unit-cost", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=when)

    p = sub.add_parser("ship", help="post a shipment")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=when)

    p = sub.add_parser("transfer", help="move stock between warehouses")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--to", dest="target", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=when)

    p = sub.add_parser("adjust", help="post a signed adjustment with a reason")
    p.add_argument("sku")
    p.add_argument("delta")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--at", type=when)

    p = sub.add_parser("count", help="post the difference between a counted and the expected quantity")
    p.add_argument("sku")
    p.add_argument("counted")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--at", type=when)

    p = sub.add_parser("reverse", help="reverse a movement, or every movement of a posted document such as "
                                       "PR-2026-00001 (each can be reversed once)")
    p.add_argument("movement_id", metavar="MOVEMENT_OR_DOCUMENT")
    p.add_argument("--note", default="")

    for name in ("stock", "movements"):
        p = sub.add_parser(name, help=f"list {name}")
        p.add_argument("--sku")
        p.add_argument("--warehouse")
        if name == "movements":
            add_kind_argument(p)
        p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="prove that balances, the reports' monthly rows, open amounts and sales lines' "
                                     "costs agree with the ledger")
    p.add_argument("--repair", action="store_true",
                   help="bring stale sales-line costs in line with their stock movements' values (after a backup; "
                        "no movement is changed) and say what changed")
    p.add_argument("--language", choices=tuple(LANGUAGES), default=None,
                   help="the language of what is printed: en (English, the default) or zh_CN (简体中文; zh for short)")
    p = sub.add_parser("demo", help="fill the database with a realistic demo business")
    p.add_argument("--seed", type=whole(0, 2**32 - 1), default=42)


def run(args, db) -> int:
    from persistence.catalog import queries as catalog_queries
    from persistence.stock import queries

    uow = db.uow
    cmd = args.command
    if (cmd, getattr(args, "action", None)) in PRICE_ACTIONS:
        return prices.run_with(args, db)
    if (cmd, getattr(args, "action", None)) == ("product", "unit"):
        return pack_units.run_with(args, db)
    if cmd == "init":
        print(f"database ready: {db.path}")
        if not catalog_queries.warehouses(db.engine):  # a new company: what to do next, as the welcome dialog asks
            from domain.purchasing import terms as purchasing_terms

            policy = purchasing_terms.current_policy(uow())
            print(f"next steps for a new company (documents print no company name until it is set):\n"
                  f"  po config --company-name NAME --company-address TEXT --currency {policy.currency}\n"
                  f"  warehouse add CODE --name NAME\n"
                  f"  import suppliers|customers|products|stock FILE.xlsx   (or File > Import in the window)")
    elif cmd == "product" and args.action == "add":
        product = catalog.add_product(uow(), cc.AddProduct(
            args.sku, args.name, tuple(args.barcode), args.unit, args.category, args.pack_size,
            args.min_level, args.max_level, args.whole_units))
        print(product.id)
    elif cmd == "product" and args.action == "edit":
        product = _edit_product(uow, args)
        print(f"{product.sku}: version {product.version}")
    elif cmd == "product" and args.action == "labels":
        _labels(uow, args)
    elif cmd == "product" and args.action == "list":
        rows = catalog_queries.products(db.engine)
        if args.json:
            print_json([{"id": r.id, "sku": r.sku, "name": r.name, "unit": r.unit, "category": r.category,
                          "barcodes": list(r.barcodes), "pack_size": fmt(r.pack_size), "active": r.active,
                          "whole_units": r.whole_units}
                         for r in rows])
        else:
            table([[r.sku, r.name, r.unit, r.category, ",".join(r.barcodes)] for r in rows],
                   ["SKU", "NAME", "UNIT", "CATEGORY", "BARCODES"])
    elif cmd in ("warehouse", "supplier", "customer") and args.action == "list":
        _list_partners(db, cmd, args.json)
    elif cmd == "warehouse":
        print(catalog.add_warehouse(uow(), cc.AddWarehouse(args.code, args.name, args.allow_negative, args.address)).id)
    elif cmd == "supplier" and args.action == "terms":
        _supplier_terms(db, args)
    elif cmd == "supplier" and args.action == "update":
        return _update_supplier(db, args)
    elif cmd == "supplier":
        print(catalog.add_supplier(uow(), cc.AddSupplier(args.code, args.name, args.contact, args.currency,
                                                         args.lead_time, args.address)).id)
    elif cmd == "customer" and args.action == "update":
        customer = catalog.update_customer(uow(), cc.UpdateCustomer(args.code, args.name, args.contact))
        print(f"{customer.code} updated (version {customer.version})")
    elif cmd == "customer":
        print(catalog.add_customer(uow(), cc.AddCustomer(args.code, args.name, args.contact)).id)
    elif cmd == "receive":
        from domain.sales.backorders import freed_by
        from ui.cli.freed import say_freed

        command = c.ReceiveStock(args.sku, args.qty, args.warehouse, args.unit_cost, args.ref, args.at)
        movement, freed = freed_by(lambda: db.uow(read_only=True), lambda: ledger.receive(uow(), command))
        print(movement.id)
        say_freed(freed)
    elif cmd == "ship":
        print(ledger.ship(uow(), c.ShipStock(args.sku, args.qty, args.warehouse, args.ref, args.at)).id)
    elif cmd == "transfer":
        out, into = ledger.transfer(uow(), c.TransferStock(args.sku, args.qty, args.source, args.target,
                                                           args.ref, args.at))
        print(out.id)
        print(into.id)
    elif cmd == "adjust":
        print(ledger.adjust(uow(), c.AdjustStock(args.sku, args.delta, args.warehouse, args.reason, args.at)).id)
    elif cmd == "count":
        movement = ledger.count(uow(), c.CountStock(args.sku, args.counted, args.warehouse, args.at))
        print(movement.id if movement else "no difference; nothing posted")
    elif cmd == "reverse" and DOCUMENT_NUMBER.fullmatch(args.movement_id.strip()):
        from domain.stock import documents

        doc = documents.reverse_document(uow(), documents.ReverseDocument(args.movement_id.strip(), args.note))
        print(f"{doc.number} reversed")
    elif cmd == "reverse":
        for movement in ledger.reverse(uow(), c.ReverseMovement(args.movement_id, args.note)):
            print(movement.id)
    elif cmd == "stock":
        rows = queries.stock(db.engine, args.sku, args.warehouse)
        if args.json:
            print_json([{"sku": r.sku, "name": r.name, "warehouse": r.warehouse, "on_hand": fmt(r.on_hand),
                          "avg_cost": fmt(r.avg_cost), "value": fmt(r.value), "reserved": fmt(r.reserved),
                          "available": fmt(r.on_hand - r.reserved), "on_order": fmt(r.on_order)} for r in rows])
        else:
            places = db.money_places
            table([[r.sku, r.name, r.warehouse, fmt(r.on_hand), money(r.avg_cost, places), money(r.value, places)]
                   for r in rows],
                   ["SKU", "NAME", "WAREHOUSE", "ON HAND", "AVG COST", "VALUE"])
    elif cmd == "movements":
        from domain.reports.model import is_opening_stock
        from domain.reports.model import shown_kind

        rows = queries.movements(db.engine, args.sku, args.warehouse, kind=movement_kind_filter(args.kind))
        if args.json:
            print_json([{"id": r.id, "kind": r.kind,
                          "opening_stock": is_opening_stock(r.kind, r.source_type, r.source_ref),
                          "sku": r.sku, "warehouse": r.warehouse, "qty": fmt(r.qty),
                          "unit_cost": num(r.unit_cost), "value": fmt(r.value),
                          "on_hand_after": fmt(r.on_hand_after), "occurred_at": r.occurred_at.isoformat(),
                          "recorded_at": r.recorded_at.isoformat(), "ref": r.source_ref, "note": r.note,
                          "reverses": r.reverses_id, "transfer_id": r.transfer_id,
                          "currency": r.fx_currency, "foreign_unit_price": num(r.fx_unit_price),
                          "rate": num(r.fx_rate)} for r in rows])
        else:
            table([[local(r.occurred_at).strftime("%Y-%m-%d %H:%M"), shown_kind(r.kind, r.source_type, r.source_ref),
                    r.sku, r.warehouse, fmt(r.qty), money(r.value, db.money_places), r.source_ref, r.id]
                   for r in rows],
                   ["WHEN", "KIND", "SKU", "WAREHOUSE", "QTY", "VALUE", "REF", "ID"])
    elif cmd == "check":
        from ui.cli.check import run_check

        return run_check(db, args.repair, LANGUAGES[args.language or "en"])
    elif cmd == "demo":
        from domain.demo import build_demo

        summary = build_demo(db.uow, seed=args.seed, progress=lambda msg: print(msg, file=sys.stderr))
        from persistence.planning.queries import classify_and_keep

        classed = classify_and_keep(db.engine, today=clock.today(), utc_offset_seconds=time.localtime().tm_gmtoff)
        print(f"{summary}; {classed:,} products classed ABC/XYZ")
    return EXIT_OK


def _list_partners(db, cmd: str, as_json: bool) -> None:
    """``warehouse list``, ``supplier list``, ``customer list``: every record by code, as a table or JSON."""
    from persistence.catalog import queries as catalog_queries

    if cmd == "warehouse":
        rows = catalog_queries.warehouses(db.engine)
        fields = {"code": "CODE", "name": "NAME", "address": "ADDRESS", "allow_negative": "NEGATIVE STOCK"}
    elif cmd == "supplier":
        rows = catalog_queries.suppliers(db.engine)
        fields = {"code": "CODE", "name": "NAME", "currency": "CURRENCY", "lead_time_days": "LEAD TIME (DAYS)",
                  "contact": "CONTACT", "address": "ADDRESS"}
    else:
        rows = catalog_queries.customers(db.engine)
        fields = {"code": "CODE", "name": "NAME", "contact": "CONTACT"}
    if as_json:
        print_json([{f: getattr(r, f) for f in fields} for r in rows])
        return
    shown = lambda v: ("yes" if v else "no") if isinstance(v, bool) else str(v)  # noqa: E731
    table([[shown(getattr(r, f)) for f in fields] for r in rows], list(fields.values()))


def _update_supplier(db, args) -> int:
    """``supplier update``: the stored supplier with the options given changed (``supplier add`` refused a code
    in use, and nothing else changed a supplier's lead time or currency from the command line)."""
    from persistence.purchasing.orders import suppliers

    row = next((r for r in suppliers(db.engine) if r.code.lower() == args.code.strip().lower()), None)
    if row is None:
        from domain.kernel.errors import NotFound
        from domain.kernel.refusals import refusal

        raise refusal(NotFound, "unknown_supplier_code", code=args.code)

    def given(value, kept):
        return kept if value is None else value

    choice = "convert" if args.convert_prices is not None else "keep" if args.keep_prices else None
    wanted = cc.UpdateSupplier(
        row.code, given(args.name, row.name), given(args.contact, row.contact), given(args.currency, row.currency),
        given(args.lead_time, row.lead_time_days), given(args.address, row.address), prices=choice,
        rate=args.convert_prices)
    from domain.catalog.supplier_currency import CurrencyChangeNeedsChoice

    try:
        change = catalog.preview_supplier_currency(db.uow(), wanted)
    except CurrencyChangeNeedsChoice as exc:
        print(f"refused: {exc}; give --convert-prices RATE (or 'current') or --keep-prices", file=sys.stderr)
        return 3  # ui.cli.EXIT_REFUSED
    if change is not None:
        print(change.text())
        if not args.yes:
            print("nothing was changed; run the same command with --yes to apply the change shown", file=sys.stderr)
            return 3  # ui.cli.EXIT_REFUSED
    changed = catalog.update_supplier(db.uow(), wanted)
    print(f"{changed.code}  {changed.name}  currency {changed.currency}  lead time {changed.lead_time_days} days "
          f"(version {changed.version})")
    return 0


def _supplier_terms(db, args) -> None:
    """``supplier terms``: change what is given (the rest kept), then show the supplier's terms."""
    from domain.kernel.errors import NotFound
    from domain.kernel.refusals import refusal
    from domain.purchasing import commands as pc
    from domain.purchasing import terms
    from persistence.purchasing.orders import suppliers

    def current():
        found = next((r for r in suppliers(db.engine) if r.code.lower() == args.code.strip().lower()), None)
        if found is None:
            raise refusal(NotFound, "unknown_supplier_code", code=args.code)
        return found

    row = current()
    given = (args.payment_terms, args.payment_basis, args.payment_days, args.email, args.phone)
    if any(x is not None for x in given):
        keep = lambda new, old: old if new is None else new  # noqa: E731
        terms.set_supplier_profile(db.uow(), pc.SetSupplierProfile(
            row.code, keep(args.payment_terms, row.payment_terms), keep(args.email, row.email),
            keep(args.phone, row.phone), args.payment_basis, args.payment_days))
        row = current()
    print(f"{row.code}  {row.name}")
    print(f"payment terms: {row.payment_terms}")
    print(f"payment basis: {row.payment_basis.replace('_', '-')}")
    print(f"payment days: {row.payment_days}")
    print(f"email: {row.email}")
    print(f"phone: {row.phone}")


def _edit_product(uow, args):
    """``product edit``: the stored product with the options given changed, saved only if nobody changed it since it
    was read here (its version)."""
    stored = catalog.get_product(uow(), args.sku)

    def given(value, kept):
        return kept if value is None else value

    barcodes = stored.barcodes if args.barcode is None else tuple(b for b in args.barcode if b.strip())
    return catalog.update_product(uow(), cc.UpdateProduct(
        stored.sku, given(args.name, stored.name), tuple(barcodes), given(args.unit, stored.unit),
        given(args.category, stored.category), given(args.pack_size, stored.pack_size),
        given(args.min_level, stored.min_level), given(args.max_level, stored.max_level),
        given(args.active, stored.active), stored.version, args.whole_units))
