"""The exchange-rate rule: the rate of a date, which rate values a PO receipt, sums per currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.purchasing.exchange import DATED
from domain.purchasing.exchange import FIXED
from domain.purchasing.exchange import ExchangeRate
from domain.purchasing.exchange import foreign_currency
from domain.purchasing.exchange import rate_for_po
from domain.purchasing.exchange import rate_on
from domain.purchasing.exchange import rate_value
from domain.purchasing.exchange import totals_by_currency
from domain.purchasing.exchange import totals_text

D = Decimal
RATES = [ExchangeRate("USD", date(2026, 12, 3), D("7.2")), ExchangeRate("EUR", date(2026, 12, 2), D("7.9")),
         ExchangeRate("USD", date(2026, 12, 1), D("7.1234"))]


def test_the_rate_of_a_date_is_the_latest_rate_on_or_before_it():
    assert rate_on(RATES, "USD", date(2026, 12, 1)).rate == D("7.1234")
    assert rate_on(RATES, "USD", date(2026, 12, 2)).rate == D("7.1234")
    assert rate_on(RATES, "USD", date(2026, 12, 3)).rate == D("7.2")
    assert rate_on(RATES, "USD", date(2027, 6, 30)).rate == D("7.2")


def test_there_is_no_rate_before_the_first_one_nor_for_another_currency():
    assert rate_on(RATES, "USD", date(2026, 11, 30)) is None
    assert rate_on(RATES, "JPY", date(2026, 12, 31)) is None


def test_a_po_in_the_company_currency_is_not_converted():
    assert rate_for_po("CNY", "CNY", D("7"), RATES[0]) is None


def test_a_fixed_rate_on_the_po_wins_over_the_rate_of_the_day():
    applied = rate_for_po("USD", "CNY", D("7"), RATES[0])
    assert (applied.rate, applied.source) == (D("7"), FIXED)
    assert applied.text() == "1 USD = 7 CNY, fixed on this PO"


def test_without_a_fixed_rate_the_rate_of_the_day_values_the_receipt():
    applied = rate_for_po("USD", "CNY", None, rate_on(RATES, "USD", date(2026, 12, 2)))
    assert (applied.rate, applied.source, applied.valid_from) == (D("7.1234"), DATED, date(2026, 12, 1))
    assert applied.text() == "1 USD = 7.1234 CNY, rate of 2026-12-01"
    assert applied.convert(D("10.00")) == D("71.234")
    assert applied.convert(D("0.333")) == D("2.3720922")  # exact to 8 decimals, half up


def test_a_foreign_po_without_any_rate_gets_none():
    assert rate_for_po("USD", "CNY", None, None) is None


@pytest.mark.parametrize("text", ["0", "-1", "abc", "", "1.123456789", "10000000000"])
def test_a_rate_must_be_a_number_above_zero_with_at_most_8_decimals(text):
    with pytest.raises(BadInput) as err:
        rate_value(text)
    assert err.value.field == "rate"


def test_a_rate_keeps_its_exact_decimal_value():
    assert rate_value("0.00028123") == D("0.00028123")


def test_the_company_currency_and_unknown_codes_take_no_rate():
    assert foreign_currency("usd", "CNY") == "USD"
    for code in ("CNY", "XXX", "US"):
        with pytest.raises(BadInput):
            foreign_currency(code, "CNY")


def test_totals_are_summed_per_currency_never_across():
    totals = totals_by_currency([("CNY", D("100")), ("USD", D("10.5")), ("CNY", D("20"))])
    assert totals == {"CNY": D("120"), "USD": D("10.5")}
    assert totals_text(totals) == "120 CNY + 10.5 USD"

