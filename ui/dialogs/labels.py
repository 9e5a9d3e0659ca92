"""Print barcode labels (条码标签) from the window: the selected products, or what a posted receipt brought in.

The clerk picks the layout (its label size in mm in its text), how many per product (or, for a receipt, one per unit
received or a count per line), the fields and the price level, and the file. The prices are read and the PDF rendered
and written on the task runner; the bar counts the labels drawn and Cancel stops between two labels. The PDF is
written to a temporary file beside the chosen one and moved over it only when whole, so a cancelled or failed print
leaves no half-written file. The last choices are kept per desk in QSettings (``labels/...``).
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel import clock
from domain.kernel.numbers import round_money
from domain.sales import price_master as pm
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

# The layouts of ui.pdf.labels.LAYOUTS (named here without importing reportlab on the GUI thread), as the list shows.
LAYOUTS = (
    ("a4-3x8", QT_TRANSLATE_NOOP("LabelsDialog", "A4 sheet, 3 × 8 labels (63.7 × 34 mm)")),
    ("a4-4x10", QT_TRANSLATE_NOOP("LabelsDialog", "A4 sheet, 4 × 10 labels (46.6 × 27 mm)")),
    ("40x30", QT_TRANSLATE_NOOP("LabelsDialog", "Thermal label 40 × 30 mm")),
    ("50x30", QT_TRANSLATE_NOOP("LabelsDialog", "Thermal label 50 × 30 mm")),
    ("60x40", QT_TRANSLATE_NOOP("LabelsDialog", "Thermal label 60 × 40 mm")),
)
FIELDS = (
    ("name", QT_TRANSLATE_NOOP("LabelsDialog", "&Name")),
    ("sku", QT_TRANSLATE_NOOP("LabelsDialog", "S&KU")),
    ("barcode", QT_TRANSLATE_NOOP("LabelsDialog", "&Barcode")),
    ("price", QT_TRANSLATE_NOOP("LabelsDialog", "P&rice")),
    ("unit", QT_TRANSLATE_NOOP("LabelsDialog", "&Unit")),
)
MAX_COUNT = 10000  # as ``product labels --count``


class Cancelled(Exception):
    """The clerk pressed Cancel while the labels were drawn."""


def label_drawn(done: int, total: int) -> None:
    """Called on the worker after each label; tests replace it to hold the work at a label of their choosing."""


def default_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def default_name() -> str:
    """``条码标签-2026-12-08.pdf`` in Chinese, ``labels-2026-12-08.pdf`` in English."""
    word = translate("LabelsDialog", "labels")
    return f"{word}-{clock.today().isoformat()}.pdf"


def make_labels(reader, wanted: list[tuple[str, int]], receipt: str, per_unit: bool, count: int, layout: str,
                fields: frozenset[str], level: str, target: Path, stop: threading.Event, progress) -> Path:
    """On the worker: read the products (or the receipt's lines) and prices, render, write ``target`` whole."""
    from ui.pdf.labels import LAYOUTS as PDF_LAYOUTS
    from ui.pdf.labels import LabelItem
    from ui.pdf.labels import render_labels

    if receipt:
        from domain.purchasing.receipt_print import receipt_print

        wanted = [(line.sku, max(1, math.ceil(line.qty)) if per_unit else count)
                  for line in receipt_print(reader(), receipt).lines]
    items = []
    for sku, n in wanted:
        sheet = pm.price_sheet(reader(), sku, None)
        price = sheet.list_prices.get(level)
        product = sheet.product
        text = "" if price is None else f"{round_money(price):,.2f}"
        items.append((LabelItem(product.sku, product.name, product.unit, tuple(product.barcodes), text), n))

    def step(done: int, total: int) -> None:
        label_drawn(done, total)
        if stop.is_set():
            raise Cancelled
        if done == total or done % 20 == 0:
            progress((done, total))

    data = render_labels(items, PDF_LAYOUTS[layout], fields, progress=step)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".labels-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


class LabelsDialog(QDialog):
    """Labels for ``skus`` (a count each) or for the posted receipt ``receipt`` (per unit or per line)."""

    def __init__(self, services, skus: list[str] | None = None, receipt: str = "", parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.skus = list(skus or [])
        self.receipt = receipt
        self.stop = threading.Event()
        self.running = False
        self.written: Path | None = None
        settings = QSettings()

        self.layout_box = QComboBox(self)
        for key, _text in LAYOUTS:
            self.layout_box.addItem("", key)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_COUNT)
        self.per_unit = QRadioButton(self)
        self.per_line = QRadioButton(self)
        self.per_unit.setChecked(True)
        self.per_line.toggled.connect(lambda on: self.count.setEnabled(on))
        self.checks = {key: QCheckBox(self) for key, _text in FIELDS}
        self.level = QComboBox(self)
        self.file = QLineEdit(self)
        self.file.setMinimumWidth(self.file.fontMetrics().horizontalAdvance("x") * 48)  # the whole path, not its tail
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose_file)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)  # Enter prints
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        self.layout_label, self.count_label = QLabel(self), QLabel(self)
        self.fields_label, self.level_label, self.file_label = QLabel(self), QLabel(self), QLabel(self)
        self.layout_label.setBuddy(self.layout_box)
        self.count_label.setBuddy(self.count)
        self.level_label.setBuddy(self.level)
        self.file_label.setBuddy(self.file)
        form = QFormLayout()
        form.addRow(self.layout_label, self.layout_box)
        if receipt:
            per = QVBoxLayout()
            per.addWidget(self.per_unit)
            line = QHBoxLayout()
            line.addWidget(self.per_line)
            line.addWidget(self.count)
            line.addStretch(1)
            per.addLayout(line)
            form.addRow(QLabel(self), per)
            self.count_label.hide()
        else:
            form.addRow(self.count_label, self.count)
            self.per_unit.hide()
            self.per_line.hide()
        checks = QHBoxLayout()
        for box in self.checks.values():
            checks.addWidget(box)
        form.addRow(self.fields_label, checks)
        form.addRow(self.level_label, self.level)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        form.addRow(self.file_label, row)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.progress)
        outer.addWidget(self.message)
        outer.addWidget(self.buttons)

        # the desk's last choices
        index = self.layout_box.findData(settings.value("labels/layout", "a4-3x8", type=str))
        self.layout_box.setCurrentIndex(max(0, index))
        self.count.setValue(min(MAX_COUNT, max(1, settings.value("labels/count", 1, type=int))))
        chosen = settings.value("labels/fields", ",".join(k for k, _ in FIELDS), type=str).split(",")
        for key, box in self.checks.items():
            box.setChecked(key in chosen)
        if settings.value("labels/per", "unit", type=str) == "line":
            self.per_line.setChecked(True)
        self.count.setEnabled(not receipt or self.per_line.isChecked())
        self._level_wanted = settings.value("labels/level", "retail", type=str)
        folder = settings.value("labels/folder", default_folder(), type=str)
        self.file.setText(str(Path(folder) / default_name()))
        self.retranslate()
        self.level.addItem(self._level_wanted, self._level_wanted)
        self.levels_loaded = False
        reader = services.reader()
        services.tasks.submit(lambda: pm.level_names(reader), on_done=self._levels)

    def _levels(self, names: dict[str, str]) -> None:
        """Every price level, by the office's name where it gave one (as the product's selling prices show them)."""
        from domain.sales.prices import LEVELS
        from ui.screens.product_selling import level_label

        if not alive(self):
            return
        self.level.clear()
        for key in LEVELS:
            self.level.addItem(level_label(key, names), key)
        self.level.setCurrentIndex(max(0, self.level.findData(self._level_wanted)))
        self.levels_loaded = True

    def retranslate(self) -> None:
        n = len(self.skus)
        self.setWindowTitle(fill(translate("LabelsDialog", "Labels for receipt %1"), self.receipt) if self.receipt else
                            translate("LabelsDialog", "Print labels for %n product(s)", None, n))
        for i, (_key, text) in enumerate(LAYOUTS):
            self.layout_box.setItemText(i, translate("LabelsDialog", text))
        for key, text in FIELDS:
            self.checks[key].setText(translate("LabelsDialog", text))
        self.layout_label.setText(translate("LabelsDialog", "&Layout:"))
        self.count_label.setText(translate("LabelsDialog", "Count per pro&duct:"))
        self.per_unit.setText(translate("LabelsDialog", "One per unit receiv&ed"))
        self.per_line.setText(translate("LabelsDialog", "&Per line:"))
        self.fields_label.setText(translate("LabelsDialog", "Fields:"))
        self.level_label.setText(translate("LabelsDialog", "Price le&vel:"))
        self.file_label.setText(translate("LabelsDialog", "Save &to:"))
        self.browse.setText(translate("LabelsDialog", "Br&owse…"))
        self.print_button.setText(translate("LabelsDialog", "Pr&int"))
        self.cancel_button.setText(translate("LabelsDialog", "&Cancel"))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("LabelsDialog", "Save labels"), self.file.text(),
                                              translate("LabelsDialog", "PDF files (*.pdf)"))
        if path:
            self.file.setText(path)

    def fields(self) -> frozenset[str]:
        return frozenset(k for k, box in self.checks.items() if box.isChecked())

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def start(self) -> None:
        """Print: check the choices, remember them, and make the PDF on the task runner."""
        if self.running:
            return
        text = self.file.text().strip()
        if not text or not text.lower().endswith(".pdf") or Path(text).is_dir():
            self.say(translate("LabelsDialog", "Save to: give a file name ending in .pdf."), error=True)
            self.file.setFocus()
            return
        if not self.fields():
            self.say(translate("LabelsDialog", "Fields: tick at least one of name, SKU, barcode, price or unit."),
                     error=True)
            return
        target = Path(text).expanduser()
        settings = QSettings()
        settings.setValue("labels/layout", self.layout_box.currentData())
        settings.setValue("labels/count", self.count.value())
        settings.setValue("labels/fields", ",".join(k for k, _ in FIELDS if k in self.fields()))
        settings.setValue("labels/level", self.level.currentData() or "retail")
        settings.setValue("labels/folder", str(target.parent))
        if self.receipt:
            settings.setValue("labels/per", "unit" if self.per_unit.isChecked() else "line")
        self.running = True
        self.stop.clear()
        for widget in (self.layout_box, self.count, self.per_unit, self.per_line, self.level, self.file, self.browse,
                       self.print_button, *self.checks.values()):
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.say(translate("LabelsDialog", "Drawing the labels…"))
        reader, stop = self.services.reader, self.stop
        wanted = [(sku, self.count.value()) for sku in self.skus]
        args = (reader, wanted, self.receipt, self.per_unit.isChecked(), self.count.value(),
                self.layout_box.currentData(), self.fields(), self.level.currentData() or "retail", target, stop)
        self.services.tasks.submit(lambda progress: make_labels(*args, progress), on_done=self._done,
                                   on_error=self._failed, on_progress=self._step)

    def _step(self, value) -> None:
        if alive(self):
            done, total = value
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, path: Path) -> None:
        from ui.screens.sales.printing import open_pdf

        self.running = False
        self.written = path
        open_pdf(path)
        if alive(self):
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if not alive(self):
            return
        if isinstance(exc, Cancelled):
            QDialog.reject(self)
            return
        self.progress.hide()
        for widget in (self.layout_box, self.level, self.file, self.browse, self.print_button, *self.checks.values()):
            widget.setEnabled(True)
        self.count.setEnabled(not self.receipt or self.per_line.isChecked())
        self.per_unit.setEnabled(True)
        self.per_line.setEnabled(True)
        self.say(fill(translate("LabelsDialog", "Could not print: %1"), refusal_text(exc)), error=True)

    def reject(self) -> None:
        """Esc or Cancel: before printing, close; while printing, stop after the label being drawn."""
        if self.running:
            self.stop.set()
            self.cancel_button.setEnabled(False)
            self.say(translate("LabelsDialog", "Stopping…"))
            return
        super().reject()
