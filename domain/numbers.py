"""Exact numbers for quantities and money.

Quantities and money are ``Decimal`` everywhere in the domain. This module is the one place
that creates them from user input and that rounds them, so the rules live in one spot:

* quantities keep at most ``QTY_PLACES`` decimals;
* money is rounded half-up to the currency's decimals at each movement;
* average costs keep ``COST_PLACES`` decimals, more than money, so repeated receipts do not
  drift.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

ZERO = Decimal(0)
QTY_PLACES = 4
COST_PLACES = 8
MONEY_PLACES = 2

_QTY_EXP = Decimal(1).scaleb(-QTY_PLACES)
_COST_EXP = Decimal(1).scaleb(-COST_PLACES)


def D(value: object) -> Decimal:
    """Make a Decimal from a str, int or Decimal; floats are refused (they are not exact).

    Raises:
        ValueError: the value is not a finite number.
    """
    if isinstance(value, float):
        raise TypeError("floats are not exact; pass a str or Decimal")
    if isinstance(value, Decimal):
        result = value
    else:
        try:
            result = Decimal(str(value).strip().replace(",", ""))
        except (InvalidOperation, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


def places_of(value: Decimal) -> int:
    """How many decimal places a Decimal carries (``5.10`` → 2, ``5`` → 0)."""
    exp = value.normalize().as_tuple().exponent
    return max(0, -int(exp)) if isinstance(exp, int) else 0


def round_money(value: Decimal, places: int = MONEY_PLACES) -> Decimal:
    """Round money half-up to ``places`` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def round_cost(value: Decimal) -> Decimal:
    """Round an average or unit cost to ``COST_PLACES`` decimals."""
    return value.quantize(_COST_EXP, rounding=ROUND_HALF_UP)


def norm_qty(value: Decimal) -> Decimal:
    """A quantity with exactly ``QTY_PLACES`` decimals (it must not carry more)."""
    return value.quantize(_QTY_EXP)


def fmt(value: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros (``'12.5'``, ``'0'``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
