"""The lines grid and its cell editors: numbers (digits, commas, a decimal point and, for an adjustment, a sign) and
the adjustment's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QRegularExpression
from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QTableWidget


class InputMethodToEditor:
    """For a view whose cells are typed in by any key: what an input method sends to a cell not being typed in reaches
    the cell's editor, as a key typed there does. Qt opens the editor and drops the text, so with a Chinese input
    method a clerk's １２ (or 损坏 in 原因) opened an empty-looking cell that still held its old value on Enter."""

    def inputMethodEvent(self, event) -> None:
        was_editing = self.state() == QAbstractItemView.State.EditingState
        super().inputMethodEvent(event)
        if was_editing or self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.viewport().focusWidget()
        if isinstance(editor, QLineEdit):
            editor.selectAll()  # what is typed replaces the cell, as a key pressed on it does
            QCoreApplication.sendEvent(editor, event)


class LinesGrid(InputMethodToEditor, QTableView):
    """A document's lines."""


class TypedInTable(InputMethodToEditor, QTableWidget):
    """A table whose cells are typed in by any key (the lines of a sales order being shipped)."""


class NumberDelegate(QStyledItemDelegate):
    """A line editor that accepts only digits, commas, a decimal point and (if signed) a sign, ASCII or full-width."""

    def __init__(self, signed: bool, parent=None) -> None:
        super().__init__(parent)
        sign = "[-+－＋]?" if signed else ""
        # Digits, a decimal point and commas (thousands, as in 1,250.5): a comma in any other place is
        # refused with its reason when the cell is left (domain.kernel.numbers), never read as a decimal point.
        # Their full-width forms too (１，２５０．５), which a Chinese input method in full-width mode commits and the
        # grid reads as their ASCII ones: refused here, they were dropped without a word and the cell kept its number.
        self.pattern = QRegularExpression(sign + r"[0-9０-９,，]{0,16}([.．][0-9０-９]{0,8})?")

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
