"""Exact column types: Decimals as scaled integers, instants as UTC microseconds.

Both store a BIGINT, so sums in SQL stay exact and the same DDL works on SQLite and
PostgreSQL. A value with more decimals than the column keeps is refused, never rounded.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

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
        if value is None:
            return None
        scaled = Decimal(value).scaleb(self.scale)
        integral = scaled.to_integral_value()
        if scaled != integral:
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        return int(integral)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(value).scaleb(-self.scale)


class Instant(TypeDecorator):
    """An aware datetime stored as microseconds since 1970-01-01 UTC."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a timezone")
        return (value - EPOCH) // _MICRO

    def process_result_value(self, value, dialect):
        return None if value is None else EPOCH + timedelta(microseconds=value)


def to_micros(value: datetime) -> int:
    return (value - EPOCH) // _MICRO


def from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)
