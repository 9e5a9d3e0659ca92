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


def lines_of(db, number: str) -> list[tuple[int, str | None]]:
    from sqlalchemy import select

    from persistence import tables as t

    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(t.document_lines.c.line_no, t.document_lines.c.movement_id)
            .join_from(t.document_lines, t.documents, t.documents.c.id == t.document_lines.c.document_id)
            .where(t.documents.c.number == number).order_by(t.document_lines.c.line_no))]


def test_a_deliverys_links_travel_and_a_forged_link_on_the_hub_is_kept_aside_or_refused_where_used(hub, devices):
    """The lines' links come with the receipt to the other desk, which reverses the delivery through them. A version
    of the receipt written straight into the hub naming one movement on two lines is kept aside with its reason; one
    naming another PO's receipt passes the record's checks (the movement may not be pulled yet) and is refused by the
    reversal, which writes nothing."""
    from tests.integration.sync.test_hostile_hub import HostileWriter
    from tests.integration.sync.test_hostile_hub import quarantined

    a, b = shared_start(hub, devices, "a", "b")
    catalog.add_supplier(a.uow(), cc.AddSupplier("NB", "宁波紧固件有限公司"))
    numbers = []
    for _ in range(2):
        draft = po_uc.create_draft(a.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
        po_uc.add_line(a.uow(), pc.AddPurchaseOrderLine(draft.id, "SKU-1", "10", "8"))
        numbers.append(po_uc.issue(a.uow(), pc.IssuePurchaseOrder(draft.id, T0)).number)
    mine, other = (po_uc.receive_delivery(a.uow(), pc.ReceivePurchaseOrder(n, (("SKU-1", "4"),), T0 + timedelta(
        hours=2))) for n in numbers)
    for db in (a, b):
        sync.sync(db, hub)
    assert lines_of(b, mine.document.number) == [(1, mine.movements[0].id)]

    w = HostileWriter(hub)
    try:
        record = w.hub_record("documents", mine.document.id)
        twice = dict(record, version=record["version"] + 1, _children=dict(record["_children"], document_lines=[
            dict(line, line_no=n) for n in (1, 2) for line in record["_children"]["document_lines"]]))
        w.record("documents", mine.document.id, twice, version=twice["version"])
        sync.sync(b, hub)
        assert "movement" in quarantined(b)[mine.document.id]
        assert lines_of(b, mine.document.number) == [(1, mine.movements[0].id)]
        [line] = record["_children"]["document_lines"]
        forged = dict(record, version=record["version"] + 2, _children=dict(record["_children"], document_lines=[
            dict(line, movement_id=other.movements[0].id)]))
        w.record("documents", mine.document.id, forged, version=forged["version"])
        sync.sync(b, hub)
    finally:
        w.close()
    assert lines_of(b, mine.document.number) == [(1, other.movements[0].id)]
    before = snapshot(b)
    with pytest.raises(docs.DocumentError) as exc:
        docs.reverse_document(b.uow(), docs.ReverseDocument(mine.document.number))
    assert exc.value.cause.code == "delivery_link_wrong"
    assert snapshot(b) == before and received(b, numbers[0]) == ("partly_received", Decimal(4))


def test_a_hub_upgraded_from_0016_links_its_deliveries_where_they_are_unambiguous(hub, devices):
    """0017 on PostgreSQL: the hub's copy of a delivery is linked to the movement it posted as a desk's file is; twin
    deliveries (the same PO, product, quantity and moment) stay unlinked."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import select

    from persistence import tables as t
    from persistence.db import MIGRATIONS
    from persistence.sync.engine import connect_hub

    [a] = shared_start(hub, devices, "a")
    catalog.add_supplier(a.uow(), cc.AddSupplier("NB", "宁波紧固件有限公司"))
    draft = po_uc.create_draft(a.uow(), pc.CreatePurchaseOrder("NB", "MAIN"))
    po_uc.add_line(a.uow(), pc.AddPurchaseOrderLine(draft.id, "SKU-1", "10", "8"))
    number = po_uc.issue(a.uow(), pc.IssuePurchaseOrder(draft.id, T0)).number
    single, *twins = (po_uc.receive_delivery(a.uow(), pc.ReceivePurchaseOrder(
        number, (("SKU-1", qty),), T0 + timedelta(hours=hour))) for qty, hour in (("4", 1), ("3", 2), ("3", 2)))
    sync.sync(a, hub)
    engine = connect_hub(hub, None)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def migrate(step, revision: str) -> None:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            step(config, revision)

    def links() -> dict[str, str | None]:
        with engine.connect() as conn:
            return dict(conn.execute(select(t.documents.c.number, t.document_lines.c.movement_id).join_from(
                t.document_lines, t.documents, t.documents.c.id == t.document_lines.c.document_id)).all())

    try:
        assert links() == {d.document.number: d.movements[0].id for d in (single, *twins)}
        migrate(command.downgrade, "0016")
        migrate(command.upgrade, "head")
        assert links() == {single.document.number: single.movements[0].id,
                           **{d.document.number: None for d in twins}}
    finally:
        engine.dispose()
