"""Packaging units through a real PostgreSQL hub: a carton made on one desk scans on the other, an edit travels
back, a barcode two desks gave offline to two things stays with the first (the other kept as a conflict), and a
hostile unit record is held aside with its reason."""

from __future__ import annotations

import uuid

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog import packaging
from domain.kernel.numbers import fmt
from persistence import sync
from persistence.catalog.pack_units import units_by_product
from persistence.stock.documents import scan_codes
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import _url
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres


def units(db) -> dict[str, tuple]:
    """name → (per, barcodes) of every packaging unit on the desk."""
    return {u.name: (fmt(u.per), tuple(u.barcodes)) for us in units_by_product(db.engine).values() for u in us}


def test_a_carton_made_on_one_desk_scans_on_the_other_and_an_edit_travels_back(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("XJJ", "洗洁精", unit="瓶", barcodes=("6901",)))
    packaging.add_pack_unit(a.uow(), cc.AddPackUnit("XJJ", cc.PackUnitInput("箱", "12", ("16901",))))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert units(b) == {"箱": ("12", ("16901",))}
    target = scan_codes(b.engine)["16901"]
    assert (target.sku, target.per, target.pack) == ("XJJ", 12, "箱")
    packaging.set_pack_units(b.uow(), cc.SetPackUnits("XJJ", (cc.PackUnitInput("箱", "24", ("16901", "16902")),
                                                              cc.PackUnitInput("盒", "6", ()))))
    sync.sync(b, hub)
    report = sync.sync(a, hub)
    assert report.conflicts == 0
    assert units(a) == {"箱": ("24", ("16901", "16902")), "盒": ("6", ())}
    packaging.remove_pack_unit(a.uow(), cc.RemovePackUnit("XJJ", "盒"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert units(b) == {"箱": ("24", ("16901", "16902"))}


def test_a_barcode_two_desks_gave_offline_stays_with_the_first_and_the_other_is_a_conflict(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_product(a.uow(), cc.AddProduct("XJJ", "洗洁精", unit="瓶"))
    catalog.add_product(a.uow(), cc.AddProduct("SOAP", "Soap", unit="块"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    packaging.add_pack_unit(a.uow(), cc.AddPackUnit("XJJ", cc.PackUnitInput("箱", "12", ("777",))))
    catalog.update_product(b.uow(), cc.UpdateProduct("SOAP", "Soap", unit="块", barcodes=("777",)))
    sync.sync(a, hub)
    report = sync.sync(b, hub)
    assert report.conflicts >= 1
    sync.sync(a, hub)
    for desk in (a, b):
        codes = scan_codes(desk.engine)
        assert codes["777"].sku == "XJJ" and codes["777"].pack == "箱"
        assert catalog.get_product(desk.uow(), "SOAP").barcodes == []


@pytest.fixture
def office(hub, devices):
    a = devices("a")
    catalog.add_product(a.uow(), cc.AddProduct("XJJ", "洗洁精", unit="瓶"))
    packaging.add_pack_unit(a.uow(), cc.AddPackUnit("XJJ", cc.PackUnitInput("箱", "12", ("16901",))))
    sync.sync(a, hub)
    writer = HostileWriter(hub)
    yield a, writer
    writer.close()


def test_hostile_unit_records_are_held_aside_with_their_reason_and_good_ones_applied(office, devices):
    a, w = office
    good_id = w.conn.execute("SELECT id FROM product_units").fetchone()[0]
    good = w.hub_record("product_units", good_id)
    cases = {
        "one": dict(per="1"), "negative": dict(per="-12"), "text": dict(per="lots"),
        "blank name": dict(name=""), "control": dict(name="箱\x07"), "long name": dict(name="x" * 500),
        "not an id": dict(product_id="nope"),
    }
    bad = {}
    for n, (what, changes) in enumerate(cases.items()):
        key = str(uuid.uuid4())
        w.record("product_units", key, {**good, "id": key, "name": f"u{n}", "_children": {"product_unit_barcodes": []},
                                        **changes})
        bad[key] = what
    key = str(uuid.uuid4())  # a barcode in another form than its normal one (full-width digits)
    w.record("product_units", key, dict(good, id=key, name="full", _children={"product_unit_barcodes": [
        {"barcode": "１２３", "unit_id": key}]}))
    bad[key] = "full-width barcode"
    fine = str(uuid.uuid4())
    w.record("product_units", fine, dict(good, id=fine, name="盒", per="6", _children={"product_unit_barcodes": [
        {"barcode": "26901", "unit_id": fine}]}))
    b = devices("b")
    sync.sync(b, _url(w))
    held = quarantined(b)
    assert set(held) == set(bad), {bad.get(k, k): v for k, v in held.items()}
    assert units(b) == {"箱": ("12", ("16901",)), "盒": ("6", ("26901",))}
