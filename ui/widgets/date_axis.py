"""A pyqtgraph date axis that names months in the window's language.

pyqtgraph's ``DateAxisItem`` formats ticks with ``strftime``, whose month names follow the C locale
(Jan, Feb, …) whatever language the window speaks. This axis lets pyqtgraph choose the ticks and their
layout, then swaps each English month abbreviation for ``QLocale``'s short month name (1月, 2月, … in
Chinese), so a chart reads like the rest of the screen.
"""

from __future__ import annotations

import re
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QLocale

_ENGLISH = {date(2000, m, 1).strftime("%b"): m for m in range(1, 13)}
_WORD = re.compile("|".join(sorted(_ENGLISH, key=len, reverse=True)))


def localise_months(text: str, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.English:
        return text
    return _WORD.sub(lambda m: locale.monthName(_ENGLISH[m.group(0)], QLocale.FormatType.ShortFormat), text)


class LocalDateAxis(pg.DateAxisItem):
    def tickStrings(self, values, scale, spacing):
        return [localise_months(text) for text in super().tickStrings(values, scale, spacing)]
