"""Reading one mapped row: each field's text, checked, with every problem collected, not the first only."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from datetime import date
from typing import Any

from domain.errors import BadInput
from domain.imports.fields import ImportKind
from domain.imports.fields import fields_of
from domain.imports.problems import Said
from domain.imports.problems import said_of
from domain.imports.report import RowProblem
from domain.imports.report import Table

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(field: str, text: str) -> date:
    """A calendar date from ``2026-03-01``, ``2026/3/1``, ``2026.3.1``, ``2026年3月1日`` or ``20260301``.

    A time after the date (``2026-03-01 00:00:00``, as Excel dates read) is ignored.

    Raises:
        BadInput: the text is not such a date, or not a real day.
    """
    match = _DATE.match(text) or _COMPACT.match(text)
    if match is None:
        raise BadInput(field, f"{text!r} is not a date", code="not_a_date", values=(repr(text),))
    year, month, day = (int(x) for x in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a day of the calendar", code="not_a_day",
                       values=(repr(text),)) from None


def check_mapping(kind: ImportKind, table: Table, mapping: dict[str, str]) -> dict[str, int]:
    """The column index of each mapped field; BadInput names an unknown field or header, or a missing one."""
    known = {f.key: f for f in fields_of(kind)}
    index: dict[str, int] = {}
    for key, header in mapping.items():
        if key not in known:
            raise BadInput("mapping", f"{key!r} is not a field of a {kind} import; the fields are "
                                      f"{', '.join(known)}")
        if header in (None, ""):
            continue
        if header not in table.headers:
            raise BadInput("mapping", f"{known[key].label}: the file has no column {header!r}; its columns are "
                                      f"{', '.join(table.headers)}")
        index[key] = table.headers.index(header)
    missing = [f.label for f in fields_of(kind) if f.required and f.key not in index]
    if missing:
        raise BadInput("mapping", f"choose the column of {', '.join(missing)}; a {kind} import needs it")
    return index


class Row:
    """One data row as its mapped fields; ``take`` checks a field and files its problem, if any."""

    __slots__ = ("number", "_cells", "_index", "_fields", "_headers", "problems", "_start")

    def __init__(self, number: int, cells: tuple[str, ...], index: dict[str, int], headers: tuple[str, ...],
                 fields: dict, problems: list[RowProblem]) -> None:
        self.number = number
        self._cells = cells
        self._index = index
        self._headers = headers
        self._fields = fields
        self.problems = problems
        self._start = len(problems)

    def mapped(self, key: str) -> bool:
        return key in self._index

    def text(self, key: str) -> str:
        i = self._index.get(key)
        if i is None or i >= len(self._cells):
            return ""
        return self._cells[i].strip()

    def column(self, key: str) -> str:
        i = self._index.get(key)
        return self._headers[i] if i is not None else self._fields[key].label

    def problem(self, key: str, said: Said, accepts: Said | None = None) -> None:
        """File a problem of field ``key``; what is accepted defaults to the field's own."""
        accepts = accepts if accepts is not None else Said.of(self._fields[key].accepted)
        self.problems.append(RowProblem.of(self.number, self.column(key), said, accepts, key))

    def take(self, key: str, check: Callable[[str, str], Any], default: Any = None) -> Any:
        """``check(label, text)`` of the field; a blank optional field gives ``default``; None on a problem."""
        text = self.text(key)
        field = self._fields[key]
        if not text:
            if field.required:
                self.problem(key, Said("required"))
                return None
            return default
        try:
            return check(field.label, text)
        except BadInput as exc:
            self.problem(key, said_of(exc))
            return None

    @property
    def ok(self) -> bool:
        """No problem was filed for this row so far."""
        return len(self.problems) == self._start


def rows(kind: ImportKind, table: Table, mapping: dict[str, str], problems: list[RowProblem]) -> Iterator[Row]:
    """The non-blank data rows of ``table`` read through ``mapping``; problems go to ``problems``."""
    index = check_mapping(kind, table, mapping)
    fields = {f.key: f for f in fields_of(kind)}
    used = sorted(set(index.values()))
    for i, cells in enumerate(table.rows):
        if not any(cells[j].strip() for j in used if j < len(cells)):
            continue  # a blank line (Excel often leaves some at the end)
        yield Row(table.row_number(i), cells, index, table.headers, fields, problems)
