"""The customer's credit beside the customer field (``CreditLine``), as 管家婆 shows it when a customer is chosen:
its receivable (应收余额), its credit limit (信用额度) and what is left (可用额度), with the order's value against
what is left; past the limit in a warning colour and in words. The figures are ``domain.sales.credit.standing``'s,
the ones confirming counts, read on the task runner; the clerk no longer learns of the limit first on confirming.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.sales import credit
from domain.sales.credit import CreditCheck
from domain.sales.credit import OverCreditLimit
from ui.i18n import fill
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.screens.sales.words import translate
from ui.widgets.busy import alive

OVER_STYLE = "color: #9b1c1c; font-weight: bold;"
# The refusals a manager may pass with the override (the others say the user asked and may not).
OVERRIDABLE = ("credit_limit_exceeded", "sale_credit_limit_exceeded")


def ask_past_limit(parent: QWidget, services, exc: OverCreditLimit, question: str) -> bool:
    """The credit limit passed (confirming an order, a counter sale on account): a manager (anyone while sign-in is
    off) is asked ``question`` under the refusal, No the default; anyone else is shown why not. True: go on with the
    override."""
    text = refusal_text(exc)
    title = translate("SalesOrders", "Credit limit")
    role = services.role
    if exc.code in OVERRIDABLE and (role is None or allows(role, Permission.CREDIT_OVERRIDE)):
        answer = QMessageBox.question(parent, title, text + "\n\n" + question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    QMessageBox.warning(parent, title, text)
    return False
WITHIN_STYLE = "color: #1a5f7a;"


class CreditLine(QLabel):
    """One line of text: 应收余额 · 信用额度 · 可用额度 · 本单, read for the customer chosen (``show_customer``) or
    handed over with an order read (``show_figures``); ``set_amount`` puts a sale not yet saved (a counter sale's
    lines) against what is left."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWordWrap(True)
        self.customer = ""  # the code the figures are of
        self.figures: CreditCheck | None = None
        self.amount: Decimal | None = None  # the sale's value typed here, in place of the figures' this_order
        self._ticket: object = None

    def show_customer(self, code: str, so: str | None = None) -> None:
        """Read ``code``'s credit in the background (with the order ``so``'s value when given) and show it; an empty
        or unknown code clears the line."""
        self._ticket = ticket = object()
        self.customer = code
        if not code:
            self.show_figures(None, "")
            return
        reader = self.services.reader

        def done(figures) -> None:
            if alive(self) and ticket is self._ticket:
                self.show_figures(figures, code)

        self.services.tasks.submit(lambda: credit.standing(reader(), code, so), on_done=done,
                                   on_error=lambda exc: None)

    def show_figures(self, figures: CreditCheck | None, code: str) -> None:
        """Show figures already read (an order's load reads them with the order)."""
        if code != self.customer:
            self._ticket = None  # a read still running for another customer is not shown over these
        self.customer, self.figures = code, figures
        self.render()

    def set_amount(self, amount: Decimal | None) -> None:
        """The value with tax of the sale being typed (None: the order's own, as read)."""
        self.amount = amount
        self.render()

    def render(self) -> None:
        figures = self.figures
        if figures is None:
            self.clear()
            self.setToolTip("")
            return
        if self.amount is not None:
            figures = dataclasses.replace(figures, this_order=self.amount)
        parts = [fill(translate("SalesCredit", "Receivable %1"), money_text(figures.balance))]
        if figures.limit is None:
            parts.append(translate("SalesCredit", "no credit limit"))
        else:
            parts.append(fill(translate("SalesCredit", "credit limit %1"), money_text(figures.limit)))
            if figures.open_orders:
                parts.append(fill(translate("SalesCredit", "open orders %1"), money_text(figures.open_orders)))
            parts.append(fill(translate("SalesCredit", "available %1"), money_text(figures.left)))
        if figures.this_order:
            parts.append(fill(translate("SalesCredit", "this order %1"), money_text(figures.this_order)))
        text = translate("SalesCredit", " · ").join(parts)
        if figures.is_over:
            text += translate("SalesCredit", " — ") + fill(translate("SalesCredit", "OVER the credit limit by %1"),
                                                 money_text(figures.over))
        self.setStyleSheet(OVER_STYLE if figures.is_over else WITHIN_STYLE)
        self.setText(text)
        self.setToolTip(translate("SalesCredit", "What the customer owes, its credit limit and what the limit leaves "
                                                 "after its open orders, as confirming an order counts them."))
