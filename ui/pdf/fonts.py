"""The bundled CJK font, found in ``resources/fonts`` both from a checkout and inside a frozen build.

reportlab's own CID fonts (``STSong-Light``) are not embedded and print blank on a machine
without an Asian font pack, so the PDFs embed a subset of a TrueType font shipped with the
application instead (see ``resources/fonts/README.md``).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

CJK_FONT = "WenQuanYiMicroHei"
CJK_FILE = "wqy-microhei.ttc"

_lock = threading.Lock()


def resources_dir() -> Path:
    """``resources/`` beside the code, or inside the PyInstaller bundle (``sys._MEIPASS``) when frozen."""
    base = getattr(sys, "_MEIPASS", None)
    if base is not None:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def font_path(name: str = CJK_FILE) -> Path:
    path = resources_dir() / "fonts" / name
    if not path.is_file():
        raise FileNotFoundError(f"the bundled font {name} is missing from {path.parent}; reinstall Stockroom")
    return path


def register_cjk_font() -> str:
    """Register the bundled CJK font with reportlab once (thread-safe); returns its font name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path()), subfontIndex=0))
            # One face serves every style: the font has no bold or italic.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(CJK_FONT, bold, italic, CJK_FONT)
    return CJK_FONT
