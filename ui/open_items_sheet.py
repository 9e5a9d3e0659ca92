"""A partner's open items as a report sheet (未清明细): each open document, receipt or credit with its date, due
date, days overdue, original amount, what is allocated and what is open, its kind in words; the totals row's open
amount is the partner's balance (what it owes less its credit not yet applied).

The command line's ``open-items`` prints it, or writes it to Excel or PDF through the reports' writers
(``ui.report_sheets``, ``ui.pdf.reports``). Its labels and the kinds' words are the statement's
(``ui.pdf.statement_labels``), so a Chinese sheet says 销售单 where the list stores ``sale``. No Qt here.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from domain.accounts.foreign import ForeignBalance
from domain.accounts.rows import OpenItemRow
from ui.pdf.statement_labels import kind_label
from ui.pdf.statement_labels import label
from ui.report_sheets import DAY
from ui.report_sheets import MONEY
from ui.report_sheets import NUMBER
from ui.report_sheets import Column
from ui.report_sheets import Sheet


def signed_open(row: OpenItemRow) -> Decimal:
    """What a row adds to its partner's balance: its open amount, below 0 for credit."""
    return row.open if row.amount > 0 else -row.open


def open_items_sheet(rows: list[OpenItemRow], side: str, language: str, header: list[tuple[str, str]],
                     foreign: dict[str, ForeignBalance] | None = None) -> Sheet:
    """The sheet of one partner's ``rows`` in ``language``; ``header`` is its (label, value) lines, the partner's
    among them. ``foreign`` (a foreign supplier's: ``domain.accounts.foreign.foreign_items``) adds what is open of
    each item in the supplier's currency, and its total, beside the open amount in the company currency."""
    t = lambda text: label(text, language)  # noqa: E731
    columns = [Column(t("Number"), "number"), Column(t("Document type"), "kind"),
               Column(t("Date"), "date", DAY), Column(t("Due date"), "due", DAY),
               Column(t("Days overdue"), "days_overdue", NUMBER), Column(t("Original amount"), "amount", MONEY),
               Column(t("Allocated"), "allocated", MONEY), Column(t("Open"), "open", MONEY)]
    body = [[r.number, kind_label(r.kind, language), r.business_date, r.due_on, r.days_overdue or None,
             abs(r.amount), r.allocated, signed_open(r)] for r in rows]
    total: list = [t("Total"), "", None, None, None, None, None, sum((signed_open(r) for r in rows), Decimal(0))]
    currencies = {x.currency for x in (foreign or {}).values()}
    if len(currencies) == 1:  # one supplier's items: its currency in the column's title, amounts as numbers
        currency = currencies.pop()
        columns.append(Column(f"{t('In currency')} {currency}", "foreign", MONEY))
        amounts = [foreign[r.id].amount if r.id in foreign else None for r in rows]
        body = [[*line, amount] for line, amount in zip(body, amounts, strict=True)]
        known = all(amount is not None for amount in amounts)
        total.append(sum((a for a in amounts if a is not None), Decimal(0)) if known else None)
    title = t("OPEN ITEMS (RECEIVABLE)" if side == "AR" else "OPEN ITEMS (PAYABLE)")
    sheet = Sheet(title, header, columns, body, language=language)
    sheet.total = total
    return sheet


def open_items_header(side: str, code: str, name: str, as_of: date, language: str,
                      printed: datetime | None = None) -> list[tuple[str, str]]:
    """The header lines of a partner's open items: the partner, the day, when printed (a file's only)."""
    lines = [(label("Customer" if side == "AR" else "Supplier", language), f"{code} {name}"),
             (label("As of", language), as_of.isoformat())]
    if printed is not None:
        lines.append((label("Printed", language), printed.strftime("%Y-%m-%d %H:%M")))
    return lines


def save_sheet(sheet: Sheet, path: Path, company: str) -> int:
    """Write a report sheet to ``path``: a workbook (``.xlsx``; returns its rows) or a PDF under ``company``'s name
    (returns its bytes)."""
    if path.suffix.lower() == ".xlsx":
        from ui.report_sheets import write_excel

        return write_excel(sheet, path)
    from ui.pdf.reports import render_sheet

    data = render_sheet(sheet, company)
    path.write_bytes(data)
    return len(data)
