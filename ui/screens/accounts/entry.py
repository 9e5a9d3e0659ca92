"""The receipt (收款单) and payment (付款单) entry: who, how much, how, when, and what it settles.

Choosing the partner (type-ahead by code or name) reads its open items in the background; they are listed one
document number a row (a purchase order's receipts, one item per line, share its number), oldest first. Typing the
amount allocates it oldest first at once (``domain.accounts.allocation.oldest_first``, the rule the use case
follows); the allocate column can then be changed by hand, partly or to nothing. What is not allocated is shown as
what will be left as the partner's credit. Post (Ctrl+Enter) runs ``record_money`` on the task runner with the
allocations as typed; a refusal is shown in the reader's language (``ui.refusals``).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCompleter
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.accounts import commands as ac
from domain.accounts.allocation import oldest_first
from domain.accounts.foreign import ForeignBalance
from domain.accounts.foreign import PaymentRate
from domain.accounts.foreign import foreign_items
from domain.accounts.foreign import payment_rate
from domain.accounts.model import AccountItem
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import round_money
from ui.access import needs_text
from ui.i18n import fill
from ui.models.document_lines import typed_positive
from ui.models.table import money_text
from ui.models.table import price_text
from ui.refusals import refusal_text
from ui.screens.accounts.words import AR
from ui.screens.accounts.words import day_text
from ui.screens.accounts.words import kind_text
from ui.screens.accounts.words import method_text
from ui.screens.accounts.words import sided
from ui.screens.accounts.words import translate
from ui.widgets.busy import alive
from ui.widgets.day_edit import DayEdit
from ui.widgets.screen import ERROR_STYLE

C_NUMBER, C_KIND, C_DATE, C_DUE, C_OPEN, C_ALLOCATE = range(6)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OK_STYLE = "color: #1a7f37;"


def as_open_item(row) -> OpenItem:
    """An ``OpenItemRow`` as the domain's ``OpenItem``, so the dialog allocates by the domain's own order."""
    item = AccountItem(row.id, Side.AR, row.partner_id, ItemKind(row.kind), row.number, row.business_date,
                       row.amount, row.due_on)
    return OpenItem(item, row.allocated)


class DocumentOpen:
    """One document number of the partner's open + items: what is open on it in all, its oldest dates."""

    def __init__(self, rows) -> None:
        self.rows = rows
        self.number = rows[0].number
        self.kind = rows[0].kind
        self.business_date = min(r.business_date for r in rows)
        dues = [r.due_on for r in rows if r.due_on is not None]
        self.due_on = min(dues) if dues else None
        self.open = sum((r.open for r in rows), ZERO)


def group_documents(rows) -> list[DocumentOpen]:
    """The + items with something open, one entry per number, oldest first (due date, date, number)."""
    by_number: dict[str, list] = {}
    for r in rows:
        if r.amount > 0 and r.open > 0:
            by_number.setdefault(r.number, []).append(r)
    docs = [DocumentOpen(x) for x in by_number.values()]
    docs.sort(key=lambda d: (d.due_on or d.business_date, d.business_date, d.number))
    return docs


def oldest_first_plan(docs: list[DocumentOpen], amount: Decimal) -> dict[str, Decimal]:
    """What ``amount`` settles of each number, oldest first (the rule ``record_money`` follows)."""
    items = [as_open_item(r) for d in docs for r in d.rows]
    plan: dict[str, Decimal] = {}
    for pick in oldest_first(items, amount):
        plan[pick.target.item.number] = plan.get(pick.target.item.number, ZERO) + pick.amount
    return plan


class AllocationGrid(QTableWidget):
    """The open documents (number, kind, date, due, open) with the amount to allocate to each, editable."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 6, parent)
        self.filling = False
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setStretchLastSection(True)
        for column, width in ((C_NUMBER, 130), (C_KIND, 110), (C_DATE, 90), (C_DUE, 90), (C_OPEN, 100)):
            self.setColumnWidth(column, width)

    def set_headers(self) -> None:
        self.setHorizontalHeaderLabels([translate("Accounts", "Number"), translate("Accounts", "Kind"),
                                        translate("Accounts", "Date"), translate("Accounts", "Due"),
                                        translate("Accounts", "Open"), translate("Accounts", "Allocate")])

    def put(self, row: int, column: int, text: str) -> None:
        cell = QTableWidgetItem(text)
        if column != C_ALLOCATE:
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if column in (C_OPEN, C_ALLOCATE):
            cell.setTextAlignment(RIGHT)
        self.setItem(row, column, cell)

    def show_documents(self, docs: list[DocumentOpen]) -> None:
        self.filling = True
        self.setRowCount(len(docs))
        for n, d in enumerate(docs):
            for column, text in ((C_NUMBER, d.number), (C_KIND, kind_text(d.kind)),
                                 (C_DATE, day_text(d.business_date)), (C_DUE, day_text(d.due_on)),
                                 (C_OPEN, money_text(d.open)), (C_ALLOCATE, "")):
                self.put(n, column, text)
        self.filling = False

    def fill(self, docs: list[DocumentOpen], plan: dict[str, Decimal]) -> None:
        """Set the allocate column from ``plan`` (number → amount); blank where nothing is taken."""
        self.filling = True
        for n, d in enumerate(docs):
            take = plan.get(d.number, ZERO)
            self.item(n, C_ALLOCATE).setText(money_text(take) if take else "")
        self.filling = False

    def allocations(self, docs: list[DocumentOpen]) -> tuple[list[tuple[str, Decimal]], str]:
        """(number, amount) of every row with an amount typed, and the first problem found ("" when none)."""
        out, problem = [], ""
        for n, d in enumerate(docs):
            cell = self.item(n, C_ALLOCATE)
            text = cell.text().strip() if cell is not None else ""
            if not text:
                continue
            value = typed_positive(text)
            if value is None:
                try:
                    zero = Decimal(text.replace(",", "")) == 0
                except (ArithmeticError, ValueError):
                    zero = False
                if zero:
                    continue
                problem = problem or fill(translate("Accounts", "%1: '%2' is not an amount above 0"), d.number, text)
                continue
            if value > d.open:
                problem = problem or fill(translate("Accounts", "%1: %2 is more than is open on it (%3)"), d.number,
                                          money_text(value),
                                          money_text(d.open))
            out.append((d.number, value))
        return out, problem


class MoneyDialog(QDialog):
    """Record a receipt from a customer (side AR) or a payment to a supplier (AP)."""

    posted = Signal(str)  # the number of the money recorded

    def __init__(self, services, side: str, code: str = "", parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.side = side
        self.kind = "receipt" if side == AR else "payment"
        self.wanted_code = code.strip()
        self.partners: list = []
        self.docs: list[DocumentOpen] = []
        self.partner_id: str | None = None
        self.last_number = ""
        self._items_ticket = 0
        self.may_post = services.role is None or allows(services.role, Permission.MONEY)

        self.partner = QComboBox(self)
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.setMinimumContentsLength(28)
        self.partner.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.partner.currentIndexChanged.connect(lambda _i: self._partner_changed())
        self.partner.lineEdit().editingFinished.connect(self._partner_typed)
        # Enter on the partner goes on to the amount, as Enter on the sales order's customer goes on to the products:
        # it did nothing, and the clerk reached for Tab or the mouse
        self.partner.lineEdit().returnPressed.connect(self._partner_entered)
        # Tab out of the field while its completion list is open moves the focus on without editingFinished: the
        # code typed would stay unresolved (no open items shown, the money posted as credit, not allocated).
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.amount = QLineEdit(self)
        self.amount.setAlignment(RIGHT)
        self.amount.textChanged.connect(lambda _text: self.fill_oldest_first())
        # A supplier in a foreign currency: the amount is the company currency's, and what it pays in the supplier's
        # at the day's rate is said beside it (domain.accounts.foreign.payment_rate)
        self.rate: PaymentRate | None = None
        self.currency_hint = QLabel(self)
        self.currency_hint.hide()
        # ... and the amount may be typed in the supplier's currency at a rate (the day's unless typed over), kept so
        # on the payment; its company-currency amount is what the grid allocates (docs/ACCOUNTS.md)
        self.currency = QComboBox(self)
        self.currency.currentIndexChanged.connect(lambda _i: self.fill_oldest_first())
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setAlignment(RIGHT)
        self.rate_edit.setMaximumWidth(120)
        self.rate_edit.textChanged.connect(lambda _text: self.fill_oldest_first())
        self.rate_label = QLabel(self)
        self.rate_label.setBuddy(self.rate_edit)
        self.method = QComboBox(self)
        self.day = DayEdit(parent=self)  # Tab leaves it: the reference typed next went into the date's sections
        self.day.dateChanged.connect(lambda _d: self.load_items() if self.rate is not None else None)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(64)
        self.note = QLineEdit(self)
        self.note.setMaxLength(200)

        self.grid = AllocationGrid(self)
        self.grid.itemChanged.connect(self._cell_changed)
        self.oldest_button = QPushButton(self)
        self.oldest_button.clicked.connect(lambda: self.fill_oldest_first(force=True))
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_allocation)
        self.left_label = QLabel(self)
        self.left_label.setStyleSheet("font-weight: bold;")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.post_button = QPushButton(self)
        self.post_button.setDefault(False)
        self.post_button.setAutoDefault(False)
        self.post_button.clicked.connect(self.post)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        if not self.may_post:
            self.post_button.setEnabled(False)
            self.post_button.setToolTip(needs_text(Permission.MONEY))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.post)

        self.form = QFormLayout()
        self.partner_label, self.amount_label, self.method_label = QLabel(self), QLabel(self), QLabel(self)
        self.day_label, self.reference_label, self.note_label = QLabel(self), QLabel(self), QLabel(self)
        for label, widget in ((self.partner_label, self.partner), (self.amount_label, self.amount),
                              (self.method_label, self.method), (self.day_label, self.day),
                              (self.reference_label, self.reference), (self.note_label, self.note)):
            label.setBuddy(widget)
            if widget is self.amount:
                self.form.addRow(label, self.amount)
                # the supplier's currency, the rate and what the amount comes to, on a row of their own under the
                # amount (beside it, the figures were cut off at the dialog's width)
                self.currency_label = QLabel(self)
                self.currency_label.setBuddy(self.currency)
                row = QHBoxLayout()
                row.addWidget(self.currency)
                row.addWidget(self.rate_label)
                row.addWidget(self.rate_edit)
                row.addWidget(self.currency_hint, 1)
                self.form.addRow(self.currency_label, row)
                self.form.setRowVisible(self.currency_label, False)
                continue
            self.form.addRow(label, widget)
        self.items_label = QLabel(self)
        self.items_label.setStyleSheet("font-weight: bold;")
        self.items_label.setWordWrap(True)  # a foreign supplier's figures in English ran past the dialog's edge
        allocation_bar = QHBoxLayout()
        allocation_bar.addWidget(self.items_label, 1)
        allocation_bar.addWidget(self.oldest_button)
        allocation_bar.addWidget(self.clear_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.left_label, 1)
        buttons.addWidget(self.post_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(allocation_bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(720, 560)
        self.retranslate()
        self._show_left()
        self._load_choices()

    # -- loading ---------------------------------------------------------------------------
    def _load_choices(self) -> None:
        services, side = self.services, self.side

        def job():
            partners = services.catalog.customers() if side == AR else services.catalog.suppliers()
            return partners, services.accounts.payment_methods()

        self.services.tasks.submit(job, self._choices_loaded, self._failed)

    def _choices_loaded(self, result) -> None:
        if not alive(self):
            return
        partners, methods = result
        self.partners = [p for p in partners if getattr(p, "active", True)]
        self.partner.blockSignals(True)
        self.partner.clear()
        for p in self.partners:
            self.partner.addItem(f"{p.code} — {p.name}", p.code)
        self.partner.setCurrentIndex(-1)
        self.partner.blockSignals(False)
        self.method.clear()
        for code in methods:
            self.method.addItem(method_text(code, methods), code)
        if self.wanted_code:
            self.choose(self.wanted_code)
        else:
            self.partner.setFocus()

    def choose(self, code: str) -> None:
        """Choose the partner whose code is ``code`` (as typed: any case)."""
        for i in range(self.partner.count()):
            if str(self.partner.itemData(i)).upper() == code.strip().upper():
                self.partner.setCurrentIndex(i)
                self.amount.setFocus()
                return

    def _partner_typed(self) -> None:
        text = self.partner.currentText().strip()
        current = self.partner.currentIndex()
        if not text or (current >= 0 and text == self.partner.itemText(current)):
            return
        index = self.partner.findText(text, Qt.MatchFlag.MatchContains)
        first = text.split()[0].upper()
        exact = next((i for i in range(self.partner.count()) if str(self.partner.itemData(i)).upper() == first), -1)
        self.partner.setCurrentIndex(exact if exact >= 0 else index)

    def _partner_entered(self) -> None:
        self._partner_typed()
        if self.partner_code():
            self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_moved(self, _old, new) -> None:
        if (alive(self) and new is not None and new is not self and self.isAncestorOf(new)
                and not self.partner.isAncestorOf(new)):
            self._partner_typed()

    def partner_code(self) -> str:
        i = self.partner.currentIndex()
        if i >= 0 and self.partner.currentText() == self.partner.itemText(i):
            return str(self.partner.itemData(i))
        return self.partner.currentText().strip().split(" ")[0] if self.partner.currentText().strip() else ""

    def _partner_changed(self) -> None:
        i = self.partner.currentIndex()
        partner = self.partners[i] if 0 <= i < len(self.partners) else None
        self.partner_id = partner.id if partner is not None else None
        self.load_items()

    def load_items(self) -> None:
        """Read the chosen partner's open items in the background."""
        self._items_ticket += 1
        ticket, partner_id, side = self._items_ticket, self.partner_id, self.side
        if partner_id is None:
            self._items_loaded(ticket, [])
            return
        accounts, uow, day = self.services.accounts, self.services.reader, self.day.date().toPython()

        def job():
            rows = accounts.open_items(side, partner_id)
            if side == AR:
                return rows, None, {}
            each = foreign_items(uow(), rows)  # what each item is open in the supplier's currency, read once
            amounts = [x.amount for x in each.values()]
            owed = None if not each else ForeignBalance(
                next(iter(each.values())).currency, None if None in amounts else sum(amounts, ZERO))
            return rows, payment_rate(uow(), partner_id, owed, day), {k: x.amount for k, x in each.items()}

        self.services.tasks.submit(job, lambda result: self._items_loaded(ticket, result), self._failed)

    def _items_loaded(self, ticket: int, result) -> None:
        if not alive(self) or ticket != self._items_ticket:
            return
        rows, self.rate, self.fx_open = result if isinstance(result, tuple) else (result, None, {})
        self._offer_currency()
        self.docs = group_documents(rows)
        self.credit = sum((r.open for r in rows if r.amount < 0), ZERO)
        self.grid.show_documents(self.docs)
        self.items_ready = True
        self.fill_oldest_first(force=True)
        self.retranslate()

    items_ready = False
    fx_open: dict = {}  # item id → what is open of it in the supplier's currency (None: a rate not known)

    def _offer_currency(self) -> None:
        """For a supplier in a foreign currency: the amount in its currency at the day's rate (when there is one) or
        in the company's; nothing to choose for the others."""
        rate = self.rate
        self.form.setRowVisible(self.currency_label, rate is not None)
        self.currency.blockSignals(True)
        self.rate_edit.blockSignals(True)
        self.currency.clear()
        if rate is not None:
            self.currency.addItem(rate.currency, rate.currency)
            self.currency.addItem(rate.company, "")
            self.currency.setCurrentIndex(0 if rate.rate is not None else 1)
            self.rate_edit.setText(price_text(rate.rate) if rate.rate is not None else "")
        else:
            self.rate_edit.clear()
        self.currency.blockSignals(False)
        self.rate_edit.blockSignals(False)

    def in_currency(self) -> str:
        """The supplier's currency when the amount is typed in it; "" when it is the company's."""
        return str(self.currency.currentData() or "") if self.rate is not None else ""

    def typed_rate(self) -> Decimal | None:
        return typed_positive(self.rate_edit.text())

    def company_amount(self) -> Decimal | None:
        """The amount typed in the company currency: as typed, or in the supplier's currency times the rate."""
        amount = self.amount_value()
        if amount is None or not self.in_currency():
            return amount
        rate = self.typed_rate()
        return None if rate is None or self.rate is None else round_money(amount * rate, self.rate.places)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.say(refusal_text(exc), error=True)

    # -- allocating ------------------------------------------------------------------------
    def amount_value(self) -> Decimal | None:
        return typed_positive(self.amount.text())

    def fill_oldest_first(self, force: bool = False) -> None:
        """Allocate the amount typed to the open documents, oldest first (every change of the amount does)."""
        amount = self.company_amount() or ZERO
        self.grid.fill(self.docs, oldest_first_plan(self.docs, amount))
        self._show_left()

    def clear_allocation(self) -> None:
        """Nothing allocated: the whole amount is kept as the partner's credit."""
        self.grid.fill(self.docs, {})
        self._show_left()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if not self.grid.filling and item.column() == C_ALLOCATE:
            self._show_left()

    def allocations(self) -> tuple[list[tuple[str, Decimal]], str]:
        """(number, amount) of every row with an amount typed, and the first problem found ("" when none)."""
        return self.grid.allocations(self.docs)

    def left_over(self) -> tuple[Decimal, Decimal]:
        """(allocated, left as credit) of the amount typed, in the company currency."""
        amount = self.company_amount() or ZERO
        allocated = sum((a for _n, a in self.allocations()[0]), ZERO)
        return allocated, amount - allocated

    def expected_difference(self) -> Decimal:
        """The exchange difference posting the amount typed in the supplier's currency will book (docs/ACCOUNTS.md:
        ``domain.accounts.exchange_difference``), as the grid allocates it: + a loss (what a document settled in
        the company currency still owes in its own, at the rate typed), − a gain (what is left open in the company
        currency on a document the amount settles whole in its own); 0 when typed in the company currency."""
        rate, places = self.typed_rate(), self.rate.places if self.rate is not None else 2
        if not self.in_currency() or rate is None:
            return ZERO
        taken = dict(self.allocations()[0])
        loss, gain = ZERO, ZERO
        for d in self.docs:
            amounts = [self.fx_open.get(r.id) for r in d.rows]
            if d.number not in taken or None in amounts:
                continue
            worth = round_money(sum(amounts, ZERO) * rate, places)
            if taken[d.number] >= d.open and worth > d.open:
                loss += worth - d.open
            elif taken[d.number] == worth < d.open:
                gain += d.open - worth
        return min(loss, max(self.left_over()[1], ZERO)) - gain

    def _show_left(self) -> None:
        allocated, left = self.left_over()
        _rows, problem = self.allocations()
        if not problem and left < 0:
            problem = fill(translate("Accounts", "%1 is allocated, more than the amount; take %2 off"),
                           money_text(allocated),
                           money_text(-left))
        self._show_rate()
        if problem:
            self.left_label.setText(problem)
            self.left_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        else:
            difference = self.expected_difference()
            if difference:  # what a payment in the supplier's currency will book as 汇兑损益, not as credit
                self.left_label.setText(fill(translate("Accounts", "Allocated %1 · exchange difference %2 · left as "
                                                                   "credit %3"),
                                             money_text(allocated), money_text(difference),
                                             money_text(left - max(difference, ZERO))))
            else:
                self.left_label.setText(fill(sided(self.side, "Allocated %1 · left as credit %2"),
                                             money_text(allocated),
                                             money_text(left)))
            self.left_label.setStyleSheet("font-weight: bold;")
        self.problem = problem

    problem = ""

    def _show_rate(self) -> None:
        """Beside the amount, for a supplier in a foreign currency: that the amount is the company currency's, the
        day's rate and what the amount typed pays in the supplier's currency."""
        rate = self.rate
        self.currency_hint.setVisible(rate is not None)
        if rate is None:
            return
        if rate.rate is None:
            self.currency_hint.setText(fill(translate("Accounts", "Amount in %1 · no %2 rate on or before %3: enter "
                                                                  "it in Settings › Exchange rates"),
                                            rate.company, rate.currency, self.day.date().toPython().isoformat()))
            return
        amount = self.amount_value()
        figures = (rate.company, rate.currency, price_text(rate.rate), day_text(rate.rate_from))
        if self.in_currency():  # typed in the supplier's currency: what it comes to in the company's
            company, typed = self.company_amount(), self.typed_rate()
            self.currency_hint.setText(fill(translate("Accounts", "Amount in %1 · 1 %1 = %2 %3 · %3 %4"),
                                            rate.currency, price_text(typed) if typed else "—", rate.company,
                                            money_text(company) if company is not None else "—"))
            return
        if amount is None:
            self.currency_hint.setText(fill(translate("Accounts", "Amount in %1 · 1 %2 = %3 %1 (rate of %4)"),
                                            *figures))
        else:
            self.currency_hint.setText(fill(translate("Accounts", "Amount in %1 · 1 %2 = %3 %1 (rate of %4) · "
                                                                  "pays %2 %5"),
                                            *figures, money_text(rate.paid(amount))))

    # -- posting ---------------------------------------------------------------------------
    def command(self) -> ac.RecordMoney:
        rows, _problem = self.allocations()
        currency = self.in_currency()
        return ac.RecordMoney(
            self.kind, self.partner_code(), self.amount.text().strip(), method=str(self.method.currentData() or "cash"),
            day=self.day.date().toPython(), reference=self.reference.text().strip(), note=self.note.text().strip(),
            allocate=tuple(ac.AllocateTo(n, str(a)) for n, a in rows), auto=False, currency=currency,
            rate=self.rate_edit.text().strip().replace(",", "") if currency else None)

    def post(self) -> None:
        if not self.may_post or not self.post_button.isEnabled():
            return
        self._show_left()
        if self.amount_value() is None:
            self.say(translate("Accounts", "Amount: enter an amount above 0, such as 1500 or 1,500.00."), error=True)
            self.amount.setFocus()
            return
        if self.problem:
            self.say(self.problem, error=True)
            return
        from domain.accounts.money import record_money

        command, uow = self.command(), self.services.uow
        self.post_button.setEnabled(False)
        self.say(translate("Accounts", "Posting…"))
        self.services.tasks.submit(lambda: record_money(uow(), command), self._posted, self._post_failed)

    def _posted(self, item) -> None:
        if not alive(self):
            return
        self.post_button.setEnabled(True)
        self.last_number = item.number
        text = (translate("Accounts", "Posted %1: %2 from %3") if self.side == AR
                else translate("Accounts", "Posted %1: %2 to %3"))
        paid = money_text(abs(item.amount))
        if item.fx_currency:  # as typed, and what it came to
            paid = f"{item.fx_currency} {money_text(abs(item.fx_amount))} = {paid}"
        self.say(fill(text, item.number, paid, self.partner.currentText()))
        self.amount.clear()
        self.reference.clear()
        self.note.clear()
        # The next receipt is most often another partner's: the cursor waits in the partner, its text chosen to be
        # typed over (it stayed in the field Ctrl+Enter was pressed in, the note or the reference)
        self.partner.setFocus(Qt.FocusReason.OtherFocusReason)
        self.partner.lineEdit().selectAll()
        self.posted.emit(item.number)
        self.load_items()

    def _post_failed(self, exc: BaseException) -> None:
        if alive(self):
            self.post_button.setEnabled(self.may_post)
            self.say(refusal_text(exc), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Accounts", "Receipt entry") if self.side == AR
                            else translate("Accounts", "Payment entry"))
        # Alt and a letter reaches each field from anywhere in the entry (back from the grid to the amount, say);
        # the labels had no keys
        self.partner_label.setText(translate("Accounts", "&Customer") if self.side == AR
                                   else translate("Accounts", "&Supplier"))
        self.partner.lineEdit().setPlaceholderText(translate("Accounts", "Type a code or a name"))
        self.amount_label.setText(translate("Accounts", "&Amount"))
        self.method_label.setText(translate("Accounts", "&Method"))
        self.day_label.setText(translate("Accounts", "&Date"))
        self.reference_label.setText(translate("Accounts", "&Reference"))
        self.note_label.setText(translate("Accounts", "&Note"))
        self.currency_label.setText(translate("Accounts", "C&urrency"))
        self.rate_label.setText(translate("Accounts", "Ra&te"))
        self.rate_edit.setToolTip(translate("Accounts", "Units of the company currency per 1 unit of the supplier's "
                                                        "currency; the rate of the day unless typed over"))
        self.grid.set_headers()
        credit = getattr(self, "credit", ZERO)
        # what the documents listed still owe in all, beside their count: the customer paying "everything" is typed
        # without adding up the grid first
        self.items_label.setText(fill(sided(self.side, "Open documents: %1, open %2 · credit already held %3"),
                                      str(len(self.docs)),
                                      money_text(sum((d.open for d in self.docs), ZERO)),
                                      money_text(credit)))
        rate = getattr(self, "rate", None)
        if rate is not None and rate.owed is not None:  # what the supplier's own statement will say is owed
            self.items_label.setText(fill(translate("Accounts", "%1 · owed in %2: %3"), self.items_label.text(),
                                          rate.currency, money_text(rate.owed)))
        self.oldest_button.setText(translate("Accounts", "&Oldest first"))
        self.clear_button.setText(sided(self.side, "&Keep all as credit"))
        self.post_button.setText(translate("Accounts", "Post (Ctrl+Enter)"))
        self.close_button.setText(translate("Accounts", "Close"))
        self._show_rate()
