"""The print values of a sales document: frozen, and which documents print prices."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from domain.sales.printing import DocumentKind
from domain.sales.printing import PartyBlock
from domain.sales.printing import PrintLine
from domain.sales.printing import SalesPrint
from domain.sales.printing import Totals

D = Decimal
TOTALS = Totals(D("100.00"), D("13.00"), D("113.00"))


def doc(kind: DocumentKind, totals: Totals | None = TOTALS, with_prices: bool | None = None) -> SalesPrint:
    line = PrintLine(1, "SCREW", "不锈钢螺丝", "pcs", D(10), D("10.00"), D(0), D(13), D("100.00"))
    party = PartyBlock("星辰贸易")
    return SalesPrint(kind, "SO-2026-00001", date(2026, 3, 2), party, party, party, (line,), totals,
                      with_prices=with_prices)


@pytest.mark.parametrize("kind", [k for k in DocumentKind if k is not DocumentKind.DELIVERY_NOTE])
def test_every_document_but_a_delivery_note_prints_prices_unless_told_not_to(kind):
    assert doc(kind).prints_prices
    assert not doc(kind, with_prices=False).prints_prices


def test_a_delivery_note_prints_quantities_only_unless_the_caller_asks_for_prices():
    assert not doc(DocumentKind.DELIVERY_NOTE).prints_prices
    assert doc(DocumentKind.DELIVERY_NOTE, with_prices=True).prints_prices


def test_without_totals_nothing_prints_prices_even_when_asked():
    assert not doc(DocumentKind.SALES_INVOICE, totals=None).prints_prices
    assert not doc(DocumentKind.DELIVERY_NOTE, totals=None, with_prices=True).prints_prices


def test_the_print_values_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc(DocumentKind.SALES_INVOICE).number = "X"  # type: ignore[misc]
