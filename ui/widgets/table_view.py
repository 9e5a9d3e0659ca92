"""A table view that remembers its column widths and order (QSettings) per screen."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QTableView


def fit_titles(view: QTableView) -> None:
    """Widen every column of ``view`` whose title does not fit it ("ead time (days)", "Warehous", "交期前可承"), the
    stretched last one aside; never narrows one."""
    header = view.horizontalHeader()
    last = header.logicalIndex(header.count() - 1)
    for section in range(header.count()):
        if header.isSectionHidden(section) or (section == last and header.stretchLastSection()):
            continue
        need = header.sectionSizeHint(section)
        if header.sectionSize(section) < need:
            header.resizeSection(section, need)


class DataTable(QTableView):
    def __init__(self, settings_key: str, parent=None) -> None:
        super().__init__(parent)
        self.settings_key = settings_key
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setDefaultSectionSize(86)
        header.setMinimumSectionSize(40)
        self._restored = False

    def setModel(self, model) -> None:
        super().setModel(model)
        self.horizontalHeader().setSortIndicator(-1, self.horizontalHeader().sortIndicatorOrder())
        self.restore_state()
        self.fit_titles()
        model.headerDataChanged.connect(self.fit_titles)  # a new language: longer titles
        model.modelReset.connect(self.fit_titles)
        # A reload (F5, or the database changed) keeps the current row and the scroll position.
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)

    KEY_COLUMNS = 3  # a row is known again by the texts of its first columns (e.g. SKU, name, warehouse)

    def _row_key(self, model, row: int) -> tuple:
        return tuple(model.index(row, c).data() for c in range(min(self.KEY_COLUMNS, model.columnCount())))

    def _remember_current(self) -> None:
        index = self.currentIndex()
        self._kept = (self._row_key(self.model(), index.row()), index.column(),
                      self.verticalScrollBar().value(), index.row()) if index.isValid() else None

    def _restore_current(self) -> None:
        kept, self._kept = getattr(self, "_kept", None), None
        model = self.model()
        if kept is None or model is None:
            return
        key, column, scroll, was = kept
        rows = range(model.rowCount())
        for row in ([was] if was < len(rows) else []) + list(rows):  # most reloads keep the order: look there first
            if self._row_key(model, row) == key:
                self.setCurrentIndex(model.index(row, column))
                self.verticalScrollBar().setValue(scroll)
                return

    def set_widths(self, widths: dict[int, int]) -> None:
        """Default widths, used until the user has resized columns."""
        if self._restored:
            return
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.fit_titles()

    def fit_column(self, column: int, most: int) -> None:
        """Widen ``column`` to its cells' text, to ``most`` pixels at most, until the user has resized columns (their
        widths are kept); never narrows it."""
        if not self._restored:
            self.setColumnWidth(column, max(self.columnWidth(column), min(self.sizeHintForColumn(column), most)))

    def default_order(self, columns: list[int]) -> None:
        """Show these columns first, in this order (the others follow as they were), until the user has moved or
        resized columns (their layout, restored from the settings, is kept)."""
        if self._restored:
            return
        header = self.horizontalHeader()
        for visual, column in enumerate(columns):
            header.moveSection(header.visualIndex(column), visual)

    def default_sort(self, column: int, order: Qt.SortOrder) -> None:
        """The order rows are shown in until the user sorts by a column (a sort the user chose is restored with
        the columns and kept)."""
        if self.horizontalHeader().sortIndicatorSection() < 0:
            self.sortByColumn(column, order)

    def fit_titles(self, *_) -> None:
        """Widen every column whose title does not fit it, in either language; leaves alone the widths the user
        chose (restored from the settings)."""
        if not self._restored and self.model() is not None:
            fit_titles(self)

    def restore_state(self) -> None:
        state = QSettings().value(f"tables/{self.settings_key}")
        if state is not None and self.model() is not None:
            self._restored = bool(self.horizontalHeader().restoreState(state))

    def save_state(self) -> None:
        QSettings().setValue(f"tables/{self.settings_key}", self.horizontalHeader().saveState())
