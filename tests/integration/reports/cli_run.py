"""Running the command line in this process on UTC days, for the reports' CLI tests."""

from __future__ import annotations

import time
from contextlib import contextmanager


@contextmanager
def cli_in_utc(tmp_path, capsys, monkeypatch):
    """``run(*ARGS, password=, new_password=)`` runs ``stockroom --db tmp_path/stockroom.sqlite3 ARGS`` and answers
    (exit status, stdout, stderr); TZ is UTC until the block ends."""
    from ui.cli import main

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    path = tmp_path / "stockroom.sqlite3"

    def run(*args: str, password: str | None = None, new_password: str | None = None):
        for name, value in (("STOCKROOM_PASSWORD", password), ("STOCKROOM_NEW_PASSWORD", new_password)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        try:
            code = main(["--db", str(path), *args])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    try:
        yield run
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
