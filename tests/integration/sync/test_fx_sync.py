"""Foreign-currency purchasing across desktops: rates, a PO's fixed rate and a converted receipt's fields sync;
a hub record or movement that breaks their rules is kept aside; upgrading makes no PO look changed."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import rates
from persistence import sync
from persistence import tables as t
from persistence.purchasing.orders import purchase_orders
from persistence.stock.queries import check
from persistence.sync import records as r
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres


def usd_receipt(db) -> str:
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(u(), c.AddProduct("BOLT", "Bolt M8"))
    catalog.add_supplier(u(), c.AddSupplier("US1", "Acme Inc.", currency="USD"))
    rates.set_rate(u(), pc.SetExchangeRate("USD", "7.1234", date(2026, 1, 1)))
    draft = purchasing.create_draft(u(), pc.CreatePurchaseOrder("US1", "MAIN"))
    purchasing.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "BOLT", "10", "10.00"))
    number = purchasing.issue(u(), pc.IssuePurchaseOrder(draft.id)).number
    purchasing.set_fixed_rate(u(), pc.SetPurchaseOrderRate(number, "6.95"))
    purchasing.receive(u(), pc.ReceivePurchaseOrder(number, (("BOLT", "4"),)))
    return number


def fx_of(db) -> list[tuple]:
    M = t.movements
    with db.engine.connect() as conn:
        return list(conn.execute(select(M.c.unit_cost, M.c.fx_currency, M.c.fx_unit_price, M.c.fx_rate)))


def test_rates_a_fixed_po_rate_and_a_converted_receipt_reach_another_desk(hub, devices):
    a, b = devices("a"), devices("b")
    number = usd_receipt(a)
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert [(x.currency, x.valid_from, x.rate) for x in rates.list_rates(b.uow())[1]] == [
        ("USD", date(2026, 1, 1), Decimal("7.1234"))]
    [row] = purchase_orders(b.engine)  # the PO came with its fixed rate
    assert (row.number, row.fixed_rate) == (number, Decimal("6.95"))
    assert fx_of(b) == fx_of(a) == [(Decimal("69.5"), "USD", Decimal("10"), Decimal("6.95"))]
    assert check(b.engine) == []

    rates.set_rate(b.uow(), pc.SetExchangeRate("USD", "7.2", date(2026, 1, 1)))  # corrected on b
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert [x.rate for x in rates.list_rates(a.uow())[1]] == [Decimal("7.2")]


def test_a_bad_rate_or_converted_receipt_on_the_hub_is_kept_aside(hub, devices):
    a = devices("a")
    usd_receipt(a)
    sync.sync(a, hub)
    w = HostileWriter(hub)
    try:
        rate_id = str(uuid.uuid4())
        w.record("exchange_rates", rate_id, {"id": rate_id, "currency": "EUR", "valid_from": "2026-02-01",
                                             "rate": "0", "device_id": "", "version": 1})
        template = w.a_movement()
        broken = w.movement(template, id=str(uuid.uuid4()), fx_rate=None)  # currency and price without the rate
        b = devices("b")
        sync.sync(b, hub)
        held = quarantined(b)
    finally:
        w.close()
    assert "rate" in held[rate_id]
    assert "go together" in held[broken]
    assert [x.currency for x in rates.list_rates(b.uow())[1]] == ["USD"]


def test_a_po_without_a_fixed_rate_hashes_as_before_the_column_existed():
    spec = r.BY_NAME["purchase_orders"]
    record = {"id": "x", "number": "PO-2026-00001", "fx_rate": None}
    assert r.content_hash(spec, record) == r.content_hash(spec, {"id": "x", "number": "PO-2026-00001"})
    assert r.content_hash(spec, dict(record, fx_rate="6.95")) != r.content_hash(spec, record)
