"""Running the command line in this process on UTC days, for the reports' CLI tests."""

from __future__ import annotations

import time
from contextlib import contextmanager

from tests import clock
from tests.cli_runs import cli_here


@contextmanager
def cli_in_utc(tmp_path, capsys, monkeypatch):
    """``run(*ARGS, password=, new_password=)`` runs ``stockroom --db tmp_path/stockroom.sqlite3 ARGS`` and answers
    (exit status, stdout, stderr) (``tests.cli_runs.cli_here``); TZ is UTC until the block ends."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        yield cli_here(tmp_path / "stockroom.sqlite3", capsys, monkeypatch)
    finally:
        clock.machine_zone(monkeypatch)
