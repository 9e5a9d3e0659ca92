"""Field checks shared by the use cases; each raises ``BadInput`` naming the field.

Text: every field refuses control characters (a terminal escape, a bell, a NUL; tab and line
breaks only in the fields typed in several lines) and the bidirectional overrides that make text
read differently from what it holds (U+202A..U+202E, U+2066..U+2069). Invisible characters (a
zero-width space, a soft hyphen, a byte-order mark) are refused in free text and removed from codes.

Codes (SKUs, barcodes, warehouse and partner codes, user names) are normalised: NFKC (full-width
``ＳＤ－６`` is ``SD-6``), every Unicode dash is the ASCII hyphen, no invisible characters. Codes are
kept as typed after that, and compared without regard to ASCII case (``code_key``).

Dates: business dates (the day something happened) lie between ``limits.FIRST_DAY`` and ``limits.last_day(today)``,
a year after today; dates planned ahead (requested, expected, due) up to ``limits.last_planned_day(today)``.
"""

from __future__ import annotations

import functools
import re
import time
import unicodedata
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from domain.kernel import clock
from domain.kernel import limits
from domain.kernel.errors import BadInput
from domain.kernel.numbers import QTY_PLACES
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import AmbiguousNumber
from domain.kernel.numbers import D
from domain.kernel.numbers import half_width
from domain.kernel.numbers import places_of


def number(field: str, value: object, *, max_places: int | None = None) -> Decimal:
    """A Decimal from ``value``, or BadInput saying what is accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadInput(field, "is required; enter a number such as 12 or 2.50", code="required")
    try:
        result = D(value)
    except AmbiguousNumber as exc:
        raise BadInput(field, str(exc), code="ambiguous_number", values=(repr(exc.text),)) from None
    except (TypeError, ValueError):
        raise BadInput(field, f"{value!r} is not a number; enter digits such as 12 or 2.50", code="not_a_number",
                       values=(repr(value),)) from None
    if max_places is not None and _more_places(result, max_places):
        raise BadInput(field, f"{value} has more than {max_places} decimal places", code="too_many_places",
                       values=(value, max_places))
    return result


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(13)}


def _more_places(value: Decimal, max_places: int) -> bool:
    """``places_of(value) > max_places`` for a finite ``value``, answered by one rounding in the common case.

    A value unchanged by rounding it to ``max_places`` decimals has no more than that many (``as_tuple``, which
    ``places_of`` takes, costs four times as much: it writes out every digit). Any other answer, or a rounding
    that cannot be done as asked (more digits than the context keeps, a context that traps it), is left to
    ``places_of``, which rounds to the context's precision as it always did.
    """
    quantum = _QUANTA.get(max_places)
    if quantum is not None:
        try:
            if value.quantize(quantum) == value:
                return False
        except ArithmeticError:
            pass
    return places_of(value) > max_places


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
    if positive and result < ZERO:
        raise BadInput(field, f"{value} is negative; enter a quantity greater than 0", code="negative", values=(value,))
    if not allow_zero and result == ZERO:
        raise BadInput(field, "must not be 0", code="zero")
    if abs(result) >= limits.QTY_MAX:
        raise BadInput(field, f"{value} is too large; at most 999,999,999,999 is accepted", code="too_large",
                       values=(value,))
    return result


def money(field: str, value: object, *, max_places: int = 8) -> Decimal:
    """A non-negative amount of money or unit cost."""
    result = number(field, value, max_places=max_places)
    if result < ZERO:
        raise BadInput(field, f"{value} is negative; enter 0 or more", code="negative", values=(value,))
    if result >= limits.COST_MAX:  # costs are kept with 8 decimals in a 64-bit integer
        raise BadInput(field, f"{value} is too large; at most 9,999,999,999.99999999 is accepted", code="too_large",
                       values=(value,))
    return result


# Fields typed in several lines (a multi-line editor): they may hold line breaks and tabs.
MULTILINE_FIELDS = frozenset({"address", "company address", "reason", "terms", "notes", "payment terms", "breaks"})

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u200b\u200c\u200d\ufeff\u00ad\u2060")
_STRIP_INVISIBLE = {ord(ch): None for ch in INVISIBLE}
# Dashes that look like the hyphen-minus: hyphen, non-breaking hyphen, figure dash, en and em dash,
# horizontal bar, minus sign, small and full-width hyphen-minus (NFKC maps some, not all).
_DASHES = {ord(ch): "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def check_characters(field: str, value: str, *, multiline: bool = False) -> None:
    """Refuse control characters, bidi overrides and invisible characters in ``value``.

    Args:
        field: the field's name, as the user knows it.
        value: the text.
        multiline: tab and line breaks are allowed (a field typed in several lines).

    Raises:
        BadInput: naming the first such character and what to do.
    """
    for match in _SUSPECT.finditer(value):
        ch = match.group()
        if multiline and ch in "\t\n\r":
            continue
        if ch in INVISIBLE:
            raise BadInput(field, f"contains an invisible character ({_describe(ch)}); delete it and type the "
                                  f"text again", code="invisible_character", values=(_describe(ch),))
        if ch in _BIDI:
            raise BadInput(field, f"contains a direction override ({_describe(ch)}), which makes the text show "
                                  f"differently from what it holds; delete it", code="direction_override",
                           values=(_describe(ch),))
        what = "a line break" if ch in "\n\r" else f"a control character ({_describe(ch)})"
        raise BadInput(field, f"contains {what}; use printable characters only", code="control_character",
                       values=(_describe(ch),))


def text(field: str, value: object, *, required: bool = True, max_len: int = 200,
         multiline: bool | None = None) -> str:
    """Stripped text without control or invisible characters; required unless told otherwise.

    ``multiline`` (default: whether ``field`` is one of ``MULTILINE_FIELDS``) allows line breaks and tabs.
    """
    if type(value) is str and not value and not required:  # an optional field left empty (most notes)
        return ""
    result = "" if value is None else str(value).strip()
    if multiline is None:
        multiline = field in MULTILINE_FIELDS
    if multiline:
        result = result.replace("\r\n", "\n")
    # Every character ``check_characters`` looks for is a control (Cc) or format (Cf) character, which
    # str.isprintable() rejects: printable text (nearly all of it) needs no closer look.
    if not result.isprintable():
        check_characters(field, result, multiline=bool(multiline))
    if required and not result:
        raise BadInput(field, "is required", code="required")
    if len(result) > max_len:
        raise BadInput(field, f"is {len(result)} characters long; at most {max_len} are accepted", code="too_long",
                       values=(len(result),))
    return result


def normal_code(value: object) -> str:
    """A code in its one written form: NFKC, ASCII hyphens, no invisible characters, stripped.

    Nothing is refused here (``code`` does that); the case is kept.
    """
    text_ = "" if value is None else str(value)
    text_ = unicodedata.normalize("NFKC", text_.translate(_STRIP_INVISIBLE)).translate(_DASHES)
    return text_.translate(_STRIP_INVISIBLE).strip()


def code_key(value: str) -> str:
    """What two codes are compared by: the normal form with ASCII letters in lower case.

    Only ASCII letters fold, exactly as SQLite's ``lower()`` does, so a query by ``lower()`` and
    this key always agree.
    """
    if value.isascii():  # the same result, ten times faster: NFKC, dashes and invisibles are not ASCII
        return value.strip().lower()
    return normal_code(value).translate(_ASCII_LOWER)


def code(field: str, value: object, *, max_len: int = 64) -> str:
    """A business key such as a SKU, barcode or warehouse code in its normal form (``normal_code``), without
    spaces or control characters, not starting with a formula's first character (``CODE_RULE``)."""
    if type(value) is str:
        return _code_text(field, value, max_len)
    return _code(field, value, max_len)


@functools.lru_cache(maxsize=4096)
def _code_text(field: str, value: str, max_len: int) -> str:
    return _code(field, value, max_len)


# The rule of a code, as every refusal of one says it. Any letters are accepted (a Chinese office's codes may be
# Chinese: 螺丝-M6), but not a first character that a spreadsheet takes for the start of a formula: such a code,
# exported and opened in Excel, or typed into a sheet for an import, would be run or changed by Excel.
CODE_RULE = "a code is letters (Chinese too), digits and signs such as - _ . /, without spaces, and does not start " \
            "with =, + or @"
FORMULA_START = ("=", "+", "@")


def _code(field: str, value: object, max_len: int) -> str:
    result = text(field, normal_code(value), max_len=max_len, multiline=False)
    if any(ch.isspace() for ch in result):
        raise BadInput(field, f"{result!r} contains spaces; {CODE_RULE}", code="contains_spaces",
                       values=(repr(result),))
    if result.startswith(FORMULA_START):
        raise BadInput(field, f"{result!r} starts with {result[0]}, which a spreadsheet takes for a formula; "
                              f"{CODE_RULE}", code="formula_start", values=(repr(result), result[0]))
    return result


def _window(planned: bool = False) -> tuple[date, date]:
    today = clock.now().date()
    return limits.FIRST_DAY, (_last_planned_day(today) if planned else _last_day(today))


@functools.lru_cache(maxsize=4)
def _last_day(today: date) -> date:
    return limits.last_day(today)


@functools.lru_cache(maxsize=4)
def _last_planned_day(today: date) -> date:
    return limits.last_planned_day(today)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_TIME = re.compile(r"(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?")


def iso_day(text: str) -> date:
    """A day typed as ``YYYY-MM-DD`` (full-width digits read as ASCII ones, as numbers are), the one form a command
    line's date takes. ``date.fromisoformat`` also reads ``20260301`` and the week date ``2026-W09-7``, which no one
    means by a date typed there.

    Raises:
        ValueError: any other text, or a day the calendar has not.
    """
    plain = half_width(text).strip()
    if not _ISO_DAY.fullmatch(plain):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    return date.fromisoformat(plain)


def iso_moment(text: str) -> datetime:
    """A date-time typed as ``YYYY-MM-DD``, perhaps with ``THH:MM[:SS[.ffffff]]`` and an offset (a space may stand for
    the ``T``), read as ``iso_day`` reads the day.

    Raises:
        ValueError: any other text (``2026-W09-7``, ``20260301T0930``), or a day or time the calendar has not.
    """
    plain = half_width(text).strip()
    if not (_ISO_DAY.match(plain) and _ISO_TIME.fullmatch(plain, 10)):
        raise ValueError(f"{text!r} is not a date-time written YYYY-MM-DDTHH:MM")
    return datetime.fromisoformat(plain)


def _outside(field: str, shown: str, planned: bool = False) -> BadInput:
    first, last = _window(planned)
    return BadInput(field, f"{shown} is outside the accepted dates; enter a date from {first.isoformat()} to "
                           f"{last.isoformat()}", code="outside_dates", values=(shown, first.isoformat(),
                                                                                 last.isoformat()))


def day(field: str, value: date) -> date:
    """A business date, the day something happened, inside the window: ``limits.FIRST_DAY`` to
    ``limits.last_day`` (a year after today).

    Raises:
        BadInput ``outside_dates``: naming the date and the window.
    """
    return _day(field, value, planned=False)


def planned_day(field: str, value: date) -> date:
    """A date planned ahead (an order's requested or expected date, a due date): ``limits.FIRST_DAY`` to
    ``limits.last_planned_day``.

    Raises:
        BadInput ``outside_dates``: naming the date and the window.
    """
    return _day(field, value, planned=True)


def _day(field: str, value: date, planned: bool) -> date:
    if not isinstance(value, date):
        raise BadInput(field, f"{value!r} is not a date; use a date such as 2026-03-01",
                       code="not_a_date", values=(repr(value),))
    first, last = _window(planned)
    shown = value.isoformat() if not isinstance(value, datetime) else value.date().isoformat()
    plain = value.date() if isinstance(value, datetime) else value
    if not first <= plain <= last:
        raise _outside(field, shown, planned)
    return value


# For ``moment``'s common case: (the Unix times of today's and the next UTC midnight, the first instant after the
# last accepted business date), worked out again when the clock is outside that day.
_utc_window: tuple[float, float, datetime] = (0.0, 0.0, _EPOCH)


def _renew_utc_window() -> bool:
    """Work out ``_utc_window`` for today (False: the last accepted date is the last a datetime can hold)."""
    global _utc_window
    today = clock.now().date()
    try:
        end = datetime.combine(_last_day(today) + timedelta(days=1), datetime.min.time(), UTC)
        since = datetime.combine(today, datetime.min.time(), UTC)
        until = since + timedelta(days=1)
    except OverflowError:
        return False
    _utc_window = ((since - _EPOCH).total_seconds(), (until - _EPOCH).total_seconds(), end)
    return True


def moment(field: str, value: datetime | None) -> datetime:
    """An aware UTC datetime inside the window of business dates; None means now, a naive one is
    taken as local time."""
    if value is None:
        return clock.now()
    # The common case, a UTC instant well inside the window, is answered by two comparisons: for it the
    # checks below come to ``_EPOCH <= value < end``, and ``astimezone(UTC)`` gives back the same instant.
    if type(value) is datetime and value.tzinfo is UTC and _EPOCH <= value:
        since, until, end = _utc_window
        if since <= time.time() < until and value < end:
            return value
        if _renew_utc_window() and value < _utc_window[2]:
            return value
    if not isinstance(value, datetime):
        raise BadInput(field, f"{value!r} is not a date and time; use ISO form 2026-03-01T14:30",
                       code="not_a_moment", values=(repr(value),))
    day(field, value)  # before converting: year 1 or 9999 would overflow the conversion
    try:
        result = value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise _outside(field, value.isoformat()) from None
    if result < _EPOCH:
        raise _outside(field, value.isoformat())
    return result
