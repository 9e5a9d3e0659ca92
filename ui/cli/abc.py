"""``abc [--json] [--by value|volume] [--save] [--weeks N] [--today D]``: every planned product's ABC and XYZ class
(``domain.planning.classification``) from the ledger's history as a planning run would make them (without
forecasting), then the 3 × 3 matrix: products and annual demand value per cell.

``--by`` ranks ABC by demand value (quantity × unit price) or by quantity for this listing; without it the planning
setting applies (Settings › Planning in the window). ``--save`` keeps ``--by`` as that setting, so planning runs and
the screens rank by it from then on (the purchaser's right, as for a product's own target). The listing itself
writes nothing: the Products, Stock and Replenishment screens show the classes of the last planning run
(``reorder``, ``suggest`` or the window's Replenishment screen). Exit status as in ``ui.cli``: 0 done, 2 bad input,
3 refused.
"""

from __future__ import annotations

import argparse
import math
import sys
import time

from domain.kernel import clock
from domain.kernel.errors import BadInput
from ui.cli.common import EXIT_OK
from ui.cli.common import option_day
from ui.cli.common import whole

COMMANDS = ("abc",)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("abc", help="ABC (by value or volume) and XYZ (demand variability) class of every product")
    p.add_argument("--json", action="store_true")
    p.add_argument("--by", help="rank ABC by value (quantity × price) or volume (quantity); default: the planning "
                                "setting")
    p.add_argument("--save", action="store_true", help="keep --by as the planning setting")
    p.add_argument("--weeks", type=whole(1, 1040), default=104, help="weeks of history to read (default 104)")
    p.add_argument("--today", type=option_day, help="as of this day, YYYY-MM-DD (default: today)")


def run(args: argparse.Namespace, open_db) -> int:
    from domain.planning.classification import XYZ_LIMITS
    from domain.planning.classification import classify_products
    from domain.planning.classification import matrix
    from domain.planning.classification import parse_basis
    from persistence.planning.queries import reader

    if args.weeks < 8:
        raise BadInput("--weeks", f"{args.weeks} is too few; give 8 or more weeks of history")
    try:
        basis = parse_basis(args.by) if args.by is not None else None
    except BadInput as e:
        raise BadInput("--by", e.problem) from e
    if args.save and basis is None:
        raise BadInput("--save", "say which basis to keep with --by value or --by volume")
    db = open_db()
    try:
        if args.save:
            from domain.planning.settings import SetAbcBasis
            from domain.planning.settings import set_abc_basis

            set_abc_basis(db.uow(), SetAbcBasis(basis))
        result = classify_products(reader(db.engine, utc_offset_seconds=time.localtime().tm_gmtoff),
                                   today=args.today or clock.today(), weeks=args.weeks, abc_basis=basis)
    finally:
        db.close()
    classes = sorted(result.classes.values(), key=lambda c: (c.cell, -c.value, result.names[c.product_id][0]))
    cells = matrix(classes)
    if args.json:
        from ui.cli.common import print_json

        print_json({
            "basis": result.basis, "saved": bool(args.save), "first_day": result.first_day.isoformat(),
            "end_day": result.end_day.isoformat(), "xyz_limits": list(XYZ_LIMITS),
            "products": [{"sku": result.names[c.product_id][0], "name": result.names[c.product_id][1],
                          "abc": c.abc, "xyz": c.xyz, "class": c.cell, "cv": _round(c.cv), "weeks": c.weeks,
                          "value": _round(c.value), "volume": _round(c.volume)} for c in classes],
            "matrix": {k: {"count": v.count, "value": str(v.value)} for k, v in cells.items()},
        })
        return EXIT_OK
    from ui.cli.common import table

    table([[result.names[c.product_id][0], result.names[c.product_id][1], c.abc, c.xyz,
            "-" if c.cv is None else f"{c.cv:.2f}", str(c.weeks), f"{c.value:,.2f}", f"{c.volume:,.2f}"]
           for c in classes], ["SKU", "NAME", "ABC", "XYZ", "CV", "WEEKS", "VALUE/YEAR", "QTY/YEAR"])
    print()
    table([[a] + [f"{cells[a + x].count}  {cells[a + x].value:,.2f}" for x in "XYZ"] for a in "ABC"],
          [f"by {result.basis}", "X (CV < 0.5)", "Y (0.5 ≤ CV < 1)", "Z (CV ≥ 1 or too little history)"])
    if args.save:
        print(f"saved: planning ranks ABC by {result.basis}", file=sys.stderr)
    print(f"{len(classes)} product(s), history {result.first_day.isoformat()} .. {result.end_day.isoformat()} "
          f"(exclusive)", file=sys.stderr)
    return EXIT_OK


def _round(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else round(value, 4)
