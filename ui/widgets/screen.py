"""Base for the browsing screens: background loading with a busy bar, retranslation, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive


class Screen(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.busy_bar = BusyBar(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #9b1c1c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._loads = 0

    def load(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
             on_progress: Callable[[Any], None] | None = None) -> None:
        """Run ``fn`` on the task runner; ``on_done`` gets its result on the GUI thread.

        With ``on_progress``, ``fn`` takes a ``progress`` argument and may send partial results
        (the first rows of a long table) before it returns.
        """
        self._loads += 1
        ticket = self._loads
        self.busy_bar.busy(True)
        self.error_label.hide()

        def done(result: Any) -> None:
            if alive(self) and ticket == self._loads:  # a newer load supersedes this one
                self.busy_bar.busy(False)
                on_done(result)
                self.loaded()

        def failed(exc: BaseException) -> None:
            if alive(self) and ticket == self._loads:
                self.busy_bar.busy(False)
                self.show_error(exc)

        def partial(result: Any) -> None:
            if on_progress is not None and alive(self) and ticket == self._loads:
                on_progress(result)

        self.services.tasks.submit(fn, on_done=done, on_error=failed, on_progress=partial)

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setText(QCoreApplication.translate("Screen", "Could not load the data: %1")
                                 .replace("%1", str(exc)))
        self.error_label.show()

    def loading_note(self) -> str:
        """Said beside counts and totals while a table is still arriving (they cover the rows so far)."""
        return "  " + QCoreApplication.translate("Screen", "(loading all rows…)") if self.loading else ""

    @property
    def loading(self) -> bool:
        return not self.busy_bar.isHidden()

    def loaded(self) -> None:
        """Called after a load's result has been shown."""

    def refresh(self) -> None:
        """Reload the screen's data in the background."""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
