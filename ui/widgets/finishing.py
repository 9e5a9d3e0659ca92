"""What the window shows while it closes and background work (a planning run, a sync, a PDF, a report) finishes.

The window does not close under running work (its database would be pulled away from the job) and does not block
its thread waiting for it either: it stays, disabled, under this dialog, which says how many tasks are left and
goes once they have all reported; then the window closes (``ui.main_window.MainWindow.closeEvent``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QVBoxLayout

translate = QCoreApplication.translate


class FinishingDialog(QDialog):
    """A busy bar and the count of tasks left; it cannot be dismissed (Esc, the close button): the work it waits for
    cannot be cut off safely, and the window closes by itself once it is done."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setWindowTitle(translate("MainWindow", "Closing Stockroom"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setMinimumWidth(360)
        self.left(0)

    def left(self, count: int) -> None:
        """Say that ``count`` tasks are still finishing."""
        self.label.setText(translate(
            "MainWindow", "Finishing %n background task(s)… Stockroom closes as soon as they are done.", None,
            count))

    def reject(self) -> None:  # Esc: the work goes on, so does the dialog
        pass

    def closeEvent(self, event) -> None:
        event.ignore()
