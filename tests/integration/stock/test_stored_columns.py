"""The bulk inserts' column conversions (``to_stored_column``) give what SQLAlchemy's ``process_bind_param``
gives for each value, and refuse what it refuses with the same error."""

from __future__ import annotations

import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from decimal import Decimal

import pytest

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
