"""Putting values into a translated sentence (``%1``, ``%2``…), and marking a text for translation
(``QT_TRANSLATE_NOOP``), without Qt: ``ui.i18n`` gives ``fill`` to the window, and the command line, the PDFs and the
sync's stages use both where they must not load Qt (``ui.check_text``)."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d+)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for translation in ``context`` and returns it as it is; it is translated where it is shown
    (``translate(context, text)``). The one definition for the modules that do not load Qt: pyside6-lupdate reads
    the calls by this name, wherever the function comes from."""
    return text


def fill(text: str, *values: object) -> str:
    """``%1``, ``%2``… of a translated ``text`` replaced by ``values`` in one pass (``str()`` of each).

    The one way to put values into a translated sentence: a value that itself holds ``%2`` stays as it is, and a
    place without a value (``%3`` of two values) is left in the text.
    """

    def value(m: re.Match) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if 0 < n <= len(values) else m.group(0)

    return _PLACE.sub(value, text)
