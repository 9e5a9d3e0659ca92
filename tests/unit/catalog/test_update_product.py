"""update_product on in-memory fakes: what it changes, what it refuses, and that a refusal writes nothing."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog.master import ChangedSinceOpened
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple", barcodes=("111", "112"), category="fruit"))
    catalog.add_product(uow, cc.AddProduct("B-2", "Pear", barcodes=("222",)))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    return uow


def edit(**changes) -> cc.UpdateProduct:
    fields = dict(sku="A-1", name="Apple", barcodes=("111", "112"), unit="pcs", category="fruit", pack_size="1")
    fields.update(changes)
    return cc.UpdateProduct(**fields)


def everything(uow: FakeUnitOfWork) -> dict:
    """Every field of every committed product (``Product.__eq__`` compares SKUs only)."""
    return {p.sku: asdict(p) for p in uow.snapshot().products.values()}


def stored(uow: FakeUnitOfWork, sku: str):
    return next(p for p in uow.snapshot().products.values() if p.sku == sku)


def test_every_field_changes_and_the_version_goes_up_by_one(uow):
    before = stored(uow, "A-1")
    product = catalog.update_product(uow, edit(name="Green apple", barcodes=("113",), unit="box", category="produce",
                                               pack_size="12", min_level="5", max_level="50", expected_version=1))
    after = stored(uow, "A-1")
    assert after == product and after.id == before.id
    assert (after.name, after.barcodes, after.unit, after.category) == ("Green apple", ["113"], "box", "produce")
    assert (after.pack_size, after.min_level, after.max_level) == (Decimal(12), Decimal(5), Decimal(50))
    assert after.version == before.version + 1 == 2
    assert ledger.find_product(uow, "113").sku == "A-1"
    with pytest.raises(NotFound):
        ledger.find_product(uow, "111")  # the removed barcode no longer finds it


def test_two_saves_in_a_row_each_bump_the_version(uow):
    catalog.update_product(uow, edit(name="x"))
    catalog.update_product(uow, edit(name="y", expected_version=2))
    assert stored(uow, "A-1").version == 3


def test_a_barcode_of_another_product_is_refused_naming_that_product(uow):
    before = everything(uow)
    with pytest.raises(Duplicate, match="'222'.*B-2"):
        catalog.update_product(uow, edit(name="Changed", barcodes=("111", "222")))
    assert everything(uow) == before


def test_a_barcode_equal_to_another_products_sku_is_refused(uow):
    with pytest.raises(Duplicate, match="B-2"):
        catalog.update_product(uow, edit(barcodes=("B-2",)))


def test_keeping_its_own_barcodes_is_not_a_clash(uow):
    catalog.update_product(uow, edit(name="Apple 2"))
    assert stored(uow, "A-1").barcodes == ["111", "112"]


def test_a_stale_expected_version_is_refused_and_nothing_is_written(uow):
    catalog.update_product(uow, edit(name="Someone else's change", expected_version=1))
    before = everything(uow)
    with pytest.raises(ChangedSinceOpened, match="changed by someone else since you opened it.*reopen it"):
        catalog.update_product(uow, edit(name="My change", expected_version=1))
    assert everything(uow) == before
    assert stored(uow, "A-1").name == "Someone else's change"


@pytest.mark.parametrize(("changes", "field"), [
    ({"pack_size": "0"}, "pack size"),
    ({"pack_size": "abc"}, "pack size"),
    ({"name": " "}, "name"),
    ({"min_level": "-1"}, "min level"),
    ({"min_level": "10", "max_level": "5"}, "max level"),
    ({"barcodes": ("333", "333")}, "barcode"),
    ({"barcodes": ("3 33",)}, "barcode"),
])
def test_bad_input_names_the_field_and_writes_nothing(uow, changes, field):
    before = everything(uow)
    with pytest.raises(BadInput) as refused:
        catalog.update_product(uow, edit(**{"name": "Changed", **changes}))
    assert refused.value.field == field
    assert everything(uow) == before
    assert stored(uow, "A-1").name == "Apple" and stored(uow, "A-1").version == 1


def test_an_unknown_sku_is_not_found(uow):
    with pytest.raises(NotFound, match="ZZ-9"):
        catalog.update_product(uow, edit(sku="ZZ-9"))


def test_a_product_with_stock_can_be_deactivated_and_activated_again(uow):
    ledger.receive(uow, c.ReceiveStock("A-1", "5", "W1", "2"))
    catalog.update_product(uow, edit(active=False))
    assert stored(uow, "A-1").active is False
    catalog.update_product(uow, edit(active=True))
    assert stored(uow, "A-1").active is True and stored(uow, "A-1").version == 3


def test_get_product_returns_the_stored_version(uow):
    catalog.update_product(uow, edit(name="v2"))
    assert catalog.get_product(uow, "A-1").version == 2
