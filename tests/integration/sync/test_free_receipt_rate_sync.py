"""A free receipt's tax rate (migration 0018) through a real PostgreSQL hub: the rate 0018 filled in on a receipt
already exchanged is no edit to push nor a conflict, the receipt's next edit carries it, and a pulled rate that is
not a percent is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy import update

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import documents as docs
from persistence import sync
from persistence import tables as t
from persistence.sync import checks
from persistence.sync import records as r

pytestmark = pytest.mark.postgres


def rate_of(db, number: str) -> Decimal | None:
    with db.engine.connect() as conn:
        return conn.execute(select(t.documents.c.tax_rate).where(t.documents.c.number == number)).scalar_one()


def test_the_rate_0018_gave_a_free_receipt_is_no_edit_to_push_and_its_next_edit_carries_it(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_supplier(a.uow(), cc.AddSupplier("NB", "宁波紧固件"))
    catalog.add_product(a.uow(), cc.AddProduct("BOLT", "Bolt"))
    number = docs.post_document(a.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("BOLT", "10", "2.00"),), partner="NB")).number
    assert rate_of(a, number) == Decimal(13)
    with a.engine.begin() as conn:  # as a desk of 0017 posted it
        conn.execute(update(t.documents).where(t.documents.c.number == number).values(tax_rate=None))
    sync.sync(a, hub)
    sync.sync(b, hub)
    for desk in (a, b):  # what 0018 does on each desk
        with desk.engine.begin() as conn:
            conn.execute(update(t.documents).where(t.documents.c.number == number).values(tax_rate=Decimal(13)))
    assert sync.status(a).pending_push == 0 and sync.status(b).pending_push == 0
    assert (sync.sync(a, hub).pushed, sync.sync(b, hub).conflicts) == (0, 0)
    docs.reverse_document(b.uow(), docs.ReverseDocument(number))  # an edit at b: the rate goes with it
    sync.sync(b, hub)
    report = sync.sync(a, hub)
    assert report.conflicts == 0 and sync.conflicts(a) == []
    assert docs_reversed(a, number) and rate_of(a, number) == Decimal(13)

    spec = r.BY_NAME["documents"]
    with a.engine.connect() as conn:
        [(key, record)] = r.read_records(conn, spec, [_id(a, number)]).items()
    assert checks.check_record(spec, key, record) == ""
    assert checks.check_record(spec, key, dict(record, tax_rate="150")).code == "not_percent"


def _id(db, number: str) -> str:
    with db.engine.connect() as conn:
        return conn.execute(select(t.documents.c.id).where(t.documents.c.number == number)).scalar_one()


def docs_reversed(db, number: str) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(select(t.documents.c.reversed).where(t.documents.c.number == number)).scalar_one()
