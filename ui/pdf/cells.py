"""Table cells of the printed documents: names that wrap as Chinese does, codes that never break mid-code.

A name (a product's description, a remark) wraps between any two Chinese characters and between words. A code (a
SKU, a supplier's SKU, a document number) is read and typed back character by character, so it is printed whole:
on one line when it fits its column; else on one line in a slightly smaller type; else broken after its
separators only (``BK-2231-`` above ``XL``), each piece on one line; else smaller still, down to ``SMALLEST``
points. Only a code with no separator that is wider than its column even in the smallest type is cut, where it
must be.

``widen_for_codes`` sizes the code columns of a lines table to their content first, taking the room from the
column of names, which wraps anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

SEPARATORS = frozenset("-_./:# ")  # a code breaks after these only
SLIGHTLY = 7.0  # points: a code is printed this much smaller before it is broken at a separator
SMALLEST = 6.0  # points: a code is printed no smaller
STEP = 0.5  # points between the sizes tried
CELL_PADDING = 12  # reportlab's default cell padding, 6 pt each side


def _p(text: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def text_cell(text: str, width: float, style: ParagraphStyle, padding: float = CELL_PADDING):
    """A name's cell: the plain text when it fits its column on one line in ``style`` (much faster to lay out);
    else a paragraph that breaks at its spaces only when each of its words fits the column ("洗洁精 500g" above
    "商用装", not "洗洁精 500g 商用" above "装"); else one that wraps as ``style`` does (between Chinese characters and
    words)."""
    room = width - padding
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= room:
        return text
    if words_fit(text, room, style):
        return Paragraph(_p(text), ParagraphStyle(style.name + "Words", parent=style, wordWrap=None))
    return Paragraph(_p(text), style)


def words_fit(text: str, room: float, style: ParagraphStyle) -> bool:
    """Whether each space-separated word of ``text`` fits ``room`` points in ``style``: then it may break at its
    spaces only."""
    return all(stringWidth(word, style.fontName, style.fontSize) <= room for word in text.split())


def code_pieces(code: str) -> list[str]:
    """``code`` cut after each separator: ``BK-2231-XL`` as ``BK-``, ``2231-``, ``XL``."""
    pieces, start = [], 0
    for i, ch in enumerate(code):
        if ch in SEPARATORS:
            pieces.append(code[start:i + 1])
            start = i + 1
    if start < len(code):
        pieces.append(code[start:])
    return pieces


def code_lines(code: str, room: float, font: str, size: float) -> list[str] | None:
    """``code`` in as few lines of at most ``room`` points as its separators allow, each line as many whole
    pieces as fit (a line's trailing space dropped); None when one piece alone is wider than ``room``."""
    lines: list[str] = []
    line = ""
    for piece in code_pieces(code):
        if stringWidth((line + piece).rstrip(), font, size) <= room:
            line += piece
            continue
        if stringWidth(piece.rstrip(), font, size) > room:
            return None
        lines.append(line.rstrip())
        line = piece
    if line:
        lines.append(line.rstrip())
    return lines


def code_cell(code: str, width: float, style: ParagraphStyle, padding: float = CELL_PADDING):
    """A code's cell in a column ``width`` wide, never broken mid-code: the plain text when it fits at the style's
    size; else on one line a little smaller (down to ``SLIGHTLY``); else broken after its separators at the style's
    size; else on one line smaller still (down to ``SMALLEST``); else broken after its separators in the smallest
    type. A code that cannot fit even so (no separator, wider than the column at ``SMALLEST``) is cut where it must
    be."""
    code = " ".join(code.split())  # a code is one line
    font, size = style.fontName, style.fontSize
    room = width - padding
    if stringWidth(code, font, size) <= room:
        return code
    for least, broken_at in ((min(size, SLIGHTLY), size), (SMALLEST, SMALLEST)):
        smaller = size - STEP
        while smaller >= least:
            if stringWidth(code, font, smaller) <= room:
                return Paragraph(_p(code), _sized(style, smaller))
            smaller -= STEP
        lines = code_lines(code, room, font, broken_at)
        if lines is not None:
            return Paragraph("<br/>".join(_p(line) for line in lines), _sized(style, broken_at))
    return Paragraph(_p(code), ParagraphStyle(style.name + "Cut", parent=_sized(style, SMALLEST), wordWrap="CJK",
                                              splitLongWords=1))


def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """``style`` at ``size`` points, wrapping nowhere but at the breaks the code cell gives it."""
    return ParagraphStyle(f"{style.name}Code{size:g}", parent=style, fontSize=size, leading=size * 1.25,
                          wordWrap=None, splitLongWords=0)


def widen_for_codes(widths: list[float], codes: dict[int, Iterable[str]], give: int, font: str, size: float,
                    least: float, padding: float = CELL_PADDING) -> list[float]:
    """The columns' ``widths`` with each code column (``codes``: the column's index and its codes) as wide as its
    widest code at ``size`` points, taking the room from column ``give`` (the names, which wrap), which keeps at least
    ``least`` points; the table stays as wide. When the names cannot give all that is asked, each code column gets its
    share of what they can give, and its longer codes are printed smaller or broken at their separators."""
    widths = list(widths)
    wanted = {}
    for i, column in codes.items():
        widest = max((stringWidth(" ".join(code.split()), font, size) for code in column), default=0.0)
        if widest + padding > widths[i]:
            wanted[i] = widest + padding - widths[i]
    asked = sum(wanted.values())
    spare = max(0.0, widths[give] - least)
    if not asked or not spare:
        return widths
    share = min(1.0, spare / asked)
    for i, more in wanted.items():
        widths[i] += more * share
    widths[give] -= asked * share
    return widths
