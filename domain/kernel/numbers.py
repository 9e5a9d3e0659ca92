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
Full-width digits and separators (``１２．５``) read as their ASCII forms; no other character outside ASCII
is part of a number (``ascii_number``): a superscript, a circled number or another script's digit (``1²``, ``⑫``,
``١٢``) is refused, not read as the digits it decomposes to (``1²`` is not 12), and so is Python's ``_`` between
digits (``1_000``). A whole number typed (a count of days, weeks or rows: ``whole_number``) is read the same way.

A number a program wrote down (a record from the shared hub, a held document's line, a setting kept in the
database) is read by ``written_number``: only what ``str(Decimal)`` writes (``12.5``, ``-3``, ``1E+3``), nothing around
it; Python's ``Decimal()`` and ``int()`` would also read ``1_0`` as 10, `` 1`` as 1 and ``١٢`` as 12, and ``Decimal``
``NaN`` and ``Infinity`` as numbers, none of which any desk writes.

A file written elsewhere may say its numbers another way, and an import may be told so
(``NumberFormat``): in the European format (``1.234,5``) a comma is the decimal separator and a point
only separates thousands, in its proper places. ``plain_number`` turns such text into the one form
``D`` reads. The same text means different numbers in the two formats (``1,234`` is 1234 or 1.234), so
the format is always the user's choice, never guessed.
"""

from __future__ import annotations

import enum
import re
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

ZERO = Decimal(0)
QTY_PLACES = 4
COST_PLACES = 8
MONEY_PLACES = 2

_QTY_EXP = Decimal(1).scaleb(-QTY_PLACES)
_COST_EXP = Decimal(1).scaleb(-COST_PLACES)


# Full-width forms (U+FF01..U+FF5E) are their ASCII characters; the ideographic space is a space.
_FULL_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}


def half_width(text: str) -> str:
    """``text`` with its full-width forms as their ASCII characters (``２０２６－０３`` → ``2026-03``), nothing else."""
    return text.translate(_FULL_WIDTH) if not text.isascii() else text


def ascii_number(text: str) -> str:
    """The stripped text of a typed number with full-width characters as their ASCII forms (``１２．５`` → ``12.5``).

    Raises:
        ValueError: any other character outside ASCII, or a ``_``: Python's ``Decimal`` and ``int`` would read
            ``1²`` (after NFKC), ``⑫``, ``١٢`` and ``1_000`` as numbers that are not what the text shows.
    """
    text = half_width(text).strip()
    if not text.isascii() or "_" in text:
        raise ValueError(f"{text!r} is not a number")
    return text


_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")


def whole_number(text: str) -> int:
    """A whole number typed (``14``, ``１４``): digits with a sign at most, as ``ascii_number`` reads them.

    Raises:
        ValueError: anything else (``1_4``, ``1e3``, ``14.0``, ``١٤``, 19 digits or more).
    """
    plain = ascii_number(text)
    if not _WHOLE.fullmatch(plain):
        raise ValueError(f"{text!r} is not a whole number")
    return int(plain)


# What ``str(Decimal)`` and ``str(int)`` write for a finite number; the digits are bounded, so that no text makes
# ``Decimal`` work hard (a 40-digit number is already far beyond any field's limit).
_WRITTEN = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?(?:E[+-]?[0-9]{1,4})?")


def written_number(value: object) -> Decimal:
    """A number that a program wrote down, as ``str(Decimal)`` writes it (``12.5``, ``-3``, ``1E+3``), or an int.

    For what comes back from storage or from another desk: the hub's records, a held document's lines, a setting.
    Unlike ``D`` it reads nothing a person types and a program does not write: no full-width digit, no space, no
    comma, no ``+``, no lower-case exponent.

    Raises:
        ValueError: anything else (``1_0``, `` 1``, ``NaN``, ``Infinity``, ``１２``, a float, a bool).
    """
    if type(value) is int:
        return Decimal(value)
    if type(value) is str and _WRITTEN.fullmatch(value):
        return Decimal(value)
    raise ValueError(f"{value!r} is not a number as it is written down")


_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")


class AmbiguousNumber(ValueError):
    """A typed number with a comma that is not a thousands separator (``2,5``): refused, never guessed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.suggestion = text.replace(",", ".") if text.count(",") == 1 and "." not in text else ""
        hint = f"; type {self.suggestion} if that is what you meant" if self.suggestion else ""
        super().__init__(f"{text!r} is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals "
                         f"take a point{hint}")


class NumberFormat(enum.StrEnum):
    """How the numbers of a file are written."""

    DEFAULT = "default"  # 1,234.5: a decimal point, commas only between thousands
    EUROPEAN = "european"  # 1.234,5: a decimal comma, points only between thousands


_EUROPEAN_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]*)?")


class NotInFormat(ValueError):
    """Text whose separators are not those of the chosen number format (``1.23,4`` in the European format)."""

    def __init__(self, text: str, number_format: NumberFormat) -> None:
        self.text = text
        self.number_format = number_format
        super().__init__(f"{text!r} is not a number in the European format: a comma before the decimals and a point "
                         f"only between groups of three digits, as in 1.234,5 or 2,5")


def plain_number(text: str, number_format: NumberFormat | str = NumberFormat.DEFAULT) -> str:
    """Text of a number written in ``number_format``, rewritten in the one form ``D`` reads.

    In the European format a comma is the decimal separator and a point separates thousands only in
    its proper places: ``1.234,5`` → ``1234.5``, ``1,5`` → ``1.5``, ``1.234`` → ``1234`` (a point is never
    a decimal point there); ``1.23,4``, ``1.5``, ``1234.5`` and ``1,234,5`` are refused. Text without a
    separator is returned as it is (``D`` then says whether it is a number). In the default format the
    text is returned as it is: ``D`` reads it.

    Args:
        text: the number as written (full-width characters read as their ASCII forms).
        number_format: how the text writes its numbers.

    Returns:
        The text with a decimal point and no thousands separators.

    Raises:
        NotInFormat: a separator that the format does not allow where it stands (a ValueError).
    """
    if NumberFormat(number_format) is NumberFormat.DEFAULT:
        return text
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)  # anything else outside ASCII is left for ``D`` to refuse
    text = text.strip()
    if "." in text:
        if not _EUROPEAN_GROUPED.fullmatch(text):
            raise NotInFormat(text, NumberFormat.EUROPEAN)
        text = text.replace(".", "")
    if "," in text:
        if text.count(",") > 1:
            raise NotInFormat(text, NumberFormat.EUROPEAN)
        text = text.replace(",", ".")
    return text


def read_number(text: str, number_format: NumberFormat | str = NumberFormat.DEFAULT) -> Decimal:
    """The number that ``text``, written in ``number_format``, stands for (see ``plain_number`` and ``D``).

    Raises:
        NotInFormat: separators the format does not allow where they stand.
        AmbiguousNumber: in the default format, a comma that is not a thousands separator.
        ValueError: not a finite number.
    """
    return D(plain_number(text, number_format))


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
        try:
            text = ascii_number(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
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
# The quantum money of ``places`` decimals is rounded to, and the rounding: ``round_money`` is
# ``value.quantize(money_quantum(places), MONEY_ROUNDING)``, ``round_cost`` is
# ``value.quantize(COST_QUANTUM, MONEY_ROUNDING)`` (the valuation writes them out, once per movement posted).
MONEY_ROUNDING = ROUND_HALF_UP
COST_QUANTUM = _COST_EXP


def money_quantum(places: int) -> Decimal:
    return _MONEY_EXP.get(places) or Decimal(1).scaleb(-places)


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


def fmt_price(value: Decimal, places: int = MONEY_PLACES) -> str:
    """A unit price as the documents, screens and workbooks show it: thousands grouped and at least the money's
    ``places`` decimals, as money is shown (``12.50``, ``1,200.00``), more only where the price carries more
    (``0.125``, ``3.4567``): a price is kept to more places than money (``COST_PLACES``), and one rounded to the
    cent would not multiply out to its line's amount. ``fmt`` (no trailing zeros) is for quantities and for text
    typed back in (an editor's cell, the command line, JSON)."""
    shown = max(places_of(value), places)
    return f"{value.quantize(money_quantum(shown)):,f}"


def price_format(value: Decimal, places: int = MONEY_PLACES) -> str:
    """The Excel number format that shows ``value`` as ``fmt_price`` does (``#,##0.00``, ``#,##0.000``)."""
    shown = max(places_of(value), places)
    return "#,##0." + "0" * shown if shown else "#,##0"
