"""The sync commands end to end: stockroom sync --hub, sync status, conflicts, exit codes, JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ui.cli import main

pytestmark = pytest.mark.postgres


def cli(capsys, db_path, *args) -> tuple[int, str, str]:
    if not Path(db_path).exists():  # a desk is set up with init first: only init creates a database
        assert main(["--db", str(db_path), "init"]) == 0
        capsys.readouterr()
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_sync_pushes_remembers_the_hub_and_status_reports_it(hub, tmp_path, capsys):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert cli(capsys, a, "warehouse", "add", "MAIN", "--name", "Main")[0] == 0
    assert cli(capsys, a, "product", "add", "SKU-1", "--name", "Widget")[0] == 0
    assert cli(capsys, a, "receive", "SKU-1", "5", "--warehouse", "MAIN", "--unit-cost", "2")[0] == 0
    code, out, _ = cli(capsys, a, "sync", "--hub", hub, "--quiet")
    assert code == 0 and "pushed 3" in out
    code, out, _ = cli(capsys, a, "sync", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["hub_url"] == hub and status["pending_push"] == 0
    assert status["last_report"]["pushed"] == 3 and status["last_error"] == ""
    code, out, _ = cli(capsys, b, "sync", "--hub", hub, "--json")
    assert code == 0 and json.loads(out)["pulled"] == 3
    code, out, _ = cli(capsys, b, "sync")  # the hub remembered from the first sync
    assert code == 0 and "pulled 0" in out
    code, out, _ = cli(capsys, b, "stock", "--json")
    assert [(r["sku"], r["on_hand"]) for r in json.loads(out)] == [("SKU-1", "5")]


def test_an_unreachable_hub_exits_4_and_is_recorded_as_the_last_error(tmp_path, capsys):
    db = tmp_path / "a.sqlite3"
    code, _, err = cli(capsys, db, "sync", "--hub", "postgresql://nobody@127.0.0.1:1/none", "--quiet")
    assert code == 4 and "offline" in err
    code, out, _ = cli(capsys, db, "sync", "status", "--json")
    status = json.loads(out)
    assert status["last_error"] and status["last_success_at"] is None and status["last_attempt_at"]


def test_sync_without_a_hub_set_up_is_bad_input(tmp_path, capsys):
    code, _, err = cli(capsys, tmp_path / "a.sqlite3", "sync")
    assert code == 2 and "--hub" in err
    code, _, err = cli(capsys, tmp_path / "a.sqlite3", "sync", "--hub", "mysql://x@y/z")
    assert code == 2 and "not PostgreSQL" in err


def test_conflicts_lists_the_losing_edit_and_resolve_marks_it_reviewed(hub, tmp_path, capsys):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    cli(capsys, a, "warehouse", "add", "MAIN", "--name", "Main")
    cli(capsys, b, "warehouse", "add", "MAIN", "--name", "Main hall")
    assert cli(capsys, a, "sync", "--hub", hub, "--quiet")[0] == 0
    code, out, _ = cli(capsys, b, "sync", "--hub", hub, "--quiet")
    assert code == 0 and "merged 1" in out and "conflicts 1" in out
    code, out, _ = cli(capsys, b, "conflicts", "--json")
    [row] = json.loads(out)
    assert (row["table"], row["business_key"], row["lost"]["name"]) == ("warehouses", "MAIN", "Main hall")
    assert cli(capsys, b, "conflicts", "--resolve", row["id"], "--by", "boss", "--note", "same place")[0] == 0
    code, out, _ = cli(capsys, b, "conflicts")
    assert "no conflicts to review" in out
    code, out, _ = cli(capsys, b, "conflicts", "--all", "--json")
    assert json.loads(out)[0]["resolved_by"] == "boss"
    code, _, err = cli(capsys, b, "conflicts", "--resolve", "no-such-id", "--by", "boss")
    assert code == 3 and "no such conflict" in err


@pytest.mark.parametrize("form", ["query", "conninfo"])
def test_a_password_in_the_hub_url_goes_to_the_keyring_and_nowhere_else(hub, tmp_path, capsys, form):
    import keyring
    from sqlalchemy.engine import make_url

    from persistence.sync import KEYRING_SERVICE
    from tests.integration.test_hub_password import MemoryKeyring

    secret = "Hub-Pa55-word"
    u = make_url(hub)
    given = (f"{hub}?password={secret}" if form == "query" else
             f"host={u.host} port={u.port} dbname={u.database} user={u.username} PASSWORD='{secret}'")
    backend, previous = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        a = tmp_path / "a.sqlite3"
        assert cli(capsys, a, "warehouse", "add", "MAIN", "--name", "Main")[0] == 0
        code, out, err = cli(capsys, a, "sync", "--hub", given)
        assert code == 0 and "pushed 1" in out and secret not in out + err
        assert f"synced with {hub}:" in out
        assert backend.saved == {(KEYRING_SERVICE, hub): secret}
        code, out, err = cli(capsys, a, "sync", "status", "--json")
        assert json.loads(out)["hub_url"] == hub and secret not in out + err
        code, out, err = cli(capsys, a, "sync")  # the remembered hub and the keyring's password
        assert code == 0 and "pushed 0" in out and secret not in out + err
    finally:
        keyring.set_keyring(previous)
    assert [p for p in tmp_path.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()] == []


def test_stock_gone_below_zero_in_a_merge_is_said_as_the_stock_list_says_it(hub, tmp_path, capsys):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert cli(capsys, a, "warehouse", "add", "MAIN", "--name", "Main")[0] == 0
    assert cli(capsys, a, "product", "add", "SKU-1", "--name", "Widget")[0] == 0
    assert cli(capsys, a, "receive", "SKU-1", "5", "--warehouse", "MAIN", "--unit-cost", "2")[0] == 0
    assert cli(capsys, a, "sync", "--hub", hub, "--quiet")[0] == 0
    assert cli(capsys, b, "sync", "--hub", hub, "--quiet")[0] == 0
    assert cli(capsys, a, "ship", "SKU-1", "4", "--warehouse", "MAIN")[0] == 0
    assert cli(capsys, b, "ship", "SKU-1", "3", "--warehouse", "MAIN")[0] == 0
    assert cli(capsys, a, "sync", "--quiet")[0] == 0
    code, out, _ = cli(capsys, b, "sync", "--quiet")
    assert code == 0 and "negative stock: SKU-1 in MAIN is -2 after the merge" in out  # not -2.0000
    code, out, _ = cli(capsys, b, "sync", "status")
    assert "negative stock: SKU-1 in MAIN is -2; count it" in out
    code, out, _ = cli(capsys, b, "sync", "status", "--json")
    assert json.loads(out)["negative_stock"] == [{"sku": "SKU-1", "warehouse": "MAIN", "on_hand": "-2"}]
    code, out, _ = cli(capsys, b, "stock", "--json")
    assert [r["on_hand"] for r in json.loads(out)] == ["-2"]



def progress_of(capsys, monkeypatch, path, stages, *, terminal: bool, language: str = "") -> tuple[int, str]:
    """What ``sync`` prints on stderr for an engine that reports ``stages`` (stage, done, total), on a terminal or
    into a log."""
    from persistence import sync

    def reported(db, url, *, password=None, progress=None, **kw):
        for stage, done, total in stages:
            progress(stage, done, total)
        return sync.SyncReport()

    monkeypatch.setattr(sync, "sync", reported)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    chosen = ("--language", language) if language else ()
    code, _, err = cli(capsys, path, "sync", "--hub", "postgresql://clerk@127.0.0.1:1/shop", *chosen)
    return code, err


LONG_THEN_SHORT = (("push", 3, 3), ("pull", 259_800, 259_800), ("recompute", 0, 2710), ("recompute", 2710, 2710))


def test_the_progress_on_one_line_leaves_nothing_of_a_longer_stage_behind(tmp_path, capsys, monkeypatch):
    """receiving: 259800/259800 then recalculating stock: 0/2710 on the same line read '…: 0/27100000'."""
    code, err = progress_of(capsys, monkeypatch, tmp_path / "a.sqlite3", LONG_THEN_SHORT, terminal=True)
    shown = err.split("\r")[1:]
    assert code == 0 and [x.split(":")[0] for x in shown] == ["sending", "receiving", "recalculating stock",
                                                              "recalculating stock"]
    assert shown[2].rstrip() == "recalculating stock: 0/2710" and len(shown[2]) >= len("receiving: 259800/259800")


def test_the_progress_into_a_log_is_a_line_a_stage(tmp_path, capsys, monkeypatch):
    """A sync run by a scheduler writes its stderr to a file: the overwriting carriage returns ran every stage
    together on one line (push: 0/1push: 1/1pull: 0/5…); there a stage is a line of its own once it is done."""
    stages = (("push", 0, 0), ("push", 0, 3), ("push", 3, 3), ("pull", 0, 5), ("pull", 5, 5), ("recompute", 0, 1),
              ("recompute", 1, 1))
    code, err = progress_of(capsys, monkeypatch, tmp_path / "a.sqlite3", stages, terminal=False)
    assert code == 0 and "\r" not in err
    assert err.splitlines()[:3] == ["sending: 3/3", "receiving: 5/5", "recalculating stock: 1/1"]


def test_the_progress_names_the_stages_in_chinese_as_the_window_does(tmp_path, capsys, monkeypatch):
    """The window says 上传 / 下载 / 重算库存; the command line said push / pull / recompute in any language."""
    from ui.cli.common import display_width

    code, err = progress_of(capsys, monkeypatch, tmp_path / "a.sqlite3", LONG_THEN_SHORT, terminal=False,
                            language="zh_CN")
    assert code == 0 and err.splitlines()[:3] == ["上传：3/3", "下载：259800/259800", "重算库存：2710/2710"]
    code, err = progress_of(capsys, monkeypatch, tmp_path / "a.sqlite3", LONG_THEN_SHORT, terminal=True,
                            language="zh")
    shown = err.split("\r")[1:]
    assert code == 0 and shown[2].rstrip() == "重算库存：0/2710"
    assert display_width(shown[2]) >= display_width(shown[1])  # padded by its width on screen, not its length
