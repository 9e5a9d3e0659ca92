"""The stock ledger, newest first, filtered by product, warehouse, kind and date range in the database."""

from __future__ import annotations

from datetime import datetime
from datetime import time
from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from ui.i18n import fill
from ui.models.movements import SHOWN_CAPTIONS
from ui.models.movements import MovementTableModel
from ui.models.movements import kind_text
from ui.models.movements import movement_kind
from ui.models.proxy import RowFilterProxy
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.search import needle
from ui.search import search_keys
from ui.widgets.day_edit import DayEdit
from ui.widgets.day_edit import today_q
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import DocumentQueries

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

LIMIT = 5000
MOST_MATCHES = 900  # products matched by their search keys, named in the query; more is too short a text to help


def products_matching(products, text: str) -> list[str]:
    """The ids of the products whose SKU, name, barcodes or pinyin contain ``text`` (none when more than
    ``MOST_MATCHES`` do: the query's own SKU, barcode and name match then stands alone)."""
    typed = needle(text)
    keys = search_keys(products, lambda p: (p.sku, p.name, *p.barcodes), lambda p: p.name)
    ids = [product.id for product, key in zip(products, keys, strict=True) if typed in key]
    return ids if len(ids) <= MOST_MATCHES else []



class MovementsScreen(Screen):
    follows_data = True  # reloads by itself when the database changes (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = MovementTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.product = QLineEdit(self)
        self.product.setClearButtonEnabled(True)
        self.product.returnPressed.connect(self.refresh)
        self.warehouse = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItem("", None)
        for kind in SHOWN_CAPTIONS:  # opening stock too, as the list names it
            self.kind.addItem("", kind)
        today = today_q()
        self.since = DayEdit(today.addDays(-90), self)
        self.until = DayEdit(today, self)
        self.apply = QPushButton(self)
        self.apply.clicked.connect(self.refresh)
        for combo in (self.warehouse, self.kind):
            combo.currentIndexChanged.connect(self.refresh)
        self.labels = {name: QLabel(self) for name in ("product", "warehouse", "kind", "from", "to")}
        self.table = DataTable("movements", self)
        self.table.setModel(self.proxy)
        m = MovementTableModel
        self.table.set_widths({m.WHEN: 125, m.KIND: 118, m.SKU: 85, m.NAME: 200, m.WAREHOUSE: 65, m.QTY: 65,
                               m.UNIT_COST: 75, m.VALUE: 85, m.ON_HAND_AFTER: 95, m.REFERENCE: 140})
        self.status = QLabel(self)
        self.table.activated.connect(self.open_movement)
        self.details: MovementDetails | None = None

        bar = QHBoxLayout()
        for name, widget in (("product", self.product), ("warehouse", self.warehouse), ("kind", self.kind),
                             ("from", self.since), ("to", self.until)):
            bar.addWidget(self.labels[name])
            bar.addWidget(widget, 2 if name == "product" else 0)
        bar.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._load_warehouses()
        self.refresh()

    def open_movement(self, index) -> MovementDetails:
        """Details of the movement and, for a posted document, the document's lines."""
        row = self.model.row(self.proxy.mapToSource(index).row())
        self.details = MovementDetails(self.services, row, self)
        self.details.show()
        return self.details

    def _load_warehouses(self) -> None:
        catalog = self.services.catalog
        self.services.tasks.submit(catalog.warehouses, self._warehouses_loaded)

    def _warehouses_loaded(self, warehouses) -> None:
        from ui.widgets.busy import alive

        if not alive(self):
            return
        self.warehouse.blockSignals(True)
        current = self.warehouse.currentData()
        self.warehouse.clear()
        self.warehouse.addItem(translate("MovementsScreen", "All"), None)
        for w in warehouses:
            self.warehouse.addItem(w.code, w.code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(current)) if current else 0)
        self.warehouse.blockSignals(False)

    def show_product(self, sku: str, warehouse: str | None = None, first=None, last=None) -> None:
        """The movements of ``sku`` in ``warehouse`` (None: every warehouse) from ``first`` to ``last`` (dates; None:
        the days shown stay), of every kind: what a report's row counted (出入库明细), whatever was filtered
        here before."""
        for combo in (self.warehouse, self.kind):
            combo.blockSignals(True)
        if warehouse and self.warehouse.findData(warehouse) < 0:
            self.warehouse.addItem(warehouse, warehouse)  # the warehouses are still loading: kept when they come
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(warehouse)) if warehouse else 0)
        self.kind.setCurrentIndex(0)
        for combo in (self.warehouse, self.kind):
            combo.blockSignals(False)
        self.product.setText(sku)
        if first is not None:
            self.since.setDate(QDate(first.year, first.month, first.day))
        if last is not None:
            self.until.setDate(QDate(last.year, last.month, last.day))
        self.refresh()

    def filters(self) -> dict:
        since = datetime.combine(self.since.date().toPython(), time.min).astimezone()
        until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time.min).astimezone()
        return {"product": self.product.text().strip() or None, "warehouse": self.warehouse.currentData(),
                "kind": self.kind.currentData(), "since": since, "until": until, "limit": LIMIT}

    def refresh(self, *_) -> None:
        stock, catalog, filters = self.services.stock, self.services.catalog, self.filters()

        def load():
            if filters["product"]:  # the pinyin of a name too (lsd, luosidao: 螺丝刀), as every search box matches
                filters["product_ids"] = products_matching(catalog.products(), filters["product"])
            return stock.latest_movements(**filters)

        self.load(load, self._loaded)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self._update_status()

    def _update_status(self) -> None:
        n = self.model.rowCount()
        text = translate("MovementsScreen", "%n movement(s)", None, n)
        if n >= LIMIT:
            more = translate("MovementsScreen", "(the newest %1; narrow the filters to see older ones)")
            text += "  " + fill(more, str(LIMIT))
        self.status.setText(text)

    def retranslate(self) -> None:
        texts = {"product": translate("MovementsScreen", "Product:"),
                 "warehouse": translate("MovementsScreen", "Warehouse:"),
                 "kind": translate("MovementsScreen", "Kind:"),
                 "from": translate("MovementsScreen", "From:"),
                 "to": translate("MovementsScreen", "To:")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.product.setPlaceholderText(translate("MovementsScreen", "SKU, barcode or part of the name"))
        self.apply.setText(translate("MovementsScreen", "Apply"))
        self.kind.setItemText(0, translate("MovementsScreen", "All"))
        for i, caption in enumerate(SHOWN_CAPTIONS.values(), 1):
            self.kind.setItemText(i, translate("MovementKind", caption))
        if self.warehouse.count():
            self.warehouse.setItemText(0, translate("MovementsScreen", "All"))
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model.retranslate()
        self._update_status()
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _find_document(documents: DocumentQueries, kind: str, number: str):
    """The posted document a movement came from, with its lines (None when it was not a document)."""
    if not number:
        return None
    document = next((d for d in documents.document_list(kind=kind, limit=100_000) if d.number == number), None)
    return None if document is None else (document, documents.document_lines(document.id))


class MovementDetails(QDialog):
    def __init__(self, services, movement, parent=None) -> None:
        super().__init__(parent)
        self.movement = movement
        self.setWindowFlag(Qt.WindowType.Window)
        self.text = QLabel(self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = QLabel(self)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.lines, 1)
        self.document = None
        self.retranslate()
        m = movement
        services.tasks.submit(lambda: _find_document(services.documents, m.source_type, m.source_ref), self._found)

    def _found(self, found) -> None:
        from ui.widgets.busy import alive

        if alive(self):
            self.document = found
            self.retranslate()

    def retranslate(self) -> None:
        m = self.movement
        self.setWindowTitle(fill(translate("MovementDetails", "Movement %1"), m.id[:8]))
        rows = [
            (translate("MovementDetails", "Kind"), kind_text(movement_kind(m))),
            (translate("MovementDetails", "Date"), when_text(m.occurred_at)),
            (translate("MovementDetails", "Product"), f"{m.sku} · {m.name}"),
            (translate("MovementDetails", "Warehouse"), m.warehouse),
            (translate("MovementDetails", "Quantity"), qty_text(m.qty)),
            (translate("MovementDetails", "Value"), qty_text(m.value)),
            (translate("MovementDetails", "On hand after"), qty_text(m.on_hand_after)),
            (translate("MovementDetails", "Source document"), f"{m.source_type} {m.source_ref}".strip()),
            (translate("MovementDetails", "Note"), m.note),
            (translate("MovementDetails", "User"), m.user),
            (translate("MovementDetails", "Recorded"), when_text(m.recorded_at)),
            (translate("MovementDetails", "Reverses"), m.reverses_id or ""),
            (translate("MovementDetails", "Movement id"), m.id),
        ]
        self.text.setText("\n".join(f"{label}: {value}" for label, value in rows))
        if self.document is None:
            self.lines.setText("")
            return
        document, lines = self.document
        count = len(lines)  # lupdate records a plural only when its count is a plain name
        head = fill(translate("MovementDetails", "Document %1, %n line(s)", None, count), document.number)
        body = "".join(f"<tr><td>{n.line_no}</td><td>{escape(n.sku)}</td><td>{escape(n.name)}</td>"
                       f"<td align='right'>{qty_text(n.qty if n.qty is not None else n.counted)}</td></tr>"
                       for n in lines)
        self.lines.setText(f"<b>{escape(head)}</b><table cellspacing='6'>{body}</table>")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
