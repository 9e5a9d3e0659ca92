"""Posting and reversing stock documents on in-memory fakes: numbering, validation, all-or-nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import InsufficientStock
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.documents import Document
from domain.stock.documents import DocumentError
from domain.stock.documents import DocumentKind
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import ReverseDocument
from domain.stock.documents import post_document
from domain.stock.documents import reverse_document
from domain.stock.model import MovementKind
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


class FakeDocumentRepository:
    def __init__(self, docs: dict[str, Document], uow: DocumentsUnitOfWork) -> None:
        self.docs = docs
        self.uow = uow

    def add(self, document: Document) -> None:
        assert document.number not in self.docs
        self.docs[document.number] = document

    def add_many(self, documents: list[Document]) -> None:
        for document in documents:
            self.add(document)

    def by_number(self, number: str) -> Document | None:
        return self.docs.get(number)

    def last_seq(self, kind: str, year: int) -> int:
        return max((d.seq for d in self.docs.values() if d.kind == kind and d.year == year), default=0)

    def movement_ids(self, source_type: str, source_ref: str) -> list[str]:
        found = [m for m in self.uow.movements.s.movements.values()
                 if m.source_type == source_type and m.source_ref == source_ref
                 and m.kind not in (MovementKind.REVERSAL, MovementKind.TRANSFER_IN)]
        return [m.id for m in sorted(found, key=lambda m: (m.recorded_at, m.id))]

    def mark_reversed(self, document: Document) -> None:
        self.docs[document.number] = document

    def quantities_referencing(self, kind: str, reference: str) -> dict[str, Decimal]:
        found: dict[str, Decimal] = {}
        for d in self.docs.values():
            if d.kind == kind and d.reference == reference and not d.reversed:
                for line in d.lines:
                    found[line.product_id] = found.get(line.product_id, Decimal(0)) + (line.qty or Decimal(0))
        return found


class DocumentsUnitOfWork(FakeUnitOfWork):
    """The shared fake plus a document repository with the same commit/rollback behaviour."""

    def __init__(self) -> None:
        super().__init__()
        self.committed_docs: dict[str, Document] = {}

    def __enter__(self) -> DocumentsUnitOfWork:
        super().__enter__()
        self.documents = FakeDocumentRepository(dict(self.committed_docs), self)
        return self

    def commit(self) -> None:
        super().commit()
        self.committed_docs = dict(self.documents.docs)

    def rollback(self) -> None:
        super().rollback()
        self.documents.docs = dict(self.committed_docs)


@pytest.fixture
def uow() -> DocumentsUnitOfWork:
    uow = DocumentsUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "苹果 Apple", barcodes=("6901234567892",)))
    catalog.add_product(uow, cc.AddProduct("B-2", "Pear", category="fruit"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W2", "Shop"))
    catalog.add_supplier(uow, cc.AddSupplier("SUP", "Supplier"))
    catalog.add_customer(uow, cc.AddCustomer("CUS", "Customer"))
    return uow


def on_hand(uow: DocumentsUnitOfWork, sku: str, wh: str) -> Decimal:
    with uow:
        product = uow.products.by_sku(sku)
        warehouse = uow.warehouses.by_code(wh)
        return uow.balances.get(product.id, warehouse.id).position.on_hand


def receipt(*lines: LineInput, **header) -> PostDocument:
    return PostDocument("receipt", header.pop("warehouse", "W1"), tuple(lines), **header)


def test_a_receipt_posts_every_line_under_one_numbered_document(uow):
    doc = post_document(uow, receipt(LineInput("A-1", "10", "2.50"), LineInput("6901234567892", "5", "3"),
                                     LineInput("B-2", "4", "1"), partner="SUP", reference="INV-7"))
    year = clock.today().year
    assert doc.number == f"GR-{year}-00001"
    assert (doc.kind, doc.partner, doc.reference, doc.user) == (DocumentKind.RECEIPT, "SUP", "INV-7", "tester")
    assert [line.qty for line in doc.lines] == [Decimal(10), Decimal(5), Decimal(4)]
    assert on_hand(uow, "A-1", "W1") == 15
    moved = [m for m in uow.state.movements.values()]
    assert {(m.source_type, m.source_ref) for m in moved} == {("receipt", doc.number)}
    assert len(moved) == 3


def test_numbers_are_consecutive_per_kind(uow):
    first = post_document(uow, receipt(LineInput("A-1", "10", "1")))
    second = post_document(uow, receipt(LineInput("A-1", "1", "1")))
    shipped = post_document(uow, PostDocument("shipment", "W1", (LineInput("A-1", "2"),), partner="CUS"))
    adjusted = post_document(uow, PostDocument("adjustment", "W1", (LineInput("A-1", "-1", reason="broken"),)))
    year = clock.today().year
    assert [first.number, second.number] == [f"GR-{year}-00001", f"GR-{year}-00002"]
    assert shipped.number == f"GI-{year}-00001"
    assert adjusted.number == f"ADJ-{year}-00001"
    assert on_hand(uow, "A-1", "W1") == 8


def test_a_bad_line_is_refused_naming_its_line_and_field_and_nothing_is_posted(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "10", "1"), LineInput("B-2", "abc", "1")))
    assert caught.value.line == 2
    assert caught.value.field == "quantity"
    assert "line 2" in str(caught.value)
    assert uow.state.movements == {}
    assert uow.committed_docs == {}


def test_a_receipt_line_without_a_unit_cost_is_refused(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "1", "")))
    assert (caught.value.line, caught.value.field, caught.value.code) == (1, "unit cost", "bad_input")


def test_an_unknown_sku_is_refused_on_its_line(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "1", "1"), LineInput("NOPE", "1", "1")))
    assert (caught.value.line, caught.value.code, caught.value.params["code"]) == (2, "unknown_product", "NOPE")
    assert uow.state.movements == {}


def test_a_shipment_short_of_stock_rolls_back_every_line(uow):
    post_document(uow, receipt(LineInput("A-1", "5", "1"), LineInput("B-2", "1", "1")))
    before = uow.snapshot()
    with pytest.raises(DocumentError) as caught:
        post_document(uow, PostDocument("shipment", "W1", (LineInput("A-1", "2"), LineInput("B-2", "3"))))
    err = caught.value
    assert (err.line, err.code, err.field) == (2, "insufficient_stock", "quantity")
    assert isinstance(err.cause, InsufficientStock)
    assert err.params["on_hand"] == "1" and err.params["asked"] == "3" and err.params["sku"] == "B-2"
    assert uow.state.movements == before.movements
    assert on_hand(uow, "A-1", "W1") == 5
    assert len(uow.committed_docs) == 1


def test_an_unknown_partner_or_warehouse_is_refused_in_the_header(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "1", "1"), partner="CUS"))
    assert (caught.value.line, caught.value.field, caught.value.code) == (None, "supplier", "unknown_partner")
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "1", "1"), warehouse="W9"))
    assert (caught.value.field, caught.value.code) == ("warehouse", "unknown_warehouse")


def test_a_document_without_lines_is_refused(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt())
    assert caught.value.code == "no_lines"


def test_a_future_date_is_refused_and_a_past_date_posts_at_the_end_of_that_day(uow):
    tomorrow = clock.today() + timedelta(days=1)
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "1", "1"), business_date=tomorrow))
    assert caught.value.field == "date"
    past = clock.today() - timedelta(days=3)
    doc = post_document(uow, receipt(LineInput("A-1", "1", "1"), business_date=past))
    assert doc.business_date == past
    local = doc.occurred_at.astimezone()
    assert (local.date(), local.hour, local.minute) == (past, 23, 59)


def test_a_transfer_moves_stock_and_refuses_the_same_warehouse_twice(uow):
    post_document(uow, receipt(LineInput("A-1", "5", "2")))
    doc = post_document(uow, PostDocument("transfer", "W1", (LineInput("A-1", "3"),), to_warehouse="W2"))
    assert doc.number.startswith("TR-")
    assert (on_hand(uow, "A-1", "W1"), on_hand(uow, "A-1", "W2")) == (2, 3)
    with pytest.raises(DocumentError) as caught:
        post_document(uow, PostDocument("transfer", "W1", (LineInput("A-1", "1"),), to_warehouse="W1"))
    assert caught.value.field == "to warehouse"


def test_a_count_posts_differences_and_blank_counted_changes_nothing(uow):
    post_document(uow, receipt(LineInput("A-1", "5", "2"), LineInput("B-2", "7", "1")))
    doc = post_document(uow, PostDocument("count", "W1", (LineInput("A-1", counted="3"),
                                                          LineInput("B-2", counted=""))))
    assert doc.number.startswith("SC-")
    assert (on_hand(uow, "A-1", "W1"), on_hand(uow, "B-2", "W1")) == (3, 7)
    line = doc.lines[0]
    assert (line.counted, line.expected, line.qty) == (Decimal(3), Decimal(5), Decimal(-2))
    counts = [m for m in uow.state.movements.values() if m.kind == MovementKind.COUNT]
    assert [(m.source_type, m.source_ref) for m in counts] == [("count", doc.number)]


def test_a_count_with_the_same_product_twice_is_refused(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, PostDocument("count", "W1", (LineInput("A-1", counted="3"),
                                                        LineInput("6901234567892", counted="4"))))
    assert (caught.value.line, caught.value.code) == (2, "duplicate_line")


def test_an_adjustment_needs_a_reason_per_line(uow):
    with pytest.raises(DocumentError) as caught:
        post_document(uow, PostDocument("adjustment", "W1", (LineInput("A-1", "2", reason="found"),
                                                             LineInput("A-1", "-1"))))
    assert (caught.value.line, caught.value.field) == (2, "reason")
    doc = post_document(uow, PostDocument("adjustment", "W1", (LineInput("A-1", "2", reason="found"),)))
    [moved] = [m for m in uow.state.movements.values() if m.source_ref == doc.number]
    assert (moved.kind, moved.qty, moved.note) == (MovementKind.ADJUSTMENT, Decimal(2), "found")


def test_reversing_a_document_undoes_every_movement_once(uow):
    doc = post_document(uow, receipt(LineInput("A-1", "5", "2"), LineInput("B-2", "2", "1")))
    moved = post_document(uow, PostDocument("transfer", "W1", (LineInput("A-1", "2"),), to_warehouse="W2"))
    undone = reverse_document(uow, ReverseDocument(moved.number))
    assert undone.reversed and undone.reversed_at is not None
    assert (on_hand(uow, "A-1", "W1"), on_hand(uow, "A-1", "W2")) == (5, 0)
    reverse_document(uow, ReverseDocument(doc.number))
    assert (on_hand(uow, "A-1", "W1"), on_hand(uow, "B-2", "W1")) == (0, 0)
    with pytest.raises(DocumentError) as caught:
        reverse_document(uow, ReverseDocument(doc.number))
    assert caught.value.code == "already_reversed"


def test_a_receipt_whose_goods_were_shipped_cannot_be_reversed(uow):
    doc = post_document(uow, receipt(LineInput("A-1", "5", "2")))
    post_document(uow, PostDocument("shipment", "W1", (LineInput("A-1", "4"),)))
    with pytest.raises(DocumentError) as caught:
        reverse_document(uow, ReverseDocument(doc.number))
    assert isinstance(caught.value.cause, InsufficientStock)
    assert caught.value.code == "cannot_reverse"
    assert not uow.committed_docs[doc.number].reversed
    assert on_hand(uow, "A-1", "W1") == 1


def test_reversing_an_unknown_number_is_refused(uow):
    with pytest.raises(DocumentError) as caught:
        reverse_document(uow, ReverseDocument("GR-1999-00001"))
    assert caught.value.code == "not_found"


def test_the_ledger_handlers_keep_their_own_checks_inside_a_document(uow):
    # A single-movement use case and a document post the same thing for the same input.
    ledger.receive(uow, c.ReceiveStock("A-1", "2", "W1", "3"))
    doc = post_document(uow, receipt(LineInput("A-1", "2", "3")))
    values = sorted(uow.state.valuations[m.id].value for m in uow.state.movements.values())
    assert values == [Decimal(6), Decimal(6)]
    assert doc.seq == 1


def test_a_note_longer_than_a_movement_keeps_is_refused_at_the_first_line_of_a_document_that_passes_it_on(uow):
    # A document keeps a note of up to 500 characters; receipts, shipments and transfers hand it on to their
    # movements, which keep at most 200: the refusal names the first line and the note, and nothing is posted.
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("A-1", "10", "1"), LineInput("B-2", "1", "1"), note="n" * 201))
    assert (caught.value.code, caught.value.line, caught.value.field) == ("bad_input", 1, "note")
    assert str(caught.value) == "line 1: note: is 201 characters long; at most 200 are accepted"
    assert uow.state.movements == {} and uow.committed_docs == {}
    # an unknown product on the first line is named before the note
    with pytest.raises(DocumentError) as caught:
        post_document(uow, receipt(LineInput("NOPE", "10", "1"), note="n" * 201))
    assert caught.value.code == "unknown_product"
    # an adjustment's movements carry each line's reason, not the note: the document's own limit applies
    doc = post_document(uow, PostDocument("adjustment", "W1", (LineInput("A-1", "2", reason="found"),),
                                          note="n" * 300))
    assert doc.note == "n" * 300


def test_a_document_posts_through_the_same_ledger_core_as_a_single_movement(uow):
    # the same line, posted as a document and by the core directly with the values already checked
    post_document(uow, receipt(LineInput("A-1", "4", "2.5")))
    with uow:
        product, warehouse = uow.products.by_sku("A-1"), uow.warehouses.by_code("W1")
        direct = ledger.post_receipt(uow, product, warehouse, Decimal(4), Decimal("2.5"),
                                     next(iter(uow.state.movements.values())).occurred_at, "REF", "", "receipt")
        uow.commit()
    values = sorted(uow.state.valuations[m.id].value for m in uow.state.movements.values())
    assert values == [Decimal(10), Decimal(10)]
    assert direct.source_ref == "REF" and on_hand(uow, "A-1", "W1") == 8
