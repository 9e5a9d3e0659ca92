"""Refill a choice list without losing what the user had chosen (``refill``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, items: Iterable[tuple[object, str]], all_text: str | None = None) -> None:
    """Replace the items by ``(data, text)`` pairs, with a first "All" item (data ``None``) when ``all_text`` is
    given. The choice the combo had stays chosen when it is still there; otherwise the first item is. Signals are
    blocked while filling, so a refill never looks like the user choosing."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_text is not None:
        combo.addItem(all_text, None)
    for data, text in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current) if current is not None else 0, 0))
    combo.blockSignals(False)
