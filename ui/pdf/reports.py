"""A report sheet (``ui.report_sheets.Sheet``) as PDF: the company, the report's title and header block, then the
table, whose header row repeats on every page; landscape A4 (Letter where the locale says), in the sheet's
language with the bundled font that prints Chinese (``ui.pdf.fonts``), "Page X of Y" / "第 X / Y 页" at the foot.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from ui.i18n import fill
from ui.pdf.base import BaseRenderer
from ui.pdf.base import paper_for
from ui.pdf.purchase_order import INK
from ui.pdf.purchase_order import RULE
from ui.pdf.purchase_order import SHADE
from ui.pdf.purchase_order import STRIPE
from ui.pdf.report_labels import label
from ui.report_sheets import TEXT
from ui.report_sheets import Sheet
from ui.report_sheets import text

_WIDE = {"name": 3.0, "sku": 1.6, "category": 1.6, "customer": 1.6, "warehouse": 1.2, "salesperson": 1.6}


class ReportRenderer(BaseRenderer):
    """``generate(sheet)``: the report as PDF bytes. ``company`` heads every first page."""

    margins = (10 * mm, 10 * mm, 12 * mm, 14 * mm)

    def __init__(self, company: str, language: str, pagesize) -> None:
        self.language = language
        self.company = company
        super().__init__(landscape(pagesize))

    def page_label(self, n: int, total: int) -> str:
        return fill(label("Page %1 of %2", self.language), str(n), str(total))

    def title(self, sheet: Sheet) -> str:
        return sheet.title

    def story(self, sheet: Sheet) -> list:
        st = self.styles
        story: list = [Paragraph(escape(self.company), st["Company"]), Paragraph(escape(sheet.title), st["Title"]),
                       Spacer(1, 2 * mm)]
        for name, value in sheet.header:
            story.append(Paragraph(f"{escape(name)}: {escape(value)}", st["Normal"]))
        story.append(Spacer(1, 4 * mm))
        story.append(self._table(sheet))
        return story

    def _table(self, sheet: Sheet) -> Table:
        head = ParagraphStyle("Head", parent=self.styles["Cell"], fontSize=7, leading=8.5, textColor=colors.white)
        cell = ParagraphStyle("C", parent=self.styles["Cell"], fontSize=7, leading=8.5)
        number = ParagraphStyle("N", parent=cell, alignment=TA_RIGHT)
        head_number = ParagraphStyle("HN", parent=head, alignment=TA_RIGHT)
        numeric = [c.kind != TEXT for c in sheet.columns]
        data = [[Paragraph(escape(c.label), head_number if n else head) for c, n in zip(sheet.columns, numeric,
                                                                                        strict=True)]]
        body = [*sheet.rows, *([sheet.total] if sheet.total is not None else [])]
        for row in body:
            data.append([Paragraph(escape(text(v, c.kind)), number if n else cell)
                         for v, c, n in zip(row, sheet.columns, numeric, strict=True)])
        shares = [_WIDE.get(c.key, 1.0) for c in sheet.columns]
        width = self.pagesize[0] - self.margins[0] - self.margins[1]
        table = Table(data, colWidths=[width * s / sum(shares) for s in shares], repeatRows=1)
        style = [("BACKGROUND", (0, 0), (-1, 0), INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
        for i in range(2, len(data), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), STRIPE))
        if sheet.total is not None:
            style += [("BACKGROUND", (0, -1), (-1, -1), SHADE), ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
        table.setStyle(TableStyle(style))
        return table


def render_sheet(sheet: Sheet, company: str, locale_name: str | None = None) -> bytes:
    """The sheet as PDF bytes under ``company``'s name."""
    return ReportRenderer(company, sheet.language, paper_for(locale_name)).generate(sheet)
