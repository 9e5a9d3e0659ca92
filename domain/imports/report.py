"""What an import reads and what it reports: the table, the problems of its rows, the result."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from domain.imports.problems import Said
from domain.kernel.errors import BadInput

HEADER_ROW = 1  # the first row of a file holds the headers; data rows are numbered as Excel shows them


class NumberCell(str):
    """The text of a cell that the file holds as a number, not as text (an Excel number cell).

    Its text is the number in the form ``domain.kernel.numbers.D`` reads (``1234.5``), so it reads the same
    whatever number format the file's typed text is said to have.
    """

    __slots__ = ()


class DateCell(str):
    """The text of a cell that the file holds as a date or time (an Excel date cell), such as ``2026-01-05``.

    Excel turns some codes typed into a cell into dates (``1-5`` into 5 January): in a field that is not a date,
    such a cell is refused rather than read as the date's text.
    """

    __slots__ = ()


@dataclass(frozen=True)
class Table:
    """The cells of a file as text: one header row, then the data rows.

    Attributes:
        headers: the header texts, in file order.
        rows: the data rows; each is a tuple of cell texts (possibly shorter than ``headers``); a cell the
            file holds as a number is a ``NumberCell``.
        name: where the table came from (a file name), for messages.
        header_row: the row number of the header row in the file.
        header_cells: of a file whose cells are split at a delimiter (CSV), how many its header row has: a row with
            more was split by a value holding the delimiter without quotes (see ``domain.imports.cells.rows``).
        hidden: the numbers of the rows the workbook hides (hidden by hand, or by a filter): an office hides rows it
            does not mean (discontinued items), so an import leaves them out unless told to include them.
    """

    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    name: str = ""
    header_row: int = HEADER_ROW  # where the headers are in the file (blank rows above them move them down)
    header_cells: int | None = None
    hidden: frozenset[int] = frozenset()

    @property
    def delimited(self) -> bool:
        """Whether the cells came from delimited text (a CSV), not from a workbook: what to do in Excel differs."""
        return self.header_cells is not None

    def row_number(self, index: int) -> int:
        """The row number a spreadsheet shows for data row ``index`` (0-based; blank rows count)."""
        return self.header_row + 1 + index

    def headed_by(self, index: int) -> Table:
        """The table whose headers are data row ``index`` (the rows above it dropped), as wide as this one."""
        return Table(header_texts(self.rows[index], len(self.headers)), self.rows[index + 1:], self.name,
                     self.row_number(index), None if self.header_cells is None else len(self.rows[index]),
                     self.hidden)


def header_texts(cells: tuple[str, ...], width: int) -> tuple[str, ...]:
    """The headers of a header row's ``width`` columns: a blank one is ``Column 3``, a repeated one ``数量 (2)``."""
    headers: list[str] = []
    for i in range(width):
        text = (cells[i].strip() if i < len(cells) else "") or f"Column {i + 1}"
        base, n = text, 2
        while text in headers:
            text, n = f"{base} ({n})", n + 1
        headers.append(text)
    return tuple(headers)


@dataclass(frozen=True, order=True)
class RowProblem:
    """One problem of one cell: the validation report is a list of these.

    Attributes:
        row: the row number as the spreadsheet shows it (the header is row 1).
        column: the header of the column, as in the file.
        problem: what is wrong with the value (English).
        accepted: what would be accepted instead (English).
        said: ``problem`` as a code with its values, for a screen in another language.
        accepts: ``accepted`` likewise.
        key: the key of the import field the column holds.
    """

    row: int
    column: str
    problem: str
    accepted: str
    said: Said | None = field(default=None, compare=False)  # None: the English ``problem`` as it is
    accepts: Said | None = field(default=None, compare=False)
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.said is None:
            object.__setattr__(self, "said", Said("text", (self.problem,)))
        if self.accepts is None:
            object.__setattr__(self, "accepts", Said.of(self.accepted))

    @classmethod
    def of(cls, row: int, column: str, said: Said, accepts: Said, key: str = "") -> RowProblem:
        return cls(row, column, said.english(), accepts.english(), said, accepts, key)

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.problem} (accepted: {self.accepted})"


@dataclass(frozen=True, order=True)
class LeftOut:
    """A row of the file that the import leaves out, and why (``hidden_row``, ``note_row``): said in the report, as
    a row is never left out unsaid."""

    row: int
    said: Said = field(compare=False)

    def __str__(self) -> str:
        return f"row {self.row}: {self.said.english()}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 row``, ``2 rows``: ``n`` and the word for that many (``many`` defaults to ``one`` + s)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


class ImportRejected(BadInput):
    """Some rows have problems: nothing was written. ``problems`` lists every one of them."""

    def __init__(self, problems: list[RowProblem]) -> None:
        rows = len({p.row for p in problems})
        have = "has a problem" if rows == 1 and len(problems) == 1 else ("has problems" if rows == 1 else
                                                                          "have problems")
        super().__init__("file", f"{plural(rows, 'row')} {have} ({len(problems)} in all); nothing was imported. "
                                 f"Correct {'it' if rows == 1 else 'them'} and import the file again")
        self.problems = sorted(problems, key=lambda p: p.row)  # stable: file order within a row


@dataclass
class ImportResult:
    """What an import did (or, for a preview, would do).

    Attributes:
        kind: the kind of import.
        rows: data rows read.
        added: new records (products, suppliers, customers, terms) or movements posted.
        updated: existing records changed (their version goes up by one).
        unchanged: rows identical to what is stored, or rows already imported before (skipped).
        skipped_empty: rows with nothing to post (an opening stock of 0) or blank lines.
        problems: the validation report; empty when the import can be (or was) written.
        left_out: rows of the file left out (hidden in the workbook, a note under the header), for the report.
        written: whether anything was written.
    """

    kind: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_empty: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        parts = [f"{plural(self.rows, 'row')} read", f"{self.added} added", f"{self.updated} updated",
                 f"{self.unchanged} unchanged or already imported"]
        if self.skipped_empty:
            parts.append(f"{self.skipped_empty} with nothing to post")
        hidden = sum(1 for r in self.left_out if r.said.code == "hidden_row")
        if hidden:
            parts.append(f"{plural(hidden, 'hidden row')} left out")
        if len(self.left_out) > hidden:
            parts.append(f"{plural(len(self.left_out) - hidden, 'note')} passed over")
        return f"{self.kind}: " + ", ".join(parts)
