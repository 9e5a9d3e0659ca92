"""Stock documents on a real SQLite file: stored headers and lines, list and lines queries, reversal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.stock.documents import DocumentError
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import ReverseDocument
from domain.stock.documents import post_document
from domain.stock.documents import reverse_document
from persistence.stock import documents as q
from persistence.stock import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def shop(db):
    uow = db.uow
    catalog.add_product(uow(), c.AddProduct("A-1", "螺丝刀 Screwdriver", barcodes=("6901234567892",), category="tools"))
    catalog.add_product(uow(), c.AddProduct("B-2", "Hammer", category="tools"))
    catalog.add_product(uow(), c.AddProduct("C-3", "Glue", category="chemicals"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow(), c.AddWarehouse("W2", "Shop"))
    catalog.add_supplier(uow(), c.AddSupplier("SUP", "Supplier"))
    catalog.add_customer(uow(), c.AddCustomer("CUS", "Customer"))
    return db


def test_a_posted_receipt_is_listed_with_its_totals_and_lines(shop):
    doc = post_document(shop.uow("ann"), PostDocument(
        "receipt", "W1", (LineInput("A-1", "10", "2.50"), LineInput("6901234567892", "2", "3"),
                          LineInput("B-2", "1", "0.333")), partner="SUP", reference="INV-1"))
    [row] = q.document_list(shop.engine)
    assert (row.number, row.kind, row.warehouse, row.partner, row.reference, row.user) == (
        doc.number, "receipt", "W1", "SUP", "INV-1", "ann")
    assert (row.line_count, row.total_qty, row.total_value, row.reversed) == (3, Decimal(13), Decimal("31.33"), False)
    assert row.business_date == clock.today()
    lines = q.document_lines(shop.engine, doc.id)
    assert [(x.line_no, x.sku, x.qty, x.unit_cost) for x in lines] == [
        (1, "A-1", Decimal(10), Decimal("2.5")), (2, "A-1", Decimal(2), Decimal(3)), (3, "B-2", Decimal(1),
                                                                                      Decimal("0.333"))]
    assert queries.on_hand(shop.engine, "A-1", "W1") == 12
    assert queries.check(shop.engine) == []


def test_a_refused_shipment_leaves_no_document_and_no_movement(shop):
    post_document(shop.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "1", "1"),)))
    with pytest.raises(DocumentError) as caught:
        post_document(shop.uow(), PostDocument("shipment", "W1", (LineInput("A-1", "1"), LineInput("A-1", "1"))))
    assert caught.value.line == 2
    assert [r.kind for r in q.document_list(shop.engine)] == ["receipt"]
    assert len(queries.movements(shop.engine)) == 1
    assert queries.on_hand(shop.engine, "A-1", "W1") == 1


def test_numbers_continue_across_units_of_work_and_the_list_filters_by_kind(shop):
    for _ in range(3):
        post_document(shop.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "1", "1"),)))
    post_document(shop.uow(), PostDocument("shipment", "W1", (LineInput("A-1", "1"),), partner="CUS"))
    year = clock.today().year
    assert [r.number for r in q.document_list(shop.engine, "receipt")] == [
        f"GR-{year}-00003", f"GR-{year}-00002", f"GR-{year}-00001"]
    [shipment] = q.document_list(shop.engine, "shipment")
    assert (shipment.number, shipment.total_value) == (f"GI-{year}-00001", Decimal(1))


def test_reversing_a_transfer_restores_both_warehouses_and_marks_the_document(shop):
    post_document(shop.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "5", "2"),)))
    doc = post_document(shop.uow(), PostDocument("transfer", "W1", (LineInput("A-1", "2"),), to_warehouse="W2"))
    [row] = q.document_list(shop.engine, "transfer")
    assert (row.to_warehouse, row.total_value) == ("W2", Decimal(4))
    reverse_document(shop.uow(), ReverseDocument(doc.number))
    assert queries.on_hand(shop.engine, "A-1", "W1") == 5
    assert queries.on_hand(shop.engine, "A-1", "W2") == 0
    assert q.document_list(shop.engine, "transfer")[0].reversed
    assert queries.check(shop.engine) == []
    with pytest.raises(DocumentError):
        reverse_document(shop.uow(), ReverseDocument(doc.number))


def test_a_count_stores_counted_and_expected(shop):
    post_document(shop.uow(), PostDocument("receipt", "W1", (LineInput("A-1", "5", "2"), LineInput("B-2", "2", "1"))))
    doc = post_document(shop.uow(), PostDocument("count", "W1", (LineInput("A-1", counted="4"),
                                                                 LineInput("B-2", counted=None))))
    lines = q.document_lines(shop.engine, doc.id)
    assert [(x.sku, x.counted, x.expected, x.qty) for x in lines] == [("A-1", Decimal(4), Decimal(5), Decimal(-1))]
    assert queries.on_hand(shop.engine, "A-1", "W1") == 4


def test_scan_codes_map_skus_and_barcodes_of_active_products(shop):
    codes = {code: target.sku for code, target in q.scan_codes(shop.engine).items()}
    assert codes == {"A-1": "A-1", "6901234567892": "A-1", "B-2": "B-2", "C-3": "C-3",
                     "a-1": "A-1", "b-2": "B-2", "c-3": "C-3"}  # and by code_key, for a code typed in lower case
