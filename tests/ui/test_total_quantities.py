"""A quantity summed over many lines is written as the amounts beside it are, in groups of three (the dashboard's lost
sales said "9776 units" under "244,551.10"); a table's own cells keep the plain text a clerk types back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ui.models.table import qty_text
from ui.models.table import total_qty_text


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("9776.000"), "9,776"),
    (Decimal("1250.500"), "1,250.5"),
    (Decimal("1000000"), "1,000,000"),
    (Decimal("12.25"), "12.25"),
    (Decimal("0.000"), "0"),
    (Decimal("-0"), "0"),
    (Decimal("-1500"), "-1,500"),
    (Decimal("1E+3"), "1,000"),
])
def test_a_total_quantity_is_grouped_in_thousands_without_trailing_zeros(value, text):
    assert total_qty_text(value) == text


def test_nothing_is_written_for_no_quantity_and_table_cells_stay_plain():
    assert total_qty_text(None) == ""
    assert qty_text(Decimal("9776.000")) == "9776"
