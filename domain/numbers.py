"""Exact numbers for quantities and money.

Quantities and money are ``Decimal`` everywhere in the domain. This module is the one place
that creates them from user input and that rounds them, so the rules live in one spot:

* quantities keep at most ``QTY_PLACES`` decimals;
* money is rounded half-up to the currency's decimals at each movement;
* average costs keep ``COST_PLACES`` decimals, more than money, so repeated receipts do not
  drift.

Typed numbers are read one way on every path (command line, grid editors, imports): the decimal
separator is a point, and a comma is only a thousands separator in its proper places (``1,250.5``).
Anything else with a comma (``2,5``, ``1,25``, ``12,5000``) is refused as ambiguous rather than read as
a number ten or a thousand times too large: a clerk on a European keyboard means 2.5 by ``2,5``.
Full-width digits and separators (``１２．５``) read as their ASCII forms.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

ZERO = Decimal(0)
QTY_PLACES = 4
COST_PLACES = 8
MONEY_PLACES = 2

_QTY_EXP = Decimal(1).scaleb(-QTY_PLACES)
_COST_EXP = Decimal(1).scaleb(-COST_PLACES)


_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")


class AmbiguousNumber(ValueError):
    """A typed number with a comma that is not a thousands separator (``2,5``): refused, never guessed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.suggestion = text.replace(",", ".") if text.count(",") == 1 and "." not in text else ""
        hint = f"; type {self.suggestion} if that is what you meant" if self.suggestion else ""
        super().__init__(f"{text!r} is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals "
                         f"take a point{hint}")


def D(value: object) -> Decimal:
    """Make a Decimal from a str, int or Decimal; floats are refused (they are not exact).

    Raises:
        AmbiguousNumber: a comma that is not a thousands separator (a ValueError).
        ValueError: the value is not a finite number.
    """
    if type(value) is str:  # typed text, the common case: none of the checks below applies
        text = value
    elif isinstance(value, float):
        raise TypeError("floats are not exact; pass a str or Decimal")
    elif isinstance(value, Decimal):
        text = None
        result = value
    elif isinstance(value, int):
        text = None
        result = Decimal(value)
    else:
        text = str(value)
    if text is not None:
        if not text.isascii():  # ASCII text is its own NFKC form
            text = unicodedata.normalize("NFKC", text)
        text = text.strip()
        if "," in text:
            if not _GROUPED.fullmatch(text):
                raise AmbiguousNumber(text)
            text = text.replace(",", "")
        try:
            result = Decimal(text)
        except (InvalidOperation, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


def places_of(value: Decimal) -> int:
    """How many decimal places a Decimal carries (``5.10`` → 2, ``5`` → 0)."""
    exp = value.normalize().as_tuple().exponent
    return max(0, -int(exp)) if isinstance(exp, int) else 0


_MONEY_EXP = {places: Decimal(1).scaleb(-places) for places in range(9)}


def round_money(value: Decimal, places: int = MONEY_PLACES) -> Decimal:
    """Round money half-up to ``places`` decimals."""
    exp = _MONEY_EXP.get(places) or Decimal(1).scaleb(-places)
    return value.quantize(exp, ROUND_HALF_UP)  # positional: the keyword costs twice the rounding itself


def round_cost(value: Decimal) -> Decimal:
    """Round an average or unit cost to ``COST_PLACES`` decimals."""
    return value.quantize(_COST_EXP, ROUND_HALF_UP)


def norm_qty(value: Decimal) -> Decimal:
    """A quantity with exactly ``QTY_PLACES`` decimals (it must not carry more)."""
    return value.quantize(_QTY_EXP)


def fmt(value: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros (``'12.5'``, ``'0'``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
