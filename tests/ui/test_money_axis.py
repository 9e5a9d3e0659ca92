"""The value axis of the money charts writes amounts with separators, never as exponents."""

from __future__ import annotations

import pytest

from ui.widgets.money_axis import MoneyAxis
from ui.widgets.money_axis import tick_text


@pytest.mark.parametrize(("value", "spacing", "text"), [
    (1_500_000, 500_000, "1,500,000"), (0, 500_000, "0"), (-2500, 500, "-2,500"), (0.25, 0.05, "0.25"),
    (12.5, 0.5, "12.5"), (-0.0, 1, "0")])
def test_a_tick_is_written_with_separators_and_the_decimals_its_spacing_needs(value, spacing, text):
    assert tick_text(value, spacing) == text


def test_the_axis_never_falls_back_to_an_exponent_or_a_prefix(qtbot):
    axis = MoneyAxis("left")
    assert axis.tickStrings([0.0, 500_000.0, 1_000_000.0, 1_500_000.0], 1.0, 500_000.0) == [
        "0", "500,000", "1,000,000", "1,500,000"]
    assert axis.autoSIPrefix is False
