"""One open item of a partner opened from its page: the document (a sale, a goods receipt, an invoice, money, a
return) with its dates, days overdue, original amount, what is allocated and what is open, what settled it or what
it settles, and the goods on it when it is a stock document.

The allocations are the page's own rows (already read); the lines are read on the task runner through
``services.documents``: a document's own lines, or for the payable of a line received against a purchase order (its
source is the receipt movement) the goods receipt's line that names it, under the receipt's number. A goods receipt's
lines show their unit cost and amount (before tax); a sale's do not (their cost is not what the customer owes). An
item made by money or an opening balance, or a delivery left unlinked by 0017, has no lines, and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text
from ui.refusals import refusal_text
from ui.screens.accounts.words import CTX
from ui.screens.accounts.words import AllocationsModel
from ui.screens.accounts.words import day_text
from ui.screens.accounts.words import kind_text
from ui.screens.accounts.words import translate
from ui.widgets.busy import alive
from ui.widgets.table_view import DataTable


class LinesModel(RowTableModel):
    """The goods on a stock document (``DocumentLineRow``)."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Accounts", "Product"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Accounts", "Quantity"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Unit"), lambda r: r.unit),
        Column(QT_TRANSLATE_NOOP("Accounts", "Unit cost"), lambda r: r.unit_cost, price_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Amount"), lambda r: line_amount(r), money_text, True),
    )
    COST_COLUMNS = (4, 5)


def line_amount(row):
    """A line's quantity at its unit cost (before tax), or None when it has no cost."""
    return row.qty * row.unit_cost if row.qty is not None and row.unit_cost is not None else None


# the kinds of item whose lines are valued at what the supplier charges (cost), so their cost is shown
COSTED_KINDS = frozenset({"goods_receipt", "supplier_return"})


def settles_this(row, number: str) -> bool:
    """Whether an allocation row is on the item numbered ``number``, on either end."""
    return number in (row.credit_number, row.debit_number)


class ItemDialog(QDialog):
    """The document of an open item (``OpenItemRow``), read-only."""

    def __init__(self, services, row, allocations, parent=None) -> None:
        super().__init__(parent)
        self.services, self.row = services, row
        self.fields = QFormLayout()
        self.values: dict[str, QLabel] = {}
        r = row
        owed = r.amount > 0
        facts = [
            (QT_TRANSLATE_NOOP("Accounts", "Number"), r.number),
            (QT_TRANSLATE_NOOP("Accounts", "Kind"), kind_text(r.kind)),
            (QT_TRANSLATE_NOOP("Accounts", "Date"), day_text(r.business_date)),
            (QT_TRANSLATE_NOOP("Accounts", "Due"), day_text(r.due_on)),
            (QT_TRANSLATE_NOOP("Accounts", "Days overdue"), str(r.days_overdue) if r.days_overdue else ""),
            (QT_TRANSLATE_NOOP("Accounts", "Amount"), money_text(abs(r.amount))),
            (QT_TRANSLATE_NOOP("Accounts", "Allocated"), money_text(r.allocated)),
            (QT_TRANSLATE_NOOP("Accounts", "Open"), money_text(r.open if owed else -r.open)),
        ]
        self.labels: list[tuple[QLabel, str]] = []
        for caption, value in facts:
            label, shown = QLabel(self), QLabel(value, self)
            self.labels.append((label, caption))
            self.values[caption] = shown
            self.fields.addRow(label, shown)
        self.alloc_label = QLabel(self)
        self.alloc_model = AllocationsModel(self)
        self.alloc_model.set_rows([a for a in allocations if settles_this(a, r.number)])
        self.alloc_view = DataTable("accounts-item-allocations", self)
        self.alloc_view.setModel(self.alloc_model)
        self.alloc_view.set_widths({0: 130, 1: 80, 2: 130, 3: 80, 4: 90, 5: 90})
        self.lines_label = QLabel(self)
        self.lines_model = LinesModel(self)
        self.lines_view = DataTable("accounts-item-lines", self)
        self.lines_view.setModel(self.lines_model)
        self.lines_view.set_widths({0: 110, 1: 200, 2: 80, 3: 50, 4: 90, 5: 100})
        for column in LinesModel.COST_COLUMNS:
            self.lines_view.setColumnHidden(column, row.kind not in COSTED_KINDS)
        self.lines_number = ""  # the document the lines are on, when it is not the item's number
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.alloc_label)
        layout.addWidget(self.alloc_view, 1)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.lines_view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.lines_loaded = False
        self.resize(680, 560)
        self.retranslate()
        self._load_lines()

    def _load_lines(self) -> None:
        source, documents = self.row.source_id, self.services.documents
        if not source:
            self._lines_shown(("", []))
            return

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.lines_label.setText(refusal_text(exc))
                self.lines_loaded = True

        self.services.tasks.submit(lambda: documents.source_lines(source), self._lines_shown, failed)

    def _lines_shown(self, found) -> None:
        if not alive(self):
            return
        number, lines = found
        self.lines_number = number if number != self.row.number else ""
        self.lines_model.set_rows(lines)
        self.lines_loaded = True
        self.lines_view.setVisible(bool(lines))
        self._say_lines()

    def _say_lines(self) -> None:
        if not self.lines_loaded:
            self.lines_label.setText("")
        elif self.lines_model.rowCount() and self.lines_number:
            # %1 the goods receipt's number (GR-…): the item carries its order's
            self.lines_label.setText(fill(translate("Accounts", "Goods received on %1"), self.lines_number))
        elif self.lines_model.rowCount():
            self.lines_label.setText(translate("Accounts", "Goods on the document"))
        else:
            self.lines_label.setText(translate("Accounts", "No goods lines: this item is money or an opening balance, "
                                                           "or a delivery received before its lines were linked to "
                                                           "their stock movements."))

    def retranslate(self) -> None:
        self.setWindowTitle(fill(translate("Accounts", "%1 — %2"), kind_text(self.row.kind), self.row.number))
        for label, caption in self.labels:
            label.setText(translate("Accounts", caption))
        self.alloc_label.setText(translate("Accounts", "Settled by or settling") if self.alloc_model.rowCount()
                                 else translate("Accounts", "Nothing is allocated to it yet."))
        self.close_button.setText(translate("Accounts", "Close"))
        self.alloc_model.retranslate()
        self.lines_model.retranslate()
        self._say_lines()
