"""The stockout panel of the order screen: what confirming could not promise, line by line, and what to do.

When ``domain.sales.orders.confirm`` refuses with ``Shortage``, the panel lists each short line with the offers
in the order a clerk should weigh them:

1. stock of the product in another warehouse: ship the line from there, or move it here with a transfer;
2. the arrival date of the earliest open purchase order that covers the shortfall, or "no purchase order yet"
   with a button to the replenishment suggestion for the product;
3. substitute products with what they can promise here and their price for this customer: replace the line by
   one, or add one as a line of its own;

and, for the whole order, ship what is there and backorder the rest (confirm with the override, which records
who promised beyond the stock). The panel only says and asks; the screen runs the use cases (signals).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import fmt
from domain.sales.orders import ShortLine
from domain.sales.prices import Quote
from ui.i18n import fill
from ui.screens.sales.words import money_or_none
from ui.screens.sales.words import price_text
from ui.screens.sales.words import translate

PANEL_STYLE = "QFrame#shortage { background: #fff7e6; border: 1px solid #e0a030; border-radius: 4px; }"
HEAD_STYLE = "color: #8a3b00; font-weight: bold;"
NOTE_STYLE = "color: #555;"
SCROLL_MIN = 170  # px: the offers of one short line with two other warehouses and a substitute, in both languages



class ShortLineBox(QFrame):
    """One short line and its offers."""

    def __init__(self, short: ShortLine, panel: ShortagePanel) -> None:
        super().__init__(panel)
        self.short = short
        self.panel = panel
        self.ship_buttons: dict[str, QPushButton] = {}
        self.transfer_buttons: dict[str, QPushButton] = {}
        self.replace_buttons: dict[str, QPushButton] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.price_labels: dict[str, QLabel] = {}
        self.stock_labels: dict[str, QLabel] = {}
        self.replenish_button: QPushButton | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(2)
        self.title = QLabel(self)
        self.title.setStyleSheet(HEAD_STYLE)
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0, 1, 4)
        row = 1
        # 1. other warehouses
        self.other_label = QLabel(self)
        self.other_label.setVisible(not short.other_warehouses)
        grid.addWidget(self._heading("1."), row, 0)
        if not short.other_warehouses:
            grid.addWidget(self.other_label, row, 1, 1, 3)
            row += 1
        for offer in short.other_warehouses:
            label = QLabel(self)
            self.stock_labels[offer.warehouse] = label
            ship = QPushButton(self)
            ship.clicked.connect(lambda _=False, w=offer.warehouse: panel.ship_from.emit(short.line_no, w))
            move = QPushButton(self)
            qty = min(short.short, offer.available)
            move.clicked.connect(
                lambda _=False, w=offer.warehouse, q=qty: panel.transfer.emit(short.sku, w, short.warehouse, q)
            )
            self.ship_buttons[offer.warehouse] = ship
            self.transfer_buttons[offer.warehouse] = move
            grid.addWidget(label, row, 1)
            grid.addWidget(ship, row, 2)
            grid.addWidget(move, row, 3)
            row += 1
        # 2. arrival
        grid.addWidget(self._heading("2."), row, 0)
        self.arrival_label = QLabel(self)
        self.arrival_label.setWordWrap(True)
        grid.addWidget(self.arrival_label, row, 1, 1, 2 if short.arrival is None else 3)
        if short.arrival is None:
            self.replenish_button = QPushButton(self)
            self.replenish_button.clicked.connect(lambda: panel.replenish.emit(short.sku, short.warehouse))
            grid.addWidget(self.replenish_button, row, 3)
        row += 1
        # 3. substitutes
        grid.addWidget(self._heading("3."), row, 0)
        self.substitutes_label = QLabel(self)
        self.substitutes_label.setVisible(not short.substitutes)
        if not short.substitutes:
            grid.addWidget(self.substitutes_label, row, 1, 1, 3)
            row += 1
        for offer in short.substitutes:
            label = QLabel(self)
            self.price_labels[offer.sku] = label
            replace = QPushButton(self)
            replace.clicked.connect(lambda _=False, s=offer.sku: panel.replace.emit(short.line_no, s))
            add = QPushButton(self)
            qty = min(short.short, max(offer.available, Decimal(0))) or short.short
            add.clicked.connect(lambda _=False, s=offer.sku, q=qty: panel.add_substitute.emit(s, q))
            self.replace_buttons[offer.sku] = replace
            self.add_buttons[offer.sku] = add
            grid.addWidget(label, row, 1)
            grid.addWidget(replace, row, 2)
            grid.addWidget(add, row, 3)
            row += 1
        grid.setColumnStretch(1, 1)
        self.quotes: dict[str, Quote] = {}

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet(NOTE_STYLE)
        return label

    def retranslate(self) -> None:
        s = self.short
        self.title.setText(
            fill(
                translate("SalesOrders", "Line %1 · %2: %3 asked, %4 available in %5 — %6 short"),
                s.line_no,
                s.sku,
                fmt(s.asked),
                fmt(s.available),
                s.warehouse,
                fmt(s.short),
            )
        )
        self.other_label.setText(translate("SalesOrders", "No other warehouse has it available."))
        for offer in s.other_warehouses:
            self.stock_labels[offer.warehouse].setText(
                fill(translate("SalesOrders", "%1 available in %2"), fmt(offer.available), offer.warehouse)
            )
            self.ship_buttons[offer.warehouse].setText(fill(translate("SalesOrders", "Ship from %1"), offer.warehouse))
            self.transfer_buttons[offer.warehouse].setText(
                fill(translate("SalesOrders", "Transfer %1 to %2…"), fmt(min(s.short, offer.available)), s.warehouse)
            )
        if s.arrival is not None:
            self.arrival_label.setText(
                fill(translate("SalesOrders", "An open purchase order brings enough by %1."), s.arrival.isoformat())
            )
        else:
            self.arrival_label.setText(translate("SalesOrders", "No purchase order yet covers the shortfall."))
            self.replenish_button.setText(translate("SalesOrders", "Replenishment…"))
        self.substitutes_label.setText(translate("SalesOrders", "No substitutes are listed for this product."))
        for offer in s.substitutes:
            q = self.quotes.get(offer.sku)
            if q is None:
                price = translate("SalesOrders", "price…")
            elif q.unit_price is None:
                price = translate("SalesOrders", "no price")
            else:
                price = fill(translate("SalesOrders", "%1 (%2 with tax)"), price_text(q.unit_price),
                             money_or_none(q.unit_price_with_tax))
            self.price_labels[offer.sku].setText(
                fill(
                    translate("SalesOrders", "Substitute %1 %2: %3 available in %4, %5"),
                    offer.sku,
                    offer.name,
                    fmt(offer.available),
                    offer.warehouse,
                    price,
                )
            )
            self.replace_buttons[offer.sku].setText(translate("SalesOrders", "Replace line"))
            self.add_buttons[offer.sku].setText(translate("SalesOrders", "Add as a line"))


class ShortagePanel(QFrame):
    """Shown above the lines while a confirmation waits for the clerk's choice."""

    ship_from = Signal(int, str)  # line no, warehouse code
    transfer = Signal(str, str, str, object)  # SKU, from, to, quantity
    replenish = Signal(str, str)  # SKU, the short line's warehouse
    replace = Signal(int, str)  # line no, substitute SKU
    add_substitute = Signal(str, object)  # substitute SKU, quantity
    backorder = Signal()  # confirm with the override
    dismissed = Signal()
    left = Signal()  # hidden while it held the keyboard: the screen takes it back

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shortage")
        self.setStyleSheet(PANEL_STYLE)
        self.boxes: list[ShortLineBox] = []
        self.head = QLabel(self)
        self.head.setStyleSheet(HEAD_STYLE)
        self.head.setWordWrap(True)
        self.backorder_button = QPushButton(self)
        self.backorder_button.clicked.connect(self.backorder.emit)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.withdraw)
        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.backorder_button)
        top.addWidget(self.close_button)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        scroll.setMaximumHeight(260)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(scroll)
        self.so = ""
        self.lines: tuple[ShortLine, ...] = ()
        self.hide()

    def offer(self, so: str, lines: tuple[ShortLine, ...], focus: bool = True) -> None:
        """Show the short lines; with ``focus`` the first offer takes the keyboard (after Confirm, not while the
        clerk types lines)."""
        self.withdraw(silent=True)
        self.so, self.lines = so, tuple(lines)
        for short in lines:
            box = ShortLineBox(short, self)
            self.boxes.append(box)
            self.body_layout.addWidget(box)
        self.body_layout.addStretch(1)
        self.retranslate()
        # The scroll area's own minimum is a few pixels: squeezed by the lines below, one short line showed its
        # first offer and hid the purchase-order date and the substitutes behind a scroll bar. It takes the height
        # of its offers, up to SCROLL_MIN, and scrolls only beyond that.
        self.scroll.setMinimumHeight(min(self.body.sizeHint().height(), SCROLL_MIN))
        self.show()
        if self.boxes and focus:
            first = next(iter(self.boxes[0].ship_buttons.values()), None) or self.backorder_button
            first.setFocus()

    def set_quotes(self, quotes: dict[str, Quote]) -> None:
        for box in self.boxes:
            box.quotes = quotes
            box.retranslate()

    def box(self, line_no: int) -> ShortLineBox:
        return next(b for b in self.boxes if b.short.line_no == line_no)

    def withdraw(self, silent: bool = False) -> None:
        """Hide the panel. When it held the keyboard (an offer or Close chosen by key), ``left`` asks the screen to
        take it: hidden with the focus inside, Qt handed the keyboard to the window's navigation list, where the
        order's own shortcuts (Ship, Ctrl+Shift+S) were dead."""
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        for box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes.clear()
        self.lines = ()
        while self.body_layout.count():
            self.body_layout.takeAt(0)
        was = self.isVisible()
        self.hide()
        if had_focus:
            self.left.emit()
        if was and not silent:
            self.dismissed.emit()

    def retranslate(self) -> None:
        count = len(self.boxes)  # lupdate reads a plural's count only as a plain name
        self.head.setText(
            fill(
                translate(
                    "SalesOrders",
                    "%1 cannot be confirmed as it is: %n line(s) short. Choose for each line, or "
                    "ship what is there and backorder the rest.",
                    None,
                    count,
                ),
                self.so,
            )
        )
        self.backorder_button.setText(translate("SalesOrders", "Ship what is there, backor&der the rest"))
        self.close_button.setText(translate("SalesOrders", "Close"))
        for box in self.boxes:
            box.retranslate()
