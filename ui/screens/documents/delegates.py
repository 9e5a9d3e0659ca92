"""The cell editors of the lines grid: numbers (digits, commas, a decimal point and, for an adjustment, a sign) and
the adjustment's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QStyledItemDelegate


class NumberDelegate(QStyledItemDelegate):
    """A line editor that accepts only digits, commas, a decimal point and (if signed) a minus sign."""

    def __init__(self, signed: bool, parent=None) -> None:
        super().__init__(parent)
        sign = "[-+]?" if signed else ""
        # Digits, a decimal point and commas (thousands, as in 1,250.5): a comma in any other place is
        # refused with its reason when the cell is left (domain.kernel.numbers), never read as a decimal point.
        self.pattern = QRegularExpression(sign + r"[0-9,]{0,16}(\.[0-9]{0,8})?")

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(self.pattern, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor


class TextDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setMaxLength(200)
        return editor
