"""What a return against a free receipt credits the payable (``domain.purchasing.free_return``): the receipt's unit
cost with the tax of the rate it kept, rounded as its invoice is, over all its returns so far less what those
before came to; so partial returns add up to the whole to the cent."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from domain.purchasing.free_return import free_receipt_return_worth

D = Decimal


class FakeUow:
    """Just what the rule reads: the receipt's lines, the returns against it so far, the policy, the places."""

    money_places = 2

    def __init__(self, lines: dict[str, tuple[Decimal, Decimal | None]], policy_rate: str = "9",
                 billed: dict[str, Decimal] | None = None) -> None:
        self.returned: dict[str, Decimal] = {}
        billed = {p: qty for p, (qty, _cost) in lines.items()} if billed is None else billed  # invoiced whole
        self.supplier_invoices = SimpleNamespace(receipt_lines=lambda _id: lines, invoiced=lambda **_: billed)
        self.documents = SimpleNamespace(quantities_referencing=lambda _kind, _number: dict(self.returned))
        self.purchasing = SimpleNamespace(policy=lambda: SimpleNamespace(tax_rate=D(policy_rate)))

    def give_back(self, receipt, **qty: str) -> Decimal:
        worth = free_receipt_return_worth(self, receipt, {p: D(q) for p, q in qty.items()})
        for p, q in qty.items():
            self.returned[p] = self.returned.get(p, D(0)) + D(q)
        return worth


RECEIPT = SimpleNamespace(id="r1", number="GR-2026-00001", tax_rate=D(13))


def test_a_whole_return_is_the_receipts_value_with_the_tax_of_the_rate_it_kept():
    uow = FakeUow({"SCREW": (D(10), D("10.00"))})
    assert uow.give_back(RECEIPT, SCREW="10") == D("113.00")  # 13 % kept, not the policy's 9 % of today


@pytest.mark.parametrize(("parts", "each"), [
    (("3", "7"), ("11.29", "26.34")),  # 10 at 3.33: 37.63 whole
    (("1", "1", "1"), ("0.40", "0.39", "0.40")),  # 3 at 0.35: 1.19 whole, not 3 × 0.40
])
def test_partial_returns_are_pro_rata_and_add_up_to_the_whole_to_the_cent(parts, each):
    cost, whole = (D("3.33"), D("37.63")) if parts[0] == "3" else (D("0.35"), D("1.19"))
    uow = FakeUow({"SCREW": (sum(D(p) for p in parts), cost)})
    got = [uow.give_back(RECEIPT, SCREW=p) for p in parts]
    assert got == [D(x) for x in each] and sum(got) == whole


def test_two_products_are_rounded_together_as_their_invoice_is():
    uow = FakeUow({"SCREW": (D(1), D("0.125")), "NUT": (D(1), D("0.125"))})
    # 0.25 with 13 %: 0.28; each apart would be 0.13 + 0.01 = 0.14 twice
    assert uow.give_back(RECEIPT, SCREW="1") + uow.give_back(RECEIPT, NUT="1") == D("0.28")


def test_a_receipt_whose_line_kept_no_cost_is_left_to_the_ledgers_value():
    assert FakeUow({"SCREW": (D(10), None)}).give_back(RECEIPT, SCREW="1") is None


def test_a_receipt_that_kept_no_rate_takes_the_policys():
    uow = FakeUow({"SCREW": (D(10), D("10.00"))}, policy_rate="9")
    assert uow.give_back(SimpleNamespace(id="r1", number="GR-1", tax_rate=None), SCREW="10") == D("109.00")


def test_a_return_takes_off_only_what_was_billed_and_is_no_longer_kept():
    uow = FakeUow({"SCREW": (D(10), D("10.00"))}, billed={"SCREW": D(6)})
    assert [uow.give_back(RECEIPT, SCREW=q) for q in ("4", "2", "4")] == [D(0), D("22.60"), D("45.20")]
    assert FakeUow({"SCREW": (D(10), D("10.00"))}, billed={}).give_back(RECEIPT, SCREW="10") == D(0)
