"""Which columns of a grid show: a right click on its header lists them with a tick each, and *Reset columns*; the
choice is kept in the settings (QSettings, ``tables/<key>``, as ``DataTable`` keeps a list's columns), per desk and
per user signed in, and read again when the screen is made.

A grid with many columns (the sales order's lines have seventeen) fits the everyday ones at 1280 × 800 and leaves the
rest to the clerk who wants them, as 管家婆 and 金蝶KIS let a 单据 grid's columns be chosen (列设置).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QTableView


def settings_key(name: str, user: str | None) -> str:
    """The settings key of grid ``name`` for the user signed in (none: the desk's)."""
    return f"tables/{name}" + (f"/{user}" if user else "")


class ColumnChooser:
    """The header menu of ``view``: its columns, each with a tick, and *Reset columns*.

    Args:
        view: the grid.
        key: its settings key (``settings_key``).
        widths: each column's width by default.
        hidden: the columns hidden by default.
        kept: the columns that always show (what names a line).
    """

    def __init__(self, view: QTableView, key: str, widths: dict[int, int], hidden: Iterable[int] = (),
                 kept: Iterable[int] = ()) -> None:
        self.view, self.key = view, key
        self.widths, self.hidden, self.kept = dict(widths), frozenset(hidden), frozenset(kept)
        self._quiet = False  # the defaults being laid out: nothing the user chose to keep
        self.lent: set[int] = set()  # hidden columns shown for the rows at hand (``need``), not by the user's choice
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionResized.connect(self._resized)
        self.defaults()
        self.restore()

    @property
    def header(self) -> QHeaderView:
        return self.view.horizontalHeader()

    def defaults(self) -> None:
        """The columns and widths a new desk starts with."""
        self._quiet = True
        try:
            for column in range(self.header.count()):
                self.view.setColumnHidden(column, column in self.hidden)
            for column, width in self.widths.items():
                self.view.setColumnWidth(column, width)
        finally:
            self._quiet = False

    def restore(self) -> bool:
        """The columns as the user left them (False: nothing kept, or kept for another set of columns)."""
        state = QSettings().value(self.key)
        if state is None or not self.header.restoreState(state):
            return False
        for column in self.kept:
            self.view.setColumnHidden(column, False)
        return True

    def save(self) -> None:
        self._quiet = True
        try:
            for column in self.lent:  # kept as the user left it
                self.view.setColumnHidden(column, True)
            QSettings().setValue(self.key, self.header.saveState())
            for column in self.lent:
                self.view.setColumnHidden(column, False)
        finally:
            self._quiet = False

    def need(self, column: int, needed: bool) -> None:
        """Show a hidden ``column`` while the rows at hand need it (a line sent from another warehouse than the
        order's), and hide it again after; the user's choice kept is not changed."""
        self._quiet = True
        try:
            if needed and self.view.isColumnHidden(column):
                self.lent.add(column)
                self.view.setColumnHidden(column, False)
                if self.view.columnWidth(column) < self.header.minimumSectionSize():
                    self.view.setColumnWidth(column, self.widths.get(column, self.header.defaultSectionSize()))
            elif not needed and column in self.lent:
                self.lent.discard(column)
                self.view.setColumnHidden(column, True)
        finally:
            self._quiet = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        """A width the user dragged is kept, as a column shown or hidden is (not a stretched column's, which follows
        the window)."""
        stretched = self.header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
        if not self._quiet and not stretched and self.view.isVisible():
            self.save()

    def set_shown(self, column: int, shown: bool) -> None:
        """Show or hide ``column`` (the kept ones always show) and keep the choice."""
        if column in self.kept:
            return
        self.lent.discard(column)
        self.view.setColumnHidden(column, not shown)
        if shown and self.view.columnWidth(column) < self.header.minimumSectionSize():
            self.view.setColumnWidth(column, self.widths.get(column, self.header.defaultSectionSize()))
        self.save()

    def reset(self) -> None:
        """Back to the columns and widths of a new desk; the choice kept is forgotten."""
        QSettings().remove(self.key)
        self.lent.clear()
        self.defaults()

    def build_menu(self) -> QMenu:
        """The menu: each column (its title as shown, ticked when shown), then *Reset columns*."""
        menu = QMenu(self.view)
        model = self.view.model()
        for column in range(self.header.count()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = menu.addAction(title.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.setEnabled(column not in self.kept)
            action.toggled.connect(lambda shown, c=column: self.set_shown(c, shown))
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("ColumnChooser", "&Reset columns"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, position) -> None:
        menu = self.build_menu()
        menu.exec(self.header.mapToGlobal(position))
        menu.deleteLater()
