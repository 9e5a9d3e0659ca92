"""A record refused from the hub is kept aside with its reason as data: a code and its values beside the
English sentence, stored (sync_quarantine.code, params) and listed by ``sync status --json``."""

from __future__ import annotations

import json
import uuid

import pytest

from persistence import sync
from persistence.sync.reasons import ENGLISH
from tests.integration.sync.test_hostile_hub import office  # noqa: F401  (a fixture)
from tests.integration.sync.test_hostile_hub import product_like
from ui.cli import main

pytestmark = pytest.mark.postgres


def test_hostile_records_are_quarantined_with_their_codes_and_values(office, hub, devices, capsys):  # noqa: F811
    a, w = office
    abc, record = product_like(w, "BAD-ABC", max_level="abc")
    w.record("products", abc, record)
    minus, record = product_like(w, "BAD-MINUS", pack_size="-5")
    w.record("products", minus, record)
    bogus = w.movement(w.a_movement(), id=str(uuid.uuid4()), kind="bogus-kind")
    b = devices("b")
    report = sync.sync(b, hub)
    assert report.refused == 3
    kept = {q.row_id: q for q in sync.status(b).quarantined}
    assert (kept[abc].code, kept[abc].params) == ("not_number", {"name": "max_level", "value": "'abc'"})
    assert kept[abc].reason == "max_level: 'abc' is not a number"
    assert (kept[minus].code, kept[minus].params) == ("not_positive", {"name": "pack_size", "value": "-5"})
    assert kept[bogus].code == "not_one_of" and kept[bogus].params["value"] == "'bogus-kind'"
    for q in kept.values():  # the English is the code's sentence with its values
        assert q.reason == ENGLISH[q.code].format(**q.params)

    capsys.readouterr()
    assert main(["--db", str(b.path), "sync", "status", "--json"]) == 0
    listed = {q["row_id"]: q for q in json.loads(capsys.readouterr().out)["quarantined"]}
    assert listed[abc]["code"] == "not_number" and listed[abc]["params"] == {"name": "max_level", "value": "'abc'"}
    assert listed[abc]["reason"] == "max_level: 'abc' is not a number"
    assert listed[bogus]["code"] == "not_one_of"


def test_a_row_kept_before_codes_keeps_its_english_and_an_empty_code(devices):
    from persistence.sync import local as loc

    db = devices("old")
    with db.engine.begin() as conn:
        loc.quarantine(conn, "products", "0193-old", 3, 1, "max_level: 'x' is not a number", "{}", "")
    [q] = sync.status(db).quarantined
    assert (q.code, q.params, q.reason) == ("", {}, "max_level: 'x' is not a number")
