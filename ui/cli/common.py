"""What every command group of the command line shares: exit statuses, the error that carries one, the
``--at`` date-time option, opening the ``--db`` database, and printing tables and JSON.

Nothing heavy is imported here (no Qt, pandas or statsmodels), so every command still starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.kernel.numbers import MONEY_PLACES
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_money
from domain.kernel.numbers import whole_number
from domain.kernel.validate import iso_day
from domain.kernel.validate import iso_moment
from ui.fill import fill

EXIT_OK, EXIT_BAD_INPUT, EXIT_REFUSED, EXIT_STORAGE = 0, 2, 3, 4

# The languages of the files the commands write (PDFs and workbooks): ``--language`` names one as the window's
# Settings do (en, zh_CN); zh is kept for zh_CN, as the commands first spelled it.
LANGUAGES = {"en": "en", "zh_CN": "zh_CN", "zh": "zh_CN"}


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def day(field: str, text: str | None) -> date | None:
    """A business day typed as YYYY-MM-DD (None when empty); a bad one is refused naming ``field``."""
    if not text:
        return None
    try:
        return iso_day(text)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a date; use YYYY-MM-DD such as 2026-12-01") from None


def add_language_option(parser: argparse.ArgumentParser, what: str = "the file") -> None:
    """The ``--language`` option of every command that writes a PDF or a workbook (``file_language`` reads it)."""
    parser.add_argument("--language", choices=tuple(LANGUAGES), default=None,
                        help=f"{what}'s language: en (English) or zh_CN (简体中文; zh for short); default: the "
                             f"language chosen in the window's Settings, else the system's")


def add_state_language(parser: argparse.ArgumentParser, what: str = "the order's state") -> None:
    """The ``--language`` of a list that names orders' states as the window does (``so list``, ``po list``)."""
    parser.add_argument("--language", choices=tuple(LANGUAGES), default="en",
                        help=f"the language of {what}, as the window names it: en (default) or zh_CN "
                             "(简体中文; zh for short); --json keeps the stored state")


def state_names(choice: str, context: str, state_name):
    """``state_name`` (a state → the window's English) in the ``--language`` chosen, read from the window's
    translations under ``context`` (``Partly shipped``, 部分发货)."""
    language = LANGUAGES[choice]
    if language == "en":
        return state_name
    from ui.i18n import label_translator

    translate = label_translator(language, context)
    return lambda state: state_name(state, translate)


def list_words(choice: str, context: str, words: dict[str, str]):
    """``words[key]`` (English, marked under ``context``) in the ``--language`` chosen, its places filled:
    ``say("ordered", "100")``; read from the window's translations as the orders' states are."""
    if LANGUAGES[choice] == "en":
        return lambda key, *values: fill(words[key], *values)
    from ui.i18n import label_translator

    tr = label_translator(LANGUAGES[choice], context)
    return lambda key, *values: fill(tr(words[key]), *values)


def file_language(choice: str | None) -> str:
    """The language to write a file in ("en" or "zh_CN"): the ``--language`` given, else what the window shows (the
    language chosen in its Settings, else the system's), so a file printed from the command line reads as the same
    file printed from the window."""
    if choice:
        return LANGUAGES[choice]
    from ui.i18n import chosen_language  # Qt's core only, and only when no language is given

    return chosen_language()


def option_day(text: str) -> date:
    """An option's day (``--today 2026-03-01``), read as ``validate.iso_day`` reads it; argparse names the option."""
    try:
        return iso_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use a date such as 2026-03-01") from None


def whole(least: int = 1, most: int = 10**6) -> Callable[[str], int]:
    """An option's whole number from ``least`` to ``most`` (``--weeks 52``), read as the kernel reads a typed number
    (``whole_number``): ``int()`` would take ``1_0`` for 10 and ``١٠`` for 10, and ``--rows -5`` listed nothing."""

    def read(text: str) -> int:
        try:
            value = whole_number(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number; give {least} to {most:,}, such as "
                                             f"{max(least, 10)}") from None
        if not least <= value <= most:
            raise argparse.ArgumentTypeError(f"{value} is out of range; give {least} to {most:,}")
        return value

    return read


def seconds(text: str) -> float:
    """An option's time in seconds, above 0 and at most a day (``--budget 20``): ``float()`` took ``nan``, ``inf``
    and ``1_0``."""
    try:
        value = D(text)
    except ValueError:
        value = None
    if value is None or not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds; give more than 0 and at most 86,400, "
                                         f"such as 20")
    return float(value)


def when(text: str) -> datetime:
    from domain.kernel import validate

    try:
        when = iso_moment(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date-time such as 2026-03-01T14:30") from None
    try:
        validate.moment("--at", when)
    except BadInput as exc:  # argparse names the option; say the window
        raise argparse.ArgumentTypeError(exc.problem) from None
    return when


def open_database(path: Path, *, create: bool = False):
    """Open the --db database; only ``init`` (``create``) makes a new one, and nothing else is written to a file
    that is not a Stockroom database."""
    from bootstrap import open_database as open_stockroom_database
    from persistence.db import NotStockroomDatabase

    try:
        return open_stockroom_database(path, create=create)
    except NotStockroomDatabase as exc:
        raise CliError(f"--db: {exc}", EXIT_BAD_INPUT) from exc
    except DomainError:
        raise
    except Exception as exc:  # a folder, no permission, a damaged file: the user's path, not a bug
        explained = explain(exc)
        if explained is not None:
            raise explained from exc
        reason = getattr(exc, "orig", None) or exc
        raise CliError(f"--db: cannot open {path} as a Stockroom database ({reason}); give the path of a Stockroom "
                       f"database file, or create one with init", EXIT_BAD_INPUT) from exc


def explain(exc: BaseException):
    """A storage failure (database locked, disk full, a number too large to keep) as a domain error, or None."""
    from persistence.errors import explain as explain_storage

    return explain_storage(exc)


@contextlib.contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector while a large result is built: a report over 100,000 products makes
    a million small objects that hold no cycles, and the collector, walking every live object again and again as
    they are made, would take more time than the work itself. Reference counting frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def print_json(rows: list[dict]) -> None:
    # One write: json.dump writes each token separately, ~700,000 system calls for 20,000 rows when
    # stdout is unbuffered (PYTHONUNBUFFERED, common in containers and CI).
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


def num(value) -> str | None:
    return None if value is None else fmt(value)


def money(value: Decimal | None, places: int = MONEY_PLACES) -> str:
    """A money-like figure (an amount, a value, an average cost) as the tables print it, and as the window and the
    reports show it: rounded half-up to the money places, thousands grouped (``1,630.62``); '' for none. JSON keeps
    the exact figure (``num``)."""
    return "" if value is None else f"{round_money(value, places):,.{places}f}"


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters (wide, fullwidth) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Control characters and direction overrides in stored text (from before they were refused, or written by
# another program) are shown as U+FFFD: printed raw they would drive the terminal (colours, a cleared screen).
_UNPRINTABLE = {c: "\ufffd" for c in (*range(0x00, 0x20), *range(0x7f, 0xa0), *range(0x202a, 0x202f),
                                        *range(0x2066, 0x206a))}


def table(rows: list[list[str]], header: list[str]) -> None:
    cells = [[str(x).translate(_UNPRINTABLE) for x in row] for row in [header, *rows]]
    widths = [max(display_width(row[i]) for row in cells if i < len(row)) for i in range(len(header))]
    lines = ("  ".join(x + " " * (w - display_width(x)) for x, w in zip(row, widths, strict=False)).rstrip()
             for row in cells)
    sys.stdout.write("\n".join(lines) + "\n")


def local(when: datetime) -> datetime:
    """Local time; a date at the calendar's end (stored before dates had a range) stays in UTC."""
    try:
        return when.astimezone()
    except (OverflowError, ValueError):
        return when
