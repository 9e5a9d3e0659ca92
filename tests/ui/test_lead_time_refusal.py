"""The Suppliers screen says a bad lead time in Chinese as whole days too."""

from __future__ import annotations

import pytest

from domain.catalog.master import parse_lead_time
from domain.kernel.errors import BadInput


def test_a_lead_time_that_is_not_whole_days_is_said_in_chinese(chinese):
    from ui.refusals import refusal_text

    with pytest.raises(BadInput) as caught:
        parse_lead_time("lead time", "7.5")
    assert "'7.5' 不是整天数，请输入整天数，如 7 或 21" in refusal_text(caught.value)
