"""The question before receiving against a PO when the clerk scanned some lines and left others untouched.

The received quantities start at what is still expected. A clerk who scans only what arrived in a partial
delivery has not looked at the other lines, so posting them as prefilled would receive stock that is not there.
``ask_unscanned`` names how many lines and which SKUs were neither scanned nor edited and offers: leave them open
(received as 0, the default: Enter takes it) or receive them as expected; Esc (Cancel) goes back to the entry.
Used by the Purchasing screen's Receive… dialog and by the Receive screen against a PO.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
SHOWN_SKUS = 8  # more than this many SKUs are summed up as "and N more"


class Unscanned(Enum):
    LEAVE_OPEN = "leave_open"  # the unscanned lines receive 0 and stay open on the PO
    RECEIVE_EXPECTED = "receive_expected"  # the unscanned lines receive what was prefilled


def unscanned_box(parent, skus: list[str]) -> QMessageBox:
    """The question about ``skus`` (the lines neither scanned nor edited), not yet shown."""
    shown = ", ".join(skus[:SHOWN_SKUS])
    if len(skus) > SHOWN_SKUS:
        shown = fill(translate("UnscannedLines", "%1 and %2 more"), shown, len(skus) - SHOWN_SKUS)
    count = len(skus)  # a plain name: lupdate does not read a call as the count of a plural
    text = fill(translate("UnscannedLines", "%n line(s) were neither scanned nor changed: %1. Receive them as "
                                            "expected, or leave them open?", None, count), shown)
    box = QMessageBox(QMessageBox.Icon.Question, translate("UnscannedLines", "Lines not scanned"), text,
                      QMessageBox.StandardButton.No | QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(translate(
        "UnscannedLines", "Leave them open: they are received as 0 and stay open on the purchase order. "
                          "Receive them as expected: the full quantity still expected is received."))
    box.button(QMessageBox.StandardButton.No).setText(translate("UnscannedLines", "&Leave them open"))
    box.button(QMessageBox.StandardButton.Yes).setText(translate("UnscannedLines", "Receive them as &expected"))
    box.button(QMessageBox.StandardButton.Cancel).setText(translate("UnscannedLines", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.No)  # the safe choice: Enter receives nothing not counted
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_unscanned(parent, skus: list[str]) -> Unscanned | None:
    """Ask about the lines ``skus``; None when the clerk cancels (Esc) to go back to the entry."""
    answer = unscanned_box(parent, skus).exec()
    if answer == QMessageBox.StandardButton.No:
        return Unscanned.LEAVE_OPEN
    if answer == QMessageBox.StandardButton.Yes:
        return Unscanned.RECEIVE_EXPECTED
    return None


def leave_unscanned_open(parent, model, focus) -> bool | None:
    """Before posting ``model``'s receipt against a PO: whether the lines neither scanned nor edited are left open.

    False when nothing needs asking (nothing scanned, or every line looked at); otherwise the clerk's answer, or None
    when they cancelled, with the focus put back on ``focus`` (the scan field) and nothing to post."""
    unconfirmed = model.unconfirmed_lines()
    if not unconfirmed:
        return False
    answer = ask_unscanned(parent, [x.sku for x in unconfirmed])
    if answer is None:
        focus.setFocus()
        return None
    return answer == Unscanned.LEAVE_OPEN
