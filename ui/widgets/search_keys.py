"""From a list's search box into the list and on to what a row opens, by keyboard (``SearchIntoList``).

↓ in the search box makes the first row found current and gives the list the keyboard; Enter there does the same and
opens the row when the search found only it; Enter on a row opens it; ↑ on the first row goes back to the search
box. Without it the list was reached only by mouse or a run of Tabs, and Enter did nothing anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLineEdit

PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchIntoList(QObject):
    """Watches ``search`` and ``table``; ``open_current()`` opens the list's current row."""

    def __init__(self, search: QLineEdit, table: QAbstractItemView, open_current: Callable[[], None]) -> None:
        super().__init__(table)
        self.search, self.table, self.open_current = search, table, open_current
        search.installEventFilter(self)
        table.installEventFilter(self)

    def into_list(self, open_single: bool = False) -> None:
        model = self.table.model()
        if model is None or not model.rowCount():
            QApplication.beep()  # nothing found: the cursor stays in the search box
            return
        first = model.index(0, 0)
        self.table.setCurrentIndex(first)
        self.table.scrollTo(first)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if open_single and model.rowCount() == 1:
            self.open_current()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() not in PLAIN:
            return False
        key = event.key()
        if watched is self.search and (key == Qt.Key.Key_Down or key in ENTER):
            self.into_list(open_single=key in ENTER)
            return True
        if watched is self.table and key in ENTER and self.table.currentIndex().isValid():
            self.open_current()
            return True
        if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search.selectAll()
            return True
        return False
