"""Purchase orders: the list (state filter, search) beside the order editor (``editor``), the action bar
(``actions``) and the PDF preview; see the package docstring."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCompleter
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel.numbers import ZERO
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowRole
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.screens.purchasing.actions import PoActions
from ui.screens.purchasing.editor import CTX
from ui.screens.purchasing.editor import LINE_COLUMNS
from ui.screens.purchasing.editor import STATES
from ui.screens.purchasing.editor import PoEditor
from ui.screens.purchasing.editor import list_totals_text
from ui.screens.purchasing.editor import state_text
from ui.screens.purchasing.editor import translate
from ui.search import needle
from ui.search import search_keys
from ui.widgets.combo import refill
from ui.widgets.pdf_preview import PdfPreview
from ui.widgets.screen import Screen
from ui.widgets.tab_order import chain_tabs
from ui.widgets.table_view import DataTable
from ui.widgets.table_view import fit_titles


class PoListModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Number"), lambda r: r.number or "", lambda v: v or "—"),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Supplier"), lambda r: f"{r.supplier} {r.supplier_name}"),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "State"), lambda r: r.state, state_text),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Rev."), lambda r: r.revision, str, True),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Expected"), lambda r: r.expected_on,
               lambda v: v.isoformat() if v else ""),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Lines"), lambda r: len(r.lines), str, True),
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Open qty"), lambda r: sum((x.open_qty for x in r.lines), ZERO),
               qty_text, True),
        # each PO's amount in its own currency, labelled with it (sorting compares amounts within a currency)
        Column(QT_TRANSLATE_NOOP("PurchasingScreen", "Amount"), lambda r: (r.currency, r.subtotal()),
               lambda v: f"{money_text(v[1])} {v[0]}", True),
    )

    NUMBER, SUPPLIER = 0, 1

    def sort_value(self, row, column: int):
        """Drafts have no number yet: sorted by number, they come above every issued order when the newest are on
        top (the default), newest draft first, instead of below PO-…-00001 at the end of a long list."""
        if column == 0:
            return (row.number is None, row.number or row.id)
        return super().sort_value(row, column)

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.number or r.id, r.supplier, r.supplier_name, r.warehouse,
                                            *(x.sku for x in r.lines)), lambda r: r.supplier_name)


SUPPLIER_CAP = 300  # the widest the list's supplier column grows to show a name


class PurchasingScreen(PoActions, PoEditor, Screen):
    marks_stale = True  # says when the database changed after the shown data was read (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.current = None  # PoRow
        self.snapshot = None
        self.revising = False
        self.dialog = None
        self._filling = False
        self._pending_select: str | None = None
        self.products: list[tuple[str, str]] = []
        self.codes: dict = {}  # code → SKU, or a carton barcode's ScanTarget (ReceivePoDialog)
        self._render_ticket: object = None

        # list
        self.list_model = PoListModel(self)
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
        self.table = DataTable("purchase-orders", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({0: 120, 1: 170, 2: 70, 3: 100, 4: 40, 5: 85, 6: 45})
        self.table.default_sort(0, Qt.SortOrder.DescendingOrder)  # the newest orders, mostly the open ones, on top
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.list_totals = QLabel(self)
        self.list_totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._show_list_totals)

        # actions
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_draft)
        self.issue_button = QPushButton(self)
        self.issue_button.clicked.connect(self.issue)
        self.revise_button = QPushButton(self)
        self.revise_button.clicked.connect(self.revise)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_po)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_short)
        self.receive_button = QPushButton(self)
        self.receive_button.clicked.connect(self.receive)
        self.build_follow_ups()

        # editor
        self.build_editor()

        # preview
        self.preview = PdfPreview(services.tasks, self)
        self.preview_box = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.setContentsMargins(4, 4, 4, 4)
        # Shown above the preview while the PO prints no company name (a new company's): it still prints.
        self.no_company = QLabel(self)
        self.no_company.setWordWrap(True)
        self.no_company.setObjectName("noCompanyName")
        self.no_company.hide()
        preview_layout.addWidget(self.no_company)
        preview_layout.addWidget(self.preview)

        # Two rows, so that the screen fits a 1280-pixel window in Chinese too (one row asked for 1133 pixels):
        # the first starts a draft, the second finds a purchase order and acts on the one selected.
        draft_bar = QHBoxLayout()
        for widget in (self.supplier_label, self.supplier, self.warehouse_label, self.warehouse, self.expected_label,
                       self.expected, self.new_button):
            draft_bar.addWidget(widget)
        draft_bar.addStretch(1)
        action_bar = QHBoxLayout()
        action_bar.addWidget(self.search, 2)
        action_bar.addWidget(self.state_filter, 1)
        action_bar.addSpacing(16)
        for button in (self.issue_button, self.revise_button, self.cancel_button,
                       self.close_button, self.receive_button, self.return_button, self.invoice_button):
            action_bar.addWidget(button)
        list_part = QWidget(self)
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.list_totals)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(list_part)
        left.addWidget(self.editor)
        left.setStretchFactor(1, 2)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(draft_bar)
        layout.addLayout(action_bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)
        # Tab: the draft's header (supplier, warehouse, expected date, New) → the lines and the add bar → the buttons
        # acting on the order → finding another. Qt's order went from the search to the list, whose Tab went from cell
        # to cell, and the header came last (the editor's widgets were made after the list).
        for table in (self.table, self.lines):
            table.setTabKeyNavigation(False)  # Tab leaves the table; a cell being typed still tabs to the next
        chain_tabs(self.supplier, self.warehouse, self.expected, self.new_button, self.lines, self.sku, self.qty,
                   self.price, self.add_button, self.remove_button, self.fixed_rate, self.rate_button,
                   self.issue_button, self.revise_button, self.cancel_button, self.close_button, self.receive_button,
                   self.return_button, self.invoice_button, self.search, self.state_filter, self.table)
        self.retranslate()
        self._enable()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        catalog, documents, orders = self.services.catalog, self.services.documents, self.services.purchasing

        def fetch():
            # a SKU or product barcode names its SKU; a carton's barcode keeps its target, which counts the carton
            codes = {code: target if target.pack else target.sku for code, target in documents.scan_codes().items()}
            return (orders.purchase_orders(), catalog.suppliers(), catalog.warehouses(),
                    [(p.sku, p.name) for p in catalog.products()], codes)

        self.load(fetch, self._loaded)

    def _loaded(self, result) -> None:
        rows, suppliers, warehouses, self.products, self.codes = result
        refill(self.supplier, [(s.code, f"{s.code}  {s.name}") for s in suppliers])
        refill(self.warehouse, [(w.code, f"{w.code}  {w.name}") for w in warehouses])
        completer = QCompleter([f"{sku}  {name}" for sku, name in self.products], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda text: self.sku.setText(text.split()[0]))
        self.sku.setCompleter(completer)
        self.list_model.set_rows(rows)
        # the supplier's whole name (S20 Pacific Rim Tools Import Ltd. 环太工具进口): 170 pixels cut most at 1280 × 800
        self.table.fit_column(PoListModel.SUPPLIER, SUPPLIER_CAP)
        target = self._pending_select or (self.current.id if self.current else None)
        self._pending_select = None
        if target:
            self.select(target)

    def _filter_changed(self, *_) -> None:
        state = self.state_filter.currentData()
        self.proxy.set_filter("state", (lambda i, r: r.state == state) if state else None)

    def select(self, po_id: str) -> bool:
        """Select the PO with this id (or number) in the list and open it in the editor."""
        for i in range(self.proxy.rowCount()):
            row = self.proxy.index(i, 0).data(RowRole)
            if po_id in (row.id, row.number):
                self.table.setCurrentIndex(self.proxy.index(i, 0))
                self.open_po(row.id)
                return True
        self.open_po(po_id)
        return False

    def _selected(self, current, _previous=None) -> None:
        row = current.data(RowRole) if current.isValid() else None
        if row is not None and (self.current is None or row.id != self.current.id):
            self.open_po(row.id)

    def _show_list_totals(self, *_) -> None:
        rows = [self.proxy.index(i, 0).data(RowRole) for i in range(self.proxy.rowCount())]
        self.list_totals.setText(list_totals_text(rows))

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("PurchasingScreen", "Search number, supplier or SKU…"))
        self.state_filter.setItemText(0, translate("PurchasingScreen", "All states"))
        for i, key in enumerate(STATES, 1):
            self.state_filter.setItemText(i, state_text(key))
        self.new_button.setText(translate("PurchasingScreen", "&New draft"))
        self.issue_button.setText(translate("PurchasingScreen", "&Issue"))
        self.revise_button.setText(translate("PurchasingScreen", "R&evise…"))
        self.cancel_button.setText(translate("PurchasingScreen", "&Cancel PO…"))
        self.close_button.setText(translate("PurchasingScreen", "C&lose short…"))
        self.receive_button.setText(translate("PurchasingScreen", "&Receive…"))
        self.follow.retranslate()
        self.editor.setTitle(translate("PurchasingScreen", "Purchase order"))
        self.preview_box.setTitle(translate("PurchasingScreen", "Preview"))
        self.no_company.setText(translate(
            "PurchasingScreen", "This purchase order prints no company name: set it in Settings › General. (It "
                                "still prints; an issued order keeps the name it was issued with until its next "
                                "revision.)"))
        self.supplier_label.setText(translate("PurchasingScreen", "&Supplier:"))
        self.warehouse_label.setText(translate("PurchasingScreen", "&Warehouse:"))
        self.expected_label.setText(translate("PurchasingScreen", "E&xpected:"))
        self.expected_on_label.setText(translate("PurchasingScreen", "Expected day:"))
        self.expected_button.setText(translate("PurchasingScreen", "Set expected day"))
        self.sku_label.setText(translate("PurchasingScreen", "&Add SKU:"))
        self.sku.setPlaceholderText(translate("PurchasingScreen", "Scan, or type a SKU or name"))
        self.qty.setPlaceholderText(translate("PurchasingScreen", "Qty"))
        self.price.setPlaceholderText(translate("PurchasingScreen", "Price (terms)"))
        self.add_button.setText(translate("PurchasingScreen", "Add"))
        self.remove_button.setText(translate("PurchasingScreen", "Remove line"))
        self.rate_button.setText(translate("PurchasingScreen", "Set rate"))
        self.lines.setHorizontalHeaderLabels([translate("PurchasingScreen", title) for title in LINE_COLUMNS])
        self._fitting = True  # the titles of the language, not the user's hand
        try:
            fit_titles(self.lines)
        finally:
            self._fitting = False
        self.list_model.retranslate()
        self._show_list_totals()
        if self.current is not None and self.snapshot is not None:
            self._show_po()
        else:
            self._show_state()
