"""Running the command line in tests, as the CLI test modules share it: ``main.py`` in a child process, as a clerk
starts it, or ``ui.cli.main`` in this process (faster; a monkeypatched clock or keyring reaches it)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli_in_child(db: Path, *, tz: str | None = None, both: bool = False,
                 pinned: bool = False) -> Callable[..., str]:
    """``run(*ARGS, code=0)`` runs ``main.py --db DB ARGS`` in a child process (UTF-8 output; ``tz`` its TZ when
    given; with ``pinned``, its clock starts where this process's application clock is, which the test pinned
    (``tests.clock.pin``), so one command's instants follow the last one's), asserts its exit status is ``code`` and
    answers its stdout, or its stderr when ``code`` is not 0; stdout and stderr together with ``both``."""
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", **({"TZ": tz} if tz else {})}
    def run(*args: str, code: int = 0) -> str:
        start = [str(ROOT / "main.py")]
        if pinned:
            from domain.kernel import clock

            start = [str(ROOT / "tests" / "pinned_main.py"), clock.now().isoformat()]
        done = subprocess.run([sys.executable, *start, "--db", str(db), *args], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=600)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        if both:
            return done.stdout + done.stderr
        return done.stdout if code == 0 else done.stderr

    return run


def cli_here(db: Path, capsys, monkeypatch=None) -> Callable[..., tuple[int, str, str]]:
    """``run(*ARGS, password=None, new_password=None)`` runs ``stockroom --db DB ARGS`` in this process and answers
    (exit status, stdout, stderr); with ``monkeypatch``, STOCKROOM_PASSWORD and STOCKROOM_NEW_PASSWORD are set to
    those given (unset otherwise)."""
    from ui.cli import main

    def run(*args: str, password: str | None = None, new_password: str | None = None) -> tuple[int, str, str]:
        assert monkeypatch is not None or (password, new_password) == (None, None), "a password needs monkeypatch"
        for name, value in (("STOCKROOM_PASSWORD", password), ("STOCKROOM_NEW_PASSWORD", new_password)):
            if monkeypatch is None:
                break
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run
