"""``main.py`` with the application's clock pinned (``tests.clock``): run as
``python tests/pinned_main.py ISO-INSTANT ARGS...`` by ``tests.cli_runs.cli_in_child(..., at=...)``."""

from __future__ import annotations

import runpy
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    here = Path(__file__).resolve().parent  # the script's folder, which Python put first: not a package root
    sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != here)]
    from domain.kernel import clock
    from tests.clock import running_from

    clock.now = running_from(datetime.fromisoformat(sys.argv[1]))
    sys.argv = [str(ROOT / "main.py"), *sys.argv[2:]]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
