"""A reportlab document renderer: ``generate(snapshot) -> bytes``, with hooks for subclasses.

A subclass supplies the story (``story``) and may override the fonts, the stylesheet and what
is drawn on the first and on later pages. ``NumberedCanvas`` holds every page back until the
end so the footer can say "Page X of Y". Rendering touches no widget and no database: it
takes an immutable snapshot and returns the PDF bytes, so it can run on any worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from ui.i18n import fill
from ui.pdf.fonts import register_cjk_font

# The page footer's label. Not marked here: the label is translated in each renderer's own context
# (``tr`` looks it up there), so each renderer marks it in that context, as ui.pdf.purchase_order does.
PAGE_LABEL = "Page %1 of %2"

TAIL_ROWS = 3  # the last lines of a document, kept on the page of its totals

# Regions whose offices use Letter paper; everywhere else A4.
LETTER_REGIONS = frozenset({"US", "CA"})


def paper_for(locale_name: str | None) -> tuple[float, float]:
    """Letter for a US or Canadian locale (``en_US.UTF-8``, ``fr_CA``), else A4."""
    if not locale_name:
        return A4
    region = locale_name.split(".")[0].replace("-", "_").split("_")
    return LETTER if len(region) > 1 and region[1].upper() in LETTER_REGIONS else A4


class HeadedTogether(KeepTogether):
    """Flowables kept together (a document's last lines, its totals, its signatures); when they begin a page, the
    lines table's header row is printed first, as on every page the lines run over."""

    def __init__(self, flowables: list, header: Table | None) -> None:
        super().__init__(flowables)
        self.header = header

    def split(self, aW: float, aH: float) -> list:  # noqa: N803 - reportlab's names
        parts = super().split(aW, aH)
        if self.header is None:
            return parts
        if parts and isinstance(parts[0], type(self.FrameBreak)):  # moved on to the next page (an instance)
            return [parts[0], self.header, *parts[1:]]
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):  # the previous page ended with the body
            return [self.header, *parts]
        return parts


def split_tail(data: list[list], widths: list[float],
               style: Callable[[bool, bool], TableStyle]) -> tuple[Table | None, Table, Table | None]:
    """A lines table (``data``, its header row first) as (body, tail, header): the tail holds the last ``TAIL_ROWS``
    lines, to be kept with the totals (``HeadedTogether``) so that a page never holds the totals alone; the header
    row is printed over the tail when the tail begins a page. A document of few lines is all tail, with its header
    (body and header None). ``style(header, striped_first)`` is the table's look: with a header row or without, its
    stripes starting with a stripe (so that the tail continues the body's stripes) or without."""
    if len(data) <= TAIL_ROWS + 1:
        tail = Table(data, colWidths=widths, repeatRows=1)
        tail.setStyle(style(True, False))
        return None, tail, None
    body = Table(data[:-TAIL_ROWS], colWidths=widths, repeatRows=1)
    body.setStyle(style(True, False))
    tail = Table(data[-TAIL_ROWS:], colWidths=widths)
    tail.setStyle(style(False, (len(data) - TAIL_ROWS) % 2 == 0))
    header = Table(data[:1], colWidths=widths)
    header.setStyle(style(True, False))
    return body, tail, header


class NumberedCanvas(Canvas):
    """A canvas that prints "Page X of Y" once the number of pages is known."""

    page_label: Callable[[int, int], str] = staticmethod(lambda n, total: f"Page {n} of {total}")
    font_name = "Helvetica"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(self.font_name, 8)
        self.drawRightString(width - 15 * mm, 10 * mm, self.page_label(self._pageNumber, total))


class BaseRenderer:
    """Renders a snapshot to PDF bytes; subclasses build the story and the page decorations.

    Args:
        pagesize: (width, height) in points, A4 unless told (see ``paper_for``).
        tr: translates a label of the document (identity by default); the window passes Qt's translator.
    """

    margins = (15 * mm, 15 * mm, 20 * mm, 18 * mm)  # left, right, top, bottom
    context = "Document"

    def __init__(self, pagesize: tuple[float, float] = A4, tr: Callable[[str], str] | None = None) -> None:
        self.pagesize = pagesize
        self.tr = tr or (lambda text: text)
        self.font = self.register_fonts()
        self.styles = self.stylesheet()

    # hooks

    def register_fonts(self) -> str:
        return register_cjk_font()

    def stylesheet(self) -> StyleSheet1:
        sheet = StyleSheet1()
        f = self.font
        # CJK wrapping may break between any two Chinese characters, as Chinese typesetting does.
        sheet.add(ParagraphStyle("Normal", fontName=f, fontSize=9, leading=12, wordWrap="CJK"))
        sheet.add(ParagraphStyle("Small", parent=sheet["Normal"], fontSize=8, leading=10))
        sheet.add(ParagraphStyle("Cell", parent=sheet["Normal"], fontSize=8, leading=10, splitLongWords=1))
        sheet.add(ParagraphStyle("Heading", parent=sheet["Normal"], fontSize=10, leading=14, spaceBefore=8,
                                 spaceAfter=3, textColor="#1f3a5f"))
        sheet.add(ParagraphStyle("Title", parent=sheet["Normal"], fontSize=18, leading=22, textColor="#1f3a5f"))
        sheet.add(ParagraphStyle("Company", parent=sheet["Normal"], fontSize=14, leading=18))
        return sheet

    def story(self, snapshot: Any) -> list:
        raise NotImplementedError

    def on_first_page(self, canvas: Canvas, doc: SimpleDocTemplate, snapshot: Any) -> None:
        pass

    def on_later_pages(self, canvas: Canvas, doc: SimpleDocTemplate, snapshot: Any) -> None:
        pass

    def title(self, snapshot: Any) -> str:
        return self.tr(self.context)

    def page_label(self, n: int, total: int) -> str:
        return fill(self.tr(PAGE_LABEL), str(n), str(total))

    # the one public call

    def generate(self, snapshot: Any) -> bytes:
        buffer = BytesIO()
        left, right, top, bottom = self.margins
        doc = SimpleDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
            title=self.title(snapshot), author="Stockroom", creator="Stockroom", initialFontName=self.font,
        )
        canvas_class = type("Canvas", (NumberedCanvas,), {
            "page_label": staticmethod(self.page_label), "font_name": self.font,
        })
        doc.build(
            self.story(snapshot),
            onFirstPage=lambda c, d: self.on_first_page(c, d, snapshot),
            onLaterPages=lambda c, d: self.on_later_pages(c, d, snapshot),
            canvasmaker=canvas_class,
        )
        return buffer.getvalue()
