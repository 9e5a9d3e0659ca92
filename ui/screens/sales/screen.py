"""The Sales orders screen (销售订单): the list (state and customer filters, search) above the order editor.

The editor's header is the customer (type-ahead by code or name), the warehouse, the requested date and the
customer's reference; its lines grid shows per line the price and where it came from, the customer's last price,
discount, tax, amounts without and with tax and what the line's warehouse can promise (ATP: on hand − reserved,
and by the requested date with open purchase orders), read in the background after every change. Scanning or
typing a SKU or barcode in the add bar shows the product's quote and ATP while typing; Enter adds the line. Delete
removes a draft's line and Ctrl+Z (or Undo delete) puts the last removed lines back, for as long as that draft is
open and a draft. Every change runs a use case on the task runner and reads the order again, so the numbers shown
are the domain's.

The actions (new, save, confirm with the stockout offers, ship, cancel, cut, backorders, print) are
``actions.OrderActions``, mixed in here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemDelegate
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_money
from domain.sales import atp
from domain.sales import backorders
from domain.sales import credit
from domain.sales import lookup
from domain.sales import orders
from domain.sales import price_master
from domain.sales.model import tax_of
from domain.sales.prices import discounted
from ui.i18n import fill
from ui.models.document_lines import typed_positive
from ui.models.proxy import RowFilterProxy
from ui.models.table import RowRole
from ui.models.table import money_text
from ui.screens.sales.actions import OrderActions
from ui.screens.sales.credit_line import CreditLine
from ui.screens.sales.shortage import ShortagePanel
from ui.screens.sales.words import CTX
from ui.screens.sales.words import EDITABLE
from ui.screens.sales.words import L_AMOUNT
from ui.screens.sales.words import L_ATP
from ui.screens.sales.words import L_BY
from ui.screens.sales.words import L_DISCOUNT
from ui.screens.sales.words import L_LAST
from ui.screens.sales.words import L_NAME
from ui.screens.sales.words import L_NO
from ui.screens.sales.words import L_OPEN
from ui.screens.sales.words import L_PRICE
from ui.screens.sales.words import L_QTY
from ui.screens.sales.words import L_SHIPPED
from ui.screens.sales.words import L_SKU
from ui.screens.sales.words import L_SOURCE
from ui.screens.sales.words import L_TAX
from ui.screens.sales.words import L_UNIT
from ui.screens.sales.words import L_WAREHOUSE
from ui.screens.sales.words import L_WITH_TAX
from ui.screens.sales.words import LINE_COLUMNS
from ui.screens.sales.words import LINE_HIDDEN
from ui.screens.sales.words import LINE_WIDTHS
from ui.screens.sales.words import OPEN
from ui.screens.sales.words import STATES
from ui.screens.sales.words import SoListModel
from ui.screens.sales.words import cost_undercut
from ui.screens.sales.words import money_or_none
from ui.screens.sales.words import price_text
from ui.screens.sales.words import source_text
from ui.screens.sales.words import state_text
from ui.screens.sales.words import translate
from ui.screens.sales.words import unit_costs
from ui.search import needle
from ui.widgets.busy import alive
from ui.widgets.column_chooser import ColumnChooser
from ui.widgets.column_chooser import settings_key
from ui.widgets.combo import refill
from ui.widgets.optional_date import OptionalDateEdit
from ui.widgets.pinyin_completer import PinyinCompleter
from ui.widgets.pinyin_completer import complete_combo
from ui.widgets.pinyin_completer import entry_keys
from ui.widgets.screen import Screen
from ui.widgets.tab_order import chain_tabs
from ui.widgets.tab_order import edit_next_typed_cell
from ui.widgets.table_view import DataTable
from ui.widgets.table_view import fit_titles

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SHORT_STYLE = "color: #9b1c1c;"
BELOW_COST = "#8a5a00"  # amber: a price below cost is warned of, not refused
NO_DATE = QDate(2000, 1, 1)



def _load_order(services, ref: str):
    """The order, each line's ATP (now, by the requested date), the customer's quotes (last prices), for a draft
    what confirming it now would find short with the offers (``orders.preview_shortfalls``) and, for a confirmed
    order, its backorders by line number (``backorders.backorders_of``).

    A confirmed line's own reservation is part of the product's reserved quantity, so on hand − reserved says
    nothing about the line: its ATP now is what it can ship now, its open quantity less its backorder."""
    rows = services.sales.sales_orders(ref=ref)
    if not rows:
        return None, {}, {}, (), {}, {}, None
    row = rows[0]
    ids = services.sales.product_ids([x.sku for x in row.lines])
    warehouses = {w.code: w.id for w in services.catalog.warehouses()}
    found = services.sales.availability(list(ids.values()))
    waiting = backorders.backorders_of(services.reader(), row.number) if row.state in OPEN else {}
    per_line = {}
    for x in row.lines:
        a = atp.of(found, ids.get(x.sku, ""), warehouses.get(x.warehouse, ""))
        now = a.available
        if row.state in OPEN:
            now = x.open - (waiting[x.line_no].qty if x.line_no in waiting else 0)
        per_line[x.line_no] = (now, a.by(row.requested_on) if row.requested_on else None)
    quotes = lookup.quotes(services.reader(), row.customer, [x.sku for x in row.lines]) if row.lines else {}
    short = orders.preview_shortfalls(services.reader(), row.number) if row.state == "draft" and row.lines else []
    standing = credit.standing(services.reader(), row.customer, row.number)  # what the customer owes, its limit
    return row, per_line, quotes, tuple(short), waiting, _unit_costs(services, row), standing


def _unit_costs(services, row) -> dict[tuple[str, str], Decimal]:
    """Each line's unit cost while the order can still ship (``words.unit_costs``)."""
    return unit_costs(services.stock, [x.sku for x in row.lines]) if row.state in ("draft", *OPEN) else {}


def below_cost(line, costs: dict[tuple[str, str], Decimal]) -> Decimal | None:
    """The unit cost an order line still to ship sells under after its discount (None: it does not)."""
    if line.open <= 0:
        return None
    return cost_undercut(line.unit_price, line.discount, costs.get((line.sku, line.warehouse)))


class SalesOrdersScreen(OrderActions, Screen):
    marks_stale = True  # only while edits are unsaved; otherwise it reloads by itself (data_changed)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.current = None  # SoRow
        self.waiting = {}  # line no → Backorder of the order shown (confirmed or partly shipped)
        self.atp: dict[int, tuple[Decimal, Decimal | None]] = {}
        self.quotes: dict = {}
        self.level_names: dict[str, str] = {}  # the office's names of the extra price levels
        self.costs: dict[tuple[str, str], Decimal] = {}  # (SKU, warehouse) → unit cost, of the order shown
        self._cost_warning = ""  # what the message line says of lines priced below cost
        self.customers: list = []
        self.warehouses: list = []
        self.dialog = None
        self._filling = False
        self._pending_select: str | None = None
        self._preview_ticket: object = None
        self._open_ticket: object = None
        self._reloading = False  # the list read again after a change: the order shown again keeps what was said
        self.last_preview: lookup.LinePreview | None = None
        self._removed: list = []  # the lines removed from the current draft (SoLine), newest last, for Ctrl+Z
        self._undoing = False  # a removed line is being put back (its entry stays on _removed until it is)

        # list
        self.list_model = SoListModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(needle(text)))
        self.state_filter = QComboBox(self)
        self.state_filter.addItem("", None)
        for key in STATES:
            self.state_filter.addItem("", key)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)
        self.customer_filter = QComboBox(self)
        self.customer_filter.addItem("", None)
        self.customer_filter.currentIndexChanged.connect(self._filter_changed)
        self.table = DataTable("sales-orders", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({SoListModel.NUMBER: 130, SoListModel.CUSTOMER: 220, SoListModel.STATE: 100,
                               SoListModel.REQUESTED: 95, SoListModel.TOTAL: 110, SoListModel.DATE: 95,
                               SoListModel.WAREHOUSE: 60})
        self.table.default_order(SoListModel.SHOWN)
        self.table.default_sort(0, Qt.SortOrder.DescendingOrder)  # the newest orders, mostly the open ones, on top
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.activated.connect(self._reopened)  # Enter or a double click on the order shown opens it again

        # header
        self.customer_label, self.customer = QLabel(self), QComboBox(self)
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.customer.setMinimumContentsLength(18)
        complete_combo(self.customer)  # by code, name or the name's pinyin (rcbld: 荣昌便利店)
        self.customer.lineEdit().returnPressed.connect(lambda: self.sku.setFocus())  # keyboard first: then the SKU
        # The customer's receivable, limit and what is left, as soon as it is chosen: not first on confirming.
        self.credit = CreditLine(services, self)
        self.customer.currentIndexChanged.connect(self._customer_chosen)
        self.customer.editTextChanged.connect(self._customer_chosen)  # typed, or taken from the completer
        self.warehouse_label, self.warehouse = QLabel(self), QComboBox(self)
        self.requested_label, self.requested = QLabel(self), OptionalDateEdit("", self, NO_DATE)  # text: retranslate
        self.reference_label, self.reference = QLabel(self), QLineEdit(self)
        self.reference.setMaxLength(64)
        for label, widget in (
            (self.customer_label, self.customer),
            (self.warehouse_label, self.warehouse),
            (self.requested_label, self.requested),
            (self.reference_label, self.reference),
        ):
            label.setBuddy(widget)
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("font-weight: bold;")

        # actions
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_order)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.confirm_button = QPushButton(self)
        self.confirm_button.clicked.connect(lambda: self.confirm_order())
        self.ship_button = QPushButton(self)
        self.ship_button.clicked.connect(self.ship)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_order)
        self.cut_button = QPushButton(self)
        self.cut_button.clicked.connect(self.cut_line)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_remove)
        self.backorders_button = QPushButton(self)
        self.backorders_button.clicked.connect(self.show_backorders)
        self.print_button = QPushButton(self)
        self.build_print_menu()

        # lines
        self.shortage = ShortagePanel(self)
        self.connect_offers()
        self.lines = QTableWidget(0, len(LINE_COLUMNS), self)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setAlternatingRowColors(True)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.horizontalHeader().setSectionsMovable(True)
        self.lines.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # The everyday columns fit at 1280 × 800 (seventeen needed the scroll bar); a right click on the header shows
        # or hides the others, kept per desk and user (``LINE_HIDDEN``: why these).
        self.columns = ColumnChooser(self.lines, settings_key("sales-order-lines", services.user), LINE_WIDTHS,
                                     hidden=LINE_HIDDEN, kept=(L_SKU,))
        self.lines.itemDelegate().closeEditor.connect(self._line_editor_closed)
        self.lines.itemChanged.connect(self._line_edited)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.lines, self.remove_line)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.sku_label, self.sku = QLabel(self), QLineEdit(self)
        self.sku_label.setBuddy(self.sku)
        self.sku.returnPressed.connect(self._add_from_bar)
        self.sku.textChanged.connect(lambda _: self._preview_timer.start())
        # Each field of the add bar has its Alt letter: a clerk typed a price or a discount only after Tab, Tab.
        self.qty_label, self.qty = QLabel(self), QLineEdit("1", self)
        self.qty_label.setBuddy(self.qty)
        self.qty.setMaximumWidth(70)
        self.qty.returnPressed.connect(self._add_from_bar)
        self.qty.textChanged.connect(lambda _: self._show_preview())
        self.price_label, self.price = QLabel(self), QLineEdit(self)
        self.price_label.setBuddy(self.price)
        self.price.setMaximumWidth(100)
        self.price.returnPressed.connect(self._add_from_bar)
        self.discount_label, self.discount = QLabel(self), QLineEdit(self)
        self.discount_label.setBuddy(self.discount)
        self.discount.setMaximumWidth(70)
        self.discount.returnPressed.connect(self._add_from_bar)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._add_from_bar)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.preview_code)
        self.totals = QLabel(self)
        self.totals.setAlignment(RIGHT)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # layout
        filter_bar = QHBoxLayout()
        filter_bar.addWidget(self.search, 2)
        filter_bar.addWidget(self.state_filter, 1)
        filter_bar.addWidget(self.customer_filter, 1)
        action_bar = QHBoxLayout()
        for button in (
            self.new_button,
            self.save_button,
            self.confirm_button,
            self.ship_button,
            self.cancel_button,
            self.cut_button,
            self.undo_button,
            self.backorders_button,
            self.print_button,
        ):
            action_bar.addWidget(button)
        action_bar.addStretch(1)
        header = QGridLayout()
        header.addWidget(self.customer_label, 0, 0)
        header.addWidget(self.customer, 0, 1)
        header.addWidget(self.warehouse_label, 0, 2)
        header.addWidget(self.warehouse, 0, 3)
        header.addWidget(self.credit, 1, 1, 1, 3)  # under the customer it is of
        header.addWidget(self.requested_label, 2, 0)
        header.addWidget(self.requested, 2, 1)
        header.addWidget(self.reference_label, 2, 2)
        header.addWidget(self.reference, 2, 3)
        header.setColumnStretch(1, 2)
        header.setColumnStretch(3, 1)
        header.setVerticalSpacing(3)  # the credit line under the customer costs the lines' grid no row at 1280 × 800
        add_bar = QHBoxLayout()
        add_bar.addWidget(self.sku_label)
        add_bar.addWidget(self.sku, 2)
        for label, field in ((self.qty_label, self.qty), (self.price_label, self.price),
                             (self.discount_label, self.discount)):
            add_bar.addWidget(label)
            add_bar.addWidget(field)
        add_bar.addWidget(self.add_button)
        self.editor = QGroupBox(self)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.state_label)
        editor_layout.addLayout(header)
        editor_layout.addWidget(self.shortage)
        editor_layout.addWidget(self.lines, 1)
        editor_layout.addLayout(add_bar)
        editor_layout.addWidget(self.preview)
        editor_layout.addWidget(self.totals)
        editor_layout.addWidget(self.message)
        list_part = QWidget(self)
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filter_bar)
        list_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(list_part)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        # the editor's size hint alone would leave the list three rows at 1280 × 800
        self.splitter.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(action_bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)
        # Tab: the order's header → its lines and the add bar → the buttons acting on it → finding another order. Qt's
        # order was the list first, whose Tab went from cell to cell and never reached the order.
        for table in (self.table, self.lines):
            table.setTabKeyNavigation(False)  # Tab leaves the table; a cell being typed still tabs to the next
        chain_tabs(self.customer, self.warehouse, self.requested, self.reference, self.lines, self.sku, self.qty,
                   self.price, self.discount, self.add_button, self.new_button, self.save_button, self.confirm_button,
                   self.ship_button, self.cancel_button, self.cut_button, self.undo_button, self.backorders_button,
                   self.print_button, self.search, self.state_filter, self.customer_filter, self.table)
        self.make_shortcuts()
        self.retranslate()
        self._enable()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the orders, customers and warehouses (F5, a change seen); the products for the add bar's
        completer come in a load of their own, so that the list does not wait for a large catalogue."""
        self.refresh_orders()
        catalog = self.services.catalog

        def done(products) -> None:
            if alive(self):
                self._products_loaded(products)

        def entries() -> tuple[list[str], list[str]]:
            texts = [f"{p.sku}  {p.name}" for p in catalog.products()]
            return texts, entry_keys(texts)  # the pinyin of 100,000 names: a fifth of a second, not on the GUI thread

        self.services.tasks.submit(entries, on_done=done, on_error=lambda exc: None)

    def data_changed(self, generation: int) -> None:
        """Another desk, the command line or another screen changed the database (a receipt that lets a backorder
        ship, an order shipped at the counter): the list and the open order are read again, as after a change made
        here, what is chosen staying chosen. With unsaved edits (``unsaved_edits``) it says instead to press F5, so
        nothing typed is thrown away; the next load (a Save, F5) reads the change."""
        if generation <= self._loaded_generation:
            return
        if self.unsaved_edits():
            self.show_stale()
        else:
            self.refresh()

    def unsaved_edits(self) -> bool:
        """A line's cell is being edited, or the open draft's header (customer, warehouse, requested date,
        reference) differs from what is saved. A new order's header and the add bar are kept by a reload."""
        if self.lines.state() == QAbstractItemView.State.EditingState:
            return True
        row = self.current
        if row is None or row.state != "draft":
            return False
        return (self.customer_code() != row.customer or self.warehouse.currentData() != row.warehouse
                or self.requested_on() != row.requested_on or self.reference.text() != row.reference)

    def refresh_orders(self) -> None:
        """Read the orders (and the customers and warehouses) again: after each change made here."""
        catalog, sales = self.services.catalog, self.services.sales
        reader = self.services.reader
        self.load(lambda: (sales.sales_orders(), catalog.customers(), catalog.warehouses(),
                           price_master.level_names(reader())), self._loaded)

    def _products_loaded(self, loaded: tuple[list[str], list[str]]) -> None:
        completer = PinyinCompleter(self, *loaded)  # by SKU, name or pinyin: xyy finds 洗衣液
        completer.activated.connect(lambda text: self.sku.setText(text.split()[0]))
        self.sku.setCompleter(completer)

    def _loaded(self, result) -> None:
        rows, self.customers, self.warehouses, self.level_names = result
        refill(self.warehouse, [(w.code, f"{w.code}  {w.name}") for w in self.warehouses])
        text = self.customer.currentText()
        refill(self.customer, [(c.code, f"{c.code}  {c.name}") for c in self.customers])
        self.customer.setEditText(text)
        refill(self.customer_filter, [(c.code, f"{c.code}  {c.name}") for c in self.customers],
               translate("SalesOrders", "All customers"))
        self.list_model.set_rows(rows)
        target = self._pending_select or (self.current.id if self.current else None)
        self._pending_select = None
        if target:
            self._reloading = True
            try:
                self.select(target)
            finally:
                self._reloading = False

    def _filter_changed(self, *_) -> None:
        state, customer = self.state_filter.currentData(), self.customer_filter.currentData()
        self.proxy.set_filter("state", (lambda i, r: r.state == state) if state else None)
        self.proxy.set_filter("customer", (lambda i, r: r.customer == customer) if customer else None)

    def select(self, ref: str) -> bool:
        """Select the order with this id or number in the list and open it."""
        for i in range(self.proxy.rowCount()):
            row = self.proxy.index(i, 0).data(RowRole)
            if ref in (row.id, row.number):
                self.table.setCurrentIndex(self.proxy.index(i, 0))
                self.open_order(row.number)
                return True
        self.open_order(ref)
        return False

    def _selected(self, current, _previous=None) -> None:
        row = current.data(RowRole) if current.isValid() else None
        if row is not None and (self.current is None or row.id != self.current.id):
            self.shortage.withdraw(silent=True)
            self.open_order(row.number)

    def _reopened(self, index) -> None:
        row = index.data(RowRole) if index.isValid() else None
        if row is not None:
            self.open_order(row.number)

    def open_order(self, ref: str) -> None:
        """Read the order and show it. Opened (chosen in the list, from another screen, the same one again), the
        message line starts empty: a clerk read an earlier order's confirm or credit text as this one's. Read again
        after a change made here, it keeps what that change said."""
        if not self._reloading:
            self.say("")
        services = self.services
        self._open_ticket = ticket = object()

        def done(result) -> None:
            if alive(self) and ticket is self._open_ticket:
                self._order_loaded(*result)

        services.tasks.submit(lambda: _load_order(services, ref), on_done=done, on_error=self._failed)

    def _order_loaded(self, row, per_line, quotes, short=(), waiting=None, costs=None, standing=None) -> None:
        if row is None:
            return
        self.credit.show_figures(standing, row.customer)
        if self.current is None or self.current.id != row.id:
            self.shortage.withdraw(silent=True)
        if self.current is not None and self.current.id != row.id:
            self.say("")  # what was said of the order shown before is not about this one
        if self.current is None or self.current.id != row.id or row.state != "draft":
            self._removed.clear()  # undo of a removed line is for the draft it came from, while it is a draft
        self.current, self.atp, self.quotes = row, per_line, quotes
        self.waiting = waiting or {}
        self.costs = costs or {}
        self._show_order()
        # A stockout is said at once, while the order is typed, with its offers: not first on confirming.
        if short:
            self.offer_shortage(short)
        elif row.state == "draft":
            self.shortage.withdraw(silent=True)
        self.order_shown()

    def _customer_chosen(self, *_) -> None:
        """A customer chosen in the header (a new order, a draft's header changed): its credit is read and shown."""
        if self._filling:
            return
        code = self.customer_code()
        if code not in {c.code for c in self.customers}:
            code = ""  # a code or name still being typed: no customer's figures
        if code == self.credit.customer:
            return
        row = self.current
        self.credit.show_customer(code, row.number if row is not None and row.customer == code else None)

    def _line_editor_closed(self, _editor, hint) -> None:
        """Tab in a line's quantity, price or discount goes on to the next of them that shows (Shift+Tab: back),
        then to the next line's, passing over the columns the clerk hid and the cells that cannot be typed in;
        after the last line's, to the add bar."""
        hints = QAbstractItemDelegate.EndEditHint
        if hint not in (hints.EditNextItem, hints.EditPreviousItem):
            return
        current = self.lines.currentIndex()
        if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
            return  # the grid opened that cell's editor itself
        if not edit_next_typed_cell(self.lines, hint == hints.EditNextItem, EDITABLE) and \
                hint == hints.EditNextItem:
            self.sku.setFocus(Qt.FocusReason.TabFocusReason)

    def order_shown(self) -> None:
        """Called after an order was read and shown (the actions hook their follow-ups here)."""

    # -- showing -------------------------------------------------------------------------
    def _show_order(self) -> None:
        row = self.current
        self._filling = True
        index = self.customer.findData(row.customer)
        if index >= 0:
            self.customer.setCurrentIndex(index)
        else:
            self.customer.setEditText(f"{row.customer}  {row.customer_name}")
        if self.warehouse.findData(row.warehouse) >= 0:
            self.warehouse.setCurrentIndex(self.warehouse.findData(row.warehouse))
        self.requested.setDate(QDate(row.requested_on) if row.requested_on else NO_DATE)
        self.reference.setText(row.reference)
        editable = row.state == "draft"
        self.columns.need(L_WAREHOUSE, any(x.warehouse != row.warehouse for x in row.lines))
        self.lines.setRowCount(len(row.lines))
        warnings = []
        for r, x in enumerate(row.lines):
            cost = below_cost(x, self.costs)
            if cost is not None:
                warnings.append(fill(translate("SalesOrders", "Line %1 · %2 sells below cost: %3 a unit after the "
                                                              "discount, unit cost %4 in %5. It can still be confirmed "
                                                              "and shipped."),
                                     x.line_no, x.sku, price_text(discounted(x.unit_price, x.discount)),
                                     price_text(round_money(cost, 4)), x.warehouse))  # an average: 1.41505155
            amount = x.amount
            with_tax = amount + tax_of(amount, x.tax_rate, 2)
            available, by = self.atp.get(x.line_no, (None, None))
            last = self.quotes.get(x.sku).last_price if self.quotes.get(x.sku) is not None else None
            values = {
                L_NO: str(x.line_no),
                L_SKU: x.sku,
                L_NAME: x.name,
                L_WAREHOUSE: x.warehouse,
                L_QTY: fmt(x.ordered),
                L_UNIT: x.unit,
                L_PRICE: price_text(x.unit_price),
                L_SOURCE: source_text(x.price_source, self._level_of(x.sku), self.level_names),
                L_LAST: price_text(last),
                L_DISCOUNT: fmt(x.discount),
                L_TAX: fmt(x.tax_rate),
                L_AMOUNT: money_text(amount),
                L_WITH_TAX: money_text(with_tax),
                L_ATP: "" if available is None else fmt(available),
                L_BY: "" if by is None else fmt(by),
                L_SHIPPED: fmt(x.shipped),
                L_OPEN: fmt(x.open),
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                if column not in EDITABLE or not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (
                    L_NO,
                    L_QTY,
                    L_PRICE,
                    L_LAST,
                    L_DISCOUNT,
                    L_TAX,
                    L_AMOUNT,
                    L_WITH_TAX,
                    L_ATP,
                    L_BY,
                    L_SHIPPED,
                    L_OPEN,
                ):
                    item.setTextAlignment(RIGHT)
                short = editable and available is not None and x.ordered > available
                if column == L_ATP and short:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip(translate("SalesOrders", "Less than the line's quantity can be promised now"))
                if column == L_ATP and x.line_no in self.waiting:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip(self._backorder_text(x.line_no))
                if column == L_PRICE and cost is not None:
                    item.setForeground(QColor(BELOW_COST))
                    item.setToolTip(warnings[-1])
                if column == L_SOURCE and x.override_user:
                    item.setToolTip(fill(translate("SalesOrders", "Promised beyond the stock by %1"), x.override_user))
                self.lines.setItem(r, column, item)
        self._filling = False
        self.totals.setText(
            fill(
                translate("SalesOrders", "Without tax %1    Tax %2    Total %3 %4"),
                money_text(row.subtotal),
                money_text(row.tax),
                row.currency,
                money_text(row.total),
            )
            + self._margin_text(row)
        )
        self._show_state()
        self._say_below_cost(warnings)
        self._enable()

    def _say_below_cost(self, warnings: list[str]) -> None:
        """Warn, without refusing anything, of the lines priced below their cost, after what the line says already."""
        text = self.message.text()
        if self._cost_warning and text.endswith(self._cost_warning):
            text = text[: -len(self._cost_warning)].rstrip("\n")
        self._cost_warning = "\n".join(warnings)
        if not text:
            self.message.setStyleSheet(f"color: {BELOW_COST};")
        self.message.setText("\n".join(x for x in (text, self._cost_warning) if x))

    def _level_of(self, sku: str) -> str:
        """The price level the customer buys at, as its quote for ``sku`` says (a line keeps only "level")."""
        quote = self.quotes.get(sku)
        return quote.level if quote is not None else ""

    def _margin_text(self, row) -> str:
        """What the order earned on what it shipped, returns netted (as ``so show`` and the margin report say), for
        a role that sees money (the Reports screen's right); empty before anything shipped."""
        role = self.services.role
        if not any(x.shipped for x in row.lines) or not (role is None or allows(role, Permission.ACCOUNTS)):
            return ""
        revenue = sum((x.revenue for x in row.lines), Decimal(0))
        margin = sum((x.margin for x in row.lines), Decimal(0))
        percent = f"{margin / revenue * 100:.1f}" if revenue else "—"
        return "    " + fill(translate("SalesOrders", "Margin on what shipped %1 (%2 %)"), money_text(margin), percent)

    def _show_state(self) -> None:
        row = self.current
        if row is None:
            self.state_label.setText(
                translate("SalesOrders", "New order: choose the customer and the warehouse, then scan or type a SKU.")
            )
            return
        text = fill(
            translate("SalesOrders", "%1 · %2 · %3"),
            row.number,
            state_text(row.state),
            f"{row.customer} {row.customer_name}",
        )
        if row.reason:
            text += "  " + fill(translate("SalesOrders", "(reason: %1)"), row.reason)
        for line_no in sorted(self.waiting):
            text += "\n" + self._backorder_text(line_no)
        self.state_label.setText(text)

    def _backorder_text(self, line_no: int) -> str:
        """What a confirmed line waits for and when an open purchase order brings it."""
        b = self.waiting[line_no]
        if b.arrival is None:
            return fill(translate("SalesOrders", "Line %1 · %2: %3 on backorder; no purchase order covers it yet."),
                        line_no, b.sku, fmt(b.qty))
        return fill(translate("SalesOrders", "Line %1 · %2: %3 on backorder; an open purchase order brings it by %4."),
                    line_no, b.sku, fmt(b.qty), b.arrival.isoformat())

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(SHORT_STYLE if error else "color: #1a7f37;")
        self.message.setText(text)

    def _enable(self) -> None:
        row = self.current
        state = row.state if row else None
        draft = row is None or state == "draft"
        draft_only = (self.customer, self.warehouse, self.requested, self.reference, self.sku, self.qty, self.price,
                      self.discount, self.add_button, self.save_button)
        focused = QApplication.focusWidget()
        if not draft and focused is not None and any(w is focused or w.isAncestorOf(focused) for w in draft_only):
            # The field typed in is about to be disabled: Qt would hand the keyboard on along the window's chain, to
            # the navigation list, where the order's own shortcuts (Ship, Ctrl+Shift+S) are dead.
            self.lines.setFocus(Qt.FocusReason.OtherFocusReason)
        for widget in draft_only:
            widget.setEnabled(draft)
        self.confirm_button.setEnabled(state == "draft" and bool(row.lines))
        self.ship_button.setEnabled(state in ("confirmed", "partly_shipped"))
        self.cancel_button.setEnabled(state in ("draft", "confirmed", "partly_shipped"))
        self.cut_button.setEnabled(state in ("confirmed", "partly_shipped"))
        self.print_button.setEnabled(row is not None)
        self.undo_button.setEnabled(self.can_undo_remove())

    # -- the add bar: what the typed code is, priced and available ------------------------
    def customer_code(self) -> str:
        """The customer chosen or typed: a code, or a name (or part of one) that only one customer has."""
        text = self.customer.currentText().strip()
        index = self.customer.currentIndex()
        if index >= 0 and self.customer.itemText(index) == text:
            return self.customer.itemData(index)
        first = text.split()[0] if text else ""
        for c in self.customers:
            if c.code.upper() == first.upper():
                return c.code
        named = self.customers_named(text)
        return named[0].code if len(named) == 1 else first

    def customers_named(self, text: str) -> list:
        """The customers whose name holds ``text`` (any case)."""
        return [c for c in self.customers if text and text.casefold() in c.name.casefold()]

    def several_customers_text(self) -> str:
        """What to say when the customer typed is part of several names and no code (``徐汇`` for two schools): the
        order was refused as if no customer had the code '徐汇'. Empty when the text names one customer."""
        text = self.customer.currentText().strip()
        if self.customer_code() in {c.code for c in self.customers}:
            return ""
        named = self.customers_named(text)
        if len(named) < 2:
            return ""
        shown = translate("SalesOrders", ", ").join(f"{c.code} {c.name}" for c in named[:4])
        if len(named) > 4:
            shown += translate("SalesOrders", ", …")
        return fill(translate("SalesOrders", "'%1' is in the names of %2 customers: %3. Choose one from the list, or "
                                             "type its code."), text, str(len(named)), shown)

    def requested_on(self) -> date | None:
        day = self.requested.date()
        return None if day == NO_DATE else day.toPython()

    def preview_code(self) -> None:
        code = self.sku.text().strip().split()[0] if self.sku.text().strip() else ""
        warehouse = self.warehouse.currentData()
        if not code or not warehouse:
            self.last_preview = None
            self.preview.clear()
            return
        uow, customer = self.services.uow, self.customer_code()
        self._preview_ticket = ticket = object()

        def done(result) -> None:
            if alive(self) and ticket is self._preview_ticket:
                self.last_preview = result
                self._show_preview(code)

        self.services.tasks.submit(
            lambda: lookup.preview_line(uow(), customer, code, warehouse), on_done=done, on_error=lambda exc: None
        )

    def _show_preview(self, code: str = "") -> None:
        p = self.last_preview
        if p is None:
            self.preview.setStyleSheet(SHORT_STYLE)
            self.preview.setText(
                fill(translate("SalesOrders", "No product has the SKU or barcode %1."), code) if code else ""
            )
            return
        q = p.quote
        if q.unit_price is None:
            price = translate("SalesOrders", "no price known for this customer: type one")
        else:
            price = fill(
                translate("SalesOrders", "%1 (%2 with tax, %3)"),
                price_text(q.unit_price),
                money_or_none(q.unit_price_with_tax),
                source_text(q.source, q.level, self.level_names),
            )
            if q.discount and q.source != "customer":
                price += " " + fill(translate("SalesOrders", "list %1 less %2%"), price_text(q.list_price),
                                    fmt(q.discount))
        last = price_text(q.last_price) if q.last_price is not None else translate("SalesOrders", "none")
        text = fill(
            translate("SalesOrders", "%1 %2 · price %3 · last price to this customer %4 · available now in %5: %6"),
            p.sku,
            p.name,
            price,
            last,
            p.warehouse,
            fmt(p.available),
        )
        day = self.requested_on()
        if day is not None:
            text += " · " + fill(translate("SalesOrders", "by %1: %2"), day.isoformat(), fmt(p.by(day)))
        dates = p.availability.dates()
        if dates:
            text += " · " + fill(translate("SalesOrders", "next purchase order arrival %1"), dates[0].isoformat())
        asked = typed_positive(self.qty.text() or "1") or Decimal(1)
        self.preview.setStyleSheet(SHORT_STYLE if asked > p.available else "color: #1a5f7a;")
        self.preview.setText(text)

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("SalesOrders", "Search number, customer, reference or SKU…"))
        self.state_filter.setItemText(0, translate("SalesOrders", "All states"))
        for i, key in enumerate(STATES, 1):
            self.state_filter.setItemText(i, state_text(key))
        if self.customer_filter.count():
            self.customer_filter.setItemText(0, translate("SalesOrders", "All customers"))
        self.new_button.setText(translate("SalesOrders", "&New (Ctrl+N)"))
        self.save_button.setText(translate("SalesOrders", "&Save (Ctrl+S)"))
        self.confirm_button.setText(translate("SalesOrders", "&Confirm (Ctrl+Enter)"))
        self.ship_button.setText(translate("SalesOrders", "Sh&ip… (Ctrl+Shift+S)"))
        self.cancel_button.setText(translate("SalesOrders", "Cancel &order…"))
        self.cut_button.setText(translate("SalesOrders", "Cu&t line…"))
        self.undo_button.setText(translate("SalesOrders", "Undo de&lete (Ctrl+Z)"))
        self.undo_button.setToolTip(translate("SalesOrders", "Put back the last line removed from this draft"))
        self.backorders_button.setText(translate("SalesOrders", "&Backorders… (Ctrl+B)"))
        self.print_button.setText(translate("SalesOrders", "&Print"))
        self.editor.setTitle(translate("SalesOrders", "Sales order"))
        self.customer_label.setText(translate("SalesOrders", "C&ustomer:"))
        self.customer.lineEdit().setPlaceholderText(translate("SalesOrders", "code or name"))
        self.warehouse_label.setText(translate("SalesOrders", "&Warehouse:"))
        self.requested_label.setText(translate("SalesOrders", "&Requested:"))
        self.requested.setSpecialValueText(translate("SalesOrders", "no date"))
        self.reference_label.setText(translate("SalesOrders", "R&eference:"))
        self.reference.setPlaceholderText(translate("SalesOrders", "the customer's order number (optional)"))
        self.sku_label.setText(translate("SalesOrders", "&Add:"))
        self.sku.setPlaceholderText(translate("SalesOrders", "Scan, or type a SKU, barcode or name"))
        self.qty.setPlaceholderText(translate("SalesOrders", "Qty"))
        self.price.setPlaceholderText(translate("SalesOrders", "quoted"))
        self.discount.setPlaceholderText(translate("SalesOrders", "standing"))
        self.add_button.setText(translate("SalesOrders", "Add (Enter)"))
        self.qty_label.setText(translate("SalesOrders", "&Qty:"))
        self.price_label.setText(translate("SalesOrders", "Price e&xcl. tax:"))
        self.discount_label.setText(translate("SalesOrders", "Discount % (&G):"))
        self.lines.setHorizontalHeaderLabels([translate(CTX, title) for title in LINE_COLUMNS])
        fit_titles(self.lines)
        self.retranslate_print_menu()
        self.list_model.retranslate()
        self.shortage.retranslate()
        if self.current is not None:
            self._show_order()
        else:
            self._show_state()
        if self.last_preview is not None:
            self._show_preview()
