"""The keyboard's way through a screen: Tab in a set order (``chain_tabs``), and whether a screen being shown may take
the keyboard (``browsing_screens``).

A document screen reads, and is tabbed through, header → lines → buttons: the partner, date and warehouse first, then
the scan field and the lines, then what acts on the document. Qt tabs in the order widgets were made, which follows
how the code builds them rather than how the screen reads, so each screen names its order once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget


def chain_tabs(*widgets: QWidget) -> None:
    """Tab goes from each of ``widgets`` to the next (a hidden or disabled one is passed over when tabbing)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def browsing_screens(screen: QWidget) -> bool:
    """Whether the keyboard is in a list outside ``screen`` with no mouse button down: the clerk is going through the
    navigation list with the arrow keys, and ``screen`` is only passed over (or about to be entered with Tab at its
    first field). A screen shown then leaves the keyboard where it is; shown by a click, it takes it."""
    focused = screen.window().focusWidget()  # the window's, active or not yet
    return (isinstance(focused, QAbstractItemView) and not screen.isAncestorOf(focused)
            and QApplication.mouseButtons() == Qt.MouseButton.NoButton)


def edit_next_typed_cell(view: QAbstractItemView, forward: bool, columns: Iterable[int] | None = None) -> bool:
    """Open the editor of the next cell after the current one that can be typed in (``forward`` False: the one
    before), row by row in the order the columns show, passing over hidden columns and cells that cannot be typed in
    (and, with ``columns``, the columns not named). False when there is none.

    Tab in a cell being typed moved the grid's cursor to the next cell of any kind, the unit or the amount, where
    typing did nothing; and a column the clerk hid must not take a keystroke."""
    model, current = view.model(), view.currentIndex()
    if model is None or not current.isValid():
        return False
    header = view.horizontalHeader()
    named = None if columns is None else set(columns)
    order = [header.logicalIndex(v) for v in range(header.count())]
    order = [c for c in order if not header.isSectionHidden(c) and (named is None or c in named)]
    position = (current.row(), header.visualIndex(current.column()))
    rows = range(current.row(), model.rowCount()) if forward else range(current.row(), -1, -1)
    for row in rows:
        for column in order if forward else reversed(order):
            index = model.index(row, column)
            here = (row, header.visualIndex(column))
            if (here > position if forward else here < position) and index.flags() & Qt.ItemFlag.ItemIsEditable:
                view.setCurrentIndex(index)
                view.edit(index)
                return True
    return False
