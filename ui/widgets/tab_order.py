"""The keyboard's way through a screen: Tab in a set order (``chain_tabs``), and whether a screen being shown may take
the keyboard (``browsing_screens``).

A document screen reads, and is tabbed through, header → lines → buttons: the partner, date and warehouse first, then
the scan field and the lines, then what acts on the document. Qt tabs in the order widgets were made, which follows
how the code builds them rather than how the screen reads, so each screen names its order once.
"""

from __future__ import annotations

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
