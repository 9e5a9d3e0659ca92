"""Import from Excel or CSV, in three steps: choose the kind and the file → map the columns → check and import.

The file is read, checked and imported on the task runner; the dialog only shows results. Step 2
has a combo box per field of the kind, pre-filled with ``domain.imports.guess_mapping``'s guess,
and the choice of how the file writes its numbers (``1,234.5``, or the European ``1.234,5``), with
an example from the file read that way; the choice is remembered for the next import.
Step 3 shows the first rows as they will be read (numbers as the chosen format reads them, the
file's text in the tooltip) and the validation report of every row (a preview: nothing is
written); Import stays disabled while any row has a problem, and writes all rows in one
transaction with a progress bar. Rows the workbook hides are left out unless the check box under the
report (shown only for such a workbook) includes them; they, and a note under the header that is passed
over, are listed in the report in grey beside the problems. Check again (F5) reads the file again, as the user
corrected and saved it, and checks it with the same columns. Step 1 saves an empty template of the kind chosen,
whose headers the mapping reads back.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.imports import ImportKind
from domain.imports import ImportRejected
from domain.imports import NumberCell
from domain.imports import NumberFormat
from domain.imports import fields_of
from domain.imports import guess_mapping
from domain.imports import headed
from domain.imports import preview
from domain.imports import run_import
from domain.imports.cells import number_as_read
from domain.imports.cells import scientific
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.import_problems import problem_text
from ui.import_problems import said_text
from ui.refusals import refusal_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CONTEXT = "ImportWizard"
PREVIEW_ROWS = 20
NUMBER_FORMATS = {
    NumberFormat.DEFAULT: QT_TRANSLATE_NOOP("ImportWizard", "1,234.5 (a decimal point; commas between thousands)"),
    NumberFormat.EUROPEAN: QT_TRANSLATE_NOOP(
        "ImportWizard", "1.234,5 (European: a decimal comma; points between thousands, so 1.234 is 1234)"),
}
_REFUSED = QColor("#9b1c1c")
_LEFT_OUT = QColor("#6b7280")

KIND_TITLES = {
    ImportKind.PRODUCTS: QT_TRANSLATE_NOOP("ImportWizard", "Products"),
    ImportKind.SUPPLIERS: QT_TRANSLATE_NOOP("ImportWizard", "Suppliers"),
    ImportKind.TERMS: QT_TRANSLATE_NOOP("ImportWizard", "Supplier terms (prices, MOQ)"),
    ImportKind.CUSTOMERS: QT_TRANSLATE_NOOP("ImportWizard", "Customers"),
    ImportKind.STOCK: QT_TRANSLATE_NOOP("ImportWizard", "Opening stock per warehouse"),
    ImportKind.SALES_HISTORY: QT_TRANSLATE_NOOP("ImportWizard", "Sales history"),
    ImportKind.OPENINGS: QT_TRANSLATE_NOOP("ImportWizard", "Opening balances of receivables and payables"),
}
# The field labels of domain.imports.fields, marked for translation here (the domain has no Qt).
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ImportWizard", "SKU"), QT_TRANSLATE_NOOP("ImportWizard", "Name"),
    QT_TRANSLATE_NOOP("ImportWizard", "Unit"), QT_TRANSLATE_NOOP("ImportWizard", "Barcode"),
    QT_TRANSLATE_NOOP("ImportWizard", "Category"), QT_TRANSLATE_NOOP("ImportWizard", "Pack size"),
    QT_TRANSLATE_NOOP("ImportWizard", "Min level"), QT_TRANSLATE_NOOP("ImportWizard", "Max level"),
    QT_TRANSLATE_NOOP("ImportWizard", "Supplier code"), QT_TRANSLATE_NOOP("ImportWizard", "Contact"),
    QT_TRANSLATE_NOOP("ImportWizard", "Currency"), QT_TRANSLATE_NOOP("ImportWizard", "Lead time (days)"),
    QT_TRANSLATE_NOOP("ImportWizard", "Address"), QT_TRANSLATE_NOOP("ImportWizard", "Supplier SKU"),
    QT_TRANSLATE_NOOP("ImportWizard", "Unit price"), QT_TRANSLATE_NOOP("ImportWizard", "Minimum order quantity"),
    QT_TRANSLATE_NOOP("ImportWizard", "Order multiple"), QT_TRANSLATE_NOOP("ImportWizard", "Customer code"),
    QT_TRANSLATE_NOOP("ImportWizard", "Warehouse"), QT_TRANSLATE_NOOP("ImportWizard", "Quantity"),
    QT_TRANSLATE_NOOP("ImportWizard", "Unit cost"), QT_TRANSLATE_NOOP("ImportWizard", "Date"),
    QT_TRANSLATE_NOOP("ImportWizard", "Customer"), QT_TRANSLATE_NOOP("ImportWizard", "Reference"),
    QT_TRANSLATE_NOOP("ImportWizard", "Side"), QT_TRANSLATE_NOOP("ImportWizard", "Partner code"),
    QT_TRANSLATE_NOOP("ImportWizard", "Amount"), QT_TRANSLATE_NOOP("ImportWizard", "Due date"),
    QT_TRANSLATE_NOOP("ImportWizard", "Whole units"),
)


def tr(text: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP above, in the current language."""
    return translate(CONTEXT, text)


class ImportWizard(QDialog):
    CHOOSE, MAP, CHECK = range(3)

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.table = None  # domain.imports.Table, once read
        self.result = None  # the last preview or import result
        self.problems: list = []  # the report shown (domain.imports.RowProblem), said again on a language change
        self.left_out: list = []  # the rows left out (domain.imports.LeftOut), shown in the report too
        self.failure: BaseException | None = None  # the last refusal shown, said again on a language change
        self.imported = False
        self.combos: dict[str, QComboBox] = {}
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._map_page())
        self.pages.addWidget(self._check_page())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.back_button = QPushButton(self, clicked=self.back)
        self.next_button = QPushButton(self, clicked=self.next)
        self.import_button = QPushButton(self, clicked=self.start_import)
        self.again_button = QPushButton(self, clicked=self.check)  # the file read and checked again, once corrected
        # F5 as on the screens (the button's own shortcut is its Alt letter, set with its text)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self._check_again)
        self.close_button = QPushButton(self, clicked=self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for button in (self.back_button, self.next_button, self.again_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 620)
        self.retranslate()
        self._show(self.CHOOSE)

    # -- pages ---------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        self.kind_label = QLabel(page)
        self.kind = QComboBox(page)
        for kind in ImportKind:
            self.kind.addItem("", kind.value)
        self.file_label = QLabel(page)
        self.file = QLineEdit(page)
        self.browse_button = QPushButton(page, clicked=self.browse)
        self.file.textChanged.connect(lambda _: self._update_buttons())
        self.kind_label.setBuddy(self.kind)
        self.file_label.setBuddy(self.file)
        # an office coming from spreadsheets starts from the columns Stockroom reads, as other programs offer
        self.template_button = QPushButton(page, clicked=self.save_template)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.template_button)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse_button)
        self.choose_help = QLabel(page)
        self.choose_help.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.kind_label, kind_row)
        form.addRow(self.file_label, row)
        form.addRow(self.choose_help)
        return page

    def _map_page(self) -> QWidget:
        page = QWidget(self)
        self.map_help = QLabel(page)
        self.map_help.setWordWrap(True)
        self.map_area = QScrollArea(page)
        self.map_area.setWidgetResizable(True)
        self.number_format_label = QLabel(page)
        self.number_format = QComboBox(page)
        for number_format in NumberFormat:
            self.number_format.addItem("", number_format.value)
        remembered = QSettings().value("import/number_format", NumberFormat.DEFAULT.value, type=str)
        self.number_format.setCurrentIndex(max(0, self.number_format.findData(remembered)))
        self.number_format.currentIndexChanged.connect(lambda _: self._show_example())
        self.number_example = QLabel(page)
        self.number_example.setWordWrap(True)
        numbers = QFormLayout()
        numbers.addRow(self.number_format_label, self.number_format)
        numbers.addRow(self.number_example)
        layout = QVBoxLayout(page)
        layout.addWidget(self.map_help)
        layout.addWidget(self.map_area, 1)
        layout.addLayout(numbers)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.preview_label = QLabel(page)
        self.preview_table = _table(page)
        self.report_label = QLabel(page)
        self.report_label.setWordWrap(True)
        self.report_table = _table(page)
        self.include_hidden = QCheckBox(page)
        self.include_hidden.hide()
        self.include_hidden.toggled.connect(self._hidden_choice)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.report_label)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.include_hidden)
        return page

    def _check_again(self) -> None:
        if self.again_button.isVisible() and self.again_button.isEnabled():
            self.check()

    def _hidden_choice(self, _checked: bool) -> None:
        """Hidden rows included or left out: the check is made again, as what would be imported changed."""
        if self.pages.currentIndex() == self.CHECK and self.table is not None and not self.imported:
            self.check()

    # -- navigation ----------------------------------------------------------------------
    def current_kind(self) -> ImportKind:
        return ImportKind(self.kind.currentData())

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self, working: bool = False) -> None:
        page = self.pages.currentIndex()
        self.include_hidden.setEnabled(not working and not self.imported)
        self.back_button.setEnabled(page > self.CHOOSE and not working and not self.imported)
        self.next_button.setVisible(page < self.CHECK)
        self.next_button.setEnabled(not working and (page != self.CHOOSE or bool(self.file.text().strip())))
        self.import_button.setVisible(page == self.CHECK)
        self.again_button.setVisible(page == self.CHECK and not self.imported)
        self.again_button.setEnabled(not working)
        ready = self.result is not None and self.result.ok and not self.imported
        self.import_button.setEnabled(page == self.CHECK and ready and not working)
        self.kind.setEnabled(not working)
        self.template_button.setEnabled(not working)
        self.close_button.setEnabled(not working)

    def back(self) -> None:
        self.message.clear()
        self._show(max(self.CHOOSE, self.pages.currentIndex() - 1))

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == self.CHOOSE:
            self.read_file()
        elif page == self.MAP:
            self.check()

    def browse(self) -> None:
        start = QSettings().value("import/folder", str(Path.home()), type=str)
        kinds = translate("ImportWizard", "Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.xls);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, translate("ImportWizard", "Choose a file to import"), start, kinds)
        if path:
            QSettings().setValue("import/folder", str(Path(path).parent))
            self.file.setText(path)

    def save_template(self) -> None:
        """An empty workbook with the headers of the kind chosen (``*`` marks a column needed), in the reader's
        language; the import reads them back as they are. It becomes the file to import, once filled in."""
        from ui.spreadsheets import write_xlsx

        kind = self.current_kind()
        folder = Path(QSettings().value("import/folder", str(Path.home()), type=str))
        name = fill(translate("ImportWizard", "%1 import template.xlsx"), tr(KIND_TITLES[kind]))
        path, _ = QFileDialog.getSaveFileName(self, translate("ImportWizard", "Save an empty template"),
                                              str(folder / re.sub(r'[\\/:*?"<>|]', " ", name)),
                                              translate("ImportWizard", "Excel workbooks (*.xlsx)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        headers = [tr(f.label) + (" *" if f.required else "") for f in fields_of(kind)]
        title = tr(KIND_TITLES[kind])

        def saved(_rows) -> None:
            if alive(self):
                self._idle()
                QSettings().setValue("import/folder", str(target.parent))
                self.file.setText(str(target))
                self.message.setText(fill(translate(
                    "ImportWizard", "Saved %1: fill in one row per record under its headers (* marks a column needed), "
                                    "save it, then Next."), target.name))

        self._working(fill(translate("ImportWizard", "Saving %1…"), target.name))
        self.services.tasks.submit(lambda: write_xlsx(target, headers, [], sheet=title), saved, self._failed)

    # -- step 1: read the file -------------------------------------------------------------
    def read_file(self) -> None:
        from ui.spreadsheets import read_table

        path = Path(self.file.text().strip())
        self._working(fill(translate("ImportWizard", "Reading %1…"), path.name))
        self.services.tasks.submit(lambda progress: read_table(path, progress), self._file_read, self._failed,
                                   self._progressed)

    def _file_read(self, table) -> None:
        if not alive(self):
            return
        self._idle()
        self.table = headed(self.current_kind(), table)
        self.result = None
        self.include_hidden.blockSignals(True)
        self.include_hidden.setChecked(False)  # a new file: its hidden rows are left out until chosen
        self.include_hidden.blockSignals(False)
        self.include_hidden.setVisible(bool(self.table.hidden))
        self._say_hidden()
        self._build_mapping(guess_mapping(self.current_kind(), self.table.headers))
        self._show(self.MAP)

    def _build_mapping(self, guess: dict[str, str]) -> None:
        holder = QWidget()
        form = QFormLayout(holder)
        self.combos = {}
        for field in fields_of(self.current_kind()):
            combo = QComboBox(holder)
            combo.addItem(translate("ImportWizard", "(not in the file)"), "")
            for header in self.table.headers:
                combo.addItem(header_text(header), header)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(field.key, ""))))
            combo.currentIndexChanged.connect(lambda _: self._show_example())
            label = tr(field.label) + (" *" if field.required else "")
            form.addRow(label, combo)
            self.combos[field.key] = combo
        self.map_area.setWidget(holder)
        n = len(self.table.rows)
        text = (translate("ImportWizard", "%1: %n row. Choose the column that holds each field; the guess comes "
                                          "from the headers. Fields marked * are needed.", None, n) if n == 1 else
                translate("ImportWizard", "%1: %n rows. Choose the column that holds each field; the guess comes "
                                          "from the headers. Fields marked * are needed.", None, n))
        self.map_help.setText(fill(text, self.table.name))
        self._show_example()

    def mapping(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def current_number_format(self) -> NumberFormat:
        return NumberFormat(self.number_format.currentData())

    def _show_example(self) -> None:
        """The first typed number of a mapped number field, as the chosen format reads it, for the user to confirm."""
        self.number_example.clear()
        if self.table is None:
            return
        mapping = self.mapping()
        for field in fields_of(self.current_kind()):
            if not field.number or field.key not in mapping:
                continue
            i = self.table.headers.index(mapping[field.key])
            for cells in self.table.rows[:1000]:
                cell = cells[i] if i < len(cells) else ""
                if isinstance(cell, NumberCell) or not any(ch in cell for ch in ",.") or scientific(cell):
                    continue  # (1.23457E+11 is refused in either format: no example of the format's separators)
                shown = read_as(cell, self.current_number_format())
                text = (translate("ImportWizard", "Example from the file: %1 “%2” reads as %3.") if shown is not None
                        else translate("ImportWizard", "Example from the file: %1 “%2” is not a number in this "
                                                       "format."))
                self.number_example.setText(fill(text, tr(field.label), cell.strip(), shown))
                return

    # -- step 2: check (a preview that writes nothing) -------------------------------------
    def check(self) -> None:
        missing = [tr(f.label) for f in fields_of(self.current_kind()) if f.required and f.key not in self.mapping()]
        if missing:
            self.message.setText(fill(translate("ImportWizard", "Choose a column for: %1"), ", ".join(missing)))
            return
        from ui.spreadsheets import read_table

        kind, mapping, path = self.current_kind(), self.mapping(), Path(self.file.text().strip())
        number_format = self.current_number_format()
        hidden = self.include_hidden.isChecked()
        QSettings().setValue("import/number_format", number_format.value)
        self.result = None  # nothing to import until the file as it is now has been checked
        self._fill_preview(mapping)
        self._working(translate("ImportWizard", "Checking every row…"))
        uow = self.services.uow()

        def work(progress):
            """The file as it is now (the user corrects it and checks again), checked; no check when a column
            chosen is no longer in it."""
            table = headed(kind, read_table(path))
            if not set(mapping.values()) <= set(table.headers):
                return table, None
            return table, preview(uow, kind, table, mapping, progress=progress, number_format=number_format,
                                  include_hidden=hidden)

        self.services.tasks.submit(work, self._checked, self._failed, self._progressed)
        self._show(self.CHECK)
        self._update_buttons(working=True)

    def _fill_preview(self, mapping: dict[str, str]) -> None:
        fields = [f for f in fields_of(self.current_kind()) if f.key in mapping]
        index = [self.table.headers.index(mapping[f.key]) for f in fields]
        rows = self.table.rows[:PREVIEW_ROWS]
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(fields) + 1)
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setHorizontalHeaderLabels([translate("ImportWizard", "Row"), *(tr(f.label) for f in fields)])
        number_format = self.current_number_format()
        for r, cells in enumerate(rows):
            self.preview_table.setItem(r, 0, QTableWidgetItem(str(self.table.row_number(r))))
            for c, (field, i) in enumerate(zip(fields, index, strict=True), 1):
                cell = cells[i] if i < len(cells) else ""
                item = QTableWidgetItem(cell)
                if field.number and cell.strip():
                    shown = read_as(cell, number_format)
                    if shown is None:
                        item.setForeground(QBrush(_REFUSED))
                        item.setToolTip(translate("ImportWizard", "Not a number in the chosen format; the report "
                                                                  "below says what would be accepted."))
                    else:
                        item.setText(shown)
                        item.setToolTip(fill(translate("ImportWizard", "In the file: %1"), cell.strip()))
                self.preview_table.setItem(r, c, item)
        n = len(rows)
        text = (translate("ImportWizard", "The one row as it will be read (numbers as %1):") if n == 1 else
                translate("ImportWizard", "The first %n rows as they will be read (numbers as %1):", None, n))
        self.preview_label.setText(fill(text, tr(NUMBER_FORMATS[number_format])))
        self.problems = []
        self.left_out = []
        self.report_table.clear()
        self.report_table.setRowCount(0)
        self.report_label.clear()

    def _checked(self, checked) -> None:
        if not alive(self):
            return
        self._idle()
        table, result = checked
        self.table = table
        self.include_hidden.setVisible(bool(table.hidden))
        self._say_hidden()
        if result is None:  # the corrected file names its columns otherwise: chosen again from its headers
            self._build_mapping(guess_mapping(self.current_kind(), table.headers))
            self._show(self.MAP)
            self.message.setText(translate("ImportWizard", "The file's columns changed since it was read: check the "
                                                           "column chosen for each field, then Next."))
            return
        self._fill_preview(self.mapping())
        self.result = result
        self._fill_report(result.problems, result.left_out)
        self._grey_left_out({r.row for r in result.left_out})
        self._say_checked()
        self._update_buttons()

    def _say_checked(self) -> None:
        result = self.result
        if result is None or self.imported:
            return
        if result.problems:
            n = len({p.row for p in result.problems})
            # English has no plural translation file: the sentence for one row is its own source text
            text = (translate("ImportWizard", "%n row has problems (listed below). Nothing can be imported until "
                                              "they are corrected: correct the file, save it and press Check again "
                                              "(F5).", None, n) if n == 1 else
                    translate("ImportWizard", "%n rows have problems (listed below). Nothing can be imported until "
                                              "they are corrected: correct the file, save it and press Check again "
                                              "(F5).", None, n))
            self.report_label.setText(text)
        else:
            text = translate("ImportWizard", "Every row can be imported: %1 new, %2 changed, %3 unchanged or "
                                             "already imported.")
            self.report_label.setText(fill(text, str(result.added), str(result.updated), str(result.unchanged)))
        if result.left_out:
            n = len(result.left_out)
            more = (translate("ImportWizard", "%n row is left out; the report says why.", None, n) if n == 1 else
                    translate("ImportWizard", "%n rows are left out; the report says why.", None, n))
            self.report_label.setText(self.report_label.text() + " " + more)

    def _say_hidden(self) -> None:
        n = len(self.table.hidden) if self.table is not None else 0
        self.include_hidden.setText(
            translate("ImportWizard", "Also import the %n row hidden in the workbook", None, n) if n == 1 else
            translate("ImportWizard", "Also import the %n rows hidden in the workbook", None, n))

    def _fill_report(self, problems, left_out=None) -> None:
        """The report in the current language: the file's own headers as they are, the rest translated; the rows left
        out (``left_out``, default: those shown) in grey among the problems, in the order of the file."""
        self.problems = list(problems)
        if left_out is not None:
            self.left_out = list(left_out)
        headers = set(self.table.headers) if self.table is not None else set()
        labels = {f.key: f.label for f in fields_of(self.current_kind())}
        self.report_table.clear()
        self.report_table.setColumnCount(4)
        self.report_table.setHorizontalHeaderLabels([
            translate("ImportWizard", "Row"), translate("ImportWizard", "Column"), translate("ImportWizard", "Problem"),
            translate("ImportWizard", "Accepted")])
        lines = sorted([*problems, *self.left_out], key=lambda x: x.row)  # stable: a row's problems in field order
        self.report_table.setRowCount(len(lines))
        for r, p in enumerate(lines):
            if hasattr(p, "column"):
                own = p.column not in headers and p.column == labels.get(p.key)  # a field's label: no such column
                column = tr(p.column) if own else header_text(p.column)
                texts, grey = (str(p.row), column, said_text(p.said), said_text(p.accepts)), False
            else:
                texts, grey = (str(p.row), "", said_text(p.said), self._left_out_advice(p)), True
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the whole sentence where the column is too narrow for it
                if grey:
                    item.setForeground(QBrush(_LEFT_OUT))
                self.report_table.setItem(r, c, item)
        self.report_table.resizeColumnsToContents()

    def _grey_left_out(self, rows: set[int]) -> None:
        """The rows of the preview that the check left out, in grey as in the report."""
        for r in range(self.preview_table.rowCount()):
            number = self.preview_table.item(r, 0)
            if number is None or int(number.text()) not in rows:
                continue
            for c in range(self.preview_table.columnCount()):
                item = self.preview_table.item(r, c)
                if item is not None:
                    item.setForeground(QBrush(_LEFT_OUT))

    @staticmethod
    def _left_out_advice(row) -> str:
        if row.said.code == "hidden_row":
            return translate("ImportWizard", "Tick “Also import the rows hidden in the workbook” below to import it")
        return translate("ImportWizard", "Nothing to do: a row with this note alone is never a record")

    # -- step 3: import --------------------------------------------------------------------
    def start_import(self) -> None:
        kind, table, mapping = self.current_kind(), self.table, self.mapping()
        number_format = self.current_number_format()
        hidden = self.include_hidden.isChecked()
        uow = self.services.uow()
        self._working(translate("ImportWizard", "Importing…"))
        self.progress.setValue(0)
        self.services.tasks.submit(lambda progress: run_import(uow, kind, table, mapping, progress=progress,
                                                               number_format=number_format,
                                                               include_hidden=hidden),
                                   self._imported, self._failed, self._progressed)

    def _imported(self, result) -> None:
        if not alive(self):
            return
        self._idle()
        self.result = result
        self.imported = True
        self.progress.setValue(100)
        self.progress.show()
        if result.written:
            text = translate("ImportWizard", "Imported: %1 added, %2 updated, %3 unchanged or already imported.")
        else:
            text = (translate("ImportWizard", "Nothing new to import: the one row is already in Stockroom.")
                    if result.unchanged == 1 else
                    translate("ImportWizard", "Nothing new to import: all %3 rows are already in Stockroom."))
        self.message.setText(fill(text, str(result.added), str(result.updated), str(result.unchanged)))
        self.close_button.setText(translate("ImportWizard", "Close"))
        self._update_buttons()

    # -- background work -------------------------------------------------------------------
    def _working(self, text: str) -> None:
        self.failure = None
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.progress.setValue(0)
        self.progress.show()
        self._update_buttons(working=True)

    def _idle(self) -> None:
        self.failure = None
        self.progress.hide()
        self.message.clear()
        self._update_buttons()

    def _progressed(self, percent) -> None:
        if alive(self):
            self.progress.setValue(int(percent))

    def _failed(self, exc: BaseException) -> None:
        if not alive(self):
            return
        self._idle()
        if isinstance(exc, ImportRejected):  # the database changed since the check: show the new report
            self.result = None
            self._fill_report(exc.problems)
        self.failure = exc
        self._say_failure()
        self._update_buttons()

    def _say_failure(self) -> None:
        exc = self.failure
        if exc is None:
            return
        if isinstance(exc, ImportRejected):
            n = len({p.row for p in exc.problems})
            text = (translate("ImportWizard", "%n row has problems (%1 in all); nothing was imported. Correct it and "
                                              "import the file again.", None, n) if n == 1 else
                    translate("ImportWizard", "%n rows have problems (%1 in all); nothing was imported. Correct them "
                                              "and import the file again.", None, n))
            why = fill(text, str(len(exc.problems)))
        else:
            why = problem_text(exc) or refusal_text(exc)
        self.message.setText(fill(translate("ImportWizard", "Not imported: %1"), why))
        self.message.setStyleSheet("color: #9b1c1c;")

    # -- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(translate("ImportWizard", "Import from Excel or CSV"))
        self.kind_label.setText(translate("ImportWizard", "&What the file holds"))
        for i, kind in enumerate(ImportKind):
            self.kind.setItemText(i, tr(KIND_TITLES[kind]))
        self.file_label.setText(translate("ImportWizard", "&File"))
        self.browse_button.setText(translate("ImportWizard", "B&rowse…"))
        self.template_button.setText(translate("ImportWizard", "Save an empty &template…"))
        self.template_button.setToolTip(translate("ImportWizard", "An Excel workbook with the columns this kind of "
                                                                  "file needs, to fill in and import here"))
        self.number_format_label.setText(translate("ImportWizard", "Numbers in the file"))
        for i, number_format in enumerate(NumberFormat):
            self.number_format.setItemText(i, tr(NUMBER_FORMATS[number_format]))
        self._show_example()
        self.choose_help.setText(translate(
            "ImportWizard",
            "An Excel workbook (.xlsx: its first sheet with rows) or a CSV file (UTF-8 or GBK), with one header row "
            "(a title above it is passed over). "
            "Import in this order: products, suppliers, supplier terms, customers, sales history, then opening "
            "stock and opening balances. Nothing is written before you have seen the check of every row."))
        self.back_button.setText(translate("ImportWizard", "< &Back"))
        self.next_button.setText(translate("ImportWizard", "&Next >"))
        self.import_button.setText(translate("ImportWizard", "&Import"))
        self.again_button.setText(translate("ImportWizard", "Check &again"))
        self.again_button.setToolTip(translate("ImportWizard", "Read the file again, as corrected and saved, and check "
                                                               "every row (F5)"))
        self.close_button.setText(translate("ImportWizard", "Close") if self.imported
                                  else translate("ImportWizard", "Cancel"))
        self._say_hidden()
        if self.problems or self.left_out:
            self._fill_report(self.problems)
        self._say_checked()
        self._say_failure()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_UNNAMED = re.compile(r"Column (\d+)")


def header_text(header: str) -> str:
    """A header as shown: a column the file leaves unnamed, named ``Column 4`` by ``domain.imports.report``, in the
    current language (第 4 列)."""
    unnamed = _UNNAMED.fullmatch(header)
    return fill(translate("ImportWizard", "Column %1"), unnamed.group(1)) if unnamed else header


def read_as(cell: str, number_format: NumberFormat) -> str | None:
    """A number field's cell as the import reads it (``1.234,5`` → ``1234.5``); None if it reads as no number (nor
    does text in scientific notation, ``1e3``, which the import refuses)."""
    if scientific(cell):
        return None
    try:
        return fmt(D(number_as_read(cell, number_format)))
    except ValueError:
        return None


def _table(parent) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setAlternatingRowColors(True)
    return table
