"""The match of a supplier invoice as a pure computation (domain.accounts.matching), with hand-computed figures."""

from __future__ import annotations

from decimal import Decimal

from domain.accounts.matching import MatchSource
from domain.accounts.matching import match
from domain.accounts.matching import tax_in
from domain.accounts.matching import with_tax

D = Decimal
RATE = D(13)


def screw(received="10", before="0", ordered="10", price="10.00") -> MatchSource:
    return MatchSource("PO-2026-00001", "p1", "SCREW", "不锈钢螺丝 M3", None if ordered is None else D(ordered),
                       D(received), D(before), D(price))


def test_an_invoice_equal_to_what_was_received_differs_nowhere():
    m = match([screw()], {("PO-2026-00001", "p1"): (D(10), D("10.00"))}, RATE, 2)
    [row] = m.rows
    assert not row.differs
    assert (m.amount, m.tax, m.expected, m.difference, m.net) == (D("113.00"), D("13.00"), D("113.00"), D(0),
                                                                  D("100.00"))


def test_a_price_2_percent_higher_differs_by_the_price_times_the_quantity():
    m = match([screw()], {("PO-2026-00001", "p1"): (D(10), D("10.20"))}, RATE, 2)
    [row] = m.rows
    assert (row.qty_difference, row.price_difference, row.difference) == (D(0), D("0.20"), D("2.00"))
    assert (m.amount, m.tax, m.difference) == (D("115.26"), D("13.26"), D("2.26"))


def test_less_quantity_than_received_differs_by_the_quantity_at_the_order_price():
    m = match([screw()], {("PO-2026-00001", "p1"): (D(8), D("10.00"))}, RATE, 2)
    [row] = m.rows
    assert (row.qty_difference, row.price_difference, row.difference) == (D(-2), D(0), D("-20.00"))
    assert (m.amount, m.difference) == (D("90.40"), D("-22.60"))


def test_what_earlier_invoices_billed_is_not_expected_again():
    m = match([screw(before="8")], {("PO-2026-00001", "p1"): (D(2), D("10.00"))}, RATE, 2)
    [row] = m.rows
    assert (row.qty_difference, m.expected, m.difference) == (D(0), D("22.60"), D(0))


def test_a_product_not_billed_shows_all_it_brought_in_as_the_difference():
    m = match([screw(), MatchSource("PO-2026-00001", "p2", "NUT", "", D(100), D(100), D(0), D("0.50"))],
              {("PO-2026-00001", "p1"): (D(10), D("10.00"))}, RATE, 2)
    nut = m.rows[1]
    assert (nut.invoiced, nut.qty_difference, nut.price_difference, nut.difference) == (D(0), D(-100), D(0),
                                                                                         D("-50.00"))
    assert (m.expected, m.amount, m.difference) == (D("169.50"), D("113.00"), D("-56.50"))


def test_an_amount_covers_what_is_outstanding_at_the_order_prices_and_only_the_total_differs():
    m = match([screw(received="12", before="2", ordered=None)], {}, RATE, 2, amount=D("114.00"))
    [row] = m.rows
    assert (row.ordered, row.invoiced, row.invoice_price, row.differs) == (None, D(10), D("10.00"), False)
    assert (m.by_amount, m.amount, m.tax, m.expected, m.difference) == (True, D("114.00"), D("13.12"),
                                                                        D("113.00"), D("1.00"))


def test_tax_is_added_to_the_rounded_net_and_taken_out_of_an_amount_half_up():
    assert with_tax(D("0.125"), RATE, 2) == (D("0.15"), D("0.02"))  # net 0.13, tax 0.0169
    assert tax_in(D("170.00"), RATE, 2) == D("19.56")  # 170 × 13 / 113 = 19.557…
    assert with_tax(D("100"), D(0), 2) == (D("100.00"), D("0.00"))
