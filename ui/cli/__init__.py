"""The headless command line: the same use cases as the window, for scripts, support and tests.

``main(argv)`` (``ui.cli.app``) parses the arguments and runs one command. One module per command group:
``stock`` (products, warehouses, partners, postings, stock, movements, check, demo, init), ``po`` (purchase
orders), ``plan`` (forecast, reorder, suggest, unfilled, target), ``rates``, ``io`` (import, export),
``sync``, ``admin`` (backup, restore), ``users``, ``sales`` (so, sell, backorders, atp; return customer under
``returns``); what they share is public in ``common``.

Exit status: 0 done, 2 bad input, 3 refused by a business rule, 4 the storage failed. Nothing in this
package imports Qt, pandas or statsmodels at its top, so a command starts fast.
"""

from __future__ import annotations

from bootstrap import default_db_path
from ui.cli.app import build_parser
from ui.cli.app import main
from ui.cli.common import EXIT_BAD_INPUT
from ui.cli.common import EXIT_OK
from ui.cli.common import EXIT_REFUSED
from ui.cli.common import EXIT_STORAGE
from ui.cli.common import CliError
from ui.cli.common import display_width

# What ui/cli.py offered before it became this package, so that code written against it (on branches not yet
# merged) keeps working; new code imports from ui.cli.common, ui.cli.app or bootstrap.
__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "EXIT_REFUSED", "EXIT_STORAGE", "CliError", "build_parser",
           "default_db_path", "display_width", "main"]
