"""A supplier's currency as typed, in a file or on screen: what this desk accepts, the hub accepts too (the sync checks
every record it pushes as it checks what it pulls), so no supplier is kept aside by every other desk."""

from __future__ import annotations

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.catalog.master import parse_currency
from domain.kernel.errors import BadInput
from domain.kernel.validate import normal_code
from persistence.sync.checks import Refused
from persistence.sync.checks import _rules


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.one_of(st.text(max_size=5), st.text(alphabet="cnyUSDｃｎｙ人民币ÄÖÜéß \u200b", max_size=4)))
@example("人民币")  # three letters to str.isalpha(), accepted here and refused by the hub
@example("ÄÖÜ")
@example("aß")  # accepted as ASS: str.upper() made three letters of two
def test_a_currency_accepted_here_is_one_the_hub_accepts(text):
    try:
        code = parse_currency(text)
    except BadInput as refused:
        assert refused.field == "currency" and refused.code
        return
    assert code == (normal_code(text).upper() if text else "CNY"), f"{text!r} kept as {code!r}"
    try:
        _rules("suppliers", {"code": "S-1", "name": "Supplier", "currency": code, "lead_time_days": 7})
    except Refused as held:
        raise AssertionError(f"{text!r} was accepted as {code!r}, which the hub refuses: {held}") from None
