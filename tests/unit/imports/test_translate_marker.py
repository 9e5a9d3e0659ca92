"""The no-op ``QT_TRANSLATE_NOOP`` that marks a text for translation where Qt is not loaded (the command line, the
PDFs, the sync's stages, the check's words) is defined once, in ``ui.fill``, and imported from there; the modules
using it still load no Qt, and pyside6-lupdate still reads their marked texts (by the call's name)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "ui"
QT_FREE = ("ui.check_text", "ui.sync_stages", "ui.cli.io", "ui.cli.po", "ui.cli.sales", "ui.cli.common")


def sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(UI.rglob("*.py"))}


def test_the_marker_is_defined_once_and_every_module_marking_without_qt_imports_it():
    texts = sources()
    assert [p.relative_to(ROOT).as_posix() for p, text in texts.items() if "def QT_TRANSLATE_NOOP" in text] == [
        "ui/fill.py"]
    for path, text in texts.items():
        if path.name == "fill.py" or not re.search(r"\bQT_TRANSLATE_NOOP\(", text):
            continue
        assert ("from PySide6.QtCore import QT_TRANSLATE_NOOP" in text
                or "from ui.fill import QT_TRANSLATE_NOOP" in text), path


def test_the_modules_marking_without_qt_still_load_no_qt():
    code = f"import sys; import {', '.join(QT_FREE)}; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lupdate_read_the_texts_each_of_those_modules_marks():
    ts = ET.parse(ROOT / "resources" / "i18n" / "stockroom_zh_CN.ts")
    files = {Path(loc.get("filename")).name for loc in ts.iter("location") if loc.get("filename")}
    assert {"check_text.py", "io.py", "sync_stages.py", "purchase_order.py", "po.py", "sales.py"} <= files
