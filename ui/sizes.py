"""A file's size as the office reads it: ``696 KB``, ``1.2 MB``, ``3 GB`` — binary units (1 KB = 1,024 bytes, as the
file manager counts), digits grouped, the same text in English and in Chinese.

Qt's ``QLocale.formattedDataSize`` gave ``696.0 kB`` in the Chinese list (a lower-case k and a tenth no one asked
for); every place that shows a file's size calls ``size_text`` instead. Below a megabyte the size is whole
kilobytes, rounded up as the file manager does (a non-empty file is at least ``1 KB``); from a megabyte on, one
decimal, dropped when it is nought (``3 GB``, not ``3.0 GB``)."""

from __future__ import annotations

import math

_UNITS = ("MB", "GB", "TB")


def size_text(size: int) -> str:
    """``size`` bytes as ``696 KB`` / ``1.2 MB`` / ``3 GB`` (grouped: ``1,010 KB``)."""
    size = max(int(size), 0)
    if math.ceil(size / 1024) < 1024:
        return f"{math.ceil(size / 1024):,} KB"
    value = size / (1 << 20)
    unit = _UNITS[0]
    for unit in _UNITS:
        if round(value, 1) < 1024 or unit == _UNITS[-1]:
            break
        value /= 1024
    text = f"{value:,.1f}"
    return f"{text[:-2] if text.endswith('.0') else text} {unit}"
