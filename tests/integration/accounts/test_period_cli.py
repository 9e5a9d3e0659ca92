"""``stockroom period close|reopen|list`` and the posting commands refusing a closed month (exit 3, naming it)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import clock
from tests.cli_runs import cli_here

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[3]


def cli(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    return cli_here(db, capsys)(*args)


@pytest.fixture
def shop(tmp_path) -> Path:
    from ui.cli import main

    db = tmp_path / "shop.sqlite3"
    for args in (["init"], ["product", "add", "A-1", "--name", "苹果 Apple"],
                 ["warehouse", "add", "W1", "--name", "Main"],
                 ["customer", "add", "C1", "--name", "A customer"],
                 ["receive", "A-1", "100", "--warehouse", "W1", "--unit-cost", "2", "--at", "2026-09-10T10:00"],
                 ["ship", "A-1", "10", "--warehouse", "W1", "--at", "2026-10-15T10:00"],
                 ["receive", "A-1", "5", "--warehouse", "W1", "--unit-cost", "3", "--at", "2026-11-20T10:00"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(db), *args]) == 0, args
    return db


POSTINGS = {
    "receive": ["receive", "A-1", "1", "--warehouse", "W1", "--unit-cost", "2", "--at"],
    "ship": ["ship", "A-1", "1", "--warehouse", "W1", "--at"],
    "sell": ["sell", "--customer", "C1", "--warehouse", "W1", "A-1", "1", "--price", "5", "--at"],
    "back-dated adjust": ["adjust", "A-1", "-1", "--warehouse", "W1", "--reason", "broken", "--at"],
}


@pytest.mark.parametrize("command", list(POSTINGS))
def test_a_posting_dated_in_a_closed_month_exits_3_naming_the_month_and_the_day_after_posts(shop, capsys, command):
    assert cli(shop, "period", "close", "2026-10", capsys=capsys)[:2] == (0, "closed 2026-09, 2026-10\n")
    code, out, err = cli(shop, *POSTINGS[command], "2026-10-31T18:00", capsys=capsys)
    assert code == 3 and out == ""
    assert "2026-10-31 is in 2026-10, which is closed" in err and "reopen 2026-10" in err
    assert cli(shop, *POSTINGS[command], "2026-11-01T09:00", capsys=capsys)[0] == 0


def test_close_reopen_and_list_as_a_user_runs_them(shop, capsys):
    code, _, err = cli(shop, "period", "close", "2026-10", capsys=capsys)
    assert code == 0, err
    code, _, err = cli(shop, "period", "close", "2026-09", capsys=capsys)
    assert code == 3 and "2026-09 is already closed" in err
    code, _, err = cli(shop, "period", "reopen", "2026-09", "--reason", "x", capsys=capsys)
    assert code == 3 and "reopen 2026-10 first" in err
    code, _, err = cli(shop, "period", "reopen", "2026-10", capsys=capsys)
    assert code == 2 and "--reason" in err  # argparse: the reason is required
    code, _, err = cli(shop, "period", "reopen", "2026-10", "--reason", "  ", capsys=capsys)
    assert code == 2 and "reason" in err
    code, out, _ = cli(shop, "period", "reopen", "2026-10", "--reason", "送货单漏录 a delivery note was missed",
                       capsys=capsys)
    assert (code, out) == (0, "reopened 2026-10\n")
    code, out, _ = cli(shop, "period", "list", "--json", capsys=capsys)
    months = {m["month"]: m for m in json.loads(out)}
    assert months["2026-09"]["state"] == "closed" and months["2026-10"]["state"] == "open"
    assert [(e["action"], e["reason"]) for e in months["2026-10"]["events"]] == [
        ("close", ""), ("reopen", "送货单漏录 a delivery note was missed")]
    code, out, _ = cli(shop, "period", "list", capsys=capsys)
    assert code == 0 and out.splitlines()[0].split()[:2] == ["MONTH", "STATE"]
    assert any(line.startswith("2026-10  open") and "reopen by" in line for line in out.splitlines())


@pytest.mark.parametrize("month", ["2026-13", "10-2026", "now"])
def test_a_month_not_written_yyyy_mm_exits_2(shop, capsys, month):
    code, _, err = cli(shop, "period", "close", month, capsys=capsys)
    assert code == 2 and "month" in err and "YYYY-MM" in err


def test_the_month_in_progress_cannot_be_closed(shop, capsys):

    code, _, err = cli(shop, "period", "close", f"{clock.today():%Y-%m}", capsys=capsys)
    assert code == 3 and "has not ended yet" in err


def test_a_clerk_may_not_close_and_a_manager_may_not_reopen(shop, capsys, monkeypatch):
    monkeypatch.setenv("STOCKROOM_PASSWORD", "correct horse")
    monkeypatch.setenv("STOCKROOM_NEW_PASSWORD", "correct horse")
    from ui.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(shop), "user", "add", "boss", "--role", "admin"]) == 0
        for name, role in (("li", "manager"), ("wang", "clerk")):
            assert main(["--db", str(shop), "--user", "boss", "user", "add", name, "--role", role]) == 0
    capsys.readouterr()
    code, _, err = cli(shop, "--user", "wang", "period", "close", "2026-10", capsys=capsys)
    assert code == 3 and "may not close a month" in err
    assert cli(shop, "--user", "li", "period", "close", "2026-10", capsys=capsys)[0] == 0
    code, _, err = cli(shop, "--user", "li", "period", "reopen", "2026-10", "--reason", "x", capsys=capsys)
    assert code == 3 and "may not reopen a closed month" in err
    assert cli(shop, "--user", "boss", "period", "reopen", "2026-10", "--reason", "x", capsys=capsys)[0] == 0


def test_the_refusal_is_the_process_exit_status(shop):
    env = {**os.environ}
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(shop)]
    assert subprocess.run([*run, "period", "close", "2026-10"], cwd=ROOT, capture_output=True, timeout=600,
                          env=env).returncode == 0
    result = subprocess.run([*run, *POSTINGS["receive"], "2026-10-02T10:00"], cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8", timeout=600, env=env)
    assert result.returncode == 3 and "2026-10, which is closed" in result.stderr
