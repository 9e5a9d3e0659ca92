"""Each delivery received against a purchase order is a goods receipt of its own, on a real SQLite file (the shop of
``conftest.py``): numbered with the free receipts, naming the PO, listed with them, and reversed from there (the
stock, the payable and the PO's received quantities go back in one transaction, or nothing does)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import returns
from domain.purchasing.model import PoState
from domain.stock import documents as docs
from domain.stock.documents_model import DocumentKind
from persistence.accounts import queries as accounts
from persistence.purchasing.orders import check_on_order
from persistence.stock import queries
from persistence.stock.documents import document_lines
from persistence.stock.documents import document_list
from tests.integration.purchasing.test_supplier_returns import MARCH

D = Decimal


def po_with(db, screws: str = "100", nuts: str = "50") -> str:
    draft = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", screws, "2"))
    po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, "NUT", nuts, "0.10"))
    return po_uc.issue(db.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number


def deliver(db, number: str, *lines: tuple[str, str]) -> po_uc.Delivery:
    return po_uc.receive_delivery(db.uow(), pc.ReceivePurchaseOrder(number, tuple(lines)))


def po_state(db, number: str):
    with db.uow() as uow:
        po = uow.purchasing.by_number(number)
        return po.state, {line.sku: line.received for line in po.lines}


def on_hand(db, sku: str = "SCREW") -> Decimal:
    [row] = queries.stock(db.engine, sku, "MAIN")
    return row.on_hand


def payable(db) -> Decimal:
    return sum((r.open for r in accounts.open_items(db.engine, "AP") if r.amount > 0), D(0))


def free_receipt(db) -> str:
    return docs.post_document(db.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "5", "1"),), partner="NB")).number


def test_each_delivery_is_a_receipt_numbered_with_the_free_ones_and_naming_the_po(shop):
    number = po_with(shop)
    first = free_receipt(shop)
    delivery = deliver(shop, number, ("SCREW", "60"), ("NUT", "50"))
    doc = delivery.document
    year = doc.number.split("-")[1]
    assert first == f"GR-{year}-00001" and doc.number == f"GR-{year}-00002"
    assert (doc.kind, doc.partner, doc.reference) == (DocumentKind.RECEIPT, "NB", number)
    assert [(m.source_type, m.source_ref) for m in delivery.movements] == [("po", number)] * 2
    second = deliver(shop, number, ("SCREW", "40")).document
    assert second.number == f"GR-{year}-00003"
    assert free_receipt(shop) == f"GR-{year}-00004"
    rows = {r.number: r for r in document_list(shop.engine, kind="receipt")}
    listed = rows[doc.number]
    assert (listed.reference, listed.partner, listed.line_count, listed.total_qty) == (number, "NB", 2, D(110))
    assert listed.total_value == D("125.00")  # 60 × 2 + 50 × 0.10
    assert [(x.sku, x.qty, x.unit_cost) for x in document_lines(shop.engine, listed.id)] == [
        ("SCREW", D(60), D(2)), ("NUT", D(50), D("0.1"))]
    assert rows[second.number].total_value == D(80)


def test_the_receive_use_case_still_returns_its_movements_and_posts_a_receipt(shop):
    number = po_with(shop)
    movements = po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "10"),)))
    assert [m.qty for m in movements] == [D(10)]
    [row] = [r for r in document_list(shop.engine, kind="receipt")]
    assert row.reference == number


def test_reversing_a_delivery_takes_it_off_the_stock_the_payable_and_the_po_which_reopens(shop):
    number = po_with(shop)
    first = deliver(shop, number, ("SCREW", "60")).document
    second = deliver(shop, number, ("SCREW", "40"), ("NUT", "50")).document
    assert po_state(shop, number) == (PoState.RECEIVED, {"SCREW": D(100), "NUT": D(50)})
    owed = payable(shop)
    docs.reverse_document(shop.uow(), docs.ReverseDocument(second.number))
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, {"SCREW": D(60), "NUT": D(0)})
    assert (on_hand(shop), on_hand(shop, "NUT")) == (D(60), D(0))
    assert payable(shop) == owed * 120 / 205  # the first delivery's 60 × 2 of the 100 × 2 + 50 × 0.10, tax alike
    with shop.uow() as uow:
        screw = uow.products.by_sku("SCREW")
        assert uow.balances.get(screw.id, uow.warehouses.by_code("MAIN").id).on_order == D(40)
    [listed] = [r for r in document_list(shop.engine, kind="receipt") if r.number == second.number]
    assert listed.reversed
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(second.number))
    assert exc.value.code == "already_reversed"
    # the first delivery is still there and reverses on its own; the goods are expected again
    docs.reverse_document(shop.uow(), docs.ReverseDocument(first.number))
    assert po_state(shop, number) == (PoState.ISSUED, {"SCREW": D(0), "NUT": D(0)})
    assert on_hand(shop) == D(0) and payable(shop) == D(0)
    deliver(shop, number, ("SCREW", "100"), ("NUT", "50"))  # and can be received again
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_a_delivery_whose_goods_have_left_is_not_reversed_and_nothing_changes(shop):
    number = po_with(shop)
    doc = deliver(shop, number, ("SCREW", "60"), ("NUT", "50")).document
    docs.post_document(shop.uow(), docs.PostDocument("shipment", "MAIN", (docs.LineInput("NUT", "10"),)))
    owed = payable(shop)
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert exc.value.code == "cannot_reverse" and exc.value.params["number"] == doc.number
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, {"SCREW": D(60), "NUT": D(50)})
    assert (on_hand(shop), on_hand(shop, "NUT"), payable(shop)) == (D(60), D(40), owed)
    assert not [r for r in document_list(shop.engine, kind="receipt") if r.number == doc.number][0].reversed
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_a_delivery_partly_returned_to_the_supplier_against_the_po_is_refused(shop):
    number = po_with(shop)
    free_receipt(shop)  # 5 more on hand than the PO brought: the stock alone would not refuse it
    doc = deliver(shop, number, ("SCREW", "60")).document
    back = returns.return_to_supplier(shop.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "5"),), "damaged", po=number))
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert exc.value.code == "cannot_reverse" and exc.value.cause.code == "delivery_returned"
    assert po_state(shop, number)[1]["SCREW"] == D(55) and on_hand(shop) == D(60)
    docs.reverse_document(shop.uow(), docs.ReverseDocument(back.number))  # the return first, then the delivery
    docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert po_state(shop, number) == (PoState.ISSUED, {"SCREW": D(0), "NUT": D(0)})
    assert on_hand(shop) == D(5)
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_a_free_receipt_naming_a_po_in_its_reference_leaves_the_po_alone(shop):
    number = po_with(shop)
    deliver(shop, number, ("SCREW", "10"))
    doc = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "5", "1"),), partner="NB", reference=number))
    docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert po_state(shop, number)[1]["SCREW"] == D(10) and on_hand(shop) == D(10)


@pytest.mark.parametrize("against_po", [False, True])
def test_a_receipt_with_goods_returned_against_it_is_reversed_only_after_the_return(shop, against_po):
    number = po_with(shop)
    free_receipt(shop)
    receipt = deliver(shop, number, ("SCREW", "60")).document.number if against_po else free_receipt(shop)
    back = returns.return_to_supplier(shop.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "2"),), "damaged", receipt=receipt))
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(shop.uow(), docs.ReverseDocument(receipt))
    assert exc.value.code == "cannot_reverse" and exc.value.cause.code == "receipt_has_returns"
    docs.reverse_document(shop.uow(), docs.ReverseDocument(back.number))
    docs.reverse_document(shop.uow(), docs.ReverseDocument(receipt))
    assert on_hand(shop) == D(5)
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_goods_returned_against_a_delivery_go_back_on_its_po_and_come_back_with_the_reversal(shop):
    number = po_with(shop)
    delivery = deliver(shop, number, ("SCREW", "100"), ("NUT", "50")).document
    assert po_state(shop, number)[0] == PoState.RECEIVED
    back = returns.return_to_supplier(shop.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "10"),), "damaged", receipt=delivery.number))
    assert back.reference == delivery.number
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, {"SCREW": D(90), "NUT": D(50)})
    assert check_on_order(shop.engine) == []
    docs.reverse_document(shop.uow(), docs.ReverseDocument(back.number))
    assert po_state(shop, number) == (PoState.RECEIVED, {"SCREW": D(100), "NUT": D(50)})
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []
