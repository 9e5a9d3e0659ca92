"""Amounts in Chinese capitals (大写金额): hand-checked cases, the refusals, and a round trip through a parser."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.kernel.capitals import capitals
from domain.kernel.errors import BadInput

D = Decimal


@pytest.mark.parametrize(("amount", "words"), [
    # the brief's and the central bank rules' examples
    ("1504.70", "壹仟伍佰零肆元柒角整"), ("1504.07", "壹仟伍佰零肆元零柒分"), ("100000", "壹拾万元整"),
    ("0", "零元整"), ("10.5", "壹拾元伍角整"), ("100100", "壹拾万零壹佰元整"), ("100000001", "壹亿零壹元整"),
    ("1409.50", "壹仟肆佰零玖元伍角整"), ("6007.14", "陆仟零柒元壹角肆分"), ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("107000.53", "壹拾万零柒仟元伍角叁分"), ("16409.02", "壹万陆仟肆佰零玖元零贰分"), ("325.04", "叁佰贰拾伍元零肆分"),
    ("206000.75", "贰拾万零陆仟元柒角伍分"), ("1000.00", "壹仟元整"), ("50000", "伍万元整"),
    ("65001.05", "陆万伍仟零壹元零伍分"), ("1999999999", "壹拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整"),
    ("101010101011.01", "壹仟零壹拾亿零壹仟零壹拾万零壹仟零壹拾壹元零壹分"),  # the 零 the rules allow, kept
    # 壹拾 at the start and in the middle
    ("10", "壹拾元整"), ("11", "壹拾壹元整"), ("110", "壹佰壹拾元整"), ("19.9", "壹拾玖元玖角整"),
    ("100000000010", "壹仟亿零壹拾元整"),
    # a zero run across a 万 or 亿 group, and groups of zeros dropping their unit
    ("10001", "壹万零壹元整"), ("100010", "壹拾万零壹拾元整"), ("1001000", "壹佰万零壹仟元整"),
    ("10010000", "壹仟零壹万元整"), ("100010000", "壹亿零壹万元整"), ("110000000", "壹亿壹仟万元整"),
    ("1000010000", "壹拾亿零壹万元整"), ("100001000", "壹亿零壹仟元整"), ("200000000", "贰亿元整"),
    ("10000000000", "壹佰亿元整"), ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("1", "壹元整"), ("2.2", "贰元贰角整"), ("1.01", "壹元零壹分"), ("1.11", "壹元壹角壹分"), ("20.2", "贰拾元贰角整"),
    # less than a yuan: no 元
    ("0.5", "伍角整"), ("0.50", "伍角整"), ("0.05", "伍分"), ("0.55", "伍角伍分"), ("0.01", "壹分"),
    # negatives, trailing zeros of any length, ints
    ("-5", "负伍元整"), ("-0.05", "负伍分"), ("-1504.70", "负壹仟伍佰零肆元柒角整"), ("12.3000", "壹拾贰元叁角整"),
    ("-0.00", "零元整"), ("1E+3", "壹仟元整"),
])
def test_an_amount_in_capitals_follows_the_rules_for_zeros_ten_and_whole(amount, words):
    assert capitals(D(amount)) == words


def test_an_int_is_an_exact_amount_too():
    assert capitals(1504) == "壹仟伍佰零肆元整"


@pytest.mark.parametrize("amount", [D("1.005"), D("0.001"), D("-3.141")])
def test_more_than_two_decimals_are_refused_with_how_to_round_them(amount):
    with pytest.raises(BadInput, match="more than two decimals; round it to the cent first") as caught:
        capitals(amount)
    assert caught.value.field == "amount"


@pytest.mark.parametrize("amount", [D(10) ** 12, D("1000000000000.00"), -D(10) ** 12, D("5E+15")])
def test_one_wan_yi_and_more_is_refused_naming_the_limit(amount):
    with pytest.raises(BadInput, match="too large to write in capitals: amounts below 1 万亿"):
        capitals(amount)


@pytest.mark.parametrize("amount", [1.5, "12", None, True, D("NaN"), D("Infinity")])
def test_anything_but_an_exact_finite_amount_is_refused(amount):
    with pytest.raises(BadInput, match="amount"):
        capitals(amount)


# A reader of capitals written for the test alone: it knows the digits and units, not the rules for zeros.
NUMERALS = {ch: i for i, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def parse(words: str) -> Decimal:
    sign = -1 if words.startswith("负") else 1
    words = words.removeprefix("负").removesuffix("整")
    whole, _, cents_text = words.rpartition("元") if "元" in words else ("", "", words)
    total = 0
    below_yi = 0  # what stands after the last 亿
    group = 0  # what stands after the last 万 or 亿
    digit = 0
    for ch in whole:
        if ch in NUMERALS:
            digit = NUMERALS[ch]
        elif ch in SMALL:
            assert digit, f"{ch} without a digit before it in {words}"
            group += digit * SMALL[ch]
            digit = 0
        elif ch == "万":
            below_yi += (group + digit) * 10_000
            group = digit = 0
        elif ch == "亿":
            total += (below_yi + group + digit) * 100_000_000
            below_yi = group = digit = 0
        else:
            raise AssertionError(f"unexpected {ch} in {words}")
    total += below_yi + group + digit
    cents = 0
    digit = 0
    for ch in cents_text:
        if ch in NUMERALS:
            digit = NUMERALS[ch]
        elif ch == "角":
            cents += digit * 10
        elif ch == "分":
            cents += digit
        else:
            raise AssertionError(f"unexpected {ch} in {words}")
    return sign * (Decimal(total) + Decimal(cents) / 100)


amounts = st.decimals(min_value=D("-999999999999.99"), max_value=D("999999999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)
small_and_sparse = st.builds(lambda digits: D("".join(digits)) / 100,
                             st.lists(st.sampled_from("0000001"), min_size=1, max_size=14))


@given(st.one_of(amounts, small_and_sparse))
def test_capitals_read_back_as_the_amount_and_keep_the_rules(amount):
    words = capitals(amount)
    assert parse(words) == amount
    assert "零零" not in words
    for unit in "元万亿角分整":
        assert f"零{unit}" not in words or words == "零元整"
    assert words.endswith("分") != words.endswith("整")
    assert words.endswith("整") == (amount * 100 % 10 == 0)
    for i, ch in enumerate(words):
        if ch in "拾佰仟角分":
            assert words[i - 1] in "壹贰叁肆伍陆柒捌玖", words  # 壹拾, never a bare 拾
