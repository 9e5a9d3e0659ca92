"""After a goods receipt is posted (on the Receive screen, or through Receive… on the Purchasing screen): one line
that offers to print its note (采购入库单, ``po receipt-pdf``'s), rendered and written on the task runner
(``ui.screens.sales.printing.print_goods_receipt``) and then opened; the line says where it was written, or why not.
Hidden until ``offer`` names a receipt, and again when the next posting starts. Ctrl+P prints it from anywhere on
the screen while it is offered, as Ctrl+P prints a sales order's confirmation: its button took Alt+P, which Post
(Receive) and Print… (Purchase orders) had already, so Alt+P posted nothing and printed nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from ui.i18n import fill
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.widgets.busy import BusyBar

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class ReceiptNoteOffer(QWidget):
    """Print receipt note… for the receipt named last by ``offer``."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.number = ""
        self.printed = False  # the line says what printing came to rather than the offer
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.print_note)
        self.busy_bar = BusyBar(self)  # while the note renders
        shortcut = QShortcut(QKeySequence("Ctrl+P"), parent if parent is not None else self,
                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.print_note() if self.isVisible() and self.button.isEnabled() else None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def offer(self, number: str) -> None:
        """Offer the note of the receipt numbered ``number``; an empty number hides the offer."""
        self.number, self.printed = number, False
        self._say_offer()
        self.setVisible(bool(number))

    def _say_offer(self) -> None:
        self.label.setStyleSheet(GREEN)
        # %1 the goods receipt's number (GR-…)
        self.label.setText(fill(translate("ReceiptNote", "Goods receipt %1 posted."), self.number) if self.number
                           else "")

    def print_note(self) -> None:
        from ui.screens.sales.printing import print_goods_receipt

        if self.number:
            self.button.setEnabled(False)
            print_goods_receipt(self, self.services, self.number)

    def say(self, text: str, error: bool = False) -> None:
        """What printing came to (written where, or why not)."""
        self.button.setEnabled(True)
        self.printed = True
        self.label.setStyleSheet(RED if error else GREEN)
        self.label.setText(text)

    def retranslate(self) -> None:
        self.button.setText(translate("ReceiptNote", "Print receipt note… (Ctrl+P)"))
        if not self.printed:
            self._say_offer()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
