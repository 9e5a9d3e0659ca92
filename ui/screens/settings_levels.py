"""Settings › Price levels: the levels a product's list prices and a customer's terms are set at, by name.

Retail and wholesale are built in (named in the reader's language, never retired). Up to three more are the
office's: Add level names the next free one, Rename gives the selected one the name typed, Retire stops offering one
that no list price and no customer uses (``domain.sales.levels``; a level in use is refused, saying how many use it).
The names are office-wide settings, synced to every desk like the others, so the page reads them again when the
window hears of a change (``data_changed``). Changing them is a manager's (the price permission).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.errors import BadInput
from domain.sales import levels
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.screens.product_selling import level_name
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

NAME, PRICES, CUSTOMERS, STATE = range(4)


class PriceLevelsPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.levels: list[levels.PriceLevel] = []
        self._running = 0  # reads and changes under way
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (PRICES, CUSTOMERS, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setMaxLength(levels.NAME_MAX)
        self.name_label.setBuddy(self.name)
        self.name.returnPressed.connect(self.add_level)
        self.add_button, self.rename_button = QPushButton(self), QPushButton(self)
        self.retire_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_level)
        self.rename_button.clicked.connect(self.rename_level)
        self.retire_button.clicked.connect(self.retire_level)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = BusyBar(self)

        entry = QHBoxLayout()
        for widget, stretch in ((self.name_label, 0), (self.name, 1), (self.add_button, 0), (self.rename_button, 0),
                                (self.retire_button, 0)):
            entry.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.retranslate()
        self._selected()
        self.refresh()

    # -- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        uow = self.services.reader
        self._run(lambda: levels.price_levels(uow()), self._loaded)

    def data_changed(self, _generation: int = 0) -> None:
        """Another desk's names came with a sync (the Settings screen passes the change on): shown as they are now."""
        self.refresh()

    def _loaded(self, rows: list[levels.PriceLevel]) -> None:
        chosen = self.chosen()
        self.levels = rows
        self.table.setRowCount(len(rows))
        for row, level in enumerate(rows):
            for column, value in ((PRICES, level.prices), (CUSTOMERS, level.customers)):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            for column in (NAME, STATE):
                self.table.setItem(row, column, QTableWidgetItem())
        self._retranslate_rows()
        if chosen is not None:
            self.table.selectRow(next(i for i, x in enumerate(rows) if x.level == chosen.level))
        self._selected()

    def chosen(self) -> levels.PriceLevel | None:
        rows = self.table.selectionModel().selectedRows()
        return self.levels[rows[0].row()] if rows and rows[0].row() < len(self.levels) else None

    def _selected(self) -> None:
        """Rename and Retire act on the selected extra level in use; its name is put in the field to be changed."""
        level = self.chosen()
        if level is not None and not level.built_in and level.in_use:
            self.name.setText(level.name)
        self._enable()

    def _enable(self) -> None:
        """Nothing is asked while a change or a read is under way; Rename and Retire need an extra level in use."""
        level, idle = self.chosen(), not self._running
        extra = level is not None and not level.built_in and level.in_use
        self.add_button.setEnabled(idle)
        self.rename_button.setEnabled(idle and extra)
        self.retire_button.setEnabled(idle and extra)

    # -- changing ------------------------------------------------------------------------
    def add_level(self) -> None:
        uow, command = self.services.uow, levels.AddLevel(self.name.text())
        self._run(lambda: levels.add_level(uow(), command), lambda level: self._done(fill(
            translate("PriceLevelsPage", "Added the price level %1."), command.name.strip()), level))

    def rename_level(self) -> None:
        level = self.chosen()
        if level is None:
            return
        uow, command = self.services.uow, levels.RenameLevel(level.level, self.name.text())
        self._run(lambda: levels.rename_level(uow(), command), lambda _: self._done(fill(
            translate("PriceLevelsPage", "Renamed %1 to %2."), level.name, command.name.strip()), level.level))

    def retire_level(self) -> None:
        level = self.chosen()
        if level is None:
            return
        uow, command = self.services.uow, levels.RetireLevel(level.level)
        self._run(lambda: levels.retire_level(uow(), command), lambda _: self._done(fill(
            translate("PriceLevelsPage", "Retired the price level %1: products and customers no longer offer it."),
            level.name), None))

    def _done(self, text: str, level: str | None) -> None:
        self._say(text)
        self.name.clear()
        self.table.clearSelection()
        self.refresh()

    # -- plumbing ------------------------------------------------------------------------
    def _run(self, fn, on_done) -> None:
        self._running += 1
        self.busy_bar.busy(True)
        self._enable()

        def finish() -> None:
            self._running -= 1
            self.busy_bar.busy(bool(self._running))
            self._enable()

        def done(result) -> None:
            if alive(self):
                finish()
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            finish()
            if isinstance(exc, BadInput) and exc.field == "level name":
                self._say(translate("PriceLevelsPage", "Name: enter the level's name, such as VIP or 经销商 (at "
                                                       "most 64 characters)."), error=True)
            else:
                self._say(fill(translate("PriceLevelsPage", "Refused: %1"), refusal_text(exc)), error=True)

        self.services.tasks.submit(fn, done, failed)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1a7f37;")
        self.message.setText(text)

    def _retranslate_rows(self) -> None:
        for row, level in enumerate(self.levels):
            if level.built_in:
                state = translate("PriceLevelsPage", "built in")
            elif level.in_use:
                state = translate("PriceLevelsPage", "in use")
            else:
                state = translate("PriceLevelsPage", "free")
            names = {level.level: level.name} if level.name else {}
            self.table.item(row, NAME).setText(level_name(level.level, names) if level.in_use else "")
            self.table.item(row, STATE).setText(state)

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "PriceLevelsPage", "The levels a product's list prices and a customer's terms are set at. Retail and "
                               "wholesale are built in; add up to three more of your own (such as VIP or 经销商), "
                               "rename them, and retire one that no price and no customer uses any more. Every desk "
                               "of the office shares these names."))
        self.table.setHorizontalHeaderLabels([
            translate("PriceLevelsPage", "Level"), translate("PriceLevelsPage", "Products priced"),
            translate("PriceLevelsPage", "Customers"), translate("PriceLevelsPage", "Status")])
        self.name_label.setText(translate("PriceLevelsPage", "Name:"))
        self.name.setPlaceholderText(translate("PriceLevelsPage", "e.g. VIP"))
        self.add_button.setText(translate("PriceLevelsPage", "Add level"))
        self.rename_button.setText(translate("PriceLevelsPage", "Rename"))
        self.retire_button.setText(translate("PriceLevelsPage", "Retire"))
        self._retranslate_rows()
