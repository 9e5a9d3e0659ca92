"""Search-as-you-type finds a code whatever form it is typed in: full-width, Unicode dashes, zero-width, case."""

from __future__ import annotations

import pytest

from ui.search import needle
from ui.search import search_key
from ui.search import search_keys


@pytest.mark.parametrize("typed", ["sd-6", "ＳＤ－６", "SD\u20106", "SD-6\u200b", "ｓｄ"])
def test_a_sku_is_found_however_it_is_typed(typed):
    assert needle(typed) in search_key("SD-6", "十字螺丝刀", chinese="十字螺丝刀")


def test_a_stored_full_width_name_is_found_by_its_plain_form():
    key, = search_keys([("X-1", "ＡＢＣ 扳手")], lambda r: r, lambda r: r[1])
    assert needle("abc") in key
