"""The European number format of an import (``1.234,5``): read exactly, or refused, never guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.kernel.numbers import AmbiguousNumber
from domain.kernel.numbers import NotInFormat
from domain.kernel.numbers import NumberFormat
from domain.kernel.numbers import plain_number
from domain.kernel.numbers import read_number


@pytest.mark.parametrize(("text", "number"), [
    ("1.234,5", "1234.5"), ("1,5", "1.5"), ("1.234", "1234"), ("1.234.567,89", "1234567.89"), ("-1,5", "-1.5"),
    ("+2", "2"), ("12", "12"), ("2,50", "2.50"), ("0,0001", "0.0001"), (" 4,20 ", "4.20"), ("１．２３４，５", "1234.5"),
    ("1.234,", "1234"),
])
def test_the_european_format_reads_a_decimal_comma_and_points_between_thousands(text, number):
    assert read_number(text, NumberFormat.EUROPEAN) == Decimal(number)
    assert read_number(text, "european") == Decimal(number)


@pytest.mark.parametrize("text", ["1.23,4", "1.5", "1234.5", "1,234,5", "1.2345", "1.234.5", "1,234.5", ".5"])
def test_a_point_out_of_its_thousands_place_or_a_second_comma_is_refused_in_the_european_format(text):
    with pytest.raises(NotInFormat, match="not a number in the European format") as caught:
        read_number(text, NumberFormat.EUROPEAN)
    assert caught.value.text == text.strip()


def test_the_same_text_means_what_its_format_says():
    assert read_number("1,234") == Decimal("1234")
    assert read_number("1,234", NumberFormat.EUROPEAN) == Decimal("1.234")
    assert read_number("1.234") == Decimal("1.234")
    assert read_number("1.234", NumberFormat.EUROPEAN) == Decimal("1234")
    with pytest.raises(AmbiguousNumber):
        read_number("2,5")


def test_the_default_format_leaves_the_text_to_the_one_reader_and_text_without_separators_is_not_touched():
    assert plain_number("1,234.5") == "1,234.5"
    assert plain_number("12", NumberFormat.EUROPEAN) == "12"
    with pytest.raises(ValueError, match="not a number"):
        read_number("zwölf", NumberFormat.EUROPEAN)
