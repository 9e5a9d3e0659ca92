"""The dashboard's sales and gross margin this month, against the same days of last month: read off the GUI thread
with the other figures, and to the cent what ``main.py report margin`` says for the same periods."""

from __future__ import annotations

import json
import time
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.reports import dashboard as d
from domain.sales import commands as sc
from domain.sales import shipping
from tests.integration.reports.cli_run import cli_in_utc
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.dashboard_ledger import build
from ui.models.table import money_text


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ", raising=False)  # the command line run may have put it back already
    time.tzset()


@pytest.fixture
def screen(db, make_services, qtbot, utc):
    from ui.screens.dashboard import DashboardScreen

    build(db)
    now = datetime.now(UTC)
    shipping.sell(db.uow(), sc.CounterSale("ACME", "MAIN", (sc.SaleLineInput("TEA", "3", "7.35"),), occurred_at=now))
    widget = DashboardScreen(make_services(), today=TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.complete, timeout=60_000)
    return widget


def margin_report(run, period) -> dict:
    code, out, err = run("report", "margin", "--from", period.first.isoformat(), "--to", period.last.isoformat(),
                         "--json")
    assert code == 0, err
    return json.loads(out)["total"] if json.loads(out)["rows"] else {"revenue": "0", "margin": "0"}


def test_sales_and_margin_this_month_agree_with_the_margin_report(screen, tmp_path, capsys, monkeypatch):
    now, before = d.month_to_date(TODAY)
    with cli_in_utc(tmp_path, capsys, monkeypatch) as run:
        this, last = margin_report(run, now), margin_report(run, before)
    revenue, margin = Decimal(this["revenue"]), Decimal(this["margin"])
    assert revenue >= Decimal("22.05")  # today's sale at least
    t = screen.tiles
    assert t["sales"].value.text() == money_text(revenue)
    assert t["margin"].value.text() == money_text(margin)
    assert money_text(Decimal(last["revenue"])) in t["sales"].detail.text()
    assert money_text(Decimal(last["margin"])) in t["margin"].detail.text()
    change = d.change_pct(revenue, Decimal(last["revenue"]))
    assert ("–" if change is None else f"{change:+}%") in t["sales"].detail.text()
    assert t["sales"].title.text() == "Sales this month"


def test_the_month_to_date_and_the_same_days_of_last_month():
    from datetime import date

    assert d.month_to_date(date(2026, 3, 31)) == (d.Period(date(2026, 3, 1), date(2026, 3, 31)),
                                                  d.Period(date(2026, 2, 1), date(2026, 2, 28)))
    assert d.month_to_date(date(2026, 1, 7))[1] == d.Period(date(2025, 12, 1), date(2025, 12, 7))
    assert d.change_pct(Decimal(110), Decimal(100)) == Decimal("10.00")
    assert d.change_pct(Decimal(-5), Decimal(-10)) == Decimal("50.00") and d.change_pct(Decimal(1), Decimal(0)) is None
