"""Supplier scorecards on a constructed history in a real SQLite file, every figure computed by hand.

NB: four POs. PO1 (promised 10 Mar) arrives whole on 8 Mar; PO2 (10 Apr) brings 60 of 100 on 13 Apr and is closed
short; PO3 (10 May) brings its screws on 10 May and its nuts on 12 May; PO4 (1 Jun) brings nothing. Ten screws go
back on 20 May. SZ has no PO, one receipt document naming it.
"""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal

import pytest

from domain.purchasing.scorecard import scorecards
from persistence.purchasing.scorecard import read_scorecard_facts
from tests.partner_histories import supplier_history
from ui.cli import main

D = Decimal
START, END = date(2026, 1, 1), date(2026, 6, 30)

# The histories end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def history(db):
    return supplier_history(db)


def cards(db, start=START, end=END):
    return {s.code: s for s in scorecards(read_scorecard_facts(db.engine, start, end))}


def test_a_suppliers_scorecard_by_hand(history):
    nb = cards(history)["NB"]
    # receipts: PO1 8 Mar (on time), PO2 13 Apr (3 days late), PO3 10 May (on time), PO3 12 May (2 days late)
    assert (nb.receipts, nb.on_time, nb.on_time_rate, nb.days_late) == (4, 2, D("0.5"), 2.5)
    # issue → first receipt per PO × product: 7, 7, 12, 9, 11 days
    assert nb.lead_time.source == "receipts_supplier" and nb.lead_time.observations == 5
    assert nb.lead_time.days == pytest.approx(9.2)
    assert nb.lead_time.sigma_days == pytest.approx(math.sqrt(20.8 / 4))
    # due lines: 100/100, 50/50, 60/100 (closed short), 100/100, 50/50, 0/40 (PO4 past its promise)
    assert (nb.lines_due, nb.ordered, nb.filled, nb.short_lines) == (6, D(440), D(360), 2)
    assert nb.fill_rate == D(360) / D(440)
    nut, screw = nb.prices  # by SKU
    assert (screw.sku, screw.first, screw.last, screw.change) == ("SCREW", D("2.00"), D("2.50"), D("0.25"))
    assert [p.unit_price for p in screw.points] == [D("2.00"), D("2.20"), D("2.50")]  # PO4 received nothing
    assert (nut.first, nut.last, nut.change) == (D("0.10"), D("0.10"), D(0))
    # 10 screws at the moving average 582 / 260 = 2.2385: 22.38, of 582 + 10 received
    assert (nb.returns, nb.returned_qty, nb.returned_value, nb.received_value) == (1, D(10), D("22.38"), D("592.00"))
    assert nb.returns_share == D("22.38") / D("592.00")
    assert [(m.month, m.receipts, m.on_time, m.lead_days) for m in nb.months] == [
        ("2026-03", 1, 1, 7.0), ("2026-04", 1, 0, 12.0), ("2026-05", 2, 1, 10.0)]


def test_a_supplier_without_po_receipts_keeps_its_stated_lead_time(history):
    sz = cards(history)["SZ"]
    assert (sz.receipts, sz.on_time_rate, sz.fill_rate, sz.returns_share) == (0, None, None, D(0))
    assert (sz.lead_time.days, sz.lead_time.sigma_days, sz.lead_time.source) == (7.0, 0.0, "terms")
    assert sz.received_value == D("1.00")


def test_the_period_bounds_what_counts(history):
    nb = cards(history, date(2026, 5, 1), date(2026, 5, 31))["NB"]
    # May: PO3's two receipts; PO4 is due 1 Jun, after the period; the return
    assert (nb.receipts, nb.on_time, nb.lines_due, nb.filled, nb.ordered) == (2, 1, 2, D(150), D(150))
    assert nb.lead_time.source == "terms"  # only 2 first receipts in May: fewer than planning needs
    assert nb.returns == 1


def test_cli_scorecard_table_and_json(history, tmp_path, capsys):
    path = str(history.path)
    assert main(["--db", path, "suppliers", "scorecard", "--from", "2026-01-01", "--to", "2026-06-30"]) == 0
    out = capsys.readouterr().out
    assert "NB" in out and "50.0%" in out and "81.8%" in out and "9.2 ± 2.3" in out
    assert main(["--db", path, "suppliers", "scorecard", "--supplier", "NB", "--from", "2026-01-01",
                 "--to", "2026-06-30", "--json"]) == 0
    [card] = json.loads(capsys.readouterr().out)
    assert card["supplier"] == "NB" and card["on_time_rate"] == "0.5" and card["receipts"] == 4
    assert card["prices"][1] == {"sku": "SCREW", "currency": "CNY", "first": "2", "last": "2.5", "change": "0.25",
                                 "series": [["2026-03-01", "2"], ["2026-04-01", "2.2"], ["2026-05-01", "2.5"]]}
    assert card["months"][0] == {"month": "2026-03", "receipts": 1, "on_time": 1, "lead_days": 7.0}


def test_cli_scorecard_refuses_bad_input(history, capsys):
    path = str(history.path)
    assert main(["--db", path, "suppliers", "scorecard", "--from", "2026-07-01", "--to", "2026-06-30"]) == 2
    assert "--from" in capsys.readouterr().err
    assert main(["--db", path, "suppliers", "scorecard", "--from", "July"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["--db", path, "suppliers", "scorecard", "--supplier", "NOPE"]) == 3
    assert "NOPE" in capsys.readouterr().err
