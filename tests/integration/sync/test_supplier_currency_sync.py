"""A supplier's currency changes only with nothing open (domain/catalog/supplier_currency.py), on a desk and through
the hub alike: a change pulled while this desk has an open purchase order or an unsettled payable of the supplier
is kept aside with its reason (the hub is hostile input), and so are the term prices that came with it; the rest of
the pull goes on, and the change comes in at the first sync after nothing of the supplier is open here."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders
from persistence import sync
from persistence import tables as t

pytestmark = pytest.mark.postgres

MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def supplier_row(db) -> tuple[str, Decimal]:
    """The supplier's currency and its SCREW price here."""
    with db.engine.connect() as conn:
        currency = conn.execute(select(t.suppliers.c.currency).where(t.suppliers.c.code == "NB")).scalar_one()
        price = conn.execute(select(t.supplier_terms.c.unit_price)).scalar_one()
    return currency, price


def held(db) -> list:
    return [q for q in sync.status(db).quarantined if q.code == "currency_change_open"]


@pytest.fixture
def desks(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_supplier(a.uow(), c.AddSupplier("NB", "Ningbo Fasteners"))
    catalog.add_product(a.uow(), c.AddProduct("SCREW", "Screw M3"))
    catalog.set_supplier_terms(a.uow(), c.SetSupplierTerms("NB", "SCREW", "72.00"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    return a, b


def test_a_pulled_currency_change_of_a_supplier_with_an_open_order_here_is_kept_aside_and_the_rest_comes_in(
        hub, desks):
    a, b = desks
    draft = orders.create_draft(b.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))  # desk B, offline: an open order
    orders.add_line(b.uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", "10", "72.00"))
    number = orders.issue(b.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number
    # desk A sees nothing open and changes the currency, converting the price
    catalog.update_supplier(a.uow(), c.UpdateSupplier("NB", "Ningbo Fasteners", currency="USD", prices="convert",
                                                      rate="7.2"))
    catalog.add_product(a.uow(), c.AddProduct("NUT", "Nut M3"))  # and something else the pull brings along
    assert supplier_row(a) == ("USD", Decimal("10.0000"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert supplier_row(b) == ("CNY", Decimal("72.00"))  # neither the currency nor the converted price came in
    [kept] = held(b)
    assert kept.table == "suppliers"
    assert (kept.params["supplier"], kept.params["old"], kept.params["new"]) == ("NB", "CNY", "USD")
    assert number in kept.params["orders"] and number in kept.reason
    waiting = {q.table for q in sync.status(b).quarantined}
    assert waiting == {"suppliers", "supplier_terms"}
    with b.engine.connect() as conn:  # the rest of the pull came in
        assert conn.execute(select(t.products.c.sku).where(t.products.c.sku == "NUT")).scalar_one() == "NUT"
    sync.sync(b, hub)
    assert supplier_row(b) == ("CNY", Decimal("72.00"))  # still open: still kept aside
    # the order is cancelled: nothing of the supplier is open here, and the next sync takes the change
    orders.cancel(b.uow(), pc.CancelPurchaseOrder(number, "not needed"))
    sync.sync(b, hub)
    assert supplier_row(b) == ("USD", Decimal("10.0000"))
    assert sync.status(b).quarantined == []


def test_a_pulled_currency_change_of_a_supplier_with_nothing_open_here_comes_in(hub, desks):
    a, b = desks
    catalog.update_supplier(a.uow(), c.UpdateSupplier("NB", "Ningbo Fasteners", currency="USD", prices="convert",
                                                      rate="7.2"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert supplier_row(b) == ("USD", Decimal("10.0000"))
    assert sync.status(b).quarantined == []
