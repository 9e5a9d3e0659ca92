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
from reportlab.pdfbase.pdfmetrics import stringWidth
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

_STRETCH = ("name",)  # the column that takes the page's spare width (or gives it up first)
_SAMPLE = 500  # the rows measured for the columns' widths
_NAME_MAX = 90 * mm


def _unbroken(text: str) -> bool:
    """Whether ``text`` has no Chinese (a word of Latin letters, digits and signs such as "31–60" stays whole)."""
    return not any("\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def _header(label: str) -> str:
    """A column's header as Paragraph markup: a Chinese header breaks at its last space only ("0–30天 金额" on two
    lines, never "金" and "额" apart), an English one wherever words end."""
    if _unbroken(label):
        return escape(label)
    return "<br/>".join(escape(part) for part in label.rsplit(" ", 1))


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
        data = [[Paragraph(_header(c.label), head_number if n else head) for c, n in zip(sheet.columns, numeric,
                                                                                         strict=True)]]
        body = [*sheet.rows, *([sheet.total] if sheet.total is not None else [])]
        for row in body:
            data.append([Paragraph(escape(text(v, c.kind)), number if n else cell)
                         for v, c, n in zip(row, sheet.columns, numeric, strict=True)])
        width = self.pagesize[0] - self.margins[0] - self.margins[1]
        table = Table(data, colWidths=self._widths(sheet, body, width), repeatRows=1, hAlign="LEFT")
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


    def _widths(self, sheet: Sheet, body: list[list[object]], width: float) -> list[float]:
        """Each column as wide as its widest cell (of the first ``_SAMPLE`` rows and the total) and its header's
        longest word; the name column takes what is left, or gives way when the page is too narrow."""
        size, pad = 7, 4.5
        sample = [*body[:_SAMPLE], *body[-1:]]
        natural, floor = [], []
        for i, c in enumerate(sheet.columns):
            cells = max((stringWidth(text(row[i], c.kind), self.font, size) for row in sample), default=0)
            if c.kind == TEXT:
                cells = min(cells, 60 * mm)
            # an English header keeps its words whole; a Chinese one may wrap between any two characters
            whole = stringWidth(c.label, self.font, size)
            if _unbroken(c.label) and whole <= 12 * size:  # a short English header ("Share %") stays on one line
                header = whole
            else:
                header = max((stringWidth(w, self.font, size) if _unbroken(w)
                              else min(stringWidth(w, self.font, size), max(cells, 4 * size))
                              for w in c.label.split()), default=0)
            natural.append(max(header, cells) + pad)
            floor.append(cells + pad if c.key not in _STRETCH else 20 * mm)
        stretch = [i for i, c in enumerate(sheet.columns) if c.key in _STRETCH] or [0]
        spare = width - sum(natural)
        fixed = sum(natural[i] for i in range(len(natural)) if i not in stretch)
        if spare >= 0:  # the name column grows to at most _NAME_MAX; the table may end before the margin
            grown = min(width - fixed, _NAME_MAX * len(stretch))
            share = max(1.0, grown / sum(natural[i] for i in stretch))
            return [n * share if i in stretch else n for i, n in enumerate(natural)]
        if fixed + 20 * mm * len(stretch) <= width:
            share = (width - fixed) / sum(natural[i] for i in stretch)
            return [n * share if i in stretch else n for i, n in enumerate(natural)]
        if sum(floor) <= width:  # too many columns: the headers wrap more, the cells not at all
            give = [max(0.0, n - f) for n, f in zip(natural, floor, strict=True)]
            extra = (width - sum(floor)) / (sum(give) or 1)
            return [f + g * extra for f, g in zip(floor, give, strict=True)]
        return [n * width / sum(natural) for n in natural]  # far too many: everything gives way a little


def render_sheet(sheet: Sheet, company: str, locale_name: str | None = None) -> bytes:
    """The sheet as PDF bytes under ``company``'s name."""
    return ReportRenderer(company, sheet.language, paper_for(locale_name)).generate(sheet)
