"""A delivery received against a purchase order travels as a receipt with its movements: its number taken on two
desks offline is renumbered on the hub like any receipt's, and the other desk lists it and reverses it, the PO's
received quantities going back on every desk."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.stock import documents as docs
from persistence import sync
from persistence.purchasing.orders import check_on_order
from persistence.stock import queries
from persistence.stock.documents import document_list
from tests.integration.sync.helpers import snapshot
from tests.integration.sync.test_conflicts import T0
from tests.integration.sync.test_conflicts import shared_start

pytestmark = pytest.mark.postgres


def received(db, number: str):
    with db.uow() as uow:
        po = uow.purchasing.by_number(number)
        return po.state.value, po.lines[0].received


def test_a_delivery_renumbered_on_the_hub_is_listed_and_reversed_on_the_other_desk(hub, devices):
    a, b = shared_start(hub, devices, "a", "b")
    catalog.add_supplier(a.uow(), cc.AddSupplier("NB", "宁波紧固件有限公司"))
    draft = po_uc.create_draft(a.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(a.uow(), pc.AddPurchaseOrderLine(draft.id, "SKU-1", "10", "8"))
    number = po_uc.issue(a.uow(), pc.IssuePurchaseOrder(draft.id, T0)).number
    for db in (a, b):
        sync.sync(db, hub)
    # offline: b posts a free receipt, a receives the delivery; both take the first receipt number
    free = docs.post_document(b.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SKU-1", "2", "8"),), business_date=T0.date())).number
    delivery = po_uc.receive_delivery(a.uow(), pc.ReceivePurchaseOrder(
        number, (("SKU-1", "10"),), T0 + timedelta(hours=2))).document
    assert delivery.number == free
    for db in (b, a, b):
        sync.sync(db, hub)
    year = free.split("-")[1]
    renumbered = f"GR-{year}-00002"
    for db in (a, b):
        listed = {d.number: (d.reference, d.po, d.total_value, d.reversed) for d in document_list(db.engine)}
        assert listed == {free: ("", "", Decimal("16.00"), False),
                          renumbered: (number, number, Decimal(80), False)}
        assert received(db, number) == ("received", Decimal(10))
    assert snapshot(a) == snapshot(b)

    docs.reverse_document(b.uow(), docs.ReverseDocument(renumbered))  # on the desk that pulled it
    assert received(b, number) == ("issued", Decimal(0))
    for db in (b, a):
        sync.sync(db, hub)
    assert snapshot(a) == snapshot(b)
    for db in (a, b):
        assert received(db, number) == ("issued", Decimal(0))
        assert [d.reversed for d in document_list(db.engine) if d.number == renumbered] == [True]
        [row] = queries.stock(db.engine, "SKU-1", "MAIN")
        assert (row.on_hand, row.on_order) == (Decimal(3), Decimal(10))  # 1 at the start + the free 2
        assert check_on_order(db.engine) == [] and queries.check(db.engine) == []
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(a.uow(), docs.ReverseDocument(renumbered))
    assert exc.value.code == "already_reversed"
