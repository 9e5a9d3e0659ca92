"""CLI commands that move data in and out: ``import KIND FILE`` and ``export stock|movements FILE.xlsx``.

``import`` reads an .xlsx or .csv file, maps its columns (guessed from the headers, English or
Chinese; ``--mapping`` overrides), checks every row and writes all of them in one transaction, or,
if any row has a problem, prints the validation report (row, column, problem, accepted) and exits
2 having written nothing. ``--dry-run`` checks and reports only. ``--number-format european`` reads the
file's typed numbers as ``1.234,5`` (a decimal comma; points only between thousands) instead of
``1,234.5``; Excel number cells are numbers either way. Nothing heavy is imported at the
top of this module (pandas only when an Excel file is read).

``export`` names its columns in English unless ``--language zh_CN`` asks for the Stock and Movements screens'
Chinese words: unlike the PDFs and the reports' workbooks, which are for people and follow the window's language,
its columns are read by scripts and other programs. Costs show as unit prices do, values as money.
``export movements --kind`` writes the movements ``movements --kind`` lists (the window's Kind filter: ``opening``
is the imported opening stock, apart from the receipts).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ui.cli.common import LANGUAGES
from ui.cli.stock import add_kind_argument
from ui.fill import QT_TRANSLATE_NOOP

COMMANDS = ("import", "export")
KINDS = ("products", "suppliers", "terms", "customers", "stock", "sales-history", "openings")
NUMBER_FORMATS = ("default", "european")  # domain.kernel.numbers.NumberFormat, not imported at start-up
EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parsers(sub) -> None:
    p = sub.add_parser("import", help="import products, suppliers, supplier terms, customers, opening stock, "
                                      "sales history or opening balances of receivables and payables (openings) "
                                      "from an .xlsx or .csv file (all rows or none)")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", type=Path)
    p.add_argument("--mapping", help='JSON {"field": "column header", …} or a file holding it; fields left out are '
                                     'guessed from the headers ("field": null leaves a field out)')
    p.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    p.add_argument("--include-hidden", action="store_true",
                   help="import the rows the workbook hides too (by hand or by a filter); by default they are left "
                        "out, and listed")
    p.add_argument("--number-format", choices=NUMBER_FORMATS, default="default",
                   help="how the file writes numbers: default 1,234.5 (decimal point), or european 1.234,5 (decimal "
                        "comma, points only between thousands: 1.234 is one thousand two hundred thirty-four); "
                        "Excel number cells are numbers either way")
    p = sub.add_parser("export", help="write stock or movements to an Excel workbook")
    p.add_argument("what", choices=("stock", "movements"))
    p.add_argument("file", type=Path)
    p.add_argument("--sku")
    p.add_argument("--warehouse")
    add_kind_argument(p)  # movements only
    p.add_argument("--language", choices=tuple(LANGUAGES), default=None,
                   help="the column names' language: en (English) or zh_CN (简体中文; zh for short); default: "
                        "English, whatever the window shows, as the columns are read by scripts and other programs")


def run(args, open_db) -> int:
    if args.command == "import":
        return _import(args, open_db)
    return _export(args, open_db)


def _mapping(text: str | None) -> dict:
    from domain.kernel.errors import BadInput

    if not text:
        return {}
    source = text
    if not text.lstrip().startswith("{"):
        path = Path(text)
        if not path.is_file():
            raise BadInput("--mapping", f"{text!r} is neither JSON nor a file; give {{\"sku\": \"货号\", …}} or the "
                                        f"path of a file holding it")
        source = path.read_text(encoding="utf-8-sig")
    try:
        mapping = json.loads(source)
    except json.JSONDecodeError as exc:
        raise BadInput("--mapping", f"is not valid JSON ({exc.msg} at character {exc.pos}); give an object such "
                                    f"as {{\"sku\": \"货号\", \"name\": \"品名\"}}") from None
    if not isinstance(mapping, dict) or not all(isinstance(v, str | None) for v in mapping.values()):
        raise BadInput("--mapping", "must be a JSON object of field names to column headers (or null)")
    return mapping


def resolve_mapping(kind: str, headers: tuple[str, ...], given: dict) -> dict[str, str]:
    """The guess from the headers, overridden by what the user gave (None leaves a field out)."""
    from domain.imports import guess_mapping

    mapping = guess_mapping(kind, headers)
    for key, header in given.items():
        if header is None:
            mapping.pop(key, None)
        else:
            mapping[key] = header
    return mapping


def print_left_out(left_out, include_hidden: bool = False) -> None:
    """The rows left out (hidden in the workbook, a note under the header), on stderr: stdout keeps the report."""
    for row in left_out:
        print(f"row {row.row}: {row.said.english()}", file=sys.stderr)
    hidden = sum(1 for r in left_out if r.said.code == "hidden_row")
    if hidden and not include_hidden:
        rows = "1 hidden row was" if hidden == 1 else f"{hidden} hidden rows were"
        print(f"{rows} left out; give --include-hidden to import {'it' if hidden == 1 else 'them'} too",
              file=sys.stderr)


def print_report(problems) -> None:
    """The validation report as a table: row, column, problem, what would be accepted."""
    from ui.cli.common import display_width as _width

    rows = [[str(p.row), p.column, p.problem, p.accepted] for p in problems]
    header = ["ROW", "COLUMN", "PROBLEM", "ACCEPTED"]
    widths = [max(_width(x) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(x + " " * (w - _width(x)) for x, w in zip(row[:-1], widths, strict=False)) + "  " + row[-1]
             for row in [header, *rows]]
    sys.stdout.write("\n".join(lines) + "\n")


def _import(args, open_db) -> int:
    from domain.imports import ImportRejected
    from domain.imports import fields_of
    from domain.imports import headed
    from domain.imports import preview
    from domain.imports import run_import
    from domain.imports.report import plural
    from ui.spreadsheets import read_table

    table = headed(args.kind, read_table(args.file))
    mapping = resolve_mapping(args.kind, table.headers, _mapping(args.mapping))
    labels = {f.key: f.label for f in fields_of(args.kind)}
    used = ", ".join(f"{labels.get(k, k)} ← {h}" for k, h in mapping.items())
    number_format = getattr(args, "number_format", "default")
    numbers = "1.234,5 (european)" if number_format == "european" else "1,234.5"
    print(f"{args.file.name}: {plural(len(table.rows), 'row')}; columns: {used or 'none recognised'}; numbers read as "
          f"{numbers}", file=sys.stderr)
    include_hidden = bool(getattr(args, "include_hidden", False))
    db = open_db()
    try:
        if args.dry_run:
            result = preview(db.uow(), args.kind, table, mapping, number_format=number_format,
                             include_hidden=include_hidden)
        else:
            result = run_import(db.uow(), args.kind, table, mapping, progress=_progress(),
                                number_format=number_format, include_hidden=include_hidden)
    except ImportRejected as exc:
        print_report(exc.problems)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print_left_out(result.left_out, include_hidden)
    if result.problems:
        print_report(result.problems)
        print(f"error: {plural(len(result.problems), 'problem')}; nothing would be imported", file=sys.stderr)
        return EXIT_BAD_INPUT
    verb = "would import" if args.dry_run else ("imported" if result.written else "nothing new to import")
    print(f"{verb}: {result.summary()}")
    return EXIT_OK


def _progress():
    """Percent done on stderr when it is a terminal; silent in scripts."""
    if not sys.stderr.isatty():
        return None
    return lambda percent: print(f"\r{percent:3d}%", end="" if percent < 100 else "\n", file=sys.stderr, flush=True)


# The columns' names, marked for the translation file (context ExportColumns); a Chinese workbook names them as
# the Stock and Movements screens do.
STOCK_HEADERS = [
    QT_TRANSLATE_NOOP("ExportColumns", "SKU"), QT_TRANSLATE_NOOP("ExportColumns", "Name"),
    QT_TRANSLATE_NOOP("ExportColumns", "Category"), QT_TRANSLATE_NOOP("ExportColumns", "Warehouse"),
    QT_TRANSLATE_NOOP("ExportColumns", "On hand"), QT_TRANSLATE_NOOP("ExportColumns", "Unit"),
    QT_TRANSLATE_NOOP("ExportColumns", "Avg cost"), QT_TRANSLATE_NOOP("ExportColumns", "Value"),
    QT_TRANSLATE_NOOP("ExportColumns", "Reserved"), QT_TRANSLATE_NOOP("ExportColumns", "On order"),
    QT_TRANSLATE_NOOP("ExportColumns", "Min level")]
MOVEMENT_HEADERS = [
    QT_TRANSLATE_NOOP("ExportColumns", "Date"), QT_TRANSLATE_NOOP("ExportColumns", "Kind"), "SKU", "Name", "Warehouse",
    QT_TRANSLATE_NOOP("ExportColumns", "Quantity"), QT_TRANSLATE_NOOP("ExportColumns", "Unit cost"), "Value",
    QT_TRANSLATE_NOOP("ExportColumns", "On hand after"), QT_TRANSLATE_NOOP("ExportColumns", "Source"),
    QT_TRANSLATE_NOOP("ExportColumns", "Reference"), QT_TRANSLATE_NOOP("ExportColumns", "Note"),
    QT_TRANSLATE_NOOP("ExportColumns", "User"), QT_TRANSLATE_NOOP("ExportColumns", "Recorded"),
    QT_TRANSLATE_NOOP("ExportColumns", "Id")]
SHEETS = {"stock": QT_TRANSLATE_NOOP("ExportColumns", "Stock"),
          "movements": QT_TRANSLATE_NOOP("ExportColumns", "Movements")}


def _export(args, open_db) -> int:
    from persistence.stock import queries
    from ui.i18n import label_translator
    from ui.spreadsheets import MONEY_FORMAT as MONEY
    from ui.spreadsheets import PRICE_FORMAT as PRICE
    from ui.spreadsheets import write_xlsx

    # Costs as unit prices are shown (at least two places, more where they carry more), values as money.
    stock_formats = [None] * 6 + [PRICE, MONEY]  # avg cost, value
    movement_formats = [None] * 6 + [PRICE, MONEY]  # unit cost, value

    if args.file.suffix.lower() != ".xlsx":
        from domain.kernel.errors import BadInput

        raise BadInput("FILE", f"{args.file.name} does not end in .xlsx; exports are Excel workbooks (FILE.xlsx)")
    tr = label_translator(LANGUAGES[args.language or "en"], "ExportColumns")
    kind_tr = label_translator(LANGUAGES[args.language or "en"], "MovementKind")
    if args.what == "stock" and args.kind:
        from domain.kernel.errors import BadInput

        raise BadInput("--kind", "filters movements only; give it with export movements, or leave it out")
    db = open_db()
    if args.what == "stock":
        rows = [[r.sku, r.name, r.category, r.warehouse, r.on_hand, r.unit, r.avg_cost, r.value, r.reserved,
                 r.on_order, r.min_level] for r in queries.stock(db.engine, args.sku, args.warehouse)]
        n = write_xlsx(args.file, [tr(h) for h in STOCK_HEADERS], rows, sheet=tr(SHEETS["stock"]),
                       formats=stock_formats)
    else:
        from ui.cli.stock import movement_kind_filter
        from ui.models.movements import SHOWN_CAPTIONS
        from ui.models.movements import movement_kind

        def kind(row) -> str:  # as the Movements screen shows it: "Opening stock" for imported opening stock
            shown = movement_kind(row)
            return kind_tr(SHOWN_CAPTIONS[shown]) if shown in SHOWN_CAPTIONS else shown

        rows = ([r.occurred_at, kind(r), r.sku, r.name, r.warehouse, r.qty, r.unit_cost, r.value, r.on_hand_after,
                 r.source_type, r.source_ref, r.note, r.user, r.recorded_at, r.id]
                for r in queries.movements(db.engine, args.sku, args.warehouse, kind=movement_kind_filter(args.kind)))
        n = write_xlsx(args.file, [tr(h) for h in MOVEMENT_HEADERS], rows, sheet=tr(SHEETS["movements"]),
                       formats=movement_formats)
    print(f"wrote {n} row{'' if n == 1 else 's'} to {args.file}")
    return EXIT_OK
