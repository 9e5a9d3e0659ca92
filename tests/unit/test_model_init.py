"""Movement's hand-written __init__ takes exactly its dataclass fields, in order, with their defaults."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import pytest

from domain.model import Movement
from domain.model import MovementKind


def test_init_parameters_are_the_fields_in_order_with_their_defaults():
    params = list(inspect.signature(Movement.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Movement)
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
