"""A thin indeterminate progress bar shown while a screen loads in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar
from shiboken6 import isValid


def alive(widget) -> bool:
    """False once Qt has deleted the widget (a background result may arrive after a screen closed)."""
    return widget is not None and isValid(widget)


class BusyBar(QProgressBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(4)
        self.setMaximumWidth(16_777_215)
        self.hide()

    def busy(self, on: bool) -> None:
        self.setVisible(on)
