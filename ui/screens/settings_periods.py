"""Settings › Month close (月结): the months with their state, who closed them and when, and each month's closes
and reopens; Close month… (a manager's, after a confirmation saying what a close does) and Reopen… (an admin's, for
the latest closed month only, asking the reason). The rules are ``domain.accounts.closing``'s; every change runs
on the task runner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.accounts import closing
from domain.accounts.periods import next_month
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from ui.i18n import ENGLISH
from ui.i18n import current_language
from ui.i18n import fill
from ui.models.movements import kind_text
from ui.models.periods import PeriodEventTableModel
from ui.models.periods import PeriodTableModel
from ui.models.table import RowRole
from ui.refusals import refusal_text
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def month_words(month: str) -> str:
    """A month as a button names it: "November 2026" in English, 2026-11 in Chinese (as the list shows it)."""
    if current_language() != ENGLISH:
        return month
    year, number = (int(x) for x in month.split("-"))
    return QLocale(QLocale.Language.English).toString(QDate(year, number, 1), "MMMM yyyy")


def month_to_close(months) -> int | None:
    """The row (of ``months``, newest first) a bookkeeper closes next: the month after the latest closed one or,
    when none is closed yet, the latest month that has ended: a shop starting to close closes through last month,
    not its oldest month of history. None when that month cannot be closed (it has not ended)."""
    latest = next((i for i, m in enumerate(months) if m.closed), None)
    if latest is None:
        return next((i for i, m in enumerate(months) if m.closable), None)
    return latest - 1 if latest > 0 and months[latest - 1].closable else None


class PeriodsPage(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = PeriodTableModel(self)
        self.table = DataTable("settings/periods", self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.table.set_widths({PeriodTableModel.MONTH: 90, PeriodTableModel.STATE: 80,
                               PeriodTableModel.CLOSED_BY: 110, PeriodTableModel.CLOSED_AT: 140})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.events_label = QLabel(self)
        self.events_label.setStyleSheet("font-weight: 600;")
        self.events = PeriodEventTableModel(self)
        self.events_table = DataTable("settings/period_events", self)
        self.events_table.setSortingEnabled(False)
        self.events_table.setModel(self.events)
        self.events_table.set_widths({PeriodEventTableModel.AT: 140, PeriodEventTableModel.ACTION: 80,
                                      PeriodEventTableModel.USER: 110})
        for view in (self.table, self.events_table):  # read-only lists: Tab moves on to the buttons, arrows move within
            view.setTabKeyNavigation(False)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button = QPushButton(self)
        self.reopen_button.clicked.connect(self.reopen_month)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.close_hint = QLabel(self)  # why Close month is greyed out for a month that has not ended
        self.close_hint.setStyleSheet("color: #555555;")
        self.close_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.close_hint, 1)
        lower = QVBoxLayout()
        lower.setContentsMargins(0, 0, 0, 0)
        lower_widget = QWidget(self)
        lower_widget.setLayout(lower)
        lower.addWidget(self.events_label)
        lower.addWidget(self.events_table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower_widget)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()
        self.refresh()

    # -- state ---------------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        role = self.services.role
        return role is None or allows(role, permission)

    def current(self):
        index = self.table.currentIndex()
        return self.model.data(self.model.index(index.row(), 0), RowRole) if index.isValid() else None

    def latest_closed(self):
        return next((m for m in self.model.rows if m.closed), None)

    def refresh(self) -> None:
        services = self.services
        self.load(lambda: closing.list_months(services.reader()), self._loaded)

    def _loaded(self, months) -> None:
        was = getattr(self.current(), "month", None)
        self.model.set_rows(months)
        wanted = next((i for i, m in enumerate(months) if m.month == was), None)
        if wanted is None:  # first shown: the month to close next, else the newest
            wanted = month_to_close(months)
            wanted = wanted if wanted is not None else (0 if months else None)
        if wanted is not None:
            self.table.selectRow(wanted)
            self.table.scrollTo(self.model.index(wanted, 0), DataTable.ScrollHint.PositionAtCenter)
        self._selection_changed()

    def _selection_changed(self) -> None:
        month = self.current()
        self.events.set_rows(list(month.events) if month is not None else [])
        self.events_label.setText(fill(translate("PeriodsPage", "Closes and reopens of %1"), month.month)
                                  if month is not None else translate("PeriodsPage", "Closes and reopens"))
        latest = self.latest_closed()
        self.close_button.setEnabled(month is not None and month.closable and self._may(Permission.PERIOD_CLOSE))
        self.close_button.setText(fill(translate("PeriodsPage", "&Close %1…"), month_words(month.month))
                                  if month is not None and month.closable
                                  else translate("PeriodsPage", "&Close month…"))
        self.close_hint.setText(fill(translate("PeriodsPage", "%1 can be closed once it has ended, from %2 on."),
                                     month.month, f"{next_month(month.month)}-01")
                                if month is not None and not month.closed and not month.closable else "")
        self.reopen_button.setEnabled(month is not None and latest is not None and month.month == latest.month
                                      and self._may(Permission.PERIOD_REOPEN))

    # -- actions -------------------------------------------------------------------------
    def close_question(self, month, held=()) -> str:
        """What closing ``month`` means, as the confirmation asks it, warning of ``held``: this desk's unposted
        documents dated in it or before (``closing.held_through``)."""
        earlier = [m.month for m in self.model.rows if not m.closed and m.month < month.month]
        text = fill(translate(
            "PeriodsPage", "Close %1?\n\nFrom then on nothing can be posted, reversed or back-dated into %1 or any "
                           "month before it: receipts, shipments, sales, purchases, counts and adjustments alike. The "
                           "stock quantities and values and the balances at the end of %1 are frozen for the reports. "
                           "Only an admin can reopen it, with Reopen… on this page and giving a reason, and only while "
                           "no later month is closed."), month.month)
        if earlier:
            text += "\n\n" + fill(translate("PeriodsPage", "The earlier months still open are closed with it: %1."),
                                  ", ".join(sorted(earlier)))
        if held:
            shown = [f"{kind_text(d.kind)} {d.business_date.isoformat()}"
                     + (f" {d.partner or d.reference or d.po_number}" if d.partner or d.reference or d.po_number
                        else "") for d in held[:5]]
            more = len(held) - len(shown)
            text += "\n\n" + fill(translate(
                "PeriodsPage", "Still held on this desk, not posted, dated in %1 or before: %2. Once the month is "
                               "closed they cannot be posted as dated; post them first or change their date."),
                month.month, "; ".join(shown) + (fill(translate("PeriodsPage", "; and %1 more"), more) if more else ""))
        return text

    def close_month(self) -> None:
        month = self.current()
        if month is None or not month.closable:
            return
        store = self.services.database.held_documents()
        self._run(lambda: closing.held_through(store, month.month), lambda held: self._ask_and_close(month, held))

    def _ask_and_close(self, month, held) -> None:
        if not alive(self) or not self._confirm(translate("PeriodsPage", "Close month"),
                                                self.close_question(month, held)):
            return
        services = self.services

        def done(months) -> None:
            if alive(self):
                self._say(fill(translate("PeriodsPage", "Closed: %1."), ", ".join(months)))
                self.refresh()

        self._run(lambda: closing.close_month(services.uow(), closing.CloseMonth(month.month)), done)

    def reopen_month(self) -> None:
        month = self.current()
        if month is None:
            return
        reason = self._ask_reason(month.month)
        if reason is None:
            return
        services = self.services

        def done(reopened) -> None:
            if alive(self):
                self._say(fill(translate("PeriodsPage", "%1 is open again; the reason is kept with the month."),
                               reopened))
                self.refresh()

        self._run(lambda: closing.reopen_month(services.uow(), closing.ReopenMonth(month.month, reason)), done)

    def _ask_reason(self, month: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, translate("PeriodsPage", "Reopen month"),
            fill(translate("PeriodsPage", "Why is %1 reopened? The reason is kept with your name."), month),
            QLineEdit.EchoMode.Normal, "")
        return text if ok else None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _run(self, fn, done) -> None:
        self.message.clear()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self._say(self._explain(exc), error=True)

        self.services.tasks.submit(fn, done, failed)

    @staticmethod
    def _explain(exc: BaseException) -> str:
        if isinstance(exc, BadInput) and exc.field == "reason":
            return translate("PeriodsPage", "Give the reason for reopening (at most 500 characters); it is kept with "
                                            "the month.")
        if isinstance(exc, DomainError):
            return refusal_text(exc)
        return str(exc)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def retranslate(self) -> None:
        self.note.setText(translate(
            "PeriodsPage", "A closed month takes no more postings: nothing can be posted, reversed or back-dated "
                           "into it, and its closing stock values and balances stay as they were closed. A manager "
                           "closes a month once its documents are in; closing a month closes every earlier one. Only "
                           "the latest closed month can be reopened, by an admin, who gives the reason."))
        self.reopen_button.setText(translate("PeriodsPage", "&Reopen…"))
        self.model.retranslate()
        self.events.retranslate()
        self._selection_changed()
