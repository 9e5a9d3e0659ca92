"""A partner's statement from its opening and the period's items: figures computed by hand, to the cent."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.accounts.statement import AP
from domain.accounts.statement import AR
from domain.accounts.statement import StatementItem
from domain.accounts.statement import build_statement
from domain.accounts.statement import check_period
from domain.accounts.statement import kind_words
from domain.kernel.errors import BadInput
from domain.sales.printing import PartyBlock

D = Decimal
CUSTOMER = PartyBlock("杭州明远五金", "MY01")
COMPANY = PartyBlock("星辰贸易")
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def item(day: int, number: str, kind: str, amount: str, *, at: int = 0, **more) -> StatementItem:
    return StatementItem(f"id-{number}-{day}", date(2026, 3, day), number, kind, D(amount),
                         created_at=datetime(2026, 3, day, 9, at, tzinfo=UTC), **more)


# Before March: a sale of 1,000.00 and a receipt of 400.00, so March opens at 600.00.
MARCH_ITEMS = [
    item(31, "RC-2026-00007", "receipt", "-895.93", method="Cash"),
    item(2, "SD-2026-00010", "sale", "1504.07"),
    item(5, "RC-2026-00003", "receipt", "-500.00", at=1, method="Bank transfer", reference="BOC 8812"),
    item(5, "RC-2026-00003", "reversal", "500.00", at=2, reverses_number="RC-2026-00003"),
    item(10, "SR-2026-00002", "customer_return", "-104.07"),
]


def march() -> object:
    return build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D("600.00"), MARCH_ITEMS)


def test_the_running_balance_starts_at_the_opening_and_follows_every_item_in_date_order():
    s = march()
    assert s.opening == D("600.00")
    assert [(x.business_date.day, x.kind, x.increase, x.decrease, x.balance) for x in s.lines] == [
        (2, "sale", D("1504.07"), D("0.00"), D("2104.07")),
        (5, "receipt", D("0.00"), D("500.00"), D("1604.07")),
        (5, "reversal", D("500.00"), D("0.00"), D("2104.07")),
        (10, "customer_return", D("0.00"), D("104.07"), D("2000.00")),
        (31, "receipt", D("0.00"), D("895.93"), D("1104.07")),
    ]


def test_the_closing_balance_is_the_opening_plus_increases_less_decreases_to_the_cent():
    s = march()
    assert s.total_increase == D("2004.07")  # 1,504.07 + 500.00 (the reversal)
    assert s.total_decrease == D("1500.00")  # 500.00 + 104.07 + 895.93
    assert s.closing == D("1104.07") == s.opening + s.total_increase - s.total_decrease == s.lines[-1].balance
    assert s.closing_in_words == "壹仟壹佰零肆元零柒分"


def test_a_reversal_and_its_original_are_both_lines_and_cancel_in_the_balance():
    s = march()
    receipt, reversal = s.lines[1], s.lines[2]
    assert (receipt.number, reversal.number, reversal.reverses_number) == ("RC-2026-00003",) * 3
    assert receipt.amount + reversal.amount == 0
    assert (receipt.method, receipt.reference) == ("Bank transfer", "BOC 8812")


def test_every_figure_has_the_currency_places_and_nothing_is_rounded():
    s = build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D("600"), [item(2, "SD-1", "sale", "10.5000")])
    assert str(s.opening) == "600.00" and str(s.lines[0].increase) == "10.50" and str(s.closing) == "610.50"
    with pytest.raises(BadInput, match="amount"):
        build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D(0), [item(2, "SD-1", "sale", "10.005")])


def test_a_period_without_items_opens_and_closes_at_the_same_balance():
    s = build_statement(AP, "s1", CUSTOMER, COMPANY, *MARCH, D("-250.00"), [])
    assert s.lines == () and s.opening == s.closing == D("-250.00")
    assert s.total_increase == s.total_decrease == 0
    assert s.closing_in_words == "负贰佰伍拾元整"  # a credit: we paid the supplier ahead


def test_zero_closes_in_words_as_zero_yuan():
    s = build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D("0"), [item(3, "SD-1", "sale", "5"),
                                                                     item(4, "RC-1", "receipt", "-5")])
    assert s.closing == 0 and s.closing_in_words == "零元整"


def test_items_of_one_day_keep_the_order_they_were_recorded_in():
    later = item(5, "A-2", "sale", "1", at=30)
    earlier = item(5, "Z-1", "receipt", "-1", at=10)
    s = build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D(0), [later, earlier])
    assert [x.number for x in s.lines] == ["Z-1", "A-2"]
    assert [x.balance for x in s.lines] == [D("-1.00"), D("0.00")]


def test_from_after_to_is_refused_naming_both_fields():
    with pytest.raises(BadInput) as caught:
        check_period(date(2026, 4, 1), date(2026, 3, 31))
    assert caught.value.field == "from" and "to (2026-03-31)" in str(caught.value)
    with pytest.raises(BadInput, match="^to:"):
        check_period(date(2026, 4, 1), "2026-03-31")


def test_an_item_outside_the_period_or_an_unknown_side_is_refused():
    with pytest.raises(BadInput, match="outside"):
        build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D(0), [StatementItem("x", date(2026, 4, 1), "SD-9",
                                                                                  "sale", D(1))])
    with pytest.raises(BadInput, match="side"):
        build_statement("XX", "c1", CUSTOMER, COMPANY, *MARCH, D(0), [])


def test_kinds_are_said_in_words():
    assert kind_words("customer_return") == "Customer return"
    assert kind_words("something_new") == "something_new"


def test_an_opening_item_s_old_english_note_is_not_printed_but_a_note_of_its_own_is():
    """Earlier versions wrote 'opening balance' on every imported opening item: an English word under 期初余额 on a
    Chinese statement. The kind says it already; a note someone wrote stays."""
    items = [item(2, "OB-2026-00001", "opening", "300.00", note="opening balance"),
             item(3, "OB-2026-00002", "opening", "50.00", note="per the old ledger"),
             item(4, "SD-2026-00011", "sale", "10.00", note="opening balance")]
    s = build_statement(AR, "c1", CUSTOMER, COMPANY, *MARCH, D("0"), items)
    assert [x.note for x in s.lines] == ["", "per the old ledger", "opening balance"]


def test_the_lines_of_one_goods_receipt_are_one_line_of_the_suppliers_statement():
    """A receipt against an order makes one payable a product line: the statement printed PO-2026-00052 four times
    on one day, each with a product's SKU as its reference, where the supplier's delivery note has one amount."""
    def line(n: int, day: int, number: str, amount: str, sku: str, kind: str = "goods_receipt") -> StatementItem:
        return StatementItem(f"gr-{n}", date(2026, 3, day), number, kind, D(amount), reference=sku,
                             created_at=datetime(2026, 3, day, 9, n, tzinfo=UTC))

    items = [line(1, 9, "PO-2026-00052", "1761.90", "EL001-03"), line(2, 9, "PO-2026-00052", "494.22", "EL002-06"),
             line(3, 9, "PO-2026-00052", "444.94", "EL003-02"), line(4, 12, "PO-2026-00052", "100.00", "EL001-03"),
             line(5, 12, "PO-2026-00069", "78.60", "EL007-06"),
             line(6, 13, "PM-2026-00001", "-2000.00", "", kind="payment")]
    s = build_statement(AP, "s1", CUSTOMER, COMPANY, *MARCH, D("10.00"), items)
    assert [(x.business_date.day, x.number, x.increase, x.decrease, x.balance, x.reference) for x in s.lines] == [
        (9, "PO-2026-00052", D("2701.06"), 0, D("2711.06"), ""),  # three lines of the 9th
        (12, "PO-2026-00052", D("100.00"), 0, D("2811.06"), "EL001-03"),  # another receipt, another day
        (12, "PO-2026-00069", D("78.60"), 0, D("2889.66"), "EL007-06"),
        (13, "PM-2026-00001", 0, D("2000.00"), D("889.66"), ""),
    ]
    assert (s.total_increase, s.total_decrease, s.closing) == (D("2879.66"), D("2000.00"), D("889.66"))
