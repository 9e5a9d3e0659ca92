"""A unit price as every screen, document and workbook shows it: at least the money's places, more only where the
price carries more (``fmt_price``), and the Excel format that shows it so (``price_format``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.kernel.numbers import price_format


@pytest.mark.parametrize(("value", "shown", "excel"), [
    ("12.5", "12.50", "#,##0.00"),  # fmt printed 12.5
    ("12.50000000", "12.50", "#,##0.00"),  # as stored, at the cost places
    ("12", "12.00", "#,##0.00"),
    ("0.125", "0.125", "#,##0.000"),  # never rounded to the cent
    ("3.45670000", "3.4567", "#,##0.0000"),
    ("9.99538462", "9.99538462", "#,##0.00000000"),
    ("1200", "1,200.00", "#,##0.00"),
    ("1E+3", "1,000.00", "#,##0.00"),
    ("-3", "-3.00", "#,##0.00"),
    ("0", "0.00", "#,##0.00"),
])
def test_a_price_shows_at_least_two_places_and_more_only_where_it_carries_more(value, shown, excel):
    assert fmt_price(Decimal(value)) == shown
    assert price_format(Decimal(value)) == excel
    assert Decimal(shown.replace(",", "")) == Decimal(value)  # exact: nothing is rounded away


def test_a_currency_without_cents_shows_its_prices_without_them():
    assert fmt_price(Decimal("1200"), places=0) == "1,200"
    assert fmt_price(Decimal("12.5"), places=0) == "12.5"
    assert price_format(Decimal("1200"), places=0) == "#,##0"


def test_quantities_and_typed_back_text_keep_fmt():
    assert fmt(Decimal("12.50")) == "12.5"
