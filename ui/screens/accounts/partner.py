"""A partner's page: its balance and ageing, open items, the money received or paid with what each settles, and its
statement (对账单) for a date range, printed to PDF or exported to Excel in the window's language.

Everything is read on the task runner through ``services.accounts``; the actions (new receipt or payment, allocate
credit, undo an allocation, reverse money with a reason) run the use cases of ``domain.accounts.money`` there too,
then read the page again and tell the list (``changed``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import QUrl
from PySide6.QtCore import Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.accounts import commands as ac
from domain.accounts.ageing import Scheme
from domain.accounts.ageing import age
from domain.accounts.ageing import age_in
from domain.accounts.ageing_choice import ageing_scheme
from domain.accounts.foreign import foreign_balances
from domain.kernel import clock
from ui.access import needs_text
from ui.i18n import CHINESE
from ui.i18n import ENGLISH
from ui.i18n import current_language
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import RowRole
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.screens.accounts.entry import as_open_item
from ui.screens.accounts.partner_orders import PartnerOrders
from ui.screens.accounts.words import AR
from ui.screens.accounts.words import AllocationsModel
from ui.screens.accounts.words import MoneyModel
from ui.screens.accounts.words import OpenItemsModel
from ui.screens.accounts.words import StatementModel
from ui.screens.accounts.words import band_title
from ui.screens.accounts.words import foreign_text
from ui.screens.accounts.words import open_totals
from ui.screens.accounts.words import partner_word
from ui.screens.accounts.words import sided
from ui.screens.accounts.words import translate
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.screen import ERROR_STYLE
from ui.widgets.table_view import DataTable

OK_STYLE = "color: #1a7f37;"
written: list[Path] = []  # every statement file written in this session, newest last


def open_file(path: Path) -> None:
    """Show a written PDF in the system's viewer (tests replace it)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def month_start(day: date) -> date:
    return day.replace(day=1)


def _table(key: str, model, parent) -> tuple[DataTable, RowFilterProxy]:
    proxy = RowFilterProxy(parent)
    proxy.setSourceModel(model)
    view = DataTable(key, parent)
    view.setModel(proxy)
    return view, proxy


class PartnerPage(PartnerOrders, QDialog):
    changed = Signal()  # something was posted: the list reads its balances again

    def __init__(self, services, side: str, partner_id: str, code: str, name: str, parent=None) -> None:
        super().__init__(parent)
        self.services, self.side, self.partner_id, self.code, self.name = services, side, partner_id, code, name
        self.may_post = services.role is None or allows(services.role, Permission.MONEY)
        self.balance = None  # domain.accounts.ageing.Ageing of the partner's open items, once read
        self.statement = None
        self.dialog = None
        self.item_dialog = None
        self.bands = (Scheme(), ())  # the office's ageing scheme and the partner's open amounts in its bands
        self._ticket = 0
        self.foreign = None  # domain.accounts.foreign.ForeignBalance of a supplier in a foreign currency, once read

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.busy_bar = BusyBar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.items_model = OpenItemsModel(self)
        self.items_view, self.items_proxy = _table("accounts-partner-items", self.items_model, self)
        self.items_view.set_widths({0: 118, 1: 110, 2: 82, 3: 82, 4: 90, 5: 90, 6: 90})
        self.items_view.doubleClicked.connect(lambda index: self.open_item(self.items_proxy.data(index, RowRole)))
        self.items_total = QLabel(self)
        self.items_total.setStyleSheet("font-weight: bold;")
        self.open_button = QPushButton(self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_selected_item)
        self.items_pdf_button, self.items_xlsx_button = QPushButton(self), QPushButton(self)
        self.items_pdf_button.clicked.connect(lambda: self.save_open_items(".pdf"))
        self.items_xlsx_button.clicked.connect(lambda: self.save_open_items(".xlsx"))
        for button in (self.items_pdf_button, self.items_xlsx_button):
            button.setAutoDefault(False)
        self.money_model = MoneyModel(self)
        self.money_view, self.money_proxy = _table("accounts-partner-money", self.money_model, self)
        self.money_view.set_widths({0: 118, 1: 82, 2: 70, 3: 90, 4: 90, 5: 100, 6: 82, 7: 82, 8: 64})
        self.alloc_model = AllocationsModel(self)
        self.alloc_view, self.alloc_proxy = _table("accounts-partner-allocations", self.alloc_model, self)
        self.alloc_view.set_widths({0: 200, 1: 110, 2: 130, 3: 110, 4: 100})  # 0: "Reversed by GR-2026-00001"

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_money)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_button.click)  # as on the list: a disabled button does nothing
        self.allocate_button = QPushButton(self)
        self.allocate_button.clicked.connect(self.allocate_credit)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_selected)
        self.reverse_button = QPushButton(self)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.write_off_button = QPushButton(self)
        self.write_off_button.clicked.connect(self.write_off_selected)
        for button in (self.new_button, self.allocate_button, self.undo_button, self.reverse_button,
                       self.write_off_button):
            button.setAutoDefault(False)
            if not self.may_post:
                button.setEnabled(False)
                button.setToolTip(needs_text(Permission.MONEY))

        # statement
        today = clock.today()
        self.start_label, self.end_label = QLabel(self), QLabel(self)
        first = month_start(today)
        self.start = DayEdit(QDate(first.year, first.month, first.day), self)
        self.end = DayEdit(QDate(today.year, today.month, today.day), self)
        self.start_label.setBuddy(self.start)
        self.end_label.setBuddy(self.end)
        self.show_button = QPushButton(self)
        self.show_button.clicked.connect(self.load_statement)
        self.pdf_button = QPushButton(self)
        self.pdf_button.clicked.connect(lambda: self.save_statement(".pdf"))
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.clicked.connect(lambda: self.save_statement(".xlsx"))
        for button in (self.show_button, self.pdf_button, self.xlsx_button):
            button.setAutoDefault(False)
        self.statement_model = StatementModel(self)
        self.statement_view, self.statement_proxy = _table("accounts-partner-statement", self.statement_model, self)
        self.statement_view.setSortingEnabled(False)
        self.statement_view.set_widths({0: 82, 1: 118, 2: 130, 3: 90, 4: 90, 5: 90, 6: 90})
        self.opening_label, self.closing_label = QLabel(self), QLabel(self)
        self.closing_label.setStyleSheet("font-weight: bold;")
        statement = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.start_label)
        bar.addWidget(self.start)
        bar.addWidget(self.end_label)
        bar.addWidget(self.end)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        box = QVBoxLayout(statement)
        box.addLayout(bar)
        box.addWidget(self.opening_label)
        box.addWidget(self.statement_view, 1)
        box.addWidget(self.closing_label)

        items = QWidget(self)
        under = QHBoxLayout()
        under.addWidget(self.items_total, 1)
        under.addWidget(self.open_button)
        under.addWidget(self.items_pdf_button)
        under.addWidget(self.items_xlsx_button)
        self.follow = None
        if self.side != AR:  # a supplier's: the order of goods received, to return some or enter its invoice
            self.build_orders(under)
        box = QVBoxLayout(items)
        box.addWidget(self.items_view, 1)
        box.addLayout(under)
        self.items_tab = items
        self.tabs = QTabWidget(self)
        self.tabs.addTab(items, "")
        self.tabs.addTab(self.money_view, "")
        self.tabs.addTab(self.alloc_view, "")
        self.tabs.addTab(statement, "")
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.allocate_button)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.reverse_button)
        actions.addWidget(self.write_off_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures)
        layout.addWidget(self.busy_bar)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.resize(980, 640)
        self.retranslate()
        self.refresh()
        self.load_statement()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._ticket += 1
        ticket, side, pid, accounts = self._ticket, self.side, self.partner_id, self.services.accounts
        uow = self.services.reader

        def job():
            items = accounts.open_items(side, pid)
            # The partner's ageing from its own open items (the domain's rule), not from every partner's balances,
            # in the bands the office ages by (as the list beside it).
            mine = [as_open_item(r) for r in items]
            scheme = ageing_scheme(uow())
            ageing = age(mine, clock.today())
            bands = scheme, age_in(mine, clock.today(), scheme)
            # a supplier in a foreign currency: its balance in that currency too, as the Payables list shows it
            foreign = foreign_balances(uow(), items).get(pid) if side != AR else None
            return (ageing, bands, items, accounts.money(side, partner_id=pid), accounts.allocations(side, pid),
                    foreign)

        self.busy_bar.busy(True)
        self.services.tasks.submit(job, lambda result: self._loaded(ticket, result), self._failed)

    @property
    def loaded(self) -> bool:
        return self._ticket == getattr(self, "_shown_ticket", -1)

    def _loaded(self, ticket: int, result) -> None:
        if not alive(self) or ticket != self._ticket:
            return
        self.busy_bar.busy(False)
        self.balance, self.bands, items, money, allocations, self.foreign = result
        self.items_model.set_rows(items)
        self.money_model.set_rows(money)
        self.alloc_model.set_rows(allocations)
        self._shown_ticket = ticket
        self._show_figures()
        self._show_items_total()

    def _show_figures(self) -> None:
        b = self.balance
        if b is None or not (b.balance or b.credit):
            self.figures.setText(translate("Accounts", "Nothing owed either way."))
            return
        # The same words a side (sided): a customer's credit is 预收, a supplier's 预付; then the office's bands.
        scheme, bands = self.bands
        balance = money_text(b.balance)
        if self.foreign is not None:  # 余额 17,170.67 (2,411.61 USD): what the supplier's own statement says
            balance = f"{balance} ({foreign_text(self.foreign.currency, self.foreign.amount)})"
        parts = [fill(sided(self.side, "Balance %1 · credit %2"), balance, money_text(b.credit))]
        parts += [f"{band_title(*r)} {money_text(v)}" for r, v in zip(scheme.ranges(), bands, strict=True)]
        parts.append(fill(translate("Accounts", "overdue %1"), money_text(b.overdue)))
        self.figures.setText(" · ".join(parts))

    def _show_items_total(self) -> None:
        """Under the open items: what they add up to, which is the partner's balance."""
        owed, credit, balance = open_totals(self.items_model.rows)
        self.items_total.setText(fill(sided(self.side, "Open items total: owed %1 · credit %2 · balance %3"),
                                      money_text(owed), money_text(credit), money_text(balance)))

    def open_selected_item(self):
        row = self.selected(self.items_view, self.items_proxy)
        if row is None:
            self.tabs.setCurrentWidget(self.items_tab)
            self.say(translate("Accounts", "Choose the item to open on the Open items tab first."), error=True)
            return None
        return self.open_item(row)

    def open_item(self, row):
        """The document of an open item: its figures, what settled it, the goods on it."""
        if row is None:
            return None
        from ui.screens.accounts.document import ItemDialog

        self.item_dialog = ItemDialog(self.services, row, self.alloc_model.rows, self)
        self.item_dialog.show()
        return self.item_dialog

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.say(refusal_text(exc), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    # -- statement ---------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def load_statement(self) -> None:
        """Read the statement of the period chosen, in the background, and show it."""
        start, end = self.period()
        services, side, pid = self.services, self.side, self.partner_id
        self.statement = None
        self._statement_ticket = ticket = getattr(self, "_statement_ticket", 0) + 1

        def job():
            return services.accounts.statement(side, pid, start, end, user=services.user, role=services.role)

        def done(statement) -> None:
            if alive(self) and ticket == self._statement_ticket:  # a later period chosen meanwhile wins
                self.statement = statement
                self.statement_model.set_rows(statement.lines)
                self.opening_label.setText(fill(translate("Accounts", "Opening balance on %1: %2"), start.isoformat(),
                                                money_text(statement.opening)))
                text = translate("Accounts", "Increase %1 · decrease %2 · closing balance on %3: %4 (%5)")
                self.closing_label.setText(fill(text,
                                                money_text(statement.total_increase),
                                                money_text(statement.total_decrease), end.isoformat(),
                                                money_text(statement.closing), statement.closing_in_words))

        self.services.tasks.submit(job, done, self._failed)

    def ask_target(self, name: str, suffix: str) -> Path | None:
        """Where to write a PDF (``.pdf``) or a workbook (``.xlsx``) first named ``name``; None when cancelled."""
        title = translate("Accounts", "Print PDF") if suffix == ".pdf" else translate("Accounts", "Export to Excel")
        folder = QSettings().value("export/folder", str(Path.home()), type=str)
        pattern = (translate("Accounts", "PDF document (*.pdf)") if suffix == ".pdf"
                   else translate("Accounts", "Excel workbook (*.xlsx)"))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / f"{name}{suffix}"), pattern)
        if not path:
            return None
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        QSettings().setValue("export/folder", str(target.parent))
        return target

    def save_statement(self, suffix: str) -> None:
        """Print PDF… (``.pdf``) or Export Excel… (``.xlsx``): ask where, then write it on the task runner."""
        start, end = self.period()
        word = translate("Accounts", "Statement")
        target = self.ask_target(f"{word} {self.code} {start.isoformat()} {end.isoformat()}", suffix)
        if target is not None:
            self.write_statement_to(target)

    def _wrote(self, path: Path) -> None:
        """A statement or the open items written: say where, and show a PDF."""
        written.append(path)
        if alive(self):
            self.busy_bar.busy(False)
            self.say(fill(translate("Accounts", "Wrote %1"), str(path)))
            if path.suffix.lower() == ".pdf":
                open_file(path)

    def save_open_items(self, suffix: str) -> None:
        """The open items as a PDF or a workbook (未清明细): ask where, then write them on the task runner."""
        word = translate("Accounts", "Open items")
        target = self.ask_target(f"{word} {self.code} {clock.today().isoformat()}", suffix)
        if target is not None:
            self.write_open_items_to(target)

    def write_open_items_to(self, target: Path):
        """Write the open items as listed to ``target`` (.pdf or .xlsx) in the window's language, with their total
        (the partner's balance) and each kind in words."""
        from datetime import datetime

        from domain.accounts.foreign import foreign_items
        from domain.sales.print_data import company_block
        from ui.open_items_sheet import open_items_header
        from ui.open_items_sheet import open_items_sheet
        from ui.open_items_sheet import save_sheet

        rows, side, uow = list(self.items_model.rows), self.side, self.services.uow
        language = CHINESE if current_language() == CHINESE else ENGLISH
        header = open_items_header(side, self.code, self.name, clock.today(), language, datetime.now())

        def job() -> Path:
            with uow() as work:
                company = company_block(work).name
            foreign = foreign_items(uow(), rows) if side != AR else None  # a foreign supplier's, in its currency
            save_sheet(open_items_sheet(rows, side, language, header, foreign), target, company)
            return target

        self.busy_bar.busy(True)
        return self.services.tasks.submit(job, self._wrote, self._failed)

    def write_statement_to(self, target: Path):
        """Write the statement of the period chosen to ``target`` (.pdf or .xlsx) in the window's language."""
        from ui.statement_export import write_statement

        start, end = self.period()
        services, side, pid = self.services, self.side, self.partner_id
        language = CHINESE if current_language() == CHINESE else ENGLISH

        def job() -> Path:
            statement = services.accounts.statement(side, pid, start, end, user=services.user, role=services.role)
            write_statement(statement, target, language)
            return target

        self.busy_bar.busy(True)
        return self.services.tasks.submit(job, self._wrote, self._failed)

    # -- actions -----------------------------------------------------------------------------
    def _run(self, fn, done_text: str) -> None:
        def done(_result) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.say(done_text)
                self.refresh()
                self.load_statement()
                self.changed.emit()

        self.busy_bar.busy(True)
        self.services.tasks.submit(fn, done, self._failed)

    def new_money(self):
        from ui.screens.accounts.entry import MoneyDialog

        self.dialog = MoneyDialog(self.services, self.side, self.code, self)
        self.dialog.posted.connect(lambda _n: (self.refresh(), self.load_statement(), self.changed.emit()))
        self.dialog.show()
        return self.dialog

    def allocate_credit(self):
        """Apply credit the partner holds (money or a return not yet allocated) to its open documents."""
        from ui.screens.accounts.allocate import AllocateDialog

        credits = [r for r in self.items_model.rows if r.amount < 0]
        if not credits:
            self.say(sided(self.side, "There is no credit to allocate."), error=True)
            return None
        self.dialog = AllocateDialog(self.services, self.side, self.items_model.rows, self)
        self.dialog.allocated.connect(lambda: (self.refresh(), self.load_statement(), self.changed.emit()))
        self.dialog.show()
        return self.dialog

    def selected(self, view, proxy):
        index = view.currentIndex()
        return proxy.data(index, RowRole) if index.isValid() else None

    def confirm(self, title: str, text: str) -> bool:
        """Asks before undoing or reversing; tests replace it."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def undo_selected(self) -> None:
        row = self.selected(self.alloc_view, self.alloc_proxy)
        if row is None:
            self.tabs.setCurrentWidget(self.alloc_view)
            self.say(translate("Accounts", "Choose the allocation to undo on the Allocations tab."), error=True)
            return
        text = fill(translate("Accounts", "Undo the allocation of %1 from %2 to %3? %3 is open again by that much."),
                    money_text(row.amount), row.credit_number, row.debit_number)
        if not self.confirm(translate("Accounts", "Undo allocation"), text):
            return
        from domain.accounts.money import undo_allocation

        command, uow = ac.UndoAllocation(row.credit_number, row.debit_number, side=self.side), self.services.uow
        self._run(lambda: undo_allocation(uow(), command),
                  fill(translate("Accounts", "Undid the allocation of %1 to %2"), row.credit_number, row.debit_number))

    def ask_reason(self, number: str) -> str | None:
        """The reason for reversing ``number``, or None when cancelled; tests replace it."""
        from ui.dialogs.reason import ReasonDialog

        prompt = translate("Accounts", "Why is %1 reversed? The documents it settled are open again.")
        dialog = ReasonDialog(translate("Accounts", "Reverse"), fill(prompt,
                                                 number), True, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def reverse_selected(self) -> None:
        row = self.selected(self.money_view, self.money_proxy)
        if row is None or row.reversed:
            self.tabs.setCurrentWidget(self.money_view)
            self.say(translate("Accounts", "Choose a receipt, payment or refund that is not reversed in its list "
                                           "first."), error=True)
            return
        reason = self.ask_reason(row.number)
        if not reason:
            return
        question = translate("Accounts", "Reverse %1 of %2? This cannot be undone.")
        if not self.confirm(translate("Accounts", "Reverse"), fill(question, row.number,
                                               money_text(row.amount))):
            return
        from domain.accounts.money import reverse_money

        command, uow = ac.ReverseMoney(row.number, reason), self.services.uow
        self._run(lambda: reverse_money(uow(), command), fill(translate("Accounts", "Reversed %1"), row.number))

    def ask_write_off_reason(self, number: str, amount: str) -> str | None:
        """Why what is left of ``number`` is written off, or None when cancelled; tests replace it."""
        from ui.dialogs.reason import ReasonDialog

        prompt = translate("Accounts", "Write off the %1 left open on %2? It is settled without money; the reason "
                                       "is printed on the statement.")
        dialog = ReasonDialog(translate("Accounts", "Write off"), fill(prompt, amount, number), True, self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def write_off_selected(self) -> None:
        """Write off what is left open on the document chosen on the Open items tab (尾差核销)."""
        row = self.selected(self.items_view, self.items_proxy)
        if row is None or row.amount <= 0:
            self.tabs.setCurrentWidget(self.items_tab)
            self.say(translate("Accounts", "Choose the document whose remainder to write off on the Open items tab "
                                           "first."), error=True)
            return
        reason = self.ask_write_off_reason(row.number, money_text(row.open))
        if not reason:
            return
        from domain.accounts.money import write_off

        command, uow = ac.WriteOff(row.number, reason, row.open, side=self.side), self.services.uow
        self._run(lambda: write_off(uow(), command),
                  fill(translate("Accounts", "Wrote off %1 of %2"), money_text(row.open), row.number))

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(fill(translate("Accounts", "%1 %2 — %3"), partner_word(self.side), self.code, self.name))
        self.heading.setText(f"{self.code} — {self.name}")
        # Every action, tab and field of the page has its Alt letter: a bookkeeper on its statement reached Print PDF…
        # or the period only by Tab through the tab bar and the table. The open items' and the statement's buttons
        # share P and X: only the tab shown answers.
        self.new_button.setText(translate("Accounts", "&New receipt… (Ctrl+N)") if self.side == AR
                                else translate("Accounts", "&New payment… (Ctrl+N)"))
        self.allocate_button.setText(sided(self.side, "&Allocate credit…"))
        self.undo_button.setText(translate("Accounts", "&Undo allocation"))
        self.reverse_button.setText(translate("Accounts", "&Reverse…"))
        self.write_off_button.setText(translate("Accounts", "&Write off…"))
        self.tabs.setTabText(0, translate("Accounts", "Open &items"))
        self.open_button.setText(translate("Accounts", "Open &document…"))
        self.tabs.setTabText(1, translate("Accounts", "Re&ceipts") if self.side == AR
                             else translate("Accounts", "Pay&ments"))
        self.tabs.setTabText(2, translate("Accounts", "A&llocations"))
        self.tabs.setTabText(3, translate("Accounts", "&Statement"))
        self.start_label.setText(translate("Accounts", "&From"))
        self.end_label.setText(translate("Accounts", "&To"))
        self.show_button.setText(translate("Accounts", "S&how"))
        for pdf, xlsx in ((self.pdf_button, self.xlsx_button), (self.items_pdf_button, self.items_xlsx_button)):
            pdf.setText(translate("Accounts", "&Print PDF…"))
            xlsx.setText(translate("Accounts", "E&xport Excel…"))
        if self.follow is not None:
            self.follow.retranslate()
        for model in (self.items_model, self.money_model, self.alloc_model, self.statement_model):
            model.retranslate()
        self._show_figures()
        self._show_items_total()
