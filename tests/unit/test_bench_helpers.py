"""The accuracy benchmarks' shared helpers (tests/benchmarks/bench_accuracy_public.py, used by bench_origins.py):
one series' scores, and the sets held out earlier and sampled with each series' name kept beside it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tests.benchmarks import bench_accuracy_public as bench


def _set(lengths: list[int], h: int = 2) -> bench.DataSet:
    train = [np.arange(float(n)) for n in lengths]
    test = [np.full(h, -1.0) for _ in lengths]
    return bench.DataSet("toy", 4, h, 1, train, test, "made here", [f"s{n}" for n in lengths])


def test_a_series_scores_scaled_by_its_naive_error_and_counts_what_its_quantiles_cover():
    y = np.array([1.0, 3.0, 2.0, 4.0])  # naive errors 2, −1, 2: MAE 5/3, MSE 3
    actual = np.array([4.0, 6.0])
    quantile = {q: np.array([5.0, 5.0]) for q in bench.LEVELS}  # covers the first period, not the second
    total = {0.8: 9.0, 0.9: 10.0, 0.95: 11.0, 0.98: 12.0}  # the total 10 is at or below 0.9 and up
    s = bench.score(y, actual, bench.Fc(np.array([5.0, 4.0]), quantile, total), 1)
    assert s.mase == pytest.approx(1.5 / (5 / 3))
    assert s.rmsse == pytest.approx(math.sqrt(2.5 / 3))
    assert (s.abs_error, s.error, s.volume) == (3.0, -1.0, 10.0)
    assert s.lead == {0.8: False, 0.9: True, 0.95: True, 0.98: True}
    assert s.per == {q: 1 for q in bench.LEVELS}
    # The total 10 against its lead-time quantiles 9 / 10 / 11 / 12: pinball 0.8·1, 0, 0.05·1, 0.02·2, their mean
    # scaled by h × the naive MAE (2 × 5/3): the proper score of the quantiles the safety stock reads.
    assert s.lead_pinball == pytest.approx((0.8 + 0.0 + 0.05 + 0.04) / 4 / (2 * 5 / 3))


def test_a_forecast_without_quantiles_scores_its_mean_only():
    s = bench.score(np.array([1.0, 2.0, 3.0]), np.array([4.0]), bench.Fc(np.array([4.0])), 1)
    assert s.mase == 0 and s.lead is None and s.per is None and s.pinball is None and s.lead_pinball is None


def _rows(lead_pinball: list[float] | None, pinball: list[float]) -> pd.DataFrame:
    rows = []
    for origin in (0, 1, 2):
        for i, p in enumerate(pinball):
            row = {"mode": "default", "set": "m1_monthly", "origin": origin, "series": f"s{i}", "MASE": 1.0,
                   "pinball": p}
            if lead_pinball is not None:
                row["lead_pinball"] = lead_pinball[i]
            rows.append(row)
    return pd.DataFrame(rows)


def test_the_three_origin_comparison_reports_the_lead_time_totals_pinball_beside_the_per_period_one(capsys):
    from tests.benchmarks import bench_origins

    a = _rows([0.2, 0.4], [0.5, 0.5])
    b = _rows([0.23, 0.43], [0.5, 0.5])  # each total's loss up by 10 % of the set's mean, per period unchanged
    bench_origins.pinball_table(a, b)
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("| M1 monthly"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[1:4] == ["0.3000 / 0.3300 (**+10.0 ± 0.0** %)"] * 3
    assert cells[4:7] == ["0.5000 / 0.5000 (identical)"] * 3
    assert cells[7:] == ["**+10.0 ± 0.0** %", "identical"]
    # A file written before the totals' column was kept: "–" there, the per-period loss still compared.
    bench_origins.pinball_table(_rows(None, [0.5, 0.5]), b)
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("| M1 monthly"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[1:4] == ["–"] * 3 and cells[7] == "–" and cells[8] == "identical"


def test_held_out_earlier_the_series_too_short_drop_out_with_their_names():
    ds = bench.earlier(_set([5, 6, 9, 12]), 1)  # a step back keeps series of 3 horizons (6 periods) or more
    assert ds.ids == ["s6", "s9", "s12"]
    assert [len(y) for y in ds.train] == [4, 7, 10]
    assert [t.tolist() for t in ds.test] == [[4.0, 5.0], [7.0, 8.0], [10.0, 11.0]]


def test_a_sample_is_the_same_every_time_in_the_sets_order_with_its_names():
    ds = _set(list(range(10, 30)))
    a, b = bench.sample(ds, 5), bench.sample(ds, 5)
    assert a.ids == b.ids and len(a.ids) == 5
    assert a.ids == sorted(a.ids, key=lambda name: int(name[1:]))
    assert [len(y) for y in a.train] == [int(name[1:]) for name in a.ids]
    assert bench.sample(ds, None) is ds


def test_the_seasonal_naive_clause_says_what_each_rows_own_held_out_mean_would_score():
    # A product that sold 2 every other week (naive MAE 2) and in the test only once, 4 units in the last week: the
    # right mean (1 a week) errs 1, 1, 1, 3, MASE 0.75; seasonal naive (its last week, 0) errs 4 once, MASE 0.5. No
    # forecast of the mean could meet the clause on such a row, and the line says so beside the default's (0.8 a week:
    # errs 0.8 thrice and 3.2, MASE 0.7).
    train = [np.array([0.0, 2.0, 0.0, 2.0, 0.0])]
    test = [np.array([0.0, 0.0, 0.0, 4.0])]
    ds = bench.DataSet("toy", 52, 4, 1, train, test, "made here", ["sparse"])
    assert [list(f.mean) for f in bench.held_out_mean(ds)] == [[1.0, 1.0, 1.0, 1.0]]
    runs = {"Stockroom default": ([bench.Fc(np.full(4, 0.8))], 0.0),
            "SeasonalNaive": ([bench.Fc(np.zeros(4))], 0.0)}
    line = bench.seasonal_naive_clause(ds, runs, np.array(["lumpy"], dtype=object))
    assert line.startswith("seasonal naive 0.500: Stockroom default − seasonal naive per series +0.200")
    assert "held-out mean, flat (known to no forecaster), 0.750" in line
    assert line.endswith("per class, default / seasonal naive / held-out mean: lumpy 0.700 / 0.500 / 0.750")
    without_naive = {"Stockroom default": runs["Stockroom default"]}
    assert bench.seasonal_naive_clause(ds, without_naive, np.array(["lumpy"], dtype=object)) is None
