"""Receivables on a real SQLite file, with the hand-computed examples of issue 16. Every sale is 100 a screw plus
13 % tax: 10 screws make 1,130.00 owed, 5 make 565.00, 2 returned take 226.00 off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert

from domain.accounts import commands as ac
from domain.accounts import money
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from persistence import tables as t
from persistence.accounts import queries

D = Decimal


def test_partial_payments_settle_the_oldest_sale_first(shop):
    sd1 = shop.sell("10")
    sd2 = shop.sell("5", on=date(2026, 10, 20))
    assert shop.open() == {sd1: D("1130"), sd2: D("565")}
    shop.receipt("1000")
    assert shop.open() == {sd1: D("130"), sd2: D("565")}
    shop.receipt("400")
    assert shop.open() == {sd2: D("295")}
    row = shop.balance()
    assert (row.balance, row.credit) == (D("295"), D(0))


def test_an_overpayment_is_kept_as_credit_and_taken_by_the_next_sale(shop):
    sd1 = shop.sell("10")
    rc = shop.receipt("2000")
    assert shop.open() == {rc: D("870")}
    assert (shop.balance().balance, shop.balance().credit) == (D("-870"), D("870"))
    sd2 = shop.sell("5", on=date(2026, 11, 25))
    assert shop.open() == {rc: D("305")}  # the new sale took 565 of the credit at once
    row = shop.balance()
    assert (row.balance, row.credit, row.current, row.overdue) == (D("-305"), D("305"), D(0), D(0))
    with shop.uow() as uow:
        sale = uow.accounts.by_number(sd2)[0]
        assert [a.amount for a in uow.accounts.live_allocations(sale.id)] == [D("565")]
        assert uow.accounts.by_number(sd1)[0].amount == D("1130")


def test_a_return_after_payment_makes_credit(shop):
    sd = shop.sell("10")
    shop.receipt("1130")
    assert shop.open() == {}
    sr = shop.give_back(sd, "2")
    assert shop.open() == {sr: D("226")}
    assert (shop.balance().balance, shop.balance().credit) == (D("-226"), D("226"))


def test_a_return_before_payment_settles_the_sale_it_returns(shop):
    older = shop.sell("3", on=date(2026, 9, 1))  # 339.00, older: oldest first would pick it
    sd = shop.sell("10")
    shop.give_back(sd, "2")
    assert shop.open() == {older: D("339"), sd: D("904")}


def test_reversing_an_allocated_receipt_reopens_the_sales_it_settled(shop):
    sd1 = shop.sell("10")
    sd2 = shop.sell("5", on=date(2026, 10, 20))
    rc = shop.receipt("1695")
    assert shop.open() == {}
    money.reverse_money(shop.uow(), ac.ReverseMoney(rc, "the cheque bounced", date(2026, 11, 21)))
    assert shop.open() == {sd1: D("1130"), sd2: D("565")}
    assert shop.balance().balance == D("1695")
    # listed as reversed: not as allocated to its own reversal, nor as money left to allocate
    listed = queries.money(shop.db.engine, "AR")
    assert [(r.number, r.reversed, r.allocated, r.unallocated) for r in listed] == [(rc, True, D(0), D(0))]
    partner = listed[0].partner_id
    assert [(a.credit_kind, a.debit_number, a.reversed_by) for a in queries.allocations(shop.db.engine, "AR", partner)
            if a.reversed_by] == [("receipt", rc, rc)]
    with pytest.raises(RuleViolation) as refused:
        money.reverse_money(shop.uow(), ac.ReverseMoney(rc, "again"))
    assert refused.value.code == "item_reversed"


def test_by_hand_allocation_with_partial_amounts_then_credit_allocated_and_undone(shop):
    sd1 = shop.sell("10")
    sd2 = shop.sell("5", on=date(2026, 10, 20))
    rc = shop.receipt("500", f"{sd2}:200")
    assert shop.open() == {sd1: D("1130"), sd2: D("365"), rc: D("300")}
    money.allocate_credit(shop.uow(), ac.AllocateCredit(rc, (ac.AllocateTo(sd1),)))
    assert shop.open() == {sd1: D("830"), sd2: D("365")}
    money.undo_allocation(shop.uow(), ac.UndoAllocation(rc, sd1))
    assert shop.open() == {sd1: D("1130"), sd2: D("365"), rc: D("300")}
    assert shop.balance().balance == D("1195")


def test_allocation_by_hand_refuses_what_is_not_open_or_too_much_and_writes_nothing(shop):
    sd1 = shop.sell("10")
    shop.sell("5", customer="BETA")
    beta_sale = queries.open_items(shop.db.engine, "AR")[-1].number
    for wanted, code in (((beta_sale,), "allocation_not_open"), ((f"{sd1}:1200",), "allocation_over_open"),
                         ((f"{sd1}:600", f"{sd1}:1"), "allocation_twice")):
        with pytest.raises(RuleViolation) as refused:
            shop.receipt("600", *wanted)
        assert refused.value.code == code
    with pytest.raises(RuleViolation) as refused:
        shop.receipt("100", f"{sd1}:150")
    assert refused.value.code == "allocation_over_amount"
    assert queries.money(shop.db.engine, "AR") == []


def test_reversing_a_sale_gives_back_the_money_that_paid_it_as_credit(shop):
    sd = shop.sell("10")
    rc = shop.receipt("1000")
    shop.reverse(sd)
    assert shop.open() == {rc: D("1000")}
    assert shop.balance().balance == D("-1000")


def test_a_refund_pays_back_credit_and_no_more(shop):
    shop.sell("10")
    rc = shop.receipt("2000")
    with pytest.raises(RuleViolation) as refused:
        money.record_money(shop.uow(), ac.RecordMoney("refund", "ACME", "900", side="AR"))
    assert refused.value.code == "refund_over_credit"
    rf = money.record_money(shop.uow(), ac.RecordMoney("refund", "ACME", "870", side="AR", method="bank"))
    assert rf.number.startswith("RF-") and rf.amount == D("870")
    assert shop.open() == {}
    assert shop.balance().balance == D(0)
    assert rc.startswith("RC-")


def test_money_is_checked_field_by_field(shop):
    with pytest.raises(BadInput, match="amount"):
        shop.receipt("0")
    with pytest.raises(BadInput, match="amount"):
        shop.receipt("10.005")  # more places than the currency has
    with pytest.raises(RuleViolation) as refused:
        money.record_money(shop.uow(), ac.RecordMoney("receipt", "ACME", "10", method="cheque"))
    assert refused.value.code == "unknown_payment_method"
    money.add_payment_method(shop.uow(), ac.AddPaymentMethod("cheque", "Cheque"))
    money.record_money(shop.uow(), ac.RecordMoney("receipt", "ACME", "10", method="CHEQUE"))
    with pytest.raises(RuleViolation) as refused:
        money.add_payment_method(shop.uow(), ac.AddPaymentMethod("cash", "Bargeld"))
    assert refused.value.code == "payment_method_built_in"


def test_nothing_is_written_into_a_closed_month(shop):
    sd = shop.sell("10")
    with shop.db.engine.begin() as conn:
        conn.execute(insert(t.periods).values(month="2026-11", closed=True, closed_by="boss"))
    with pytest.raises(RuleViolation) as refused:
        shop.receipt("100", on=date(2026, 11, 30))
    assert refused.value.code == "period_closed" and refused.value.params["month"] == "2026-11"
    assert shop.open() == {sd: D("1130")}
    shop.receipt("100", on=date(2026, 12, 1))
    assert shop.open() == {sd: D("1030")}


def test_due_dates_follow_the_terms_and_balances_age_at_the_as_of_date(shop):
    shop.set_terms("month_end", 30)
    sd1 = shop.sell("10", on=date(2026, 8, 14))  # due 2026-09-30
    sd2 = shop.sell("5", on=date(2026, 10, 14))  # due 2026-11-30
    shop.set_terms("cod", 0)
    sd3 = shop.sell("1", on=date(2026, 12, 1))  # due 2026-12-01: 113.00
    shop.receipt("130", on=date(2026, 12, 2))  # takes 130 off the oldest
    items = {r.number: r for r in queries.open_items(shop.db.engine, "AR", as_of=date(2026, 12, 31))}
    assert items[sd1].due_on == date(2026, 9, 30) and items[sd1].days_overdue == 92
    assert items[sd2].due_on == date(2026, 11, 30) and items[sd2].days_overdue == 31
    assert items[sd3].due_on == date(2026, 12, 1)
    row = next(r for r in queries.balances(shop.db.engine, "AR", as_of=date(2026, 12, 31)))
    assert (row.current, row.d1_30, row.d31_60, row.d61_90, row.over_90) == (D(0), D("113"), D("565"), D(0),
                                                                           D("1000"))
    assert (row.balance, row.overdue, row.oldest_due) == (D("1678"), D("1678"), date(2026, 9, 30))
    # as of 2026-10-31: only the first two sales, nothing received yet
    then = queries.ageing(shop.db.engine, "AR", date(2026, 10, 31))
    assert (then.current, then.d31_60, then.balance, then.partners) == (D("565"), D("1130"), D("1695"), 1)
    overdue = queries.open_items(shop.db.engine, "AR", overdue_only=True, as_of=date(2026, 11, 30))
    assert [r.number for r in overdue] == [sd1]
