"""Reading a spreadsheet file into a ``domain.imports.Table`` and writing rows to an Excel workbook.

CSV files from Excel come in several encodings: "CSV UTF-8" (with a byte-order mark), plain
UTF-8, and, from a Chinese Excel's plain "CSV", GBK. They are tried in that order (GB18030, a
superset of GBK, decodes both). Bytes that none of them decodes, or that decode only to
characters no Chinese or English spreadsheet holds, are refused with a message that says how
to save the file instead of importing garbage. The delimiter is the one of ``,`` ``;`` and tab
that the header line uses most.

Excel files (.xlsx) are read with openpyxl, as Python objects, and each cell is turned into the text
a user would type: whole numbers without ``.0``, dates as ``2026-03-01``; a number cell's text is a
``NumberCell``, so that it reads as the number it is whatever number format the import is told the
file's typed numbers have. Formulas are never run: a
workbook with formula cells is refused. Every text written to a workbook is a text cell, never a
formula. openpyxl is imported when a file is read or written, not when this module is.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from pathlib import Path
from xml.parsers import expat

from domain.imports.problems import file_error
from domain.imports.report import DateCell
from domain.imports.report import NumberCell
from domain.imports.report import Table
from domain.imports.report import header_texts

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of an Excel 97-2003 (.xls) workbook
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters no Chinese or English spreadsheet holds: all but ASCII, Latin-1, general punctuation and symbols,
# CJK punctuation, kana, CJK ideographs (with extension A and compatibility), full-width forms.
_IMPLAUSIBLE = re.compile(r"[^\x00-\u024f\u2000-\u2bff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                          r"\ufe30-\ufe4f\uff00-\uffef]")
_SLICE = 1 << 16  # characters searched at a time (see _looks_like_text)
_PROGRESS_ROWS = 2_000  # a workbook's rows read between two reports of progress
# The most rows a file imported may have: twice the 100,000 an import is measured with. A sheet that says it has more
# is refused before a row is read; one that does not say (or says less) is refused at the row after the last, and so
# is a CSV: never read whole into memory (a million rows of twenty cells are gigabytes as Python text).
MOST_ROWS = 200_000
# A workbook is a zip, and openpyxl inflates some of its parts whole (the shared strings, the styles). A workbook of
# MOST_ROWS rows of twenty cells unpacks to about 300 MB; one that says it unpacks to more (a "zip bomb": kilobytes
# that unpack to gigabytes) is refused before any part is inflated. ``zipfile`` never unpacks a part beyond the size
# it says.
MOST_UNPACKED = 1 << 30
MOST_CSV_BYTES = 512 << 20  # a CSV of MOST_ROWS rows of twenty long cells is well under this


def read_table(path: Path | str, progress: Callable[[int], None] | None = None) -> Table:
    """The header and data rows of an .xlsx or .csv file, every cell as text; ``progress`` hears the percent of a
    workbook's rows read (reading 100,000 rows takes a while; a CSV is read at once).

    Raises:
        BadInput: the file is missing, empty, of another kind, or not in a known encoding.
    """
    path = Path(path)
    if not path.is_file():
        raise file_error("file_missing", path)
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        with path.open("rb") as handle:
            if handle.read(len(_OLD_EXCEL)) == _OLD_EXCEL:
                _refuse_compound(path.read_bytes(), path.name)
        return _read_excel(path, progress)
    if suffix == ".xls":
        raise file_error("file_xls", path.name)
    if path.stat().st_size > MOST_CSV_BYTES:
        raise file_error("file_too_large", path.name, f"{path.stat().st_size / (1 << 20):,.0f}", f"{MOST_ROWS:,}",
                         f"{MOST_CSV_BYTES >> 20:,}")
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        return _read_excel(path, progress)  # an Excel workbook whatever its name says
    if data.startswith(_OLD_EXCEL):
        _refuse_compound(data, path.name)  # not UTF-16 text, as its zero bytes would suggest
    return parse_csv(data, path.name)


def _refuse_compound(data: bytes, name: str) -> None:
    """Refuse a file in the container of old Office files: an .xls workbook (whatever it is named), or an .xlsx
    that Excel encrypted with a password to open it (saved inside that container, not as a zip)."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise file_error("file_encrypted", name)
    raise file_error("file_xls", name)


def parse_csv(data: bytes, name: str = "") -> Table:
    text = decode(data, name)
    first = next((line for line in io.StringIO(text, newline=None) if line.strip()), "").rstrip("\r\n")
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    records = [tuple(r) for r in itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                                                   MOST_ROWS + 1)]
    if len(records) > MOST_ROWS:
        raise file_error("file_too_many_rows", name, f"{MOST_ROWS:,}")
    table = _table(records, name)
    return replace(table, header_cells=len(records[table.header_row - 1]))  # a longer row was split: see its checks


def decode(data: bytes, name: str = "") -> str:
    """The text of a CSV file in UTF-8 (with or without BOM) or GB18030/GBK; BadInput otherwise."""
    label = name or "the file"
    if not data.strip():
        raise file_error("file_empty", label)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_mark(data[:4096]):
        raise file_error("file_utf16", label)
    if b"\x00" in data[:4096]:
        raise file_error("file_binary", label)  # a picture, a PDF, a program: no text holds a NUL
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text) and (encoding == "utf-8" or _looks_like_chinese(text)):
            return text
    raise file_error("file_encoding", label)


def _utf16_without_mark(sample: bytes) -> bool:
    """UTF-16 text without a byte-order mark: the zero high bytes of its ASCII (digits, commas, line breaks) fall
    on every other byte, the same side each time, and hardly any on the other side."""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    few, many = sorted((even, odd))
    return many >= len(sample) // 8 and few <= many // 20


def _looks_like_text(text: str) -> bool:
    """No control character, and at most one character in a thousand that no spreadsheet of ours holds.

    The text is searched a slice at a time: one search of a whole file holds Python's lock for as long as it takes
    (a fifth of a second for 40,000 rows), and the window, waiting for the lock, froze while a file was read."""
    limit, odd = max(2, len(text) // 1000), 0
    for start in range(0, len(text), _SLICE):
        end = start + _SLICE
        if _CONTROL.search(text, start, end):
            return False
        for _ in _IMPLAUSIBLE.finditer(text, start, end):
            odd += 1
            if odd > limit:
                return False
    return True


def _looks_like_chinese(text: str) -> bool:
    """Whether GB18030-decoded text is Chinese, not another encoding's bytes read as rare characters.

    Chinese spreadsheets use the common characters of GB2312 (almost all of them). Latin-1 or
    Windows-1252 accents followed by a letter (``è`` + ``m``) also decode as GB18030, but into
    GBK's extension areas, outside GB2312: when most non-ASCII characters are there, it is not Chinese.
    """
    sample = Counter(ch for ch in text[:1_000_000] if ch > "\x7f")
    total = sum(sample.values())
    if not total:
        return True
    rare = 0
    for ch, n in sample.items():
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += n
    return rare <= total // 5


def _read_excel(path: Path, progress: Callable[[int], None] | None = None) -> Table:
    """The first sheet's cells as text: the first sheet Excel shows that holds a header and a row under it, not a
    hidden one kept for lookups nor a cover or an empty sheet in front. A formula is never run, nor is the result
    Excel cached for it taken: a workbook with formula cells is refused, naming them (text that only looks like a
    formula, such as an exported name ``=x``, is a text cell and reads as it is); so is one with error values
    (``#N/A`` pasted as a value), which are no value at all."""
    from openpyxl import load_workbook

    _refuse_bomb(path)
    handle = path.open("rb")  # a file object: openpyxl would judge a path by its name (a .csv that is a workbook)
    try:
        book = load_workbook(handle, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - a damaged or encrypted workbook: the user's file, said plainly
        handle.close()
        raise file_error("file_not_excel", path.name, exc) from None
    try:
        _east_asian_dates(book)
        sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"] or book.worksheets[:1]
        first = None
        for sheet in sheets:
            read = (*_read_sheet(sheet, progress, path.name), sheet)
            records, formulas, errors, chosen = read
            if formulas or errors or sum(1 for r in records if any(c.strip() for c in r)) >= 2:
                break
            first = first or read
        else:
            records, formulas, errors, chosen = first or ([], [], [], None)  # no sheet holds data: the first says so
    finally:
        book.close()
        handle.close()
    if formulas:
        shown = ", ".join(formulas[:10])
        if len(formulas) > 10:
            raise file_error("file_many_formulas", path.name, shown, len(formulas) - 10)
        raise file_error("file_formulas", path.name, shown)
    if errors:
        cells = ", ".join(where for where, _ in errors[:10]) + (" …" if len(errors) > 10 else "")
        raise file_error("file_error_values", path.name, errors[0][1], cells)
    hidden = _hidden_rows(path, getattr(chosen, "_worksheet_path", None)) if chosen is not None else frozenset()
    return replace(_table(records, path.name), hidden=hidden)


_CHUNK = 1 << 20


def _hidden_rows(path: Path, part: str | None) -> frozenset[int]:
    """The numbers of the rows a sheet hides (``<row r="5" hidden="1">``: hidden by hand or by a filter).

    openpyxl reads a workbook fast only in its read-only mode, which does not say which rows are hidden; so the
    sheet's XML is read again here, in chunks, with a streaming parser that looks at the rows' own attributes. A
    sheet that nowhere says ``hidden`` (nearly every one) is passed through once without parsing.
    """
    if not part:
        return frozenset()
    try:
        with zipfile.ZipFile(path) as book:
            name = part.lstrip("/")
            if not _says_hidden(book, name):
                return frozenset()
            hidden: set[int] = set()
            number = 0

            def row(tag: str, attributes: dict[str, str]) -> None:
                nonlocal number
                if tag == "row" or tag.endswith(":row"):
                    number = int(attributes.get("r") or number + 1)  # r may be left out: the next row
                    if attributes.get("hidden") in ("1", "true"):
                        hidden.add(number)

            parser = expat.ParserCreate()
            parser.StartElementHandler = row
            with book.open(name) as xml:
                while chunk := xml.read(_CHUNK):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (KeyError, ValueError, zipfile.BadZipFile, expat.ExpatError):
        return frozenset()  # openpyxl read the sheet: a part it reads that this cannot is no one's hidden rows
    return frozenset(hidden)


def _says_hidden(book: zipfile.ZipFile, name: str) -> bool:
    """Whether the part's text holds ``hidden`` anywhere (a chunk's end overlapping the next one's start)."""
    tail = b""
    with book.open(name) as xml:
        while chunk := xml.read(_CHUNK):
            if b"hidden" in tail + chunk[:8] or b"hidden" in chunk:
                return True
            tail = chunk[-8:]
    return False


def _refuse_bomb(path: Path) -> None:
    """Refuse a workbook whose parts say they unpack to more than ``MOST_UNPACKED`` bytes, before any is unpacked;
    a file that is no zip at all is left for openpyxl to name."""
    try:
        with zipfile.ZipFile(path) as book:
            unpacked = sum(part.file_size for part in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if unpacked > MOST_UNPACKED:
        raise file_error("file_too_large", path.name, f"{unpacked / (1 << 20):,.0f}", f"{MOST_ROWS:,}",
                         f"{MOST_UNPACKED >> 20:,}")


def _read_sheet(sheet, progress: Callable[[int], None] | None, name: str = "") -> tuple[list, list, list]:
    """A sheet's rows of cell texts, and the cells that hold formulas and error values.

    Raises:
        BadInput ``file_too_many_rows``: the sheet says, or turns out, to have more than ``MOST_ROWS`` rows.
    """
    records, formulas, errors = [], [], []
    total = sheet.max_row or 0  # from the sheet's stated size: none in some programs' files
    if total > MOST_ROWS:
        raise file_error("file_too_many_rows", name, f"{MOST_ROWS:,}")
    for row in sheet.iter_rows():
        if len(records) == MOST_ROWS:
            raise file_error("file_too_many_rows", name, f"{MOST_ROWS:,}")
        if progress is not None and total and len(records) % _PROGRESS_ROWS == 0:
            progress(min(99, 100 * len(records) // total))
        texts = []
        for cell in row:
            if cell.data_type == "f":
                formulas.append(getattr(cell, "coordinate", None) or f"row {len(records) + 1}")
                texts.append("")
            elif cell.data_type == "e":
                errors.append((getattr(cell, "coordinate", None) or f"row {len(records) + 1}", str(cell.value)))
                texts.append("")
            elif cell.data_type == "n" and isinstance(cell.value, int | float | Decimal) \
                    and not isinstance(cell.value, bool):
                texts.append(NumberCell(_as_shown_digits(cell, cell_text(cell.value))))
            elif isinstance(cell.value, date | time):
                texts.append(DateCell(cell_text(cell.value)))
            else:
                texts.append(cell_text(cell.value))
        records.append(tuple(texts))
    return records, formulas, errors


_DIGITS_FORMAT = re.compile(r"0{2,}")  # a code kept as a number and shown with its leading zeros: 000123


def _as_shown_digits(cell, text: str) -> str:
    """A whole number in a number format of zeros (``000000``) as Excel shows it, its leading zeros kept: a code
    typed as 000123 becomes the number 123 in Excel, and a clerk who formats the column ``000000`` sees 000123 again;
    read as 123 it would name another product."""
    if not text.isdigit() or not getattr(cell, "has_style", False):
        return text
    shape = cell.number_format
    return text.zfill(len(shape)) if _DIGITS_FORMAT.fullmatch(shape) else text


# Number formats that Excel does not write into the file, as they depend on the language Excel runs in: 27-36 and
# 50-58 are the East Asian dates and times (in a Chinese Excel 31 is yyyy"年"m"月"d"日", 57 yyyy"年"m"月", 58
# m"月"d"日"). openpyxl knows them not, and would read 2026年1月5日 as the day's serial number 46027.
_EAST_ASIAN_DATE_FORMATS = frozenset((*range(27, 37), *range(50, 59)))


def _east_asian_dates(book) -> None:
    """Have openpyxl read cells in those formats as the dates they are, as it does the formats it knows."""
    styles = getattr(book, "_cell_styles", ())
    dates = getattr(book, "_date_formats", None)
    if not isinstance(dates, set):
        return
    for i, style in enumerate(styles):
        if getattr(style, "numFmtId", None) in _EAST_ASIAN_DATE_FORMATS:
            dates.add(i)


def cell_text(value: object) -> str:
    """What a user would type for an Excel cell's value."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return cell_text(value.to_pydatetime())
    text = str(value)
    return "" if text in ("NaT", "nan") else text


def _table(records: list[tuple[str, ...]], name: str) -> Table:
    """Headers from the first row with two or more cells filled (rows of one cell above it are a title, such as
    the merged ``某某公司商品清单`` or ``制表日期：2026-12-01`` an exported list starts with), else from the first
    non-blank row; the data rows keep their places, blank ones too, so row numbers match."""

    def filled(record) -> int:
        return sum(1 for c in record if str(c).strip())

    def blank(record) -> bool:
        return not filled(record)

    start = next((i for i, r in enumerate(records) if not blank(r)), None)
    if start is None:
        raise file_error("file_empty", name or "the file")
    titled = next((i for i in range(start, len(records)) if filled(records[i]) > 1), None)
    if titled is not None:
        start = titled
    end = len(records)
    while end > start and blank(records[end - 1]):
        end -= 1
    header_row, records = start + 1, records[start:end]
    width = max(len(r) for r in records)
    while width > 0 and not any(len(r) >= width and str(r[width - 1]).strip() for r in records):
        width -= 1  # trailing columns that are empty in every row (Excel's formatting leaves some)
    return Table(header_texts(records[0], width), records[1:], name, header_row)


# Excel number formats of the figures the screens and documents show: money with two places (1,234.50), a unit
# price or cost with at least two and more only where it carries more (12.50, 0.125; domain.kernel.numbers.fmt_price).
MONEY_FORMAT = "#,##0.00"
PRICE_FORMAT = "#,##0.00######"


class Shown(Decimal):
    """A number read back from the text a screen showed (``number_or_text``): written as a number that Excel shows
    as the screen did, with the places it was shown with (a price of 12.50, not 12.5), its thousands grouped (a
    figure with places is an amount, so 512.50 and 1,512.50 in one column look alike); a whole number keeps its
    grouping as shown, so that a number that is a code (10023) is not printed 10,023."""

    grouped = False

    @property
    def number_format(self) -> str:
        exponent = self.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return ("#,##0" if self.grouped or places else "0") + ("." + "0" * places if places else "")


def write_xlsx(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
               sheet: str = "Stockroom", widths: Sequence[int] | None = None,
               formats: Sequence[str | Callable[[object], str] | None] | None = None, bold_last: bool = False,
               above: Sequence[Sequence[str]] = (), below: Sequence[str] = ()) -> int:
    """Write ``headers`` (bold, frozen) and ``rows`` to a new workbook; returns the number of rows written.

    Cells may be text, numbers (``Decimal`` stays exact to Excel's precision), dates or None. ``formats``: each
    column's Excel number format (or a function of the value giving one), set on its number and date cells, so
    that money reads ``1,234.50`` and not ``1234.5``; ``bold_last``: the last row (a totals row) in bold;
    ``above``: lines of text over the headers (a report's title, its period and warehouse), the first bold, then an
    empty row; the headers stay frozen under them. ``below``: lines of text under the rows (a report's footnotes),
    after an empty row, each in one cell, not counted in the rows written. A ``Shown`` number (``number_or_text``)
    keeps the format it was shown with; with no ``formats``, other Decimals keep their places and gain a thousands
    separator.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31] or "Sheet")
    ws.freeze_panes = f"A{len(above) + 2 + bool(above)}"
    rows = iter(rows)
    if widths is None:  # as wide as the header or the widest of the first rows, as shown (一个汉字 two widths)
        first = list(itertools.islice(rows, _MEASURED))
        rows = itertools.chain(first, rows)
        widths = [max(8, min(60, 2 + max([text_width(str(h)), *(text_width(_shown(r[i])) for r in first
                                                                  if i < len(r))])))
                  for i, h in enumerate(headers)]
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    for n, line in enumerate(above):
        texts = [excel_cell(ws, str(text)) for text in line]
        if n == 0:
            for cell in texts:
                cell.font = Font(bold=True, size=14)
        ws.append(texts)
    if above:
        ws.append([])
    header_cells = []
    for text in headers:
        cell = excel_cell(ws, str(text))
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)

    def cells(row: Sequence[object]) -> list:
        out = []
        for i, value in enumerate(row):
            cell = excel_cell(ws, value)  # a Shown number carries its own format
            shape = (formats[i] if i < len(formats) else None) if formats is not None else _as_shown
            if shape is not None and value is not None and not isinstance(value, (str, bool, Shown)):
                shape = shape(value) if callable(shape) else shape
                if shape is not None:
                    cell.number_format = shape
            out.append(cell)
        return out

    count = 0
    held = None  # one row behind, so that the last can be written bold
    for row in rows:
        if held is not None:
            ws.append(cells(held))
        held = row
        count += 1
    if held is not None:
        last = cells(held)
        if bold_last:
            for cell in last:
                cell.font = bold
        ws.append(last)
    if below:
        ws.append([])
    for line in below:
        ws.append([excel_cell(ws, line)])
    save_workbook(book, path)
    return count


_MEASURED = 500  # rows measured for a column's width


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _as_shown(value: object) -> str | None:
    """The number format of a cell written without one: a Decimal (a number as a screen showed it, ``1,234.50``)
    keeps its decimals and gains a thousands separator; anything else keeps openpyxl's own (dates as dates)."""
    if isinstance(value, Decimal) and value.is_finite():
        places = min(6, max(0, -value.as_tuple().exponent))
        return "#,##0" + ("." + "0" * places if places else "")
    return None


def text_width(text: str) -> int:
    """How many character widths ``text`` takes in a spreadsheet column: a Chinese character (or any wide
    one) takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def save_workbook(book, path: Path | str) -> None:
    """Save an openpyxl workbook beside ``path`` and move it into place: a reader never sees half a workbook."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    book.save(partial)
    partial.replace(target)


# Text that a spreadsheet would take for a formula if it were typed (CSV/formula injection): written as a
# text cell with Excel's quote prefix, so it stays text even when the cell is edited in Excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_cell(ws, value: object):
    """One cell of an exported row (of a write-only sheet ``ws``): text is always a text cell (never a formula,
    whatever it starts with); numbers and dates keep their types. Every export writes its cells through this."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, datetime) and value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time, as shown
        except (OverflowError, ValueError):  # a date at the calendar's end, stored before dates had a range
            value = value.replace(tzinfo=None)
    if not isinstance(value, str):
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, Shown):
            cell.number_format = value.number_format
        return cell
    text = _XML_ILLEGAL.sub("\ufffd", value)  # a control character (from an old or foreign record) is shown as �
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # openpyxl would make "=…" a formula
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def number_or_text(text: str) -> object:
    """A shown number (``1,234.50``, ``-3``) as a number so Excel can sum it, shown there as it was shown here
    (``Shown``: ``1,234.50``, not ``1234.5``); other text as it is."""
    plain = text.replace(",", "").strip()
    if plain and re.fullmatch(r"-?\d+(\.\d+)?", plain):
        number = Shown(plain)
        number.grouped = "," in text
        return number
    return text
