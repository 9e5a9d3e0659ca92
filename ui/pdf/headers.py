"""Column headers of the printed tables, never broken inside a word.

A header is made of words: an English one of the words between its spaces; a Chinese one of the words the
documents' labels are built from (``WORDS``: 期初数量 is 期初 + 数量, 采购入库金额 is 采购入库 + 金额, 序号 is one
word), a character no word of ``WORDS`` covers staying with the word before it (毛利 + 率 is 毛利率), and never a
break next to a digit, a sign or a bracket (0–30天, 平均库龄(天)). A space is always a place to break.

``widen_for_headers`` makes each column at least as wide as its header's longest word, taking the room from the
column of names (as ``ui.pdf.cells.widen_for_codes`` does for codes); ``header_cell`` prints a header in its column:
on one line when it fits; else its words on as few lines as fit, the lines as even as they can be; else a little
smaller; else, only when one word is wider than the column even so, that word split in its middle, never after the
last character that fits.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from ui.pdf import report_labels
from ui.pdf import sales_labels
from ui.pdf import statement_labels
from ui.pdf.cells import CELL_PADDING
from ui.pdf.cells import SLIGHTLY
from ui.pdf.cells import STEP
from ui.pdf.cells import widen_for_codes

LONGEST_WORD = 6  # characters: a label longer than this is a sentence, not a word of the vocabulary
# Words that are parts of a label but no label by themselves: 盘盈盘亏调整 (adjustments) is 盘盈盘亏 + 调整, 计价差额
# (the valuation difference) 计价 + 差额.
PARTS = ("盘盈盘亏", "调整", "计价", "差额")


def chinese(ch: str) -> bool:
    """Whether ``ch`` is a Chinese character (a place a Chinese header may break next to, between two words)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def vocabulary(labels: Iterable[str]) -> frozenset[str]:
    """The Chinese words among ``labels``: each run of Chinese characters of two to ``LONGEST_WORD`` characters (and
    ``PARTS``), a run made of two other words being those two words (盘盈盘亏调整 is 盘盈盘亏 + 调整)."""
    words = set(PARTS)
    for text in labels:
        run = ""
        for ch in text + " ":
            if chinese(ch):
                run += ch
                continue
            if 2 <= len(run) <= LONGEST_WORD:
                words.add(run)
            run = ""
    return frozenset(w for w in words if not any(w[:i] in words and w[i:] in words for i in range(2, len(w) - 1)))


# The words of every label the documents and reports print.
WORDS = vocabulary([*report_labels.ZH_CN.values(), *sales_labels.ZH_CN.values(), *statement_labels.ZH_CN.values()])


def _segment(text: str, words: frozenset[str]) -> list[str]:
    """``text`` (no spaces) cut into the fewest pieces, each a word of ``words`` or one character; of cuts as few,
    the one whose pieces end latest."""
    n = len(text)
    longest = max((len(w) for w in words), default=1)
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, 0)] * n  # (pieces up to i, where the last piece starts)
    for end in range(1, n + 1):
        for start in range(max(0, end - longest), end):
            if end - start == 1 or text[start:end] in words:
                count = best[start][0] + 1
                # as few pieces either way, the last one the shorter: 销售退货 + 数量, not 销售 + 退货数量 (a label's
                # quantity or amount comes last, after the flow's or the document's name)
                if count <= best[end][0]:
                    best[end] = (count, start)
    pieces, end = [], n
    while end:
        start = best[end][1]
        pieces.append(text[start:end])
        end = start
    return pieces[::-1]


def header_words(label: str, words: frozenset[str] = WORDS) -> list[str]:
    """``label``'s words, in order, each with the space that follows it (the lines drop a line's last space):
    "期初数量" as 期初, 数量; "0–30天 金额" as "0–30天 ", 金额; "Unit price" as "Unit ", "price"."""
    out: list[str] = []
    groups: list[str] = []
    for group in label.split():
        if groups and not any(ch.isalnum() for ch in groups[-1]):
            groups[-1] += " " + group  # a sign alone ("> 365天", "/ pack") goes with the word after it
        else:
            groups.append(group)
    for group in groups:
        pieces: list[str] = []
        for piece in _segment(group, words):
            joined = pieces and (len(piece) == 1 and piece not in words or len(pieces[-1]) == 1
                                 and pieces[-1] not in words and len(pieces) == 1)
            if pieces and (joined or not (chinese(pieces[-1][-1]) and chinese(piece[0]))):
                pieces[-1] += piece  # a lone character, a digit or a sign stays with its neighbour
            else:
                pieces.append(piece)
        pieces[-1] += " "
        out += pieces
    if out:
        out[-1] = out[-1].rstrip()
    return out


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text.rstrip(), font, size)


def header_lines(label: str, room: float, font: str, size: float, words: frozenset[str] = WORDS) -> list[str] | None:
    """``label`` on the fewest lines of at most ``room`` points that break between its words only, the widest line
    as narrow as it can be ("盘盈盘亏调整数量" as 盘盈盘亏 / 调整数量 rather than 盘盈盘亏调整 / 数量); None when
    one word alone is wider than ``room``."""
    label = " ".join(label.split())
    if _width(label, font, size) <= room:
        return [label]
    pieces = header_words(label, words)
    if any(_width(p, font, size) > room for p in pieces):
        return None
    for lines in range(2, len(pieces) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in combinations(range(1, len(pieces)), lines - 1):
            bounds = (0, *cuts, len(pieces))
            texts = ["".join(pieces[a:b]).rstrip() for a, b in zip(bounds, bounds[1:], strict=False)]
            widest = max(_width(t, font, size) for t in texts)
            if widest <= room and (best is None or widest < best[0]):
                best = (widest, texts)
        if best is not None:
            return best[1]
    return None  # not reached: each piece fits alone


def _halves(label: str, room: float, font: str, size: float, words: frozenset[str]) -> list[str]:
    """The last resort: ``label``'s words on lines, each word too wide for ``room`` split into as few even parts as
    fit (never a line of its first characters and one of its last)."""
    lines: list[str] = []
    for word in header_words(label, words):
        word = word.rstrip()
        parts = 1
        while parts < len(word) and any(_width(word[i * len(word) // parts:(i + 1) * len(word) // parts], font, size)
                                        > room for i in range(parts)):
            parts += 1
        lines += [word[i * len(word) // parts:(i + 1) * len(word) // parts] for i in range(parts)]
    return lines


def header_cell(label: str, width: float, style: ParagraphStyle, padding: float = CELL_PADDING,
                words: frozenset[str] = WORDS, least: float | None = None) -> Paragraph:
    """A column's header in a column ``width`` wide, in ``style``: its words whole on as few lines as fit; else a
    little smaller (down to ``least`` points, by default ``SLIGHTLY`` or the style's size if smaller); else a word
    too wide even so split in its middle."""
    room = width - padding
    size = style.fontSize
    least = min(style.fontSize, SLIGHTLY) if least is None else least
    while True:
        lines = header_lines(label, room, style.fontName, size, words)
        if lines is not None:
            break
        if size - STEP < least:
            lines = _halves(label, room, style.fontName, size, words)
            break
        size -= STEP
    text = "<br/>".join(escape(line).replace(" ", "&nbsp;") for line in lines)
    leading = style.leading * size / style.fontSize
    return Paragraph(text, ParagraphStyle(f"{style.name}Header{size:g}", parent=style, fontSize=size, leading=leading,
                                          wordWrap=None, splitLongWords=0))


def widen_for_headers(widths: list[float], labels: Iterable[str], give: int, font: str, size: float, least: float,
                      padding: float = CELL_PADDING, words: frozenset[str] = WORDS) -> list[float]:
    """The columns' ``widths`` with each column at least as wide as its header's longest word at ``size`` points,
    the room taken from column ``give`` (the names), which keeps at least ``least`` points; the table stays as wide.
    What the names cannot give, ``header_cell`` makes up by printing a header a little smaller."""
    columns = {i: header_words(label, words) for i, label in enumerate(labels) if i != give}
    return widen_for_codes(widths, columns, give=give, font=font, size=size, least=least, padding=padding)
