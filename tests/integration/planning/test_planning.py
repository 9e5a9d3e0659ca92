"""Planning on a small ledger: history with censoring, alerts with their explanation, no double ordering, CLI.

The business (built once with the ledger use cases, copied per test): planning day Wednesday 2026-06-03,
20 weeks of history from Monday 2026-01-12 to Sunday 2026-05-31, supplier NB with 14 days lead time.

* STEADY ships 10 a day from MAIN (70 a week) and 2 a day from WEST, with plenty of stock; one extra
  shipment of 100 was posted by mistake and reversed.
* LOW ships 10 a day from MAIN and has 50 left: 5 days of stock, less than the lead time.
* SPORADIC ships 5 every third Wednesday.
* OUTAGE ships 10 a day but ran out on day 29 (Tuesday of week 4) and was restocked on day 42
  (Monday of week 6): weeks 4 and 5 had fewer than 4 in-stock days and are censored.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from datetime import date
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.planning import run as planning
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database
from persistence.planning.queries import read_history
from persistence.planning.queries import reader
from tests import clock
from tests.planning_data import FIRST
from tests.planning_data import TODAY
from tests.planning_data import WEEKS
from tests.planning_data import at
from tests.planning_data import business
from tests.planning_data import copy_of
from tests.planning_data import ship

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    def daily(day):
        yield ship("STEADY", 10, "MAIN", day)
        yield ship("STEADY", 2, "WEST", day)
        yield ship("LOW", 10, "MAIN", day)
        if day % 21 == 2:
            yield ship("SPORADIC", 5, "MAIN", day)
        if day == 42:
            yield c.ReceiveStock("OUTAGE", "2000", "MAIN", "2", occurred_at=at(day, 8))
        if day < 29 or day >= 42:
            yield ship("OUTAGE", 10, "MAIN", day)

    path = business(
        tmp_path_factory.mktemp("planning") / "template.sqlite3", suppliers={"NB": 14},
        products=dict.fromkeys(("STEADY", "LOW", "SPORADIC", "OUTAGE"), "NB"),
        opening={("STEADY", "MAIN"): 2000, ("STEADY", "WEST"): 500, ("LOW", "MAIN"): 1450,
                 ("SPORADIC", "MAIN"): 200, ("OUTAGE", "MAIN"): 290},
        daily=daily)
    db = open_database(path)
    mistake = ledger.ship(db.uow(), c.ShipStock("STEADY", "100", "MAIN", occurred_at=at(50, 15)))
    ledger.reverse(db.uow(), c.ReverseMovement(mistake.id, "typed 100 for 10"))
    db.close()
    return path


@pytest.fixture
def db(template, tmp_path):
    database = copy_of(template, tmp_path)
    yield database
    database.close()


def _weekly(history, key):
    shipped, in_stock = planning.weekly_matrix(history, [key])
    values, starts = planning.aggregate_weeks(shipped, in_stock, history.first_day)
    return [None if math.isnan(x) else x for x in values[0]], starts


def _ids(db, sku, warehouse="MAIN"):
    with db.uow() as uow:
        return uow.products.by_sku(sku).id, uow.warehouses.by_code(warehouse).id


def test_history_reader_sums_shipments_per_week_leaves_out_a_reversed_one_and_censors_the_stockout_weeks(db):
    history = read_history(db.engine, *planning.window(TODAY, WEEKS))
    assert (history.first_day, history.end_day) == (FIRST, FIRST + timedelta(weeks=WEEKS))

    steady, starts = _weekly(history, _ids(db, "STEADY"))
    assert steady == [70.0] * WEEKS  # the reversed 100 is not demand
    assert starts[0] == FIRST and starts[-1] == date(2026, 5, 25)
    assert _weekly(history, _ids(db, "STEADY", "WEST"))[0] == [14.0] * WEEKS

    sporadic = _weekly(history, _ids(db, "SPORADIC"))[0]
    assert sporadic == [5.0 if week % 3 == 0 else 0.0 for week in range(WEEKS)]

    outage = _weekly(history, _ids(db, "OUTAGE"))[0]
    assert outage[:4] == [70.0] * 4
    assert outage[4:6] == [None, None]  # out of stock: not observed, not zero
    assert outage[6:] == [70.0] * (WEEKS - 6)


def test_a_shipment_reversed_on_two_desks_is_left_out_of_the_history_once(db):
    from persistence.sync import settle

    with db.engine.begin() as conn:  # as a sync keeps it: the second reversal as written, then its undo
        [first] = conn.exec_driver_sql(
            "SELECT r.* FROM movements r JOIN movements m ON m.id = r.reverses_id "
            "WHERE r.kind = 'reversal' AND m.kind = 'shipment' AND m.product_id = ?", (_ids(db, "STEADY")[0],)).all()
        second = (settle.undo_id("second"), *tuple(first)[1:])
        marks = ", ".join("?" for _ in second)
        for row in (second, *settle.answer(second)):
            conn.exec_driver_sql(f"INSERT INTO movements VALUES ({marks})", row)
    history = read_history(db.engine, *planning.window(TODAY, WEEKS))
    assert _weekly(history, _ids(db, "STEADY"))[0] == [70.0] * WEEKS  # the reversed 100 is left out once


def test_forecast_over_all_warehouses_adds_their_shipments_and_keeps_the_censored_weeks_out(db):
    rows = {p.sku: p for p in planning.forecast_products(reader(db.engine), today=TODAY, weeks=WEEKS)}
    assert rows["STEADY"].history == [84.0] * WEEKS
    assert rows["STEADY"].forecast.mean[0] == pytest.approx(84.0)
    assert rows["OUTAGE"].censored_weeks == 2
    assert rows["OUTAGE"].forecast.mean[0] == pytest.approx(70.0)  # zeros in the gap would have pulled it down


def test_an_item_that_runs_out_within_its_lead_time_raises_a_critical_alert_with_its_explanation(db):
    plans = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    low = plans["LOW", "MAIN"]
    assert low.alert is not None and low.alert.severity == "critical"
    assert low.alert.stockout_date == TODAY + timedelta(days=5)  # 50 left at 10 a day
    e = low.explanation
    assert (e["on_hand"], e["on_order"], e["reserved"], e["position"]) == (50, 0, 0, 50)
    assert e["forecast_per_week"][0] == pytest.approx(70.0)
    assert e["demand_per_period"] == pytest.approx(70.0)
    assert (e["lead_time_days"], e["review_days"], e["supplier"]) == (14, 7, "NB")
    assert e["service_source"] == "cost" and e["service_target"] == e["service_cost"]["target"]  # the default rule
    assert e["safety_stock"] == 0  # a perfectly steady history has no forecast error
    assert e["safety_stock_source"] == "quantile"  # the forecast's calibrated quantiles of demand over L + R
    assert e["reorder_point"] == 140  # d·L = 70 × 2 weeks
    assert e["order_up_to"] == 280  # s + 2·d·R = 140 + 2 × 70
    assert e["order_qty"] == 240  # 280 − 50 = 230, raised to whole multiples of 12
    assert low.suggestion is not None and (low.suggestion.qty, low.suggestion.supplier) == (240, "NB")

    steady = plans["STEADY", "MAIN"]  # 2000 − 1400 = 600 on hand: 60 days, far beyond lead time + review
    assert steady.alert is None and steady.suggestion is None


def test_suggestions_become_one_draft_per_supplier_and_warehouse_and_a_second_run_orders_nothing_more(db):
    plans = planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)
    suggestions = [p.suggestion for p in plans if p.suggestion]
    assert {s.sku for s in suggestions} >= {"LOW"}
    [draft] = planning.create_drafts(db.uow(), suggestions)
    assert (draft.supplier, draft.warehouse) == ("NB", "MAIN")
    assert sorted(draft.lines) == sorted((s.sku, s.qty) for s in suggestions)

    again = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    assert [p.suggestion for p in again.values() if p.suggestion] == []
    low = again["LOW", "MAIN"].explanation
    assert (low["on_order_drafts"], low["on_order_issued"], low["order_qty"]) == (240, 0, 0)


def test_a_suggestion_carries_its_supplier_s_currency_beside_the_unit_price_and_the_draft_takes_it(db):
    catalog.update_supplier(db.uow(), cc.UpdateSupplier("NB", "NB Trading", "", "USD", 14, "", prices="keep"))
    suggestions = [p.suggestion for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS) if p.suggestion]
    assert suggestions and {(s.supplier, s.currency) for s in suggestions} == {("NB", "USD")}
    [draft] = planning.create_drafts(db.uow(), suggestions)
    assert draft.currency == "USD"


def test_create_drafts_writes_nothing_when_one_line_is_refused(db):
    plans = planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)
    good = [p.suggestion for p in plans if p.suggestion]
    bad = planning.Suggestion("x", "NO-SUCH-SKU", "MAIN", "NB", "x", Decimal(5), None, "", {})
    with pytest.raises(Exception, match="NO-SUCH-SKU"):
        planning.create_drafts(db.uow(), [*good, bad])
    again = planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)
    assert [p.suggestion.sku for p in again if p.suggestion] == [s.sku for s in good]


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

    return run


def test_forecast_reorder_and_suggest_work_from_the_command_line(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS))
    [steady] = json.loads(cli("forecast", "--sku", "STEADY", "--json", *common))
    assert steady["sku"] == "STEADY" and steady["class"] == "smooth"
    assert {"model", "mase", "baseline_mase", "wape", "bias", "quantiles"} <= set(steady)
    assert steady["forecast"][0] == pytest.approx(84.0)
    assert {"0.5", "0.8", "0.9", "0.95", "0.99"} <= set(steady["quantiles"])

    alerts = {(a["sku"], a["warehouse"]): a for a in json.loads(cli("reorder", "--json", *common))}
    low = alerts["LOW", "MAIN"]
    assert (low["severity"], low["stockout_date"], low["suggested_qty"]) == ("critical", "2026-06-08", "240")
    assert low["explanation"]["reorder_point"] == "140" and low["explanation"]["on_hand"] == "50"

    out = json.loads(cli("suggest", "--json", "--create-drafts", "--yes", *common))
    [group] = out["suppliers"]
    assert group["supplier"] == "NB" and ("LOW", "240") in [(x["sku"], x["qty"]) for x in group["lines"]]
    assert {x["currency"] for x in group["lines"]} == {"CNY"}  # the supplier's, beside each unit price
    assert all(x["unit_price"] is not None for x in group["lines"])
    [draft] = out["drafts"]
    [po] = json.loads(cli("po", "list", "--state", "draft", "--json"))
    assert po["id"] == draft["id"] and ("LOW", "240") in [(x["sku"], x["ordered"]) for x in po["lines"]]

    assert json.loads(cli("suggest", "--json", *common)) == {"transfers": [], "transfers_posted": [], "suppliers": [],
                                                            "drafts": []}
    assert "nothing to order" in cli("suggest", *common, stderr=True)

    assert "--sku" in cli("forecast", "--sku", "NOPE", *common, code=2)
    assert "--weeks" in cli("reorder", "--weeks", "2", code=2)



def test_suggest_narrows_to_the_sku_supplier_warehouse_or_class_and_refuses_an_unknown_code(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS), "--json")

    def shown(*filters):
        return {(x["sku"], x["warehouse"]) for g in json.loads(cli("suggest", *common, *filters))["suppliers"]
                for x in g["lines"]}

    low = {("LOW", "MAIN")}  # the one line to order in this business
    assert shown() == low
    assert shown("--sku", "LOW") == low and shown("--sku", "STEADY") == set()
    assert shown("--warehouse", "MAIN") == low and shown("--warehouse", "WEST") == set()
    assert shown("--supplier", "NB") == low
    [forecast] = json.loads(cli("forecast", "--sku", "LOW", *common))
    other = next(c for c in "ABC" if c != forecast["abc"])
    assert shown("--class", forecast["abc"]) == low and shown("--class", other) == set()
    assert "--supplier" in cli("suggest", *common, "--supplier", "NOPE", code=2)
    assert "--warehouse" in cli("suggest", *common, "--warehouse", "EAST", code=2)
    assert "--sku" in cli("suggest", *common, "--sku", "NO-SUCH", code=3)


def test_create_drafts_says_what_it_will_draft_and_without_a_terminal_needs_yes(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS), "--sku", "LOW", "--create-drafts")
    err = cli("suggest", *common, code=2)  # no terminal to ask on: nothing drafted
    assert "will draft 1 purchase order(s):" in err and "NB " in err and "to MAIN  1 line(s)" in err
    assert "--yes" in err
    assert json.loads(cli("po", "list", "--state", "draft", "--json")) == []
    out = json.loads(cli("suggest", *common, "--yes", "--json"))
    [draft] = out["drafts"]
    assert draft["lines"] == [{"sku": "LOW", "qty": "240"}]
    [po] = json.loads(cli("po", "list", "--state", "draft", "--json"))
    assert [x["sku"] for x in po["lines"]] == ["LOW"]


class _Terminal:
    """Standard input as a terminal that answers ``answer``."""

    def __init__(self, answer: str) -> None:
        self.answer, self.asked = answer, 0

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        self.asked += 1
        return self.answer


@pytest.mark.parametrize(("answer", "drafted"), [("n\n", 0), ("\n", 0), ("y\n", 1)])
def test_create_drafts_asks_on_a_terminal_and_drafts_only_on_yes(template, tmp_path, monkeypatch, capsys, answer,
                                                                  drafted):
    from main import main

    path = tmp_path / "ask.sqlite3"
    shutil.copy(template, path)
    terminal = _Terminal(answer)
    monkeypatch.setattr(sys, "stdin", terminal)
    assert main(["--db", str(path), "suggest", "--today", TODAY.isoformat(), "--weeks", str(WEEKS), "--sku", "LOW",
                 "--create-drafts"]) == 0
    err = capsys.readouterr().err
    assert terminal.asked == 1 and "create this draft? [y/N]" in err
    db = open_database(path)
    try:
        from persistence.purchasing.orders import purchase_orders

        assert len(purchase_orders(db.engine, state="draft")) == drafted
    finally:
        db.close()


def test_unfilled_demand_recorded_while_out_of_stock_counts_as_demand_and_uncensors_its_days(db):
    from domain.stock.demand import RecordUnfilledDemand
    from domain.stock.demand import record_unfilled_demand

    for day in range(35, 42):  # week 5: OUTAGE was out of stock all week
        record_unfilled_demand(db.uow(), RecordUnfilledDemand("OUTAGE", "9", "MAIN", occurred_at=at(day, 11)))
    record_unfilled_demand(db.uow(), RecordUnfilledDemand("STEADY", "7", "MAIN", occurred_at=at(3, 16)))
    history = read_history(db.engine, *planning.window(TODAY, WEEKS))
    outage = _weekly(history, _ids(db, "OUTAGE"))[0]
    assert outage[4] is None  # week 4 stays censored: no demand was recorded on its empty days
    assert outage[5] == 63.0  # 9 a day recorded on all 7 days: observed, all of it unfilled
    steady = _weekly(history, _ids(db, "STEADY"))[0]
    assert steady[0] == 77.0 and steady[1:] == [70.0] * (WEEKS - 1)  # shipped 70 + 7 asked for and not shipped


def test_the_unfilled_command_records_a_lost_sale_and_refuses_bad_input(cli):
    record_id = cli("unfilled", "--sku", "LOW", "--qty", "4", "--warehouse", "MAIN", "--at", "2026-05-20T10:00")
    assert len(record_id.strip()) == 36
    assert "--warehouse" in cli("unfilled", "--sku", "LOW", "--qty", "4", code=2)  # two warehouses: say which
    assert "quantity" in cli("unfilled", "--sku", "LOW", "--qty", "0", "--warehouse", "MAIN", code=2)
    assert "NOPE" in cli("unfilled", "--sku", "NOPE", "--qty", "1", "--warehouse", "MAIN", code=3)
    assert "customer" in cli("unfilled", "--sku", "LOW", "--qty", "1", "--warehouse", "MAIN", "--customer", "X",
                             code=3)


def test_planning_again_recomputes_only_the_item_whose_history_changed(db):
    from persistence.planning.queries import forecast_cache

    def run():
        control = planning.RunControl(cache=forecast_cache(db.engine))
        plans = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS,
                                                                 run=control)}
        return plans, control.computed

    first, computed = run()
    assert computed == len(first) == 5
    again, computed = run()
    assert computed == 0
    assert again["LOW", "MAIN"].explanation["reorder_point"] == first["LOW", "MAIN"].explanation["reorder_point"]
    ledger.ship(db.uow(), ship("SPORADIC", 5, "MAIN", 7 * WEEKS - 2))  # entered late, in the last complete week
    ledger.ship(db.uow(), ship("STEADY", 3, "MAIN", 7 * WEEKS + 1))  # this week's: not in the history yet
    later, computed = run()
    assert computed == 1
    assert later["SPORADIC", "MAIN"].history[-1] == first["SPORADIC", "MAIN"].history[-1] + 5
    products = planning.forecast_products(reader(db.engine), today=TODAY, weeks=WEEKS,
                                          run=planning.RunControl(cache=forecast_cache(db.engine)))
    assert len(products) == 4  # the all-warehouse forecasts are kept apart from the per-warehouse ones


def _po_received_after(db, sku: str, issued_day: int, days: int, qty: str = "12") -> None:
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, sku, qty))
    purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id, issued_at=at(issued_day, 9)))
    purchasing.receive(db.uow(), pc.ReceivePurchaseOrder(po.id, occurred_at=at(issued_day + days, 9)))


def test_three_received_purchase_orders_replace_the_terms_lead_time_with_the_observed_mean_and_spread(db):
    plans = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    e = plans["LOW"].explanation
    assert (e["lead_time_source"], e["lead_time_observations"], e["lead_time_days"]) == ("terms", 0, 14)
    assert e["sigma_lead_time"] == 0

    for issued, days in ((20, 10), (60, 12), (100, 17)):  # observed 10, 12 and 17 days: mean 13, s 3.606
        _po_received_after(db, "LOW", issued, days)
    _po_received_after(db, "STEADY", 30, 30)  # one observation of another product of NB
    plans = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    e = plans["LOW"].explanation
    assert (e["lead_time_source"], e["lead_time_observations"], e["lead_time_days"]) == ("receipts_product", 3, 13)
    assert e["lead_time_stated_days"] == 14  # kept for the explanation to say it was not used
    assert e["lead_time_mean_days"] == pytest.approx(13.0)
    assert e["lead_time_sigma_days"] == pytest.approx(math.sqrt(13.0))  # ((−3)² + (−1)² + 4²) / 2 = 13
    assert e["sigma_lead_time"] == pytest.approx(math.sqrt(13.0) / 7)  # σL in weeks
    d = e["demand_per_period"]  # σ_LT² = L·σd² + d²·σL², σd = 0 for LOW's steady history
    assert e["sigma_lt"] == pytest.approx(d * math.sqrt(13.0) / 7)
    assert e["safety_stock"] > 0  # lead-time variability alone now asks for safety stock
    # SPORADIC has no receipts of its own: NB's four receipts over all products count (10, 12, 17, 30)
    e = plans["SPORADIC"].explanation
    assert (e["lead_time_source"], e["lead_time_observations"]) == ("receipts_supplier", 4)
    assert e["lead_time_mean_days"] == pytest.approx(17.25)


def test_a_new_product_is_forecast_from_its_categorys_profile_and_says_so(db):
    from domain.catalog import master as catalog

    commands = []
    for sku, daily in (("G1", 4), ("G2", 8), ("G3", 2), ("GNEW", 3)):
        catalog.add_product(db.uow(), cc.AddProduct(sku, sku, category="garden"))
        first_day = 7 * (WEEKS - 3) if sku == "GNEW" else 0  # GNEW: first stocked and sold three weeks ago
        commands.append(c.ReceiveStock(sku, "5000", "MAIN", "1", occurred_at=at(first_day, 8)))
        commands += [ship(sku, daily * (2 if day >= 7 * 10 else 1), "MAIN", day)  # demand doubled at week 10
                     for day in range(first_day, 7 * WEEKS)]
    ledger.post_many(db.uow(), commands)

    rows = {p.sku: p for p in planning.forecast_products(reader(db.engine), today=TODAY, weeks=WEEKS)}
    new = rows["GNEW"].forecast
    assert math.isnan(rows["GNEW"].history[-4])  # not stocked before: not observed
    assert rows["GNEW"].history[-3:] == [42.0] * 3 and new.demand_class == "too_short"
    assert new.model == "category_profile" and "'garden'" in new.note and "3 products" in new.note
    # the category's index: weeks 0-9 at 2/3 of the level, 10-19 at 4/3; GNEW's 42 a week in weeks 17-19 is
    # 4/3 of a level of 31.5 — the profile carries that level's shape forward instead of an average of 42
    established = [rows[s].forecast.mean[0] / (sum(rows[s].history) / WEEKS) for s in ("G1", "G2", "G3")]
    assert new.mean[0] == pytest.approx(31.5 * sum(established) / 3)
    plans = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    assert plans["GNEW"].explanation["model"] == "category_profile"
    assert "'garden'" in plans["GNEW"].explanation["forecast_note"]


def test_a_run_stores_its_alerts_summary_and_the_data_version_moves_with_the_data_not_with_the_forecasts(db):
    from domain.planning.alerts import CURRENT
    from domain.planning.alerts import DATA_CHANGED
    from persistence.planning.alerts import read_summary
    from persistence.planning.classes import ClassStore
    from persistence.planning.classes import read_classes
    from persistence.planning.queries import forecast_cache

    def run(**kw):
        control = planning.RunControl(cache=forecast_cache(db.engine), classes=ClassStore(db.engine))
        planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS, run=control, **kw)
        return control

    assert read_summary(db.engine)[0] is None
    control = run()
    stored, version = read_summary(db.engine)
    assert stored == control.summary and read_classes(db.engine)  # kept together with the classes
    assert stored.day == TODAY and stored.planned == 5
    assert stored.counts["MAIN"]["critical"] >= 1  # LOW runs out within its lead time
    assert set(stored.counts) == {"MAIN", "WEST"}
    assert stored.state(TODAY, version) == CURRENT  # the run's own forecasts and classes are not a change of data
    run()  # the same data planned again: the same version
    assert read_summary(db.engine)[0].data_version == stored.data_version

    only = run(sku="LOW")  # one product's run sums nothing up and leaves the last summary alone
    assert only.summary is None and read_summary(db.engine)[0].computed_at > stored.computed_at
    ledger.ship(db.uow(), ship("STEADY", 3, "MAIN", 7 * WEEKS + 1))
    last, now = read_summary(db.engine)
    assert last.state(TODAY, now) == DATA_CHANGED


def test_the_dashboard_command_reads_the_alerts_the_reorder_command_stored(cli):
    common = ("--today", TODAY.isoformat(), "--weeks", str(WEEKS))
    alerts = json.loads(cli("reorder", "--json", *common))
    shown = json.loads(cli("dashboard", "--json"))["reorder_alerts"]
    assert shown["planned_now"] is False and shown["planned_for"] == TODAY.isoformat()
    assert sum(shown[s] for s in ("critical", "high", "normal")) == len(alerts)
    assert shown["out_of_date"] is (TODAY != clock.today()) and shown["why"] in (None, "new day")
    assert "Reorder alerts:" in cli("dashboard")


def _po_short(db, sku: str, issued_day: int, ordered: str, received: str) -> None:
    """A PO of ``ordered`` issued on ``issued_day``, ``received`` of it 14 days later (the terms' lead time), then
    closed short."""
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, sku, ordered))
    purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id, issued_at=at(issued_day, 9)))
    purchasing.receive(db.uow(), pc.ReceivePurchaseOrder(po.id, ((sku, received),), occurred_at=at(issued_day + 14, 9)))
    purchasing.close_short(db.uow(), pc.ClosePurchaseOrderShort(po.id, "the rest will not come"))


def test_a_supplier_that_delivers_80_percent_gets_its_orders_grossed_up_and_the_setting_turns_it_off(db):
    from domain.planning.settings import SetFillRateUse
    from domain.planning.settings import set_fill_rate_use
    from domain.purchasing.scorecard import check_period
    from persistence.purchasing.scorecard import supplier_scorecards

    def low():
        return {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}["LOW"]

    for n, issued in enumerate((10, 30, 50, 70)):  # four orders: too little history to judge NB by
        _po_short(db, "STEADY", issued, "120", "96")  # whole packs of 12
        if n == 3:
            assert "supplier_fill_rate" not in low().explanation
    _po_short(db, "STEADY", 90, "120", "96")  # the fifth: 480 of 600 over five lines, five orders
    [card] = supplier_scorecards(db.engine, *check_period(None, TODAY, TODAY), "NB")
    assert card.fill_rate == Decimal("0.8")  # what the Suppliers screen shows, planning uses

    plan = low()
    e = plan.explanation
    assert (e["supplier_fill_rate"], e["fill_factor"], e["fill_lines"], e["fill_orders"]) == (
        Decimal("0.8"), Decimal("1.25"), 5, 5)
    assert e["lead_time_days"] == 14 and not e["fill_capped"]
    assert e["order_need"] == 230  # S − position
    assert plan.suggestion.qty == e["order_qty"] == 288  # 230 × 1.25 = 287.5, in whole packs of 12

    set_fill_rate_use(db.uow(), SetFillRateUse(False))
    off = low()
    assert "supplier_fill_rate" not in off.explanation
    assert off.explanation["order_need"] == 230 and off.suggestion.qty == 240  # as without a history of short POs


def test_a_supplier_that_delivers_a_third_is_capped_at_half_as_much_again(db):
    for issued in (10, 30, 50, 70, 90):
        _po_short(db, "STEADY", issued, "120", "40")
    plan = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}["LOW"]
    e = plan.explanation
    assert (e["fill_factor"], e["fill_capped"]) == (Decimal("1.5"), True)
    assert e["order_need"] == 230 and plan.suggestion.qty == 348  # 230 × 1.5 = 345, in whole packs of 12


def _issued_on_today(db, *skus: str):
    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    for sku in skus:
        purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, sku, "12"))
    now = at((TODAY - FIRST).days, 9)
    basis = purchasing.expected_basis(db.uow(), po.id, now)  # what the draft says it will be expected in
    issued = purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id, issued_at=now))
    return (issued.expected_on - TODAY).days, basis, purchasing.expected_basis(db.uow(), issued.number, now)


def test_a_new_purchase_order_is_expected_after_the_lead_time_planning_counts_with(db):
    """Planning learned 13 days from LOW's receipts while a new PO still expected NB's 14 (or, with a faster supplier
    on paper, promised a backorder days before the goods could come): both now read one rule."""
    def planned(sku):
        plans = {p.sku: p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
        return plans[sku].explanation["lead_time_days"]

    days, basis, _ = _issued_on_today(db, "LOW")
    assert days == planned("LOW") == 14  # no receipts yet: the terms' days, on both sides
    assert (basis.days, basis.sku, basis.lead.source) == (14, "LOW", "terms")

    for issued, took in ((20, 10), (60, 12), (100, 17)):  # LOW: 10, 12 and 17 days, mean 13
        _po_received_after(db, "LOW", issued, took)
    _po_received_after(db, "STEADY", 30, 30)  # NB over all its products: 10, 12, 17, 30, mean 17.25
    days, basis, after = _issued_on_today(db, "LOW")
    assert days == planned("LOW") == 13  # learned, not the terms' 14
    assert (basis.lead.source, basis.lead.observations) == ("receipts_product", 3)
    assert after == basis  # an issued PO still says where its date came from
    days, basis, _ = _issued_on_today(db, "LOW", "SPORADIC")  # the slowest line sets the date
    assert days == planned("SPORADIC") == 18  # SPORADIC: NB's receipts of all products, 17.25 → 18 whole days
    assert (basis.sku, basis.lead.source, basis.lead.observations) == ("SPORADIC", "receipts_supplier", 4)


def test_a_purchase_order_with_a_typed_date_gives_no_lead_time_for_it(db):
    from datetime import UTC
    from datetime import datetime

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as purchasing

    po = purchasing.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN", expected_on=date(2026, 7, 1)))
    purchasing.add_line(db.uow(), pc.AddPurchaseOrderLine(po.id, "LOW", "12"))
    now = datetime(2026, 6, 3, 9, tzinfo=UTC)
    assert purchasing.expected_basis(db.uow(), po.id, now) is None
    issued = purchasing.issue(db.uow(), pc.IssuePurchaseOrder(po.id, issued_at=now))
    assert issued.expected_on == date(2026, 7, 1)
    assert purchasing.expected_basis(db.uow(), issued.number, now) is None


def test_the_order_cost_set_on_settings_reaches_the_run_and_raises_the_order_up_to_level(db):
    from domain.planning.settings import SetOrderCost
    from domain.planning.settings import set_order_cost

    assert read_history(db.engine, *planning.window(TODAY, WEEKS)).order_cost == 0  # the test business turns it off
    before = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    set_order_cost(db.uow(), SetOrderCost("20"))
    assert read_history(db.engine, *planning.window(TODAY, WEEKS)).order_cost == 20
    after = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    e, old = after["LOW", "MAIN"].explanation, before["LOW", "MAIN"].explanation
    assert e["economic_order"]["order_cost"] == 20 and "economic_order" not in old
    assert e["reorder_point"] == old["reorder_point"] and e["order_up_to"] > old["order_up_to"]


def test_the_holding_rate_set_beside_the_order_cost_reaches_the_run_and_is_the_economic_order_s_h(db):
    from domain.planning.settings import SetHoldingRate
    from domain.planning.settings import SetOrderCost
    from domain.planning.settings import set_holding_rate
    from domain.planning.settings import set_order_cost

    set_order_cost(db.uow(), SetOrderCost("20"))
    assert read_history(db.engine, *planning.window(TODAY, WEEKS)).holding_rate == 0.25  # unset: the default
    before = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    set_holding_rate(db.uow(), SetHoldingRate("10"))
    assert read_history(db.engine, *planning.window(TODAY, WEEKS)).holding_rate == 0.10
    after = {(p.sku, p.warehouse): p for p in planning.plan(reader(db.engine), today=TODAY, weeks=WEEKS)}
    e, old = after["LOW", "MAIN"].explanation["economic_order"], before["LOW", "MAIN"].explanation["economic_order"]
    assert (e["holding_rate"], old["holding_rate"]) == (0.10, 0.25)
    assert e["eoq"] == pytest.approx(old["eoq"] * 2.5 ** 0.5)  # √(2DK/(h·c)): h 2.5 times smaller
