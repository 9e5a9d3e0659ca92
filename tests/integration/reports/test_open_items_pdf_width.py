"""A partner's open items (未清明细) as a PDF: its table is as wide as the landscape page between the margins. With
no name column to widen the table stopped at about two thirds of the page and its columns were cramped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape

from domain.accounts.rows import OpenItemRow
from tests.pdf_headers import tables
from ui.open_items_sheet import open_items_header
from ui.open_items_sheet import open_items_sheet
from ui.pdf.reports import ReportRenderer


def item(n: int, kind: str = "sale") -> OpenItemRow:
    amount = D("1234.50") * n
    return OpenItemRow(f"i{n}", "p1", "HZ01", "杭州五金", kind, f"SO-2026-{n:05d}", date(2026, 11, n),
                       date(2026, 12, n), amount, D(0), amount, n)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_open_items_table_takes_the_pages_width(language):
    rows = [item(n) for n in range(1, 9)]
    sheet = open_items_sheet(rows, "AR", language, open_items_header("AR", "HZ01", "杭州五金", date(2026, 12, 7),
                                                                     language))
    renderer = ReportRenderer("Stellar", language, A4)
    [table] = tables(renderer.story(sheet))
    page = landscape(A4)[0] - renderer.margins[0] - renderer.margins[1]
    assert sum(table._colWidths) == pytest.approx(page)
    assert renderer.generate(sheet)[:4] == b"%PDF"
