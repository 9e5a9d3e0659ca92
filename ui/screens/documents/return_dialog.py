"""What a return dialog is, whichever way the goods go (``ReturnDialog``): a heading, the returnable lines of one
posted document in a read-only table, the quantity preset to what can still go back, a reason (required), a
message line and Post return / Cancel.

``CustomerReturnDialog`` (``sales_returns``) and ``SupplierReturnDialog`` (``supplier_returns``) say what their
lines are (``cells``), where they come from (the loader handed to ``load``) and what posting does; their words stay
in their own translation contexts, so each is handed in already translated.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.errors import DomainError
from domain.kernel.numbers import fmt
from ui.models.document_lines import typed_positive
from ui.refusals import refusal_text
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.widgets.busy import alive

NAME_COLUMN = 1  # every return table starts with SKU, Name; the columns after them are numbers


class ReturnDialog(QDialog):
    """The shared shape; a subclass gives its words, its ``cells`` and its ``post``."""

    def __init__(self, services, *, title: str, head: str, headers: Sequence[str], reason_max: int,
                 reason_hint: str, ok_text: str, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.lines: list = []
        self.setWindowTitle(title)
        self.head = QLabel(head, self)
        self.head.setWordWrap(True)
        self.table = QTableWidget(0, len(headers), self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the lines for the quantity and the reason: it went from cell to cell and never reached them, so a
        # return could not be entered from the keyboard (arrows choose the line)
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(NAME_COLUMN, 220)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.qty = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(reason_max)
        self.reason.setPlaceholderText(reason_hint)
        for edit in (self.qty, self.reason):
            edit.textChanged.connect(self._check)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(RED)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
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
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for column, text in enumerate(self.cells(line)):
                item = QTableWidgetItem(text)
                if column > NAME_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)
        if lines:
            self.table.selectRow(0)
            self._chosen(0)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.qty.setText(fmt(self.lines[row].returnable))
        self._check()

    def chosen(self):
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _quantity(self) -> Decimal | None:
        return typed_positive(self.qty.text())

    def _ready(self) -> bool:
        return self.chosen() is not None and self._quantity() is not None and bool(self.reason.text().strip())

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
