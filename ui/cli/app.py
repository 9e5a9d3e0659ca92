"""The command line's entry: one parser for every command group, the dispatch to the group, and the exit status
of each outcome.

Exit status: 0 done, 2 bad input, 3 refused by a business rule, 4 the storage failed (the database
busy past the wait, a full disk, a disk error; nothing was written). This package must not
import Qt, pandas or statsmodels, so a command starts fast.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bootstrap import default_db_path
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from ui.cli import stock
from ui.cli.common import EXIT_BAD_INPUT
from ui.cli.common import EXIT_OK
from ui.cli.common import EXIT_REFUSED
from ui.cli.common import EXIT_STORAGE
from ui.cli.common import CliError
from ui.cli.common import explain
from ui.cli.common import open_database
from ui.cli.plan import COMMANDS as PLAN_COMMANDS
from ui.cli.plan import add_plan_parsers
from ui.cli.plan import run_plan
from ui.cli.po import add_po_parser
from ui.cli.po import run_po

# Further command groups, each a module with ``COMMANDS`` (names), ``add_parsers(sub)`` and
# ``run(args, open_db) -> exit status``, where ``open_db()`` opens the --db database on demand
# (a command such as ``restore`` must not open it first). Listed only when the module exists;
# a module must import nothing heavy at its top, so every command still starts fast.
EXTENSIONS = ("ui.cli.sync", "ui.cli.io", "ui.cli.admin", "ui.cli.users", "ui.cli.rates", "ui.cli.prices",
              "ui.cli.returns", "ui.cli.sales", "ui.cli.sales_print", "ui.cli.statement", "ui.cli.periods",
              "ui.cli.accounts", "ui.cli.invoices", "ui.cli.reports", "ui.cli.insights", "ui.cli.abc",
              "ui.cli.dashboard")


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
    stock.add_parsers(sub)
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


def _open_as(path: Path, args: argparse.Namespace):
    """Open the database and sign in as ``--user`` (or act as the OS user while sign-in is off)."""
    from ui.cli.users import sign_in

    db = open_database(path, create=args.command == "init")
    try:
        sign_in(db, getattr(args, "acting", None) or getattr(args, "user", None))
    except BaseException:
        db.close()
        raise
    return db


def run(args: argparse.Namespace) -> int:
    path = args.db or default_db_path()
    modules = _extensions()
    # A module that adds an action to another's command group (``claims``) is asked first.
    for module in sorted(modules, key=lambda m: not hasattr(m, "claims")):
        if args.command in module.COMMANDS and getattr(module, "claims", lambda _: True)(args):
            return module.run(args, lambda: _open_as(path, args))
    db = _open_as(path, args)
    if args.command == "po":
        return run_po(args, db)
    if args.command in PLAN_COMMANDS:
        return run_plan(args, db)
    return stock.run(args, db)


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
        explained = explain(exc)
        if explained is None:
            raise
        return _say(explained)


def _say(exc: DomainError) -> int:
    from domain.kernel.errors import StorageProblem

    if isinstance(exc, StorageProblem):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    print(f"refused: {exc}", file=sys.stderr)
    return EXIT_REFUSED
