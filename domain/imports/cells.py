"""Reading one mapped row: each field's text, checked, with every problem collected, not the first only.

The cells of number fields are read in the number format chosen for the file
(``domain.kernel.numbers.NumberFormat``): in the European format, ``1.234,5`` is rewritten as ``1234.5`` before
the field's own check, and a problem that check finds names the cell as the file writes it. A cell the
file holds as a number (``NumberCell``, an Excel number) is a number whatever the format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from datetime import date
from datetime import timedelta
from typing import Any

from domain.imports.fields import ImportKind
from domain.imports.fields import fields_of
from domain.imports.problems import Said
from domain.imports.problems import said_of
from domain.imports.report import DateCell
from domain.imports.report import LeftOut
from domain.imports.report import NumberCell
from domain.imports.report import RowProblem
from domain.imports.report import Table
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import NotInFormat
from domain.kernel.numbers import NumberFormat
from domain.kernel.numbers import half_width
from domain.kernel.numbers import plain_number

# ASCII digits only (``re.ASCII``; full-width ones are read as ASCII first): ``\d`` would take ١٢٣٤ or 𝟐𝟎𝟐𝟔 for a year
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", re.ASCII)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)


def parse_date(field: str, text: str) -> date:
    """A calendar date from ``2026-03-01``, ``2026/3/1``, ``2026.3.1``, ``2026年3月1日`` or ``20260301``.

    A time after the date (``2026-03-01 00:00:00``, as Excel dates read) is ignored.

    Raises:
        BadInput: the text is not such a date, or not a real day.
    """
    plain = half_width(text).strip() if isinstance(text, str) else text
    match = _DATE.fullmatch(plain) or _COMPACT.fullmatch(plain)
    if match is None:
        raise BadInput(field, f"{text!r} is not a date", code="not_a_date", values=(repr(text),))
    year, month, day = (int(x) for x in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise BadInput(field, f"{text!r} is not a day of the calendar", code="not_a_day",
                       values=(repr(text),)) from None


def business_day(field: str, text: str) -> date:
    """The day something happened (``parse_date``), inside the window a clerk may type (``v.day``): from
    1970-01-01 to a year after today."""
    return v.day(field, parse_date(field, text))


def planned_day(field: str, text: str) -> date:
    """A date planned ahead, such as a due date (``parse_date``), inside ``v.planned_day``'s window."""
    return v.planned_day(field, parse_date(field, text))


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


# What a number field accepts, said with the European format's examples.
_EUROPEAN_ACCEPTS = {"accept_qty": "accept_qty_european", "accept_stock_qty": "accept_stock_qty_european",
                     "accept_money": "accept_money_european"}


def number_as_read(cell: str, number_format: NumberFormat | str = NumberFormat.DEFAULT) -> str:
    """The text of a number field's cell as the import reads it: ``1.234,5`` → ``1234.5`` in the European format.

    A cell the file holds as a number, and any cell in the default format, is read as it is.

    Raises:
        NotInFormat: the cell's separators are not those of ``number_format``.
    """
    if isinstance(cell, NumberCell):
        return str(cell)
    return plain_number(cell.strip(), number_format)


class Row:
    """One data row as its mapped fields; ``take`` checks a field and files its problem, if any."""

    __slots__ = ("number", "_cells", "_index", "_fields", "_headers", "problems", "_start", "_format", "_delimited")

    def __init__(self, number: int, cells: tuple[str, ...], index: dict[str, int], headers: tuple[str, ...],
                 fields: dict, problems: list[RowProblem],
                 number_format: NumberFormat = NumberFormat.DEFAULT, delimited: bool = False) -> None:
        self.number = number
        self._cells = cells
        self._index = index
        self._headers = headers
        self._fields = fields
        self.problems = problems
        self._start = len(problems)
        self._format = number_format
        self._delimited = delimited  # a CSV: what Excel should do differs from a workbook's (Table.delimited)

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
        if accepts is None:
            accepts = Said.of(self._fields[key].accepted)
            if self._format is NumberFormat.EUROPEAN and accepts.code in _EUROPEAN_ACCEPTS:
                accepts = Said(_EUROPEAN_ACCEPTS[accepts.code])
        self.problems.append(RowProblem.of(self.number, self.column(key), said, accepts, key))

    def take(self, key: str, check: Callable[[str, str], Any], default: Any = None) -> Any:
        """``check(label, text)`` of the field; a blank optional field gives ``default``; None on a problem.

        A number field's text is first read in the file's number format (see the module docstring).
        """
        text = self.text(key)
        field = self._fields[key]
        if not text:
            if field.required:
                self.problem(key, Said("required"))
                return None
            return default
        written = text
        if not field.number and key not in _DATE_FIELDS and isinstance(self._cells[self._index[key]], DateCell):
            self.problem(key, Said("date_cell", (repr(written),)), Said("accept_text_cell"))
            return None
        if not field.number and shortened(text):
            self.problem(key, Said("scientific_code", (repr(written),)), Said("accept_full_digits"))
            return None
        if field.number and scientific(self._cells[self._index[key]]):
            shown = _expanded(text)
            self.problem(key, Said("scientific_number", (repr(written), shown)), Said("accept_plain_number", (shown,)))
            return None
        if field.number:
            sign = _CURRENCY_SIGN.search(text)
            if sign is not None:  # (an Excel CSV of a column formatted as currency: ¥1,200.50)
                # a CSV is saved again from Excel; in a workbook the cell is text, changed in place
                accepts = "accept_amount_alone" if self._delimited else "accept_amount_alone_workbook"
                self.problem(key, Said("currency_sign", (repr(written), sign.group())), Said(accepts))
                return None
        if field.number and self._format is not NumberFormat.DEFAULT:
            try:
                text = number_as_read(self._cells[self._index[key]], self._format)
            except NotInFormat:
                self.problem(key, Said("not_european_number", (repr(written),)), Said("accept_european_number"))
                return None
        try:
            return check(field.label, text)
        except BadInput as exc:
            said = said_of(exc)
            accepts = None
            if said.code == "not_a_date":
                said, accepts = _serial_date(self._cells[self._index[key]], said)
            if text != written:  # name the cell as the file writes it, not as it was rewritten
                said = Said(said.code, tuple(_as_written(v, text, written) for v in said.values))
            if said.code == "ambiguous_number" and field.number:
                accepts = Said("accept_point_or_european")
            if said.code == "scientific_code":
                accepts = Said("accept_full_digits")
            self.problem(key, said, accepts)
            return None

    @property
    def ok(self) -> bool:
        """No problem was filed for this row so far."""
        return len(self.problems) == self._start


# Signs of a currency in a number field, said as a problem of their own: read as a number they are none, and the
# checks of numbers would say something less to the point (``¥1,200.50``: "a comma may only separate thousands").
_CURRENCY_SIGN = re.compile(r"[¥￥$＄€£]|元|RMB|CNY", re.IGNORECASE)
# How Excel shows a long number in a column of the General format, and so writes it to a CSV: 6901234567892 (a
# barcode) as 6.90123E+12. The digits after the sixth are gone; the text is no code, name or phone of anyone's.
_SCIENTIFIC = re.compile(r"\d(?:\.\d{1,14})?E\+\d{2,3}", re.IGNORECASE | re.ASCII)


# A number in scientific notation, as a CSV or a text cell may hold it (1e3, 1.23457E+11, in the European format
# 1,5E+3): refused in number fields rather than read, since Excel writes a number so when it shortens it (a quantity
# 123456789012 in a General column is saved as 1.23457E+11), and 1e3 typed for 1000 is a programmer's habit, not a
# clerk's. A number cell of a workbook is a number, whatever Excel shows.
_EXPONENT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)E[+-]?\d+", re.IGNORECASE | re.ASCII)


def _expanded(text: str) -> str:
    """A number in scientific notation written out in digits (``1.23457E+11`` → ``123457000000``)."""
    from decimal import Decimal
    from decimal import InvalidOperation

    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return text
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or abs(exponent) > 24:  # no one's number: say it as it is
        return text
    return format(value.normalize() if exponent < 0 else value, "f")


def scientific(cell: str) -> bool:
    """Whether a number field's cell is text in scientific notation (``1e3``), which the import refuses."""
    return not isinstance(cell, NumberCell) and _EXPONENT.fullmatch(cell.strip()) is not None


def shortened(text: str) -> bool:
    """Whether ``text`` is a long number as Excel shows it in scientific notation (``6.90123E+12``)."""
    return _SCIENTIFIC.fullmatch(text) is not None


_DATE_FIELDS = frozenset({"date", "due"})
_SERIALS = range(1, 2958466)  # the days Excel counts, 1900-01-01 to 9999-12-31


_TYPED_SERIAL = re.compile(r"\d{5}", re.ASCII)  # a day number typed as text: 10000 (1927) to 99999 (2173), not a year


def _excel_day(serial: int) -> date:
    """The day Excel counts as ``serial`` (1 is 1900-01-01; Excel counts a 29 February 1900 that never was)."""
    return date(1899, 12, 30) + timedelta(days=serial if serial > 60 else serial + 1)


def _serial_date(cell: str, said: Said) -> tuple[Said, Said | None]:
    """A date field's cell that the file holds as a whole number is a date Excel counts in days, shown as a number
    because its column is not formatted as dates: say which date it would show, not just "not a date". A day number
    held as text (typed, or in a CSV: 46027) is said likewise, with the date it is, to be written as a date.
    Returns the problem and what is accepted (None: the field's own)."""
    if isinstance(cell, NumberCell):
        if not cell.isdigit() or int(cell) not in _SERIALS:
            return said, None
        return Said("serial_date", (cell, _excel_day(int(cell)).isoformat())), None
    typed = cell.strip()
    if not _TYPED_SERIAL.fullmatch(typed):
        return said, None
    shown = _excel_day(int(typed)).isoformat()
    return Said("serial_date_text", (repr(typed), shown)), Said("accept_date_written", (shown,))


def _as_written(value: str, read: str, written: str) -> str:
    if value == read:
        return written
    return repr(written) if value == repr(read) else value


def rows(kind: ImportKind, table: Table, mapping: dict[str, str], problems: list[RowProblem],
         number_format: NumberFormat | str = NumberFormat.DEFAULT, *, left_out: list[LeftOut] | None = None,
         include_hidden: bool = False) -> Iterator[Row]:
    """The non-blank data rows of ``table`` read through ``mapping``, their numbers in ``number_format``;
    problems go to ``problems``. A row whose mapped cells repeat the headers is no data and is passed over.

    Rows the workbook hides (``Table.hidden``) are left out unless ``include_hidden``; a note under the header
    (``is_note``) is passed over. Each goes to ``left_out``, so that the report says so.
    """
    number_format = NumberFormat(number_format)
    index = check_mapping(kind, table, mapping)
    fields = {f.key: f for f in fields_of(kind)}
    used = sorted(set(index.values()))
    header = [table.headers[j] for j in used]
    split = split_rows(table)
    hidden = frozenset() if include_hidden else table.hidden
    left_out = [] if left_out is None else left_out
    records = 0  # rows read as records so far: a note is one above them all
    for i, cells in enumerate(table.rows):
        if not any(cells[j].strip() for j in used if j < len(cells)):
            continue  # a blank line (Excel often leaves some at the end)
        if [cells[j].strip() if j < len(cells) else "" for j in used] == header:
            continue  # the header row again: an export page by page, or two files pasted one under the other
        if table.row_number(i) in hidden:
            left_out.append(LeftOut(table.row_number(i), Said("hidden_row")))
            continue
        if not records and is_note(cells):
            left_out.append(LeftOut(table.row_number(i), Said("note_row")))
            continue
        records += 1
        row = Row(table.row_number(i), cells, index, table.headers, fields, problems, number_format, table.delimited)
        if i in split:
            width = table.header_cells or 0
            column = table.headers[width] if width < len(table.headers) else f"Column {width + 1}"
            problems.append(RowProblem.of(row.number, column, Said("split_row", (str(width),)),
                                          Said("accept_quoted")))
        yield row


# A note a template puts under its header for the clerk who fills it in: 说明：货号必填, 注：带*的为必填项,
# *为必填项, Note: the SKU is required. Marked as a note by its first words or its sign, or an instruction about
# what must be filled in.
_NOTE = re.compile(r"\s*(?:[*※]|(?:填写|填表)?(?:说明|注意事项|注意|注|备注|提示|温馨提示)\s*[:：]"
                   r"|(?:notes?|nb|hint|remarks?)\s*[:：]|.*(?:必填|选填|required|optional))", re.IGNORECASE)


def is_note(cells: tuple[str, ...]) -> bool:
    """Whether a row under the header is a note, not a record: its one filled cell is a note's text (``_NOTE``).

    One cell is never a record of any import (each kind needs two fields or more), so nothing that could be a
    record is passed over; a row of one cell that is not marked as a note (a product's name alone, its SKU
    forgotten) is checked as a record, and its missing fields are reported.
    """
    filled = [c for c in cells if c.strip()]
    return len(filled) == 1 and not isinstance(filled[0], NumberCell | DateCell) and _NOTE.match(filled[0]) is not None


def split_rows(table: Table) -> set[int]:
    """The data rows of a delimited file (CSV) with more cells than its header row.

    A value holding the delimiter without quotes around it (a price 1,200, a name 螺丝刀,黑色, typed or exported
    without them) was split in two, and every cell after it moved one column on. Excel writes each row of a CSV as
    wide as the widest, so its files never have such rows. The cells beyond the header's are empty when the split
    value was in the row's last column but one; such rows count too, unless every data row has them (a program that
    ends each line but the header with a delimiter).
    """
    width = table.header_cells
    if width is None:
        return set()
    filled = [i for i, cells in enumerate(table.rows) if any(c.strip() for c in cells)]
    long = [i for i in filled if len(table.rows[i]) > width]
    spilled = [i for i in long if any(c.strip() for c in table.rows[i][width:])]
    return set(spilled if len(long) == len(filled) else long)
