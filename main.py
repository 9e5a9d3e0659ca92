"""Stockroom's entry point (the wiring to a database, shared by the window and the command line, is in
``bootstrap.py``).

``python main.py`` opens the window; ``python main.py COMMAND …`` runs headless without
importing Qt, pandas or statsmodels (see ``ui/cli/``); ``python main.py --smoke`` checks the
installation offscreen (see ``ui/smoke.py``).
"""

from __future__ import annotations

import os
import sys

# Forecasting fits thousands of small models; multi-threaded BLAS makes each fit far slower
# (0.7 s against 0.04 s for one ETS fit here) and fights the worker processes for the cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def _gui(args) -> int:
    if getattr(args, "smoke", False):
        from ui.smoke import run_smoke

        return run_smoke(args)
    from ui.app import run_gui

    return run_gui(args)


def main(argv: list[str] | None = None) -> int:
    from ui.cli import main as cli_main

    return cli_main(argv, on_gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
