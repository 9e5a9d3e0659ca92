"""Each dashboard figure on a small ledger made through the use cases, computed by hand (UTC business days; the
period is ``FIRST`` .. today, 21 days)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.reports import dashboard as d
from domain.reports.model import Period
from domain.reports.sales import slow_movers
from persistence.reports import dashboard as reads
from tests.integration.reports.cli_run import cli_in_utc
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build

D = Decimal
PERIOD = Period(FIRST, TODAY)


@pytest.fixture
def ledger_db(db):
    return build(db)


def test_the_fill_rate_counts_quantity_asked_and_order_lines_complete_by_their_due_day(ledger_db):
    first = reads.first_figures(ledger_db.engine, PERIOD, TODAY)
    # shipped 4 + 5 + 3 + 2 + 3 = 17; unfilled 2 CUP (refused sale) + 2 TEA (cut): 17 of 21
    rate = d.fill_rate(first.fill)
    assert (rate.shipped, rate.unfilled) == (D(17), D(4))
    assert rate.qty_percent == D("80.95")
    # three lines due: SO1 TEA on time, SO1 CUP late, SO2 TEA short
    assert (rate.lines_due, rate.lines_on_time, rate.lines_percent) == (3, 1, D("33.33"))
    assert [(r.sku, r.qty, r.shipped_on_time, r.on_time) for r in first.lines] == [
        ("CUP", D(2), D(0), False), ("TEA", D(3), D(3), True), ("TEA", D(5), D(3), False)]


def test_a_warehouse_without_sales_has_no_fill_rate_and_no_value(ledger_db):
    first = reads.first_figures(ledger_db.engine, PERIOD, TODAY, warehouse="shop")
    rate = d.fill_rate(first.fill)
    assert (rate.qty_percent, rate.lines_percent, first.value_now, first.lost) == (None, None, D(0), [])


def test_lost_sales_are_valued_at_the_list_price_else_the_last_sale_price(ledger_db):
    rows = d.lost_sales(reads.first_figures(ledger_db.engine, PERIOD, TODAY).lost)
    assert [(r.sku, r.qty, r.price, r.source, r.value) for r in rows] == [
        ("CUP", D(2), D("9.5"), "last sale", D("19.00")), ("TEA", D(2), D(8), "list", D("16.00"))]


def test_the_inventory_value_walks_back_from_now_day_by_day(ledger_db):
    first = reads.first_figures(ledger_db.engine, PERIOD, TODAY)
    assert first.value_now == D(72)
    series = dict(d.value_series(first.value_now, reads.value_changes(ledger_db.engine, FIRST), PERIOD))
    assert len(series) == 21
    expected = {0: 80, 1: 72, 2: 52, 4: 52, 5: 92, 6: 86, 7: 80, 8: 72, 20: 72}
    assert {n: series[FIRST + timedelta(days=n)] for n in expected} == {n: D(v) for n, v in expected.items()}
    later = dict(d.value_series(first.value_now, reads.value_changes(ledger_db.engine, FIRST + timedelta(days=3)),
                                Period(FIRST + timedelta(days=3), FIRST + timedelta(days=5))))
    assert list(later.values()) == [D(52), D(52), D(92)]


def test_stockout_days_count_the_days_a_pair_with_demand_ended_at_zero(ledger_db):
    rows = d.stockout_days(reads.zero_spells(ledger_db.engine, PERIOD), PERIOD, TODAY)
    assert rows == [d.StockoutRow("CUP", "MAIN", 3, False)]  # days 2, 3 and 4
    part = Period(FIRST + timedelta(days=3), TODAY)
    assert d.stockout_days(reads.zero_spells(ledger_db.engine, part), part, TODAY) == [
        d.StockoutRow("CUP", "MAIN", 2, False)]


def test_turnover_and_cover_by_category_dead_and_excess_stock(ledger_db):
    figures = reads.stock_figures(ledger_db.engine, PERIOD, TODAY)
    turns = {t.category: t for t in d.turnover(figures.by_category, PERIOD)}
    # 茶叶: issued 10 at 2.00 = 20.00; average (40 + 20) / 2 = 30; cover 20 × 21 / 20 = 21 days
    assert turns["茶叶"] == d.Turnover("茶叶", D(20), D(30), D(20), D("0.67"), D("21.0"))
    # 杯具: issued 7 at 4.00 = 28.00; average (40 + 52) / 2 = 46; cover 52 × 21 / 28 = 39 days
    assert turns["杯具"] == d.Turnover("杯具", D(28), D(46), D(52), D("0.61"), D("39.0"))
    dead = slow_movers(figures.stocked, d.DEAD_DAYS, TODAY)
    assert [(r.sku, r.on_hand, r.value) for r in dead] == [("OLD", D(4), D(20))]
    assert [r.sku for r in slow_movers(figures.stocked, 10, TODAY)] == ["CUP", "OLD", "TEA"]  # idle 12, ∞, 13 days
    # the cover target 60 days: TEA issued 10 in 90 days → holds at most 6.6667; CUP 7 → 4.6667
    excess = d.excess_stock(figures.held, d.COVER_TARGET_DAYS)
    assert [(r.sku, r.target, r.excess, r.value) for r in excess] == [
        ("CUP", D("4.6667"), D("3.3333"), D("13.33")), ("TEA", D("6.6667"), D("3.3333"), D("6.67"))]


def test_overdue_accounts_and_alerts_come_from_the_ageing_and_a_planning_run(ledger_db):
    from persistence.accounts import queries as accounts

    first = reads.first_figures(ledger_db.engine, PERIOD, TODAY)
    assert first.receivables.overdue == accounts.ageing(ledger_db.engine, "AR", TODAY).overdue
    assert first.payables.balance == D(0)
    assert reads.stored_alerts(ledger_db.engine)[0] is None  # no planning run yet
    summary = reads.plan_alerts(ledger_db.engine, TODAY)
    assert set(summary.by_severity()) == {"critical", "high", "normal"} and summary.day == TODAY
    stored, version = reads.stored_alerts(ledger_db.engine)
    assert stored == summary and version == summary.data_version  # kept, and the data has not changed since


def test_an_unknown_warehouse_is_refused_by_name(ledger_db):
    from domain.kernel.errors import BadInput

    with pytest.raises(BadInput, match="no warehouse has the code 'NOPE'"):
        reads.first_figures(ledger_db.engine, PERIOD, TODAY, warehouse="NOPE")


@pytest.fixture
def cli(ledger_db, tmp_path, capsys, monkeypatch):
    """The command line on the ledger's database (tmp_path/stockroom.sqlite3), on UTC days."""
    with cli_in_utc(tmp_path, capsys, monkeypatch) as run:
        yield run


def test_the_dashboard_command_prints_every_figure_as_json(cli):
    code, out, err = cli("dashboard", "--from", FIRST.isoformat(), "--to", TODAY.isoformat(), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["fill_rate"] == {"quantity_percent": "80.95", "lines_percent": "33.33", "shipped": "17",
                                 "unfilled": "4", "lines_due": 3, "lines_on_time": 1}
    assert data["stockout_days"]["days"] == 3 and data["stockout_days"]["rows"][0]["sku"] == "CUP"
    assert data["lost_sales"]["value"] == "35.00"
    assert (data["inventory_value"]["start"], data["inventory_value"]["now"]) == ("80.00", "72.00")
    assert len(data["inventory_value"]["series"]) == 21
    assert {r["category"]: r["turns"] for r in data["turnover"]} == {"茶叶": "0.67", "杯具": "0.61"}
    assert (data["dead_stock"]["products"], data["dead_stock"]["value"]) == (1, "20.00")
    assert (data["excess_stock"]["pairs"], data["excess_stock"]["value"]) == (2, "20.00")
    alerts = data["reorder_alerts"]
    assert {k: type(alerts[k]) for k in ("critical", "high", "normal")} == dict.fromkeys(("critical", "high",
                                                                                          "normal"), int)
    assert (alerts["planned_for"], alerts["planned_now"], alerts["out_of_date"]) == (TODAY.isoformat(), True, False)
    code, out, err = cli("dashboard", "--json")  # the run above stored its alerts: read, not planned again
    again = json.loads(out)["reorder_alerts"]
    assert (again["planned_now"], again["planned_at"], again["out_of_date"]) == (False, alerts["planned_at"], False)
    assert data["receivables"]["overdue"] is not None and data["payables"]["balance"] == "0.00"


def test_the_dashboard_command_counts_the_customers_waiting_on_backorders(cli, ledger_db):
    from tests.integration.reports.dashboard_ledger import add_backorders

    code, out, err = cli("dashboard", "--no-alerts", "--json")
    assert code == 0, err
    assert json.loads(out)["backorders"] == {"lines": 0, "customers": 0, "without_purchase_order": 0, "rows": []}
    add_backorders(ledger_db)
    code, out, err = cli("dashboard", "--no-alerts", "--json")
    waiting = json.loads(out)["backorders"]
    assert (waiting["lines"], waiting["customers"], waiting["without_purchase_order"]) == (2, 2, 2)
    assert [(r["customer"], r["sku"], r["qty"], r["arrival"]) for r in waiting["rows"]] == [
        ("ACME", "TEA", "5", None), ("WALK", "CUP", "2", None)]
    code, out, err = cli("dashboard", "--no-alerts", "--json", "--warehouse", "SHOP")
    assert json.loads(out)["backorders"]["lines"] == 0  # both ship from MAIN
    code, out, err = cli("dashboard", "--no-alerts")
    assert "Backorders: 2 order lines, 2 customers waiting (2 lines with no purchase order yet)" in out


def test_the_dashboard_command_takes_a_period_a_warehouse_and_refuses_bad_input(cli):
    code, out, err = cli("dashboard", "--period", "week", "--warehouse", "SHOP", "--no-alerts", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["from"], data["warehouse"]) == ((TODAY - timedelta(days=6)).isoformat(), "SHOP")
    assert data["fill_rate"]["quantity_percent"] is None and "reorder_alerts" not in data
    code, out, err = cli("dashboard", "--no-alerts")
    assert code == 0 and "Fill rate:" in out and "Dead stock" in out
    code, _, err = cli("dashboard", "--period", "week", "--from", FIRST.isoformat())
    assert code == 2 and "--period" in err
    code, out, err = cli("dashboard", "--from", FIRST.isoformat(), "--dead-days", "10", "--cover-target", "200",
                         "--no-alerts", "--json")
    data = json.loads(out)
    assert (data["dead_stock"]["products"], data["excess_stock"]["pairs"]) == (3, 0)
    code, _, err = cli("dashboard", "--dead-days", "0")
    assert code == 2 and "--dead-days" in err
    code, _, err = cli("dashboard", "--warehouse", "NOPE")
    assert code == 2 and "no warehouse has the code 'NOPE'" in err


def test_a_clerk_may_not_read_the_dashboard_and_a_purchaser_may(cli):
    assert cli("user", "add", "boss", "--role", "admin", new_password="boss-pass-1")[0] == 0
    for name, role in (("li", "clerk"), ("wang", "purchaser")):
        assert cli("--user", "boss", "user", "add", name, "--role", role, password="boss-pass-1",
                   new_password=f"{name}-pass-12")[0] == 0
    code, out, err = cli("--user", "li", "dashboard", "--no-alerts", password="li-pass-12")
    assert code == 3 and out == "" and "clerk" in err
    code, out, err = cli("--user", "wang", "dashboard", "--no-alerts", "--json", password="wang-pass-12")
    assert code == 0 and json.loads(out)["fill_rate"]["lines_due"] == 3, err
