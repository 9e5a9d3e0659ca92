"""What a return dialog is, whichever way the goods go (``ReturnDialog``): a heading, the returnable lines of one
posted document in a table with a quantity column beside them, a reason (required), a message line and Post return /
Return all / Cancel.

The quantity column starts empty, so a slip of Enter returns nothing; Return all fills each line with what it can
still return, and a quantity above that is refused as it is typed, naming the line and the most it takes. A customer
return and a return to the supplier work alike: the customer return preset the chosen line's whole quantity below
the table, one product a return, while the supplier return started empty beside each line.

``CustomerReturnDialog`` (``sales_returns``) and ``SupplierReturnDialog`` (``supplier_returns``) say what their
lines are (``cells``), where they come from (the loader handed to ``load``), how the typed quantities are checked
(``chosen_lines``) and what posting does; their words stay in their own translation contexts, so each is handed in
already translated.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.errors import DomainError
from domain.kernel.numbers import fmt
from ui.refusals import refusal_text
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.widgets.busy import alive

NAME_COLUMN = 1  # every return table starts with SKU, Name; the columns after them are numbers


class ReturnDialog(QDialog):
    """The shared shape; a subclass gives its words, its ``cells`` and its ``post``."""

    def __init__(self, services, *, title: str, head: str, headers: Sequence[str], reason_max: int,
                 reason_hint: str, ok_text: str, quantity_title: str, all_text: str, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.lines: list = []
        self._filling = False
        self.setWindowTitle(title)
        self.head = QLabel(head, self)
        self.head.setWordWrap(True)
        titles = [*headers, quantity_title]
        self.quantity_column = len(headers)
        self.table = QTableWidget(0, len(titles), self)
        self.table.verticalHeader().setVisible(False)
        # Tab leaves the lines for the reason: it went from cell to cell and never reached it, so a return could not
        # be entered from the keyboard (arrows choose the cell whose quantity is typed)
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels(titles)
        # only the quantity column's cells are editable (their flags say so); every column in sight (the SKU was
        # scrolled out to the left): the numbers as wide as they need, the quantity typed room for a few digits,
        # the name the rest
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.quantity_column, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(self.quantity_column, 90)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.itemChanged.connect(self._quantity_changed)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(reason_max)
        self.reason.setPlaceholderText(reason_hint)
        self.reason.textChanged.connect(self._check)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(RED)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.all_button = QPushButton(all_text, self)
        self.all_button.setAutoDefault(False)  # Enter never fills every line
        self.all_button.clicked.connect(self.return_all)
        self.buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.post)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def load(self, read: Callable[[], list]) -> None:
        """Read the returnable lines on the task runner; the table fills when they arrive."""
        self._check()
        self.services.tasks.submit(read, on_done=self._loaded, on_error=self._failed)

    def cells(self, line) -> Sequence[str]:
        """The texts of one line's row, in the order of the headers."""
        raise NotImplementedError

    def post(self) -> None:
        raise NotImplementedError

    def _loaded(self, lines) -> None:
        if not alive(self):
            return
        self.lines = lines
        self._filling = True
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for column, text in enumerate([*self.cells(line), ""]):
                item = QTableWidgetItem(text)
                if column > NAME_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column != self.quantity_column:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, column, item)
        self._filling = False
        if lines:  # the cursor on the first line's quantity, empty: type it, or Return all
            self.table.setCurrentCell(0, self.quantity_column)
            self.table.horizontalScrollBar().setValue(0)
        self._check()

    def typed(self) -> list[str]:
        """The text of each line's quantity cell, in the order of ``lines``."""
        return [self.table.item(r, self.quantity_column).text() for r in range(len(self.lines))]

    def set_quantity(self, row: int, text: str) -> None:
        self.table.item(row, self.quantity_column).setText(text)

    def return_all(self) -> None:
        """Fill each line's quantity with all it can still return (a line with nothing left stays empty)."""
        self._filling = True
        for r, line in enumerate(self.lines):
            self.set_quantity(r, fmt(line.returnable) if line.returnable > 0 else "")
        self._filling = False
        self._quantity_changed()

    def _quantity_changed(self, *_) -> None:
        if self._filling:
            return
        self.message.clear()
        try:
            self.chosen_lines()
        except DomainError as exc:
            self.say(refusal_text(exc), error=True)
        self._check()

    def chosen_lines(self) -> tuple:
        """The lines to return as typed (a subclass checks them with its use case's rule); raises ``BadInput``."""
        raise NotImplementedError

    def _ready(self) -> bool:
        try:
            lines = self.chosen_lines()
        except DomainError:
            return False
        return bool(lines) and bool(self.reason.text().strip())

    def _check(self, *_) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready())

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.buttons.setEnabled(True)
        self._check()
        self.say(refusal_text(exc) if isinstance(exc, DomainError) else str(exc), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(RED if error else GREEN)
        self.message.setText(text)
