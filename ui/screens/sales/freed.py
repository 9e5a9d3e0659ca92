"""After a receipt, the backorders it lets ship (``domain.sales.backorders.freed_by``): one line under the
receipt, "3 backorders can now ship: SO-2026-00012 (Zhang San, 5 of 5)…", the oldest promise first, and a button
that lists them with what each can ship (on the Sales orders screen, where a double-click opens one).
Nothing is reserved by it; the clerk ships them from there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import fmt
from ui.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
SHOWN = 3  # orders named in the sentence; the button lists them all


def freed_text(freed) -> str:
    """The sentence: how many backorders can now ship, and the first few (order, customer, how much of what
    waited)."""
    count = len(freed)
    named = [fill(translate("FreedBackorders", "%1 (%2, %3 of %4)"), f.backorder.so, f.backorder.customer_name or
                  f.backorder.customer, fmt(f.qty), fmt(f.backorder.qty)) for f in freed[:SHOWN]]
    listed = translate("FreedBackorders", ", ").join(named) + ("…" if count > SHOWN else "")
    if count == 1:  # two sentences, not %n: the English has no plural forms file to say "backorders" from
        return fill(translate("FreedBackorders", "1 backorder can now ship: %1"), listed)
    return fill(translate("FreedBackorders", "%1 backorders can now ship: %2"), count, listed)


class FreedBackorders(QWidget):
    """Hidden until a receipt frees a backorder (``show_freed``); Show them… opens the list of those orders."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.freed: list = []
        self.dialog = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #1a7f37; font-weight: bold;")
        self.button = QPushButton(self)
        self.button.clicked.connect(self.open_them)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def show_freed(self, freed) -> None:
        self.freed = list(freed)
        self.setVisible(bool(self.freed))
        self.retranslate()

    def open_them(self):
        """The list of what can now ship: the Sales orders screen's, when the main window has one (a double-click
        there opens the order to ship); else the list alone."""
        window = self.window()
        sales = window.show_screen("sales") if hasattr(window, "show_screen") else None
        if sales is not None and hasattr(sales, "show_backorders"):
            self.dialog = sales.show_backorders(freed=self.freed)
            return self.dialog
        from ui.screens.sales.backorders import BackordersDialog

        self.dialog = BackordersDialog(self.services, self, freed=self.freed)
        self.dialog.open()
        return self.dialog

    def retranslate(self) -> None:
        self.button.setText(translate("FreedBackorders", "Show &them…"))
        self.label.setText(freed_text(self.freed) if self.freed else "")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
