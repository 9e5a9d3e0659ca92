"""Typed quantities, prices and rates, fuzzed: a parser either refuses with a code naming the field, or accepts a
number that is exactly what the text shows, and what it stores types back in as the same number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.kernel.numbers import read_number

FAST = settings(max_examples=300, derandomize=True, deadline=None)

# Text a clerk, a paste or a file may hold where a number belongs: digits of every kind Unicode has (full-width,
# superscript, circled, Arabic-Indic, Devanagari), separators, signs, exponents, Python's underscore, spaces.
number_like = st.text(alphabet="0123456789.,+-eE_ %１２３．，－\u3000\xa0²³¹⁰①⑫٣١٢१२𝟏x", max_size=16)
any_text = st.one_of(number_like, st.text(max_size=12))
FULL_WIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789.,+-"}


def shown(text: str) -> str:
    """What the text says, read by a person: full-width forms as their ASCII ones, nothing else translated."""
    return text.translate({v: k for k, v in FULL_WIDTH.items()} | {0x3000: 0x20}).strip()


@FAST
@given(any_text)
@example("1²")  # read as 12 (NFKC) before the fix
@example("5³")  # read as 53
@example("⑫")  # read as 12
@example("٣")  # Decimal reads any script's digits
@example("1_000")  # Decimal reads Python's underscores
def test_a_number_is_read_only_from_what_the_text_shows(text):
    try:
        value = D(text)
    except ValueError:
        return
    plain = shown(text).replace(",", "")
    assert plain.isascii() and "_" not in plain, f"{text!r} read as {value}"
    assert value == Decimal(plain)


@FAST
@given(any_text, st.sampled_from(["quantity", "money", "number"]))
@example("1²", "quantity")
def test_a_typed_field_refuses_with_a_code_naming_the_field_or_accepts_what_it_keeps(text, check):
    field = "Qty"
    try:
        if check == "quantity":
            value = v.quantity(field, text)
        elif check == "money":
            value = v.money(field, text)
        else:
            value = v.number(field, text, max_places=6)
    except BadInput as refused:
        assert refused.field == field and refused.code
        return
    assert value.is_finite()
    assert D(fmt(value)) == value  # what is kept types back in as itself
    assert value == Decimal(shown(text).replace(",", ""))


quantities = st.builds(lambda n, f, p: (Decimal(n) + Decimal(f % 10**p).scaleb(-p)) if p else Decimal(n),
                       st.integers(0, 10**11), st.integers(0, 10**4), st.integers(0, 4))


@FAST
@given(quantities)
def test_a_quantity_round_trips_exactly_in_every_way_it_may_be_typed(value):
    plain = format(value, "f")
    for written in (plain, f"{value:,f}", plain.translate(FULL_WIDTH), f"+{plain}", f"  {plain}\u3000"):
        if value == 0:
            assert v.quantity("Qty", written, allow_zero=True) == value
        else:
            assert v.quantity("Qty", written) == value, written
    european = f"{value:,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    assert read_number(european, "european") == value


@pytest.mark.parametrize("text", ["1²", "⑫", "٣", "1_000", "１_０"])
def test_digits_that_are_not_what_the_text_shows_are_refused_in_the_european_format_too(text):
    with pytest.raises(ValueError):
        read_number(text, "european")


def _parsers():
    from domain.accounts.ageing import parse_bounds
    from domain.catalog.master import parse_lead_time
    from domain.planning.ordering import parse_holding_rate
    from domain.planning.ordering import parse_order_cost
    from domain.planning.product import parse_review_days
    from domain.planning.product import parse_service_target
    from domain.planning.service import parse_overall
    from domain.planning.settings import parse_days
    from domain.reports.ageing import parse_bands
    from domain.sales.price_master import parse_credit_limit
    from domain.sales.price_master import parse_payment_days
    from domain.sales.price_master import parse_percent
    from domain.sales.price_master import parse_price

    return {
        "bands (accounts)": parse_bounds, "bands (report)": parse_bands,
        "lead time": lambda t: parse_lead_time("lt", t),
        "holding rate": parse_holding_rate, "order cost": parse_order_cost, "review days": parse_review_days,
        "service target": parse_service_target, "overall": parse_overall,
        "dashboard days": lambda t: parse_days("days", t, 7), "credit limit": parse_credit_limit,
        "payment days": parse_payment_days, "percent": lambda t: parse_percent("pct", t),
        "price": lambda t: parse_price("price", t),
    }


PARSERS = _parsers()
WITHOUT_CODE: set[str] = set()  # every typed setting's refusal has a code (the report's --bands too, now)


@pytest.mark.parametrize("name", sorted(PARSERS))
@FAST
@given(text=any_text)
@example(text="30/6²")  # parse_bounds and parse_review_days took ² for a digit (str.isdigit) and crashed in int()
@example(text="1²")
@example(text="1_0")  # int(), float() and Decimal() read Python's underscores: 10
@example(text="٩٧")  # and any script's digits: 97
def test_every_typed_setting_refuses_with_a_code_naming_its_field_or_takes_only_what_the_text_shows(name, text):
    try:
        PARSERS[name](text)
    except BadInput as refused:
        assert refused.field and (refused.code or name in WITHOUT_CODE)
        return
    kept = shown(text)
    assert kept.isascii() and "_" not in kept, f"{name} took {text!r}"
