"""Payment terms as typed: the basis words accepted, the refusals naming the field, and a customer's terms whose
basis and days the due dates of its new items follow (on in-memory fakes)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.accounts.items import add_item
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.terms import basis_value
from domain.accounts.terms import days_value
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.sales import price_master as pm
from tests.fakes import FakeUnitOfWork


@pytest.mark.parametrize(("typed", "stored"), [
    ("net", "net"), (" NET ", "net"), ("month-end", "month_end"), ("month_end", "month_end"),
    ("Month End", "month_end"), ("月结", "month_end"), ("cod", "cod"), ("COD", "cod"), ("货到付款", "cod")])
def test_a_basis_is_accepted_as_typed_and_stored_as_its_word(typed, stored):
    assert basis_value(typed) == stored


@pytest.mark.parametrize("typed", ["", "weekly", "30", None])
def test_any_other_basis_is_refused_naming_the_field_and_what_is_accepted(typed):
    with pytest.raises(BadInput) as refused:
        basis_value(typed)
    assert refused.value.field == "payment basis" and refused.value.code == "not_a_payment_basis"
    assert "enter net (days after the document), month-end" in str(refused.value) and "cod" in str(refused.value)


def test_payment_days_are_whole_days_from_0_to_3650():
    assert (days_value("0"), days_value(30), days_value("3650")) == (0, 30, 3650)
    for bad in ("-1", "3651", "2.5", "x"):
        with pytest.raises(BadInput) as refused:
            days_value(bad)
        assert refused.value.field == "payment days"


def test_a_customers_basis_and_days_set_the_due_date_of_its_new_items():
    uow = FakeUnitOfWork()
    catalog.add_customer(uow, cc.AddCustomer("ACME", "Acme"))
    terms = pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", payment_terms="月结30天", payment_days="30",
                                                           payment_basis="month-end"))
    assert (terms.payment_basis, terms.payment_days, terms.payment_terms) == ("month_end", 30, "月结30天")
    kept = pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", phone="0755"))
    assert (kept.payment_basis, kept.payment_days) == ("month_end", 30)
    with uow:
        cid = uow.customers.by_code("ACME").id
        item = add_item(uow, Side.AR, cid, ItemKind.SALE, Decimal("10"), date(2026, 11, 14), number="SD-1")
    assert item.due_on == date(2026, 12, 30)
    pm.set_customer_terms(uow, pm.SetCustomerTerms("ACME", payment_basis="cod"))
    with uow:
        item = add_item(uow, Side.AR, cid, ItemKind.SALE, Decimal("10"), date(2026, 11, 14), number="SD-2")
    assert item.due_on == date(2026, 11, 14)
