"""Demand classes at the Syntetos–Boylan cut-offs ADI 1.32 and CV² 0.49."""

from __future__ import annotations

import math

import numpy as np
import pytest

from domain.planning.forecasting.classify import adi_cv2
from domain.planning.forecasting.classify import classify


def test_adi_counts_observed_periods_per_demand_and_cv2_uses_the_nonzero_sizes():
    # 4 observed periods (the NaN is not one), 2 demands → ADI 2; sizes 2, 6: μ 4, σ 2 → CV² 0.25.
    adi, cv2 = adi_cv2([[2, 0, math.nan, 6, 0]])
    assert adi[0] == 2
    assert cv2[0] == pytest.approx(0.25)


def test_each_quadrant_gets_its_class():
    smooth = [10, 11, 9, 10, 12, 10, 9, 11, 10, 10]
    erratic = [1, 30, 2, 25, 1, 40, 3, 1, 35, 2]
    intermittent = [5, 0, 0, 6, 0, 0, 5, 0, 0, 6]
    lumpy = [1, 0, 0, 40, 0, 0, 2, 0, 0, 35]
    assert classify([smooth, erratic, intermittent, lumpy]).tolist() == ["smooth", "erratic", "intermittent", "lumpy"]


def test_the_cut_offs_belong_to_the_upper_classes():
    # 33 periods with 25 demands: ADI = 1.32 exactly → not smooth.
    y = [1.0] * 25 + [0.0] * 8
    assert adi_cv2([y])[0][0] == pytest.approx(1.32)
    assert classify([y])[0] == "intermittent"
    # sizes 1 and 1 + 2·0.7: μ = 1.7, σ = 0.7 → CV² = 0.49/2.89 < 0.49; sizes a, b with CV² exactly 0.49:
    # μ = 1, σ = 0.7 → sizes 0.3 and 1.7.
    sizes = [0.3, 1.7] * 6
    assert adi_cv2([sizes])[1][0] == pytest.approx(0.49)
    assert classify([sizes])[0] == "erratic"


def test_a_short_history_or_one_demand_is_too_short():
    rows = np.array([[1, 2, 3, 4, 5, 6, 7, math.nan, math.nan, math.nan], [0, 0, 0, 0, 0, 0, 0, 0, 0, 9]])
    assert classify(rows).tolist() == ["too_short", "too_short"]
