"""The headless command line: the same use cases as the window, for scripts, support and tests.

``main(argv)`` (``ui.cli.app``) parses the arguments and runs one command. One module per command group:
``stock`` (products, warehouses, partners, postings, stock, movements, check, demo, init), ``po`` (purchase
orders), ``plan`` (forecast, reorder, suggest, unfilled, target), ``rates``, ``io`` (import, export),
``sync``, ``admin`` (backup, restore), ``users``; what they share is public in ``common``.

Exit status: 0 done, 2 bad input, 3 refused by a business rule, 4 the storage failed. Nothing in this
package imports Qt, pandas or statsmodels at its top, so a command starts fast.
"""

from __future__ import annotations

from ui.cli.app import main

__all__ = ["main"]
