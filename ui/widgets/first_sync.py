"""The band above the screens while a desk's first sync runs (a desk joining the office's shared database).

A first pull brings the office's records a batch at a time; the screens go on showing what is here already (their
loads never wait for the sync's writes: ``Services.reader``, and the sync runs on a queue of its own) and follow
each batch as it is committed. The band says so, with the sync's progress in words, so a clerk who opens the Products
screen half-way through knows why it is not complete yet. It shows only while a sync runs on a file that has never
synced; the status bar keeps its short form of the same progress, and passes each state on to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ui.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
STYLE = "color: #0b3d6b; background: #e3f0fb; padding: 6px; border-bottom: 1px solid #b7d4ee;"


def is_first_sync(state) -> bool:
    """A sync is running on a file that has never synced with the hub."""
    return bool(state.running and state.last_success_at is None)


def progress_words(state) -> str:
    """What the first sync is doing, in words: which records, how many of how many."""
    done, total = f"{state.done:,}", f"{state.total:,}"
    if state.stage == "pull":
        if state.total:
            return fill(translate("FirstSync", "receiving the office's records, %1 of %2"), done, total)
        return translate("FirstSync", "receiving the office's records")
    if state.stage == "recompute":
        return translate("FirstSync", "working out the stock from the received movements")
    if state.stage == "push" and state.total:
        return fill(translate("FirstSync", "sending this computer's records, %1 of %2"), done, total)
    return translate("FirstSync", "connecting and sending this computer's records")


def banner_text(state) -> str:
    return fill(translate("FirstSync", "First sync with the shared database: %1. The screens show what has arrived so "
                                       "far and fill in as the rest comes; you can keep working."),
                progress_words(state))


class FirstSyncBanner(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.state = None
        self.hide()

    def show_state(self, state) -> None:
        self.state = state
        first = is_first_sync(state)
        self.setText(banner_text(state) if first else "")
        self.setVisible(first)

    def retranslate(self) -> None:
        if self.state is not None:
            self.show_state(self.state)
