"""The purchase-order editor (``PoEditor``, mixed into ``PurchasingScreen``) and what a PO reads as: its state, its
label, the lines' packs and prices, the totals per currency and the exchange rate.

Every change goes through a use case of ``domain.purchasing.orders`` on the task runner, then the PO
is read again, so the quantities (MOQ, multiple and pack rounding), amounts and totals shown
are the ones the domain computed. The editor shows the PO's snapshot (``load_snapshot``): for
a draft a fresh one, for an issued PO what the supplier was sent. An issued PO is read-only
until Revise… (each change then makes a new revision). The preview renders the same snapshot
to PDF off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel import clock
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.kernel.numbers import round_money
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms as purchasing_terms
from domain.purchasing.exchange import FIXED
from domain.purchasing.exchange import totals_by_currency
from domain.purchasing.exchange import totals_text
from domain.purchasing.lead_time import RECEIPTS_PRODUCT
from domain.purchasing.lead_time import RECEIPTS_SUPPLIER
from ui.i18n import fill
from ui.models.table import money_text
from ui.purchase_states import STATES  # noqa: F401 - the screen's state filter reads them from here
from ui.purchase_states import state_name
from ui.refusals import refusal_text
from ui.screens.documents.receipt_note import ReceiptNoteOffer
from ui.screens.sales.freed import FreedBackorders
from ui.widgets.busy import alive
from ui.widgets.optional_date import OptionalDateEdit

if TYPE_CHECKING:
    from ui.services import PurchasingQueries

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "PurchasingScreen"

OPEN = ("issued", "partly_received")


def state_text(state: str) -> str:
    return state_name(state, lambda text: translate("PurchasingScreen", text))


def draft_tag(po_id: str) -> str:
    """What tells a draft (it has no number yet) from the others: its id's last 8 hex digits, which are random.
    The first 8 are the time it was made to about a minute, the same for every draft planning makes at once."""
    return po_id.replace("-", "")[-8:]


def po_label(row) -> str:
    return row.number or fill(translate("PurchasingScreen", "Draft %1"), draft_tag(row.id))


LINE_COLUMNS = (
    QT_TRANSLATE_NOOP("PurchasingScreen", "#"), QT_TRANSLATE_NOOP("PurchasingScreen", "SKU"),
    QT_TRANSLATE_NOOP("PurchasingScreen", "Supplier SKU"), QT_TRANSLATE_NOOP("PurchasingScreen", "Description"),
    QT_TRANSLATE_NOOP("PurchasingScreen", "Qty"), QT_TRANSLATE_NOOP("PurchasingScreen", "Unit / pack"),
    QT_TRANSLATE_NOOP("PurchasingScreen", "Price"), QT_TRANSLATE_NOOP("PurchasingScreen", "Amount"),
    QT_TRANSLATE_NOOP("PurchasingScreen", "Received"), QT_TRANSLATE_NOOP("PurchasingScreen", "Open"),
)
L_NO, L_SKU, L_SUPPLIER_SKU, L_DESCRIPTION, L_QTY, L_PACK, L_PRICE, L_AMOUNT, L_RECEIVED, L_OPEN = range(10)
FIT_CAP = 140  # the widest a line's column other than the description grows to fit its text (a long pack text)


def list_totals_text(rows) -> str:
    """The rows' amounts before tax, one total per currency (never one sum of different currencies), the
    currencies in code order: the line stays the same whichever column the list is sorted by."""
    totals = dict(sorted(totals_by_currency((r.currency, r.subtotal()) for r in rows).items()))
    if not totals:
        return ""
    return fill(translate("PurchasingScreen", "Total before tax: %1"), totals_text(totals, money_text))


def rate_info_text(snap) -> str:
    """The rate frozen on the shown revision and the total in the company currency at it; "" when none is needed."""
    rate = snap.applied_rate
    if rate is not None:
        if rate.source == FIXED:
            head = translate("PurchasingScreen", "1 %1 = %2 %3, fixed on this PO")
        else:
            head = translate("PurchasingScreen", "1 %1 = %2 %3, rate of %4").replace(
                "%4", rate.valid_from.isoformat() if rate.valid_from else "")
        head = fill(head, rate.currency, fmt(rate.rate), rate.company_currency)
        total = money_text(round_money(snap.total * rate.rate))
        return head + "  " + fill(translate("PurchasingScreen", "(total ≈ %1 %2)"), total, rate.company_currency)
    if snap.rate_missing:
        return fill(
            translate("PurchasingScreen", "No exchange rate for %1 yet: enter one in Settings › Exchange rates, "
                                          "or a fixed rate here, before receiving."), snap.currency)
    return ""


def pack_text(line) -> str:
    if line.pack_size == 1:
        return line.unit
    return fill(translate("PurchasingScreen", "%1 packs of %2 %3"), fmt(line.packs), fmt(line.pack_size), line.unit)


def price_str(value) -> str:
    """A price with at least two decimals (3.70), more when it has them (0.125): ``fmt_price``, as every screen,
    document and workbook shows a unit price."""
    return fmt_price(value)


def price_text(line) -> str:
    per = translate("PurchasingScreen", "/pack") if line.price_per == "pack" else ""
    return price_str(line.price) + per


def _load_po(uow, orders: PurchasingQueries, ref: str):
    rows = orders.purchase_orders(ref=ref)
    if not rows:
        return None, None, None
    return rows[0], purchasing.load_snapshot(uow(), ref), purchasing.expected_basis(uow(), ref, clock.now())


def lead_time_text(basis: purchasing.PoLeadTime | None) -> str:
    """Where a PO's expected date comes from, in a purchaser's words: the lead time planning counts with for its
    slowest line (``domain.purchasing.lead_time``); "" for a date that was entered."""
    if basis is None:
        return ""
    if basis.lead.source == RECEIPTS_PRODUCT:
        text = translate("PurchasingScreen", "In %1 days from issue: what %2 took on average over %3 "
                                             "receipts from this supplier, as planning counts it.")
    elif basis.lead.source == RECEIPTS_SUPPLIER:
        text = translate("PurchasingScreen", "In %1 days from issue: what this supplier took on average over %3 "
                                             "receipts of all its products (%2 has too few of its own), as planning "
                                             "counts it.")
    else:
        text = translate("PurchasingScreen", "In %1 days from issue: %2's lead time in the supplier's terms (too few "
                                             "receipts to learn from yet), as planning counts it.")
    return fill(text, str(basis.days), basis.sku, str(basis.lead.observations))


def _render(uow, ref: str, locale_name: str, tr) -> tuple[bytes, bool]:
    """The PO as PDF bytes, and whether it prints no company name (none was set when it was frozen or now)."""
    from ui.pdf.purchase_order import render_purchase_order

    snapshot = purchasing.load_snapshot(uow(), ref)
    logo = None
    path = purchasing_terms.current_policy(uow()).company_logo
    if path:
        try:
            logo = Path(path).expanduser().read_bytes()
        except OSError:
            logo = None  # printed without a logo, as the CLI does
    return render_purchase_order(snapshot, locale_name, logo=logo, tr=tr), not snapshot.company.name


def _pdf_tr(text: str) -> str:
    return QCoreApplication.translate("PurchaseOrderPdf", text)


class PoEditor:
    """The order editor of ``PurchasingScreen`` (a mixin: the screen builds it with ``build_editor`` and owns its
    widgets): the PO's header, lines and totals as the domain computed them, its line and rate edits, the state
    that decides what may change, and the PDF preview."""

    def build_editor(self) -> None:
        self.editor = QGroupBox(self)
        self.supplier_label, self.warehouse_label, self.expected_label = QLabel(self), QLabel(self), QLabel(self)
        self.supplier = QComboBox(self)
        self.warehouse = QComboBox(self)
        self.expected = OptionalDateEdit(" ", self)
        for label, widget in ((self.supplier_label, self.supplier), (self.warehouse_label, self.warehouse),
                              (self.expected_label, self.expected)):
            label.setBuddy(widget)
        self.supplier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.supplier.setMinimumContentsLength(14)
        self.warehouse.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.warehouse.setMinimumContentsLength(7)
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("font-weight: bold;")
        self.header_label = QLabel(self)
        self.lead_basis = None  # where the shown PO's expected date comes from (``lead_time_text``)
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the shown PO's expected day, to move it (the supplier confirmed another day): a draft's at once, an issued
        # one's while revising (a new revision); blank on a draft: set on issue from the lead time
        self.expected_on_label = QLabel(self)
        self.expected_on = OptionalDateEdit(" ", self)
        self.expected_on_label.setBuddy(self.expected_on)
        self.expected_button = QPushButton(self)
        self.expected_button.clicked.connect(self.set_expected)
        self.lines = QTableWidget(0, len(LINE_COLUMNS), self)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setAlternatingRowColors(True)
        self.lines.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, width in ((L_NO, 26), (L_SKU, 80), (L_SUPPLIER_SKU, 90), (L_QTY, 50), (L_PACK, 75), (L_PRICE, 60),
                              (L_AMOUNT, 75), (L_RECEIVED, 55), (L_OPEN, 55)):
            self.lines.setColumnWidth(column, width)
        # the description takes the room the figures leave (its whole text in a tooltip), so that what was received
        # and what is still open stay in sight beside the preview; they were past the right edge at 1280 × 800
        self.lines.horizontalHeader().setSectionResizeMode(L_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # the columns are fitted once per document and when lines are added (``_fit_once``), never again under a
        # width the user dragged: they were fitted on every showing (each save reads the order back), and a column
        # the purchaser had widened snapped back after each quantity typed
        self._fitted: tuple[str, int] | None = None  # the document (id) and how many lines it had when fitted
        self._fitting = False  # the window, not the user, is setting the widths
        self.dragged_columns: set[int] = set()  # the columns whose width the user chose
        self.lines.horizontalHeader().sectionResized.connect(self._line_column_resized)
        self.lines.itemChanged.connect(self._line_edited)
        self.sku_label = QLabel(self)
        self.sku = QLineEdit(self)
        self.sku.returnPressed.connect(self._add_from_bar)
        self.sku_label.setBuddy(self.sku)
        self.qty = QLineEdit("1", self)
        self.qty.setMaximumWidth(70)
        self.qty.returnPressed.connect(self._add_from_bar)
        self.price = QLineEdit(self)
        self.price.setMaximumWidth(110)
        self.price.returnPressed.connect(self._add_from_bar)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._add_from_bar)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_line)
        self.totals = QLabel(self)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the exchange rate of a PO in a foreign currency: what the shown revision froze, and a fixed rate to enter
        self.rate_info = QLabel(self)
        self.rate_info.setWordWrap(True)
        self.rate_label = QLabel(self)
        self.fixed_rate = QLineEdit(self)
        self.fixed_rate.setMaximumWidth(170)
        self.fixed_rate.returnPressed.connect(self.set_fixed_rate)
        self.rate_label.setBuddy(self.fixed_rate)
        self.rate_button = QPushButton(self)
        self.rate_button.clicked.connect(self.set_fixed_rate)

        add_bar = QHBoxLayout()
        add_bar.addWidget(self.sku_label)
        add_bar.addWidget(self.sku, 2)
        add_bar.addWidget(self.qty)
        add_bar.addWidget(self.price)
        add_bar.addWidget(self.add_button)
        add_bar.addWidget(self.remove_button)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.state_label)
        editor_layout.addWidget(self.header_label)
        expected_bar = QHBoxLayout()
        for widget in (self.expected_on_label, self.expected_on, self.expected_button):
            expected_bar.addWidget(widget)
        expected_bar.addStretch(1)
        editor_layout.addLayout(expected_bar)
        editor_layout.addWidget(self.lines, 1)
        editor_layout.addLayout(add_bar)
        editor_layout.addWidget(self.totals)
        rate_bar = QHBoxLayout()
        rate_bar.addWidget(self.rate_info, 1)
        rate_bar.addWidget(self.rate_label)
        rate_bar.addWidget(self.fixed_rate)
        rate_bar.addWidget(self.rate_button)
        editor_layout.addLayout(rate_bar)
        editor_layout.addWidget(self.message)
        self.freed_backorders = FreedBackorders(self.services, self)  # after a receipt: the backorders it frees
        editor_layout.addWidget(self.freed_backorders)
        self.receipt_note = ReceiptNoteOffer(self.services, self)  # after a receipt: its goods receipt note
        editor_layout.addWidget(self.receipt_note)
        for widget in (self.rate_info, self.rate_label, self.fixed_rate, self.rate_button):
            widget.setVisible(False)  # until a PO in a foreign currency is shown (_show_rate)

    def open_po(self, po_id: str) -> None:
        uow, orders = self.services.reader, self.services.purchasing
        self.revising = False if self.current is None or self.current.id != po_id else self.revising
        self.services.tasks.submit(lambda: _load_po(uow, orders, po_id), on_done=self._po_loaded,
                                   on_error=self._failed)

    def _po_loaded(self, result) -> None:
        if not alive(self):
            return
        row, snapshot, self.lead_basis = result
        if row is None:
            return
        if self.current is None or self.current.id != row.id:
            self.revising = False
        self.current, self.snapshot = row, snapshot
        self._show_po()
        self.render_preview()

    def _show_po(self) -> None:
        row, snap = self.current, self.snapshot
        self._filling = True
        text = translate("PurchasingScreen", "Supplier: %1    Deliver to: %2    Expected: %3")
        expected = row.expected_on.isoformat() if row.expected_on else translate("PurchasingScreen", "on issue")
        why = lead_time_text(self.lead_basis)
        self.header_label.setText(fill(
            text, f"{row.supplier} {row.supplier_name}", f"{snap.deliver_to.code} {snap.deliver_to.name}", expected)
            + (f"\n{why}" if why else ""))
        self.expected_on.setDate(QDate(row.expected_on) if row.expected_on else self.expected_on.minimumDate())
        received = {x.line_no: x for x in row.lines}
        editable = self.editable
        self.lines.setRowCount(len(snap.lines))
        for r, line in enumerate(snap.lines):
            got = received.get(line.line_no)
            values = {L_NO: str(line.line_no), L_SKU: line.sku, L_SUPPLIER_SKU: line.supplier_sku,
                      L_DESCRIPTION: line.description, L_QTY: fmt(line.qty), L_PACK: pack_text(line),
                      L_PRICE: price_text(line) if not editable else price_str(line.price),
                      L_AMOUNT: money_text(line.amount), L_RECEIVED: fmt(got.received) if got else "",
                      L_OPEN: fmt(got.open_qty) if got else ""}
            for column, text in values.items():
                item = QTableWidgetItem(text)
                if column == L_DESCRIPTION:
                    item.setToolTip(text)
                if column not in (L_QTY, L_PRICE) or not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column in (L_NO, L_QTY, L_PRICE, L_AMOUNT, L_RECEIVED, L_OPEN):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(r, column, item)
        self._filling = False
        self._fit_once(row.id, len(snap.lines))
        self._show_totals()
        self._show_state()
        self._enable()

    def _fit_once(self, po_id: str, line_count: int) -> None:
        """Fit the columns to a document shown for the first time, or to lines added since they were fitted."""
        fitted = self._fitted
        if fitted is None or fitted[0] != po_id or line_count > fitted[1]:
            self.fit_line_columns()
        self._fitted = (po_id, line_count)

    def fit_line_columns(self) -> None:
        """Each column but the description as wide as its title and its cells (at most ``FIT_CAP``), so that the
        description, which takes the room left, is as wide as it can be: it was cut (洗洁精 1.5kg 商…) at 1280 × 800
        while the supplier's SKU had room to spare. A column the user dragged keeps the width they gave it."""
        view, header = self.lines, self.lines.horizontalHeader()
        self._fitting = True
        try:
            for column in range(view.columnCount()):
                if column != L_DESCRIPTION and column not in self.dragged_columns:
                    need = max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
                    view.setColumnWidth(column, min(need, FIT_CAP))
        finally:
            self._fitting = False

    def _line_column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != L_DESCRIPTION:  # the description stretches with the window
            self.dragged_columns.add(column)

    def _show_rate(self) -> None:
        snap, row = self.snapshot, self.current
        foreign = snap is not None and bool(snap.company_currency) and snap.company_currency != snap.currency
        for widget in (self.rate_info, self.rate_label, self.fixed_rate, self.rate_button):
            widget.setVisible(foreign)
        if not foreign:
            return
        self.rate_info.setText(rate_info_text(snap))
        self.fixed_rate.setText(fmt(row.fixed_rate) if row is not None and row.fixed_rate is not None else "")
        self.fixed_rate.setPlaceholderText(translate("PurchasingScreen", "rate of the receipt date"))
        self.rate_label.setText(fill(translate("PurchasingScreen", "Fixed rate (%1 per 1 %2):"),
                                     snap.company_currency, snap.currency))

    def _show_totals(self) -> None:
        snap = self.snapshot
        self._show_rate()
        if snap is None:
            self.totals.clear()
            return
        text = translate("PurchasingScreen", "Subtotal %1    Tax %2% %3    Total %4 %5")
        for n, value in enumerate((money_text(snap.subtotal), fmt(snap.tax_rate), money_text(snap.tax),
                                   snap.currency, money_text(snap.total)), 1):
            text = text.replace(f"%{n}", value)
        self.totals.setText(text)

    def _show_state(self) -> None:
        row = self.current
        if row is None:
            self.state_label.setText(translate(
                "PurchasingScreen", "No purchase order selected. Choose a supplier and a warehouse, then New draft."))
            return
        text = fill(translate("PurchasingScreen", "%1 · %2 · revision %3"),
                    po_label(row), state_text(row.state), str(row.revision))
        if self.revising:
            text += "  " + translate("PurchasingScreen", "(revising: each change makes a new revision)")
        self.state_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.say(fill(translate("PurchasingScreen", "Refused: %1"), refusal_text(exc)), error=True)
            self._enable()

    def say(self, text: str, error: bool = False) -> None:
        self.freed_backorders.show_freed([])  # said after a receipt; any later message replaces it
        self.receipt_note.offer("")
        self.message.setStyleSheet("color: #9b1c1c;" if error else "color: #1a7f37;")
        self.message.setText(text)

    # -- state ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        row = self.current
        return row is not None and (row.state == "draft" or (row.state in OPEN and self.revising))

    def _enable(self) -> None:
        row = self.current
        state = row.state if row else None
        editable = self.editable
        self.new_button.setEnabled(True)
        self.issue_button.setEnabled(state == "draft" and bool(row.lines))
        self.revise_button.setEnabled(state in OPEN and not self.revising)
        self.cancel_button.setEnabled(state in ("draft", "issued"))
        self.close_button.setEnabled(state in OPEN)
        self.receive_button.setEnabled(state in OPEN)
        for widget in (self.sku, self.qty, self.price, self.add_button, self.remove_button, self.fixed_rate,
                       self.rate_button, self.expected_on, self.expected_button):
            widget.setEnabled(editable)

    # -- use cases -----------------------------------------------------------------------
    def _run(self, fn, on_done, busy: bool = True) -> None:
        if busy:
            self.busy_bar.busy(True)
        self.services.tasks.submit(fn, on_done=lambda result: self._done(on_done, result), on_error=self._failed)

    def _done(self, on_done, result) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            on_done(result)

    def _add_from_bar(self) -> None:
        text = self.sku.text().strip()
        if not text:
            return
        self.add_line(text.split()[0], self.qty.text().strip() or "1", self.price.text().strip() or None)

    def add_line(self, sku: str, qty: str, price: str | None = None) -> None:
        if not self.editable:
            return
        ref, uow = self.current.id, self.services.uow
        command = pc.AddPurchaseOrderLine(ref, sku, qty, price, reason=f"added {sku}")
        self._run(lambda: purchasing.add_line(uow(), command), self._line_added)

    def _line_added(self, result) -> None:
        line, reason = result
        self.sku.clear()
        self.qty.setText("1")
        self.price.clear()
        text = translate("PurchasingScreen", "Added %1: %2 %3")
        text = fill(text, line.sku, fmt(line.qty), line.unit)
        if reason:
            from ui.screens.replenishment.detail import rounding_text  # the same words as planning's rounding

            text += " — " + fill(translate("PurchasingScreen", "rounded: %1"), rounding_text(reason))
        self.say(text)
        self._changed()

    def _line_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (L_QTY, L_PRICE) or not self.editable:
            return
        sku = self.lines.item(item.row(), L_SKU).text()
        value = item.text().strip()
        if item.column() == L_QTY:
            self.change_line(sku, qty=value)
        else:
            self.change_line(sku, price=value)

    def change_line(self, sku: str, qty: str | None = None, price: str | None = None) -> None:
        ref, uow = self.current.id, self.services.uow
        command = pc.ChangePurchaseOrderLine(ref, sku, qty, price, reason=f"changed {sku}")

        def done(result) -> None:
            line, reason = result
            text = fill(translate("PurchasingScreen", "%1: %2 %3 at %4"), line.sku, fmt(line.qty), line.unit,
                        price_str(line.price))
            if reason:  # typed 5, ordered 12: say why, in the words of the rounding on adding
                from ui.screens.replenishment.detail import rounding_text

                text += " — " + fill(translate("PurchasingScreen", "rounded: %1"), rounding_text(reason))
            self.say(text)
            self._changed()

        self._run(lambda: purchasing.change_line_saying(uow(), command), done)

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if row < 0 or not self.editable:
            return
        sku, ref, uow = self.lines.item(row, L_SKU).text(), self.current.id, self.services.uow
        command = pc.RemovePurchaseOrderLine(ref, sku, reason=f"removed {sku}")
        self._run(lambda: purchasing.remove_line(uow(), command),
                  lambda _: (self.say(fill(translate("PurchasingScreen", "Removed %1"), sku)), self._changed()))

    def set_fixed_rate(self) -> None:
        """Fix the PO's exchange rate (blank: each receipt uses the rate of its date); on an issued PO a revision."""
        if not self.editable:
            return
        ref, uow, text = self.current.id, self.services.uow, self.fixed_rate.text().strip()
        command = pc.SetPurchaseOrderRate(ref, text or None, reason="exchange rate " + (text or "of each receipt"))

        def done(po) -> None:
            if po.fixed_rate is None:
                self.say(translate("PurchasingScreen", "No fixed rate: each receipt uses the rate of its date."))
            else:
                self.say(fill(translate("PurchasingScreen", "Fixed rate set: 1 %1 = %2."),
                              po.currency, fmt(po.fixed_rate)))
            self._changed()

        self._run(lambda: purchasing.set_fixed_rate(uow(), command), done)

    def set_expected(self) -> None:
        """Move the shown PO's expected day to the one entered (blank on a draft: set on issue); on an issued PO a
        new revision."""
        if not self.editable:
            return
        day = None if self.expected_on.is_blank() else self.expected_on.date().toPython()
        command, uow = pc.SetPurchaseOrderExpected(self.current.id, day), self.services.uow

        def done(po) -> None:
            if po.expected_on is None:
                self.say(translate("PurchasingScreen", "No expected day: it is set on issue, from the lead time."))
            else:
                self.say(fill(translate("PurchasingScreen", "Expected day set: %1."), po.expected_on.isoformat()))
            self._changed()

        self._run(lambda: purchasing.set_expected(uow(), command), done)

    def _changed(self) -> None:
        """After a use case: read the list and the PO again (the domain's numbers, not ours)."""
        if self.current is not None:
            self._pending_select = self.current.id
        self.refresh()

    # -- preview -------------------------------------------------------------------------
    def render_preview(self) -> None:
        row = self.current
        if row is None:
            self.preview.clear()
            self.no_company.hide()
            return
        ref, uow = row.id, self.services.uow
        name = f"{row.number or 'draft-' + draft_tag(row.id)}.pdf"
        self.preview.busy(True)
        locale_name = QLocale.system().name()
        self._render_ticket = ticket = object()

        def done(rendered: tuple[bytes, bool]) -> None:
            if alive(self) and ticket is self._render_ticket:
                data, nameless = rendered
                self.preview.set_pdf(data, name)
                self.no_company.setVisible(nameless)

        def failed(exc: BaseException) -> None:
            if alive(self) and ticket is self._render_ticket:
                text = translate("PurchasingScreen", "Could not render the PDF: %1")
                self.preview.show_failure(fill(text, str(exc)))

        self.services.tasks.submit(lambda: _render(uow, ref, locale_name, _pdf_tr), on_done=done, on_error=failed)
