"""Field checks shared by the use cases; each raises ``BadInput`` naming the field."""

from __future__ import annotations

import functools
from datetime import UTC
from datetime import datetime
from decimal import Decimal

from domain.errors import BadInput
from domain.numbers import QTY_PLACES
from domain.numbers import AmbiguousNumber
from domain.numbers import D
from domain.numbers import places_of

# Limits of quantities and money, made once (these checks run for every movement of a bulk load).
_MAX_QTY = Decimal(10) ** 12
_MAX_MONEY = Decimal(10) ** 10


def number(field: str, value: object, *, max_places: int | None = None) -> Decimal:
    """A Decimal from ``value``, or BadInput saying what is accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadInput(field, "is required; enter a number such as 12 or 2.50")
    try:
        result = D(value)
    except AmbiguousNumber as exc:
        raise BadInput(field, str(exc)) from None
    except (TypeError, ValueError):
        raise BadInput(field, f"{value!r} is not a number; enter digits such as 12 or 2.50") from None
    # A number written with at most ``max_places`` decimals has at most that many once its trailing zeros
    # are dropped, so only one written with more needs ``places_of`` (which normalizes).
    if max_places is not None and -result.as_tuple().exponent > max_places and places_of(result) > max_places:
        raise BadInput(field, f"{value} has more than {max_places} decimal places")
    return result


def quantity(field: str, value: object, *, positive: bool = True, allow_zero: bool = False) -> Decimal:
    """A quantity with at most QTY_PLACES decimals; positive unless told otherwise."""
    if type(value) is str:
        return _quantity_text(field, value, positive, allow_zero)
    return _quantity(field, value, positive, allow_zero)


# Typed quantities and codes repeat (a bulk load names the same few quantities, SKUs and warehouses again
# and again), and their checks depend on nothing but their arguments, so the answers for text are
# remembered (a refusal is not: it is raised again each time). Decimals are not remembered: 1.0 and 1.00
# are equal but not the same value.
@functools.lru_cache(maxsize=4096)
def _quantity_text(field: str, value: str, positive: bool, allow_zero: bool) -> Decimal:
    return _quantity(field, value, positive, allow_zero)


def _quantity(field: str, value: object, positive: bool, allow_zero: bool) -> Decimal:
    result = number(field, value, max_places=QTY_PLACES)
    if positive and result < 0:
        raise BadInput(field, f"{value} is negative; enter a quantity greater than 0")
    if not allow_zero and result == 0:
        raise BadInput(field, "must not be 0")
    if abs(result) >= _MAX_QTY:
        raise BadInput(field, f"{value} is too large; at most 999,999,999,999 is accepted")
    return result


def money(field: str, value: object, *, max_places: int = 8) -> Decimal:
    """A non-negative amount of money or unit cost."""
    result = number(field, value, max_places=max_places)
    if result < 0:
        raise BadInput(field, f"{value} is negative; enter 0 or more")
    if result >= _MAX_MONEY:  # costs are kept with 8 decimals in a 64-bit integer
        raise BadInput(field, f"{value} is too large; at most 9,999,999,999.99999999 is accepted")
    return result


def text(field: str, value: object, *, required: bool = True, max_len: int = 200) -> str:
    """Stripped text; required unless told otherwise."""
    result = value.strip() if type(value) is str else "" if value is None else str(value).strip()
    if required and not result:
        raise BadInput(field, "is required")
    if len(result) > max_len:
        raise BadInput(field, f"is {len(result)} characters long; at most {max_len} are accepted")
    return result


def code(field: str, value: object, *, max_len: int = 64) -> str:
    """A business key such as a SKU, barcode or warehouse code: no spaces inside."""
    if type(value) is str:
        return _code_text(field, value, max_len)
    return _code(field, value, max_len)


@functools.lru_cache(maxsize=4096)
def _code_text(field: str, value: str, max_len: int) -> str:
    return _code(field, value, max_len)


def _code(field: str, value: object, max_len: int) -> str:
    result = text(field, value, max_len=max_len)
    # ``result`` is stripped, so it splits into more than one part exactly when a character inside it is
    # whitespace (str.split and str.isspace agree on what whitespace is)
    if len(result.split()) > 1:
        raise BadInput(field, f"{result!r} contains spaces; use letters, digits, '-', '_' or '.'")
    return result


def moment(field: str, value: datetime | None) -> datetime:
    """An aware UTC datetime; None means now, a naive one is taken as local time."""
    if value is None:
        return datetime.now(UTC)
    if not isinstance(value, datetime):
        raise BadInput(field, f"{value!r} is not a date and time; use ISO form 2026-03-01T14:30")
    return value.astimezone(UTC)
