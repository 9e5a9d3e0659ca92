"""Base for the browsing screens: background loading with a busy bar, retranslation, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from ui.i18n import fill
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

ERROR_STYLE = "color: #9b1c1c;"
STALE_STYLE = "color: #7a4b00; background: #fff4d6; padding: 3px;"


class Screen(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.busy_bar = BusyBar(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._loads = 0
        self._loaded_generation = 0  # the database change count when the shown data began to load (ui.watch)

    def load(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
             on_progress: Callable[[Any], None] | None = None, *, background: bool = False) -> None:
        """Run ``fn`` on the task runner; ``on_done`` gets its result on the GUI thread.

        With ``on_progress``, ``fn`` takes a ``progress`` argument and may send partial results
        (the first rows of a long table) before it returns. With ``background``, nobody is waiting for it (see
        ``TaskRunner``): it runs on the runner's background pool, and never holds a thread another screen loads on.
        """
        self._loads += 1
        ticket = self._loads
        self._loaded_generation = self.services.data_generation()
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

        self.services.tasks.submit(fn, on_done=done, on_error=failed, on_progress=partial, background=background)

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(fill(QCoreApplication.translate("Screen", "Could not load the data: %1"), str(exc)))
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

    # A browsing screen reloads by itself when the database changes (``ui.watch``): ``follows_data``.
    # A screen where the user edits or plans says instead that what it shows is out of date: ``marks_stale``
    # (reloading under the user's hands would lose what they are doing). Settings pages do neither.
    follows_data = False
    marks_stale = False

    def data_changed(self, generation: int) -> None:
        """The database changed (here, by a sync or by another program) after the shown data began to load.

        ``generation`` is the watcher's change count; a change the last load already saw is ignored.
        """
        if generation <= self._loaded_generation:
            return
        if self.follows_data:
            self.refresh()
        elif self.marks_stale:
            self.show_stale()

    def stale_text(self) -> str:
        return QCoreApplication.translate("Screen", "The data changed since this screen was loaded: press F5 to "
                                                    "see it as it is now.")

    def show_stale(self) -> None:
        """Say plainly that what is shown is out of date (the next load hides it)."""
        self.error_label.setStyleSheet(STALE_STYLE)
        self.error_label.setText(self.stale_text())
        self.error_label.show()

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
