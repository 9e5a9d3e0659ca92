"""The bulk inserts' column conversions (``to_stored_column``) give what SQLAlchemy's ``process_bind_param``
gives for each value, and refuse what it refuses with the same error; the rows a buffered movement and its
valuation are turned into when added are the ones that conversion gives."""

from __future__ import annotations

import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from decimal import Decimal
from decimal import InvalidOperation

import pytest
from sqlalchemy.dialects import sqlite

from domain.stock.model import Movement
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.model import Valuation
from persistence import tables as t
from persistence.db import open_database
from persistence.stock import repositories
from persistence.types import Instant
from persistence.types import Scaled


def _one_by_one(column_type, values):
    return [column_type.process_bind_param(v, None) for v in values]


def _error(fn, values):
    try:
        fn(values)
    except Exception as exc:  # noqa: BLE001 - the very error is what is compared
        return type(exc), str(exc)
    return None


@pytest.mark.parametrize("scale", [4, 8])
def test_a_column_of_decimals_converts_as_each_value_does(scale: int) -> None:
    rng = random.Random(scale)
    values = [Decimal(rng.randrange(-10**15, 10**15)).scaleb(-rng.randrange(0, scale + 1)) for _ in range(2_000)]
    values += [Decimal(x) for x in ("0", "-0", "-0.0000", "1E+3", "5.10", "7.000000000")]
    column = Scaled(scale)
    assert column.to_stored_column()(values) == _one_by_one(column, values)
    with_nulls = [None if i % 3 == 0 else v for i, v in enumerate(values)]
    assert column.to_stored_column()(with_nulls) == _one_by_one(column, with_nulls)
    assert column.to_stored_column()([None, None]) == [None, None]
    mixed = [*values[:5], 3, "2.5"]  # other types go value by value
    assert column.to_stored_column()(mixed) == _one_by_one(column, mixed)


@pytest.mark.parametrize("bad", ["1.000001", "-3.123456789", "1.0000010000", "NaN", "Infinity", "-Infinity", "sNaN"])
def test_a_column_with_a_value_to_refuse_fails_as_that_value_does(bad: str) -> None:
    column = Scaled(4)
    values = [Decimal("1.5"), None, Decimal(bad), Decimal("2")]
    expected = _error(lambda vs: _one_by_one(column, vs), values)
    assert expected is not None
    assert _error(column.to_stored_column(), values) == expected


def test_a_column_of_instants_converts_as_each_value_does() -> None:
    rng = random.Random(3)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    values = [base + timedelta(microseconds=rng.randrange(-10**15, 10**15)) for _ in range(1_000)]
    values.append(datetime(2024, 6, 1, 8, tzinfo=timezone(timedelta(hours=8))))
    column = Instant()
    assert column.to_stored_column()(values) == _one_by_one(column, values)
    assert _error(column.to_stored_column(), [base, datetime(2024, 1, 1)]) == _error(
        lambda vs: _one_by_one(column, vs), [base, datetime(2024, 1, 1)])


# --- the rows a buffered movement and its valuation are turned into when they are added


def _movement(**changes) -> Movement:
    at = datetime(2025, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)
    fields = dict(id="01900000-0000-7000-8000-000000000001", kind=MovementKind.RECEIPT, product_id="p",
                  warehouse_id="w",
                  qty=Decimal("12.5"), occurred_at=at, recorded_at=at + timedelta(seconds=1),
                  unit_cost=Decimal("3.33333333"), source_type="receipt", source_ref="PO-1", note="备注", user="ann",
                  device_id="d")
    fields.update(changes)
    return Movement(**fields)


def _general_row(table, values: tuple) -> tuple:
    """What the flush's general path (``_insert_rows`` with the row left as read) gives for ``values``."""
    columns = dict(zip([c.key for c in table.columns], ([v] for v in values), strict=True))
    if table is t.movements:
        columns["kind"] = [repositories._KIND_TEXT[columns["kind"][0]]]
    return tuple(columns[c.key][0] if p is None else p(columns[c.key])[0]
                 for c, p in zip(table.columns, _CONVERTERS[table], strict=True))


@pytest.mark.parametrize("movement", [
    _movement(),
    _movement(kind=MovementKind.SHIPMENT, qty=Decimal("-3"), unit_cost=None),
    _movement(kind=MovementKind.TRANSFER_IN, qty=Decimal("0.0001"), unit_cost=None, transfer_id="t", note=""),
    _movement(kind=MovementKind.REVERSAL, qty=Decimal("-12.5000"), reverses_id="r", unit_cost=None),
    _movement(fx_currency="USD", fx_unit_price=Decimal("1.25"), fx_rate=Decimal("7.12345678")),
    _movement(occurred_at=datetime(2025, 3, 1, 8, tzinfo=timezone(timedelta(hours=8))), qty=Decimal("1E+3")),
    _movement(kind="shipment", qty=Decimal("-0"), unit_cost=Decimal("0.00000000")),
    _movement(qty=3),  # an int: stored as the general path stores it
    _movement(qty=True, unit_cost=2),
])
def test_a_buffered_movement_becomes_the_row_the_general_path_gives(movement: Movement) -> None:
    row = repositories._movement_row(movement)
    assert row is not None
    assert row == _general_row(t.movements, repositories._MOVEMENT_ROW(movement))
    assert [type(x) for x in row] == [type(x) for x in _general_row(t.movements, repositories._MOVEMENT_ROW(movement))]


@pytest.mark.parametrize("movement", [
    _movement(qty=2.5),  # a float: the general path takes it
    _movement(qty="3"),
    _movement(qty=Decimal("1.00001")),  # more decimals than kept: refused by the general path
    _movement(unit_cost=Decimal("NaN")),
    _movement(occurred_at=datetime(2025, 3, 1)),  # naive: refused by the general path
    _movement(kind="no such kind"),
])
def test_a_movement_with_another_kind_of_value_is_left_to_the_general_path(movement: Movement) -> None:
    assert repositories._movement_row(movement) is None


@pytest.mark.parametrize("valuation", [
    Valuation(Decimal("-41.67"), Position(Decimal("12.5"), Decimal("41.66"), Decimal("3.33333333"))),
    Valuation(Decimal("0"), Position()),
    Valuation(Decimal("10.0000"), Position(Decimal("-2"), Decimal("-7.50"), Decimal("3.75000000"))),
])
def test_a_buffered_valuation_becomes_the_row_the_general_path_gives(valuation: Valuation) -> None:
    row = repositories._value_row("m1", valuation)
    assert row == _general_row(t.movement_values, ("m1", *repositories._VALUE_ROW(valuation)))
    assert repositories._value_row("m1", Valuation(Decimal("0.00001"), Position())) is None


def test_rows_left_as_read_are_refused_at_the_flush_as_before(tmp_path) -> None:
    db = open_database(tmp_path / "x.sqlite3")
    with db.uow() as uow:
        buffer = uow.movements.buf
        assert buffer.plain_rows
        uow.movements.add(_movement(qty=Decimal("1.00001")), Valuation(Decimal(0), Position()))
        with pytest.raises(ValueError, match="1.00001 has more than 4 decimal places"):
            buffer.flush_movements()
    db.engine.dispose()


_ENGINE_DIALECT = sqlite.dialect()
_CONVERTERS = {table: [repositories._to_stored(c, _ENGINE_DIALECT) for c in table.columns]
               for table in (t.movements, t.movement_values)}


@pytest.mark.parametrize("scale", [2, 4, 8])
@pytest.mark.parametrize("text", [
    "123.45", "-0", "0E-8", "1E+3", "-12.5000", "0.00000001", "7.12345678", "-999999999999.9999",
    "1234567890123456789012345.6789",  # more digits than the context keeps: rounded alike
    "1.234567890123456789012345678901", "Infinity", "-Infinity", "NaN",
])
def test_a_product_by_1e_scale_is_scaleb(scale: int, text: str) -> None:
    """The rows scale a value by multiplying with 1E+scale: for a Decimal the same coefficient, exponent and
    sign as ``scaleb`` gives, rounded by the same context; for an int what the general path makes of it
    (``Decimal(int).scaleb``); a TypeError for a float or text."""
    value, power = Decimal(text), Decimal(1).scaleb(scale)
    assert str(value * power) == str(value.scaleb(scale))
    assert str(3 * power) == str(Decimal(3).scaleb(scale))
    with pytest.raises(TypeError):
        2.5 * power
    with pytest.raises(TypeError):
        "3" * power


def test_a_signalling_nan_is_refused_by_the_product_as_by_scaleb() -> None:
    with pytest.raises(InvalidOperation):
        Decimal("sNaN").scaleb(4)
    with pytest.raises(InvalidOperation):
        Decimal("sNaN") * Decimal("1E+4")


_BEFORE = Position(Decimal("12.5"), Decimal("41.66"), Decimal("3.33333333"))
_KNOWN = (_BEFORE, repositories._value_row("m0", Valuation(Decimal("41.66"), _BEFORE)))


@pytest.mark.parametrize(("qty", "valuation"), [
    (Decimal("-2"), Valuation(Decimal("-6.67"), Position(Decimal("10.5"), Decimal("34.99"), _BEFORE.avg_cost))),
    (Decimal("-12.5"), Valuation(Decimal("-41.66"), Position(Decimal("0"), Decimal("0"), _BEFORE.avg_cost))),
    (Decimal("3"), Valuation(Decimal("30.00"), Position(Decimal("15.5"), Decimal("71.66"), Decimal("4.62322581")))),
    # not the known position plus the movement (a back-dated posting, a replay): each value converted
    (Decimal("3"), Valuation(Decimal("30.00"), Position(Decimal("7"), Decimal("30.00"), Decimal("10")))),
    (Decimal("-1"), Valuation(Decimal("-3.33"), Position(Decimal("11.5"), Decimal("38.33"), Decimal("3.33333333")))),
    (3, Valuation(Decimal("30.00"), Position(Decimal("15.5"), Decimal("71.660"), Decimal("4.62322581")))),
])
def test_a_valuation_after_a_known_position_gives_the_row_converting_gives(qty, valuation: Valuation) -> None:
    """``_value_row`` takes the stored values of the position after a movement from the pair's previous row where
    that position is the known one plus the movement: the row is the one converting each Decimal gives."""
    stored_qty = repositories._movement_row(_movement(qty=qty))[4]
    row = repositories._value_row("m1", valuation, _KNOWN, qty, stored_qty)
    assert row == repositories._value_row("m1", valuation)
    assert row == _general_row(t.movement_values, ("m1", *repositories._VALUE_ROW(valuation)))
    assert [type(x) for x in row] == [str, int, int, int, int]


def test_a_value_to_refuse_after_a_known_position_is_left_to_the_general_path() -> None:
    valuation = Valuation(Decimal("0.00001"), Position(Decimal("12.5"), Decimal("41.66001"), _BEFORE.avg_cost))
    assert repositories._value_row("m1", valuation, _KNOWN, Decimal(0), 0) is None
