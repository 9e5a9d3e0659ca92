"""The quantities a clerk types beside the lines a return can take back (``returns.chosen_lines``): blank or 0 leaves
a line, and more than a line can return is refused naming the line, the product and the most it takes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.purchasing.returns import ReturnableReceiptLine
from domain.purchasing.returns import ReturnLine
from domain.purchasing.returns import chosen_lines

D = Decimal
LINES = [ReturnableReceiptLine("A-1", "Bolt", "pcs", D(40), D(0)),
         ReturnableReceiptLine("B-2", "Nut", "pcs", D(10), D(6))]


def test_blank_and_zero_leave_a_line_and_the_others_go_back():
    assert chosen_lines(LINES, ["2", ""]) == (ReturnLine("A-1", D(2)),)
    assert chosen_lines(LINES, ["0", " 4 "]) == (ReturnLine("B-2", D(4)),)
    assert chosen_lines(LINES, ["", ""]) == ()


def test_more_than_a_line_can_return_is_refused_naming_the_line_the_product_and_the_most():
    with pytest.raises(BadInput) as exc:
        chosen_lines(LINES, ["2", "5"])
    assert (exc.value.field, exc.value.code, exc.value.values) == ("quantity of line 2", "over_returnable",
                                                                   ("5", "B-2", "4"))
    assert str(exc.value) == "quantity of line 2: 5 of B-2 is more than can go back; enter at most 4"


@pytest.mark.parametrize(("typed", "code"), [("x", "not_a_number"), ("-1", "negative")])
def test_a_quantity_that_is_not_one_is_refused_on_its_line(typed, code):
    with pytest.raises(BadInput) as exc:
        chosen_lines(LINES, [typed, ""])
    assert (exc.value.field, exc.value.code) == ("quantity of line 1", code)
