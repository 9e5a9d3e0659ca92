"""The ABC/XYZ matrix: a small window opened from the Replenishment screen ("ABC/XYZ matrix…").

Three rows (A, B, C: what a product's demand is worth, or its quantity, as Settings › Planning says) by three
columns (X, Y, Z: how steady its weekly demand is), each cell with its number of products and their annual demand
value, shaded by the value (a heat map: the darker, the more of the value). It reads the classes the last planning
run stored (``services.planning.classes()``, on the task runner), so opening it plans nothing; the screen refreshes
it after each run. Clicking a cell filters the replenishment list to that cell (``cell_chosen``); "Show all"
clears the filter. The rules are ``domain.planning.classification``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout

from ui.i18n import fill
from ui.models.classes import ABC
from ui.models.classes import XYZ
from ui.models.table import money_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate

CELL_ROLE = Qt.ItemDataRole.UserRole  # the cell's code, e.g. "AX"
HEAT = (214, 96, 77)  # the colour of the cell holding the most value; the others lighter by their share


def heat(share: float) -> QColor:
    """White for no value, ``HEAT`` for the largest cell's, in between by the share of it."""
    share = min(max(share, 0.0), 1.0)
    return QColor(*(round(255 - (255 - c) * (0.15 + 0.85 * share)) if share > 0 else 255 for c in HEAT))


class ClassMatrixDialog(QDialog):
    cell_chosen = Signal(object)  # "AX" … "CZ", or None: show every class

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.classes: dict = {}
        self.cells: dict = {}
        self.loaded = False  # until the stored classes are read, an empty matrix means "not read yet", not "none"
        self.setModal(False)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(3, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumSize(480, 240)
        for r, a in enumerate(ABC):
            for c, x in enumerate(XYZ):
                item = QTableWidgetItem()
                item.setData(CELL_ROLE, a + x)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.table.cellClicked.connect(lambda r, c: self.cell_chosen.emit(ABC[r] + XYZ[c]))
        self.total = QLabel(self)
        self.all_button = QPushButton(self)
        self.all_button.clicked.connect(lambda: (self.table.clearSelection(), self.cell_chosen.emit(None)))
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def refresh(self) -> None:
        """Read the stored classes in the background, then show them."""
        planning = self.services.planning

        def shown(classes) -> None:
            if alive(self):
                self.set_classes(classes)

        def failed(exc: BaseException) -> None:
            from ui.refusals import refusal_text

            if alive(self):
                self.loaded = True
                self.intro.setText(refusal_text(exc))

        self.services.tasks.submit(planning.classes, on_done=shown, on_error=failed)

    def set_classes(self, classes: dict) -> None:
        """Per product id, its ``ProductClass`` (``domain.planning.classification``)."""
        from domain.planning.classification import matrix

        self.classes = classes
        self.loaded = True
        self.cells = matrix(classes.values())
        top = max((cell.value for cell in self.cells.values()), default=0) or 1
        for r, a in enumerate(ABC):
            for c, x in enumerate(XYZ):
                cell = self.cells[a + x]
                item = self.table.item(r, c)
                item.setBackground(QBrush(heat(float(cell.value / top))))
                dark = cell.value / top > 0.6
                item.setForeground(QBrush(QColor("white" if dark else "black")))
        self.retranslate()

    def select(self, choice: str | None) -> None:
        """Mark the cell the screen filters by (none when it filters otherwise)."""
        self.table.clearSelection()
        for r, a in enumerate(ABC):
            for c, x in enumerate(XYZ):
                if a + x == choice:
                    self.table.setCurrentCell(r, c)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ClassMatrixDialog", "ABC/XYZ matrix"))
        basis = next(iter(self.classes.values())).basis if self.classes else "value"
        by = (translate("ClassMatrixDialog", "A, B, C by annual demand value") if basis == "value"
              else translate("ClassMatrixDialog", "A, B, C by annual demand quantity"))
        if self.classes:
            self.intro.setText(fill(translate(
                "ClassMatrixDialog",
                "%1 (A the first 80 %, B the next 15 %, C the rest); X, Y, Z by how much the weekly demand varies "
                "(X: CV below 0.5, Y: below 1, Z: more or too little history). From the last planning run. Click a "
                "cell to list its products' alerts."), by))
        elif not self.loaded:
            self.intro.setText(translate("ClassMatrixDialog", "Reading the classes of the last planning run…"))
        else:
            self.intro.setText(translate("ClassMatrixDialog", "No planning run has classified the products yet: run "
                                                        "planning (F5)."))
        self.table.setHorizontalHeaderLabels([fill(translate("ClassMatrixDialog", "%1 steady"), "X"),
                                              fill(translate("ClassMatrixDialog", "%1 varying"), "Y"),
                                              fill(translate("ClassMatrixDialog", "%1 erratic"), "Z")])
        self.table.setVerticalHeaderLabels(list(ABC))
        for r, a in enumerate(ABC):
            for c, x in enumerate(XYZ):
                cell = self.cells.get(a + x)
                count, value = (cell.count, cell.value) if cell else (0, 0)
                self.table.item(r, c).setText(
                    f"{a}{x}\n" + self.tr("%n product(s)", None, count) + "\n" + money_text(value))
        count = sum(cell.count for cell in self.cells.values())
        value = sum((cell.value for cell in self.cells.values()), 0)
        self.total.setText(self.tr("%n product(s)", None, count) + "  ·  "
                           + fill(translate("ClassMatrixDialog", "annual demand value %1"), money_text(value)))
        self.all_button.setText(translate("ClassMatrixDialog", "Show all"))
        self.close_button.setText(translate("ClassMatrixDialog", "Close"))
