"""Exact column types: Decimals as scaled integers, instants as UTC microseconds.

Both store a BIGINT, so sums in SQL stay exact and the same DDL works on SQLite and
PostgreSQL. A value with more decimals than the column keeps is refused, never rounded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import MAX_PREC
from decimal import Context
from decimal import Decimal
from decimal import Inexact
from decimal import InvalidOperation
from itertools import repeat
from operator import attrgetter
from operator import floordiv
from operator import sub

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


class Scaled(TypeDecorator):
    """A Decimal stored as ``value × 10**scale`` in a BIGINT."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale

    def process_bind_param(self, value, dialect):
        return self.to_stored()(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(value).scaleb(-self.scale)

    def to_stored(self) -> Callable[[object], int | None]:
        """The conversion ``process_bind_param`` applies, as a plain function."""
        return _scaler(self.scale)

    def to_stored_column(self) -> Callable[[list], list]:
        """``to_stored`` of each of a list of values (the bulk inserts), in a few C loops where it can."""
        return _scaled_column(self.scale)


@functools.cache
def _scaler(scale: int) -> Callable[[object], int | None]:
    def to_stored(value):
        if value is None:
            return None
        scaled = (value if type(value) is Decimal else Decimal(value)).scaleb(scale)
        # int() of a finite Decimal is exact (it truncates); NaN and infinity take the general path and are
        # refused as they always were
        integral = int(scaled) if scaled.is_finite() else scaled.to_integral_value()
        if integral != scaled:
            raise ValueError(f"{value} has more than {scale} decimal places")
        return int(integral)

    return to_stored


_NONE = type(None)
_ONLY_NONE = {_NONE}


# Exactness in one C call: rounding a scaled value to an integer with Inexact trapped raises for any value
# with a fraction left (and sNaN raises InvalidOperation); NaN and infinity then fail int(). No value is
# rounded: the precision is far above a BIGINT's 19 digits, and a value that needs more is refused by int's
# range on the way to the driver as before, or falls back to the general path below.
_EXACT = Context(prec=MAX_PREC, traps=[Inexact, InvalidOperation])
integral_exact = _EXACT.to_integral_exact  # (the bulk inserts' rows use it too)


@functools.cache
def _scaled_column(scale: int) -> Callable[[list], list]:
    one = _scaler(scale)

    def to_stored(values: list) -> list:
        # (``None in values`` would compare each Decimal with None, which goes through an ABC check)
        kinds = set(map(type, values))
        if kinds == _ONLY_NONE:  # a column nobody filled (the foreign-currency ones, mostly)
            return list(values)
        present = [v for v in values if v is not None] if _NONE in kinds else values
        if present and kinds - {_NONE} == {Decimal}:
            try:
                integral = list(map(int, map(integral_exact, map(Decimal.scaleb, present, repeat(scale)))))
            except (ArithmeticError, ValueError):  # a fraction left, NaN or infinity: the general path says which
                pass
            else:
                if present is values:
                    return integral
                rest = iter(integral)
                return [None if v is None else next(rest) for v in values]
        return list(map(one, values))  # other types, or a value to refuse: one by one, as always

    return to_stored


class Instant(TypeDecorator):
    """An aware datetime stored as microseconds since 1970-01-01 UTC."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return instant_to_stored(value)

    def process_result_value(self, value, dialect):
        return None if value is None else EPOCH + timedelta(microseconds=value)

    def to_stored(self) -> Callable[[datetime | None], int | None]:
        """The conversion ``process_bind_param`` applies, as a plain function."""
        return instant_to_stored

    def to_stored_column(self) -> Callable[[list], list]:
        """``to_stored`` of each of a list of values (the bulk inserts), in a few C loops where it can."""
        return instants_to_stored


def instants_to_stored(values: list) -> list:
    if set(map(type, values)) == {datetime} and None not in map(_TZINFO, values):
        return list(map(floordiv, map(sub, values, repeat(EPOCH)), repeat(_MICRO)))
    return list(map(instant_to_stored, values))


_TZINFO = attrgetter("tzinfo")


def instant_to_stored(value: datetime | None) -> int | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetimes are not stored; give a timezone")
    return (value - EPOCH) // _MICRO


def to_micros(value: datetime) -> int:
    return (value - EPOCH) // _MICRO


def from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)
