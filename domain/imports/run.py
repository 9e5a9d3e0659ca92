"""The import use cases: ``preview`` (check only) and ``run_import`` (check and write, all or nothing).

Both read the file's rows through the mapping and check every row, collecting every problem
(row, column, problem, what would be accepted) rather than stopping at the first. ``run_import``
checks again inside its own write transaction, so what it writes was checked against the
database as it is then; if any row has a problem it raises ``ImportRejected`` and writes
nothing. Master data runs through the rule functions of ``domain.catalog.master`` in one transaction
(opening balances of receivables and payables, ``domain.imports.openings``, likewise);
stock rows run through ``domain.stock.ledger.post_many`` (one transaction, buffered inserts), whose
command stream starts by checking the rows inside that same transaction.

**Speed.** Checking a row asks the repositories about its product (by SKU and barcode), warehouse,
balance and imported refs; one query each per row made a 100,000-row file take minutes. So the
check first reads ahead, in bulk, every product whose SKU or barcode is in the file's code columns
(``_read_ahead``); ``stock`` reads the balances and the already imported refs of all its rows in a
few more queries; and new products are inserted together (``adding_in_bulk``). The per-row rules
are unchanged: they just find their answers in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from datetime import date

from domain.access.roles import Permission
from domain.access.roles import require
from domain.imports import master
from domain.imports import openings
from domain.imports import stock
from domain.imports.cells import check_mapping
from domain.imports.cells import rows
from domain.imports.fields import ImportKind
from domain.imports.master import split_barcodes
from domain.imports.problems import file_error
from domain.imports.report import ImportRejected
from domain.imports.report import ImportResult
from domain.imports.report import Table
from domain.kernel import clock
from domain.kernel.bulk import without_cycle_collection
from domain.kernel.numbers import NumberFormat
from domain.kernel.ports import UnitOfWork
from domain.stock.ledger import post_many

Progress = Callable[[int], None]  # percent done

_MASTER = {
    ImportKind.PRODUCTS: (master.plan_products, Permission.MASTER_DATA),
    ImportKind.SUPPLIERS: (master.plan_suppliers, Permission.MASTER_DATA),
    ImportKind.TERMS: (master.plan_terms, Permission.SUPPLIER_TERMS),
    ImportKind.CUSTOMERS: (master.plan_customers, Permission.MASTER_DATA),
    ImportKind.OPENINGS: (openings.plan_openings, Permission.MONEY),  # planned with ``today``
}
_HANDLERS = {**master.HANDLERS, **openings.HANDLERS}
_LEDGER = {
    ImportKind.STOCK: stock.plan_stock,
    ImportKind.SALES_HISTORY: stock.plan_sales_history,
}
_CHECK_SHARE = 30  # of the progress bar, the share of checking the rows before writing
# The columns that hold product codes (SKU or barcode) for each kind; read ahead in bulk before the rows.
_CODE_COLUMNS = {
    ImportKind.PRODUCTS: ("sku", "barcode"),
    ImportKind.TERMS: ("sku",),
    ImportKind.STOCK: ("sku",),
    ImportKind.SALES_HISTORY: ("sku",),
}


def _read_ahead(uow: UnitOfWork, kind: ImportKind, table: Table, mapping: dict[str, str]) -> None:
    """Let the repositories read every product the file names in a few queries instead of one per row."""
    index = check_mapping(kind, table, mapping)
    codes: set[str] = set()
    for key in _CODE_COLUMNS.get(kind, ()):
        i = index.get(key)
        if i is None:
            continue
        texts = (cells[i] for cells in table.rows if i < len(cells))
        if key == "barcode":
            codes.update(code for text in texts for code in split_barcodes(text))
        else:
            codes.update(text.strip() for text in texts)
    codes.discard("")
    if codes:
        uow.products.preload(codes)


def _plan(uow: UnitOfWork, kind: ImportKind, table: Table, mapping: dict[str, str], today: date | None,
          progress: Progress | None, number_format: NumberFormat, include_hidden: bool,
          share: int = _CHECK_SHARE) -> tuple[ImportResult, list]:
    """The checked rows' result and commands; ``progress`` goes up to ``share`` percent while the rows are checked
    (all of the bar in a preview, which only checks; the first part of it in an import, which then writes)."""
    result = ImportResult(kind.value)
    problems = result.problems
    total = max(1, len(table.rows))
    _read_ahead(uow, kind, table, mapping)

    def counted() -> Iterator:
        for n, row in enumerate(rows(kind, table, mapping, problems, number_format, left_out=result.left_out,
                                     include_hidden=include_hidden), 1):
            if progress is not None and n % 2_000 == 0:
                progress(min(share, share * n // total))
            yield row

    if kind == ImportKind.OPENINGS:
        commands = openings.plan_openings(uow, counted(), result, today=today or clock.today())
    elif kind in _MASTER:
        commands = _MASTER[kind][0](uow, counted(), result)
    else:
        commands = _LEDGER[kind](uow, counted(), result, today=today or clock.today(), source=table.name)
    if result.rows == 0 and not result.left_out:
        raise file_error("file_no_rows", table.name or "the file")
    result.problems.sort(key=lambda p: p.row)  # stable: a row's problems stay in field order
    return result, commands


def preview(uow: UnitOfWork, kind: ImportKind | str, table: Table, mapping: dict[str, str], *,
            today: date | None = None, progress: Progress | None = None,
            number_format: NumberFormat | str = NumberFormat.DEFAULT, include_hidden: bool = False) -> ImportResult:
    """Check every row and say what an import would do; writes nothing.

    Args:
        uow: a unit of work (not yet entered); it is rolled back.
        kind: what the file holds.
        table: the file's cells.
        mapping: ``{field key: header}``; see ``domain.imports.fields``.
        today: the date of blank opening-stock dates (default: today).
        progress: called with the percent done.
        number_format: how the file writes the numbers it holds as text (``1,234.5`` or the European
            ``1.234,5``); cells the file holds as numbers are numbers whatever it says.
        include_hidden: import the rows the workbook hides too (``Table.hidden``); by default they are left out,
            and ``left_out`` of the result names them.

    Returns:
        The counts and the validation report (``problems``, empty when the file can be imported).

    Raises:
        BadInput: the mapping names an unknown field or column, or leaves out a required field.
    """
    with without_cycle_collection(), uow:
        result, _ = _plan(uow, ImportKind(kind), table, mapping, today, progress, NumberFormat(number_format),
                          include_hidden, 100)
    return result


def run_import(uow: UnitOfWork, kind: ImportKind | str, table: Table, mapping: dict[str, str], *,
               today: date | None = None, progress: Progress | None = None,
               number_format: NumberFormat | str = NumberFormat.DEFAULT, include_hidden: bool = False) -> ImportResult:
    """Check every row and, if none has a problem, write them all in one transaction.

    Arguments as for ``preview``.

    Returns:
        The counts; ``written`` says whether anything was written (a file that is already
        imported writes nothing).

    Raises:
        ImportRejected: some rows have problems (``problems`` lists them all); nothing was written.
        BadInput: the mapping is wrong.
        Forbidden: the acting user's role may not make these changes.
    """
    with without_cycle_collection():
        return _run_import(uow, ImportKind(kind), table, mapping, today, progress, NumberFormat(number_format),
                           include_hidden)


def _run_import(uow: UnitOfWork, kind: ImportKind, table: Table, mapping: dict[str, str], today: date | None,
                progress: Progress | None, number_format: NumberFormat, include_hidden: bool) -> ImportResult:
    box: dict[str, object] = {}
    if kind in _MASTER:
        with uow:
            require(uow, _MASTER[kind][1])
            result, commands = _plan(uow, kind, table, mapping, today, progress, number_format, include_hidden)
            if result.problems:
                raise ImportRejected(result.problems)
            with uow.products.adding_in_bulk():
                for n, c in enumerate(commands, 1):
                    _HANDLERS[type(c)](uow, c)
                    if progress is not None and n % 1_000 == 0:
                        progress(_CHECK_SHARE + (100 - _CHECK_SHARE) * n // len(commands))
            uow.commit()
    else:
        def checked_commands() -> Iterator:
            # checked in post_many's transaction
            plan, cmds = _plan(uow, kind, table, mapping, today, progress, number_format, include_hidden)
            box["result"], box["n"] = plan, len(cmds)
            if plan.problems:
                raise ImportRejected(plan.problems)
            yield from cmds

        def posted(n: int) -> None:
            if progress is not None:
                progress(_CHECK_SHARE + (100 - _CHECK_SHARE) * n // max(1, int(box["n"])))

        post_many(uow, checked_commands(), posted)
        result, commands = box["result"], [None] * int(box["n"])
    if progress is not None:
        progress(100)
    result.written = bool(commands)
    return result
