"""Settings › Planning: what ABC ranks products by, their annual demand value (the default) or its quantity.

The choice is kept in the database (``domain.planning.settings``, the purchaser's right) and read by every
planning run; the classes already shown change with the next run (F5 on the Replenishment screen).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class PlanningPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.basis_label = QLabel(self)
        self.basis = QComboBox(self)
        self.basis.addItem("", "value")
        self.basis.addItem("", "volume")
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.basis_label, self.basis)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        uow = self.services.uow

        def read():
            from domain.planning.settings import abc_basis

            return abc_basis(uow())

        self.services.tasks.submit(read, on_done=self._show, on_error=self._failed)

    def _show(self, basis: str) -> None:
        if alive(self):
            self.basis.setCurrentIndex(max(self.basis.findData(basis), 0))

    def save(self) -> None:
        from domain.planning.settings import SetAbcBasis

        command, uow = SetAbcBasis(self.basis.currentData()), self.services.uow
        self.saved_label.clear()

        def write():
            from domain.planning.settings import set_abc_basis

            return set_abc_basis(uow(), command)

        def done(basis: str) -> None:
            if alive(self):
                self._show(basis)
                self.saved_label.setText(translate("PlanningPage", "Saved. The next planning run ranks by it."))

        self.services.tasks.submit(write, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.saved_label.setText(fill(translate("PlanningPage", "Not saved: %1"), refusal_text(exc)))

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "PlanningPage", "Planning ranks products into ABC classes: A the products making the first 80 % of the "
                            "annual demand, B the next 15 %, C the rest; A products get a higher service target unless "
                            "a product has its own. Rank them by what their demand is worth (quantity × price) or by "
                            "the quantity alone."))
        self.basis_label.setText(translate("PlanningPage", "Rank ABC by:"))
        self.basis.setItemText(0, translate("PlanningPage", "Demand value (quantity × price)"))
        self.basis.setItemText(1, translate("PlanningPage", "Demand quantity (volume)"))
        self.save_button.setText(translate("PlanningPage", "Save"))
