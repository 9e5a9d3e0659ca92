"""Stockroom's composition root.

``python main.py`` opens the window; ``python main.py COMMAND …`` runs headless without
importing Qt, pandas or statsmodels (see ``ui/cli.py``).
"""

from __future__ import annotations

import sys


def _gui(args) -> int:
    from ui.app import run_gui

    return run_gui(args)


def main(argv: list[str] | None = None) -> int:
    from ui.cli import main as cli_main

    return cli_main(argv, on_gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
