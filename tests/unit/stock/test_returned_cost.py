"""A customer return's value follows its sale's (``valuation.returned_unit_cost``): the rule itself, and a replay
that revalues a sale revaluing the return after it, by the Decimal rules and the scaled integers alike."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

from domain.kernel.numbers import round_money
from domain.stock import valuation
from domain.stock.model import Position
from domain.stock.valuation import ReturnShare
from domain.stock.valuation import returned_unit_cost

D = Decimal
PAIR = ("p", "w")


def test_the_returns_of_a_line_take_its_cost_back_cumulatively_and_whole_to_the_cent():
    sale = D("-80.00")  # 3 units left at 26.66666667
    shares = [returned_unit_cost(sale, ReturnShare("s", D(3), D(before)), D(1), 2) for before in (0, 1, 2)]
    assert shares == [D("26.67"), D("26.66"), D("26.67")]
    whole = returned_unit_cost(sale, ReturnShare("s", D(3), D(0)), D(3), 2)  # valued as qty × unit cost, rounded
    assert round_money(whole * 3) == D("80.00")
    assert returned_unit_cost(D("-50.00"), ReturnShare("s", D(2), D(0)), D(1), 2) == D("25.00")


def _rows(first_cost: str):
    at = datetime(2026, 9, 1, tzinfo=UTC)
    return [("r0", "receipt", *PAIR, D(10), D(first_cost), None, None, at),
            ("s1", "shipment", *PAIR, D(-2), None, None, None, at.replace(day=2)),
            ("r1", "receipt", *PAIR, D(1), D(25), None, None, at.replace(day=3))]  # the return, posted at 25


def test_a_replay_that_revalues_the_sale_revalues_its_return_after_it():
    returns = {"r1": ReturnShare("s1", D(2), D(0))}
    out = {row[0]: val.value for row, val in valuation.replay(
        {PAIR: Position()}, _rows("37.50"), places=2, value_before=lambda _: None, out_value_before=lambda _: None,
        span_before=lambda _: None, back_before=lambda *_: None,
        returns=returns)}
    assert (out["s1"], out["r1"]) == (D("-75.00"), D("37.50"))
    plain = {row[0]: val.value for row, val in valuation.replay(
        {PAIR: Position()}, _rows("37.50"), places=2, value_before=lambda _: None, out_value_before=lambda _: None,
        span_before=lambda _: None, back_before=lambda *_: None)}
    assert plain["r1"] == D("25.00")  # without the share: the unit cost it was posted with


def test_the_scaled_replay_values_a_return_as_the_decimal_one_does():
    returns = {"r1": ReturnShare("s1", D(2), D(0))}
    scaled_rows = [(mid, kind, p, w, int(qty.scaleb(4)), None if cost is None else int(cost.scaleb(8)), t, r, at)
                   for mid, kind, p, w, qty, cost, t, r, at in _rows("37.50")]
    out = {row[0]: moved for row, moved, _ in valuation.replay_scaled(
        {PAIR: (0, 0, 0)}, scaled_rows, places=2, value_before=lambda _: 0, out_value_before=lambda _: 0,
        span_before=lambda _: None, back_before=lambda *_: None,
        returns=returns)}
    assert (out["s1"], out["r1"]) == (-750000, 375000)


def test_a_return_whose_sale_is_before_the_run_takes_the_sales_stored_value():
    at = datetime(2026, 9, 3, tzinfo=UTC)
    rows = [("r1", "receipt", *PAIR, D(1), D(25), None, None, at)]
    [(_, val)] = valuation.replay({PAIR: Position(D(8), D(300), D("37.5"))}, rows, places=2,
                                  value_before={"s1": D("-75.00")}.get, out_value_before=lambda _: None,
                                  span_before=lambda _: None, back_before=lambda *_: None,
                                  returns={"r1": ReturnShare("s1", D(2), D(0))})
    assert val.value == D("37.50")
