"""Returns to the supplier on a real SQLite file: the value that leaves, the limits of a receipt and a PO, the PO's
received and on-order quantities, and the reversal that puts everything back."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.purchasing import returns
from domain.purchasing.model import PoState
from domain.stock import documents as docs
from domain.stock.documents_model import DocumentKind
from persistence.purchasing.orders import check_on_order
from persistence.stock import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def receipt(db, *lines: tuple[str, str, str], partner: str = "NB", warehouse: str = "MAIN") -> str:
    doc = docs.post_document(db.uow(), docs.PostDocument(
        "receipt", warehouse, tuple(docs.LineInput(sku, qty, cost) for sku, qty, cost in lines), partner=partner))
    return doc.number


def back(db, sku: str, qty: str, *, receipt: str = "", po: str = "", supplier: str = "NB", warehouse: str = "MAIN"):
    return returns.return_to_supplier(db.uow(), returns.ReturnToSupplier(
        supplier, warehouse, (returns.ReturnLine(sku, qty),), "破损 damaged", receipt=receipt, po=po))


def stock(db, sku: str = "SCREW", warehouse: str = "MAIN"):
    [row] = queries.stock(db.engine, sku, warehouse)
    return row


def test_goods_leave_at_the_moving_average_as_a_numbered_document(shop):
    receipt(shop, ("SCREW", "100", "2.00"))
    receipt(shop, ("SCREW", "100", "3.00"))  # 200 on hand worth 500: 2.50 each
    doc = back(shop, "SCREW", "30")
    assert doc.number.startswith("PR-") and doc.number.endswith("-00001")
    assert (doc.kind, doc.partner, doc.note) == (DocumentKind.SUPPLIER_RETURN, "NB", "破损 damaged")
    row = stock(shop)
    assert (row.on_hand, row.value, row.avg_cost) == (D(170), D("425.00"), D("2.5"))  # 500 − 30 × 2.50
    assert queries.check(shop.engine) == []
    docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    row = stock(shop)
    assert (row.on_hand, row.value) == (D(200), D("500.00"))
    assert queries.check(shop.engine) == []


def test_against_a_receipt_no_more_than_it_brought_in_less_earlier_returns(shop):
    gr = receipt(shop, ("SCREW", "100", "2.00"), ("NUT", "50", "0.10"))
    receipt(shop, ("SCREW", "100", "2.00"))
    first = back(shop, "SCREW", "30", receipt=gr)
    assert first.reference == gr
    with pytest.raises(RuleViolation) as exc:
        back(shop, "SCREW", "71", receipt=gr)  # 100 − 30 = 70 left
    assert exc.value.code == "return_over_receipt"
    assert (exc.value.params["returned"], exc.value.params["room"]) == ("30", "70")
    back(shop, "SCREW", "70", receipt=gr)
    with pytest.raises(RuleViolation):
        back(shop, "SCREW", "1", receipt=gr)
    back(shop, "NUT", "50", receipt=gr)
    docs.reverse_document(shop.uow(), docs.ReverseDocument(first.number))  # its 30 may go back again
    back(shop, "SCREW", "30", receipt=gr)
    assert stock(shop).on_hand == D(100)  # 200 in, 30 + 70 + 30 out, 30 back
    assert queries.check(shop.engine) == []


@pytest.mark.parametrize(("kwargs", "kind", "code"), [
    ({"receipt": "GR-2026-09999"}, NotFound, "unknown_receipt"),
    ({"supplier": "SZ", "receipt": "GR"}, RuleViolation, "return_other_supplier"),
    ({"warehouse": "SHOP", "receipt": "GR"}, RuleViolation, "return_other_warehouse"),
    ({"supplier": "NOPE"}, NotFound, "unknown_supplier_code"),
])
def test_a_return_against_the_wrong_receipt_is_refused(shop, kwargs, kind, code):
    gr = receipt(shop, ("SCREW", "100", "2.00"))
    receipt(shop, ("SCREW", "100", "2.00"), warehouse="SHOP")
    if kwargs.get("receipt") == "GR":
        kwargs["receipt"] = gr
    with pytest.raises(kind) as exc:
        back(shop, "SCREW", "1", **kwargs)
    assert exc.value.code == code
    assert stock(shop).on_hand == D(100)


def test_a_product_not_on_the_receipt_and_a_reversed_receipt_are_refused(shop):
    gr = receipt(shop, ("SCREW", "10", "2.00"))
    receipt(shop, ("NUT", "10", "1"))
    with pytest.raises(RuleViolation) as exc:
        back(shop, "NUT", "1", receipt=gr)
    assert exc.value.code == "sku_not_on_receipt"
    docs.reverse_document(shop.uow(), docs.ReverseDocument(gr))
    with pytest.raises(RuleViolation) as exc:
        back(shop, "SCREW", "1", receipt=gr)
    assert exc.value.code == "receipt_reversed"


def test_bad_input_names_the_field(shop):
    receipt(shop, ("SCREW", "10", "2.00"))
    for qty, field in (("0", "quantity of line 1"), ("-1", "quantity of line 1"), ("x", "quantity of line 1")):
        with pytest.raises(BadInput) as exc:
            back(shop, "SCREW", qty)
        assert exc.value.field == field
    with pytest.raises(BadInput) as exc:
        returns.return_to_supplier(shop.uow(), returns.ReturnToSupplier(
            "NB", "MAIN", (returns.ReturnLine("SCREW", "1"),), "  "))
    assert exc.value.field == "reason"
    with pytest.raises(BadInput):
        back(shop, "SCREW", "1", receipt="GR-2026-00001", po="PO-2026-00001")


def test_more_than_on_hand_is_refused_and_nothing_is_written(shop):
    receipt(shop, ("SCREW", "10", "2.00"))
    with pytest.raises(RuleViolation) as exc:
        back(shop, "SCREW", "11")
    assert exc.value.code == "insufficient_stock"
    assert stock(shop).on_hand == D(10)


def po_with(db, qty: str = "100", price: str = "2") -> str:
    draft = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", qty, price))
    return po_uc.issue(db.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number


def po_state(db, number: str):
    with db.uow() as uow:
        po = uow.purchasing.by_number(number)
        return po.state, po.lines[0].received, uow.balances.get(po.lines[0].product_id, po.warehouse_id).on_order


def test_against_a_po_the_received_quantity_goes_down_and_the_reversal_puts_it_back(shop):
    number = po_with(shop)
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "60"),)))
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, D(60), D(40))
    doc = back(shop, "SCREW", "20", po=number)
    assert doc.reference == number
    # 20 of the 60 went back: 40 received, 60 expected again
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, D(40), D(60))
    assert stock(shop).on_hand == D(40)
    with pytest.raises(RuleViolation) as exc:
        back(shop, "SCREW", "41", po=number)
    assert exc.value.code == "return_over_po"
    docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, D(60), D(40))
    assert stock(shop).on_hand == D(60)
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_a_received_po_is_expecting_again_after_a_return(shop):
    number = po_with(shop, "50")
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number))
    assert po_state(shop, number) == (PoState.RECEIVED, D(50), D(0))
    doc = back(shop, "SCREW", "10", po=number)
    assert po_state(shop, number) == (PoState.PARTLY_RECEIVED, D(40), D(10))
    assert check_on_order(shop.engine) == []
    docs.reverse_document(shop.uow(), docs.ReverseDocument(doc.number))
    assert po_state(shop, number) == (PoState.RECEIVED, D(50), D(0))
    assert check_on_order(shop.engine) == [] and queries.check(shop.engine) == []


def test_a_po_of_another_supplier_or_warehouse_is_refused(shop):
    number = po_with(shop)
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "10"),)))
    receipt(shop, ("SCREW", "5", "1"), warehouse="SHOP")
    for kwargs, code in (({"supplier": "SZ"}, "return_po_other_supplier"),
                         ({"warehouse": "SHOP"}, "return_po_other_warehouse")):
        with pytest.raises(RuleViolation) as exc:
            back(shop, "SCREW", "1", po=number, **kwargs)
        assert exc.value.code == code
    with pytest.raises(NotFound):
        back(shop, "SCREW", "1", po="PO-2026-09999")


def test_a_return_is_not_posted_as_a_generic_document(shop):
    with pytest.raises(docs.DocumentError) as exc:
        docs.post_document(shop.uow(), docs.PostDocument("supplier_return", "MAIN", (docs.LineInput("SCREW", "1"),)))
    assert exc.value.field == "kind"


def test_planning_does_not_count_goods_returned_to_the_supplier_as_demand(shop):
    from datetime import date
    from datetime import timedelta

    from domain.stock import commands as sc
    from domain.stock import ledger
    from persistence.planning.queries import read_history

    receipt(shop, ("SCREW", "100", "2.00"))
    ledger.ship(shop.uow(), sc.ShipStock("SCREW", "7", "MAIN"))
    back(shop, "SCREW", "30")
    today = clock.now().date()
    history = read_history(shop.engine, today - timedelta(days=3), today + timedelta(days=1))
    [shipped] = history.shipped.values()
    assert sum(shipped.values()) == D(7)
    assert isinstance(today, date)
