"""The items documents make, on the in-memory unit of work: a walk-in makes none, credit is taken oldest first."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from domain.accounts import items
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.stock.documents_model import DocumentKind
from tests.fakes import FakeUnitOfWork

D = Decimal


def _doc(number: str, kind=DocumentKind.SALE):
    return SimpleNamespace(id=number.lower(), number=number, kind=kind, business_date=date(2026, 11, 2),
                           reference="")


def _line(revenue: str, tax: str):
    return SimpleNamespace(revenue=D(revenue), tax=D(tax), origin_document_id=None)


def test_a_counter_sale_to_a_walk_in_makes_no_item():
    uow = FakeUnitOfWork()
    with uow:
        assert items.sales_document_posted(uow, _doc("SD-1"), None, [_line("100", "13")]) is None
        assert uow.accounts.open_items(Side.AR, "") == []


def test_a_sale_takes_the_customers_credit_oldest_first_and_is_due_by_its_terms():
    uow = FakeUnitOfWork()
    with uow:
        old = items.add_item(uow, Side.AR, "C1", ItemKind.RECEIPT, D("-50"), date(2026, 10, 1), number="RC-1")
        new = items.add_item(uow, Side.AR, "C1", ItemKind.RECEIPT, D("-80"), date(2026, 10, 5), number="RC-2")
        sale = items.sales_document_posted(uow, _doc("SD-1"), "C1", [_line("100", "13")])
        assert sale.amount == D("113") and sale.kind == ItemKind.SALE
        left = {x.item.number: x.open for x in uow.accounts.open_items(Side.AR, "C1")}
        assert left == {"RC-2": D("17")}
        assert [a.amount for a in uow.accounts.live_allocations(old.id)] == [D("50")]
        assert [a.amount for a in uow.accounts.live_allocations(new.id)] == [D("63")]
