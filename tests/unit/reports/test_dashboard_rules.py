"""The dashboard's pure rules on known inputs (``domain/reports/dashboard.py``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.reports import dashboard as d
from domain.reports.model import Period

D = Decimal


def test_the_spans_end_today_and_a_month_back_keeps_the_day_where_it_can():
    today = date(2026, 3, 31)
    assert d.period_of("week", today) == Period(date(2026, 3, 25), today)
    assert d.period_of("month", today) == Period(date(2026, 3, 1), today)  # 28 February + 1
    assert d.period_of("quarter", date(2026, 5, 15)) == Period(date(2026, 2, 16), date(2026, 5, 15))
    assert d.period_of("year", date(2026, 1, 10)) == Period(date(2025, 1, 11), date(2026, 1, 10))
    with pytest.raises(BadInput, match="week, month, quarter or year"):
        d.period_of("fortnight", today)


def test_fill_rates_are_none_without_demand_and_percentages_otherwise():
    assert d.fill_rate(d.FillFacts(D(0), D(0), 0, 0))[:2] == (None, None)
    assert d.fill_rate(d.FillFacts(D(3), D(1), 3, 2))[:2] == (D("75.00"), D("66.67"))


def test_stockout_spells_are_clipped_to_the_period_and_today():
    period = Period(date(2026, 1, 1), date(2026, 1, 31))
    spells = [d.ZeroSpell("A", "W", date(2025, 12, 20), date(2026, 1, 3)),  # 1, 2 January
              d.ZeroSpell("A", "W", date(2026, 1, 10), date(2026, 1, 10)),  # back the same day: none
              d.ZeroSpell("A", "W", date(2026, 1, 28), None),  # 28 .. today (30)
              d.ZeroSpell("B", "W", date(2026, 1, 5), date(2026, 1, 7))]  # 5, 6
    assert d.stockout_days(spells, period, date(2026, 1, 30)) == [
        d.StockoutRow("A", "W", 5, True), d.StockoutRow("B", "W", 2, False)]


def test_the_value_series_takes_later_days_back_out():
    period = Period(date(2026, 1, 1), date(2026, 1, 3))
    changes = {date(2026, 1, 2): D(10), date(2026, 1, 3): D(-4), date(2026, 1, 5): D(100)}
    assert d.value_series(D(206), changes, period) == [
        (date(2026, 1, 1), D(100)), (date(2026, 1, 2), D(110)), (date(2026, 1, 3), D(106))]


def test_lost_sales_without_any_price_are_listed_unvalued():
    rows = d.lost_sales([d.LostFacts("A", "a", D(2), None, None), d.LostFacts("B", "b", D(1), None, D("3.333"))])
    assert [(r.sku, r.source, r.value) for r in rows] == [("B", "last sale", D("3.33")), ("A", "", D(0))]


def test_excess_stock_uses_the_maximum_level_when_lower_and_skips_pairs_that_issued_nothing():
    facts = [d.HeldFacts("A", "a", "W", D(50), D(100), D(90), D(20)),  # 60 days of 1 a day = 60; max 20
             d.HeldFacts("B", "b", "W", D(50), D(100), D(0), None)]  # dead, not excess
    rows = d.excess_stock(facts, 60)
    assert [(r.sku, r.target, r.excess, r.value) for r in rows] == [("A", D(20), D(30), D(60))]
    with pytest.raises(BadInput):
        d.excess_stock(facts, 0)


def test_settings_fall_back_to_their_default():
    assert d.setting_days({"k": "30"}, "k", 180) == 30
    assert d.setting_days({"k": "x"}, "k", 180) == d.setting_days({}, "k", 180) == 180
