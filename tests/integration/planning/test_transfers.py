"""Transfers before purchases on a real SQLite file: the run suggests moving WEST's surplus to MAIN, which runs short,
creating it posts the transfer document, and the next run suggests nothing more for that product.

* SHARE ships 10 a day from MAIN and has 50 left there (5 days, less than the 14 days' lead time); WEST ships 1 a
  day and holds 1,360: far more than its own lead time and safety stock.
* ALONE ships 10 a day from MAIN only, with 50 left: nobody has any to give, so it is bought as before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from domain.planning import run as planning
from domain.planning.transfer_docs import create_transfers
from domain.planning.transfers import transfers_of
from persistence.planning.queries import reader
from tests.integration.planning.test_planning import _Terminal
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    def daily(day):
        yield ship("SHARE", 10, "MAIN", day)
        yield ship("SHARE", 1, "WEST", day)
        yield ship("ALONE", 10, "MAIN", day)

    return business(
        tmp_path_factory.mktemp("transfers") / "template.sqlite3", suppliers={"NB": 14},
        products={"SHARE": "NB", "ALONE": "NB"},
        opening={("SHARE", "MAIN"): 1450, ("SHARE", "WEST"): 1500, ("ALONE", "MAIN"): 1450},
        daily=daily)


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path)
    yield database
    database.close()


def _plan(db):
    return planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, transfers=True)


def _on_hand(db, sku, warehouse):
    with db.uow() as uow:
        product, wh = uow.products.by_sku(sku), uow.warehouses.by_code(warehouse)
        return uow.balances.get(product.id, wh.id).position.on_hand


def test_the_run_suggests_a_transfer_first_and_creating_it_leaves_nothing_to_suggest(db):
    plans = _plan(db)
    [transfer] = transfers_of(plans)
    assert (transfer.sku, transfer.from_warehouse, transfer.to_warehouse) == ("SHARE", "WEST", "MAIN")
    share = next(p for p in plans if (p.sku, p.warehouse) == ("SHARE", "MAIN"))
    without = next(p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)
                   if (p.sku, p.warehouse) == ("SHARE", "MAIN"))
    # it covers what a purchase would have brought (S − position, here 230 before the supplier's multiple of 12)
    assert transfer.qty == without.explanation["order_up_to"] - without.explanation["position"]
    assert without.suggestion.qty == 240 and share.suggestion is None
    assert share.explanation["transfer_in"] == transfer.qty
    assert "MAIN runs short" in transfer.reason and "WEST holds" in transfer.reason
    alone = next(p for p in plans if p.sku == "ALONE")
    assert alone.suggestion.qty == 240 and not alone.transfers  # bought as before

    [posted] = create_transfers(db.uow(), [transfer])
    assert posted.number.startswith("TR-") and posted.lines == [("SHARE", transfer.qty)]
    assert _on_hand(db, "SHARE", "MAIN") == 50 + transfer.qty
    assert _on_hand(db, "SHARE", "WEST") == 1360 - transfer.qty
    with db.uow() as uow:
        assert uow.documents.by_number(posted.number).note == "suggested by replenishment planning"

    again = _plan(db)
    assert transfers_of(again) == []
    assert [p.warehouse for p in again if p.sku == "SHARE" and (p.alert or p.suggestion)] == []


def test_a_transfer_refused_by_the_ledger_writes_no_document(db):
    import dataclasses

    from domain.stock.documents import DocumentError

    [transfer] = transfers_of(_plan(db))
    too_much = dataclasses.replace(transfer, qty=transfer.qty + 5000)
    with pytest.raises(DocumentError) as refused:
        create_transfers(db.uow(), [transfer, dataclasses.replace(too_much, sku="SHARE", to_warehouse="MAIN",
                                                                   from_warehouse="WEST")])
    assert refused.value.code == "insufficient_stock"
    assert _on_hand(db, "SHARE", "MAIN") == 50


def test_suggest_lists_the_transfer_before_the_purchase_lines(template, tmp_path):
    path = tmp_path / "cli.sqlite3"
    shutil.copy(template, path)
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "TZ": "UTC"}

    def cli(*args, code=0):
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), *args, "--today",
                               TODAY.isoformat(), "--weeks", str(WEEKS)], capture_output=True, text=True, env=env,
                              cwd=ROOT, timeout=600)
        assert done.returncode == code, done.stderr
        return done.stdout if code == 0 else done.stderr

    text = cli("suggest").splitlines()
    assert text[0] == "transfers (before ordering)"
    assert text[1].startswith("  SHARE  WEST -> MAIN  230  (MAIN runs short")
    assert text[2] == "NB" and text[3].startswith("  ALONE  MAIN  240")
    out = json.loads(cli("suggest", "--json"))
    [t] = out["transfers"]
    assert (t["sku"], t["from"], t["to"], t["qty"]) == ("SHARE", "WEST", "MAIN", "230")
    assert "reason" in t and "need" in t and "surplus" in t
    assert [x["sku"] for g in out["suppliers"] for x in g["lines"]] == ["ALONE"]
    assert out["transfers_posted"] == []

    # no terminal to ask on: says what it would post, names --yes and posts nothing
    err = cli("suggest", "--create-transfers", code=2)
    assert "will post 1 transfer document(s):" in err and "  WEST -> MAIN  1 line(s)  SHARE 230" in err
    assert "--yes" in err
    assert json.loads(cli("suggest", "--json"))["transfers"] == out["transfers"]
    done = cli("suggest", "--create-transfers", "--yes").splitlines()
    assert any(x.startswith("transfer TR-") and x.endswith("WEST -> MAIN  1 line(s)") for x in done)
    after = json.loads(cli("suggest", "--json"))
    assert after["transfers"] == [] and [x["sku"] for g in after["suppliers"] for x in g["lines"]] == ["ALONE"]


@pytest.mark.parametrize(("answer", "posted"), [("n\n", 0), ("y\n", 1)])
def test_create_transfers_asks_on_a_terminal_and_posts_only_on_yes(template, tmp_path, monkeypatch, capsys, answer,
                                                                    posted):
    from main import main

    path = tmp_path / "ask.sqlite3"
    shutil.copy(template, path)
    terminal = _Terminal(answer)
    monkeypatch.setattr(sys, "stdin", terminal)
    assert main(["--db", str(path), "suggest", "--today", TODAY.isoformat(), "--weeks", str(WEEKS),
                 "--create-transfers"]) == 0
    out, err = capsys.readouterr()
    assert terminal.asked == 1 and "post this transfer? [y/N]" in err
    assert ("no transfer posted" in err) == (not posted)
    assert sum(line.startswith("transfer TR-") for line in out.splitlines()) == posted
