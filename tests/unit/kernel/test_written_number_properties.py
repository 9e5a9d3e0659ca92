"""Numbers and dates from outside, fuzzed: what a program wrote down (the hub's records, a held document's lines, a
kept setting) is read by ``written_number`` only as ``str(Decimal)`` writes it; a whole number or a day typed (the
command line's options, an import's date column) only from the ASCII (or full-width) digits it shows.

Python's own readers take more: ``Decimal("1_0")`` and ``int("1_0")`` are 10, ``Decimal(" 1")`` is 1, ``int("١٢")``
is 12, ``float("nan")`` a number, ``date.fromisoformat("2026-W09-7")`` a day."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.imports.cells import parse_date
from domain.kernel.errors import BadInput
from domain.kernel.numbers import whole_number
from domain.kernel.numbers import written_number
from domain.kernel.validate import iso_day
from domain.kernel.validate import iso_moment
from domain.stock.held import HeldLine
from domain.stock.held import lines_from_json
from domain.stock.held import lines_json

FAST = settings(max_examples=300, derandomize=True, deadline=None)

# What may stand where a number or a date belongs, from a hostile writer: digits of other scripts and widths, Python's
# underscore, spaces around, signs (Unicode minus too), exponents, NaN and Infinity, separators.
hostile = st.text(alphabet="0123456789.-+eE_ ,\t\nNaIfinty１２－．٣२𝟐²⑫\u2212\u3000W:T", max_size=14)
WRITTEN = re.compile(r"-?[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?")
HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}  # full-width forms as a person reads them


@FAST
@given(hostile)
@example("1_0")  # Decimal() read it as 10: the hub's pack size of 1_0 was applied as 10
@example(" 1")
@example("１２")
@example("٣")
@example("NaN")
@example("Infinity")
@example("-0")
@example("1e999")
@example("\u22125")
def test_a_written_number_is_read_only_as_str_of_a_decimal_writes_it(text):
    try:
        value = written_number(text)
    except ValueError:
        assert not WRITTEN.fullmatch(text) or len(text) > 80
        return
    assert WRITTEN.fullmatch(text), f"{text!r} read as {value}"
    assert value.is_finite() and value == Decimal(text)


@FAST
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=8))
def test_every_number_a_desk_writes_reads_back_as_itself(value):
    assert written_number(str(value)) == value
    assert written_number(str(value.normalize())) == value  # as the hub's records carry it (1E+3)


@pytest.mark.parametrize("value", [True, 1.5, None, Decimal("NaN"), [1], {"n": 1}])
def test_anything_but_text_or_a_whole_number_is_not_a_written_number(value):
    with pytest.raises(ValueError):
        written_number(value)


@FAST
@given(hostile)
@example("1_0")  # int() read it as 10
@example("١٠")  # int() read it as 10
@example("１０")
@example("1e3")
@example("10.0")
def test_a_whole_number_typed_is_read_from_its_ascii_or_full_width_digits_only(text):
    try:
        value = whole_number(text)
    except ValueError:
        return
    plain = text.translate(HALF).strip()
    assert re.fullmatch(r"[+-]?[0-9]+", plain), f"{text!r} read as {value}"
    assert value == int(plain)


@FAST
@given(hostile)
@example("2026-W09-7")  # date.fromisoformat: the week date, a day no one typed
@example("20260301")
@example("2026-03-01T09:30")
def test_a_day_typed_on_the_command_line_is_yyyy_mm_dd_and_nothing_else(text):
    try:
        day = iso_day(text)
    except ValueError:
        return
    plain = text.translate(HALF).strip()
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", plain), f"{text!r} read as {day}"
    assert day == date.fromisoformat(plain)


@pytest.mark.parametrize("text", ["2026-W09-7", "20260301T0930", "2026-03-01T25:00", "١٢٣٤-٠١-٠١T09:30", "2026-03-01x"])
def test_a_moment_typed_on_the_command_line_refuses_what_it_does_not_show(text):
    with pytest.raises(ValueError):
        iso_moment(text)


@FAST
@given(st.text(alphabet="0123456789-/.年月日 ١٢٣٤٠𝟐𝟎２０", max_size=12))
@example("١٢٣٤-٠١-٠١")  # read as 1234-01-01 before
@example("𝟐𝟎𝟐𝟔-01-01")  # read as 2026-01-01 before
@example("２０２６年３月１日")  # a full-width date is the date it shows
def test_an_imported_date_is_read_from_ascii_or_full_width_digits_only(text):
    try:
        day = parse_date("date", text)
    except BadInput:
        return
    digits = [c for c in text if c.isdigit()]
    assert all(c in "0123456789" or "０" <= c <= "９" for c in digits), f"{text!r} read as {day}"


def test_a_held_line_whose_number_no_desk_wrote_is_dropped_not_read_as_another():
    lines = (HeldLine("p-1", "A-1", "Widget", "pcs", qty=Decimal(10)), HeldLine("p-2", "B-2", "Bolt", "pcs",
                                                                                 qty=Decimal("2.5")))
    items = json.loads(lines_json(lines))
    assert lines_from_json(json.dumps(items)) == lines
    for damaged in ("1_0", " 10", "１０", "NaN", "Infinity", "1e1"):
        items[0]["qty"] = damaged
        assert [x.sku for x in lines_from_json(json.dumps(items))] == ["B-2"], damaged
