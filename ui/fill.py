"""Putting values into a translated sentence (``%1``, ``%2``…), without Qt: ``ui.i18n`` gives it to the window, and
the command line uses it where it prints English without loading Qt (``ui.check_text``)."""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d+)")


def fill(text: str, *values: object) -> str:
    """``%1``, ``%2``… of a translated ``text`` replaced by ``values`` in one pass (``str()`` of each).

    The one way to put values into a translated sentence: a value that itself holds ``%2`` stays as it is, and a
    place without a value (``%3`` of two values) is left in the text.
    """

    def value(m: re.Match) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if 0 < n <= len(values) else m.group(0)

    return _PLACE.sub(value, text)
