"""The ``po`` command: purchase orders from the command line.

``PO`` arguments take the issued number (PO-2026-00042) or the draft's id. Exit status as in
``ui.cli``: 2 bad input, 3 refused by a business rule. No Qt, pandas or statsmodels here;
reportlab is imported only by ``po pdf``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.kernel.validate import iso_day
from domain.kernel.validate import iso_moment
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms as purchasing_terms
from domain.purchasing.exchange import totals_by_currency
from domain.purchasing.exchange import totals_text
from domain.purchasing.lead_time import MIN_LEAD_OBSERVATIONS
from domain.purchasing.lead_time import RECEIPTS_PRODUCT
from domain.purchasing.lead_time import RECEIPTS_SUPPLIER
from domain.sales.backorders import freed_by
from ui.cli.common import add_language_option
from ui.cli.common import add_state_language
from ui.cli.common import file_language
from ui.cli.common import list_words
from ui.cli.common import state_names
from ui.cli.freed import say_freed
from ui.fill import QT_TRANSLATE_NOOP

# A PO without the company's name goes out (printing is never blocked), but the user is told how to set it.
NO_COMPANY_NAME = ("note: no company name is set, so the PO prints none (a supplier sees only the address); set it "
                   "with `po config --company-name NAME` or in Settings > General (an issued PO keeps the name it "
                   "was issued with until its next revision)")


def lead_time_words(basis: purchasing.PoLeadTime) -> str:
    """Where a PO's expected date comes from, in a purchaser's words (``domain.purchasing.lead_time``)."""
    lead, days = basis.lead, f"in {basis.days} day{'s' if basis.days != 1 else ''}"
    if lead.source == RECEIPTS_PRODUCT:
        return f"{days}: what {basis.sku} took on average over {lead.observations} receipts from this supplier"
    if lead.source == RECEIPTS_SUPPLIER:
        return (f"{days}: what this supplier took on average over {lead.observations} receipts of all its products "
                f"({basis.sku} has fewer than {MIN_LEAD_OBSERVATIONS} of its own)")
    return (f"{days}: {basis.sku}'s lead time in the supplier's terms (fewer than {MIN_LEAD_OBSERVATIONS} receipts "
            f"to learn from)")


def add_po_parser(sub: argparse._SubParsersAction) -> None:
    po = sub.add_parser("po", help="purchase orders").add_subparsers(dest="action", required=True)
    p = po.add_parser("create", help="create a draft purchase order (prints its id)")
    p.add_argument("--supplier", required=True, help="supplier code")
    p.add_argument("--warehouse", required=True, help="delivery warehouse code")
    p.add_argument("--expected", help="expected delivery date, YYYY-MM-DD (default: issue date + lead time)")
    p.add_argument("--terms", default="")
    p.add_argument("--notes", default="")
    p = po.add_parser("add-line", help="add a product to a PO (rounded up to MOQ, order multiple and packs)")
    p.add_argument("po")
    p.add_argument("sku")
    p.add_argument("qty", help="quantity in stock units")
    p.add_argument("--price", help="price per unit or per pack, as the supplier terms say (default: from the terms)")
    p.add_argument("--reason", default="", help="why, when the PO is already issued (makes a revision)")
    p = po.add_parser("issue", help="number the draft and freeze it (prints the PO number)")
    p.add_argument("po")
    p = po.add_parser("list", help="list purchase orders with ordered and received quantities")
    p.add_argument("--state")
    p.add_argument("--supplier")
    p.add_argument("--json", action="store_true")
    add_state_language(p, "the list (its states and words)")
    p = po.add_parser("pdf", help="write the PO as PDF")
    p.add_argument("po")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--paper", choices=("auto", "a4", "letter"), default="auto",
                   help="auto: Letter for a US or Canadian locale, else A4")
    add_language_option(p, "the PO")
    p = po.add_parser("receipt-pdf", help="write a posted goods receipt (GR-..., one printed by po receive) as PDF: "
                                          "its lines at the value they came in with")
    p.add_argument("receipt", help="the receipt's number (GR-...)")
    p.add_argument("-o", "--output", type=Path, required=True)
    add_language_option(p, "the note")
    p = po.add_parser("receive", help="receive SKU QTY pairs against a PO; no pairs receives all that is open "
                                      "(prints the receipt number, then the movement ids)")
    p.add_argument("po")
    p.add_argument("pairs", nargs="*", metavar="SKU QTY")
    p.add_argument("--note", default="")
    p.add_argument("--at", help="when the goods came in, an ISO date-time such as 2026-12-01T09:30 (default: now); "
                                "a PO in a foreign currency is valued at the rate of that date")
    p = po.add_parser("rate", help="fix the exchange rate on a foreign-currency PO (else each receipt date's rate)")
    p.add_argument("po")
    p.add_argument("rate", nargs="?", help="units of the company currency per 1 unit of the PO's currency")
    p.add_argument("--clear", action="store_true", help="remove the fixed rate: use the rate of each receipt's date")
    p.add_argument("--reason", default="", help="why, when the PO is already issued (makes a revision)")
    p = po.add_parser("cancel", help="cancel a draft or an issued PO with nothing received")
    p.add_argument("po")
    p.add_argument("--reason", required=True)
    p = po.add_parser("close", help="close a PO short: stop expecting what is still open")
    p.add_argument("po")
    p.add_argument("--reason", default="")
    p = po.add_parser("change-line", help="change a line's quantity or price (an issued PO gets a new revision)")
    p.add_argument("po")
    p.add_argument("sku")
    p.add_argument("--qty")
    p.add_argument("--price")
    p.add_argument("--reason", default="")
    p = po.add_parser("expect", help="move the day the goods are expected, e.g. to the day the supplier confirmed "
                                     "(an issued PO gets a new revision)")
    p.add_argument("po")
    p.add_argument("day", help="YYYY-MM-DD; '' on a draft: set on issue from the lead time")
    p.add_argument("--reason", default="")
    p = po.add_parser("remove-line", help="remove a line (an issued PO gets a new revision)")
    p.add_argument("po")
    p.add_argument("sku")
    p.add_argument("--reason", default="")
    p = po.add_parser("terms", help="how a supplier sells a product: packs, price basis, price breaks, preferred "
                                    "(only the options given change; no option: show the terms)")
    p.add_argument("supplier")
    p.add_argument("sku")
    p.add_argument("--price", help="the supplier's price (per unit or per pack, see --price-per)")
    p.add_argument("--supplier-sku")
    p.add_argument("--moq", help="minimum order quantity in stock units (new terms: 0)")
    p.add_argument("--multiple", help="order multiple in stock units (new terms: 1)")
    p.add_argument("--lead-time", help="days, if not the supplier's default ('' for the supplier's default)")
    p.add_argument("--pack-size", help="stock units per supplier pack")
    p.add_argument("--price-per", choices=("unit", "pack"), help="the terms' price is per stock unit or per pack")
    p.add_argument("--item-name", help="the supplier's name for the product")
    p.add_argument("--break", dest="breaks", action="append", default=[], metavar="QTY:PRICE",
                   help="a price from QTY stock units on; may be given several times")
    p.add_argument("--preferred", action="store_true", help="make this the product's preferred supplier")
    po.add_parser("check", help="prove that on-order in the balances equals what issued POs still expect")
    p = po.add_parser("config", help="show or set the tax rate, over-receipt tolerance, company block and currency")
    p.add_argument("--tax-rate", help="percent, e.g. 13")
    p.add_argument("--over-receipt-tolerance", help="percent a line may be over-received, e.g. 0 or 5")
    p.add_argument("--company-name")
    p.add_argument("--company-address")
    p.add_argument("--company-logo", help="path of a PNG or JPEG printed on the PO; '' for none")
    p.add_argument("--currency", help="the company currency, an ISO 4217 code such as CNY; exchange rates are stated "
                                      "in it")
    p.add_argument("--confirm-currency-change", action="store_true",
                   help="change the company currency even though exchange rates or foreign-currency POs exist "
                        "(the rates are then read in the new currency)")


def _date(text: str | None):
    if not text:
        return None

    try:
        return iso_day(text)
    except ValueError:
        raise BadInput("expected", f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def _moment(text: str | None):
    if not text:
        return None

    try:
        at = iso_moment(text)
    except ValueError:
        raise BadInput("at", f"{text!r} is not an ISO date-time such as 2026-12-01T09:30") from None
    return at if at.tzinfo else at.astimezone()


def _pairs(items: list[str]) -> tuple[tuple[str, str], ...]:
    if len(items) % 2:
        raise BadInput("receive", f"{items[-1]!r} has no quantity; give SKU QTY pairs such as A-100 12 B-200 5")
    return tuple(zip(items[::2], items[1::2], strict=True))


def _paper_locale(choice: str) -> str | None:
    if choice == "letter":
        return "en_US"
    if choice == "a4":
        return None
    return os.environ.get("LC_ALL") or os.environ.get("LC_PAPER") or os.environ.get("LANG")


def run_po(args: argparse.Namespace, db) -> int:
    uow = db.uow
    a = args.action
    if a == "create":
        po = purchasing.create_draft(uow(), pc.CreatePurchaseOrder(args.supplier, args.warehouse, _date(args.expected),
                                                                  args.terms, args.notes))
        print(po.id)
    elif a == "add-line":
        line, note = purchasing.add_line(uow(), pc.AddPurchaseOrderLine(args.po, args.sku, args.qty, args.price,
                                                                        args.reason))
        if note:
            print(f"note: {line.sku}: {note}", file=sys.stderr)
        print(f"line {line.line_no}: {line.sku} {fmt(line.qty)} {line.unit} at {fmt(line.price)} per "
              f"{'pack' if line.price_per == 'pack' else line.unit}")
    elif a == "issue":
        po = purchasing.issue(uow(), pc.IssuePurchaseOrder(args.po))
        basis = purchasing.expected_basis(uow(), po.number, po.issued_at)
        if basis is not None:
            print(f"note: expected {po.expected_on.isoformat()}, {lead_time_words(basis)}", file=sys.stderr)
        print(po.number)
    elif a == "list":
        _list(db, args)
    elif a == "pdf":
        snapshot, logo = purchasing.load_snapshot(uow(), args.po), _logo(uow)
        from ui.i18n import label_translator
        from ui.pdf.purchase_order import CONTEXT
        from ui.pdf.purchase_order import render_purchase_order

        # The PO's labels are the window's translations (context PurchaseOrderPdf), read from the app's .qm.
        tr = label_translator(file_language(args.language), CONTEXT)
        data = render_purchase_order(snapshot, _paper_locale(args.paper), logo=logo, tr=tr)
        args.output.write_bytes(data)
        print(f"{args.output} ({len(data):,} bytes)")
        if not snapshot.company.name:
            print(NO_COMPANY_NAME, file=sys.stderr)
    elif a == "receipt-pdf":
        from ui.pdf.returns import render_goods_receipt

        data = render_goods_receipt(uow, args.receipt, file_language(args.language))
        args.output.write_bytes(data)
        print(f"{args.output} ({len(data):,} bytes)")
    elif a == "receive":
        command = pc.ReceivePurchaseOrder(args.po, _pairs(args.pairs), _moment(args.at), note=args.note)
        delivery, freed = freed_by(lambda: db.uow(read_only=True), lambda: purchasing.receive_delivery(uow(), command))
        moves = delivery.movements
        print(delivery.document.number)  # the receipt: listed, printed and reversed (`reverse GR-…`) by it
        for m in moves:
            print(m.id)
        if moves and moves[0].fx_rate is not None:
            m = moves[0]
            print(f"valued at 1 {m.fx_currency} = {fmt(m.fx_rate)} {purchasing_terms.current_policy(uow()).currency}",
                  file=sys.stderr)
        say_freed(freed)
    elif a == "rate":
        if args.clear == (args.rate is not None):
            raise BadInput("rate", "give a rate such as 7.1234, or --clear to use the rate of each receipt's date")
        po = purchasing.set_fixed_rate(uow(), pc.SetPurchaseOrderRate(args.po, None if args.clear else args.rate,
                                                                     args.reason))
        if po.fixed_rate is None:
            print(f"{po.label}: no fixed rate; each receipt uses the rate of its date")
        else:
            company = purchasing_terms.current_policy(uow()).currency
            print(f"{po.label}: 1 {po.currency} = {fmt(po.fixed_rate)} {company}, fixed on this PO")
    elif a == "cancel":
        po = purchasing.cancel(uow(), pc.CancelPurchaseOrder(args.po, args.reason))
        print(f"{po.label} cancelled")
    elif a == "close":
        po = purchasing.close_short(uow(), pc.ClosePurchaseOrderShort(args.po, args.reason))
        print(f"{po.label} closed")
    elif a == "change-line":
        line = purchasing.change_line(uow(), pc.ChangePurchaseOrderLine(args.po, args.sku, args.qty, args.price,
                                                                        args.reason))
        print(f"line {line.line_no}: {line.sku} {fmt(line.qty)} {line.unit} at {fmt(line.price)}")
    elif a == "expect":
        po = purchasing.set_expected(uow(), pc.SetPurchaseOrderExpected(args.po, _date(args.day) if args.day else None,
                                                                      args.reason))
        said = po.expected_on.isoformat() if po.expected_on else "on issue, from the lead time"
        print(f"{po.label}: expected {said} (revision {po.revision})")
    elif a == "remove-line":
        purchasing.remove_line(uow(), pc.RemovePurchaseOrderLine(args.po, args.sku, args.reason))
        print(f"{args.sku} removed")
    elif a == "check":
        from persistence.purchasing.orders import check_on_order

        problems = check_on_order(db.engine)
        for p in problems:
            print(f"{p.sku} in {p.warehouse}: on order is {fmt(p.balance)} in the balance, {fmt(p.ledger)} on open POs")
        if problems:
            print(f"{len(problems)} difference(s) between on-order and open purchase orders", file=sys.stderr)
            return 1
        print("ok: every on-order quantity equals the open purchase orders")
    elif a == "terms":
        _terms(db, args)
    elif a == "config":
        try:
            policy = purchasing_terms.set_policy(uow(), pc.SetPurchasingPolicy(
                args.tax_rate, args.over_receipt_tolerance, args.company_name, args.company_address,
                args.company_logo, args.currency, args.confirm_currency_change))
        except purchasing_terms.CurrencyChangeNeedsConfirmation as exc:
            print(f"refused: {exc}. Enter the rates again in {exc.new} after the change, and give "
                  f"--confirm-currency-change to change it anyway", file=sys.stderr)
            return 3  # ui.cli.EXIT_REFUSED
        print(f"tax rate: {fmt(policy.tax_rate)}%")
        print(f"over-receipt tolerance: {fmt(policy.over_receipt_tolerance)}%")
        print(f"company: {policy.company_name or '(none: documents print no company name)'}")
        print(f"address: {policy.company_address}")
        print(f"logo: {policy.company_logo}")
        print(f"currency: {policy.currency}")
    return 0


def _logo(uow) -> bytes | None:
    """The logo image named in the settings; a missing file prints a warning and no logo."""
    path = purchasing_terms.current_policy(uow()).company_logo
    if not path:
        return None
    try:
        return Path(path).expanduser().read_bytes()
    except OSError as exc:
        print(f"warning: company logo {path!r} cannot be read ({exc.strerror}); printing without it", file=sys.stderr)
        return None


def _terms(db, args: argparse.Namespace) -> None:
    """Change what is given and keep the rest of the terms as they are; with no option, show them.

    ``--price 6.20`` alone once saved the price with a MOQ of 0, a multiple of 1, no supplier SKU and the supplier's
    lead time, and ``--moq 240`` without ``--price`` saved nothing while saying "saved". Now every option is merged
    into the stored terms and saved in one transaction (``save_terms``)."""
    from persistence.purchasing.orders import supplier_terms

    current = next(iter(supplier_terms(db.engine, args.supplier, args.sku)), None)
    options = (args.price, args.supplier_sku, args.moq, args.multiple, args.lead_time, args.pack_size, args.price_per,
               args.item_name)
    if all(x is None for x in options) and not args.breaks and not args.preferred:
        if current is None:
            raise BadInput("terms", f"{args.supplier} has no terms for {args.sku}; give --price (and any other "
                                    f"option) to add them")
        print(_terms_text(current))
        return
    if current is None and args.price is None:
        raise BadInput("price", f"{args.supplier} has no terms for {args.sku} yet; give --price to add them")
    pairs = []
    for text in args.breaks:
        qty, sep, price = text.partition(":")
        if not sep:
            raise BadInput("break", f"{text!r} is not QTY:PRICE such as 100:0.45")
        pairs.append((qty, price))

    def keep(given, stored, default):
        if given is not None:
            return given
        return default if current is None else stored

    lead = keep(args.lead_time, None if current is None or current.lead_time_days is None
                else str(current.lead_time_days), None)
    purchasing_terms.save_terms(db.uow(), pc.SaveTerms(
        args.supplier, args.sku, keep(args.price, current and fmt(current.price), None),
        supplier_sku=keep(args.supplier_sku, current and current.supplier_sku, ""),
        item_name=keep(args.item_name, current and current.item_name, ""),
        moq=keep(args.moq, current and fmt(current.moq), "0"),
        order_multiple=keep(args.multiple, current and fmt(current.order_multiple), "1"),
        pack_size=keep(args.pack_size, current and fmt(current.pack_size), "1"),
        price_per=keep(args.price_per, current and current.price_per, "unit"),
        lead_time_days=lead or None,
        breaks=tuple(pairs) if args.breaks else tuple((fmt(q), fmt(p)) for q, p in (current.breaks if current else ())),
        preferred=args.preferred or bool(current and current.preferred)))
    saved = next(iter(supplier_terms(db.engine, args.supplier, args.sku)))
    print(f"saved: {_terms_text(saved)}")


def _terms_text(t) -> str:
    per = "pack" if t.price_per == "pack" else t.unit
    lead = f"{t.lead_time_days} days" if t.lead_time_days is not None else "the supplier's"
    parts = [f"{t.supplier} sells {t.sku} at {fmt(t.price)} per {per}", f"pack size {fmt(t.pack_size)}",
             f"MOQ {fmt(t.moq)}", f"multiple {fmt(t.order_multiple)}", f"lead time {lead}"]
    if t.supplier_sku:
        parts.append(f"supplier SKU {t.supplier_sku}")
    if t.item_name:
        parts.append(f"supplier's name {t.item_name}")
    if t.breaks:
        parts.append("breaks " + ", ".join(f"{fmt(q)}:{fmt(p)}" for q, p in t.breaks))
    if t.preferred:
        parts.append("preferred")
    return "; ".join(parts)


# The words of ``po list`` around its figures (context PoList), in the --language asked for as its states are.
LIST_WORDS = {
    "before_tax": QT_TRANSLATE_NOOP("PoList", "%1 %2 before tax"),  # %1 the amount, %2 the currency
    "revision": QT_TRANSLATE_NOOP("PoList", "rev %1"),
    "fixed_rate": QT_TRANSLATE_NOOP("PoList", "fixed rate %1"),
    "ordered": QT_TRANSLATE_NOOP("PoList", "ordered %1"),
    "received": QT_TRANSLATE_NOOP("PoList", "received %1"),
    "open": QT_TRANSLATE_NOOP("PoList", "open %1"),
    "total": QT_TRANSLATE_NOOP("PoList", "total before tax: %1"),
}


def _state_names(choice: str):
    """The order's state as the window names it (``Partly received``, 部分到货) in the ``--language`` chosen."""
    from ui.purchase_states import CONTEXT
    from ui.purchase_states import state_name

    return state_names(choice, CONTEXT, state_name)


def _list(db, args: argparse.Namespace) -> None:
    from persistence.purchasing.orders import purchase_orders

    rows = purchase_orders(db.engine, args.state, args.supplier)
    if args.json:
        out = [{
            "id": r.id, "number": r.number, "supplier": r.supplier, "supplier_name": r.supplier_name,
            "warehouse": r.warehouse, "state": r.state, "revision": r.revision,
            "issued_at": r.issued_at.isoformat() if r.issued_at else None,
            "expected_on": r.expected_on.isoformat() if r.expected_on else None, "currency": r.currency,
            "amount": fmt(r.subtotal()), "fixed_rate": fmt(r.fixed_rate) if r.fixed_rate is not None else None,
            "lines": [{"line": x.line_no, "sku": x.sku, "description": x.description, "unit": x.unit,
                       "ordered": fmt(x.qty), "received": fmt(x.received), "open": fmt(x.open_qty),
                       "pack_size": fmt(x.pack_size), "price": fmt(x.price), "price_per": x.price_per}
                      for x in r.lines],
        } for r in rows]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")  # one write, also when unbuffered
        return
    named, words = _state_names(args.language), list_words(args.language, "PoList", LIST_WORDS)
    for r in rows:
        revision = "  " + words("revision", r.revision) if r.revision else ""
        fixed = "  " + words("fixed_rate", fmt(r.fixed_rate)) if r.fixed_rate is not None else ""
        print(f"{r.number or r.id}  {r.supplier}  {named(r.state)}  {r.warehouse}{revision}  "
              + words("before_tax", f"{r.subtotal():,.2f}", r.currency) + fixed)
        for x in r.lines:
            print(f"  {x.line_no:>3}  {x.sku}  " + "  ".join(
                words(key, fmt(value)) for key, value in (("ordered", x.qty), ("received", x.received),
                                                          ("open", x.open_qty))))
    if rows:  # one total per currency: amounts in different currencies are never added together
        totals = totals_by_currency((r.currency, r.subtotal()) for r in rows)
        print(words("total", totals_text(totals, lambda x: f"{x:,.2f}")))
