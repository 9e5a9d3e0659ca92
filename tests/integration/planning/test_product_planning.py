"""A product's own service target and review period on SQLite and from the command line.

The business (tests.planning_data): LOW ships 8 a day in even weeks and 12 in odd ones (56 and 84 a
week) from MAIN, with about 50 left on the planning day; supplier NB, 14 days lead time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from domain.planning import run as planning
from domain.planning.product import ProductPlanning
from domain.planning.product import SetProductPlanning
from domain.planning.product import set_product_planning
from persistence.planning.product import of_sku
from persistence.planning.queries import read_history
from persistence.planning.queries import reader
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return business(
        tmp_path_factory.mktemp("product_planning") / "template.sqlite3", suppliers={"NB": 14},
        products={"LOW": "NB"}, opening={("LOW", "MAIN"): 1450},
        daily=lambda day: [ship("LOW", 12 if (day // 7) % 2 else 8, "MAIN", day)])


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path)
    yield database
    database.close()


def _low(db):
    (p,) = [p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS) if p.sku == "LOW"]
    return p


def test_the_overrides_round_trip_through_sqlite_and_planning_reads_them(db):
    before = _low(db)
    # by the office's default rule, unit cost: the only product costs the average, so it gets the overall 99 %
    assert before.explanation["service_source"] == "cost" and before.service == 0.99
    saved = set_product_planning(db.uow(), SetProductPlanning("LOW", "99.5", "14"))
    with db.uow() as uow:
        assert uow.product_planning.get(saved.product_id) == ProductPlanning(saved.product_id, Decimal("0.995"), 14)
    assert of_sku(db.engine, "LOW") == saved and of_sku(db.engine, "NOPE") is None
    assert read_history(db.engine, *planning.window(TODAY, WEEKS)).overrides == {saved.product_id: saved}

    after = _low(db)
    e = after.explanation
    assert (e["service_target"], e["service_source"], e["review_days"], e["review_source"]) == \
        (0.995, "product", 14, "product")
    assert e["safety_stock"] > before.explanation["safety_stock"] > 0
    assert e["order_up_to"] > before.explanation["order_up_to"]

    set_product_planning(db.uow(), SetProductPlanning("LOW", "", ""))  # back to the defaults: the row goes
    assert of_sku(db.engine, "LOW") == ProductPlanning(saved.product_id)
    assert _low(db).explanation == before.explanation


@pytest.fixture
def cli(template, tmp_path):
    path = tmp_path / "cli.sqlite3"
    shutil.copy(template, path)
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "TZ": "UTC"}

    def run(*args: str, code: int = 0) -> str:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), *args], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=600)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        return done.stdout if code == 0 else done.stderr

    return run


def test_target_sets_shows_and_clears_and_reorder_names_the_source(cli):
    assert "by its unit cost (99 % at the average cost)" in cli("target", "--sku", "LOW")
    out = cli("target", "--sku", "LOW", "--service", "99.5", "--review-days", "14")
    assert "99.5 % (this product)" in out and "14 days (this product)" in out
    cli("target", "--sku", "LOW", "--review-days", "default")  # the service target stays
    assert json.loads(cli("target", "--sku", "LOW", "--json")) == {
        "sku": "LOW", "service_target": "0.995", "service_source": "product", "review_days": 7,
        "review_source": "default"}
    (line,) = json.loads(cli("reorder", "--json", "--today", TODAY.isoformat(), "--weeks", str(WEEKS)))
    assert line["service_source"] == "product" and line["service_target"] == 0.995
    text = cli("reorder", "--today", TODAY.isoformat(), "--weeks", str(WEEKS))
    assert "(this product)" in text
    # the levels to one decimal, like the forecast beside them (they printed as 58.4233)
    safety, reorder_point = re.search(r"safety (\S+)  reorder point (\S+)  ", text).groups()
    assert re.fullmatch(r"\d+(\.\d)?", safety) and re.fullmatch(r"\d+(\.\d)?", reorder_point), text
    assert Decimal(reorder_point) == Decimal(str(line["reorder_point"])).quantize(Decimal("0.1")).normalize()

    assert "--service" in cli("target", "--sku", "LOW", "--service", "100", code=2)
    assert "1 to 365" in cli("target", "--sku", "LOW", "--review-days", "0", code=2)
    assert "no product has this SKU" in cli("target", "--sku", "NOPE", code=2)
    cli("target", "--sku", "LOW", "--service", "default")
    (line,) = json.loads(cli("reorder", "--json", "--today", TODAY.isoformat(), "--weeks", str(WEEKS)))
    assert line["service_source"] == "cost" and line["service_target"] == 0.99
    assert "against the average" in cli("reorder", "--today", TODAY.isoformat(), "--weeks", str(WEEKS))
