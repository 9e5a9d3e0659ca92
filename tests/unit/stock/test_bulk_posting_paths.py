"""The shortcuts bulk posting takes give the answers of the long way: a UTC instant checked against the date
window by two comparisons, codes looked up once per transaction, optional text left empty, money rounded as
round_money rounds it."""

from __future__ import annotations

import random
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
from domain.kernel.numbers import COST_QUANTUM
from domain.kernel.numbers import MONEY_ROUNDING
from domain.kernel.numbers import money_quantum
from domain.kernel.numbers import round_cost
from domain.kernel.numbers import round_money
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock import valuation
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

MICRO = timedelta(microseconds=1)


def _last_instant() -> datetime:
    last = limits.last_day(clock.now().date())
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


# The valuation writes round_money and round_cost out (``valuation._apply``); they are the same rounding.
@pytest.mark.parametrize("places", range(9))
def test_money_rounded_as_the_valuation_writes_it_is_round_money(places):
    rng = random.Random(places)
    values = [Decimal(rng.randrange(-10**12, 10**12)).scaleb(-rng.randrange(0, 13)) for _ in range(500)]
    values += [Decimal("0.005"), Decimal("-0.005"), Decimal("2.5"), Decimal("-2.5"), Decimal("0.00000000")]
    for value in values:
        written_out = value.quantize(money_quantum(places), MONEY_ROUNDING)
        assert written_out == round_money(value, places) and str(written_out) == str(round_money(value, places))
        cost = value.quantize(COST_QUANTUM, MONEY_ROUNDING)
        assert cost == round_cost(value) and str(cost) == str(round_cost(value))


def test_shipments_and_receipts_are_valued_as_apply_values_them():
    rng = random.Random(5)
    pos = valuation.Position()
    for _ in range(2_000):
        if pos.on_hand <= 0 or rng.random() < 0.4:
            qty, cost = Decimal(rng.randrange(1, 10**6)).scaleb(-rng.randrange(0, 5)), Decimal(
                rng.randrange(0, 10**9)).scaleb(-rng.randrange(0, 9))
            got = valuation.value(pos, "receipt", qty, cost, None, 2)
            assert got == _apply_by_hand(pos, qty, cost, 2)
        else:
            qty = -min(pos.on_hand, Decimal(rng.randrange(1, 10**5)).scaleb(-rng.randrange(0, 5)))
            got = valuation.value(pos, "shipment", qty, None, None, 2)
            assert got == _apply_by_hand(pos, qty, None, 2)
        pos = got.after


def _apply_by_hand(pos, qty, cost, places):
    """The moving average's rules for a receipt and a shipment, with round_money and round_cost called."""
    new_qty = pos.on_hand + qty
    if qty > 0:
        if pos.on_hand > 0:
            new_value = pos.value + round_money(qty * cost, places)
            avg = round_cost(new_value / new_qty)
        else:
            avg = round_cost(cost)
            new_value = round_money(new_qty * cost, places) if new_qty else Decimal(0)
        return valuation.Valuation(new_value - pos.value, valuation.Position(new_qty, new_value, avg))
    delta = -pos.value if new_qty == 0 else round_money(qty * pos.avg_cost, places)
    return valuation.Valuation(delta, valuation.Position(new_qty, pos.value + delta, pos.avg_cost))


def test_postings_at_one_instant_follow_each_other_in_order_of_their_ids(uow):
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    ledger.post_many(uow, [c.ReceiveStock("A-1", "2", "W1", "1", occurred_at=at),
                           c.ReceiveStock("A-1", "3", "W1", "2", occurred_at=at),
                           c.ShipStock("A-1", "5", "W1", occurred_at=at)])
    with uow:
        product, warehouse = uow.products.by_sku("A-1"), uow.warehouses.by_code("W1")
        balance = uow.balances.get(product.id, warehouse.id)
    last = max(uow.state.movements.values(), key=lambda m: m.key)
    assert balance.last_key == last.key and last.kind == "shipment"
    assert balance.position.on_hand == 0 and balance.position.value == 0
