"""A pyqtgraph value axis that writes amounts as people read them: 1,500,000, never 1.5e+06.

pyqtgraph's ``AxisItem`` switches to exponents (and to SI prefixes such as "×1e6") once the values grow, which an
owner looking at what customers owe should not have to decode. This axis keeps the tick positions pyqtgraph chooses
and writes each with thousands separators and only the decimals the spacing needs.
"""

from __future__ import annotations

import math

import pyqtgraph as pg


def tick_text(value: float, spacing: float) -> str:
    """``value`` with thousands separators and as many decimals as a tick ``spacing`` needs (none from 1 up)."""
    places = 0 if spacing >= 1 or spacing <= 0 else min(4, math.ceil(-math.log10(spacing)))
    text = f"{value:,.{places}f}"
    return "0" if text.strip("-0.,") == "" else text


class MoneyAxis(pg.AxisItem):
    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        return [tick_text(v * scale, spacing * scale) for v in values]
