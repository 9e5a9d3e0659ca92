"""The Receivables (应收) and Payables (应付) screens: one class, two sides.

Above, the ageing bars of the partners shown; below, one row per partner with its balance, credit, the five ageing
bands, what is overdue and its oldest due date, and a totals row under the list that follows the filters (text,
overdue only, settled partners too, the as-of date). A double-click opens the partner's page (open items, money,
allocations, the statement); New receipt/payment records money; Export to Excel writes the list as shown with its
totals, through the exports' one safe cell writer.

Seeing it needs ``Permission.ACCOUNTS``: the main window does not list it for a role without it, and the screen
itself says so instead of reading anything if it is shown all the same.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.accounts.ageing import Basis
from domain.accounts.ageing import Scheme
from domain.accounts.ageing_choice import SetAgeing
from domain.accounts.ageing_choice import ageing_scheme
from domain.accounts.ageing_choice import set_ageing
from domain.accounts.foreign import foreign_balances
from ui.access import needs_text
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import RowRole
from ui.refusals import refusal_text
from ui.screens.accounts.chart import AgeingChart
from ui.screens.accounts.words import AP
from ui.screens.accounts.words import AR
from ui.screens.accounts.words import BalancesModel
from ui.screens.accounts.words import TotalsModel
from ui.screens.accounts.words import side_title
from ui.screens.accounts.words import totals_of
from ui.screens.accounts.words import translate
from ui.search import needle
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.screen import ERROR_STYLE
from ui.widgets.screen import Screen
from ui.widgets.search_keys import SearchIntoList
from ui.widgets.table_view import DataTable

NAME_WIDTH = 170  # the name column's least width: it takes whatever the others leave of the list's width
WIDTHS = {0: 64, 1: NAME_WIDTH, 2: 92, 3: 82, 4: 82, 5: 82, 6: 82, 7: 82, 8: 82, 9: 86, 10: 84}


def with_foreign(uow, accounts, side: str, day: date, rows: list) -> list:
    """Payables' rows each with its foreign supplier's balance in its own currency at the documents' own rates
    (``domain.accounts.foreign``), from the open items at ``day`` (on the task runner); receivables' as they are."""
    if side != AP:
        return rows
    found = foreign_balances(uow(), accounts.open_items(side, as_of=day), day)
    return [replace(r, currency=found[r.partner_id].currency, in_currency=found[r.partner_id].amount)
            if r.partner_id in found else r for r in rows]


def may_see(role: str | None) -> bool:
    """Whether ``role`` sees what partners owe (sign-in off: everyone)."""
    return role is None or allows(role, Permission.ACCOUNTS)


class BalancesScreen(Screen):
    SIDE = AR
    follows_data = True  # a list to look at: it reloads when the database changes

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.side = self.SIDE
        self.allowed = may_see(services.role)
        self.page = None  # the partner page last opened
        self.dialog = None  # the money entry last opened

        self.model = BalancesModel(self)
        self.model.side = self.side
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(needle(text)))
        self.overdue_only = QCheckBox(self)
        self.overdue_only.toggled.connect(self._filters_changed)
        self.settled_too = QCheckBox(self)
        self.settled_too.toggled.connect(self._filters_changed)
        self.as_of_label = QLabel(self)
        self.as_of = DayEdit(parent=self)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.as_of_label.setBuddy(self.as_of)
        # How the list ages (the office's choice, kept in its settings): by due date or by the document's date,
        # and where the bands end. Changing either saves it and reads the list again.
        self.basis_label = QLabel(self)
        self.basis = QComboBox(self)
        self.basis.addItem("", Basis.DUE.value)
        self.basis.addItem("", Basis.DATE.value)
        self.basis.currentIndexChanged.connect(lambda _i: self.apply_ageing())
        self.basis_label.setBuddy(self.basis)
        self.bands_label = QLabel(self)
        self.bands = QLineEdit(Scheme().text(), self)
        self.bands.setMaximumWidth(110)
        self.bands.editingFinished.connect(self.apply_ageing)
        self.bands_label.setBuddy(self.bands)
        self.scheme = Scheme()

        self.receipt_button = QPushButton(self)
        self.receipt_button.clicked.connect(lambda: self.new_money())
        self.page_button = QPushButton(self)
        self.page_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)

        self.chart = AgeingChart(self)
        self.chart.setMinimumHeight(150)
        self.table = DataTable(f"accounts-{self.side.lower()}", self)
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSectionsMovable(False)  # the totals row below keeps the same columns
        # payables: the balance in the supplier's currency beside the balance, the columns after it one on; wide
        # enough for a currency far below ours, whose figures run long ("690,835.36 VND")
        self.table.set_widths(WIDTHS if self.side != AP else
                              {**{k + (k > 2): v for k, v in WIDTHS.items()}, 3: 124})
        self.table.horizontalHeader().setStretchLastSection(False)  # the spare width goes to the name instead
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a cut name keeps its start and its end
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self.open_partner(self.proxy.data(index, RowRole)))
        self.totals_model = TotalsModel(self)
        self.totals_model.side = self.side
        self.totals = QTableView(self)
        self.totals.setModel(self.totals_model)
        self.totals.horizontalHeader().hide()
        self.totals.verticalHeader().hide()
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.horizontalHeader().setStretchLastSection(True)
        self.totals.setStyleSheet("QTableView { font-weight: bold; background: #f1f3f5; }")
        row_height = self.fontMetrics().height() + 10
        self.totals.verticalHeader().setDefaultSectionSize(row_height)
        self.totals.setFixedHeight(row_height + 4)
        self.table.horizontalHeader().sectionResized.connect(lambda i, _old, new: self.totals.setColumnWidth(i, new))
        self.table.horizontalScrollBar().valueChanged.connect(self.totals.horizontalScrollBar().setValue)
        self._copy_widths()
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._shown_changed)
        self.summary = QLabel(self)
        self.refused = QLabel(self)
        self.refused.setStyleSheet(ERROR_STYLE)
        self.refused.setWordWrap(True)
        self.refused.hide()
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        self.keys = SearchIntoList(self.search, self.table, self.open_selected)  # type a name, Enter: its page
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.new_money())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.settled_too)
        filters.addSpacing(12)
        filters.addWidget(self.as_of_label)
        filters.addWidget(self.as_of)
        filters.addStretch(1)
        filters.addWidget(self.receipt_button)
        filters.addWidget(self.page_button)
        filters.addWidget(self.export_button)
        ageing = QHBoxLayout()  # how the chart and the bands age, under the filters
        ageing.addWidget(self.basis_label)
        ageing.addWidget(self.basis)
        ageing.addSpacing(12)
        ageing.addWidget(self.bands_label)
        ageing.addWidget(self.bands)
        ageing.addStretch(1)
        below = QSplitter(Qt.Orientation.Vertical, self)
        below.addWidget(self.chart)
        list_box = QWidget(self)
        box = QVBoxLayout(list_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.table, 1)
        box.addWidget(self.totals)
        below.addWidget(list_box)
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 3)
        below.setSizes([190, 480])
        self.splitter = below
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(ageing)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.refused)
        layout.addWidget(below, 1)
        layout.addWidget(self.summary)
        self._filters_changed()
        self.retranslate()
        if self.allowed:
            self.refresh()
        else:
            self._refuse()

    # -- loading ---------------------------------------------------------------------------
    def _refuse(self) -> None:
        for widget in (self.search, self.overdue_only, self.settled_too, self.as_of, self.receipt_button,
                       self.page_button, self.export_button, self.basis, self.bands):
            widget.setEnabled(False)
        self.refused.setText(fill(translate("Accounts", "Balances are not shown: %1"), needs_text(Permission.ACCOUNTS)))
        self.refused.show()

    def as_of_date(self) -> date:
        return self.as_of.date().toPython()

    def refresh(self) -> None:
        if not self.allowed:
            return
        side, day, accounts, uow = self.side, self.as_of_date(), self.services.accounts, self.services.reader

        def job():
            scheme = ageing_scheme(uow())  # the office's, which another desk may have changed
            return scheme, with_foreign(uow, accounts, side, day, accounts.balances(side, day, scheme))

        self.load(job, self._show)

    def apply_ageing(self) -> None:
        """Keep the basis and bands chosen as the office's and read the list in them; bands that do not read say
        so beside the list and change nothing."""
        if not self.allowed:
            return
        command = SetAgeing(str(self.basis.currentData()), self.bands.text())
        if (command.basis, command.bands.strip()) == (self.scheme.basis.value, self.scheme.text()):
            return
        side, day, accounts, uow = self.side, self.as_of_date(), self.services.accounts, self.services.uow

        def job():
            scheme = set_ageing(uow(), command)
            return scheme, with_foreign(uow, accounts, side, day, accounts.balances(side, day, scheme))

        self.load(job, self._show)

    def _show(self, result) -> None:
        scheme, rows = result
        self.scheme = scheme
        for widget in (self.basis, self.bands):
            widget.blockSignals(True)
        self.basis.setCurrentIndex(max(0, self.basis.findData(scheme.basis.value)))
        self.bands.setText(scheme.text())
        for widget in (self.basis, self.bands):
            widget.blockSignals(False)
        self.chart.set_scheme(scheme)
        self.totals_model.set_scheme(scheme)
        self.model.set_scheme(scheme)
        self._copy_widths()
        self.model.set_rows(rows)
        self.fit_name()

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(fill(translate("Accounts", "Could not load the balances: %1"), refusal_text(exc)))
        self.error_label.show()

    # -- filters, totals, chart -------------------------------------------------------------
    def _filters_changed(self) -> None:
        self.proxy.set_filter("overdue", (lambda i, r: r.overdue > 0) if self.overdue_only.isChecked() else None)
        self.proxy.set_filter("settled", None if self.settled_too.isChecked() else
                              (lambda i, r: bool(r.balance or r.credit)))

    def shown_rows(self) -> list:
        return self.proxy.visible_rows()

    def _shown_changed(self) -> None:
        rows = self.shown_rows()
        total = totals_of(rows, translate("Accounts", "Total"), self.scheme)
        self.totals_model.set_rows([total])
        self.chart.set_totals(total)
        self.summary.setText(fill(translate("Accounts", "%1 partners shown · balance %2 · overdue %3"), str(len(rows)),
                                  self.totals_model.index(0, BalancesModel.C_BALANCE).data() or "0.00",
                                  self.totals_model.index(0, self.totals_model.c_overdue).data() or "0.00"))

    def _copy_widths(self) -> None:
        for i in range(self.model.columnCount()):
            self.totals.setColumnWidth(i, self.table.columnWidth(i))

    def fit_name(self) -> None:
        """Give the name column the width the other columns leave (at least ``NAME_WIDTH``): a long customer
        name shows whole where the list has room, and is cut in the middle, with a tooltip, where it has not."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != BalancesModel.C_NAME and not header.isSectionHidden(i))
        width = max(NAME_WIDTH, self.table.viewport().width() - others)
        if width != header.sectionSize(BalancesModel.C_NAME):
            header.resizeSection(BalancesModel.C_NAME, width)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_name()
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        self._copy_widths()
        super().showEvent(event)

    # -- actions ----------------------------------------------------------------------------
    def selected_row(self):
        index = self.table.currentIndex()
        return self.proxy.data(index, RowRole) if index.isValid() else None

    def open_selected(self) -> None:
        """The selected partner's page; with none selected, the only partner the search shows (Partner page… did
        nothing after a search that found one)."""
        row = self.selected_row()
        if row is None and self.proxy.rowCount() == 1:
            row = self.proxy.data(self.proxy.index(0, 0), RowRole)
        if row is not None:
            self.open_partner(row)

    def open_partner(self, row) -> None:
        """The partner's page (open items, money, allocations, its statement), beside the window."""
        if row is None or not self.allowed:
            return
        from ui.screens.accounts.partner import PartnerPage

        if self.page is not None and alive(self.page):
            self.page.close()
        self.page = PartnerPage(self.services, self.side, row.partner_id, row.code, row.name, self)
        self.page.changed.connect(self.refresh)
        self.page.show()

    def new_money(self, code: str | None = None):
        """The receipt (AR) or payment (AP) entry, for the selected partner when there is one."""
        if not self.allowed or not self.receipt_button.isEnabled():
            return None
        from ui.screens.accounts.entry import MoneyDialog

        if code is None:
            row = self.selected_row()
            code = row.code if row is not None else ""
        self.dialog = MoneyDialog(self.services, self.side, code, self)
        self.dialog.posted.connect(lambda _number: self.refresh())
        self.dialog.show()
        return self.dialog

    def export(self) -> None:
        name = translate("Accounts", "Export to Excel")
        folder = QSettings().value("export/folder", str(Path.home()), type=str)
        suggested = Path(folder) / f"{side_title(self.side)}-{self.as_of_date().isoformat()}.xlsx"
        pattern = translate("Accounts", "Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, name, str(suggested), pattern)
        if path:
            target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
            QSettings().setValue("export/folder", str(target.parent))
            self.export_to(target)

    def export_to(self, target: Path):
        """Write the list as shown (its columns, rows in order, numbers as numbers) and its totals row, in the
        background; the summary line says where it went."""
        from ui.dialogs.export_table import snapshot
        from ui.spreadsheets import number_or_text
        from ui.spreadsheets import write_xlsx

        titles, cells = snapshot(self.table)
        total = [number_or_text(self.totals_model.index(0, c).data() or "")
                 for c in range(self.totals_model.columnCount())]
        sheet = side_title(self.side)
        above = [[self.export_title()], [self.export_filters()]]
        oldest = self.model.headerData(self.model.c_oldest, Qt.Orientation.Horizontal)
        at = titles.index(oldest) if oldest in titles else None

        def as_day(row: list) -> list:  # the oldest due day a date Excel can sort and filter, not its text
            if at is not None and row[at]:
                row = [*row[:at], date.fromisoformat(row[at]), *row[at + 1:]]
            return row

        def job() -> int:
            return write_xlsx(target, titles, [as_day(list(r)) for r in [*cells(), total]], sheet=sheet,
                              bold_last=True, above=above)

        def done(count: int) -> None:
            if alive(self):
                self.summary.setText(fill(translate("Accounts", "Exported %1 rows to %2"), str(count), str(target)))

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.show_error(exc)

        return self.services.tasks.submit(job, done, failed)

    def export_title(self) -> str:
        return fill(translate("Accounts", "%1 ageing"), side_title(self.side))

    def export_filters(self) -> str:
        """The day the list is as of and the filters that chose its rows (the totals follow them), in words."""
        parts = [fill(translate("Accounts", "As of %1"), self.as_of_date().isoformat()),
                 fill(translate("Accounts", "Aged by due date, bands %1") if self.scheme.basis == Basis.DUE else
                      translate("Accounts", "Aged by document date, bands %1"), self.scheme.text())]
        if self.overdue_only.isChecked():
            parts.append(translate("Accounts", "Overdue only"))
        if self.settled_too.isChecked():
            parts.append(translate("Accounts", "Settled partners too"))
        if self.search.text().strip():
            parts.append(fill(translate("Accounts", "Search: %1"), self.search.text().strip()))
        return " · ".join(parts)

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("Accounts", "Search code or name (Ctrl+F)"))
        # Each filter and the ageing's choice has its Alt letter: a bookkeeper ageing the list as of the month's end
        # reached the day only by Tab through the check boxes (F, V and H are the menu bar's)
        self.overdue_only.setText(translate("Accounts", "&Overdue only"))
        self.settled_too.setText(translate("Accounts", "Settled partners &too"))
        self.as_of_label.setText(translate("Accounts", "&As of"))
        self.basis_label.setText(translate("Accounts", "A&ge by"))
        self.basis.setItemText(0, translate("Accounts", "Due date"))
        self.basis.setItemText(1, translate("Accounts", "Document date"))
        self.bands_label.setText(translate("Accounts", "&Bands"))
        self.bands.setToolTip(translate("Accounts", "Where the bands end, in days, rising: 30/60/90 or 30/60/90/180. "
                                                    "Kept for the whole office."))
        self.receipt_button.setText(translate("Accounts", "&New receipt… (Ctrl+N)") if self.side == AR
                                    else translate("Accounts", "&New payment… (Ctrl+N)"))
        self.page_button.setText(translate("Accounts", "&Partner page"))
        self.export_button.setText(translate("Accounts", "&Export to Excel…"))
        self.model.retranslate()
        self.totals_model.retranslate()
        self.chart.retranslate()
        if self.allowed:
            self._shown_changed()
        else:
            self._refuse()


class ReceivablesScreen(BalancesScreen):
    SIDE = AR


class PayablesScreen(BalancesScreen):
    SIDE = AP
