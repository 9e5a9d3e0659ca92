"""Each moving-average rule of issue 2, with numbers computed by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.kernel.numbers import places_of
from domain.stock.model import Position
from domain.stock.valuation import apply


def P(on_hand: str, value: str, avg: str) -> Position:
    return Position(Decimal(on_hand), Decimal(value), Decimal(avg))


def D(text: str) -> Decimal:
    return Decimal(text)


def test_a_receipt_into_positive_stock_moves_the_average():
    # 10 @ 2.00 = 20.00; + 5 @ 3.10 = 15.50 → 35.50 / 15 = 2.366666666… → 2.36666667
    v = apply(P("10", "20.00", "2"), D("5"), unit_cost=D("3.10"))
    assert v.value == D("15.50")
    assert v.after == P("15", "35.50", "2.36666667")


def test_a_receipt_into_zero_stock_sets_the_average_to_the_receipt_cost():
    v = apply(P("0", "0", "7.00"), D("4"), unit_cost=D("2.50"))
    assert v.value == D("10.00")
    assert v.after == P("4", "10.00", "2.50")


def test_a_receipt_into_negative_stock_revalues_the_units_issued_while_short():
    # 3 units were shipped short at 2.00 (value -6.00); 5 arrive at 2.50. After: 2 × 2.50 = 5.00.
    # The receipt moves 5.00 - (-6.00) = 11.00: 12.50 for the goods less 1.50 of revaluation (3 × 0.50).
    v = apply(P("-3", "-6.00", "2.00"), D("5"), unit_cost=D("2.50"))
    assert v.value == D("11.00")
    assert v.after == P("2", "5.00", "2.50")


def test_a_receipt_that_leaves_stock_still_negative_values_it_at_the_receipt_cost():
    # -5 @ 2.00 = -10.00; + 2 @ 3.00 → -3 × 3.00 = -9.00; moved +1.00
    v = apply(P("-5", "-10.00", "2.00"), D("2"), unit_cost=D("3.00"))
    assert v.value == D("1.00")
    assert v.after == P("-3", "-9.00", "3.00")


def test_a_receipt_that_fills_a_negative_stock_to_exactly_zero_closes_the_value_at_zero():
    v = apply(P("-2", "-4.00", "2.00"), D("2"), unit_cost=D("3.00"))
    assert v.value == D("4.00")
    assert v.after.on_hand == 0 and v.after.value == 0


def test_an_issue_leaves_at_the_current_average():
    # 4 × 2.36666667 = 9.46666668 → 9.47
    v = apply(P("15", "35.50", "2.36666667"), D("-4"))
    assert v.value == D("-9.47")
    assert v.after == P("11", "26.03", "2.36666667")


def test_the_issue_that_empties_the_stock_takes_the_whole_remaining_value():
    # 3 units for 10.00: avg 3.33333333. Each issue of 1 at the average would take 3.33, and the
    # third would leave 0.01 behind; the last one takes 3.34 instead.
    pos = apply(P("0", "0", "0"), D("3"), unit_cost=D("3.33333333")).after
    assert pos == P("3", "10.00", "3.33333333")
    values = []
    for _ in range(3):
        v = apply(pos, D("-1"))
        values.append(v.value)
        pos = v.after
    assert values == [D("-3.33"), D("-3.33"), D("-3.34")]
    assert pos.on_hand == 0 and pos.value == 0


def test_an_issue_of_everything_at_once_takes_the_whole_value():
    v = apply(P("3", "10.00", "3.33333333"), D("-3"))
    assert v.value == D("-10.00")
    assert v.after.value == 0


def test_money_is_rounded_to_two_decimals_at_each_movement_while_the_average_keeps_eight():
    # 3 @ 1.005 = 3.015 → 3.02 (half up); + 4 @ 2.00 = 8.00 → 11.02 / 7 = 1.574285714… → 1.57428571
    first = apply(P("0", "0", "0"), D("3"), unit_cost=D("1.005"))
    assert first.value == D("3.02")
    second = apply(first.after, D("4"), unit_cost=D("2.00"))
    assert second.after.value == D("11.02")
    assert second.after.avg_cost == D("1.57428571")
    # 2 × 1.57428571 = 3.14857142 → 3.15
    issue = apply(second.after, D("-2"))
    assert issue.value == D("-3.15")
    for v in (first, second, issue):
        assert places_of(v.value) <= 2 and places_of(v.after.value) <= 2
        assert places_of(v.after.avg_cost) <= 8


def test_money_rounds_to_the_currency_decimals_given():
    v = apply(P("0", "0", "0"), D("3"), unit_cost=D("1.3333"), places=0)
    assert v.value == D("4")


def test_a_transfer_carries_its_exact_value_into_positive_stock():
    # The source shipped 1 of 3 units worth 10.00: 3.33 left it. 2 @ 2.50 + 3.33 = 8.33 / 3 → 2.77666667
    out = apply(P("3", "10.00", "3.33333333"), D("-1"))
    into = apply(P("2", "5.00", "2.50"), D("1"), exact_value=-out.value)
    assert into.value == D("3.33")
    assert into.after == P("3", "8.33", "2.77666667")


def test_a_transfer_into_empty_stock_keeps_its_value_to_the_cent():
    # 10.00 for 3 units cannot be written as 3 × a two-decimal cost; the value still arrives whole.
    into = apply(P("0", "0", "0"), D("3"), exact_value=D("10.00"))
    assert into.value == D("10.00")
    assert into.after == P("3", "10.00", "3.33333333")


@pytest.mark.parametrize(
    ("before", "qty", "kwargs"),
    [
        (P("10", "20.00", "2.00"), "5", {"unit_cost": D("3.10")}),
        (P("15", "35.50", "2.36666667"), "-4", {}),
        (P("-3", "-6.00", "2.00"), "5", {"unit_cost": D("2.50")}),
        (P("3", "10.00", "3.33333333"), "-1", {}),
        (P("2", "5.00", "2.50"), "1", {"exact_value": D("3.33")}),
        (P("3", "10.00", "3.33333333"), "-3", {}),
    ],
)
def test_a_reversal_restores_quantity_and_value_exactly(before, qty, kwargs):
    original = apply(before, D(qty), **kwargs)
    undone = apply(original.after, -D(qty), exact_value=-original.value, reversal=True)
    assert undone.value == -original.value
    assert undone.after.on_hand == before.on_hand
    assert undone.after.value == before.value


def test_a_reversal_that_empties_the_stock_takes_what_value_is_left():
    # The original receipt moved 15.50, but after later issues the last 5 units carry 11.83.
    after_issue = P("5", "11.83", "2.36666667")
    undone = apply(after_issue, D("-5"), exact_value=D("-15.50"), reversal=True)
    assert undone.value == D("-11.83")
    assert undone.after.on_hand == 0 and undone.after.value == 0


def test_a_zero_quantity_changes_nothing():
    pos = P("3", "10.00", "3.33333333")
    v = apply(pos, D("0"))
    assert v.value == 0 and v.after == pos


def _row(mid, kind, warehouse, qty, cost=None, transfer_id=None, reverses_id=None):
    return (mid, kind, "p", warehouse, D(qty), None if cost is None else D(cost), transfer_id, reverses_id, None)


def test_replay_values_each_kind_by_its_rule_in_the_order_given():
    from domain.stock.valuation import replay

    rows = [
        _row("1", "receipt", "A", "10", "2.00"),           # A: 10 @ 2.00 = 20.00
        _row("2", "receipt", "A", "5", "3.10"),            # A: 15, 35.50, avg 2.36666667
        _row("3", "transfer_out", "A", "-3", transfer_id="t"),  # 3 × 2.36666667 = 7.10 leaves A
        _row("4", "transfer_in", "B", "3", transfer_id="t"),    # B takes exactly 7.10
        _row("5", "reversal", "A", "-5", reverses_id="2"),      # stock moved since: 5 leave at the average, 11.83
    ]
    positions = {("p", "A"): Position(), ("p", "B"): Position()}
    values = [val.value for _, val in replay(positions, rows, places=2, value_before=None, out_value_before=None,
                                             span_before=None, back_before=None)]
    assert values == [D("20.00"), D("15.50"), D("-7.10"), D("7.10"), D("-11.83")]
    assert positions[("p", "A")] == Position(D("7"), D("16.57"), D("2.36666667"))
    assert positions[("p", "B")] == Position(D("3"), D("7.10"), D("2.36666667"))


def test_replay_takes_a_value_from_before_the_run_when_the_original_or_out_leg_is_not_in_it():
    from domain.stock.valuation import replay

    rows = [_row("9", "reversal", "A", "2", reverses_id="x"), _row("10", "transfer_in", "A", "4", transfer_id="t")]
    positions = {("p", "A"): P("5", "10.00", "2")}
    stored = {"x": D("-4.00")}
    out_values = {"t": D("-9.00")}
    values = [val.value for _, val in replay(positions, rows, places=2, value_before=stored.__getitem__,
                                             out_value_before=out_values.__getitem__, span_before=None,
                                             back_before=lambda *_: None)]
    assert values == [D("4.00"), D("9.00")]  # a shipment of 2 (−4.00) taken back: 7 on hand, 14.00; then 11, 23.00
    assert positions[("p", "A")].on_hand == D("11") and positions[("p", "A")].value == D("23.00")
