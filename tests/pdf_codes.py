"""Whether a code is printed whole in a PDF's extracted text: on one line, or broken after its separators only."""

from __future__ import annotations

import re

from ui.pdf.cells import SEPARATORS


def printed_whole(code: str, text: str) -> bool:
    """``code`` appears in ``text`` (a page's extracted text, a line per printed line) with line breaks, if any,
    only right after one of its separators: ``BK-2231-`` above ``XL`` is whole, ``BK-22`` above ``31-XL`` is not."""
    pattern = "".join(re.escape(ch) + (r"\n?" if ch in SEPARATORS else "") for ch in code)
    return re.search(pattern, text) is not None


def broken_codes(codes: list[str], text: str) -> list[str]:
    return [code for code in codes if not printed_whole(code, text)]
