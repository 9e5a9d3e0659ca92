"""The document-entry screens: Receive, Ship, Transfer, Count and Adjust.

Each is a ``DocumentEntry``: a header (warehouse, partner, reference, date), a scan field
that keeps the focus, the lines grid and, on a second tab, the posted documents of its kind
(open one to see its lines, reverse it after a confirmation).

Scanning never waits for the database: when the screen opens, every SKU and barcode is
loaded in the background into a code → product dict, and Enter in the scan field is a dict
lookup plus one model update. A keyboard-wedge scanner types a burst of codes each ending
in Enter; Qt delivers those key events in order and each Enter is handled before the next
key is read, so every scan of a burst counts. Codes that arrive before the dict is loaded,
or while a document is being posted, are queued and applied when it is ready.

Posting (Ctrl+Enter) runs ``domain.stock.documents.post_document`` on the task runner. A refusal
comes back as a ``DocumentError`` naming the line and field; it is shown translated next to
that line, and nothing has been posted.

The Receive screen's purchase-order mode is ``receive.PurchaseOrderMode``; the posted-documents tab is
``posted.PostedDocuments`` and the held form ``held_form.HeldForm`` (both mixed in here); what the screens say,
refusals included, is ``messages``.
"""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemDelegate
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import fmt
from domain.kernel.validate import code_key
from domain.purchasing.model import OPEN_STATES
from domain.stock.documents import DocumentKind
from domain.stock.documents import PostDocument
from domain.stock.documents import ScanTarget
from domain.stock.documents import post_document
from domain.stock.held import HeldDocument
from ui.i18n import fill
from ui.models import document_lines as lm
from ui.models.document_lines import DocumentLinesModel
from ui.models.document_lines import PostedDocumentsModel
from ui.models.document_lines import PostedLinesModel
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.refusals import refusal_text
from ui.screens.documents.delegates import LinesGrid
from ui.screens.documents.delegates import NumberDelegate
from ui.screens.documents.delegates import TextDelegate
from ui.screens.documents.held_form import HeldForm
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.screens.documents.messages import describe
from ui.screens.documents.messages import say
from ui.screens.documents.posted import PostedDocuments
from ui.screens.held import HeldKeeper
from ui.widgets.busy import alive
from ui.widgets.clamped_label import ClampedLabel
from ui.widgets.day_edit import DayEdit
from ui.widgets.day_edit import today_q
from ui.widgets.screen import Screen
from ui.widgets.tab_order import browsing_screens
from ui.widgets.tab_order import chain_tabs
from ui.widgets.tab_order import edit_next_typed_cell
from ui.widgets.table_view import DataTable
from ui.widgets.unfilled_offer import UnfilledDemandOffer

CODES_MAX_AGE = 10.0  # seconds: an unknown code reloads a code map older than this
OPEN_PO_STATES = tuple(state.value for state in OPEN_STATES)


TITLES = {
    DocumentKind.RECEIPT: (QT_TRANSLATE_NOOP("DocumentEntry", "New receipt"),
                           QT_TRANSLATE_NOOP("DocumentEntry", "Posted receipts")),
    DocumentKind.SHIPMENT: (QT_TRANSLATE_NOOP("DocumentEntry", "New shipment"),
                            QT_TRANSLATE_NOOP("DocumentEntry", "Posted shipments")),
    DocumentKind.TRANSFER: (QT_TRANSLATE_NOOP("DocumentEntry", "New transfer"),
                            QT_TRANSLATE_NOOP("DocumentEntry", "Posted transfers")),
    DocumentKind.COUNT: (QT_TRANSLATE_NOOP("DocumentEntry", "New count sheet"),
                         QT_TRANSLATE_NOOP("DocumentEntry", "Posted counts")),
    DocumentKind.ADJUSTMENT: (QT_TRANSLATE_NOOP("DocumentEntry", "New adjustment"),
                              QT_TRANSLATE_NOOP("DocumentEntry", "Posted adjustments")),
}
# What a document's reference is, as the Reference field's hint says it: a count has no delivery note or invoice
REFERENCE_HINTS = {
    DocumentKind.RECEIPT: QT_TRANSLATE_NOOP("DocumentEntry", "delivery note, invoice or order number (optional)"),
    DocumentKind.SHIPMENT: QT_TRANSLATE_NOOP("DocumentEntry", "delivery note, invoice or order number (optional)"),
    DocumentKind.TRANSFER: QT_TRANSLATE_NOOP("DocumentEntry", "transfer slip number (optional)"),
    DocumentKind.COUNT: QT_TRANSLATE_NOOP("DocumentEntry", "count sheet number (optional)"),
    DocumentKind.ADJUSTMENT: QT_TRANSLATE_NOOP("DocumentEntry", "approval or report number (optional)"),
}


class DocumentEntry(PostedDocuments, HeldForm, Screen):
    """The shared document-entry screen; each kind's module sets ``KIND`` and adds what is its own."""

    KIND = DocumentKind.RECEIPT

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        # One explicit context for every subclass (self.tr would take the runtime class name).
        return QCoreApplication.translate("DocumentEntry", text, disambiguation, n)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.kind = DocumentKind(self.KIND)
        self.codes: dict[str, ScanTarget] = {}  # every SKU and barcode → its product
        self.codes_ready = False
        self._codes_at = 0.0
        self._codes_loading = False
        self._pending: list[str] = []
        self._said_loading = False  # the scan line says "Loading products…", which the loaded codes take away
        self._posting = False
        self._selected_doc = None
        self._last_error: BaseException | None = None
        self._last_posted = ""
        self._last_po_receipt = ""
        self._last_reversed = ""
        self.po = None  # the PoRow being received against, or None for a free receipt
        self._open_pos: list = []  # PoRow of every open PO (all warehouses), loaded with the choices
        self._po_loading = False
        self._po_tolerance = Decimal(0)
        self._opened = ""

        # header
        self.warehouse_label, self.warehouse = QLabel(self), QComboBox(self)
        self.to_label, self.to_warehouse = QLabel(self), QComboBox(self)
        self.partner_label, self.partner = QLabel(self), QComboBox(self)
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reference_label, self.reference = QLabel(self), QLineEdit(self)
        self.reference.setMaxLength(64)
        self.date_label, self.date = QLabel(self), DayEdit(parent=self)
        self._reset_date()
        self.category_label, self.category = QLabel(self), QComboBox(self)
        self.load_expected_button = QPushButton(self)
        self.load_expected_button.clicked.connect(self.load_expected)
        self.po_label, self.po_combo = QLabel(self), QComboBox(self)
        self.po_label.setBuddy(self.po_combo)
        self.po_combo.activated.connect(self._po_chosen)
        self.po_info = QLabel(self)
        self.po_info.setWordWrap(True)
        for label, field in ((self.warehouse_label, self.warehouse), (self.to_label, self.to_warehouse),
                             (self.partner_label, self.partner), (self.reference_label, self.reference),
                             (self.date_label, self.date), (self.category_label, self.category)):
            label.setBuddy(field)
        header = QGridLayout()
        header.addWidget(self.warehouse_label, 0, 0)
        header.addWidget(self.warehouse, 0, 1)
        header.addWidget(self.to_label, 0, 2)
        header.addWidget(self.to_warehouse, 0, 3)
        header.addWidget(self.partner_label, 0, 2)
        header.addWidget(self.partner, 0, 3)
        header.addWidget(self.reference_label, 1, 0)
        header.addWidget(self.reference, 1, 1)
        header.addWidget(self.date_label, 1, 2)
        header.addWidget(self.date, 1, 3)
        header.addWidget(self.category_label, 2, 0)
        header.addWidget(self.category, 2, 1)
        header.addWidget(self.load_expected_button, 2, 2, 1, 2)
        header.addWidget(self.po_label, 2, 0)
        header.addWidget(self.po_combo, 2, 1)
        header.addWidget(self.po_info, 2, 2, 1, 2)
        header.setColumnStretch(1, 1)
        header.setColumnStretch(3, 1)
        is_transfer, is_count = self.kind == DocumentKind.TRANSFER, self.kind == DocumentKind.COUNT
        has_partner = self.kind in (DocumentKind.RECEIPT, DocumentKind.SHIPMENT)
        for widget in (self.to_label, self.to_warehouse):
            widget.setVisible(is_transfer)
        for widget in (self.partner_label, self.partner):
            widget.setVisible(has_partner)
        for widget in (self.category_label, self.category, self.load_expected_button):
            widget.setVisible(is_count)
        for widget in (self.po_label, self.po_combo, self.po_info):
            widget.setVisible(self.kind == DocumentKind.RECEIPT)
        self.warehouse.currentIndexChanged.connect(lambda *_: self._fill_po_combo())
        self.header_error = self._message_label(RED, collapse=True)

        # scan field
        self.scan_label = QLabel(self)
        self.scan = QLineEdit(self)
        self.scan.setClearButtonEnabled(True)
        self.scan.setMinimumWidth(260)
        self.scan.returnPressed.connect(self._scan_entered)
        self.scan_label.setBuddy(self.scan)
        # two lines high whatever it says: a message that wrapped made the row taller and moved the grid down
        self.scan_message = ClampedLabel(2, self)
        self.scan_message.setStyleSheet(RED)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.scan_message, 2)

        # lines grid
        self.model = DocumentLinesModel(self.kind, self)
        self.model.edit_refused.connect(self._edit_refused)
        self.model.totals_changed.connect(self._update_totals)
        # The form is kept as a held document while it is typed (ui.screens.held): every change saves it.
        self.held = HeldKeeper(self)
        self._choices_seen = False
        self._restored: HeldDocument | None = None
        self._resume_po_lines = None  # a held receipt against a PO: its quantities, put back once the PO loads
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged, self.warehouse.currentIndexChanged,
                       self.to_warehouse.currentIndexChanged, self.partner.editTextChanged,
                       self.reference.textChanged, self.date.dateChanged):
            signal.connect(self.held.changed)
        self.grid = LinesGrid(self)
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setAlternatingRowColors(True)
        self._edit_triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid.setEditTriggers(self._edit_triggers)
        # Tab on the grid leaves it for the buttons (it went from cell to cell and round again, never out); Tab in a
        # cell being typed still moves to the next cell to type in (``_edit_next_cell``)
        self.grid.setTabKeyNavigation(False)
        rows = self.grid.verticalHeader()
        rows.setVisible(False)  # the line number is a column; see ui.models.document_lines
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self._delegates = []
        for key in (lm.QTY, lm.COST, lm.COUNTED):
            if key in self.model.columns:
                delegate = NumberDelegate(key == lm.QTY and self.kind == DocumentKind.ADJUSTMENT, self.grid)
                self.grid.setItemDelegateForColumn(self.model.column(key), delegate)
                self._delegates.append(delegate)
        if lm.REASON in self.model.columns:
            delegate = TextDelegate(self.grid)
            self.grid.setItemDelegateForColumn(self.model.column(lm.REASON), delegate)
            self._delegates.append(delegate)
        for delegate in self._delegates:  # after the grid's own connection, so the scan field gets the focus last
            delegate.closeEditor.connect(self._editor_closed)
        self._entry_column = self.model.column(next(key for key in self.model.columns if key in lm.EDITABLE))
        self.grid.setColumnWidth(self.model.column(lm.LINE), 44)
        self.grid.setColumnWidth(self.model.column(lm.SKU), 130)
        self.grid.setColumnWidth(self.model.column(lm.NAME), 280)
        if self.kind == DocumentKind.RECEIPT:
            self.grid.setColumnHidden(self.model.column(lm.EXPECTED), True)  # shown against a PO
        self.line_error = self._message_label(RED, collapse=True)
        self.unfilled_offer = UnfilledDemandOffer(services, self) if self.kind == DocumentKind.SHIPMENT else None
        if self.unfilled_offer is not None:
            self.unfilled_offer.fit.connect(self._ship_on_hand)
        self.totals = QLabel(self)
        self.result_label = self._message_label(GREEN)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_asked)
        self.hold_button = QPushButton(self)
        self.hold_button.clicked.connect(self.hold)
        self.held_button = QPushButton(self)
        self.held_button.clicked.connect(self.held.choose)
        self.post_button = QPushButton(self)
        self.post_button.setDefault(False)
        self.post_button.clicked.connect(self.post)
        footer = QHBoxLayout()
        footer.addWidget(self.totals, 1)
        footer.addWidget(self.result_label, 2)
        footer.addWidget(self.remove_button)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.hold_button)
        footer.addWidget(self.held_button)
        footer.addWidget(self.post_button)

        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(header)
        entry_layout.addWidget(self.header_error)
        entry_layout.addLayout(scan_row)
        entry_layout.addWidget(self.line_error)
        if self.unfilled_offer is not None:  # a refused line's shortfall can be kept as a lost sale
            entry_layout.addWidget(self.unfilled_offer)
        entry_layout.addWidget(self.grid, 1)
        entry_layout.addLayout(footer)
        self.entry_layout = entry_layout

        # posted documents
        self.posted_model = PostedDocumentsModel(self)
        self.posted = DataTable(f"documents/{self.kind.value}", self)
        self.posted.setModel(self.posted_model)
        self.posted.setSortingEnabled(False)
        self.posted.set_widths(PostedDocumentsModel.WIDTHS)
        hidden = {PostedDocumentsModel.TO_WAREHOUSE: not is_transfer, PostedDocumentsModel.PARTNER: not has_partner,
                  PostedDocumentsModel.VALUE: is_count}
        for column, hide in hidden.items():
            self.posted.setColumnHidden(column, hide)
        self.posted.doubleClicked.connect(lambda *_: self.open_selected())
        self.posted.activated.connect(lambda *_: self.open_selected())
        self.posted.selectionModel().currentRowChanged.connect(self._posted_row_changed)
        self.posted_lines_model = PostedLinesModel(self)
        self.posted_lines = DataTable(f"documents/{self.kind.value}/lines", self)
        self.posted_lines.setModel(self.posted_lines_model)
        self.posted_lines.set_widths({PostedLinesModel.LINE: 50, PostedLinesModel.SKU: 130, PostedLinesModel.NAME: 280})
        shown = {
            PostedLinesModel.COST: self.kind == DocumentKind.RECEIPT,
            PostedLinesModel.EXPECTED: is_count, PostedLinesModel.COUNTED: is_count,
            PostedLinesModel.REASON: self.kind == DocumentKind.ADJUSTMENT,
        }
        for column, show in shown.items():
            self.posted_lines.setColumnHidden(column, not show)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_selected)
        self.reverse_button = QPushButton(self)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_posted)
        self.posted_message = self._message_label(RED)
        self.opened_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.refresh_button)
        self.posted_buttons = buttons  # a screen may add its own actions for the selected document
        buttons.addWidget(self.posted_message, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.posted)
        lines_box = QWidget(self)
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.opened_label)
        lines_layout.addWidget(self.posted_lines, 1)
        split.addWidget(lines_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        posted_page = QWidget(self)
        posted_layout = QVBoxLayout(posted_page)
        posted_layout.addLayout(buttons)
        posted_layout.addWidget(split, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(entry, "")
        self.tabs.addTab(posted_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

        self._shortcuts = []
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.post)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(shortcut)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.grid, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._shortcuts.append(delete)
        for keys, slot in (("F8", self.hold), ("F7", self.held.choose)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(shortcut)
        # Ctrl+Z undoes the last line change, from the grid or from an empty scan field (a scan field with
        # text undoes its own typing, as any text field does).
        self.grid.installEventFilter(self)
        self.scan.installEventFilter(self)
        self.tabs.currentChanged.connect(lambda index: self._scan_next() if index == 0 else None)

        # header → scan field and lines → buttons, from the navigation list's Tab on (no focus proxy: Tab into the
        # screen went to the proxy, the scan field, and on to the grid, past the header)
        chain_tabs(self.warehouse, self.to_warehouse, self.partner, self.reference, self.date, self.category,
                   self.load_expected_button, self.po_combo, self.scan, self.grid, self.remove_button,
                   self.clear_button, self.hold_button, self.held_button, self.post_button)
        self.retranslate()
        self._update_totals()
        self.reload_choices()
        self.reload_codes()
        self.refresh_posted()
        self._scan_next()

    def _message_label(self, style: str, collapse: bool = False) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(style)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setProperty("collapse", collapse)
        label.setVisible(not collapse)
        return label

    def _reset_date(self) -> None:
        today = today_q()
        self.date.setMaximumDate(today)
        self.date.setDate(today)

    # --- background loads -----------------------------------------------------------------
    def _submit(self, fn, on_done, on_error=None) -> None:
        """Run ``fn`` on the task runner; the callbacks run only while this screen exists."""

        def done(result) -> None:
            if alive(self):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if alive(self):
                (on_error or self.show_error)(exc)

        self.services.tasks.submit(fn, on_done=done, on_error=failed)

    def reload_codes(self) -> None:
        """Load every SKU and barcode into the scan dict (in the background; one load at a time)."""
        if self._codes_loading:
            return
        self._codes_loading = True

        def failed(exc: BaseException) -> None:
            self._codes_loading = False
            self.show_error(exc)

        self._submit(self.services.documents.scan_codes, self._codes_loaded, failed)

    def _codes_loaded(self, codes) -> None:
        self._codes_loading = False
        self.codes = codes
        self.codes_ready = True
        self._codes_at = time.monotonic()
        self.model.set_whole({target.sku for target in codes.values() if target.whole})
        self.mark_fractions()  # a held document resumed before the codes came, or a product's setting changed
        self._apply_pending()

    def mark_fractions(self) -> bool:
        """Mark each line holding a fraction of a product counted in whole units, show the first and say why;
        False when there is none. A held document resumed, or a setting changed since a line was typed."""
        row = self.model.mark_fractions(refusal_text)
        if row is None:
            return False
        self.show_line(row)
        say(self.line_error, self.model.lines[row].error)
        return True

    def reload_choices(self) -> None:
        catalog, orders = self.services.catalog, self.services.purchasing

        kind = self.kind

        def load():
            partners = []
            if kind == DocumentKind.RECEIPT:
                partners = [(s.code, s.name) for s in catalog.suppliers()]
            elif kind == DocumentKind.SHIPMENT:
                partners = [(c.code, c.name) for c in catalog.customers()]
            categories = catalog.categories() if kind == DocumentKind.COUNT else []
            pos = orders.purchase_orders(state=OPEN_PO_STATES) if kind == DocumentKind.RECEIPT else []
            return [(w.code, w.name) for w in catalog.warehouses()], partners, categories, pos

        self._submit(load, self._choices_loaded)

    def _choices_loaded(self, result) -> None:
        warehouses, partners, categories, self._open_pos = result
        first = not self._choices_seen
        self._choices_seen = True
        # Filled again after a change to the data: what is chosen stays, and refilling is no edit of the form
        # (the first fill chooses the remembered warehouse, which the form's followers hear of).
        refilled = (self.warehouse, self.to_warehouse, self.partner, self.category)
        if not first:
            for combo in refilled:
                combo.blockSignals(True)
        settings = QSettings()
        for combo, key in ((self.warehouse, "warehouse"), (self.to_warehouse, "to_warehouse")):
            current = combo.currentData() or settings.value(f"documents/{self.kind.value}/{key}", "", type=str)
            combo.clear()
            for code, name in warehouses:
                combo.addItem(f"{code} — {name}", code)
            if current and combo.findData(current) >= 0:
                combo.setCurrentIndex(combo.findData(current))
        text = self.partner.currentText()
        self.partner.clear()
        self.partner.addItem("", "")
        for code, name in partners:
            self.partner.addItem(f"{code} — {name}", code)
        self.partner.setEditText(text)
        chosen_category = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for category in categories:
            self.category.addItem(category, category)
        if chosen_category is not None and self.category.findData(chosen_category) >= 0:
            self.category.setCurrentIndex(self.category.findData(chosen_category))
        if not first:
            for combo in refilled:
                combo.blockSignals(False)
        if self.kind == DocumentKind.TRANSFER and self.to_warehouse.count() > 1 and \
                self.to_warehouse.currentData() == self.warehouse.currentData():
            self.to_warehouse.setCurrentIndex(1 if self.warehouse.currentIndex() == 0 else 0)
        self._fill_po_combo()
        if first:  # the warehouses can be chosen now: bring back the document of a quit or crash
            self.held.restore_active()

    def refresh(self) -> None:
        self.reload_choices()
        self.reload_codes()
        self.refresh_posted()

    def data_changed(self, generation: int) -> None:
        """Another desk, program or screen changed the database: the posted list, the scan codes and the choices
        (warehouses, suppliers or customers, open purchase orders) follow, what is chosen staying chosen; the lines
        being entered are left alone. A warehouse added in the settings or a PO issued on its screen was missing
        from the lists here until F5."""
        if generation > self._loaded_generation:
            self.reload_choices()
            self.reload_codes()
            self.refresh_posted()

    # --- scanning ---------------------------------------------------------------------------
    def _scan_entered(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        if not self.codes_ready or self._posting or self._po_loading:
            self._pending.append(code)
            if not self.codes_ready:
                self.scan_message.setText(self.tr("Loading products… your scans are kept."))
                self._said_loading = True
            return
        self.apply_scan(code)

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, []
        if self._said_loading:
            # only what it said: an unknown code's refusal stays (the code map it reloads came back and wiped it, so
            # a clerk looking up from the scanner saw nothing wrong after the beep)
            self._said_loading = False
            self.scan_message.clear()
        for n, code in enumerate(pending):
            if self._po_loading:  # a scanned PO number is loading: the codes after it wait for it
                self._pending = pending[n:] + self._pending
                return
            self.apply_scan(code)

    def apply_scan(self, code: str) -> bool:
        """Add one of the product whose SKU or barcode is ``code``; False (message, beep) if unknown.

        On the Receive screen a PO number loads that purchase order; against a PO, only its products count.
        """
        product = self.codes.get(code)
        if product is None:  # typed in another case or form (ｓｄ－６, sd-6): the code map holds the folded codes too
            product = self.codes.get(code_key(code))
        if product is None and self.kind == DocumentKind.RECEIPT and self._is_po_number(code):
            self.load_po(code)
            return True
        if product is not None and self.po is not None:
            return self._scan_po_line(product)
        if product is None:
            say(self.scan_message, fill(self.tr("Unknown code %1: no product has this SKU or barcode."), code))
            QApplication.beep()
            self.scan.setFocus()
            if time.monotonic() - self._codes_at > CODES_MAX_AGE:
                self.reload_codes()  # perhaps a product added since the screen opened: the next scan will know
            return False
        row = self.model.scan(*product)
        say(self.scan_message, "")
        say(self.result_label, self.pack_scanned_text(product, row))
        self.show_line(row)
        return True

    def pack_scanned_text(self, product: ScanTarget, row: int) -> str:
        """What a scan of a pack's barcode (a carton of 12) added, and how the line is counted now; '' for a scan of
        the product's own code."""
        if not product.pack:
            return ""
        line = self.model.lines[row]
        return fill(self.tr("%1: 1 %2 scanned, %3 %4 added. %5"), product.sku, product.pack, fmt(product.per),
                    product.unit, self.model.packs_text(line))

    def show_line(self, row: int) -> None:
        """Make ``row`` the grid's current line, its quantity (or counted) cell the current cell, and scroll to it;
        the focus stays where it is. After a scan that is the scanned line: Tab from the scan field lands on its
        quantity, where typing a number replaces it (the grid's current cell used to stay on line 1's number, where
        typing did nothing, or on another line's quantity, which it changed)."""
        index = self.model.index(row, self._entry_column)
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.grid.scrollTo(index)

    def _editor_closed(self, _editor, hint) -> None:
        """A cell typed and confirmed with Enter sends the cursor back to the scan field, where the next scan goes; a
        scan into the grid would have been typed into the current cell as its quantity. Tab still moves to the
        next cell, Esc leaves the cell as it was and stays in the grid."""
        hints = QAbstractItemDelegate.EndEditHint
        if hint == hints.SubmitModelCache:
            self.scan.setFocus()
        elif hint in (hints.EditNextItem, hints.EditPreviousItem):
            self._edit_next_cell(forward=hint == hints.EditNextItem)

    def _edit_next_cell(self, forward: bool) -> None:
        """Tab in a cell being typed moves to the next cell that can be typed in (Shift+Tab: the one before); the
        grid moved to the next cell of any kind, the unit or the amount, where typing did nothing. Past the last
        one, the scan field."""
        current = self.grid.currentIndex()
        if not current.isValid() or current.flags() & Qt.ItemFlag.ItemIsEditable:
            return  # the grid opened that cell's editor itself
        columns = [column for column in range(self.model.columnCount()) if self.model.columns[column] in lm.EDITABLE]
        if edit_next_typed_cell(self.grid, forward, columns):
            return
        self.scan.setFocus()


    # --- receiving against a purchase order: the Receive screen's (receive.PurchaseOrderMode) ---------------------
    # The other kinds never have a purchase order; these are what they do where the Receive screen fills, shows or
    # leaves one. load_po, _is_po_number, _scan_po_line and _post_po are reached only on the Receive screen (its
    # kind, or self.po, which only it sets).
    def _fill_po_combo(self) -> None:
        pass

    def _po_chosen(self, index: int) -> None:
        pass

    def _show_po_info(self) -> None:
        pass

    def _leave_po(self) -> None:
        pass

    def _po_refusal(self, exc: BaseException) -> tuple[int, str] | None:
        return None

    # --- count sheet: the Count screen's (count.CountScreen) -----------------------------------------------------
    def load_expected(self) -> None:
        pass

    # --- held documents: the rest is held_form.HeldForm; this one says a plural, which lupdate reads from self.tr only
    def say_restored(self, doc: HeldDocument) -> None:
        self._restored = doc  # said again in another language
        when = doc.saved_at.astimezone().strftime("%H:%M") if doc.saved_at else ""
        say(self.result_label, fill(self.tr("Resumed an unposted document of %n line(s), kept at %1: check it, then "
                                            "post it (or hold it again).", None, len(doc.lines)), when))

    # --- the lines: a refused edit, removing, undoing, clearing, the totals ---------------------------------------
    def _edit_refused(self, row: int, message: str) -> None:
        say(self.line_error, fill(self.tr("Line %1: %2"), row + 1, message))
        QApplication.beep()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.grid.selectionModel().selectedRows()})
        if not rows and self.grid.currentIndex().isValid():
            rows = [self.grid.currentIndex().row()]
        if len(rows) > 1 and not self.confirm(self.tr("Remove lines"), self.tr(
                "Remove the %n selected line(s)? Ctrl+Z puts them back.", None, len(rows))):
            return
        self.model.remove_rows(rows)
        say(self.line_error, "")
        if rows:
            say(self.result_label, self.tr("Removed %n line(s); Ctrl+Z puts them back.", None, len(rows)))

    def undo(self) -> bool:
        """Ctrl+Z: put back the last scan, edit or removal of lines."""
        if self._posting or not self.model.undo():
            QApplication.beep()
            return False
        say(self.line_error, "")
        say(self.scan_message, "")  # what the last scan said (beyond the order, say) no longer holds
        say(self.result_label, self.tr("Undone."))
        return True

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo) and (
                watched is self.grid or (watched is self.scan and not self.scan.text())):
            self.undo()
            return True
        if event.type() == QEvent.Type.FocusIn and watched is self.grid and self.model.rowCount() and \
                event.reason() != Qt.FocusReason.MouseFocusReason:
            current = self.grid.currentIndex()
            if not current.isValid() or not current.flags() & Qt.ItemFlag.ItemIsEditable:
                # Tab into a grid with no line current (a purchase order or a held document just loaded, a count
                # sheet filled) lands on a quantity, not on line 1's number where typing does nothing
                self.show_line(current.row() if current.isValid() else 0)
        if event.type() == QEvent.Type.KeyPress and watched is self.scan and self.model.rowCount() and \
                event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.grid.setFocus(Qt.FocusReason.TabFocusReason)  # ↓ or ↑ from the scan field: into the lines, as Tab
            return True
        if event.type() == QEvent.Type.KeyPress and watched is self.grid and event.key() == Qt.Key.Key_Escape \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.scan.setFocus()  # Esc in the grid (not in a cell being typed: that Esc is the cell's) goes back
            return True
        return super().eventFilter(watched, event)

    def confirm(self, title: str, text: str) -> bool:
        """Asks the clerk (No is the default); tests replace it."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def clear_asked(self) -> None:
        """The Clear button: a document with lines is thrown away only when the clerk says so."""
        if self.model.rowCount() and not self.confirm(self.tr("Clear"), self.tr(
                "Throw away the %n line(s) of this document? It was not posted. (Hold, F8, keeps it for later.)",
                None, self.model.rowCount())):
            return
        self.clear_form()

    def showEvent(self, event) -> None:
        """Whenever the screen is shown, scans go to the scan field of a new document; but the arrow keys going
        through the navigation list leave the keyboard there, so that Tab enters the screen at its header."""
        super().showEvent(event)
        self.tabs.setCurrentIndex(0)
        if not browsing_screens(self):
            QTimer.singleShot(0, self.scan.setFocus)

    def _scan_next(self) -> None:
        """The scan field takes the keyboard, unless the clerk is going through the navigation list with it."""
        if not browsing_screens(self):
            self.scan.setFocus()

    def start_scanning(self) -> None:
        """The screen's shortcut (Ctrl+2 for Receive…) pressed while it is shown: back to the scan field of the
        document being entered, from its posted list, a header field or the grid (the shortcut did nothing there)."""
        self.tabs.setCurrentIndex(0)
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_form(self) -> None:
        self._restored = None
        self.model.clear()
        self._leave_po()
        self.reference.clear()
        self.partner.setEditText("")
        self._reset_date()
        for label in (self.header_error, self.line_error, self.scan_message):
            say(label, "")
        if self.unfilled_offer is not None:
            self.unfilled_offer.withdraw()
        self._last_error = None
        self.scan.setFocus()

    def _totals_text(self, lines: int, qty: str, amount: str, counted: tuple[int, int] = (0, 0)) -> str:
        text = self.tr("%n line(s)", None, lines)
        if self.kind == DocumentKind.COUNT:
            # lines, not a sum of quantities: bottles and bags counted do not add up to anything
            text += "    " + fill(self.tr("Counted: %1 · with a difference: %2"), str(counted[0]), str(counted[1]))
        else:
            text += "    " + fill(self.tr("Total qty: %1"), qty)
        if self.kind == DocumentKind.RECEIPT:
            text += "    " + fill(self.tr("Amount: %1"), amount)
        return text

    def _size_totals(self) -> None:
        # A fixed size lets Qt skip the relayout of the whole screen that each new text would cause.
        sample = self._totals_text(99_999, "9,999,999.9999", "999,999,999.99", (99_999, 99_999))
        metrics = self.totals.fontMetrics()
        self.totals.setFixedSize(metrics.horizontalAdvance(sample) + 8, metrics.height() + 4)

    def _update_totals(self) -> None:
        say(self.totals, self._totals_text(self.model.rowCount(), qty_text(self.model.total_qty()),
                                           money_text(self.model.total_amount()), self.model.count_progress()))

    # --- posting --------------------------------------------------------------------------------
    def _commit_open_editor(self) -> None:
        editor = QApplication.focusWidget()
        if editor is not None and self.grid.isAncestorOf(editor) and editor is not self.grid:
            self.grid.commitData(editor)
            self.grid.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def command(self) -> PostDocument:
        """The document as entered; the partner combo shows "CODE — name", the code is what posts."""
        day = self.date.date().toPython()
        has_partner = self.kind in (DocumentKind.RECEIPT, DocumentKind.SHIPMENT)
        return PostDocument(
            kind=self.kind.value, warehouse=self.warehouse.currentData() or "", lines=self.model.inputs(),
            to_warehouse=(self.to_warehouse.currentData() or "") if self.kind == DocumentKind.TRANSFER else "",
            partner=self.partner.currentText().split(" — ")[0].strip() if has_partner else "",
            reference=self.reference.text(), business_date=day if isinstance(day, date) else None,
        )

    def post(self) -> None:
        """Post the document on the task runner (Ctrl+Enter)."""
        if self._posting or self._po_loading:
            return
        if self.po is not None:
            self._post_po()
            return
        self._commit_open_editor()
        command = self.command()
        for label in (self.header_error, self.line_error, self.result_label):
            say(label, "")
        if self.unfilled_offer is not None:
            self.unfilled_offer.withdraw()
        self.model.clear_errors()
        self._set_posting(True)
        services, done_with_held = self.services, self.held.removal()

        def post():
            document = post_document(services.uow(), command)
            done_with_held()  # posted: the held copy goes (a crash in between leaves it, never the reverse)
            return document

        self._submit(self._posting_work(post), self._posted, self._post_failed)

    def _posting_work(self, post):
        """What the task runner runs to post (``post``); a screen may wrap it to learn more of the posting."""
        return post

    def _set_posting(self, on: bool) -> None:
        self._posting = on
        self.post_button.setEnabled(not on)
        self.busy_bar.busy(on)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if on else self._edit_triggers)
        if on:
            self.result_label.setText(self.tr("Posting…"))

    def _posted(self, document) -> None:
        self.held.posted()
        self._set_posting(False)
        settings = QSettings()  # the next document of this kind starts in the same warehouse(s)
        settings.setValue(f"documents/{self.kind.value}/warehouse", self.warehouse.currentData() or "")
        settings.setValue(f"documents/{self.kind.value}/to_warehouse", self.to_warehouse.currentData() or "")
        self.clear_form()
        self._apply_pending()  # scans made while posting start the next document
        self._last_posted, self._last_po_receipt = document.number, ""
        self._show_result()
        self.refresh_posted()
        self._scan_next()

    def _show_result(self) -> None:
        if self._last_posted and self._last_po_receipt:  # a delivery against a PO: its receipt and the PO
            self.result_label.setText(fill(self.tr("Posted %1 against %2"), self._last_posted, self._last_po_receipt))
        elif self._last_posted:
            self.result_label.setText(fill(self.tr("Posted %1"), self._last_posted))

    def _post_failed(self, exc: BaseException) -> None:
        self._set_posting(False)
        self.result_label.clear()
        self._last_error = exc
        self._show_error(exc)
        if self.unfilled_offer is not None:
            command = self.command()
            self.unfilled_offer.offer(exc, customer=command.partner, reference=command.reference,
                                      day=command.business_date)
        self._apply_pending()
        self.scan.setFocus()

    def _ship_on_hand(self, line: int, on_hand) -> None:
        """The refused line (numbered from 1) becomes what is on hand, or goes when none is; the clerk posts again."""
        row = line - 1
        if not 0 <= row < self.model.rowCount():
            return
        if on_hand > 0:
            self.model.setData(self.model.index(row, self.model.column(lm.QTY)), format(on_hand.normalize(), "f"))
            done = fill(self.tr("Line %1 now ships the %2 on hand: post again (Ctrl+Enter)."), line, qty_text(on_hand))
        else:
            self.model.remove_rows([row])
            done = fill(self.tr("Line %1 removed (none on hand; Ctrl+Z puts it back): post again (Ctrl+Enter)."),
                        line)
        self.model.clear_errors()
        say(self.line_error, "")
        say(self.result_label, done)
        self.scan.setFocus()

    def _show_error(self, exc: BaseException) -> None:
        refusal = self._po_refusal(exc)
        if refusal is not None:
            row, message = refusal
            self.model.set_error(row + 1, message)
            self.show_line(row)
            say(self.line_error, fill(self.tr("Line %1: %2"), row + 1, message))
            QApplication.beep()
            return
        message = describe(exc)
        line = getattr(exc, "line", None)
        if line is not None:
            row = self.model.set_error(line, message)
            if row is not None:
                self.show_line(row)
            say(self.line_error, message)
        else:
            say(self.header_error, message)
        QApplication.beep()

    # --- language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        new_title, posted_title = TITLES[self.kind]
        self.tabs.setTabText(0, self.tr(new_title))
        self.tabs.setTabText(1, self.tr(posted_title))
        transfer = self.kind == DocumentKind.TRANSFER
        self.warehouse_label.setText(self.tr("Fro&m warehouse:") if transfer else self.tr("&Warehouse:"))
        self.to_label.setText(self.tr("&To warehouse:"))
        self.partner_label.setText(self.tr("&Supplier:") if self.kind == DocumentKind.RECEIPT
                                   else self.tr("C&ustomer:"))
        self.partner.lineEdit().setPlaceholderText(self.tr("optional"))
        self.reference_label.setText(self.tr("&Reference:"))
        self.reference.setPlaceholderText(self.tr(REFERENCE_HINTS[self.kind]))
        self.date_label.setText(self.tr("&Date:"))
        self.category_label.setText(self.tr("C&ategory:"))
        if self.category.count():
            self.category.setItemText(0, self.tr("All categories"))
        self.load_expected_button.setText(self.tr("&Load expected quantities"))
        self.po_label.setText(self.tr("Purchase &order:"))
        if self.po_combo.count():
            self.po_combo.setItemText(0, self.tr("None: a free receipt"))
        self._show_po_info()
        self.scan_label.setText(self.tr("S&can:"))
        self.scan.setPlaceholderText(self.tr("Scan a barcode or type a SKU, then Enter"))
        self.remove_button.setText(self.tr("Remove line (Del)"))
        self.clear_button.setText(self.tr("Clear"))
        self.hold_button.setText(self.tr("Hold (F8)"))
        self.hold_button.setToolTip(self.tr("Keep this document unposted for later and start a new one"))
        self.held_button.setText(self.tr("Held… (F7)"))
        self.held_button.setToolTip(self.tr("Resume a held document"))
        self.post_button.setText(self.tr("&Post (Ctrl+Enter)"))
        self.open_button.setText(self.tr("&Open"))
        self.reverse_button.setText(self.tr("R&everse…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._show_opened()
        self.model.retranslate()
        self.posted_model.retranslate()
        self.posted_lines_model.retranslate()
        self._size_totals()
        self._update_totals()
        self._show_result()
        if self._restored is not None:
            self.say_restored(self._restored)
        if self._last_error is not None:
            self._show_error_text_only(self._last_error)

    def _show_error_text_only(self, exc: BaseException) -> None:
        refusal = self._po_refusal(exc)
        if refusal is not None:
            row, message = refusal
            self.model.set_error(row + 1, message)
            say(self.line_error, fill(self.tr("Line %1: %2"), row + 1, message))
            return
        message = describe(exc)
        if getattr(exc, "line", None) is not None:
            self.model.set_error(exc.line, message)
            say(self.line_error, message)
        else:
            say(self.header_error, message)
