"""A report's PDF never prints its total row alone on a page: it goes over with the last rows."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from pypdf import PdfReader

from ui.pdf.base import TAIL_ROWS
from ui.pdf.reports import render_sheet
from ui.report_sheets import MONEY
from ui.report_sheets import Column
from ui.report_sheets import Sheet


def sheet(n: int) -> Sheet:
    rows = [[f"ROW-{i:04d}", Decimal(i)] for i in range(1, n + 1)]
    return Sheet("Stock value", [("Period", "2026-03")], [Column("Product", "name"), Column("Value", "value", MONEY)],
                 rows, ["GRAND-TOTAL", sum((r[1] for r in rows), Decimal(0))])


def test_the_total_row_goes_over_with_the_last_rows_under_the_header():
    crossed = 0
    for n in range(30, 56):  # across the first page's end
        pages = [page.extract_text() for page in PdfReader(BytesIO(render_sheet(sheet(n), "Stellar"))).pages]
        [page] = [text for text in pages if "GRAND-TOTAL" in text]
        assert all(f"ROW-{i:04d}" in page for i in range(n - TAIL_ROWS + 1, n + 1)), (n, page)
        assert "Product" in page and f"Page {len(pages)} of {len(pages)}" in page
        crossed += len(pages) > 1
    assert crossed
