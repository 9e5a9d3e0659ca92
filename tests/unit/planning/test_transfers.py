"""Transfers before purchases (domain.planning.transfers), on hand-computed cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from domain.planning.model import ItemPlan
from domain.planning.model import Suggestion
from domain.planning.model import TermOption
from domain.planning.replenishment import ReorderAlert
from domain.planning.transfers import Stand
from domain.planning.transfers import TransferSuggestion
from domain.planning.transfers import balance
from domain.planning.transfers import need
from domain.planning.transfers import plan_moves
from domain.planning.transfers import remaining_order
from domain.planning.transfers import surplus
from domain.planning.transfers import transfers_of


def stand(wh, on_hand, *, s=10, big_s=30, dr=5.0, short=False, reserved=0, on_order=0, days=float("inf")):
    return Stand(wh, D(on_hand), D(reserved), D(on_order), D(s), D(big_s), dr, short, days)


def test_a_short_warehouse_needs_what_a_purchase_would_bring_it_up_to():
    assert need(stand("GZ", 2, short=True)) == D(28)  # S 30 − position 2
    assert need(stand("GZ", 2, short=True, on_order=8, reserved=1)) == D(21)  # 30 − (2 + 8 − 1)
    assert need(stand("SH", 2)) == D(0)  # not short: needs nothing


def test_surplus_keeps_the_reorder_point_and_stays_above_the_trigger():
    # available 100 − s 10 = 90; position 100 − d·R 5 − s 10 = 85: the smaller, but giving 85 leaves
    # position 15 − d·R 5 = 10 = s, which alerts (position − d·R ≤ s): one less, 84
    assert surplus(stand("SH", 100)) == D(84)
    # reserved stock is not surplus: available 60 − 10 = 50, position 60 − 5 − 10 = 45, one less: 44
    assert surplus(stand("SH", 100, reserved=40)) == D(44)
    # on order raises the position but not the shelf: available 20 − 10 = 10 < position 70 − 5 − 10 = 55
    assert surplus(stand("SH", 20, on_order=50)) == D(10)
    # 20 on hand, d·R 2: min(10, 8) = 8 would leave position 12 − 2 = 10 = s, which alerts: one less, 7
    assert surplus(stand("SH", 20, dr=2.0)) == D(7)
    assert surplus(stand("SH", 12)) == D(0)  # min(2, −3)
    assert surplus(stand("SH", 100, short=True)) == D(0)  # a short warehouse gives nothing


def test_surplus_counts_whole_packs_rounded_down():
    assert surplus(stand("SH", 100), D(6)) == D(84)  # 85 → 14 packs of 6 (leaves 16 − 5 = 11 > 10)


def test_no_surplus_anywhere_orders_as_today():
    short = stand("GZ", 2, short=True, days=1.0)
    assert plan_moves([short, stand("SH", 12)]) == []
    assert remaining_order(short, D(0)).qty == D(28)


def test_enough_surplus_transfers_only():
    short = stand("GZ", 2, short=True, days=1.0)
    moves = plan_moves([short, stand("SH", 100)])
    assert [(m.source, m.target, m.qty) for m in moves] == [("SH", "GZ", D(28))]
    # position 2 + 28 = 30; 30 − d·R 5 = 25 > s 10: nothing left to order at this review
    assert remaining_order(short, D(28)).qty == D(0)


def test_partial_surplus_transfers_then_orders_the_rest_in_supplier_packs():
    short = stand("GZ", 2, short=True, days=1.0)
    moves = plan_moves([short, stand("SH", 20, dr=2.0)])
    assert [(m.source, m.qty) for m in moves] == [("SH", D(7))]
    left = remaining_order(short, D(7), pack_size=D(6))
    # position 9, 9 − 5 = 4 ≤ 10: still due; S 30 − 9 = 21 raised to packs of 6: 24
    assert left.qty == D(24)


def test_transfers_move_whole_packs_of_the_need():
    moves = plan_moves([stand("GZ", 2, short=True), stand("SH", 100)], D(6))
    assert [m.qty for m in moves] == [D(30)]  # need 28 → 5 packs of 6; surplus 84 covers it


def test_the_largest_surplus_gives_first_and_the_most_urgent_takes_first():
    stands = [stand("BJ", 5, short=True, days=3.0), stand("GZ", 0, short=True, days=0.0),
              stand("SH", 40), stand("XA", 25)]
    moves = plan_moves(stands)
    # surplus SH min(30, 25) − 1 = 24, XA min(15, 10) − 1 = 9; GZ (0 days) needs 30: 24 from SH, 6 from XA;
    # BJ needs 25: the 3 XA has left
    assert [(m.source, m.target, m.qty) for m in moves] == [
        ("SH", "GZ", D(24)), ("XA", "GZ", D(6)), ("XA", "BJ", D(3))]


def _plan(wh, on_hand, *, s="10", big_s="30", short=False, qty=None):
    explanation = {"on_hand": D(on_hand), "reserved": D(0), "on_order": D(0), "reorder_point": D(s),
                   "order_up_to": D(big_s), "demand_per_period": 5.0, "review_period": 1.0, "order_qty": D(0),
                   "rounding": ""}
    alert = ReorderAlert("critical", date(2026, 12, 8), 0.4, D(on_hand), D(s)) if short else None
    suggestion = None
    if qty is not None:
        suggestion = Suggestion("p1", "A-1", wh, "Acme", "sup1", D(qty), D("2.5"), "", explanation)
    return ItemPlan("p1", "A-1", "Widget", wh, "A", 0.95, [], [], None, explanation, alert, suggestion)


def test_balance_cuts_the_purchase_to_what_is_left_and_says_why():
    plans = [_plan("GZ", 2, short=True, qty=28), _plan("SH", 20)]
    terms = {("p1", "GZ"): TermOption("sup1", "Acme", "p1", D("2.5"), D(0), D(1), D(6), 7, True)}
    out = balance(plans, terms=terms)
    (t,) = out.transfers
    # SH: min(20 − 10, 20 − 5 − 10) = 5 would leave 15 − 5 = 10 = s: 4
    assert (t.from_warehouse, t.to_warehouse, t.qty, t.need, t.surplus) == ("SH", "GZ", D(4), D(28), D(4))
    assert "GZ runs short" in t.reason and "SH holds 4 above its own needs" in t.reason
    gz = out.plans[0]
    assert gz.suggestion.qty == D(24)  # position 6 still due: 30 − 6 = 24, a whole number of packs of 6
    assert gz.explanation["transfer_in"] == D(4) and gz.explanation["order_before_transfers"] == D(28)
    assert out.plans[1] is plans[1]


def test_balance_drops_the_purchase_when_the_transfer_covers_it():
    out = balance([_plan("GZ", 2, short=True, qty=28), _plan("SH", 100)])
    assert [t.qty for t in out.transfers] == [D(28)]
    assert out.plans[0].suggestion is None and out.plans[0].explanation["order_qty"] == D(0)


def test_balance_leaves_a_product_in_one_warehouse_alone():
    plans = [_plan("GZ", 2, short=True, qty=28)]
    out = balance(plans)
    assert out.transfers == [] and out.plans == plans


def test_transfers_of_lists_the_plans_transfers():
    import dataclasses

    t = balance([_plan("GZ", 2, short=True, qty=28), _plan("SH", 100)]).transfers[0]
    plans = [dataclasses.replace(_plan("GZ", 2, short=True), transfers=(t,)), _plan("SH", 100)]
    assert transfers_of(plans) == [t]


def test_a_transfer_reason_gives_the_reorder_points_to_one_decimal_and_the_quantities_whole():
    t = TransferSuggestion("p1", "KT012-05", "Kettle", "GZ", "SH", D(12), D(24), D(12), D(0), D("14.554"), D(28),
                          D("12.6035"), date(2026, 12, 6))
    assert t.reason == ("SH runs short (available 0, reorder point 14.6, out of stock by 2026-12-06; needs 24); "
                        "GZ holds 12 above its own needs (available 28, reorder point 12.6)")
