"""The product catalogue: search as you type (SKU, name, barcode, pinyin), add, product page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain import catalog
from domain import commands as cmd
from domain.errors import BadInput
from domain.errors import DomainError
from ui.models.movements import MovementTableModel
from ui.models.products import ProductTableModel
from ui.models.proxy import RowFilterProxy
from ui.search import needle
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


FIRST_ROWS = 200  # shown at once while the rest of a big catalogue loads


def _load(queries, progress):
    progress(queries.product_table(limit=FIRST_ROWS))
    rows = queries.product_table()
    return rows, ProductTableModel.make_keys(rows)


class ProductsScreen(Screen):
    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = ProductTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.modelReset.connect(self._update_count)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_product)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.table = DataTable("products", self)
        self.table.setModel(self.proxy)
        m = ProductTableModel
        self.table.set_widths({m.SKU: 95, m.NAME: 260, m.BARCODES: 150, m.CATEGORY: 100, m.UNIT: 60, m.PACK_SIZE: 80,
                               m.MIN_LEVEL: 80, m.MAX_LEVEL: 80})
        self.table.activated.connect(lambda _index: self.open_current())
        self.count = QLabel(self)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_product)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.page: ProductPage | None = None
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        queries = self.services.queries
        self.load(lambda progress: _load(queries, progress), lambda result: self.model.set_rows(*result),
                  self._first_rows)

    def _first_rows(self, rows) -> None:
        if not self.model.rows:
            self.model.set_rows(rows)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(needle(text))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(translate("ProductsScreen", "%n product(s) shown", None, shown)
                           + "  /  " + translate("ProductsScreen", "%n in the catalogue", None, total)
                           + self.loading_note())

    def loaded(self) -> None:
        self._update_count()

    def current_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_product(row)

    def open_product(self, row) -> ProductPage:
        self.page = ProductPage(self.services, row, self)
        self.page.show()
        return self.page

    def add_product(self) -> ProductEditor:
        editor = ProductEditor(self.services, self)
        editor.saved.connect(lambda _p: self.refresh())
        editor.open()
        return editor

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("ProductsScreen", "Search SKU, name, barcode or pinyin (e.g. lsd)…"))
        self.add_button.setText(translate("ProductsScreen", "Add product…"))
        self.open_button.setText(translate("ProductsScreen", "Open product page"))
        self.model.retranslate()
        self._update_count()


# Domain field names (``BadInput.field``) → the editor field that shows the message.
_FIELDS = ["SKU", "name", "barcode", "unit", "category", "pack size", "min level", "max level"]
_LABELS = {
    "SKU": QT_TRANSLATE_NOOP("ProductEditor", "SKU"),
    "name": QT_TRANSLATE_NOOP("ProductEditor", "Name"),
    "barcode": QT_TRANSLATE_NOOP("ProductEditor", "Barcodes"),
    "unit": QT_TRANSLATE_NOOP("ProductEditor", "Unit"),
    "category": QT_TRANSLATE_NOOP("ProductEditor", "Category"),
    "pack size": QT_TRANSLATE_NOOP("ProductEditor", "Pack size"),
    "min level": QT_TRANSLATE_NOOP("ProductEditor", "Min level"),
    "max level": QT_TRANSLATE_NOOP("ProductEditor", "Max level"),
}
# Domain problems that are known word for word are shown translated; others as the domain says them.
_PROBLEMS = {
    "is required": QT_TRANSLATE_NOOP("ProductEditor", "is required"),
    "must not be 0": QT_TRANSLATE_NOOP("ProductEditor", "must not be 0"),
    "the same barcode is listed twice": QT_TRANSLATE_NOOP("ProductEditor", "the same barcode is listed twice"),
}


class ProductEditor(QDialog):
    """Add a product; each refusal of a field is shown under that field."""

    saved = Signal(object)

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for field in _FIELDS:
            edit = QLineEdit(self)
            error = QLabel(self)
            error.setStyleSheet("color: #9b1c1c;")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            label = QLabel(self)
            form.addRow(label, box)
            self.edits[field], self.errors[field], self.labels[field] = edit, error, label
        self.edits["unit"].setText("pcs")
        self.edits["pack size"].setText("1")
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #9b1c1c;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.busy = BusyBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ProductEditor", "Add product"))
        for field, label in self.labels.items():
            label.setText(translate("ProductEditor", _LABELS[field]) + ":")
        self.edits["barcode"].setPlaceholderText(
            translate("ProductEditor", "several barcodes: separate with commas"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def command(self) -> cmd.AddProduct:
        text = {field: edit.text() for field, edit in self.edits.items()}
        barcodes = tuple(b.strip() for b in text["barcode"].replace("，", ",").split(",") if b.strip())
        return cmd.AddProduct(sku=text["SKU"], name=text["name"], barcodes=barcodes, unit=text["unit"],
                              category=text["category"], pack_size=text["pack size"],
                              min_level=text["min level"] or None, max_level=text["max level"] or None)

    def submit(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        command, uow = self.command(), self.services.uow()
        self.buttons.setEnabled(False)
        self.busy.busy(True)
        self.services.tasks.submit(lambda: catalog.add_product(uow, command), self._done, self._failed)

    def _done(self, product) -> None:
        if alive(self):
            self.busy.busy(False)
            self.buttons.setEnabled(True)
            self.saved.emit(product)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.busy.busy(False)
        self.buttons.setEnabled(True)
        if isinstance(exc, BadInput) and exc.field in self.errors:
            problem = exc.problem
            if problem in _PROBLEMS:
                problem = translate("ProductEditor", _PROBLEMS[problem])
            self.errors[exc.field].setText(problem)
            self.errors[exc.field].show()
            self.edits[exc.field].setFocus()
        elif isinstance(exc, DomainError):
            self.general_error.setText(str(exc))
            self.general_error.show()
        else:
            self.general_error.setText(translate("ProductEditor", "Could not save: %1")
                                       .replace("%1", str(exc)))
            self.general_error.show()


class ProductPage(QDialog):
    """One product: its stock level over time and its movements."""

    def __init__(self, services, product, parent=None) -> None:
        super().__init__(parent)
        from ui.widgets.stock_chart import StockChart

        self.services = services
        self.product = product
        self.setWindowFlag(Qt.WindowType.Window)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.details = QLabel(self)
        self.chart = StockChart(self)
        self.model = MovementTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = DataTable("product_movements", self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(MovementTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        m = MovementTableModel
        self.table.set_widths({m.WHEN: 125, m.KIND: 80, m.WAREHOUSE: 65, m.QTY: 65, m.UNIT_COST: 75, m.VALUE: 80,
                               m.ON_HAND_AFTER: 95, m.REFERENCE: 150})
        self.table.setColumnHidden(MovementTableModel.SKU, True)  # the page is about one product
        self.table.setColumnHidden(MovementTableModel.NAME, True)
        self.busy = BusyBar(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        holder = QWidget(self)
        QVBoxLayout(holder).addWidget(self.table)
        holder.layout().setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(holder)
        splitter.setSizes([320, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.busy)
        layout.addWidget(splitter, 1)
        self.resize(980, 680)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        queries, sku = self.services.queries, self.product.sku
        self.busy.busy(True)
        self.services.tasks.submit(lambda: queries.movements(sku=sku), self._loaded)

    def _loaded(self, rows) -> None:
        if alive(self):
            self.busy.busy(False)
            self.model.set_rows(rows)
            self.chart.set_movements(rows)

    def retranslate(self) -> None:
        p = self.product
        self.setWindowTitle(translate("ProductPage", "Product %1").replace("%1", p.sku))
        self.title.setText(f"{p.sku} · {p.name}")
        self.details.setText(
            translate("ProductPage", "Category: %1    Unit: %2    Barcodes: %3")
            .replace("%1", p.category or "—").replace("%2", p.unit).replace("%3", ", ".join(p.barcodes) or "—"))
        self.model.retranslate()
        self.chart.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
