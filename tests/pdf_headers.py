"""The header rows of a rendered story, as the lines reportlab wraps them into (shared by the PDF tests)."""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph
from reportlab.platypus import Table


def tables(flowables: list) -> list[Table]:
    """Every table of ``flowables``, those kept together included."""
    out: list[Table] = []
    for f in flowables:
        if isinstance(f, Table):
            out.append(f)
        elif isinstance(f, KeepTogether):
            out += tables(f._content)
    return out


def header_lines(table: Table) -> list[list[str]]:
    """Each header cell of ``table``'s first row as reportlab lays it out in its column: its lines' text."""
    out = []
    for col, cell in enumerate(table._cellvalues[0]):
        style = table._cellStyles[0][col]
        room = table._colWidths[col] - style.leftPadding - style.rightPadding
        if not isinstance(cell, Paragraph):
            out.append([str(cell)])
            continue
        cell.wrap(room, 10_000)
        lines = []
        for line in cell.blPara.lines:
            if isinstance(line, tuple):  # a paragraph of one fragment: (space left, words)
                lines.append(" ".join(line[1]))
            else:
                lines.append("".join(getattr(w, "text", "") for w in line.words).replace("\xa0", " ").strip())
        out.append(lines)
    return out


def lone_characters(lines: list[list[str]]) -> list[list[str]]:
    """The headers with a line of one Chinese character (序 above 号, 期初数 above 量): a word broken."""
    return [cell for cell in lines if len(cell) > 1 and any(len(x) == 1 and "\u4e00" <= x <= "\u9fff" for x in cell)]
