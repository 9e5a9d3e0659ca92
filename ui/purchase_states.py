"""A purchase order's states as the window names them, for the purchasing screen and the command line's ``po list``.

Only Qt's core is imported, so ``po list`` stays quick to start; the screen translates with the window's translator
(``ui.screens.purchasing.editor.state_text``), the command line with ``ui.i18n.label_translator``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "PurchasingScreen"
STATES = {
    "draft": QT_TRANSLATE_NOOP("PurchasingScreen", "Draft"),
    "issued": QT_TRANSLATE_NOOP("PurchasingScreen", "Issued"),
    "partly_received": QT_TRANSLATE_NOOP("PurchasingScreen", "Partly received"),
    "received": QT_TRANSLATE_NOOP("PurchasingScreen", "Received"),
    "cancelled": QT_TRANSLATE_NOOP("PurchasingScreen", "Cancelled"),
    "closed": QT_TRANSLATE_NOOP("PurchasingScreen", "Closed"),
}


def state_name(state: str, translate=lambda text: text) -> str:
    """``state`` as the window names it, through ``translate`` (a text → text function); an unknown one as stored."""
    return translate(STATES[state]) if state in STATES else state
