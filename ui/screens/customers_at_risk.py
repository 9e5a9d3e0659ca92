"""The Partners screen's "At risk" tab: the customers slipping away (``domain.sales.churn``), the largest value at
risk first, each with the reason in words, an Export (Excel workbook or PDF) and a printable call list.

The list is read in the background (``services.sales.at_risk``) when the tab is first shown and on Refresh. The
reason is worded here from ``Reason``'s figures, so it follows the window's language; the files are written in the
window's language too (``ui.churn_export``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from domain.sales.churn import MIN_ORDERS
from domain.sales.churn import OVERDUE_FACTOR
from domain.sales.churn import Reason
from domain.sales.churn import days_text
from ui.i18n import CHINESE
from ui.i18n import ENGLISH
from ui.i18n import current_language
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.refusals import refusal_text
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "CustomersAtRisk"


def reason_words(reason: Reason) -> str:
    """``reason`` in the window's language."""
    rhythm = fill(translate("CustomersAtRisk", "ordered every %1 days (median of %2 orders), nothing for %3 days"),
                  days_text(reason.median_days), str(reason.visits), str(reason.days_since))
    if not reason.short_lines:
        return rhythm
    parts = []
    if reason.cut:
        parts.append(fill(translate("CustomersAtRisk", "%1 cut"), str(reason.cut)))
    if reason.lost == 1:
        parts.append(fill(translate("CustomersAtRisk", "%1 lost sale"), str(reason.lost)))
    elif reason.lost:
        parts.append(fill(translate("CustomersAtRisk", "%1 lost sales"), str(reason.lost)))
    if reason.waiting:
        parts.append(fill(translate("CustomersAtRisk", "%1 waiting"), str(reason.waiting)))
    if reason.short_lines == 1:
        had = translate("CustomersAtRisk", "had %1 short-shipped line in the %2 days before going quiet (%3); %4")
    else:
        had = translate("CustomersAtRisk", "had %1 short-shipped lines in the %2 days before going quiet (%3); %4")
    return fill(had, str(reason.short_lines), str(reason.window_days),
                translate("CustomersAtRisk", ", ").join(parts), rhythm)


class AtRiskModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Customer"), lambda r: r.customer.code),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Name"), lambda r: r.customer.name),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Phone"), lambda r: r.customer.phone),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Last order"), lambda r: r.rhythm.last, date.isoformat),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Every (days)"), lambda r: r.rhythm.median_days, days_text,
               True),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Silent (days)"), lambda r: r.days_since, str, True),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Typical order"), lambda r: r.rhythm.basket, money_text, True),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Value at risk"), lambda r: r.value_at_risk, money_text, True),
        Column(QT_TRANSLATE_NOOP("CustomersAtRisk", "Why"), lambda r: reason_words(r.reason)),
    )


def file_language() -> str:
    return CHINESE if current_language() == CHINESE else ENGLISH


class AtRiskPanel(QWidget):
    changed = Signal()  # the list was read again

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.as_of = clock.today()
        self.loaded_once = False
        self.busy_bar = BusyBar(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = AtRiskModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = DataTable("customers-at-risk", self)
        self.table.setModel(self.proxy)
        self.table.set_widths({0: 80, 1: 140, 2: 110, 3: 85, 4: 90, 5: 90, 6: 95, 7: 95, 8: 640})
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_call_list)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.refresh_button, self.export_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._enable()

    @property
    def risks(self) -> list:
        return self.model.rows

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self.loaded_once:
            self.refresh()

    def refresh(self) -> None:
        self.loaded_once = True
        self.as_of = clock.today()
        as_of, sales, places = self.as_of, self.services.sales, self.services.database.money_places
        self.busy_bar.busy(True)
        self.services.tasks.submit(lambda: sales.at_risk(as_of, places), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, risks) -> None:
        if not alive(self):
            return
        self.busy_bar.busy(False)
        self.model.set_rows(risks)
        self.retranslate()
        self._enable()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.busy_bar.busy(False)
            self.say(refusal_text(exc), error=True)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #9b1c1c;" if error else "color: #1a7f37;")
        self.message.setText(text)

    def export(self) -> None:
        """Ask where, then write the list (.xlsx) or the call list (.pdf)."""
        folder = QSettings().value("export/folder", str(Path.home()), type=str)
        name = translate("CustomersAtRisk", "customers-at-risk")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("CustomersAtRisk", "Export customers at risk"),
            str(Path(folder) / f"{name}-{self.as_of.isoformat()}.xlsx"),
            translate("CustomersAtRisk", "Excel workbook (*.xlsx);;PDF call list (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".pdf"):
            target = target.with_name(target.name + ".xlsx")
        QSettings().setValue("export/folder", str(target.parent))
        self.export_to(target)

    def export_to(self, target: Path, then=None) -> None:
        """Write the shown list to ``target`` on the task runner; ``then(path)`` after it was written."""
        from ui.churn_export import write_at_risk

        risks, as_of, language = list(self.risks), self.as_of, file_language()
        places = self.services.database.money_places

        def job() -> Path:
            write_at_risk(risks, as_of, target, language, places)
            return target

        def done(path: Path) -> None:
            if alive(self):
                self.busy_bar.busy(False)
                self.say(fill(translate("CustomersAtRisk", "Wrote %1"), str(path)))
                if then is not None:
                    then(path)

        self.busy_bar.busy(True)
        self.services.tasks.submit(job, on_done=done, on_error=self._failed)

    def print_call_list(self) -> None:
        """The call list as a PDF in the sales documents' folder, opened in the system's viewer to print."""
        from ui.screens.sales import printing

        name = translate("CustomersAtRisk", "call list")
        self.export_to(printing.pdf_folder() / f"{name} {self.as_of.isoformat()}.pdf", printing.open_pdf)

    def _enable(self) -> None:
        self.export_button.setEnabled(True)
        self.print_button.setEnabled(bool(self.risks))

    def retranslate(self) -> None:
        self.note.setText(fill(translate(
            "CustomersAtRisk", "Customers who have ordered at least %1 times and have now been silent for more than "
                               "%2 times their usual interval, the largest value at risk (typical order × orders "
                               "missed) first."), str(MIN_ORDERS), str(OVERDUE_FACTOR)))
        self.refresh_button.setText(translate("CustomersAtRisk", "&Refresh"))
        self.export_button.setText(translate("CustomersAtRisk", "E&xport…"))
        self.print_button.setText(translate("CustomersAtRisk", "&Print call list"))
        self.model.retranslate()
