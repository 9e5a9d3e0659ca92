"""A partner's statement written to a file: a PDF (``ui.pdf.statement``) or an Excel workbook of the same figures.

``write_statement`` is what the command line's ``statement`` and the window's partner page call; the file's suffix
chooses the format. The workbook holds what the PDF prints: the company, the partner, the period, a header row,
the opening balance, every line with its running balance, the totals, the closing balance and its amount in
Chinese capitals, and the confirmation lines. Amounts are number cells (exact Decimals, shown with the currency's
places) and dates date cells, so the office can sum and filter; every text goes through the exports' one cell
writer (``ui.spreadsheets.excel_cell``), so a partner's name or a reference that starts with ``=`` stays text and
is never a formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from domain.accounts.statement import AR
from domain.accounts.statement import Statement
from domain.kernel import clock
from domain.kernel.errors import BadInput
from ui.pdf.sales_labels import ENGLISH
from ui.pdf.sales_labels import check_language
from ui.pdf.statement_labels import kind_label
from ui.pdf.statement_labels import label
from ui.pdf.statement_labels import method_label
from ui.pdf.statement_labels import side_label

SUFFIXES = (".pdf", ".xlsx")
HEADERS = ("Date", "Number", "Details", "Method", "Reference", "Note", "Increase", "Decrease", "Balance")
WIDTHS = (12, 17, 26, 16, 18, 24, 14, 14, 15)
CONFIRM = ("Please check this statement against your books. If it agrees, sign and stamp it and return a copy to us; "
           "if it does not, please note the difference below and tell us.")


def write_statement(statement: Statement, path: Path | str, language: str = ENGLISH,
                    printed_on: date | None = None) -> int:
    """Write ``statement`` to ``path`` (``.pdf`` or ``.xlsx``) in ``language`` ("en" or "zh_CN"); returns the bytes
    written. The file appears whole or not at all.

    Raises:
        BadInput: the path ends in neither .pdf nor .xlsx, or the language is not one statements print in.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise BadInput("FILE", f"{target.name} ends in neither .pdf nor .xlsx; a statement is written as a PDF "
                               f"(FILE.pdf) or an Excel workbook (FILE.xlsx)")
    try:
        check_language(language)
    except ValueError as exc:
        raise BadInput("language", str(exc).removeprefix("language: ")) from None
    if suffix == ".xlsx":
        write_statement_xlsx(statement, target, language, printed_on)
    else:
        from ui.pdf.statement import render_statement

        data = render_statement(statement, language, printed_on=printed_on)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target.stat().st_size


def write_statement_xlsx(statement: Statement, path: Path | str, language: str = ENGLISH,
                         printed_on: date | None = None) -> None:
    """The statement as a one-sheet workbook (see the module's docstring)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from ui.spreadsheets import excel_cell
    from ui.spreadsheets import save_workbook

    s = statement
    t = lambda text: label(text, language)
    money = "#,##0" + ("." + "0" * s.places if s.places else "")
    bold, title = Font(bold=True), Font(bold=True, size=14)
    book = Workbook(write_only=True)
    ws = book.create_sheet(title=t("Statement of account")[:31])
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width

    def cell(value: object, font: Font | None = None, number_format: str | None = None):
        c = excel_cell(ws, value)
        if font is not None:
            c.font = font
        if number_format is not None:
            c.number_format = number_format
        return c

    def amount(value) -> object:
        return cell(value, number_format=money)

    def day(value: date | None) -> object:
        return cell(value, number_format="yyyy-mm-dd") if value else cell("")

    def pair(name: str, value: object, font: Font | None = None) -> None:
        ws.append([cell(t(name), bold), value if not isinstance(value, str) else cell(value, font)])

    ws.append([cell(s.company.name, title)])
    if s.company.address:
        ws.append([cell(s.company.address)])
    ws.append([cell(t("STATEMENT OF ACCOUNT"), title)])
    ws.append([])
    pair("Customer" if s.side == AR else "Supplier", f"{s.partner.name} ({s.partner.code})"
         if s.partner.code else s.partner.name, bold)
    pair("Period", f"{s.start.isoformat()} – {s.end.isoformat()}")
    pair("Type", side_label(s.side, language))
    pair("Currency", s.currency)
    pair("Printed on", (printed_on or clock.today()).isoformat())
    ws.append([])
    ws.append([cell(t(name), bold) for name in HEADERS])
    ws.append([day(s.start), cell(""), cell(t("Opening balance")), cell(""), cell(""), cell(""), cell(None),
               cell(None), amount(s.opening)])
    for line in s.lines:
        details = kind_label(line.kind, language)
        if line.kind == "reversal" and line.reverses_number:
            details = f"{t('Reversal of')} {line.reverses_number}"
        ws.append([day(line.business_date), cell(line.number), cell(details), cell(method_label(line.method, language)),
                   cell(line.reference), cell(line.note), amount(line.increase) if line.increase else cell(None),
                   amount(line.decrease) if line.decrease else cell(None), amount(line.balance)])
    ws.append([cell(""), cell(""), cell(t("Total"), bold), cell(""), cell(""), cell(""),
               cell(s.total_increase, bold, money), cell(s.total_decrease, bold, money), cell(None)])
    ws.append([cell(""), cell(""), cell(t("Closing balance"), bold), cell(""), cell(""), cell(""), cell(None),
               cell(None), cell(s.closing, bold, money)])
    if s.in_currency is not None:  # a foreign supplier: what it is owed in its currency (原币), exact
        currency, owed = s.in_currency
        ws.append([cell(""), cell(""), cell(f"{t('Closing balance in currency')} {currency}", bold), cell(""),
                   cell(""), cell(""), cell(None), cell(None), cell("—") if owed is None else cell(owed, bold, money)])
    ws.append([cell(""), cell(""), cell(t("Amount in words"), bold),
               cell(("人民币" if s.currency == "CNY" else "") + s.closing_in_words)])
    ws.append([])
    ws.append([cell(t(CONFIRM))])
    ws.append([])
    ws.append([cell(t("Our company (stamp)"), bold), cell(""), cell(""), cell(""),
               cell(t("Confirmed by (signature and company stamp)"), bold)])
    for name in (("Prepared by", "Differences"), ("Checked by", "Signed by"), ("Date", "Date")):
        ws.append([cell(label(name[0], language) + ("：" if language != ENGLISH else ":")), cell(""), cell(""),
                   cell(""), cell(label(name[1], language) + ("：" if language != ENGLISH else ":"))])
    save_workbook(book, path)
