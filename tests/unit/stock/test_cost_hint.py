"""The rule of a free receipt's suggested unit cost: the supplier's last price, else anyone's, else the average."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.stock.cost_hint import CostSource
from domain.stock.cost_hint import PriceSeen
from domain.stock.cost_hint import suggest

D = Decimal
FROM_SUP = PriceSeen(D("2.50"), date(2026, 3, 2), "SUP", "GR-2026-00001")
FROM_OTH = PriceSeen(D("3.00"), date(2026, 3, 9), "OTH", "PO-2026-00002")


def test_the_suppliers_last_price_wins_over_a_newer_price_of_another_supplier_and_the_average():
    hint = suggest(FROM_SUP, FROM_OTH, D("2.75"))
    assert (hint.unit_cost, hint.source, hint.seen) == (D("2.50"), CostSource.SUPPLIER, FROM_SUP)


def test_without_the_suppliers_price_the_last_price_then_the_average_cost():
    assert (suggest(None, FROM_OTH, D("2.75")).source, suggest(None, FROM_OTH, D("2.75")).unit_cost) == (
        CostSource.LAST, D("3.00"))
    average = suggest(None, None, D("2.75"))
    assert (average.unit_cost, average.source, average.seen) == (D("2.75"), CostSource.AVERAGE, None)


def test_nothing_is_suggested_for_a_product_without_a_cost():
    assert suggest(None, None, None) is None
    assert suggest(None, None, D(0)) is None
