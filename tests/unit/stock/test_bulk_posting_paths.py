"""The shortcuts bulk posting takes give the answers of the long way: a UTC instant checked against the date
window by two comparisons, codes looked up once per transaction, optional text left empty."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import timezone
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.stock import commands as c
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

MICRO = timedelta(microseconds=1)


def _last_instant() -> datetime:
    last = limits.last_day(datetime.now(UTC).date())
    return datetime.combine(last, time(), UTC) + timedelta(days=1) - MICRO


@pytest.mark.parametrize("when", [datetime(1970, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, 14, 30, tzinfo=UTC),
                                  _last_instant()])
def test_a_utc_instant_inside_the_window_is_itself(when):
    assert v.moment("date", when) is when


@pytest.mark.parametrize("when", [datetime(1970, 1, 1, tzinfo=UTC) - MICRO, _last_instant() + MICRO])
def test_a_utc_instant_just_outside_the_window_is_refused_as_on_the_long_way(when):
    with pytest.raises(BadInput, match=r"^date: .* outside the accepted dates"):
        v.moment("date", when)


def test_an_instant_in_another_zone_is_the_same_instant_in_utc():
    east = timezone(timedelta(hours=8))
    assert v.moment("date", datetime(2026, 3, 1, 22, 30, tzinfo=east)) == datetime(2026, 3, 1, 14, 30, tzinfo=UTC)
    assert v.moment("date", datetime(2026, 3, 1, 22, 30, tzinfo=east)).tzinfo is UTC


def test_empty_optional_text_is_empty_and_required_text_is_still_required():
    assert v.text("note", "", required=False) == ""
    assert v.text("note", "  ", required=False) == ""
    with pytest.raises(BadInput, match="^reason: is required"):
        v.text("reason", "")


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Anchor", barcodes=("6901234567892",)))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    return uow


def test_post_many_finds_a_product_by_its_sku_in_another_case_and_by_its_barcode(uow):
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    commands = [c.ReceiveStock("A-1", "5", "W1", "2", occurred_at=at),
                c.ShipStock("a-1", "1", "w1", occurred_at=at + MICRO),
                c.ShipStock("6901234567892", "1", "W1", occurred_at=at + 2 * MICRO),
                c.ShipStock("A-1", "1", "W1", occurred_at=at + 3 * MICRO)]
    assert ledger.post_many(uow, commands) == 4
    with uow:
        product, warehouse = uow.products.by_sku("A-1"), uow.warehouses.by_code("W1")
        assert {m.product_id for m in uow.state.movements.values()} == {product.id}
        assert uow.balances.get(product.id, warehouse.id).position.on_hand == 2


def test_post_many_refuses_a_code_that_names_nothing_even_after_good_ones(uow):
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    commands = [c.ReceiveStock("A-1", "5", "W1", "2", occurred_at=at),
                c.ShipStock("A-1", "1", "W2", occurred_at=at + MICRO)]
    with pytest.raises(NotFound, match="^warehouse 'W2'"):
        ledger.post_many(uow, commands)
    assert not uow.state.movements


def test_a_post_many_receipt_is_valued_as_a_single_one(uow):
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    ledger.post_many(uow, [c.ReceiveStock("A-1", "3", "W1", "1.005", occurred_at=at)])
    [m] = uow.state.movements.values()
    assert m.qty == 3 and m.unit_cost == Decimal("1.005") and m.recorded_at.tzinfo is UTC
