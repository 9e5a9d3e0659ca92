"""A lead time is whole days: a bad one is answered in whole days, not with "enter digits such as 2.50"."""

from __future__ import annotations

import pytest

from domain.catalog.master import parse_lead_time
from domain.kernel.errors import BadInput


@pytest.mark.parametrize("typed", ["abc", "7.5", "两周"])
def test_a_lead_time_that_is_not_whole_days_asks_for_whole_days(typed):
    with pytest.raises(BadInput) as caught:
        parse_lead_time("lead time", typed)
    assert str(caught.value) == f"lead time: {typed!r} is not a number of whole days; enter whole days such as 7 or 21"
    assert "2.50" not in str(caught.value) and caught.value.code == "lead_time_not_days"


def test_a_missing_lead_time_asks_for_whole_days():
    with pytest.raises(BadInput, match="is required; enter whole days such as 7 or 21"):
        parse_lead_time("lead time", " ")


def test_whole_days_and_the_range_are_as_before():
    assert parse_lead_time("lead time", "21") == 21
    with pytest.raises(BadInput, match="out of range"):
        parse_lead_time("lead time", "4000")

