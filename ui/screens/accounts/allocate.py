"""Allocate credit a partner holds (money or a return not yet applied) to its open documents, later, by hand.

The credit is chosen from the partner's − items with something open; its open amount is spread oldest first over
the open documents at once, and each can be changed by hand. ``allocate_credit`` runs on the task runner.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from domain.accounts import commands as ac
from domain.kernel.numbers import ZERO
from ui.i18n import fill
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.screens.accounts.entry import AllocationGrid
from ui.screens.accounts.entry import group_documents
from ui.screens.accounts.entry import oldest_first_plan
from ui.screens.accounts.words import credit_word
from ui.screens.accounts.words import kind_text
from ui.screens.accounts.words import sided
from ui.screens.accounts.words import translate
from ui.widgets.busy import alive
from ui.widgets.screen import ERROR_STYLE


class AllocateDialog(QDialog):
    allocated = Signal()

    def __init__(self, services, side: str, rows, parent=None) -> None:
        super().__init__(parent)
        self.services, self.side = services, side
        self.credits = [r for r in rows if r.amount < 0 and r.open > 0]
        self.docs = group_documents(rows)
        self.credit = QComboBox(self)
        for r in self.credits:
            self.credit.addItem(f"{r.number}  {kind_text(r.kind)}  {money_text(r.open)}", r.number)
        self.credit.currentIndexChanged.connect(lambda _i: self.fill_oldest_first())
        self.grid = AllocationGrid(self)
        self.grid.show_documents(self.docs)
        self.grid.itemChanged.connect(lambda _item: None if self.grid.filling else self._show_left())
        self.credit_label = QLabel(self)
        self.left_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.post_button = QPushButton(self)
        self.post_button.clicked.connect(self.post)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.credit_label)
        top.addWidget(self.credit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.left_label, 1)
        buttons.addWidget(self.post_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(680, 420)
        self.setWindowTitle(sided(self.side, "Allocate credit"))
        self.credit_label.setText(credit_word(self.side))
        self.post_button.setText(translate("Accounts", "Allocate"))
        self.close_button.setText(translate("Accounts", "Close"))
        self.grid.set_headers()
        self.fill_oldest_first()

    def available(self) -> Decimal:
        i = self.credit.currentIndex()
        return self.credits[i].open if 0 <= i < len(self.credits) else ZERO

    def fill_oldest_first(self) -> None:
        plan = oldest_first_plan(self.docs, self.available())
        self.grid.fill(self.docs, plan)
        self._show_left()

    def _show_left(self) -> None:
        rows, problem = self.grid.allocations(self.docs)
        allocated = sum((a for _n, a in rows), ZERO)
        left = self.available() - allocated
        if not problem and left < 0:
            problem = fill(translate("Accounts", "%1 is allocated, more than the amount; take %2 off"),
                           money_text(allocated),
                           money_text(-left))
        self.problem = problem
        self.left_label.setStyleSheet(ERROR_STYLE if problem else "")
        self.left_label.setText(problem or fill(sided(self.side, "Allocated %1 · left as credit %2"),
                                                money_text(allocated),
                                                money_text(left)))

    def post(self) -> None:
        self._show_left()
        rows, _problem = self.grid.allocations(self.docs)
        if self.problem or not rows or self.credit.currentIndex() < 0:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.problem or translate("Accounts", "Type an amount to allocate to at least one "
                                                                       "document."))
            return
        from domain.accounts.money import allocate_credit

        command = ac.AllocateCredit(str(self.credit.currentData()), tuple(ac.AllocateTo(n, str(a)) for n, a in rows),
                                    side=self.side)
        uow = self.services.uow
        self.post_button.setEnabled(False)

        def done(_rows) -> None:
            if alive(self):
                self.allocated.emit()
                self.accept()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.post_button.setEnabled(True)
                self.message.setStyleSheet(ERROR_STYLE)
                self.message.setText(refusal_text(exc))

        self.services.tasks.submit(lambda: allocate_credit(uow(), command), done, failed)

