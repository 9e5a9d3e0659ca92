from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog.packs import PriceBreak
from domain.catalog.packs import packs
from domain.catalog.packs import price_for
from domain.catalog.packs import round_order_qty
from domain.catalog.packs import step_of
from domain.kernel.errors import BadInput

D = Decimal


def test_an_order_multiple_of_a_tenth_keeps_five_point_one():
    result = round_order_qty(D("5.1"), multiple=D("0.1"))
    assert result.qty == D("5.1")
    assert result.reason == ""


def test_a_quantity_between_tenths_goes_up_to_the_next_tenth_exactly():
    result = round_order_qty(D("5.15"), multiple=D("0.1"))
    assert result.qty == D("5.2")
    assert "order multiple 0.1" in result.reason


@pytest.mark.parametrize(("requested", "multiple", "expected"), [
    ("0.3", "0.1", "0.3"), ("0.7", "0.1", "0.7"), ("1.1", "0.1", "1.1"), ("2.01", "0.01", "2.01"),
    ("4.35", "0.05", "4.35"), ("10", "3", "12"), ("9", "3", "9"), ("0.0001", "0.25", "0.25"),
])
def test_multiples_are_exact_where_binary_floats_are_not(requested, multiple, expected):
    assert round_order_qty(D(requested), multiple=D(multiple)).qty == D(expected)


def test_the_minimum_order_quantity_raises_a_small_order_and_says_so():
    result = round_order_qty(D("3"), moq=D("10"), multiple=D("5"))
    assert result.qty == D("10")
    assert result.reason == "3 raised to 10 (minimum order quantity 10)"


def test_a_minimum_order_quantity_off_the_multiple_is_rounded_up_to_the_multiple():
    assert round_order_qty(D("1"), moq=D("7"), multiple=D("5")).qty == D("10")


def test_packs_and_multiples_together_order_in_their_least_common_multiple():
    assert step_of(D("4"), D("6")) == D("12")
    assert step_of(D("0.4"), D("0.6")) == D("1.2")
    result = round_order_qty(D("7"), multiple=D("4"), pack_size=D("6"))
    assert result.qty == D("12")
    assert "packs of 6" in result.reason


def test_whole_packs_are_ordered_when_the_supplier_sells_packs():
    assert round_order_qty(D("13"), pack_size=D("12")).qty == D("24")
    assert round_order_qty(D("24"), pack_size=D("12")).qty == D("24")


def test_a_pack_size_of_one_does_not_force_whole_units():
    assert round_order_qty(D("5.1"), multiple=D("0.1"), pack_size=D("1")).qty == D("5.1")


def test_a_zero_multiple_is_refused_with_the_field_named():
    with pytest.raises(BadInput, match="order multiple"):
        round_order_qty(D("5"), multiple=D("0"))


def test_packs_converts_stock_units_to_supplier_packs():
    assert packs(D("36"), D("12")) == D("3")
    assert packs(D("6"), D("12")) == D("0.5")
    assert packs(D("5.1"), D("1")) == D("5.1")


def test_the_largest_price_break_not_above_the_quantity_applies():
    breaks = [PriceBreak(D("100"), D("9.00")), PriceBreak(D("50"), D("9.50"))]
    assert price_for(D("10"), D("10.00"), breaks) == D("10.00")
    assert price_for(D("50"), D("10.00"), breaks) == D("9.50")
    assert price_for(D("99.9"), D("10.00"), breaks) == D("9.50")
    assert price_for(D("250"), D("10.00"), breaks) == D("9.00")
