"""The "Service target…" dialog of the Replenishment screen: one product's own cycle service target and
review period (``domain.planning.product``). A blank field keeps the default, shown as its placeholder:
the target of the product's ABC class and the run's review period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.planning.product import parse_review_days
from domain.planning.product import parse_service_target
from domain.planning.run import DEFAULT_REVIEW_DAYS
from domain.planning.run import SERVICE_BY_CLASS
from ui.i18n import fill

translate = QCoreApplication.translate


def _percent(fraction: float) -> str:
    return f"{fraction * 100:g}"


class ServiceTargetDialog(QDialog):
    """Asks for the service target (%) and review period (days) of the plan line ``row`` (an ItemPlan)."""

    def __init__(self, row, parent=None) -> None:
        super().__init__(parent)
        self.row = row
        e = row.explanation or {}
        self.setWindowTitle(fill(translate("Replenishment", "Service target of %1"), row.sku))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.service = QLineEdit(self)
        if e.get("office_service_source") == "cost":  # what the office's rule by unit cost gives it
            self.service.setPlaceholderText(fill(translate("Replenishment", "%1 % (by its unit cost)"),
                                                 _percent(float(e["office_service_target"]))))
        else:
            self.service.setPlaceholderText(
                fill(translate("Replenishment", "%1 % (ABC class %2)"),
                     _percent(SERVICE_BY_CLASS.get(row.abc, SERVICE_BY_CLASS["C"])), row.abc))
        if e.get("service_source") == "product":
            self.service.setText(_percent(float(e["service_target"])))
        self.review = QLineEdit(self)
        self.review.setPlaceholderText(
            fill(translate("Replenishment", "%1 (default)"), str(DEFAULT_REVIEW_DAYS)))
        if e.get("review_source") == "product":
            self.review.setText(str(e["review_days"]))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.service_label = QLabel(self)
        self.review_label = QLabel(self)
        form.addRow(self.service_label, self.service)
        form.addRow(self.review_label, self.review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.intro.setText(fill(translate(
                 "Replenishment", "%1 %2: leave a field blank to use the default shown in it."), row.sku, row.name))
        self.service_label.setText(translate("Replenishment", "Service target (%):"))
        self.review_label.setText(translate("Replenishment", "Review period (days):"))
        self.service.setFocus()

    def texts(self) -> tuple[str, str]:
        """(service target, review days) as typed."""
        return self.service.text().strip(), self.review.text().strip()

    def accept(self) -> None:
        """Checked here with the domain's rules, so a wrong value is said next to the fields."""
        service, review = self.texts()
        try:
            parse_service_target(service)
        except BadInput:
            return self._refuse(self.service, translate(
                "Replenishment", "Service target: give a percentage above 50 and at most 99.99 (up to 2 decimals), "
                                 "or leave it blank."))
        try:
            parse_review_days(review)
        except BadInput:
            return self._refuse(self.review, translate(
                "Replenishment", "Review period: give whole days from 1 to 365, or leave it blank."))
        super().accept()
        return None

    def _refuse(self, field: QLineEdit, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        field.setFocus()
        field.selectAll()


def saved_text(sku: str, service, review) -> str:
    """What the status line says once the overrides are saved."""
    what = fill(translate("Replenishment", "%1: service target %2, review period %3. Planning again…"), sku)
    target = (fill(translate("Replenishment", "%1 % set for this product"), fmt(service * 100))
              if service is not None else translate("Replenishment", "by the rule of Settings › Planning"))
    days = (fill(translate("Replenishment", "%1 days set for this product"), str(review))
            if review is not None else translate("Replenishment", "the default"))
    return what.replace("%2", target).replace("%3", days)
