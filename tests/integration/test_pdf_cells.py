"""ui.pdf.cells: a code is printed whole (plain, a little smaller, broken after a separator, smaller still) and the
code columns take their room from the names."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from ui.pdf.base import BaseRenderer
from ui.pdf.cells import CELL_PADDING
from ui.pdf.cells import SMALLEST
from ui.pdf.cells import code_cell
from ui.pdf.cells import code_lines
from ui.pdf.cells import text_cell
from ui.pdf.cells import widen_for_codes


@pytest.fixture(scope="module")
def cell():
    return BaseRenderer().styles["Cell"]


def width_of(text: str, style, size: float | None = None) -> float:
    return stringWidth(text, style.fontName, size or style.fontSize) + CELL_PADDING


def test_a_code_that_fits_is_plain_text(cell):
    assert code_cell("BK-2231-XL", width_of("BK-2231-XL", cell), cell) == "BK-2231-XL"


def test_a_code_a_little_too_wide_is_printed_a_little_smaller_on_one_line(cell):
    code = "456-HW018-05"
    printed = code_cell(code, width_of(code, cell, 7.5), cell)
    assert isinstance(printed, Paragraph) and printed.style.fontSize == 7.5 and "<br/>" not in printed.text


def test_a_long_code_breaks_after_its_separators_only(cell):
    code = "NB-FAST-M3X10-SS304-BLK"
    printed = code_cell(code, width_of("NB-FAST-M3X10-", cell), cell)
    assert isinstance(printed, Paragraph) and printed.style.fontSize == cell.fontSize
    assert printed.text.split("<br/>") == ["NB-FAST-M3X10-", "SS304-BLK"]
    assert printed.style.wordWrap is None and not printed.style.splitLongWords  # nothing else breaks it


def test_a_piece_too_wide_at_the_normal_size_is_printed_at_the_smallest(cell):
    code = "ZT4200WHITE100PCS-003"
    room = width_of("ZT4200WHITE100PCS-", cell, SMALLEST)
    printed = code_cell(code, room, cell)
    assert printed.style.fontSize == SMALLEST and printed.text.split("<br/>") == ["ZT4200WHITE100PCS-", "003"]


def test_code_lines_packs_whole_pieces_and_says_none_when_a_piece_cannot_fit(cell):
    room = stringWidth("AB-CD-", cell.fontName, 8)
    assert code_lines("AB-CD-EF-GH", room, cell.fontName, 8) == ["AB-CD-", "EF-GH"]
    assert code_lines("ABCDEFGHIJ-K", room, cell.fontName, 8) is None


def test_a_name_wraps_as_chinese_does(cell):
    name = "加厚型工业级防水防尘户外电缆接头（含密封圈与锁紧螺母）"
    assert text_cell("螺丝", 100, cell) == "螺丝"
    assert isinstance(text_cell(name, 60, cell), Paragraph)


def test_code_columns_widen_from_the_names_which_keep_their_least(cell):
    widths = [20.0, 50.0, 200.0, 40.0]
    font = cell.fontName
    wide = widen_for_codes(widths, {1: ["NB-FAST-M3X10-SS304-BLK"]}, give=2, font=font, size=8, least=100)
    assert sum(wide) == pytest.approx(sum(widths))
    assert wide[1] == pytest.approx(stringWidth("NB-FAST-M3X10-SS304-BLK", font, 8) + CELL_PADDING)
    squeezed = widen_for_codes(widths, {1: ["NB-FAST-M3X10-SS304-BLK" * 3]}, give=2, font=font, size=8, least=150)
    assert squeezed[2] == pytest.approx(150) and sum(squeezed) == pytest.approx(sum(widths))
    assert widen_for_codes(widths, {1: ["A-1"]}, give=2, font=font, size=8, least=150) == widths
