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

The Receive screen can also receive against a purchase order: pick an open PO of the warehouse
in the "Purchase order" field, or scan (type) its number, e.g. PO-2026-00042, in the scan
field. The lines become the PO's open lines with what is still expected; the received
quantity is prefilled with it and editable, and a scan counts only a product on the PO.
Ctrl+Enter then runs ``domain.purchasing.orders.receive`` (one transaction, on the task runner): the
PO's received quantities and on-order change with the stock, the movements carry the PO
number and the PO's unit cost, and what is not received stays open. Such a receipt is listed
under its PO number (the purchasing screen), not among the posted GR- documents. Clearing the
PO field returns the screen to a free receipt.
"""

from __future__ import annotations

import re
import time
from datetime import date
from datetime import datetime
from datetime import time as clock
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QRegularExpression
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.imports.problems import Said
from domain.kernel.errors import DomainError
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import fmt
from domain.kernel.validate import code_key
from domain.purchasing import orders as purchasing
from domain.purchasing.model import OPEN_STATES
from domain.purchasing.model import over_receipt_limit
from domain.stock.documents import DocumentError
from domain.stock.documents import DocumentKind
from domain.stock.documents import PostDocument
from domain.stock.documents import ReverseDocument
from domain.stock.documents import ScanTarget
from domain.stock.documents import post_document
from domain.stock.documents import reverse_document
from domain.stock.held import HeldDocument
from ui.i18n import fill
from ui.models import document_lines as lm
from ui.models.document_lines import DocumentLinesModel
from ui.models.document_lines import PostedDocumentsModel
from ui.models.document_lines import PostedLinesModel
from ui.models.table import RowRole
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.refusals import refusal_text
from ui.screens.held import HeldKeeper
from ui.screens.held import pick
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable
from ui.widgets.unfilled_offer import UnfilledDemandOffer

_RED = "color: #9b1c1c;"
CODES_MAX_AGE = 10.0  # seconds: an unknown code reloads a code map older than this
_GREEN = "color: #1e6b2f; font-weight: bold;"
OPEN_PO_STATES = tuple(state.value for state in OPEN_STATES)
PO_NUMBER = re.compile(r"PO-\d{4}-\d+", re.IGNORECASE)  # what a scanned PO number looks like


def say(label: QLabel, text: str) -> None:
    """Set a message label only when its text changes: each set relays out and repaints the screen.

    Labels marked ``collapse`` are hidden while empty, so they take no room until there is a message.
    """
    if label.text() != text:
        label.setText(text)
    if label.property("collapse"):
        label.setVisible(bool(text))


FIELDS = {
    "SKU": QT_TRANSLATE_NOOP("DocumentErrors", "SKU"),
    "quantity": QT_TRANSLATE_NOOP("DocumentErrors", "Quantity"),
    "unit cost": QT_TRANSLATE_NOOP("DocumentErrors", "Unit cost"),
    "counted quantity": QT_TRANSLATE_NOOP("DocumentErrors", "Counted quantity"),
    "reason": QT_TRANSLATE_NOOP("DocumentErrors", "Reason"),
    "reference": QT_TRANSLATE_NOOP("DocumentErrors", "Reference"),
    "partner": QT_TRANSLATE_NOOP("DocumentErrors", "Partner"),
    "date": QT_TRANSLATE_NOOP("DocumentErrors", "Date"),
    "warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "Warehouse"),
    "to warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "To warehouse"),
    "note": QT_TRANSLATE_NOOP("DocumentErrors", "Note"),
}


# Marked for lupdate with QT_TRANSLATE_NOOP; translated in ``describe`` when shown.
MESSAGES = {
    "insufficient_stock": QT_TRANSLATE_NOOP("DocumentErrors", "Not enough %1 (%2) in %3: %4 on hand, %5 asked."),
    "unknown_product": QT_TRANSLATE_NOOP("DocumentErrors", "No product has the SKU or barcode %1."),
    "unknown_warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "No warehouse has the code %1."),
    "unknown_supplier": QT_TRANSLATE_NOOP("DocumentErrors", "No supplier has the code %1."),
    "unknown_customer": QT_TRANSLATE_NOOP("DocumentErrors", "No customer has the code %1."),
    "same_warehouse": QT_TRANSLATE_NOOP("DocumentErrors",
                                        "%1 is both the from and the to warehouse; choose another to warehouse."),
    "duplicate_line": QT_TRANSLATE_NOOP("DocumentErrors",
                                        "%1 is already counted on line %2; enter one counted quantity per product."),
    "no_lines": QT_TRANSLATE_NOOP("DocumentErrors",
                                  "Nothing to post: scan a barcode or type a SKU and press Enter to add a line."),
    "already_reversed": QT_TRANSLATE_NOOP("DocumentErrors", "Document %1 has already been reversed."),
    "not_found": QT_TRANSLATE_NOOP("DocumentErrors", "No posted document has the number %1."),
    "cannot_reverse": QT_TRANSLATE_NOOP("DocumentErrors", "Document %1 cannot be reversed: %2"),
    "required": QT_TRANSLATE_NOOP("DocumentErrors", "%1 is required."),
    "zero": QT_TRANSLATE_NOOP("DocumentErrors", "%1 must not be 0."),
    "bad_input": QT_TRANSLATE_NOOP("DocumentErrors", "%1: %2"),
    "refused": QT_TRANSLATE_NOOP("DocumentErrors", "Refused: %1"),
    "line": QT_TRANSLATE_NOOP("DocumentErrors", "Line %1: %2"),
    "failed": QT_TRANSLATE_NOOP("DocumentErrors", "Could not post: %1"),
}


def describe(exc: BaseException) -> str:
    """A refusal as a translated sentence for the clerk.

    The domain's message is English; a ``DocumentError`` also carries a code and the values,
    so the sentence is built here from a translated template. A field problem the templates
    do not cover keeps the domain's English explanation after the translated field name.
    """

    def render(key: str, *args: object) -> str:
        return fill(QCoreApplication.translate("DocumentErrors", MESSAGES[key]), *args)

    if not isinstance(exc, DocumentError):  # e.g. refused by role, or a PO in a foreign currency without a rate
        return refusal_text(exc) if isinstance(exc, DomainError) else render("failed", exc)
    p, code = exc.params, exc.code
    if code == "insufficient_stock":
        text = render(code, p["sku"], p["name"], p["warehouse"], p["on_hand"], p["asked"])
    elif code in ("unknown_product", "unknown_warehouse"):
        text = render(code, p["code"])
    elif code == "unknown_partner":
        text = render("unknown_supplier" if exc.field == "supplier" else "unknown_customer", p["code"])
    elif code == "same_warehouse":
        text = render(code, p["code"])
    elif code == "duplicate_line":
        text = render(code, p["sku"], p["other"])
    elif code == "no_lines":
        text = render(code)
    elif code in ("already_reversed", "not_found"):
        text = render(code, p["number"])
    elif code == "cannot_reverse":
        text = render(code, p["number"], p["message"])
    elif code == "bad_input":
        name = p.get("field", "")
        field = QCoreApplication.translate("DocumentErrors", FIELDS[name]) if name in FIELDS else name
        problem = p.get("problem", "")
        said = Said.of(problem).code  # a problem without values or advice has its code in domain.imports.problems
        if said in ("required", "zero"):
            text = render(said, field)
        else:
            text = render("bad_input", field, problem)
    else:
        text = render("refused", p.get("message", str(exc)))
    return render("line", exc.line, text) if exc.line is not None else text


class NumberDelegate(QStyledItemDelegate):
    """A line editor that accepts only digits, commas, a decimal point and (if signed) a minus sign."""

    def __init__(self, signed: bool, parent=None) -> None:
        super().__init__(parent)
        sign = "[-+]?" if signed else ""
        # Digits, a decimal point and commas (thousands, as in 1,250.5): a comma in any other place is
        # refused with its reason when the cell is left (domain.kernel.numbers), never read as a decimal point.
        self.pattern = QRegularExpression(sign + r"[0-9,]{0,16}(\.[0-9]{0,8})?")

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(self.pattern, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor


class TextDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setMaxLength(200)
        return editor


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


class DocumentEntry(Screen):
    """The shared document-entry screen; subclasses only set ``KIND``."""

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
        self.date_label, self.date = QLabel(self), QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
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
        self.header_error = self._message_label(_RED, collapse=True)

        # scan field
        self.scan_label = QLabel(self)
        self.scan = QLineEdit(self)
        self.scan.setClearButtonEnabled(True)
        self.scan.setMinimumWidth(260)
        self.scan.returnPressed.connect(self._scan_entered)
        self.scan_label.setBuddy(self.scan)
        self.scan_message = self._message_label(_RED)
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
        self.grid = QTableView(self)
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setAlternatingRowColors(True)
        self._edit_triggers = (QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid.setEditTriggers(self._edit_triggers)
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
        self.grid.setColumnWidth(self.model.column(lm.LINE), 44)
        self.grid.setColumnWidth(self.model.column(lm.SKU), 130)
        self.grid.setColumnWidth(self.model.column(lm.NAME), 280)
        if self.kind == DocumentKind.RECEIPT:
            self.grid.setColumnHidden(self.model.column(lm.EXPECTED), True)  # shown against a PO
        self.line_error = self._message_label(_RED, collapse=True)
        self.unfilled_offer = UnfilledDemandOffer(services, self) if self.kind == DocumentKind.SHIPMENT else None
        self.totals = QLabel(self)
        self.result_label = self._message_label(_GREEN)
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

        # posted documents
        self.posted_model = PostedDocumentsModel(self)
        self.posted = DataTable(f"documents/{self.kind.value}", self)
        self.posted.setModel(self.posted_model)
        self.posted.setSortingEnabled(False)
        self.posted.set_widths({PostedDocumentsModel.NUMBER: 140, PostedDocumentsModel.DATE: 95,
                                PostedDocumentsModel.POSTED: 140})
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
        self.posted_message = self._message_label(_RED)
        self.opened_label = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.refresh_button)
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
        self.tabs.currentChanged.connect(lambda index: self.scan.setFocus() if index == 0 else None)

        self.setFocusProxy(self.scan)
        self.retranslate()
        self._update_totals()
        self.reload_choices()
        self.reload_codes()
        self.refresh_posted()
        self.scan.setFocus()

    def _message_label(self, style: str, collapse: bool = False) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(style)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setProperty("collapse", collapse)
        label.setVisible(not collapse)
        return label

    def _reset_date(self) -> None:
        today = QDate.currentDate()
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
        self._apply_pending()

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
        settings = QSettings()
        for combo, key in ((self.warehouse, "warehouse"), (self.to_warehouse, "to_warehouse")):
            current = combo.currentData() or settings.value(f"documents/{self.kind.value}/{key}", "", type=str)
            combo.clear()
            for code, name in warehouses:
                combo.addItem(f"{code} — {name}", code)
            if current and combo.findData(current) >= 0:
                combo.setCurrentIndex(combo.findData(current))
        if self.kind == DocumentKind.TRANSFER and self.to_warehouse.count() > 1 and \
                self.to_warehouse.currentIndex() == self.warehouse.currentIndex():
            self.to_warehouse.setCurrentIndex(1)
        text = self.partner.currentText()
        self.partner.clear()
        self.partner.addItem("", "")
        for code, name in partners:
            self.partner.addItem(f"{code} — {name}", code)
        self.partner.setEditText(text)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for category in categories:
            self.category.addItem(category, category)
        self._fill_po_combo()
        if first:  # the warehouses can be chosen now: bring back the document of a quit or crash
            self.held.restore_active()

    def refresh(self) -> None:
        self.reload_choices()
        self.reload_codes()
        self.refresh_posted()

    def data_changed(self, generation: int) -> None:
        """Another desk or program changed the database: the posted list and the scan codes follow; the
        lines being entered are left alone."""
        if generation > self._loaded_generation:
            self.reload_codes()
            self.refresh_posted()

    def refresh_posted(self) -> None:
        documents, kind = self.services.documents, self.kind.value
        self._loaded_generation = self.services.data_generation()
        self._submit(lambda: documents.document_list(kind=kind), self._posted_loaded)

    def _posted_loaded(self, rows) -> None:
        selected = self._selected_doc.id if self._selected_doc is not None else None
        self.posted_model.set_rows(rows)
        for row, doc in enumerate(rows):
            if doc.id == selected:
                self.posted.selectRow(row)
                self._selected_doc = doc
                break

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
            return
        self.apply_scan(code)

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
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
        say(self.result_label, "")
        self.grid.scrollTo(self.model.index(row, 0))
        return True

    def _is_po_number(self, code: str) -> bool:
        upper = code.upper()
        return bool(PO_NUMBER.fullmatch(code)) or any(po.number == upper for po in self._open_pos)

    def _scan_po_line(self, product) -> bool:
        row = self.model.scan_po(product.sku)
        if row is None:
            say(self.scan_message, fill(self.tr("%1 (%2) is not on purchase order %3: only its products can be "
                                                "received against it. Clear the order for a free receipt."),
                                        product.sku, product.name, self.po.number))
            QApplication.beep()
            self.scan.setFocus()
            return False
        say(self.scan_message, "")
        say(self.result_label, "")
        self.grid.selectRow(row)
        self.grid.scrollTo(self.model.index(row, 0))
        self.scan.setFocus()
        return True

    # --- receiving against a purchase order -------------------------------------------------------
    def _fill_po_combo(self) -> None:
        """The open POs of the chosen warehouse, after "none" (a free receipt)."""
        if self.kind != DocumentKind.RECEIPT:
            return
        warehouse = self.warehouse.currentData()
        numbers = [(po.number, po.supplier_name) for po in self._open_pos if po.number and po.warehouse == warehouse]
        if self.po is not None and all(number != self.po.number for number, _ in numbers):
            numbers.insert(0, (self.po.number, self.po.supplier_name))
        self.po_combo.blockSignals(True)
        self.po_combo.clear()
        self.po_combo.addItem(self.tr("None: a free receipt"), "")
        for number, supplier in numbers:
            self.po_combo.addItem(f"{number} — {supplier}", number)
        self.po_combo.setCurrentIndex(max(0, self.po_combo.findData(self.po.number)) if self.po is not None else 0)
        self.po_combo.blockSignals(False)

    def _po_chosen(self, index: int) -> None:
        number = self.po_combo.itemData(index)
        if not number:
            self.clear_po()
        elif self.po is None or number != self.po.number:
            self.load_po(number)
        self.scan.setFocus()

    def load_po(self, ref: str) -> None:
        """Load the PO numbered ``ref`` (in the background) and enter a receipt against it."""
        if self._posting or self._po_loading:
            self._pending.append(ref)
            return
        self._po_loading = True
        self.po_combo.setEnabled(False)
        services = self.services
        orders = services.purchasing

        def load():
            rows = orders.purchase_orders(ref=ref)
            uow = services.uow()
            with uow:
                tolerance = uow.purchasing.policy().over_receipt_tolerance
            return rows, tolerance

        def failed(exc: BaseException) -> None:
            self._po_loading = False
            self.po_combo.setEnabled(True)
            self._fill_po_combo()
            self.show_error(exc)
            self._apply_pending()

        self._submit(load, lambda result: self._po_loaded(ref, *result), failed)

    def _po_loaded(self, ref: str, rows, tolerance: Decimal) -> None:
        self._po_loading = False
        self.po_combo.setEnabled(True)
        po = rows[0] if rows else None
        if po is None or po.state not in OPEN_PO_STATES or not any(x.open_qty > 0 for x in po.lines):
            if po is None:
                text = fill(self.tr("No purchase order has the number %1."), ref)
            else:
                text = fill(self.tr("Purchase order %1 has nothing open to receive."), po.number or ref)
            self._fill_po_combo()
            self._apply_pending()  # (clears the scan message when nothing was waiting)
            say(self.scan_message, text)
            QApplication.beep()
            self.scan.setFocus()
            return
        self.po, self._po_tolerance = po, tolerance
        self._last_error = None
        for label in (self.header_error, self.line_error, self.scan_message, self.result_label):
            say(label, "")
        if self.warehouse.findData(po.warehouse) >= 0:
            self.warehouse.setCurrentIndex(self.warehouse.findData(po.warehouse))
        self.warehouse.setEnabled(False)  # the PO says where the goods go
        self.partner.setEditText(f"{po.supplier} — {po.supplier_name}")
        self.partner.setEnabled(False)
        self.model.load_open_lines(po)
        resumed, self._resume_po_lines = self._resume_po_lines, None
        if resumed is not None:
            self.model.restore_po_quantities(resumed)
        self.grid.setColumnHidden(self.model.column(lm.EXPECTED), False)
        self._fill_po_combo()
        self._show_po_info()
        self._apply_pending()
        self.scan.setFocus()

    def _show_po_info(self) -> None:
        if self.po is None:
            say(self.po_info, "")
        else:
            say(self.po_info, fill(self.tr("From %1: what is still expected is filled in; change it or scan "
                                           "(the first scan of a line counts from 1). What is not received "
                                           "stays open."), self.po.supplier_name))

    def clear_po(self) -> None:
        """Back to a free receipt: no PO, no lines."""
        self.model.clear()
        self._leave_po()
        self.partner.setEditText("")
        for label in (self.header_error, self.line_error, self.scan_message):
            say(label, "")
        self._last_error = None

    def _leave_po(self) -> None:
        if self.po is None:
            return
        self.po = None
        self.warehouse.setEnabled(True)
        self.partner.setEnabled(True)
        self.grid.setColumnHidden(self.model.column(lm.EXPECTED), True)
        self._fill_po_combo()
        self._show_po_info()

    def _post_po(self) -> None:
        """Receive the entered quantities against the PO (``domain.purchasing.orders.receive``, one transaction)."""
        self._commit_open_editor()
        for label in (self.header_error, self.line_error, self.result_label):
            say(label, "")
        self.model.clear_errors()
        self._last_error = None
        day = self.date.date().toPython()
        past = isinstance(day, date) and day < date.today()
        command = self.model.po_receipt(self.po.number, note=self.reference.text(),
                                        occurred_at=datetime.combine(day, clock(12)) if past else None)
        if command is None:  # nothing entered: refused here, as no lines would receive everything still open
            say(self.header_error, fill(self.tr("Enter a received quantity on at least one line of %1."),
                                        self.po.number))
            QApplication.beep()
            return
        self._set_posting(True)
        services, done_with_held = self.services, self.held.removal()

        def receive():
            movements = purchasing.receive(services.uow(), command)
            done_with_held()  # posted: the held copy goes (a crash in between leaves it, never the reverse)
            return movements

        self._submit(receive, self._po_received, self._post_failed)

    def _po_received(self, _movements) -> None:
        number = self.po.number if self.po is not None else ""
        self.held.posted()
        self._set_posting(False)
        QSettings().setValue(f"documents/{self.kind.value}/warehouse", self.warehouse.currentData() or "")
        self.clear_form()
        self._last_posted, self._last_po_receipt = "", number
        self._show_result()
        self.reload_choices()  # the PO is now partly or fully received
        self._apply_pending()
        self.scan.setFocus()

    def _po_refusal(self, exc: BaseException) -> tuple[int, str] | None:
        """An over-receipt refusal as (row, translated message), when ``exc`` is one for a line of the PO."""
        if self.po is None or not isinstance(exc, RuleViolation):
            return None
        if exc.code != "over_receipt":
            return None
        for row, entered in enumerate(self.model.lines):
            if entered.sku != exc.params["sku"]:
                continue
            line = next((x for x in self.po.lines if x.sku == entered.sku), None)
            if line is None:
                return None
            room = max(Decimal(0), over_receipt_limit(line.qty, self._po_tolerance) - line.received)
            return row, fill(self.tr("%1: %2 ordered, %3 received so far; receiving %4 would exceed the over-receipt "
                                     "tolerance of %5% (at most %6 more accepted)."),
                             line.sku, fmt(line.qty), fmt(line.received), fmt(entered.qty or Decimal(0)),
                             fmt(self._po_tolerance), fmt(room))
        return None

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
        say(self.result_label, self.tr("Undone."))
        return True

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo) and (
                watched is self.grid or (watched is self.scan and not self.scan.text())):
            self.undo()
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
        """Whenever the screen is shown, scans go to the scan field of a new document."""
        super().showEvent(event)
        self.tabs.setCurrentIndex(0)
        QTimer.singleShot(0, self.scan.setFocus)

    # --- held documents (ui.screens.held) ---------------------------------------------------------
    @property
    def unposted_lines(self) -> int:
        return self.model.rowCount()

    def held_snapshot(self, held_id: str) -> HeldDocument | None:
        """The form as a held document, or None when it has no lines (nothing to keep)."""
        if not self.model.rowCount():
            return None
        day = self.date.date().toPython()
        return HeldDocument(
            id=held_id, kind=self.kind.value, warehouse=self.warehouse.currentData() or "",
            to_warehouse=(self.to_warehouse.currentData() or "") if self.kind == DocumentKind.TRANSFER else "",
            partner=self.partner.currentText().split(" — ")[0].strip(), reference=self.reference.text(),
            business_date=day if isinstance(day, date) else None, po_number=self.po.number if self.po else "",
            lines=self.model.held_lines(), user=self.services.user)

    def fill_from_held(self, doc: HeldDocument) -> None:
        """Put a held document into the form (replacing what is there)."""
        self.clear_form()
        for combo, code in ((self.warehouse, doc.warehouse), (self.to_warehouse, doc.to_warehouse)):
            if code and combo.findData(code) >= 0:
                combo.setCurrentIndex(combo.findData(code))
        match = next((i for i in range(self.partner.count()) if self.partner.itemData(i) == doc.partner), -1)
        self.partner.setEditText(self.partner.itemText(match) if doc.partner and match >= 0 else doc.partner)
        self.reference.setText(doc.reference)
        if doc.business_date is not None:
            self.date.setDate(QDate(doc.business_date))
        if doc.po_number:
            self._resume_po_lines = doc.lines
            self.load_po(doc.po_number)
        else:
            self.model.restore(doc.lines)

    def hold(self) -> None:
        """F8: park this document in the held list and start a new one."""
        if self._posting or self._po_loading:
            return
        self._commit_open_editor()
        if self.held.hold():
            say(self.result_label, self.tr("Held: resume it with Held… (F7)."))
        else:
            say(self.result_label, self.tr("Nothing to hold: the document has no lines."))

    def pick_held(self, labels: list[str]) -> str | None:
        """Asks which held document to resume; tests replace it."""
        return pick(self, self.tr("Held documents"), self.tr("Resume:"), labels)

    def say_restored(self, doc: HeldDocument) -> None:
        self._restored = doc  # said again in another language
        when = doc.saved_at.astimezone().strftime("%H:%M") if doc.saved_at else ""
        say(self.result_label, fill(self.tr("Resumed an unposted document of %n line(s), kept at %1: check it, then "
                                            "post it (or hold it again).", None, len(doc.lines)), when))

    def say_no_held(self) -> None:
        say(self.result_label, self.tr("No held documents."))

    def own_write_done(self) -> None:
        """A held copy was written: that change is this screen's own, not news for its posted list."""
        self._loaded_generation = self.services.data_generation()

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

    def _totals_text(self, lines: int, qty: str, amount: str) -> str:
        text = self.tr("%n line(s)", None, lines)
        if self.kind == DocumentKind.COUNT:
            text += "    " + fill(self.tr("Counted: %1"), qty)
        else:
            text += "    " + fill(self.tr("Total qty: %1"), qty)
        if self.kind == DocumentKind.RECEIPT:
            text += "    " + fill(self.tr("Amount: %1"), amount)
        return text

    def _size_totals(self) -> None:
        # A fixed size lets Qt skip the relayout of the whole screen that each new text would cause.
        sample = self._totals_text(99_999, "9,999,999.9999", "999,999,999.99")
        metrics = self.totals.fontMetrics()
        self.totals.setFixedSize(metrics.horizontalAdvance(sample) + 8, metrics.height() + 4)

    def _update_totals(self) -> None:
        say(self.totals, self._totals_text(self.model.rowCount(), qty_text(self.model.total_qty()),
                                           money_text(self.model.total_amount())))

    # --- count sheet --------------------------------------------------------------------------
    def load_expected(self) -> None:
        """Fill the sheet with the expected quantities of the warehouse (and category)."""
        warehouse, category = self.warehouse.currentData(), self.category.currentData()
        if not warehouse:
            say(self.header_error, self.tr("Choose a warehouse first."))
            return
        stock = self.services.stock

        def load():
            rows = stock.stock(warehouse=warehouse)
            return [(r.product_id, r.sku, r.name, r.unit, r.on_hand) for r in rows
                    if category is None or r.category == category]

        self.load_expected_button.setEnabled(False)

        def loaded(items) -> None:
            self.load_expected_button.setEnabled(True)
            self.model.load_expected(items)
            say(self.header_error, "")

        def failed(exc) -> None:
            self.load_expected_button.setEnabled(True)
            self.show_error(exc)

        self._submit(load, loaded, failed)

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

        self._submit(post, self._posted, self._post_failed)

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
        self.scan.setFocus()

    def _show_result(self) -> None:
        if self._last_posted:
            self.result_label.setText(fill(self.tr("Posted %1"), self._last_posted))
        elif self._last_po_receipt:
            self.result_label.setText(fill(self.tr("Received against %1"), self._last_po_receipt))

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

    def _show_error(self, exc: BaseException) -> None:
        refusal = self._po_refusal(exc)
        if refusal is not None:
            row, message = refusal
            self.model.set_error(row + 1, message)
            self.grid.selectRow(row)
            self.grid.scrollTo(self.model.index(row, 0))
            say(self.line_error, fill(self.tr("Line %1: %2"), row + 1, message))
            QApplication.beep()
            return
        message = describe(exc)
        line = getattr(exc, "line", None)
        if line is not None:
            row = self.model.set_error(line, message)
            if row is not None:
                self.grid.selectRow(row)
                self.grid.scrollTo(self.model.index(row, 0))
            say(self.line_error, message)
        else:
            say(self.header_error, message)
        QApplication.beep()

    # --- posted documents -------------------------------------------------------------------------
    def _posted_row_changed(self, current, _previous) -> None:
        self._selected_doc = current.data(RowRole) if current.isValid() else None

    def selected_document(self):
        index = self.posted.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def open_selected(self) -> None:
        doc = self.selected_document()
        if doc is None:
            self.posted_message.setText(self.tr("Select a document first."))
            return
        self.posted_message.clear()
        self._opened = doc.number
        self._show_opened()
        documents = self.services.documents
        self._submit(lambda: documents.document_lines(doc.id), self.posted_lines_model.set_rows)

    def _show_opened(self) -> None:
        if self._opened:
            self.opened_label.setText(fill(self.tr("Lines of %1"), self._opened))
        else:
            self.opened_label.setText(self.tr("Open a document to see its lines."))

    def reverse_selected(self) -> None:
        doc = self.selected_document()
        if doc is None:
            self.posted_message.setText(self.tr("Select a document first."))
            return
        if doc.reversed:
            self.posted_message.setText(fill(self.tr("Document %1 has already been reversed."), doc.number))
            return
        answer = QMessageBox.question(
            self, self.tr("Reverse document"),
            fill(self.tr("Reverse %1? Every movement it posted is undone by a reversing movement."), doc.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.posted_message.clear()
        self.reverse_button.setEnabled(False)
        services, number = self.services, doc.number

        def done(result) -> None:
            self.reverse_button.setEnabled(True)
            self._last_reversed = result.number
            self.posted_message.setStyleSheet(_GREEN)
            self.posted_message.setText(fill(self.tr("Reversed %1"), result.number))
            self.refresh_posted()

        def failed(exc) -> None:
            self.reverse_button.setEnabled(True)
            self.posted_message.setStyleSheet(_RED)
            self.posted_message.setText(describe(exc))
            QApplication.beep()

        self._submit(lambda: reverse_document(services.uow(), ReverseDocument(number)), done, failed)

    # --- language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        new_title, posted_title = TITLES[self.kind]
        self.tabs.setTabText(0, self.tr(new_title))
        self.tabs.setTabText(1, self.tr(posted_title))
        transfer = self.kind == DocumentKind.TRANSFER
        self.warehouse_label.setText(self.tr("&From warehouse:") if transfer else self.tr("&Warehouse:"))
        self.to_label.setText(self.tr("&To warehouse:"))
        self.partner_label.setText(self.tr("&Supplier:") if self.kind == DocumentKind.RECEIPT
                                   else self.tr("C&ustomer:"))
        self.partner.lineEdit().setPlaceholderText(self.tr("optional"))
        self.reference_label.setText(self.tr("&Reference:"))
        self.reference.setPlaceholderText(self.tr("delivery note, invoice or order number (optional)"))
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
        self.reverse_button.setText(self.tr("Re&verse…"))
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


class ReceiveScreen(DocumentEntry):
    KIND = DocumentKind.RECEIPT


class ShipScreen(DocumentEntry):
    KIND = DocumentKind.SHIPMENT


class TransferScreen(DocumentEntry):
    KIND = DocumentKind.TRANSFER


class CountScreen(DocumentEntry):
    KIND = DocumentKind.COUNT


class AdjustScreen(DocumentEntry):
    KIND = DocumentKind.ADJUSTMENT
