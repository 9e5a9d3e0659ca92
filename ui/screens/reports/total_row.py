"""The report's totals row (合计) pinned under its table: it stays in sight however far the rows are scrolled.

The total was the table's last row and scrolled away with a long report, so a clerk matching the margin against a
statement scrolled to the end and back. Here the table hides its last row and a one-row view of the same model
under it shows the total, its columns as wide as the table's and scrolled sideways with it.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QTableView


class _TotalOnly(QSortFilterProxyModel):
    """The sheet model's totals row alone."""

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt's name
        return self.sourceModel().is_total(row)


class TotalRow(QTableView):
    """The totals row of ``table``'s sheet model, under it; hidden while the sheet has no total."""

    def __init__(self, table: QTableView, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.proxy = _TotalOnly(self)
        self.proxy.setSourceModel(table.model())
        self.setModel(self.proxy)
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(table.frameShape())  # its cells right under the table's
        self.setFixedHeight(self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        table.horizontalHeader().sectionResized.connect(lambda i, _old, new: self.setColumnWidth(i, new))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self._hidden: int | None = None  # the table's row hidden: its total
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged):
            signal.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        """After the sheet changed or was sorted: the table without its total, this row with it, columns alike."""
        model = self.table.model()
        if self._hidden is not None and self._hidden < model.rowCount():
            self.table.setRowHidden(self._hidden, False)
        self._hidden = model.rowCount() - 1 if model.has_total() else None
        if self._hidden is not None:
            self.table.setRowHidden(self._hidden, True)
        for i in range(model.columnCount()):
            self.setColumnWidth(i, self.table.columnWidth(i))
        self.setVisible(model.has_total())
        self.horizontalScrollBar().setValue(self.table.horizontalScrollBar().value())
