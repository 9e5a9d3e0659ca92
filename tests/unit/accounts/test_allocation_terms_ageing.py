"""The pure parts of receivables and payables: due dates, allocation plans, ageing bands."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from decimal import Decimal

from domain.accounts.ageing import age
from domain.accounts.ageing import band
from domain.accounts.ageing import days_overdue
from domain.accounts.allocation import by_hand
from domain.accounts.allocation import oldest_first
from domain.accounts.model import AccountItem
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.model import Terms
from domain.accounts.terms import due_date

D = Decimal


def sale(number: str, amount: str, on: date, due: date | None = None, allocated: str = "0") -> OpenItem:
    item = AccountItem(number, Side.AR, "C1", ItemKind.SALE, number, on, D(amount), due_on=due or on)
    return OpenItem(item, D(allocated))


def credit(number: str, amount: str, on: date, allocated: str = "0") -> OpenItem:
    item = AccountItem(number, Side.AR, "C1", ItemKind.RECEIPT, number, on, -D(amount))
    return OpenItem(item, D(allocated))


def test_net_terms_count_days_from_the_date():
    assert due_date(Terms("net", 30), date(2026, 11, 14)) == date(2026, 12, 14)
    assert due_date(Terms("net", 0), date(2026, 11, 14)) == date(2026, 11, 14)


def test_month_end_terms_count_from_the_last_day_of_the_month():
    assert due_date(Terms("month_end", 30), date(2026, 11, 14)) == date(2026, 12, 30)
    assert due_date(Terms("month_end", 0), date(2026, 2, 3)) == date(2026, 2, 28)
    assert due_date(Terms("month_end", 30), date(2028, 2, 1)) == date(2028, 3, 30)  # a leap year's 29 February


def test_cash_on_delivery_is_due_on_the_day_whatever_the_days():
    assert due_date(Terms("cod", 45), date(2026, 11, 14)) == date(2026, 11, 14)


def test_an_unknown_basis_counts_as_net_and_negative_days_as_none():
    assert due_date(Terms("weird", 10), date(2026, 1, 1)) == date(2026, 1, 11)
    assert due_date(Terms("net", -5), date(2026, 1, 1)) == date(2026, 1, 1)


def test_oldest_first_takes_items_by_due_date_and_stops_when_the_money_is_used():
    a = sale("SD-2", "100", date(2026, 1, 5), date(2026, 2, 5))
    b = sale("SD-1", "50", date(2026, 1, 9), date(2026, 1, 20))  # newer document but due first
    c = sale("SD-3", "70", date(2026, 1, 1), date(2026, 3, 1))
    picks = oldest_first([a, b, c], D("120"))
    assert [(p.target.item.number, p.amount) for p in picks] == [("SD-1", D("50")), ("SD-2", D("70"))]


def test_oldest_first_takes_only_what_is_open_and_leaves_the_rest_unapplied():
    a = sale("SD-1", "100", date(2026, 1, 5), allocated="60")
    picks = oldest_first([a], D("500"))
    assert [(p.target.item.number, p.amount) for p in picks] == [("SD-1", D("40"))]


def test_by_hand_allocates_named_documents_in_the_order_named_with_partial_amounts():
    a = sale("SD-1", "100", date(2026, 1, 5))
    b = sale("SD-2", "200", date(2026, 1, 6))
    picks, problems = by_hand([a, b], [("sd-2", D("150")), ("SD-1", None)], D("200"))
    assert problems == []
    assert [(p.target.item.number, p.amount) for p in picks] == [("SD-2", D("150")), ("SD-1", D("50"))]


def test_by_hand_names_every_problem_with_its_code():
    a = sale("SD-1", "100", date(2026, 1, 5))
    b = sale("SD-2", "200", date(2026, 1, 6))
    _, problems = by_hand([a, b], [("SD-9", None), ("SD-1", D("120")), ("SD-2", D("20")), ("SD-2", None)],
                          D("10"))
    assert [p.code for p in problems] == ["allocation_not_open", "allocation_over_open", "allocation_over_amount",
                                          "allocation_twice"]
    assert problems[1].params == {"number": "SD-1", "open": "100", "amount": "120"}


def test_days_overdue_and_bands_at_an_as_of_date():
    as_of = date(2026, 12, 31)
    assert days_overdue(date(2026, 12, 31), as_of) == 0
    assert days_overdue(None, as_of) == 0
    assert [band(date(2026, 12, 31) - timedelta(days=n), as_of)
            for n in (0, 1, 30, 31, 60, 61, 90, 91, 400)] == [
        "current", "d1_30", "d1_30", "d31_60", "d31_60", "d61_90", "d61_90", "over_90", "over_90"]


def test_ageing_sums_open_amounts_by_band_with_credit_beside():
    as_of = date(2026, 12, 31)
    items = [sale("SD-1", "100", date(2026, 9, 1), date(2026, 9, 1), allocated="40"),  # 121 days: 60 over 90
             sale("SD-2", "50", date(2026, 12, 1), date(2026, 12, 15)),  # 16 days
             sale("SD-3", "30", date(2026, 12, 20), date(2027, 1, 20)),  # not due
             credit("RC-1", "25", date(2026, 12, 30), allocated="5")]
    a = age(items, as_of)
    assert (a.current, a.d1_30, a.d31_60, a.d61_90, a.over_90, a.credit) == (
        D("30"), D("50"), D(0), D(0), D("60"), D("20"))
    assert a.overdue == D("110") and a.balance == D("120")
