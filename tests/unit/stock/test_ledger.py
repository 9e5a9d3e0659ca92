"""The ledger use cases on in-memory fakes: what they post, what they refuse, how they re-value."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import AlreadyReversed
from domain.kernel.errors import BadInput
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.errors import TooLarge
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.model import Balance
from domain.stock.model import MovementKind
from domain.stock.model import Position
from tests import clock
from tests.fakes import FakeUnitOfWork

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "苹果 Apple", barcodes=("6901234567892",)))
    catalog.add_product(uow, cc.AddProduct("B-2", "Pear"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W2", "Shop"))
    catalog.add_warehouse(uow, cc.AddWarehouse("NEG", "Backorders", allow_negative=True))
    return uow


def receive(uow, qty, cost, wh="W1", at=None, sku="A-1"):
    return ledger.receive(uow, c.ReceiveStock(sku, qty, wh, cost, occurred_at=at))


def ship(uow, qty, wh="W1", at=None, sku="A-1"):
    return ledger.ship(uow, c.ShipStock(sku, qty, wh, occurred_at=at))


def balance(uow, wh="W1", sku="A-1"):
    with uow:
        product = uow.products.by_sku(sku)
        warehouse = uow.warehouses.by_code(wh)
        return uow.balances.get(product.id, warehouse.id).position


def value_of(uow, movement):
    with uow:
        return uow.movements.valuation(movement.id).value


def ledger_sum(uow, wh="W1", sku="A-1"):
    """(qty, value) summed over every movement of the pair."""
    with uow:
        product = uow.products.by_sku(sku)
        warehouse = uow.warehouses.by_code(wh)
        ms = [m for m in uow.state.movements.values() if (m.product_id, m.warehouse_id) == (product.id, warehouse.id)]
        return sum((m.qty for m in ms), Decimal(0)), sum((uow.state.valuations[m.id].value for m in ms), Decimal(0))


def test_receive_posts_a_receipt_at_its_unit_cost_and_commits(uow):
    m = receive(uow, "10", "2.50", at=day(1))
    assert uow.committed
    assert m.kind == MovementKind.RECEIPT and m.qty == 10 and m.unit_cost == Decimal("2.50")
    assert m.user == "tester" and m.device_id == "test-device"
    assert value_of(uow, m) == Decimal("25.00")
    assert balance(uow) == Position(Decimal(10), Decimal("25.00"), Decimal("2.50"))


def test_receive_finds_the_product_by_barcode(uow):
    receive(uow, "2", "1", at=day(1))
    m = ledger.receive(uow, c.ReceiveStock("6901234567892", "3", "W1", "1", occurred_at=day(2)))
    assert balance(uow).on_hand == 5
    with uow:
        assert uow.products.get(m.product_id).sku == "A-1"


def test_ship_issues_at_the_average_cost(uow):
    receive(uow, "10", "2.00", at=day(1))
    receive(uow, "5", "3.10", at=day(2))
    m = ship(uow, "4", at=day(3))
    assert m.kind == MovementKind.SHIPMENT and m.qty == -4
    assert value_of(uow, m) == Decimal("-9.47")
    assert balance(uow).on_hand == 11 and balance(uow).value == Decimal("26.03")


def test_shipping_more_than_on_hand_is_refused_naming_product_warehouse_on_hand_and_asked(uow):
    receive(uow, "3", "1", at=day(1))
    before = uow.snapshot()
    with pytest.raises(InsufficientStock) as err:
        ship(uow, "5", at=day(2))
    message = str(err.value)
    assert "A-1" in message and "W1" in message
    assert "3 on hand" in message and "5 asked" in message
    assert uow.state == before


def test_the_refusal_keeps_its_values_apart_from_its_sentence(uow):
    receive(uow, "3", "1", at=day(1))
    with pytest.raises(InsufficientStock) as err:
        ship(uow, "5", at=day(2))
    assert err.value.code == "insufficient_stock"
    assert {k: err.value.params[k] for k in ("sku", "warehouse", "on_hand", "asked")} == {
        "sku": "A-1", "warehouse": "W1", "on_hand": "3", "asked": "5"}
    with pytest.raises(NotFound) as unknown:
        ledger.receive(uow, c.ReceiveStock("NOPE", "1", "W1", "1"))
    assert (unknown.value.code, unknown.value.params) == ("ledger_unknown_product", {"field": "SKU", "code": "NOPE"})
    assert str(unknown.value) == "SKU 'NOPE': no product has this SKU or barcode"


def test_a_back_dated_refusal_names_the_balance_it_would_leave_and_when(uow):
    receive(uow, "10", "1", at=day(1))
    ship(uow, "8", at=day(3))
    with pytest.raises(InsufficientStock) as err:
        ship(uow, "5", at=day(2))
    assert err.value.code == "insufficient_stock_back_dated"
    assert err.value.params["on_hand"] == "-3"
    assert err.value.params["when"] in str(err.value)


def test_a_warehouse_that_allows_negative_stock_accepts_the_shipment(uow):
    ship(uow, "4", wh="NEG", at=day(1))
    assert balance(uow, "NEG").on_hand == -4


def test_an_unknown_sku_is_refused_by_name(uow):
    with pytest.raises(NotFound, match="NOPE"):
        receive(uow, "1", "1", sku="NOPE")
    assert not uow.state.movements


def test_an_unknown_warehouse_is_refused_by_name(uow):
    with pytest.raises(NotFound, match="W9"):
        receive(uow, "1", "1", wh="W9")


@pytest.mark.parametrize("qty", ["abc", "", "-1", "0", "1.00001", "1e15"])
def test_a_bad_quantity_names_the_field(uow, qty):
    with pytest.raises(BadInput) as err:
        receive(uow, qty, "1")
    assert err.value.field == "quantity"
    assert str(err.value).startswith("quantity:")
    assert not uow.state.movements


def test_a_bad_unit_cost_names_the_field(uow):
    with pytest.raises(BadInput) as err:
        receive(uow, "1", "-2")
    assert err.value.field == "unit cost"


def test_transfer_posts_two_legs_sharing_a_transfer_id_and_the_cost_travels(uow):
    receive(uow, "3", "3.33333333", at=day(1))
    out, into = ledger.transfer(uow, c.TransferStock("A-1", "1", "W1", "W2", occurred_at=day(2)))
    assert out.kind == MovementKind.TRANSFER_OUT and into.kind == MovementKind.TRANSFER_IN
    assert out.transfer_id == into.transfer_id is not None
    assert out.qty == -1 and into.qty == 1
    assert value_of(uow, out) == Decimal("-3.33") and value_of(uow, into) == Decimal("3.33")
    assert balance(uow, "W1").value + balance(uow, "W2").value == Decimal("10.00")


def test_transfer_to_the_same_warehouse_is_refused(uow):
    receive(uow, "3", "1", at=day(1))
    with pytest.raises(RuleViolation, match="to warehouse"):
        ledger.transfer(uow, c.TransferStock("A-1", "1", "W1", "W1"))
    assert len(uow.state.movements) == 1


def test_a_transfer_that_the_source_cannot_cover_posts_neither_leg(uow):
    receive(uow, "1", "1", at=day(1))
    with pytest.raises(InsufficientStock):
        ledger.transfer(uow, c.TransferStock("A-1", "2", "W1", "W2", occurred_at=day(2)))
    assert len(uow.state.movements) == 1 and balance(uow, "W2").on_hand == 0


def test_adjust_posts_a_signed_change_with_its_reason(uow):
    receive(uow, "10", "2", at=day(1))
    m = ledger.adjust(uow, c.AdjustStock("A-1", "-3", "W1", "broken in transit", occurred_at=day(2)))
    assert m.kind == MovementKind.ADJUSTMENT and m.qty == -3 and m.note == "broken in transit"
    assert value_of(uow, m) == Decimal("-6.00")
    up = ledger.adjust(uow, c.AdjustStock("A-1", "1", "W1", "found one", occurred_at=day(3)))
    assert value_of(uow, up) == Decimal("2.00")
    assert balance(uow).on_hand == 8


def test_adjust_needs_a_reason(uow):
    with pytest.raises(BadInput) as err:
        ledger.adjust(uow, c.AdjustStock("A-1", "1", "W1", "  "))
    assert err.value.field == "reason"


def test_adjust_by_zero_is_refused_naming_the_field(uow):
    with pytest.raises(BadInput) as err:
        ledger.adjust(uow, c.AdjustStock("A-1", "0", "W1", "nothing"))
    assert err.value.field == "change"


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_a_blank_count_changes_nothing(uow, blank):
    receive(uow, "5", "1", at=day(1))
    before = uow.snapshot()
    assert ledger.count(uow, c.CountStock("A-1", blank, "W1")) is None
    assert uow.state == before


def test_a_count_equal_to_the_stock_posts_nothing(uow):
    receive(uow, "5", "1", at=day(1))
    assert ledger.count(uow, c.CountStock("A-1", "5", "W1", occurred_at=day(2))) is None
    assert len(uow.state.movements) == 1


def test_a_count_posts_the_difference_from_the_expected_quantity(uow):
    receive(uow, "5", "2", at=day(1))
    short = ledger.count(uow, c.CountStock("A-1", "3", "W1", occurred_at=day(2)))
    assert short.kind == MovementKind.COUNT and short.qty == -2
    assert value_of(uow, short) == Decimal("-4.00")
    over = ledger.count(uow, c.CountStock("A-1", "7", "W1", occurred_at=day(3)))
    assert over.qty == 4
    assert balance(uow).on_hand == 7


def test_a_count_of_zero_empties_the_stock_and_its_value(uow):
    receive(uow, "3", "3.33333333", at=day(1))
    ledger.count(uow, c.CountStock("A-1", "0", "W1", occurred_at=day(2)))
    assert balance(uow).on_hand == 0 and balance(uow).value == 0


def test_a_back_dated_count_compares_with_the_stock_at_its_own_time(uow):
    receive(uow, "5", "1", at=day(1))
    receive(uow, "5", "1", at=day(3))
    m = ledger.count(uow, c.CountStock("A-1", "4", "W1", occurred_at=day(2)))
    assert m.qty == -1
    assert balance(uow).on_hand == 9


def test_reverse_restores_quantity_and_value(uow):
    receive(uow, "10", "2.00", at=day(1))
    r = receive(uow, "5", "3.10", at=day(2))
    before = balance(uow)
    s = ship(uow, "4", at=day(3))
    [undo_ship] = ledger.reverse(uow, c.ReverseMovement(s.id))
    assert undo_ship.kind == MovementKind.REVERSAL and undo_ship.reverses_id == s.id and undo_ship.qty == 4
    assert value_of(uow, undo_ship) == Decimal("9.47")
    assert balance(uow).on_hand == before.on_hand and balance(uow).value == before.value
    [undo_receipt] = ledger.reverse(uow, c.ReverseMovement(r.id))
    assert value_of(uow, undo_receipt) == Decimal("-15.50")
    assert balance(uow).on_hand == 10 and balance(uow).value == Decimal("20.00")


def test_a_movement_can_be_reversed_only_once(uow):
    r = receive(uow, "10", "2", at=day(1))
    ledger.reverse(uow, c.ReverseMovement(r.id))
    before = uow.snapshot()
    with pytest.raises(AlreadyReversed):
        ledger.reverse(uow, c.ReverseMovement(r.id))
    assert uow.state == before


def test_a_reversal_cannot_be_reversed(uow):
    r = receive(uow, "10", "2", at=day(1))
    [undo] = ledger.reverse(uow, c.ReverseMovement(r.id))
    with pytest.raises(RuleViolation, match="itself a reversal"):
        ledger.reverse(uow, c.ReverseMovement(undo.id))


def test_reversing_an_unknown_movement_is_refused(uow):
    with pytest.raises(NotFound, match="movement id"):
        ledger.reverse(uow, c.ReverseMovement("no-such-id"))


def test_reversing_a_receipt_whose_goods_have_left_is_refused(uow):
    r = receive(uow, "5", "1", at=day(1))
    ship(uow, "4", at=day(2))
    with pytest.raises(InsufficientStock):
        ledger.reverse(uow, c.ReverseMovement(r.id))


# A receipt reversed after stock has moved (a shipment since, or a receipt back-dated before a shipment) used to take
# out the receipt's whole value, whatever the stock left was worth at its average: the position that remained could be
# worth less than nothing, or nothing. The rule (``domain.stock.valuation``, ``_reverse_inbound``): when the pair stands
# where the reversed receipt left it, the position before it comes back exactly (its average too); otherwise the goods
# leave at the current average, as a return to the supplier does, and the rest of the purchase value is a price
# difference in the cost of goods. The payable is untouched either way. The same holds for every inbound movement
# reversed: a customer return, a count gain, a transfer's receiving leg.


def test_reversing_a_receipt_after_a_shipment_never_leaves_stock_worth_less_than_nothing(uow):
    receive(uow, "10", "1", at=day(0))
    r = receive(uow, "10", "5", at=day(1))  # 20 kg worth 60.00, average 3
    ship(uow, "5", at=day(2))  # out at 3: 15 kg worth 45.00
    [undo] = ledger.reverse(uow, c.ReverseMovement(r.id))  # today: 10 kg leave at the average 3
    assert balance(uow) == Position(Decimal(5), Decimal("15.00"), Decimal(3))  # not 5 kg worth -5.00
    assert value_of(uow, undo) == Decimal("-30.00")  # the other 20.00 of the 50.00 bought: a price difference


def test_reversing_a_back_dated_receipt_before_a_shipment_leaves_the_rest_at_its_average(uow):
    receive(uow, "10", "1", at=day(0))
    ship(uow, "5", at=day(2))
    r = receive(uow, "10", "3", at=day(1))  # day 1: 20 kg worth 40.00, average 2; the day-2 shipment takes 10.00
    assert balance(uow) == Position(Decimal(15), Decimal("30.00"), Decimal(2))
    ledger.reverse(uow, c.ReverseMovement(r.id))
    assert balance(uow) == Position(Decimal(5), Decimal("10.00"), Decimal(2))  # not 5 kg worth 0


def test_reversing_the_latest_receipt_brings_back_the_average_before_it_not_one_from_the_rounded_value(uow):
    receive(uow, "1", "1.005", at=day(0))  # worth 1.01 (rounded), average 1.005
    r = receive(uow, "1", "0", at=day(1))
    ledger.reverse(uow, c.ReverseMovement(r.id))
    assert balance(uow) == Position(Decimal(1), Decimal("1.01"), Decimal("1.005"))  # not an average of 1.01


def test_reversing_a_receipt_whose_stock_moved_and_netted_out_brings_back_the_position_before_it(uow):
    receive(uow, "1", "1.005", at=day(0))
    r = receive(uow, "1", "0", at=day(1))  # 2 kg worth 1.01, average 0.505
    s = ship(uow, "1", at=day(2))
    ledger.reverse(uow, c.ReverseMovement(s.id))  # the shipment taken back: the pair stands where r left it
    ledger.reverse(uow, c.ReverseMovement(r.id))
    assert balance(uow) == Position(Decimal(1), Decimal("1.01"), Decimal("1.005"))


def test_a_reversal_never_takes_more_than_the_stock_is_worth(uow):
    receive(uow, "10", "0.01", at=day(0))  # 10 kg worth 0.10
    r = receive(uow, "10", "0", at=day(1))  # 20 kg worth 0.10, average 0.005
    for n in range(8):  # each 0.005 rounds to 0.01 (half away from zero): 12 kg worth 0.02, average still 0.005
        ship(uow, "1", at=day(2) + timedelta(minutes=n))
    [undo] = ledger.reverse(uow, c.ReverseMovement(r.id))  # 10 kg at the average would be 0.05: only 0.02 is there
    assert value_of(uow, undo) == Decimal("-0.02")
    assert balance(uow) == Position(Decimal(2), Decimal("0.00"), Decimal("0.005"))


def test_a_reversal_into_stock_short_leaves_at_the_average_as_a_shipment_does(uow):
    receive(uow, "10", "1", wh="NEG", at=day(0))
    r = receive(uow, "10", "5", wh="NEG", at=day(1))  # 20 kg worth 60.00, average 3
    ship(uow, "15", wh="NEG", at=day(2))  # 5 kg worth 15.00
    [undo] = ledger.reverse(uow, c.ReverseMovement(r.id))  # 10 kg leave at 3: 5 kg short, worth -15.00
    assert value_of(uow, undo) == Decimal("-30.00")
    assert balance(uow, "NEG") == Position(Decimal(-5), Decimal("-15.00"), Decimal(3))


def test_a_reversed_customer_return_whose_stock_moved_leaves_at_the_average(uow):
    receive(uow, "10", "3", at=day(0))
    back = ledger.receive(uow, c.ReceiveStock("A-1", "5", "W1", "9", occurred_at=day(1), source_type="customer_return"))
    ship(uow, "5", at=day(2))  # 15 kg worth 75.00 (average 5): 10 kg worth 50.00 left
    [undo] = ledger.reverse(uow, c.ReverseMovement(back.id))  # not the 45.00 it came back at (5 kg worth 5.00)
    assert value_of(uow, undo) == Decimal("-25.00")
    assert balance(uow) == Position(Decimal(5), Decimal("25.00"), Decimal(5))


def test_a_reversed_count_gain_whose_stock_moved_leaves_at_the_average(uow):
    receive(uow, "10", "1", at=day(0))
    gain = ledger.count(uow, c.CountStock("A-1", "20", "W1", occurred_at=day(1)))  # 10 more at 1: 20 kg worth 20.00
    receive(uow, "20", "4", at=day(2))  # 40 kg worth 100.00, average 2.5
    [undo] = ledger.reverse(uow, c.ReverseMovement(gain.id))  # 10 kg at 2.5, not the 10.00 the count added
    assert value_of(uow, undo) == Decimal("-25.00")
    assert balance(uow) == Position(Decimal(30), Decimal("75.00"), Decimal("2.5"))


def test_a_reversed_transfer_carries_value_between_the_warehouses_to_the_cent(uow):
    receive(uow, "10", "1", at=day(0))
    out, into = ledger.transfer(uow, c.TransferStock("A-1", "5", "W1", "W2", occurred_at=day(1)))  # 5.00 to W2
    receive(uow, "5", "3", wh="W2", at=day(2))  # W2: 10 kg worth 20.00, average 2
    ship(uow, "2", wh="W2", at=day(3))  # W2: 8 kg worth 16.00
    undone = {m.reverses_id: m for m in ledger.reverse(uow, c.ReverseMovement(out.id))}
    took, brought = value_of(uow, undone[into.id]), value_of(uow, undone[out.id])
    assert took == Decimal("-10.00") and brought == Decimal("10.00")  # 5 kg at W2's average, into W1
    assert balance(uow, "W2") == Position(Decimal(3), Decimal("6.00"), Decimal(2))
    assert balance(uow, "W1") == Position(Decimal(10), Decimal("15.00"), Decimal("1.5"))
    # a receipt back-dated into W2 before the reversal changes what the reversal took out: W1 follows to the cent
    receive(uow, "2", "9.50", wh="W2", at=day(4))  # W2 at the reversal: 10 kg worth 35.00, average 3.5
    took, brought = value_of(uow, undone[into.id]), value_of(uow, undone[out.id])
    assert took == Decimal("-17.50") and brought == Decimal("17.50")
    assert balance(uow, "W1") == Position(Decimal(10), Decimal("22.50"), Decimal("2.25"))
    assert ledger_sum(uow, "W1")[1] + ledger_sum(uow, "W2")[1] == Decimal("10.00") + Decimal("15.00") \
        - Decimal("4.00") + Decimal("19.00")  # what was bought less what was shipped: value went nowhere else


def test_a_transfer_reversed_where_nothing_moved_since_puts_both_warehouses_back_exactly(uow):
    receive(uow, "3", "3.33333333", at=day(1))  # 3 kg worth 10.00
    receive(uow, "1", "1", wh="W2", at=day(1))  # W2: 1 kg worth 1.00
    out, into = ledger.transfer(uow, c.TransferStock("A-1", "1", "W1", "W2", occurred_at=day(2)))
    ledger.reverse(uow, c.ReverseMovement(into.id))
    assert balance(uow, "W2") == Position(Decimal(1), Decimal("1.00"), Decimal(1))
    assert balance(uow, "W1") == Position(Decimal(3), Decimal("10.00"), Decimal("3.33333333"))


def test_reversing_one_leg_of_a_transfer_reverses_both(uow):
    receive(uow, "3", "3.33333333", at=day(1))
    out, into = ledger.transfer(uow, c.TransferStock("A-1", "1", "W1", "W2", occurred_at=day(2)))
    undone = ledger.reverse(uow, c.ReverseMovement(out.id))
    assert sorted(m.reverses_id for m in undone) == sorted([out.id, into.id])
    assert balance(uow, "W1").on_hand == 3 and balance(uow, "W1").value == Decimal("10.00")
    assert balance(uow, "W2").on_hand == 0 and balance(uow, "W2").value == 0
    with pytest.raises(AlreadyReversed):
        ledger.reverse(uow, c.ReverseMovement(into.id))


def test_reversing_a_future_dated_receipt_is_not_refused(uow):
    # The reversal must come after what it reverses in business time, or it would take the
    # goods away before they arrived.
    later = clock.now() + timedelta(days=30)
    r = receive(uow, "5", "1", at=later)
    [undo] = ledger.reverse(uow, c.ReverseMovement(r.id))
    assert undo.key > r.key
    assert balance(uow).on_hand == 0 and balance(uow).value == 0


def test_a_back_dated_receipt_revalues_later_shipments_but_not_their_facts(uow):
    # day 1: 10 @ 1.00; day 3: ship 5 → 5.00. A receipt of 10 @ 4.00 back-dated to day 2 makes
    # the average 50 / 20 = 2.50 on day 3, so the shipment now takes 12.50.
    receive(uow, "10", "1.00", at=day(1))
    s = ship(uow, "5", at=day(3))
    assert value_of(uow, s) == Decimal("-5.00")
    receive(uow, "10", "4.00", at=day(2))
    assert value_of(uow, s) == Decimal("-12.50")
    with uow:
        assert uow.movements.get(s.id) == s
    assert balance(uow).on_hand == 15 and balance(uow).value == Decimal("37.50")
    assert ledger_sum(uow) == (Decimal(15), Decimal("37.50"))


def test_a_back_dated_shipment_that_makes_a_later_balance_negative_is_refused(uow):
    receive(uow, "10", "1", at=day(1))
    ship(uow, "8", at=day(3))
    before = uow.snapshot()
    with pytest.raises(InsufficientStock, match="back-dated"):
        ship(uow, "5", at=day(2))
    assert uow.state == before


def test_a_back_dated_shipment_that_keeps_later_balances_positive_is_accepted(uow):
    receive(uow, "10", "1", at=day(1))
    ship(uow, "4", at=day(3))
    ship(uow, "5", at=day(2))
    assert balance(uow).on_hand == 1 and balance(uow).value == Decimal("1.00")


def test_a_back_dated_change_to_a_transfer_out_value_travels_to_the_receiving_warehouse(uow):
    receive(uow, "10", "1.00", at=day(1))
    out, into = ledger.transfer(uow, c.TransferStock("A-1", "5", "W1", "W2", occurred_at=day(3)))
    sold = ship(uow, "5", wh="W2", at=day(4))
    assert value_of(uow, into) == Decimal("5.00")
    receive(uow, "10", "4.00", at=day(2))
    assert value_of(uow, out) == Decimal("-12.50")
    assert value_of(uow, into) == Decimal("12.50")
    assert value_of(uow, sold) == Decimal("-12.50")
    assert balance(uow, "W1").value == Decimal("37.50")
    assert balance(uow, "W2").on_hand == 0 and balance(uow, "W2").value == 0
    for wh in ("W1", "W2"):
        assert ledger_sum(uow, wh) == (balance(uow, wh).on_hand, balance(uow, wh).value)


def test_a_reversal_follows_its_original_when_a_back_dated_movement_revalues_it(uow):
    receive(uow, "10", "1.00", at=day(1))
    s = ship(uow, "4", at=day(3))
    [undo] = ledger.reverse(uow, c.ReverseMovement(s.id))
    receive(uow, "10", "4.00", at=day(2))
    assert value_of(uow, s) == Decimal("-10.00")
    assert value_of(uow, undo) == Decimal("10.00")
    assert balance(uow).on_hand == 20 and balance(uow).value == Decimal("50.00")


def test_post_many_posts_all_or_nothing(uow):
    commands = [
        c.ReceiveStock("A-1", "5", "W1", "1", occurred_at=day(1)),
        c.ShipStock("A-1", "2", "W1", occurred_at=day(2)),
        c.ShipStock("A-1", "9", "W1", occurred_at=day(3)),
    ]
    with pytest.raises(InsufficientStock):
        ledger.post_many(uow, commands)
    assert not uow.state.movements
    assert ledger.post_many(uow, commands[:2]) == 2
    assert balance(uow).on_hand == 3


def test_a_unit_cost_beyond_what_is_kept_exactly_is_refused_naming_the_field(uow):
    with pytest.raises(BadInput) as err:
        receive(uow, "1", "100000000000")
    assert err.value.field == "unit cost" and "at most" in str(err.value)


def test_a_movement_worth_more_than_the_largest_value_kept_is_refused(uow):
    receive(uow, "1", "1", at=day(1))
    before = uow.snapshot()
    with pytest.raises(RuleViolation, match="A-1.*W1.*too large"):
        receive(uow, "999999999", "9999999.99", at=day(2))
    assert uow.state == before


def test_a_count_that_matches_posts_nothing_and_leaves_its_reference_unread(uow):
    # The reference is looked at only when there is a difference to post (as it always was).
    receive(uow, "5", "1", at=day(1))
    bad_ref = "r" * 65
    assert ledger.count(uow, c.CountStock("A-1", "5", "W1", occurred_at=day(2), ref=bad_ref)) is None
    with pytest.raises(BadInput, match="reference"):
        ledger.count(uow, c.CountStock("A-1", "4", "W1", occurred_at=day(2), ref=bad_ref))


def test_a_reversal_refuses_the_movement_before_its_note(uow):
    bad_note = "n" * 201
    with pytest.raises(NotFound, match="movement id"):
        ledger.reverse(uow, c.ReverseMovement("no-such-id", bad_note))
    r = receive(uow, "10", "2", at=day(1))
    ledger.reverse(uow, c.ReverseMovement(r.id))
    with pytest.raises(AlreadyReversed):
        ledger.reverse(uow, c.ReverseMovement(r.id, bad_note))
    s = receive(uow, "1", "2", at=day(2))
    with pytest.raises(BadInput, match="note"):
        ledger.reverse(uow, c.ReverseMovement(s.id, bad_note))


def test_the_core_takes_checked_values_and_applies_the_ledger_rules(uow):
    with uow:
        product, w1, w2 = uow.products.by_sku("A-1"), uow.warehouses.by_code("W1"), uow.warehouses.by_code("W2")
        ledger.post_receipt(uow, product, w1, Decimal(3), Decimal(2), day(1))
        out, into = ledger.post_transfer(uow, product, w1, w2, Decimal(1), day(2), "T-1")
        with pytest.raises(InsufficientStock):
            ledger.post_shipment(uow, product, w1, Decimal(5), day(3))
        plan = ledger.plan_count(uow, product, w2, day(4))
        assert plan.expected == 1
        assert ledger.post_count(uow, product, w2, Decimal(1), plan) is None
        undone = ledger.reverse_movement(uow, out.id, "mistake")
        uow.commit()
    assert out.transfer_id == into.transfer_id and into.source_ref == "T-1"
    assert sorted(m.reverses_id for m in undone) == sorted([out.id, into.id])
    assert {m.note for m in undone} == {"mistake"}
    assert balance(uow, "W1").on_hand == 3 and balance(uow, "W2").on_hand == 0


def test_a_value_or_stock_at_the_limits_is_refused_and_just_below_is_posted(uow) -> None:
    receive(uow, "999999999999", "99.99")  # 99,999,999,999,900.01: just below 10**14
    with pytest.raises(TooLarge, match="a value of 100000000000000 is too large"):
        receive(uow, "100000000000", "1000", sku="B-2")  # exactly 10**14
    before = uow.balances.get(*_ids(uow, "B-2", "W1"))
    assert before.position.on_hand == 0
    for _ in range(10):  # 9,999,999,999,990 on hand, just below 10**13
        receive(uow, "999999999999", "0", sku="B-2")
    with pytest.raises(TooLarge, match="on hand is too large"):
        receive(uow, "10", "0", sku="B-2")  # exactly 10**13
    # a zero written with a large exponent is inside the limits
    product, warehouse = _ids(uow, "A-1", "W2")
    uow.balances.put(Balance(product, warehouse, Position(Decimal("0E+20"), Decimal("0E+20"), Decimal(0))))
    assert receive(uow, "1", "0", wh="W2").qty == 1


def _ids(uow, sku: str, wh: str) -> tuple[str, str]:
    return uow.products.by_sku(sku).id, uow.warehouses.by_code(wh).id
