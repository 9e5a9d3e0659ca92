"""The ``price`` command (list prices per level, the extra levels' names, a customer's own prices, the quote) and the
price and terms actions of the catalogue's groups: ``customer terms``, ``product tax``, ``product substitutes``
(``ui.cli.stock`` adds them to its ``customer`` and ``product`` groups and hands them here).

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse

from domain.kernel.numbers import fmt
from ui.cli.common import EXIT_OK
from ui.cli.common import num
from ui.cli.common import print_json
from ui.cli.common import table

COMMANDS = ("price",)
PRODUCT_ACTIONS = ("tax", "substitutes")
CUSTOMER_ACTIONS = ("terms",)


def add_parsers(sub) -> None:
    price = sub.add_parser("price", help="list prices per level, customer prices and what a customer pays")
    actions = price.add_subparsers(dest="action", required=True)
    p = actions.add_parser("set", help="set a product's list price at a level (without tax)")
    p.add_argument("sku")
    p.add_argument("level", help="retail, wholesale, level3, level4 or level5")
    p.add_argument("price")
    p = actions.add_parser("remove", help="remove a product's list price at a level")
    p.add_argument("sku")
    p.add_argument("level")
    p = actions.add_parser("list", help="a product's prices at every level, and with --customer what it pays")
    p.add_argument("sku")
    p.add_argument("--customer")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("customer", help="set (or --remove) the price agreed with a customer for a product")
    p.add_argument("customer")
    p.add_argument("sku")
    p.add_argument("price", nargs="?")
    p.add_argument("--remove", action="store_true")
    p = actions.add_parser("levels", help="the price levels; --name level3=NAME names an extra level")
    p.add_argument("--name", action="append", default=[], metavar="LEVEL=NAME")


def add_product_actions(product) -> None:
    p = product.add_parser("tax", help="a product's own tax rate in percent, or default for the company's")
    p.add_argument("sku")
    p.add_argument("rate")
    p = product.add_parser("substitutes", help="set a product's substitutes in order (none given: show them)")
    p.add_argument("sku")
    p.add_argument("substitutes", nargs="*", metavar="SUB")
    p.add_argument("--none", action="store_true", help="remove every substitute")


def add_customer_actions(customer) -> None:
    p = customer.add_parser("terms", help="a customer's price level, discount, payment terms and contact "
                                          "(no option: show them)")
    p.add_argument("code")
    p.add_argument("--level", help="retail, wholesale, level3, level4 or level5")
    p.add_argument("--discount", help="percent off the list price, 0 to 100")
    p.add_argument("--payment-terms", help="the terms as text, as printed (e.g. 月结30天)")
    p.add_argument("--payment-basis", help="how due dates count: net (days after the document), month-end (days "
                                           "after the end of its month, 月结) or cod (due on the day)")
    p.add_argument("--payment-days", help="whole days, 0 to 3650")
    p.add_argument("--credit-limit", help="an amount, or none for no limit")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--address")


def run(args: argparse.Namespace, open_db) -> int:
    db = open_db()
    try:
        return run_with(args, db)
    finally:
        db.close()


def run_with(args: argparse.Namespace, db) -> int:
    """Run a ``price`` command, or a price action of ``product`` or ``customer``, on an open database."""
    from domain.kernel.errors import BadInput
    from domain.sales import price_master as pm

    uow = db.uow
    if args.command == "product" and args.action == "tax":
        rate = pm.set_product_tax(uow(), pm.SetProductTax(args.sku, args.rate))
        print(f"{args.sku}: tax rate {fmt(rate)}%" if rate is not None else f"{args.sku}: the company's tax rate")
    elif args.command == "product":
        if args.substitutes or args.none:
            if args.substitutes and args.none:
                raise BadInput("substitute", "give substitutes or --none, not both", code="")
            pm.set_substitutes(uow(), pm.SetSubstitutes(args.sku, list(args.substitutes)))
        product, subs = pm.substitutes_of(uow(), args.sku)
        if subs:
            for rank, sub in enumerate(subs, start=1):
                print(f"{rank}  {sub.sku}  {sub.name}")
        else:
            print(f"{product.sku} has no substitutes")
    elif args.command == "customer":
        _terms(args, uow)
    elif args.action == "set":
        price = pm.set_list_price(uow(), pm.SetListPrice(args.sku, args.level, args.price))
        print(f"{args.sku} {args.level.lower()}: {fmt(price)}")
    elif args.action == "remove":
        removed = pm.remove_list_price(uow(), pm.RemoveListPrice(args.sku, args.level))
        print(f"{args.sku} {args.level.lower()}: removed" if removed else
              f"{args.sku} had no {args.level.lower()} price; nothing changed")
    elif args.action == "customer":
        if args.remove == (args.price is not None):
            raise BadInput("price", "give a price, or --remove to remove the customer's price", code="required")
        price = pm.set_customer_price(uow(), pm.SetCustomerPrice(args.customer, args.sku,
                                                                 None if args.remove else args.price))
        print(f"{args.customer} {args.sku}: {fmt(price)}" if price is not None else
              f"{args.customer} {args.sku}: customer price removed")
    elif args.action == "levels":
        names = {}
        for item in args.name:
            level, sep, name = item.partition("=")
            if not sep:
                raise BadInput("--name", f"{item!r} is not LEVEL=NAME; write it as level3=VIP", code="")
            names[level.strip()] = name
        found = pm.name_levels(uow(), pm.NameLevels(names)) if names else pm.level_names(uow())
        from domain.sales.prices import LEVELS

        for level in LEVELS:
            print(f"{level}  {_level_name(level, found)}".rstrip())
    else:
        _list(args, uow)
    return EXIT_OK


def _list(args, uow) -> None:
    from domain.sales import price_master as pm
    from domain.sales.prices import LEVELS

    sheet = pm.price_sheet(uow(), args.sku, args.customer)
    q = sheet.quote
    if args.json:
        print_json([{
            "sku": sheet.product.sku, "name": sheet.product.name,
            "levels": [{"level": level, "name": sheet.level_names.get(level, ""),
                        "price": num(sheet.list_prices.get(level))} for level in LEVELS],
            "tax_rate": fmt(q.tax_rate), "own_tax_rate": num(sheet.own_tax_rate),
            "customer": sheet.customer.code if sheet.customer else None,
            "price_level": sheet.terms.price_level if sheet.terms else ("retail" if sheet.customer else None),
            "customer_price": num(sheet.customer_price),
            "quote": {"unit_price": num(q.unit_price), "unit_price_with_tax": num(q.unit_price_with_tax),
                      "list_price": num(q.list_price), "discount": fmt(q.discount), "source": q.source,
                      "last_price": num(q.last_price)},
        }])
        return
    rows = [[level, _level_name(level, sheet.level_names), num(sheet.list_prices.get(level)) or "-"]
            for level in LEVELS if _offered(level, sheet.level_names) or sheet.list_prices.get(level) is not None]
    table(rows, ["LEVEL", "NAME", "PRICE"])
    rate = f"{fmt(q.tax_rate)}%" + ("" if sheet.own_tax_rate is not None else " (the company's)")
    print(f"tax rate: {rate}")
    who = sheet.customer.code if sheet.customer else "walk-in"
    if sheet.customer:
        print(f"{who}: level {sheet.terms.price_level if sheet.terms else 'retail'}, discount "
              f"{fmt(sheet.terms.discount) if sheet.terms else '0'}%, own price {num(sheet.customer_price) or '-'}")
    if q.unit_price is None:
        print(f"{who} pays: no price known")
    else:
        print(f"{who} pays: {fmt(q.unit_price)} without tax, {fmt(q.unit_price_with_tax)} with tax "
              f"({q.source}, list {fmt(q.list_price)}, discount {fmt(q.discount)}%)")
    if q.last_price is not None:
        print(f"last price: {fmt(q.last_price)}")


def _level_name(level: str, names: dict[str, str]) -> str:
    """A level's name as the window shows it: a built-in level's own (in English here), an extra one the office's."""
    from domain.sales.prices import NAMED_LEVELS

    return names.get(level, "") if level in NAMED_LEVELS else level.capitalize()


def _offered(level: str, names: dict[str, str]) -> bool:
    """Built in, or an extra level the office has named (an unnamed one is not offered, as on the editors)."""
    from domain.sales.prices import NAMED_LEVELS

    return level not in NAMED_LEVELS or bool(names.get(level))


def _terms(args, uow) -> None:
    from domain.sales import price_master as pm

    fields = (args.level, args.discount, args.payment_terms, args.payment_days, args.credit_limit, args.phone,
              args.email, args.address, args.payment_basis)
    if any(x is not None for x in fields):
        pm.set_customer_terms(uow(), pm.SetCustomerTerms(args.code, *fields))
    customer, t = pm.customer_terms(uow(), args.code)
    print(f"{customer.code}  {customer.name}")
    print(f"price level: {t.price_level}")
    print(f"discount: {fmt(t.discount)}%")
    print(f"payment terms: {t.payment_terms}")
    print(f"payment basis: {t.payment_basis.replace('_', '-')}")
    print(f"payment days: {t.payment_days}")
    print(f"credit limit: {fmt(t.credit_limit) if t.credit_limit is not None else 'none'}")
    print(f"phone: {t.phone}")
    print(f"email: {t.email}")
    print(f"address: {t.address}")
