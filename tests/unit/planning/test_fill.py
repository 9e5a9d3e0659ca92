"""Grossing an order up by the supplier's quantity fill rate (``domain.planning.fill``): only with enough history,
only below 98 %, at most × 1.5."""

from __future__ import annotations

from decimal import Decimal

from domain.planning.fill import SupplierFill
from domain.planning.fill import adjustment
from domain.planning.fill import enabled
from domain.planning.fill import grossed_up

D = Decimal


def fill(lines: int, orders: int, ordered: str, filled: str) -> SupplierFill:
    return SupplierFill("s", lines, orders, D(ordered), D(filled))


def test_a_supplier_filling_80_percent_over_enough_lines_and_orders_grows_an_order_by_a_quarter():
    a = adjustment(fill(5, 3, "500", "400"))
    assert (a.rate, a.factor, a.capped) == (D("0.8"), D("1.25"), False)
    assert grossed_up(D(40), a.factor) == 50
    assert grossed_up(D("0.0001"), a.factor) == D("0.0002")  # rounded up to the quantity grid
    assert grossed_up(D(40), None) == 40


def test_too_little_history_or_a_nearly_full_fill_changes_nothing():
    assert adjustment(None) is None
    assert adjustment(fill(4, 3, "400", "200")) is None  # four lines
    assert adjustment(fill(9, 2, "900", "450")) is None  # two orders
    assert adjustment(fill(5, 3, "0", "0")) is None  # nothing ordered
    assert adjustment(fill(50, 10, "1000", "980")) is None  # 98 %
    assert adjustment(fill(50, 10, "1000", "979")).factor > 1


def test_the_growth_is_capped_at_half_as_much_again():
    a = adjustment(fill(5, 5, "600", "200"))
    assert (a.factor, a.capped) == (D("1.5"), True)
    assert adjustment(fill(5, 5, "600", "0")).factor == D("1.5")


def test_the_setting_is_on_unless_it_says_off():
    assert enabled(None) and enabled("on") and enabled("") and not enabled("off") and not enabled(" OFF ")
