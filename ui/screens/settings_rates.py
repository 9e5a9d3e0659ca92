"""Settings › Exchange rates: how much of the company currency one unit of a foreign currency is worth, from a date on.

A small table of the rates (currency, from date, rate) and one entry row below it: choose a currency,
a date and the rate, then Save rate; entering the same currency and date again corrects that rate.
A rate can also be changed in the table's Rate cell. The rule that uses them (the rate of a receipt's
date, unless the PO has a fixed rate) is ``domain.purchasing.exchange``'s; every change goes through
``domain.purchasing.rates`` on the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QRegularExpression
from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.currencies import COMMON
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.purchasing import commands as pc
from domain.purchasing import rates
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.day_edit import today_q

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "RatesPage"

CURRENCY, FROM, RATE = range(3)
RATE_ROLE = Qt.ItemDataRole.UserRole


def rate_hint(field: str, values: tuple = ()) -> str:
    """What a field accepts, in the reader's language (``values``: a date refused, and the first and last accepted)."""
    if field == "date" and len(values) == 3:
        return fill(translate("RatesPage", "From: %1 is outside the accepted dates; enter a date from %2 to %3."),
                    *values)
    if field == "currency":
        return translate("RatesPage", "Enter a three-letter ISO 4217 code other than the company currency, such as "
                                      "USD or EUR.")
    return translate("RatesPage", "Enter a number above 0 with at most 8 decimals: how many units of the company "
                                  "currency one unit of the foreign currency is worth, such as 7.1234.")


class RatesPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.company_currency = ""
        self.rates: list = []
        self._filling = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CURRENCY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FROM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RATE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemChanged.connect(self._cell_edited)
        self.currency_label, self.date_label, self.rate_label = QLabel(self), QLabel(self), QLabel(self)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.currency))
        self.currency.setMaximumWidth(100)
        self.valid_from = QDateEdit(self)
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        self.valid_from.setDate(today_q())
        self.rate = QLineEdit(self)
        self.rate.setMaximumWidth(140)
        self.rate.returnPressed.connect(self.save_rate)
        for label, widget in ((self.currency_label, self.currency), (self.date_label, self.valid_from),
                              (self.rate_label, self.rate)):
            label.setBuddy(widget)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_rate)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.busy_bar = BusyBar(self)

        entry = QHBoxLayout()
        for widget in (self.currency_label, self.currency, self.date_label, self.valid_from, self.rate_label,
                       self.rate, self.save_button, self.remove_button):
            entry.addWidget(widget)
        entry.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.retranslate()
        self._update_buttons()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        uow = self.services.reader
        self._run(lambda: rates.list_rates(uow()), self._loaded)

    def _loaded(self, result) -> None:
        self.company_currency, self.rates = result
        self._filling = True
        self.table.setRowCount(len(self.rates))
        for row, r in enumerate(self.rates):
            for column, text in ((CURRENCY, r.currency), (FROM, r.valid_from.isoformat()), (RATE, fmt(r.rate))):
                item = QTableWidgetItem(text)
                item.setData(RATE_ROLE, r)
                if column != RATE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._filling = False
        current = self.currency.currentText()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems([c for c in COMMON if c != self.company_currency])
        self.currency.setCurrentText(current or ("USD" if self.company_currency != "USD" else "EUR"))
        self.currency.blockSignals(False)
        self.retranslate()
        self._update_buttons()

    # -- changes -------------------------------------------------------------------------
    def save_rate(self) -> None:
        """Enter the rate of the chosen currency from the chosen date (the same day again corrects it)."""
        command = pc.SetExchangeRate(self.currency.currentText(), self.rate.text(), self.valid_from.date().toPython())
        self._save(command)

    def _save(self, command: pc.SetExchangeRate) -> None:
        uow = self.services.uow
        self.message.clear()
        self._run(lambda: rates.set_rate(uow(), command), self._saved)

    def _saved(self, rate) -> None:
        text = fill(translate("RatesPage", "Saved: 1 %1 = %2 %3 from %4."),
                    rate.currency, fmt(rate.rate), self.company_currency, rate.valid_from.isoformat())
        self._say(text)
        self.rate.clear()
        self.refresh()

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != RATE:
            return
        old = item.data(RATE_ROLE)
        if item.text().strip() == fmt(old.rate):
            return
        self._save(pc.SetExchangeRate(old.currency, item.text().strip(), old.valid_from))

    def selected_rate(self):
        items = self.table.selectedItems()
        return items[0].data(RATE_ROLE) if items else None

    def _selected(self) -> None:
        r = self.selected_rate()
        if r is not None:
            self.currency.setCurrentText(r.currency)
            self.valid_from.setDate(QDate(r.valid_from.year, r.valid_from.month, r.valid_from.day))
            self.rate.setText(fmt(r.rate))
        self._update_buttons()

    def remove_selected(self) -> None:
        r = self.selected_rate()
        if r is None:
            return
        uow, command = self.services.uow, pc.RemoveExchangeRate(r.currency, r.valid_from)

        def removed(_old) -> None:
            self._say(fill(translate("RatesPage", "Removed the rate of %1 from %2."),
                           r.currency, r.valid_from.isoformat()))
            self.refresh()
        self._run(lambda: rates.remove_rate(uow(), command), removed)

    # -- plumbing ------------------------------------------------------------------------
    def _run(self, fn, on_done) -> None:
        self.busy_bar.busy(True)

        def done(result) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not alive(self):
                return
            self.busy_bar.busy(False)
            if isinstance(exc, BadInput) and exc.field in ("currency", "rate"):
                self._say(rate_hint(exc.field), error=True)
            elif isinstance(exc, BadInput) and exc.field == "date" and exc.code == "outside_dates":
                self._say(rate_hint(exc.field, exc.values), error=True)
                self.valid_from.setFocus()
            else:
                self._say(fill(translate("RatesPage", "Refused: %1"), refusal_text(exc)), error=True)
            if self.rates:
                self._loaded((self.company_currency, self.rates))  # undo an edit made in the table
        self.services.tasks.submit(fn, done, failed)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1a7f37;")
        self.message.setText(text)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_rate() is not None)

    def retranslate(self) -> None:
        company = self.company_currency or "…"
        self.intro.setText(fill(
            translate(
"RatesPage", "How many %1 (the company currency) one unit of a foreign currency is worth, from a date on. "
"A receipt against a purchase order in a foreign currency is valued at the PO price × the latest rate "
"on or before the receipt's date, unless a fixed rate is entered on the PO."), company))
        self.table.setHorizontalHeaderLabels([
            translate("RatesPage", "Currency"), translate("RatesPage", "From"),
            fill(translate("RatesPage", "%1 per 1 unit"), company)])
        self.currency_label.setText(translate("RatesPage", "Currency:"))
        self.date_label.setText(translate("RatesPage", "From:"))
        self.rate_label.setText(translate("RatesPage", "Rate:"))
        self.rate.setPlaceholderText(translate("RatesPage", "e.g. 7.1234"))
        self.save_button.setText(translate("RatesPage", "Save rate"))
        self.remove_button.setText(translate("RatesPage", "Remove"))
