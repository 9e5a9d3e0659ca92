"""The headless command line: the same use cases as the window, for scripts, support and tests.

Exit status: 0 done, 2 bad input, 3 refused by a business rule, 4 the storage failed (the database
busy past the wait, a full disk, a disk error; nothing was written). This module must not
import Qt, pandas or statsmodels, so a command starts fast.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from domain import catalog
from domain import commands as c
from domain import ledger
from domain.errors import BadInput
from domain.errors import DomainError
from domain.numbers import fmt
from ui.cli_plan import COMMANDS as PLAN_COMMANDS
from ui.cli_plan import add_plan_parsers
from ui.cli_plan import run_plan
from ui.cli_po import add_po_parser
from ui.cli_po import run_po

# Further command groups, each a module with ``COMMANDS`` (names), ``add_parsers(sub)`` and
# ``run(args, open_db) -> exit status``, where ``open_db()`` opens the --db database on demand
# (a command such as ``restore`` must not open it first). Listed only when the module exists;
# a module must import nothing heavy at its top, so every command still starts fast.
EXTENSIONS = ("ui.cli_sync", "ui.cli_io", "ui.cli_admin", "ui.cli_users", "ui.cli_rates")

EXIT_OK, EXIT_BAD_INPUT, EXIT_REFUSED, EXIT_STORAGE = 0, 2, 3, 4


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _when(text: str) -> datetime:
    from domain import validate

    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date-time such as 2026-03-01T14:30") from None
    try:
        validate.moment("--at", when)
    except BadInput as exc:  # argparse names the option; say the window
        raise argparse.ArgumentTypeError(exc.problem) from None
    return when


def _cache_argparse_messages() -> None:
    """Remember argparse's gettext lookups: uncached, its ~90 calls cost a tenth of a trivial command's run.

    Each call searches for message catalogues again; within one process the answer never changes.
    """
    lookup = getattr(argparse, "_", None)
    if callable(lookup) and not hasattr(lookup, "cache_info"):
        argparse._ = functools.cache(lookup)


def build_parser() -> argparse.ArgumentParser:
    _cache_argparse_messages()
    parser = argparse.ArgumentParser(prog="stockroom", description="Stockroom: purchasing, sales and inventory.")
    parser.add_argument("--db", type=Path, help="the SQLite database file (default: in your user data folder)")
    parser.add_argument("--user", help="act as this user, signing in with the password in STOCKROOM_PASSWORD or "
                                       "asked for (needed once the database has users)")
    parser.add_argument("--smoke", action="store_true",
                        help="check this installation: open the window offscreen on a temporary database, post a "
                             "receipt, print a purchase order to PDF, exit 0 when all worked")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    p = product.add_parser("list", help="list products")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("warehouse", help="warehouses").add_subparsers(dest="action", required=True).add_parser("add")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--allow-negative", action="store_true")
    p.add_argument("--address", default="")

    p = sub.add_parser("supplier", help="suppliers").add_subparsers(dest="action", required=True).add_parser("add")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--currency", default="CNY")
    p.add_argument("--lead-time", default="7")
    p.add_argument("--contact", default="")
    p.add_argument("--address", default="")

    customer = sub.add_parser("customer", help="customers").add_subparsers(dest="action", required=True)
    for action, text in (("add", "add a customer"), ("update", "change a customer's name and contact")):
        p = customer.add_parser(action, help=text)
        p.add_argument("code")
        p.add_argument("--name", required=True)
        p.add_argument("--contact", default="")

    p = sub.add_parser("receive", help="post a receipt")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--unit-cost", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=_when)

    p = sub.add_parser("ship", help="post a shipment")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=_when)

    p = sub.add_parser("transfer", help="move stock between warehouses")
    p.add_argument("sku")
    p.add_argument("qty")
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--to", dest="target", required=True)
    p.add_argument("--ref", default="")
    p.add_argument("--at", type=_when)

    p = sub.add_parser("adjust", help="post a signed adjustment with a reason")
    p.add_argument("sku")
    p.add_argument("delta")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--at", type=_when)

    p = sub.add_parser("count", help="post the difference between a counted and the expected quantity")
    p.add_argument("sku")
    p.add_argument("counted")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--at", type=_when)

    p = sub.add_parser("reverse", help="reverse a movement (a movement can be reversed once)")
    p.add_argument("movement_id")
    p.add_argument("--note", default="")

    for name in ("stock", "movements"):
        p = sub.add_parser(name, help=f"list {name}")
        p.add_argument("--sku")
        p.add_argument("--warehouse")
        p.add_argument("--json", action="store_true")

    sub.add_parser("check", help="prove that balances equal the ledger")
    p = sub.add_parser("demo", help="fill the database with a realistic demo business")
    p.add_argument("--seed", type=int, default=42)
    add_po_parser(sub)
    add_plan_parsers(sub)
    for module in _extensions():
        module.add_parsers(sub)
    return parser


def _extensions() -> list:
    import importlib
    import importlib.util

    found = []
    for name in EXTENSIONS:
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found


def _open(path: Path, *, create: bool = False):
    """Open the --db database; only ``init`` (``create``) makes a new one, and nothing else is written to a file
    that is not a Stockroom database."""
    from persistence.db import NotStockroomDatabase
    from persistence.db import open_database

    try:
        return open_database(path, create=create)
    except NotStockroomDatabase as exc:
        raise CliError(f"--db: {exc}", EXIT_BAD_INPUT) from exc
    except DomainError:
        raise
    except Exception as exc:  # a folder, no permission, a damaged file: the user's path, not a bug
        explained = _explain(exc)
        if explained is not None:
            raise explained from exc
        reason = getattr(exc, "orig", None) or exc
        raise CliError(f"--db: cannot open {path} as a Stockroom database ({reason}); give the path of a Stockroom "
                       f"database file, or create one with init", EXIT_BAD_INPUT) from exc


def _explain(exc: BaseException):
    """A storage failure (database locked, disk full, a number too large to keep) as a domain error, or None."""
    from persistence.errors import explain

    return explain(exc)


def _open_as(path: Path, args: argparse.Namespace):
    """Open the database and sign in as ``--user`` (or act as the OS user while sign-in is off)."""
    from ui.cli_users import sign_in

    db = _open(path, create=args.command == "init")
    try:
        sign_in(db, getattr(args, "acting", None) or getattr(args, "user", None))
    except BaseException:
        db.close()
        raise
    return db


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Stockroom", "Stockroom")) / "stockroom.sqlite3"


def _print_json(rows: list[dict]) -> None:
    # One write: json.dump writes each token separately, ~700,000 system calls for 20,000 rows when
    # stdout is unbuffered (PYTHONUNBUFFERED, common in containers and CI).
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


def _num(value) -> str | None:
    return None if value is None else fmt(value)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters (wide, fullwidth) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Control characters and direction overrides in stored text (from before they were refused, or written by
# another program) are shown as U+FFFD: printed raw they would drive the terminal (colours, a cleared screen).
_UNPRINTABLE = {c: "\ufffd" for c in (*range(0x00, 0x20), *range(0x7f, 0xa0), *range(0x202a, 0x202f),
                                        *range(0x2066, 0x206a))}


def _table(rows: list[list[str]], header: list[str]) -> None:
    cells = [[str(x).translate(_UNPRINTABLE) for x in row] for row in [header, *rows]]
    widths = [max(display_width(row[i]) for row in cells if i < len(row)) for i in range(len(header))]
    lines = ("  ".join(x + " " * (w - display_width(x)) for x, w in zip(row, widths, strict=False)).rstrip()
             for row in cells)
    sys.stdout.write("\n".join(lines) + "\n")


def _local(when: datetime) -> datetime:
    """Local time; a date at the calendar's end (stored before dates had a range) stays in UTC."""
    try:
        return when.astimezone()
    except (OverflowError, ValueError):
        return when


def run(args: argparse.Namespace) -> int:
    from persistence import queries

    path = args.db or default_db_path()
    for module in _extensions():
        if args.command in module.COMMANDS:
            return module.run(args, lambda: _open_as(path, args))
    db = _open_as(path, args)
    uow = db.uow
    cmd = args.command
    if cmd == "init":
        print(f"database ready: {db.path}")
    elif cmd == "product" and args.action == "add":
        product = catalog.add_product(uow(), c.AddProduct(
            args.sku, args.name, tuple(args.barcode), args.unit, args.category, args.pack_size,
            args.min_level, args.max_level))
        print(product.id)
    elif cmd == "product" and args.action == "list":
        rows = queries.products(db.engine)
        if args.json:
            _print_json([{"id": r.id, "sku": r.sku, "name": r.name, "unit": r.unit, "category": r.category,
                          "barcodes": list(r.barcodes), "pack_size": fmt(r.pack_size), "active": r.active}
                         for r in rows])
        else:
            _table([[r.sku, r.name, r.unit, r.category, ",".join(r.barcodes)] for r in rows],
                   ["SKU", "NAME", "UNIT", "CATEGORY", "BARCODES"])
    elif cmd == "warehouse":
        print(catalog.add_warehouse(uow(), c.AddWarehouse(args.code, args.name, args.allow_negative, args.address)).id)
    elif cmd == "supplier":
        print(catalog.add_supplier(uow(), c.AddSupplier(args.code, args.name, args.contact, args.currency,
                                                         args.lead_time, args.address)).id)
    elif cmd == "customer" and args.action == "update":
        customer = catalog.update_customer(uow(), c.UpdateCustomer(args.code, args.name, args.contact))
        print(f"{customer.code} updated (version {customer.version})")
    elif cmd == "customer":
        print(catalog.add_customer(uow(), c.AddCustomer(args.code, args.name, args.contact)).id)
    elif cmd == "receive":
        print(ledger.receive(uow(), c.ReceiveStock(args.sku, args.qty, args.warehouse, args.unit_cost, args.ref,
                                                   args.at)).id)
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
    elif cmd == "reverse":
        for movement in ledger.reverse(uow(), c.ReverseMovement(args.movement_id, args.note)):
            print(movement.id)
    elif cmd == "stock":
        rows = queries.stock(db.engine, args.sku, args.warehouse)
        if args.json:
            _print_json([{"sku": r.sku, "name": r.name, "warehouse": r.warehouse, "on_hand": fmt(r.on_hand),
                          "avg_cost": fmt(r.avg_cost), "value": fmt(r.value), "reserved": fmt(r.reserved),
                          "on_order": fmt(r.on_order)} for r in rows])
        else:
            _table([[r.sku, r.name, r.warehouse, fmt(r.on_hand), fmt(r.avg_cost), fmt(r.value)] for r in rows],
                   ["SKU", "NAME", "WAREHOUSE", "ON HAND", "AVG COST", "VALUE"])
    elif cmd == "movements":
        rows = queries.movements(db.engine, args.sku, args.warehouse)
        if args.json:
            _print_json([{"id": r.id, "kind": r.kind, "sku": r.sku, "warehouse": r.warehouse, "qty": fmt(r.qty),
                          "unit_cost": _num(r.unit_cost), "value": fmt(r.value),
                          "on_hand_after": fmt(r.on_hand_after), "occurred_at": r.occurred_at.isoformat(),
                          "recorded_at": r.recorded_at.isoformat(), "ref": r.source_ref, "note": r.note,
                          "reverses": r.reverses_id, "transfer_id": r.transfer_id,
                          "currency": r.fx_currency, "foreign_unit_price": _num(r.fx_unit_price),
                          "rate": _num(r.fx_rate)} for r in rows])
        else:
            _table([[_local(r.occurred_at).strftime("%Y-%m-%d %H:%M"), r.kind, r.sku, r.warehouse, fmt(r.qty),
                     fmt(r.value), r.source_ref, r.id] for r in rows],
                   ["WHEN", "KIND", "SKU", "WAREHOUSE", "QTY", "VALUE", "REF", "ID"])
    elif cmd == "check":
        problems = queries.check(db.engine)
        for p in problems:
            print(f"{p.sku} in {p.warehouse}: {p.field} is {fmt(p.balance)} in the balance, "
                  f"{fmt(p.ledger)} in the ledger")
        if problems:
            print(f"{len(problems)} difference(s) between balances and ledger", file=sys.stderr)
            return 1
        print("ok: every balance equals the ledger")
    elif cmd == "po":
        return run_po(args, db)
    elif cmd in PLAN_COMMANDS:
        return run_plan(args, db)
    elif cmd == "demo":
        from domain.demo import build_demo

        summary = build_demo(db.uow, seed=args.seed, progress=lambda msg: print(msg, file=sys.stderr))
        print(summary)
    return EXIT_OK


def main(argv: list[str] | None = None, *, on_gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if on_gui is None:
            parser.print_help()
            return EXIT_BAD_INPUT
        return on_gui(args)
    try:
        return run(args)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except DomainError as exc:
        return _say(exc)
    except BrokenPipeError:
        # The reader went away (`stockroom stock | head`): not an error of ours. Point stdout at
        # /dev/null so the interpreter's final flush does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a storage failure outside a unit of work (a backup, a query, opening)
        explained = _explain(exc)
        if explained is None:
            raise
        return _say(explained)


def _say(exc: DomainError) -> int:
    from domain.errors import StorageProblem

    if isinstance(exc, StorageProblem):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    print(f"refused: {exc}", file=sys.stderr)
    return EXIT_REFUSED
