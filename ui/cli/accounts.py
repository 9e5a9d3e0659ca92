"""Receivables and payables on the command line (往来账, ``domain.accounts``).

``receipt`` (收款单: add, list, reverse), ``payment`` (付款单: the same for suppliers), ``refund`` (money paid back to
a customer or received back from a supplier), ``allocate`` (credit allocated by hand later), ``unallocate`` (undo an
allocation), ``balances``, ``ageing``, ``open-items`` and ``payment-method`` (add, list).

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from domain.kernel import clock
from domain.kernel.validate import iso_day
from ui.cli.common import EXIT_OK
from ui.cli.common import add_language_option
from ui.cli.common import file_language
from ui.cli.common import num
from ui.cli.common import print_json
from ui.cli.common import table
from ui.cli.reports import company_name
from ui.cli.reports import output_kind

COMMANDS = ("receipt", "payment", "refund", "allocate", "unallocate", "write-off", "balances", "ageing",
            "open-items", "payment-method", "payment-terms")
MONEY = {"receipt": ("customer", "AR"), "payment": ("supplier", "AP")}


def day(text: str) -> date:
    try:
        return iso_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use a date such as 2026-03-01") from None


def _money_options(p) -> None:
    p.add_argument("amount", help="the amount, above 0, with at most the decimals of its currency (the company's "
                                  "unless --currency says the supplier's)")
    p.add_argument("--currency", default="", help="the amount is in this currency: the supplier's own (kept with "
                                                  "its rate; an exchange difference is booked when it settles a "
                                                  "document whole in it); default: the company currency")
    p.add_argument("--rate", help="with --currency: units of the company currency per 1 unit (default: the rate of "
                                  "the day, rate show)")
    p.add_argument("--method", default="cash", help="cash, bank, wechat, alipay, other, or a method the office "
                                                    "added (payment-method list)")
    p.add_argument("--date", type=day, help="the business date (default: today)")
    p.add_argument("--ref", default="", help="a bank reference, a cheque number (optional)")
    p.add_argument("--note", default="")
    p.add_argument("--allocate", action="append", default=[], metavar="DOC[:AMOUNT]",
                   help="allocate to this document (all that is open on it, or AMOUNT); repeat for more. Without "
                        "it the money is allocated oldest first")
    p.add_argument("--no-allocate", action="store_true", help="allocate nothing: keep it all as credit")


def _partner_option(p, required: bool = True) -> None:
    who = p.add_mutually_exclusive_group(required=required)
    who.add_argument("--customer", help="the customer's code")
    who.add_argument("--supplier", help="the supplier's code")


def _scheme_options(p) -> None:
    p.add_argument("--by", choices=("due", "date"), help="age by the due date (days overdue; not yet due is current) "
                                                        "or by the document's date (days since it); default: the "
                                                        "office's choice (ageing --save), else due")
    p.add_argument("--bands", metavar="DAYS", help="where the bands end, rising, such as 30/60/90/180; default: the "
                                                   "office's choice, else 30/60/90")


def add_parsers(sub) -> None:
    for name, (partner, _) in MONEY.items():
        title = "money received from a customer (收款单)" if name == "receipt" else "money paid to a supplier (付款单)"
        actions = sub.add_parser(name, help=title).add_subparsers(dest="action", required=True)
        p = actions.add_parser("add", help=f"record a {name} and allocate it")
        p.add_argument(f"--{partner}", required=True, help=f"the {partner}'s code")
        _money_options(p)
        p = actions.add_parser("list", help=f"the {name}s with what is allocated of each")
        p.add_argument(f"--{partner}", help=f"only this {partner}'s")
        p.add_argument("--from", dest="date_from", type=day)
        p.add_argument("--to", dest="date_to", type=day)
        p.add_argument("--json", action="store_true")
        p = actions.add_parser("reverse", help=f"reverse a {name}: its allocations are undone, what it settled is "
                                               f"open again")
        p.add_argument("number")
        p.add_argument("--reason", required=True)
        p.add_argument("--date", type=day)
    actions = sub.add_parser("refund", help="money paid back to a customer, or received back from a supplier, out "
                                            "of its credit").add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="record a refund (at most the partner's credit)")
    _partner_option(p)
    _money_options(p)
    p = actions.add_parser("list", help="the refunds")
    _partner_option(p)
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("reverse", help="reverse a refund")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=day)
    actions = sub.add_parser("write-off", help="settle what is left open on a document without money (a small "
                                               "remainder, a debt that will not be paid): WO-YYYY-NNNNN"
                             ).add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help="write off what is open on a sale, goods receipt, invoice or opening item")
    p.add_argument("number", help="the document (SD-..., PO-..., OB-...)")
    p.add_argument("amount", nargs="?", help="how much (default: all that is open on it)")
    p.add_argument("--reason", required=True, help="why (kept as the write-off's note, printed on statements)")
    p.add_argument("--date", type=day, help="the business date (default: today)")
    p.add_argument("--side", choices=("AR", "AP"), help="when the number is on both sides")
    p = actions.add_parser("reverse", help="reverse a write-off: the document is open again")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.add_argument("--date", type=day)

    p = sub.add_parser("allocate", help="allocate what is left of a receipt, payment, return or refund to "
                                        "documents by hand")
    p.add_argument("number", help="the receipt, payment, return or refund (RC-..., PM-..., SR-..., PR-..., RF-...)")
    p.add_argument("targets", nargs="+", metavar="DOC[:AMOUNT]")
    p.add_argument("--date", type=day)
    p.add_argument("--side", choices=("AR", "AP"), help="when the number is on both sides")
    p = sub.add_parser("unallocate", help="undo the allocation of one item to another: what it settled is open "
                                          "again")
    p.add_argument("credit", help="the receipt, payment or return")
    p.add_argument("debit", help="the document it settled")
    p.add_argument("--date", type=day)
    p.add_argument("--side", choices=("AR", "AP"))

    p = sub.add_parser("balances", help="what each customer owes, or each supplier is owed, with its ageing")
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--customers", action="store_true")
    side.add_argument("--suppliers", action="store_true")
    p.add_argument("--as-of", type=day, help="count what is dated on or before it, aged at it (default: "
                                             "everything, aged today)")
    p.add_argument("--all", action="store_true", help="also partners whose balance and credit are 0")
    _scheme_options(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="write the ageing (账龄分析表) to FILE.xlsx or FILE.pdf")
    add_language_option(p, "the file")
    p = sub.add_parser("ageing", help="the ageing of receivables or payables: by default current, 1-30, 31-60, "
                                      "61-90 and over 90 days overdue; --by and --bands choose others")
    side = p.add_mutually_exclusive_group()
    side.add_argument("--customers", action="store_true", help="(the default)")
    side.add_argument("--suppliers", action="store_true")
    p.add_argument("--as-of", type=day)
    p.add_argument("--json", action="store_true")
    _scheme_options(p)
    p.add_argument("--save", action="store_true", help="keep --by and --bands as the office's ageing, which the "
                                                       "lists, balances and the window use from then on")
    p = sub.add_parser("open-items", help="a partner's open items: what is owed, and credit not yet allocated")
    p.add_argument("partner", help="a customer's code (or a supplier's, with --supplier)")
    p.add_argument("--supplier", action="store_true", help="the code is a supplier's")
    p.add_argument("--overdue", action="store_true", help="only items past their due date")
    p.add_argument("--as-of", type=day)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the kinds as stored (sale, receipt…), for scripts")
    out.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="write the open items (未清明细) to FILE.xlsx or FILE.pdf")
    add_language_option(p, "the list's (and the file's)")

    p = sub.add_parser("payment-terms", help="how a partner's due dates count, the basis and days only (an "
                                             "accountant's; a manager sets them with the rest of the terms in "
                                             "customer terms / supplier terms): net DAYS from the date, month-end "
                                             "(月结) DAYS from the end of the month, or cod")
    p.add_argument("partner", help="a customer's code (or a supplier's, with --supplier)")
    p.add_argument("--supplier", action="store_true")
    p.add_argument("--basis", required=True, help="net, month-end (also month_end, 月结) or cod (货到付款)")
    p.add_argument("--days", default="0",
                   help="whole days, 0 to 3650; 0 when not given (the days stored before are not kept)")

    actions = sub.add_parser("payment-method", help="the ways money is received and paid").add_subparsers(
        dest="action", required=True)
    p = actions.add_parser("add", help="add a payment method of the office's (or rename one)")
    p.add_argument("code")
    p.add_argument("name")
    p = actions.add_parser("list", help="every payment method")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, open_db) -> int:
    db = open_db()
    try:
        return _run(args, db)
    finally:
        db.close()


def _targets(texts: list[str]):
    from domain.accounts.commands import AllocateTo

    out = []
    for text in texts:
        number, sep, amount = text.partition(":")
        out.append(AllocateTo(number, amount if sep else None))
    return tuple(out)


def _run(args, db) -> int:
    cmd = args.command
    if cmd in ("receipt", "payment", "refund"):
        return _money(args, db)
    if cmd in ("allocate", "unallocate"):
        return _allocate(args, db)
    if cmd == "write-off":
        return _write_off(args, db)
    if cmd == "payment-method":
        return _methods(args, db)
    if cmd == "payment-terms":
        from domain.accounts import commands as ac
        from domain.accounts import money

        terms = money.set_payment_terms(db.uow(), ac.SetPaymentTerms("AP" if args.supplier else "AR", args.partner,
                                                                     args.basis, args.days))
        print(f"{args.partner}: {terms.basis} {terms.days} day(s)")
        return EXIT_OK
    _may_see(db)
    if cmd == "balances":
        return _balances(args, db)
    if cmd == "ageing":
        return _ageing(args, db)
    return _open_items(args, db)


def _write_off(args, db) -> int:
    from domain.accounts import commands as ac
    from domain.accounts import money

    if args.action == "reverse":
        rev = money.reverse_money(db.uow(), ac.ReverseMoney(args.number, args.reason, args.date))
        print(f"{rev.number} reversed")
        return EXIT_OK
    item = money.write_off(db.uow(), ac.WriteOff(args.number, args.reason, args.amount, args.side or "", args.date))
    print(f"{item.number}: {fmt_money(-item.amount)} of {args.number.upper()} written off")
    return EXIT_OK


def _may_see(db) -> None:
    """Balances are not for everyone: the ACCOUNTS permission (a purchaser or above)."""
    from domain.access.roles import Permission
    from domain.access.roles import require

    with db.uow() as uow:
        require(uow, Permission.ACCOUNTS)


def _side_of(args) -> str:
    if args.command == "refund":
        return "AR" if args.customer else "AP"
    return MONEY[args.command][1]


def _partner_id(db, side: str, code: str | None) -> str | None:
    from domain.accounts.model import Side
    from domain.accounts.money import find_partner

    if not code:
        return None
    with db.uow() as uow:
        return find_partner(uow, Side(side), code).id


def _money(args, db) -> int:
    from domain.accounts import commands as ac
    from domain.accounts import money
    from persistence.accounts import queries

    side = _side_of(args)
    partner = getattr(args, "customer", None) or getattr(args, "supplier", None)
    if args.action == "add":
        item = money.record_money(db.uow(), ac.RecordMoney(
            args.command, partner or "", args.amount, side=side, method=args.method, day=args.date,
            reference=args.ref, note=args.note, allocate=_targets(args.allocate), auto=not args.no_allocate,
            currency=args.currency, rate=args.rate))
        row = queries.money(db.engine, side, number=item.number)[0]
        typed = f" ({_typed(row)})" if row.currency else ""
        print(f"{item.number}: {fmt_money(row.amount)}{typed} from {row.code}" if args.command == "receipt" else
              f"{item.number}: {fmt_money(row.amount)}{typed} {'to' if args.command == 'payment' else 'for'} "
              f"{row.code}")
        _print_allocations(db, item)
        print(f"allocated {fmt_money(row.allocated)}, unallocated (credit) {fmt_money(row.unallocated)}")
        return EXIT_OK
    if args.action == "reverse":
        rev = money.reverse_money(db.uow(), ac.ReverseMoney(args.number, args.reason, args.date))
        print(f"{rev.number} reversed")
        return EXIT_OK
    _may_see(db)
    rows = queries.money(db.engine, side, partner_id=_partner_id(db, side, partner),
                         date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None))
    kind = {"receipt": "receipt", "payment": "payment", "refund": "refund"}[args.command]
    rows = [r for r in rows if r.kind == kind]
    if args.json:
        print_json([{"number": r.number, "date": r.business_date.isoformat(), "partner": r.code, "name": r.name,
                     "amount": num(r.amount), "method": r.method, "reference": r.reference, "note": r.note,
                     "allocated": num(r.allocated), "unallocated": num(r.unallocated), "reversed": r.reversed,
                     "user": r.user, "currency": r.currency,
                     "in_currency": None if r.in_currency is None else num(r.in_currency),
                     "rate": None if r.rate is None else num(r.rate)} for r in rows])
        return EXIT_OK
    table([[r.number, r.business_date.isoformat(), r.code, fmt_money(r.amount), _typed(r), r.method,
            fmt_money(r.allocated), fmt_money(r.unallocated), "reversed" if r.reversed else "", r.reference]
           for r in rows],
          ["number", "date", "partner", "amount", "in currency @ rate", "method", "allocated", "unallocated", "",
           "reference"])
    return EXIT_OK


def _typed(row) -> str:
    """Money typed in a supplier's currency as it was typed: ``USD 113.00 @ 7.2``; "" for the company's."""
    if not row.currency:
        return ""
    return f"{row.currency} {fmt_money(row.in_currency)} @ {row.rate.normalize():f}"


def _print_allocations(db, item) -> None:
    with db.uow() as uow:
        for a in uow.accounts.live_allocations(item.id):
            other = uow.accounts.get(a.debit_item_id if a.credit_item_id == item.id else a.credit_item_id)
            print(f"  {other.number}: {fmt_money(a.amount)}")
        for x in uow.accounts.by_source(item.id):
            if x.kind.value == "exchange_difference":
                what = "exchange loss" if x.amount > 0 else "exchange gain"
                print(f"  {x.number}: {what} {fmt_money(abs(x.amount))} on {x.reference}")


def fmt_money(value) -> str:
    """An amount as money reads, with the other tables' grouping: two places (1234.5 prints as 1,234.50), more only
    when it has them (an amount of a company that keeps more places)."""
    from decimal import Decimal

    amount = Decimal(value)
    places = max(2, -amount.normalize().as_tuple().exponent) if amount else 2
    return f"{amount:,.{places}f}"


def _allocate(args, db) -> int:
    from domain.accounts import commands as ac
    from domain.accounts import money

    if args.command == "allocate":
        rows = money.allocate_credit(db.uow(), ac.AllocateCredit(args.number, _targets(args.targets),
                                                                 args.side or "", args.date))
        with db.uow() as uow:
            for a in rows:
                debit, credit = uow.accounts.get(a.debit_item_id), uow.accounts.get(a.credit_item_id)
                print(f"{credit.number} → {debit.number}: {fmt_money(a.amount)}")
        return EXIT_OK
    rows = money.undo_allocation(db.uow(), ac.UndoAllocation(args.credit, args.debit, args.side or "", args.date))
    print(f"undone: {fmt_money(sum(-a.amount for a in rows))} of {args.credit.upper()} on {args.debit.upper()}")
    return EXIT_OK


def _methods(args, db) -> int:
    from domain.accounts import commands as ac
    from domain.accounts import money

    if args.action == "add":
        code = money.add_payment_method(db.uow(), ac.AddPaymentMethod(args.code, args.name))
        print(code)
        return EXIT_OK
    with db.uow() as uow:
        methods = money.payment_methods(uow)
    if args.json:
        print_json([{"code": code, "name": name, "built_in": code in money.BUILT_IN_METHODS}
                    for code, name in methods.items()])
        return EXIT_OK
    table([[code, name, "built in" if code in money.BUILT_IN_METHODS else ""] for code, name in methods.items()],
          ["code", "name", ""])
    return EXIT_OK


def _balances(args, db) -> int:
    from persistence.accounts import queries

    side = "AP" if args.suppliers else "AR"
    kind = output_kind(args.output)
    scheme = _scheme(args, db)
    rows = queries.balances(db.engine, side, as_of=args.as_of, scheme=scheme)
    if not args.all:
        rows = [r for r in rows if r.balance or r.credit]
    if kind is not None:
        return _write_balances(args, db, side, rows, kind, scheme)
    foreign = {}
    if side == "AP":  # a foreign supplier's balance in its currency, as the Payables list shows it (原币金额)
        from domain.accounts.foreign import foreign_balances

        foreign = foreign_balances(db.uow(), queries.open_items(db.engine, side, as_of=args.as_of), args.as_of)
    if args.json:
        print_json([{"code": r.code, "name": r.name, "balance": num(r.balance), "credit": num(r.credit),
                     "current": num(r.current), "d1_30": num(r.d1_30), "d31_60": num(r.d31_60),
                     "d61_90": num(r.d61_90), "over_90": num(r.over_90), "overdue": num(r.overdue),
                     "oldest_due": r.oldest_due.isoformat() if r.oldest_due else None,
                     "ageing": _json_bands(scheme, r.bands), **_json_currency(side, foreign, r.partner_id)}
                    for r in rows])
        return EXIT_OK
    extra = ["in currency"] if foreign else []
    table([[r.code, r.name, fmt_money(r.balance), *_in_currency(foreign, r.partner_id, extra), fmt_money(r.credit),
            *(fmt_money(x) for x in r.bands), r.oldest_due.isoformat() if r.oldest_due else ""]
           for r in rows], ["code", "name", "balance", *extra, "credit", *band_headers(scheme), "oldest due"])
    return EXIT_OK


def _json_currency(side: str, foreign: dict, partner_id: str) -> dict:
    """A supplier's currency and balance in it (both None for one in the company currency); none for a customer."""
    if side != "AP":
        return {}
    found = foreign.get(partner_id)
    return {"currency": found.currency if found else None, "in_currency": num(found.amount) if found else None}


def _in_currency(foreign: dict, partner_id: str, extra: list) -> list[str]:
    """The cell of a supplier's balance in its currency (``83.00 USD``; ``— USD`` while a rate is not known), when the
    table has the column."""
    if not extra:
        return []
    found = foreign.get(partner_id)
    if found is None:
        return [""]
    return [f"{fmt_money(found.amount) if found.amount is not None else '—'} {found.currency}"]


def _scheme(args, db):
    """The ageing asked for: ``--by`` and ``--bands``, each else the office's (BadInput naming the option)."""
    from domain.accounts.ageing import Scheme
    from domain.accounts.ageing import parse_basis
    from domain.accounts.ageing import parse_bounds
    from domain.accounts.ageing_choice import ageing_scheme

    office = ageing_scheme(db.uow())
    return Scheme(parse_basis(args.by) if args.by else office.basis,
                  parse_bounds(args.bands) if args.bands else office.bounds)


def band_headers(scheme) -> list[str]:
    """The bands as the tables head them: current, 1-30, …, >90 (by due date); 0-30, …, >90 (by date)."""
    return ["current" if first is None else f">{first - 1}" if last is None else f"{first}-{last}"
            for first, last in scheme.ranges()]


def _json_bands(scheme, bands) -> dict:
    return {"by": scheme.basis.value, "bands": [{"band": name, "amount": num(amount)} for name, amount in
                                                zip(band_headers(scheme), bands, strict=True)]}


def _write_balances(args, db, side: str, rows, kind: str, scheme) -> int:
    """The list as the 账龄分析表 workbook or PDF, in the language asked for (else the window's)."""
    from datetime import datetime

    from ui import report_sheets
    from ui.pdf.report_labels import label

    language = file_language(args.language)
    as_of = args.as_of or clock.today()
    by = label("Due date" if scheme.basis.value == "due" else "Document date", language)
    header = [(label("As of", language), as_of.isoformat()), (label("Aged by", language), by),
              (label("Printed", language), datetime.now().strftime("%Y-%m-%d %H:%M"))]
    return _write_sheet(report_sheets.partner_ageing(rows, side, language, header, scheme), kind, args.output, db)


def _write_sheet(sheet, kind: str, path: Path, db) -> int:
    """A report sheet to ``path``: a workbook (``kind`` .xlsx) or a PDF under the company's name."""
    from ui.open_items_sheet import save_sheet

    size = save_sheet(sheet, path, company_name(db) if kind == ".pdf" else "")
    print(f"{path} ({size:,} {'rows' if kind == '.xlsx' else 'bytes'})")
    return EXIT_OK


def _ageing(args, db) -> int:
    from persistence.accounts import queries

    side = "AP" if args.suppliers else "AR"
    if args.save:
        from domain.accounts.ageing_choice import SetAgeing
        from domain.accounts.ageing_choice import ageing_scheme
        from domain.accounts.ageing_choice import set_ageing

        office = ageing_scheme(db.uow())
        saved = set_ageing(db.uow(), SetAgeing(args.by or office.basis.value, args.bands or office.text()))
        print(f"the office ages by {'due date' if saved.basis.value == 'due' else 'document date'}, bands "
              f"{saved.text()}")
    scheme = _scheme(args, db)
    a = queries.ageing(db.engine, side, args.as_of, scheme)
    values = {"current": a.current, "d1_30": a.d1_30, "d31_60": a.d31_60, "d61_90": a.d61_90,
              "over_90": a.over_90, "overdue": a.overdue, "credit": a.credit, "balance": a.balance}
    if args.json:
        print_json({"side": a.side, "as_of": a.as_of.isoformat(), "partners": a.partners,
                    **{k: num(v) for k, v in values.items()}, "ageing": _json_bands(scheme, a.bands)})
        return EXIT_OK
    by = "by due date" if scheme.basis.value == "due" else "by document date"
    print(f"{'receivables' if side == 'AR' else 'payables'} at {a.as_of.isoformat()}, {by}, {a.partners} partner(s)")
    table([[fmt_money(x) for x in (*a.bands, a.overdue, a.credit, a.balance)]],
          [*band_headers(scheme), "overdue", "credit", "balance"])
    return EXIT_OK


def _open_items(args, db) -> int:
    """A partner's open items with their total, which is its balance: printed with each kind in words (in English
    unless ``--language`` says otherwise), as JSON, or written to a workbook or PDF in the file's language."""
    from datetime import datetime

    from domain.accounts.foreign import ForeignBalance
    from domain.accounts.foreign import foreign_items
    from domain.accounts.model import Side
    from domain.accounts.money import find_partner
    from persistence.accounts import queries
    from ui.cli.common import LANGUAGES
    from ui.open_items_sheet import open_items_header
    from ui.open_items_sheet import open_items_sheet

    side = "AP" if args.supplier else "AR"
    kind = output_kind(args.output)
    with db.uow() as uow:
        partner = find_partner(uow, Side(side), args.partner)
    rows = queries.open_items(db.engine, side, partner.id, overdue_only=args.overdue, as_of=args.as_of)
    # a foreign supplier's items: what is open of each in its currency (原币金额), as the window and its files say
    foreign = foreign_items(db.uow(), rows, args.as_of) if side == "AP" else {}
    if args.json:
        none = ForeignBalance(None, None)
        print_json([{"number": r.number, "kind": r.kind, "date": r.business_date.isoformat(),
                     "due": r.due_on.isoformat() if r.due_on else None, "amount": num(r.amount),
                     "allocated": num(r.allocated), "open": num(r.open), "days_overdue": r.days_overdue,
                     "currency": foreign.get(r.id, none).currency, "in_currency": num(foreign.get(r.id, none).amount)}
                    for r in rows])
        return EXIT_OK
    if kind is not None:
        language = file_language(args.language)
    else:
        language = LANGUAGES[args.language] if args.language else "en"
    header = open_items_header(side, partner.code, partner.name, args.as_of or clock.today(), language,
                               datetime.now() if kind is not None else None)
    sheet = open_items_sheet(rows, side, language, header, foreign)
    if kind is not None:
        return _write_sheet(sheet, kind, args.output, db)
    from ui.cli.reports import print_sheet

    print_sheet(sheet)
    return EXIT_OK
