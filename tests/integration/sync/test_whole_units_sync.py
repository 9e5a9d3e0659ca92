"""Whole units through a real PostgreSQL hub: the setting travels with its product both ways, a product from a desk
that does not send it yet comes in taking any quantity (the safe default), and a malformed setting is held aside."""

from __future__ import annotations

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.stock import commands as c
from domain.stock import ledger
from persistence import sync
from persistence.stock.queries import check
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import _url
from tests.integration.sync.test_hostile_hub import product_like
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres


def whole(db, sku: str) -> bool:
    return catalog.get_product(db.uow(), sku).whole_units


def test_the_setting_travels_with_its_product_and_a_change_of_it_travels_back(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("BOLT", "Bolt", unit="个"))
    catalog.add_product(a.uow(), cc.AddProduct("RICE", "Rice", unit="kg"))
    catalog.add_product(a.uow(), cc.AddProduct("NAIL", "Nails, loose", unit="box", whole_units=False))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert {s: whole(b, s) for s in ("BOLT", "RICE", "NAIL")} == {"BOLT": True, "RICE": False, "NAIL": False}
    with pytest.raises(BadInput) as refused:  # the desk that pulled it holds it to whole units
        ledger.receive(b.uow(), c.ReceiveStock("BOLT", "2.5", "MAIN", "1"))
    assert refused.value.code == "not_whole"
    ledger.receive(b.uow(), c.ReceiveStock("NAIL", "2.5", "MAIN", "1"))
    catalog.update_product(b.uow(), cc.UpdateProduct("BOLT", "Bolt", unit="个", whole_units=False))
    sync.sync(b, hub)
    report = sync.sync(a, hub)
    assert report.conflicts == 0
    assert whole(a, "BOLT") is False
    ledger.receive(a.uow(), c.ReceiveStock("BOLT", "0.5", "MAIN", "1"))
    again = sync.sync(a, hub)
    assert again.conflicts == 0 and sync.sync(b, hub).conflicts == 0
    assert check(a.engine) == [] and check(b.engine) == []


@pytest.fixture
def office(hub, devices):
    a = devices("a")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget", barcodes=["690000000001"]))
    sync.sync(a, hub)
    writer = HostileWriter(hub)
    yield a, writer
    writer.close()


def test_a_product_from_a_desk_that_does_not_send_the_setting_takes_any_quantity(office, devices):
    a, w = office
    key, record = product_like(w, "OLD-1", name="From an older desk")
    del record["whole_units"]
    w.record("products", key, record)
    bad = {}
    for sku, value in (("BAD-1", "yes"), ("BAD-2", None), ("BAD-3", 1)):
        bad_key, bad_record = product_like(w, sku, whole_units=value)
        w.record("products", bad_key, bad_record)
        bad[bad_key] = sku
    b = devices("b")
    report = sync.sync(b, _url(w))
    held = quarantined(b)
    assert set(held) == set(bad), held
    assert all("whole_units" in reason for reason in held.values())
    assert report.refused == len(bad)
    assert whole(b, "OLD-1") is False and whole(b, "SKU-1") is True
    ledger.receive(b.uow(), c.ReceiveStock("OLD-1", "2.5", "MAIN", "1"))  # what the older desk may have typed
    assert check(b.engine) == []


def test_the_setting_migration_0015_gave_a_product_is_no_edit_to_push_and_an_edit_elsewhere_replaces_it(hub, devices):
    """0015 sets whole units from each desk's own history without raising a version: that is not pushed as a change
    (nor listed as a conflict); the product's next edit, anywhere, carries the setting with it."""
    from sqlalchemy import update

    from persistence import tables as t

    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("BOLT", "Bolt", unit="个", whole_units=False))
    sync.sync(a, hub)
    sync.sync(b, hub)
    with a.engine.begin() as conn:  # what the migration does on a desk whose history of BOLT is whole
        conn.execute(update(t.products).where(t.products.c.sku == "BOLT").values(whole_units=True))
    assert sync.status(a).pending_push == 0
    report = sync.sync(a, hub)
    assert (report.pushed, report.conflicts) == (0, 0)
    assert whole(a, "BOLT") is True and whole(b, "BOLT") is False
    catalog.update_product(b.uow(), cc.UpdateProduct("BOLT", "Bolt M8", unit="个"))  # an edit elsewhere
    sync.sync(b, hub)
    report = sync.sync(a, hub)
    assert report.conflicts == 0 and sync.status(a).open_conflicts == 0 and sync.conflicts(a) == []
    product = catalog.get_product(a.uow(), "BOLT")
    assert (product.name, product.whole_units) == ("Bolt M8", False)
    catalog.update_product(a.uow(), cc.UpdateProduct("BOLT", "Bolt M8", unit="个", whole_units=True))
    assert sync.sync(a, hub).pushed == 1
    sync.sync(b, hub)
    assert whole(b, "BOLT") is True


def test_turning_the_setting_off_travels_from_a_desk_whose_migration_had_turned_it_on(hub, devices):
    """0015 turned whole units on at both desks without an edit (their histories of BOLT were whole), while the hub's
    record of BOLT never said it (older desks). A clerk at b turns it off: the product's version goes up, but its
    content hashed as the hub's (whole units off hashes as if absent), so the change was never pushed, and a went on
    refusing the half piece that b now takes. Every edit of a product is pushed, the setting with the rest."""
    from sqlalchemy import update

    from persistence import tables as t

    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("BOLT", "Bolt", unit="个", whole_units=False))
    sync.sync(a, hub)
    sync.sync(b, hub)
    for desk in (a, b):  # what the migration does on a desk whose history of BOLT is whole
        with desk.engine.begin() as conn:
            conn.execute(update(t.products).where(t.products.c.sku == "BOLT").values(whole_units=True))
    assert (sync.sync(a, hub).pushed, sync.sync(b, hub).pushed) == (0, 0)
    catalog.update_product(b.uow(), cc.UpdateProduct("BOLT", "Bolt", unit="个", whole_units=False))
    assert sync.status(b).pending_push == 1
    assert sync.sync(b, hub).pushed == 1
    report = sync.sync(a, hub)
    assert report.conflicts == 0 and sync.conflicts(a) == []
    assert whole(a, "BOLT") is False and whole(b, "BOLT") is False
    assert catalog.get_product(a.uow(), "BOLT").version == catalog.get_product(b.uow(), "BOLT").version
    ledger.receive(a.uow(), c.ReceiveStock("BOLT", "0.5", "MAIN", "1"))
    assert (sync.sync(a, hub).conflicts, sync.sync(b, hub).conflicts) == (0, 0)
    assert sync.status(a).pending_push == 0 and sync.status(b).pending_push == 0
    assert check(a.engine) == [] and check(b.engine) == []


def test_an_edit_that_changes_nothing_a_hash_sees_is_pushed_once_and_settles(hub, devices):
    """The version an edit gives a product reaches the hub and the other desk, and nothing stays pending after."""
    a, b = devices("a"), devices("b")
    catalog.add_product(a.uow(), cc.AddProduct("NAIL", "Nail", unit="个", whole_units=False))
    sync.sync(a, hub)
    sync.sync(b, hub)
    catalog.update_product(a.uow(), cc.UpdateProduct("NAIL", "Nail", unit="个"))  # saved as it was
    assert sync.sync(a, hub).pushed == 1
    sync.sync(b, hub)
    assert catalog.get_product(b.uow(), "NAIL").version == catalog.get_product(a.uow(), "NAIL").version == 2
    for desk in (a, b, a, b):
        assert sync.sync(desk, hub).pushed == 0
    assert sync.status(a).pending_push == 0 and sync.status(b).pending_push == 0
