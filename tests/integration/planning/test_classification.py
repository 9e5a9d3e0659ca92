"""ABC/XYZ classes on a small ledger: a planning run stores them with its forecasts, the setting changes the basis,
and ``stockroom abc`` lists them with the matrix.

The business (tests.planning_data: 20 weeks of history before Wednesday 2026-06-03, terms at 2.50 a unit):

* BIG ships 20 a day from MAIN: 2,800 in the history (7,000 at 2.50), 140 every week: CV 0, X.
* MID ships 10 a day in the even weeks only: 700 (1,750), weeks of 70 and 0: CV 1, Z.
* SMALL ships 1 on the Monday of the even weeks and 3 of the odd ones: 40 (its terms say 500 a unit: 20,000),
  weeks of 1 and 3: CV 0.5, Y.

By value (28,750): SMALL A (0 % before it), BIG A (69.6 %), MID B (93.9 %). By volume (3,540): BIG A (0 %), MID A
(79.1 %), SMALL C (98.9 %).
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
from domain.planning.settings import SetAbcBasis
from domain.planning.settings import set_abc_basis
from domain.purchasing import commands as pc
from domain.purchasing import terms as purchasing_terms
from persistence.db import open_database
from persistence.planning.classes import ClassStore
from persistence.planning.classes import read_classes
from persistence.planning.queries import forecast_cache
from persistence.planning.queries import reader
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    def daily(day):
        yield ship("BIG", 20, "MAIN", day)
        if (day // 7) % 2 == 0:
            yield ship("MID", 10, "MAIN", day)
        if day % 7 == 0:
            yield ship("SMALL", 1 if (day // 7) % 2 == 0 else 3, "MAIN", day)

    path = business(tmp_path_factory.mktemp("classes") / "template.sqlite3", suppliers={"NB": 14},
                    products=dict.fromkeys(("BIG", "MID", "SMALL"), "NB"),
                    opening={("BIG", "MAIN"): 3000, ("MID", "MAIN"): 1000, ("SMALL", "MAIN"): 100}, daily=daily)
    db = open_database(path)
    purchasing_terms.save_terms(db.uow(), pc.SaveTerms("NB", "SMALL", "500", order_multiple="12", preferred=True))
    db.close()
    return path


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path)
    yield database
    database.close()


def _stored(db) -> dict[str, tuple[str, str, str]]:
    from persistence.catalog.queries import product_table

    sku_of = {p.id: p.sku for p in product_table(db.engine)}
    return {sku_of[pid]: (c.abc, c.xyz, c.basis) for pid, c in read_classes(db.engine).items()}


def _plan(db):
    control = planning.RunControl(cache=forecast_cache(db.engine), classes=ClassStore(db.engine))
    plans = planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, run=control)
    return {p.sku: p for p in plans}, control


def test_a_planning_run_stores_every_product_s_classes_and_the_next_run_replaces_them(db):
    from domain.planning.settings import SetServiceRule
    from domain.planning.settings import set_service_rule

    set_service_rule(db.uow(), SetServiceRule("class", ""))  # the targets by class, which follow the classes
    assert read_classes(db.engine) == {}
    plans, control = _plan(db)
    assert _stored(db) == {"SMALL": ("A", "Y", "value"), "BIG": ("A", "X", "value"), "MID": ("B", "Z", "value")}
    assert read_classes(db.engine) == control.classified  # the figures come back as they were computed
    big = next(c for c in control.classified.values() if c.xyz == "X")
    assert (big.value, big.volume, big.cv, big.weeks) == (7000.0, 2800.0, 0.0, WEEKS)
    assert plans["MID"].service == 0.98 and plans["MID"].explanation["xyz_class"] == "Z"
    assert plans["BIG"].service == 0.97

    set_abc_basis(db.uow(), SetAbcBasis("volume"))
    plans, _ = _plan(db)
    assert _stored(db) == {"BIG": ("A", "X", "volume"), "MID": ("A", "Z", "volume"), "SMALL": ("C", "Y", "volume")}
    assert plans["MID"].service == 0.97 and plans["MID"].explanation["abc_basis"] == "volume"

    set_service_rule(db.uow(), SetServiceRule("cost", "98"))  # read by the next run through the history reader
    plans, _ = _plan(db)
    assert {p.explanation["service_source"] for p in plans.values()} == {"cost"}
    assert {p.explanation["service_cost"]["overall"] for p in plans.values()} == {0.98}


def test_a_cancelled_run_stores_no_classes(db):
    from domain.planning.cache import Cancelled

    control = planning.RunControl(cache=forecast_cache(db.engine), classes=ClassStore(db.engine), cancel=lambda: True)
    with pytest.raises(Cancelled):
        planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, run=control)
    assert read_classes(db.engine) == {}


@pytest.fixture
def cli(template, tmp_path):
    path = tmp_path / "cli.sqlite3"
    shutil.copy(template, path)
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "TZ": "UTC"}

    def run(*args: str, code: int = 0, stderr: bool = False) -> str:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), *args], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=600)
        assert done.returncode == code, (args, done.stdout, done.stderr)
        return done.stdout if code == 0 and not stderr else done.stderr

    run.path = path
    return run


def test_the_abc_command_lists_the_classes_and_the_matrix_by_value_or_volume(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS))
    out = json.loads(cli("abc", "--json", *common))
    assert out["basis"] == "value" and out["saved"] is False and out["xyz_limits"] == [0.5, 1.0]
    rows = {r["sku"]: r for r in out["products"]}
    assert [r["sku"] for r in out["products"]] == ["BIG", "SMALL", "MID"]  # by cell: AX, AY, BZ
    assert rows["SMALL"] == {"sku": "SMALL", "name": "Small", "abc": "A", "xyz": "Y", "class": "AY", "cv": 0.5,
                             "weeks": WEEKS, "value": 20000.0, "volume": 40.0}
    assert rows["MID"]["class"] == "BZ" and rows["MID"]["cv"] == 1.0
    assert out["matrix"]["AX"] == {"count": 1, "value": "7000.00"} and out["matrix"]["CZ"]["count"] == 0

    by_volume = json.loads(cli("abc", "--json", "--by", "Volume", *common))
    assert by_volume["basis"] == "volume"
    assert {r["sku"]: r["class"] for r in by_volume["products"]} == {"BIG": "AX", "MID": "AZ", "SMALL": "CY"}

    text = cli("abc", *common)
    assert "SMALL" in text and "X (CV < 0.5)" in text and "by value" in text

    assert "--by" in cli("abc", "--by", "weight", code=2)
    assert "--save" in cli("abc", "--save", code=2)
    assert "--weeks" in cli("abc", "--weeks", "3", code=2)


def test_abc_save_keeps_the_basis_and_the_next_planning_run_stores_classes_by_it(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS))
    assert "saved: planning ranks ABC by volume" in cli("abc", "--by", "volume", "--save", *common, stderr=True)
    assert json.loads(cli("abc", "--json", *common))["basis"] == "volume"
    cli("reorder", "--json", *common)
    db = open_database(cli.path)
    try:
        assert _stored(db) == {"BIG": ("A", "X", "volume"), "MID": ("A", "Z", "volume"),
                               "SMALL": ("C", "Y", "volume")}
    finally:
        db.close()
