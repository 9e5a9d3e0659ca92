"""A free receipt's suggested unit cost read from a real SQLite file: the supplier's last price, else the last
purchase price, else the average cost; reversed receipts and receipts that are no purchase left out."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.stock import commands as stc
from domain.stock import ledger
from domain.stock.cost_hint import CostSource
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import ReverseDocument
from domain.stock.documents import post_document
from domain.stock.documents import reverse_document
from persistence.stock.cost_hint import cost_suggestions
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal
EARLIER, LATER = date(2026, 3, 2), date(2026, 3, 9)


@pytest.fixture
def shop(db):
    uow = db.uow
    for sku in ("A-1", "B-2", "C-3", "D-4", "E-5"):
        catalog.add_product(uow(), c.AddProduct(sku, f"Product {sku}"))
    for code in ("W1", "W2"):
        catalog.add_warehouse(uow(), c.AddWarehouse(code, code))
    for code in ("SUP", "OTH"):
        catalog.add_supplier(uow(), c.AddSupplier(code, f"Supplier {code}"))
    return db


def received(db, sku: str, cost: str, supplier: str = "", day: date = EARLIER, warehouse: str = "W1") -> str:
    return post_document(db.uow(), PostDocument("receipt", warehouse, (LineInput(sku, "2", cost),), partner=supplier,
                                                business_date=day)).number


def test_the_chosen_suppliers_last_price_comes_first_then_anyones_last_price(shop):
    first = received(shop, "A-1", "2.50", "SUP", EARLIER)
    last = received(shop, "A-1", "3.00", "OTH", LATER)
    from_sup = cost_suggestions(shop.engine, ["A-1"], "SUP", "W1")["A-1"]
    assert (from_sup.unit_cost, from_sup.source) == (D("2.50"), CostSource.SUPPLIER)
    assert (from_sup.seen.on, from_sup.seen.supplier, from_sup.seen.reference) == (EARLIER, "SUP", first)
    for supplier in ("", "NEW"):  # none chosen, or one that never sold it
        anyone = cost_suggestions(shop.engine, ["A-1"], supplier, "W1")["A-1"]
        assert (anyone.unit_cost, anyone.source, anyone.seen.on, anyone.seen.reference) == (
            D("3.00"), CostSource.LAST, LATER, last)


def test_a_receipt_against_a_purchase_order_is_the_orders_suppliers_price(shop):
    po = po_uc.create_draft(shop.uow(), pc.CreatePurchaseOrder("SUP", "W1"))
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(po.id, "B-2", "5", "4.20"))
    number = po_uc.issue(shop.uow(), pc.IssuePurchaseOrder(po.id)).number
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number))
    received(shop, "B-2", "9.00", "OTH", clock.today())
    hint = cost_suggestions(shop.engine, ["B-2"], "SUP", "W1")["B-2"]
    assert (hint.unit_cost, hint.source, hint.seen.supplier, hint.seen.reference) == (
        D("4.20"), CostSource.SUPPLIER, "SUP", number)


def test_a_reversed_receipt_and_receipts_that_are_no_purchase_are_left_out(shop):
    received(shop, "C-3", "5.00", "SUP", EARLIER)
    mistake = received(shop, "C-3", "50.00", "SUP", LATER)
    reverse_document(shop.uow(), ReverseDocument(mistake))
    ledger.receive(shop.uow(), stc.ReceiveStock("C-3", "1", "W1", "7", source_type="opening",
                                                occurred_at=datetime(2026, 3, 10, 9, tzinfo=UTC)))
    assert cost_suggestions(shop.engine, ["C-3"], "SUP", "W1")["C-3"].unit_cost == D("5.00")


def test_a_product_never_bought_takes_its_average_cost_in_the_receiving_warehouse_else_where_most_is(shop):
    ledger.receive(shop.uow(), stc.ReceiveStock("D-4", "1", "W1", "6", source_type="opening"))
    ledger.receive(shop.uow(), stc.ReceiveStock("D-4", "3", "W2", "8", source_type="opening"))
    found = {warehouse: cost_suggestions(shop.engine, ["D-4"], "", warehouse)["D-4"] for warehouse in ("W1", "W2", "")}
    assert {w: (s.unit_cost, s.source) for w, s in found.items()} == {
        "W1": (D(6), CostSource.AVERAGE), "W2": (D(8), CostSource.AVERAGE), "": (D(8), CostSource.AVERAGE)}


def test_a_product_without_any_cost_and_an_unknown_code_are_left_out(shop):
    assert cost_suggestions(shop.engine, ["E-5", "NOPE", ""], "SUP", "W1") == {}
