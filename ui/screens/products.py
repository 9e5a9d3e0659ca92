"""The product catalogue: search as you type (SKU, name, barcode, pinyin), add, edit, (de)activate, product page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog import commands as cmd
from domain.catalog import master as catalog
from domain.catalog import packaging
from domain.catalog.units import whole_by_default
from domain.imports.problems import Said
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.sales import price_master as pm
from ui.i18n import fill
from ui.import_problems import problem_text as field_problem_text
from ui.models.classes import class_texts
from ui.models.classes import class_tooltip
from ui.models.classes import fill_class_combo
from ui.models.classes import matches
from ui.models.movements import MovementTableModel
from ui.models.products import ProductTableModel
from ui.models.proxy import RowFilterProxy
from ui.models.table import qty_text
from ui.refusals import field_problem_text as said_under_field
from ui.refusals import refusal_text
from ui.screens.product_packs import PackUnitsSection
from ui.screens.product_selling import SellingSection
from ui.search import needle
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import CatalogQueries
    from ui.services import PlanningQueries

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


FIRST_ROWS = 200  # shown at once while the rest of a big catalogue loads


def _load(products: CatalogQueries, planning: PlanningQueries, progress):
    progress(products.product_table(limit=FIRST_ROWS))
    rows = products.product_table()
    return rows, ProductTableModel.make_keys(rows), class_texts(planning.classes())


class ProductsScreen(Screen):
    follows_data = True  # reloads by itself when the database changes (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = ProductTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.modelReset.connect(self._update_count)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)  # ↓ and Enter go into the list (see eventFilter)
        self.class_label = QLabel(self)
        self.class_filter = QComboBox(self)
        self.class_filter.currentIndexChanged.connect(self._class_chosen)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_product)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_current)
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(self.toggle_active)
        self.labels_button = QPushButton(self)
        self.labels_button.clicked.connect(self.print_labels)
        self.table = DataTable("products", self)
        self.table.setModel(self.proxy)
        # several products at once (Shift/Ctrl+click, Shift+↓) for their labels; Enter still edits the current one
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        m = ProductTableModel
        self.table.set_widths({m.SKU: 95, m.NAME: 260, m.BARCODES: 150, m.CATEGORY: 100, m.UNIT: 60, m.PACK_SIZE: 80,
                               m.MIN_LEVEL: 80, m.MAX_LEVEL: 80, m.CLASS: 70})
        self.table.activated.connect(lambda _index: self.edit_current())  # Enter or double-click
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_active_button())
        self.table.installEventFilter(self)  # ↑ on the first product goes back to the search box
        self.count = QLabel(self)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_product)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_current)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        # Ctrl+P prints elsewhere; Ctrl+L is this screen's own (Ctrl+Shift+L signs out)
        labels = QShortcut(QKeySequence("Ctrl+L"), self, self.print_labels)
        labels.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.active_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.labels_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        # the class filter beside the count it changes: in the bar above it would widen the window's minimum
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.class_label)
        bottom.addWidget(self.class_filter)
        layout.addLayout(bottom)
        self.page: ProductPage | None = None
        self.labels_dialog = None
        self.editor: ProductEditor | None = None
        self._keep_sku: str | None = None  # selected again once the refreshed list has arrived
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        products, planning = self.services.catalog, self.services.planning
        self.load(lambda progress: _load(products, planning, progress), self._loaded, self._first_rows)

    def _loaded(self, result) -> None:
        rows, keys, classes = result
        self.model.set_classes(classes)
        self.model.set_rows(rows, keys)

    def _class_chosen(self, *_) -> None:
        """Only the products of one ABC class, XYZ class or matrix cell (``ui.models.classes``)."""
        choice, classes = self.class_filter.currentData(), self.model.classes
        self.proxy.set_filter("class", (lambda i, r: matches(choice, classes.get(r.id))) if choice else None)

    def _first_rows(self, rows) -> None:
        if not self.model.rows:
            self.model.set_rows(rows)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(needle(text))

    def eventFilter(self, watched, event) -> bool:
        """From the search box, ↓ goes to the first product found and Enter selects it, or opens it when it is the only
        one (as Enter in the list opens the selected one): both did nothing, and the list was reached only with the
        mouse or Tab. ↑ on the list's first product goes back to the search box."""
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                          Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.into_list(open_single=key != Qt.Key.Key_Down)
                return True
            if watched is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search.selectAll()
                return True
        return super().eventFilter(watched, event)

    def into_list(self, open_single: bool = False) -> None:
        """The first product found becomes the current one and the list takes the keyboard; ``open_single``: open the
        editor on it when the search found only it. Nothing found: a beep, the cursor stays in the search box."""
        if not self.proxy.rowCount():
            QApplication.beep()
            return
        first = self.proxy.index(0, 0)
        self.table.setCurrentIndex(first)
        self.table.selectRow(0)
        self.table.scrollTo(first)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if open_single and self.proxy.rowCount() == 1:
            self.edit_current()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(translate("ProductsScreen", "%n product(s) shown", None, shown)
                           + "  /  " + translate("ProductsScreen", "%n in the catalogue", None, total)
                           + self.loading_note())

    def loaded(self) -> None:
        self._update_count()
        if self._keep_sku is not None:
            self.select_sku(self._keep_sku)
            self._keep_sku = None
        self._update_active_button()

    def select_sku(self, sku: str) -> bool:
        """Make the product with this SKU the current row (when the search shows it)."""
        for n, row in enumerate(self.model.rows):
            if row.sku == sku:
                index = self.proxy.mapFromSource(self.model.index(n, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
                    return True
        return False

    def refresh_keeping(self, sku: str) -> None:
        self._keep_sku = sku
        self.refresh()

    def current_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_product(row)

    def selected_skus(self) -> list[str]:
        """The selected products' SKUs, top to bottom as the list shows them."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).sku for r in rows]

    def print_labels(self):
        """Barcode labels (条码标签) for the selected products (Ctrl+L): the dialog makes the PDF and opens it."""
        from ui.dialogs.labels import LabelsDialog

        skus = self.selected_skus()
        if not skus:
            self.error_label.setText(translate("ProductsScreen", "Select the products to label first."))
            self.error_label.show()
            return None
        self.error_label.hide()
        self.labels_dialog = LabelsDialog(self.services, skus=skus, parent=self)
        self.labels_dialog.open()
        return self.labels_dialog

    def open_product(self, row) -> ProductPage:
        self.page = ProductPage(self.services, row, self)
        self.page.show()
        return self.page

    def add_product(self) -> ProductEditor:
        editor = ProductEditor(self.services, self)
        editor.saved.connect(lambda p: self.refresh_keeping(p.sku))
        editor.open()
        return editor

    def edit_current(self) -> ProductEditor | None:
        row = self.current_row()
        return None if row is None else self.edit_product(row.sku)

    def edit_product(self, sku: str) -> ProductEditor:
        """Open the editor on the stored product (read fresh, with its version), SKU read-only."""
        self.editor = ProductEditor(self.services, self, sku=sku)
        self.editor.saved.connect(lambda p: self.refresh_keeping(p.sku))
        self.editor.open()
        return self.editor

    def _update_active_button(self) -> None:
        row = self.current_row()
        self.active_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None)
        if row is not None and not row.active:
            self.active_button.setText(translate("ProductsScreen", "Activate"))
        else:
            self.active_button.setText(translate("ProductsScreen", "Deactivate"))

    def toggle_active(self) -> None:
        """Deactivate (or activate) the current product after a confirmation that mentions its stock."""
        row = self.current_row()
        if row is None:
            return
        uow, stock, sku = self.services.reader(), self.services.stock, row.sku
        self.active_button.setEnabled(False)
        self.busy_bar.busy(True)
        self.services.tasks.submit(lambda: (catalog.get_product(uow, sku), stock.stock(sku=sku)),
                                   self._confirm_toggle, self._toggle_failed)

    def _confirm_toggle(self, result) -> None:
        if not alive(self):
            return
        self.busy_bar.busy(False)
        self._update_active_button()
        product, stock = result
        title = f"{product.sku} · {product.name}"
        if product.active:
            question = fill(translate("ProductsScreen", "Deactivate product %1?"), title)
            held = [s for s in stock if s.on_hand != 0]
            if held:
                where = ", ".join(f"{s.warehouse}: {qty_text(s.on_hand)} {product.unit}" for s in held)
                question += "\n\n" + fill(translate(
                         "ProductsScreen", "It still has stock on hand (%1). Deactivating does not remove the stock; "
                         "ship, transfer or adjust it as usual."), where)
            icon = QMessageBox.Icon.Warning if held else QMessageBox.Icon.Question
        else:
            question = fill(translate("ProductsScreen", "Activate product %1 again?"), title)
            icon = QMessageBox.Icon.Question
        box = QMessageBox(icon, translate("ProductsScreen", "Change product"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        command = cmd.UpdateProduct(
            sku=product.sku, name=product.name, barcodes=tuple(product.barcodes), unit=product.unit,
            category=product.category, pack_size=product.pack_size, min_level=product.min_level,
            max_level=product.max_level, active=not product.active, expected_version=product.version)
        uow = self.services.uow()
        self.busy_bar.busy(True)
        self.services.tasks.submit(lambda: catalog.update_product(uow, command),
                                   lambda p: self._toggled(p), self._toggle_failed)

    def _toggled(self, product) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.refresh_keeping(product.sku)

    def _toggle_failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.busy_bar.busy(False)
        self._update_active_button()
        self.error_label.setText(problem_text(exc))
        self.error_label.show()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("ProductsScreen", "Search SKU, name, barcode or pinyin (e.g. lsd)…"))
        self.search.setToolTip(translate("ProductsScreen", "↓ goes to the first product found; Enter selects it, or "
                                                           "opens it when it is the only one (Ctrl+F comes back here)"))
        self.class_label.setText(translate("ProductsScreen", "Class:"))
        fill_class_combo(self.class_filter, translate("ProductsScreen", "All"))
        self.class_filter.setToolTip(class_tooltip())
        self.add_button.setText(translate("ProductsScreen", "Add product…"))
        self.open_button.setText(translate("ProductsScreen", "Open product page"))
        self.edit_button.setText(translate("ProductsScreen", "Edit product…"))
        self.edit_button.setToolTip(translate("ProductsScreen", "Edit the selected product (Enter, double-click or "
                                                                "Ctrl+E)"))
        self.labels_button.setText(translate("ProductsScreen", "Print &labels…"))
        self.labels_button.setToolTip(translate("ProductsScreen", "Barcode labels for the selected products, as PDF "
                                                                  "(Ctrl+L)"))
        self._update_active_button()
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
# A field's problem (``BadInput.code``) said under the field; others as the domain says them.
_PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("ProductEditor", "is required"),
    "zero": QT_TRANSLATE_NOOP("ProductEditor", "must not be 0"),
    "barcode_listed_twice": QT_TRANSLATE_NOOP("ProductEditor", "the same barcode is listed twice"),
}


def problem_text(exc: BaseException) -> str:
    """A refusal as the clerk reads it (``ui.refusals``); an unexpected error after "Could not save"."""
    if isinstance(exc, DomainError):
        return refusal_text(exc)
    return fill(translate("ProductEditor", "Could not save: %1"), exc)


class ProductEditor(QDialog):
    """Add a product, or with ``sku`` edit one; each refusal of a field is shown under that field.

    In edit mode the stored product is read first (off the GUI thread) so the form and the
    version it was opened at are current; the SKU is the business key and is shown read-only.
    """

    saved = Signal(object)
    ready = Signal()  # edit mode: the stored product has been read into the form

    def __init__(self, services, parent=None, sku: str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.sku = sku
        self.version: int | None = None  # the version opened; sent back as expected_version
        self.active = True
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
        # counted in whole units: a new product follows its unit (pieces yes, kg or 米 no) until the box is clicked
        self.whole_units = QCheckBox(self)
        self.whole_units.setChecked(True)
        self.whole_units_touched = False
        self.whole_units.clicked.connect(self._whole_units_clicked)
        self.edits["unit"].textEdited.connect(self._unit_edited)
        unit_box = form.itemAt(_FIELDS.index("unit"), QFormLayout.ItemRole.FieldRole).layout()
        unit_box.addWidget(self.whole_units)
        whole_error = QLabel(self)  # turning it on for a product that still holds a fraction is refused here
        whole_error.setStyleSheet("color: #9b1c1c;")
        whole_error.setWordWrap(True)
        whole_error.hide()
        unit_box.addWidget(whole_error)
        self.errors["whole units"] = whole_error
        self.sku_note = QLabel(self)
        self.sku_note.setStyleSheet("color: #666;")
        self.sku_note.setWordWrap(True)
        self.sku_note.hide()
        form.itemAt(0, QFormLayout.ItemRole.FieldRole).layout().addWidget(self.sku_note)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #9b1c1c;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.busy = BusyBar(self)
        self.selling = SellingSection(self)
        self.selling_ready = sku is None  # edit mode: the stored prices have been read into the form
        self.packs = PackUnitsSection(self)
        self.packs_label = QLabel(self)
        self.packs_label.setBuddy(self.packs.button)
        form.addRow(self.packs_label, self.packs)
        self.edits["unit"].textChanged.connect(self.packs.set_base_unit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.selling)
        layout.addWidget(self.general_error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        if sku is not None:
            self.edits["SKU"].setText(sku)
            self.edits["SKU"].setReadOnly(True)
            self.sku_note.show()
            self._set_enabled(False)
            self.busy.busy(True)
            uow = services.reader()
            packs_uow = services.reader()
            services.tasks.submit(lambda: (catalog.get_product(uow, sku), packaging.pack_units_of(packs_uow, sku)[1]),
                                  self._prefill, self._failed)
        names_uow, sales_uow = services.reader(), services.reader()
        services.tasks.submit(lambda: (pm.level_names(names_uow),
                                       pm.product_sales(sales_uow, sku) if sku is not None else None),
                              self._prefill_selling, self._failed)

    @property
    def editing(self) -> bool:
        return self.sku is not None

    def _whole_units_clicked(self, *_) -> None:
        self.whole_units_touched = True

    def _unit_edited(self, unit: str) -> None:
        if not self.editing and not self.whole_units_touched:
            self.whole_units.setChecked(whole_by_default(unit))

    def _set_enabled(self, enabled: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(enabled and self.selling_ready)
        for field, edit in self.edits.items():
            if field != "SKU":
                edit.setEnabled(enabled)
        self.whole_units.setEnabled(enabled)
        self.packs.setEnabled(enabled)

    def _prefill_selling(self, result) -> None:
        if not alive(self):
            return
        names, sales = result
        self.selling.set_names(names)
        if sales is not None:
            self.selling.prefill(sales)
        self.selling_ready = True
        self._set_enabled(self.version is not None or not self.editing)

    def _prefill(self, result) -> None:
        if not alive(self):
            return
        product, units = result
        self.packs.prefill(units)
        self.busy.busy(False)
        self.version, self.active = product.version, product.active
        values = {"name": product.name, "barcode": ", ".join(product.barcodes), "unit": product.unit,
                  "category": product.category, "pack size": qty_text(product.pack_size),
                  "min level": qty_text(product.min_level), "max level": qty_text(product.max_level)}
        for field, value in values.items():
            self.edits[field].setText(value)
        self.whole_units.setChecked(product.whole_units)
        self._set_enabled(True)
        self.edits["name"].setFocus()
        self.edits["name"].selectAll()
        self.retranslate()
        self.ready.emit()

    def retranslate(self) -> None:
        if self.editing:
            title = fill(translate("ProductEditor", "Edit product %1"), self.sku)
            if not self.active:
                title += " " + translate("ProductEditor", "(inactive)")
            self.setWindowTitle(title)
        else:
            self.setWindowTitle(translate("ProductEditor", "Add product"))
        self.sku_note.setText(translate("ProductEditor", "The SKU is the product's key and cannot be changed."))
        for field, label in self.labels.items():
            label.setText(translate("ProductEditor", _LABELS[field]) + ":")
        self.edits["barcode"].setPlaceholderText(
            translate("ProductEditor", "several barcodes: separate with commas"))
        self.whole_units.setText(translate("ProductEditor", "Counted in whole units (no decimals in quantities)"))
        self.whole_units.setToolTip(translate(
            "ProductEditor", "On for goods counted in pieces, boxes or sets: a quantity such as 2.5 is refused. Off "
                             "for goods measured by weight, length or volume (kg, 米, 升)."))
        self.selling.retranslate()
        self.packs.retranslate()
        self.packs_label.setText(translate("ProductEditor", "Packs:"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def command(self) -> cmd.AddProduct | cmd.UpdateProduct:
        text = {field: edit.text() for field, edit in self.edits.items()}
        barcodes = tuple(b.strip() for b in text["barcode"].replace("，", ",").split(",") if b.strip())
        if self.editing:
            return cmd.UpdateProduct(sku=self.sku, name=text["name"], barcodes=barcodes, unit=text["unit"],
                                     category=text["category"], pack_size=text["pack size"],
                                     min_level=text["min level"] or None, max_level=text["max level"] or None,
                                     active=self.active, expected_version=self.version,
                                     whole_units=self.whole_units.isChecked())
        return cmd.AddProduct(sku=text["SKU"], name=text["name"], barcodes=barcodes, unit=text["unit"],
                              category=text["category"], pack_size=text["pack size"],
                              min_level=text["min level"] or None, max_level=text["max level"] or None,
                              whole_units=self.whole_units.isChecked())

    def submit(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        self.selling.hide_errors()
        self.packs.hide_error()
        units = self.packs.inputs()
        command, uow = self.command(), self.services.uow()
        selling, selling_uow = self.selling.command(self.sku or command.sku), self.services.uow()
        try:  # the prices' fields are checked before anything is saved
            pm.check_product_sales(selling)
        except BadInput as exc:
            self._failed(exc)
            return
        self.buttons.setEnabled(False)
        self.busy.busy(True)

        def save():
            product = catalog.save_product(uow, command, units)
            try:
                pm.set_product_sales(selling_uow, selling)
            except DomainError as exc:  # the product is saved; its prices are not
                return product, exc
            return product, None

        self.services.tasks.submit(save, self._done, self._failed)

    def _done(self, result) -> None:
        if not alive(self):
            return
        product, selling_failed = result
        self.busy.busy(False)
        self.buttons.setEnabled(True)
        if selling_failed is not None:  # stay open on the saved product, to correct its prices
            self.sku, self.version, self.active = product.sku, product.version, product.active
            self.edits["SKU"].setText(product.sku)
            self.edits["SKU"].setReadOnly(True)
            self.retranslate()
            self._failed(selling_failed)
            return
        self.saved.emit(product)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self.busy.busy(False)
        self.buttons.setEnabled(True)
        if isinstance(exc, BadInput) and self.selling.show_error(exc.field, field_problem_text(exc) or exc.problem):
            pass
        elif self.packs.show_error(exc):
            pass
        elif isinstance(exc, BadInput) and exc.field in self.errors:
            problem = exc.problem
            said = Said.of(problem).code  # a problem without values or advice has its code in domain.imports.problems
            if said in _PROBLEMS:
                problem = translate("ProductEditor", _PROBLEMS[said])
            else:  # from its code in the reader's language (a fraction of a whole-unit product, max below min…)
                problem = said_under_field(exc)
            self.errors[exc.field].setText(problem)
            self.errors[exc.field].show()
            (self.edits.get(exc.field) or self.whole_units).setFocus()
        elif exc.code == "duplicate_barcode":
            self.errors["barcode"].setText(problem_text(exc))
            self.errors["barcode"].show()
            self.edits["barcode"].setFocus()
        else:
            self.general_error.setText(problem_text(exc))
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
        stock, sku = self.services.stock, self.product.sku
        self.busy.busy(True)
        self.services.tasks.submit(lambda: stock.movements(sku=sku), self._loaded)

    def _loaded(self, rows) -> None:
        if alive(self):
            self.busy.busy(False)
            self.model.set_rows(rows)
            self.chart.set_movements(rows)

    def retranslate(self) -> None:
        p = self.product
        self.setWindowTitle(fill(translate("ProductPage", "Product %1"), p.sku))
        self.title.setText(f"{p.sku} · {p.name}")
        self.details.setText(
            fill(translate("ProductPage", "Category: %1    Unit: %2    Barcodes: %3"),
                 p.category or "—", p.unit, ", ".join(p.barcodes) or "—"))
        self.model.retranslate()
        self.chart.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
