"""How the command line's text output writes money and counts: grouped by thousands, as the tables print them."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from ui.cli.accounts import fmt_money
from ui.cli.dashboard import grouped


@pytest.mark.parametrize(("amount", "text"), [
    ("1234.5", "1,234.50"), ("0", "0.00"), ("-1234567.125", "-1,234,567.125"), ("100", "100.00"),
    ("1E+3", "1,000.00"), (D("999.99"), "999.99"),
])
def test_an_account_amount_has_two_places_at_least_and_its_thousands_grouped(amount, text):
    assert fmt_money(amount) == text


@pytest.mark.parametrize(("figure", "text"), [
    ("1549796.48", "1,549,796.48"), (46822, "46,822"), ("0.00", "0.00"), (None, "-"), ("-2000.10", "-2,000.10"),
])
def test_a_dashboard_figure_keeps_its_digits_and_groups_its_thousands(figure, text):
    assert grouped(figure) == text


def test_reorders_need_before_the_fill_rate_gross_up_is_written_to_one_decimal_as_the_levels_beside_it():
    from ui.cli.plan import _fill_note

    note = _fill_note({"supplier_fill_rate": D("0.943"), "order_need": D("18.3713"), "fill_factor": D("1.0604"),
                       "supplier": "S09", "fill_lines": 5})
    assert note == "  (need 18.4 × 1.06: S09 delivered 94.3% of what was ordered on 5 lines)"
