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
from ui.pdf.base import TAIL_ROWS
from ui.pdf.base import BaseRenderer
from ui.pdf.base import paper_for
from ui.pdf.cells import words_fit
from ui.pdf.headers import header_cell
from ui.pdf.headers import header_words
from ui.pdf.purchase_order import INK
from ui.pdf.purchase_order import RULE
from ui.pdf.purchase_order import SHADE
from ui.pdf.purchase_order import STRIPE
from ui.pdf.report_labels import label
from ui.report_sheets import TEXT
from ui.report_sheets import Sheet
from ui.report_sheets import header_line
from ui.report_sheets import text

_STRETCH = ("name",)  # the column that takes the page's spare width (or gives it up first)
_SAMPLE = 500  # the rows measured for the columns' widths
_NAME_MAX = 90 * mm
_SIZES = (7, 6.5, 6, 5.5)  # the table's type, in points: smaller only when the columns do not fit at 7
_CELL_PADDING = 4  # a cell's left and right padding together
_PAD = 4.5  # a cell's left and right padding, and a little air
_HEAD_SMALLER = 1.0  # points: a header whose longest word does not fit its column is printed up to this much smaller
_HEAD_LEAST = 5.0  # points: and never smaller than this


def _head_least(size: float) -> float:
    """The least size of a header over cells of ``size`` points."""
    return max(size - _HEAD_SMALLER, _HEAD_LEAST)


def _unbroken(text: str) -> bool:
    """Whether ``text`` has no Chinese (a word of Latin letters, digits and signs such as "31–60" stays whole)."""
    return not any("\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


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
        story: list = [Paragraph(escape(self.company), st["Company"])] if self.company else []  # none set: no name
        story += [Paragraph(escape(sheet.title), st["Title"]), Spacer(1, 2 * mm)]
        for name, value in sheet.header:
            story.append(Paragraph(escape(header_line(sheet, name, value)), st["Normal"]))
        story.append(Spacer(1, 4 * mm))
        story.append(self._table(sheet))
        if sheet.notes:
            story.append(Spacer(1, 2 * mm))
        story += [Paragraph(escape(note), st["Small"]) for note in sheet.notes]
        return story

    def _table(self, sheet: Sheet) -> Table:
        body = [*sheet.rows, *([sheet.total] if sheet.total is not None else [])]
        width = self.pagesize[0] - self.margins[0] - self.margins[1]
        for size in _SIZES:  # the largest type at which every header's words stay whole
            widths = self._widths(sheet, body, width, size)
            if widths is not None:
                break
        else:
            widths = self._squeezed(sheet, body, width, size)
        leading = size * 1.2
        # The headers in one size: the cells' when every header's longest word fits its column, else a little smaller.
        head_size = self._head_size(sheet, widths, size)
        head = ParagraphStyle("Head", parent=self.styles["Cell"], fontSize=head_size, leading=head_size * 1.2,
                              textColor=colors.white)
        cell = ParagraphStyle("C", parent=self.styles["Cell"], fontSize=size, leading=leading)
        number = ParagraphStyle("N", parent=cell, alignment=TA_RIGHT)
        head_number = ParagraphStyle("HN", parent=head, alignment=TA_RIGHT)
        numeric = [c.kind != TEXT for c in sheet.columns]
        heads = [head_number if n else head for n in numeric]
        # A header breaks between its words only (期初 above 数量, never 期初数 above 量); a cell wraps as Chinese does.
        data = [[header_cell(c.label, w, style, padding=_CELL_PADDING, least=head_size)
                 for c, w, style in zip(sheet.columns, widths, heads, strict=True)]]
        # A name breaks at its spaces when each of its words fits ("洗洁精 500g" above 商用装, not 商用 above 装).
        words = ParagraphStyle("CW", parent=cell, wordWrap=None)
        rooms = [w - _CELL_PADDING for w in widths]
        for row in body:
            texts = [text(v, c.kind) for v, c in zip(row, sheet.columns, strict=True)]
            data.append([Paragraph(escape(t), number if n else words if words_fit(t, room, cell) else cell)
                         for t, n, room in zip(texts, numeric, rooms, strict=True)])
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [("BACKGROUND", (0, 0), (-1, 0), INK), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
                 ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2)]
        for i in range(2, len(data), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), STRIPE))
        if sheet.total is not None:
            style += [("BACKGROUND", (0, -1), (-1, -1), SHADE), ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                      # the total row goes over to the next page with the last rows, never alone under the header
                      ("NOSPLIT", (0, max(1, len(data) - 1 - TAIL_ROWS)), (-1, len(data) - 1))]
        table.setStyle(TableStyle(style))
        return table

    def _head_size(self, sheet: Sheet, widths: list[float], size: float) -> float:
        """The largest size, from ``size`` down to ``_head_least(size)``, at which each header's longest word fits
        its column; the least when some do not even so (``header_cell`` splits those)."""
        least = _head_least(size)
        words = [[w.rstrip() for w in header_words(c.label)] for c in sheet.columns]
        while size > least:
            if all(stringWidth(w, self.font, size) <= width - _CELL_PADDING
                   for column, width in zip(words, widths, strict=True) for w in column):
                return size
            size -= 0.5
        return least

    def _measure(self, sheet: Sheet, body: list[list[object]], size: float) -> tuple[list[float], list[float]]:
        """Per column at ``size`` points: its natural width (its widest cell, of the first ``_SAMPLE`` rows and the
        total, or its header's, whichever is wider) and the least it may take with its header's words whole (its widest
        word, "Receipts" or 销售退货 of 销售退货数量, printed up to ``_HEAD_SMALLER`` smaller; never 期初数 above 量);
        the name column's least is 20 mm."""
        pad = _PAD
        sample = [*body[:_SAMPLE], *body[-1:]]
        natural, floor = [], []
        for i, c in enumerate(sheet.columns):
            cells = max((stringWidth(text(row[i], c.kind), self.font, size) for row in sample), default=0)
            if c.kind == TEXT:
                cells = min(cells, 60 * mm)
            whole = stringWidth(c.label, self.font, size)
            # the header's widest word (``ui.pdf.headers``): 采购入库 of 采购入库金额, "Receipts" of "Receipts value"
            words = [w.rstrip() for w in header_words(c.label)]
            word = max((stringWidth(w, self.font, size) for w in words), default=0)
            smaller = max((stringWidth(w, self.font, _head_least(size)) for w in words), default=0)
            if _unbroken(c.label):
                header = whole if whole <= 12 * size else word  # a short English header ("Share %") on one line
            else:
                # a Chinese header on one line up to six characters' width (or its cells'), else between its words
                header = max(word, min(whole, max(cells, 6 * size)))
            natural.append(max(header, cells) + pad)
            # at the least, a header's widest word fits a little smaller than the cells (``header_cell`` shrinks it)
            floor.append(max(cells, smaller) + pad if c.key not in _STRETCH else 20 * mm)
        return natural, floor

    def _widths(self, sheet: Sheet, body: list[list[object]], width: float, size: float) -> list[float] | None:
        """The columns' widths at ``size``: each at its natural width, the name column taking what is left (or
        giving it up first); when that is too wide, each column gives way down to its least in proportion to what it
        may give. A sheet without a name column spreads the spare width over all its columns. None when the leasts do
        not fit the page at this size."""
        natural, floor = self._measure(sheet, body, size)
        spare = width - sum(natural)
        if spare >= 0 and not any(c.key in _STRETCH for c in sheet.columns):
            # no name to widen (a partner's open items): every column takes its share, the table the page's width
            return [n * width / sum(natural) for n in natural]
        stretch = [i for i, c in enumerate(sheet.columns) if c.key in _STRETCH] or [0]
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
        return None

    def _squeezed(self, sheet: Sheet, body: list[list[object]], width: float, size: float) -> list[float]:
        """Far too many columns even at the smallest type: everything gives way a little."""
        natural, _ = self._measure(sheet, body, size)
        return [n * width / sum(natural) for n in natural]


def render_sheet(sheet: Sheet, company: str, locale_name: str | None = None) -> bytes:
    """The sheet as PDF bytes under ``company``'s name."""
    return ReportRenderer(company, sheet.language, paper_for(locale_name)).generate(sheet)
