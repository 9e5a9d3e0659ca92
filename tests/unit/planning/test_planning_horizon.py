"""Each product × warehouse is forecast at its own horizon (its lead time + review), never the run's longest: a slow
supplier elsewhere in the run leaves every other key's forecast and order as they were (RESULTS-forecast.md, BQ)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np

from domain.planning import run as planning
from domain.planning.product import ProductPlanning
from tests.unit.planning.test_planning import MemoryCache
from tests.unit.planning.test_planning import _same

TODAY = date(2026, 6, 3)
WEEKS = 104


def _reader(leads: dict[str, int], new: str = ""):
    """A history reader of one product per lead time (days): each sells a noisy, slowly rising amount a day; the
    ``new`` one only in the last three weeks. All are in one category and cost the same, so that an item joining the
    run leaves the office's average unit cost, and with it the unit-cost rule's targets, as they were."""
    rng = np.random.default_rng(11)

    def read(first: date, end: date) -> planning.PlanningHistory:
        days = (end - first).days
        items, shipped, closing, terms = [], {}, {}, {}
        for pid in sorted(leads):
            key = (pid, "w")
            items.append(planning.StockItem(pid, pid.upper(), pid, "w", "W1", on_hand=Decimal(20),
                                            reserved=Decimal(0), on_order=Decimal(0), on_order_drafts=Decimal(0),
                                            unit_cost=Decimal(1), category="tea"))
            rate = 6.0 + 3.0 * np.arange(days) / days
            since = days - 21 if pid == new else -1
            shipped[key] = {d: Decimal(int(x)) for d, x in enumerate(rng.poisson(rate)) if x and d > since}
            closing[key] = [(since, Decimal(100000))]
            terms[pid] = [planning.TermOption("s", "Supplier", pid, Decimal(1), Decimal(0), Decimal(1), Decimal(1),
                                              leads[pid], True)]
        return planning.PlanningHistory(first, end, items, shipped, closing, terms)

    return read


def _plan(leads, new: str = "", **kwargs):
    return {x.product_id: x for x in planning.plan(_reader(leads, new), today=TODAY, weeks=WEEKS, **kwargs)}


def test_a_smooth_row_s_plan_is_unchanged_when_a_long_lead_item_joins_the_run():
    alone = _plan({"p": 7})["p"]
    beside = _plan({"p": 7, "q": 91})  # a 13-week import supplier for another product
    with_import = beside["p"]
    assert alone.forecast.demand_class == "smooth" and alone.forecast.calibrated
    assert alone.explanation["safety_stock_source"] == "quantile" and alone.explanation["order_qty"] > 0
    # Forecast at the run's longest horizon (14 weeks) its safety stock fell from 32.5 to 24.0 and its order from
    # 200 to 191: the damped trend's criterion and the quantiles' calibration follow the horizon.
    for name in ("reorder_point", "safety_stock", "order_up_to", "order_qty", "demand_per_period"):
        assert with_import.explanation[name] == alone.explanation[name], name
    assert len(with_import.forecast.mean) == 6 and len(beside["q"].forecast.mean) == 14  # (91 + 7) / 7 weeks
    _same(alone.forecast, with_import.forecast)


def test_each_key_s_horizon_is_its_lead_time_plus_review_rounded_up_within_6_to_26_weeks():
    assert [planning.forecast_horizon(d) for d in (0, 7, 42, 43, 91 + 7, 182, 400)] == [6, 6, 6, 7, 14, 26, 26]
    plans = _plan({"p": 7, "q": 30}, overrides={"p": ProductPlanning("p", None, 49)})
    assert len(plans["p"].forecast.mean) == 8 and len(plans["q"].forecast.mean) == 6  # 7 + 49 and 30 + 7 days


def test_a_new_product_takes_its_category_s_profile_at_its_own_horizon_from_products_at_others():
    plans = _plan({"p": 7, "q": 30, "r": 91, "s": 14}, new="s")
    assert [len(plans[x].forecast.mean) for x in "pqrs"] == [6, 6, 14, 6]
    assert plans["s"].forecast.model == "category_profile" and "3 products" in plans["s"].forecast.note


def _close(a, b):
    """The same forecast up to the last bits (a row's sums may run in another order beside other rows: section AE)."""
    assert a.model == b.model and a.demand_class == b.demand_class
    np.testing.assert_allclose(a.mean, b.mean, rtol=1e-9)
    for q in b.cumulative:
        np.testing.assert_allclose(a.cumulative[q], b.cumulative[q], rtol=1e-9)
        np.testing.assert_allclose(a.quantiles[q], b.quantiles[q], rtol=1e-9)


def test_cached_rows_keep_their_own_horizon_and_a_changed_lead_time_recomputes_only_its_row():
    from domain.planning.cache import forecast_rows
    from domain.planning.forecasting.api import ForecastResult
    from domain.planning.forecasting.api import forecast_many

    rng = np.random.default_rng(5)
    values = rng.poisson(20.0, size=(5, 80)).astype(float)
    ids = [(f"p{i}", "w") for i in range(5)]

    def run(horizons, cache):
        return forecast_rows(values, ids, horizons, {"models": ()}, forecast_many=forecast_many,
                             result_type=ForecastResult, cache=cache, first_week=date(2026, 1, 5), batch_rows=2)

    cache = MemoryCache()
    first, computed = run([4, 13, 4, 6, 13], cache)
    assert computed == 5 and cache.writes == 1
    for r, h in enumerate([4, 13, 4, 6, 13]):  # each row as forecast alone at its own horizon
        assert len(first[r].mean) == h
        _close(first[r], forecast_many(values[r : r + 1], h, models=())[0])
    again, computed = run([4, 13, 4, 6, 13], cache)
    assert computed == 0
    changed, computed = run([4, 13, 4, 4, 13], cache)  # p3's supplier is now a quick one
    assert computed == 1 and len(changed[3].mean) == 4
    _close(changed[3], forecast_many(values[3:4], 4, models=())[0])
    for r in (0, 1, 2, 4):
        _same(changed[r], first[r])
