"""The hand-written __init__ of Movement, Position, Valuation and Balance takes exactly the dataclass fields, in
order, with their defaults."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.model import Valuation


@pytest.mark.parametrize("cls", [Movement, Position, Valuation, Balance])
def test_init_parameters_are_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]


def test_a_movement_is_still_a_frozen_value():
    at = datetime(2026, 1, 1, tzinfo=UTC)
    m = Movement("m1", MovementKind.RECEIPT, "p", "w", Decimal(2), at, at, unit_cost=Decimal("1.5"))
    assert m == Movement("m1", MovementKind.RECEIPT, "p", "w", Decimal(2), at, at, Decimal("1.5"))
    assert hash(m) == hash(dataclasses.replace(m))
    assert m.note == "" and m.transfer_id is None and m.key == (at, "m1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.qty = Decimal(3)
    with pytest.raises(TypeError):
        Movement("m1", MovementKind.RECEIPT)


def test_positions_valuations_and_balances_are_still_frozen_values():
    pos = Position(Decimal(2), Decimal("3.50"), Decimal("1.75"))
    assert pos == Position(on_hand=Decimal(2), value=Decimal("3.50"), avg_cost=Decimal("1.75"))
    assert Position() == Position(Decimal(0), Decimal(0), Decimal(0))
    val = Valuation(Decimal("3.50"), pos)
    assert val == Valuation(value=Decimal("3.50"), after=pos) and hash(val) == hash(dataclasses.replace(val))
    balance = Balance("p", "w")
    assert balance.position == Position() and balance.last_key is None and balance.reserved == 0
    assert dataclasses.replace(balance, position=pos) == Balance("p", "w", pos)
    for value, name in ((pos, "value"), (val, "value"), (balance, "reserved")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, Decimal(1))
