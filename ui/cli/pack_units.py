"""``product unit add|list|remove``: a product's packaging units (箱 of 12 with its own barcode;
``domain.catalog.packaging``). ``ui.cli.stock`` adds the action to its ``product`` group and hands it here.

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse

from domain.kernel.numbers import fmt
from ui.cli.common import EXIT_OK
from ui.cli.common import print_json
from ui.cli.common import table


def add_product_actions(product) -> None:
    unit = product.add_parser("unit", help="a product's packaging units: a carton of 12 with a barcode of its own")
    actions = unit.add_subparsers(dest="unit_action", required=True)
    p = actions.add_parser("add", help="give a product a packaging unit; scanning its barcode counts PER of the "
                                       "product")
    p.add_argument("sku")
    p.add_argument("name", help="the pack's name: 箱, 盒, carton…")
    p.add_argument("per", help="how many of the product's own unit one pack holds (a whole number above 1 for a "
                               "product counted in whole units)")
    p.add_argument("--barcode", action="append", default=[], help="the pack's barcode; may be given several times")
    p = actions.add_parser("list", help="a product's packaging units")
    p.add_argument("sku")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("remove", help="remove a product's packaging unit and its barcodes")
    p.add_argument("sku")
    p.add_argument("name")


def run_with(args: argparse.Namespace, db) -> int:
    from domain.catalog import commands as cc
    from domain.catalog import packaging

    uow = db.uow
    if args.unit_action == "add":
        unit = packaging.add_pack_unit(uow(), cc.AddPackUnit(args.sku, cc.PackUnitInput(
            args.name, args.per, tuple(args.barcode))))
        print(f"{args.sku}: 1 {unit.name} = {fmt(unit.per)}")
    elif args.unit_action == "remove":
        unit = packaging.remove_pack_unit(uow(), cc.RemovePackUnit(args.sku, args.name))
        print(f"{args.sku}: {unit.name} removed")
    else:
        product, units = packaging.pack_units_of(uow(), args.sku)
        if args.json:
            print_json([{"name": u.name, "per": fmt(u.per), "unit": product.unit, "barcodes": list(u.barcodes)}
                        for u in units])
        elif units:
            table([[u.name, fmt(u.per), product.unit, ",".join(u.barcodes)] for u in units],
                  ["UNIT", "HOLDS", "OF", "BARCODES"])
        else:
            print(f"{product.sku} has no packaging units")
    return EXIT_OK
