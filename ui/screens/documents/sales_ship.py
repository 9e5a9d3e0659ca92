"""The Ship screen's sales tab (``SalesShipPanel``): shipping against a sales order, and the counter sale (销售单).

Against an order: choose an open order, or scan (type) its number, e.g. SO-2026-00007, here or in the Ship
screen's scan field. Its open lines fill the grid with what can leave now (on hand not promised to other orders);
change a quantity or scan products (the first scan of a line counts from 1). Posting runs
``domain.sales.shipping.ship``: one sale document per warehouse, what stays open is the backorder.

A counter sale: a customer, a warehouse, and products scanned or typed; each line takes the customer's quoted price
(change it in the grid). Posting runs ``domain.sales.shipping.sell``: one sale document, or nothing and the
shortfall kept as unfilled demand when a line asks for more than is available.

A refusal is shown translated next to its line (``ui.refusals``), or above the grid when it names none.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.errors import DomainError
from domain.kernel.numbers import AmbiguousNumber
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_money
from domain.sales import commands as sc
from domain.sales import lookup
from domain.sales import shipping
from domain.sales.credit import OverCreditLimit
from domain.sales.model import revenue
from domain.sales.model import tax_of
from domain.sales.prices import discounted
from ui.i18n import fill
from ui.models.document_lines import ambiguous_text
from ui.models.table import price_text
from ui.refusals import refusal_text
from ui.screens.documents.delegates import TypedInTable
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.screens.documents.messages import say
from ui.screens.documents.sales_returns import PostedSales
from ui.screens.sales.credit_line import CreditLine
from ui.screens.sales.credit_line import ask_past_limit
from ui.screens.sales.words import cost_undercut
from ui.screens.sales.words import unit_costs
from ui.widgets.busy import alive
from ui.widgets.pinyin_completer import complete_combo
from ui.widgets.tab_order import chain_tabs
from ui.widgets.table_view import fit_titles

CTX = "SalesShip"
SO_NUMBER = re.compile(r"SO-\d{4}-\d+", re.IGNORECASE)
OPEN_SO = ("confirmed", "partly_shipped")
C_SKU, C_NAME, C_WAREHOUSE, C_OPEN, C_QTY, C_PRICE, C_DISCOUNT, C_AMOUNT, C_PROBLEM = range(9)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
AMBER = "#8a5a00"  # a line that cannot ship in full: said, not refused



class SaleLine:
    """One line of the grid: against an order, an open order line; in a counter sale, a product scanned."""

    def __init__(
        self,
        sku: str,
        name: str,
        warehouse: str,
        open_qty: Decimal | None,
        qty: Decimal,
        price: Decimal | None = None,
        discount: Decimal = Decimal(0),
    ) -> None:
        self.sku, self.name, self.warehouse, self.open_qty = sku, name, warehouse, open_qty
        self.qty, self.price, self.discount = qty, price, discount
        self.price_typed = False
        self.scanned = False
        self.problem = ""
        self.plan: lookup.ShipNow | None = None  # against an order: what can leave now and why not more
        self.unit_cost: Decimal | None = None  # in its warehouse (moving average): a price below it is warned of
        self.tax_rate = Decimal(0)  # a counter sale's line: its quote's, for the customer's credit


def stock_note(plan: lookup.ShipNow) -> tuple[str, str]:
    """Why an order line cannot ship in full now, and where there is stock: short for the Problem column, whole for
    its tooltip. A line that showed Ship 0 with nothing said left the clerk to find out why, and where a transfer
    could come from."""
    translate = QCoreApplication.translate
    here = plan.warehouse
    if plan.on_hand <= 0:
        short = fill(translate("SalesShip", "None on hand in %1"), here)
        full = fill(translate("SalesShip", "Nothing is on hand in %1, so none of this line can ship now."), here)
    elif plan.qty <= 0:
        short = fill(translate("SalesShip", "%2 in %1, all promised to other orders"), here, fmt(plan.on_hand))
        full = fill(translate("SalesShip", "The %2 on hand in %1 are all promised to other orders, so none of this "
                                           "line can ship now."), here, fmt(plan.on_hand))
    else:
        short = fill(translate("SalesShip", "Only %2 can leave %1"), here, fmt(plan.qty))
        full = fill(translate("SalesShip", "Only %2 of the %3 open can ship from %1 now: %4 on hand, %5 of it "
                                           "promised to other orders."),
                    here, fmt(plan.qty), fmt(plan.open_qty), fmt(plan.on_hand), fmt(min(plan.on_hand, plan.promised)))
    if plan.elsewhere:
        where = translate("SalesShip", ", ").join(
            f"{code} {fmt(qty)}" for code, qty in plan.elsewhere)
        short = fill(translate("SalesShip", "%1 · %2"), short, where)
        full += " " + fill(translate("SalesShip", "Free stock in other warehouses: %1. Ask for a transfer to %2, then "
                                                  "ship the rest; until then it stays open as a backorder."),
                           where, here)
    else:
        short = fill(translate("SalesShip", "%1 · %2"), short,
                     translate("SalesShip", "none elsewhere"))
        full += " " + translate("SalesShip", "No other warehouse has free stock of it either; what is not shipped "
                                             "stays open as a backorder.")
    return short, full


class SalesShipPanel(QWidget):
    """The sales tab of the Ship screen."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.so = None  # SoRow being shipped against
        self.lines: list[SaleLine] = []
        self.customers: list = []
        self.open_orders: list = []
        self._busy = False
        self._filling = False
        self._last_error: BaseException | None = None
        self._last_result: tuple[str, tuple] | None = None
        self.order_mode = QRadioButton(self)
        self.counter_mode = QRadioButton(self)
        self.order_mode.setChecked(True)
        self.order_mode.toggled.connect(self._mode_changed)
        self.so_label, self.so_combo = QLabel(self), QComboBox(self)
        self.so_label.setBuddy(self.so_combo)
        self.so_combo.activated.connect(self._so_chosen)
        self.customer_label, self.customer = QLabel(self), QComboBox(self)
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        complete_combo(self.customer)  # by code, name or the name's pinyin, as on Sales orders
        self.customer_label.setBuddy(self.customer)
        self.credit = CreditLine(services, self)  # the customer's receivable, limit and what is left, as on the order
        self.customer.currentIndexChanged.connect(self._customer_chosen)
        self.customer.editTextChanged.connect(self._customer_chosen)
        self.warehouse_label, self.warehouse = QLabel(self), QComboBox(self)
        self.warehouse_label.setBuddy(self.warehouse)
        self.reference_label, self.reference = QLabel(self), QLineEdit(self)
        self.reference.setMaxLength(64)
        self.reference_label.setBuddy(self.reference)
        # Paid at once: settled in cash with the sale, so it adds nothing to what the customer owes and its credit
        # limit is not checked; on account (unticked, each sale anew) it is held to the limit as an order is.
        self.paid = QCheckBox(self)
        self.paid.toggled.connect(lambda _: self._show_lines())
        self.scan_label, self.scan = QLabel(self), QLineEdit(self)
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(self._scan_entered)
        self.scan_label.setBuddy(self.scan)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.header_error = QLabel(self)
        self.header_error.setStyleSheet(RED)
        self.header_error.setWordWrap(True)
        self.grid = TypedInTable(0, 9, self)  # what an input method types on a quantity reaches its cell
        self.grid.verticalHeader().setVisible(False)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setAlternatingRowColors(True)
        self.grid.horizontalHeader().setStretchLastSection(True)
        for column, width in (
            (C_SKU, 110),
            (C_NAME, 220),
            (C_WAREHOUSE, 70),
            (C_OPEN, 70),
            (C_QTY, 70),
            (C_PRICE, 80),
            (C_DISCOUNT, 60),
            (C_AMOUNT, 90),
        ):
            self.grid.setColumnWidth(column, width)
        self.grid.itemChanged.connect(self._edited)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid for the buttons; a cell being typed tabs on
        self.grid.installEventFilter(self)
        self.scan.installEventFilter(self)
        self.totals = QLabel(self)
        self.result_label = QLabel(self)
        self.result_label.setStyleSheet(GREEN)
        self.result_label.setWordWrap(True)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        self.post_button = QPushButton(self)
        self.post_button.clicked.connect(lambda: self.post())

        modes = QHBoxLayout()
        modes.addWidget(self.order_mode)
        modes.addWidget(self.counter_mode)
        modes.addStretch(1)
        header = QGridLayout()
        header.addWidget(self.so_label, 0, 0)
        header.addWidget(self.so_combo, 0, 1, 1, 3)
        header.addWidget(self.customer_label, 1, 0)
        header.addWidget(self.customer, 1, 1)
        header.addWidget(self.warehouse_label, 1, 2)
        header.addWidget(self.warehouse, 1, 3)
        header.addWidget(self.credit, 2, 1, 1, 3)  # under the customer it is of
        header.addWidget(self.reference_label, 3, 0)
        header.addWidget(self.reference, 3, 1)
        header.addWidget(self.paid, 3, 2, 1, 2)
        header.setColumnStretch(1, 2)
        header.setColumnStretch(3, 1)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.totals, 1)
        footer.addWidget(self.result_label, 2)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addLayout(header)
        layout.addWidget(self.info)
        layout.addLayout(scan_row)
        layout.addWidget(self.header_error)
        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(self.grid, 1)
        entry_layout.addLayout(footer)
        self.posted = PostedSales(services, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(entry)
        split.addWidget(self.posted)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        # header → scan field and lines → buttons (no focus proxy: Tab into the tab went to it, past the header)
        chain_tabs(self.order_mode, self.counter_mode, self.so_combo, self.customer, self.warehouse, self.reference,
                   self.paid, self.scan, self.grid, self.clear_button, self.post_button)
        self.retranslate()
        self._mode_changed()
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def _submit(self, fn, on_done, on_error=None) -> None:
        def done(result) -> None:
            if alive(self):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if alive(self):
                (on_error or self._failed)(exc)

        self.services.tasks.submit(fn, on_done=done, on_error=failed)

    def reload(self) -> None:
        catalog, sales = self.services.catalog, self.services.sales
        if getattr(self, "posted", None) is not None:
            self.posted.reload()

        def load():
            return sales.sales_orders(state=OPEN_SO), catalog.customers(), catalog.warehouses()

        self._submit(load, self._loaded)

    def _loaded(self, result) -> None:
        self.open_orders, self.customers, warehouses = result
        current = self.warehouse.currentData()
        self.warehouse.clear()
        for w in warehouses:
            self.warehouse.addItem(f"{w.code} — {w.name}", w.code)
        if current and self.warehouse.findData(current) >= 0:
            self.warehouse.setCurrentIndex(self.warehouse.findData(current))
        text = self.customer.currentText()
        self.customer.clear()
        for c in self.customers:
            self.customer.addItem(f"{c.code} — {c.name}", c.code)
        self.customer.setEditText(text)
        self._fill_so_combo()

    def _fill_so_combo(self) -> None:
        self.so_combo.blockSignals(True)
        self.so_combo.clear()
        self.so_combo.addItem(QCoreApplication.translate("SalesShip", "Choose an open order, or scan its number"), "")
        for row in self.open_orders:
            self.so_combo.addItem(f"{row.number} — {row.customer_name}", row.number)
        if self.so is not None and self.so_combo.findData(self.so.number) < 0:
            self.so_combo.addItem(f"{self.so.number} — {self.so.customer_name}", self.so.number)
        self.so_combo.setCurrentIndex(max(0, self.so_combo.findData(self.so.number)) if self.so is not None else 0)
        self.so_combo.blockSignals(False)

    def _so_chosen(self, index: int) -> None:
        number = self.so_combo.itemData(index)
        if number:
            self.load_so(number)

    def load_so(self, ref: str) -> None:
        """Ship against the order numbered ``ref``: its open lines with what can leave now."""
        self.order_mode.setChecked(True)
        services = self.services
        uow = services.reader

        def load():
            rows = services.sales.sales_orders(ref=ref)
            if not rows or rows[0].state not in OPEN_SO:
                return (rows[0] if rows else None), {}
            return rows[0], lookup.ship_plan(uow(), rows[0].number), unit_costs(stock, [x.sku for x in rows[0].lines])

        stock = services.stock
        self._submit(load, lambda result: self._so_loaded(ref, *result))

    def _so_loaded(self, ref: str, row, plans: dict[str, lookup.ShipNow], costs=None) -> None:
        if row is None or row.state not in OPEN_SO:
            text = (
                fill(QCoreApplication.translate("SalesShip", "No sales order has the number %1."), ref)
                if row is None
                else fill(
                    QCoreApplication.translate(
                        "SalesShip", "Sales order %1 is not open for shipping (confirm it first)."
                    ),
                    row.number,
                )
            )
            say(self.header_error, text)
            QApplication.beep()
            return
        self.so = row
        self._last_error = None
        say(self.header_error, "")
        say(self.result_label, "")
        self.lines = []
        for x in row.lines:
            if x.open > 0:
                plan = plans.get(x.sku)
                line = SaleLine(x.sku, x.name, x.warehouse, x.open, plan.qty if plan else Decimal(0), x.unit_price,
                                x.discount)
                line.plan = plan
                line.unit_cost = (costs or {}).get((x.sku, x.warehouse))
                self.lines.append(line)
        self._fill_so_combo()
        self._show_lines()
        self._show_info()
        self.scan.setFocus()

    def eventFilter(self, watched, event) -> bool:
        """The keyboard between the scan field and the lines, as on the other document screens: Tab (or ↓/↑) from the
        scan field lands on a line's Ship quantity, where typing replaces it; it landed on line 1's SKU, where typing
        did nothing, and the clerk had to arrow four cells to the right first. Esc in the grid goes back to scan."""
        if event.type() == QEvent.Type.FocusIn and watched is self.grid and self.lines and \
                event.reason() != Qt.FocusReason.MouseFocusReason:
            current = self.grid.currentIndex()
            if not current.isValid() or not current.flags() & Qt.ItemFlag.ItemIsEditable:
                row = current.row() if current.isValid() else 0
                self.grid.setCurrentCell(row, C_QTY)
        plain = event.type() == QEvent.Type.KeyPress and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                               Qt.KeyboardModifier.KeypadModifier)
        if plain and watched is self.scan and self.lines and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.grid.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if plain and watched is self.grid and event.key() == Qt.Key.Key_Escape:
            self.scan.setFocus()
            return True
        return super().eventFilter(watched, event)

    # -- modes ---------------------------------------------------------------------------
    @property
    def counter(self) -> bool:
        return self.counter_mode.isChecked()

    def _mode_changed(self, *_) -> None:
        counter = self.counter
        for widget in (self.so_label, self.so_combo):
            widget.setVisible(not counter)
        for widget in (
            self.customer_label,
            self.customer,
            self.warehouse_label,
            self.warehouse,
            self.reference_label,
            self.reference,
            self.credit,
            self.paid,
        ):
            widget.setVisible(counter)
        self.grid.setColumnHidden(C_OPEN, counter)
        self.grid.setColumnHidden(C_WAREHOUSE, counter)
        self.so = None
        self.lines = []
        self._fill_so_combo()
        self._show_lines()
        self._show_info()

    def _show_info(self) -> None:
        if self.counter:
            text = QCoreApplication.translate(
                "SalesShip",
                "A counter sale: choose the customer and the warehouse, then scan or type the products; each "
                "line takes the customer's price.",
            )
        elif self.so is None:
            text = QCoreApplication.translate(
                "SalesShip",
                "Choose an open sales order or scan its number: its open lines are filled in with what can leave now.",
            )
        else:
            text = fill(
                QCoreApplication.translate(
                    "SalesShip",
                    "%1 for %2: what can leave now is filled in; change it or scan. What is not shipped "
                    "stays open as a backorder.",
                ),
                self.so.number,
                self.so.customer_name,
            )
        say(self.info, text)

    # -- the grid ------------------------------------------------------------------------
    def _show_lines(self) -> None:
        self._filling = True
        self.grid.setRowCount(len(self.lines))
        warnings: list[str] = []
        for r, line in enumerate(self.lines):
            amount = (line.qty * line.price * (100 - line.discount) / 100) if line.price is not None else None
            values = {
                C_SKU: line.sku,
                C_NAME: line.name,
                C_WAREHOUSE: line.warehouse,
                C_OPEN: "" if line.open_qty is None else fmt(line.open_qty),
                C_QTY: fmt(line.qty),
                C_PRICE: price_text(line.price),
                C_DISCOUNT: fmt(line.discount),
                C_AMOUNT: "" if amount is None else f"{round_money(amount, 2):,.2f}",
                C_PROBLEM: line.problem,
            }
            cost = cost_undercut(line.price, line.discount, line.unit_cost)
            if cost is not None:
                warnings.append(fill(QCoreApplication.translate(
                    "SalesShip", "%1 sells below cost: %2 a unit after the discount, unit cost %3 in %4. It can still "
                                 "be posted."),
                    line.sku, price_text(discounted(line.price, line.discount)), price_text(round_money(cost, 4)),
                    line.warehouse))
            note = ("", "") if line.problem or line.plan is None or not line.plan.short else stock_note(line.plan)
            if note[0]:
                values[C_PROBLEM] = note[0]
            for column, text in values.items():
                item = QTableWidgetItem(text)
                editable = column == C_QTY or (self.counter and column in (C_PRICE, C_DISCOUNT))
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (C_OPEN, C_QTY, C_PRICE, C_DISCOUNT, C_AMOUNT):
                    item.setTextAlignment(RIGHT)
                if column == C_PRICE and cost is not None:
                    item.setForeground(QColor(AMBER))
                    item.setToolTip(warnings[-1])
                if column == C_PROBLEM:  # a refusal in red; why a line cannot ship in full in amber, said whole
                    item.setForeground(QColor(AMBER) if note[0] else Qt.GlobalColor.red)
                    item.setToolTip(note[1] or text)
                self.grid.setItem(r, column, item)
        self._filling = False
        total = sum((x.qty for x in self.lines), Decimal(0))
        money = sum((x.qty * x.price * (100 - x.discount) / 100 for x in self.lines if x.price is not None), Decimal(0))
        count = len(self.lines)  # lupdate reads a plural's count only as a plain name
        say(
            self.totals,
            fill(
                QCoreApplication.translate(
                    "SalesShip", "%n line(s)    Qty %1    Amount without tax %2", None, count
                ),
                fmt(total),
                f"{round_money(money, 2):,.2f}",
            )
            + "".join("\n" + x for x in warnings),  # said, not refused: the sale may go out at a loss
        )
        self.totals.setStyleSheet(f"color: {AMBER};" if warnings else "")
        if self.counter:  # the sale's value with tax, as it posts, against what the customer's limit leaves; paid at
            # once it leaves nothing owed
            owed = sum((tax_of(x, line.tax_rate, 2) + x for line in self.lines if line.price is not None
                        for x in (revenue(line.qty, line.price, line.discount, 2),)), Decimal(0))
            self.credit.set_amount(Decimal(0) if self.paid.isChecked() else owed)

    def _customer_chosen(self, *_) -> None:
        """A counter sale's customer chosen: its credit is read and shown beside it."""
        code = self.customer_code()
        if code not in {c.code for c in self.customers}:
            code = ""  # still being typed
        if code != self.credit.customer:
            self.credit.show_customer(code)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.row() >= len(self.lines):
            return
        line = self.lines[item.row()]
        text = item.text().strip()
        try:  # read as every number is read: "2,5" is refused as ambiguous, never taken for 25
            value = D(text) if text else None
        except AmbiguousNumber as exc:
            header = self.grid.horizontalHeaderItem(item.column())
            line.problem = fill(ambiguous_text(exc), header.text() if header is not None else "")
            self._show_lines()
            return
        except (TypeError, ValueError, ArithmeticError):
            line.problem = fill(QCoreApplication.translate("SalesShip", "%1 is not a number"), item.text())
            self._show_lines()
            return
        if item.column() == C_QTY:
            line.qty, line.scanned = value or Decimal(0), True
        elif item.column() == C_PRICE:
            line.price, line.price_typed = value, True
        elif item.column() == C_DISCOUNT:
            line.discount, line.price_typed = value or Decimal(0), True
        line.problem = ""
        self._show_lines()

    def customer_code(self) -> str:
        text = self.customer.currentText().strip()
        index = self.customer.currentIndex()
        if index >= 0 and self.customer.itemText(index) == text:
            return self.customer.itemData(index)
        first = text.split(" — ")[0].split()[0] if text else ""
        for c in self.customers:
            if c.code.upper() == first.upper():
                return c.code
        named = [c.code for c in self.customers if text and text.casefold() in c.name.casefold()]
        return named[0] if len(named) == 1 else first

    # -- scanning ------------------------------------------------------------------------
    def _scan_entered(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if code:
            self.apply_scan(code)

    def apply_scan(self, code: str) -> None:
        if SO_NUMBER.fullmatch(code) or any(row.number == code.upper() for row in self.open_orders):
            self.load_so(code.upper())
            return
        say(self.header_error, "")
        if not self.counter:
            if self.so is None:
                say(self.header_error, QCoreApplication.translate("SalesShip", "Choose or scan a sales order first."))
                QApplication.beep()
                return
            line = next((x for x in self.lines if code.upper() in (x.sku.upper(),)), None)
            if line is None:
                self._scan_barcode_on_order(code)
                return
            self._count(line)
            return
        self._scan_counter(code)

    def _count(self, line: SaleLine) -> None:
        line.qty = line.qty + 1 if line.scanned else Decimal(1)
        line.scanned = True
        line.problem = ""
        self._show_lines()
        self.grid.selectRow(self.lines.index(line))

    def _scan_barcode_on_order(self, code: str) -> None:
        """A barcode (not the SKU) of a product on the order: found through the product's SKU."""
        uow, warehouse = self.services.uow, self.lines[0].warehouse if self.lines else ""

        def found(preview) -> None:
            line = next((x for x in self.lines if preview is not None and x.sku == preview.sku), None)
            if line is None:
                say(
                    self.header_error,
                    fill(QCoreApplication.translate("SalesShip", "%1 is not on sales order %2."), code, self.so.number),
                )
                QApplication.beep()
                return
            self._count(line)

        self._submit(lambda: lookup.preview_line(uow(), "", code, warehouse), found)

    def _scan_counter(self, code: str) -> None:
        warehouse = self.warehouse.currentData()
        if not warehouse:
            say(self.header_error, QCoreApplication.translate("SalesShip", "Choose the warehouse first."))
            return
        uow, customer = self.services.uow, self.customer_code()

        def found(result) -> None:
            preview, costs = result
            if preview is None:
                say(
                    self.header_error,
                    fill(
                        QCoreApplication.translate("SalesShip", "Unknown code %1: no product has this SKU or barcode."),
                        code,
                    ),
                )
                QApplication.beep()
                return
            line = next((x for x in self.lines if x.sku == preview.sku), None)
            if line is None:
                q = preview.quote
                price = q.list_price if q.source in ("level", "retail") else q.unit_price
                discount = q.discount if q.source in ("level", "retail") else Decimal(0)
                line = SaleLine(preview.sku, preview.name, preview.warehouse, None, Decimal(0), price, discount)
                line.tax_rate = q.tax_rate
                line.unit_cost = costs.get((preview.sku, preview.warehouse))
                self.lines.append(line)
            self._count(line)

        stock = self.services.stock

        def read():
            preview = lookup.preview_line(uow(), customer, code, warehouse)
            return preview, (unit_costs(stock, [preview.sku]) if preview is not None else {})

        self._submit(read, found)

    # -- posting -------------------------------------------------------------------------
    def post(self, credit_override: bool = False) -> None:
        """Post the shipment or the counter sale (Ctrl+Enter); ``credit_override``: a manager's yes to a counter sale
        on account past the customer's credit limit."""
        if self._busy:
            return
        say(self.header_error, "")
        say(self.result_label, "")
        for line in self.lines:
            line.problem = ""
        uow = self.services.uow
        if self.counter:
            lines = tuple(
                sc.SaleLineInput(
                    x.sku, x.qty, x.price if x.price_typed else None, x.discount if x.price_typed else None
                )
                for x in self.lines
                if x.qty
            )
            command = sc.CounterSale(
                self.customer_code(), self.warehouse.currentData() or "", lines, reference=self.reference.text(),
                paid="cash" if self.paid.isChecked() else "", credit_override=credit_override,
            )
            job = lambda: [shipping.sell(uow(), command)]  # noqa: E731
        else:
            if self.so is None:
                say(self.header_error, QCoreApplication.translate("SalesShip", "Choose or scan a sales order first."))
                return
            pairs = tuple((x.sku, x.qty) for x in self.lines if x.qty > 0)
            if not pairs:
                say(
                    self.header_error,
                    fill(
                        QCoreApplication.translate("SalesShip", "Enter a quantity to ship on at least one line of %1."),
                        self.so.number,
                    ),
                )
                QApplication.beep()
                return
            command = sc.ShipSalesOrder(self.so.number, pairs)
            job = lambda: shipping.ship(uow(), command)  # noqa: E731
        self._busy = True
        self.post_button.setEnabled(False)
        self._submit(job, self._posted, self._failed)

    def _posted(self, documents) -> None:
        self._busy = False
        self.post_button.setEnabled(True)
        so = self.so.number if self.so is not None and not self.counter else ""
        self._last_result = (so, tuple(d.number for d in documents))
        self._last_error = None
        self.lines = []
        self.so = None
        self.reference.clear()
        self.paid.setChecked(False)  # each sale says anew whether it is paid at once
        self._show_lines()
        self._show_result()
        if self.counter:
            self.credit.show_customer(self.credit.customer)  # what the customer owes now
        self._show_info()
        if documents:
            self.posted.pending = documents[0].number
        self.reload()
        self.scan.setFocus()

    def _show_result(self) -> None:
        if self._last_result is None:
            return
        so, numbers = self._last_result
        if so:
            say(
                self.result_label,
                fill(
                    QCoreApplication.translate("SalesShip", "Posted %1 against %2; what was not shipped stays open."),
                    ", ".join(numbers),
                    so,
                ),
            )
        else:
            say(self.result_label, fill(QCoreApplication.translate("SalesShip", "Posted %1."), ", ".join(numbers)))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.post_button.setEnabled(True)
        if isinstance(exc, OverCreditLimit) and self.counter and ask_past_limit(
                self, self.services, exc, QCoreApplication.translate(
                    "SalesShip", "Post it on account past the credit limit? You are recorded on the sale as the one "
                                 "who allowed it. (Paid at once, it needs no override.)")):
            self.post(credit_override=True)
            return
        self._last_error = exc
        self._show_error(exc)
        QApplication.beep()

    def _show_error(self, exc: BaseException) -> None:
        text = refusal_text(exc) if isinstance(exc, DomainError) else str(exc)
        sku = (getattr(exc, "params", None) or {}).get("sku")
        line = next((x for x in self.lines if sku and x.sku == sku), None)
        if line is not None:
            line.problem = text
            self._show_lines()
            self.grid.selectRow(self.lines.index(line))
            say(self.header_error, fill(QCoreApplication.translate("SalesShip", "%1: %2"), line.sku, text))
        else:
            say(self.header_error, text)

    def clear(self) -> None:
        self.lines = []
        self.so = None
        self._last_error = None
        say(self.header_error, "")
        self._fill_so_combo()
        self._show_lines()
        self._show_info()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        if getattr(self, "posted", None) is not None:
            self.posted.retranslate()
        self.order_mode.setText(QCoreApplication.translate("SalesShip", "Against a sales &order"))
        self.counter_mode.setText(QCoreApplication.translate("SalesShip", "Counter sale (&walk-in)"))
        self.so_label.setText(QCoreApplication.translate("SalesShip", "&Sales order:"))
        if self.so_combo.count():
            self.so_combo.setItemText(
                0, QCoreApplication.translate("SalesShip", "Choose an open order, or scan its number")
            )
        self.customer_label.setText(QCoreApplication.translate("SalesShip", "C&ustomer:"))
        self.customer.lineEdit().setPlaceholderText(QCoreApplication.translate("SalesShip", "code or name"))
        self.warehouse_label.setText(QCoreApplication.translate("SalesShip", "W&arehouse:"))
        self.reference_label.setText(QCoreApplication.translate("SalesShip", "R&eference:"))
        self.paid.setText(QCoreApplication.translate("SalesShip", "Paid a&t once (cash)"))
        self.paid.setToolTip(QCoreApplication.translate(
            "SalesShip", "Paid in cash with the sale: nothing is left owed and the credit limit is not checked. "
                         "Unticked, the sale is on account, within the customer's credit limit."))
        self.scan_label.setText(QCoreApplication.translate("SalesShip", "S&can:"))
        self.scan.setPlaceholderText(
            QCoreApplication.translate("SalesShip", "Scan a sales order number, a barcode or a SKU, then Enter")
        )
        self.grid.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SalesShip", "SKU"),
                QCoreApplication.translate("SalesShip", "Name"),
                QCoreApplication.translate("SalesShip", "Warehouse"),
                QCoreApplication.translate("SalesShip", "Open"),
                QCoreApplication.translate("SalesShip", "Ship"),
                QCoreApplication.translate("SalesShip", "Price"),
                QCoreApplication.translate("SalesShip", "Disc. %"),
                QCoreApplication.translate("SalesShip", "Amount"),
                QCoreApplication.translate("SalesShip", "Problem"),
            ]
        )
        fit_titles(self.grid)
        self.clear_button.setText(QCoreApplication.translate("SalesShip", "C&lear"))
        self.post_button.setText(QCoreApplication.translate("SalesShip", "&Post sale (Ctrl+Enter)"))
        self._show_info()
        self._show_lines()
        self._show_result()
        if self._last_error is not None:
            self._show_error(self._last_error)
