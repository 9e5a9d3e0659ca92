"""The ABC/XYZ class beside a product, as the Products, Stock and Replenishment screens show and filter it.

The classes come from the last planning run (``services.planning.classes()``: ``persistence.planning.classes``), by
product id, as the matrix cell (``AX`` … ``CZ``); a product no run has classified shows nothing and sorts last.
``class_column`` makes a model's column over a dict the model keeps (``class_texts`` fills it from the stored
classes), so the export and the sort read the same value as the view. The filter choices are one ABC class, one
XYZ class or one cell (``CHOICES``, ``matches``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from ui.i18n import fill
from ui.models.table import Column
from ui.widgets.combo import refill

translate = QCoreApplication.translate

ABC, XYZ = "ABC", "XYZ"
CELLS = tuple(a + x for a in ABC for x in XYZ)
CHOICES = (*ABC, *XYZ, *CELLS)


def class_column(title: str, classes: dict[str, str], product_id: Callable[[object], str]) -> Column:
    """A column showing ``classes[product_id(row)]`` (None, shown blank and sorted last, when it has none)."""
    return Column(title, lambda r: classes.get(product_id(r)), lambda v: v or "")


def class_texts(stored: dict) -> dict[str, str]:
    """Product id → matrix cell, from ``services.planning.classes()`` (worker thread)."""
    return {pid: c.cell for pid, c in stored.items()}


def matches(choice: str | None, cell: str | None) -> bool:
    """Does a product of ``cell`` (``AX``) pass the filter ``choice`` (``A``, ``X`` or ``AX``; None passes all)?"""
    return choice is None or (bool(cell) and choice in cell)


def choice_text(choice: str) -> str:
    """A filter choice as the combo box says it: "ABC A", "XYZ X" or the cell itself."""
    if choice in ABC:
        return fill(translate("Classes", "ABC %1"), choice)
    if choice in XYZ:
        return fill(translate("Classes", "XYZ %1"), choice)
    return choice


def fill_class_combo(combo: QComboBox, all_text: str) -> None:
    """All, then every choice; the current choice is kept (signals blocked while filling)."""
    refill(combo, ((choice, choice_text(choice)) for choice in CHOICES), all_text)


def class_tooltip() -> str:
    return translate("Classes", "ABC: A the products making the first 80 % of the annual demand value (or quantity, "
                                "as Settings › Planning says), B the next 15 %, C the rest. XYZ: how steady the weekly "
                                "demand is: X varies less than half its mean (CV < 0.5), Y up to once its mean, Z "
                                "more, or too little history. From the last planning run.")
